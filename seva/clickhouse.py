"""ClickHouse plumbing shared by the sink and the reports: connections and server feature detection."""

from __future__ import annotations

from dataclasses import dataclass

from clickhouse_driver import Client
from clickhouse_driver.errors import Error as DriverError

from seva.errors import SevaError
from seva.settings import ClickHouseSettings


class ClickHouseError(SevaError):
    """ClickHouse could not be reached or refused a statement."""


def connect(settings: ClickHouseSettings, database: str | None = None) -> Client:
    """A native-protocol client; `database=""` connects without choosing one (to create it)."""
    return Client(
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=settings.password.get_secret_value(),
        database=settings.database if database is None else (database or "default"),
        secure=settings.secure,
        connect_timeout=5,
        send_receive_timeout=60,
        settings={"use_numpy": False},
    )


@dataclass(frozen=True)
class ServerFeatures:
    """What the connected server can do: Seva's SQL targets 18.16 and feature-detects anything newer."""

    version: tuple[int, ...]
    settings: frozenset[str]

    @property
    def has_datetime64(self) -> bool:
        return self.version >= (20, 1)

    @property
    def has_ttl(self) -> bool:
        return self.version >= (19, 6)

    @property
    def has_insert_deduplication_token(self) -> bool:
        return "insert_deduplication_token" in self.settings


def parse_version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def detect_features(client: Client) -> ServerFeatures:
    try:
        (version,), = client.execute("SELECT version()")
        names = client.execute("SELECT name FROM system.settings")
    except (DriverError, OSError, EOFError) as exc:
        raise ClickHouseError(f"cannot query ClickHouse: {exc}") from exc
    return ServerFeatures(parse_version(version), frozenset(n for (n,) in names))


def ensure_database(settings: ClickHouseSettings, name: str | None = None) -> str:
    name = name or settings.database
    try:
        connect(settings, database="").execute(f"CREATE DATABASE IF NOT EXISTS `{name}`")
    except (DriverError, OSError, EOFError) as exc:
        raise ClickHouseError(f"cannot create database {name} on {settings.native}: {exc}") from exc
    return name
