"""The ClickHouse sink on the real stack: complaints and status events (duplicates, redeliveries, bad input) ->
sink -> report equals the ground truth exactly; after a replay from the earliest offsets, a ClickHouse outage
(a TCP proxy the test stops), and a `kill -9` of the sink process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import IO, Any, cast

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition

from seva.clickhouse import connect
from seva.kafka import delete_namespace, ensure_topics, producer_config
from seva.settings import ClickHouseSettings, Settings
from seva.topics import namespaced
from sinks import metrics
from sinks.report import ReportWindow, build_report
from sinks.sink import Sink, SinkTopics
from tests import sink_scenario as sc
from tests.integration.helpers import consume, eventually
from tests.integration.tcp_proxy import TcpProxy


@pytest.fixture
def namespace(stack_settings: Settings) -> Iterator[str]:
    ns = f"test.sink.{uuid.uuid4().hex[:8]}."
    yield ns
    delete_namespace(stack_settings.kafka, ns)


@pytest.fixture
def database(stack_settings: Settings) -> Iterator[str]:
    name = f"seva_sink_{uuid.uuid4().hex[:8]}"
    yield name
    connect(stack_settings.clickhouse, database="").execute(f"DROP DATABASE IF EXISTS `{name}`")


def small_topics(ns: str) -> SinkTopics:
    """The scenario's districts only (the CLI subscribes to all 75 + HQ triage)."""
    from seva.topics import HQ_TRIAGE, district_topic

    full = SinkTopics.for_namespace(ns)
    return SinkTopics(
        complaints=tuple(namespaced(t, ns).name for t in (*(district_topic(d) for d in sc.DISTRICTS), HQ_TRIAGE)),
        status=full.status, dead_letter=full.dead_letter,
    )


def sink_settings(base: Settings, **sink: Any) -> Settings:
    values = {"batch_max_rows": 60, "batch_max_seconds": 0.3, "retry_initial_s": 0.2, "retry_max_s": 1.0,
              "gauges_interval_s": 1.0, **sink}
    return base.model_copy(update={"sink": base.sink.model_copy(update=values)})


def produce(settings: Settings, topics: SinkTopics, scenario: sc.Scenario, complaints: range | None = None,
            events: range | None = None, bad: bool = True) -> int:
    """Publish (part of) the scenario: complaints to their district topic, status events keyed by docket."""
    producer = Producer(cast(dict[str, Any], producer_config(settings.kafka)))
    by_district = {t.rsplit(".", 1)[1]: t for t in topics.complaints}
    n = 0
    for c in (scenario.complaints[i] for i in (complaints if complaints is not None else
                                               range(len(scenario.complaints)))):
        producer.produce(by_district[c.district], key=c.docket_id.encode(), value=c.dumps())
        n += 1
    for e in (scenario.events[i] for i in (events if events is not None else range(len(scenario.events)))):
        producer.produce(topics.status, key=e.docket_id.encode(), value=e.dumps())
        n += 1
    if bad:
        for value in scenario.bad_status:
            producer.produce(topics.status, key=b"bad", value=value)
        for value in scenario.bad_complaints:
            producer.produce(by_district["agra"], key=b"bad", value=value)
    assert producer.flush(60) == 0
    return n


def caught_up(settings: Settings, group: str, topics: SinkTopics) -> Callable[[], bool]:
    """True when the group has committed every partition of the sink's topics up to its end."""
    consumer = Consumer(cast(dict[str, Any], settings.kafka.librdkafka(**{"group.id": group})))
    parts = [TopicPartition(t, p) for t in topics.complaints for p in range(1)]
    parts += [TopicPartition(topics.status, p) for p in range(3)]

    def check() -> bool:
        committed = {(tp.topic, tp.partition): tp.offset for tp in consumer.committed(parts, timeout=10)}
        for tp in parts:
            _, high = consumer.get_watermark_offsets(tp, timeout=10)
            if high > 0 and committed[(tp.topic, tp.partition)] < high:
                return False
        return True

    return check


class SinkThread:
    """The sink in this process, on a thread, stopped like SIGTERM would (the stop event)."""

    def __init__(self, settings: Settings, topics: SinkTopics, group: str, database: str,
                 clickhouse: ClickHouseSettings | None = None) -> None:
        self.stop = threading.Event()
        self.sink = Sink(settings, topics, group_id=group, database=database, clickhouse=clickhouse,
                         shutdown_grace_s=5)
        self.thread = threading.Thread(target=self.sink.run, args=(self.stop,), daemon=True)

    def __enter__(self) -> Sink:
        self.thread.start()
        assert self.sink.ready.wait(60), "sink did not start"
        return self.sink

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(60)
        assert not self.thread.is_alive(), "sink did not stop"


