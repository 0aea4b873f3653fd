"""A worker that stops reading while its input has records is the worst failure at 2 a.m.: it looks alive.

Two checks, from a Faust timer every `interval_s` (`install`), over pure deciders:
- `TransitGuard`: the Kafka client has handed out records that never reached a stream (its position is past the
  worker's next offset, nothing in flight) for `lost_after_s`. Seen after restarts under load; this process
  does not read them again, so the worker stops with EXIT_STALLED for its supervisor to restart it from the
  committed offsets (deploy/systemd/, `seva_worker_stall_exits_total`).
- `StallDetector`: records waited `after_s` with none read, whatever the cause: one WARNING with what an engineer
  needs to find it (Faust's and aiokafka's state of the lagging partitions, the stack of
  every task in both event loops). A thread checks that the event loop still turns; if it does not, it dumps
  every thread's stack instead (nothing else could run). SevaPipelineStalled pages on the symptom.
"""

from __future__ import annotations

import asyncio
import faulthandler
import io
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

from streams import metrics

log = logging.getLogger(__name__)


@dataclass
class StallDetector:
    """Stalled: records were waiting (lag > 0) at every sample for `after_s`, and none was read meanwhile."""

    after_s: float
    _since: float | None = None
    _read: int | None = None
    _reported: bool = False

    def sample(self, now: float, lag: int, read: int) -> bool:
        """Feed one sample; True exactly once per stall, when it has lasted `after_s`."""
        if lag <= 0 or self._read is None or read != self._read:
            self._since = now if lag > 0 else None
            self._read, self._reported = read, False
            return False
        if self._since is None:
            self._since = now
        if not self._reported and now - self._since >= self.after_s:
            self._reported = True
            return True
        return False


@dataclass
class TransitGuard:
    """Records the Kafka client handed out that never reached a stream: the client's position is past the
    worker's next offset while the worker holds nothing in flight (no unacked message: Faust tracks every record
    it hands to a stream until it is acked, queued ones included), and that has not changed for `after_s`. Seen
    after a restart, in about 1 of 3 restarts under CPU load: aiokafka handed over a batch of a partition Faust
    held paused, Faust skipped it, and nothing more arrived on that partition. streams/app.py now pauses such
    partitions in aiokafka too, and its consumer refuses to commit past skipped records when later ones do
    arrive; this guard remains for a batch lost some other way. A new process reads them from the committed
    offsets (at-least-once: nothing skipped; a record read twice gives the same idempotent outputs)."""

    after_s: float
    _seen: dict[Any, tuple[float, int, int]] | None = None  # tp -> (since, worker next, client position)

    def observe(self, now: float, tp: Any, worker_next: int | None, client_position: int | None,
                in_flight: bool) -> bool:
        """True when `tp` has shown the loss for `after_s` (then the guard forgets it)."""
        seen = self._seen if self._seen is not None else {}
        self._seen = seen
        if in_flight or worker_next is None or client_position is None or client_position <= worker_next:
            seen.pop(tp, None)
            return False
        first = seen.get(tp)
        if first is None or first[1:] != (worker_next, client_position):
            seen[tp] = (now, worker_next, client_position)
            return False
        if now - first[0] >= self.after_s:
            del seen[tp]
            return True
        return False


def task_stacks(loop: asyncio.AbstractEventLoop | None = None, limit: int = 12) -> str:
    """Every asyncio task of `loop` (the running one by default) with the chain of awaits it is suspended in."""
    out = io.StringIO()
    tasks: list[asyncio.Task[Any]] = []
    for _ in range(3):  # another thread's loop may add a task while we copy its set
        try:
            tasks = list(asyncio.all_tasks(loop))
            break
        except RuntimeError:
            continue
    for task in sorted(tasks, key=lambda t: t.get_name()):
        coro: Any = task.get_coro()
        out.write(f"task {task.get_name()} {getattr(coro, '__qualname__', coro)!s}\n")
        for _ in range(limit):  # follow what each coroutine awaits, down to the innermost one
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or \
                getattr(coro, "ag_frame", None)
            if frame is not None:
                out.write(f"    {frame.f_code.co_filename}:{frame.f_lineno} {frame.f_code.co_name}\n")
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or \
                getattr(coro, "ag_await", None)
            if coro is None:
                break
            if not any(hasattr(coro, a) for a in ("cr_frame", "gi_frame", "ag_frame")):
                out.write(f"    awaiting {coro!r}"[:300] + "\n")
                break
    return out.getvalue()


