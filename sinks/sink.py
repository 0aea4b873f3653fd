"""The ClickHouse sink process (`seva sink`): a thin confluent-kafka loop over the pure batch and row logic.

complaints.<district> + complaints.hq.triage + complaints.status  ->  ClickHouse `complaints`, `status_events`

Guarantees, and how:
- At-least-once into ClickHouse, exact reads: offsets are committed (enable.auto.commit=false) only after
  ClickHouse accepted every row of the batch and the dead-letter topic acknowledged its records. A crash
  between the insert and the commit re-reads the batch; ReplacingMergeTree keyed by docket_id / event_id and
  reads with FINAL make the second copy invisible.
- Never drops or skips: when ClickHouse refuses a batch, the same batch is retried in place with exponential
  backoff (SinkSettings.retry_*). Meanwhile every assigned partition is paused and the consumer keeps polling,
  so the group session and max.poll.interval.ms stay satisfied and nothing new is read. `seva_sink_clickhouse_up`
  drops to 0 and `seva_sink_insert_failures_total` rises on each attempt (alert on them).
- A rebalance while a batch is held discards the uncommitted batch: its records are re-read from the committed
  offsets by whoever owns the partitions next (possibly this process), so nothing is lost.
- SIGTERM/SIGINT (the `stop` event): the open batch is flushed and committed before exit; if ClickHouse stays
  down for `shutdown_grace_s`, the sink exits without committing and the batch is re-read on the next start.
- Complaints written to complaints.hq.watch are copies of P1s already on a district topic: not consumed.
  complaints.linked (retweets, repeats, replies) is not stored yet: the report does not need it.

Bad input (decided in sinks/rows.py, also in the README): undecodable records go to seva.deadletter with the
reason in headers (`seva.error.*`, `seva.origin`) and are counted; every decodable status event is stored with
a `flag` (unknown_docket, wrong_district, out_of_order) and counted; the report counts only events whose docket
exists and whose district matches, ordered by occurred_at, so none of them can crash the sink or move a count.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from clickhouse_driver import Client
from clickhouse_driver.errors import Error as DriverError
from confluent_kafka import Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from seva.clickhouse import connect
from seva.districts import DISTRICT_SLUGS, UNKNOWN
from seva.errors import InvalidRecordError, SinkWriteError
from seva.kafka import producer_config
from seva.settings import ClickHouseSettings, Settings
from seva.topics import COMPLAINT_STATUS, DEAD_LETTER, DISTRICT_TOPICS, HQ_TRIAGE, TopicSpec, namespaced
from sinks import metrics
from sinks.batch import Batch, DeadLetter, backoff_delays
from sinks.report import district_gauges
from sinks.rows import DocketMemory, Row, decode_complaint_row, decode_status, status_row
from sinks.schema import (
    COMPLAINT_COLUMNS,
    COMPLAINTS,
    STATUS_EVENT_COLUMNS,
    STATUS_EVENTS,
    migrate,
    quote_identifier,
    quote_literal,
)

log = logging.getLogger(__name__)

_CH_ERRORS = (DriverError, OSError, EOFError)
_LOOKUP_CHUNK = 1000
_COMPLAINT_NAMES = [name for name, _ in COMPLAINT_COLUMNS]
_CLASSIFIED_MS = _COMPLAINT_NAMES.index("classified_ms")
_DOCKET_ID, _DISTRICT = _COMPLAINT_NAMES.index("docket_id"), _COMPLAINT_NAMES.index("district")
_CONSUME_MAX = 10_000  # records per consume() call, at most (and never more than the batch has room for)


@dataclass(frozen=True)
class SinkTopics:
    """What the sink reads and where its dead letters go."""

    complaints: tuple[str, ...]
    status: str
    dead_letter: str

    @classmethod
    def for_namespace(cls, namespace: str = "") -> SinkTopics:
        return cls(
            complaints=tuple(namespaced(t, namespace).name for t in (*DISTRICT_TOPICS, HQ_TRIAGE)),
            status=namespaced(COMPLAINT_STATUS, namespace).name,
            dead_letter=namespaced(DEAD_LETTER, namespace).name,
        )

    def specs(self) -> list[TopicSpec]:
        """Topic specs to create if missing (partition counts as declared in seva/topics.py)."""
        return [TopicSpec(n, 1) for n in self.complaints] + [
            TopicSpec(self.status, COMPLAINT_STATUS.partitions), TopicSpec(self.dead_letter, 1, 1,
                                                                           DEAD_LETTER.config)]

    @property
    def all(self) -> list[str]:
        return [*self.complaints, self.status]


@dataclass
class SinkStats:
    """What one run of the sink did (also in the metrics)."""

    rows: Tally[str] = field(default_factory=Tally)
    batches: int = 0
    failed_attempts: int = 0
    dead_lettered: Tally[str] = field(default_factory=Tally)
    flagged: Tally[str] = field(default_factory=Tally)
    discarded_batches: int = 0
    first_record_at: float | None = None  # time.monotonic() of the first record taken (benchmarks)
    last_commit_at: float | None = None  # time.monotonic() of the last batch committed


class ClickHouseWriter:
    """clickhouse-driver at the boundary: every failure becomes a SinkWriteError, and the connection is dropped
    so the next attempt reconnects."""

    def __init__(self, settings: ClickHouseSettings, database: str) -> None:
        self.settings = settings
        self.database = database
        self.db = quote_identifier(database)
        self._client: Client | None = None

    def _get(self) -> Client:
        if self._client is None:
            self._client = connect(self.settings, self.database)
        return self._client

    def _reset(self) -> None:
        if self._client is not None:
            try:
                self._client.disconnect()
            except Exception:  # noqa: BLE001, S110 (a broken connection may fail to close; it is dropped anyway)
                pass
        self._client = None

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return cast(list[tuple[Any, ...]], self._get().execute(sql))
        except _CH_ERRORS as exc:
            self._reset()
            raise SinkWriteError(f"ClickHouse at {self.settings.native}: {exc}".strip()) from exc

    def insert(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Row]) -> None:
        names = ", ".join(f"`{n}`" for n, _ in columns)
        try:
            self._get().execute(f"INSERT INTO {self.db}.{table} ({names}) VALUES", list(rows))
        except _CH_ERRORS as exc:
            self._reset()
            raise SinkWriteError(f"insert into {table} at {self.settings.native}: {exc}".strip()) from exc

    def ensure_schema(self) -> list[int]:
        try:
            connect(self.settings, database="").execute(f"CREATE DATABASE IF NOT EXISTS {self.db}")
        except _CH_ERRORS as exc:
            raise SinkWriteError(f"cannot create database {self.database} at {self.settings.native}: {exc}") from exc
        return migrate(self.execute, self.database)

    def close(self) -> None:
        self._reset()



class Sink:
    """One sink process: consume, batch, write, commit. `run(stop)` returns when `stop` is set."""

    def __init__(self, settings: Settings, topics: SinkTopics | None = None, *, group_id: str | None = None,
                 clickhouse: ClickHouseSettings | None = None, database: str | None = None,
                 shutdown_grace_s: float = 30.0, gauges: bool = True) -> None:
        self.settings = settings
        self.cfg = settings.sink
        self.topics = topics or SinkTopics.for_namespace()
        self.group_id = group_id or self.cfg.group_id
        self.clickhouse = clickhouse or settings.clickhouse
        self.database = database or self.clickhouse.database
        self.writer = ClickHouseWriter(self.clickhouse, self.database)
        self.batch = Batch(self.cfg.batch_max_rows, self.cfg.batch_max_seconds)
        self.memory = DocketMemory.create(self.cfg.docket_cache_size)
        self.stats = SinkStats()
        self.shutdown_grace_s = shutdown_grace_s
        self.gauges = gauges
        self._delays = backoff_delays(self.cfg.retry_initial_s, self.cfg.retry_max_s)
        self._consumer: Consumer | None = None
        self._producer: Producer | None = None
        self._dlq_failed = 0
        self.ready = threading.Event()  # set once subscribed (tests and the demo wait on it)
        metrics.init_children((COMPLAINTS, STATUS_EVENTS))

    # ---------------------------------------------------------------------------------------- the loop

    def run(self, stop: threading.Event) -> SinkStats:
        if not self._start_clickhouse(stop):
            return self.stats
        self._producer = Producer(cast(dict[str, Any], producer_config(self.settings.kafka)))
        consumer = self._consumer = Consumer(cast(dict[str, Any], self.settings.kafka.librdkafka(**{
            "group.id": self.group_id,
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "enable.partition.eof": False,
        })))
        consumer.subscribe(self.topics.all, on_assign=self._on_assign, on_revoke=self._on_revoke,
                           on_lost=self._on_revoke)
        gauges = None
        if self.gauges:
            gauges = threading.Thread(target=self._gauges_loop, args=(stop,), name="sink-gauges", daemon=True)
            gauges.start()
        self.ready.set()
        log.info("sink consuming %d topics into %s.%s as group %s", len(self.topics.all), self.clickhouse.native,
                 self.database, self.group_id)
        try:
            while not stop.is_set():
                msgs = consumer.consume(max(1, min(self.batch.room(), _CONSUME_MAX)), timeout=0.2)
                if msgs:
                    self._take_all(msgs)
                if self.batch.is_due(time.monotonic()):
                    self._flush(stop)
            self._flush(stop, final=True)
        finally:
            consumer.close()
            self._producer.flush(10)
            self.writer.close()
            if gauges is not None:
                gauges.join(5)
        return self.stats

    def _start_clickhouse(self, stop: threading.Event) -> bool:
        """Create the database and apply migrations, waiting (with backoff) for ClickHouse if it is down."""
        for attempt in range(1_000_000):
            try:
                applied = self.writer.ensure_schema()
                metrics.CLICKHOUSE_UP.set(1)
                if applied:
                    log.info("applied schema migrations %s to %s", applied, self.database)
                return True
            except SinkWriteError as exc:
                metrics.CLICKHOUSE_UP.set(0)
                delay = self._delays[min(attempt, len(self._delays) - 1)]
                log.warning("ClickHouse not ready (%s); retrying in %.1fs", exc, delay)
                if stop.wait(delay):
                    return False
        return False

    def _take_all(self, msgs: list[Message]) -> None:
        """Decode what one consume() call returned into the batch (one clock reading for all of them)."""
        now = time.monotonic()
        stored_ms = int(time.time() * 1000)
        if self.stats.first_record_at is None:
            self.stats.first_record_at = now
        batch, status_topic = self.batch, self.topics.status
        add_row = batch.complaint_rows.append
        taken: dict[tuple[str, int], int] = {}  # the highest offset taken per partition (consume() keeps order)
        for msg in msgs:
            err = msg.error()
            if err is not None:
                if err.code() != KafkaError._PARTITION_EOF:
                    log.warning("consumer error: %s", err)
                continue
            topic, partition, offset = cast(str, msg.topic()), cast(int, msg.partition()), cast(int, msg.offset())
            value = msg.value()
            try:
                if topic == status_topic:
                    batch.add_status(decode_status(value), topic, partition, offset, now)
                else:
                    add_row(decode_complaint_row(value, stored_ms))
                    taken[topic, partition] = offset
            except InvalidRecordError as exc:
                log.warning("dead-lettering %s[%d]@%d: %s", topic, partition, offset, exc)
                batch.add_dead(DeadLetter(topic, partition, offset, msg.key(), value, exc.reason, exc.detail), now)
        batch.consumed(taken, now)

    # ---------------------------------------------------------------------------------------- writing

    def _flush(self, stop: threading.Event, final: bool = False) -> bool:
        """Write and commit the batch, retrying the same batch until it lands. False only when stopping and
        ClickHouse stayed down for the grace period (nothing committed: the batch is re-read on restart)."""
        batch = self.batch
        if batch.is_empty():
            return True
        attempt = 0
        paused: list[TopicPartition] = []
        giving_up_at: float | None = None
        try:
            while True:
                try:
                    self._write(batch)
                    break
                except SinkWriteError as exc:
                    self.stats.failed_attempts += 1
                    metrics.CLICKHOUSE_UP.set(0)
                    delay = self._delays[min(attempt, len(self._delays) - 1)]
                    attempt += 1
                    log.warning("batch of %d records not written (attempt %d): %s; retrying in %.1fs",
                                batch.records, attempt, exc, delay)
                    if not paused and self._consumer is not None:
                        paused = list(self._consumer.assignment())
                        self._consumer.pause(paused)
                    if final or stop.is_set():
                        giving_up_at = giving_up_at or time.monotonic() + self.shutdown_grace_s
                        if time.monotonic() >= giving_up_at:
                            log.error("stopping with %d records unwritten and uncommitted; they are re-read on "
                                      "the next start", batch.records)
                            return False
                    self._idle(delay)
                    if batch is not self.batch or batch.is_empty():
                        return True  # a rebalance discarded it: its records are re-read from committed offsets
            if self.cfg.fault_commit_delay_s:
                time.sleep(self.cfg.fault_commit_delay_s)
            self._commit(batch)
            return True
        finally:
            if paused and self._consumer is not None:
                try:
                    self._consumer.resume(paused)
                except KafkaException as exc:  # partitions revoked meanwhile: nothing to resume
                    log.info("resume after retry: %s", exc)

    def _idle(self, seconds: float) -> None:
        """Wait while polling the (paused) consumer, so the group keeps this member. A record that still arrives
        (fetched before the pause) is not taken: its partition is sought back to it, to be read after resuming."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if self._consumer is None:
                time.sleep(min(left, 0.5))
                continue
            msg = self._consumer.poll(min(left, 0.5))
            if msg is not None and msg.error() is None:
                tp = TopicPartition(cast(str, msg.topic()), cast(int, msg.partition()), cast(int, msg.offset()))
                try:
                    self._consumer.seek(tp)
                except KafkaException as exc:
                    log.warning("could not seek %s[%d] back to %d: %s", tp.topic, tp.partition, tp.offset, exc)

    def _write(self, batch: Batch) -> None:
        """One attempt at everything the batch needs before its offsets may be committed."""
        for row in batch.complaint_rows:
            self.memory.remember(cast(str, row[_DOCKET_ID]), cast(str, row[_DISTRICT]))
        if batch.status_rows is None and batch.statuses:
            unknown = self.memory.unknown({e.docket_id for e in batch.statuses})
            looked_up = self._lookup_districts(unknown)
            for docket, district in looked_up.items():
                self.memory.remember(docket, district)
            flags = self.memory.flag_all(batch.statuses, looked_up)
            stored_ms = int(time.time() * 1000)
            batch.status_rows = [status_row(e, f, stored_ms) for e, f in zip(batch.statuses, flags, strict=True)]
            batch.status_flags = flags
        if batch.complaint_rows and COMPLAINTS not in batch.written:
            self._insert(COMPLAINTS, COMPLAINT_COLUMNS, batch.complaint_rows)
            batch.written.add(COMPLAINTS)
        if batch.status_rows and STATUS_EVENTS not in batch.written:
            self._insert(STATUS_EVENTS, STATUS_EVENT_COLUMNS, batch.status_rows)
            batch.written.add(STATUS_EVENTS)
        if batch.dead and "dead_letters" not in batch.written:
            self._dead_letter(batch.dead)
            batch.written.add("dead_letters")

    def _lookup_districts(self, dockets: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        ids = sorted(dockets)
        for i in range(0, len(ids), _LOOKUP_CHUNK):
            chunk = ", ".join(quote_literal(d) for d in ids[i:i + _LOOKUP_CHUNK])
            rows = self.writer.execute(
                f"SELECT docket_id, argMax(district, version) FROM {self.writer.db}.{COMPLAINTS} "
                f"WHERE docket_id IN ({chunk}) GROUP BY docket_id"
            )
            found.update({str(d): str(district) for d, district in rows})
        return found

    def _insert(self, table: str, columns: Sequence[tuple[str, str]], rows: list[Row]) -> None:
        t0 = time.perf_counter()
        try:
            self.writer.insert(table, columns, rows)
        except SinkWriteError:
            metrics.INSERT_FAILURES.labels(table).inc()
            raise
        metrics.INSERT_DURATION.labels(table).observe(time.perf_counter() - t0)
        metrics.CLICKHOUSE_UP.set(1)

    def _dead_letter(self, dead: list[DeadLetter]) -> None:
        assert self._producer is not None
        failed = 0

        def on_delivery(err: KafkaError | None, _msg: Message) -> None:
            nonlocal failed
            if err is not None:
                failed += 1

        for d in dead:
            headers: list[tuple[str, str | bytes | None]] = [
                ("seva.error.stage", b"sink"),
                ("seva.error.reason", d.reason.encode()),
                ("seva.error.detail", d.detail[:1000].encode("utf-8", "replace")),
                ("seva.origin", f"{d.topic}/{d.partition}/{d.offset}".encode()),
            ]
            self._producer.produce(self.topics.dead_letter, value=d.value, key=d.key, headers=headers,
                                   on_delivery=on_delivery)
        left = self._producer.flush(30)
        if left or failed:
            raise SinkWriteError(f"the dead-letter topic did not take {left + failed} of {len(dead)} records")

    def _commit(self, batch: Batch) -> None:
        offsets = [TopicPartition(t, p, o) for (t, p), o in batch.offsets.items()]
        assert self._consumer is not None
        try:
            self._consumer.commit(offsets=offsets, asynchronous=False)
        except KafkaException as exc:
            # The rows are in ClickHouse; an uncommitted offset only means a harmless re-read (deduplicated),
            # and the next batch's commit covers it.
            log.warning("offset commit failed (rows are stored; they may be re-read): %s", exc)
        now = time.time()
        self._count(batch, now)
        self.stats.last_commit_at = time.monotonic()
        batch.clear()

    def _count(self, batch: Batch, now: float) -> None:
        metrics.LAST_SUCCESS.set(now)
        for table, rows in ((COMPLAINTS, batch.complaint_rows), (STATUS_EVENTS, batch.status_rows or [])):
            if rows:
                metrics.ROWS_WRITTEN.labels(table).inc(len(rows))
                metrics.BATCHES.labels(table).inc()
                metrics.BATCH_ROWS.labels(table).observe(len(rows))
                self.stats.rows[table] += len(rows)
        self.stats.batches += 1
        for flag in batch.status_flags:
            if flag:
                metrics.FLAGGED.labels(flag).inc()
                self.stats.flagged[flag] += 1
        for d in batch.dead:
            metrics.DEAD_LETTERED.labels(d.reason).inc()
            self.stats.dead_lettered[d.reason] += 1
        for row in batch.complaint_rows:
            metrics.ROUTED_TO_STORED.observe(max(0.0, now - cast(int, row[_CLASSIFIED_MS]) / 1000))

    # ---------------------------------------------------------------------------------------- rebalance

    def _on_assign(self, _consumer: Consumer, partitions: list[TopicPartition]) -> None:
        log.info("assigned %d partitions", len(partitions))

    def _on_revoke(self, _consumer: Consumer, partitions: list[TopicPartition]) -> None:
        if not self.batch.is_empty():
            log.warning("partitions revoked with %d uncommitted records in the batch: discarded, to be re-read",
                        self.batch.records)
            self.stats.discarded_batches += 1
            self.batch = Batch(self.cfg.batch_max_rows, self.cfg.batch_max_seconds)

    # ---------------------------------------------------------------------------------------- gauges

    def _gauges_loop(self, stop: threading.Event) -> None:
        """Every gauges_interval_s: open complaints and the oldest unanswered P1 per district, from ClickHouse
        with the report's own queries (its own connection: the driver's client is not thread-safe)."""
        writer = ClickHouseWriter(self.clickhouse, self.database)
        districts = set(DISTRICT_SLUGS) | {UNKNOWN}
        try:
            while not stop.is_set():
                try:
                    open_, oldest = district_gauges(writer.execute, self.database, datetime.now(UTC))
                    for d in districts | open_.keys() | oldest.keys():
                        metrics.OPEN_COMPLAINTS.labels(d).set(open_.get(d, 0))
                        metrics.OLDEST_UNACKED_P1.labels(d).set(oldest.get(d, 0.0))
                    metrics.CLICKHOUSE_UP.set(1)
                except SinkWriteError as exc:
                    metrics.CLICKHOUSE_UP.set(0)
                    log.warning("district gauges not updated: %s", exc)
                stop.wait(self.cfg.gauges_interval_s)
        finally:
            writer.close()
