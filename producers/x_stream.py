"""The X filtered stream source: mention rules kept in sync, each tweet line handed over as received, reconnects."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import requests
import tweepy
import urllib3

from producers.base import Source, TweetSink
from producers.x_http import X_API_HOST, route_client
from seva.districts import all_handles
from seva.errors import ConfigError, SourceError
from seva.settings import XSettings

log = logging.getLogger(__name__)

# X's limit on one filtered-stream rule (and on a recent-search query) for Basic/Pro access; Enterprise allows
# more, hence a parameter.
MAX_RULE_LENGTH = 512
# Only rules carrying this tag prefix are Seva's: rule sync deletes stale ones and never touches the others.
RULE_TAG_PREFIX = "seva:"
MENTIONS_TAG = RULE_TAG_PREFIX + "mentions:{index}"

TWEET_FIELDS = (
    "created_at", "author_id", "conversation_id", "in_reply_to_user_id", "referenced_tweets", "lang", "entities",
    "geo",
)
EXPANSIONS = ("author_id",)
USER_FIELDS = ("username", "location", "name")

_HANDLE = re.compile(r"[A-Za-z0-9_]{1,15}")


def missing_token_error() -> SourceError:
    return SourceError("no X API bearer token: set SEVA_X__BEARER_TOKEN to the app's bearer token")


def bearer_token(settings: XSettings) -> str:
    """The token as a plain string, or the SourceError every X source raises without one."""
    token = settings.bearer_token.get_secret_value().strip() if settings.bearer_token else ""
    if not token:
        raise missing_token_error()
    return token


def configured_handles(settings: XSettings) -> list[str]:
    """XSettings.handles, or when empty @uppolice, @dgpup and every district handle of the gazetteer."""
    return list(settings.handles) or list(all_handles())


def normalise_handles(handles: Iterable[str]) -> list[str]:
    """Handles without '@', duplicates (X handles are case-insensitive) dropped, first spelling kept."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in handles:
        handle = raw.strip().lstrip("@")
        if not _HANDLE.fullmatch(handle):
            raise ConfigError(f"invalid X handle {raw!r} in SEVA_X__HANDLES: 1-15 letters, digits or _")
        if handle.lower() not in seen:
            seen.add(handle.lower())
            out.append(handle)
    return out


def mention_queries(handles: Sequence[str], max_length: int = MAX_RULE_LENGTH) -> list[str]:
    """`@a OR @b OR …` queries covering every handle once, each at most `max_length` characters."""
    queries: list[str] = []
    current = ""
    for handle in normalise_handles(handles):
        term = "@" + handle
        candidate = f"{current} OR {term}" if current else term
        if len(candidate) <= max_length:
            current = candidate
            continue
        if not current:
            raise ConfigError(f"X rule length limit {max_length} is shorter than the handle {term}")
        queries.append(current)
        current = term
    if current:
        queries.append(current)
    return queries


@dataclass(frozen=True)
class Rule:
    """A filtered-stream rule as Seva wants it."""

    value: str
    tag: str


@dataclass(frozen=True)
class RulePlan:
    """What rule sync sends: ids of Seva's stale rules to delete, then the wanted rules X does not have yet."""

    delete_ids: list[str]
    add: list[Rule]


def wanted_rules(handles: Sequence[str], max_length: int = MAX_RULE_LENGTH) -> list[Rule]:
    return [Rule(query, MENTIONS_TAG.format(index=i)) for i, query in enumerate(mention_queries(handles, max_length))]


def plan_rule_sync(existing: Sequence[dict[str, Any]], wanted: Sequence[Rule]) -> RulePlan:
    """Compare X's current rules (its JSON objects) with the wanted ones.

    Rules are matched by value because X rejects a second rule with the same value, whatever its tag: a wanted
    value that already exists (even under another tag, e.g. added by hand) is left as it is.
    """
    wanted_values = {rule.value for rule in wanted}
    existing_values = {str(rule.get("value")) for rule in existing}
    stale = [
        str(rule["id"])
        for rule in existing
        if str(rule.get("tag") or "").startswith(RULE_TAG_PREFIX) and rule.get("value") not in wanted_values
    ]
    return RulePlan(delete_ids=stale, add=[rule for rule in wanted if rule.value not in existing_values])


