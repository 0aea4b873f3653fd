"""The worker's fetch order (streams.app.FairFetchThread): downstream hops before new intake, round robin."""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from streams.app import serve_intake_last, serve_others_next


class TP(NamedTuple):
    topic: str
    partition: int


def order(buffered: OrderedDict[TP, str]) -> list[str]:
    return [f"{tp.topic}{tp.partition}" for tp in buffered]


def test_intake_partitions_are_served_after_the_worker_s_own_topics() -> None:
    buffered = OrderedDict((tp, "records") for tp in (TP("raw", 0), TP("triaged", 1), TP("raw", 1), TP("status", 0)))
    serve_intake_last(buffered, frozenset({"raw"}))
    assert order(buffered) == ["triaged1", "status0", "raw0", "raw1"]


def test_partitions_just_served_go_behind_the_others() -> None:
    buffered = OrderedDict((tp, "records") for tp in (TP("raw", 0), TP("raw", 1), TP("raw", 2)))
    serve_others_next(buffered, {TP("raw", 0): ["r"]})
    assert order(buffered) == ["raw1", "raw2", "raw0"]
    serve_others_next(buffered, {})
    assert order(buffered) == ["raw1", "raw2", "raw0"]
