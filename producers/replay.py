"""Replay of JSON-lines files (bare X API v2 tweets or stream envelopes), as fast as possible or paced."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from seva.xpayload import parse_created_at


def read_lines(paths: Iterable[Path]) -> Iterator[bytes]:
    """Every non-blank line of every file, as raw bytes (no decoding: invalid UTF-8 must reach the DLQ)."""
    for path in paths:
        with path.open("rb") as handle:
            for line in handle:
                line = line.rstrip(b"\r\n")
                if line.strip():
                    yield line


def _created_at(line: bytes) -> datetime | None:
    try:
        doc = json.loads(line)
        tweet = doc["data"] if isinstance(doc.get("data"), dict) else doc
        return parse_created_at(str(tweet["created_at"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # unpaceable lines go out at once; the publisher dead-letters the malformed ones


def paced(
    lines: Iterable[bytes], speed: float, sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> Iterator[bytes]:
    """Yield lines at the pace of their created_at, `speed` times faster than real time."""
    if speed <= 0:
        raise ValueError("speed must be positive")
    first: datetime | None = None
    started = monotonic()
    for line in lines:
        created = _created_at(line)
        if created is not None:
            if first is None:
                first = created
            due = (created - first).total_seconds() / speed
            wait = due - (monotonic() - started)
            if wait > 0:
                sleep(wait)
        yield line
