"""The ground is real: Kafka 4.x in KRaft mode works with confluent-kafka, aiokafka and a Faust agent."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from confluent_kafka import Producer

from seva.kafka import producer_config
from seva.settings import Settings
from tests.integration.helpers import consume


def test_confluent_idempotent_producer_round_trip(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    topic = make_topic(partitions=3)
    producer = Producer(producer_config(stack_settings.kafka))
    for i in range(200):
        producer.produce(topic, key=str(i % 7).encode(), value=str(i).encode())
    assert producer.flush(30) == 0
    got = consume(stack_settings, topic, group_id, 200)
    assert sorted(int(m.value()) for m in got) == list(range(200))


def test_auto_create_is_off(stack_settings: Settings, unique_name: Callable[[str], str]) -> None:
    """A typo in a topic name must fail loudly, not create a topic nobody reads."""
    producer = Producer(producer_config(stack_settings.kafka, **{"message.timeout.ms": 3000}))
    errors: list[object] = []
    producer.produce(unique_name("nope"), value=b"x", on_delivery=lambda err, _msg: errors.append(err))
    producer.flush(10)
    assert errors and errors[0] is not None


def test_aiokafka_idempotent_round_trip(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    topic = make_topic()
    bootstrap = stack_settings.kafka.bootstrap_servers

    async def run() -> list[bytes]:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
        await producer.start()
        try:
            for i in range(20):
                await producer.send_and_wait(topic, str(i).encode(), key=b"k")
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group_id,
                                    auto_offset_reset="earliest")
        await consumer.start()
        values: list[bytes] = []
        try:
            while len(values) < 20:
                batch = await asyncio.wait_for(consumer.getmany(timeout_ms=1000), 30)
                values.extend(m.value for msgs in batch.values() for m in msgs if m.value is not None)
        finally:
            await consumer.stop()
        return values

    assert asyncio.run(run()) == [str(i).encode() for i in range(20)]


@pytest.fixture
def faust_worker(
    stack_settings: Settings, make_topic: Callable[..., str], unique_name: Callable[[str], str], free_port: int
) -> Iterator[tuple[str, str, int]]:
    """The smoke Faust worker running as its own process against the real broker."""
    source, target = make_topic("in"), make_topic("out")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams.smoke", "--in", source, "--out", target,
         "--bootstrap", stack_settings.kafka.bootstrap_servers, "--app-id", unique_name("app"),
         "--metrics-port", str(free_port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    yield source, target, free_port
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    # A worker that crashed on its own would have printed why; keep it for the failure report.
    print(out.decode(errors="replace")[-3000:])


def test_message_from_confluent_is_consumed_by_a_faust_agent(
    stack_settings: Settings, faust_worker: tuple[str, str, int], group_id: str
) -> None:
    source, target, _port = faust_worker
    producer = Producer(producer_config(stack_settings.kafka))
    for i in range(10):
        producer.produce(source, key=b"k", value=f"m{i}".encode())
    assert producer.flush(30) == 0
    got = consume(stack_settings, target, group_id, 10, timeout=90)
    assert [m.value() for m in got] == [f"faust:m{i}".encode() for i in range(10)]
    assert all(m.key() == b"k" for m in got)


def test_delete_namespace_removes_every_topic_and_group_of_a_prefix_and_nothing_else(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    """Tests and benchmarks clean up with it: also the topics Faust declares for itself (changelogs) and the
    consumer groups, which a list of the declared topics would miss."""
    import uuid

    from confluent_kafka import Consumer

    from seva.kafka import admin_client, delete_namespace, ensure_topics
    from seva.topics import TopicSpec
    from tests.integration.helpers import eventually

    with pytest.raises(ValueError, match="non-empty prefix"):
        delete_namespace(stack_settings.kafka, "")
    prefix = f"n{uuid.uuid4().hex[:8]}."
    ours = [f"{prefix}tweets.raw", f"{prefix}app-table-changelog"]
    ensure_topics(stack_settings.kafka, [TopicSpec(n, partitions=1) for n in ours])
    bystander = make_topic()
    group = prefix + "sink"
    producer = Producer(producer_config(stack_settings.kafka))
    producer.produce(ours[0], value=b"x")
    assert producer.flush(30) == 0
    consumer = Consumer(stack_settings.kafka.librdkafka(**{
        "group.id": group, "auto.offset.reset": "earliest", "enable.auto.commit": False}))
    consumer.subscribe([ours[0]])
    got = []
    for _ in range(60):
        got += [m for m in consumer.consume(10, timeout=0.5) if m.error() is None]
        if got:
            break
    assert got
    consumer.commit(asynchronous=False)  # a group with a committed offset outlives its members
    consumer.close()
    admin = admin_client(stack_settings.kafka)

    def groups() -> list[str]:
        return [g.group_id for g in admin.list_consumer_groups(request_timeout=10).result(timeout=11).valid]

    assert group in groups()

    assert delete_namespace(stack_settings.kafka, prefix) == 2
    assert eventually(lambda: not [t for t in admin.list_topics(timeout=10).topics if t.startswith(prefix)])
    assert bystander in admin.list_topics(timeout=10).topics
    assert group not in groups()
