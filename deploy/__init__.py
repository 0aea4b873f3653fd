"""The local stack (Kafka from jars, ClickHouse, Prometheus, Alertmanager) and its configuration files."""
