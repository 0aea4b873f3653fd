"""A fake X API v2 on 127.0.0.1 for tests: filtered stream and its rules, mentions, recent search, rate limits.

    with FakeXApi() as x:
        x.add_user("uppolice"); x.add_user("ramesh", location="Lucknow")
        tweet = x.add_tweet("@uppolice chain snatching near Hazratganj", author="ramesh")
        x.stream_tweet(tweet)                         # queue it on the filtered stream
        x.stream_plan.append(StreamConnection(disconnect_after=3))
        client = tweepy.Client(x.token); route_client(client, x.url)

Everything answers in X's JSON shapes and headers; every request is recorded (`x.requests`) with the time of
the injected clock, so tests can assert tokens, since_id, pagination and that nothing was sent too early.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DEFAULT_TOKEN = "seva-test-bearer-token"
RULES_PATH = "/2/tweets/search/stream/rules"
STREAM_PATH = "/2/tweets/search/stream"
SEARCH_PATH = "/2/tweets/search/recent"
TWEETS_PATH = "/2/tweets"  # POST: create a tweet (Seva's replies to complainants)
MAX_RULE_LENGTH = 512
# Requests per 15-minute window, as X documents them for app-only auth.
DEFAULT_LIMITS = {"stream": 50, "rules": 450, "mentions": 450, "search": 450, "create": 200}
PAGE_BOUNDS = {"mentions": (5, 100, 10), "search": (10, 100, 10)}  # min, max, default max_results
DEFAULT_TWEET_FIELDS = ("id", "text", "edit_history_tweet_ids")
DEFAULT_USER_FIELDS = ("id", "name", "username")
TOKEN_PREFIX = "7140dibdnow9c7btw"


@dataclass
class RecordedRequest:
    """One request as the fake received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # names lower-cased
    body: bytes
    at: float  # the fake's clock when it arrived
    endpoint: str  # stream | rules | mentions | search | unknown
    status: int = 0
    response: bytes = b""  # the body sent back (empty for the stream)


@dataclass
class StreamConnection:
    """How the fake answers one connection attempt to the filtered stream (queued in `stream_plan`)."""

    status: int = 200
    disconnect_after: int | None = None  # tweets sent on this connection before the server ends it
    overlap: int = 0  # tweets before the resume point that are sent again (X's backfill-like duplicates)
    abort: bool = False  # end without the final chunk: the client sees a broken connection, not a clean end
    reset: float | None = None  # x-rate-limit-reset for a 429


@dataclass
class RateWindow:
    """One endpoint's rate-limit window."""

    limit: int
    remaining: int
    reset: float  # epoch seconds


@dataclass
class _Reply:
    status: int
    body: dict[str, Any] | None
    headers: dict[str, str] = field(default_factory=dict)


