"""The triage and routing agents in process (Faust test_context, memory store): thin agents, right outputs."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from faust.types import TP

from seva.events import Complaint, LinkedTweet, RawTweet
from seva.settings import Settings
from seva.topics import COMPLAINTS_LINKED, DEAD_LETTER, HQ_WATCH, TWEETS_IGNORED, TWEETS_TRIAGED
from streams.app import Send, create_app
from streams.routing import docket_id

NIGHT = datetime(2026, 11, 23, 20, 40, tzinfo=UTC)  # 02:10 IST


def raw_tweet(tweet_id: str, text: str, *, created: datetime = NIGHT, conversation: str | None = None,
              author: str = "42", retweet_of: str | None = None, location: str | None = None) -> bytes:
    refs = [{"type": "retweeted", "id": retweet_of}] if retweet_of else []
    if conversation and conversation != tweet_id:
        refs.append({"type": "replied_to", "id": conversation})
    tweet = RawTweet(
        id=tweet_id, text=text, created_at=created.strftime("%Y-%m-%dT%H:%M:%S.000Z"), author_id=author,
        conversation_id=conversation or tweet_id, in_reply_to_user_id=None, referenced_tweets=refs, lang="en",
        mentions=[], hashtags=[], geo=None, author_username="u" + author, author_location=location,
        source="test", received_at=created.strftime("%Y-%m-%dT%H:%M:%S.000Z"), payload="{}",
    )
    return json.dumps(tweet.asdict()).encode()


class Recorder:
    def __init__(self) -> None:
        self.sent: list[Send] = []

    async def __call__(self, send: Send) -> None:
        self.sent.append(send)

    def to(self, topic: str) -> list[Send]:
        return [s for s in self.sent if s.topic == topic]


class ChangelogProducer:
    """Stands in for Faust's Kafka producer in process: tables write their changelogs here."""

    def __init__(self) -> None:
        self.changelog: list[Any] = []

    def send_soon(self, fut: Any) -> None:
        self.changelog.append(fut)

    def key_partition(self, topic: str, key: bytes) -> TP:
        return TP(topic, 0)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


Agents = tuple[Any, Any]


@pytest.fixture
async def agents(recorder: Recorder) -> AsyncIterator[Agents]:
    app = create_app(Settings(), outbox=recorder)
    app.finalize()
    app.producer = ChangelogProducer()  # type: ignore[assignment]
    app.flow_control.resume()
    triage, route = app.seva_agents[:2]  # type: ignore[attr-defined]
    async with triage.test_context() as t, route.test_context() as r:
        yield t, r


async def _through(agents: Agents, recorder: Recorder, raw: bytes) -> None:
    """Put one raw tweet into the intake agent and whatever it triaged into the routing agent."""
    intake, route = agents
    before = len(recorder.to(TWEETS_TRIAGED.name))
    await intake.put(raw, key=b"k")
    for send in recorder.to(TWEETS_TRIAGED.name)[before:]:
        await route.put(send.value, key=send.key)


async def test_night_distress_in_noida_is_p1_to_noida_and_hq_watch(agents: Agents, recorder: Recorder) -> None:
    await _through(agents, recorder, raw_tweet(
        "100", "@noidapolice please help, I am alone and men are banging on my door in Sector 62 Noida"))
    district = recorder.to("complaints.gautam_buddh_nagar")
    watch = recorder.to(HQ_WATCH.name)
    assert len(district) == 1 and len(watch) == 1
    complaint = Complaint.loads(district[0].value)
    assert complaint.category == "women_safety" and complaint.urgency == "P1"
    assert complaint.docket_id == docket_id("100") and district[0].key == complaint.docket_id.encode()
    assert complaint.range and complaint.zone


async def test_praise_goes_to_ignored_not_to_a_district(agents: Agents, recorder: Recorder) -> None:
    await _through(agents, recorder, raw_tweet("101", "Thank you @lkopolice for the quick help, great work!",
                                               created=NIGHT - timedelta(hours=10)))
    assert len(recorder.to(TWEETS_IGNORED.name)) == 1
    assert not [s for s in recorder.sent if s.topic.startswith("complaints.")]


async def test_unknown_district_goes_to_hq_triage(agents: Agents, recorder: Recorder) -> None:
    await _through(agents, recorder, raw_tweet("102", "@uppolice my bike was stolen from outside my house, please help",
                                               created=NIGHT - timedelta(hours=10)))
    assert len(recorder.to("complaints.hq.triage")) == 1


