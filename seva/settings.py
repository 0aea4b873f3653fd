"""Typed settings for every Seva process, read once from the environment (prefix SEVA_, nesting with __)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from seva.errors import ConfigError

# Every port of the local stack, chosen so that nothing clashes with the usual defaults of a developer's own
# services: Kafka 9092/9093, ClickHouse 9000/8123, Prometheus 9090, and Alertmanager 9093, which is Kafka's
# usual controller port. Changing one is a matter of its environment variable (see README).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_state_dir() -> Path:
    # A source checkout (the normal case, `pip install -e`) keeps its state beside the code, git-ignored.
    if (PROJECT_ROOT / "pyproject.toml").exists():
        return PROJECT_ROOT / ".seva"
    return Path.home() / ".local" / "state" / "seva"


def _host_port(address: str) -> tuple[str, int]:
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"expected host:port, got {address!r}")
    return host.strip("[]"), int(port)


class KafkaSettings(BaseModel):
    """Where Kafka is and how to authenticate; renders librdkafka and aiokafka configurations."""

    bootstrap_servers: str = "127.0.0.1:19092"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_ca_location: str | None = None
    client_id: str = "seva"

    @field_validator("bootstrap_servers")
    @classmethod
    def _check_bootstrap(cls, value: str) -> str:
        for address in value.split(","):
            _host_port(address.strip())
        return value

    @property
    def first_broker(self) -> tuple[str, int]:
        return _host_port(self.bootstrap_servers.split(",")[0].strip())

    def librdkafka(self, **extra: object) -> dict[str, object]:
        """The librdkafka (confluent-kafka) configuration, secrets included: never log this dict."""
        conf: dict[str, object] = {
            "bootstrap.servers": self.bootstrap_servers,
            "security.protocol": self.security_protocol,
            "client.id": self.client_id,
        }
        if self.sasl_mechanism:
            conf["sasl.mechanism"] = self.sasl_mechanism
            conf["sasl.username"] = self.sasl_username or ""
            conf["sasl.password"] = self.sasl_password.get_secret_value() if self.sasl_password else ""
        if self.ssl_ca_location:
            conf["ssl.ca.location"] = self.ssl_ca_location
        conf.update(extra)
        return conf

    def masked(self) -> dict[str, object]:
        """The same configuration with secrets replaced, fit for logs and `seva status`."""
        return {k: ("***" if "password" in k else v) for k, v in self.librdkafka().items()}

    def faust_broker(self) -> str:
        """The broker URL list in Faust's form: kafka://h1:p1;kafka://h2:p2."""
        return ";".join(f"kafka://{a.strip()}" for a in self.bootstrap_servers.split(","))


