"""Counts of a thousand and more are grouped as every other count in the text is ('10,000 iterations'): the
critical share read '146 of 5000' in the charts and the report beside '10,000 runs', and the command line and the
status bar wrote it again by hand. One rule, units.part_of (and units.count), for each of them (H-report28)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks._plans import random_plan
from planner import units
from planner.analysis import analyze
from planner.charts.style import critical_share
from planner.cli import main
from planner.model.io import save_plan


def test_counts_are_grouped() -> None:
    assert units.count(1200, "decision") == "1,200 decisions"
    assert units.part_of(146, 5000) == "146 of 5,000"
    assert critical_share(146, 5000) == "146 of 5,000 decisions critical"
    assert critical_share(3, 12) == "3 of 12 decisions critical"  # as before under a thousand


def test_analyze_text_and_the_charts_say_the_same_critical_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = random_plan(1200, seed=3)
    path = tmp_path / "big.plan.json"
    save_plan(plan, path)
    assert main(["analyze", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    critical = sum(1 for d in data["decisions"] if d["critical"])
    assert main(["analyze", str(path)]) in (0, 1)
    text = capsys.readouterr().out
    line = re.search(r"Critical decisions:\s+(.*)", text)
    assert line is not None and line.group(1).strip() == f"{critical} of 1,200"
    a = analyze(plan)
    assert a.schedule is not None and int(a.schedule.critical.sum()) == critical
    assert critical_share(critical, len(plan.decisions)).startswith(f"{critical} of 1,200 ")
