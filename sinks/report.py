"""The HQ report: every report query Seva runs (what a dashboard would run), and its table/CSV/JSON forms.

How the numbers are read (portable SQL: ClickHouse 18.16 and current, proven under chdb in the tests):
- Received = complaints (one row per docket: `FINAL` on a ReplacingMergeTree keyed by docket_id), in the window
  by the tweet's created_at and, optionally, one district. Redelivered records never count twice.
- A status event counts only if its docket exists and the event's district is the docket's district: events
  for unknown dockets do not join, wrong-district events are excluded (both are shown under `anomalies`).
- A docket is disposed when its latest `disposed` event is later (occurred_at) than its latest `reopened`
  event; otherwise it is pending. Arrival order does not matter, and an acknowledgement or assignment logged
  after disposal does not reopen it (only `reopened` does). Pending = received - disposed.
- Time to acknowledge = from the tweet's created_at to the docket's first response (any event but
  `reopened`: disposing or assigning a docket also answers it). Time to dispose = to the latest disposal, for
  dockets disposed now. Quantiles are exact (quantileExact), in seconds.
- SLA breaches: P1 (P2) dockets answered later than the P1 (P2) SLA, and those still unanswered and older
  than it at `now`.
- `until` also bounds the events: the report is the state as it was at `until` (default: now).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from seva.settings import ReportSettings
from sinks.schema import quote_identifier, quote_literal

Execute = Callable[[str], Sequence[Sequence[Any]]]

FAR_FUTURE_MS = 32503680000000  # year 3000
_SLUG = re.compile(r"^[a-z0-9_\-]+$")
DISPLAY_TZ = "Asia/Kolkata"


@dataclass(frozen=True)
class ReportWindow:
    """Which complaints a report covers, and the moment it is computed at."""

    since: datetime | None = None
    until: datetime | None = None
    district: str | None = None
    now: datetime | None = None  # default: until, or the wall clock

    def __post_init__(self) -> None:
        if self.district is not None and not _SLUG.match(self.district):
            raise ValueError(f"not a district slug: {self.district!r}")

    @property
    def since_ms(self) -> int:
        return int(self.since.timestamp() * 1000) if self.since else 0

    @property
    def until_ms(self) -> int:
        return int(self.until.timestamp() * 1000) if self.until else FAR_FUTURE_MS

    @property
    def now_ms(self) -> int:
        moment = self.now or self.until or datetime.now(UTC)
        return int(moment.timestamp() * 1000)


# ------------------------------------------------------------------------------------------ the SQL

# One row per docket in the window with the facts every figure needs. Only valid events join (see above).
# ALL joins on purpose: the right sides are unique per docket (FINAL), and current ClickHouse's ANY INNER JOIN
# would also collapse the many events of a docket on the left.
DOCKETS = """
SELECT
    docket_id, district, category, urgency, created_at, created_ms,
    first_response_ms, last_disposed_ms, last_reopened_ms,
    toUInt8(last_disposed_ms > last_reopened_ms) AS is_disposed,
    toUInt8(first_response_ms > 0) AS is_answered,
    toInt64(first_response_ms) - toInt64(created_ms) AS response_ms,
    toInt64(last_disposed_ms) - toInt64(created_ms) AS disposal_ms
FROM (
    SELECT docket_id, district, category, urgency, created_at, created_ms
    FROM {db}.complaints FINAL
    WHERE created_ms >= {since_ms} AND created_ms < {until_ms}{district_filter}
) AS c
ALL LEFT JOIN (
    SELECT
        docket_id,
        minIf(occurred_ms, kind != 'reopened') AS first_response_ms,
        maxIf(occurred_ms, kind = 'disposed') AS last_disposed_ms,
        maxIf(occurred_ms, kind = 'reopened') AS last_reopened_ms
    FROM (
        SELECT docket_id, district AS event_district, kind, occurred_ms
        FROM {db}.status_events FINAL
        WHERE occurred_ms < {until_ms}
    ) AS e
    ALL INNER JOIN (
        SELECT docket_id, district AS docket_district FROM {db}.complaints FINAL
    ) AS k USING docket_id
    WHERE event_district = docket_district
    GROUP BY docket_id
) AS s USING docket_id
"""

_COUNTS = "count() AS received, sum(is_disposed) AS disposed, count() - sum(is_disposed) AS pending"

QUERIES: dict[str, str] = {
    "total": f"SELECT {_COUNTS} FROM ({{dockets}}) AS d",
    "districts": f"SELECT district, {_COUNTS} FROM ({{dockets}}) AS d GROUP BY district ORDER BY district",
    "categories": (
        f"SELECT category, urgency, {_COUNTS} FROM ({{dockets}}) AS d "
        "GROUP BY category, urgency ORDER BY category, urgency"
    ),
    "timings": """
