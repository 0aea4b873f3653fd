"""Simulated district responders for the demo and the tests: given a complaint and a seed, which status events
it gets and when, and whether its complainant replies after the disposal. Pure and deterministic: the script of
a docket depends only on (seed, docket, complaint), never on the order complaints arrive in or on the clock.

Shares follow the seed's figures (most complaints acknowledged, P1 within minutes, about 85% disposed, a few
reopened by a complainant's reply). Times are simulated: the complaint's own created_at plus lognormal delays,
so a re-run with the same seed emits byte-identical events (the same ids: redelivery changes no count).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from producers.casebook import event_id_for
from seva.districts import DISTRICT_SLUGS, RANGES, by_slug
from seva.events import Complaint, Outcome, StatusEvent, StatusKind, parse_created_at, utc_iso


@dataclass(frozen=True)
class SimConfig:
    """The shape of simulated responder behaviour (shares are probabilities per complaint)."""

    seed: int = 7
    # P(acknowledged) by urgency: about 95% overall at the generator's urgency mix.
    ack_share: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType(
        {"P1": 0.99, "P2": 0.97, "P3": 0.94, "P4": 0.90}))
    # P(disposed | acknowledged): 0.9 x 0.95 gives about 85% of all complaints disposed.
    dispose_share: float = 0.90
    assign_share: float = 0.60  # of acknowledged
    escalate_share: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType(
        {"P1": 0.12, "P2": 0.03}))
    reply_share: float = 0.04  # of disposed: the complainant replies, which reopens the docket
    # Median delays in seconds (lognormal around them): P1 acknowledged within minutes.
    ack_median_s: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType(
        {"P1": 240.0, "P2": 1800.0, "P3": 4 * 3600.0, "P4": 8 * 3600.0}))
    dispose_median_s: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType(
        {"P1": 3 * 3600.0, "P2": 12 * 3600.0, "P3": 36 * 3600.0, "P4": 48 * 3600.0}))
    sigma: float = 0.7
    outcomes: tuple[tuple[Outcome, float], ...] = (
        (Outcome.ACTION_TAKEN, 0.45), (Outcome.RESOLVED_ON_PHONE, 0.20), (Outcome.FIR_REGISTERED, 0.12),
        (Outcome.NO_ACTION_NEEDED, 0.10), (Outcome.TRANSFERRED, 0.08), (Outcome.DUPLICATE, 0.05),
    )


@dataclass(frozen=True)
class ComplainantReply:
    """A follow-up tweet by the complainant in the complaint's conversation, after the disposal."""

    tweet_id: str
    created_at: datetime
    payload: bytes  # an X API v2 tweet object, as a source would deliver it to tweets.raw


@dataclass(frozen=True)
class Script:
    """What happens to one docket: its status events in time order, and the complainant's reply if any."""

    docket_id: str
    district: str
    events: tuple[StatusEvent, ...]
    reply: ComplainantReply | None = None

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]


POLICE_STATIONS = ("Kotwali", "Sadar", "City", "Civil Lines", "Cantt", "Mahila Thana")
FOLLOW_UPS = (
    "sir abhi tak koi karyavahi nahi hui, case band kyun kar diya?",
    "Complaint closed but nobody visited. Please reopen.",
    "श्रीमान शिकायत बिना कार्रवाई के बंद कर दी गई है, कृपया दोबारा देखें",
)


def _rng(seed: int, docket_id: str) -> random.Random:
    # Seeded per docket so that a docket's script does not depend on which complaints came before it.
    return random.Random(f"{seed}|{docket_id}")  # noqa: S311 (a simulation, not cryptography)


def _delay(rng: random.Random, median_s: float, sigma: float) -> timedelta:
    return timedelta(seconds=rng.lognormvariate(math.log(median_s), sigma))


def _pick(rng: random.Random, weighted: tuple[tuple[Outcome, float], ...]) -> Outcome:
    return rng.choices([o for o, _ in weighted], weights=[w for _, w in weighted])[0]


def reply_tweet_id(docket_id: str, seed: int) -> str:
    """A numeric X-like id for the simulated reply, deterministic and far from the generator's ids."""
    digest = hashlib.blake2b(f"sim-reply|{seed}|{docket_id}".encode(), digest_size=8).digest()
    return str(2_000_000_000_000_000_000 + int.from_bytes(digest, "big") % 10**18)


