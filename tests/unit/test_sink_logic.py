"""The sink's pure logic: PII masking, decoding and bad-input classification, row mapping, batching, the
migrations list and the report's SQL rendering (no Kafka, no ClickHouse)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from seva.errors import InvalidRecordError
from seva.events import Complaint, RawTweet, StatusEvent, status_event_id
from sinks.batch import Batch, DeadLetter, backoff_delays
from sinks.bench import probe_complaints
from sinks.report import ReportWindow, render
from sinks.rows import (
    OUT_OF_ORDER,
    UNKNOWN_DOCKET,
    WRONG_DISTRICT,
    DocketMemory,
    classify_status,
    complaint_row,
    decode_complaint,
    decode_complaint_row,
    decode_status,
    mask_pii,
    status_row,
)
from sinks.schema import COMPLAINT_COLUMNS, MIGRATIONS, STATUS_EVENT_COLUMNS, migrate, pending


def tweet(text: str = "chain snatching near Hazratganj, call me 9876543210") -> RawTweet:
    return RawTweet(
        id="1860000000000000001", text=text, created_at="2026-11-24T20:31:02.000Z", author_id="42",
        conversation_id="1860000000000000001", in_reply_to_user_id=None, referenced_tweets=[], lang="en",
        mentions=["uppolice"], hashtags=[], geo=None, author_username="citizen", author_location=None,
        source="synthetic", received_at="2026-11-24T20:31:03.000Z", payload="{}",
    )


def complaint(docket: str = "SV-AAAA", district: str = "lucknow", text: str | None = None) -> Complaint:
    return Complaint(
        docket_id=docket, tweet=tweet(text) if text else tweet(), category="theft_fraud", urgency="P2",
        district=district, range="Lucknow", zone="Lucknow", reasons=["theft:chain snatching"],
        fingerprint="f" * 24, classified_at="2026-11-24T20:31:04.250Z",
    )


def status(docket: str = "SV-AAAA", kind: str = "acknowledged", district: str = "lucknow",
           at: str = "2026-11-24T20:40:00.000Z", **extra: object) -> StatusEvent:
    return StatusEvent(event_id=status_event_id(docket, kind, at), docket_id=docket, district=district, kind=kind,
                       actor="r1", occurred_at=at, note="", **extra)


# ------------------------------------------------------------------------------------------------ masking

@pytest.mark.parametrize("text", [
    "call 9876543210 now",
    "call +91 98765 43210 now",
    "call +91-98765-43210 now",
    "call +919876543210 now",
    "call 09876543210 now",
    "call 98765-43210 now",
    "call 98765 43210 now",
    "call (+91) 98765 43210 now",
    "call 0091 98765 43210 now",
    "call 0522-2234567 now",  # STD code + landline
    "call (0522) 2234567 now",
    "call 987-654-3210 now",
    "call ९८७६५४३२१० now",  # Devanagari digits
])
def test_phone_numbers_are_masked(text: str) -> None:
    masked = mask_pii(text)
    assert masked == "call <phone> now", masked


@pytest.mark.parametrize("text", [
    "FIR 123/2026 registered on 24-11-2026",
    "pin code 226001, Sector 12",
    "exam roll no 2024 paper leak at 10:30",
    "tweet 1860000000000000001 is old",  # ids longer than a phone number stay
])
def test_other_numbers_are_kept(text: str) -> None:
    assert mask_pii(text) == text


def test_two_numbers_in_a_row_are_both_masked() -> None:
    assert mask_pii("9876543210 9876543211, +91 90000 00000") == "<phone> <phone>, <phone>"


def test_emails_are_masked_and_mentions_kept() -> None:
    text = "@uppolice mail ramesh.kumar+fir@gmail.com or r_k@up.gov.in, cc @dgpup"
    assert mask_pii(text) == "@uppolice mail <email> or <email>, cc @dgpup"


def test_complaint_row_masks_text_and_follows_the_columns() -> None:
    row = complaint_row(complaint(), stored_ms=1_800_000_000_000)
    assert len(row) == len(COMPLAINT_COLUMNS)
    named = dict(zip([n for n, _ in COMPLAINT_COLUMNS], row, strict=True))
    assert named["text"] == "chain snatching near Hazratganj, call me <phone>"
    assert named["docket_id"] == "SV-AAAA" and named["district"] == "lucknow"
    assert named["created_ms"] == int(datetime(2026, 11, 24, 20, 31, 2, tzinfo=UTC).timestamp() * 1000)
    assert named["classified_ms"] == named["version"] == named["created_ms"] + 2250
    assert named["created_at"] == datetime(2026, 11, 24, 20, 31, 2, tzinfo=UTC)


def test_status_row_masks_the_note_and_follows_the_columns() -> None:
    event = status(kind="disposed", outcome="resolved_on_phone")
    event.note = "spoke to complainant on 98765 43210"
    row = status_row(event, "", stored_ms=5)
    assert len(row) == len(STATUS_EVENT_COLUMNS)
    named = dict(zip([n for n, _ in STATUS_EVENT_COLUMNS], row, strict=True))
    assert named["note"] == "spoke to complainant on <phone>"
    assert named["outcome"] == "resolved_on_phone" and named["version"] == 5


def test_schema_columns_cover_the_event_records() -> None:
    complaint_cols = {n for n, _ in COMPLAINT_COLUMNS}
    status_cols = {n for n, _ in STATUS_EVENT_COLUMNS}
    # Every StatusEvent field is stored (schema_version aside); the complaint keeps the triage and tweet facts.
    assert {f for f in StatusEvent._options.fields if f != "schema_version"} <= status_cols
    assert {"docket_id", "category", "urgency", "district", "range", "zone", "reasons", "fingerprint"} <= (
        complaint_cols)


# ------------------------------------------------------------------------------------------------ decoding

def test_decode_round_trip() -> None:
    c = decode_complaint(complaint().dumps())
    assert c.docket_id == "SV-AAAA" and c.tweet.id == "1860000000000000001"
    e = decode_status(status(kind="disposed", outcome="fir_registered").dumps())
    assert e.kind == "disposed" and e.outcome == "fir_registered"


@pytest.mark.parametrize(("value", "reason"), [
    (None, "empty_value"),
    (b"{not json", "malformed_json"),
    (b"\xff\xfe", "malformed_json"),
    (b"[1, 2]", "not_an_object"),
    (json.dumps({"docket_id": "SV-1"}).encode(), "invalid_complaint"),
])
def test_undecodable_complaints(value: bytes | None, reason: str) -> None:
    with pytest.raises(InvalidRecordError) as err:
        decode_complaint(value)
    assert err.value.reason == reason


def _status_doc(**changes: object) -> bytes:
    doc = json.loads(status().dumps())
    doc.update(changes)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(("value", "reason"), [
    (_status_doc(kind="teleported"), "unknown_kind"),
    (_status_doc(kind="disposed", outcome="shrugged"), "unknown_outcome"),
    (_status_doc(occurred_at="yesterday"), "bad_timestamp"),
    (_status_doc(occurred_at="2026-11-24T20:40:00"), "bad_timestamp"),  # no timezone
    (_status_doc(docket_id=""), "invalid_status"),
    (_status_doc(event_id=None), "invalid_status"),
])
def test_undecodable_status_events(value: bytes, reason: str) -> None:
    with pytest.raises(InvalidRecordError) as err:
        decode_status(value)
    assert err.value.reason == reason


def test_decoded_status_gives_the_record_row() -> None:
    event = status(kind="disposed", outcome="resolved_on_phone")
    event.note = "spoke to complainant on 98765 43210"
    assert status_row(decode_status(event.dumps()), "", stored_ms=5) == status_row(event, "", stored_ms=5)


@pytest.mark.parametrize("changes", [{"note": 5}, {"actor": ["r1"]}, {"assignee": {}}, {"outcome": ["x"]}])
def test_status_fields_of_the_wrong_type_are_dead_letters(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidRecordError) as err:
        decode_status(_status_doc(**changes))
    assert err.value.reason in {"invalid_status", "unknown_outcome"}


def test_bad_tweet_timestamp_is_an_invalid_record() -> None:
    c = complaint()
    c.tweet.created_at = "not a time"
    with pytest.raises(InvalidRecordError) as err:
        complaint_row(c, 0)
    assert err.value.reason == "bad_timestamp"


@pytest.mark.parametrize("text", [
    "chain snatching near Hazratganj, call me 9876543210",
    "@uppolice mail ramesh.kumar+fir@gmail.com, call +91 98765 43210",
    "@uppolice @dgpup no contact data here 12/2026",
    "",
])
def test_decode_complaint_row_is_decode_then_row(text: str) -> None:
    # The sink's fast path gives exactly the row of the Record path.
    value = complaint(text=text or None).dumps()
    assert decode_complaint_row(value, 1_800_000_000_000) == complaint_row(decode_complaint(value), 1_800_000_000_000)


def _complaint_doc(**changes: object) -> bytes:
    doc = json.loads(complaint().dumps())
    for name, value in changes.items():
        target = doc["tweet"] if name.startswith("tweet_") else doc
        target[name.removeprefix("tweet_")] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(("value", "reason"), [
    (None, "empty_value"),
    (b"{not json", "malformed_json"),
    (b"\xff\xfe", "malformed_json"),
    (b"[1, 2]", "not_an_object"),
    (json.dumps({"docket_id": "SV-1"}).encode(), "invalid_complaint"),
    (_complaint_doc(docket_id=""), "invalid_complaint"),
    (_complaint_doc(district=None), "invalid_complaint"),
    (_complaint_doc(urgency=""), "invalid_complaint"),
    (_complaint_doc(tweet="x"), "invalid_complaint"),
    (_complaint_doc(tweet_id=None), "invalid_complaint"),
    # Records a faust.Record would take but ClickHouse would refuse (which would block the sink): dead letters.
    (_complaint_doc(tweet_id=1860000000000000001), "invalid_complaint"),
    (_complaint_doc(tweet_text=None), "invalid_complaint"),
    (_complaint_doc(reasons=None), "invalid_complaint"),
    (_complaint_doc(zone=7), "invalid_complaint"),
    (_complaint_doc(tweet_created_at="not a time"), "bad_timestamp"),
    (_complaint_doc(tweet_created_at="2026-11-24T20:31:02"), "bad_timestamp"),  # no timezone
    (_complaint_doc(classified_at=None), "bad_timestamp"),
])
def test_undecodable_complaint_rows(value: bytes | None, reason: str) -> None:
    with pytest.raises(InvalidRecordError) as err:
        decode_complaint_row(value, 0)
    assert err.value.reason == reason


@pytest.mark.parametrize("text", [
    "a@b.co",  # an address at the very start
    "x_y@up.gov.in wrote",
    "mail @uppolice or a-b@c.in",  # a mention before the address
])
def test_email_precheck_lets_addresses_through(text: str) -> None:
    assert "<email>" in mask_pii(text)


# ------------------------------------------------------------------------------------------------ flags

def test_status_flags() -> None:
    e = status(at="2026-11-24T20:40:00.000Z")
    assert classify_status(e, None, None) == UNKNOWN_DOCKET
    assert classify_status(e, "agra", None) == WRONG_DISTRICT
    later = int(datetime(2026, 11, 24, 21, 0, tzinfo=UTC).timestamp() * 1000)
    assert classify_status(e, "lucknow", later) == OUT_OF_ORDER
    assert classify_status(e, "lucknow", None) == ""


def test_memory_flags_disposed_before_acknowledged_arrival() -> None:
    memory = DocketMemory.create(1000)
    memory.remember("SV-AAAA", "lucknow")
    disposed = status(kind="disposed", at="2026-11-24T21:00:00.000Z", outcome="action_taken")
    ack = status(kind="acknowledged", at="2026-11-24T20:40:00.000Z")
    stranger = status(docket="SV-ZZZZ")
    wrong = status(kind="assigned", district="agra", at="2026-11-24T21:10:00.000Z")
    assert memory.flag_all([disposed, ack, stranger, wrong], looked_up={}) == [
        "", OUT_OF_ORDER, UNKNOWN_DOCKET, WRONG_DISTRICT]
    # A docket found in ClickHouse (looked up) is known.
    assert memory.flag_all([status(docket="SV-BBBB", district="agra")], looked_up={"SV-BBBB": "agra"}) == [""]


def test_memory_is_bounded() -> None:
    memory = DocketMemory.create(1000)
    for i in range(1500):
        memory.remember(f"SV-{i}", "agra")
    assert len(memory.districts) == 1000
    assert memory.unknown({"SV-0", "SV-1499"}) == {"SV-0"}


# ------------------------------------------------------------------------------------------------ batching

def test_batch_is_due_by_rows_or_age() -> None:
    batch = Batch(max_rows=3, max_seconds=2.0)
    assert not batch.is_due(100.0) and batch.is_empty()
    batch.add_complaint(complaint_row(complaint(), 0), "complaints.lucknow", 0, 7, now=100.0)
    assert not batch.is_due(101.9)
    assert batch.is_due(102.0)
    batch.add_status(status(), "complaints.status", 2, 40, now=100.5)
    batch.add_dead(DeadLetter("complaints.status", 2, 41, None, b"x", "malformed_json", ""), now=100.6)
    assert batch.is_full() and batch.is_due(100.7) and batch.room() == 0
    # Offsets to commit: the next one to read, per partition, dead letters included.
    assert batch.offsets == {("complaints.lucknow", 0): 8, ("complaints.status", 2): 42}
    batch.clear()
    assert batch.is_empty() and batch.records == 0 and batch.opened_at is None and not batch.written


def test_offsets_never_go_back() -> None:
    batch = Batch(max_rows=10, max_seconds=1.0)
    batch.add_status(status(), "s", 0, 9, now=0.0)
    batch.add_status(status(), "s", 0, 3, now=0.0)
    assert batch.offsets == {("s", 0): 10}


def test_bulk_taken_offsets_merge_and_open_the_batch() -> None:
    batch = Batch(max_rows=10, max_seconds=1.0)
    batch.consumed({}, now=5.0)
    assert batch.is_empty() and batch.opened_at is None
    batch.add_dead(DeadLetter("c", 0, 12, None, b"x", "malformed_json", ""), now=6.0)
    batch.consumed({("c", 0): 11, ("c", 1): 3}, now=7.0)
    assert batch.offsets == {("c", 0): 13, ("c", 1): 4} and batch.opened_at == 6.0


def test_backoff_doubles_up_to_the_cap() -> None:
    assert backoff_delays(0.5, 30.0) == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert backoff_delays(1.0, 1.0) == [1.0, 1.0]


# ------------------------------------------------------------------------------------------------ migrations

def test_migrations_are_numbered_in_order_and_idempotent_sql() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    for m in MIGRATIONS:
        assert "IF NOT EXISTS" in m.sql and "{db}" in m.sql
    assert [m.version for m in pending({1})] == versions[1:]
    assert pending(set(versions)) == []


class FakeClickHouse:
    """Records statements; remembers which migrations were recorded."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.recorded: set[int] = set()

    def __call__(self, sql: str) -> list[tuple[object, ...]]:
        self.statements.append(sql)
        if sql.startswith("SELECT DISTINCT version"):
            return [(v,) for v in sorted(self.recorded)]
        if sql.startswith("INSERT INTO"):
            self.recorded.add(int(sql.split("toUInt32(")[1].split(")")[0]))
        return []


