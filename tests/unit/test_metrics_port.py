"""A taken metrics port is one clear error naming the setting, not a traceback."""

from __future__ import annotations

import socket

import pytest

from seva.errors import PortInUseError
from seva.metrics import serve_metrics


def test_a_taken_metrics_port_is_a_port_in_use_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PortInUseError, match=f"port {port} .*SEVA_METRICS__WORKER_PORT"):
            serve_metrics("127.0.0.1", port, setting="SEVA_METRICS__WORKER_PORT")
