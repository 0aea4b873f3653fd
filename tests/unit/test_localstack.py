"""Local stack logic that needs no servers: port clashes, ownership of pids, config rendering."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.localstack import ClickHouse, Kafka, LocalStack, ManagedProcess, Prometheus, port_is_free
from seva.errors import PortInUseError, StackError
from seva.settings import Settings


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_port_is_free_sees_a_listener(taken_port: int) -> None:
    assert not port_is_free(taken_port)


def test_up_with_a_taken_port_names_the_port_and_starts_nothing(
    tmp_path: Path, taken_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Settings read the environment too: with SEVA_STACK__MANAGED=false (tests against a running stack) `up`
    # would only wait for a Kafka at 127.0.0.1:1 for two minutes.
    monkeypatch.delenv("SEVA_STACK__MANAGED", raising=False)
    settings = Settings.model_validate({
        "stack": {"state_dir": tmp_path, "kafka_controller_port": taken_port},
        "kafka": {"bootstrap_servers": "127.0.0.1:1"},  # never reached: the check comes first
    })
    with pytest.raises(PortInUseError) as err:
        LocalStack(settings, ["kafka"]).up()
    assert f"port {taken_port} (kafka controller)" in str(err.value)
    assert "SEVA_STACK__KAFKA_CONTROLLER_PORT" in str(err.value)
    assert not (tmp_path / "run").exists()


def test_non_local_bootstrap_is_refused_for_the_managed_stack(tmp_path: Path) -> None:
    settings = Settings.model_validate({"stack": {"state_dir": tmp_path},
                                        "kafka": {"bootstrap_servers": "kafka.example:9092"}})
    with pytest.raises(StackError, match="MANAGED=false"):
        Kafka(settings).ports()


def test_unknown_service_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StackError, match="unknown service"):
        LocalStack(Settings.model_validate({"stack": {"state_dir": tmp_path}}), ["zookeeper"])


def test_pid_file_of_a_foreign_process_is_not_ours(tmp_path: Path) -> None:
    proc = ManagedProcess("x", tmp_path)
    proc.pid_file.parent.mkdir(parents=True)
    proc.pid_file.write_text("1")  # init: alive, but its command line does not name our state folder
    assert proc.pid() is None
    assert proc.stop() is False


def test_managed_process_start_and_stop(tmp_path: Path) -> None:
    proc = ManagedProcess("sleeper", tmp_path)
    # The state folder on the command line marks the process as ours.
    proc.start([sys.executable, "-c", "import time; time.sleep(60)", str(tmp_path)])
    assert proc.pid() is not None
    assert proc.stop(timeout=5)
    assert proc.pid() is None


def test_rendered_configs_bind_loopback_and_use_chosen_ports(tmp_path: Path) -> None:
    settings = Settings.model_validate({
        "stack": {"state_dir": tmp_path},
        "clickhouse": {"port": 29000, "http_port": 28123},
        "prometheus": {"url": "http://127.0.0.1:29090", "alertmanager_url": "http://127.0.0.1:29094"},
    })
    ch = ClickHouse(settings)
    if ch.binary() is None:
        pytest.skip("no clickhouse binary to render a command for")
    ch.prepare()
    config = (tmp_path / "clickhouse" / "config.xml").read_text()
    assert "<tcp_port>29000</tcp_port>" in config and "<listen_host>127.0.0.1</listen_host>" in config
    assert str(tmp_path) in config
    prom = Prometheus(settings)
    if prom.binary() is None:
        pytest.skip("no prometheus binary")
    argv = prom.prepare()
    assert "--web.listen-address=127.0.0.1:29090" in argv
    prom_yml = (tmp_path / "prometheus" / "prometheus.yml").read_text()
    assert '"127.0.0.1:29094"' in prom_yml and "process: sink" in prom_yml


def test_process_health_reads_work_done_last_success_and_lag_from_metrics_text() -> None:
    from deploy.localstack import process_health

    text = "\n".join([
        "# TYPE seva_worker_processed_total counter",
        'seva_worker_processed_total{stage="triage"} 120.0',
        'seva_worker_processed_total{stage="route"} 80.0',
        "# TYPE seva_worker_last_success_timestamp_seconds gauge",
        'seva_worker_last_success_timestamp_seconds{stage="triage"} 990.0',
        'seva_worker_last_success_timestamp_seconds{stage="route"} 995.0',
        "# TYPE seva_consumer_lag_messages gauge",
        'seva_consumer_lag_messages{group="g",topic="a"} 3.0',
        'seva_consumer_lag_messages{group="g",topic="b"} 4.0',
        "",
    ])
    assert process_health("worker", text, now=1000.0) == {
        "processed": 200, "last_success_age_s": 5.0, "consumer_lag": 7,
    }
    # A process that has not succeeded yet has no age; the responder has no last-success metric at all.
    assert process_health("producer", "", now=1000.0) == {"processed": 0, "last_success_age_s": None}
    assert process_health("responder", "", now=1000.0) == {"processed": 0}
