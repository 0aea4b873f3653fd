"""The responder's pure book: state from complaints and status events, order, valid transitions, reply text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from producers.casebook import (
    X_MAX_WEIGHTED_LENGTH,
    Action,
    Casebook,
    acknowledgement_reply,
    event_id_for,
    format_age,
    parse_outcome,
    weighted_length,
)
from producers.responder import Command, parse_command, resolve_target
from seva.districts import DISTRICTS, by_slug
from seva.errors import InvalidActionError
from seva.events import Complaint, RawTweet, StatusEvent, StatusKind, status_event_id
from streams.lifecycle import SEVA_ACTOR

T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=5)


def complaint(docket: str, urgency: str = "P3", *, age: timedelta = timedelta(hours=1),
              district: str = "lucknow") -> Complaint:
    created = (NOW - age).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    tweet = RawTweet(id=docket.removeprefix("SV-") + "1", text=f"complaint {docket}", created_at=created,
                     author_id="42", conversation_id=None, in_reply_to_user_id=None, referenced_tweets=[],
                     lang="en", mentions=[], hashtags=[], geo=None, author_username="u42", author_location=None,
                     source="test", received_at=created, payload="{}")
    return Complaint(docket_id=docket, tweet=tweet, category="theft_fraud", urgency=urgency, district=district,
                     range="lucknow", zone="lucknow", reasons=["stolen"], fingerprint="f", classified_at=created)


def book_with(*complaints: Complaint) -> Casebook:
    book = Casebook("lucknow")
    for c in complaints:
        book.add_complaint(c)
    return book


def act(book: Casebook, action: Action, docket: str, **kw: str) -> list[StatusEvent]:
    plan = book.plan(action, docket, actor="desk", now=NOW, **kw)
    book.record(plan.events)
    return list(plan.events)


def test_open_complaints_are_listed_p1_first_then_oldest_first() -> None:
    book = book_with(complaint("SV-A", "P3", age=timedelta(hours=9)), complaint("SV-B", "P1", age=timedelta(1)),
                     complaint("SV-C", "P1", age=timedelta(hours=3)), complaint("SV-D", "P2", age=timedelta(0)),
                     complaint("SV-E", "P1", age=timedelta(hours=2)))
    act(book, Action.DISPOSE, "SV-C", outcome="duplicate")
    assert [d.docket_id for d in book.open_dockets()] == ["SV-B", "SV-E", "SV-D", "SV-A"]
    assert book.get("SV-E") is not None and book.get("SV-E").age(NOW) == timedelta(hours=2)  # type: ignore[union-attr]


def test_ack_assign_dispose_emit_the_contract_events_with_deterministic_ids() -> None:
    book = book_with(complaint("SV-A"))
    [ack] = act(book, Action.ACK, "sv-a")
    [assign] = act(book, Action.ASSIGN, "SV-A", assignee="PS Hazratganj")
    [dispose] = act(book, Action.DISPOSE, "SV-A", outcome="fir_registered", note="FIR 123/26")
    assert (ack.kind, ack.docket_id, ack.district, ack.actor, ack.occurred_at) == (
        "acknowledged", "SV-A", "lucknow", "desk", "2026-11-24T11:00:00.000Z")
    assert ack.event_id == status_event_id("SV-A", "acknowledged", "c0")
    assert (assign.kind, assign.assignee) == ("assigned", "PS Hazratganj")
    assert assign.event_id == status_event_id("SV-A", "assigned", "c0|PS Hazratganj")
    assert (dispose.kind, dispose.outcome, dispose.note) == ("disposed", "fir_registered", "FIR 123/26")
    assert book.open_dockets() == []
    # Another responder's book, fed the same events, would plan the same ids: a re-sent action is stored once.
    other = book_with(complaint("SV-A"))
    assert other.plan(Action.ACK, "SV-A", actor="x", now=NOW + timedelta(1)).events[0].event_id == ack.event_id


def test_disposing_a_new_docket_acknowledges_it_first() -> None:
    book = book_with(complaint("SV-A"))
    events = act(book, Action.DISPOSE, "SV-A", outcome="no_action_needed")
    assert [e.kind for e in events] == ["acknowledged", "disposed"]


def test_repeated_actions_are_no_ops_not_errors() -> None:
    book = book_with(complaint("SV-A"))
    act(book, Action.ACK, "SV-A")
    assert book.plan(Action.ACK, "SV-A", actor="d", now=NOW).events == ()
    act(book, Action.ASSIGN, "SV-A", assignee="PS Aliganj")
    assert book.plan(Action.ASSIGN, "SV-A", actor="d", now=NOW, assignee="PS Aliganj").events == ()
    [reassign] = act(book, Action.ASSIGN, "SV-A", assignee="PS Gomti Nagar")
    assert reassign.assignee == "PS Gomti Nagar"


@pytest.mark.parametrize(("action", "kw", "message"), [
    (Action.ACK, {}, "unknown docket 'SV-NOPE' for district lucknow"),
    (Action.DISPOSE, {"outcome": "solved"}, "invalid outcome 'solved'"),
    (Action.DISPOSE, {}, "--dispose needs --outcome"),
    (Action.ASSIGN, {}, "--assign needs --to"),
])
def test_bad_input_is_an_invalid_action_error(action: Action, kw: dict[str, str], message: str) -> None:
    book = book_with(complaint("SV-A"))
    docket = "SV-NOPE" if "unknown" in message else "SV-A"
    with pytest.raises(InvalidActionError, match=message.replace("-", "-").replace("(", r"\(")):
        book.plan(action, docket, actor="d", now=NOW, **kw)


def test_disposing_a_disposed_docket_is_an_error_until_it_is_reopened() -> None:
    book = book_with(complaint("SV-A"))
    act(book, Action.DISPOSE, "SV-A", outcome="action_taken")
    for action, kw in ((Action.DISPOSE, {"outcome": "duplicate"}), (Action.ACK, {})):
        with pytest.raises(InvalidActionError, match="already disposed"):
            book.plan(action, "SV-A", actor="d", now=NOW, **kw)
    book.apply(StatusEvent(event_id=status_event_id("SV-A", "reopened", "999"), docket_id="SV-A", district="lucknow",
                           kind="reopened", actor=SEVA_ACTOR, occurred_at="2026-11-24T12:00:00.000Z", note="reply"))
    docket = book.get("SV-A")
    assert docket is not None and docket.state == "reopened" and docket.cycle == 1 and docket.is_open
    [ack] = act(book, Action.ACK, "SV-A")
    [dispose] = act(book, Action.DISPOSE, "SV-A", outcome="fir_registered")
    assert ack.event_id == event_id_for("SV-A", StatusKind.ACKNOWLEDGED, 1) != event_id_for(
        "SV-A", StatusKind.ACKNOWLEDGED, 0)
    assert dispose.event_id == status_event_id("SV-A", "disposed", "c1")


def test_events_before_their_complaint_and_redeliveries_give_the_same_state() -> None:
    events = [StatusEvent(event_id=event_id_for("SV-A", StatusKind(k), 0), docket_id="SV-A", district="lucknow",
                          kind=k, actor="d", occurred_at="2026-11-24T10:00:00.000Z", note="",
                          outcome="duplicate" if k == "disposed" else None) for k in ("acknowledged", "disposed")]
    early = Casebook("lucknow")
    for e in [*events, *events]:
        early.apply(e)
    early.add_complaint(complaint("SV-A"))
    early.add_complaint(complaint("SV-A"))
    docket = early.get("SV-A")
    assert docket is not None and docket.state == "disposed" and docket.outcome == "duplicate"
    # A late acknowledgement (out of order) does not reopen it.
    late = StatusEvent(event_id="ST-late", docket_id="SV-A", district="lucknow", kind="acknowledged", actor="d",
                       occurred_at="2026-11-24T11:00:00.000Z", note="")
    early.apply(late)
    assert docket.state == "disposed"


def test_outcome_parsing_accepts_the_enum_values_only() -> None:
    assert parse_outcome(" FIR_REGISTERED ").value == "fir_registered"
    with pytest.raises(InvalidActionError, match="action_taken, fir_registered"):
        parse_outcome("arrested")


def test_age_formatting() -> None:
    assert [format_age(timedelta(minutes=m)) for m in (0, 59, 61, 47 * 60, 50 * 60)] == [
        "0m", "59m", "1h01m", "47h00m", "2d02h"]


def test_the_acknowledgement_reply_carries_the_docket_in_hindi_and_english_within_280() -> None:
    text = acknowledgement_reply("SV-ABCDEFGH", by_slug("lucknow"))
    assert text.count("SV-ABCDEFGH") == 2 and "लखनऊ पुलिस" in text and "Lucknow Police" in text
    assert "@" not in text
    for district in (*DISTRICTS, None):
        assert weighted_length(acknowledgement_reply("SV-ABCDEFGH", district)) <= X_MAX_WEIGHTED_LENGTH


def test_weighted_length_counts_as_x_does() -> None:
    assert weighted_length("abc") == 3 and weighted_length("लखनऊ") == 4 and weighted_length("😀") == 2
    assert weighted_length("日本") == 4


def test_prompt_commands_parse_into_actions() -> None:
    assert parse_command("  ") is None
    assert parse_command("ack 3") == Command("ack", "3")
    assert parse_command('assign 2 --to "PS Hazratganj"') == Command("assign", "2", {"to": "PS Hazratganj"})
    assert parse_command("assign 2 PS Hazratganj") == Command("assign", "2", {"to": "PS Hazratganj"})
    assert parse_command('dispose SV-A --outcome fir_registered --note "FIR 12"') == Command(
        "dispose", "SV-A", {"outcome": "fir_registered", "note": "FIR 12"})
    assert parse_command("q") == Command("quit")
    for bad, why in (("fly 1", "unknown command"), ("ack", "needs a complaint"), ("dispose 1 --outcome", "needs a"),
                     ("ack 1 --force", "unknown option"), ('ack "1', "cannot read")):
        with pytest.raises(InvalidActionError, match=why):
            parse_command(bad)


def test_listing_numbers_resolve_against_the_last_list() -> None:
    book = book_with(complaint("SV-A", "P2"), complaint("SV-B", "P1"))
    listed = book.open_dockets()
    assert resolve_target("1", listed) == "SV-B" and resolve_target("SV-A", listed) == "SV-A"
    with pytest.raises(InvalidActionError, match="no complaint number 3"):
        resolve_target("3", listed)