class ClickHouseSettings(BaseModel):
    """Where ClickHouse is: native protocol for the sink and reports, HTTP for health checks."""

    host: str = "127.0.0.1"
    port: int = 19000
    http_port: int = 18123
    database: str = "seva"
    user: str = "default"
    password: SecretStr = SecretStr("")
    secure: bool = False

    @property
    def native(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def http_url(self) -> str:
        return f"{'https' if self.secure else 'http'}://{self.host}:{self.http_port}"


class PrometheusSettings(BaseModel):
    """Where Prometheus and Alertmanager answer, and how often the local stack scrapes."""

    url: str = "http://127.0.0.1:19090"
    alertmanager_url: str = "http://127.0.0.1:19094"
    scrape_interval_s: int = Field(default=2, ge=1, le=60)

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 9090

    @property
    def alertmanager_port(self) -> int:
        return urlsplit(self.alertmanager_url).port or 9093


class MetricsSettings(BaseModel):
    """Where each Seva process serves its Prometheus metrics (loopback by default)."""

    host: str = "127.0.0.1"
    producer_port: int = 19101
    worker_port: int = 19102
    sink_port: int = 19103
    responder_port: int = 19104
    # How often a process reads its consumer groups' lag from Kafka (seva/lag.py): a few cheap admin requests.
    lag_interval_s: float = Field(default=10.0, gt=0, le=300)

    def ports(self) -> dict[str, int]:
        return {
            "producer": self.producer_port,
            "worker": self.worker_port,
            "sink": self.sink_port,
            "responder": self.responder_port,
        }


class ProducerSettings(BaseModel):
    """How the producer publishes: batching, compression, buffer bound, duplicate memory, limits."""

    # 20 ms of lingering batches a burst into few requests while adding at most 20 ms to a tweet's journey.
    linger_ms: int = Field(default=20, ge=0, le=1000)
    # lz4: the cheapest codec per message on a 2-core machine, still ~2-3x on tweet JSON.
    compression: Literal["none", "lz4", "zstd", "snappy", "gzip"] = "lz4"
    # The local buffer while Kafka is unreachable: when full, sources wait instead of anything being dropped.
    buffer_max_messages: int = Field(default=100_000, ge=1000)
    # Tweet ids remembered for duplicate suppression (about 100 bytes each).
    dedupe_capacity: int = Field(default=500_000, ge=1000)
    # Larger records are not tweets; they go to the dead-letter topic.
    max_record_bytes: int = Field(default=256 * 1024, ge=1024, le=900 * 1024)
    # Tweets authored by the service's own account(s) are replies of ours, not complaints.
    own_user_ids: list[str] = Field(default_factory=list)
    own_usernames: list[str] = Field(default_factory=list)
    # Where sources keep checkpoints (the poller's since_id); default: <state_dir>/producer.
    checkpoint_dir: Path | None = None


class XSettings(BaseModel):
    """The X API: credentials from the environment, the handles Seva listens to, polling and backoff."""

    bearer_token: SecretStr | None = None
    # Handles whose mentions are complaints; empty = @uppolice, @dgpup and every district handle in the gazetteer.
    handles: list[str] = Field(default_factory=list)
    # The account to poll mentions of (its user id); the service's own handle.
    user_id: str | None = None
    poll_interval_s: float = Field(default=15.0, gt=0)
    max_backoff_s: float = Field(default=320.0, gt=0)
    # Replies to complainants (`seva respond`): off unless enabled here or with --reply. Posting needs an OAuth 2.0
    # user-context access token with the tweet.write scope; the app-only bearer token above cannot post.
    reply_enabled: bool = False
    reply_token: SecretStr | None = None


class SinkSettings(BaseModel):
    """How the ClickHouse sink consumes, batches and retries (`seva sink`)."""

    group_id: str = "seva-sink"
    # A batch is written when it holds this many rows or its first row is this old, whichever comes first.
    batch_max_rows: int = Field(default=5000, ge=1, le=1_000_000)
    batch_max_seconds: float = Field(default=1.0, gt=0, le=300)
    # While ClickHouse refuses a batch, the same batch is retried with exponential backoff between these bounds.
    retry_initial_s: float = Field(default=0.5, gt=0)
    retry_max_s: float = Field(default=30.0, gt=0)
    # How often the per-district gauges (open complaints, oldest unacknowledged P1) are recomputed from ClickHouse.
    gauges_interval_s: float = Field(default=15.0, gt=0)
    # Dockets whose district the sink remembers, to flag status events without a ClickHouse lookup.
    docket_cache_size: int = Field(default=200_000, ge=1000)
    # Fault injection for the crash tests only: a pause between ClickHouse accepting a batch and the offset
    # commit, so a `kill -9` lands in exactly that window. Never set it in production.
    fault_commit_delay_s: float = Field(default=0.0, ge=0)


class ReportSettings(BaseModel):
    """The HQ report: acknowledgement SLAs by urgency (seconds from the tweet to the first response)."""

    p1_ack_sla_s: int = Field(default=15 * 60, ge=1)
    p2_ack_sla_s: int = Field(default=2 * 3600, ge=1)


class StackSettings(BaseModel):
    """How `seva up` runs the local stack; `managed=false` means use existing clusters and start nothing."""

    managed: bool = True
    state_dir: Path = Field(default_factory=_default_state_dir)
    kafka_version: str = "4.4.0"
    kafka_controller_port: int = 19093
    kafka_heap_mb: int = Field(default=512, ge=128, le=512)
    clickhouse_interserver_port: int = 19009
    ready_timeout_s: float = Field(default=120.0, gt=0)


class Settings(BaseSettings):
    """All of Seva's settings. Built once by the CLI (the composition root); tests build it directly."""

    model_config = SettingsConfigDict(
        env_prefix="SEVA_", env_nested_delimiter="__", extra="ignore", populate_by_name=True
    )

    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    clickhouse: ClickHouseSettings = Field(default_factory=ClickHouseSettings)
    prometheus: PrometheusSettings = Field(default_factory=PrometheusSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    stack: StackSettings = Field(default_factory=StackSettings)
    producer: ProducerSettings = Field(default_factory=ProducerSettings)
    x: XSettings = Field(default_factory=XSettings)
    sink: SinkSettings = Field(default_factory=SinkSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    # A Kafka distribution to run instead of jars resolved from Maven Central (the usual variable name).
    kafka_home: Path | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_HOME", "SEVA_KAFKA_HOME", "kafka_home")
    )


def load_settings() -> Settings:
    """Read the environment once; a bad value becomes a one-line ConfigError naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "SEVA_" + "__".join(str(p).upper() for p in first["loc"])
        raise ConfigError(f"invalid setting {where}: {first['msg']}") from exc
