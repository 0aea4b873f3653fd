"""The decision Seva takes on a docket's lifecycle by itself: a complainant's reply to a disposed complaint
reopens it. Pure: the `track_status` agent (streams/app.py) keeps the table and sends what this returns.

Table value per docket (complaints.status and complaints.linked are both keyed by docket id, 3 partitions, so
the table is co-partitioned with both): {"k": last status kind, "d": district, "t": epoch seconds of the change}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seva.errors import InvalidTweetError
from seva.events import LinkedTweet, Relation, StatusEvent, StatusKind, parse_created_at, status_event_id
from streams.routing import decode_object

SEVA_ACTOR = "seva"


@dataclass(frozen=True)
class PendingReply:
    """A complainant's reply read before its docket was known to be disposed (the two arrive on different topics,
    in no guaranteed order): kept, so the disposal that it follows in time still reopens the docket."""

    tweet_id: str
    created_at: str
    text: str


@dataclass(frozen=True)
class DocketState:
    """What the agent remembers about a docket: enough to decide a reopen and to address its event."""

    kind: str  # the last StatusKind value that changed the state ("" before any status event)
    district: str
    changed_at: float  # epoch seconds, for eviction
    reply: PendingReply | None = None

    def to_json(self) -> dict[str, object]:
        doc: dict[str, object] = {"k": self.kind, "d": self.district, "t": self.changed_at}
        if self.reply is not None:
            doc["r"] = {"i": self.reply.tweet_id, "c": self.reply.created_at, "x": self.reply.text}
        return doc

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> DocketState | None:
        if not value:
            return None
        r = value.get("r")
        reply = PendingReply(str(r.get("i", "")), str(r.get("c", "")), str(r.get("x", ""))) if r else None
        return cls(str(value.get("k", "")), str(value.get("d", "")), float(value.get("t", 0.0)), reply)


def decode_lifecycle_record(raw: bytes | None) -> StatusEvent | LinkedTweet:
    """A complaints.status or complaints.linked value; anything else is an InvalidTweetError for the DLQ."""
    doc = decode_object(raw)
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
    (redelivered, or read after the disposal) does not undo a disposal, nor does a reopen apply to an open docket.
    A pending reply is carried along until a disposal decides it."""
    if current is not None and current.kind and not _moves(current.kind, event.kind):
        return current
    return DocketState(event.kind, event.district, now, current.reply if current is not None else None)


def _moves(before: str, kind: str) -> bool:
    if kind == StatusKind.REOPENED:
        return before == StatusKind.DISPOSED
    if kind == StatusKind.ACKNOWLEDGED:
        return before == StatusKind.REOPENED
    if before == StatusKind.DISPOSED:
        return False  # assigned/escalated after a disposal: out of order; a second disposal changes nothing
    return True


def _reopen(link_docket: str, district: str, reply: PendingReply) -> StatusEvent:
    """The event id comes from the reply's tweet id, so a redelivered reply re-sends the very same event."""
    return StatusEvent(
        event_id=status_event_id(link_docket, StatusKind.REOPENED.value, reply.tweet_id),
        docket_id=link_docket,
        district=district,
        kind=StatusKind.REOPENED.value,
        actor=SEVA_ACTOR,
        occurred_at=reply.created_at,  # when the complainant replied: deterministic, unlike the clock
        note=f"complainant replied (tweet {reply.tweet_id}): {' '.join(reply.text.split())[:200]}",
    )


def _after(reply: PendingReply, event: StatusEvent) -> bool:
    try:
        return parse_created_at(reply.created_at) > parse_created_at(event.occurred_at)
    except ValueError:
        return True  # an unreadable time: the reply was read after the disposal, so count it as after


def plan_reopen(state: DocketState | None, link: LinkedTweet) -> StatusEvent | None:
    """A reply by the complainant in the conversation of a disposed docket reopens it."""
    if state is None or state.kind != StatusKind.DISPOSED:
        return None
    if link.relation != Relation.REPLY or not link.by_complainant:
        return None
    reply = link.tweet
    return _reopen(link.docket_id, state.district, PendingReply(reply.id, reply.created_at, reply.text))


def on_link(state: DocketState | None, link: LinkedTweet, now: float) -> tuple[DocketState | None, StatusEvent | None]:
    """The state after a linked tweet, and the reopen it causes (if any). A complainant's reply to a docket not
    (yet) known as disposed is remembered: its disposal may still be on its way."""
    reopened = plan_reopen(state, link)
    if reopened is not None:
        # Remember the reopen at once: a second reply before our event comes back must not reopen again.
        return next_state(state, reopened, now), reopened
    if link.relation != Relation.REPLY or not link.by_complainant:
        return state, None
    reply = PendingReply(link.tweet.id, link.tweet.created_at, link.tweet.text)
    if state is None:
        return DocketState("", "", now, reply), None
    if state.reply is not None and state.reply.created_at >= reply.created_at:
        return state, None  # keep the latest reply: only it can follow a disposal the others precede
    return DocketState(state.kind, state.district, state.changed_at, reply), None


def on_status(state: DocketState | None, event: StatusEvent,
              now: float) -> tuple[DocketState | None, StatusEvent | None]:
    """The state after a status event, and the reopen it causes: a disposal that a remembered complainant's
    reply follows in time reopens the docket at once."""
    after = next_state(state, event, now)
    if event.kind == StatusKind.DISPOSED and after is not state and after.reply is not None:
        if _after(after.reply, event):
            reopened = _reopen(event.docket_id, after.district, after.reply)
            return DocketState(reopened.kind, after.district, now), reopened
        after = DocketState(after.kind, after.district, after.changed_at)  # the reply came before: not a reopen
    return after, None