async def test_retweet_and_repeated_text_attach_to_the_first_docket(agents: Agents, recorder: Recorder) -> None:
    text = "My mobile phone was stolen at Charbagh station Lucknow today, please register my complaint"
    day = NIGHT - timedelta(hours=10)
    await _through(agents, recorder, raw_tweet("200", text, created=day, author="7"))
    await _through(agents, recorder, raw_tweet("201", "RT @u7: " + text, created=day, author="8", retweet_of="200"))
    await _through(agents, recorder, raw_tweet("202", text + " @lkopolice", created=day, author="7"))
    routed = recorder.to("complaints.lucknow")
    linked = [LinkedTweet.loads(s.value) for s in recorder.to(COMPLAINTS_LINKED.name)]
    assert len(routed) == 1
    assert [(link.relation, link.docket_id) for link in linked] == [
        ("retweet", docket_id("200")), ("duplicate_text", docket_id("200"))]
    assert linked[1].by_complainant is True and linked[0].by_complainant is False


async def test_reply_by_complainant_links_to_the_docket(agents: Agents, recorder: Recorder) -> None:
    day = NIGHT - timedelta(hours=10)
    first = raw_tweet("300", "Chain snatching in Agra near Sanjay Place just now", created=day)
    await _through(agents, recorder, first)
    reply = raw_tweet("301", "Sir still no one has called me", created=day, conversation="300")
    await _through(agents, recorder, reply)
    linked = [LinkedTweet.loads(s.value) for s in recorder.to(COMPLAINTS_LINKED.name)]
    assert [(link.relation, link.docket_id, link.by_complainant) for link in linked] == [
        ("reply", docket_id("300"), True)]


async def test_redelivery_routes_the_same_docket_again_not_a_duplicate(agents: Agents, recorder: Recorder) -> None:
    raw = raw_tweet("400", "Firing going on right now in Meerut Kotwali area, people injured, send police")
    await _through(agents, recorder, raw)
    await _through(agents, recorder, raw)
    routed = [Complaint.loads(s.value) for s in recorder.to("complaints.meerut")]
    assert [c.docket_id for c in routed] == [docket_id("400")] * 2
    assert not recorder.to(COMPLAINTS_LINKED.name)


async def test_bad_records_go_to_the_dead_letter_topic_and_the_agent_keeps_running(
    agents: Agents, recorder: Recorder
) -> None:
    await _through(agents, recorder, b"{not json")
    await _through(agents, recorder, b'{"id": "1"}')
    await _through(agents, recorder, raw_tweet("500", "Loud DJ at midnight in Gomti Nagar Lucknow, cannot sleep"))
    dlq = recorder.to(DEAD_LETTER.name)
    assert [dict(s.headers)["seva.error.reason"] for s in dlq] == [b"malformed_json", b"invalid_record"]
    assert all(dict(s.headers)["seva.error.stage"] == b"triage" for s in dlq)
    assert dlq[0].value == b"{not json"
    assert len(recorder.to("complaints.lucknow")) == 1


def test_faust_internal_topics_are_what_faust_would_declare() -> None:
    """`seva worker` creates Faust's own topics before Faust starts (a changelog created by Faust moments before
    the subscription was once missing from the consumer's metadata: its table got no partitions). They must be
    exactly what Faust would declare: names, partitions and cleanup policy of every table, and the leader topic."""
    from faust.transport.drivers.aiokafka import Transport

    from streams.app import faust_internal_topics

    app = create_app(Settings(), namespace="ns.", outbox=Recorder())
    specs = {s.name: s for s in faust_internal_topics(app)}
    assert len(app.tables) == 3
    for table in app.tables.values():
        topic = table.changelog_topic
        spec = specs.pop(topic.get_topic_name())
        assert spec.partitions == topic.partitions == table.partitions
        assert dict(spec.config) == {k: str(v) for k, v in Transport._topic_config(  # noqa: SLF001
            None, retention=None, compacting=topic.compacting, deleting=topic.deleting).items()}  # type: ignore[arg-type]
        assert spec.config["cleanup.policy"] == "compact"
    assert list(specs) == ["ns.seva-triage-__assignor-__leader"]
    assert specs["ns.seva-triage-__assignor-__leader"].partitions == 1
