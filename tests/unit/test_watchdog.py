"""The stall detector: a worker with records waiting that reads none for `after_s` is reported, once."""

from __future__ import annotations

import asyncio

from streams.watchdog import StallDetector, TransitGuard, task_stacks


def test_a_stall_is_reported_once_when_it_has_lasted_long_enough() -> None:
    d = StallDetector(after_s=30)
    assert not d.sample(0, lag=5, read=100)
    assert not d.sample(20, lag=5, read=100)
    assert d.sample(31, lag=5, read=100)
    assert not d.sample(60, lag=9, read=100), "one report per stall"
    # Reading again ends the stall; a new one is reported again after its own after_s.
    assert not d.sample(70, lag=9, read=103)
    assert not d.sample(80, lag=9, read=103)
    assert d.sample(101, lag=9, read=103)


def test_no_lag_or_progress_is_never_a_stall() -> None:
    d = StallDetector(after_s=10)
    assert not any(d.sample(t, lag=0, read=7) for t in range(0, 100, 5)), "idle with nothing waiting is fine"
    assert not any(d.sample(100 + t, lag=50, read=7 + t) for t in range(0, 100, 5)), "busy is fine"


def test_task_stacks_names_every_task() -> None:
    async def main() -> str:
        async def sleeper() -> None:
            await asyncio.sleep(10)

        task = asyncio.create_task(sleeper(), name="the-sleeper")
        await asyncio.sleep(0)
        try:
            return task_stacks()
        finally:
            task.cancel()

    out = asyncio.run(main())
    assert "task the-sleeper" in out and "sleeper" in out


def test_records_the_client_handed_out_but_no_stream_got_are_sought_back_once_it_lasted() -> None:
    g = TransitGuard(after_s=15)
    assert not g.observe(0, "raw-0", worker_next=114, client_position=211, in_flight=False)
    assert not g.observe(10, "raw-0", worker_next=114, client_position=211, in_flight=False)
    assert g.observe(16, "raw-0", worker_next=114, client_position=211, in_flight=False)
    assert not g.observe(17, "raw-0", worker_next=114, client_position=211, in_flight=False), "then it starts over"


def test_normal_processing_is_never_sought_back() -> None:
    g = TransitGuard(after_s=15)
    # Busy: records in flight in the worker (unacked, or queued for an agent).
    assert not any(g.observe(t, "p", 100, 300, in_flight=True) for t in range(0, 100, 5))
    # Progress: the worker's next offset moves, so the earlier sample does not count.
    assert not any(g.observe(t, "p", 100 + t, 300, in_flight=False) for t in range(0, 100, 5))
    # Caught up, or the client behind the worker (just sought), or positions unknown.
    assert not any(g.observe(t, "p", 300, 300, in_flight=False) for t in range(0, 100, 5))
    assert not any(g.observe(t, "p", 300, 250, in_flight=False) for t in range(0, 100, 5))
    assert not any(g.observe(t, "p", None, 250, in_flight=False) for t in range(0, 100, 5))
    assert not any(g.observe(t, "p", 10, None, in_flight=False) for t in range(0, 100, 5))
    # An interruption (something in flight) restarts the clock.
    g2 = TransitGuard(after_s=15)
    assert not g2.observe(0, "p", 1, 9, False)
    assert not g2.observe(10, "p", 1, 9, True)
    assert not g2.observe(20, "p", 1, 9, False)
    assert g2.observe(35, "p", 1, 9, False)
