"""`seva respond`: a district responder's tool. Thin Kafka and X I/O around the pure book in producers/casebook.py.

How it reads: the district's topic and complaints.status are read *from the beginning* by partition assignment,
in the district's consumer group (`seva-responders.<slug>`), and the group's offset on the district topic is
committed up to what was listed ("seen by a responder"; its lag is what no responder has looked at yet, and a
kcat user in the same group starts after it). Why not subscribe: the book must hold every open complaint,
including ones listed yesterday, and several responders of one district work at once; a subscribing member of
a group on a one-partition topic would leave every other responder with an empty list.

How it writes: status events to complaints.status keyed by docket id (idempotent producer, acks=all, flushed
before the command reports success), with the deterministic ids of casebook.event_id_for.
"""

from __future__ import annotations

import logging
import shlex
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition
from prometheus_client import Counter, Gauge

from producers.casebook import (
    Action,
    Casebook,
    Docket,
    Plan,
    acknowledgement_reply,
    check_district,
)
from seva.districts import DISTRICT_SLUGS, RANGES, by_slug
from seva.errors import ConfigError, InvalidActionError, PublishError, ReplyError, SevaError
from seva.events import Complaint, StatusEvent, StatusKind
from seva.kafka import producer_config
from seva.settings import KafkaSettings, XSettings
from seva.topics import COMPLAINT_STATUS, HQ_TRIAGE, district_topic, namespaced

log = logging.getLogger(__name__)

EVENTS_EMITTED = Counter("seva_responder_events_emitted_total", "Status events a responder process sent",
                         ["district", "kind"])
OPEN_COMPLAINTS = Gauge("seva_responder_open_complaints", "Open complaints in a responder's book", ["district"])

GROUP_PREFIX = "seva-responders."


def responder_group(slug: str, namespace: str = "") -> str:
    return f"{namespace}{GROUP_PREFIX}{slug}"


def default_escalation(slug: str) -> str:
    """Where a district escalates by default: its range (IG/DIG)."""
    return f"{RANGES[by_slug(slug).range]} range"


# --------------------------------------------------------------------------------------------- Kafka I/O


class BookReader:
    """Reads a district's topic and complaints.status into a Casebook, from the beginning, then follows them."""

    def __init__(self, kafka: KafkaSettings, book: Casebook, *, namespace: str = "") -> None:
        self.book = book
        self.district_topic = namespaced(district_topic(book.district), namespace).name
        self.status_topic = namespaced(COMPLAINT_STATUS, namespace).name
        self.consumer = Consumer(cast(dict[str, Any], kafka.librdkafka(**{
            "group.id": responder_group(book.district, namespace),
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "enable.partition.eof": False,
        })))
        metadata = self.consumer.list_topics(timeout=10)
        missing = [t for t in (self.district_topic, self.status_topic) if t not in metadata.topics]
        if missing:
            raise ConfigError(f"topic {missing[0]} does not exist on {kafka.bootstrap_servers} (run `seva up`)")
        self.partitions = [TopicPartition(self.district_topic, p, OFFSET_BEGINNING)
                           for p in metadata.topics[self.district_topic].partitions]
        self.partitions += [TopicPartition(self.status_topic, p, OFFSET_BEGINNING)
                            for p in metadata.topics[self.status_topic].partitions]
        self.consumer.assign(self.partitions)
        self.bad_records = 0

    def catch_up(self, timeout: float = 30.0) -> None:
        """Read until every partition reached the end it had when this call began."""
        ends = {}
        for tp in self.partitions:
            _low, high = self.consumer.get_watermark_offsets(TopicPartition(tp.topic, tp.partition), timeout=10)
            ends[(tp.topic, tp.partition)] = high
        positions: dict[tuple[str, int], int] = {}
        deadline = time.monotonic() + timeout

        def behind() -> bool:
            return any(positions.get(k, 0) < high for k, high in ends.items() if high > 0)

        while behind():
            if time.monotonic() > deadline:
                raise SevaError(f"could not read {self.district_topic} and {self.status_topic} to their end within "
                                f"{timeout:.0f}s")
            for msg in self.consumer.consume(1000, timeout=0.5):
                if msg.error() is None:
                    self._take(msg)
                    positions[(str(msg.topic()), int(msg.partition() or 0))] = int(msg.offset() or 0) + 1

    def poll(self, timeout: float = 0.2) -> int:
        """Take whatever arrived since; returns the number of records read."""
        n = 0
        for msg in self.consumer.consume(1000, timeout=timeout):
            if msg.error() is None:
                self._take(msg)
                n += 1
        return n

    def _take(self, msg: Message) -> None:
        value = msg.value() or b""
        try:
            if msg.topic() == self.district_topic:
                self.book.add_complaint(Complaint.loads(value))
            else:
                event = StatusEvent.loads(value)
                StatusKind(event.kind)
                self.book.apply(event)
        except Exception as exc:  # noqa: BLE001 (one bad record must not hide the rest of the book)
            self.bad_records += 1
            log.warning("skipping unreadable record %s[%d]@%d: %s", msg.topic(), msg.partition(), msg.offset(), exc)

    def commit_seen(self) -> None:
        """Record in the district's group that responders have listed the district topic up to here."""
        try:
            positions = [tp for tp in self.consumer.position(
                [TopicPartition(t.topic, t.partition) for t in self.partitions if t.topic == self.district_topic])
                if tp.offset >= 0]
            if positions:
                self.consumer.commit(offsets=positions, asynchronous=False)
        except KafkaException as exc:
            # E.g. a kcat consumer is a live member of the group: its offsets are its own business.
            log.info("could not commit the seen offset for group %s: %s", responder_group(self.book.district), exc)

    def close(self) -> None:
        self.consumer.close()


