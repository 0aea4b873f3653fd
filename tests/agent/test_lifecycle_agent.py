"""The reopen agent in process (Faust test_context, memory store): a complainant's reply reopens a disposed docket."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from seva.events import LinkedTweet, RawTweet, StatusEvent, StatusKind, status_event_id
from seva.settings import Settings
from seva.topics import COMPLAINT_STATUS, DEAD_LETTER
from streams.app import create_app
from tests.agent.test_triage_agents import ChangelogProducer, Recorder

DOCKET = "SV-AAAAAAAA"


def status(kind: str, n: int = 0, occurred_at: str = "2026-11-24T10:00:00.000Z", **fields: Any) -> bytes:
    event = StatusEvent(event_id=status_event_id(DOCKET, kind, f"c{n}"), docket_id=DOCKET, district="lucknow",
                        kind=kind, actor="desk", occurred_at=occurred_at, note="", **fields)
    return event.dumps()


def reply(tweet_id: str, *, by_complainant: bool = True, relation: str = "reply",
          created_at: str = "2026-11-25T08:00:00.000Z") -> bytes:
    tweet = RawTweet(
        id=tweet_id, text="sir the thieves are back, nothing was done", created_at=created_at,
        author_id="42", conversation_id="100", in_reply_to_user_id=None,
        referenced_tweets=[{"type": "replied_to", "id": "100"}], lang="en", mentions=[], hashtags=[], geo=None,
        author_username="u42", author_location=None, source="test", received_at="2026-11-25T08:00:01.000Z",
        payload="{}",
    )
    return LinkedTweet(docket_id=DOCKET, relation=relation, tweet=tweet, by_complainant=by_complainant,
                       linked_at="2026-11-25T08:00:02.000Z").dumps()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def track(recorder: Recorder) -> AsyncIterator[Any]:
    app = create_app(Settings(), outbox=recorder)
    app.finalize()
    app.producer = ChangelogProducer()  # type: ignore[assignment]
    app.flow_control.resume()
    agent = app.seva_agents[2]  # type: ignore[attr-defined]
    async with agent.test_context() as t:
        yield t


def reopens(recorder: Recorder) -> list[StatusEvent]:
    return [StatusEvent.loads(s.value) for s in recorder.to(COMPLAINT_STATUS.name)]


async def test_complainant_reply_to_a_disposed_docket_reopens_it_with_a_deterministic_id(
    track: Any, recorder: Recorder
) -> None:
    for kind in ("acknowledged", "disposed"):
        await track.put(status(kind, outcome="action_taken" if kind == "disposed" else None), key=DOCKET.encode())
    await track.put(reply("901"), key=DOCKET.encode())
    sent = recorder.to(COMPLAINT_STATUS.name)
    assert len(sent) == 1 and sent[0].key == DOCKET.encode()
    event = StatusEvent.loads(sent[0].value)
    assert (event.kind, event.actor, event.district, event.docket_id) == ("reopened", "seva", "lucknow", DOCKET)
    assert event.event_id == status_event_id(DOCKET, StatusKind.REOPENED.value, "901")
    assert event.occurred_at == "2026-11-25T08:00:00.000Z"


async def test_reply_to_an_open_docket_or_by_someone_else_reopens_nothing(track: Any, recorder: Recorder) -> None:
    before = "2026-11-24T09:30:00.000Z"  # written before the disposal at 10:00
    await track.put(reply("900", created_at=before), key=DOCKET.encode())  # no status yet
    await track.put(status("acknowledged"), key=DOCKET.encode())
    await track.put(reply("901", created_at=before), key=DOCKET.encode())  # open docket
    await track.put(status("disposed", outcome="duplicate"), key=DOCKET.encode())
    await track.put(reply("902", by_complainant=False), key=DOCKET.encode())
    await track.put(reply("903", relation="retweet"), key=DOCKET.encode())
    assert reopens(recorder) == []


async def test_a_second_reply_before_the_reopen_comes_back_does_not_reopen_twice(
    track: Any, recorder: Recorder
) -> None:
    await track.put(status("acknowledged"), key=DOCKET.encode())
    await track.put(status("disposed", outcome="action_taken"), key=DOCKET.encode())
    await track.put(reply("901"), key=DOCKET.encode())
    await track.put(reply("902"), key=DOCKET.encode())
    assert [e.event_id for e in reopens(recorder)] == [status_event_id(DOCKET, "reopened", "901")]
    # The reopen comes back on complaints.status, is acknowledged and disposed again: the next reply reopens.
    await track.put(recorder.to(COMPLAINT_STATUS.name)[0].value, key=DOCKET.encode())
    later = "2026-11-26T10:00:00.000Z"  # the second disposal follows reply 902
    await track.put(status("acknowledged", 1, occurred_at=later), key=DOCKET.encode())
    await track.put(status("disposed", 1, occurred_at=later, outcome="fir_registered"), key=DOCKET.encode())
    await track.put(reply("903", created_at="2026-11-27T08:00:00.000Z"), key=DOCKET.encode())
    assert [e.event_id for e in reopens(recorder)][1:] == [status_event_id(DOCKET, "reopened", "903")]


async def test_a_reply_read_before_its_disposal_still_reopens_once_the_disposal_arrives(
    track: Any, recorder: Recorder
) -> None:
    # complaints.linked and complaints.status are separate topics: the agent may read the complainant's reply
    # (written after the disposal) before the disposal itself. Event time decides, not reading order.
    await track.put(status("acknowledged"), key=DOCKET.encode())
    await track.put(reply("901"), key=DOCKET.encode())  # written 11-25, read first
    assert reopens(recorder) == []
    await track.put(status("disposed", outcome="action_taken"), key=DOCKET.encode())  # 11-24 10:00
    assert [e.event_id for e in reopens(recorder)] == [status_event_id(DOCKET, "reopened", "901")]
    assert reopens(recorder)[0].occurred_at == "2026-11-25T08:00:00.000Z"


async def test_a_late_acknowledgement_does_not_undo_the_disposal(track: Any, recorder: Recorder) -> None:
    await track.put(status("acknowledged"), key=DOCKET.encode())
    await track.put(status("disposed", outcome="action_taken"), key=DOCKET.encode())
    await track.put(status("acknowledged"), key=DOCKET.encode())  # redelivered
    await track.put(reply("901"), key=DOCKET.encode())
    assert len(reopens(recorder)) == 1


async def test_bad_records_are_dead_lettered_and_the_agent_carries_on(track: Any, recorder: Recorder) -> None:
    await track.put(b"{nope", key=DOCKET.encode())
    await track.put(json.dumps({"kind": "teleported", "event_id": "x", "docket_id": DOCKET}).encode(),
                    key=DOCKET.encode())
    await track.put(status("disposed", outcome="action_taken"), key=DOCKET.encode())
    await track.put(reply("901"), key=DOCKET.encode())
    dlq = recorder.to(DEAD_LETTER.name)
    assert [dict(s.headers)["seva.error.stage"] for s in dlq] == [b"lifecycle", b"lifecycle"]
    assert [dict(s.headers)["seva.error.reason"] for s in dlq] == [b"malformed_json", b"invalid_record"]
    assert len(reopens(recorder)) == 1
