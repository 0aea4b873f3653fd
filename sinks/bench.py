"""The sink benchmark (`seva bench sink`): the sink's rows/s next to a bare clickhouse-driver insert loop of the
same rows and batch size, in one run, and the time from a status event produced to being visible in the report.

The complaints are real triage output: generated tweets through `plan_intake` (the triage core), as the worker
would route them. The bare loop inserts rows already mapped (complaint_row) into a table with the same DDL; the
sink does everything it does in production on top (consume, decode, mask, batch, insert, commit). The sink's
rate runs from its first record taken to its last batch committed, so group join and start-up are excluded.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from confluent_kafka import Producer

from producers.base import Source
from producers.generator import GeneratorConfig, generate
from seva.clickhouse import connect
from seva.errors import ConfigError, SevaError
from seva.events import Complaint, StatusEvent, StatusKind, status_event_id, utc_iso
from seva.kafka import delete_topics, ensure_topics, producer_config
from seva.settings import Settings
from seva.topics import COMPLAINT_STATUS, DEAD_LETTER, TopicSpec, namespaced
from seva.xpayload import parse_tweet
from sinks.report import ReportWindow, render
from sinks.rows import complaint_row
from sinks.schema import COMPLAINT_COLUMNS, COMPLAINTS, migrate
from sinks.sink import Sink, SinkTopics
from streams.routing import Triaged, plan_intake
from streams.triage import triage_tweet

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SinkBench:
    rows: int
    batch_rows: int
    bare_insert_rows_per_s: float
    sink_rows_per_s: float
    sink_to_bare_ratio: float
    sink_cpu_us_per_row: float  # this process (the sink's thread, librdkafka's and clickhouse-driver's) per row
    bare_cpu_us_per_row: float
    sink_batches: int
    status_to_report_p50_s: float
    status_to_report_max_s: float
    probes: int

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _complaints(count: int, seed: int) -> list[Complaint]:
    now = datetime.now(UTC)
    out: list[Complaint] = []
    for record in generate(count * 2, GeneratorConfig(seed=seed)):
        if record.kind != "tweet":
            continue
        plan = plan_intake(parse_tweet(record.raw, Source.SYNTHETIC, now, 1 << 20), None, None, triage_tweet, now)
        if isinstance(plan, Triaged):
            out.append(plan.complaint)
            if len(out) == count:
                break
    return out


def probe_complaints(complaints: list[Complaint], probes: int) -> list[Complaint]:
    """The first `probes` complaints with distinct dockets: a repeated text or a retweet shares its first tweet's
    docket, and disposing of a docket already disposed leaves the report's count as it was (seen: `seva bench
    sink` with 20,000 complaints waited 120 s for a count that could not rise)."""
    first: dict[str, Complaint] = {}
    for c in complaints:
        first.setdefault(c.docket_id, c)
        if len(first) == probes:
            break
    return list(first.values())


def _wait(condition: Any, timeout: float, what: str, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SevaError(f"bench sink: {what} within {timeout:.0f}s")
        time.sleep(interval)


def bench_sink(settings: Settings, count: int = 20_000, batch: int = 5_000, probes: int = 5,
               seed: int = 5) -> SinkBench:
    if count < 1 or batch < 1 or probes < 1:
        raise ConfigError("bench sink needs at least one complaint, one row per batch and one probe")
    complaints = _complaints(count, seed)
    if len(complaints) < count:
        raise SevaError(f"bench sink: the generator gave {len(complaints)} complaints, not {count}")
    run = uuid.uuid4().hex[:8]
    ns = f"bench.sink.{run}."
    database = f"seva_bench_{run}"
    topics = SinkTopics((ns + "complaints.bench",), namespaced(COMPLAINT_STATUS, ns).name,
                        namespaced(DEAD_LETTER, ns).name)
    ensure_topics(settings.kafka, [TopicSpec(topics.complaints[0], 1), *topics.specs()[1:]])
    admin = connect(settings.clickhouse, database="")
    admin.execute(f"CREATE DATABASE IF NOT EXISTS `{database}`")
    stop = threading.Event()
    thread: threading.Thread | None = None
    try:
        # --- the bare loop: the same rows, the same batch size, straight into a table with the same DDL
        bare_db = database + "_bare"
        admin.execute(f"CREATE DATABASE IF NOT EXISTS `{bare_db}`")
        client = connect(settings.clickhouse, bare_db)
        migrate(client.execute, bare_db)
        stored_ms = int(time.time() * 1000)
        rows = [complaint_row(c, stored_ms) for c in complaints]
        names = ", ".join(f"`{n}`" for n, _ in COMPLAINT_COLUMNS)
        t0, cpu0 = time.perf_counter(), time.process_time()
        for i in range(0, len(rows), batch):
            client.execute(f"INSERT INTO `{bare_db}`.{COMPLAINTS} ({names}) VALUES", rows[i:i + batch])
        bare_s, bare_cpu = time.perf_counter() - t0, time.process_time() - cpu0
        admin.execute(f"DROP DATABASE IF EXISTS `{bare_db}`")

        # --- the sink, on the same complaints pre-loaded into Kafka
        producer = Producer(cast(dict[str, Any], producer_config(settings.kafka)))
        for c in complaints:
            while True:
                try:
                    producer.produce(topics.complaints[0], key=c.docket_id.encode(), value=c.dumps())
                    break
                except BufferError:
                    producer.poll(0.05)
        if producer.flush(120):
            raise SevaError("bench sink: Kafka did not take every complaint within 120s")
        cfg = settings.model_copy(update={"sink": settings.sink.model_copy(
            update={"batch_max_rows": batch, "batch_max_seconds": 1.0})})
        sink = Sink(cfg, topics, group_id=ns + "sink", database=database, gauges=False)
        thread = threading.Thread(target=sink.run, args=(stop,), daemon=True)
        cpu0 = time.process_time()  # includes the sink's start-up and group join: an upper bound per row
        thread.start()
        _wait(lambda: sink.stats.rows[COMPLAINTS] >= count, 600, f"the sink did not store {count} complaints")
        sink_cpu = time.process_time() - cpu0
        first, last = sink.stats.first_record_at, sink.stats.last_commit_at
        assert first is not None and last is not None
        sink_s = last - first

        # --- status event produced -> visible in the report (the district's disposed count)
        latencies = []
        reader = connect(settings.clickhouse, database)
        for i, c in enumerate(probe_complaints(complaints, probes)):
            window = ReportWindow(district=c.district)
            query = render("total", database, window)

            def disposed(query: str = query) -> int:
                return int(reader.execute(query)[0][1])

            before = disposed()
            at = utc_iso(datetime.now(UTC) + timedelta(milliseconds=i))
            event = StatusEvent(event_id=status_event_id(c.docket_id, StatusKind.DISPOSED, at),
                                docket_id=c.docket_id, district=c.district, kind=StatusKind.DISPOSED.value,
                                actor="bench", occurred_at=at, note="", outcome="action_taken")
            t0 = time.perf_counter()
            producer.produce(topics.status, key=c.docket_id.encode(), value=event.dumps())
            producer.flush(30)
            _wait(lambda before=before: disposed() > before, 120, "a status event did not reach the report")
            latencies.append(time.perf_counter() - t0)
        latencies.sort()
    finally:
        stop.set()
        if thread is not None:
            thread.join(60)
        admin.execute(f"DROP DATABASE IF EXISTS `{database}`")
        delete_topics(settings.kafka, [*topics.complaints, topics.status, topics.dead_letter])
    bare_rate = count / bare_s
    sink_rate = count / sink_s
    return SinkBench(
        rows=count, batch_rows=batch, bare_insert_rows_per_s=bare_rate, sink_rows_per_s=sink_rate,
        sink_to_bare_ratio=sink_rate / bare_rate, sink_cpu_us_per_row=sink_cpu / count * 1e6,
        bare_cpu_us_per_row=bare_cpu / count * 1e6, sink_batches=sink.stats.batches,
        status_to_report_p50_s=latencies[len(latencies) // 2], status_to_report_max_s=latencies[-1],
        probes=len(latencies),
    )
