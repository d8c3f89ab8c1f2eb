"""A plan that ends in the last days of the calendar (31 Dec 9999) passes `check`, so every chart draws it: an
axis runs past the plan's last date to a round week, and those ticks keep their week without a date
(units.axis_date). Before, `export --chart roadmap` and `--chart risk` stopped on an internal OverflowError
(H-unseen24 found it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import new_plan
from planner.units import axis_date


def test_axis_date_is_none_past_the_calendar() -> None:
    assert axis_date(dt.date(9999, 12, 29), 2 / 7) == dt.date(9999, 12, 31)
    assert axis_date(dt.date(9999, 12, 29), 3 / 7) is None
    assert axis_date(None, 1) is None and axis_date(dt.date(2027, 1, 4), 1) == dt.date(2027, 1, 11)


@pytest.mark.parametrize("chart", ["roadmap", "risk", "gantt", "stages", "spend", "load"])
def test_every_chart_of_a_plan_ending_in_9999(
    tmp_path: Path, chart: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = new_plan().model_dump(mode="json")
    data.update(
        start_date="9999-12-29",
        decisions=[
            {"id": "m1", "title": "M1", "stage": "validate", "duration": 0, "milestone": True},
            {"id": "m2", "title": "M2", "stage": "scale", "duration": 0, "milestone": True},
        ],
        dependencies=[{"from": "m1", "to": "m2"}],
    )
    plan = tmp_path / "late.plan.json"
    plan.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(plan)]) == 0
    out = tmp_path / f"{chart}.svg"
    assert main(["export", str(plan), "--chart", chart, "-o", str(out)]) == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text
    if chart not in ("spend", "load"):  # a plan without costs or teams: those two say so, without dates
        assert "Dec 9999" in text
