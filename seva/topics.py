"""Every Kafka topic Seva uses: its name, partitions and config. No topic name string appears elsewhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class TopicSpec:
    """A topic as Seva creates it (topics are never auto-created)."""

    name: str
    partitions: int
    replication: int = 1
    config: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


# Raw tweets exactly as received from a source; keyed for per-conversation ordering (see producers/).
TWEETS_RAW = TopicSpec("tweets.raw", partitions=6)
# Records that could not be processed, with the reason and origin in headers; kept a month.
DEAD_LETTER = TopicSpec("seva.deadletter", partitions=1, config=MappingProxyType({"retention.ms": str(30 * 86400_000)}))

CORE_TOPICS: tuple[TopicSpec, ...] = (TWEETS_RAW, DEAD_LETTER)
