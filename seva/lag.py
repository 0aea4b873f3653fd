"""Consumer lag per group and topic, from committed offsets and high watermarks, as Prometheus gauges.

`ConsumerLagCollector` is a prometheus-client custom collector. A daemon thread asks Kafka every `interval_s`
(AdminClient: `list_consumer_group_offsets` for the committed offsets, `list_offsets` for the earliest and
latest offsets) and keeps the last snapshot; a scrape only reads that snapshot under a lock, so a slow or
unreachable broker never blocks /metrics. It exposes:

    seva_consumer_lag_messages{group,topic}          sum over partitions of (high watermark - committed)
    seva_consumer_committed_offset{group,topic}      sum over partitions of the committed offset: it stops
                                                     moving when the group stops committing ("consumer stalled")
    seva_consumer_lag_last_refresh_timestamp_seconds{group}   when the snapshot of that group last succeeded
    seva_consumer_lag_refresh_failures_total{group}           refreshes that failed (broker down, timeout)

A partition without a committed offset counts its whole retained log (high - low) as lag, because Seva's
consumers start from the earliest offset (`auto.offset.reset=earliest`). A snapshot older than
`3 * interval_s` is not served (no lag figure is better than a stale one; the refresh timestamp shows it).

Any process registers the groups it owns, next to `serve_metrics`, e.g. the sink:

    from seva.lag import ConsumerLagCollector, LagTarget
    ConsumerLagCollector(cfg.kafka, [LagTarget("seva-sink", ("complaints.status", ...))],
                         interval_s=cfg.metrics.lag_interval_s).register()

Name the topics the group consumes: then partitions not committed yet are counted too. Without topics the
collector reports whatever the group has committed. The figures live and die with the process that serves
them; a dead consumer is caught by the target-down and pipeline-stalled alerts, not by its own lag.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from confluent_kafka import ConsumerGroupTopicPartitions, TopicPartition
from confluent_kafka.admin import AdminClient, OffsetSpec
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from seva.settings import KafkaSettings

log = logging.getLogger(__name__)

Partition = tuple[str, int]


@dataclass(frozen=True)
class LagTarget:
    """A consumer group, and the topics it consumes (empty: whatever it has committed)."""

    group: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicLag:
    group: str
    topic: str
    lag: int
    committed: int


def compute_lag(
    group: str,
    committed: Mapping[Partition, int | None],
    low: Mapping[Partition, int],
    high: Mapping[Partition, int],
) -> list[TopicLag]:
    """Lag and committed offset per topic, summed over its partitions (pure: no Kafka).

    `committed` has every partition to account for; None (or a negative offset, librdkafka's OFFSET_INVALID)
    means nothing committed yet. A partition whose watermarks are unknown is left out rather than guessed.
    Lag never goes below zero (a committed offset past the high watermark after a topic was recreated).
    """
    lag: dict[str, int] = {}
    offsets: dict[str, int] = {}
    for tp, offset in committed.items():
        if tp not in high:
            continue
        topic = tp[0]
        hi = high[tp]
        if offset is None or offset < 0:
            part_lag = hi - low.get(tp, 0)
            offset = 0
        else:
            part_lag = hi - offset
        lag[topic] = lag.get(topic, 0) + max(0, part_lag)
        offsets[topic] = offsets.get(topic, 0) + offset
    return [TopicLag(group, t, lag[t], offsets[t]) for t in sorted(lag)]


@dataclass
class _Snapshot:
    at: float
    lags: list[TopicLag] = field(default_factory=list)


class ConsumerLagCollector(Collector):
    """Serves consumer lag of some groups from a snapshot refreshed in a background thread."""

    def __init__(self, kafka: KafkaSettings, targets: Sequence[LagTarget], *, interval_s: float = 10.0,
                 timeout_s: float = 5.0) -> None:
        self.kafka = kafka
        self.targets = list(targets)
        self.interval_s = interval_s
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._snapshots: dict[str, _Snapshot] = {}
        self._failures: dict[str, int] = {t.group: 0 for t in self.targets}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._admin: AdminClient | None = None

    # -- the refresh side (background thread) -----------------------------------------------------------------

    def _client(self) -> AdminClient:
        if self._admin is None:
            self._admin = AdminClient(cast(dict[str, Any], self.kafka.librdkafka(log_level=0)))
        return self._admin

    def refresh(self) -> None:
        """Ask Kafka once for every group; a group that fails keeps its previous snapshot and counts a failure."""
        for target in self.targets:
            try:
                lags = self._fetch(target)
            except Exception as exc:  # noqa: BLE001 (any client error: count it, keep serving, try again)
                log.warning("consumer lag of group %s not refreshed: %s", target.group, exc)
                with self._lock:
                    self._failures[target.group] += 1
                continue
            with self._lock:
                self._snapshots[target.group] = _Snapshot(time.time(), lags)

    def _fetch(self, target: LagTarget) -> list[TopicLag]:
        admin = self._client()
        t = self.timeout_s
        future = admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(target.group)],
                                                   request_timeout=t)[target.group]
        result = future.result(timeout=t + 1)
        committed: dict[Partition, int | None] = {
            (tp.topic, tp.partition): tp.offset for tp in (result.topic_partitions or [])
            if not target.topics or tp.topic in target.topics
        }
        if target.topics:
            metadata = admin.list_topics(timeout=t)
            for topic in target.topics:
                meta = metadata.topics.get(topic)
                if meta is None or meta.error is not None:
                    continue
                for partition in meta.partitions:
                    committed.setdefault((topic, partition), None)
        if not committed:
            return []
        high = self._offsets(admin, committed, OffsetSpec.latest())
        uncommitted = {tp: o for tp, o in committed.items() if o is None or o < 0}
        low = self._offsets(admin, uncommitted, OffsetSpec.earliest()) if uncommitted else {}
        return compute_lag(target.group, committed, low, high)

    def _offsets(self, admin: AdminClient, partitions: Iterable[Partition], spec: OffsetSpec) -> dict[Partition, int]:
        request = {TopicPartition(topic, p): spec for topic, p in partitions}
        out: dict[Partition, int] = {}
        for tp, fut in admin.list_offsets(request, request_timeout=self.timeout_s).items():
            try:
                out[(tp.topic, tp.partition)] = int(fut.result(timeout=self.timeout_s + 1).offset)
            except Exception as exc:  # noqa: BLE001 (one partition without a leader: leave it out)
                log.info("no offsets for %s[%d]: %s", tp.topic, tp.partition, exc)
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            self.refresh()
            self._stop.wait(self.interval_s)

    def start(self) -> ConsumerLagCollector:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="seva-consumer-lag", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self.timeout_s * 3)
            self._thread = None

    def register(self, registry: CollectorRegistry = REGISTRY) -> ConsumerLagCollector:
        """Register with the registry (the process's default one unless told) and start refreshing."""
        registry.register(self)
        return self.start()

    # -- the scrape side: only reads the snapshot ---------------------------------------------------------------

    def collect(self) -> Iterator[Metric]:
        lag = GaugeMetricFamily("seva_consumer_lag_messages",
                                "Messages not yet committed by the group, summed over the topic's partitions",
                                labels=["group", "topic"])
        committed = GaugeMetricFamily("seva_consumer_committed_offset",
                                      "The group's committed offsets, summed over the topic's partitions",
                                      labels=["group", "topic"])
        refreshed = GaugeMetricFamily("seva_consumer_lag_last_refresh_timestamp_seconds",
                                      "When the lag of the group was last read from Kafka", labels=["group"])
        failures = CounterMetricFamily("seva_consumer_lag_refresh_failures",
                                       "Lag refreshes that failed", labels=["group"])
        now = time.time()
        with self._lock:
            snapshots = dict(self._snapshots)
            failed = dict(self._failures)
        for group, snap in snapshots.items():
            refreshed.add_metric([group], snap.at)
            if now - snap.at > 3 * self.interval_s:
                continue
            for item in snap.lags:
                lag.add_metric([group, item.topic], item.lag)
                committed.add_metric([group, item.topic], item.committed)
        for group, n in failed.items():
            failures.add_metric([group], n)
        yield from (lag, committed, refreshed, failures)

    def describe(self) -> Iterator[Metric]:
        # Declared without values, so registering never triggers a Kafka call.
        yield GaugeMetricFamily("seva_consumer_lag_messages", "", labels=["group", "topic"])
        yield GaugeMetricFamily("seva_consumer_committed_offset", "", labels=["group", "topic"])
        yield GaugeMetricFamily("seva_consumer_lag_last_refresh_timestamp_seconds", "", labels=["group"])
        yield CounterMetricFamily("seva_consumer_lag_refresh_failures", "", labels=["group"])
