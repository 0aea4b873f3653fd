"""The typed errors of Seva: every failure a user or operator can act on has a class here."""

from __future__ import annotations


class SevaError(Exception):
    """Base of every error Seva raises on purpose; the CLI prints these as one line, no traceback."""


class ConfigError(SevaError):
    """A setting is missing or invalid."""


class StackError(SevaError):
    """The local stack (Kafka, ClickHouse, Prometheus, Alertmanager) could not be managed."""


class PortInUseError(StackError):
    """A port the local stack needs is taken by a process that is not ours."""

    def __init__(self, port: int, service: str, setting: str) -> None:
        self.port = port
        self.service = service
        super().__init__(
            f"port {port} ({service}) on 127.0.0.1 is already in use by another process: "
            f"stop that process or choose another port with {setting}"
        )


class ComponentInstallError(StackError):
    """A component of the local stack could not be found or installed."""


class ReadinessTimeoutError(StackError):
    """A component started but did not become ready in time."""


class KafkaAdminError(SevaError):
    """A Kafka admin operation (creating or describing topics) failed."""


class InvalidTweetError(SevaError):
    """A record from a source is not a usable tweet; `reason` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


class PublishError(SevaError):
    """Kafka refused a record for good (a fatal producer error), so it could not be published."""


class SourceError(SevaError):
    """A tweet source (X API, replay file) failed in a way retrying will not fix."""


class InvalidActionError(SevaError):
    """A responder's action cannot apply: unknown docket, wrong district, bad outcome, a disposed docket."""


class ReplyError(SevaError):
    """A reply to the complainant could not be posted on X (the status event itself was already sent)."""


class SinkWriteError(SevaError):
    """ClickHouse did not accept a batch (unreachable, or refused the insert); the sink retries it in place."""


class InvalidRecordError(SevaError):
    """A record on a complaint or status topic cannot be decoded into its event; `reason` is a short code."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")
