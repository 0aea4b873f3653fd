"""The decision Seva takes on a docket's lifecycle by itself: a complainant's reply to a disposed complaint
reopens it. Pure: the `track_status` agent (streams/app.py) keeps the table and sends what this returns.

Table value per docket (complaints.status and complaints.linked are both keyed by docket id, 3 partitions, so
the table is co-partitioned with both): {"k": last status kind, "d": district, "t": epoch seconds of the change}.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from seva.errors import InvalidTweetError
from seva.events import LinkedTweet, Relation, StatusEvent, StatusKind, status_event_id

SEVA_ACTOR = "seva"


@dataclass(frozen=True)
class DocketState:
    """What the agent remembers about a docket: enough to decide a reopen and to address its event."""

    kind: str  # the last StatusKind value that changed the state
    district: str
    changed_at: float  # epoch seconds, for eviction

    def to_json(self) -> dict[str, object]:
        return {"k": self.kind, "d": self.district, "t": self.changed_at}

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> DocketState | None:
        if not value:
            return None
        return cls(str(value.get("k", "")), str(value.get("d", "")), float(value.get("t", 0.0)))


def decode_lifecycle_record(raw: bytes | None) -> StatusEvent | LinkedTweet:
    """A complaints.status or complaints.linked value; anything else is an InvalidTweetError for the DLQ."""
    if raw is None:
        raise InvalidTweetError("empty_value", "the record has no value")
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidTweetError("malformed_json", str(exc)[:200]) from None
    if not isinstance(doc, dict):
        raise InvalidTweetError("not_an_object", f"expected a JSON object, got {type(doc).__name__}")
    try:
        if "relation" in doc:
            return LinkedTweet.from_data(doc)
        if "kind" in doc and "event_id" in doc:
            event = StatusEvent.from_data(doc)
            StatusKind(event.kind)
            return event
    except (TypeError, ValueError, KeyError) as exc:
        raise InvalidTweetError("invalid_record", f"not a status event or linked tweet: {exc}"[:300]) from None
    raise InvalidTweetError("invalid_record", "neither a status event nor a linked tweet")


def next_state(current: DocketState | None, event: StatusEvent, now: float) -> DocketState:
    """The docket's state after a status event. The lifecycle only moves forward: a late acknowledgement
    (redelivered, or read after the disposal) does not undo a disposal, nor does a reopen apply to an open docket."""
    if current is not None and not _moves(current.kind, event.kind):
        return current
    return DocketState(event.kind, event.district, now)


def _moves(before: str, kind: str) -> bool:
    if kind == StatusKind.REOPENED:
        return before == StatusKind.DISPOSED
    if kind == StatusKind.ACKNOWLEDGED:
        return before == StatusKind.REOPENED
    if before == StatusKind.DISPOSED:
        return False  # assigned/escalated after a disposal: out of order; a second disposal changes nothing
    return True


def plan_reopen(state: DocketState | None, link: LinkedTweet) -> StatusEvent | None:
    """A reply by the complainant in the conversation of a disposed docket reopens it. The event id comes from
    the reply's tweet id, so a redelivered reply re-sends the very same event."""
    if state is None or state.kind != StatusKind.DISPOSED:
        return None
    if link.relation != Relation.REPLY or not link.by_complainant:
        return None
    reply = link.tweet
    return StatusEvent(
        event_id=status_event_id(link.docket_id, StatusKind.REOPENED.value, reply.id),
        docket_id=link.docket_id,
        district=state.district,
        kind=StatusKind.REOPENED.value,
        actor=SEVA_ACTOR,
        occurred_at=reply.created_at,  # when the complainant replied: deterministic, unlike the clock
        note=f"complainant replied (tweet {reply.id}): {' '.join(reply.text.split())[:200]}",
    )
