"""The ground is real: Prometheus scrapes a running Seva process and reports it up."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from deploy.localstack import register_scrape_target
from seva.settings import Settings
from tests.integration.helpers import eventually


def _query(settings: Settings, promql: str) -> list[dict[str, object]]:
    url = f"{settings.prometheus.url}/api/v1/query?" + urllib.parse.urlencode({"query": promql})
    with urllib.request.urlopen(url, timeout=5) as resp:
        body = json.load(resp)
    assert body["status"] == "success"
    return list(body["data"]["result"])


@pytest.fixture
def seva_process(stack_settings: Settings, free_port: int) -> Iterator[int]:
    """A Seva process serving metrics (the Faust smoke worker's metrics endpoint, nothing to consume)."""
    code = f"import time, seva.metrics as m; m.serve_metrics('127.0.0.1', {free_port}); time.sleep(120)"
    proc = subprocess.Popen([sys.executable, "-c", code])
    target = None
    if stack_settings.stack.managed:
        target = register_scrape_target(stack_settings, "seva-test", free_port, {"job": "seva-test"})
    yield free_port
    proc.terminate()
    proc.wait(10)
    if target:
        target.unlink(missing_ok=True)


def test_prometheus_scrapes_a_seva_process_and_reports_it_up(
    stack_settings: Settings, seva_process: int
) -> None:
    if not stack_settings.stack.managed:
        pytest.skip("scrape targets are registered through the local stack's file discovery")
    selector = f'up{{job="seva-test",instance="127.0.0.1:{seva_process}"}}'
    assert eventually(lambda: [r["value"][1] for r in _query(stack_settings, selector)] == ["1"], 40), (
        f"Prometheus never reported {selector} == 1"
    )
    build = _query(stack_settings, f'seva_build_info{{instance="127.0.0.1:{seva_process}"}}')
    assert build and build[0]["metric"]["version"]
