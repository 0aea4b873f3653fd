"""`seva demo`, the main job: the stack up, synthetic tweets through the producer and the triage worker, and a
summary of where every complaint went."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from confluent_kafka import Consumer, TopicPartition

from seva.errors import SevaError
from seva.kafka import ensure_topics
from seva.settings import Settings
from seva.topics import (
    COMPLAINTS_LINKED,
    CORE_TOPICS,
    DEAD_LETTER,
    HQ_TRIAGE,
    HQ_WATCH,
    TWEETS_IGNORED,
    WORKER_OUTPUTS,
)

OUTPUT_TOPICS = (*WORKER_OUTPUTS, DEAD_LETTER)


@dataclass
class Tally:
    """What the worker wrote during this demo run."""

    tweets: set[str] = field(default_factory=set)
    by_district: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_urgency: Counter[str] = field(default_factory=Counter)
    watch: int = 0
    ignored: int = 0
    linked: Counter[str] = field(default_factory=Counter)
    dead_lettered: Counter[str] = field(default_factory=Counter)
    p1_examples: list[str] = field(default_factory=list)

    def add(self, topic: str, value: bytes, headers: dict[str, bytes], ours: set[str]) -> None:
        """Count one output record, if it belongs to this run's tweets (the topics are shared)."""
        if topic == DEAD_LETTER.name:
            if headers.get("seva.error.stage") == b"producer":
                self.dead_lettered[headers.get("seva.error.reason", b"?").decode()] += 1
            return
        doc = json.loads(value)
        if doc["tweet"]["id"] not in ours:
            return
        self.tweets.add(doc["tweet"]["id"])
        if topic == HQ_WATCH.name:
            self.watch += 1
        elif topic == TWEETS_IGNORED.name:
            self.ignored += 1
        elif topic == COMPLAINTS_LINKED.name:
            self.linked[doc["relation"]] += 1
        else:
            self.by_district[doc["district"]] += 1
            self.by_category[doc["category"]] += 1
            self.by_urgency[doc["urgency"]] += 1
            if doc["urgency"] == "P1" and len(self.p1_examples) < 3:
                self.p1_examples.append(f"{doc['docket_id']} {doc['district']} {doc['category']}: "
                                        f"{doc['tweet']['text'][:90]!r}")


def _end_offsets(consumer: Consumer, topics: list[str]) -> list[TopicPartition]:
    positions = []
    metadata = consumer.list_topics(timeout=10)
    for name in topics:
        for partition in metadata.topics[name].partitions:
            _low, high = consumer.get_watermark_offsets(TopicPartition(name, partition), timeout=10)
            positions.append(TopicPartition(name, partition, high))
    return positions


def run_demo(settings: Settings, progress: Callable[[str], None], tweets: int = 3000) -> None:
    from deploy.localstack import LocalStack
    from producers.base import Source
    from producers.generator import OWN_USER_ID, GeneratorConfig, generate
    from producers.publisher import TweetPublisher

    progress("bringing the local stack up")
    LocalStack(settings).up(progress=progress)
    ensure_topics(settings.kafka, CORE_TOPICS)

    reader = Consumer(settings.kafka.librdkafka(**{"group.id": "seva-demo-reader", "enable.auto.commit": False}))
    reader.assign(_end_offsets(reader, [t.name for t in OUTPUT_TOPICS]))

    log_path = settings.stack.state_dir / "logs" / "demo-worker.log"
    progress(f"starting the triage worker (seva worker), log {log_path}")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    worker_log = log_path.open("ab")
    worker = subprocess.Popen(
        [sys.executable, "-m", "seva.cli", "worker", "--loglevel", "INFO"], stdout=worker_log,
        stderr=subprocess.STDOUT, env=os.environ.copy(),
    )
    try:
        gen = GeneratorConfig(seed=int(time.time()) % 10_000, duplicate_rate=0.03, malformed_rate=0.005,
                              own_rate=0.01)
        producer_settings = settings.producer.model_copy(update={"own_user_ids": [OWN_USER_ID]})
        publisher = TweetPublisher(settings.kafka, producer_settings)
        t0 = time.monotonic()
        expected: set[str] = set()
        for record in generate(tweets, gen):
            publisher.submit(record.raw, Source.SYNTHETIC)
            if record.kind == "tweet" and record.tweet_id:
                expected.add(record.tweet_id)
        if publisher.close(120):
            raise SevaError("demo: Kafka did not acknowledge every tweet")
        s = publisher.stats
        progress(f"producer: {s.published} tweets published in {time.monotonic() - t0:.1f}s "
                 f"({s.duplicates} duplicates and {s.own_skipped} of our own skipped, "
                 f"{s.dead_lettered_total} malformed dead-lettered)")

        tally = Tally()
        deadline = time.monotonic() + 240
        last_report = 0.0
        while not expected <= tally.tweets and time.monotonic() < deadline:
            if worker.poll() is not None:
                raise SevaError(f"demo: the worker exited ({worker.returncode}); see {log_path}")
            for msg in reader.consume(1000, timeout=0.5):
                if msg.error() is None:
                    raw_headers: list[Any] = list(msg.headers() or [])
                    headers = {k: v for k, v in raw_headers if isinstance(v, bytes)}
                    tally.add(msg.topic() or "", msg.value() or b"", headers, expected)
            if time.monotonic() - last_report > 3:
                last_report = time.monotonic()
                progress(f"worker: {len(tally.tweets & expected)}/{len(expected)} tweets triaged and routed")
        if not expected <= tally.tweets:
            raise SevaError(f"demo: {len(expected - tally.tweets)} tweets were not routed within 4 minutes")
        progress(f"worker: all {len(expected)} tweets triaged in {time.monotonic() - t0:.1f}s since the first "
                 "was published")
    finally:
        reader.close()
        worker.terminate()
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
        worker_log.close()
    _print_tally(tally, progress)
    _print_monitoring(settings, progress)


def _print_monitoring(settings: Settings, say: Callable[[str], None]) -> None:
    prom, am = settings.prometheus.url, settings.prometheus.alertmanager_url
    say(f"prometheus:   {prom}  (alerts {prom}/alerts, rules deploy/prometheus/rules/, runbook docs/runbook.md)")
    say(f"alertmanager: {am}")
    say("seva status shows each Seva process's health from its metrics endpoint")


def _print_tally(t: Tally, say: Callable[[str], None]) -> None:
    complaints = sum(t.by_district.values())
    say("")
    say(f"complaints routed: {complaints} to {len(t.by_district)} districts "
        f"({t.by_district.get('unknown', 0)} to HQ triage: no place in UP found)")
    say("  busiest: " + ", ".join(f"{d} {n}" for d, n in t.by_district.most_common(6) if d != "unknown"))
    say("  by urgency: " + ", ".join(f"{u} {n}" for u, n in sorted(t.by_urgency.items())))
    say("  by category: " + ", ".join(f"{c} {n}" for c, n in t.by_category.most_common()))
    say(f"  P1 also on {HQ_WATCH.name}: {t.watch}")
    for example in t.p1_examples:
        say(f"    {example}")
    say(f"not complaints (praise, news, greetings): {t.ignored} on {TWEETS_IGNORED.name}")
    say("attached to an existing docket: " + (", ".join(f"{r} {n}" for r, n in t.linked.items()) or "none"))
    say("dead-lettered by the producer: " + (", ".join(f"{r} {n}" for r, n in t.dead_lettered.items()) or "none"))
    say("")
    say(f"look further: kcat -C -b <kafka> -t {HQ_TRIAGE.name} -o beginning -e | head; "
        "seva classify < tweets.jsonl; seva eval")
