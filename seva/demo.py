"""`seva demo`, the main job, and the loop it runs: the stack up, synthetic tweets through the producer, the
triage worker and simulated district responders, the ClickHouse sink, and HQ's report at the end.

`run_loop` is the whole flow on one topic namespace and one ClickHouse database; the demo runs it on the real
names, the end-to-end test on its own namespace and database and compares the report with the ground truth.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from confluent_kafka import Consumer, KafkaException, TopicPartition

from seva.errors import SevaError
from seva.kafka import ensure_topics
from seva.settings import Settings
from seva.topics import (
    COMPLAINT_STATUS,
    COMPLAINTS_LINKED,
    CORE_TOPICS,
    DEAD_LETTER,
    DISTRICT_TOPICS,
    HQ_TRIAGE,
    HQ_WATCH,
    TWEETS_IGNORED,
    TWEETS_RAW,
    TWEETS_TRIAGED,
    WORKER_OUTPUTS,
    TopicSpec,
    namespaced,
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
    district_of: dict[str, str] = field(default_factory=dict)  # docket id -> district, for routed complaints

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
            self.district_of[doc["docket_id"]] = doc["district"]
            self.by_category[doc["category"]] += 1
            self.by_urgency[doc["urgency"]] += 1
            if doc["urgency"] == "P1" and len(self.p1_examples) < 3:
                self.p1_examples.append(f"{doc['docket_id']} {doc['district']} {doc['category']}: "
                                        f"{doc['tweet']['text'][:90]!r}")


def _high_watermark(consumer: Consumer, topic: str, partition: int) -> int:
    """The partition's end offset; a topic created a moment ago may not have its leader yet, so retry briefly."""
    for attempt in range(20):
        try:
            return int(consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=10)[1])
        except KafkaException:
            if attempt == 19:
                raise
            time.sleep(0.25)
    raise AssertionError("unreachable")


def _end_offsets(consumer: Consumer, topics: list[str]) -> list[TopicPartition]:
    positions = []
    metadata = consumer.list_topics(timeout=10)
    missing = [name for name in topics if name not in metadata.topics]
    if missing:
        raise SevaError(f"{len(missing)} topics missing on the broker, e.g. {missing[0]} (run `seva up`)")
    for name in topics:
        for partition in metadata.topics[name].partitions:
            positions.append(TopicPartition(name, partition, _high_watermark(consumer, name, partition)))
    return positions


@dataclass
class LoopResult:
    """What one run of the loop did: the worker's outputs, the responders' ground truth, the report."""

    tally: Tally
    truth: Any  # producers.simulate_runner.GroundTruth
    report: Any  # sinks.report.Report
    seconds: float


