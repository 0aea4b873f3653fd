"""Topic registry: one declaration per topic, names unique."""

from __future__ import annotations

from seva import topics


def test_core_topic_names_are_unique_and_explicitly_partitioned() -> None:
    names = [t.name for t in topics.CORE_TOPICS]
    assert len(names) == len(set(names))
    assert all(t.partitions >= 1 and t.replication >= 1 for t in topics.CORE_TOPICS)
