"""ClickHouse feature detection: what 18.16 lacks is detected, not assumed."""

from __future__ import annotations

from seva.clickhouse import ServerFeatures, parse_version


def test_parse_version() -> None:
    assert parse_version("18.16.1") == (18, 16, 1)
    assert parse_version("26.9.2.1") == (26, 9, 2, 1)
    assert parse_version("24.3.1.2672-lts") == (24, 3, 1, 2672)


def test_features_of_old_and_new_servers() -> None:
    old = ServerFeatures((18, 16, 1), frozenset())
    new = ServerFeatures((26, 9, 2), frozenset({"insert_deduplication_token"}))
    assert not old.has_datetime64 and not old.has_ttl and not old.has_insert_deduplication_token
    assert new.has_datetime64 and new.has_ttl and new.has_insert_deduplication_token
