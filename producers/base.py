"""What every tweet source hands its tweets to: raw bytes exactly as received, and its source name."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class Source(StrEnum):
    """Where a tweet came from; recorded in RawTweet.source and in metric labels."""

    X_STREAM = "x_stream"
    X_POLL = "x_poll"
    REPLAY = "replay"
    SYNTHETIC = "synthetic"


class TweetSink(Protocol):
    """The publisher as sources see it (producers/publisher.py implements it)."""

    def submit(self, raw: bytes, source: Source) -> None:
        """Take one record exactly as the source received it: published, dead-lettered or skipped as a
        duplicate. Blocks (does not drop) while Kafka's local buffer is full."""

    def flush(self, timeout: float | None = None) -> int:
        """Wait until everything submitted so far is acknowledged by Kafka; returns what is still pending
        (0 = all delivered). Sources call it before persisting a checkpoint."""
