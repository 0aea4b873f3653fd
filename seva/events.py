"""The event contract: one faust.Record per event that crosses Kafka, declared once and used by every stage.

Records serialize to plain JSON (no Faust metadata), so confluent-kafka producers, Faust agents and `kcat`
users all read the same bytes. List fields have no defaults on purpose: Faust shares a mutable default
between instances, so every constructor passes its own list.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import faust


def utc_iso(moment: datetime) -> str:
    """X's timestamp format, used for every timestamp in Seva's events: 2026-11-24T20:31:02.000Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_created_at(value: str) -> datetime:
    """Parse an X timestamp (ISO 8601 with 'Z' or an offset) into an aware UTC datetime."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("timestamp has no timezone")
    return moment.astimezone(UTC)


class Category(StrEnum):
    """What a tweet is about; exactly one per tweet (the triage specification's labels)."""

    VIOLENCE = "violence"
    WOMEN_SAFETY = "women_safety"
    EXAM_LEAK = "exam_leak"
    MISSING_PERSON = "missing_person"
    THEFT_FRAUD = "theft_fraud"
    TRAFFIC = "traffic"
    POLICE_MISCONDUCT = "police_misconduct"
    NUISANCE = "nuisance"
    OTHER_COMPLAINT = "other_complaint"
    NOT_COMPLAINT = "not_complaint"


class Urgency(StrEnum):
    """The TREC-IS priority scale: P1 critical (danger now) to P4 low (not a complaint)."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    def raised(self) -> Urgency:
        """One level more urgent (P1 stays P1; P4 is never raised: it is not a complaint)."""
        return {Urgency.P2: Urgency.P1, Urgency.P3: Urgency.P2}.get(self, self)


# Bumped when a field changes meaning or is removed; adding an optional field does not bump it.
RAW_TWEET_SCHEMA_VERSION = 1


class RawTweet(faust.Record, serializer="json", include_metadata=False):
    """A tweet exactly as a source delivered it, in the X API v2 shape, plus ingest metadata."""

    # --- the tweet (X API v2 field names) ---
    id: str
    text: str
    created_at: str  # ISO 8601 UTC as X gives it, e.g. 2026-11-24T20:31:02.000Z
    author_id: str | None
    conversation_id: str | None
    in_reply_to_user_id: str | None
    referenced_tweets: list[dict[str, str]]  # [{"type": "retweeted"|"quoted"|"replied_to", "id": "…"}]
    lang: str | None
    mentions: list[str]  # usernames from entities.mentions, without "@"
    hashtags: list[str]  # tags from entities.hashtags, without "#"
    geo: dict[str, Any] | None
    # --- from includes.users, for the author ---
    author_username: str | None
    author_location: str | None
    # --- ingest metadata ---
    source: str  # x_stream | x_poll | replay | synthetic
    received_at: str  # ISO 8601 UTC, when Seva received it
    payload: str  # the source's JSON text, unaltered (the tweet object or its envelope)
    schema_version: int = RAW_TWEET_SCHEMA_VERSION

    def referenced(self, kind: str) -> str | None:
        """The id of the tweet this one references as `kind` (retweeted, replied_to, quoted), if any."""
        return next((ref.get("id") for ref in self.referenced_tweets if ref.get("type") == kind), None)

    @property
    def retweet_of(self) -> str | None:
        return self.referenced("retweeted")

    @property
    def reply_to(self) -> str | None:
        return self.referenced("replied_to")

    def partition_key(self) -> bytes:
        """The Kafka key: the conversation, so a complaint, its retweets and the complainant's follow-up
        replies land on one partition, in order; a retweet follows the tweet it repeats."""
        return (self.retweet_of or self.conversation_id or self.id).encode()


class Complaint(faust.Record, serializer="json", include_metadata=False):
    """A triaged tweet that opened a docket: what a district's responders receive."""

    docket_id: str  # deterministic from the tweet id: redelivery gives the same docket
    tweet: RawTweet
    category: str  # Category value
    urgency: str  # Urgency value
    district: str  # a district slug or "unknown"
    range: str | None
    zone: str | None
    reasons: list[str]
    fingerprint: str  # of the normalised text: the same text again attaches to this docket
    classified_at: str  # ISO 8601 UTC
    schema_version: int = 1


class Relation(StrEnum):
    """How a tweet that opened no docket of its own relates to an existing one."""

    RETWEET = "retweet"
    DUPLICATE_TEXT = "duplicate_text"
    REPLY = "reply"


class LinkedTweet(faust.Record, serializer="json", include_metadata=False):
    """A retweet, a repeated text or a reply in a complaint's conversation, attached to that docket."""

    docket_id: str
    relation: str  # Relation value
    tweet: RawTweet
    by_complainant: bool  # the docket's own author wrote it (a follow-up; may reopen a disposed docket)
    linked_at: str
    schema_version: int = 1


class IgnoredTweet(faust.Record, serializer="json", include_metadata=False):
    """A tweet triaged as not a complaint (praise, news, greetings…): kept for audit, routed nowhere."""

    tweet: RawTweet
    district: str
    reasons: list[str]
    classified_at: str
    schema_version: int = 1


class StatusKind(StrEnum):
    """What happened to a docket after routing (complaints.status, keyed by docket id)."""

    ACKNOWLEDGED = "acknowledged"  # a responder has seen it
    ASSIGNED = "assigned"  # in process: an officer or a police station has it (assignee)
    DISPOSED = "disposed"  # closed, with an outcome
    REOPENED = "reopened"  # the complainant replied after disposal, or a responder reopened it
    ESCALATED = "escalated"  # passed up to the range or zone (escalated_to)


class Outcome(StrEnum):
    """How a docket was disposed."""

    ACTION_TAKEN = "action_taken"
    FIR_REGISTERED = "fir_registered"
    RESOLVED_ON_PHONE = "resolved_on_phone"
    NO_ACTION_NEEDED = "no_action_needed"
    DUPLICATE = "duplicate"
    TRANSFERRED = "transferred"


STATUS_EVENT_SCHEMA_VERSION = 1


def status_event_id(docket_id: str, kind: str, discriminator: str) -> str:
    """Deterministic: the same action (docket, kind, discriminator such as the responder's action time or the
    reply tweet's id) always gets the same id, so a re-sent event is stored once."""
    digest = hashlib.blake2b(f"{docket_id}|{kind}|{discriminator}".encode(), digest_size=10).hexdigest()
    return f"ST-{digest}"


class StatusEvent(faust.Record, serializer="json", include_metadata=False):
    """One step in a docket's life after routing: what responders (and Seva itself, for reopen) emit."""

    event_id: str  # status_event_id(docket_id, kind, discriminator)
    docket_id: str
    district: str  # the district slug the actor acts for (or "unknown" for HQ's triage desk)
    kind: str  # StatusKind value
    actor: str  # who did it: a responder's id, or "seva" for events Seva derives itself
    occurred_at: str  # ISO 8601 UTC (utc_iso)
    note: str
    outcome: str | None = None  # Outcome value, for disposed only
    assignee: str | None = None  # for assigned: the officer or police station
    escalated_to: str | None = None  # for escalated: the range or zone
    schema_version: int = STATUS_EVENT_SCHEMA_VERSION
