"""The producer on the real broker: exact counts in tweets.raw and the dead-letter topic, keys as designed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable

from confluent_kafka import Consumer, TopicPartition

from producers.base import Source
from producers.generator import OWN_USER_ID, GeneratorConfig, generate
from producers.publisher import TweetPublisher
from seva.settings import ProducerSettings, Settings
from seva.topics import TWEETS_RAW
from tests.integration.helpers import consume, eventually


def _publisher(settings: Settings, topic: str, dlq: str, **overrides: object) -> TweetPublisher:
    producer = ProducerSettings.model_validate({"own_user_ids": [OWN_USER_ID], **overrides})
    return TweetPublisher(settings.kafka, producer, topic=topic, dead_letter_topic=dlq)


def test_ten_thousand_generated_tweets_become_exactly_ten_thousand_records(
    stack_settings: Settings, make_topic: Callable[..., str], group_id: str
) -> None:
    topic, dlq = make_topic("raw", partitions=6), make_topic("dlq")
    publisher = _publisher(stack_settings, topic, dlq)
    records = list(generate(10_000, GeneratorConfig(seed=11)))
    for rec in records:
        publisher.submit(rec.raw, Source.SYNTHETIC)
    assert publisher.close(60) == 0
    assert publisher.stats.published == 10_000

    got = consume(stack_settings, topic, group_id, 10_000, timeout=120)
    assert len(got) == 10_000
    values = [json.loads(m.value()) for m in got]
    assert len({v["id"] for v in values}) == 10_000
    assert {v["id"] for v in values} == {r.tweet_id for r in records}
    for msg, value in zip(got, values, strict=True):
        # Key design: the tweet it retweets, else its conversation, else itself.
        retweeted = [r["id"] for r in value["referenced_tweets"] if r["type"] == "retweeted"]
        expected = (retweeted[0] if retweeted else value["conversation_id"] or value["id"]).encode()
        assert msg.key() == expected
        assert dict(msg.headers())["seva.source"] == b"synthetic"
    # Exactly as received: each payload is the generator's bytes for that id.
    by_id = {r.tweet_id: r.raw for r in records}
    assert all(v["payload"].encode() == by_id[v["id"]] for v in values)
    # Per-conversation order: within a partition, a reply never precedes the tweet it answers.
    position = {(m.partition(), json.loads(m.value())["id"]): m.offset() for m in got}
    for msg, value in zip(got, values, strict=True):
        for ref in value["referenced_tweets"]:
            if ref["type"] == "replied_to" and (msg.partition(), ref["id"]) in position:
                assert position[(msg.partition(), ref["id"])] < msg.offset()


def test_duplicates_malformed_and_own_tweets_are_counted_exactly(
    stack_settings: Settings, make_topic: Callable[..., str], unique_name: Callable[[str], str]
) -> None:
    topic, dlq = make_topic("raw", partitions=3), make_topic("dlq")
    publisher = _publisher(stack_settings, topic, dlq)
    records = list(generate(10_000, GeneratorConfig(seed=5, duplicate_rate=0.05, malformed_rate=0.01,
                                                    own_rate=0.01)))
    kinds = Counter(r.kind for r in records)
    assert kinds == {"tweet": 10_000, "duplicate": 500, "malformed": 100, "own": 100}
    for rec in records:
        publisher.submit(rec.raw, Source.SYNTHETIC)
    assert publisher.close(60) == 0

    raw_msgs = consume(stack_settings, topic, unique_name("g1"), 10_000, timeout=120)
    dlq_msgs = consume(stack_settings, dlq, unique_name("g2"), 100, timeout=60)
    assert len(raw_msgs) == 10_000
    assert len(dlq_msgs) == 100
    # Nothing more arrives on either topic (the high watermarks are the exact totals).
    assert _total_messages(stack_settings, topic) == 10_000
    assert _total_messages(stack_settings, dlq) == 100
    assert publisher.stats.duplicates == 500 and publisher.stats.own_skipped == 100
    expected_reasons = Counter(r.malformed_reason for r in records if r.kind == "malformed")
    got_reasons = Counter(dict(m.headers())["seva.error.reason"].decode() for m in dlq_msgs)
    assert got_reasons == expected_reasons
    assert all(dict(m.headers())["seva.source"] == b"synthetic" for m in dlq_msgs)


def _total_messages(settings: Settings, topic: str) -> int:
    consumer = Consumer(settings.kafka.librdkafka(**{"group.id": "seva-test-watermarks"}))
    try:
        meta = consumer.list_topics(topic, timeout=10)
        total = 0
        for p in meta.topics[topic].partitions:
            low, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)
            total += high - low
        return total
    finally:
        consumer.close()


def test_seva_produce_synthetic_puts_exactly_n_records_in_tweets_raw(
    stack_settings: Settings, free_port: int
) -> None:
    before = _total_messages(stack_settings, TWEETS_RAW.name)
    done = subprocess.run(
        [sys.executable, "-m", "seva.cli", "produce", "--source", "synthetic", "--count", "2500",
         "--seed", "99", "--duplicate-rate", "0.02", "--malformed-rate", "0.01"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "SEVA_METRICS__PRODUCER_PORT": str(free_port)},
    )
    assert done.returncode == 0, done.stderr
    assert "published 2500" in done.stdout and "dead-lettered 25" in done.stdout
    assert _total_messages(stack_settings, TWEETS_RAW.name) - before == 2500


def test_sigterm_flushes_everything_handed_over_and_metrics_are_served(
    stack_settings: Settings, free_port: int
) -> None:
    import signal
    import time
    import urllib.request

    before = _total_messages(stack_settings, TWEETS_RAW.name)
    proc = subprocess.Popen(
        [sys.executable, "-m", "seva.cli", "produce", "--source", "synthetic", "--count", "20000",
         "--seed", "77", "--rate", "500"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "SEVA_METRICS__PRODUCER_PORT": str(free_port)},
    )
    def scrape() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{free_port}/metrics", timeout=5) as resp:
                return str(resp.read().decode())
        except OSError:
            return ""

    try:
        assert eventually(lambda: 'seva_producer_published_total{source="synthetic"}' in scrape(), 60)
        time.sleep(2)  # some more in flight when the signal arrives
        metrics = scrape()
        assert "seva_producer_publish_latency_seconds_bucket" in metrics
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    published = int(out.split("published ")[1].split(",")[0])
    assert 0 < published < 20_000, "the producer should have been stopped part-way"
    assert _total_messages(stack_settings, TWEETS_RAW.name) - before == published
