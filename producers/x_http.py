"""Routing tweepy's hard-coded https://api.twitter.com to another base URL (the fake X API in tests)."""

from __future__ import annotations

import logging
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from seva.errors import ConfigError

log = logging.getLogger(__name__)

# tweepy 4.x builds every v2 URL from this literal (BaseClient.request, StreamingClient._connect).
X_API_HOST = "https://api.twitter.com"


class HasSession(Protocol):
    """What tweepy's Client and StreamingClient have in common here: the requests.Session they send with."""

    session: requests.Session


class ApiBaseAdapter(HTTPAdapter):
    """A transport adapter that sends requests meant for X_API_HOST to `api_base` instead, path and query kept."""

    def __init__(self, api_base: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.api_base = normalise_api_base(api_base)

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        # Rewriting here, after the session prepared the request, keeps tweepy's params, headers and body as
        # they are; the connection pool is then chosen from the rewritten URL.
        if request.url and request.url.startswith(X_API_HOST + "/"):
            request.url = self.api_base + request.url[len(X_API_HOST):]
        return super().send(request, *args, **kwargs)


def normalise_api_base(api_base: str) -> str:
    """`http(s)://host[:port]` without a trailing slash; anything else is a ConfigError."""
    parts = urlsplit(api_base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/") or parts.query:
        raise ConfigError(f"X API base must look like http://host:port, got {api_base!r}")
    return f"{parts.scheme}://{parts.netloc}"


def route_session(session: requests.Session, api_base: str | None) -> requests.Session:
    """Send `session`'s requests for X_API_HOST to `api_base`; None (production) leaves the session alone."""
    if api_base is None:
        return session
    session.mount(X_API_HOST + "/", ApiBaseAdapter(api_base))
    # Proxy and CA variables were meant for the real host: a loopback fake must not go through a proxy.
    session.trust_env = False
    log.info("X API requests routed to %s", normalise_api_base(api_base))
    return session


def route_client(client: HasSession, api_base: str | None) -> None:
    """Install the routing on a tweepy Client or StreamingClient (both keep one `session` for their life)."""
    route_session(client.session, api_base)
