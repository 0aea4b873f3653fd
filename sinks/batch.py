"""The sink's batch, pure: rows per table, dead letters, and the offsets to commit once ClickHouse has them.

The add / due / clear shape of quix-streams' BatchingSink: a batch is due when it holds `max_rows` rows or its
first record is `max_seconds` old; it is cleared only after it was written and its offsets committed (the sink
loop does that), so a failed write leaves the very same batch to retry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sinks.rows import AnyStatus, Row


@dataclass(frozen=True)
class DeadLetter:
    """A record the sink could not decode, with where it came from and why."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    reason: str
    detail: str


@dataclass
class Batch:
    """What the sink has consumed since its last commit."""

    max_rows: int
    max_seconds: float
    # complaints rows, in schema.COMPLAINT_COLUMNS order (docket_id and district are read back from them)
    complaint_rows: list[Row] = field(default_factory=list)
    statuses: list[AnyStatus] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)
    # (topic, partition) -> the next offset to read, i.e. what to commit
    offsets: dict[tuple[str, int], int] = field(default_factory=dict)
    opened_at: float | None = None
    # Progress of writing this batch, kept across retries so a retry neither re-flags events nor re-sends what
    # already landed: the status rows once flagged, and what was written ("complaints", "status_events",
    # "dead_letters").
    status_rows: list[Row] | None = None
    status_flags: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)

    def _consumed(self, topic: str, partition: int, offset: int, now: float) -> None:
        if self.opened_at is None:
            self.opened_at = now
        key = (topic, partition)
        self.offsets[key] = max(self.offsets.get(key, 0), offset + 1)

    def consumed(self, offsets: dict[tuple[str, int], int], now: float) -> None:
        """Records taken in bulk (rows appended to complaint_rows by the caller): `offsets` holds, per (topic,
        partition), the highest offset taken."""
        if not offsets:
            return
        if self.opened_at is None:
            self.opened_at = now
        mine = self.offsets
        for key, offset in offsets.items():
            mine[key] = max(mine.get(key, 0), offset + 1)

    def add_complaint(self, row: Row, topic: str, partition: int, offset: int, now: float) -> None:
        self.complaint_rows.append(row)
        self._consumed(topic, partition, offset, now)

    def add_status(self, event: AnyStatus, topic: str, partition: int, offset: int, now: float) -> None:
        self.statuses.append(event)
        self._consumed(topic, partition, offset, now)

    def add_dead(self, dead: DeadLetter, now: float) -> None:
        self.dead.append(dead)
        self._consumed(dead.topic, dead.partition, dead.offset, now)

    @property
    def rows(self) -> int:
        return len(self.complaint_rows) + len(self.statuses)

    @property
    def records(self) -> int:
        return self.rows + len(self.dead)

    def is_empty(self) -> bool:
        return not self.offsets

    def is_full(self) -> bool:
        return self.records >= self.max_rows

    def is_due(self, now: float) -> bool:
        """Full, or holding records for max_seconds."""
        if self.is_empty():
            return False
        return self.is_full() or (self.opened_at is not None and now - self.opened_at >= self.max_seconds)

    def room(self) -> int:
        return max(0, self.max_rows - self.records)

    def clear(self) -> None:
        # New lists rather than .clear(): a caller may still hold the old ones (metrics after a commit).
        self.complaint_rows = []
        self.statuses = []
        self.dead = []
        self.offsets = {}
        self.opened_at = None
        self.status_rows = None
        self.status_flags = []
        self.written = set()


def backoff_delays(initial: float, maximum: float) -> list[float]:
    """Retry delays: doubling from `initial`, capped at `maximum` (the last one repeats forever)."""
    delays = [initial]
    while delays[-1] * 2 < maximum:
        delays.append(delays[-1] * 2)
    delays.append(maximum)
    return delays