SELECT
    district, urgency, count() AS received,
    sum(is_answered) AS answered,
    quantileExactIf(0.5)(response_ms, is_answered = 1) AS ack_p50_ms,
    quantileExactIf(0.9)(response_ms, is_answered = 1) AS ack_p90_ms,
    sum(is_disposed) AS disposed,
    quantileExactIf(0.5)(disposal_ms, is_disposed = 1) AS dispose_p50_ms,
    quantileExactIf(0.9)(disposal_ms, is_disposed = 1) AS dispose_p90_ms
FROM ({dockets}) AS d
GROUP BY district, urgency
ORDER BY district, urgency""",
    "sla": """
SELECT
    district, urgency,
    countIf(is_answered = 1 AND response_ms > sla_ms) AS answered_late,
    countIf(is_answered = 0 AND {now_ms} - created_ms > sla_ms) AS unanswered_overdue
FROM (
    SELECT district, urgency, is_answered, response_ms, toInt64(created_ms) AS created_ms,
           multiIf(urgency = 'P1', {p1_sla_ms}, {p2_sla_ms}) AS sla_ms
    FROM ({dockets}) AS d
    WHERE urgency IN ('P1', 'P2')
) AS x
GROUP BY district, urgency
HAVING answered_late + unanswered_overdue > 0
ORDER BY district, urgency""",
    "daily": """
SELECT day, sum(received) AS received, sum(disposed) AS disposed
FROM (
    SELECT toString(toDate(created_at, '{tz}')) AS day, toUInt64(1) AS received, toUInt64(0) AS disposed
    FROM ({dockets}) AS d
    UNION ALL
    SELECT toString(toDate(toDateTime(intDiv(last_disposed_ms, 1000)), '{tz}')) AS day,
           toUInt64(0) AS received, toUInt64(1) AS disposed
    FROM ({dockets}) AS d2
    WHERE is_disposed = 1
) AS u
GROUP BY day
ORDER BY day""",
    "anomalies": """
SELECT
    countIf(docket_district = '') AS unknown_docket,
    countIf(docket_district != '' AND docket_district != event_district) AS wrong_district,
    count() AS status_events
FROM (
    SELECT docket_id, district AS event_district FROM {db}.status_events FINAL WHERE occurred_ms < {until_ms}
) AS e
ALL LEFT JOIN (
    SELECT docket_id, district AS docket_district FROM {db}.complaints FINAL
) AS k USING docket_id""",
    # The sink's per-district gauges, over every docket (no window).
    "open_by_district": (
        "SELECT district, count() - sum(is_disposed) AS open FROM ({dockets}) AS d GROUP BY district"
    ),
    "oldest_unanswered_p1": """
