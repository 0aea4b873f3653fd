"""`seva eval` on the project's labelled sets: every split loads and is scored; bad input is one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from streams.evaluate import EVAL_DATA, HELD_OUT_SPLITS, SPLITS, TRAINING_SPLITS, load


def _eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seva.cli", "eval", *args], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("split", SPLITS)
def test_every_labelled_set_loads_with_valid_labels(split: str) -> None:
    items = load([EVAL_DATA / f"{split}.jsonl"])
    assert len(items) >= 400
    assert len({gold.category for gold, _ in items}) == 10


def test_held_out_sets_share_no_text_with_the_training_sets() -> None:
    def texts(splits: tuple[str, ...]) -> set[str]:
        return {gold.text.strip().lower() for gold, _ in load(EVAL_DATA / f"{s}.jsonl" for s in splits)}

    assert not texts(HELD_OUT_SPLITS) & texts(TRAINING_SPLITS)


def test_eval_json_reports_the_issue_figures(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join((EVAL_DATA / "independent.jsonl").read_text(encoding="utf-8").splitlines(True)[:40]),
                      encoding="utf-8")
    done = _eval("--file", str(sample), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["n"] == 40
    for key in ("macro_f1", "p1_recall", "p1_precision", "urgency_accuracy", "district_accuracy", "alert_worth"):
        assert 0.0 <= figures[key] <= 1.0 or key == "alert_worth"
    assert set(figures["per_category"]) >= {"violence", "not_complaint"}


def test_eval_with_an_unknown_split_is_one_clear_line() -> None:
    done = _eval("--split", "nosuch")
    assert done.returncode != 0
    assert "--split must be one of" in done.stderr and "Traceback" not in done.stderr
