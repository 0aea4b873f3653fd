"""The X sources (filtered stream, mentions/search poll) against the fake X API over real HTTP, without Kafka."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from producers.base import Source
from producers.x_poll import PollQuery, XPoller, run_poller
from producers.x_stream import (
    EXPANSIONS,
    TWEET_FIELDS,
    USER_FIELDS,
    ReconnectBackoff,
    XStream,
    mention_queries,
    run_stream,
    wanted_rules,
)
from seva.districts import all_handles
from seva.errors import ConfigError, PublishError, SourceError
from seva.settings import XSettings
from tests.fakes.x_api import DEFAULT_TOKEN, FakeXApi, StreamConnection

COMPLAINTS = [
    "मेरी बाइक चोरी हो गई है, हजरतगंज थाना क्षेत्र, कृपया मदद करें",
    "Chain snatching near Charbagh station just now, please send PRV",
    "bhai 2 ghante se PRV nahi aayi, Gomti Nagar sector 14 mein jhagda ho raha hai",
    "A woman alone at the bus stand in Kanpur at 2 a.m. is being followed",
    "Exam paper leak ki khabar, Prayagraj se, please jaanch karein",
    "गाँव में दबंगों ने रास्ता रोक दिया है 🙏 #UPPolice",
]
OPERATIONAL_DISCONNECT = (
    b'{"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect",'
    b'"detail":"This stream has been disconnected upstream for operational reasons.",'
    b'"type":"https://api.twitter.com/2/problems/operational-disconnect"}]}'
)


class RecordingSink:
    """A TweetSink that keeps what it was given; `pending` is what flush() reports as undelivered."""

    def __init__(self, pending: int = 0, fail_after: int | None = None) -> None:
        self.records: list[tuple[bytes, Source]] = []
        self.flushes: list[int] = []  # how many records had been submitted at each flush
        self.pending = pending
        self.fail_after = fail_after
        self.on_flush: Callable[[], None] | None = None
        self._lock = threading.Lock()

    def submit(self, raw: bytes, source: Source) -> None:
        with self._lock:
            if self.fail_after is not None and len(self.records) >= self.fail_after:
                raise PublishError("Kafka refused the record for good")
            self.records.append((raw, source))

    def flush(self, timeout: float | None = None) -> int:
        with self._lock:
            self.flushes.append(len(self.records))
        if self.on_flush is not None:
            self.on_flush()
        return self.pending

    @property
    def raws(self) -> list[bytes]:
        with self._lock:
            return [raw for raw, _ in self.records]

    def ids(self) -> list[str]:
        return [json.loads(raw)["data"]["id"] for raw in self.raws]


def x_settings(**overrides: Any) -> XSettings:
    values: dict[str, Any] = {
        "bearer_token": SecretStr(DEFAULT_TOKEN), "max_backoff_s": 0.2, "poll_interval_s": 0.05,
        "handles": ["uppolice", "dgpup"],
    }
    values.update(overrides)
    return XSettings(**values)


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def stop_and_join(stream: XStream, thread: threading.Thread) -> None:
    stream.stop()
    thread.join(timeout=3)
    assert not thread.is_alive(), "the stream thread did not end after stop()"
    assert stream.failure is None, stream.failure


def complainants(x: FakeXApi) -> None:
    x.add_user("uppolice", name="UP POLICE")
    x.add_user("dgpup", name="DGP UP")
    x.add_user("ramesh_lko", location="Lucknow, Uttar Pradesh")
    x.add_user("sita_knp", location="कानपुर")


# --- the filtered stream ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "close-delimited"])
def test_stream_hands_over_the_exact_bytes_of_each_tweet_in_order(chunked: bool) -> None:
    with FakeXApi(chunked=chunked) as x:
        complainants(x)
        lines = [x.stream_tweet(x.add_tweet(text, author=("ramesh_lko", "sita_knp")[i % 2]))
                 for i, text in enumerate(COMPLAINTS)]
        # Spaces and \u escapes: a source that re-serialised the JSON would change these bytes.
        odd = (b'{"data": {"id": "1861000000000999999", "text": "@uppolice \\u0939\\u0947\\u0932\\u094d\\u092a",'
               b' "author_id": "1500000003"},  "includes": {"users": []}}')
        x.push_stream_line(odd)
        x.push_stream_line(OPERATIONAL_DISCONNECT)
        lines.append(odd)
        if not chunked:
            # A close-delimited body ends only with its connection.
            x.stream_plan.append(StreamConnection(disconnect_after=len(lines) + 1))
        sink = RecordingSink()
        stream = XStream(x_settings(), sink, api_base=x.url)
        thread = stream.start()
        wait_for(lambda: len(sink.records) >= len(lines) and stream.system_messages == 1)
        wait_for(lambda: stream.keep_alives >= len(lines))
        stop_and_join(stream, thread)
        connect = x.requests_to("stream")[0]

    assert sink.raws == lines
    assert {source for _, source in sink.records} == {Source.X_STREAM}
    assert stream.lines == len(lines)
    assert connect.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}"
    assert connect.query == {
        "tweet.fields": ",".join(TWEET_FIELDS),
        "expansions": ",".join(EXPANSIONS),
        "user.fields": ",".join(USER_FIELDS),
    }
    assert set(TWEET_FIELDS) >= {"created_at", "author_id", "conversation_id", "in_reply_to_user_id",
                                 "referenced_tweets", "lang", "entities", "geo"}


def test_rule_sync_adds_missing_deletes_stale_leaves_others_and_splits_long_rule_sets() -> None:
    handles = [f"upp_district{i:03d}" for i in range(75)]  # 15 characters, X's longest handle
    wanted = wanted_rules(handles)
    with FakeXApi() as x:
        foreign = x.add_rule("from:someone_else has:media", tag="analytics")
        untagged = x.add_rule("#UPPolice")
        stale = x.add_rule("@old_handle", tag="seva:mentions:7")
        kept = x.add_rule(wanted[0].value, tag=wanted[0].tag)
        stream = XStream(x_settings(), RecordingSink(), handles=handles, api_base=x.url)
        plan = stream.sync_rules()
        after = {rule["value"]: rule for rule in x.rules.values()}
        posts = [json.loads(r.body) for r in x.requests_to("rules") if r.method == "POST"]
        requests_before = len(x.requests_to("rules"))
        again = stream.sync_rules()
        second_sync = x.requests_to("rules")[requests_before:]

    # 25 terms of 16 characters joined by " OR " make 496 characters; a 26th would pass 512.
    assert [len(rule.value) for rule in wanted] == [496, 496, 496]
    assert [rule.tag for rule in wanted] == ["seva:mentions:0", "seva:mentions:1", "seva:mentions:2"]
    assert [h for rule in wanted for h in rule.value.replace("@", "").split(" OR ")] == handles
    assert plan.delete_ids == [stale["id"]]
    assert plan.add == wanted[1:]
    assert posts == [
        {"delete": {"ids": [stale["id"]]}},
        {"add": [{"value": rule.value, "tag": rule.tag} for rule in wanted[1:]]},
    ]
    assert set(after) == {foreign["value"], untagged["value"]} | {rule.value for rule in wanted}
    assert after[foreign["value"]] == foreign and after[untagged["value"]] == untagged
    assert after[kept["value"]]["id"] == kept["id"]
    assert again.add == [] and again.delete_ids == []
    assert [(r.method, r.path) for r in second_sync] == [("GET", "/2/tweets/search/stream/rules")]


def test_mention_queries_respect_the_length_limit_and_normalise_handles() -> None:
    assert mention_queries(["@UPPolice", "dgpup", "uppolice", " lkopolice "]) == ["@UPPolice OR @dgpup OR @lkopolice"]
    assert mention_queries(["aaaa", "bbbb", "cccc"], max_length=len("@aaaa OR @bbbb")) == ["@aaaa OR @bbbb", "@cccc"]
    with pytest.raises(ConfigError, match="SEVA_X__HANDLES"):
        mention_queries(["up police"])


def test_stream_reconnects_with_capped_backoff_and_hands_over_overlap_again() -> None:
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(min(seconds, 0.05))

    with FakeXApi() as x:
        complainants(x)
        lines = [x.stream_tweet(x.add_tweet(text, author="ramesh_lko")) for text in COMPLAINTS]
        x.stream_plan.extend([
            StreamConnection(disconnect_after=3, abort=True),  # dropped mid-stream
            StreamConnection(status=503),  # X is having a bad moment
            StreamConnection(overlap=2),  # resumes, re-sending the last two tweets
        ])
        sink = RecordingSink()
        stream = XStream(x_settings(max_backoff_s=0.2), sink, api_base=x.url, sleep=sleep)
        thread = stream.start()
        wait_for(lambda: len(sink.records) >= 8)
        stop_and_join(stream, thread)
        attempts = x.stream_connections

    # Duplicates are handed over again on purpose: the publisher drops them by tweet id.
    assert sink.raws == lines[:3] + lines[1:3] + lines[3:]
    assert (stream.connects, stream.disconnects, stream.lines, stream.reconnects) == (2, 2, 8, 2)
    assert attempts == 3
    # At once after a connection that delivered; after the 503, X's 5 s capped by XSettings.max_backoff_s.
    assert waits == [0.0, 0.2]


def test_reconnect_backoff_follows_x_policy_within_the_cap() -> None:
    backoff = ReconnectBackoff(cap_s=320)
    assert [backoff.http_error(503) for _ in range(8)] == [5, 10, 20, 40, 80, 160, 320, 320]
    assert [backoff.network_error() for _ in range(3)] == [0, 0.25, 0.5]
    backoff.reset()
    assert backoff.http_error(429) == 60
    assert backoff.http_error(429, reset_at=1000.0, now=500.0) == 501.0  # never before X's window resets
    capped = ReconnectBackoff(cap_s=30)
    assert [capped.http_error(500) for _ in range(5)] == [5, 10, 20, 30, 30]
    assert max(capped.network_error() for _ in range(100)) == 16


def test_stream_stop_is_prompt_while_reading_and_while_backing_off() -> None:
    with FakeXApi(keepalive_s=30) as x:  # a connection with nothing to say for 30 s
        stream = XStream(x_settings(), RecordingSink(), api_base=x.url)
        thread = stream.start()
        wait_for(lambda: stream.connects == 1)
        started = time.monotonic()
        stop_and_join(stream, thread)
        assert time.monotonic() - started < 1.0

        x.stream_plan.append(StreamConnection(status=503))
        backing_off = XStream(x_settings(max_backoff_s=300), RecordingSink(), api_base=x.url)
        thread = backing_off.start()
        wait_for(lambda: backing_off.reconnects == 1)  # now in X's 5 s wait
        started = time.monotonic()
        stop_and_join(backing_off, thread)
        assert time.monotonic() - started < 1.0


def test_missing_bearer_token_is_a_source_error_naming_the_variable(tmp_path: Path) -> None:
    for token in (None, SecretStr(""), SecretStr("  ")):
        settings = x_settings(bearer_token=token)
        with pytest.raises(SourceError, match="SEVA_X__BEARER_TOKEN"):
            XStream(settings, RecordingSink())
        with pytest.raises(SourceError, match="SEVA_X__BEARER_TOKEN"):
            XPoller(settings, RecordingSink(), tmp_path)


def test_a_rejected_token_fails_once_instead_of_retrying_forever(tmp_path: Path) -> None:
    with FakeXApi() as x:
        complainants(x)
        wrong = x_settings(bearer_token=SecretStr("revoked"), user_id=x.user("uppolice")["id"])
        with pytest.raises(SourceError, match="401"):
            XStream(wrong, RecordingSink(), api_base=x.url).run()
        stream = XStream(wrong, RecordingSink(), api_base=x.url)
        with pytest.raises(SourceError, match="HTTP 401.*SEVA_X__BEARER_TOKEN"):
            stream.filter()
        with pytest.raises(SourceError, match="401"):
            XPoller(wrong, RecordingSink(), tmp_path, api_base=x.url).run_once()
        assert [r.endpoint for r in x.requests] == ["rules", "stream", "mentions"]


# --- polling ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["mentions", "search"])
def test_poll_reads_every_page_and_hands_each_tweet_over_once_oldest_first(endpoint: str, tmp_path: Path) -> None:
    with FakeXApi() as x:
        complainants(x)
        ours = [x.add_tweet(f"{COMPLAINTS[i % len(COMPLAINTS)]} ({i})", author=("ramesh_lko", "sita_knp")[i % 2])
                for i in range(23)]
        x.add_tweet("not for the police", author="ramesh_lko", mentions=())
        police_id = x.user("uppolice")["id"]
        settings = x_settings(user_id=police_id if endpoint == "mentions" else None)
        sink = RecordingSink()
        poller = XPoller(settings, sink, tmp_path, api_base=x.url, page_size=10)
        handed = poller.run_once()
        pages = x.requests_to(endpoint)

    expected_query = PollQuery("mentions", police_id) if endpoint == "mentions" else PollQuery(
        "search", "@uppolice OR @dgpup")
    assert poller.queries == [expected_query]
    assert handed == 23
    assert sink.ids() == [t["id"] for t in ours]  # ascending, each once
    assert sink.flushes == [23]
    assert {source for _, source in sink.records} == {Source.X_POLL}

    token_param = "pagination_token" if endpoint == "mentions" else "next_token"
    assert len(pages) == 3
    assert token_param not in pages[0].query and "since_id" not in pages[0].query
    for previous, page in zip(pages, pages[1:], strict=False):
        assert page.query[token_param] == json.loads(previous.response)["meta"]["next_token"]
    for page in pages:
        assert page.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}"
        assert page.query["tweet.fields"] == ",".join(TWEET_FIELDS)
        assert page.query["expansions"] == "author_id"
        assert page.query["user.fields"] == ",".join(USER_FIELDS)
        assert page.query["max_results"] == "10"

    served = {t["id"]: t for page in pages for t in json.loads(page.response)["data"]}
    served_users = {u["id"]: u for page in pages for u in json.loads(page.response)["includes"]["users"]}
    for raw in sink.raws:
        doc = json.loads(raw)
        tweet = doc["data"]
        assert tweet == served[tweet["id"]] and list(tweet) == list(served[tweet["id"]])  # unaltered, key order too
        assert doc["includes"] == {"users": [served_users[tweet["author_id"]]]}
        assert doc["includes"]["users"][0]["location"] in ("Lucknow, Uttar Pradesh", "कानपुर")
        assert raw == json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()  # compact, UTF-8 as is
    checkpoint = json.loads((tmp_path / f"x_poll.{expected_query.key}.json").read_text())
    assert checkpoint["since_id"] == ours[-1]["id"]


def test_poll_checkpoint_moves_only_after_flush_and_a_restart_neither_loses_nor_repeats(tmp_path: Path) -> None:
    with FakeXApi() as x:
        complainants(x)
        settings = x_settings(user_id=x.user("uppolice")["id"])
        first = [x.add_tweet(text, author="ramesh_lko") for text in COMPLAINTS[:4]]
        query = PollQuery("mentions", settings.user_id or "")

        # Kafka has not confirmed everything: since_id stays, so the next poll asks for the same tweets again.
        unconfirmed = RecordingSink(pending=2)
        poller = XPoller(settings, unconfirmed, tmp_path, api_base=x.url)
        assert poller.run_once() == 4 and poller.run_once() == 4
        assert not poller.store.path(query).exists()
        assert all("since_id" not in r.query for r in x.requests_to("mentions"))

        # A crash half-way through handing over: nothing persisted either.
        with pytest.raises(PublishError):
            XPoller(settings, RecordingSink(fail_after=2), tmp_path, api_base=x.url).run_once()
        assert not poller.store.path(query).exists()

        # Delivered: the checkpoint is written after flush() returned 0, never before.
        sink = RecordingSink()
        existed_at_flush: list[bool] = []
        sink.on_flush = lambda: existed_at_flush.append(poller.store.path(query).exists())
        assert XPoller(settings, sink, tmp_path, api_base=x.url).run_once() == 4
        assert existed_at_flush == [False]
        assert sink.ids() == [t["id"] for t in first]
        assert poller.store.load(query) == first[-1]["id"]

        # Restart: nothing new, nothing handed over; then exactly the new tweets.
        after_restart = RecordingSink()
        restarted = XPoller(settings, after_restart, tmp_path, api_base=x.url)
        assert restarted.run_once() == 0
        newer = [x.add_tweet(text, author="sita_knp") for text in COMPLAINTS[4:]]
        assert restarted.run_once() == len(newer)
        assert XPoller(settings, after_restart, tmp_path, api_base=x.url).run_once() == 0
        since_sent = [r.query.get("since_id") for r in x.requests_to("mentions")[-3:]]

    assert after_restart.ids() == [t["id"] for t in newer]
    assert since_sent == [first[-1]["id"], first[-1]["id"], newer[-1]["id"]]
    assert not list(tmp_path.glob("*.tmp"))


def test_poll_429_waits_until_the_reset_and_sends_nothing_in_between(tmp_path: Path) -> None:
    with FakeXApi() as x:
        complainants(x)
        tweets = [x.add_tweet(text, author="ramesh_lko") for text in COMPLAINTS[:3]]
        reset = int(time.time()) + 2
        x.set_rate_limit("mentions", remaining=0, reset=reset)
        sink = RecordingSink()
        poller = XPoller(x_settings(user_id=x.user("uppolice")["id"]), sink, tmp_path, api_base=x.url)
        handed = poller.run_once()
        attempts = x.requests_to("mentions")

    assert [r.status for r in attempts] == [429, 200]
    assert attempts[1].at >= reset + 1 - 0.05  # X's reset, plus a second for clock skew
    assert (poller.rate_limited, poller.rate_limit_waits) == (1, 1)
    assert handed == 3 and sink.ids() == [t["id"] for t in tweets]


def test_poll_waits_for_the_reset_when_remaining_is_zero_before_the_next_page(tmp_path: Path) -> None:
    now = [1_800_000_000.0]
    slept: list[float] = []

    def clock() -> float:
        return now[0]

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with FakeXApi(clock=clock) as x:
        complainants(x)
        for i in range(15):
            x.add_tweet(f"{COMPLAINTS[0]} ({i})", author="ramesh_lko")
        x.set_rate_limit("mentions", remaining=1, reset=now[0] + 60)
        settings = x_settings(user_id=x.user("uppolice")["id"])
        poller = XPoller(settings, RecordingSink(), tmp_path, api_base=x.url, page_size=10, clock=clock, sleep=sleep)
        handed = poller.run_once()
        attempts = x.requests_to("mentions")

    assert handed == 15
    assert [r.status for r in attempts] == [200, 200]  # no 429: the poller did not try its luck
    assert slept == [61.0]
    assert attempts[1].at - attempts[0].at == 61.0


def test_poll_loop_picks_up_new_tweets_and_stops_on_the_event(tmp_path: Path) -> None:
    with FakeXApi() as x:
        complainants(x)
        sink = RecordingSink()
        poller = XPoller(x_settings(user_id=x.user("uppolice")["id"]), sink, tmp_path, api_base=x.url)
        stop = threading.Event()
        thread = threading.Thread(target=poller.run, args=(stop,), daemon=True)
        thread.start()
        tweets = []
        for text in COMPLAINTS[:3]:
            tweets.append(x.add_tweet(text, author="ramesh_lko"))
            wait_for(lambda: len(sink.records) == len(tweets))
        stop.set()
        thread.join(timeout=2)
        assert not thread.is_alive()
    assert sink.ids() == [t["id"] for t in tweets]
    assert poller.polls >= 3 and poller.errors == 0


# --- the entry points `seva produce` calls ---------------------------------------------------------------------------


def test_run_stream_and_run_poller_use_the_gazetteer_handles_and_end_when_stop_is_set(tmp_path: Path) -> None:
    settings = x_settings(handles=[])  # empty: @uppolice, @dgpup and every district handle
    with FakeXApi() as x:
        complainants(x)
        tweet = x.add_tweet(COMPLAINTS[0], author="ramesh_lko")
        line = x.stream_tweet(tweet)
        stream_sink, poll_sink = RecordingSink(), RecordingSink()
        stop = threading.Event()
        results: dict[str, Any] = {}
        threads = [
            threading.Thread(target=lambda: results.update(stream=run_stream(settings, stream_sink, stop,
                                                                             api_base=x.url))),
            threading.Thread(target=lambda: results.update(poll=run_poller(settings, poll_sink, stop, tmp_path,
                                                                           api_base=x.url))),
        ]
        for thread in threads:
            thread.start()
        wanted = wanted_rules(all_handles())
        wait_for(lambda: len(stream_sink.records) == 1 and len(poll_sink.records) == 1
                 and len({r.query["query"] for r in x.requests_to("search")}) == len(wanted))
        stop.set()
        for thread in threads:
            thread.join(timeout=3)
            assert not thread.is_alive()
        rules = {rule["value"] for rule in x.rules.values()}
        searched = {r.query["query"] for r in x.requests_to("search")}

    assert len(wanted) > 1 and rules == {rule.value for rule in wanted}
    assert searched == {rule.value for rule in wanted}
    assert stream_sink.raws == [line]
    assert poll_sink.ids() == [tweet["id"]]
    assert results["stream"].lines == 1 and results["poll"].checkpoints == 1
