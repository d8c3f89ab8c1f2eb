"""build_report on a plan with validation errors said 'fix it before making a report (run `planner check`)': the
command line never reaches that message (planner report lists the errors itself), so only the app showed it, where
there is no command to run (H-guirt29 noticed: an edit landing just before Export Report gets there). It now points
to the plan's findings, which the app lists in its Findings panel and `planner check` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.model import load_plan
from planner.report.builder import ReportError, build_report

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


@pytest.mark.parametrize("cycles", [1, 2])
def test_the_refusal_points_to_the_findings(tmp_path: Path, cycles: int) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    ids = [d["id"] for d in data["decisions"]]
    data["dependencies"].append({"from": ids[-1], "to": ids[0]})
    if cycles == 2:
        data["dependencies"].append({"from": ids[0], "to": ids[0]})  # and a self-dependency
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    analysis = analyze(load_plan(path))
    n = len(analysis.errors)
    with pytest.raises(ReportError) as err:
        build_report(analysis, tmp_path / "r.pdf")
    text = str(err.value)
    assert "planner check" not in text
    assert text.endswith("among the plan's findings)"), text
    assert ("it is among" if n == 1 else "they are among") in text
    assert not (tmp_path / "r.pdf").exists()
