"""The triage worker on the real broker: routing to district topics, P1s to HQ watch, bad records to the DLQ,
and a `kill -9` in the middle of a run loses no tweet."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from confluent_kafka import Consumer, Message, Producer

from producers.base import Source
from producers.generator import OWN_USER_ID, GeneratorConfig, generate
from producers.publisher import TweetPublisher
from seva.kafka import delete_namespace, ensure_topics, producer_config
from seva.settings import ProducerSettings, Settings
from seva.topics import (
    COMPLAINTS_LINKED,
    CORE_TOPICS,
    DEAD_LETTER,
    DISTRICT_TOPIC_PREFIX,
    HQ_TRIAGE,
    HQ_WATCH,
    TWEETS_IGNORED,
    TWEETS_RAW,
    TWEETS_TRIAGED,
    namespaced,
)
from streams.routing import docket_id
from streams.watchdog import EXIT_STALLED


@dataclass
class Namespace:
    prefix: str
    settings: Settings

    def topic(self, name: str) -> str:
        return self.prefix + name


@pytest.fixture
def namespace(stack_settings: Settings) -> Iterator[Namespace]:
    prefix = f"t{uuid.uuid4().hex[:8]}."
    specs = [namespaced(t, prefix) for t in CORE_TOPICS]
    ensure_topics(stack_settings.kafka, specs)
    yield Namespace(prefix, stack_settings)
    delete_namespace(stack_settings.kafka, prefix)


class Worker:
    """`seva worker` as its own process, in a topic namespace."""

    def __init__(self, ns: Namespace, port: int) -> None:
        self.ns, self.port = ns, port
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0  # by supervise()
        # A file, not a pipe nobody reads while the worker runs: every start appends, and the whole account of
        # holds, seeks, rebalances and recovery is there to read after a failure.
        self.log_path = ns.settings.stack.state_dir / "logs" / f"{ns.prefix}test-worker.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "seva.cli", "worker", "--namespace", self.ns.prefix, "--loglevel", "INFO"],
                env={**os.environ, "SEVA_METRICS__WORKER_PORT": str(self.port)},
                stdout=log, stderr=subprocess.STDOUT,
            )

    def supervise(self) -> bool:
        """What deploy/systemd/seva-worker.service does: start the worker again when it stopped itself for a
        restart (EXIT_STALLED, streams/watchdog.py). Always False, to be or-ed into a read_until condition."""
        if self.proc is not None and self.proc.poll() == EXIT_STALLED:
            self.restarts += 1
            self.start()
        return False

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> str:
        if self.proc is None:
            return ""
        note = ""
        if self.proc.poll() is None:
            self.proc.terminate()
        else:
            note = f"\nthe worker had already exited with code {self.proc.returncode}"
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            note = "\nthe worker ignored SIGTERM for 60 s and was killed"
            self.proc.kill()
            self.proc.wait()
        return self.log_path.read_text(errors="replace")[-4000:] + note


@pytest.fixture
def worker(namespace: Namespace, free_port: int) -> Iterator[Worker]:
    w = Worker(namespace, free_port)
    yield w
    log = w.stop()
    # On failure pytest shows this: the worker's own account of holds, seeks, rebalances and recovery.
    print(f"worker log: {w.log_path}; restarted by supervise(): {w.restarts}")
    print("\n".join(line for line in log.splitlines()
                    if any(k in line for k in ("hold", "resuming", "Seek", "assign", "Recovery", "WARN", "ERROR",
                                               "STALLED", "transit", "the worker"))))


def publish(ns: Namespace, raws: list[bytes]) -> TweetPublisher:
    publisher = TweetPublisher(
        ns.settings.kafka, ProducerSettings(own_user_ids=[OWN_USER_ID]),
        topic=ns.topic(TWEETS_RAW.name), dead_letter_topic=ns.topic(DEAD_LETTER.name),
    )
    for raw in raws:
        publisher.submit(raw, Source.SYNTHETIC)
    assert publisher.close(60) == 0
    return publisher


class Outputs:
    """Everything the worker wrote in a namespace, read from the beginning."""

    def __init__(self, ns: Namespace, also: str = "") -> None:
        self.ns = ns
        self.consumer = Consumer(ns.settings.kafka.librdkafka(**{
            "group.id": f"reader-{uuid.uuid4().hex[:8]}", "auto.offset.reset": "earliest",
            "enable.auto.commit": False, "topic.metadata.refresh.interval.ms": 1000,
        }))
        outputs = f"(complaints[.].*|tweets[.]ignored|seva[.]deadletter{also})"
        self.consumer.subscribe([f"^{ns.prefix.replace('.', '[.]')}{outputs}$"])
        self.messages: list[Message] = []

    def read_until(self, done: Callable[[Outputs], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(self):
            for msg in self.consumer.consume(1000, timeout=0.5):
                if msg.error() is None:
                    self.messages.append(msg)

    def on(self, name: str) -> list[Message]:
        return [m for m in self.messages if m.topic() == self.ns.topic(name)]

    def districts(self) -> list[Message]:
        prefix = self.ns.topic(DISTRICT_TOPIC_PREFIX)
        special = {self.ns.topic(t.name) for t in (HQ_WATCH, COMPLAINTS_LINKED)}
        return [m for m in self.messages
                if m.topic().startswith(prefix) and m.topic() not in special and ".status" not in m.topic()]

    def p1_dockets(self) -> set[str]:
        return {c["docket_id"] for c in map(lambda m: json.loads(m.value()), self.districts()) if c["urgency"] == "P1"}

    def watched_dockets(self) -> set[str]:
        return {json.loads(m.value())["docket_id"] for m in self.on(HQ_WATCH.name)}

    def tweet_ids(self) -> set[str]:
        """Every tweet id the worker accounted for, whichever way it went."""
        ids = set()
        for m in self.messages:
            if m.topic() in (self.ns.topic(DEAD_LETTER.name), self.ns.topic(TWEETS_TRIAGED.name)):
                continue
            ids.add(json.loads(m.value())["tweet"]["id"])
        return ids

    def close(self) -> None:
        self.consumer.close()


def test_generated_tweets_are_routed_one_record_per_docket(namespace: Namespace, worker: Worker) -> None:
    records = list(generate(1500, GeneratorConfig(seed=21, duplicate_rate=0.02, malformed_rate=0.01)))
    tweets = [r for r in records if r.kind == "tweet"]
    worker.start()
    publish(namespace, [r.raw for r in records])
    # Garbage that bypassed the producer's checks still must not crash the worker.
    garbage = Producer(producer_config(namespace.settings.kafka))
    for value in (b"{not json", b'{"id": "1"}', b"[]"):
        garbage.produce(namespace.topic(TWEETS_RAW.name), key=b"g", value=value)
    assert garbage.flush(30) == 0

    out = Outputs(namespace)
    try:
        out.read_until(lambda o: len(o.tweet_ids()) >= len(tweets) and len(o.on(DEAD_LETTER.name)) >= 3 + 15
                       and o.p1_dockets() <= o.watched_dockets(), timeout=180)
    finally:
        out.close()

    assert out.tweet_ids() == {r.tweet_id for r in tweets}
    district_msgs = out.districts()
    dockets = Counter(json.loads(m.value())["docket_id"] for m in district_msgs)
    assert dockets and max(dockets.values()) == 1, "a docket was routed twice"
    for m in district_msgs:
        complaint = json.loads(m.value())
        expected = HQ_TRIAGE.name if complaint["district"] == "unknown" else "complaints." + complaint["district"]
        assert m.topic() == namespace.topic(expected)
        assert m.key() == complaint["docket_id"].encode()
        assert complaint["docket_id"] in (docket_id(complaint["tweet"]["id"]),
                                          docket_id(complaint["tweet"]["referenced_tweets"][0]["id"])
                                          if complaint["tweet"]["referenced_tweets"] else None)
    assert out.p1_dockets() and out.watched_dockets() == out.p1_dockets()
    assert {json.loads(m.value())["tweet"]["id"] for m in out.on(TWEETS_IGNORED.name)}
    reasons = Counter(dict(m.headers())["seva.error.stage"] for m in out.on(DEAD_LETTER.name))
    assert reasons == {b"triage": 3, b"producer": 15}


def test_kill_9_of_the_worker_mid_run_loses_no_tweet(namespace: Namespace, worker: Worker) -> None:
    records = [r for r in generate(3000, GeneratorConfig(seed=33)) if r.kind == "tweet"]
    publish(namespace, [r.raw for r in records])
    worker.start()
    out = Outputs(namespace)
    try:
        out.read_until(lambda o: len(o.tweet_ids()) >= 300, timeout=120)
        seen_before = len(out.tweet_ids())
        assert 0 < seen_before < len(records), "the worker finished before it could be killed"
        worker.kill9()
        worker.start()
        out.read_until(lambda o: worker.supervise() or len(o.tweet_ids()) >= len(records), timeout=300)
    finally:
        out.close()
    assert out.tweet_ids() == {r.tweet_id for r in records}
    # Redelivery after the crash may repeat a record, but never opens a second docket for one tweet.
    by_docket: dict[str, set[str]] = {}
    for m in out.districts():
        c = json.loads(m.value())
        by_docket.setdefault(c["docket_id"], set()).add(c["tweet"]["id"])
    assert all(len(ids) == 1 for ids in by_docket.values())


def test_tweets_published_while_a_restarted_worker_starts_are_all_routed(
    namespace: Namespace, worker: Worker
) -> None:
    """Regression: Faust resumed stream partitions before seeking them (faust-streaming#596) and dropped the
    first records published while a worker with committed offsets was starting."""
    first = [r for r in generate(600, GeneratorConfig(seed=41)) if r.kind == "tweet"]
    second = [r for r in generate(600, GeneratorConfig(seed=42)) if r.kind == "tweet"]
    worker.start()
    publish(namespace, [r.raw for r in first])
    out = Outputs(namespace)
    try:
        out.read_until(lambda o: len(o.tweet_ids()) >= len(first), timeout=120)
        assert out.tweet_ids() == {r.tweet_id for r in first}
        worker.stop()
        worker.start()
        publish(namespace, [r.raw for r in second])  # while the worker joins, recovers and seeks
        expected = {r.tweet_id for r in first + second}
        out.read_until(lambda o: worker.supervise() or o.tweet_ids() >= expected, timeout=240)
    finally:
        out.close()
    missing = expected - out.tweet_ids()
    assert not missing, (f"{len(missing)} not routed: {len(missing & {r.tweet_id for r in first})} of the first "
                         f"batch, {len(missing & {r.tweet_id for r in second})} of the second")


def test_routing_keeps_pace_with_triage_under_a_backlog(namespace: Namespace, worker: Worker) -> None:
    """Regression: with a backlog on tweets.raw, the Kafka client handed the worker its whole backlog before the
    worker's own tweets.triaged records, so no complaint reached a district until every queued tweet was
    triaged (15 s for 15,000 queued tweets). Now the two hops take turns: the first complaint is routed early in
    the backlog (within a quarter of the time triage takes), not after it."""
    records = [r for r in generate(3000, GeneratorConfig(seed=51)) if r.kind == "tweet"]
    publish(namespace, [r.raw for r in records])  # the backlog is there before the worker starts
    worker.start()
    out = Outputs(namespace, also="|tweets[.]triaged")
    try:
        out.read_until(lambda o: worker.supervise() or len(o.tweet_ids()) >= len(records), timeout=240)
    finally:
        out.close()
    assert out.tweet_ids() == {r.tweet_id for r in records}
    # Broker timestamps, stamped by the worker's producer as it sent each record: tweets.triaged by the triage
    # hop, the district topics by the routing hop.
    triaged_at = {json.loads(m.value())["docket_id"]: m.timestamp()[1] for m in out.on(TWEETS_TRIAGED.name)}
    routed_at = {json.loads(m.value())["docket_id"]: m.timestamp()[1] for m in out.districts()}
    start, end = min(triaged_at.values()), max(triaged_at.values())
    first_routed = min(routed_at.values())
    waits = sorted(routed_at[d] - triaged_at[d] for d in routed_at if d in triaged_at)
    assert len(waits) > 1000
    assert first_routed - start < 0.25 * (end - start), (
        f"the first complaint was routed {first_routed - start} ms after triage began, which took {end - start} "
        f"ms in all (median wait between the hops: {waits[len(waits) // 2]} ms)")
