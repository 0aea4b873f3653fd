"""Settings: defaults match the local stack, the environment overrides them, secrets never leak."""

from __future__ import annotations

import pytest

from seva.errors import ConfigError
from seva.settings import KafkaSettings, Settings, load_settings


def test_defaults_are_the_local_stack_ports_and_avoid_alertmanager_9093() -> None:
    s = Settings()
    assert s.kafka.bootstrap_servers == "127.0.0.1:19092"
    assert s.clickhouse.native == "127.0.0.1:19000"
    assert s.prometheus.alertmanager_port != 9093
    ports = [
        s.kafka.first_broker[1], s.stack.kafka_controller_port, s.clickhouse.port, s.clickhouse.http_port,
        s.stack.clickhouse_interserver_port, s.prometheus.port, s.prometheus.alertmanager_port,
        *s.metrics.ports().values(),
    ]
    assert len(ports) == len(set(ports)), "two services of the local stack share a port"


def test_environment_overrides_nested_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEVA_KAFKA__BOOTSTRAP_SERVERS", "k1:9092,k2:9092")
    monkeypatch.setenv("SEVA_CLICKHOUSE__PORT", "9440")
    monkeypatch.setenv("SEVA_STACK__MANAGED", "false")
    monkeypatch.setenv("KAFKA_HOME", "/opt/kafka")
    s = load_settings()
    assert s.kafka.bootstrap_servers == "k1:9092,k2:9092"
    assert s.kafka.faust_broker() == "kafka://k1:9092;kafka://k2:9092"
    assert s.clickhouse.port == 9440
    assert s.stack.managed is False
    assert str(s.kafka_home) == "/opt/kafka"


def test_invalid_value_is_a_one_line_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEVA_CLICKHOUSE__PORT", "not-a-port")
    with pytest.raises(ConfigError, match="SEVA_CLICKHOUSE__PORT"):
        load_settings()


def test_bootstrap_must_be_host_port() -> None:
    with pytest.raises(ValueError, match="host:port"):
        KafkaSettings(bootstrap_servers="localhost")


def test_librdkafka_config_carries_secret_but_masked_view_does_not() -> None:
    k = KafkaSettings(
        bootstrap_servers="b:9092", security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512",
        sasl_username="seva", sasl_password="hunter2",  # type: ignore[arg-type]
    )
    assert k.librdkafka()["sasl.password"] == "hunter2"
    assert "hunter2" not in repr(k.masked())
    assert k.masked()["sasl.username"] == "seva"
