"""Parsing raw records into RawTweet: both X shapes, the original kept verbatim, every bad input typed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from seva.errors import InvalidTweetError
from seva.events import RawTweet
from seva.xpayload import parse_created_at, parse_tweet, utc_iso

NOW = datetime(2026, 11, 24, 20, 30, tzinfo=UTC)
TWEET = {
    "id": "1861234567890123456",
    "text": "@noidapolice मदद करो, कोई दरवाज़ा पीट रहा है, सेक्टर 62",
    "created_at": "2026-11-24T20:31:02.000Z",
    "author_id": "42",
    "conversation_id": "1861234567890123456",
    "lang": "hi",
    "entities": {"mentions": [{"start": 0, "end": 12, "username": "noidapolice", "id": "7"}],
                 "hashtags": [{"start": 1, "end": 5, "tag": "help"}]},
}
USERS = {"users": [{"id": "42", "username": "priya_s", "location": "Noida, UP", "name": "Priya"}]}


def _parse(raw: bytes, max_bytes: int = 10_000) -> RawTweet:
    return parse_tweet(raw, "replay", NOW, max_bytes)


def test_envelope_gives_author_fields_and_keeps_payload_verbatim() -> None:
    raw = json.dumps({"data": TWEET, "includes": USERS, "matching_rules": [{"id": "1", "tag": "x"}]},
                     ensure_ascii=False).encode()
    tweet = _parse(raw)
    assert tweet.id == TWEET["id"] and tweet.text == TWEET["text"]
    assert tweet.author_username == "priya_s" and tweet.author_location == "Noida, UP"
    assert tweet.mentions == ["noidapolice"] and tweet.hashtags == ["help"]
    assert tweet.payload.encode() == raw
    assert tweet.received_at == "2026-11-24T20:30:00.000Z" and tweet.source == "replay"
    assert tweet.schema_version == 1


def test_bare_tweet_object() -> None:
    tweet = _parse(json.dumps(TWEET).encode())
    assert tweet.id == TWEET["id"] and tweet.author_username is None
    assert tweet.partition_key() == TWEET["conversation_id"].encode()


def test_retweet_is_keyed_by_the_tweet_it_repeats() -> None:
    rt = {**TWEET, "id": "2", "conversation_id": "2",
          "referenced_tweets": [{"type": "retweeted", "id": TWEET["id"]}]}
    tweet = _parse(json.dumps(rt).encode())
    assert tweet.retweet_of == TWEET["id"]
    assert tweet.partition_key() == TWEET["id"].encode()


def test_numeric_id_is_accepted_as_string_and_missing_created_at_uses_receipt_time() -> None:
    doc = {k: v for k, v in TWEET.items() if k != "created_at"} | {"id": 123}
    tweet = _parse(json.dumps(doc).encode())
    assert tweet.id == "123" and tweet.created_at == utc_iso(NOW)


def test_round_trip_through_json_is_lossless() -> None:
    tweet = _parse(json.dumps({"data": TWEET, "includes": USERS}, ensure_ascii=False).encode())
    again = RawTweet.from_data(json.loads(json.dumps(tweet.asdict())))
    assert again == tweet


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"id": "1", "text": "x"', "malformed_json"),
        (b'{"id": "1", "text": "\xff\xfe"}', "invalid_utf8"),
        (b"[1, 2]", "not_an_object"),
        (b'{"text": "no id"}', "missing_id"),
        (b'{"id": "1", "text": "   "}', "missing_text"),
        (b'{"id": "1"}', "missing_text"),
        (b'{"id": "abc", "text": "x"}', "invalid_field"),
        (b'{"id": "1", "text": "x", "created_at": "yesterday"}', "invalid_field"),
        (b'{"id": "1", "text": "x", "author_id": {"a": 1}}', "invalid_field"),
        (b'{"id": "1", "text": "' + b"a" * 20_000 + b'"}', "oversized"),
    ],
)
def test_bad_records_raise_typed_reasons(raw: bytes, reason: str) -> None:
    with pytest.raises(InvalidTweetError) as err:
        _parse(raw)
    assert err.value.reason == reason


def test_created_at_offsets_become_utc() -> None:
    assert parse_created_at("2026-11-25T02:00:00+05:30") == datetime(2026, 11, 24, 20, 30, tzinfo=UTC)
    with pytest.raises(ValueError, match="timezone"):
        parse_created_at("2026-11-25T02:00:00")
