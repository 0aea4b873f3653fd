"""Running a source into the publisher: the pump loop, graceful SIGINT/SIGTERM, and the final flush."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable
from types import FrameType, TracebackType

from producers.base import Source
from producers.publisher import TweetPublisher

log = logging.getLogger(__name__)


class GracefulStop:
    """Turns the first SIGINT/SIGTERM into `event.set()` (finish, flush, exit); a second one interrupts."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._previous: dict[int, object] = {}

    def __enter__(self) -> GracefulStop:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        log.warning("%s received: finishing, flushing what was handed over, then exiting",
                    signal.Signals(signum).name)
        self.event.set()


def pump(
    records: Iterable[bytes],
    publisher: TweetPublisher,
    source: Source,
    stop: threading.Event,
    rate: float = 0.0,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 10_000,
) -> int:
    """Hand every record to the publisher (at most `rate` per second if > 0) until done or stopped."""
    handed = 0
    started = time.monotonic()
    for raw in records:
        if stop.is_set():
            break
        if rate > 0:
            wait = started + handed / rate - time.monotonic()
            if wait > 0 and stop.wait(wait):
                break
        publisher.submit(raw, source)
        handed += 1
        if progress is not None and handed % progress_every == 0:
            progress(handed)
    return handed
