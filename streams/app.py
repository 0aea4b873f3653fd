"""The Faust app: three thin agents over streams.triage and streams.routing, their tables, and the DLQ.

    tweets.raw (key: conversation) --triage_tweets--> tweets.triaged (key: text fingerprint)
                                                  \\-> complaints.linked, tweets.ignored, seva.deadletter
    tweets.triaged --route_complaints--> complaints.<district> | complaints.hq.triage, + complaints.hq.watch (P1)
                                     \\-> complaints.linked (the same text again)
    complaints.status + complaints.linked (both keyed by docket) --track_status--> complaints.status (reopened)

Guarantees: at-least-once (Faust flushes the producer before committing offsets), idempotent outputs
(deterministic docket ids), agent concurrency 1, and no exception escapes an agent: a record that cannot be
processed goes to the dead-letter topic with the error in its headers, and the worker carries on.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Container
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import faust
from aiokafka import TopicPartition
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.types import EventT
from mode.utils.times import want_seconds

from seva.events import Complaint, LinkedTweet, parse_created_at
from seva.settings import Settings
from seva.topics import (
    COMPLAINT_STATUS,
    COMPLAINTS_LINKED,
    DEAD_LETTER,
    TWEETS_IGNORED,
    TWEETS_RAW,
    TWEETS_TRIAGED,
    TopicSpec,
    namespaced,
)
from streams import metrics, watchdog
from streams.lifecycle import DocketState, decode_lifecycle_record, on_link, on_status
from streams.routing import (
    DocketMemory,
    Ignore,
    Link,
    Route,
    Triaged,
    conversation_of,
    decode_tweet,
    plan_intake,
    plan_route,
)
from streams.triage import triage_tweet

log = logging.getLogger(__name__)

APP_ID = "seva-triage"
# How long a repeated text attaches to the docket its first copy opened, and how long a conversation's
# docket is remembered for replies; entries are evicted after that, and the tables never exceed MAX_ENTRIES.
DUPLICATE_TEXT_WINDOW = timedelta(days=3)
CONVERSATION_MEMORY = timedelta(days=30)
MAX_TABLE_ENTRIES = 500_000


class IdempotentProducer(aiokafka_driver.Producer):
    """Faust's aiokafka producer with idempotence on: aiokafka (like librdkafka) defaults it off, and Faust
    only turns it on inside exactly-once transactions, which Seva does not use."""

    def _settings_extra(self) -> Any:
        return {**super()._settings_extra(), "acks": "all", "enable_idempotence": True}


HOLD_LIMIT_S = 10.0


# Records handed from the Kafka client to Faust per fetch: Faust's default (no limit) hands over everything the
# client has buffered, and the fetcher then delivers it all, at the agents' pace, before it fetches again.
MAX_POLL_RECORDS = 250


class FairFetchThread(aiokafka_driver.AIOKafkaConsumerThread):
    """Serve the worker's own downstream records before new intake. aiokafka hands out buffered records in the
    order the partitions' fetches arrived, and fetches no more from a broker while any partition's records wait.
    Under a backlog on tweets.raw, a worker's own tweets.triaged records (the routing hop) therefore waited
    until the whole backlog was triaged: measured here, 5,000 queued tweets delayed the first routed complaint
    by 4.9 s, 15,000 by 15 s, although each takes about a millisecond (with this class: 0.3-0.4 s for 5,000).
    Now, before each fetch, the intake topic's partitions go to the back of the queue (downstream hops first:
    what is already in the pipeline leaves it before more comes in), and after it the partitions just served
    do (round robin among the rest)."""

    async def _fetch_records(self, consumer: Any, active_partitions: Any, timeout: float | None = None,
                             max_records: int | None = None) -> Any:
        buffered = consumer._fetcher._records  # aiokafka's OrderedDict of tp -> buffered fetch result
        intake: frozenset[str] = getattr(self.consumer.app, "seva_intake_topics", frozenset())
        serve_intake_last(buffered, intake)
        records = await super()._fetch_records(consumer, active_partitions, timeout=timeout,
                                               max_records=max_records)
        serve_others_next(buffered, records)
        return records


def serve_intake_last(buffered: OrderedDict[Any, Any], intake: frozenset[str]) -> None:
    """Move the intake topics' partitions (objects with a .topic) behind every other buffered partition."""
    for tp in [tp for tp in buffered if tp.topic in intake]:
        buffered.move_to_end(tp)


