"""Routing decisions, pure: docket ids, text fingerprints, and where each triaged tweet goes (no Kafka)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from seva.districts import UNKNOWN, by_slug
from seva.errors import InvalidTweetError
from seva.events import Category, Complaint, IgnoredTweet, LinkedTweet, RawTweet, Relation, Urgency, utc_iso
from seva.topics import HQ_WATCH, TopicSpec, district_topic
from streams.triage import TriageResult
from streams.triage.normalize import normalize

DOCKET_PREFIX = "SV-"


def docket_id(tweet_id: str) -> str:
    """A short, stable docket number from the tweet that opened it (40 bits: no collision at UP's volume)."""
    digest = hashlib.blake2b(tweet_id.encode(), digest_size=5).digest()
    return DOCKET_PREFIX + base64.b32encode(digest).decode().rstrip("=")


def fingerprint(text: str) -> str:
    """The same complaint text, however re-posted (other mentions, links, "RT @x:", spacing), hashes alike."""
    tokens = normalize(text).tokens
    if tokens[:1] == ("rt",):
        tokens = tokens[1:]
    return hashlib.blake2b(" ".join(tokens).encode(), digest_size=12).hexdigest()


def decode_object(raw: bytes | None) -> dict[str, Any]:
    """A record value that must be one JSON object (every topic the worker reads); else an InvalidTweetError."""
    if raw is None:
        raise InvalidTweetError("empty_value", "the record has no value")
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidTweetError("malformed_json", str(exc)[:200]) from None
    if not isinstance(doc, dict):
        raise InvalidTweetError("not_an_object", f"expected a JSON object, got {type(doc).__name__}")
    return doc


def decode_tweet(raw: bytes | None) -> RawTweet:
    """A tweets.raw value back into a RawTweet; anything else is an InvalidTweetError for the DLQ."""
    doc = decode_object(raw)
    try:
        tweet = RawTweet.from_data(doc)
    except (TypeError, ValueError, KeyError) as exc:
        raise InvalidTweetError("invalid_record", f"not a RawTweet: {exc}"[:300]) from None
    if not tweet.id or not tweet.text:
        raise InvalidTweetError("invalid_record", "RawTweet without id or text")
    return tweet


# ---------------------------------------------------------------------------------- stage 1: intake


@dataclass(frozen=True)
class DocketMemory:
    """A table value: the docket a conversation (intake stage) or a text fingerprint (route stage) opened."""

    docket_id: str
    author_id: str | None
    seen_at: float  # epoch seconds, for eviction

    def to_json(self) -> dict[str, object]:
        return {"d": self.docket_id, "a": self.author_id, "t": self.seen_at}

    @classmethod
    def from_json(cls, value: dict[str, object] | None) -> DocketMemory | None:
        if not value:
            return None
        seen, author = value.get("t"), value.get("a")
        return cls(str(value["d"]), str(author) if author else None,
                   float(seen) if isinstance(seen, int | float) else 0.0)


@dataclass(frozen=True)
class Link:
    record: LinkedTweet


@dataclass(frozen=True)
class Ignore:
    record: IgnoredTweet


@dataclass(frozen=True)
class Triaged:
    complaint: Complaint


def conversation_of(tweet: RawTweet) -> str:
    return tweet.conversation_id or tweet.id


def plan_intake(
    tweet: RawTweet,
    conversation: DocketMemory | None,
    retweeted: DocketMemory | None,
    classify: Callable[[RawTweet], TriageResult],
    now: datetime,
) -> Link | Ignore | Triaged:
    """Decide what one raw tweet becomes. `classify` (the triage core) runs only for a tweet that may open a
    docket: retweets and replies attached to an existing docket need none."""
    own_docket = docket_id(tweet.id)
    if tweet.retweet_of and retweeted is not None:
        return Link(_linked(tweet, retweeted, Relation.RETWEET, now))
    conv = conversation_of(tweet)
    if conv != tweet.id and conversation is not None and conversation.docket_id != own_docket:
        return Link(_linked(tweet, conversation, Relation.REPLY, now))
    result = classify(tweet)
    if result.category is Category.NOT_COMPLAINT:
        return Ignore(IgnoredTweet(tweet=tweet, district=result.district, reasons=list(result.reasons),
                                   classified_at=utc_iso(now)))
    district = None if result.district == UNKNOWN else by_slug(result.district)
    return Triaged(Complaint(
        docket_id=docket_id(tweet.retweet_of) if tweet.retweet_of else own_docket,
        tweet=tweet,
        category=result.category.value,
        urgency=result.urgency.value,
        district=result.district,
        range=district.range if district else None,
        zone=district.zone if district else None,
        reasons=list(result.reasons),
        fingerprint=fingerprint(tweet.text),
        classified_at=utc_iso(now),
    ))


def _linked(tweet: RawTweet, state: DocketMemory, relation: Relation, now: datetime) -> LinkedTweet:
    by_complainant = state.author_id is not None and state.author_id == tweet.author_id
    return LinkedTweet(docket_id=state.docket_id, relation=relation.value, tweet=tweet,
                       by_complainant=by_complainant, linked_at=utc_iso(now))


# ----------------------------------------------------------------------------------- stage 2: route


@dataclass(frozen=True)
class Route:
    complaint: Complaint
    topics: tuple[TopicSpec, ...]


def plan_route(complaint: Complaint, known: DocketMemory | None, now: datetime,
               window_s: float) -> Link | Route:
    """A repeated text within the window attaches to the docket that text opened; anything else (including
    a redelivery of the tweet that opened the docket) is routed to its district, and P1 also to HQ watch."""
    if known is not None and known.docket_id != complaint.docket_id and now.timestamp() - known.seen_at <= window_s:
        return Link(_linked(complaint.tweet, known, Relation.DUPLICATE_TEXT, now))
    return Route(complaint, destinations(complaint))


def destinations(complaint: Complaint) -> tuple[TopicSpec, ...]:
    home = district_topic(complaint.district)
    return (home, HQ_WATCH) if complaint.urgency == Urgency.P1.value else (home,)
