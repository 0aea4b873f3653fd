"""Pure mapping from Kafka records to ClickHouse rows: decoding, masking, and flagging suspect status events.

No I/O here: the sink loop (sinks/sink.py) hands bytes in and gets rows or dead-letter reasons back.

Bad input, decided here:
- A record that is not JSON, not an object, or not a valid Complaint / StatusEvent (missing ids, an unknown
  kind or outcome, an unparseable timestamp, a field stored as a string that is not one) is undecodable: it
  goes to seva.deadletter with the reason in its headers and is counted (seva_sink_dead_lettered_total{reason});
  its offset is committed with the batch.
- A decodable status event is always stored, with a `flag` saying what the sink found suspect when it wrote
  it (seva_sink_flagged_events_total{reason}): `unknown_docket` (no complaint with that docket id known yet),
  `wrong_district` (the event's district is not the docket's), `out_of_order` (it happened before an event of
  the same docket that arrived earlier). The flag is an audit trail, not the rule the counts follow: the report
  decides validity when it reads (sinks/report.py), because a complaint may reach ClickHouse after its first
  status event (they travel on different topics).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import NamedTuple, cast

import orjson

from seva.errors import InvalidRecordError
from seva.events import Complaint, Outcome, StatusEvent, StatusKind

# ------------------------------------------------------------------------------------------------ masking

EMAIL_MASK = "<email>"
PHONE_MASK = "<phone>"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.UNICODE)
# An Indian phone number: ten digits (a mobile, or an STD code + landline), single spaces, dashes or dots allowed
# between any of them, optionally led by +91, 0091, 91 or the trunk 0, with or without brackets. \d also matches
# Devanagari digits. Runs of more digits (tweet ids) and fewer (FIR numbers, dates, pin codes) are left alone.
_PHONE = re.compile(
    r"(?<!\d)(?:(?:\(?(?:\+|00)\s?91\)?|91|\(?0)\)?[\s\-.]{0,2})?\d(?:(?:[\s\-.]|\)\s?)?\d){9}(?!\d)"
)


_NON_DIGITS = re.compile(r"\D+")  # \d as in _PHONE: any Unicode decimal digit
_EMAIL_LOCAL_TAIL = frozenset("_.+-")  # with str.isalnum(): what re's \w and _EMAIL's [\w.+-] match


def _may_hold_email(text: str) -> bool:
    """False only when _EMAIL cannot match: no '@' right after a character of an address's local part. Most
    tweets hold '@' only in mentions (after a space or at the start), so the regex is mostly skipped."""
    at = text.find("@")
    while at != -1:
        if at > 0:
            before = text[at - 1]
            if before.isalnum() or before in _EMAIL_LOCAL_TAIL:
                return True
        at = text.find("@", at + 1)
    return False


def mask_pii(text: str) -> str:
    """Replace e-mail addresses and phone numbers with placeholders (the ClickHouse copy keeps no contact data).

    E-mail first, so digits inside an address are not half-masked as a phone number. Each regex runs only when
    a cheap test says it could match: _EMAIL needs '@' after a local-part character, _PHONE ten digits."""
    if _may_hold_email(text):
        text = _EMAIL.sub(EMAIL_MASK, text)
    if len(_NON_DIGITS.sub("", text)) >= 10:
        text = _PHONE.sub(PHONE_MASK, text)
    return text


# ------------------------------------------------------------------------------------------------ decoding


def _object(value: bytes | None) -> dict[str, object]:
    if value is None:
        raise InvalidRecordError("empty_value", "the record has no value")
    try:
        doc = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise InvalidRecordError("malformed_json", str(exc)[:200]) from None
    if not isinstance(doc, dict):
        raise InvalidRecordError("not_an_object", f"expected a JSON object, got {type(doc).__name__}")
    return doc


def _ms(value: object, what: str) -> int:
    """Epoch milliseconds of an ISO 8601 timestamp with a timezone (as parse_created_at reads it: Python 3.11's
    fromisoformat takes the 'Z' itself, and an aware datetime's timestamp() needs no conversion to UTC)."""
    if not isinstance(value, str):
        raise InvalidRecordError("bad_timestamp", f"{what}: expected a string, got {value!r}"[:200])
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidRecordError("bad_timestamp", f"{what}: {exc}"[:200]) from None
    if moment.tzinfo is None:
        raise InvalidRecordError("bad_timestamp", f"{what}: timestamp has no timezone")
    return int(moment.timestamp() * 1000)


def decode_complaint(value: bytes | None) -> Complaint:
    doc = _object(value)
    try:
        complaint = Complaint.from_data(doc)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InvalidRecordError("invalid_complaint", f"not a Complaint: {exc}"[:300]) from None
    tweet = complaint.tweet
    if not complaint.docket_id or not isinstance(complaint.docket_id, str) or not getattr(tweet, "id", None):
        raise InvalidRecordError("invalid_complaint", "Complaint without docket id or tweet id")
    if not complaint.district or not complaint.urgency:
        raise InvalidRecordError("invalid_complaint", "Complaint without district or urgency")
    return complaint


_KINDS = frozenset(k.value for k in StatusKind)
_OUTCOMES = frozenset(o.value for o in Outcome)


class Status(NamedTuple):
    """A decoded status event: StatusEvent's fields as the sink stores them, without building a faust.Record."""

    event_id: str
    docket_id: str
    district: str
    kind: str
    actor: str
    occurred_at: str
    note: str
    outcome: str | None
    assignee: str | None
    escalated_to: str | None


AnyStatus = Status | StatusEvent
_STATUS_REQUIRED = ("event_id", "docket_id", "district", "kind", "occurred_at")
_STATUS_OPTIONAL = ("actor", "note", "assignee", "escalated_to")


def decode_status(value: bytes | None) -> Status:
    """A status event record, validated field by field (a string column holding anything but a string would be
    refused by ClickHouse and block the sink, so it is an invalid_status here)."""
    doc = _object(value)
    get = doc.get
    for name in _STATUS_REQUIRED:
        field = get(name)
        if field.__class__ is not str or not field:
            raise InvalidRecordError("invalid_status", f"StatusEvent without {name}")
    for name in _STATUS_OPTIONAL:
        field = get(name)
        if field is not None and field.__class__ is not str:
            raise InvalidRecordError("invalid_status", f"{name}: expected a string, got {field!r}"[:200])
    kind, outcome = get("kind"), get("outcome")
    if kind not in _KINDS:
        raise InvalidRecordError("unknown_kind", f"status kind {kind!r}")
    if outcome is not None and (outcome.__class__ is not str or outcome not in _OUTCOMES):
        raise InvalidRecordError("unknown_outcome", f"outcome {outcome!r}")
    _ms(get("occurred_at"), "occurred_at")
    return Status(
        event_id=cast(str, get("event_id")), docket_id=cast(str, get("docket_id")), district=cast(str, get("district")),
        kind=kind, actor=cast(str, get("actor") or ""), occurred_at=cast(str, get("occurred_at")),
        note=cast(str, get("note") or ""), outcome=outcome,
        assignee=cast("str | None", get("assignee")), escalated_to=cast("str | None", get("escalated_to")),
    )


# ------------------------------------------------------------------------------------------------ rows

Row = tuple[object, ...]


def _dt(ms: int) -> datetime:
    return datetime.fromtimestamp(ms // 1000, tz=UTC)


def complaint_row(c: Complaint, stored_ms: int) -> Row:
    """One complaints row, in schema.COMPLAINT_COLUMNS order; a bad timestamp is an InvalidRecordError."""
    t = c.tweet
    created_ms = _ms(t.created_at, "tweet.created_at")
    received_ms = _ms(t.received_at, "tweet.received_at") if t.received_at else 0
    classified_ms = _ms(c.classified_at, "classified_at")
    return (
        c.docket_id, t.id, c.district, c.range or "", c.zone or "", c.category, c.urgency, mask_pii(t.text),
        t.lang or "", t.source or "", t.author_id or "", t.conversation_id or "", [str(r) for r in c.reasons],
        c.fingerprint or "", _dt(created_ms), created_ms, received_ms, classified_ms, _dt(stored_ms), classified_ms,
    )


_STR_ONLY = {str}
_COMPLAINT_TEXT_FIELDS = ("docket_id", "tweet.id", "district", "range", "zone", "category", "urgency", "tweet.text",
                          "tweet.lang", "tweet.source", "tweet.author_id", "tweet.conversation_id", "fingerprint")


@lru_cache(maxsize=8)
def _stored_at(stored_ms: int) -> datetime:
    return _dt(stored_ms)  # the same for every row of a consume() call


def decode_complaint_row(value: bytes | None, stored_ms: int) -> Row:
    """A complaint record straight to its complaints row, without a faust.Record: what decode_complaint and then
    complaint_row give (tests/unit/test_sink_logic.py checks it), several times faster. Bad input is an
    InvalidRecordError with decode_complaint's reasons; stricter on types than a Record, because a row ClickHouse
    refuses would block the sink forever: the tweet must be an object, every string column a string (optional ones
    may be null or missing) and `reasons` a list."""
    doc = _object(value)
    tweet = doc.get("tweet")
    if tweet.__class__ is not dict:
        raise InvalidRecordError("invalid_complaint", "Complaint without a tweet object")
    get, tget = doc.get, cast(dict[str, object], tweet).get
    docket_id, tweet_id, district, urgency = get("docket_id"), tget("id"), get("district"), get("urgency")
    if not (docket_id and tweet_id and district and urgency):
        raise InvalidRecordError("invalid_complaint", "Complaint without docket id, tweet id, district or urgency")
    # the string columns, in schema.COMPLAINT_COLUMNS order (`or ""` as complaint_row does)
    texts = (docket_id, tweet_id, district, get("range") or "", get("zone") or "", get("category"), urgency,
             tget("text"), tget("lang") or "", tget("source") or "", tget("author_id") or "",
             tget("conversation_id") or "", get("fingerprint") or "")
    if set(map(type, texts)) != _STR_ONLY:
        name, bad = next((n, v) for n, v in zip(_COMPLAINT_TEXT_FIELDS, texts, strict=True) if type(v) is not str)
        raise InvalidRecordError("invalid_complaint", f"{name}: expected a string, got {bad!r}"[:200])
    reasons = get("reasons")
    if reasons.__class__ is not list:
        raise InvalidRecordError("invalid_complaint", f"reasons: expected a list, got {reasons!r}"[:200])
    created_ms = _ms(tget("created_at"), "tweet.created_at")
    received = tget("received_at")
    received_ms = _ms(received, "tweet.received_at") if received else 0
    classified_ms = _ms(get("classified_at"), "classified_at")
    return (
        *texts[:7], mask_pii(cast(str, texts[7])), *texts[8:12], [str(r) for r in cast(list[object], reasons)],
        texts[12], _dt(created_ms), created_ms, received_ms, classified_ms, _stored_at(stored_ms), classified_ms,
    )


def status_row(e: AnyStatus, flag: str, stored_ms: int) -> Row:
    """One status_events row, in schema.STATUS_EVENT_COLUMNS order."""
    occurred_ms = _ms(e.occurred_at, "occurred_at")
    return (
        e.event_id, e.docket_id, e.district, e.kind, e.actor or "", _dt(occurred_ms), occurred_ms,
        mask_pii(e.note or ""), e.outcome or "", e.assignee or "", e.escalated_to or "", flag, _dt(stored_ms),
        stored_ms,
    )


# ------------------------------------------------------------------------------------------------ flags

UNKNOWN_DOCKET = "unknown_docket"
WRONG_DISTRICT = "wrong_district"
OUT_OF_ORDER = "out_of_order"


def classify_status(event: AnyStatus, docket_district: str | None, latest_ms: int | None) -> str:
    """The flag for a status event, from what the sink knows: the docket's district (None: no such docket
    known) and the latest occurred_at it has seen for that docket (None: none yet)."""
    if docket_district is None:
        return UNKNOWN_DOCKET
    if event.district != docket_district:
        return WRONG_DISTRICT
    if latest_ms is not None and _ms(event.occurred_at, "occurred_at") < latest_ms:
        return OUT_OF_ORDER
    return ""


@dataclass
class DocketMemory:
    """What the sink remembers about recent dockets (bounded, least recently used out): each docket's district
    and the latest occurred_at seen among its status events. A miss is looked up in ClickHouse."""

    capacity: int
    districts: OrderedDict[str, str]
    latest: OrderedDict[str, int]

    @classmethod
    def create(cls, capacity: int) -> DocketMemory:
        return cls(capacity, OrderedDict(), OrderedDict())

    def remember(self, docket_id: str, district: str) -> None:
        self.districts[docket_id] = district
        self.districts.move_to_end(docket_id)
        while len(self.districts) > self.capacity:
            self.districts.popitem(last=False)

    def unknown(self, docket_ids: set[str]) -> set[str]:
        return {d for d in docket_ids if d not in self.districts}

    def flag_all(self, events: Sequence[AnyStatus], looked_up: Mapping[str, str]) -> list[str]:
        """Flags for a batch of events, in arrival order, updating the memory as it goes."""
        flags = []
        for event in events:
            district = self.districts.get(event.docket_id) or looked_up.get(event.docket_id)
            flag = classify_status(event, district, self.latest.get(event.docket_id))
            flags.append(flag)
            occurred = _ms(event.occurred_at, "occurred_at")
            if occurred > self.latest.get(event.docket_id, -1):
                self.latest[event.docket_id] = occurred
                self.latest.move_to_end(event.docket_id)
                while len(self.latest) > self.capacity:
                    self.latest.popitem(last=False)
        return flags
