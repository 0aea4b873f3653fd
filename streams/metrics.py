"""The triage worker's Prometheus metrics (label children are created once and cached by the client)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

PROCESSED = Counter("seva_worker_processed_total", "Records a worker stage processed", ["stage"])
FAILED = Counter("seva_worker_failed_total", "Records a worker stage could not process", ["stage"])
DEAD_LETTERED = Counter("seva_worker_dead_lettered_total", "Records sent to the dead-letter topic",
                        ["stage", "reason"])
ROUTED = Counter("seva_worker_routed_total", "Tweets routed, by category and urgency", ["category", "urgency"])
LINKED = Counter("seva_worker_linked_total", "Tweets attached to an existing docket", ["relation"])
LAST_SUCCESS = Gauge("seva_worker_last_success_timestamp_seconds", "When a stage last processed a record",
                     ["stage"])
TABLE_ENTRIES = Gauge("seva_worker_table_entries", "Entries in a worker table", ["table"])
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600)
CREATED_TO_ROUTED = Histogram(
    "seva_worker_created_to_routed_seconds", "From the tweet's created_at to its routing", ["urgency"],
    buckets=_BUCKETS,
)
RECEIVED_TO_ROUTED = Histogram(
    "seva_worker_received_to_routed_seconds", "From Seva receiving a tweet to its routing", ["urgency"],
    buckets=_BUCKETS,
)



# Label children are looked up once: `.labels()` costs a lock and a dict lookup on every call. Creating the
# stage children up front also exports every counter at 0 from the start, so a rule's increase() sees the
# first failure, and an error ratio exists before anything failed.
STAGES = ("triage", "route", "lifecycle")
_PROCESSED = {stage: PROCESSED.labels(stage) for stage in STAGES}
_FAILED = {stage: FAILED.labels(stage) for stage in STAGES}
_LAST_SUCCESS = {stage: LAST_SUCCESS.labels(stage) for stage in STAGES}
_ROUTED: dict[tuple[str, str], Any] = {}
_LATENCY: dict[str, tuple[Any, Any]] = {}


def record_success(stage: str, now: float) -> None:
    """One record processed by a stage (now: time.time())."""
    _PROCESSED[stage].inc()
    _LAST_SUCCESS[stage].set(now)


def record_failure(stage: str) -> None:
    _FAILED[stage].inc()


def record_routed(category: str, urgency: str) -> None:
    child = _ROUTED.get((category, urgency))
    if child is None:
        child = _ROUTED[(category, urgency)] = ROUTED.labels(category, urgency)
    child.inc()


def observe_latency(created: datetime, received: datetime, routed: datetime, urgency: str) -> None:
    children = _LATENCY.get(urgency)
    if children is None:
        children = _LATENCY[urgency] = (CREATED_TO_ROUTED.labels(urgency), RECEIVED_TO_ROUTED.labels(urgency))
    children[0].observe(max(0.0, (routed - created).total_seconds()))
    children[1].observe(max(0.0, (routed - received).total_seconds()))


STALL_EXITS = Counter("seva_worker_stall_exits_total", "Times the watchdog stopped this worker for a restart "
                      "because fetched records never reached a stream (streams/watchdog.py)")
REOPENED = Counter("seva_worker_reopened_total", "Disposed dockets reopened by a complainant's reply")
