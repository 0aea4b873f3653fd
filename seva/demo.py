"""`seva demo`, the main job: the stack up, a flow through Kafka and ClickHouse, and where to look next."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from confluent_kafka import Consumer, Producer

from seva.clickhouse import connect, detect_features, ensure_database
from seva.errors import SevaError
from seva.kafka import delete_topics, ensure_topics, producer_config
from seva.settings import Settings
from seva.topics import TopicSpec


def run_demo(settings: Settings, progress: Callable[[str], None], messages: int = 1000) -> None:
    from deploy.localstack import LocalStack

    progress("bringing the local stack up")
    LocalStack(settings).up(progress=progress)

    # Kafka: an idempotent producer writes, a consumer group reads every message back.
    run = uuid.uuid4().hex[:8]
    topic = TopicSpec(f"seva.demo.{run}", partitions=3)
    ensure_topics(settings.kafka, [topic])
    producer = Producer(producer_config(settings.kafka))
    t0 = time.monotonic()
    for i in range(messages):
        producer.produce(topic.name, key=str(i % 17).encode(), value=f'{{"n": {i}}}'.encode())
        producer.poll(0)
    if producer.flush(30) != 0:
        raise SevaError("demo: the producer could not deliver every message within 30s")
    consumer = Consumer(
        settings.kafka.librdkafka(**{"group.id": f"seva-demo-{run}", "auto.offset.reset": "earliest"})
    )
    consumer.subscribe([topic.name])
    seen = 0
    deadline = time.monotonic() + 60
    while seen < messages and time.monotonic() < deadline:
        for msg in consumer.consume(500, timeout=1.0):
            if msg.error() is None:
                seen += 1
    consumer.close()
    elapsed = time.monotonic() - t0
    delete_topics(settings.kafka, [topic.name])
    if seen != messages:
        raise SevaError(f"demo: produced {messages} messages but consumed {seen}")
    progress(f"kafka: {messages} messages produced and consumed back in {elapsed:.2f}s")

    # ClickHouse: a table in the Seva database, rows in, the same rows out.
    database = ensure_database(settings.clickhouse)
    client = connect(settings.clickhouse, database)
    features = detect_features(client)
    client.execute(
        "CREATE TABLE IF NOT EXISTS demo_runs (run String, n UInt32, at DateTime) "
        "ENGINE = MergeTree ORDER BY (run, n)"
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    client.execute("INSERT INTO demo_runs (run, n, at) VALUES", [(run, i, now) for i in range(messages)])
    (count,), = client.execute("SELECT count() FROM demo_runs WHERE run = %(run)s", {"run": run})
    if count != messages:
        raise SevaError(f"demo: inserted {messages} rows into ClickHouse but read back {count}")
    version = ".".join(map(str, features.version))
    progress(f"clickhouse {version}: {count} rows written to {database}.demo_runs and read back")
