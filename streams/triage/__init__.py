"""The pure triage core: category, urgency (with the night rule) and district of a tweet, with reasons.

No Kafka here: `triage()` is a plain function that the Faust agent, `seva classify`, `seva eval` and the
benchmarks all call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from seva.events import Category, RawTweet, Urgency, parse_created_at
from streams.triage.classify import decide_category, decide_urgency, gather
from streams.triage.normalize import normalize
from streams.triage.places import resolve_district

__all__ = ["TriageInput", "TriageResult", "triage", "triage_tweet"]


@dataclass(frozen=True)
class TriageInput:
    """What triage reads of a tweet."""

    text: str
    created_at: datetime  # aware, UTC
    mentions: tuple[str, ...] = ()
    author_location: str | None = None


@dataclass(frozen=True)
class TriageResult:
    category: Category
    urgency: Urgency
    district: str
    reasons: tuple[str, ...]


def triage(item: TriageInput) -> TriageResult:
    norm = normalize(item.text)
    evidence = gather(norm.tokens)
    category, cat_reasons = decide_category(evidence, len(norm.tokens))
    urgency, urg_reasons = decide_urgency(category, evidence, item.created_at)
    handles = tuple(dict.fromkeys([*(m.lower() for m in item.mentions), *norm.handles]))
    place = resolve_district(item.text, norm.tokens, handles, item.author_location)
    reasons = (
        *(f"category: {r}" for r in cat_reasons),
        *(f"urgency {urgency.value}: {r}" for r in urg_reasons),
        f"district {place.district}: {place.reason}",
    )
    return TriageResult(category, urgency, place.district, reasons)


def triage_tweet(tweet: RawTweet) -> TriageResult:
    return triage(
        TriageInput(
            text=tweet.text,
            created_at=parse_created_at(tweet.created_at),
            mentions=tuple(tweet.mentions),
            author_location=tweet.author_location,
        )
    )
