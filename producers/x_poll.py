"""The X polling source: mentions and recent search through tweepy's Client, since_id checkpoints after flush."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import requests
import tweepy

from producers.base import Source, TweetSink
from producers.x_http import route_client
from producers.x_stream import (
    EXPANSIONS,
    FATAL_STATUSES,
    MAX_RULE_LENGTH,
    NETWORK_ERRORS,
    TWEET_FIELDS,
    USER_FIELDS,
    bearer_token,
    configured_handles,
    mention_queries,
    rate_limit_reset,
)
from seva.errors import ConfigError, SourceError
from seva.settings import XSettings

log = logging.getLogger(__name__)

Endpoint = Literal["mentions", "search"]
# X's page size bounds per endpoint (max_results).
PAGE_SIZE_BOUNDS: dict[str, tuple[int, int]] = {"mentions": (5, 100), "search": (10, 100)}


@dataclass(frozen=True)
class PollQuery:
    """One thing to poll: the mentions of a user id, or a recent-search query. Each has its own checkpoint."""

    endpoint: Endpoint
    target: str  # the user id (mentions) or the query text (search)

    @property
    def key(self) -> str:
        """The checkpoint's file stem: readable for mentions, a digest for free-text queries."""
        if self.endpoint == "mentions":
            return f"mentions-{self.target}"
        return "search-" + hashlib.sha256(self.target.encode()).hexdigest()[:16]


def default_queries(settings: XSettings, max_length: int = MAX_RULE_LENGTH) -> list[PollQuery]:
    """The mentions of XSettings.user_id when set, else a recent search for mentions of the handles (the
    mentions endpoint covers one account; district handles are only reachable through search)."""
    if settings.user_id:
        if not settings.user_id.isdigit():
            raise ConfigError(f"SEVA_X__USER_ID must be the numeric X user id, got {settings.user_id!r}")
        return [PollQuery("mentions", settings.user_id)]
    return [PollQuery("search", q) for q in mention_queries(configured_handles(settings), max_length)]


# --- pure pieces -------------------------------------------------------------------------------------------------


def numeric_id(tweet: Mapping[str, Any]) -> int:
    """The tweet id as a number (X ids are increasing with time); -1 for an id that is not a number."""
    value = str(tweet.get("id", ""))
    return int(value) if value.isdigit() else -1