class _Process:
    """A Seva process (`seva worker`, `seva sink`) run by the loop, its output appended to a log file."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.name, self.log_path = name, log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = log_path.open("ab")
        self._argv = [sys.executable, "-m", "seva.cli", *args]
        self._env = {**os.environ, **env}
        self.restarts = 0
        self.proc = self._spawn()

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self._argv, stdout=self._log, stderr=subprocess.STDOUT, env=self._env)

    def check(self) -> None:
        """Like systemd's Restart= (deploy/systemd/): a worker that stopped itself to be restarted
        (streams/watchdog.py EXIT_STALLED) is started again; any other exit is an error."""
        from streams.watchdog import EXIT_STALLED

        if self.proc.poll() == EXIT_STALLED and self.restarts < 5:
            self.restarts += 1
            self.proc = self._spawn()
        elif self.proc.poll() is not None:
            raise SevaError(f"{self.name} exited ({self.proc.returncode}); see {self.log_path}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()


def group_lag(settings: Settings, group: str, topics: list[str]) -> int:
    """Messages on `topics` not yet committed by `group` (a partition never committed counts in full)."""
    consumer = Consumer(settings.kafka.librdkafka(**{"group.id": group, "enable.auto.commit": False}))
    try:
        metadata = consumer.list_topics(timeout=10)
        tps = [TopicPartition(t, p) for t in topics for p in metadata.topics[t].partitions]
        lag = 0
        for tp in consumer.committed(tps, timeout=10):
            low, high = consumer.get_watermark_offsets(TopicPartition(tp.topic, tp.partition), timeout=10)
            lag += high - (tp.offset if tp.offset >= 0 else low)
        return lag
    finally:
        consumer.close()


def run_loop(settings: Settings, progress: Callable[[str], None], *, tweets: int, namespace: str = "",
             database: str | None = None, seed: int | None = None, ports: dict[str, int] | None = None,
             report_now: datetime | None = None, settle_timeout_s: float = 240.0) -> LoopResult:
    """Producer -> worker -> simulated responders -> sink -> report, on `namespace` topics and `database`."""
    from producers.base import Source
    from producers.generator import OWN_USER_ID, GeneratorConfig, generate
    from producers.publisher import TweetPublisher
    from producers.simulate import SimConfig, conversation_replies
    from producers.simulate_runner import run_simulation
    from seva.clickhouse import connect
    from sinks.report import ReportWindow, build_report
    from streams.app import APP_ID

    def name(spec: TopicSpec) -> str:
        return namespaced(spec, namespace).name

    database = database or settings.clickhouse.database
    seed = int(time.time()) % 10_000 if seed is None else seed
    ensure_topics(settings.kafka, [namespaced(t, namespace) for t in CORE_TOPICS])
    t_start = time.monotonic()
    reader = Consumer(settings.kafka.librdkafka(**{"group.id": namespace + "seva-demo-reader",
                                                   "enable.auto.commit": False}))
    reader.assign(_end_offsets(reader, [name(t) for t in OUTPUT_TOPICS]))
    logs = settings.stack.state_dir / "logs"
    ports = ports or {}
    env = {"SEVA_CLICKHOUSE__DATABASE": database}
    sink_group = namespace + settings.sink.group_id
    progress(f"starting the triage worker and the ClickHouse sink (logs in {logs})")
    processes = [
        _Process("seva worker", ["worker", "--loglevel", "INFO", "--namespace", namespace],
                 {**env, **({"SEVA_METRICS__WORKER_PORT": str(ports["worker"])} if "worker" in ports else {})},
                 logs / f"{namespace}demo-worker.log"),
        _Process("seva sink", ["sink", "--namespace", namespace, "--group", sink_group],
                 {**env, **({"SEVA_METRICS__SINK_PORT": str(ports["sink"])} if "sink" in ports else {})},
                 logs / f"{namespace}demo-sink.log"),
    ]
    try:
        # Two weeks ago, so the responders' scripted actions (minutes to days after each tweet) are history.
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=14)
        gen = GeneratorConfig(seed=seed, start=start, duplicate_rate=0.03, malformed_rate=0.005, own_rate=0.01)
        producer_settings = settings.producer.model_copy(update={"own_user_ids": [OWN_USER_ID]})
        publisher = TweetPublisher(settings.kafka, producer_settings, topic=name(TWEETS_RAW),
                                   dead_letter_topic=name(DEAD_LETTER))
        t0 = time.monotonic()
        expected: set[str] = set()
        published: list[bytes] = []
        for record in generate(tweets, gen):
            publisher.submit(record.raw, Source.SYNTHETIC)
            if record.kind == "tweet" and record.tweet_id:
                expected.add(record.tweet_id)
                published.append(record.raw)
        if publisher.close(120):
            raise SevaError("Kafka did not acknowledge every tweet")
        s = publisher.stats
        progress(f"producer: {s.published} tweets published in {time.monotonic() - t0:.1f}s "
                 f"({s.duplicates} duplicates and {s.own_skipped} of our own skipped, "
                 f"{s.dead_lettered_total} malformed dead-lettered)")

        tally = Tally()
        deadline = time.monotonic() + 240
        last_report = 0.0
        while not expected <= tally.tweets and time.monotonic() < deadline:
            for p in processes:
                p.check()
            for msg in reader.consume(1000, timeout=0.5):
                if msg.error() is None:
                    raw_headers: list[Any] = list(msg.headers() or [])
                    headers = {k: v for k, v in raw_headers if isinstance(v, bytes)}
                    tally.add((msg.topic() or "")[len(namespace):], msg.value() or b"", headers, expected)
            if time.monotonic() - last_report > 3:
                last_report = time.monotonic()
                progress(f"worker: {len(tally.tweets & expected)}/{len(expected)} tweets triaged and routed")
        if not expected <= tally.tweets:
            raise SevaError(f"{len(expected - tally.tweets)} tweets were not routed within 4 minutes")
        progress(f"worker: all {len(expected)} tweets triaged and routed in {time.monotonic() - t0:.1f}s")

        progress("simulated district responders: acknowledging, assigning, escalating, disposing")
        truth = run_simulation(settings.kafka, config=SimConfig(seed=seed), idle_s=6.0, namespace=namespace,
                               earlier_replies=conversation_replies(published),
                               progress=lambda t: progress(f"responders: {t.counts()}"))
        progress(f"responders: {truth.counts()}")

        # Settled: the worker has read the complainants' replies (and reopened their dockets) and the sink has
        # committed, i.e. ClickHouse accepted, every complaint and status event.
        worker_topics = [name(t) for t in (TWEETS_RAW, TWEETS_TRIAGED, COMPLAINT_STATUS, COMPLAINTS_LINKED)]
        sink_topics = [name(t) for t in (*DISTRICT_TOPICS, HQ_TRIAGE, COMPLAINT_STATUS)]
        deadline = time.monotonic() + settle_timeout_s
        settled = 0
        while settled < 2:
            for p in processes:
                p.check()
            lags = (group_lag(settings, namespace + APP_ID, worker_topics),
                    group_lag(settings, sink_group, sink_topics))
            settled = settled + 1 if lags == (0, 0) else 0
            if time.monotonic() > deadline:
                raise SevaError(f"not settled within {settle_timeout_s:.0f}s: worker lag {lags[0]}, "
                                f"sink lag {lags[1]}")
            if settled < 2:
                progress(f"waiting for the worker (lag {lags[0]}) and the sink (lag {lags[1]})")
                time.sleep(2.0)
    finally:
        reader.close()
        for p in processes:
            p.stop()
    client = connect(settings.clickhouse, database=database)
    try:
        report = build_report(client.execute, database, ReportWindow(now=report_now), settings.report)
    finally:
        client.disconnect()
    return LoopResult(tally, truth, report, time.monotonic() - t_start)


def run_demo(settings: Settings, progress: Callable[[str], None], tweets: int = 2000) -> None:
    from deploy.localstack import LocalStack
    from sinks.report import to_table

    progress("bringing the local stack up")
    LocalStack(settings).up(progress=progress)
    result = run_loop(settings, progress, tweets=tweets)
    _print_tally(result.tally, progress)
    truth = result.truth.counts()
    progress(f"simulated responders this run: {truth['complaints']} complaints, {truth['acknowledged']} "
             f"acknowledged, {truth['disposed']} disposed, {truth['replied']} reopened by the complainant's reply")
    progress("")
    progress(f"HQ report from ClickHouse ({settings.clickhouse.database}; everything stored so far):")
    for line in to_table(result.report).rstrip("\n").splitlines():
        progress(line)
    progress("")
    progress(f"the whole loop took {result.seconds:.0f}s")
    progress("look further: seva report [--district lucknow] [--format json]; "
             "seva respond --district lucknow --list; seva classify < tweets.jsonl; seva eval")
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