@dataclass
class ReconnectBackoff:
    """X's documented reconnect policy (the same numbers tweepy's BaseStream uses), every wait capped at `cap_s`.

    Network errors and server-side closes back off linearly (0 s, 0.25 s, … 16 s), HTTP errors exponentially
    (5 s, 10 s, … 320 s; 429 from 60 s, and never before X's x-rate-limit-reset). `reset()` when data flows.
    """

    cap_s: float
    network_step_s: float = 0.25
    network_max_s: float = 16.0
    http_start_s: float = 5.0
    http_max_s: float = 320.0
    rate_limit_start_s: float = 60.0
    _network_s: float = field(default=0.0, init=False)
    _http_s: float = field(default=0.0, init=False)

    def reset(self) -> None:
        self._network_s = 0.0
        self._http_s = 0.0

    def network_error(self) -> float:
        wait = self._network_s
        self._network_s = min(self._network_s + self.network_step_s, self.network_max_s)
        return min(wait, self.cap_s)

    def http_error(self, status: int, reset_at: float | None = None, now: float | None = None) -> float:
        floor = self.rate_limit_start_s if status in (420, 429) else self.http_start_s
        wait = max(self._http_s, floor)
        self._http_s = min(wait * 2, self.http_max_s)
        wait = min(wait, self.cap_s)
        if status == 429 and reset_at is not None and now is not None:
            # Connecting before the window resets only earns another 429 and spends a connect attempt.
            wait = max(wait, reset_at + 1 - now)
        return wait


def rate_limit_reset(headers: Any) -> float | None:
    value = headers.get("x-rate-limit-reset") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def is_system_message(line: bytes) -> bool:
    """True for the stream's own messages (`{"errors": […]}` without a tweet, e.g. operational-disconnect).

    Anything else, unparsable lines included, is handed over: the publisher dead-letters what is no tweet.
    """
    try:
        doc = json.loads(line)
    except ValueError:
        return False
    return isinstance(doc, dict) and "data" not in doc and "errors" in doc


# 400 (bad parameters), 401 (bad token), 403 (app not allowed this endpoint), 404: retrying changes nothing.
FATAL_STATUSES = frozenset({400, 401, 403, 404})
# What a dropped, stalled or refused connection looks like from requests/urllib3 (ssl.SSLError is an OSError).
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
    urllib3.exceptions.HTTPError, OSError,
)


