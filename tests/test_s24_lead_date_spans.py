"""A span inside one day is said as that day: an over-capacity of a few hours read "weeks 0.95-1 (11 Jan 2027 to 11
Jan 2027)", and a stage window of milestones on one day "Validate 4 Jan 2027 to 4 Jan 2027" (H-report24 found it).
units.date_span is the one rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.model import Plan, new_plan
from planner.units import date_span
from tests.cli_text import stage_dates


def _plan() -> Plan:
    data = new_plan().model_dump(mode="json")
    data.update(
        start_date="2027-01-04",
        teams=[{"id": "t", "name": "T", "capacity": 1}],
        decisions=[
            {"id": "a", "title": "A", "stage": "validate", "owner": "t", "duration": 1},
            # starts at week 0.95 (day 6.65: 11 Jan), while A runs to week 1 (11 Jan): 0.05 weeks over
            {"id": "b", "title": "B", "stage": "integrate", "owner": "t", "duration": 1, "not_before": 0.95},
            {"id": "m", "title": "M", "stage": "scale", "duration": 0, "milestone": True},
        ],
    )
    return Plan.model_validate(data)


def test_date_span() -> None:
    assert date_span(dt.date(2027, 1, 4), dt.date(2027, 1, 11)) == "4 Jan 2027 to 11 Jan 2027"
    assert date_span(dt.date(2027, 1, 11), dt.date(2027, 1, 11)) == "11 Jan 2027"


def test_an_over_capacity_within_a_day_names_the_day() -> None:
    (over,) = [f for f in analyze(_plan()).findings if f.code == "over-capacity"]
    assert "weeks 0.95\u20131 (11 Jan 2027)" in over.message, over.message
    assert "to 11 Jan" not in over.message


def test_a_stage_window_on_one_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(_plan().model_dump(mode="json")), encoding="utf-8")
    assert main(["analyze", str(path)]) in (0, 1)
    out = capsys.readouterr().out
    windows = {name: window for name, window, _ in stage_dates(out)}
    assert windows["Scale"] == "4 Jan 2027" and windows["Validate"] == "4 Jan 2027 to 11 Jan 2027", windows