def report_of(settings: Settings, database: str, scenario: sc.Scenario) -> dict[str, Any]:
    client = connect(settings.clickhouse, database)
    try:
        return sc.comparable(build_report(client.execute, database, ReportWindow(now=scenario.now)).as_dict())
    finally:
        client.disconnect()


def test_report_exact_with_duplicates_bad_input_and_a_replay(stack_settings: Settings, namespace: str,
                                                             database: str) -> None:
    settings = sink_settings(stack_settings)
    topics = small_topics(namespace)
    ensure_topics(settings.kafka, topics.specs())
    scenario = sc.build(300, seed=21)
    want = sc.expected(scenario)
    produce(settings, topics, scenario)
    produce(settings, topics, scenario, complaints=range(40), events=range(60), bad=False)  # redeliveries
    flagged_before = metrics.FLAGGED.labels("wrong_district")._value.get()

    group = f"{namespace}sink-a"
    with SinkThread(settings, topics, group, database) as sink:
        assert eventually(caught_up(settings, group, topics), timeout=120)
    assert report_of(settings, database, scenario) == want
    # Bad input was counted, not crashed on: five undecodable records dead-lettered with their reason.
    assert sum(sink.stats.dead_lettered.values()) == 5, sink.stats.dead_lettered
    assert sink.stats.flagged["unknown_docket"] >= 3 and sink.stats.flagged["wrong_district"] > 0
    assert metrics.FLAGGED.labels("wrong_district")._value.get() > flagged_before
    dead = consume(settings, topics.dead_letter, f"{namespace}dlq-reader", 5, timeout=30)
    assert len(dead) == 5
    reasons = sorted(dict(cast(list[tuple[str, bytes]], m.headers()))["seva.error.reason"].decode() for m in dead)
    assert reasons == sorted(["malformed_json", "invalid_status", "not_an_object", "malformed_json",
                              "invalid_complaint"]), reasons
    # Phone numbers and e-mail addresses never reach ClickHouse.
    client = connect(settings.clickhouse, database)
    texts = [t for (t,) in client.execute("SELECT text FROM complaints FINAL LIMIT 50")]
    assert texts and all("<phone>" in t and "<email>" in t and "98765" not in t and "@" not in t for t in texts)

    # Replay everything from the earliest offsets with a new group: every number unchanged.
    group_b = f"{namespace}sink-b"
    with SinkThread(settings, topics, group_b, database):
        assert eventually(caught_up(settings, group_b, topics), timeout=120)
    (raw,), = client.execute("SELECT count() FROM status_events")
    (unique,), = client.execute("SELECT count() FROM status_events FINAL")
    assert raw >= unique  # the replay wrote every event again; FINAL shows each once
    assert report_of(settings, database, scenario) == want


def test_clickhouse_outage_retries_the_same_batch(stack_settings: Settings, namespace: str, database: str,
                                                  free_port: int) -> None:
    settings = sink_settings(stack_settings)
    topics = small_topics(namespace)
    ensure_topics(settings.kafka, topics.specs())
    scenario = sc.build(200, seed=22)
    half_c, half_e = len(scenario.complaints) // 2, len(scenario.events) // 2
    proxy = TcpProxy(free_port, (settings.clickhouse.host, settings.clickhouse.port))
    proxy.start()
    via_proxy = settings.clickhouse.model_copy(update={"port": free_port})
    group = f"{namespace}sink"
    done = caught_up(settings, group, topics)
    try:
        with SinkThread(settings, topics, group, database, clickhouse=via_proxy) as sink:
            produce(settings, topics, scenario, range(half_c), range(half_e), bad=False)
            assert eventually(done, timeout=120)
            proxy.stop()  # ClickHouse is gone for the sink
            produce(settings, topics, scenario, range(half_c, len(scenario.complaints)),
                    range(half_e, len(scenario.events)))
            assert eventually(lambda: sink.stats.failed_attempts >= 3, timeout=60)
            assert metrics.CLICKHOUSE_UP._value.get() == 0
            assert not done(), "offsets were committed while ClickHouse was down"
            time.sleep(2)  # several more failed attempts: the sink stays in the group, nothing is skipped
            assert not done()
            proxy.start()
            assert eventually(done, timeout=120)
            assert metrics.CLICKHOUSE_UP._value.get() == 1
    finally:
        proxy.stop()
    assert sink.stats.failed_attempts >= 3
    assert sink.stats.discarded_batches == 0  # the group kept the sink during the outage (paused, polling)
    assert report_of(settings, database, scenario) == sc.expected(scenario)


CONTRACT = (
    "seva_sink_rows_written_total", "seva_sink_batches_total", "seva_sink_insert_failures_total",
    "seva_sink_insert_duration_seconds", "seva_sink_batch_rows", "seva_sink_last_success_timestamp_seconds",
    "seva_sink_clickhouse_up", "seva_sink_flagged_events_total", "seva_sink_dead_lettered_total",
    "seva_sink_routed_to_stored_seconds", "seva_district_open_complaints",
    "seva_district_oldest_unacknowledged_p1_age_seconds",
)


