"""Plan text is drawn literally in every chart (issue 11): ``$`` is a dollar sign, never mathtext or LaTeX."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.cli import main
from tests.charts.chart_plans import SAMPLES

CHARTS = ["gantt", "graph", "roadmap", "stages", "critical-path", "risk", "load"]


@pytest.fixture(scope="module")
def money_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["title"] = "Spend $x^$ budget"
    # a critical decision, so the roadmap (which shows the most important when not all fit) draws its title; the
    # first decision of the file is done and has no bar left to title (issue 16)
    from planner.analysis import analyze
    from planner.model import load_plan

    first = analyze(load_plan(SAMPLES[0])).schedule.critical_path[0]
    todo = next(d for d in data["decisions"] if d["id"] == first)
    todo["title"] = "Budget $50k for phase 1, $20k for phase 2"
    data["stages"][0]["name"] = r"Validate \frac{a}{b} $\alpha$"
    path = tmp_path_factory.mktemp("money") / "money.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("chart", CHARTS)
def test_dollar_signs_are_text(
    chart: str, money_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{chart}.svg"
    assert main(["export", str(money_plan), "-o", str(out), "--chart", chart]) == 0
    _, err = capsys.readouterr()
    assert "internal error" not in err
    ET.parse(out)
    text = out.read_text(encoding="utf-8")
    if chart in ("gantt", "graph", "roadmap", "stages", "critical-path"):
        assert "Spend $x^$ budget" in text  # the title, exactly as typed (svg.fonttype none keeps text)
    if chart in ("gantt", "roadmap"):
        assert "$50k for phase 1, $20k" in text or "$50k for phase" in text
