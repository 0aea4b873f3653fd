"""Prometheus plumbing shared by every Seva process: the metrics endpoint and build information."""

from __future__ import annotations

import platform

from prometheus_client import REGISTRY, CollectorRegistry, Info, start_http_server

from seva import __version__

BUILD_INFO = Info("seva_build", "Version of the running Seva process")
BUILD_INFO.info({"version": __version__, "python": platform.python_version()})


def serve_metrics(host: str, port: int, registry: CollectorRegistry = REGISTRY) -> None:
    """Serve /metrics on host:port in a daemon thread (prometheus-client's own server)."""
    start_http_server(port, addr=host, registry=registry)
