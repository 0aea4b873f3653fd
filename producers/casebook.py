"""A district's open-complaint book: each docket's state from its complaint and status events, the responder's
valid transitions, the listing order (P1 first, then oldest), and the templated reply. Pure: no Kafka, no clock.

It lives in producers/ because a responder produces status events; streams/lifecycle.py holds the one decision
Seva takes by itself (reopen on a complainant's reply), and both follow the same states:

    new --ack--> acknowledged --assign--> assigned --dispose--> disposed --(complainant replies)--> reopened
      \\_____________ escalate / assign / dispose from any open state ____________/         (then ack again)

Event ids are deterministic per docket *cycle* (the number of reopenings so far), not per wall-clock time: two
responders acknowledging the same docket at once, or one re-running a command whose confirmation was lost,
produce the same event id, which the sink stores once. A docket is acknowledged and disposed once per cycle;
assignments and escalations are distinguished by their target.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from seva.districts import DISTRICT_SLUGS, District
from seva.errors import InvalidActionError
from seva.events import (
    Complaint,
    Outcome,
    StatusEvent,
    StatusKind,
    parse_created_at,
    status_event_id,
    utc_iso,
)

NEW = "new"  # routed to the district, no status event yet
URGENCY_RANK = {"P1": 0, "P2": 1, "P3": 2, "P4": 3}
OPEN_STATES = frozenset({NEW, StatusKind.ACKNOWLEDGED, StatusKind.ASSIGNED, StatusKind.ESCALATED,
                         StatusKind.REOPENED})


class Action(StrEnum):
    """What a responder can do to a docket."""

    ACK = "ack"
    ASSIGN = "assign"
    DISPOSE = "dispose"
    ESCALATE = "escalate"


def parse_outcome(value: str | None) -> Outcome:
    """A disposal outcome from the command line; anything else is one clear error listing the valid ones."""
    valid = ", ".join(o.value for o in Outcome)
    if not value:
        raise InvalidActionError(f"--dispose needs --outcome (one of: {valid})")
    try:
        return Outcome(value.strip().lower())
    except ValueError:
        raise InvalidActionError(f"invalid outcome {value!r}: use one of {valid}") from None


def check_district(slug: str) -> str:
    if slug not in DISTRICT_SLUGS:
        raise InvalidActionError(f"unknown district {slug!r}: use a district slug such as lucknow or "
                                 "gautam_buddh_nagar")
    return slug


def event_id_for(docket_id: str, kind: StatusKind, cycle: int, target: str | None = None) -> str:
    """The deterministic id of a responder's event (see the module docstring)."""
    discriminator = f"c{cycle}" if target is None else f"c{cycle}|{target}"
    return status_event_id(docket_id, kind.value, discriminator)


@dataclass
class Docket:
    """One complaint in the book and where it stands."""

    complaint: Complaint
    created_at: datetime  # the tweet's created_at: the age a responder sees counts from the citizen's tweet
    state: str = NEW
    cycle: int = 0  # reopenings so far
    assignee: str | None = None
    escalated_to: str | None = None
    outcome: str | None = None
    changed_at: str | None = None  # occurred_at of the last event that changed the state
    seen: set[str] = field(default_factory=set)  # event ids already applied

    @property
    def docket_id(self) -> str:
        return self.complaint.docket_id

    @property
    def urgency(self) -> str:
        return self.complaint.urgency

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def age(self, now: datetime) -> timedelta:
        return max(timedelta(0), now - self.created_at)

    def as_dict(self, now: datetime) -> dict[str, Any]:
        tweet = self.complaint.tweet
        return {
            "docket_id": self.docket_id, "district": self.complaint.district, "urgency": self.urgency,
            "category": self.complaint.category, "state": self.state, "cycle": self.cycle,
            "age_s": int(self.age(now).total_seconds()), "created_at": tweet.created_at,
            "reasons": list(self.complaint.reasons), "assignee": self.assignee,
            "escalated_to": self.escalated_to, "outcome": self.outcome, "tweet_id": tweet.id,
            "author": tweet.author_username, "text": tweet.text,
        }


@dataclass(frozen=True)
class Plan:
    """What an action amounts to: the events to send (none for a no-op) and what to tell the responder."""

    events: tuple[StatusEvent, ...]
    message: str