def serve_others_next(buffered: OrderedDict[Any, Any], served: Container[Any]) -> None:
    """Move the partitions just served behind those that were not."""
    for tp in [tp for tp in buffered if tp in served]:
        buffered.move_to_end(tp)


class SeekFirstConsumer(aiokafka_driver.Consumer):
    """Faust's consumer, closed against two ways Faust loses records it has fetched.

    1. Stream partitions are held paused until they have been seeked to their committed offsets
       (faust-streaming#596, open): Faust resumes stream partitions, then seeks; a batch fetched in between is
       skipped while flow is suspended, yet advances the read offset, and the re-fetched records below it are
       then dropped as already read. The hold pauses them in the Kafka client too: Faust's own pause only
       filters what the client hands over, so the client kept fetching held partitions, and a batch it handed
       over while Faust seeked was skipped by Faust (the partition was paused in Faust) after the client had
       moved past it.
    2. No commit passes a record that never reached a stream. When the next record Faust reads is past the one
       it expected, Faust counts the records in between as read (a "gap", meant for compacted topics and
       transaction markers, neither of which Seva's topics have) and commits past them. Seen: a restarted
       worker committed tweets.raw[1] from 98 to 194 without ever triaging 98-140. Here such a gap is a loss
       (unless retention deleted those records): it is not filled, so the committed offset stays before it, and
       the worker stops for its supervisor to restart it from there (the watchdog's exit, streams/watchdog.py).
    """

    _held: set[Any]
    _seva_start: dict[Any, int]  # stream partitions never committed: the earliest offset they were seeked to
    _seva_lost: set[Any]  # partitions already reported lost (one ERROR each)

    def _new_consumer_thread(self) -> FairFetchThread:
        return FairFetchThread(self, loop=self.loop, beacon=self.beacon)

    def resume_partitions(self, tps: Any) -> None:
        # Faust resumes stream partitions only from Recovery, each time right before perform_seek();
        # changelog partitions (table recovery) are resumed at once.
        tps = set(tps)
        stream = {tp for tp in tps if not tp.topic.endswith("-changelog")}
        if stream:
            self._held = getattr(self, "_held", set()) | stream
            tps -= stream
            self._client_pause(stream, True)
            log.info("holding %d stream partitions until they are seeked", len(stream))
            # Bounded: if no seek follows (a path of Faust's we did not see), resume anyway rather than stall.
            asyncio.get_running_loop().call_later(HOLD_LIMIT_S, self._release_held, "no seek followed")
        if tps:
            super().resume_partitions(tps)

    async def perform_seek(self) -> None:
        await super().perform_seek()
        # A stream partition with no committed offset must be read from its beginning (at-least-once: the
        # records a killed worker wrote to tweets.triaged before it committed anything are not yet routed).
        # Seen under load: after a restart such a partition was positioned at its high watermark despite
        # auto_offset_reset=earliest, and Faust then committed past the records it never read.
        held: set[Any] = getattr(self, "_held", set()) & set(self.assignment())
        uncommitted = [tp for tp in held if self._committed_offset.get(tp) is None]
        if uncommitted:
            earliest = await self.earliest_offsets(*uncommitted)
            await self.seek_wait({tp: earliest[tp] for tp in uncommitted})
            self._seva_start = {**getattr(self, "_seva_start", {}), **{tp: earliest[tp] for tp in uncommitted}}
        log.info("seeked %d stream partitions: %s", len(held), ", ".join(
            f"{tp.topic}[{tp.partition}]@{self._committed_offset.get(tp)}" for tp in sorted(held))
            + (f"; from earliest (never committed): {len(uncommitted)}" if uncommitted else ""))
        self._release_held("seeked")

    def _release_held(self, why: str) -> None:
        held: set[Any] = getattr(self, "_held", set())
        self._held = set()
        if held:
            assigned = set(self.assignment())
            log.info("%s: resuming %d of %d held stream partitions", why, len(held & assigned), len(held))
            self._client_pause(held & assigned, False)
            super().resume_partitions(held & assigned)

    def _client_pause(self, tps: set[Any], pause: bool) -> None:
        """Pause or resume `tps` in aiokafka itself (a flag on each partition's state, which its fetcher reads:
        buffered records of a paused partition are discarded without moving its position)."""
        try:
            client = self._thread._ensure_consumer()
            assigned = client.assignment()
            mine = [TopicPartition(tp.topic, tp.partition) for tp in tps]  # aiokafka checks the type
            mine = [tp for tp in mine if tp in assigned]
            if pause:
                client.pause(*mine)
            else:
                client.resume(*mine)
        except Exception as exc:  # noqa: BLE001 (not assigned any more, or a client internals change)
            log.warning("could not %s %d partitions in the Kafka client: %r", "pause" if pause else "resume",
                        len(tps), exc)

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        # Faust: the record at offset_to came right after offset_from - 1.
        try:
            log_start = int((await self.earliest_offsets(tp))[tp])
        except Exception as exc:  # noqa: BLE001 (the broker did not answer: count them lost, the safe side)
            log.warning("log start of %s[%s] unknown: %r", tp.topic, tp.partition, exc)
            log_start = 0
        # Faust's read offset right after a seek is the committed offset, the next one to read: then the record
        # there is missing too.
        if self._committed_offset.get(tp) == offset_from - 1:
            offset_from -= 1
        lost = lost_in_gap(offset_from, offset_to, log_start)
        if lost:
            self._records_lost(tp, lost)  # the gap stays open: no commit passes it
            return
        await super()._add_gap(tp, offset_from, offset_to)

    def _new_offset(self, tp: Any) -> int | None:
        # Faust checks that the acked records follow on from the committed offset only when that offset is
        # truthy: not for a partition never committed (or committed at 0), whose first batch it would commit
        # past if that batch was skipped.
        acked = self._acked.get(tp)
        if acked and not self._gap.get(tp):
            committed = self._committed_offset.get(tp)
            expected = committed if committed is not None else getattr(self, "_seva_start", {}).get(tp)
            skipped = unread_before(expected, min(acked))
            if skipped:
                self._records_lost(tp, skipped)
                return None
        result: int | None = super()._new_offset(tp)
        return result

    def _records_lost(self, tp: Any, offsets: range) -> None:
        reported: set[Any] = getattr(self, "_seva_lost", set())
        self._seva_lost = reported
        if tp in reported:
            return
        reported.add(tp)
        watchdog.restart_for_lost_records(
            self.app, f"{tp.topic}[{tp.partition}] offsets {offsets.start}-{offsets.stop - 1} were handed out by "
                      "the Kafka client but never reached a stream; not committing past them")


