"""`seva report` against the real ClickHouse: JSON with total and districts equal to the ground truth, the
district/time filters, CSV and table forms, and a bad option as a one-line configuration error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest

from seva.clickhouse import connect
from seva.settings import Settings
from sinks.rows import complaint_row, status_row
from sinks.schema import migrate
from tests import sink_scenario as sc


@pytest.fixture(scope="module")
def loaded(stack_settings: Settings) -> Iterator[tuple[str, sc.Scenario]]:
    db = f"seva_cli_{uuid.uuid4().hex[:8]}"
    admin = connect(stack_settings.clickhouse, database="")
    admin.execute(f"CREATE DATABASE `{db}`")
    client = connect(stack_settings.clickhouse, db)
    migrate(client.execute, db)
    s = sc.build(150, seed=31)
    rows = [complaint_row(c, 1) for c in s.complaints]
    client.execute("INSERT INTO complaints VALUES", rows)
    client.execute("INSERT INTO complaints VALUES", rows[:30])  # redelivered
    client.execute("INSERT INTO status_events VALUES", [status_row(e, "", 1) for e in s.events])
    yield db, s
    admin.execute(f"DROP DATABASE IF EXISTS `{db}`")


def seva(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEVA_CLICKHOUSE__DATABASE": db}
    return subprocess.run([sys.executable, "-m", "seva.cli", "report", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_json(loaded: tuple[str, sc.Scenario]) -> None:
    db, s = loaded
    out = seva(db, "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    want = sc.expected(s)
    assert doc["total"] == want["total"]
    assert doc["districts"] == want["districts"]
    assert doc["categories"] == want["categories"] and doc["timings"] == want["timings"]


def test_filters(loaded: tuple[str, sc.Scenario]) -> None:
    db, s = loaded
    since, until = sc.BASE + timedelta(days=1), sc.BASE + timedelta(days=3)
    out = seva(db, "--format", "json", "--district", "agra", "--since", since.isoformat(),
               "--until", until.isoformat())
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    want = sc.expected(s, since=since, until=until, district="agra")
    assert doc["total"] == want["total"] and doc["districts"] == want["districts"]
    assert [d["district"] for d in doc["districts"]] == ["agra"]
    assert doc["sla_breaches"] == want["sla_breaches"]  # `now` is `until` when until is given


def test_csv_and_table(loaded: tuple[str, sc.Scenario]) -> None:
    db, s = loaded
    want = sc.expected(s)["total"]
    csv_out = seva(db, "--format", "csv")
    assert csv_out.returncode == 0, csv_out.stderr
    lines = csv_out.stdout.strip().splitlines()
    assert lines[0] == "district,received,disposed,pending"
    assert lines[-1] == f"total,{want['received']},{want['disposed']},{want['pending']}"
    table = seva(db)
    assert table.returncode == 0, table.stderr
    assert f"received {want['received']:,}   disposed {want['disposed']:,}" in table.stdout
    assert "SLA breaches" in table.stdout and "daily (Asia/Kolkata)" in table.stdout


def test_bad_options_are_one_line_errors(loaded: tuple[str, sc.Scenario]) -> None:
    db, _ = loaded
    bad_time = seva(db, "--since", "last tuesday")
    assert bad_time.returncode == 2 and "--since" in bad_time.stderr and "Traceback" not in bad_time.stderr
    bad_district = seva(db, "--district", "x' OR 1=1")
    assert bad_district.returncode == 2 and "Traceback" not in bad_district.stderr
