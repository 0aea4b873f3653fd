"""The Kafka publisher every source hands its records to: parse, skip duplicates, publish or dead-letter.

Choices, deliberately:
- `enable.idempotence=true`, `acks=all`: a retried batch is never written twice or out of order.
- `message.timeout.ms=0` (never expire): while Kafka is down, records wait in librdkafka's bounded buffer;
  when the buffer is full `submit` blocks the source (backpressure) instead of dropping anything.
- `linger.ms` 20 and lz4 (settings): bursts go out in few requests at little CPU per message.
- key = the conversation (RawTweet.partition_key): a complaint, its retweets and follow-up replies stay in one
  partition, in order, which the triage stage relies on to attach them to one docket.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from confluent_kafka import KafkaError, Message, Producer
from prometheus_client import Counter, Gauge, Histogram

from producers.base import Source
from producers.dedupe import SeenIds
from seva.errors import InvalidTweetError, PublishError
from seva.kafka import producer_config
from seva.settings import KafkaSettings, ProducerSettings
from seva.topics import DEAD_LETTER, TWEETS_RAW
from seva.xpayload import parse_tweet, utc_iso

log = logging.getLogger(__name__)

RECEIVED = Counter("seva_producer_received_total", "Records handed over by a source", ["source"])
PUBLISHED = Counter("seva_producer_published_total", "Tweets acknowledged by Kafka on tweets.raw", ["source"])
FAILED = Counter("seva_producer_failed_total", "Tweets Kafka refused for good (then dead-lettered)", ["source"])
DEAD_LETTERED = Counter(
    "seva_producer_dead_lettered_total", "Records sent to the dead-letter topic", ["source", "reason"]
)
DUPLICATES = Counter("seva_producer_duplicates_skipped_total", "Tweets skipped as already published", ["source"])
OWN_SKIPPED = Counter("seva_producer_own_tweets_skipped_total", "Tweets by the service's own account", ["source"])
LATENCY = Histogram(
    "seva_producer_publish_latency_seconds", "From produce() to Kafka's acknowledgement",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
BUFFERED = Gauge("seva_producer_buffered_messages", "Records waiting in the producer's local buffer")
BROKER_UP = Gauge("seva_producer_broker_up", "1 while Kafka acknowledges, 0 after the client lost all brokers")
LAST_PUBLISH = Gauge("seva_producer_last_publish_timestamp_seconds", "When Kafka last acknowledged a tweet")


@dataclass(frozen=True)
class _SourceChildren:
    """The per-source label children of the producer's counters, looked up once per source (`.labels()` costs
    a lock and a dict lookup on every call; submit() and the delivery callback run once per tweet)."""

    received: Any
    published: Any
    failed: Any
    duplicates: Any
    own_skipped: Any


_SOURCE_CHILDREN: dict[str, _SourceChildren] = {}
_DEAD_LETTERED_CHILDREN: dict[tuple[str, str], Any] = {}


def source_children(source: str) -> _SourceChildren:
    """The cached children of one source; creating them exports its counters at 0 from the start."""
    children = _SOURCE_CHILDREN.get(source)
    if children is None:
        children = _SOURCE_CHILDREN[source] = _SourceChildren(
            RECEIVED.labels(source), PUBLISHED.labels(source), FAILED.labels(source),
            DUPLICATES.labels(source), OWN_SKIPPED.labels(source),
        )
    return children


def _dead_lettered_child(source: str, reason: str) -> Any:
    child = _DEAD_LETTERED_CHILDREN.get((source, reason))
    if child is None:
        child = _DEAD_LETTERED_CHILDREN[(source, reason)] = DEAD_LETTERED.labels(source, reason)
    return child


# Dead-letter values are capped below Kafka's default 1 MB message limit; the original size is in a header.
DLQ_VALUE_LIMIT = 512 * 1024
H_SOURCE = "seva.source"


@dataclass
class PublishStats:
    """Exact counts of what happened to the records handed over (the metrics carry the same numbers)."""

    received: int = 0
    published: int = 0
    duplicates: int = 0
    own_skipped: int = 0
    dead_lettered: dict[str, int] = field(default_factory=dict)
    failed: int = 0

    @property
    def dead_lettered_total(self) -> int:
        return sum(self.dead_lettered.values())


class TweetPublisher:
    """Implements producers.base.TweetSink on confluent-kafka."""

    def __init__(
        self,
        kafka: KafkaSettings,
        settings: ProducerSettings,
        *,
        topic: str = TWEETS_RAW.name,
        dead_letter_topic: str = DEAD_LETTER.name,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.topic = topic
        self.dead_letter_topic = dead_letter_topic
        self.stats = PublishStats()
        self._clock = clock
        self._seen = SeenIds(settings.dedupe_capacity)
        self._own_ids = set(settings.own_user_ids)
        self._own_names = {n.lower().lstrip("@") for n in settings.own_usernames}
        self._fatal: KafkaError | None = None
        self._callbacks: dict[str, Callable[[KafkaError | None, Message], None]] = {}
        # Records Kafka refused for good, collected in the delivery callback and dead-lettered outside it
        # (producing from inside a librdkafka callback would re-enter poll()).
        self._refused: list[tuple[bytes, bytes | None, str, str]] = []
        self._last_down_log = 0.0
        self._buffer_full_since: float | None = None
        conf = producer_config(
            kafka,
            **{
                "linger.ms": settings.linger_ms,
                "compression.type": settings.compression,
                "queue.buffering.max.messages": settings.buffer_max_messages,
                "message.timeout.ms": 0,
                "error_cb": self._on_error,
            },
        )
        self._producer = Producer(cast(dict[str, Any], conf))
        BROKER_UP.set(1)

    # --- TweetSink ---

    def submit(self, raw: bytes, source: Source | str) -> None:
        if self._fatal is not None:
            raise PublishError(f"the Kafka producer failed for good: {self._fatal.str()}")
        src = str(source)
        self.stats.received += 1
        children = source_children(src)
        children.received.inc()
        received_at = self._clock()
        try:
            tweet = parse_tweet(raw, src, received_at, self.settings.max_record_bytes)
        except InvalidTweetError as exc:
            self._dead_letter(raw, src, exc.reason, exc.detail, received_at, key=None)
            return
        if (tweet.author_id is not None and tweet.author_id in self._own_ids) or (
            tweet.author_username is not None and tweet.author_username.lower() in self._own_names
        ):
            self.stats.own_skipped += 1
            children.own_skipped.inc()
            return
        if not self._seen.add(tweet.id):
            self.stats.duplicates += 1
            children.duplicates.inc()
            return
        value = json.dumps(tweet.asdict(), ensure_ascii=False, separators=(",", ":")).encode()
        callback = self._callbacks.get(src)
        if callback is None:  # one bound callback per source: delivery reports carry no headers to read it from
            callback = self._callbacks[src] = functools.partial(self._on_delivery, src)
        self._produce(self.topic, tweet.partition_key(), value, [(H_SOURCE, src.encode())], callback)

    def flush(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = -1.0 if deadline is None else max(0.0, deadline - time.monotonic())
            remaining = int(self._producer.flush(left))
            if not self._refused or (deadline is not None and time.monotonic() >= deadline):
                break
            self._dead_letter_refused()
        BUFFERED.set(remaining)
        return remaining + len(self._refused)

    def close(self, timeout: float | None = None) -> int:
        """Flush everything; returns the number of records Kafka did not acknowledge in time."""
        return self.flush(timeout)

    # --- internals ---

    def poll(self, timeout: float = 0.0) -> None:
        self._producer.poll(timeout)

    def _produce(
        self, topic: str, key: bytes | None, value: bytes, headers: list[tuple[str, str | bytes | None]],
        callback: Callable[[KafkaError | None, Message], None],
    ) -> None:
        while True:
            try:
                self._producer.produce(topic, value=value, key=key, headers=headers, on_delivery=callback)
                break
            except BufferError:
                # Kafka is slow or down and the bounded buffer is full: wait here, the source waits with us.
                now = time.monotonic()
                if self._buffer_full_since is None:
                    self._buffer_full_since = now
                    log.warning(
                        "producer buffer full (%d records waiting for Kafka at %s); holding the source until "
                        "Kafka accepts them", len(self._producer), self.topic,
                    )
                self._producer.poll(0.5)
                if self._fatal is not None:
                    raise PublishError(f"the Kafka producer failed for good: {self._fatal.str()}") from None
        if self._refused:
            self._dead_letter_refused()
        if self._buffer_full_since is not None:
            log.warning("producer buffer has room again after %.1fs", time.monotonic() - self._buffer_full_since)
            self._buffer_full_since = None
        self._producer.poll(0)

    def _dead_letter(
        self, raw: bytes, source: str, reason: str, detail: str, received_at: datetime, key: bytes | None
    ) -> None:
        self.stats.dead_lettered[reason] = self.stats.dead_lettered.get(reason, 0) + 1
        _dead_lettered_child(source, reason).inc()
        log.warning("dead-lettering a record from %s: %s: %s", source, reason, detail[:200])
        headers = dead_letter_headers("producer", reason, detail, source, received_at, raw)
        self._produce(self.dead_letter_topic, key, raw[:DLQ_VALUE_LIMIT], headers, self._on_dead_letter_delivery)

    def _on_delivery(self, source: str, err: KafkaError | None, msg: Message) -> None:
        if err is None:
            self.stats.published += 1
            source_children(source).published.inc()
            latency = msg.latency()
            if latency is not None:
                LATENCY.observe(latency)
            LAST_PUBLISH.set(time.time())
            BROKER_UP.set(1)
            return
        # Only permanent errors reach here (message.timeout.ms=0): keep the record in the dead-letter topic.
        self.stats.failed += 1
        source_children(source).failed.inc()
        raw = msg.value() or b""
        try:
            self._seen.forget(str(json.loads(raw)["id"]))
        except (ValueError, KeyError, TypeError):
            pass
        self._refused.append((raw, msg.key(), source, err.str()))

    def _dead_letter_refused(self) -> None:
        refused, self._refused = self._refused, []
        for raw, key, source, detail in refused:
            self._dead_letter(raw, source, "publish_failed", detail, self._clock(), key=key)

    def _on_dead_letter_delivery(self, err: KafkaError | None, msg: Message) -> None:
        if err is not None:
            log.error("could not write to the dead-letter topic %s: %s", self.dead_letter_topic, err.str())

    def _on_error(self, err: KafkaError) -> None:
        if err.fatal():
            self._fatal = err
            log.error("fatal Kafka producer error: %s", err.str())
            return
        if err.code() in (KafkaError._ALL_BROKERS_DOWN, KafkaError._TRANSPORT, KafkaError._RESOLVE):
            BROKER_UP.set(0)
            now = time.monotonic()
            if now - self._last_down_log > 10:
                self._last_down_log = now
                log.warning("Kafka unreachable (%s); records wait in the local buffer and are retried", err.str())


def dead_letter_headers(
    stage: str, reason: str, detail: str, source: str, received_at: datetime, raw: bytes
) -> list[tuple[str, str | bytes | None]]:
    """Headers every dead-lettered record carries: where it failed, why, and what it was."""
    return [
        ("seva.error.stage", stage.encode()),
        ("seva.error.reason", reason.encode()),
        ("seva.error.detail", detail[:1000].encode("utf-8", "replace")),
        (H_SOURCE, source.encode()),
        ("seva.received_at", utc_iso(received_at).encode()),
        ("seva.original_bytes", str(len(raw)).encode()),
        ("seva.truncated", b"1" if len(raw) > DLQ_VALUE_LIMIT else b"0"),
    ]