def lost_in_gap(offset_from: int, offset_to: int, log_start: int) -> range:
    """Faust read offset_to right after offset_from - 1: the records in between never reached a stream. Those
    below the log's start were deleted by retention, not lost by the worker; the rest are lost."""
    return range(max(offset_from, log_start), offset_to)


def unread_before(expected_next: int | None, first_acked: int) -> range:
    """Offsets a commit of acked records starting at `first_acked` would pass unread, given the offset the
    partition was expected to go on from (None: unknown, nothing can be said)."""
    if expected_next is None or first_acked <= expected_next:
        return range(0)
    return range(expected_next, first_acked)


class SevaTransport(aiokafka_driver.Transport):
    Consumer = SeekFirstConsumer
    Producer = IdempotentProducer


class SevaApp(faust.App):
    def _new_transport(self) -> Any:
        return SevaTransport(self.conf.broker_consumer, self)

    def _new_producer_transport(self) -> Any:
        return SevaTransport(self.conf.broker_producer, self)


@dataclass(frozen=True)
class Send:
    """One output record (the agents' only side effect besides their tables)."""

    topic: str
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


Outbox = Callable[[Send], Awaitable[None]]


def create_app(settings: Settings, *, namespace: str = "", store: str = "memory://",
               outbox: Outbox | None = None) -> SevaApp:
    """Build the app. `namespace` prefixes every topic and the app id (tests get their own set of topics);
    tests of the agents in process pass `outbox`, a recorder, instead of Kafka."""

    def name(spec: TopicSpec) -> str:
        return namespaced(spec, namespace).name

    datadir = settings.stack.state_dir / "faust"
    # Faust creates only the last level; against existing clusters (stack.managed=false) nothing else has
    # created the state folder, and the worker failed at start with FileNotFoundError.
    datadir.mkdir(parents=True, exist_ok=True)
    app = SevaApp(
        namespace + APP_ID,
        broker=settings.kafka.faust_broker(),
        store=store,
        web_enabled=False,
        # Faust's data dir defaults to the working directory; keep it with the rest of Seva's local state.
        datadir=str(datadir),
        processing_guarantee="at_least_once",
        consumer_auto_offset_reset="earliest",
        topic_replication_factor=1,
        topic_partitions=TWEETS_RAW.partitions,
        topic_allow_declare=True,  # Faust creates only its own changelog and leader topics
        producer_acks=-1,
        producer_linger=0.005,
        producer_compression_type="lz4",
        stream_buffer_maxsize=16_384,
        broker_max_poll_records=MAX_POLL_RECORDS,
        broker_commit_every=1000,
        broker_commit_interval=1.0,
        table_cleanup_interval=60.0,
        # A worker that died (kill -9, a crashed host) is replaced after 20 s instead of Kafka's 60 s default.
        broker_session_timeout=20.0,
        broker_heartbeat_interval=3.0,
    )
    raw_topic = app.topic(name(TWEETS_RAW), value_serializer="raw", key_serializer="raw")
    app.seva_intake_topics = frozenset({name(TWEETS_RAW)})  # type: ignore[attr-defined]  # FairFetchThread
    triaged_topic = app.topic(name(TWEETS_TRIAGED), value_serializer="raw", key_serializer="raw",
                              partitions=TWEETS_TRIAGED.partitions)
    # use_partitioner: a key's changelog partition follows the key (murmur2, as every Seva producer uses), so
    # the eviction timer may delete outside a stream event and each table stays co-partitioned with its topic.
    conversations = app.Table("conversations", partitions=TWEETS_RAW.partitions, key_type=str,
                              use_partitioner=True)
    fingerprints = app.Table("fingerprints", partitions=TWEETS_TRIAGED.partitions, key_type=str,
                             use_partitioner=True)
    # complaints.status and complaints.linked are both keyed by docket id with the same partition count, so
    # one agent reads both and its table (docket -> last status) is co-partitioned with each.
    lifecycle_topic = app.topic(name(COMPLAINT_STATUS), name(COMPLAINTS_LINKED), value_serializer="raw",
                                key_serializer="raw", partitions=COMPLAINT_STATUS.partitions)
    docket_states = app.Table("docket_states", partitions=COMPLAINT_STATUS.partitions, key_type=str,
                              use_partitioner=True)

    topics: dict[str, faust.TopicT] = {}

    async def kafka_outbox(send: Send) -> None:
        topic = topics.get(send.topic)
        if topic is None:
            topic = topics[send.topic] = app.topic(send.topic, value_serializer="raw", key_serializer="raw")
        await topic.send(key=send.key, value=send.value, headers=list(send.headers) or None)

    emit: Outbox = outbox or kafka_outbox

    async def dead_letter(stage: str, event: EventT, exc: BaseException) -> None:
        reason = getattr(exc, "reason", type(exc).__name__)
        msg = event.message
        metrics.DEAD_LETTERED.labels(stage, reason).inc()
        log.warning("dead-lettering %s[%d]@%d in %s: %s: %s", msg.topic, msg.partition, msg.offset, stage,
                    reason, exc)
        headers = (
            ("seva.error.stage", stage.encode()),
            ("seva.error.reason", str(reason).encode()),
            ("seva.error.detail", repr(exc)[:1000].encode("utf-8", "replace")),
            ("seva.origin", f"{msg.topic}/{msg.partition}/{msg.offset}".encode()),
        )
        value = msg.value if isinstance(msg.value, bytes) else b""
        await emit(Send(name(DEAD_LETTER), msg.key if isinstance(msg.key, bytes) else None, value, headers))

    async def guarded(stage: str, event: EventT, handle: Callable[[EventT], Awaitable[None]]) -> None:
        """Process one event; whatever goes wrong is dead-lettered and counted, never raised into Faust."""
        try:
            await handle(event)
            metrics.record_success(stage, time.time())
        except Exception as exc:  # noqa: BLE001 (an escaping exception would ack and drop the event)
            metrics.record_failure(stage)
            try:
                await dead_letter(stage, event, exc)
            except Exception:  # the DLQ itself failing must not kill the agent either
                log.exception("could not dead-letter %s record; it is skipped", stage)

    @app.agent(raw_topic, concurrency=1)
    async def triage_tweets(stream: faust.StreamT) -> AsyncIterator[None]:
        """tweets.raw -> triage -> tweets.triaged (complaints), complaints.linked, tweets.ignored."""
        async for event in stream.events():
            await guarded("triage", event, _intake)
            yield None

    async def _intake(event: EventT) -> None:
        now = datetime.now(UTC)
        tweet = decode_tweet(event.value)
        conv_key = conversation_of(tweet)
        conversation = DocketMemory.from_json(conversations.get(conv_key))
        retweeted = (DocketMemory.from_json(conversations.get(tweet.retweet_of))
                     if tweet.retweet_of else None)
        decision = plan_intake(tweet, conversation, retweeted, triage_tweet, now)
        if isinstance(decision, Link):
            record = decision.record
            metrics.LINKED.labels(record.relation).inc()
            await emit(Send(name(COMPLAINTS_LINKED), record.docket_id.encode(), record.dumps()))
        elif isinstance(decision, Ignore):
            metrics.record_routed("not_complaint", "P4")
            await emit(Send(name(TWEETS_IGNORED), tweet.id.encode(), decision.record.dumps()))
        elif isinstance(decision, Triaged):
            complaint = decision.complaint
            if conversation is None or conversation.docket_id == complaint.docket_id:
                conversations[conv_key] = DocketMemory(complaint.docket_id, tweet.author_id,
                                                            now.timestamp()).to_json()
            await emit(Send(name(TWEETS_TRIAGED), complaint.fingerprint.encode(), complaint.dumps()))

    @app.agent(triaged_topic, concurrency=1)
    async def route_complaints(stream: faust.StreamT) -> AsyncIterator[None]:
        """tweets.triaged -> the district's topic (HQ triage if unknown), P1 also to HQ watch."""
        async for event in stream.events():
            await guarded("route", event, _route)
            yield None

    async def _route(event: EventT) -> None:
        now = datetime.now(UTC)
        complaint = Complaint.loads(event.value)
        key = complaint.fingerprint
        known = DocketMemory.from_json(fingerprints.get(key))
        decision = plan_route(complaint, known, now, DUPLICATE_TEXT_WINDOW.total_seconds())
        if isinstance(decision, Link):
            metrics.LINKED.labels(decision.record.relation).inc()
            await emit(Send(name(COMPLAINTS_LINKED), decision.record.docket_id.encode(), decision.record.dumps()))
            return
        assert isinstance(decision, Route)
        if known is None or known.docket_id == complaint.docket_id or \
                now.timestamp() - known.seen_at > DUPLICATE_TEXT_WINDOW.total_seconds():
            fingerprints[key] = DocketMemory(complaint.docket_id, complaint.tweet.author_id,
                                                 now.timestamp()).to_json()
        value = complaint.dumps()
        for topic in decision.topics:
            await emit(Send(name(topic), complaint.docket_id.encode(), value))
        metrics.record_routed(complaint.category, complaint.urgency)
        metrics.observe_latency(parse_created_at(complaint.tweet.created_at),
                                parse_created_at(complaint.tweet.received_at), now, complaint.urgency)

    @app.agent(lifecycle_topic, concurrency=1)
    async def track_status(stream: faust.StreamT) -> AsyncIterator[None]:
        """complaints.status + complaints.linked -> docket_states; a complainant's reply to a disposed docket ->
        complaints.status (reopened)."""
        async for event in stream.events():
            await guarded("lifecycle", event, _track)
            yield None

    async def _track(event: EventT) -> None:
        record = decode_lifecycle_record(event.value)
        key = record.docket_id
        state = DocketState.from_json(docket_states.get(key))
        now = time.time()
        after, reopened = on_link(state, record, now) if isinstance(record, LinkedTweet) else \
            on_status(state, record, now)
        if after is not None and after != state:
            docket_states[key] = after.to_json()
        if reopened is not None:
            metrics.REOPENED.inc()
            await emit(Send(name(COMPLAINT_STATUS), key.encode(), reopened.dumps()))

    @app.timer(interval=300.0)
    async def evict_old_state() -> None:
        """Bound the tables: forget entries past their window, and the oldest beyond MAX_TABLE_ENTRIES. A docket's
        state is kept as long as its conversation: a later reply is not linked to the docket anyway."""
        for table, keep in ((conversations, CONVERSATION_MEMORY), (fingerprints, DUPLICATE_TEXT_WINDOW),
                            (docket_states, CONVERSATION_MEMORY)):
            removed = evict(table, time.time() - keep.total_seconds(), MAX_TABLE_ENTRIES)
            metrics.TABLE_ENTRIES.labels(table.name).set(len(table))
            if removed:
                log.info("evicted %d entries from table %s", removed, table.name)

    if outbox is None:  # a real worker: say where it is stuck if it ever stops reading (streams/watchdog.py)
        watchdog.install(app)
    app.seva_agents = (triage_tweets, route_complaints, track_status)  # type: ignore[attr-defined]
    return app


