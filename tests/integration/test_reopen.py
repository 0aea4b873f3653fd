"""Reopen on the real broker: `seva worker` routes a complaint, `seva respond` disposes it, the complainant
replies in the conversation, and the worker's track_status agent emits `reopened` (only for the complainant)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

from producers.base import Source
from producers.publisher import TweetPublisher
from seva.events import StatusEvent, status_event_id
from seva.settings import ProducerSettings
from seva.topics import COMPLAINT_STATUS, COMPLAINTS_LINKED, DEAD_LETTER, TWEETS_RAW
from streams.routing import docket_id
from tests.integration.helpers import consume
from tests.integration.test_worker import Namespace, Worker, namespace, worker  # noqa: F401 (fixtures)

DAY = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=1)  # 12:30 IST


def tweet(tweet_id: str, text: str, author: str, at: datetime, reply_to: str | None = None) -> bytes:
    doc = {"id": tweet_id, "text": text, "created_at": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "author_id": author,
           "conversation_id": reply_to or tweet_id, "lang": "en",
           "entities": {"mentions": [{"start": 0, "end": 11, "username": "agrapolice"}]}}
    if reply_to:
        doc["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
    return json.dumps(doc).encode()


def publish(ns: Namespace, *raws: bytes) -> None:
    publisher = TweetPublisher(ns.settings.kafka, ProducerSettings(), topic=ns.topic(TWEETS_RAW.name),
                               dead_letter_topic=ns.topic(DEAD_LETTER.name))
    for raw in raws:
        publisher.submit(raw, Source.SYNTHETIC)
    assert publisher.close(60) == 0


def respond(ns: Namespace, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seva.cli", "respond", "--namespace", ns.prefix, "--no-metrics",
                           "--district", "agra", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ})


def test_a_complainants_reply_reopens_the_disposed_docket(namespace: Namespace, worker: Worker) -> None:  # noqa: F811
    ns = namespace
    tid = str(1_900_000_000_000_000_000 + int(uuid.uuid4().int % 10**12))
    docket = docket_id(tid)
    worker.start()
    publish(ns, tweet(tid, "@agrapolice chain snatching near Sanjay Place Agra just now, please help", "4242", DAY))
    routed = consume(ns.settings, ns.topic("complaints.agra"), f"g-{uuid.uuid4().hex[:6]}", 1, timeout=120)
    assert [m.key() for m in routed] == [docket.encode()], "the worker did not route the complaint to agra"

    done = respond(ns, "--dispose", docket, "--outcome", "action_taken", "--note", "recovered")
    assert done.returncode == 0, done.stderr
    other, mine = str(int(tid) + 1), str(int(tid) + 2)
    publish(ns, tweet(other, "@agrapolice same happened to me", "777", DAY + timedelta(hours=5), reply_to=tid),
            tweet(mine, "@agrapolice nobody came, why is it closed?", "4242", DAY + timedelta(hours=6), reply_to=tid))

    linked = consume(ns.settings, ns.topic(COMPLAINTS_LINKED.name), f"g-{uuid.uuid4().hex[:6]}", 2, timeout=60)
    assert [(json.loads(m.value())["by_complainant"]) for m in linked] == [False, True]
    events = [StatusEvent.loads(m.value()) for m in consume(
        ns.settings, ns.topic(COMPLAINT_STATUS.name), f"g-{uuid.uuid4().hex[:6]}", 3, timeout=60)]
    assert [e.kind for e in events] == ["acknowledged", "disposed", "reopened"]
    reopened = events[2]
    assert reopened.event_id == status_event_id(docket, "reopened", mine)
    assert (reopened.docket_id, reopened.district, reopened.actor) == (docket, "agra", "seva")
    assert reopened.occurred_at == (DAY + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    listed = json.loads(respond(ns, "--list", "--json").stdout)
    assert [(d["docket_id"], d["state"], d["cycle"]) for d in listed] == [(docket, "reopened", 1)]