def script_for(complaint: Complaint, config: SimConfig) -> Script:
    """The simulated life of one complaint (deterministic in config.seed and the complaint)."""
    rng = _rng(config.seed, complaint.docket_id)
    did, district, urgency = complaint.docket_id, complaint.district, complaint.urgency
    actor = f"sim.{district}"
    t = parse_created_at(complaint.tweet.created_at)
    events: list[StatusEvent] = []

    def emit(kind: StatusKind, at: datetime, target: str | None = None, **fields: Any) -> None:
        events.append(StatusEvent(event_id=event_id_for(did, kind, 0, target), docket_id=did, district=district,
                                  kind=kind.value, actor=actor, occurred_at=utc_iso(at), note="simulated",
                                  **fields))

    if rng.random() >= config.ack_share.get(urgency, 0.9):
        return Script(did, district, ())
    t += _delay(rng, config.ack_median_s.get(urgency, 3600.0), config.sigma)
    emit(StatusKind.ACKNOWLEDGED, t)
    known = district in DISTRICT_SLUGS
    if rng.random() < config.assign_share:
        name = by_slug(district).name if known else "HQ"
        station = f"PS {rng.choice(POLICE_STATIONS)} {name}"
        t += timedelta(seconds=rng.uniform(30, 600))
        emit(StatusKind.ASSIGNED, t, station, assignee=station)
    if known and rng.random() < config.escalate_share.get(urgency, 0.0):
        target = f"{RANGES[by_slug(district).range]} range"
        t += timedelta(seconds=rng.uniform(60, 1800))
        emit(StatusKind.ESCALATED, t, target, escalated_to=target)
    if rng.random() >= config.dispose_share:
        return Script(did, district, tuple(events))
    t += _delay(rng, config.dispose_median_s.get(urgency, 86400.0), config.sigma)
    emit(StatusKind.DISPOSED, t, outcome=_pick(rng, config.outcomes).value)
    reply = None
    tweet = complaint.tweet
    # Only a complaint that opened its own conversation: the worker links a reply by conversation id.
    if rng.random() < config.reply_share and tweet.retweet_of is None and tweet.author_id:
        at = t + timedelta(seconds=rng.uniform(1800, 6 * 3600))
        tid = reply_tweet_id(did, config.seed)
        doc = {
            "id": tid, "text": rng.choice(FOLLOW_UPS), "created_at": utc_iso(at), "author_id": tweet.author_id,
            "conversation_id": tweet.conversation_id or tweet.id, "lang": "hi",
            "referenced_tweets": [{"type": "replied_to", "id": tweet.id}],
        }
        reply = ComplainantReply(tid, at, json.dumps(doc, ensure_ascii=False).encode())
    return Script(did, district, tuple(events), reply)


ConversationReplies = dict[str, list[tuple[str, datetime]]]  # conversation id -> (author id, created_at)


def conversation_replies(raw_tweets: list[bytes]) -> ConversationReplies:
    """The replies among tweets already published (e.g. the generator's follow-ups), by conversation: a tweet in
    a conversation it did not open. Unreadable records are skipped (the publisher dead-letters them anyway)."""
    replies: ConversationReplies = {}
    for raw in raw_tweets:
        try:
            doc = json.loads(raw)
            data = doc.get("data", doc) if isinstance(doc, dict) else None
            if not isinstance(data, dict):
                continue
            conv, tid, author = data.get("conversation_id"), data.get("id"), data.get("author_id")
            if conv and tid and author and str(conv) != str(tid):
                replies.setdefault(str(conv), []).append((str(author), parse_created_at(str(data["created_at"]))))
        except (ValueError, KeyError, TypeError):
            continue
    return replies


def reopened_by_earlier_reply(script: Script, complaint: Complaint, replies: ConversationReplies) -> bool:
    """Whether a reply already published reopens this docket: one by the complainant, in the complaint's
    conversation, written after the scripted disposal (event time decides, not the order Kafka delivers in)."""
    disposals = [e for e in script.events if e.kind == StatusKind.DISPOSED]
    if not disposals or not replies:
        return False
    disposed_at = parse_created_at(disposals[-1].occurred_at)
    tweet = complaint.tweet
    return any(author == tweet.author_id and at > disposed_at
               for author, at in replies.get(tweet.conversation_id or tweet.id, ()))