class XStream(tweepy.StreamingClient):
    """X's filtered stream (tweepy StreamingClient) feeding a TweetSink with each tweet line's exact bytes.

    `run()` syncs the rules and streams until `stop()`, reconnecting forever with ReconnectBackoff: tweepy's
    own loop (BaseStream._connect) has the same policy but hard-codes the waits (no cap), sleeps with
    time.sleep (stop() could not cut a 320 s wait short) and reconnects at once, in a tight loop, to a server
    that accepts and closes. So `_connect` is replaced; tweepy still builds the request and parameters.
    """

    def __init__(
        self,
        settings: XSettings,
        sink: TweetSink,
        *,
        handles: Sequence[str] | None = None,
        api_base: str | None = None,
        max_rule_length: int = MAX_RULE_LENGTH,
        stall_timeout_s: float = 21.0,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(bearer_token(settings), return_type=dict, wait_on_rate_limit=False)
        route_client(self, api_base)
        self.sink = sink
        self.rules = wanted_rules(handles or configured_handles(settings), max_rule_length)
        # X sends a keep-alive every 20 s: a read that waits longer means a stalled connection.
        self.stall_timeout_s = stall_timeout_s
        self.backoff = ReconnectBackoff(cap_s=settings.max_backoff_s)
        self._stop_requested = threading.Event()
        self._sleep = sleep or self._stop_requested.wait
        self._clock = clock
        self._response: requests.Response | None = None
        self.failure: BaseException | None = None
        # Counters (read by tests and metrics): connections made and ended, tweet lines handed over, keep-alives,
        # stream system messages logged instead, and waits before reconnecting.
        self.connects = 0
        self.disconnects = 0
        self.lines = 0
        self.keep_alives = 0
        self.system_messages = 0
        self.reconnects = 0
        self.last_wait_s = 0.0

    # --- lifecycle ---------------------------------------------------------------------------------------------

    def run(self) -> None:
        """Sync the rules, then stream until stop(). Raises SourceError when retrying cannot help."""
        try:
            self.sync_rules()
        except _Stopped:
            return
        if self._keep_going():
            self.filter(tweet_fields=list(TWEET_FIELDS), expansions=list(EXPANSIONS), user_fields=list(USER_FIELDS))

    def start(self) -> threading.Thread:
        """run() in a daemon thread; a failure is kept in `self.failure`."""
        thread = threading.Thread(target=self._run_recording_failure, name="x-stream", daemon=True)
        thread.start()
        self.thread = thread
        return thread

    def stop(self) -> None:
        """Stop for good (SIGTERM): ends a backoff wait at once and unblocks a read waiting for the next line."""
        self._stop_requested.set()
        self.running = False
        response = self._response
        if response is not None:
            _shutdown_socket(response)

    def _run_recording_failure(self) -> None:
        try:
            self.run()
        except BaseException as exc:
            self.failure = exc
            log.error("X stream stopped: %s", exc)

    def _keep_going(self) -> bool:
        return not self._stop_requested.is_set()

    # --- rules -------------------------------------------------------------------------------------------------

    def sync_rules(self) -> RulePlan:
        """Make X's rules match `self.rules`: delete Seva's stale rules, add the missing ones, leave others."""
        existing = self._rules_call(self.get_rules).get("data") or []
        plan = plan_rule_sync(existing, self.rules)
        # Deleting first keeps the rule count under the access level's cap; the stream is not connected yet.
        if plan.delete_ids:
            self._rules_call(self.delete_rules, plan.delete_ids)
        if plan.add:
            answer = self._rules_call(self.add_rules, [tweepy.StreamRule(r.value, tag=r.tag) for r in plan.add])
            not_created = answer.get("meta", {}).get("summary", {}).get("not_created", 0)
            if not_created:
                raise SourceError(f"X refused {not_created} stream rule(s): {json.dumps(answer.get('errors'))}")
        log.info("X stream rules: %d wanted, %d added, %d stale deleted",
                 len(self.rules), len(plan.add), len(plan.delete_ids))
        return plan

    def _rules_call(self, method: Callable[..., Any], *args: Any) -> dict[str, Any]:
        backoff = ReconnectBackoff(cap_s=self.backoff.cap_s)
        while True:
            try:
                answer: dict[str, Any] = method(*args)
                return answer
            except tweepy.TooManyRequests as exc:
                wait = backoff.http_error(429, rate_limit_reset(exc.response.headers), self._clock())
            except tweepy.TwitterServerError:
                wait = backoff.http_error(503)
            except tweepy.HTTPException as exc:
                raise SourceError(f"X refused the stream rules request: {_one_line(exc)}") from exc
            except NETWORK_ERRORS as exc:
                log.warning("X stream rules request failed: %s", _one_line(exc))
                wait = backoff.network_error()
            log.warning("X stream rules request will be retried in %.1f s", wait)
            self._sleep(wait)
            if not self._keep_going():
                raise _Stopped

    # --- the stream --------------------------------------------------------------------------------------------

    def _connect(self, method: str, endpoint: str, params: dict[str, Any] | None = None, **_: Any) -> None:
        url = f"{X_API_HOST}/2/tweets/{endpoint}/stream"
        headers = {"Authorization": f"Bearer {self.bearer_token}", "User-Agent": self.user_agent}
        self.running = True
        try:
            while self._keep_going():
                wait = self._stream_once(method, url, params, headers)
                if not self._keep_going():
                    break
                self.reconnects += 1
                self.last_wait_s = wait
                if wait > 0:
                    log.info("reconnecting to the X stream in %.2f s", wait)
                self._sleep(wait)
        finally:
            self.session.close()
            self.running = False
            self.on_disconnect()

    def _stream_once(self, method: str, url: str, params: dict[str, Any] | None, headers: dict[str, str]) -> float:
        """One connection, read until it ends; returns how long to wait before the next one."""
        connected = False
        try:
            with self.session.request(
                method, url, params=params, headers=headers, stream=True, timeout=(10.0, self.stall_timeout_s)
            ) as response:
                if response.status_code != 200:
                    return self._refused(response)
                connected = True
                self._response = response
                if not self._keep_going():
                    return 0.0  # stop() ran before it could see this response to shut it down
                self.connects += 1
                log.info("X stream connected")
                flowing = False
                for line in response.iter_lines(chunk_size=self.chunk_size):
                    if not flowing:
                        flowing = True
                        self.backoff.reset()
                    if line:
                        self.on_data(line)
                    else:
                        self.on_keep_alive()
                    if not self._keep_going():
                        return 0.0
            if self._keep_going():
                log.warning("X stream closed by the server")
            return self.backoff.network_error()
        except NETWORK_ERRORS as exc:
            if not self._keep_going():
                return 0.0
            log.warning("X stream connection lost: %s", _one_line(exc))
            return self.backoff.network_error()
        finally:
            self._response = None
            if connected:
                self.disconnects += 1

    def _refused(self, response: requests.Response) -> float:
        status = response.status_code
        detail = response.text[:300].strip()
        if status in FATAL_STATUSES:
            hint = " (check SEVA_X__BEARER_TOKEN)" if status == 401 else ""
            raise SourceError(f"X filtered stream refused the connection: HTTP {status} {detail}{hint}")
        wait = self.backoff.http_error(status, rate_limit_reset(response.headers), self._clock())
        log.warning("X filtered stream answered HTTP %d (%s); retrying in %.1f s", status, detail, wait)
        return wait

    # --- tweepy's callbacks ------------------------------------------------------------------------------------

    def on_data(self, raw_data: bytes) -> None:
        """One line of the stream: the tweet envelope's bytes go to the sink exactly as they arrived."""
        if is_system_message(raw_data):
            self.system_messages += 1
            log.warning("X stream message: %s", raw_data[:500].decode("utf-8", "replace"))
            return
        self.sink.submit(raw_data, Source.X_STREAM)
        self.lines += 1

    def on_keep_alive(self) -> None:
        self.keep_alives += 1


def run_stream(
    settings: XSettings, sink: TweetSink, stop: threading.Event, *, api_base: str | None = None
) -> XStream:
    """The `seva produce --source x_stream` loop: stream until `stop` is set (SIGTERM), then end the stream.

    The stream runs in its own thread so that the caller's thread only waits on the event, which a signal
    handler can set at any moment. A failure retrying cannot fix is raised here.
    """
    stream = XStream(settings, sink, api_base=api_base)
    thread = stream.start()
    while thread.is_alive() and not stop.wait(0.5):
        pass
    stream.stop()
    thread.join(timeout=30)
    if stream.failure is not None:
        raise stream.failure
    log.info("X stream ended: %d connects, %d tweet lines, %d reconnects", stream.connects, stream.lines,
             stream.reconnects)
    return stream


class _Stopped(Exception):
    """stop() was called while a request was being retried."""


def _shutdown_socket(response: requests.Response) -> None:
    # Shutting the socket down (not closing it) makes a recv() blocked in the stream thread return at once.
    sock = getattr(getattr(response.raw, "connection", None), "sock", None)
    if sock is None:
        # A `Connection: close` response has left its HTTPConnection (http.client drops `sock` then); the socket
        # lives on in the response's file object: http.client.HTTPResponse.fp -> BufferedReader -> SocketIO.
        fp = getattr(getattr(response.raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
