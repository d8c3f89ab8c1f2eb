"""A row's dates under other names (H-io23): 'Planned Start' / 'Planned Finish' (a PMO's sheet, TeamGantt's and
Zoho's exports), 'Start Time' / 'End Time' are the start and finish columns; before, they were 'not a plan field'
and the rows were not placed. Two columns that give the start (or finish) dates are said: the first is read (before,
the other was dropped unsaid).

By hand: A, 1 week from Mon 1 Mar 2027; B, 1 week from Mon 15 Mar (no predecessor: held at its date, week 2); the
plan finishes at week 3 (Fri 19 Mar)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file


@pytest.mark.parametrize(
    ("start", "finish"),
    [
        ("Planned Start", "Planned Finish"),
        ("Start Time", "End Time"),
        ("Planned Start Date", "Planned End Date"),
    ],
)
def test_s23_planned_dates_place_the_rows(tmp_path: Path, start: str, finish: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        f"Task Name,Duration,{start},{finish}\nA,1w,2027-03-01,2027-03-05\nB,1w,2027-03-15,2027-03-19\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 3, 1)
    assert [d.not_before for d in plan.decisions] == [None, 2.0]
    result = analyze(plan)
    assert result.schedule is not None and round(result.schedule.finish, 6) == 3.0
    assert "not a plan field" not in report.text(limit=None)


def test_s23_two_start_columns_are_said(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Task Name,Duration,Start,Planned Start\nA,1w,2027-03-01,2027-03-08\n", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 3, 1)  # the first
    assert (
        "columns 'Start' (3) and 'Planned Start' (4) both give the start dates: the first is read, the other is not"
        in report.text(limit=None)
    )
