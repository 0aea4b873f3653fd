"""`seva respond` as a subprocess on the real broker: the list, each action flag, the prompt, and bad input
(one line on stderr, exit status 2). Topics live in a namespace of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition

from producers.casebook import event_id_for
from seva.events import Complaint, RawTweet, StatusEvent, StatusKind, status_event_id, utc_iso
from seva.kafka import delete_namespace, ensure_topics, producer_config
from seva.settings import Settings
from seva.topics import COMPLAINT_STATUS, CORE_TOPICS, district_topic, namespaced
from tests.integration.helpers import consume

NOW = datetime.now(UTC)


@dataclass
class Desk:
    prefix: str
    settings: Settings

    def topic(self, name: str) -> str:
        return self.prefix + name

    def respond(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "seva.cli", "respond", "--namespace", self.prefix, "--no-metrics", *args],
            capture_output=True, text=True, timeout=120, input=stdin, env={**os.environ},
        )

    def status_events(self, group: str, expected: int) -> list[StatusEvent]:
        msgs = consume(self.settings, self.topic(COMPLAINT_STATUS.name), group, expected, timeout=30)
        for m in msgs:
            assert m.key() == json.loads(m.value())["docket_id"].encode()
        return [StatusEvent.loads(m.value()) for m in msgs]


def complaint(tweet_id: str, district: str, urgency: str, age: timedelta) -> Complaint:
    created = utc_iso(NOW - age)
    tweet = RawTweet(id=tweet_id, text=f"complaint {tweet_id} in {district}", created_at=created, author_id="42",
                     conversation_id=tweet_id, in_reply_to_user_id=None, referenced_tweets=[], lang="en",
                     mentions=[], hashtags=[], geo=None, author_username="ramesh", author_location=None,
                     source="test", received_at=created, payload="{}")
    return Complaint(docket_id=f"SV-T{tweet_id}", tweet=tweet, category="theft_fraud", urgency=urgency,
                     district=district, range=None, zone=None, reasons=[f"reason {tweet_id}"], fingerprint=tweet_id,
                     classified_at=created)


LUCKNOW = [complaint("1001", "lucknow", "P3", timedelta(hours=5)), complaint("1002", "lucknow", "P1", timedelta(1)),
           complaint("1003", "lucknow", "P1", timedelta(hours=2)), complaint("1004", "lucknow", "P2", timedelta(0)),
           complaint("1005", "lucknow", "P2", timedelta(hours=3)), complaint("1006", "lucknow", "P3", timedelta(0))]
AGRA = complaint("2001", "agra", "P2", timedelta(hours=1))


@pytest.fixture(scope="module")
def desk(stack_settings: Settings) -> Iterator[Desk]:
    prefix = f"r{uuid.uuid4().hex[:8]}."
    specs = [namespaced(t, prefix) for t in CORE_TOPICS]
    ensure_topics(stack_settings.kafka, specs)
    d = Desk(prefix, stack_settings)
    producer = Producer(cast(dict[str, Any], producer_config(stack_settings.kafka)))
    for c in [*LUCKNOW, AGRA]:
        producer.produce(d.topic(district_topic(c.district).name), key=c.docket_id.encode(), value=c.dumps())
    # 1006 was disposed already (by a kcat user, say): it is not open.
    for kind in ("acknowledged", "disposed"):
        event = StatusEvent(event_id=status_event_id("SV-T1006", kind, "kcat"), docket_id="SV-T1006",
                            district="lucknow", kind=kind, actor="kcat", occurred_at=utc_iso(NOW), note="",
                            outcome="duplicate" if kind == "disposed" else None)
        producer.produce(d.topic(COMPLAINT_STATUS.name), key=b"SV-T1006", value=event.dumps())
    assert producer.flush(30) == 0
    yield d
    delete_namespace(stack_settings.kafka, prefix)


def one_line_error(done: subprocess.CompletedProcess[str], contains: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("seva: error: ") and contains in lines[0], done.stderr


def test_list_json_shows_open_complaints_p1_first_then_oldest(desk: Desk) -> None:
    done = desk.respond("--district", "lucknow", "--list", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [d["docket_id"] for d in listed] == ["SV-T1002", "SV-T1003", "SV-T1005", "SV-T1004", "SV-T1001"]
    first = listed[0]
    assert first["urgency"] == "P1" and first["state"] == "new" and first["reasons"] == ["reason 1002"]
    assert 86_000 <= first["age_s"] <= 86_400 + 600
    # The district's consumer group now records that responders have seen the whole topic.
    group = Consumer(desk.settings.kafka.librdkafka(**{"group.id": desk.prefix + "seva-responders.lucknow"}))
    [committed] = group.committed([TopicPartition(desk.topic("complaints.lucknow"), 0)], timeout=10)
    group.close()
    assert committed.offset == len(LUCKNOW)


def test_ack_assign_escalate_dispose_send_status_events_keyed_by_docket(desk: Desk) -> None:
    done = desk.respond("--district", "lucknow", "--ack", "SV-T1002")
    assert done.returncode == 0, done.stderr
    assert "SV-T1002 acknowledged" in done.stdout
    assert "dry run, not sent" in done.stdout and "डॉकेट संख्या SV-T1002" in done.stdout
    again = desk.respond("--district", "lucknow", "--ack", "sv-t1002")
    assert again.returncode == 0 and "already acknowledged; nothing sent" in again.stdout
    assert desk.respond("--district", "lucknow", "--assign", "SV-T1003", "--to", "PS Hazratganj").returncode == 0
    assert desk.respond("--district", "lucknow", "--escalate", "SV-T1003").returncode == 0
    done = desk.respond("--district", "lucknow", "--dispose", "SV-T1003", "--outcome", "fir_registered",
                        "--note", "FIR 12/26 registered")
    assert done.returncode == 0, done.stderr
    events = [e for e in desk.status_events(f"check-{uuid.uuid4().hex[:6]}", 7) if e.actor != "kcat"]
    assert [(e.docket_id, e.kind) for e in events] == [
        ("SV-T1002", "acknowledged"), ("SV-T1003", "acknowledged"), ("SV-T1003", "assigned"),
        ("SV-T1003", "escalated"), ("SV-T1003", "disposed")]
    assert events[0].event_id == event_id_for("SV-T1002", StatusKind.ACKNOWLEDGED, 0)
    assert events[0].actor == "responder.lucknow" and events[0].district == "lucknow"
    assert events[2].assignee == "PS Hazratganj" and events[3].escalated_to == "Lucknow range"
    assert (events[4].outcome, events[4].note) == ("fir_registered", "FIR 12/26 registered")
    listed = json.loads(desk.respond("--district", "lucknow", "--list", "--json").stdout)
    assert "SV-T1003" not in [d["docket_id"] for d in listed]
    assert {d["docket_id"]: d["state"] for d in listed}["SV-T1002"] == "acknowledged"
    # Disposing it again is refused.
    one_line_error(desk.respond("--district", "lucknow", "--dispose", "SV-T1003", "--outcome", "duplicate"),
                   "SV-T1003 is already disposed (fir_registered")


@pytest.mark.parametrize(("args", "contains"), [
    (("--district", "lucknow", "--dispose", "SV-T1001", "--outcome", "arrested"), "invalid outcome 'arrested'"),
    (("--district", "lucknow", "--ack", "SV-NOSUCH1"), "unknown docket SV-NOSUCH1 for district lucknow"),
    (("--district", "lucknow", "--ack", AGRA.docket_id), f"docket {AGRA.docket_id} belongs to district agra"),
    (("--district", "atlantis", "--ack", "SV-T1001"), "unknown district 'atlantis'"),
    (("--district", "lucknow", "--assign", "SV-T1001"), "--assign needs --to"),
    (("--district", "lucknow", "--ack", "SV-T1001", "--dispose", "SV-T1001"), "give one of"),
])
def test_bad_input_is_one_line_and_exit_status_2_and_sends_nothing(
    desk: Desk, args: tuple[str, ...], contains: str
) -> None:
    one_line_error(desk.respond(*args), contains)


def test_the_prompt_lists_and_acts_by_number(desk: Desk) -> None:
    done = desk.respond("--district", "lucknow", stdin="list\nack 9\ndispose 1 --outcome bogus\n"
                        "dispose 2 --outcome resolved_on_phone --note 'spoke to him'\nquit\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "error: no complaint number 9" in out and "error: invalid outcome 'bogus'" in out
    # The second open complaint at that point is SV-T1005 (P2, 3 h old) unless an earlier test acted on others.
    listed_second = [line.split()[1] for line in out.splitlines() if line.strip().startswith("2. ")][0]
    assert f"{listed_second} disposed: resolved_on_phone" in out
    events = desk.status_events(f"check-{uuid.uuid4().hex[:6]}", 9)
    assert (listed_second, "disposed", "spoke to him") in [(e.docket_id, e.kind, e.note) for e in events]
