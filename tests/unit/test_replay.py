"""Replay files: raw bytes line by line (nothing decoded, blank lines skipped), pacing by created_at."""

from __future__ import annotations

from pathlib import Path

from producers.replay import paced, read_lines


def test_lines_are_raw_bytes_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(b'{"id": "1", "text": "a"}\r\n\n   \n{"id": "2", "text": "\xff"}\n')
    assert list(read_lines([path])) == [b'{"id": "1", "text": "a"}', b'{"id": "2", "text": "\xff"}']


def test_pacing_follows_created_at_times_the_speed_factor() -> None:
    lines = [
        b'{"id": "1", "text": "a", "created_at": "2026-11-24T10:00:00.000Z"}',
        b'{"data": {"id": "2", "text": "b", "created_at": "2026-11-24T10:00:30.000Z"}}',
        b"not json: goes out at once",
        b'{"id": "3", "text": "c", "created_at": "2026-11-24T10:01:00.000Z"}',
    ]
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        clock[0] += seconds

    out = list(paced(lines, speed=10.0, sleep=sleep, monotonic=lambda: clock[0]))
    assert out == lines
    assert slept == [3.0, 3.0]  # 30 s and 60 s after the first, ten times faster
