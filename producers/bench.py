"""Producer benchmark: generator -> publisher -> Kafka, messages/s and CPU µs per message, in one run."""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from producers.base import Source
from producers.generator import GeneratorConfig, generate
from producers.publisher import TweetPublisher
from seva.kafka import delete_topics, ensure_topics
from seva.settings import Settings
from seva.topics import TWEETS_RAW, TopicSpec
from seva.xpayload import parse_tweet


@dataclass(frozen=True)
class ProduceBench:
    """Measured figures; the generator and parse-only rates show what the Kafka path costs on top."""

    records: int
    generate_msgs_per_s: float
    parse_msgs_per_s: float
    produce_msgs_per_s: float
    produce_cpu_us_per_msg: float
    mean_record_bytes: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def bench_produce(settings: Settings, count: int = 50_000, seed: int = 3) -> ProduceBench:
    records = [r.raw for r in generate(count, GeneratorConfig(seed=seed))]

    t0 = time.perf_counter()
    for _ in generate(count, GeneratorConfig(seed=seed)):
        pass
    generate_s = time.perf_counter() - t0

    now = datetime.now(UTC)
    t0 = time.perf_counter()
    for raw in records:
        parse_tweet(raw, Source.SYNTHETIC, now, settings.producer.max_record_bytes)
    parse_s = time.perf_counter() - t0

    topic = TopicSpec(f"bench.produce.{uuid.uuid4().hex[:8]}", partitions=TWEETS_RAW.partitions)
    ensure_topics(settings.kafka, [topic])
    try:
        publisher = TweetPublisher(settings.kafka, settings.producer, topic=topic.name)
        publisher.submit(records[0], Source.SYNTHETIC)  # connect and fetch metadata outside the timing
        publisher.flush(30)
        cpu0, t0 = time.process_time(), time.perf_counter()
        for raw in records[1:]:
            publisher.submit(raw, Source.SYNTHETIC)
        publisher.flush(120)
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    finally:
        delete_topics(settings.kafka, [topic.name])
    n = len(records) - 1
    return ProduceBench(
        records=count,
        generate_msgs_per_s=count / generate_s,
        parse_msgs_per_s=count / parse_s,
        produce_msgs_per_s=n / wall,
        produce_cpu_us_per_msg=cpu / n * 1e6,
        mean_record_bytes=sum(map(len, records)) / count,
    )