def _aiokafka(consumer: Any) -> tuple[Any, Any]:
    """The aiokafka fetcher and current assignment (or None) under Faust's consumer: private attributes of both
    libraries, so every caller guards against their absence."""
    kafka = consumer._thread._consumer
    subscription = kafka._subscription.subscription
    return kafka._fetcher, subscription.assignment if subscription is not None else None


def kafka_client_state(consumer: Any, lagging: dict[Any, tuple[int | None, int]]) -> str:
    """aiokafka's own view (Faust runs it in a thread with its own loop): positions, its buffered fetch results,
    in-flight requests and its fetch routine, which Faust's state alone does not show."""
    try:
        fetcher, assignment = _aiokafka(consumer)
        task = fetcher._fetch_task
        lines = [f"aiokafka fetch routine: done={task.done()} "
                 f"{'error=' + repr(task.exception()) if task.done() and not task.cancelled() else ''} "
                 f"in_flight={sorted(fetcher._in_flight)} pending={len(fetcher._pending_tasks)} "
                 f"buffered={sorted((tp.topic, tp.partition, type(r).__name__) for tp, r in fetcher._records.items())}"]
        for tp in sorted(lagging):
            state = assignment.state_value(tp) if assignment is not None else None
            lines.append(f"  {tp.topic}[{tp.partition}] aiokafka: "
                         + (f"position={state._position} paused={state.paused} status={state._status}"
                            if state is not None else "not in assignment"))
        lines.append("consumer thread tasks:\n" + task_stacks(consumer._thread.thread_loop))
        return "\n".join(lines)
    except Exception as exc:  # noqa: BLE001 (diagnostics must never take the worker down)
        return f"aiokafka state unavailable: {exc!r}"


def consumer_state(consumer: Any, lagging: dict[Any, tuple[int | None, int]]) -> str:
    """What Faust's consumer believes about the lagging partitions (read offset vs end offset)."""
    active = getattr(consumer, "_active_partitions", None) or set()
    paused: set[Any] = getattr(consumer, "_paused_partitions", set())
    buffered: set[Any] = getattr(consumer, "_buffered_partitions", set())
    held: set[Any] = getattr(consumer, "_held", set())
    lines = [f"flow_active={getattr(consumer, 'flow_active', '?')} assigned={len(consumer.assignment())} "
             f"active={len(active)} paused={len(paused)} buffered={len(buffered)} held={len(held)} "
             f"unacked={len(getattr(consumer, '_unacked_messages', ()))}"]
    for tp, (read, end) in sorted(lagging.items()):
        flags = [name for name, group in (("active", active), ("paused", paused), ("buffered", buffered),
                                          ("held", held)) if tp in group]
        lines.append(f"  {tp.topic}[{tp.partition}] read={read} end={end} "
                     f"committed={consumer._committed_offset.get(tp)} {' '.join(flags) or 'NOT-ACTIVE'}")
    return "\n".join(lines)


def install(app: Any, *, interval_s: float = 5.0, after_s: float = 45.0, lost_after_s: float = 10.0) -> None:
    """Watch the app's stream partitions from a Faust timer, and the event loop from a thread started with the
    worker (not at import: the agent tests build the app without running it)."""
    detector = StallDetector(after_s)
    guard = TransitGuard(lost_after_s)
    beat = [time.monotonic()]

    @app.timer(interval=interval_s)
    async def stall_watchdog() -> None:
        beat[0] = time.monotonic()
        consumer = app.consumer
        changelogs = app.tables.changelog_topics
        tps = [tp for tp in consumer.assignment() if tp.topic not in changelogs]
        if not tps or app.rebalancing or app.in_recovery:
            return
        try:
            ends = await asyncio.wait_for(consumer.highwaters(*tps), timeout=interval_s * 2)
        except Exception as exc:  # noqa: BLE001 (a broker hiccup or a busy consumer thread: the next sample)
            log.debug("watchdog could not read end offsets: %s", exc)
            return
        lagging: dict[Any, tuple[int | None, int]] = {}
        for tp in tps:
            read, end = consumer._read_offset.get(tp), ends.get(tp)
            # Faust's read offset is the last record handed to a stream (the committed one right after a seek).
            following = read + 1 if read is not None else (consumer._committed_offset.get(tp) or 0)
            if end is not None and int(end) > following:
                lagging[tp] = (read, int(end))
        await _check_lost_in_transit(app, consumer, tps, guard)
        lag = sum(end - (read + 1 if read is not None else 0) for read, end in lagging.values())
        read_total = sum(r for r in (consumer._read_offset.get(tp) for tp in tps) if r is not None)
        if detector.sample(time.monotonic(), lag, read_total):
            log.warning("STALLED: %d records waiting on %d partitions and none read for %.0fs\n%s\n"
                        "fetcher: %s\n%s\nworker loop tasks:\n%s", lag, len(lagging), after_s,
                        consumer_state(consumer, lagging), _service_state(app._fetcher),
                        kafka_client_state(consumer, lagging), task_stacks())

    def watch_loop() -> None:
        while True:
            time.sleep(interval_s)
            silent = time.monotonic() - beat[0]
            if silent > max(after_s, 6 * interval_s):
                log.warning("STALLED: the event loop has not run the watchdog timer for %.0fs; thread stacks "
                            "follow on stderr", silent)
                faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
                beat[0] = time.monotonic()  # at most one dump per silent period

    @app.task
    async def start_loop_watchdog() -> None:
        beat[0] = time.monotonic()
        threading.Thread(target=watch_loop, name="seva-loop-watchdog", daemon=True).start()


