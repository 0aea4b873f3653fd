"""A complaint lifecycle scenario with known answers, for the sink and report tests.

Complaints across a few districts; a known subset acknowledged, assigned, disposed, reopened; duplicates and
redeliveries; status events for unknown dockets, from the wrong district, and delivered out of order; plus
undecodable records. `expected()` computes the report's figures independently, in plain Python, from the rules
written in sinks/report.py's docstring.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from seva.events import Complaint, RawTweet, StatusEvent, status_event_id, utc_iso

DISTRICTS = ("agra", "lucknow", "varanasi")
CATEGORIES = ("theft_fraud", "women_safety", "traffic", "violence")
URGENCIES = ("P1", "P2", "P3")
BASE = datetime(2026, 10, 1, 3, 0, tzinfo=UTC)
IST = ZoneInfo("Asia/Kolkata")


def _tweet(i: int, created: datetime) -> RawTweet:
    return RawTweet(
        id=str(1_850_000_000_000_000_000 + i), text=f"complaint {i}: call me on 98765 4{i % 10}210 or x{i}@mail.in",
        created_at=utc_iso(created), author_id=str(1000 + i), conversation_id=str(1_850_000_000_000_000_000 + i),
        in_reply_to_user_id=None, referenced_tweets=[], lang="en", mentions=["uppolice"], hashtags=[], geo=None,
        author_username=f"user{i}", author_location=None, source="synthetic",
        received_at=utc_iso(created + timedelta(seconds=1)), payload="{}",
    )


@dataclass
class Scenario:
    complaints: list[Complaint]
    events: list[StatusEvent]  # in delivery order, with duplicates
    bad_status: list[bytes] = field(default_factory=list)
    bad_complaints: list[bytes] = field(default_factory=list)
    now: datetime = BASE + timedelta(days=5)

    @property
    def complaint_district(self) -> dict[str, str]:
        return {c.docket_id: c.district for c in self.complaints}


def _event(docket: str, district: str, kind: str, at: datetime, **extra: Any) -> StatusEvent:
    return StatusEvent(event_id=status_event_id(docket, kind, utc_iso(at)), docket_id=docket, district=district,
                       kind=kind, actor="responder-1", occurred_at=utc_iso(at), note="", **extra)


def build(n: int = 300, seed: int = 11, start: int = 0) -> Scenario:
    rng = random.Random(seed)
    complaints: list[Complaint] = []
    events: list[StatusEvent] = []
    for i in range(start, start + n):
        created = BASE + timedelta(minutes=37 * i, milliseconds=rng.randrange(1000))
        district = DISTRICTS[i % len(DISTRICTS)]
        docket = f"SV-T{seed}X{i:06d}"
        c = Complaint(
            docket_id=docket, tweet=_tweet(i, created), category=CATEGORIES[i % len(CATEGORIES)],
            urgency=URGENCIES[(i // 3) % len(URGENCIES)], district=district, range="r", zone="z",
            reasons=["test"], fingerprint=f"fp{i}", classified_at=utc_iso(created + timedelta(seconds=2)),
        )
        complaints.append(c)
        fate = rng.random()
        ack_at = created + timedelta(seconds=rng.randrange(30, 4 * 3600), milliseconds=rng.randrange(1000))
        if fate < 0.2:
            continue  # never touched: pending, unanswered
        mine: list[StatusEvent] = [_event(docket, district, "acknowledged", ack_at)]
        if fate >= 0.35:
            mine.append(_event(docket, district, "assigned", ack_at + timedelta(minutes=5), assignee="PS Kotwali"))
        if fate >= 0.5:
            disposed_at = ack_at + timedelta(hours=rng.randrange(1, 30), milliseconds=rng.randrange(1000))
            mine.append(_event(docket, district, "disposed", disposed_at, outcome="action_taken"))
            if fate >= 0.9:  # the complainant replied: reopened, then (sometimes) disposed again
                mine.append(_event(docket, district, "reopened", disposed_at + timedelta(hours=2)))
                if fate >= 0.95:
                    mine.append(_event(docket, district, "disposed", disposed_at + timedelta(hours=6),
                                       outcome="fir_registered"))
            elif fate >= 0.85:  # an acknowledgement logged after disposal does not reopen it
                mine.append(_event(docket, district, "acknowledged", disposed_at + timedelta(minutes=1)))
        if 0.6 <= fate < 0.7:
            mine.reverse()  # delivered out of order: disposed before acknowledged
        if rng.random() < 0.15:
            mine.append(mine[0])  # a redelivery
        if rng.random() < 0.05:  # another district acting on this docket: flagged, not counted
            other = DISTRICTS[(i + 1) % len(DISTRICTS)]
            mine.append(_event(docket, other, "disposed", ack_at + timedelta(minutes=1), outcome="duplicate"))
        events.extend(mine)
    for j in range(3):  # status events for dockets that do not exist
        events.append(_event(f"SV-NOPE{seed}{j}", "agra", "disposed", BASE + timedelta(hours=j),
                             outcome="action_taken"))
    rng.shuffle(events)  # different dockets interleave; per-docket order is already arbitrary on purpose
    bad_status = [b"{oops", json.dumps({"event_id": "x", "kind": "teleported"}).encode(), b"[]"]
    bad_complaints = [b"\xff\xfe not utf-8", json.dumps({"docket_id": "SV-1"}).encode()]
    return Scenario(complaints, events, bad_status, bad_complaints)


def _ms(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def _quantile(values: list[int], level: float) -> int:
    """quantileExact: the element at floor(level * n) of the sorted values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(level * len(ordered)))]


