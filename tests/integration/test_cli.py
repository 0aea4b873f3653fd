"""The `seva` command against the running stack: status contract, idempotent up, clear port errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from seva.settings import Settings


def _seva(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seva.cli", *args], capture_output=True, text=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_status_json_names_every_service_and_its_address(stack_settings: Settings) -> None:
    done = _seva("status", "--json")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["kafka"]["bootstrap"] == stack_settings.kafka.bootstrap_servers
    assert status["clickhouse"]["native"] == stack_settings.clickhouse.native
    assert status["clickhouse"]["http"] == stack_settings.clickhouse.http_url
    assert status["prometheus"]["url"] == stack_settings.prometheus.url
    assert status["alertmanager"]["url"] == stack_settings.prometheus.alertmanager_url
    for name in ("kafka", "clickhouse", "prometheus", "alertmanager"):
        assert status[name]["up"] is True, name
    for name in ("producer", "worker", "sink", "responder"):
        assert isinstance(status[name]["up"], bool) and status[name]["metrics"].startswith("http://")


def test_up_on_a_running_stack_is_idempotent(stack_settings: Settings) -> None:
    before = json.loads(_seva("status", "--json").stdout)
    done = _seva("up")
    assert done.returncode == 0, done.stderr
    after = json.loads(_seva("status", "--json").stdout)
    if stack_settings.stack.managed:
        assert [after[n]["pid"] for n in ("kafka", "clickhouse")] == [before[n]["pid"] for n in ("kafka", "clickhouse")]


def test_up_with_a_taken_port_fails_with_one_line_naming_it(stack_settings: Settings, tmp_path: Path) -> None:
    # A second stack in another state folder on the same ports: the running one holds them.
    done = _seva("up", env={"SEVA_STACK__STATE_DIR": str(tmp_path), "SEVA_STACK__MANAGED": "true"})
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"port {stack_settings.kafka.first_broker[1]} (kafka broker)" in lines[0]
    assert not (tmp_path / "run").exists()


def test_bad_setting_is_a_one_line_error() -> None:
    done = _seva("status", env={"SEVA_CLICKHOUSE__PORT": "nine"})
    assert done.returncode == 2
    assert done.stderr.strip().startswith("seva: configuration error: invalid setting SEVA_CLICKHOUSE__PORT")