class StatusSender:
    """Sends status events to complaints.status, keyed by docket id; `send` returns once Kafka has them all."""

    def __init__(self, kafka: KafkaSettings, *, namespace: str = "") -> None:
        self.topic = namespaced(COMPLAINT_STATUS, namespace).name
        self._producer = Producer(cast(dict[str, Any], producer_config(kafka)))
        self._failed: list[str] = []

    def _delivered(self, err: KafkaError | None, _msg: Message) -> None:
        if err is not None:
            self._failed.append(str(err))

    def send(self, events: Iterable[StatusEvent], timeout: float = 30.0) -> int:
        events = list(events)
        for event in events:
            self._producer.produce(self.topic, key=event.docket_id.encode(), value=event.dumps(),
                                   on_delivery=self._delivered)
            self._producer.poll(0)
        left = self._producer.flush(timeout)
        if left or self._failed:
            failed, self._failed = self._failed, []
            raise PublishError(f"{left or len(failed)} status event(s) not acknowledged by Kafka"
                               + (f": {failed[0]}" if failed else f" within {timeout:.0f}s"))
        for event in events:
            EVENTS_EMITTED.labels(event.district, event.kind).inc()
        return len(events)

    def close(self) -> None:
        self._producer.flush(10)


def locate_docket(kafka: KafkaSettings, docket_id: str, *, namespace: str = "", timeout: float = 30.0) -> str | None:
    """The district whose topic holds this docket (HQ triage's is "unknown"), by scanning their keys; only used to
    explain an unknown docket, so the cost (one read of every district topic) is paid on that error path."""
    topics = {namespaced(district_topic(s), namespace).name: s for s in DISTRICT_SLUGS}
    topics[namespaced(HQ_TRIAGE, namespace).name] = "unknown"
    consumer = Consumer(cast(dict[str, Any], kafka.librdkafka(**{
        "group.id": f"{namespace}seva-locate", "enable.auto.commit": False})))
    try:
        existing = consumer.list_topics(timeout=10).topics
        ends: dict[tuple[str, int], int] = {}
        for name in topics:
            for partition in (existing[name].partitions if name in existing else ()):
                _low, high = consumer.get_watermark_offsets(TopicPartition(name, partition), timeout=10)
                if high > 0:
                    ends[(name, partition)] = high
        if not ends:
            return None
        consumer.assign([TopicPartition(t, p, OFFSET_BEGINNING) for t, p in ends])
        key = docket_id.encode()
        deadline = time.monotonic() + timeout
        while ends and time.monotonic() < deadline:
            for msg in consumer.consume(5000, timeout=0.5):
                if msg.error() is not None:
                    continue
                if msg.key() == key:
                    return topics[msg.topic()]  # type: ignore[index]
                where = (msg.topic(), msg.partition())
                if where in ends and msg.offset() + 1 >= ends[where]:  # type: ignore[operator]
                    del ends[where]
        return None
    finally:
        consumer.close()


