"""Kafka plumbing shared by every stage: readiness, topic creation (never auto-create), client configs."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any, cast

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic

from seva.errors import KafkaAdminError
from seva.settings import KafkaSettings
from seva.topics import TopicSpec

log = logging.getLogger(__name__)

# librdkafka logs every failed connection attempt to stderr; admin probes stay quiet and report instead.
_QUIET = {"log_level": 0}


def admin_client(kafka: KafkaSettings) -> AdminClient:
    return AdminClient(cast(dict[str, Any], kafka.librdkafka(**_QUIET)))


def cluster_ready(kafka: KafkaSettings, timeout: float = 3.0) -> bool:
    """True when a broker answers a metadata request and the cluster has an active controller."""
    admin = admin_client(kafka)  # keep a reference: a collected client cancels its own futures
    try:
        cluster = admin.describe_cluster(request_timeout=timeout).result(timeout=timeout + 1)
    except Exception:  # noqa: BLE001 (any failure, timeouts included, means "not ready")
        return False
    return bool(cluster.nodes) and cluster.controller is not None


def ensure_topics(kafka: KafkaSettings, specs: Iterable[TopicSpec], timeout: float = 30.0) -> list[str]:
    """Create the topics that do not exist yet; returns the names created. Existing topics are left alone."""
    specs = list(specs)
    admin = admin_client(kafka)
    try:
        existing = set(admin.list_topics(timeout=timeout).topics)
    except KafkaException as exc:
        raise KafkaAdminError(f"cannot list topics on {kafka.bootstrap_servers}: {exc}") from exc
    wanted = [s for s in specs if s.name not in existing]
    if not wanted:
        return []
    futures = admin.create_topics(
        [NewTopic(s.name, num_partitions=s.partitions, replication_factor=s.replication, config=dict(s.config))
         for s in wanted],
        request_timeout=timeout,
    )
    created = []
    for name, fut in futures.items():
        try:
            fut.result(timeout=timeout)
            created.append(name)
        except KafkaException as exc:
            err = exc.args[0]
            if isinstance(err, KafkaError) and err.code() == KafkaError.TOPIC_ALREADY_EXISTS:
                continue  # another process created it between our list and create: fine
            raise KafkaAdminError(f"cannot create topic {name}: {err}") from exc
    if created:
        log.info("created topics: %s", ", ".join(sorted(created)))
    _wait_until_visible(kafka, admin, [s.name for s in wanted], timeout)
    return created


def _wait_until_visible(kafka: KafkaSettings, admin: AdminClient, names: list[str], timeout: float) -> None:
    """Block until every topic in `names` is in the broker's metadata with a leader for each partition.

    CreateTopics returns once the KRaft controller committed the topic; the broker's metadata cache follows a
    moment later, and a client that asks in between sees no such topic (a KeyError, or a consumer assigned to
    nothing). Callers of ensure_topics may use the topics as soon as it returns.
    """
    deadline = time.monotonic() + timeout
    pending = set(names)
    while True:
        try:
            metadata = admin.list_topics(timeout=max(1.0, deadline - time.monotonic()))
        except KafkaException as exc:
            raise KafkaAdminError(f"cannot list topics on {kafka.bootstrap_servers}: {exc}") from exc
        pending = {n for n in pending if not _has_leaders(metadata.topics.get(n))}
        if not pending:
            return
        if time.monotonic() >= deadline:
            raise KafkaAdminError(f"topics created but not visible after {timeout:.0f} s: {', '.join(sorted(pending))}")
        time.sleep(0.1)


def _has_leaders(topic: Any) -> bool:
    return topic is not None and topic.error is None and bool(topic.partitions) and all(
        p.leader >= 0 for p in topic.partitions.values())


def delete_topics(kafka: KafkaSettings, names: Iterable[str], timeout: float = 30.0) -> None:
    names = list(names)
    if not names:
        return
    admin = admin_client(kafka)
    for name, fut in admin.delete_topics(names, request_timeout=timeout).items():
        try:
            fut.result(timeout=timeout)
        except KafkaException as exc:
            err = exc.args[0]
            if isinstance(err, KafkaError) and err.code() == KafkaError.UNKNOWN_TOPIC_OR_PART:
                continue
            raise KafkaAdminError(f"cannot delete topic {name}: {err}") from exc


def delete_namespace(kafka: KafkaSettings, prefix: str, timeout: float = 30.0) -> int:
    """Delete every topic and consumer group whose name starts with `prefix` (a test's or a benchmark's
    namespace): the ones it declared, and also those Faust and its consumers made for it (table changelogs, the
    assignor's leader topic, groups). Left behind, they pile up: a development cluster had 6,550 topics after
    some weeks of test runs, and every full metadata response a client decodes grows with them. Returns the
    number of topics deleted."""
    if not prefix:
        raise ValueError("delete_namespace needs a non-empty prefix: it would delete every topic")
    admin = admin_client(kafka)
    names = [t for t in admin.list_topics(timeout=timeout).topics if t.startswith(prefix)]
    for i in range(0, len(names), 200):
        delete_topics(kafka, names[i:i + 200], timeout)
    try:
        listed = admin.list_consumer_groups(request_timeout=timeout).result(timeout=timeout + 1)
        groups = [g.group_id for g in listed.valid if g.group_id.startswith(prefix)]
        if groups:
            for fut in admin.delete_consumer_groups(groups, request_timeout=timeout).values():
                try:
                    fut.result(timeout=timeout)
                except KafkaException as exc:  # a group still in use: its members left it a moment ago
                    log.debug("could not delete consumer group: %s", exc)
    except KafkaException as exc:
        log.debug("could not list consumer groups: %s", exc)
    return len(names)


def producer_config(kafka: KafkaSettings, **extra: object) -> dict[str, object]:
    """A confluent-kafka producer configuration with Seva's durability defaults set explicitly.

    librdkafka defaults idempotence off; with it on, retries cannot duplicate or reorder within a partition.
    murmur2_random is the Java client's partitioner, which aiokafka (Faust) also uses: a key lands on the
    same partition whichever client writes it, so Faust tables stay co-partitioned with their streams.
    """
    return kafka.librdkafka(
        **{
            "enable.idempotence": True,
            "acks": "all",
            "max.in.flight.requests.per.connection": 5,
            "linger.ms": 5,
            "compression.type": "zstd",
            "partitioner": "murmur2_random",
            **extra,
        }
    )
