"""Tables whose rows carry a finish date and no start date (H-io23). A user expects the work to have started its
duration before its finish, as the tool that wrote the file placed it; before, the plan started on the earliest
finish (a done row's 'Completed At': the plan began on the day the work ended), a row with an empty Start cell was
not placed at all, and a Finish column without a Start column was dropped although the file said how long each row
lasts.

By hand (Monday-to-Friday weeks): 'Design', 2 weeks done or due by Fri 12 Mar 2027, began Mon 1 Mar: the plan start,
week 0; its finish is week 2 (Mon 15 Mar as the moment its day begins). 'Build', 3 weeks after it, weeks 2 to 5
(due Fri 2 Apr in the file); 'Test', 1 week after Build: weeks 5 to 6."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import Plan, Status


def _import(tmp_path: Path, text: str) -> tuple[Plan, str]:
    path = tmp_path / "plan.csv"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    return plan, report.text(limit=None)


def _finish(plan: Plan) -> float:
    result = analyze(plan)
    assert result.schedule is not None
    return round(result.schedule.finish, 6)


def test_s23_done_rows_with_only_an_actual_finish_start_the_plan_their_duration_before(
    tmp_path: Path,
) -> None:
    plan, lines = _import(
        tmp_path,
        "Task Name,Duration,Completed At,Predecessors\nDesign,2w,2027-03-12,\nBuild,3w,,1\nTest,1w,,2\n",
    )
    assert plan.start_date == dt.date(2027, 3, 1)  # was 12 Mar: the earliest finish
    design = next(d for d in plan.decisions if d.title == "Design")
    assert design.status is Status.DONE
    assert design.actual_finish == dt.date(2027, 3, 15)  # week 2: where Fri 12 Mar's work ends
    assert _finish(plan) == 6.0
    assert (
        "the plan starts on the earliest start they imply ('Design': 2 weeks done by 12 Mar 2027, its actual "
        "finish), 1 Mar 2027" in lines
    )


def test_s23_an_actual_start_decides_when_it_is_earlier(tmp_path: Path) -> None:
    # Design began Wed 24 Feb (earlier than its finish less its duration, 1 Mar): the plan starts then
    plan, lines = _import(
        tmp_path,
        "Task Name,Duration,Actual Start,Actual Finish\nDesign,2w,2027-02-24,2027-03-12\nBuild,3w,,2027-03-26\n",
    )
    assert plan.start_date == dt.date(2027, 2, 24)
    assert "the plan starts on the earliest actual start, 24 Feb 2027" in lines


@pytest.mark.parametrize(
    "text",
    [
        # no Start column: the finish dates and the durations say where each row sits
        "Task Name,Duration,Finish,Predecessors\nDesign,2w,03/12/2027,\nBuild,3w,04/02/2027,1\n",
        # a Start column with Design's cell empty
        "Task Name,Duration,Start,Finish,Predecessors\nDesign,2w,,03/12/2027,\nBuild,3w,03/15/2027,04/02/2027,1\n",
    ],
    ids=["no-start-column", "empty-start-cell"],
)
def test_s23_rows_with_only_a_finish_date_start_their_duration_before_it(tmp_path: Path, text: str) -> None:
    plan, lines = _import(tmp_path, text)
    assert plan.start_date == dt.date(2027, 3, 1)
    assert _finish(plan) == 5.0  # Fri 2 Apr, as the file has it
    assert "with a finish date and no start date" in lines
    assert "the earliest, line 2: 2 weeks to 12 Mar 2027 starts 1 Mar 2027" in lines
    assert "is not carried" not in lines
    assert "the imported plan finishes at week" not in lines  # the file's finish, nothing to explain


def test_s23_due_dates_without_durations_stay_not_carried(tmp_path: Path) -> None:
    # a tracker's due dates alone (no duration, no start) do not say when work starts: reported as before
    plan, lines = _import(tmp_path, "Task Name,Due Date\nDesign,2027-03-12\nBuild,2027-04-02\n")
    assert plan.start_date is None
    assert "column 'Due Date' (due dates) is not carried" in lines
