"""A minimal Faust worker that proves the ground: one agent forwarding raw bytes between two topics.

Run as `python -m streams.smoke --in T1 --out T2 --bootstrap H:P [--metrics-port N]`; the smoke tests start
it against the real broker and check that what confluent-kafka produced comes out the other side.
"""

from __future__ import annotations

import argparse
import logging
import tempfile

import faust
from prometheus_client import Counter

from seva.metrics import serve_metrics

FORWARDED = Counter("seva_smoke_forwarded_total", "Messages the smoke agent forwarded")


def build_app(app_id: str, broker: str, source: str, target: str) -> faust.App:
    app = faust.App(
        app_id,
        broker=broker,
        store="memory://",
        web_enabled=False,
        datadir=tempfile.mkdtemp(prefix="seva-smoke-faust-"),
        processing_guarantee="at_least_once",
        consumer_auto_offset_reset="earliest",
        topic_replication_factor=1,
        topic_partitions=1,
    )
    source_topic = app.topic(source, value_serializer="raw", key_serializer="raw")
    target_topic = app.topic(target, value_serializer="raw", key_serializer="raw")

    @app.agent(source_topic, concurrency=1)
    async def forward(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await target_topic.send(key=event.key, value=b"faust:" + event.value)
            FORWARDED.inc()

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="streams.smoke")
    parser.add_argument("--in", dest="source", required=True)
    parser.add_argument("--out", dest="target", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--app-id", default="seva-smoke")
    parser.add_argument("--metrics-port", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.metrics_port:
        serve_metrics("127.0.0.1", args.metrics_port)
    broker = ";".join(f"kafka://{a}" for a in args.bootstrap.split(","))
    app = build_app(args.app_id, broker, args.source, args.target)
    faust.Worker(app, loglevel="WARNING", quiet=True).execute_from_commandline()


if __name__ == "__main__":
    main()
