"""`seva respond --simulate`: runs producers/simulate.py over the district topics and sends what it scripts.

Reads every district topic and HQ triage's in its own consumer group, sends each complaint's status events to
complaints.status, and publishes the complainants' scripted replies to tweets.raw (through the worker they
become linked replies, which the worker's track_status agent turns into `reopened`). Returns the ground truth:
which dockets it acknowledged, assigned, escalated and disposed, and whose complainant replied.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from confluent_kafka import Consumer

from producers.base import Source
from producers.publisher import TweetPublisher
from producers.responder import OPEN_COMPLAINTS, StatusSender
from producers.simulate import ComplainantReply, ConversationReplies, SimConfig, reopened_by_earlier_reply, script_for
from seva.events import Complaint, StatusEvent, StatusKind
from seva.settings import KafkaSettings, ProducerSettings
from seva.topics import DEAD_LETTER, DISTRICT_TOPICS, HQ_TRIAGE, TWEETS_RAW, namespaced

log = logging.getLogger(__name__)

SIM_GROUP = "seva-responders.simulated"
# A reply is published this long after its docket's disposal was acknowledged by Kafka, so that the worker's
# lifecycle agent has read the disposal before the linked reply reaches it (the reply takes one more hop anyway).
REPLY_LAG_S = 2.0


@dataclass
class GroundTruth:
    """What the simulated responders did, by docket id: compare the report with it."""

    complaints: set[str] = field(default_factory=set)
    acknowledged: set[str] = field(default_factory=set)
    assigned: set[str] = field(default_factory=set)
    escalated: set[str] = field(default_factory=set)
    disposed: set[str] = field(default_factory=set)
    # The complainant replied after the disposal (in event time): expect `reopened`. The simulator's own replies,
    # and replies published before it ran (the generator's follow-ups) that are later than the scripted disposal.
    replied: set[str] = field(default_factory=set)
    replied_before: set[str] = field(default_factory=set)  # of `replied`: by a reply published before we ran
    events: int = 0
    bad_records: int = 0

    def take(self, docket_id: str, kinds: list[str]) -> None:
        self.complaints.add(docket_id)
        for kind, bucket in ((StatusKind.ACKNOWLEDGED, self.acknowledged), (StatusKind.ASSIGNED, self.assigned),
                             (StatusKind.ESCALATED, self.escalated), (StatusKind.DISPOSED, self.disposed)):
            if kind in kinds:
                bucket.add(docket_id)

    def counts(self) -> dict[str, int]:
        return {"complaints": len(self.complaints), "acknowledged": len(self.acknowledged),
                "assigned": len(self.assigned), "escalated": len(self.escalated), "disposed": len(self.disposed),
                "replied": len(self.replied), "replied_before": len(self.replied_before),
                "pending_after_reopen": len(self.complaints - self.disposed | self.replied), "events": self.events}


def run_simulation(
    kafka: KafkaSettings,
    *,
    config: SimConfig,
    duration_s: float | None = None,
    idle_s: float | None = None,
    stop: threading.Event | None = None,
    namespace: str = "",
    replies: bool = True,
    progress: Callable[[GroundTruth], None] | None = None,
    earlier_replies: ConversationReplies | None = None,
) -> GroundTruth:
    """Consume the district topics and act until `duration_s` passed, or nothing new came for `idle_s` (counted
    from the group's assignment), or `stop` is set. Re-running with the same seed re-sends identical events.
    `earlier_replies`: replies published before (producers.simulate.conversation_replies), for the ground truth."""
    topics = [namespaced(t, namespace).name for t in (*DISTRICT_TOPICS, HQ_TRIAGE)]
    consumer = Consumer(cast(dict[str, Any], kafka.librdkafka(**{
        "group.id": namespace + SIM_GROUP, "auto.offset.reset": "earliest", "enable.auto.commit": False,
        "topic.metadata.refresh.interval.ms": 5000,
    })))
    assigned_at: list[float] = []
    # The idle clock starts once the group gave us partitions (joining a group on 76 topics takes seconds).
    consumer.subscribe(topics, on_assign=lambda _c, _p: assigned_at.append(time.monotonic()))
    sender = StatusSender(kafka, namespace=namespace)
    publisher = TweetPublisher(kafka, ProducerSettings(), topic=namespaced(TWEETS_RAW, namespace).name,
                               dead_letter_topic=namespaced(DEAD_LETTER, namespace).name) if replies else None
    truth = GroundTruth()
    due: list[tuple[float, ComplainantReply, str]] = []
    t0 = last_new = time.monotonic()
    last_progress = 0.0
    try:
        while True:
            now = time.monotonic()
            if stop is not None and stop.is_set():
                break
            if duration_s is not None and now - t0 >= duration_s:
                break
            if idle_s is not None and assigned_at and now - max(last_new, assigned_at[0]) >= idle_s and not due:
                break
            batch = consumer.consume(500, timeout=0.5)
            events: list[StatusEvent] = []
            for msg in batch:
                if msg.error() is not None:
                    continue
                try:
                    complaint = Complaint.loads(msg.value() or b"")
                except Exception as exc:  # noqa: BLE001 (a bad record is counted and skipped, not fatal)
                    truth.bad_records += 1
                    log.warning("skipping unreadable complaint %s@%d: %s", msg.topic(), msg.offset(), exc)
                    continue
                if complaint.docket_id in truth.complaints:
                    continue  # redelivered: its script was sent already
                script = script_for(complaint, config)
                events.extend(script.events)
                truth.take(script.docket_id, script.kinds())
                if earlier_replies and reopened_by_earlier_reply(script, complaint, earlier_replies):
                    truth.replied.add(script.docket_id)
                    truth.replied_before.add(script.docket_id)
                if script.reply is not None and publisher is not None:
                    due.append((0.0, script.reply, script.docket_id))
                last_new = time.monotonic()
            if events:
                truth.events += sender.send(events)
            if any(msg.error() is None for msg in batch):  # only errors (a topic not there yet): nothing to commit
                consumer.commit(asynchronous=False)
            # Replies become due REPLY_LAG_S after their disposal was sent (stamped now, after the flush).
            stamped = time.monotonic()
            due = [(at or stamped + REPLY_LAG_S, reply, did) for at, reply, did in due]
            ready = [d for d in due if d[0] <= stamped]
            if ready and publisher is not None:
                for _at, reply, did in ready:
                    publisher.submit(reply.payload, Source.SYNTHETIC)
                    truth.replied.add(did)
                due = [d for d in due if d[0] > stamped]
            OPEN_COMPLAINTS.labels("all").set(len(truth.complaints - truth.disposed | truth.replied))
            if progress is not None and stamped - last_progress >= 5.0:
                last_progress = stamped
                progress(truth)
        if publisher is not None and due:
            # Stopping: send what is still waiting rather than drop it, once its lag has passed.
            time.sleep(max(0.0, max(at or 0.0 for at, _r, _d in due) - time.monotonic()))
            for _at, reply, did in due:
                publisher.submit(reply.payload, Source.SYNTHETIC)
                truth.replied.add(did)
    finally:
        consumer.close()
        sender.close()
        if publisher is not None:
            publisher.close(60)
    return truth
