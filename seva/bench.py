"""`seva bench`: every stage in one run on the local stack, one table, JSON and a PNG chart.

The stage benchmarks are the existing ones (producers/bench.py, streams/bench.py, sinks/bench.py); this module
runs them in one process, then the end-to-end latency run, and puts the figures side by side:

- B0 (a raw confluent-kafka consume->produce passthrough) and the routing worker, same messages (bench_route);
- the producer (generator -> publisher -> Kafka) and the triage core on one core;
- the sink against a bare clickhouse-driver insert loop of the same rows (bench_sink);
- end to end: a rate-limited producer feeds `seva worker` and `seva sink`, each its own process, on namespaced
  topics and a scratch ClickHouse database, at half the maximum sustainable rate and at a live-like 50 tweets/s.
  The maximum sustainable rate is the lower of the slowest stage measured above and the pipeline's own capacity,
  measured first in the same run (a burst through the running worker and sink: tweets/s until the last routed).
  Each tweet's created_at is stamped with the wall clock when it is submitted (ms precision); created->routed
  is the Kafka timestamp of the complaint on its district topic (set by the worker's producer) minus created_at;
  created->queryable is when a poll of the complaints table first returns the docket (polled every 50 ms, so up
  to 50 ms coarse) minus created_at.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, cast

from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition

from producers.base import Source
from producers.bench import bench_produce
from producers.generator import GeneratorConfig, generate
from producers.publisher import TweetPublisher
from seva.clickhouse import connect
from seva.errors import SevaError
from seva.events import utc_iso
from seva.kafka import delete_namespace, ensure_topics
from seva.settings import Settings
from seva.topics import CORE_TOPICS, DEAD_LETTER, DISTRICT_TOPICS, HQ_TRIAGE, TWEETS_RAW, namespaced

# The keys issue 7 fixes as the JSON contract (every one a number).
CONTRACT_KEYS: tuple[str, ...] = (
    "b0_msgs_per_s", "produce_msgs_per_s", "triage_us_per_tweet", "route_msgs_per_s", "route_ratio_b0",
    "sink_rows_per_s", "bare_insert_rows_per_s", "sink_ratio_bare", "p99_created_to_routed_ms",
    "p99_created_to_queryable_ms",
)

LIVE_RATE = 50.0
_POLL_S = 0.05


@dataclass(frozen=True)
class BenchConfig:
    tweets: int = 10_000  # per throughput stage (producer, triage, route/B0, sink)
    partitions: int = TWEETS_RAW.partitions
    duration: float = 30.0  # seconds of rate-limited production per end-to-end rate
    sink_batch: int = 5_000
    live_rate: float = LIVE_RATE
    seed: int = 3

    @classmethod
    def quick(cls) -> BenchConfig:
        return cls(tweets=600, duration=6.0, sink_batch=500)


Progress = Callable[[str], None]


def _percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


_TICK = os.sysconf("SC_CLK_TCK")


def stat_cpu_seconds(stat: str) -> float:
    """User + system CPU seconds (every thread) from the text of a /proc/<pid>/stat file. Fields are counted after
    the last ')': the command name may hold spaces and parentheses."""
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


class _ProcCpu:
    """CPU seconds (user + system, every thread) of a child process, from /proc/<pid>/stat."""

    def __init__(self, pid: int) -> None:
        self.path = Path(f"/proc/{pid}/stat")
        self.tasks = Path(f"/proc/{pid}/task")

    def seconds(self) -> float:
        try:
            return stat_cpu_seconds(self.path.read_text())
        except OSError:
            return math.nan

    def runqueue(self) -> tuple[float, float]:
        """(seconds on a CPU, seconds runnable but waiting for one), summed over the live threads, from
        /proc/<pid>/task/*/schedstat (the scheduler's own accounting; NaN where the kernel does not keep it)."""
        return runqueue_seconds(t / "schedstat" for t in _listdir(self.tasks))


def _listdir(path: Path) -> list[Path]:
    try:
        return list(path.iterdir())
    except OSError:
        return []


def runqueue_seconds(paths: Iterable[Path]) -> tuple[float, float]:
    """Sum the first two fields of schedstat files (nanoseconds running, nanoseconds waiting on a run queue)."""
    run = wait = 0
    seen = False
    for path in paths:
        try:
            fields = path.read_text().split()
            run, wait, seen = run + int(fields[0]), wait + int(fields[1]), True
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended between the listing and the read
    return (run / 1e9, wait / 1e9) if seen else (math.nan, math.nan)


def machine_cpu_seconds(roles: dict[int, str], proc: Path = Path("/proc")) -> dict[str, float]:
    """CPU seconds used so far by every process on the machine, summed by role: the pids in `roles` by their
    given names, the Kafka broker and the ClickHouse server by their command lines, anything else as "other"
    (on a shared machine: other people's work). Taken at a phase's start and end, the differences say where the
    machine's cores went while latency was measured."""
    out: dict[str, float] = {}
    for entry in _listdir(proc):
        if not entry.name.isdigit():
            continue
        try:
            cpu = stat_cpu_seconds((entry / "stat").read_text())
            role = roles.get(int(entry.name)) or _role_of((entry / "cmdline").read_bytes())
        except (OSError, ValueError, IndexError):
            continue  # a process that ended between the listing and the read
        out[role] = out.get(role, 0.0) + cpu
    return out


def _role_of(cmdline: bytes) -> str:
    if b"kafka.Kafka" in cmdline or b"org.apache.kafka" in cmdline:
        return "kafka"
    if b"clickhouse" in cmdline:
        return "clickhouse"
    return "other"


def cpu_pressure_seconds(path: Path = Path("/proc/pressure/cpu")) -> float:
    """Total seconds in which at least one runnable task waited for a CPU, machine-wide (Linux PSI `some`)."""
    try:
        for line in path.read_text().splitlines():
            if line.startswith("some "):
                return int(line.rpartition("total=")[2]) / 1e6
    except (OSError, ValueError):
        pass
    return math.nan


# ------------------------------------------------------------------------------------------- end to end


@dataclass
class _Phase:
    name: str
    rate: float
    start_ms: int = 0
    end_ms: int = 0  # created_at of the last tweet submitted in the phase
    submitted: int = 0
    worker_cpu_s: float = 0.0
    sink_cpu_s: float = 0.0
    wall_s: float = 0.0
    worker_run_s: float = math.nan  # from the scheduler: on a CPU ...
    worker_wait_s: float = math.nan  # ... and runnable but waiting for one
    pressure_s: float = math.nan  # machine-wide: some task waiting for a CPU
    cores: dict[str, float] = field(default_factory=dict)  # cores used on average during the phase, by role


def _stamped(raw: bytes, now: datetime) -> tuple[bytes, int]:
    """The generated tweet with created_at set to `now` (ms precision); returns it and created ms."""
    doc = json.loads(raw)
    tweet = doc["data"] if "data" in doc else doc
    tweet["created_at"] = utc_iso(now)
    return json.dumps(doc, ensure_ascii=False).encode(), int(now.timestamp() * 1000)


class _E2E:
    """One worker and one sink as subprocesses on a namespace and a scratch database, observed from here."""

    def __init__(self, settings: Settings, seed: int, progress: Progress) -> None:
        run = uuid.uuid4().hex[:8]
        self.settings = settings
        self.progress = progress
        self.ns = f"bench.e2e.{run}."
        self.database = f"seva_bench_e2e_{run}"
        self.tweets = (r.raw for r in generate(10_000_000, GeneratorConfig(seed=seed + 100)) if r.kind == "tweet")
        self.routed: dict[str, tuple[int, int]] = {}  # docket -> (created ms, routed ms)
        self.classified: dict[str, int] = {}  # docket -> classified_at ms (the worker's clock as triage began)
        self.pending: dict[str, int] = {}  # routed, not yet queryable: docket -> created ms (kept small, so a
        # poll costs the observer little: it shares the machine with what it measures)
        self.queryable: dict[str, tuple[int, int]] = {}  # docket -> (created ms, first polled ms)
        self.procs: list[tuple[str, subprocess.Popen[bytes], IO[bytes]]] = []
        self.ch_cursor = 0

    # --- processes
    def start(self) -> None:
        ensure_topics(self.settings.kafka, [namespaced(t, self.ns) for t in CORE_TOPICS])
        env = {**os.environ, "SEVA_CLICKHOUSE__DATABASE": self.database}
        for name, args in (("worker", ["worker", "--no-metrics", "--loglevel", "INFO", "--namespace", self.ns]),
                           ("sink", ["sink", "--no-metrics", "--namespace", self.ns, "--group", self.ns + "sink"])):
            # Not a pipe (a full pipe would stall the child): a file under the state dir's logs/, kept after the
            # run, so a latency spike or a stall in a bench run can be read back.
            path = self.settings.stack.state_dir / "logs" / f"{self.ns}{name}.log"
            path.parent.mkdir(parents=True, exist_ok=True)
            log = path.open("w+b")
            proc = subprocess.Popen([sys.executable, "-m", "seva.cli", *args], stdout=log,
                                    stderr=subprocess.STDOUT, env=env)
            self.procs.append((name, proc, log))
        self.cpu = {name: _ProcCpu(proc.pid) for name, proc, _ in self.procs}
        self.roles = {proc.pid: name for name, proc, _ in self.procs} | {os.getpid(): "bench"}
        self.publisher = TweetPublisher(self.settings.kafka, self.settings.producer,
                                        topic=namespaced(TWEETS_RAW, self.ns).name,
                                        dead_letter_topic=namespaced(DEAD_LETTER, self.ns).name)
        reader_cfg = self.settings.kafka.librdkafka(**{
            "group.id": f"bench-e2e-{uuid.uuid4().hex[:8]}", "enable.auto.commit": False,
            "auto.offset.reset": "earliest"})
        self.reader = Consumer(cast(dict[str, Any], reader_cfg))
        self.reader.assign([TopicPartition(namespaced(t, self.ns).name, 0, OFFSET_BEGINNING)
                            for t in (*DISTRICT_TOPICS, HQ_TRIAGE)])
        self.ch = connect(self.settings.clickhouse, database="")

    def _check_alive(self) -> None:
        for name, proc, log in self.procs:
            if proc.poll() is not None:
                log.seek(0)
                tail = log.read().decode(errors="replace")[-1500:]
                raise SevaError(f"bench e2e: `seva {name}` exited ({proc.returncode}); its output ends:\n{tail}")

    def stop(self) -> None:
        for _, proc, _ in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for _, proc, log in self.procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            log.close()
        for closer in (lambda: self.reader.close(), lambda: self.publisher.close(10)):
            try:
                closer()
            except Exception:  # noqa: BLE001, S110 (best-effort cleanup; the figures are already taken)
                pass

    def cleanup(self) -> None:
        try:
            connect(self.settings.clickhouse, database="").execute(f"DROP DATABASE IF EXISTS `{self.database}`")
        except Exception as exc:  # noqa: BLE001 (report and carry on cleaning Kafka)
            self.progress(f"e2e: could not drop {self.database}: {exc}")
        delete_namespace(self.settings.kafka, self.ns)

    # --- observing
    def _read(self, timeout: float) -> None:
        for m in self.reader.consume(1000, timeout=timeout):
            if m.error() is not None:
                continue
            try:
                doc = json.loads(cast(bytes, m.value()))
                created = datetime.fromisoformat(doc["tweet"]["created_at"].replace("Z", "+00:00"))
                classified = datetime.fromisoformat(doc["classified_at"].replace("Z", "+00:00"))
                docket = str(doc["docket_id"])
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            if docket not in self.routed:
                self.routed[docket] = (int(created.timestamp() * 1000), m.timestamp()[1])
                self.classified[docket] = int(classified.timestamp() * 1000)
                if docket not in self.queryable:
                    self.pending[docket] = self.routed[docket][0]

    def _poll_clickhouse(self) -> None:
        cursor = min(self.pending.values()) if self.pending else self.ch_cursor
        try:
            rows = self.ch.execute(f"SELECT docket_id, created_ms FROM `{self.database}`.complaints "  # noqa: S608
                                   f"WHERE created_ms >= {int(cursor)}")
        except Exception:  # noqa: BLE001 (the sink has not created the table yet)
            return
        now_ms = int(time.time() * 1000)
        for docket, created_ms in rows:
            if docket not in self.queryable:
                self.queryable[docket] = (int(created_ms), now_ms)
                self.pending.pop(docket, None)
                self.ch_cursor = max(self.ch_cursor, int(created_ms) - 2000)

    def _observe(self, until: float) -> None:
        """Read routed records and poll ClickHouse until the monotonic deadline."""
        next_poll = time.monotonic()
        while True:
            now = time.monotonic()
            if now >= next_poll:
                self._poll_clickhouse()
                next_poll = now + _POLL_S
            left = min(until, next_poll) - time.monotonic()
            if time.monotonic() >= until:
                return
            self._read(max(0.0, min(left, 0.02)))

    def _submit(self) -> int:
        raw, created_ms = _stamped(next(self.tweets), datetime.now(UTC))
        self.publisher.submit(raw, Source.SYNTHETIC)
        return created_ms

    # --- phases
    def warm_up(self, timeout: float = 180.0) -> None:
        """Trickle tweets until one complaint is queryable: the worker and the sink are both running."""
        deadline = time.monotonic() + timeout
        while not self.queryable:
            self._check_alive()
            if time.monotonic() > deadline:
                raise SevaError(f"bench e2e: no complaint reached ClickHouse within {timeout:.0f}s of start")
            self._submit()
            self.publisher.flush(0)
            self._observe(time.monotonic() + 0.2)
        self._drain(3.0, 60.0)

    def _drain(self, quiet: float, timeout: float) -> None:
        """Until every routed complaint is queryable and nothing new was routed for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        last_count, last_change = len(self.routed), time.monotonic()
        while time.monotonic() < deadline:
            self._check_alive()
            self._observe(time.monotonic() + 0.25)
            if len(self.routed) != last_count:
                last_count, last_change = len(self.routed), time.monotonic()
            done = not self.pending
            if done and time.monotonic() - last_change >= quiet:
                return

    def run_phase(self, phase: _Phase, duration: float) -> None:
        self.progress(f"e2e: {phase.name} at {phase.rate:.0f} tweets/s for {duration:.0f}s")
        cpu0 = {k: c.seconds() for k, c in self.cpu.items()}
        rq0, psi0 = self.cpu["worker"].runqueue(), cpu_pressure_seconds()
        machine0 = machine_cpu_seconds(self.roles)
        t0 = time.monotonic()
        phase.start_ms = int(time.time() * 1000)
        total = max(1, int(phase.rate * duration))
        while phase.submitted < total:
            due = min(total, int((time.monotonic() - t0) * phase.rate) + 1)
            while phase.submitted < due:
                phase.end_ms = self._submit()
                phase.submitted += 1
            self.publisher.flush(0)  # serve delivery reports; the linger sends the batch
            next_at = t0 + phase.submitted / phase.rate
            self._observe(min(next_at, time.monotonic() + _POLL_S))
        self.publisher.flush(30)
        self._check_alive()
        self._drain(3.0, 30.0 + duration)
        phase.worker_cpu_s = self.cpu["worker"].seconds() - cpu0["worker"]
        phase.sink_cpu_s = self.cpu["sink"].seconds() - cpu0["sink"]
        rq1 = self.cpu["worker"].runqueue()
        phase.wall_s = time.monotonic() - t0
        phase.worker_run_s, phase.worker_wait_s = rq1[0] - rq0[0], rq1[1] - rq0[1]
        phase.pressure_s = cpu_pressure_seconds() - psi0
        machine1 = machine_cpu_seconds(self.roles)
        phase.cores = {k: max(0.0, machine1.get(k, 0.0) - machine0.get(k, 0.0)) / phase.wall_s for k in machine1}

    def capacity(self, tweets: int) -> float:
        """The whole pipeline's sustainable rate, as it runs here (worker, sink, Kafka, ClickHouse and this
        reader sharing the machine): `tweets` published at once, tweets/s from the first submitted to the last
        complaint routed. The backlog is drained before returning."""
        self.progress(f"e2e: capacity: {tweets} tweets at once through the running worker and sink")
        before = len(self.routed)
        t0 = time.monotonic()
        for i in range(tweets):
            self._submit()
            if i % 1000 == 999:
                self.publisher.flush(0)
        self.publisher.flush(30)
        last_count, last_change = len(self.routed), time.monotonic()
        deadline = t0 + 600
        while time.monotonic() < deadline and time.monotonic() - last_change < 3.0:
            self._check_alive()
            self._observe(time.monotonic() + 0.1)
            if len(self.routed) != last_count:
                last_count, last_change = len(self.routed), time.monotonic()
        if len(self.routed) == before:
            raise SevaError("bench e2e: nothing was routed in the capacity phase")
        rate = tweets / max(last_change - t0, 1e-3)
        self._drain(3.0, 120.0)
        return rate

    def figures(self, phase: _Phase, suffix: str) -> dict[str, float]:
        def within(created: int) -> bool:
            return phase.start_ms <= created <= phase.end_ms

        routed = [r - c for c, r in self.routed.values() if within(c)]
        # The two halves of created->routed: until the worker's triage agent took the tweet (producer linger,
        # broker, fetch, and queueing in the worker), and from there to the district topic (triage, the
        # tweets.triaged hop, routing, the send).
        to_triage = [self.classified[d] - c for d, (c, _) in self.routed.items() if within(c)]
        triage_to_routed = [r - self.classified[d] for d, (c, r) in self.routed.items() if within(c)]
        queryable = [q - c for c, q in self.queryable.values() if within(c)]
        out: dict[str, float] = {
            f"e2e_rate{suffix}": phase.rate,
            f"e2e_tweets{suffix}": phase.submitted,
            f"e2e_complaints{suffix}": len(routed),
            f"e2e_not_queryable{suffix}": sum(
                1 for d, (c, _) in self.routed.items() if within(c) and d not in self.queryable),
        }
        for label, values in (("routed", routed), ("queryable", queryable)):
            for name, q in (("p50", 50.0), ("p99", 99.0), ("p999", 99.9)):
                out[f"{name}_created_to_{label}_ms{suffix}"] = _percentile(values, q)
        for label, values in (("created_to_triage", to_triage), ("triage_to_routed", triage_to_routed)):
            for name, q in (("p50", 50.0), ("p99", 99.0)):
                out[f"{name}_{label}_ms{suffix}"] = _percentile(values, q)
        out[f"e2e_worker_cpu_us_per_tweet{suffix}"] = phase.worker_cpu_s / max(phase.submitted, 1) * 1e6
        # How long the worker was runnable but had no CPU, per second of the phase and per second it ran: CPU
        # queueing made visible (the phase includes its drain).
        wall = max(phase.wall_s, 1e-9)
        out[f"e2e_worker_runqueue_wait_ms_per_s{suffix}"] = phase.worker_wait_s / wall * 1000
        out[f"e2e_worker_wait_per_run{suffix}"] = phase.worker_wait_s / phase.worker_run_s \
            if phase.worker_run_s > 0 else math.nan
        out[f"e2e_cpu_pressure_share{suffix}"] = phase.pressure_s / wall
        for role, cores in phase.cores.items():
            out[f"e2e_cores_{role}{suffix}"] = cores
        out[f"e2e_sink_cpu_us_per_row{suffix}"] = phase.sink_cpu_s / max(len(routed), 1) * 1e6
        return out


def bench_e2e(settings: Settings, rates: list[tuple[str, float]], duration: float, seed: int,
              progress: Progress, stage_max: float | None = None) -> dict[str, float]:
    """The end-to-end phases. With `stage_max` (the slowest stage's isolated rate), the "half" rate is half the
    lower of it and the pipeline's own capacity measured here first: on a shared machine the stages compete for
    the same cores, so the isolated rates overstate what the pipeline as a whole sustains."""
    e2e = _E2E(settings, seed, progress)
    out: dict[str, float] = {}
    try:
        e2e.start()
        progress("e2e: starting `seva worker` and `seva sink`, waiting for the first complaint in ClickHouse")
        e2e.warm_up()
        if stage_max is not None:
            capacity = e2e.capacity(max(500, min(5000, int(stage_max * duration / 2))))
            out["e2e_capacity_tweets_per_s"] = capacity
            out["max_sustainable_tweets_per_s"] = min(stage_max, capacity)
            rates = [(n, min(stage_max, capacity) / 2 if n == "half" else r) for n, r in rates]
        for name, rate in rates:
            phase = _Phase(name, rate)
            e2e.run_phase(phase, duration)
            out.update(e2e.figures(phase, "" if name == "half" else f"_{name}"))
    finally:
        e2e.stop()
        e2e.cleanup()
    return out


# --------------------------------------------------------------------------------------------- the run


def run_bench(settings: Settings, cfg: BenchConfig, progress: Progress) -> dict[str, float]:
    from sinks.bench import bench_sink
    from streams.bench import bench_route, bench_triage

    started = time.monotonic()
    res: dict[str, float] = {"tweets": cfg.tweets, "partitions": cfg.partitions, "duration_s": cfg.duration}

    progress(f"producer: {cfg.tweets} tweets")
    prod = bench_produce(settings, cfg.tweets, cfg.seed)
    res.update(produce_msgs_per_s=prod.produce_msgs_per_s, produce_cpu_us_per_msg=prod.produce_cpu_us_per_msg,
               mean_raw_record_bytes=prod.mean_record_bytes)

    progress(f"triage core: {cfg.tweets} tweets on one core")
    tri = bench_triage(cfg.tweets, cfg.seed)
    res.update(triage_us_per_tweet=tri.warm_us_per_tweet, triage_tweets_per_s=tri.warm_tweets_per_s,
               triage_cold_us_per_tweet=tri.cold_us_per_tweet, triage_cpu_us_per_tweet=tri.warm_cpu_us_per_tweet,
               triage_p99_us=tri.warm_p99_us)

    progress(f"B0 passthrough and routing worker: {cfg.tweets} tweets, {cfg.partitions} partitions")
    route = bench_route(settings, cfg.tweets, cfg.partitions, cfg.seed)
    res.update(b0_msgs_per_s=route.b0_msgs_per_s, b0_cpu_us_per_msg=route.b0_cpu_us_per_msg,
               route_msgs_per_s=route.route_msgs_per_s, route_ratio_b0=route.route_to_b0_ratio,
               route_cpu_us_per_msg=route.route_cpu_us_per_msg, route_worker_startup_s=route.worker_startup_s,
               mean_routed_record_bytes=route.mean_record_bytes)

    progress(f"sink vs bare insert: {cfg.tweets} complaints, batches of {cfg.sink_batch}")
    sink = bench_sink(settings, cfg.tweets, min(cfg.sink_batch, cfg.tweets), probes=3, seed=cfg.seed + 2)
    res.update(sink_rows_per_s=sink.sink_rows_per_s, bare_insert_rows_per_s=sink.bare_insert_rows_per_s,
               sink_ratio_bare=sink.sink_to_bare_ratio, sink_cpu_us_per_row=sink.sink_cpu_us_per_row,
               bare_cpu_us_per_row=sink.bare_cpu_us_per_row,
               status_to_report_p50_ms=sink.status_to_report_p50_s * 1000)

    # The pipeline sustains at most what its slowest stage does in isolation (the sink's rows are complaints,
    # fewer than tweets, so counting them as tweets is conservative), and at most what it carries as a whole
    # with every stage sharing the machine: bench_e2e measures that first and takes the lower of the two.
    stage_max = min(res["produce_msgs_per_s"], res["route_msgs_per_s"], res["sink_rows_per_s"])
    res["slowest_stage_tweets_per_s"] = stage_max
    rates = [("half", stage_max / 2), ("live", cfg.live_rate)]
    res.update(bench_e2e(settings, rates, cfg.duration, cfg.seed, progress, stage_max=stage_max))
    res["bench_wall_s"] = time.monotonic() - started
    return res


# ------------------------------------------------------------------------------------------ the output


def _fmt(value: float, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}" if abs(value) >= 1 else f"{value:.3g}"
    return f"{text}{unit}"


def table_rows(r: dict[str, float]) -> list[tuple[str, str, str, str]]:
    """(stage, throughput, against the ceiling, CPU µs/msg) rows of the summary table."""
    def lat(label: str, suffix: str) -> str:
        return " / ".join(_fmt(r.get(f"{p}_created_to_{label}_ms{suffix}", math.nan)) for p in ("p50", "p99", "p999"))

    rows = [
        ("B0 passthrough (confluent-kafka)", _fmt(r["b0_msgs_per_s"], " msg/s"), "1 (ceiling)",
         _fmt(r["b0_cpu_us_per_msg"])),
        ("Producer (generator -> tweets.raw)", _fmt(r["produce_msgs_per_s"], " msg/s"),
         _fmt(r["produce_msgs_per_s"] / r["b0_msgs_per_s"]) + " x B0", _fmt(r["produce_cpu_us_per_msg"])),
        ("Triage core (one core, warm)",
         f"{_fmt(r['triage_us_per_tweet'], ' µs/tweet')}, {_fmt(r['triage_tweets_per_s'], ' tweets/s')}", "",
         _fmt(r["triage_cpu_us_per_tweet"])),
        ("Routing stage (Faust worker)", _fmt(r["route_msgs_per_s"], " msg/s"),
         _fmt(r["route_ratio_b0"]) + " x B0", _fmt(r["route_cpu_us_per_msg"])),
        ("Bare clickhouse-driver insert", _fmt(r["bare_insert_rows_per_s"], " rows/s"), "1 (ceiling)",
         _fmt(r["bare_cpu_us_per_row"])),
        ("Sink (seva sink)", _fmt(r["sink_rows_per_s"], " rows/s"), _fmt(r["sink_ratio_bare"]) + " x bare",
         _fmt(r["sink_cpu_us_per_row"])),
    ]
    rows.append(("E2E capacity (worker + sink together)", _fmt(r.get("e2e_capacity_tweets_per_s", math.nan),
                                                               " tweets/s"),
                 "max sustainable " + _fmt(r.get("max_sustainable_tweets_per_s", math.nan), "/s"), ""))
    for suffix, label in (("", "half max"), ("_live", "live")):
        rate = r.get(f"e2e_rate{suffix}", math.nan)
        rows.append((f"E2E created->routed @ {_fmt(rate)}/s ({label})", lat("routed", suffix) + " ms",
                     "p50 / p99 / p99.9", _fmt(r.get(f"e2e_worker_cpu_us_per_tweet{suffix}", math.nan)) + " (worker)"))
        split = " | ".join(
            f"{what} " + " / ".join(_fmt(r.get(f"{p}_{key}_ms{suffix}", math.nan)) for p in ("p50", "p99"))
            for what, key in (("to triage", "created_to_triage"), ("triage->routed", "triage_to_routed")))
        rows.append(("  of which", split + " ms", "p50 / p99", ""))
        used = sorted(((k.removeprefix("e2e_cores_").removesuffix(suffix), v) for k, v in r.items()
                       if k.startswith("e2e_cores_") and k.endswith(suffix)
                       and (suffix or not k.endswith("_live"))), key=lambda kv: -kv[1])
        rows.append(("  cores used, by process", ", ".join(f"{k} {v:.2f}" for k, v in used) or "n/a",
                     f"of {os.cpu_count()}", ""))
        rows.append(("  worker waiting for a CPU",
                     _fmt(r.get(f"e2e_worker_runqueue_wait_ms_per_s{suffix}", math.nan), " ms/s"),
                     _fmt(r.get(f"e2e_worker_wait_per_run{suffix}", math.nan)) + " x its CPU time; machine "
                     + _fmt(100 * r.get(f"e2e_cpu_pressure_share{suffix}", math.nan), " %"), ""))
        rows.append((f"E2E created->queryable @ {_fmt(rate)}/s", lat("queryable", suffix) + " ms",
                     "p50 / p99 / p99.9", _fmt(r.get(f"e2e_sink_cpu_us_per_row{suffix}", math.nan)) + " (sink)"))
    return rows


def format_table(r: dict[str, float]) -> str:
    head = ("Stage", "Measured", "vs ceiling", "CPU µs/msg")
    rows = [head, *table_rows(r)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def write_chart(r: dict[str, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(16, 5))
    names = ["B0", "producer", "triage\n(1 core)", "route", "bare insert", "sink"]
    rates = [r["b0_msgs_per_s"], r["produce_msgs_per_s"], r["triage_tweets_per_s"], r["route_msgs_per_s"],
             r["bare_insert_rows_per_s"], r["sink_rows_per_s"]]
    ax1.bar(names, rates, color=["grey", "C0", "C1", "C2", "grey", "C3"])
    ax1.set_yscale("log")
    ax1.set_title("Throughput (messages or rows / s, log)")
    for i, v in enumerate(rates):
        ax1.annotate(_fmt(v), (i, v), ha="center", va="bottom", fontsize=8)

    labels = ["p50", "p99", "p99.9"]
    width = 0.2
    series = [("routed", "", "half max"), ("queryable", "", "half max"),
              ("routed", "_live", "live"), ("queryable", "_live", "live")]
    for k, (what, suffix, load) in enumerate(series):
        vals = [r.get(f"{p}_created_to_{what}_ms{suffix}", math.nan) for p in ("p50", "p99", "p999")]
        rate = r.get(f"e2e_rate{suffix}", math.nan)
        ax2.bar([i + (k - 1.5) * width for i in range(3)], vals, width,
                label=f"created->{what} @ {_fmt(rate)}/s ({load})")
    ax2.set_xticks(range(3), labels)
    ax2.set_yscale("log")
    ax2.set_title("End-to-end latency (ms, log)")
    ax2.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2)

    cpu_names = ["B0", "producer", "triage", "route", "bare insert", "sink"]
    cpu = [r["b0_cpu_us_per_msg"], r["produce_cpu_us_per_msg"], r["triage_cpu_us_per_tweet"],
           r["route_cpu_us_per_msg"], r["bare_cpu_us_per_row"], r["sink_cpu_us_per_row"]]
    ax3.bar(cpu_names, cpu, color=["grey", "C0", "C1", "C2", "grey", "C3"])
    ax3.set_yscale("log")
    ax3.set_title("CPU µs per message (log)")
    for i, v in enumerate(cpu):
        ax3.annotate(_fmt(v), (i, v), ha="center", va="bottom", fontsize=8)
    fig.suptitle(f"seva bench: {int(r['tweets'])} tweets, {int(r['partitions'])} partitions, "
                 f"{r['duration_s']:.0f}s per e2e rate")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def json_safe(r: dict[str, float]) -> dict[str, float | None]:
    """NaN (a percentile of nothing) is not JSON: it becomes null."""
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in r.items()}