# ------------------------------------------------------------------------------------------- the reply


class Replier:
    """Replies to the complainant on X when a docket is acknowledged. Off by default: a dry run that only
    returns the text. Posting needs an OAuth 2.0 user-context token with tweet.write (an app-only bearer token
    cannot post)."""

    def __init__(self, x: XSettings, *, send: bool, api_base: str | None = None) -> None:
        self.send = send
        self.client: Any = None
        if send:
            if x.reply_token is None:
                raise ConfigError("replying needs SEVA_X__REPLY_TOKEN (an OAuth 2.0 user access token with "
                                  "tweet.write); without --reply the reply is only printed")
            import tweepy

            from producers.x_http import route_client

            self.client = tweepy.Client(bearer_token=x.reply_token.get_secret_value())
            route_client(self.client, api_base)

    def reply(self, docket: Docket) -> str:
        """Post (or, dry run, only word) the acknowledgement; returns what to tell the responder."""
        district = by_slug(docket.complaint.district) if docket.complaint.district in DISTRICT_SLUGS else None
        text = acknowledgement_reply(docket.docket_id, district)
        tweet_id = docket.complaint.tweet.id
        if not self.send:
            return f"reply to tweet {tweet_id} (dry run, not sent; --reply sends it): {text}"
        import tweepy

        try:
            response = self.client.create_tweet(text=text, in_reply_to_tweet_id=tweet_id, user_auth=False)
        except tweepy.TweepyException as exc:
            raise ReplyError(f"{docket.docket_id} was acknowledged, but the reply to tweet {tweet_id} failed: "
                             f"{exc}") from exc
        return f"replied to tweet {tweet_id} with tweet {response.data['id']}: {text}"


# ------------------------------------------------------------------------------------------ the responder


@dataclass
class ActionResult:
    """What one action did: the events sent and the lines to show."""

    events: tuple[StatusEvent, ...]
    lines: list[str] = field(default_factory=list)