class FakeXApi:
    """The fake server (a context manager). State is plain attributes; mutate it under `lock` from tests."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        clock: Callable[[], float] = time.time,
        keepalive_s: float = 0.05,
        chunked: bool = True,
        split_chunks: bool = True,
    ) -> None:
        self.token = token
        self.clock = clock
        self.keepalive_s = keepalive_s
        self.chunked = chunked  # else close-delimited: no length, the end of the body is the end of the connection
        self.split_chunks = split_chunks  # send each line in two chunks, cut inside it
        self.lock = threading.Condition(threading.RLock())
        self.users: dict[str, dict[str, Any]] = {}
        self.tweets: list[dict[str, Any]] = []
        self.created: list[dict[str, Any]] = []  # tweets posted through POST /2/tweets
        self.rules: dict[str, dict[str, Any]] = {}
        self.stream_lines: list[bytes] = []
        self.stream_plan: deque[StreamConnection] = deque()
        self.stream_cursor = 0  # lines delivered so far; a new connection resumes here (minus overlap)
        self.stream_connections = 0
        self.requests: list[RecordedRequest] = []
        self.windows: dict[str, RateWindow] = {}
        self._ids = itertools.count(1_861_000_000_000_000_000, 1_000)
        self._user_ids = itertools.count(1_500_000_001)
        self._rule_ids = itertools.count(1_700_000_000_000_000_001)
        self._closing = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------------------------

    def __enter__(self) -> FakeXApi:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self) -> None:
        fake = self

        class Handler(_Handler):
            api = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-x-api", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._closing.set()
        with self.lock:
            self.lock.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        assert self._server is not None, "start the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # --- scripting -----------------------------------------------------------------------------------------------

    def add_user(self, username: str, *, location: str | None = None, name: str | None = None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": str(next(self._user_ids)), "name": name or username.title(), "username": username}
        if location is not None:
            user["location"] = location
        with self.lock:
            self.users[user["id"]] = user
        return user

    def user(self, username: str) -> dict[str, Any]:
        with self.lock:
            return next(u for u in self.users.values() if u["username"].lower() == username.lower())

    def add_tweet(
        self,
        text: str,
        *,
        author: str,
        mentions: Iterable[str] = ("uppolice",),
        lang: str = "hi",
        **fields: Any,
    ) -> dict[str, Any]:
        """A tweet in X's v2 shape with increasing id; `@handle`s in `mentions` are prepended if absent."""
        author_user = self.user(author)
        handles = list(mentions)
        for handle in reversed(handles):
            if f"@{handle}".lower() not in text.lower():
                text = f"@{handle} {text}"
        tweet_id = str(next(self._ids))
        entity_mentions = []
        for handle in handles:
            start = text.lower().index(f"@{handle}".lower())
            mention: dict[str, Any] = {"start": start, "end": start + len(handle) + 1, "username": handle}
            try:
                mention["id"] = self.user(handle)["id"]
            except StopIteration:
                pass
            entity_mentions.append(mention)
        tweet: dict[str, Any] = {
            "id": tweet_id,
            "text": text,
            "edit_history_tweet_ids": [tweet_id],
            "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "author_id": author_user["id"],
            "conversation_id": tweet_id,
            "lang": lang,
            "entities": {"mentions": entity_mentions},
        }
        tweet.update(fields)
        with self.lock:
            self.tweets.append(tweet)
        return tweet

    def stream_tweet(self, tweet: dict[str, Any], *, tags: Iterable[str] = ("seva:mentions:0",)) -> bytes:
        """Queue a tweet on the filtered stream as X's envelope line (compact, UTF-8 as is); returns the bytes."""
        envelope = {
            "data": tweet,
            "includes": {"users": [self._render_user(self.users[tweet["author_id"]], ("location",))]},
            "matching_rules": [{"id": self._rule_id_for(tag), "tag": tag} for tag in tags],
        }
        line = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.push_stream_line(line)
        return line

    def push_stream_line(self, line: bytes) -> None:
        """Queue any line, byte for byte (system messages, odd formatting)."""
        with self.lock:
            self.stream_lines.append(line)
            self.lock.notify_all()

    def add_rule(self, value: str, tag: str | None = None) -> dict[str, Any]:
        rule: dict[str, Any] = {"id": str(next(self._rule_ids)), "value": value}
        if tag is not None:
            rule["tag"] = tag
        with self.lock:
            self.rules[rule["id"]] = rule
        return rule

    def set_rate_limit(self, endpoint: str, *, remaining: int, reset: float, limit: int | None = None) -> None:
        """E.g. remaining=0, reset=now+2: the next requests get 429 until the fake's clock reaches `reset`."""
        with self.lock:
            self.windows[endpoint] = RateWindow(limit or DEFAULT_LIMITS[endpoint], remaining, reset)

    def requests_to(self, endpoint: str) -> list[RecordedRequest]:
        with self.lock:
            return [r for r in self.requests if r.endpoint == endpoint]

    # --- rendering ----------------------------------------------------------------------------------------------

    @staticmethod
    def _render_tweet(tweet: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
        wanted = set(DEFAULT_TWEET_FIELDS) | set(fields)
        return {k: v for k, v in tweet.items() if k in wanted}

    @staticmethod
    def _render_user(user: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
        wanted = set(DEFAULT_USER_FIELDS) | set(fields)
        return {k: v for k, v in user.items() if k in wanted}

    def _rule_id_for(self, tag: str) -> str:
        with self.lock:
            for rule in self.rules.values():
                if rule.get("tag") == tag:
                    return str(rule["id"])
        return "0"

    # --- request handling (called from handler threads) ---------------------------------------------------------

    def _sent(self) -> str:
        return datetime.fromtimestamp(self.clock(), UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def _rate_limit(self, endpoint: str) -> tuple[bool, dict[str, str]]:
        """Spend one request of the endpoint's window: (allowed, x-rate-limit-* headers)."""
        now = self.clock()
        with self.lock:
            window = self.windows.get(endpoint)
            if window is None or now >= window.reset:
                limit = DEFAULT_LIMITS.get(endpoint, 450)
                window = self.windows[endpoint] = RateWindow(limit, limit, now + 900)
            allowed = window.remaining > 0
            if allowed:
                window.remaining -= 1
            headers = {
                "x-rate-limit-limit": str(window.limit),
                "x-rate-limit-remaining": str(window.remaining),
                "x-rate-limit-reset": str(int(window.reset)),
            }
        return allowed, headers

    def _handle(self, record: RecordedRequest) -> _Reply:
        if record.headers.get("authorization") != f"Bearer {self.token}":
            body = {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
            return _Reply(401, body)
        allowed, headers = self._rate_limit(record.endpoint)
        if not allowed:
            body = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
            return _Reply(429, body, headers)
        if record.endpoint == "rules":
            reply = self._rules(record)
        elif record.endpoint in ("mentions", "search"):
            reply = self._timeline(record)
        elif record.endpoint == "create":
            reply = self._create(record)
        else:
            reply = _Reply(404, {"title": "Not Found Error", "type": "about:blank", "status": 404,
                                 "detail": f"no route {record.path}"})
        reply.headers.update(headers)
        return reply

    def _create(self, record: RecordedRequest) -> _Reply:
        """POST /2/tweets: a reply is stored as a tweet with its conversation and answered as X does (201)."""
        try:
            request = json.loads(record.body or b"{}")
        except ValueError as exc:
            return _Reply(400, _invalid_request(str(exc)))
        text = request.get("text")
        if not isinstance(text, str) or not text.strip():
            return _Reply(400, _invalid_request("text is required"))
        parent_id = (request.get("reply") or {}).get("in_reply_to_tweet_id")
        with self.lock:
            parent = next((t for t in self.tweets if t["id"] == parent_id), None)
            if parent_id is not None and parent is None:
                return _Reply(400, _invalid_request(f"in_reply_to_tweet_id {parent_id} does not exist"))
            tweet_id = str(next(self._ids))
            tweet: dict[str, Any] = {"id": tweet_id, "text": text, "edit_history_tweet_ids": [tweet_id],
                                     "created_at": self._sent(), "author_id": "seva",
                                     "conversation_id": parent["conversation_id"] if parent else tweet_id}
            if parent is not None:
                tweet["referenced_tweets"] = [{"type": "replied_to", "id": parent_id}]
            self.created.append(tweet)
        return _Reply(201, {"data": {"id": tweet_id, "text": text, "edit_history_tweet_ids": [tweet_id]}})

    def _rules(self, record: RecordedRequest) -> _Reply:
        dry_run = record.query.get("dry_run") == "true"
        with self.lock:
            if record.method == "GET":
                ids = set(filter(None, record.query.get("ids", "").split(",")))
                data = [r for r in self.rules.values() if not ids or r["id"] in ids]
                body: dict[str, Any] = {"meta": {"sent": self._sent(), "result_count": len(data)}}
                if data:
                    body = {"data": data, **body}
                return _Reply(200, body)
            request = json.loads(record.body or b"{}")
            if "add" in request:
                return self._add_rules(request["add"], dry_run)
            if "delete" in request:
                return self._delete_rules(request["delete"].get("ids", []), dry_run)
        return _Reply(400, _invalid_request("body must have 'add' or 'delete'"))

    def _add_rules(self, rules: list[dict[str, Any]], dry_run: bool) -> _Reply:
        errors: list[dict[str, Any]] = []
        invalid = [r for r in rules if not r.get("value") or len(r["value"]) > MAX_RULE_LENGTH]
        if invalid:
            # X rejects the whole request when a rule is invalid.
            for rule in invalid:
                errors.append({"value": rule.get("value"), "details": [f"Rule must be {MAX_RULE_LENGTH} characters "
                               "or less"], "title": "UnprocessableEntity",
                               "type": "https://api.twitter.com/2/problems/invalid-rules"})
            summary = {"created": 0, "not_created": len(rules), "valid": len(rules) - len(invalid),
                       "invalid": len(invalid)}
            return _Reply(400, {"errors": errors, "meta": {"sent": self._sent(), "summary": summary}})
        created: list[dict[str, Any]] = []
        values = {r["value"]: r["id"] for r in self.rules.values()}
        for rule in rules:
            if rule["value"] in values:
                errors.append({"value": rule["value"], "id": values[rule["value"]], "title": "DuplicateRule",
                               "type": "https://api.twitter.com/2/problems/duplicate-rules"})
                continue
            new = {"value": rule["value"], **({"tag": rule["tag"]} if "tag" in rule else {}),
                   "id": str(next(self._rule_ids))}
            values[new["value"]] = new["id"]
            created.append(new)
            if not dry_run:
                self.rules[new["id"]] = new
        summary = {"created": len(created), "not_created": len(errors), "valid": len(created), "invalid": 0}
        body: dict[str, Any] = {"meta": {"sent": self._sent(), "summary": summary}}
        if created:
            body["data"] = created
        if errors:
            body["errors"] = errors
        return _Reply(201 if created else 200, body)

    def _delete_rules(self, ids: list[str], dry_run: bool) -> _Reply:
        known = [i for i in ids if i in self.rules]
        unknown = [i for i in ids if i not in self.rules]
        if not dry_run:
            for rule_id in known:
                del self.rules[rule_id]
        body: dict[str, Any] = {"meta": {"sent": self._sent(),
                                         "summary": {"deleted": len(known), "not_deleted": len(unknown)}}}
        if unknown:
            body["errors"] = [{"errors": [{"parameters": {"ids": [i]}, "message": "Rule does not exist"}
                                          for i in unknown], "title": "Invalid Request",
                               "detail": "One or more parameters to your request was invalid.",
                               "type": "https://api.twitter.com/2/problems/invalid-request"}]
        return _Reply(200, body)

    def _timeline(self, record: RecordedRequest) -> _Reply:
        query = record.query
        low, high, default = PAGE_BOUNDS[record.endpoint]
        try:
            size = int(query.get("max_results", default))
            since = int(query["since_id"]) if "since_id" in query else None
            token_name = "pagination_token" if record.endpoint == "mentions" else "next_token"
            token = query.get(token_name)
            until = int(token.removeprefix(TOKEN_PREFIX), 16) if token else None
        except ValueError as exc:
            return _Reply(400, _invalid_request(str(exc)))
        if not low <= size <= high:
            return _Reply(400, _invalid_request(f"The `max_results` query parameter value [{size}] is not between "
                                                f"{low} and {high}"))
        if token is not None and not token.startswith(TOKEN_PREFIX):
            return _Reply(400, _invalid_request(f"invalid {token_name}"))
        with self.lock:
            if record.endpoint == "mentions":
                user_id = record.path.split("/")[3]
                if user_id not in self.users:
                    return _Reply(200, {"errors": [{"value": user_id, "detail": f"Could not find user with id: "
                                                    f"[{user_id}].", "title": "Not Found Error",
                                                    "resource_type": "user", "parameter": "id",
                                                    "resource_id": user_id,
                                                    "type": "https://api.twitter.com/2/problems/resource-not-found"}]})
                matched = [t for t in self.tweets if _mentions_id(t, user_id)]
            else:
                if not query.get("query"):
                    return _Reply(400, _invalid_request("The `query` query parameter can not be empty"))
                handles = {w[1:].lower() for w in query["query"].split() if w.startswith("@")}
                matched = [t for t in self.tweets if not handles or _mentions_handle(t, handles)]
            matched = [t for t in matched if (since is None or int(t["id"]) > since)
                       and (until is None or int(t["id"]) < until)]
            matched.sort(key=lambda t: int(t["id"]), reverse=True)  # X answers newest first
            page, rest = matched[:size], matched[size:]
            tweet_fields = [f for f in query.get("tweet.fields", "").split(",") if f]
            body: dict[str, Any] = {}
            if page:
                body["data"] = [self._render_tweet(t, tweet_fields) for t in page]
                if "author_id" in query.get("expansions", "").split(","):
                    user_fields = [f for f in query.get("user.fields", "").split(",") if f]
                    authors = dict.fromkeys(t["author_id"] for t in page)
                    body["includes"] = {"users": [self._render_user(self.users[a], user_fields) for a in authors]}
            meta: dict[str, Any] = {"result_count": len(page)}
            if page:
                meta.update(newest_id=page[0]["id"], oldest_id=page[-1]["id"])
            if rest:
                meta["next_token"] = TOKEN_PREFIX + format(int(page[-1]["id"]), "x")
            body["meta"] = meta
        return _Reply(200, body)

    # --- the stream ---------------------------------------------------------------------------------------------

    def _stream(self, handler: _Handler, record: RecordedRequest) -> None:
        if record.headers.get("authorization") != f"Bearer {self.token}":
            handler.reply(record, self._handle(record))
            return
        allowed, headers = self._rate_limit("stream")
        with self.lock:
            plan = self.stream_plan.popleft() if self.stream_plan else StreamConnection()
            self.stream_connections += 1
        if not allowed or plan.status != 200:
            status = 429 if not allowed else plan.status
            if status == 429 and plan.reset is not None:
                headers["x-rate-limit-reset"] = str(int(plan.reset))
                headers["x-rate-limit-remaining"] = "0"
            handler.reply(record, _Reply(status, {"title": "Scripted Failure", "type": "about:blank",
                                                  "status": status, "detail": f"scripted HTTP {status}"}, headers))
            return
        record.status = 200
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in headers.items():
            handler.send_header(name, value)
        if self.chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        with self.lock:
            position = max(0, self.stream_cursor - plan.overlap)
        sent = 0
        try:
            while not self._closing.is_set():
                with self.lock:
                    budget_left = plan.disconnect_after is None or sent < plan.disconnect_after
                    line = self.stream_lines[position] if budget_left and position < len(self.stream_lines) else None
                    if line is None and budget_left:
                        self.lock.wait(self.keepalive_s)
                if line is None and not budget_left:
                    break
                if line is None:
                    self._write(handler, b"\r\n")
                    continue
                self._write(handler, line + b"\r\n", split=self.split_chunks)
                self._write(handler, b"\r\n")  # X's keep-alive between activity
                position += 1
                sent += 1
                with self.lock:
                    self.stream_cursor = max(self.stream_cursor, position)
            if plan.abort:
                handler.connection.shutdown(socket.SHUT_RDWR)
            elif self.chunked:
                handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client went away: its stop(), or a reconnect

    def _write(self, handler: _Handler, data: bytes, split: bool = False) -> None:
        if not self.chunked:
            handler.wfile.write(data)
            return
        pieces = [data[: len(data) // 2], data[len(data) // 2:]] if split and len(data) > 2 else [data]
        for piece in pieces:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))


def _mentions_id(tweet: dict[str, Any], user_id: str) -> bool:
    return any(m.get("id") == user_id for m in tweet.get("entities", {}).get("mentions", []))


def _mentions_handle(tweet: dict[str, Any], handles: set[str]) -> bool:
    return any(m.get("username", "").lower() in handles for m in tweet.get("entities", {}).get("mentions", []))


def _invalid_request(message: str) -> dict[str, Any]:
    return {"errors": [{"parameters": {}, "message": message}], "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.",
            "type": "https://api.twitter.com/2/problems/invalid-request"}


def _endpoint(method: str, path: str) -> str:
    if path == STREAM_PATH:
        return "stream"
    if path == RULES_PATH:
        return "rules"
    if path == SEARCH_PATH:
        return "search"
    if path == TWEETS_PATH and method == "POST":
        return "create"
    parts = path.split("/")
    if len(parts) == 5 and parts[1:3] == ["2", "users"] and parts[4] == "mentions":
        return "mentions"
    return "unknown"


class _Handler(BaseHTTPRequestHandler):
    api: FakeXApi
    protocol_version = "HTTP/1.1"
    # Idle keep-alive connections of finished tests must not hold threads for long.
    timeout = 10

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _record(self) -> RecordedRequest:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        record = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            at=self.api.clock(),
            endpoint=_endpoint(self.command, parts.path),
        )
        with self.api.lock:
            self.api.requests.append(record)
        return record

    def reply(self, record: RecordedRequest, reply: _Reply) -> None:
        payload = json.dumps(reply.body, ensure_ascii=False).encode() if reply.body is not None else b""
        record.status = reply.status
        record.response = payload
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        record = self._record()
        if record.endpoint == "stream":
            self.api._stream(self, record)
        else:
            self.reply(record, self.api._handle(record))

    def do_POST(self) -> None:
        record = self._record()
        self.reply(record, self.api._handle(record))
