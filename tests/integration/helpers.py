"""Helpers for tests against the real servers: consuming a topic to a count, waiting for a condition."""

from __future__ import annotations

import time
from collections.abc import Callable

from confluent_kafka import Consumer, Message

from seva.settings import Settings


def consume(settings: Settings, topic: str, group: str, expected: int, timeout: float = 60.0) -> list[Message]:
    """Read `topic` from the beginning until `expected` messages arrived or the timeout passed."""
    consumer = Consumer(settings.kafka.librdkafka(**{
        "group.id": group, "auto.offset.reset": "earliest", "enable.auto.commit": False,
    }))
    consumer.subscribe([topic])
    out: list[Message] = []
    deadline = time.monotonic() + timeout
    try:
        while len(out) < expected and time.monotonic() < deadline:
            for msg in consumer.consume(500, timeout=0.5):
                if msg.error() is None:
                    out.append(msg)
    finally:
        consumer.close()
    return out


def eventually(check: Callable[[], bool], timeout: float = 30.0, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()
