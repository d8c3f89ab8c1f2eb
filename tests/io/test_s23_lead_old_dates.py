"""Table imports place rows dated before 2001 where the file has them (H-review23's repro). The rule that starts a
finish-only row's duration before its finish counted working time on a calendar fixed at Monday 1 Jan 2001, which
clips every earlier moment to that day: 1 week to Fri 19 Mar 1999 "started 1 Jan 2001", the plan finished in 2001,
and a done row with only a completion date of 10 Mar 2000 started the plan on 1 Jan 2001."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.io.test_s23_finish_only_dates import _import  # the same CSV import and whole report


def test_a_finish_only_row_of_1999(tmp_path: Path) -> None:
    plan, report = _import(
        tmp_path,
        "Task,Duration,Start,Finish,Actual Finish,% Complete\n"
        "A,2w,1999-03-01,1999-03-12,1999-03-12,100\n"
        "B,1w,,1999-03-19,,0\n",
    )
    assert plan.start_date == dt.date(1999, 3, 1)
    assert "1 week to 19 Mar 1999 starts 15 Mar 1999" in report
    b = plan.decisions[1]
    assert b.not_before == 2.0  # Mon 15 Mar 1999, two working weeks after Mon 1 Mar


def test_a_done_row_of_2000(tmp_path: Path) -> None:
    plan, _ = _import(tmp_path, "Task,Duration,Status,Completed At\nA,2w,Done,2000-03-10\n")
    assert plan.start_date == dt.date(2000, 2, 28)  # 2 working weeks to Fri 10 Mar 2000 began Mon 28 Feb


def test_the_commits_own_example_holds(tmp_path: Path) -> None:
    plan, _ = _import(tmp_path, "Task,Duration,Status,Completed At\nA,2w,Done,2027-03-12\n")
    assert plan.start_date == dt.date(2027, 3, 1)


def test_an_empty_start_cell_without_a_duration_column(tmp_path: Path) -> None:
    # H-review23: with Start and Finish columns and no duration column, a row with only its finish date lasted 1
    # week from the plan start and its finish date was lost without a word. Placing it before its finish would read
    # a tracker's due date as the planned finish (the Asana fixtures' due-only rows), so it is reported instead.
    plan, report = _import(tmp_path, "Task,Start,Finish\nA,2027-03-01,2027-03-12\nB,,2027-03-19\n")
    b = plan.decisions[1]
    assert (b.duration, b.not_before) == (1.0, None)
    assert (
        "1 row with a finish date and no start date (first: line 3, 19 Mar 2027) is not placed by it: without a "
        "duration column the date does not say when the work starts" in report
    )


def test_due_dates_alone_stay_not_carried(tmp_path: Path) -> None:
    plan, _ = _import(tmp_path, "Task,Due Date\nA,2027-03-12\nB,2027-03-19\n")
    assert all(d.not_before is None for d in plan.decisions)
