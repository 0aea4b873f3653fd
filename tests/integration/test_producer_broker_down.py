"""A broker that is down makes the producer wait and retry, never drop: stop Kafka, publish, start it."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import pytest

from deploy.localstack import LocalStack
from producers.base import Source
from producers.publisher import TweetPublisher
from seva.settings import ProducerSettings, Settings
from tests.integration.helpers import consume


def _tweet(i: int) -> bytes:
    return json.dumps({"id": str(10_000 + i), "text": f"complaint {i}", "created_at": "2026-11-24T10:00:00Z",
                       "conversation_id": str(10_000 + i)}).encode()


def test_records_submitted_while_kafka_is_down_are_all_delivered_after_it_returns(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    if not stack_settings.stack.managed:
        pytest.skip("needs the local stack, which the test stops and starts")
    topic, dlq = make_topic("raw", partitions=2), make_topic("dlq")
    publisher = TweetPublisher(
        stack_settings.kafka, ProducerSettings(buffer_max_messages=1000), topic=topic, dead_letter_topic=dlq
    )
    publisher.submit(_tweet(0), Source.REPLAY)
    assert publisher.flush(30) == 0  # metadata known, connection established

    kafka = LocalStack(stack_settings, ["kafka"])
    kafka.down()
    submitted = threading.Event()

    def submit_all() -> None:
        for i in range(1, 1500):  # more than the buffer holds: the submitting thread must block, not drop
            publisher.submit(_tweet(i), Source.REPLAY)
        submitted.set()

    worker = threading.Thread(target=submit_all, daemon=True)
    try:
        worker.start()
        assert not submitted.wait(8), "1,499 records fit a 1,000-record buffer while Kafka was down?"
        assert publisher.stats.published == 1
    finally:
        kafka.up()
    worker.join(120)
    assert submitted.is_set()
    assert publisher.close(120) == 0
    assert publisher.stats.published == 1500 and publisher.stats.dead_lettered_total == 0
    got = consume(stack_settings, topic, group_id, 1500, timeout=120)
    assert sorted(int(json.loads(m.value())["id"]) for m in got) == list(range(10_000, 11_500))