EXIT_STALLED = 75  # EX_TEMPFAIL: `seva worker` exits with it when the watchdog stops a stalled worker


async def _check_lost_in_transit(app: Any, consumer: Any, tps: list[Any], guard: TransitGuard) -> None:
    """Records the Kafka client handed out that never reached a stream are not read again by this process: in
    the runs that showed it, seeking the client back to the worker's offsets did not revive the fetcher either.
    So the worker stops, with EXIT_STALLED, for its supervisor (systemd Restart=always, deploy/systemd/) to start
    it again; the new process resumes from the committed offsets and reads those records (at-least-once)."""
    in_flight = bool(getattr(consumer, "_unacked_messages", ()))
    positions = _client_positions(consumer, tps)
    now = time.monotonic()
    lost = []
    for tp in tps:
        read = consumer._read_offset.get(tp)
        worker_next = read + 1 if read is not None else consumer._committed_offset.get(tp)
        if guard.observe(now, tp, worker_next, positions.get(tp), in_flight):
            lost.append(f"{tp.topic}[{tp.partition}] client at {positions.get(tp)}, worker at {worker_next}")
    if lost and not getattr(app, "seva_stall_exit", False):
        restart_for_lost_records(app, "the Kafka client handed out records that never reached a stream and nothing "
                                      f"is in flight ({'; '.join(lost)})")


def restart_for_lost_records(app: Any, what: str) -> None:
    """The one response to records lost in transit, whichever guard saw them (this watchdog, or the consumer's
    commit guard in streams/app.py): an ERROR saying what, then a single restart from the committed offsets."""
    log.error("records lost in transit: %s; stopping the worker (exit %d) so that it restarts from the committed "
              "offsets", what, EXIT_STALLED)
    if not getattr(app, "seva_stall_exit", False):
        metrics.STALL_EXITS.inc()
        stop_for_restart(app)


def stop_for_restart(app: Any, grace_s: float = 30.0) -> None:
    """A graceful stop (SIGTERM to ourselves: offsets of processed records are committed), then EXIT_STALLED;
    if the graceful stop itself hangs for `grace_s`, a hard exit with the same code."""
    app.seva_stall_exit = True
    os.kill(os.getpid(), signal.SIGTERM)

    def hard_exit() -> None:
        time.sleep(grace_s)
        logging.shutdown()
        os._exit(EXIT_STALLED)

    threading.Thread(target=hard_exit, name="seva-stall-exit", daemon=True).start()


def _client_positions(consumer: Any, tps: list[Any]) -> dict[Any, int]:
    """aiokafka's fetch position per partition, where known; partitions with fetched records still buffered in
    the client are left out (their records are on their way, not lost)."""
    try:
        fetcher, assignment = _aiokafka(consumer)
        if assignment is None:
            return {}
        buffered = set(fetcher._records)
        out: dict[Any, int] = {}
        for tp in tps:
            if tp in buffered:
                continue
            state = assignment.state_value(tp)
            if state is not None and state.has_valid_position and not state.paused:
                out[tp] = int(state.position)
        return out
    except Exception as exc:  # noqa: BLE001 (a Faust/aiokafka internals change: no repair, never a crash)
        log.debug("client positions unavailable: %r", exc)
        return {}


def _service_state(service: Any) -> str:
    return (f"started={getattr(service, '_started', None) and service._started.is_set()} "
            f"stopped={getattr(service, '_stopped', None) and service._stopped.is_set()} "
            f"crashed={getattr(service, '_crashed', None) and service._crashed.is_set()} "
            f"reason={getattr(service, 'crash_reason', None)!r}")