class Responder:
    """One responder's session on one district: the book, kept current from Kafka, and the actions on it."""

    def __init__(self, kafka: KafkaSettings, district: str, *, actor: str, replier: Replier,
                 namespace: str = "", clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.kafka, self.namespace, self.clock = kafka, namespace, clock
        self.district = check_district(district)
        self.actor = actor
        self.replier = replier
        self.book = Casebook(district)
        self.reader = BookReader(kafka, self.book, namespace=namespace)
        self.sender = StatusSender(kafka, namespace=namespace)

    def load(self, timeout: float = 30.0) -> None:
        self.reader.catch_up(timeout)
        self.reader.commit_seen()
        self._gauge()

    def refresh(self) -> None:
        if self.reader.poll(0.2):
            self.reader.commit_seen()
        self._gauge()

    def _gauge(self) -> None:
        OPEN_COMPLAINTS.labels(self.district).set(len(self.book.open_dockets()))

    def act(self, action: Action, docket_id: str, *, note: str = "", to: str | None = None,
            outcome: str | None = None) -> ActionResult:
        docket_id = docket_id.strip().upper()
        if self.book.get(docket_id) is None:
            home = locate_docket(self.kafka, docket_id, namespace=self.namespace)
            if home is not None and home != self.district:
                raise InvalidActionError(f"docket {docket_id} belongs to district {home}, not {self.district}")
            raise InvalidActionError(f"unknown docket {docket_id} for district {self.district}")
        if action is Action.ESCALATE and not to:
            to = default_escalation(self.district)
        plan: Plan = self.book.plan(action, docket_id, actor=self.actor, now=self.clock(), note=note,
                                    assignee=to if action is Action.ASSIGN else None,
                                    escalated_to=to if action is Action.ESCALATE else None, outcome=outcome)
        result = ActionResult(plan.events, [plan.message])
        if not plan.events:
            return result
        self.sender.send(plan.events)
        self.book.record(plan.events)
        self._gauge()
        if any(e.kind == StatusKind.ACKNOWLEDGED for e in plan.events):
            docket = self.book.get(docket_id)
            assert docket is not None
            result.lines.append(self.replier.reply(docket))
        return result

    def close(self) -> None:
        self.reader.close()
        self.sender.close()


# ------------------------------------------------------------------------------------ the terminal mode

HELP = """commands (N is a number from the list, or a docket id):
  list                                   the open complaints, P1 first, oldest first
  ack N                                  acknowledge (and reply to the complainant: dry run unless --reply)
  assign N --to "PS Hazratganj"          assign to an officer or police station
  dispose N --outcome O [--note "…"]     O: action_taken fir_registered resolved_on_phone no_action_needed
                                         duplicate transferred
  escalate N [--to "Lucknow range"]      escalate (default: the district's range)
  refresh | help | quit"""


@dataclass(frozen=True)
class Command:
    """One line typed at the prompt."""

    verb: str  # list, ack, assign, dispose, escalate, refresh, help, quit
    target: str | None = None
    options: dict[str, str] = field(default_factory=dict)


VERBS = {"list": "list", "l": "list", "ls": "list", "ack": "ack", "a": "ack", "assign": "assign",
         "dispose": "dispose", "d": "dispose", "escalate": "escalate", "e": "escalate", "refresh": "refresh",
         "r": "refresh", "help": "help", "?": "help", "h": "help", "quit": "quit", "q": "quit", "exit": "quit"}
OPTIONS = ("--to", "--outcome", "--note")


def parse_command(line: str) -> Command | None:
    """Parse a prompt line; None for an empty line. Raises InvalidActionError with a one-line reason."""
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise InvalidActionError(f"cannot read that line: {exc}") from None
    if not words:
        return None
    verb = VERBS.get(words[0].lower())
    if verb is None:
        raise InvalidActionError(f"unknown command {words[0]!r} (type help)")
    rest = words[1:]
    target = rest.pop(0) if rest and not rest[0].startswith("--") else None
    options: dict[str, str] = {}
    free: list[str] = []
    while rest:
        word = rest.pop(0)
        if word in OPTIONS:
            if not rest:
                raise InvalidActionError(f"{word} needs a value")
            options[word[2:]] = rest.pop(0)
        elif word.startswith("--"):
            raise InvalidActionError(f"unknown option {word} (type help)")
        else:
            free.append(word)
    if free and verb == "assign" and "to" not in options:
        options["to"] = " ".join(free)  # `assign 3 PS Hazratganj` reads naturally too
    elif free:
        raise InvalidActionError(f"unexpected {' '.join(free)!r} (type help)")
    if verb in ("ack", "assign", "dispose", "escalate") and target is None:
        raise InvalidActionError(f"{verb} needs a complaint: a number from the list or a docket id")
    return Command(verb, target, options)


def resolve_target(target: str, listed: list[Docket]) -> str:
    """A listing number (as last shown) or a docket id, to a docket id."""
    if target.isdigit():
        n = int(target)
        if not 1 <= n <= len(listed):
            raise InvalidActionError(f"no complaint number {n} in the last list (1-{len(listed)}); type list")
        return listed[n - 1].docket_id
    return target


def run_interactive(responder: Responder, read: Callable[[str], str], write: Callable[[str], None],
                    render: Callable[[list[Docket], datetime], str]) -> None:
    """The prompt loop: list, ack N, assign N --to X, dispose N --outcome O --note …, escalate N, quit."""
    listed = responder.book.open_dockets()
    write(render(listed, responder.clock()))
    write("type help for the commands, quit to leave")
    while True:
        try:
            line = read(f"{responder.district}> ")
        except EOFError:
            return
        try:
            command = parse_command(line)
            if command is None:
                continue
            responder.refresh()
            if command.verb == "quit":
                return
            if command.verb == "help":
                write(HELP)
            elif command.verb in ("list", "refresh"):
                listed = responder.book.open_dockets()
                write(render(listed, responder.clock()))
            else:
                assert command.target is not None
                docket_id = resolve_target(command.target, listed)
                done = responder.act(Action(command.verb), docket_id, note=command.options.get("note", ""),
                                     to=command.options.get("to"), outcome=command.options.get("outcome"))
                for out in done.lines:
                    write(out)
        except SevaError as exc:  # a bad command or a failed send: say so and keep the session
            write(f"error: {exc}")
