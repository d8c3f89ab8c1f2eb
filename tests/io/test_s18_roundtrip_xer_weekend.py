"""Primavera P6 XER round trip of a plan that starts on a weekend: the import returns the same start date, so every
date of the plan (the finish first) stays where the planner has it. The export wrote the project's planned start at
the first working moment (the Monday), and the import took that Monday as the plan's start: every week of the
imported plan was a day (or two) later than the planner's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import export_file, import_file
from planner.units import week_to_date
from tests.conftest import build_plan


@pytest.mark.parametrize("start", ["2030-06-30", "2027-01-02"])  # a Sunday, a Saturday
def test_a_weekend_start_comes_back_with_the_same_dates(tmp_path: Path, start: str) -> None:
    plan = build_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 1.5}],
        [("a", "b")],
        start_date=start,
    )
    path = tmp_path / "w.xer"
    export_file(plan, path)
    back, _ = import_file(path)
    assert back.start_date == dt.date.fromisoformat(start)
    want, got = analyze(plan).schedule, analyze(back).schedule
    assert want is not None and got is not None
    assert got.finish == pytest.approx(3.5)  # 2 + 1.5 weeks, hand-checked
    # 3.5 weeks = 24.5 days, rounded half up: 25 days after the start (a Sunday start finishes Thursday 25 July)
    assert week_to_date(back.start_date, got.finish) == dt.date.fromisoformat(start) + dt.timedelta(days=25)
    assert week_to_date(back.start_date, got.finish) == week_to_date(plan.start_date, want.finish)
