"""Consumer lag arithmetic and the collector's scrape side, without Kafka."""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, generate_latest

from seva.lag import ConsumerLagCollector, LagTarget, TopicLag, _Snapshot, compute_lag
from seva.settings import KafkaSettings


def test_lag_is_high_watermark_minus_committed_summed_per_topic() -> None:
    committed = {("raw", 0): 10, ("raw", 1): 5, ("triaged", 0): 7}
    high = {("raw", 0): 12, ("raw", 1): 5, ("triaged", 0): 9}
    assert compute_lag("g", committed, {}, high) == [TopicLag("g", "raw", 2, 15), TopicLag("g", "triaged", 2, 7)]


def test_a_partition_without_a_commit_counts_its_whole_retained_log() -> None:
    committed = {("raw", 0): None, ("raw", 1): -1001}  # -1001: librdkafka's OFFSET_INVALID
    low = {("raw", 0): 3, ("raw", 1): 0}
    high = {("raw", 0): 10, ("raw", 1): 4}
    assert compute_lag("g", committed, low, high) == [TopicLag("g", "raw", 7 + 4, 0)]


def test_lag_never_negative_and_unknown_watermarks_are_left_out() -> None:
    committed = {("raw", 0): 50, ("raw", 1): 1}
    high = {("raw", 0): 20}  # topic recreated: committed past the end; partition 1 has no leader
    assert compute_lag("g", committed, {}, high) == [TopicLag("g", "raw", 0, 50)]


def _collector(interval: float = 10.0) -> tuple[ConsumerLagCollector, CollectorRegistry]:
    registry = CollectorRegistry()
    collector = ConsumerLagCollector(KafkaSettings(bootstrap_servers="127.0.0.1:1"), [LagTarget("g", ("raw",))],
                                     interval_s=interval)
    registry.register(collector)  # register() would also start the thread; this test only scrapes
    return collector, registry


def test_scrape_serves_the_snapshot_and_hides_a_stale_one() -> None:
    collector, registry = _collector(interval=10.0)
    collector._snapshots["g"] = _Snapshot(time.time(), [TopicLag("g", "raw", 4, 96)])
    text = generate_latest(registry).decode()
    assert 'seva_consumer_lag_messages{group="g",topic="raw"} 4.0' in text
    assert 'seva_consumer_committed_offset{group="g",topic="raw"} 96.0' in text
    collector._snapshots["g"] = _Snapshot(time.time() - 31, [TopicLag("g", "raw", 4, 96)])
    text = generate_latest(registry).decode()
    assert "seva_consumer_lag_messages{" not in text
    assert 'seva_consumer_lag_last_refresh_timestamp_seconds{group="g"}' in text


def test_a_failed_refresh_is_counted_not_raised() -> None:
    collector, registry = _collector()
    collector.timeout_s = 0.5
    collector.refresh()  # nothing listens on port 1
    assert 'seva_consumer_lag_refresh_failures_total{group="g"} 1.0' in generate_latest(registry).decode()
