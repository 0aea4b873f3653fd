"""The simulated responders on the real broker: every scripted event reaches complaints.status once, a re-run
with the same seed re-sends identical ids, the replies go to tweets.raw, and the ground truth matches."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from confluent_kafka import Producer
from prometheus_client import REGISTRY

from producers.simulate import SimConfig, script_for
from producers.simulate_runner import run_simulation
from seva.events import Complaint, RawTweet, StatusEvent, utc_iso
from seva.kafka import delete_namespace, ensure_topics, producer_config
from seva.settings import Settings
from seva.topics import COMPLAINT_STATUS, CORE_TOPICS, TWEETS_RAW, district_topic, namespaced
from tests.integration.helpers import consume

START = datetime(2026, 11, 20, tzinfo=UTC)


def complaints(n: int) -> list[Complaint]:
    out = []
    for i in range(n):
        created = utc_iso(START + timedelta(minutes=i))
        tid = str(1_950_000_000_000_000_000 + i)
        tweet = RawTweet(id=tid, text="x", created_at=created, author_id=str(500 + i), conversation_id=tid,
                         in_reply_to_user_id=None, referenced_tweets=[], lang="hi", mentions=[], hashtags=[], geo=None,
                         author_username=f"u{i}", author_location=None, source="t", received_at=created, payload="{}")
        out.append(Complaint(docket_id=f"SV-S{i:07d}", tweet=tweet, category="violence",
                             urgency=("P1", "P2", "P3")[i % 3], district=("lucknow", "agra", "unknown")[i % 3],
                             range=None, zone=None, reasons=[], fingerprint=tid, classified_at=created))
    return out


@pytest.fixture
def prefix(stack_settings: Settings) -> Iterator[str]:
    ns = f"s{uuid.uuid4().hex[:8]}."
    specs = [namespaced(t, ns) for t in CORE_TOPICS]
    ensure_topics(stack_settings.kafka, specs)
    yield ns
    delete_namespace(stack_settings.kafka, ns)


def test_simulated_responders_send_exactly_their_scripts_and_report_the_truth(
    stack_settings: Settings, prefix: str
) -> None:
    cs = complaints(120)
    producer = Producer(cast(dict[str, Any], producer_config(stack_settings.kafka)))
    for c in [*cs, cs[0]]:  # one redelivered complaint
        producer.produce(namespaced(district_topic(c.district), prefix).name, key=c.docket_id.encode(),
                         value=c.dumps())
    assert producer.flush(30) == 0
    config = SimConfig(seed=5, reply_share=0.2)
    scripts = [script_for(c, config) for c in cs]
    expected = {e.event_id: e.dumps() for s in scripts for e in s.events}

    truth = run_simulation(stack_settings.kafka, config=config, idle_s=3.0, duration_s=90, namespace=prefix)
    assert truth.complaints == {c.docket_id for c in cs}
    assert truth.disposed == {s.docket_id for s in scripts if "disposed" in s.kinds()}
    assert truth.acknowledged == {s.docket_id for s in scripts if "acknowledged" in s.kinds()}
    assert truth.replied == {s.docket_id for s in scripts if s.reply is not None} and truth.replied
    assert truth.events == len(expected)
    labels = {"district": "lucknow", "kind": "acknowledged"}
    assert (REGISTRY.get_sample_value("seva_responder_events_emitted_total", labels) or 0) >= sum(
        1 for s in scripts for e in s.events if e.district == "lucknow" and e.kind == "acknowledged")

    status = consume(stack_settings, namespaced(COMPLAINT_STATUS, prefix).name, f"g{uuid.uuid4().hex[:6]}",
                     len(expected) + 1, timeout=10)
    assert sorted(m.value() for m in status) == sorted(expected.values())
    assert all(m.key() == StatusEvent.loads(m.value()).docket_id.encode() for m in status)
    replies = consume(stack_settings, namespaced(TWEETS_RAW, prefix).name, f"g{uuid.uuid4().hex[:6]}",
                      len(truth.replied) + 1, timeout=10)
    assert sorted(json.loads(m.value())["id"] for m in replies) == sorted(
        s.reply.tweet_id for s in scripts if s.reply is not None)

    # Restarted, the simulator's group has committed every complaint it acted on: nothing is sent twice.
    again = run_simulation(stack_settings.kafka, config=config, idle_s=3.0, duration_s=90, namespace=prefix,
                           replies=False)
    assert (again.events, again.complaints) == (0, set())