def test_migrate_applies_once() -> None:
    fake = FakeClickHouse()
    assert migrate(fake, "seva") == [1, 2]
    assert migrate(fake, "seva") == []
    creates = [s for s in fake.statements if "CREATE TABLE" in s and "schema_migrations" not in s]
    assert len(creates) == 2 and all("`seva`." in s for s in creates)
    with pytest.raises(ValueError):
        migrate(fake, "se`va")


# ------------------------------------------------------------------------------------------------ report SQL

def test_report_sql_dedupes_and_quotes() -> None:
    window = ReportWindow(since=datetime(2026, 11, 1, tzinfo=UTC), until=datetime(2026, 12, 1, tzinfo=UTC),
                          district="lucknow")
    sql = render("districts", "seva", window)
    assert sql.count("FINAL") >= 3  # complaints, status events, and the docket lookup of the validity join
    assert "district = 'lucknow'" in sql
    assert str(int(datetime(2026, 11, 1, tzinfo=UTC).timestamp() * 1000)) in sql
    with pytest.raises(ValueError):
        ReportWindow(district="x' OR 1=1 --")


def test_the_sink_bench_probes_distinct_dockets() -> None:
    # A repeated text shares its docket: disposing of it twice would leave the report's count as it was.
    complaints = [complaint("SV-A"), complaint("SV-B"), complaint("SV-B"), complaint("SV-C"), complaint("SV-D")]
    assert [c.docket_id for c in probe_complaints(complaints, 3)] == ["SV-A", "SV-B", "SV-C"]
    assert len(probe_complaints(complaints, 9)) == 4