class Casebook:
    """The dockets of one district, fed with its complaints and every status event in topic order."""

    def __init__(self, district: str) -> None:
        self.district = district
        self.dockets: dict[str, Docket] = {}
        # Status events read before their complaint (the two topics are read side by side), or for dockets
        # of other districts (complaints.status carries every district): applied if the complaint turns up.
        self._early: dict[str, list[StatusEvent]] = {}

    def add_complaint(self, complaint: Complaint) -> bool:
        """Add a routed complaint; a redelivered one changes nothing. True if the docket is new to the book."""
        if complaint.docket_id in self.dockets:
            return False
        docket = Docket(complaint, parse_created_at(complaint.tweet.created_at))
        self.dockets[complaint.docket_id] = docket
        for event in self._early.pop(complaint.docket_id, []):
            self._apply(docket, event)
        return True

    def apply(self, event: StatusEvent) -> None:
        docket = self.dockets.get(event.docket_id)
        if docket is None:
            self._early.setdefault(event.docket_id, []).append(event)
        else:
            self._apply(docket, event)

    @staticmethod
    def _apply(docket: Docket, event: StatusEvent) -> None:
        if event.event_id in docket.seen:
            return  # redelivered
        docket.seen.add(event.event_id)
        kind = event.kind
        # Out-of-order events (an ack after a disposal, a reopen of an open docket) are recorded as seen and
        # change nothing: the state only moves along the lifecycle.
        if kind == StatusKind.ACKNOWLEDGED:
            if docket.state in (NEW, StatusKind.REOPENED):
                docket.state = StatusKind.ACKNOWLEDGED
            else:
                return
        elif kind == StatusKind.ASSIGNED and docket.is_open:
            docket.state, docket.assignee = StatusKind.ASSIGNED, event.assignee
        elif kind == StatusKind.ESCALATED and docket.is_open:
            docket.state, docket.escalated_to = StatusKind.ESCALATED, event.escalated_to
        elif kind == StatusKind.DISPOSED and docket.is_open:
            docket.state, docket.outcome = StatusKind.DISPOSED, event.outcome
        elif kind == StatusKind.REOPENED and docket.state == StatusKind.DISPOSED:
            docket.state, docket.outcome = StatusKind.REOPENED, None
            docket.cycle += 1
        else:
            return
        docket.changed_at = event.occurred_at

    def get(self, docket_id: str) -> Docket | None:
        return self.dockets.get(docket_id.strip().upper())

    def open_dockets(self) -> list[Docket]:
        """Open dockets, P1 first, then the oldest first within an urgency."""
        return sorted((d for d in self.dockets.values() if d.is_open),
                      key=lambda d: (URGENCY_RANK.get(d.urgency, 9), d.created_at, d.docket_id))

    def plan(self, action: Action, docket_id: str, *, actor: str, now: datetime, note: str = "",
             assignee: str | None = None, outcome: str | None = None, escalated_to: str | None = None) -> Plan:
        """The events for one responder action, checked against the docket's state. Raises InvalidActionError
        for an action that cannot apply; an action already done is a no-op Plan, not an error."""
        docket = self.get(docket_id)
        if docket is None:
            raise InvalidActionError(f"unknown docket {docket_id!r} for district {self.district}")
        did = docket.docket_id
        if docket.state == StatusKind.DISPOSED:
            raise InvalidActionError(
                f"docket {did} is already disposed ({docket.outcome}, {docket.changed_at}); it reopens when the "
                "complainant replies")
        if action is Action.DISPOSE:
            outcome = parse_outcome(outcome).value
        if action is Action.ASSIGN and not (assignee and assignee.strip()):
            raise InvalidActionError("--assign needs --to, e.g. --to \"PS Hazratganj\"")
        if action is Action.ESCALATE and not (escalated_to and escalated_to.strip()):
            raise InvalidActionError("--escalate needs a range or zone to escalate to (--to)")

        def event(kind: StatusKind, target: str | None = None, text: str = note, **fields: Any) -> StatusEvent:
            return StatusEvent(event_id=event_id_for(did, kind, docket.cycle, target), docket_id=did,
                               district=self.district, kind=kind.value, actor=actor, occurred_at=utc_iso(now),
                               note=text, **fields)

        unacknowledged = docket.state in (NEW, StatusKind.REOPENED)
        # Assigning, escalating or disposing a docket nobody acknowledged acknowledges it first, so the status
        # topic never shows a disposal before an acknowledgement (the sink treats that as out of order).
        ack = (event(StatusKind.ACKNOWLEDGED, text=""),) if unacknowledged else ()
        if action is Action.ACK:
            if not unacknowledged:
                return Plan((), f"{did} is already {docket.state}; nothing sent")
            return Plan((event(StatusKind.ACKNOWLEDGED),), f"{did} acknowledged")
        if action is Action.ASSIGN:
            assert assignee is not None
            assignee = assignee.strip()
            if docket.state == StatusKind.ASSIGNED and docket.assignee == assignee:
                return Plan((), f"{did} is already assigned to {assignee}; nothing sent")
            return Plan((*ack, event(StatusKind.ASSIGNED, assignee, assignee=assignee)),
                        f"{did} assigned to {assignee}")
        if action is Action.ESCALATE:
            assert escalated_to is not None
            escalated_to = escalated_to.strip()
            if docket.state == StatusKind.ESCALATED and docket.escalated_to == escalated_to:
                return Plan((), f"{did} is already escalated to {escalated_to}; nothing sent")
            return Plan((*ack, event(StatusKind.ESCALATED, escalated_to, escalated_to=escalated_to)),
                        f"{did} escalated to {escalated_to}")
        return Plan((*ack, event(StatusKind.DISPOSED, outcome=outcome)), f"{did} disposed: {outcome}")

    def record(self, events: Iterable[StatusEvent]) -> None:
        """Apply events this process just sent (reading them back later changes nothing: same ids)."""
        for ev in events:
            self.apply(ev)