def expected(s: Scenario, since: datetime | None = None, until: datetime | None = None,
             district: str | None = None, p1_sla_s: int = 900, p2_sla_s: int = 7200) -> dict[str, Any]:
    """The report's figures, from the scenario alone."""
    now_ms = int((until or s.now).timestamp() * 1000)
    since_ms = int(since.timestamp() * 1000) if since else 0
    until_ms = int(until.timestamp() * 1000) if until else 32503680000000
    by_docket = {c.docket_id: c for c in s.complaints}  # redelivered complaints are the same docket
    unique_events = {e.event_id: e for e in s.events}
    valid: dict[str, list[StatusEvent]] = defaultdict(list)
    unknown = wrong = seen = 0
    for e in unique_events.values():
        if _ms(e.occurred_at) >= until_ms:
            continue
        seen += 1
        c = by_docket.get(e.docket_id)
        if c is None:
            unknown += 1
        elif c.district != e.district:
            wrong += 1
        else:
            valid[e.docket_id].append(e)
    dockets = []
    for c in by_docket.values():
        created = _ms(c.tweet.created_at)
        if not (since_ms <= created < until_ms) or (district and c.district != district):
            continue
        evs = valid.get(c.docket_id, [])
        responses = [_ms(e.occurred_at) for e in evs if e.kind != "reopened"]
        last_disposed = max([_ms(e.occurred_at) for e in evs if e.kind == "disposed"], default=0)
        last_reopened = max([_ms(e.occurred_at) for e in evs if e.kind == "reopened"], default=0)
        first = min(responses, default=0)
        dockets.append({
            "c": c, "created": created, "first": first, "answered": first > 0,
            "disposed": last_disposed > last_reopened, "last_disposed": last_disposed,
        })

    def counts(rows: list[dict[str, Any]]) -> dict[str, int]:
        d = sum(r["disposed"] for r in rows)
        return {"received": len(rows), "disposed": d, "pending": len(rows) - d}

    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    cats: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in dockets:
        groups[(r["c"].district, r["c"].urgency)].append(r)
        cats[(r["c"].category, r["c"].urgency)].append(r)
    per_district: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in dockets:
        per_district[r["c"].district].append(r)

    timings = []
    sla = []
    for (d, u), rows in sorted(groups.items()):
        acks = [r["first"] - r["created"] for r in rows if r["answered"]]
        disp = [r["last_disposed"] - r["created"] for r in rows if r["disposed"]]
        timings.append({
            "district": d, "urgency": u, "received": len(rows), "acknowledged": len(acks),
            "ack_p50_s": round(_quantile(acks, 0.5) / 1000, 3) if acks else None,
            "ack_p90_s": round(_quantile(acks, 0.9) / 1000, 3) if acks else None,
            "disposed": len(disp),
            "dispose_p50_s": round(_quantile(disp, 0.5) / 1000, 3) if disp else None,
            "dispose_p90_s": round(_quantile(disp, 0.9) / 1000, 3) if disp else None,
        })
        if u in ("P1", "P2"):
            limit = (p1_sla_s if u == "P1" else p2_sla_s) * 1000
            late = sum(1 for r in rows if r["answered"] and r["first"] - r["created"] > limit)
            over = sum(1 for r in rows if not r["answered"] and now_ms - r["created"] > limit)
            if late + over:
                sla.append({"district": d, "urgency": u, "answered_late": late, "unanswered_overdue": over})

    def day(ms: int) -> str:
        return datetime.fromtimestamp(ms // 1000, tz=UTC).astimezone(IST).date().isoformat()

    daily: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in dockets:
        daily[day(r["created"])][0] += 1
        if r["disposed"]:
            daily[day(r["last_disposed"])][1] += 1

    return {
        "total": counts(dockets),
        "districts": [{"district": d, **counts(rows)} for d, rows in sorted(per_district.items())],
        "categories": [{"category": c, "urgency": u, **counts(rows)} for (c, u), rows in sorted(cats.items())],
        "timings": timings,
        "sla_breaches": sla,
        "daily": [{"day": k, "received": v[0], "disposed": v[1]} for k, v in sorted(daily.items())],
        "anomalies": {"unknown_docket": unknown, "wrong_district": wrong, "status_events": seen},
    }


COMPARED = ("total", "districts", "categories", "timings", "sla_breaches", "daily", "anomalies")


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    return {k: report[k] for k in COMPARED}
