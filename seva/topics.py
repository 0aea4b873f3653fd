"""Every Kafka topic Seva uses: its name, partitions and config. No topic name string appears elsewhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from seva.districts import DISTRICT_SLUGS, UNKNOWN


@dataclass(frozen=True)
class TopicSpec:
    """A topic as Seva creates it (topics are never auto-created)."""

    name: str
    partitions: int
    replication: int = 1
    config: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


_MONTH_MS = str(30 * 86_400_000)

# Raw tweets exactly as received from a source; keyed by conversation (see RawTweet.partition_key).
TWEETS_RAW = TopicSpec("tweets.raw", partitions=6)
# Triaged complaints between the two triage stages, keyed by text fingerprint (duplicate-text state).
TWEETS_TRIAGED = TopicSpec("tweets.triaged", partitions=6)
# Tweets that are not complaints (praise, news, greetings, spam): audit only.
TWEETS_IGNORED = TopicSpec("tweets.ignored", partitions=3)
# Retweets, repeated texts and replies attached to an existing docket, keyed by docket.
COMPLAINTS_LINKED = TopicSpec("complaints.linked", partitions=3)
# Complaints whose district could not be determined: HQ's social-media cell routes them by hand.
HQ_TRIAGE = TopicSpec("complaints.hq.triage", partitions=1)
# Every P1 complaint, whatever its district: HQ watches the critical ones.
HQ_WATCH = TopicSpec("complaints.hq.watch", partitions=1)
# Status events from responders (acknowledged, assigned, disposed…), keyed by docket.
COMPLAINT_STATUS = TopicSpec("complaints.status", partitions=3)
# Records that could not be processed, with the reason and origin in headers; kept a month.
DEAD_LETTER = TopicSpec("seva.deadletter", partitions=1, config=MappingProxyType({"retention.ms": _MONTH_MS}))

DISTRICT_TOPIC_PREFIX = "complaints."


def district_topic(slug: str) -> TopicSpec:
    """One topic per district: its responders consume it in the district's consumer group. One partition
    keeps a district's complaints in order; at UP's volume (hundreds a day) it is nowhere near a limit."""
    if slug == UNKNOWN:
        return HQ_TRIAGE
    if slug not in DISTRICT_SLUGS:
        raise KeyError(f"unknown district slug {slug!r}")
    return TopicSpec(DISTRICT_TOPIC_PREFIX + slug, partitions=1)


DISTRICT_TOPICS: tuple[TopicSpec, ...] = tuple(district_topic(s) for s in sorted(DISTRICT_SLUGS))

# Where the triage worker writes, for readers that account for every tweet (the demo, the benchmarks).
WORKER_OUTPUTS: tuple[TopicSpec, ...] = (*DISTRICT_TOPICS, HQ_TRIAGE, HQ_WATCH, TWEETS_IGNORED, COMPLAINTS_LINKED)


def namespaced(spec: TopicSpec, namespace: str) -> TopicSpec:
    """The same topic under a name prefix: tests (and side-by-side deployments) get their own set."""
    return spec if not namespace else TopicSpec(namespace + spec.name, spec.partitions, spec.replication, spec.config)


CORE_TOPICS: tuple[TopicSpec, ...] = (
    TWEETS_RAW, TWEETS_TRIAGED, TWEETS_IGNORED, COMPLAINTS_LINKED, HQ_TRIAGE, HQ_WATCH, COMPLAINT_STATUS,
    DEAD_LETTER, *DISTRICT_TOPICS,
)
