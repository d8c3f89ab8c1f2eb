"""The heading of `planner diff` and `planner compare` counts what is compared against the reference: it said
"2 compared against a.plan.json" for one plan against another (the reference counted as compared with itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.model import dump_plan
from planner.templates import load_template

SAMPLES = Path(__file__).resolve().parents[1] / "sample_plans"


def test_diff_heading_says_one_plan_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.plan.json", tmp_path / "b.plan.json"
    plan = load_template("ai-scaling")
    a.write_text(dump_plan(plan), encoding="utf-8")
    plan.decisions[0].duration = 9
    b.write_text(dump_plan(plan), encoding="utf-8")
    assert main(["diff", str(a), str(b), "--iterations", "100"]) == 0
    text = " ".join(capsys.readouterr().out.split())  # the heading is wrapped at 80 columns
    assert f"1 plan compared against {a.name}" in text


def test_compare_heading_counts_the_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "fraud-detection.plan.json"
    assert main(["compare", str(path), "--iterations", "100"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "2 scenarios compared against Base" in text
