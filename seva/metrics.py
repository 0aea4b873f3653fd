"""Prometheus plumbing shared by every Seva process: the metrics endpoint and build information."""

from __future__ import annotations

import errno
import platform

from prometheus_client import REGISTRY, CollectorRegistry, Info, start_http_server

from seva import __version__
from seva.errors import PortInUseError

BUILD_INFO = Info("seva_build", "Version of the running Seva process")
BUILD_INFO.info({"version": __version__, "python": platform.python_version()})


def serve_metrics(host: str, port: int, registry: CollectorRegistry = REGISTRY, *,
                  setting: str = "SEVA_METRICS__*_PORT") -> None:
    """Serve /metrics on host:port in a daemon thread (prometheus-client's own server). A taken port is a
    PortInUseError naming the setting that moves it (two workers on one host need two ports)."""
    try:
        start_http_server(port, addr=host, registry=registry)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUseError(port, "metrics endpoint", setting) from None
        raise
