"""Every DDL statement and every report query of the sink, on the 18.16 server and on current ClickHouse (chdb,
in process), against figures computed independently in Python (tests/sink_scenario.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from seva.clickhouse import connect
from seva.settings import Settings
from sinks.report import QUERIES, ReportWindow, build_report, render
from sinks.rows import complaint_row, status_row
from sinks.schema import COMPLAINT_COLUMNS, MIGRATIONS, STATUS_EVENT_COLUMNS, migrate, quote_literal
from tests import sink_scenario as sc

Execute = Callable[[str], Sequence[Sequence[Any]]]


REDELIVERED = 25  # complaints written a second time, in a separate insert (as a replayed batch would be)


def _rows(s: sc.Scenario) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    complaints = [complaint_row(c, 1_000 + i) for i, c in enumerate(s.complaints)]
    events = [status_row(e, "", 2_000 + i) for i, e in enumerate(s.events)]  # duplicates already inside
    return complaints, events


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return quote_literal(value)
    if isinstance(value, datetime):
        return quote_literal(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return str(int(value))


def _insert_sql(db: str, table: str, columns: Sequence[tuple[str, str]], rows: list[tuple[Any, ...]]) -> str:
    names = ", ".join(n for n, _ in columns)
    values = ", ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in rows)
    return f"INSERT INTO {db}.{table} ({names}) VALUES {values}"


WINDOWS = {
    "all": {},
    "since_until_district": {
        "since": sc.BASE + timedelta(days=1), "until": sc.BASE + timedelta(days=4), "district": "lucknow",
    },
}


def _check(execute: Execute, db: str, s: sc.Scenario) -> None:
    # Migrations are idempotent: a second run applies nothing.
    assert migrate(execute, db) == []
    for table, columns in (("complaints", COMPLAINT_COLUMNS), ("status_events", STATUS_EVENT_COLUMNS)):
        described = [(str(r[0]), str(r[1])) for r in execute(f"DESCRIBE TABLE {db}.{table}")]
        assert described == list(columns), table
    for name, window in WINDOWS.items():
        report = build_report(execute, db, ReportWindow(now=window.get("until", s.now), **window)).as_dict()
        want = sc.expected(s, **window)
        assert sc.comparable(report) == want, name
    # The gauges' queries (no window).
    now = s.now
    open_ = dict(execute(render("open_by_district", db, ReportWindow(now=now))))
    assert {d: int(n) for d, n in open_.items()} == {
        d["district"]: d["pending"] for d in sc.expected(s)["districts"]}
    oldest = dict(execute(render("oldest_unanswered_p1", db, ReportWindow(now=now))))
    assert oldest, "the scenario has unanswered P1s"


@pytest.fixture(scope="module")
def scenario() -> sc.Scenario:
    s = sc.build(240, seed=5)
    # Sanity of the scenario itself: it exercises every rule it is meant to.
    want = sc.expected(s)
    assert want["anomalies"]["unknown_docket"] == 3 and want["anomalies"]["wrong_district"] > 0
    assert 0 < want["total"]["disposed"] < want["total"]["pending"] + want["total"]["disposed"]
    assert want["sla_breaches"]
    return s


def test_report_on_the_server(stack_settings: Settings, scenario: sc.Scenario) -> None:
    db = f"seva_sql_{uuid.uuid4().hex[:8]}"
    admin = connect(stack_settings.clickhouse, database="")
    admin.execute(f"CREATE DATABASE `{db}`")
    try:
        client = connect(stack_settings.clickhouse, db)
        execute: Execute = client.execute
        assert migrate(execute, db) == [m.version for m in MIGRATIONS]
        complaints, events = _rows(scenario)
        client.execute(f"INSERT INTO {db}.complaints VALUES", complaints)
        client.execute(f"INSERT INTO {db}.complaints VALUES", complaints[:REDELIVERED])
        client.execute(f"INSERT INTO {db}.status_events VALUES", events[:REDELIVERED])
        client.execute(f"INSERT INTO {db}.status_events VALUES", events)
        _check(execute, db, scenario)
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS `{db}`")


@pytest.fixture
def chdb_execute(tmp_path: Path) -> Iterator[Execute]:
    chdb = pytest.importorskip("chdb")
    conn = chdb.connect(f"file:{tmp_path / 'chdb'}")
    cur = conn.cursor()

    def execute(sql: str) -> Sequence[Sequence[Any]]:
        cur.execute(sql)
        return list(cur.fetchall() or [])

    yield execute
    cur.close()
    conn.close()


def test_report_on_current_clickhouse_in_chdb(chdb_execute: Execute, scenario: sc.Scenario) -> None:
    (version,), = chdb_execute("SELECT version()")
    assert int(str(version).split(".")[0]) >= 24
    chdb_execute("CREATE DATABASE IF NOT EXISTS seva_chdb")
    assert migrate(chdb_execute, "seva_chdb") == [m.version for m in MIGRATIONS]
    complaints, events = _rows(scenario)
    chdb_execute(_insert_sql("seva_chdb", "complaints", COMPLAINT_COLUMNS, complaints))
    chdb_execute(_insert_sql("seva_chdb", "complaints", COMPLAINT_COLUMNS, complaints[:REDELIVERED]))
    chdb_execute(_insert_sql("seva_chdb", "status_events", STATUS_EVENT_COLUMNS, events[:REDELIVERED]))
    chdb_execute(_insert_sql("seva_chdb", "status_events", STATUS_EVENT_COLUMNS, events))
    _check(chdb_execute, "seva_chdb", scenario)


def test_every_query_is_exercised() -> None:
    # _check runs build_report (every query but the two gauges) and the gauges: a new query must join them.
    assert set(QUERIES) == {"total", "districts", "categories", "timings", "sla", "daily", "anomalies",
                            "open_by_district", "oldest_unanswered_p1"}
