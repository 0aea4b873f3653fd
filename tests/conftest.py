"""Test harness: tiers by marker, the real local stack for integration tests, unique names per test."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from seva.settings import Settings

TIER_BY_FOLDER = {"unit": "unit", "agent": "agent", "integration": "integration", "e2e": "e2e"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The folder a test lives in is its tier; a marker is added so `-m unit` selects by folder.
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        tier = TIER_BY_FOLDER.get(folder)
        if tier and not item.get_closest_marker(tier):
            item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture(scope="session")
def stack_settings() -> Iterator[Settings]:
    """Settings for the real stack: the local one (started if needed, stopped after if we started it), or
    already running servers named by SEVA_* variables with SEVA_STACK__MANAGED=false."""
    from deploy.localstack import LocalStack
    from seva.kafka import ensure_topics
    from seva.topics import CORE_TOPICS

    settings = Settings()
    stack = LocalStack(settings)
    was_running = settings.stack.managed and all(c.process.pid() for c in stack)
    stack.up()
    ensure_topics(settings.kafka, CORE_TOPICS)
    yield settings
    if settings.stack.managed and not was_running and not os.environ.get("SEVA_TEST_KEEP_STACK"):
        stack.down()


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "_", text).strip("_")[-60:]


@pytest.fixture
def unique_name(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """A name unique to this test and run: topics, consumer groups, app ids never collide across tests."""
    run = uuid.uuid4().hex[:8]

    def make(kind: str) -> str:
        return f"test.{_slug(request.node.name)}.{kind}.{run}"

    return make


@pytest.fixture
def make_topic(stack_settings: Settings, unique_name: Callable[[str], str]) -> Iterator[Callable[..., str]]:
    """Creates topics unique to the test; deletes them afterwards."""
    from seva.kafka import delete_topics, ensure_topics
    from seva.topics import TopicSpec

    created: list[str] = []

    def make(kind: str = "topic", partitions: int = 1) -> str:
        spec = TopicSpec(unique_name(kind), partitions=partitions)
        ensure_topics(stack_settings.kafka, [spec])
        created.append(spec.name)
        return spec.name

    yield make
    delete_topics(stack_settings.kafka, created)


@pytest.fixture
def group_id(unique_name: Callable[[str], str]) -> str:
    return unique_name("group")


@pytest.fixture(scope="session")
def ch_database(stack_settings: Settings) -> Iterator[str]:
    """A fresh ClickHouse database for this test session, dropped at the end."""
    from seva.clickhouse import connect, ensure_database

    name = f"seva_test_{uuid.uuid4().hex[:10]}"
    ensure_database(stack_settings.clickhouse, name)
    yield name
    connect(stack_settings.clickhouse, database="").execute(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
