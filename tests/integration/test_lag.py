"""Consumer lag read from the real broker: committed offsets against high watermarks."""

from __future__ import annotations

from collections.abc import Callable

from confluent_kafka import Consumer, Producer, TopicPartition
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from seva.kafka import producer_config
from seva.lag import ConsumerLagCollector, LagTarget
from seva.settings import Settings


def _samples(registry: CollectorRegistry) -> dict[tuple[str, str], float]:
    out = {}
    for family in text_string_to_metric_families(generate_latest(registry).decode()):
        for s in family.samples:
            if s.name in ("seva_consumer_lag_messages", "seva_consumer_committed_offset"):
                out[(s.name, s.labels["topic"])] = s.value
    return out


def test_lag_and_committed_offsets_of_a_group(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    topic = make_topic("lag", partitions=2)
    idle = make_topic("idle", partitions=1)
    producer = Producer(producer_config(stack_settings.kafka))
    for i in range(10):
        producer.produce(topic, value=b"x", partition=i % 2)  # 5 per partition
    producer.produce(idle, value=b"y")
    assert producer.flush(30) == 0

    registry = CollectorRegistry()
    collector = ConsumerLagCollector(stack_settings.kafka, [LagTarget(group_id, (topic, idle))])
    registry.register(collector)
    collector.refresh()
    # Nothing committed yet: every retained message is lag.
    assert _samples(registry) == {
        ("seva_consumer_lag_messages", topic): 10, ("seva_consumer_committed_offset", topic): 0,
        ("seva_consumer_lag_messages", idle): 1, ("seva_consumer_committed_offset", idle): 0,
    }

    consumer = Consumer(stack_settings.kafka.librdkafka(**{"group.id": group_id, "enable.auto.commit": False}))
    try:
        consumer.commit(offsets=[TopicPartition(topic, 0, 4), TopicPartition(topic, 1, 5),
                                 TopicPartition(idle, 0, 1)], asynchronous=False)
    finally:
        consumer.close()
    collector.refresh()
    assert _samples(registry) == {
        ("seva_consumer_lag_messages", topic): 1, ("seva_consumer_committed_offset", topic): 9,
        ("seva_consumer_lag_messages", idle): 0, ("seva_consumer_committed_offset", idle): 1,
    }
