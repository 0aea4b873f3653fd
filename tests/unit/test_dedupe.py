"""The duplicate memory is exact within its bound and never grows past it."""

from __future__ import annotations

import pytest

from producers.dedupe import SeenIds


def test_second_sighting_is_a_duplicate() -> None:
    seen = SeenIds(10)
    assert seen.add("1") is True
    assert seen.add("1") is False


def test_memory_is_bounded_and_oldest_forgotten_first() -> None:
    seen = SeenIds(3)
    for i in range(5):
        seen.add(str(i))
    assert len(seen) == 3
    assert "0" not in seen and "1" not in seen and "4" in seen


def test_a_recent_duplicate_refreshes_its_place() -> None:
    seen = SeenIds(3)
    for i in "abc":
        seen.add(i)
    seen.add("a")  # seen again: now the newest
    seen.add("d")  # evicts b, not a
    assert "a" in seen and "b" not in seen


def test_forget_allows_a_retry() -> None:
    seen = SeenIds(3)
    seen.add("x")
    seen.forget("x")
    assert seen.add("x") is True


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError):
        SeenIds(0)
