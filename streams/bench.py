"""Triage and routing benchmarks: pure triage µs per tweet, and the worker's messages/s against a Kafka passthrough.

`bench_triage` times `triage_tweet()` alone, on one core, cold (empty per-token caches) and warm. `bench_route`
measures, in one run on the same pre-loaded messages, a raw confluent-kafka consume->produce passthrough (B0:
the floor any Kafka stage pays) and `seva worker` as its own process, so their ratio says what triage and
Faust cost on top of moving the bytes.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from producers.base import Source
from producers.generator import GeneratorConfig, generate
from producers.publisher import TweetPublisher
from seva.errors import ConfigError, SevaError
from seva.events import RawTweet
from seva.kafka import admin_client, delete_topics, ensure_topics, producer_config
from seva.settings import Settings
from seva.topics import (
    CORE_TOPICS,
    DEAD_LETTER,
    HQ_WATCH,
    TWEETS_RAW,
    TWEETS_TRIAGED,
    WORKER_OUTPUTS,
    TopicSpec,
    namespaced,
)
from seva.xpayload import parse_tweet
from streams.triage import triage_tweet

# ------------------------------------------------------------------------------------------ pure triage


@dataclass(frozen=True)
class TriageBench:
    """Pure triage on one core. Cold = every per-token cache empty (a worker's first tweets); warm = the same
    tweets again, every token cached (the best case; a long-running worker sits close to it because tweets share
    most of their words). p50/p99 are per-call timings of a sample taken warm."""

    tweets: int
    decode_us_per_tweet: float  # parse_tweet, outside the triage timing, for scale
    cold_us_per_tweet: float
    cold_tweets_per_s: float
    cold_cpu_us_per_tweet: float
    warm_us_per_tweet: float
    warm_tweets_per_s: float
    warm_cpu_us_per_tweet: float
    warm_p50_us: float
    warm_p99_us: float
    sample: int
    mean_text_chars: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _is_lru(value: object) -> bool:
    return callable(value) and hasattr(value, "cache_clear") and hasattr(value, "cache_info")


def _clear_instance_caches(obj: object) -> int:
    cleared = 0
    for attr, value in getattr(obj, "__dict__", {}).items():
        if _is_lru(value):
            value.cache_clear()
            cleared += 1
        elif "cache" in attr and isinstance(value, dict | set | list):
            value.clear()
            cleared += 1
    return cleared


def clear_triage_caches() -> int:
    """Empty every per-input cache of the triage modules and returns how many: lru_caches of functions that
    take arguments (normalize's folds), and caches held by the triage objects (each Matcher's candidates, the
    category model's n-gram ids). Zero-argument cached loaders (the model itself) are kept: loading is start-up,
    not per-tweet work. Found by scanning the modules, so a cache added later is cleared too."""
    cleared = 0
    visited: set[int] = set()  # a name imported into several modules is one cache
    for name, module in list(sys.modules.items()):
        if not name.startswith("streams.triage") or module is None:
            continue
        for value in vars(module).values():
            if id(value) in visited:
                continue
            visited.add(id(value))
            if _is_lru(value):
                if inspect.signature(value).parameters:
                    value.cache_clear()
                    cleared += 1
                elif (loaded := value()) is not None:
                    cleared += _clear_instance_caches(loaded)
            elif type(value).__module__.startswith("streams.triage"):
                cleared += _clear_instance_caches(value)
    return cleared


def _timed_pass(tweets: list[RawTweet]) -> tuple[float, float]:
    cpu0, t0 = time.process_time(), time.perf_counter()
    for tweet in tweets:
        triage_tweet(tweet)
    return time.perf_counter() - t0, time.process_time() - cpu0


def _percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def bench_triage(count: int = 20_000, seed: int = 3, sample: int = 5_000) -> TriageBench:
    if count < 1:
        raise ConfigError("bench triage needs at least one tweet")
    raws = [r.raw for r in generate(count, GeneratorConfig(seed=seed)) if r.kind == "tweet"]
    now = datetime.now(UTC)
    t0 = time.perf_counter()
    tweets = [parse_tweet(raw, Source.SYNTHETIC, now, 1 << 20) for raw in raws]
    decode_s = time.perf_counter() - t0
    n = len(tweets)

    triage_tweet(tweets[0])  # lazy loaders (the category model) run here, outside the timing
    clear_triage_caches()
    cold_s, cold_cpu = _timed_pass(tweets)
    warm_s, warm_cpu = _timed_pass(tweets)

    # Per-call timing of an evenly spread sample, warm; perf_counter_ns costs ~0.1 µs a call, kept out of the
    # throughput figures above.
    step = max(1, n // sample)
    per_call: list[float] = []
    clock = time.perf_counter_ns
    for tweet in tweets[::step]:
        c0 = clock()
        triage_tweet(tweet)
        per_call.append((clock() - c0) / 1000)
    per_call.sort()

    return TriageBench(
        tweets=n,
        decode_us_per_tweet=decode_s / n * 1e6,
        cold_us_per_tweet=cold_s / n * 1e6,
        cold_tweets_per_s=n / cold_s,
        cold_cpu_us_per_tweet=cold_cpu / n * 1e6,
        warm_us_per_tweet=warm_s / n * 1e6,
        warm_tweets_per_s=n / warm_s,
        warm_cpu_us_per_tweet=warm_cpu / n * 1e6,
        warm_p50_us=_percentile(per_call, 50),
        warm_p99_us=_percentile(per_call, 99),
        sample=len(per_call),
        mean_text_chars=sum(len(t.text) for t in tweets) / n,
    )


# -------------------------------------------------------------------------------- routing vs passthrough


@dataclass(frozen=True)
class RouteBench:
    """One run, same messages: B0 (a confluent-kafka consume->produce passthrough) and the routing worker.

    route_msgs_per_s counts tweets accounted for on the output topics between the worker's first output record
    and its last (broker record timestamps, which the worker's producer stamps when it sends), so worker
    start-up, group join and table recovery are excluded; worker_startup_s shows what was left out. CPU µs per
    message: the worker process (/proc utime+stime, all its threads) between the first and the last output the
    reader observed, over the tweets accounted for in between; B0 is this process (process_time, librdkafka's
    threads included) over its whole timed window."""

    tweets: int
    partitions: int
    mean_record_bytes: float
    b0_msgs_per_s: float
    b0_cpu_us_per_msg: float
    route_msgs_per_s: float
    route_cpu_us_per_msg: float
    route_to_b0_ratio: float
    route_observed_msgs_per_s: float  # the same span as seen by the reader, a cross-check of the timestamps
    route_records_out_per_tweet: float  # every record the worker wrote (tweets.triaged and HQ watch included)
    worker_startup_s: float  # process start to first output: excluded from the rates above

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


class _ProcCpu:
    """CPU seconds (user + system, every thread) of another process, from /proc/<pid>/stat."""

    _TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, pid: int) -> None:
        self.path = Path(f"/proc/{pid}/stat")

    def seconds(self) -> float:
        # Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
        fields = self.path.read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / self._TICK


def _consumer(settings: Settings, specs: list[TopicSpec]) -> Consumer:
    """A consumer assigned every partition of `specs` from the beginning: no group join, nothing committed."""
    consumer = Consumer(cast(dict[str, Any], settings.kafka.librdkafka(**{
        "group.id": f"bench-{uuid.uuid4().hex[:8]}", "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })))
    consumer.assign([TopicPartition(s.name, p, OFFSET_BEGINNING) for s in specs for p in range(s.partitions)])
    return consumer


def _preload(settings: Settings, raw_topic: str, dlq_topic: str, count: int, seed: int) -> set[str]:
    """Publish `count` generated tweets as the producer would (parsed, re-encoded, keyed); returns their ids."""
    records = [r for r in generate(count, GeneratorConfig(seed=seed)) if r.kind == "tweet"]
    publisher = TweetPublisher(settings.kafka, settings.producer, topic=raw_topic, dead_letter_topic=dlq_topic)
    for record in records:
        publisher.submit(record.raw, Source.SYNTHETIC)
    if publisher.close(120):
        raise SevaError("bench route: Kafka did not acknowledge every pre-loaded tweet within 120s")
    if publisher.stats.published != len(records):
        raise SevaError(f"bench route: published {publisher.stats.published} of {len(records)} tweets")
    return {cast(str, r.tweet_id) for r in records}


def _passthrough(settings: Settings, source: TopicSpec, sink: str, count: int,
                 timeout: float) -> tuple[float, float, float]:
    """B0: consume `count` records and produce each, unchanged, to `sink`; (wall s, CPU s) from the first record
    consumed to the last delivery report, and the mean value size in bytes."""
    # Batching as the worker's producer does it: linger 5 ms (Seva's default), lz4 (Faust's setting).
    producer = Producer(cast(dict[str, Any], producer_config(settings.kafka, **{"compression.type": "lz4"})))
    consumer = _consumer(settings, [source])
    delivered, failed = 0, 0
    last_delivery = 0.0

    def on_delivery(err: KafkaError | None, _msg: Message) -> None:
        nonlocal delivered, failed, last_delivery
        if err is None:
            delivered += 1
            last_delivery = time.perf_counter()
        else:
            failed += 1

    consumed = value_bytes = 0
    t0 = cpu0 = 0.0
    deadline = time.monotonic() + timeout
    try:
        while consumed < count and time.monotonic() < deadline:
            for msg in consumer.consume(1000, timeout=0.2):
                if msg.error() is not None:
                    continue
                if consumed == 0:
                    t0, cpu0 = time.perf_counter(), time.process_time()
                consumed += 1
                value = msg.value()
                value_bytes += len(value) if value else 0
                while True:
                    try:
                        producer.produce(sink, value=value, key=msg.key(), on_delivery=on_delivery)
                        break
                    except BufferError:
                        producer.poll(0.05)
            producer.poll(0)
        producer.flush(max(1.0, deadline - time.monotonic()))
        cpu = time.process_time() - cpu0
    finally:
        consumer.close()
    if consumed < count or delivered < count or failed:
        raise SevaError(f"bench route B0: consumed {consumed}, delivered {delivered}, failed {failed} of {count}")
    return last_delivery - t0, cpu, value_bytes / consumed


@dataclass
class _Seen:
    topic: str
    value: bytes
    timestamp_ms: int


def _tweet_id(seen: _Seen, dlq: str) -> str | None:
    try:
        doc = json.loads(seen.value)
        return str(doc["id"] if seen.topic == dlq else doc["tweet"]["id"])
    except (ValueError, KeyError, TypeError):
        return None


def _run_worker(settings: Settings, ns: str, expected: set[str], timeout: float) -> dict[str, float]:
    """Start `seva worker` in the namespace, read its outputs until every expected tweet is accounted for."""
    def name(spec: TopicSpec) -> str:
        return namespaced(spec, ns).name

    outputs = tuple(t for t in (*WORKER_OUTPUTS, DEAD_LETTER) if t is not HQ_WATCH)  # watch repeats P1s
    final = {name(s) for s in outputs}
    # Read the intermediate topic and HQ watch too: the first record on tweets.triaged is the earliest sign the
    # worker is consuming, and the records-out figure counts everything the worker wrote.
    reader = _consumer(settings, [namespaced(s, ns) for s in (*outputs, HQ_WATCH, TWEETS_TRIAGED)])
    dlq = name(DEAD_LETTER)
    seen: list[_Seen] = []
    accounted: set[str] = set()
    final_count = 0
    log = tempfile.TemporaryFile()  # not a pipe: a full pipe would stall the worker; closed in finally
    started = time.perf_counter()
    # The worker reads the same environment as this process (the composition root of each process reads it).
    proc = subprocess.Popen([sys.executable, "-m", "seva.cli", "worker", "--no-metrics", "--namespace", ns],
                            stdout=log, stderr=subprocess.STDOUT)
    cpu = _ProcCpu(proc.pid)
    first_seen: tuple[float, float, int] | None = None  # wall, worker CPU, final records seen then
    last_seen: tuple[float, float] = (0.0, 0.0)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            batch = [m for m in reader.consume(1000, timeout=0.2) if m.error() is None]
            if not batch:
                continue
            now = time.perf_counter()
            if first_seen is None:
                first_seen = (now, cpu.seconds(), sum(1 for m in batch if m.topic() in final))
            for m in batch:
                seen.append(_Seen(cast(str, m.topic()), cast(bytes, m.value()), m.timestamp()[1]))
                final_count += m.topic() in final
            if final_count >= len(expected):
                last_seen = (time.perf_counter(), cpu.seconds())
                # Cheap count first; ids only when the count says we might be done (a redelivery repeats).
                accounted = {i for s in seen if s.topic in final and (i := _tweet_id(s, dlq)) is not None}
                if accounted >= expected:
                    break
    finally:
        reader.close()
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.seek(0)
        tail = log.read().decode(errors="replace")[-2000:]
        log.close()
    accounted = {i for s in seen if s.topic in final and (i := _tweet_id(s, dlq)) is not None}
    missing = expected - accounted
    if first_seen is None or missing:
        raise SevaError(f"bench route: the worker accounted for {len(expected) - len(missing)} of {len(expected)} "
                        f"tweets in {timeout:.0f}s (exit {proc.returncode}); its output ends:\n{tail}")

    stamps_all = [s.timestamp_ms for s in seen]
    stamps_final = [s.timestamp_ms for s in seen if s.topic in final]
    span_s = max(max(stamps_final) - min(stamps_all), 1) / 1000
    first_wall, first_cpu, final_at_first = first_seen
    n = len(expected)
    # The first record out follows the first tweet's processing, so n - 1 tweets fall inside the span.
    return {
        "msgs_per_s": max(n - 1, 1) / span_s,
        "observed_msgs_per_s": max(n - final_at_first, 1) / max(last_seen[0] - first_wall, 1e-6),
        "cpu_us_per_msg": (last_seen[1] - first_cpu) / max(n - final_at_first, 1) * 1e6,
        "records_out_per_tweet": len(seen) / n,
        "startup_s": first_wall - started,
    }


def _delete_namespace(settings: Settings, ns: str) -> None:
    """Every topic under the namespace (ours, and the changelog/leader topics Faust declared), and the
    worker's consumer group."""
    admin = admin_client(settings.kafka)
    try:
        names = [t for t in admin.list_topics(timeout=30).topics if t.startswith(ns)]
    except KafkaException:
        names = [namespaced(t, ns).name for t in CORE_TOPICS]
    delete_topics(settings.kafka, names)
    try:
        for fut in admin.delete_consumer_groups([ns + "seva-triage"], request_timeout=30).values():
            fut.result(timeout=30)
    except KafkaException:
        pass  # no group (the worker never joined) or already gone: nothing left to clean


def bench_route(settings: Settings, count: int = 20_000, partitions: int = TWEETS_RAW.partitions,
                seed: int = 3) -> RouteBench:
    if count < 2:
        raise ConfigError("bench route needs at least two tweets")
    if partitions != TWEETS_RAW.partitions:
        # The worker's tables are co-partitioned with tweets.raw, so the worker runs only at the declared count.
        raise ConfigError(f"bench route: the worker needs tweets.raw at {TWEETS_RAW.partitions} partitions")
    ns = f"bench.route.{uuid.uuid4().hex[:8]}."
    raw = TopicSpec(namespaced(TWEETS_RAW, ns).name, partitions)
    sink = TopicSpec(ns + "bench.sink", partitions)
    ensure_topics(settings.kafka, [raw, sink, *(namespaced(t, ns) for t in CORE_TOPICS if t != TWEETS_RAW)])
    try:
        expected = _preload(settings, raw.name, namespaced(DEAD_LETTER, ns).name, count, seed)
        n = len(expected)
        b0_wall, b0_cpu, mean_bytes = _passthrough(settings, raw, sink.name, n, timeout=60 + n / 500)
        route = _run_worker(settings, ns, expected, timeout=120 + n / 50)
    finally:
        _delete_namespace(settings, ns)
    b0_rate = n / b0_wall
    return RouteBench(
        tweets=n,
        partitions=partitions,
        mean_record_bytes=mean_bytes,
        b0_msgs_per_s=b0_rate,
        b0_cpu_us_per_msg=b0_cpu / n * 1e6,
        route_msgs_per_s=route["msgs_per_s"],
        route_cpu_us_per_msg=route["cpu_us_per_msg"],
        route_to_b0_ratio=route["msgs_per_s"] / b0_rate,
        route_observed_msgs_per_s=route["observed_msgs_per_s"],
        route_records_out_per_tweet=route["records_out_per_tweet"],
        worker_startup_s=route["startup_s"],
    )