SELECT district, max({now_ms} - toInt64(created_ms)) AS age_ms
FROM ({dockets}) AS d
WHERE urgency = 'P1' AND is_answered = 0 AND is_disposed = 0
GROUP BY district""",
}



def render(name: str, database: str, window: ReportWindow, sla: ReportSettings | None = None) -> str:
    """The SQL of one named query, literals inlined (the same text runs through clickhouse-driver and chdb)."""
    sla = sla or ReportSettings()
    db = quote_identifier(database)
    district_filter = f" AND district = {quote_literal(window.district)}" if window.district else ""
    dockets = DOCKETS.format(db=db, since_ms=window.since_ms, until_ms=window.until_ms,
                             district_filter=district_filter).strip()
    return QUERIES[name].format(
        db=db, dockets=dockets, until_ms=window.until_ms, now_ms=window.now_ms, tz=DISPLAY_TZ,
        p1_sla_ms=sla.p1_ack_sla_s * 1000, p2_sla_ms=sla.p2_ack_sla_s * 1000,
    ).strip()


# ------------------------------------------------------------------------------------------ the report


@dataclass(frozen=True)
class Counts:
    received: int
    disposed: int
    pending: int


@dataclass
class Report:
    window: dict[str, str | None]
    total: Counts
    districts: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    timings: list[dict[str, Any]] = field(default_factory=list)
    sla_breaches: list[dict[str, Any]] = field(default_factory=list)
    daily: list[dict[str, Any]] = field(default_factory=list)
    anomalies: dict[str, int] = field(default_factory=dict)
    sla: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _seconds(ms: Any, count: int) -> float | None:
    return None if not count else round(float(ms) / 1000, 3)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def build_report(execute: Execute, database: str, window: ReportWindow,
                 sla: ReportSettings | None = None) -> Report:
    sla = sla or ReportSettings()

    def rows(name: str) -> Sequence[Sequence[Any]]:
        return execute(render(name, database, window, sla))

    (received, disposed, pending), = rows("total")
    report = Report(
        window={"since": _iso(window.since), "until": _iso(window.until), "district": window.district},
        total=Counts(int(received), int(disposed), int(pending)),
        sla={"p1_ack_sla_s": sla.p1_ack_sla_s, "p2_ack_sla_s": sla.p2_ack_sla_s},
    )
    report.districts = [
        {"district": d, "received": int(r), "disposed": int(s), "pending": int(p)} for d, r, s, p in rows("districts")
    ]
    report.categories = [
        {"category": c, "urgency": u, "received": int(r), "disposed": int(s), "pending": int(p)}
        for c, u, r, s, p in rows("categories")
    ]
    for d, u, n, answered, a50, a90, disp, d50, d90 in rows("timings"):
        report.timings.append({
            "district": d, "urgency": u, "received": int(n), "acknowledged": int(answered),
            "ack_p50_s": _seconds(a50, answered), "ack_p90_s": _seconds(a90, answered),
            "disposed": int(disp), "dispose_p50_s": _seconds(d50, disp), "dispose_p90_s": _seconds(d90, disp),
        })
    report.sla_breaches = [
        {"district": d, "urgency": u, "answered_late": int(late), "unanswered_overdue": int(over)}
        for d, u, late, over in rows("sla")
    ]
    report.daily = [{"day": str(day), "received": int(r), "disposed": int(s)} for day, r, s in rows("daily")]
    (unknown, wrong, events), = rows("anomalies")
    report.anomalies = {"unknown_docket": int(unknown), "wrong_district": int(wrong), "status_events": int(events)}
    return report


def district_gauges(execute: Execute, database: str, now: datetime) -> tuple[dict[str, int], dict[str, float]]:
    """Open complaints per district, and the age in seconds of each district's oldest unanswered P1."""
    window = ReportWindow(now=now)
    open_ = {str(d): int(n) for d, n in execute(render("open_by_district", database, window))}
    oldest = {str(d): max(0.0, float(ms) / 1000) for d, ms in execute(render("oldest_unanswered_p1", database,
                                                                               window))}
    return open_, oldest


# ------------------------------------------------------------------------------------------ formats


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False)


def to_csv(report: Report) -> str:
    """The seed's table: one row per district and a final `total` row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["district", "received", "disposed", "pending"])
    for row in report.districts:
        writer.writerow([row["district"], row["received"], row["disposed"], row["pending"]])
    t = report.total
    writer.writerow(["total", t.received, t.disposed, t.pending])
    return out.getvalue()


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [[("-" if v is None else f"{v:,}" if isinstance(v, int) else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(values, widths,
                                                                                             strict=True)))

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)]


def to_table(report: Report) -> str:
    w = report.window
    t = report.total
    lines = [
        f"Seva HQ report  since {w['since'] or '-'}  until {w['until'] or 'now'}"
        + (f"  district {w['district']}" if w["district"] else ""),
        f"received {t.received:,}   disposed {t.disposed:,}   pending {t.pending:,}",
        "",
        *_table(["district", "received", "disposed", "pending"],
                [[d["district"], d["received"], d["disposed"], d["pending"]] for d in report.districts]
                + [["total", t.received, t.disposed, t.pending]]),
        "",
        *_table(["category", "urgency", "received", "disposed", "pending"],
                [[c["category"], c["urgency"], c["received"], c["disposed"], c["pending"]]
                 for c in report.categories]),
        "",
        *_table(["district", "urgency", "ack p50 s", "ack p90 s", "dispose p50 s", "dispose p90 s"],
                [[x["district"], x["urgency"], x["ack_p50_s"], x["ack_p90_s"], x["dispose_p50_s"],
                  x["dispose_p90_s"]] for x in report.timings]),
        "",
        f"SLA breaches (P1 {report.sla['p1_ack_sla_s']} s, P2 {report.sla['p2_ack_sla_s']} s to first response)",
        *_table(["district", "urgency", "answered late", "unanswered, overdue"],
                [[b["district"], b["urgency"], b["answered_late"], b["unanswered_overdue"]]
                 for b in report.sla_breaches]),
        "",
        f"daily ({DISPLAY_TZ})",
        *_table(["day", "received", "disposed"], [[d["day"], d["received"], d["disposed"]] for d in report.daily]),
        "",
        "status events not counted: {unknown_docket} for unknown dockets, {wrong_district} from the wrong district"
        " (of {status_events})".format(**report.anomalies),
    ]
    return "\n".join(lines)
