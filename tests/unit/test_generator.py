"""The synthetic tweet generator: deterministic, exact counts, X API v2 shapes, and the traffic it promises."""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from producers import generator
from producers.generator import (
    CATEGORIES,
    LANGUAGES,
    MALFORMED_REASONS,
    NIGHT_RULE_CATEGORIES,
    OWN_USER_ID,
    OWN_USERNAME,
    POLICE_USER_IDS,
    GeneratedRecord,
    GeneratorConfig,
    generate,
)
from seva.districts import DISTRICT_SLUGS, UNKNOWN

CREATED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$")
TWITTER_EPOCH_MS = 1_288_834_974_657
IST_SECONDS = 19_800

Tweets = list[tuple[GeneratedRecord, dict[str, Any]]]


def tweet_of(record: GeneratedRecord) -> dict[str, Any]:
    obj = json.loads(record.raw)
    return obj["data"] if "data" in obj else obj


def epoch_seconds(created_at: str) -> int:
    return int(datetime.strptime(created_at, "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=UTC).timestamp())


def ist_hour(created_at: str) -> int:
    return (epoch_seconds(created_at) + IST_SECONDS) // 3600 % 24


def is_night(created_at: str) -> bool:
    hour = ist_hour(created_at)
    return hour >= 22 or hour < 6


@pytest.fixture(scope="module")
def stream() -> list[GeneratedRecord]:
    return list(generate(5000, GeneratorConfig(seed=11, duplicate_rate=0.04, malformed_rate=0.02, own_rate=0.01)))


@pytest.fixture(scope="module")
def tweets(stream: list[GeneratedRecord]) -> Tweets:
    return [(r, tweet_of(r)) for r in stream if r.kind == "tweet"]


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    config = GeneratorConfig(seed=3, duplicate_rate=0.05, malformed_rate=0.05, own_rate=0.02)
    first = list(generate(1500, config))
    again = list(generate(1500, config))
    assert first == again
    assert b"\n".join(r.raw for r in first) == b"\n".join(r.raw for r in again)
    other = list(generate(1500, GeneratorConfig(seed=4, duplicate_rate=0.05, malformed_rate=0.05, own_rate=0.02)))
    assert [r.raw for r in other] != [r.raw for r in first]


@pytest.mark.parametrize(
    ("count", "dup", "mal", "own"),
    [(1000, 0.1, 0.05, 0.02), (333, 0.01, 0.015, 0.0), (0, 0.5, 0.5, 0.5), (7, 0.0, 0.0, 0.0)],
)
def test_exact_counts_per_kind(count: int, dup: float, mal: float, own: float) -> None:
    records = list(generate(count, GeneratorConfig(duplicate_rate=dup, malformed_rate=mal, own_rate=own)))
    kinds = Counter(r.kind for r in records)
    assert kinds["tweet"] == count
    assert kinds["duplicate"] == round(count * dup)
    assert kinds["malformed"] == round(count * mal)
    assert kinds["own"] == round(count * own)
    assert len({r.tweet_id for r in records if r.kind == "tweet"}) == count


def test_every_tweet_is_x_api_v2_json(tweets: Tweets) -> None:
    envelopes = 0
    for record, tweet in tweets:
        obj = json.loads(record.raw)
        assert isinstance(obj, dict)
        if "data" in obj:
            envelopes += 1
            users = obj["includes"]["users"]
            assert users[0]["id"] == tweet["author_id"] and users[0]["username"] and users[0]["name"]
            assert obj["matching_rules"] and all(set(rule) == {"id", "tag"} for rule in obj["matching_rules"])
        assert tweet["id"] == record.tweet_id and tweet["id"].isdigit()
        assert tweet["text"].strip()
        assert CREATED_AT.match(tweet["created_at"])
        assert tweet["author_id"].isdigit() and tweet["conversation_id"].isdigit()
        assert tweet["lang"] in {"hi", "en", "qme", "und"}
        # The snowflake id carries the creation time, like X's.
        id_seconds = ((int(tweet["id"]) >> 22) + TWITTER_EPOCH_MS) // 1000
        assert id_seconds == epoch_seconds(tweet["created_at"])
        for mention in tweet.get("entities", {}).get("mentions", []):
            assert tweet["text"][mention["start"]:mention["end"]] == "@" + mention["username"]
        for tag in tweet.get("entities", {}).get("hashtags", []):
            assert tweet["text"][tag["start"]:tag["end"]] == "#" + tag["tag"]
        assert record.truth is not None and record.malformed_reason is None
    assert 0.7 < envelopes / len(tweets) < 0.9  # mostly envelopes, some bare tweet objects
    assert len({r.tweet_id for r, _ in tweets}) == len(tweets)


def test_ids_and_times_increase_through_the_stream(stream: list[GeneratedRecord]) -> None:
    new_ids = [int(r.tweet_id) for r in stream if r.kind in ("tweet", "own") and r.tweet_id]
    assert new_ids == sorted(new_ids) and len(set(new_ids)) == len(new_ids)


def test_mentions_are_police_handles_with_their_ids(tweets: Tweets) -> None:
    mentioned: Counter[str] = Counter()
    for _, tweet in tweets:
        for mention in tweet.get("entities", {}).get("mentions", []):
            mentioned[mention["username"].lower()] += 1
            if mention["username"].lower() in POLICE_USER_IDS:
                assert mention["id"] == POLICE_USER_IDS[mention["username"].lower()]
    assert mentioned["uppolice"] > 1000 and mentioned["dgpup"] > 100
    assert sum(n for handle, n in mentioned.items() if handle in POLICE_USER_IDS) > len(tweets)


def test_duplicates_resend_an_earlier_tweet(stream: list[GeneratedRecord]) -> None:
    seen: dict[str, dict[str, Any]] = {}
    byte_identical = reshaped = 0
    first_raw: dict[str, bytes] = {}
    for record in stream:
        if record.kind == "tweet":
            assert record.tweet_id is not None
            seen[record.tweet_id] = tweet_of(record)
            first_raw[record.tweet_id] = record.raw
        elif record.kind == "duplicate":
            assert record.tweet_id in seen, "a duplicate came before its original"
            assert tweet_of(record) == seen[record.tweet_id]
            if record.raw == first_raw[record.tweet_id]:
                byte_identical += 1
            else:
                reshaped += 1
    assert byte_identical and reshaped


def test_every_malformed_reason_is_really_malformed() -> None:
    config = GeneratorConfig(seed=5, malformed_rate=0.2, oversized_bytes=40_000)
    malformed = [r for r in generate(300, config) if r.kind == "malformed"]
    assert len(malformed) == 60
    assert {r.malformed_reason for r in malformed} == set(MALFORMED_REASONS)
    for record in malformed:
        assert record.truth is None
        reason = record.malformed_reason
        if reason == "invalid_utf8":
            with pytest.raises(UnicodeDecodeError):
                record.raw.decode("utf-8")
            continue
        text = record.raw.decode("utf-8")
        if reason == "malformed_json":
            with pytest.raises(json.JSONDecodeError):
                json.loads(text)
            continue
        obj = json.loads(text)
        if reason == "not_an_object":
            assert not isinstance(obj, dict)
            assert record.tweet_id is None
            continue
        tweet = obj["data"] if "data" in obj else obj
        if reason == "missing_id":
            assert "id" not in tweet and "text" in tweet and record.tweet_id is None
        elif reason == "missing_text":
            assert "text" not in tweet and tweet["id"] == record.tweet_id
        elif reason == "oversized":
            assert len(record.raw) > config.oversized_bytes and tweet["id"] == record.tweet_id


def test_own_records_are_authored_by_the_service(stream: list[GeneratedRecord]) -> None:
    own = [r for r in stream if r.kind == "own"]
    assert len(own) == 50
    for record in own:
        obj = json.loads(record.raw)
        tweet = obj["data"] if "data" in obj else obj
        assert tweet["author_id"] == OWN_USER_ID and record.truth is None
        if "includes" in obj:
            assert obj["includes"]["users"][0]["username"] == OWN_USERNAME


def test_all_categories_languages_and_most_districts_appear(tweets: Tweets) -> None:
    truths = [r.truth for r, _ in tweets if r.truth is not None]
    assert len(truths) == 5000
    assert {t.category for t in truths} == set(CATEGORIES)
    assert {t.language for t in truths} == set(LANGUAGES)
    assert {t.urgency for t in truths} == {"P1", "P2", "P3", "P4"}
    districts = {t.district for t in truths}
    assert districts <= DISTRICT_SLUGS | {UNKNOWN}
    assert len(districts - {UNKNOWN}) >= 60
    assert UNKNOWN in districts
    codes = Counter(tweet["lang"] for _, tweet in tweets)
    assert codes["qme"] and codes["und"]  # what X says about romanised Hindi
    scripts = Counter(r.truth.language for r, t in tweets if r.truth and re.search("[\u0900-\u097F]", t["text"]))
    assert scripts["hi"] > 1000


def test_night_traffic_and_the_night_rule(tweets: Tweets) -> None:
    hours = Counter(ist_hour(tweet["created_at"]) for _, tweet in tweets)
    assert sum(hours[h] for h in (22, 23, 0, 1, 2, 3, 4, 5)) > 200
    assert hours[19] + hours[20] > 2 * (hours[3] + hours[4])  # the evening peak, the quiet before dawn
    # Night-only situations are first tweeted at night (retweets and re-posts may come the next morning).
    firsts: dict[str, dict[str, Any]] = {}
    for _, t in tweets:
        if "referenced_tweets" not in t:
            firsts.setdefault(t["text"], t)
    door = re.compile("banging on my door|darwaza peet|दरवाज़ा पीट", re.I)
    at_the_door = [t for t in firsts.values() if door.search(t["text"])]
    assert at_the_door and all(is_night(t["created_at"]) for t in at_the_door)
    boosted = [(r.truth, is_night(t["created_at"])) for r, t in tweets
               if r.truth is not None and r.truth.category in NIGHT_RULE_CATEGORIES]
    # Every such template is P1..P3 by day, so at night none is left below P2.
    assert all(truth.urgency in ("P1", "P2") for truth, night in boosted if night)
    assert any(truth.urgency == "P3" for truth, night in boosted if not night)


def test_retweets_and_replies_reference_earlier_tweets(tweets: Tweets) -> None:
    earlier: dict[str, tuple[GeneratedRecord, dict[str, Any]]] = {}
    usernames: dict[str, str] = {}
    retweets = replies = 0
    for record, tweet in tweets:
        obj = json.loads(record.raw)
        for user in obj.get("includes", {}).get("users", []):
            usernames[user["id"]] = user["username"]
        for ref in tweet.get("referenced_tweets", []):
            assert ref["id"] in earlier, f"{ref} refers to a tweet not seen before"
            original_record, original = earlier[ref["id"]]
            assert record.truth is not None and original_record.truth is not None
            assert (record.truth.category, record.truth.district, record.truth.language) == (
                original_record.truth.category, original_record.truth.district, original_record.truth.language)
            if ref["type"] == "retweeted":
                retweets += 1
                assert tweet["author_id"] != original["author_id"]
                assert tweet["text"].startswith("RT @")
                if original["author_id"] in usernames:
                    assert tweet["text"].startswith(f"RT @{usernames[original['author_id']]}: ")
            else:
                assert ref["type"] == "replied_to"
                replies += 1
                assert tweet["author_id"] == original["author_id"]
                assert tweet["conversation_id"] == original["conversation_id"]
                assert tweet["in_reply_to_user_id"] in POLICE_USER_IDS.values()
                assert tweet["text"].startswith("@")
        earlier[tweet["id"]] = (record, tweet)
    assert retweets > 100 and replies > 100


def test_the_same_complaint_text_tweeted_again(tweets: Tweets) -> None:
    by_text: dict[tuple[str, str], list[str]] = {}
    for _, tweet in tweets:
        if "referenced_tweets" not in tweet:
            by_text.setdefault((tweet["author_id"], tweet["text"]), []).append(tweet["id"])
    assert sum(1 for ids in by_text.values() if len(ids) > 1) > 50


def test_a_surge_where_one_category_dominates(tweets: Tweets) -> None:
    categories = [r.truth.category for r, _ in tweets if r.truth is not None]
    times = [epoch_seconds(t["created_at"]) for _, t in tweets]
    overall = Counter(categories).most_common(1)[0][1] / len(categories)
    window = 100
    best_share, best_start, best_category = 0.0, 0, ""
    for start in range(0, len(categories) - window, 10):
        category, n = Counter(categories[start:start + window]).most_common(1)[0]
        if n / window > best_share:
            best_share, best_start, best_category = n / window, start, category
    assert overall < 0.3 and best_share >= 0.6
    assert best_category == "exam_leak"
    # The burst is also dense in time: far more tweets per minute than the stream's average.
    burst_span = times[best_start + window] - times[best_start]
    average_span = (times[-1] - times[0]) / len(times) * window
    assert burst_span < average_span / 3
    tags = Counter(tag["tag"] for _, t in tweets[best_start:best_start + window]
                   for tag in t.get("entities", {}).get("hashtags", []))
    assert tags["PaperLeak"] + tags["UPPoliceConstablePaperLeak"] > 20


def test_no_surge_when_disabled() -> None:
    categories = [r.truth.category for r in generate(3000, GeneratorConfig(surge=False)) if r.truth]
    assert max(Counter(categories[s:s + 100]).most_common(1)[0][1] for s in range(0, 2900, 10)) < 60


def test_every_template_slot_has_a_filler() -> None:
    filler = generator._Generator(0, GeneratorConfig())
    given = {"loc", "clock"}
    for (_, language), rows in generator._TEMPLATE_TABLE.items():
        for _, text in rows:
            for _, slot, _, _ in string.Formatter().parse(text):
                if slot and slot not in given:
                    assert isinstance(filler._slot(slot, language), str)  # raises KeyError if unknown


def test_config_is_validated() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        GeneratorConfig(start=datetime(2026, 11, 20))
    with pytest.raises(ValueError):
        GeneratorConfig(retweet_rate=0.7, reply_rate=0.5)
    with pytest.raises(ValueError):
        generate(-1)
