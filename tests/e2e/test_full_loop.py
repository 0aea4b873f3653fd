"""The whole loop on the real stack: generated tweets -> producer -> triage worker -> simulated responders
(a known subset acknowledged, disposed, reopened) -> sink -> HQ report, which must equal the ground truth."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from seva.clickhouse import connect
from seva.demo import LoopResult, group_lag, run_loop
from seva.kafka import delete_namespace
from seva.settings import Settings
from seva.topics import COMPLAINT_STATUS, DISTRICT_TOPICS, HQ_TRIAGE, namespaced
from sinks.report import ReportWindow, build_report

# Every scripted action counts, however far after its tweet the simulator placed it.
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def expected_districts(result: LoopResult) -> dict[str, tuple[int, int, int]]:
    truth = result.truth
    district_of = result.tally.district_of
    assert truth.complaints == set(district_of), "the responders saw other dockets than the worker routed"
    disposed = truth.disposed - truth.replied  # a complainant's reply after disposal reopens the docket
    received, done = Counter(district_of.values()), Counter(district_of[d] for d in disposed)
    return {d: (received[d], done[d], received[d] - done[d]) for d in received}


def reported_districts(report: object) -> dict[str, tuple[int, int, int]]:
    return {r["district"]: (r["received"], r["disposed"], r["pending"]) for r in report.districts  # type: ignore[attr-defined]
            if r["received"] or r["disposed"] or r["pending"]}


@pytest.fixture
def namespace(stack_settings: Settings) -> Iterator[str]:
    ns = f"e{uuid.uuid4().hex[:8]}."
    yield ns
    delete_namespace(stack_settings.kafka, ns)


def test_report_equals_the_ground_truth_and_survives_a_replay(
    stack_settings: Settings, ch_database: str, free_port: int, namespace: str
) -> None:
    result = run_loop(stack_settings, print, tweets=500, namespace=namespace, database=ch_database, seed=5,
                      ports={"worker": free_port, "sink": free_port + 1}, report_now=FAR_FUTURE)
    truth = result.truth
    assert truth.disposed and truth.acknowledged - truth.disposed, "the scenario must leave some pending"
    assert truth.replied, "the scenario must reopen some disposed dockets"

    expected = expected_districts(result)
    total = result.report.total
    assert (total.received, total.disposed, total.pending) == (
        sum(e[0] for e in expected.values()), sum(e[1] for e in expected.values()),
        sum(e[2] for e in expected.values()))
    assert reported_districts(result.report) == expected

    # A second sink reading everything again from the earliest offsets changes no number.
    group = namespace + "seva-sink-replay"
    topics = [namespaced(t, namespace).name for t in (*DISTRICT_TOPICS, HQ_TRIAGE, COMPLAINT_STATUS)]
    replay = subprocess.Popen(
        [sys.executable, "-m", "seva.cli", "sink", "--no-metrics", "--namespace", namespace, "--group", group],
        env={**__import__("os").environ, "SEVA_CLICKHOUSE__DATABASE": ch_database},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        import time

        deadline = time.monotonic() + 120
        while group_lag(stack_settings, group, topics) and time.monotonic() < deadline:
            assert replay.poll() is None, replay.communicate()[0].decode()[-2000:]
            time.sleep(1)
        assert group_lag(stack_settings, group, topics) == 0
    finally:
        replay.terminate()
        replay.wait(30)
    client = connect(stack_settings.clickhouse, database=ch_database)
    try:
        again = build_report(client.execute, ch_database, ReportWindow(now=FAR_FUTURE), stack_settings.report)
    finally:
        client.disconnect()
    assert again.total == result.report.total
    assert reported_districts(again) == expected
