"""The ground is real: the ClickHouse server takes rows and gives them back, and the same SQL runs on the
18.16 server here and on current ClickHouse (chdb, in process)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from seva.clickhouse import connect, detect_features
from seva.settings import Settings

# Portable SQL only: nothing newer than 18.16 (no DateTime64, TTL, Map, window functions; LowCardinality
# is experimental there, behind allow_experimental_low_cardinality_type).
DDL = """
CREATE TABLE IF NOT EXISTS {db}.smoke_events (
    event_id String,
    docket_id String,
    district String,
    status String,
    version UInt64,
    at DateTime
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(at)
ORDER BY (district, docket_id, event_id)
"""
INSERT = "INSERT INTO {db}.smoke_events (event_id, docket_id, district, status, version, at) VALUES"
# A redelivered event (e1 twice) must count once after FINAL.
ROWS = [
    ("e1", "d1", "lucknow", "received", 1, datetime(2026, 11, 24, 10, 0)),
    ("e1", "d1", "lucknow", "received", 1, datetime(2026, 11, 24, 10, 0)),
    ("e2", "d1", "lucknow", "disposed", 2, datetime(2026, 11, 24, 11, 0)),
    ("e3", "d2", "agra", "received", 1, datetime(2026, 11, 24, 12, 0)),
]


def _literal_values() -> str:
    """The same rows as SQL literals, for chdb (the native protocol sends them as a data block instead)."""
    return ", ".join(
        "(" + ", ".join(f"'{v:%Y-%m-%d %H:%M:%S}'" if isinstance(v, datetime) else repr(v) for v in row) + ")"
        for row in ROWS
    )
QUERIES = {
    "final_count": "SELECT count() FROM {db}.smoke_events FINAL",
    "latest_status": (
        "SELECT docket_id, argMax(status, version) AS s FROM {db}.smoke_events "
        "GROUP BY docket_id ORDER BY docket_id"
    ),
    "per_district": (
        "SELECT district, uniqExact(docket_id) AS n, quantile(0.5)(version) AS q "
        "FROM {db}.smoke_events FINAL GROUP BY district ORDER BY district"
    ),
}
EXPECTED = {
    "final_count": [(3,)],
    "latest_status": [("d1", "disposed"), ("d2", "received")],
    "per_district": [("agra", 1, 1.0), ("lucknow", 1, 1.5)],
}


def _normalise(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return [tuple(float(v) if isinstance(v, float) else v for v in row) for row in rows]


def test_rows_inserted_with_the_driver_are_read_back(stack_settings: Settings, ch_database: str) -> None:
    client = connect(stack_settings.clickhouse, ch_database)
    client.execute("CREATE TABLE t (n UInt32, at DateTime) ENGINE = MergeTree ORDER BY n")
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    client.execute("INSERT INTO t (n, at) VALUES", [(i, now) for i in range(10_000)])
    assert client.execute("SELECT count(), sum(n), min(at) FROM t") == [(10_000, sum(range(10_000)), now)]


def test_server_features_are_detected(stack_settings: Settings, ch_database: str) -> None:
    features = detect_features(connect(stack_settings.clickhouse, ch_database))
    assert features.version >= (18, 16)
    assert "max_memory_usage" in features.settings


def test_same_sql_on_the_server(stack_settings: Settings, ch_database: str) -> None:
    client = connect(stack_settings.clickhouse, ch_database)
    client.execute(DDL.format(db=ch_database))
    client.execute(INSERT.format(db=ch_database), ROWS)
    for name, sql in QUERIES.items():
        assert _normalise(client.execute(sql.format(db=ch_database))) == EXPECTED[name], name


@pytest.fixture
def chdb_cursor(tmp_path: Path) -> Iterator[object]:
    chdb = pytest.importorskip("chdb")
    conn = chdb.connect(f"file:{tmp_path / 'chdb'}")
    cur = conn.cursor()
    yield cur
    cur.close()
    conn.close()


def test_same_sql_on_current_clickhouse_in_chdb(chdb_cursor: object) -> None:
    cur = chdb_cursor
    cur.execute("SELECT version()")  # type: ignore[attr-defined]
    (version,), = cur.fetchall()  # type: ignore[attr-defined]
    assert int(version.split(".")[0]) >= 24, version
    cur.execute("CREATE DATABASE IF NOT EXISTS seva_chdb")  # type: ignore[attr-defined]
    cur.execute(DDL.format(db="seva_chdb"))  # type: ignore[attr-defined]
    cur.execute(INSERT.format(db="seva_chdb") + " " + _literal_values())  # type: ignore[attr-defined]
    for name, sql in QUERIES.items():
        cur.execute(sql.format(db="seva_chdb"))  # type: ignore[attr-defined]
        assert _normalise(list(cur.fetchall())) == EXPECTED[name], name  # type: ignore[attr-defined]
