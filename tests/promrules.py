"""Seva's Prometheus rule files as data, for the rule tests and the end-to-end alert test.

`scaled_rules` derives the end-to-end test's rules from the production files instead of repeating their
expressions: every duration (`for:`, range selectors `[5m]`, subquery steps, `offset`) is divided by a
factor, so a 5-minute window becomes 5 s under a 1 s scrape interval. Numeric thresholds that happen to be
seconds (`> 900` of an age, `> 120` of a refresh timestamp) are not durations in PromQL and stay as they are:
an alert the end-to-end test relies on must state its time threshold as a window or `for:` (SevaSinkStale:
`increase(seva_sink_batches_total[10m])`, not `time() - seva_sink_last_success_timestamp_seconds > 600`).
The alerts that still compare seconds as numbers (SevaConsumerLagUnknown, SevaP1UnacknowledgedBeyondSLA)
keep production thresholds under scaling, so they are not asserted end to end.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "deploy" / "prometheus" / "rules"
RULE_TESTS_DIR = ROOT / "deploy" / "prometheus" / "tests"
RUNBOOK = ROOT / "docs" / "runbook.md"

_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}
_DURATION = re.compile(r"(\d+)(ms|[smhdwy])")
_DURATION_TEXT = r"(?:\d+(?:ms|[smhdwy]))+"
_STRING = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)""")
_IN_EXPR = re.compile(rf"(\[)({_DURATION_TEXT})(?::({_DURATION_TEXT})?)?(\])|(offset\s+)({_DURATION_TEXT})")


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yml"))


def load_groups() -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for path in rule_files():
        groups.extend(yaml.safe_load(path.read_text())["groups"])
    return groups


def alerts() -> list[dict[str, Any]]:
    return [rule for group in load_groups() for rule in group["rules"] if "alert" in rule]


def seconds(duration: str) -> float:
    if not re.fullmatch(_DURATION_TEXT, duration):
        raise ValueError(f"not a Prometheus duration: {duration!r}")
    return sum(int(n) * _UNITS[unit] for n, unit in _DURATION.findall(duration))


def _fmt(value: float) -> str:
    return f"{max(1, round(value))}s" if value >= 1 else f"{max(1, round(value * 1000))}ms"


def scale_duration(duration: str, factor: float) -> str:
    return _fmt(seconds(duration) / factor)


def scale_expr(expr: str, factor: float) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(5):
            return m.group(5) + scale_duration(m.group(6), factor)
        step = f":{scale_duration(m.group(3), factor)}" if m.group(3) else (":" if ":" in m.group(0) else "")
        return f"[{scale_duration(m.group(2), factor)}{step}]"

    # Only outside string literals: a label value like "[5m]" is not a duration.
    parts = _STRING.split(expr)
    return "".join(part if part[:1] in ("'", '"', "`") else _IN_EXPR.sub(repl, part) for part in parts)


def scaled_rules(factor: float) -> dict[str, Any]:
    """Every rule group of the production files with each duration divided by `factor`."""
    out = []
    for group in load_groups():
        rules = []
        for rule in group["rules"]:
            rule = dict(rule, expr=scale_expr(rule["expr"], factor))
            if "for" in rule:
                rule["for"] = scale_duration(rule["for"], factor)
            rules.append(rule)
        out.append({**group, "rules": rules})
    return {"groups": out}


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def runbook_anchors() -> set[str]:
    return {github_anchor(line.lstrip("#")) for line in RUNBOOK.read_text().splitlines() if line.startswith("#")}
