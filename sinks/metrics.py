"""The sink's Prometheus metrics. The names are a contract: alert rules in deploy/prometheus/ are written
against them, so rename nothing here without changing the rules."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

ROWS_WRITTEN = Counter("seva_sink_rows_written", "Rows ClickHouse accepted (committed batches)", ["table"])
BATCHES = Counter("seva_sink_batches", "Batches ClickHouse accepted", ["table"])
INSERT_FAILURES = Counter("seva_sink_insert_failures", "Failed insert attempts (each retry counts)", ["table"])
INSERT_DURATION = Histogram(
    "seva_sink_insert_duration_seconds", "Time of one successful insert", ["table"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
BATCH_ROWS = Histogram(
    "seva_sink_batch_rows", "Rows per written batch", ["table"],
    buckets=(1, 10, 50, 100, 500, 1000, 2500, 5000, 10000, 50000),
)
LAST_SUCCESS = Gauge("seva_sink_last_success_timestamp_seconds", "When the sink last committed a batch")
CLICKHOUSE_UP = Gauge("seva_sink_clickhouse_up", "1 when the sink's last ClickHouse call succeeded, else 0")
FLAGGED = Counter("seva_sink_flagged_events", "Status events stored with a flag", ["reason"])
DEAD_LETTERED = Counter("seva_sink_dead_lettered", "Undecodable records sent to the dead-letter topic", ["reason"])
ROUTED_TO_STORED = Histogram(
    "seva_sink_routed_to_stored_seconds", "From a complaint's classified_at to its batch being committed",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600),
)
OPEN_COMPLAINTS = Gauge("seva_district_open_complaints", "Complaints not disposed (from ClickHouse)", ["district"])
OLDEST_UNACKED_P1 = Gauge(
    "seva_district_oldest_unacknowledged_p1_age_seconds",
    "Age of the oldest P1 complaint with no response yet, 0 when none (from ClickHouse)", ["district"],
)


def init_children(tables: tuple[str, ...]) -> None:
    """Create every per-table series at 0, so rate() and absent() in alert rules work before the first event."""
    for table in tables:
        for metric in (ROWS_WRITTEN, BATCHES, INSERT_FAILURES):
            metric.labels(table)
