"""Decoding X API v2 payloads (bare tweet objects or stream envelopes) into RawTweet, or a typed reason why not."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from seva.errors import InvalidTweetError
from seva.events import RawTweet, parse_created_at, utc_iso

__all__ = ["REASONS", "parse_created_at", "parse_tweet", "utc_iso"]

# The reasons a record is dead-lettered instead of published; also the `reason` label of the metric.
REASONS = (
    "oversized", "invalid_utf8", "malformed_json", "not_an_object", "missing_id", "missing_text",
    "invalid_field",
)


def _str_or_none(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidTweetError("invalid_field", f"{field} must be a string, got {type(value).__name__}")
    return str(value)


def parse_tweet(raw: bytes, source: str, received_at: datetime, max_bytes: int) -> RawTweet:
    """Validate and decode one record: a bare X API v2 tweet object or a stream envelope {"data", "includes"}.

    Raises InvalidTweetError with one of REASONS; never alters the text (the payload is kept verbatim).
    """
    if len(raw) > max_bytes:
        raise InvalidTweetError("oversized", f"{len(raw)} bytes exceeds the limit of {max_bytes}")
    try:
        payload = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidTweetError("invalid_utf8", f"byte {exc.start}: {exc.reason}") from None
    try:
        doc = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise InvalidTweetError("malformed_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(doc, dict):
        raise InvalidTweetError("not_an_object", f"expected a JSON object, got {type(doc).__name__}")

    envelope = "data" in doc and isinstance(doc.get("data"), dict)
    tweet: dict[str, Any] = doc["data"] if envelope else doc
    includes = doc.get("includes") if envelope else None

    tweet_id = _str_or_none(tweet.get("id"), "id")
    if not tweet_id or not tweet_id.strip():
        raise InvalidTweetError("missing_id", "the tweet has no id")
    if not tweet_id.isdigit():
        raise InvalidTweetError("invalid_field", f"id {tweet_id[:40]!r} is not a numeric X id")
    text = tweet.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidTweetError("missing_text", f"tweet {tweet_id} has no text")

    received = utc_iso(received_at)
    created_raw = tweet.get("created_at")
    if created_raw is None:
        created_at = received  # X omits it only when not requested; the receipt time is the best we know
    else:
        try:
            created_at = utc_iso(parse_created_at(str(created_raw)))
        except ValueError as exc:
            raise InvalidTweetError("invalid_field", f"created_at {str(created_raw)[:40]!r}: {exc}") from None

    refs = tweet.get("referenced_tweets") or []
    if not isinstance(refs, list):
        raise InvalidTweetError("invalid_field", "referenced_tweets must be a list")
    referenced = [
        {"type": str(r.get("type", "")), "id": str(r.get("id", ""))} for r in refs if isinstance(r, dict)
    ]
    raw_entities = tweet.get("entities")
    entities: dict[str, Any] = raw_entities if isinstance(raw_entities, dict) else {}
    mentions = [str(m["username"]) for m in entities.get("mentions") or [] if isinstance(m, dict) and "username" in m]
    hashtags = [str(h["tag"]) for h in entities.get("hashtags") or [] if isinstance(h, dict) and "tag" in h]
    geo = tweet.get("geo") if isinstance(tweet.get("geo"), dict) else None

    author_id = _str_or_none(tweet.get("author_id"), "author_id")
    username = location = None
    if isinstance(includes, dict):
        for user in includes.get("users") or []:
            if isinstance(user, dict) and author_id is not None and str(user.get("id")) == author_id:
                username = _str_or_none(user.get("username"), "username")
                location = _str_or_none(user.get("location"), "location")
                break

    return RawTweet(
        id=tweet_id,
        text=text,
        created_at=created_at,
        author_id=author_id,
        conversation_id=_str_or_none(tweet.get("conversation_id"), "conversation_id"),
        in_reply_to_user_id=_str_or_none(tweet.get("in_reply_to_user_id"), "in_reply_to_user_id"),
        referenced_tweets=referenced,
        lang=_str_or_none(tweet.get("lang"), "lang"),
        mentions=mentions,
        hashtags=hashtags,
        geo=geo,
        author_username=username,
        author_location=location,
        source=str(source),
        received_at=received,
        payload=payload,
    )
