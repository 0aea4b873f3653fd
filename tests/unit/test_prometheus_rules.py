"""Seva's Prometheus rules: promtool checks and unit tests, coverage of every alert, and their metadata."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.promrules import (
    RULE_TESTS_DIR,
    alerts,
    rule_files,
    runbook_anchors,
    scale_expr,
    scaled_rules,
    seconds,
)

PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool not on PATH (Debian: apt-get install prometheus) - rule tests NOT run"
)


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run([PROMTOOL, *args], capture_output=True, text=True, timeout=120, check=False)


@needs_promtool
def test_promtool_check_rules() -> None:
    done = _promtool("check", "rules", *map(str, rule_files()))
    assert done.returncode == 0, done.stdout + done.stderr


@needs_promtool
def test_promtool_test_rules() -> None:
    done = _promtool("test", "rules", *map(str, sorted(RULE_TESTS_DIR.glob("*.yml"))))
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_alert_is_tested_firing_and_not_firing() -> None:
    firing: set[str] = set()
    silent: set[str] = set()
    for path in RULE_TESTS_DIR.glob("*.yml"):
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else silent).add(check["alertname"])
    names = {a["alert"] for a in alerts()}
    assert names - firing == set(), "alerts never tested firing"
    assert names - silent == set(), "alerts never tested not firing"
    assert (firing | silent) - names == set(), "tests name alerts that do not exist"


def test_every_alert_has_severity_summary_description_and_a_runbook_anchor() -> None:
    anchors = runbook_anchors()
    for alert in alerts():
        name = alert["alert"]
        assert alert.get("labels", {}).get("severity") in ("page", "ticket"), name
        annotations = alert.get("annotations", {})
        assert annotations.get("summary") and annotations.get("description"), name
        url = annotations.get("runbook_url", "")
        path, _, anchor = url.partition("#")
        assert path == "docs/runbook.md" and anchor, f"{name}: runbook_url {url!r}"
        assert anchor in anchors, f"{name}: no heading in docs/runbook.md gives the anchor #{anchor}"


def test_alert_names_are_unique() -> None:
    names = [a["alert"] for a in alerts()]
    assert len(names) == len(set(names))


def test_durations_scale_in_for_ranges_subqueries_and_offsets() -> None:
    assert seconds("1h30m") == 5400
    expr = 'rate(x[5m]) > 0 and max_over_time(y[1h:1m]) and z offset 2h and w{a="[5m]x"}'
    scaled = scale_expr(expr, 60)
    assert scaled == 'rate(x[5s]) > 0 and max_over_time(y[60s:1s]) and z offset 120s and w{a="[5m]x"}'
    rules = {r["alert"]: r for g in scaled_rules(60)["groups"] for r in g["rules"] if "alert" in r}
    assert rules["SevaPipelineStalled"]["for"] == "3s"
    assert "[5s]" in rules["SevaPipelineStalled"]["expr"] and "[5m]" not in rules["SevaPipelineStalled"]["expr"]
    # The end-to-end test's alerts state their time thresholds as windows, which scale (tests/promrules.py).
    for name in ("SevaTargetDown", "SevaPipelineStalled", "SevaSinkStale"):
        assert "time()" not in rules[name]["expr"], name
    assert "[10s]" in rules["SevaSinkStale"]["expr"] and rules["SevaSinkStale"]["for"] == "5s"


@needs_promtool
def test_the_local_stacks_rendered_prometheus_config_loads_the_rules(tmp_path: Path) -> None:
    from deploy.localstack import Prometheus
    from seva.settings import Settings

    prom = Prometheus(Settings.model_validate({"stack": {"state_dir": tmp_path}}))
    if prom.binary() is None:
        pytest.skip("no prometheus binary to render a command for")
    prom.prepare()
    done = _promtool("check", "config", str(tmp_path / "prometheus" / "prometheus.yml"))
    assert done.returncode == 0, done.stdout + done.stderr
    for path in rule_files():  # the rendered rule_files glob reaches every rule file
        assert f"Checking {path}" in done.stdout, done.stdout


def test_alertmanager_config_is_valid() -> None:
    amtool = shutil.which("amtool")
    if amtool is None:
        pytest.skip("amtool not on PATH (Debian: prometheus-alertmanager) - Alertmanager config NOT checked")
    done = subprocess.run([amtool, "check-config", str(RULE_TESTS_DIR.parent / "alertmanager.yml")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