def envelope(tweet: Mapping[str, Any], users_by_id: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The record handed over: {"data": tweet, "includes": {"users": [its author]}}, the tweet unaltered."""
    author = users_by_id.get(str(tweet.get("author_id")))
    doc = {"data": tweet, "includes": {"users": [author] if author is not None else []}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def in_handover_order(tweets: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Unique by id, ascending: X pages newest first, but a conversation must reach Kafka in order."""
    unique = {str(tweet.get("id")): tweet for tweet in tweets}
    return sorted(unique.values(), key=numeric_id)


@dataclass
class RateLimitGate:
    """When the next request to one endpoint may go, from X's x-rate-limit-* headers and 429 answers."""

    cap_s: float
    resume_at: float | None = None
    strikes: int = field(default=0)

    def observe(self, headers: Mapping[str, str]) -> None:
        """After a successful answer: an exhausted window (remaining 0) holds the next request until reset."""
        self.strikes = 0
        reset = rate_limit_reset(headers)
        remaining = headers.get("x-rate-limit-remaining")
        self.resume_at = reset + 1 if remaining is not None and remaining.strip() == "0" and reset else None

    def limited(self, reset: float | None, now: float) -> None:
        """After a 429: wait for the reset (+1 s for clock skew); without a usable reset, back off exponentially
        so repeated 429s never become a storm."""
        self.strikes += 1
        fallback = now + min(self.cap_s, 2.0 ** (self.strikes - 1))
        self.resume_at = max(reset + 1 if reset else 0.0, fallback)

    def wait(self, now: float) -> float:
        return max(0.0, self.resume_at - now) if self.resume_at is not None else 0.0


# --- checkpoints -------------------------------------------------------------------------------------------------


class CheckpointStore:
    """since_id checkpoints, one small JSON file per query, replaced atomically (temp file + rename)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def path(self, query: PollQuery) -> Path:
        return self.directory / f"x_poll.{query.key}.json"

    def load(self, query: PollQuery) -> str | None:
        path = self.path(query)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise SourceError(f"unreadable X poll checkpoint {path}: {exc} (fix or delete it)") from exc
        since_id = doc.get("since_id") if isinstance(doc, dict) else None
        if not isinstance(since_id, str) or not since_id.isdigit():
            raise SourceError(f"X poll checkpoint {path} has no numeric since_id (fix or delete it)")
        return since_id

    def save(self, query: PollQuery, since_id: str) -> None:
        doc = {
            "since_id": since_id,
            "endpoint": query.endpoint,
            "target": query.target,
            "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        path = self.path(query)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(doc, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_directory(self.directory)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every filesystem lets a directory be opened, hence best-effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- the poller --------------------------------------------------------------------------------------------------


class _Stopped(Exception):
    """stop() was requested while waiting for a rate-limit window."""


class XPoller:
    """Polls X (mentions and/or recent search) and hands each new tweet to a TweetSink, oldest first.

    A poll reads every page newer than the query's since_id, hands the tweets over in ascending id order,
    calls sink.flush(), and only when that returned 0 moves and persists since_id. A crash therefore re-delivers
    (the publisher drops duplicates by tweet id) but never loses a tweet.
    """

    def __init__(
        self,
        settings: XSettings,
        sink: TweetSink,
        checkpoint_dir: Path,
        *,
        queries: Sequence[PollQuery] | None = None,
        api_base: str | None = None,
        page_size: int = 100,
        backfill_pages: int | None = 5,
        flush_timeout_s: float = 30.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.settings = settings
        self.sink = sink
        self.client = tweepy.Client(
            bearer_token(settings), return_type=requests.Response, wait_on_rate_limit=False
        )
        route_client(self.client, api_base)
        self.queries = list(queries) if queries is not None else default_queries(settings)
        self.store = CheckpointStore(checkpoint_dir)
        self.page_size = page_size
        # Without a checkpoint (first start) only this many pages are read: a week of @uppolice search results
        # would eat the app's monthly tweet cap. None reads everything X offers.
        self.backfill_pages = backfill_pages
        self.flush_timeout_s = flush_timeout_s
        self._clock = clock
        self._stopping = threading.Event()
        self._sleep = sleep or (lambda seconds: self._stopping.wait(seconds))
        self._since: dict[PollQuery, str | None] = {}
        self._gates = {endpoint: RateLimitGate(cap_s=settings.max_backoff_s) for endpoint in PAGE_SIZE_BOUNDS}
        # Counters (read by tests and metrics).
        self.polls = 0
        self.requests = 0
        self.submitted = 0
        self.checkpoints = 0
        self.rate_limited = 0  # 429 answers
        self.rate_limit_waits = 0  # waits for a window to reset, after a 429 or an exhausted window
        self.flush_failures = 0
        self.errors = 0

    # --- loop --------------------------------------------------------------------------------------------------

    def run(self, stop_event: threading.Event) -> None:
        """Poll every XSettings.poll_interval_s until `stop_event` is set; transient failures back off."""
        self._stopping = stop_event
        failures = 0
        while not stop_event.is_set():
            try:
                self.run_once()
                failures = 0
                wait = self.settings.poll_interval_s
            except SourceError:
                raise
            except (tweepy.TweepyException, *NETWORK_ERRORS) as exc:
                failures += 1
                self.errors += 1
                wait = min(self.settings.max_backoff_s, max(self.settings.poll_interval_s, 2.0**failures))
                log.warning("X poll failed (%s); next attempt in %.1f s", " ".join(str(exc).split())[:300], wait)
            stop_event.wait(wait)

    def stop(self) -> None:
        self._stopping.set()

    def run_once(self) -> int:
        """One poll of every query; returns how many tweets were handed over."""
        self.polls += 1
        handed = 0
        for query in self.queries:
            if self._stopping.is_set():
                break
            try:
                handed += self.poll(query)
            except _Stopped:
                break
        return handed

    def poll(self, query: PollQuery) -> int:
        """Hand over what is new for one query; persist its since_id once the sink has delivered it all."""
        if query not in self._since:
            self._since[query] = self.store.load(query)
        since_id = self._since[query]
        try:
            tweets, users = self._fetch(query, since_id)
        except tweepy.HTTPException as exc:
            status = exc.response.status_code
            if status in FATAL_STATUSES:
                hint = " (check SEVA_X__BEARER_TOKEN)" if status == 401 else ""
                raise SourceError(f"X refused the {query.endpoint} poll: {' '.join(str(exc).split())}{hint}") from exc
            raise
        if not tweets:
            return 0
        ordered = in_handover_order(tweets)
        for tweet in ordered:
            self.sink.submit(envelope(tweet, users), Source.X_POLL)
            self.submitted += 1
        pending = self.sink.flush(self.flush_timeout_s)
        if pending:
            # Not moving since_id makes the next poll fetch these again; duplicates are the publisher's to drop.
            self.flush_failures += 1
            log.warning("X poll %s: %d of %d tweets not yet delivered to Kafka; checkpoint kept at %s",
                        query.key, pending, len(ordered), since_id)
            return len(ordered)
        newest = max(numeric_id(tweet) for tweet in ordered)
        if newest > (int(since_id) if since_id else -1):
            self.store.save(query, str(newest))
            self._since[query] = str(newest)
            self.checkpoints += 1
        log.info("X poll %s: %d tweets handed over, since_id now %s", query.key, len(ordered), self._since[query])
        return len(ordered)

    # --- X -----------------------------------------------------------------------------------------------------

    def _fetch(
        self, query: PollQuery, since_id: str | None
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        low, high = PAGE_SIZE_BOUNDS[query.endpoint]
        params: dict[str, Any] = {
            "since_id": since_id,
            "max_results": max(low, min(high, self.page_size)),
            "tweet_fields": list(TWEET_FIELDS),
            "expansions": list(EXPANSIONS),
            "user_fields": list(USER_FIELDS),
        }
        if query.endpoint == "mentions":
            method, args = self.client.get_users_mentions, (query.target,)
        else:
            method, args = self.client.search_recent_tweets, (query.target,)
        limit = self.backfill_pages if since_id is None and self.backfill_pages else math.inf
        tweets: list[dict[str, Any]] = []
        users: dict[str, dict[str, Any]] = {}
        pages = tweepy.Paginator(self._rate_limited(query.endpoint, method), *args, limit=limit, **params)
        more = False
        for response in pages:
            self.requests += 1
            body = response.json()
            if body.get("errors"):
                # X answers 200 with only `errors` for e.g. an unknown user id: say so rather than poll in silence.
                log.warning("X poll %s: X reported %s", query.key, json.dumps(body["errors"], ensure_ascii=False)[:500])
            tweets.extend(body.get("data") or [])
            for user in (body.get("includes") or {}).get("users") or []:
                users[str(user.get("id"))] = user
            more = bool((body.get("meta") or {}).get("next_token"))
        if more:
            log.info("X poll %s: first run, older tweets than the newest %s page(s) are skipped", query.key, limit)
        return tweets, users

    def _rate_limited(self, endpoint: str, method: Callable[..., requests.Response]) -> Callable[..., Any]:
        """`method` behind the endpoint's RateLimitGate, retried after a 429 once the window has reset.

        functools.wraps matters: tweepy's Paginator picks `next_token` or `pagination_token` by __name__.
        """
        gate = self._gates[endpoint]

        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> requests.Response:
            while True:
                wait = gate.wait(self._clock())
                if wait > 0:
                    self.rate_limit_waits += 1
                    log.warning("X %s rate limit: waiting %.1f s for the window to reset", endpoint, wait)
                    self._sleep(wait)
                    if self._stopping.is_set():
                        raise _Stopped
                try:
                    response = method(*args, **kwargs)
                except tweepy.TooManyRequests as exc:
                    self.rate_limited += 1
                    gate.limited(rate_limit_reset(exc.response.headers), self._clock())
                    continue
                gate.observe(response.headers)
                return response

        return call


def run_poller(
    settings: XSettings, sink: TweetSink, stop: threading.Event, checkpoint_dir: Path, *, api_base: str | None = None
) -> XPoller:
    """The `seva produce --source x_poll` loop: poll until `stop` is set (SIGTERM ends a wait at once)."""
    poller = XPoller(settings, sink, checkpoint_dir, api_base=api_base)
    log.info("X poll: %s every %.0f s, checkpoints in %s", ", ".join(q.key for q in poller.queries),
             settings.poll_interval_s, checkpoint_dir)
    poller.run(stop)
    log.info("X poll ended: %d polls, %d tweets handed over, %d checkpoints written", poller.polls,
             poller.submitted, poller.checkpoints)
    return poller