def format_age(age: timedelta) -> str:
    minutes = int(age.total_seconds()) // 60
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}h{minutes:02d}m"
    return f"{hours // 24}d{hours % 24:02d}h"


def format_listing(dockets: list[Docket], now: datetime, *, width: int = 70) -> str:
    """The numbered list a responder works from: `ack 1` acts on the first line."""
    if not dockets:
        return "no open complaints"
    lines = []
    for n, d in enumerate(dockets, 1):
        who = f" -> {d.assignee}" if d.state == StatusKind.ASSIGNED and d.assignee else ""
        text = " ".join(d.complaint.tweet.text.split())
        lines.append(f"{n:>3}. {d.docket_id}  {d.urgency}  {format_age(d.age(now)):>7}  {d.state}{who}  "
                     f"{d.complaint.category}")
        lines.append(f"       {text[:width]}{'…' if len(text) > width else ''}")
        if d.complaint.reasons:
            lines.append(f"       why: {'; '.join(d.complaint.reasons)[:width + 20]}")
    return "\n".join(lines)


def listing_json(dockets: list[Docket], now: datetime) -> str:
    return json.dumps([d.as_dict(now) for d in dockets], ensure_ascii=False)


# ----------------------------------------------------------------------------------------- the reply

X_MAX_WEIGHTED_LENGTH = 280
# twitter-text v3: code points in these ranges weigh 1 (Devanagari, U+0900-097F, is inside the first); all
# others weigh 2.
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def weighted_length(text: str) -> int:
    """A tweet's length as X counts it (no URLs in Seva's replies, so t.co shortening does not apply)."""
    return sum(1 if any(lo <= ord(ch) <= hi for lo, hi in _LIGHT_RANGES) else 2 for ch in text)


def acknowledgement_reply(docket_id: str, district: District | None) -> str:
    """The reply to a complainant when their docket is acknowledged: Hindi, then English, with the docket
    number. No @mention: a reply with in_reply_to_tweet_id is threaded and addressed by X itself."""
    if district is None:
        hi_unit, en_unit = "उत्तर प्रदेश पुलिस", "UP Police"
    else:
        hi_unit, en_unit = f"{district.name_hi} पुलिस", f"{district.name} Police"
    text = (f"आपकी शिकायत दर्ज कर ली गई है, डॉकेट संख्या {docket_id}। {hi_unit} इस पर कार्यवाही कर रही है। "
            f"Your complaint is registered as docket {docket_id}; {en_unit} are acting on it. "
            "Emergency: dial 112.")
    assert weighted_length(text) <= X_MAX_WEIGHTED_LENGTH, text
    return text
