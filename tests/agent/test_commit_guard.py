"""The worker's consumer never commits past a record that no stream received (streams.app.SeekFirstConsumer).

Regression: a restarted worker's Kafka client handed over tweets.raw[1] 98-140 while Faust held the partition
paused; Faust skipped them, read 141 next, counted 98-140 as a "gap" (meant for compacted topics) and committed
194. Those tweets were never triaged. These tests drive Faust's own commit bookkeeping on the real consumer
object (no broker: nothing here connects).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from faust.types import TP

from seva.settings import Settings
from streams import app as app_module
from streams.app import create_app, lost_in_gap, unread_before

RAW = TP("tweets.raw", 1)


class Stops:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, app: Any) -> None:
        self.count += 1
        app.seva_stall_exit = True


@pytest.fixture
def stops(monkeypatch: pytest.MonkeyPatch) -> Stops:
    stops = Stops()
    monkeypatch.setattr(app_module.watchdog, "stop_for_restart", stops)
    return stops


@pytest.fixture
def consumer() -> Iterator[Any]:
    app = create_app(Settings(), outbox=lambda send: None)  # type: ignore[arg-type,return-value]
    consumer: Any = app.consumer
    consumer._committed_offset[RAW] = 98  # Kafka's meaning: the next offset to read
    yield consumer


def earliest(offset: int) -> Any:
    async def earliest_offsets(*tps: TP) -> dict[TP, int]:
        return {tp: offset for tp in tps}
    return earliest_offsets


def test_lost_records_are_those_the_log_still_holds() -> None:
    assert lost_in_gap(99, 141, log_start=0) == range(99, 141)
    assert lost_in_gap(99, 141, log_start=120) == range(120, 141)
    assert not lost_in_gap(99, 141, log_start=141)  # retention deleted them: nothing the worker lost


def test_acked_records_must_follow_on_from_where_the_partition_was() -> None:
    assert unread_before(98, 141) == range(98, 141)
    assert not unread_before(98, 98)
    assert not unread_before(98, 60)  # records read again after a seek back
    assert not unread_before(None, 141)  # nothing known: no claim


async def test_a_gap_of_unread_records_is_not_committed_past_and_the_worker_restarts(
        consumer: Any, stops: Stops, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(consumer, "earliest_offsets", earliest(0))
    # Faust, on reading 141 right after the seek to 98: _add_gap(tp, r_offset + 1, offset) with r_offset 98.
    await consumer._add_gap(RAW, 99, 141)
    for offset in range(141, 195):
        consumer._acked[RAW].append(offset)
        consumer._acked_index[RAW].add(offset)
    assert consumer._new_offset(RAW) is None  # Faust alone committed 195 here
    assert stops.count == 1
    consumer._new_offset(RAW)
    assert stops.count == 1  # one restart, one ERROR per partition


async def test_records_deleted_by_retention_are_a_gap_faust_may_commit_past(
        consumer: Any, stops: Stops, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(consumer, "earliest_offsets", earliest(141))
    await consumer._add_gap(RAW, 99, 141)
    consumer._acked[RAW].extend(range(141, 150))
    consumer._acked_index[RAW].update(range(141, 150))
    assert consumer._new_offset(RAW) > 141  # past the deleted records (Faust takes the rest at the next commit)
    assert stops.count == 0


def test_contiguous_acks_commit_as_faust_does(consumer: Any, stops: Stops) -> None:
    consumer._acked[RAW].extend(range(98, 120))
    consumer._acked_index[RAW].update(range(98, 120))
    assert consumer._new_offset(RAW) == 120
    assert stops.count == 0


def test_a_never_committed_partition_is_checked_from_where_it_was_seeked(consumer: Any, stops: Stops) -> None:
    never = TP("tweets.triaged", 0)
    consumer._seva_start = {never: 0}
    consumer._acked[never].extend(range(40, 60))  # Faust checks nothing without a committed offset
    consumer._acked_index[never].update(range(40, 60))
    assert consumer._new_offset(never) is None
    assert stops.count == 1
