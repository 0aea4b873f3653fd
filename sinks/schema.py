"""The ClickHouse schema: every table's columns, declared once, and the numbered migrations that create them.

Choices (see also the README):
- ReplacingMergeTree(version) ORDER BY the record's own id (docket_id, event_id): a redelivered or replayed
  record is the same key, so background merges and `FINAL` keep one row. The sorting key is the id alone: a
  docket re-triaged into another district after a model change is still one row (the newest `version` wins).
- No PARTITION BY: ReplacingMergeTree only collapses duplicates within a partition, and one partition makes
  that hold whatever a record's timestamps say. UP's volume (about 70k complaints in ten months) is far below
  where partitioning pays.
- Timestamps are DateTime('UTC') (seconds; filters and display) plus UInt64 milliseconds for arithmetic and
  ordering: DateTime64 does not exist on 18.16.
- Plain String for enum-like columns: LowCardinality is experimental on 18.16 and Enum8 would need a
  migration for every new category or outcome.

Migrations are SQL statements with a `{db}` placeholder, applied in order and recorded in schema_migrations.
Never edit an applied migration: add the next number. Each statement is idempotent (IF NOT EXISTS), so two
sinks starting at once or a crash between a statement and its record are harmless.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

COMPLAINTS = "complaints"
STATUS_EVENTS = "status_events"
SCHEMA_MIGRATIONS = "schema_migrations"

# The columns the sink inserts, in order: sinks/rows.py builds tuples in exactly this order, and a test checks
# them against the columns the migrations create.
COMPLAINT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("docket_id", "String"),
    ("tweet_id", "String"),
    ("district", "String"),
    ("range", "String"),
    ("zone", "String"),
    ("category", "String"),
    ("urgency", "String"),
    ("text", "String"),  # phone numbers and e-mail addresses masked
    ("lang", "String"),
    ("source", "String"),
    ("author_id", "String"),
    ("conversation_id", "String"),
    ("reasons", "Array(String)"),
    ("fingerprint", "String"),
    ("created_at", "DateTime('UTC')"),  # the tweet's created_at: the SLA clock starts here
    ("created_ms", "UInt64"),
    ("received_ms", "UInt64"),
    ("classified_ms", "UInt64"),
    ("stored_at", "DateTime('UTC')"),
    ("version", "UInt64"),  # classified_ms: the newest classification of a docket wins
)

STATUS_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "String"),
    ("docket_id", "String"),
    ("district", "String"),
    ("kind", "String"),
    ("actor", "String"),
    ("occurred_at", "DateTime('UTC')"),
    ("occurred_ms", "UInt64"),
    ("note", "String"),  # masked like tweet text
    ("outcome", "String"),
    ("assignee", "String"),
    ("escalated_to", "String"),
    ("flag", "String"),  # '' or why the sink found it suspect when writing it (audit; see sinks/rows.py)
    ("stored_at", "DateTime('UTC')"),
    ("version", "UInt64"),  # stored_ms: the last write of an event id wins (the content is the same)
)


def _columns(cols: tuple[tuple[str, str], ...]) -> str:
    return ",\n    ".join(f"`{name}` {ctype}" for name, ctype in cols)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create complaints", f"""
CREATE TABLE IF NOT EXISTS {{db}}.{COMPLAINTS} (
    {_columns(COMPLAINT_COLUMNS)}
) ENGINE = ReplacingMergeTree(version)
ORDER BY docket_id"""),
    Migration(2, "create status_events", f"""
CREATE TABLE IF NOT EXISTS {{db}}.{STATUS_EVENTS} (
    {_columns(STATUS_EVENT_COLUMNS)}
) ENGINE = ReplacingMergeTree(version)
ORDER BY event_id"""),
)

BOOTSTRAP = f"""
CREATE TABLE IF NOT EXISTS {{db}}.{SCHEMA_MIGRATIONS} (
    `version` UInt32,
    `name` String,
    `applied_at` DateTime('UTC')
) ENGINE = ReplacingMergeTree
ORDER BY version"""


def quote_identifier(name: str) -> str:
    if not name or "`" in name or "\\" in name:
        raise ValueError(f"unusable database name {name!r}")
    return f"`{name}`"


def quote_literal(text: str) -> str:
    """A ClickHouse string literal: the report's SQL is rendered to one text that runs on clickhouse-driver and
    chdb alike, so values are inlined, always through this function."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pending(applied: set[int]) -> list[Migration]:
    """The migrations not yet applied, in order."""
    return [m for m in MIGRATIONS if m.version not in applied]


def migrate(execute: Callable[[str], Sequence[Sequence[Any]]], database: str) -> list[int]:
    """Apply every pending migration through `execute` (clickhouse-driver or chdb); returns the versions
    applied now. Safe to run on every start and from several processes at once."""
    db = quote_identifier(database)
    execute(BOOTSTRAP.format(db=db))
    applied = {int(v) for (v, *_) in execute(f"SELECT DISTINCT version FROM {db}.{SCHEMA_MIGRATIONS}")}
    done = []
    for migration in pending(applied):
        execute(migration.sql.format(db=db))
        # INSERT ... SELECT, not VALUES: clickhouse-driver sends inline VALUES as a query and waits for a data
        # block the server never asks for.
        execute(f"INSERT INTO {db}.{SCHEMA_MIGRATIONS} (version, name, applied_at) "
                f"SELECT toUInt32({migration.version}), {quote_literal(migration.name)}, now()")
        done.append(migration.version)
    return done