def _scrape(port: int) -> str | None:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:  # noqa: S310
            return cast(str, resp.read().decode())
    except OSError:
        return None


def _sink_process(settings: Settings, namespace: str, group: str, database: str, log: IO[bytes],
                  metrics: bool = False, metrics_port: int = 0, **sink: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SEVA_CLICKHOUSE__DATABASE": database, "SEVA_METRICS__SINK_PORT": str(metrics_port),
           **{f"SEVA_SINK__{k.upper()}": str(v) for k, v in sink.items()}}
    return subprocess.Popen(
        [sys.executable, "-m", "seva.cli", "sink", "--metrics" if metrics else "--no-metrics",
         "--namespace", namespace, "--group", group],
        env=env, stdout=log, stderr=subprocess.STDOUT,  # a file, not a pipe: a full pipe would stall the sink
    )


def test_kill_9_between_insert_and_commit_then_restart_is_exact(stack_settings: Settings, namespace: str,
                                                                database: str, free_port: int) -> None:
    settings = stack_settings
    topics = SinkTopics.for_namespace(namespace)
    ensure_topics(settings.kafka, topics.specs())  # the CLI subscribes to every district topic
    small = small_topics(namespace)
    scenario = sc.build(240, seed=23)
    group = f"{namespace}sink"
    done = caught_up(settings, group, small)
    produce(settings, small, scenario)

    # Each batch waits 1 s between ClickHouse accepting it and the offset commit: the kill lands there.
    log = tempfile.TemporaryFile()
    proc = _sink_process(settings, namespace, group, database, log, batch_max_rows=50, batch_max_seconds=0.2,
                         fault_commit_delay_s=1.0)
    try:
        client = connect(settings.clickhouse, database="")

        def some_rows_stored() -> bool:
            try:
                (n,), = client.execute(f"SELECT count() FROM `{database}`.status_events")
            except Exception:  # noqa: BLE001 (the sink has not created the table yet)
                return False
            return int(n) > 0

        assert eventually(some_rows_stored, timeout=120, interval=0.1), "the sink wrote nothing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert not done(), "the sink finished before it was killed: the test did not test a crash"

    proc = _sink_process(settings, namespace, group, database, log, metrics=True, metrics_port=free_port,
                         gauges_interval_s=0.5)
    try:
        assert eventually(done, timeout=180), "the restarted sink did not catch up"
        # The metric names are a contract (alert rules are written against them): all served, by the real process.
        assert eventually(lambda: _scrape(free_port) is not None and "seva_district_open_complaints{" in (
            _scrape(free_port) or ""), timeout=30)
        served = _scrape(free_port) or ""
        for name in CONTRACT:
            assert f"# TYPE {name} " in served, name
        for sample in ('seva_sink_rows_written_total{table="status_events"}',
                       "seva_sink_last_success_timestamp_seconds ", "seva_sink_clickhouse_up 1.0",
                       'seva_district_open_complaints{district="agra"}',
                       'seva_district_oldest_unacknowledged_p1_age_seconds{district="lucknow"}',
                       "seva_sink_routed_to_stored_seconds_count "):
            assert sample in served, sample
        proc.send_signal(signal.SIGTERM)  # clean shutdown: flush and exit
        proc.wait(60)
        log.seek(0)
        out = log.read()
        assert proc.returncode == 0, out.decode()[-2000:]
        assert b"sink stopped" in out
    finally:
        if proc.poll() is None:
            proc.kill()
    assert report_of(settings, database, scenario) == sc.expected(scenario)


def test_sigterm_flushes_the_open_batch(stack_settings: Settings, namespace: str, database: str) -> None:
    # A batch bounded by 10 minutes and 100k rows is only written because the sink is stopped.
    settings = sink_settings(stack_settings, batch_max_rows=100_000, batch_max_seconds=600)
    topics = small_topics(namespace)
    ensure_topics(settings.kafka, topics.specs())
    scenario = sc.build(50, seed=24)
    group = f"{namespace}sink"
    produce(settings, topics, scenario, bad=False)
    runner = SinkThread(settings, topics, group, database)
    with runner as sink:
        assert eventually(lambda: sink.batch.records == len(scenario.complaints) + len(scenario.events),
                          timeout=60)
        assert not caught_up(settings, group, topics)()
    assert caught_up(settings, group, topics)()
    assert report_of(settings, database, scenario) == sc.expected(scenario)
    assert json.loads(json.dumps(sink.stats.rows)) == {"complaints": 50, "status_events": len(scenario.events)}
