"""Bounded memory of tweet ids already published, so a tweet seen twice is published once."""

from __future__ import annotations

from collections import OrderedDict


class SeenIds:
    """An LRU set of at most `capacity` ids: memory is bounded, the oldest ids are forgotten first.

    Overlaps between stream reconnects, polls and replays are recent, so an LRU of a few hundred thousand ids
    catches them; anything older that slips through gets the same deterministic docket downstream.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, tweet_id: str) -> bool:
        return tweet_id in self._ids

    def add(self, tweet_id: str) -> bool:
        """Remember the id; True if it is new, False if it was seen (and is now the most recent)."""
        if tweet_id in self._ids:
            self._ids.move_to_end(tweet_id)
            return False
        self._ids[tweet_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return True

    def forget(self, tweet_id: str) -> None:
        """Drop an id (its publication failed, so a later copy must not be skipped)."""
        self._ids.pop(tweet_id, None)