def faust_internal_topics(app: faust.App) -> list[TopicSpec]:
    """The topics Faust declares for itself as it starts (each table's changelog, the assignor's leader topic),
    with the partitions and cleanup policy Faust would give them, for `seva worker` to create beforehand.

    Left to Faust, a changelog is created moments before the consumer subscribes, and its metadata may not have
    reached the consumer yet: seen in CI, `Topic ...docket_states-changelog not found in cluster metadata` /
    `Ignoring missing topic`, the table got no partitions, and every lifecycle record was dead-lettered
    (TypeError) until the worker restarted. Created and visible before Faust starts, they are simply there."""
    specs: list[TopicSpec] = []
    for table in app.tables.values():
        topic = table.changelog_topic
        config: dict[str, str] = {k: str(v) for k, v in (topic.config or {}).items()}
        cleanup = [flag for flag, on in (("compact", topic.compacting), ("delete", topic.deleting)) if on]
        if cleanup:
            config["cleanup.policy"] = ",".join(cleanup)  # as Faust writes it: sorted, so compact,delete
        if topic.retention:
            config["retention.ms"] = str(int(want_seconds(topic.retention) * 1000))
        specs.append(TopicSpec(topic.get_topic_name(), partitions=topic.partitions or app.conf.topic_partitions,
                               replication=app.conf.topic_replication_factor, config=config))
    if not app.conf.topic_disable_leader:
        specs.append(TopicSpec(f"{app.conf.id}-__assignor-__leader", partitions=1,
                               replication=app.conf.topic_replication_factor))
    return specs


def evict(table: Any, older_than: float, max_entries: int) -> int:
    stamped = sorted(((v.get("t", 0.0) if isinstance(v, dict) else 0.0), k) for k, v in list(table.items()))
    doomed = [k for t, k in stamped if t < older_than]
    overflow = len(stamped) - len(doomed) - max_entries
    if overflow > 0:
        doomed += [k for _t, k in stamped[len(doomed):len(doomed) + overflow]]
    for key in doomed:
        del table[key]
    return len(doomed)
