"""MS Project measures the status date in working time. MPXJ 16's MS Project XML of benchmarks/crosscheck_mpxj.py's
seed 332 (tests/io/data/s33/mpxj-status-date-evening.xml): a 7.5-hour-day calendar from Wed 5 Mar 2025, one task
of 120 hours (3.2 weeks) 69 % done, the status date Wed 19 Mar 17:00, after the day's work: 2.2 working weeks in.
The import placed it on the plan's day for 2.2 weeks, Thu 20 Mar, counted from its start: week 2.14, so the work
left (0.99 weeks) finished at week 3.13, while MS Project (and MPXJ's scheduler) finish it Wed 26 Mar 16:30, week
3.2. The status date is now kept where MS Project has it, week 2.2 (a day of the plan's weeks when it is a whole
one), as the P6 import keeps its data date and both keep actual dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

FILE = Path(__file__).parent / "data" / "s33" / "mpxj-status-date-evening.xml"


def test_s33_the_status_date_is_kept_in_working_time_and_the_plan_finishes_with_the_file() -> None:
    plan, report = import_file(FILE)
    assert plan.start_date == dt.date(2025, 3, 5)
    assert plan.status_date == pytest.approx(2.2)
    (task,) = plan.decisions
    assert (task.weeks(), task.progress) == (pytest.approx(3.2), 69)
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == pytest.approx(3.2, abs=0.01)
    assert (
        "the status date 19 Mar 2025 (2.2 working weeks from the file's start) is week 2.2 (20 Mar 2025) in the plan"
        in report.text(limit=None)
    )
    assert not any(
        i.kind == "schedule" for i in report.items
    )  # it finishes where the file does: nothing to say


def test_s33_a_status_date_on_a_whole_day_of_the_plan_stays_a_date(tmp_path: Path) -> None:
    """The same file with its status date on Wed 12 Mar 08:00, 1.0 working week in: the plan's day, Wed 12 Mar."""
    path = tmp_path / "morning.xml"
    path.write_text(
        FILE.read_text(encoding="utf-8").replace(
            "<StatusDate>2025-03-19T17:00:00</StatusDate>", "<StatusDate>2025-03-12T08:00:00</StatusDate>"
        ),
        encoding="utf-8",
    )
    plan, _ = import_file(path)
    assert plan.status_date == dt.date(2025, 3, 12)
