"""`seva eval`: the triage core measured on the project's labelled tweets (dev and held-out test splits)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from seva.events import Category, Urgency
from seva.xpayload import parse_tweet
from streams.triage import TriageResult, triage_tweet

EVAL_DATA = Path(__file__).resolve().parent / "eval_data"
# dev and train teach the category model (`seva train`); test and independent are held out and only scored.
# independent.jsonl was written by another annotator from the specification alone (eval_data/README.md).
TRAINING_SPLITS = ("dev", "train")
HELD_OUT_SPLITS = ("test", "independent")
SPLITS = (*TRAINING_SPLITS, *HELD_OUT_SPLITS)
HIGH_PRIORITY = frozenset({Urgency.P1, Urgency.P2})


@dataclass(frozen=True)
class Labelled:
    tweet_id: str
    text: str
    category: Category
    urgency: Urgency
    district: str
    language: str


@dataclass(frozen=True)
class Scored:
    gold: Labelled
    got: TriageResult


def load(paths: Iterable[Path]) -> list[tuple[Labelled, bytes]]:
    """Each line: {"tweet": X v2 tweet, "includes": {...}, "label": {category, urgency, district}, "meta"}."""
    out = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            label = doc["label"]
            envelope = json.dumps({"data": doc["tweet"], "includes": doc.get("includes", {})}, ensure_ascii=False)
            gold = Labelled(
                tweet_id=str(doc["tweet"]["id"]),
                text=doc["tweet"]["text"],
                category=Category(label["category"]),
                urgency=Urgency(label["urgency"]),
                district=label["district"],
                language=doc.get("meta", {}).get("language", "?"),
            )
            out.append((gold, envelope.encode()))
            if not gold.text:
                raise ValueError(f"{path}:{n}: empty text")
    return out


def score(items: list[tuple[Labelled, bytes]]) -> list[Scored]:
    now = datetime.now(UTC)
    return [Scored(gold, triage_tweet(parse_tweet(raw, "eval", now, 1 << 20))) for gold, raw in items]


@dataclass
class Report:
    n: int
    per_category: dict[str, tuple[float, float, float, int]]  # precision, recall, f1, support
    macro_f1: float
    category_accuracy: float
    urgency_accuracy: float
    district_accuracy: float
    p1_recall: float
    p1_precision: float
    alert_worth: float
    by_language: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "macro_f1": round(self.macro_f1, 4),
            "category_accuracy": round(self.category_accuracy, 4),
            "urgency_accuracy": round(self.urgency_accuracy, 4),
            "district_accuracy": round(self.district_accuracy, 4),
            "p1_recall": round(self.p1_recall, 4),
            "p1_precision": round(self.p1_precision, 4),
            "alert_worth": round(self.alert_worth, 4),
            "per_category": {
                c: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": s}
                for c, (p, r, f, s) in self.per_category.items()
            },
            "by_language": self.by_language,
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def alert_worth(scored: list[Scored]) -> float:
    """TREC-IS-style alert worth in [-1, 1]: the mean of the worth on truly high-priority tweets (P1/P2:
    +1 alerted, -1 missed) and on the rest (+1 left quiet, -1 a false alarm), each averaged over its own
    tweets so the rare high-priority ones weigh as much as the many routine ones."""
    high = [s for s in scored if s.gold.urgency in HIGH_PRIORITY]
    low = [s for s in scored if s.gold.urgency not in HIGH_PRIORITY]
    hw = sum(1 if s.got.urgency in HIGH_PRIORITY else -1 for s in high) / len(high) if high else 0.0
    lw = sum(-1 if s.got.urgency in HIGH_PRIORITY else 1 for s in low) / len(low) if low else 0.0
    return (hw + lw) / 2


def report(scored: list[Scored]) -> Report:
    per_cat: dict[str, tuple[float, float, float, int]] = {}
    for cat in Category:
        tp = sum(1 for s in scored if s.gold.category is cat and s.got.category is cat)
        predicted = sum(1 for s in scored if s.got.category is cat)
        support = sum(1 for s in scored if s.gold.category is cat)
        p, r = _ratio(tp, predicted), _ratio(tp, support)
        per_cat[cat.value] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, support)
    present = [v for v in per_cat.values() if v[3] > 0]
    gold_p1 = [s for s in scored if s.gold.urgency is Urgency.P1]
    got_p1 = [s for s in scored if s.got.urgency is Urgency.P1]
    by_lang: dict[str, dict[str, float]] = {}
    for lang in sorted({s.gold.language for s in scored}):
        subset = [s for s in scored if s.gold.language == lang]
        by_lang[lang] = {
            "n": len(subset),
            "category_accuracy": round(_ratio(sum(s.got.category is s.gold.category for s in subset), len(subset)), 4),
            "urgency_accuracy": round(_ratio(sum(s.got.urgency is s.gold.urgency for s in subset), len(subset)), 4),
            "district_accuracy": round(_ratio(sum(s.got.district == s.gold.district for s in subset), len(subset)), 4),
        }
    n = len(scored)
    return Report(
        n=n,
        per_category=per_cat,
        macro_f1=sum(v[2] for v in present) / len(present) if present else 0.0,
        category_accuracy=_ratio(sum(s.got.category is s.gold.category for s in scored), n),
        urgency_accuracy=_ratio(sum(s.got.urgency is s.gold.urgency for s in scored), n),
        district_accuracy=_ratio(sum(s.got.district == s.gold.district for s in scored), n),
        p1_recall=_ratio(sum(s.got.urgency is Urgency.P1 for s in gold_p1), len(gold_p1)),
        p1_precision=_ratio(sum(s.gold.urgency is Urgency.P1 for s in got_p1), len(got_p1)),
        alert_worth=alert_worth(scored),
        by_language=by_lang,
    )


def format_report(rep: Report, title: str) -> str:
    header = f"  {'category':<18} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>5}"
    lines = [f"{title}: {rep.n} labelled tweets", "", header]
    for cat, (p, r, f, s) in rep.per_category.items():
        lines.append(f"  {cat:<18} {p:>6.3f} {r:>6.3f} {f:>6.3f} {s:>5}")
    lines += [
        "",
        f"  macro-F1            {rep.macro_f1:.3f}   (target >= 0.85)",
        f"  category accuracy   {rep.category_accuracy:.3f}",
        f"  P1 recall           {rep.p1_recall:.3f}   (target >= 0.95)",
        f"  P1 precision        {rep.p1_precision:.3f}",
        f"  urgency accuracy    {rep.urgency_accuracy:.3f}",
        f"  district accuracy   {rep.district_accuracy:.3f}   (target >= 0.95)",
        f"  alert worth         {rep.alert_worth:+.3f}   (TREC-IS style, -1..1)",
        "",
        "  by language: " + "; ".join(
            f"{lang} n={v['n']:.0f} cat {v['category_accuracy']:.2f} urg {v['urgency_accuracy']:.2f} "
            f"dist {v['district_accuracy']:.2f}" for lang, v in rep.by_language.items()
        ),
    ]
    return "\n".join(lines)


def errors(scored: list[Scored], limit: int) -> list[str]:
    out = []
    for s in scored:
        wrong = [
            f"{name} {g} -> {o}" for name, g, o in (
                ("category", s.gold.category.value, s.got.category.value),
                ("urgency", s.gold.urgency.value, s.got.urgency.value),
                ("district", s.gold.district, s.got.district),
            ) if g != o
        ]
        if wrong:
            out.append(f"- {s.gold.tweet_id} [{s.gold.language}] {'; '.join(wrong)}\n    {s.gold.text[:200]!r}\n"
                       f"    reasons: {' | '.join(s.got.reasons)}")
        if len(out) >= limit:
            break
    return out


def confusion(scored: list[Scored]) -> Counter[tuple[str, str]]:
    return Counter((s.gold.category.value, s.got.category.value) for s in scored if s.gold.category != s.got.category)
