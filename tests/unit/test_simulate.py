"""The simulated responders: deterministic per seed and docket, realistic shares, ordered lifecycles."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta

from producers.simulate import SimConfig, conversation_replies, reopened_by_earlier_reply, script_for
from seva.events import Complaint, RawTweet, parse_created_at
from seva.xpayload import parse_tweet

START = datetime(2026, 11, 20, tzinfo=UTC)


def complaints(n: int) -> list[Complaint]:
    out = []
    for i in range(n):
        created = (START + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        tweet = RawTweet(id=str(1_000_000 + i), text="x", created_at=created, author_id=str(i), conversation_id=None,
                         in_reply_to_user_id=None, referenced_tweets=[], lang="hi", mentions=[], hashtags=[],
                         geo=None, author_username=f"u{i}", author_location=None, source="t", received_at=created,
                         payload="{}")
        out.append(Complaint(docket_id=f"SV-{i:08d}", tweet=tweet, category="violence",
                             urgency=("P1", "P2", "P3", "P3")[i % 4], district=("lucknow", "agra", "unknown")[i % 3],
                             range=None, zone=None, reasons=[], fingerprint=str(i), classified_at=created))
    return out


def test_same_seed_same_events_in_any_order_other_seed_differs() -> None:
    cs = complaints(300)
    first = [script_for(c, SimConfig(seed=3)) for c in cs]
    again = [script_for(c, SimConfig(seed=3)) for c in reversed(cs)][::-1]
    other = [script_for(c, SimConfig(seed=4)) for c in cs]
    assert [[e.dumps() for e in s.events] for s in first] == [[e.dumps() for e in s.events] for s in again]
    assert [s.kinds() for s in first] != [s.kinds() for s in other]


def test_shares_are_realistic_and_p1_is_acknowledged_within_minutes() -> None:
    scripts = [(c, script_for(c, SimConfig(seed=11))) for c in complaints(4000)]
    kinds = Counter(k for _c, s in scripts for k in set(s.kinds()))
    n = len(scripts)
    assert 0.92 <= kinds["acknowledged"] / n <= 0.98
    assert 0.80 <= kinds["disposed"] / n <= 0.90
    replies = sum(1 for _c, s in scripts if s.reply is not None)
    assert 0.01 * n <= replies <= 0.06 * n
    p1_delays = sorted((parse_created_at(s.events[0].occurred_at) - parse_created_at(c.tweet.created_at))
                       .total_seconds() for c, s in scripts if c.urgency == "P1" and s.events)
    assert p1_delays[len(p1_delays) // 2] <= 10 * 60  # median P1 acknowledgement within minutes
    p3_delays = sorted((parse_created_at(s.events[0].occurred_at) - parse_created_at(c.tweet.created_at))
                       .total_seconds() for c, s in scripts if c.urgency == "P3" and s.events)
    assert p3_delays[len(p3_delays) // 2] > p1_delays[len(p1_delays) // 2] * 10


def test_every_lifecycle_is_in_order_and_well_formed() -> None:
    order = {"acknowledged": 0, "assigned": 1, "escalated": 2, "disposed": 3}
    for c in complaints(1000):
        s = script_for(c, SimConfig(seed=5))
        ranks = [order[k] for k in s.kinds()]
        assert ranks == sorted(ranks) and (not ranks or ranks[0] == 0)
        times = [e.occurred_at for e in s.events]
        assert times == sorted(times) and all(t > c.tweet.created_at for t in times)
        assert len({e.event_id for e in s.events}) == len(s.events)
        assert all(e.docket_id == c.docket_id and e.district == c.district for e in s.events)
        if s.reply is not None:
            assert s.kinds()[-1] == "disposed"
            reply = parse_tweet(s.reply.payload, "synthetic", START, 10_000)
            assert reply.author_id == c.tweet.author_id and reply.reply_to == c.tweet.id
            assert reply.conversation_id == c.tweet.id and reply.created_at > s.events[-1].occurred_at
            assert json.loads(s.reply.payload)["id"] == s.reply.tweet_id


def test_an_earlier_published_reply_reopens_only_when_it_is_by_the_complainant_and_after_the_disposal() -> None:
    c = next(c for c in complaints(200) if "disposed" in script_for(c, SimConfig(seed=5)).kinds())
    script = script_for(c, SimConfig(seed=5))
    disposed_at = parse_created_at(script.events[-1].occurred_at)

    def reply(tid: str, author: str, at: datetime, conversation: str = c.tweet.id) -> bytes:
        return json.dumps({"data": {"id": tid, "text": "any update?", "author_id": author,
                                    "conversation_id": conversation,
                                    "created_at": at.strftime("%Y-%m-%dT%H:%M:%S.000Z")}}).encode()

    later, earlier = disposed_at + timedelta(minutes=5), disposed_at - timedelta(minutes=5)
    author = c.tweet.author_id or ""
    assert reopened_by_earlier_reply(script, c, conversation_replies([reply("9", author, later)]))
    assert not reopened_by_earlier_reply(script, c, conversation_replies([reply("9", author, earlier)]))
    assert not reopened_by_earlier_reply(script, c, conversation_replies([reply("9", "someone else", later)]))
    assert not reopened_by_earlier_reply(script, c, conversation_replies([reply("9", author, later, "other")]))
    # The complaint itself opens its conversation: it is no reply; unreadable records are skipped.
    opening = reply(c.tweet.id, author, later)
    assert not reopened_by_earlier_reply(script, c, conversation_replies([opening, b"{not json", b"[]"]))
    undisposed = next(x for x in complaints(200) if "disposed" not in script_for(x, SimConfig(seed=5)).kinds())
    assert not reopened_by_earlier_reply(script_for(undisposed, SimConfig(seed=5)), undisposed,
                                         conversation_replies([reply("9", undisposed.tweet.author_id or "", later,
                                                                     undisposed.tweet.id)]))
