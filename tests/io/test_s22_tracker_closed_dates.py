"""Trackers' closing dates (Jira's 'Resolved', Redmine's 'Closed', Azure DevOps' 'Closed Date') are the actual finish
of a done row, placed on the plan's weeks as the row's own dates and durations are: Monday-to-Friday working days
(H-io22).

Before: these columns were 'not a plan field', so a done issue sat at its due date; and the actual dates a table did
read (another tool's 'Actual Finish', 'Completed At') were placed by calendar days, (date - start) / 7, while the
durations are working weeks, so a finish on a Monday after a Wednesday start came out 2.86 weeks where the file's
working days say 2.8.

Hand-worked: the plan starts Wed 6 Jan 2027. Row 1 (done) was due Fri 22 Jan, 13 working days (2.6 weeks), and was
closed on Mon 25 Jan at 4 pm: its work ended with that day, 14 working days from the start (Wed 6 - Fri 8: 3, two
whole weeks: 10, Mon 25: 1) = 2.8 weeks. Row 2 (one week) follows it: 2.8 - 3.8, the plan's finish. Row 3, reopened
(in progress), still has a closing date from before: not its actual finish (reported), it lasts its week from its
start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import Decision, Plan, Status

LAYOUTS = {
    "jira": (
        "Summary,Issue key,Status,Original Estimate,Custom field (Start date),Due date,Resolved,"
        "Inward issue link (Blocks)\n"
        "Requirements,AI-1,Done,374400,06/Jan/27,22/Jan/27,25/Jan/27 4:00 PM,\n"
        "Build,AI-2,To Do,144000,,,,AI-1\n"
        "Reopened,AI-3,In Progress,144000,06/Jan/27,12/Jan/27,12/Jan/27 4:00 PM,\n",
        "'Resolved'",
    ),
    "redmine": (
        "#,Status,Subject,Start date,Due date,Estimated time,Closed,Related issues\n"
        "1,Closed,Requirements,01/06/2027,01/22/2027,104.00,01/25/2027 04:00 PM,Precedes #2\n"
        "2,New,Build,,,40.00,,Follows #1\n"
        "3,In Progress,Reopened,01/06/2027,01/12/2027,40.00,01/12/2027 04:00 PM,\n",
        "'Closed'",
    ),
    "azure": (
        "ID,Work Item Type,Title,State,Original Estimate,Start Date,Target Date,Closed Date,Successor\n"
        "1,Task,Requirements,Closed,104,1/6/2027 8:00:00 AM,1/22/2027 5:00:00 PM,1/25/2027 4:00:00 PM,2\n"
        "2,Task,Build,New,40,,,,\n"
        "3,Task,Reopened,Active,40,1/6/2027 8:00:00 AM,1/12/2027 5:00:00 PM,1/12/2027 4:00:00 PM,\n",
        "'Closed Date'",
    ),
}


def _finish(plan: Plan) -> float:
    result = analyze(plan)
    assert result.schedule is not None
    return round(result.schedule.finish, 6)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_s22_closing_date_is_the_done_rows_actual_finish_in_working_weeks(
    layout: str, tmp_path: Path
) -> None:
    text, column = LAYOUTS[layout]
    path = tmp_path / f"{layout}.csv"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    by_title = {d.title: d for d in plan.decisions}
    assert plan.start_date == dt.date(2027, 1, 6)
    done = by_title["Requirements"]
    assert done.status is Status.DONE
    assert done.actual_finish == pytest.approx(2.8)  # 14 working days (not 20 calendar days / 7 = 2.86)
    assert by_title["Reopened"].status is Status.IN_PROGRESS
    assert by_title["Reopened"].actual_finish is None
    assert _finish(plan) == 3.8
    lines = report.text(limit=None)
    assert f"column {column} is not a plan field" not in lines
    assert f"1 row not done has a date in column {column}" in lines


def _titled(path: Path, text: str) -> tuple[Plan, dict[str, Decision]]:
    """The plan imported from ``text`` written to ``path``, and its decisions by title."""
    path.write_text(text, encoding="utf-8")
    plan, _ = import_file(path)
    return plan, {d.title: d for d in plan.decisions}


def test_s22_actual_finish_of_ms_project_csv_in_working_weeks(tmp_path: Path) -> None:
    """MS Project's 'Actual Finish' column, already read, was placed by calendar days: Mon 25 Jan after a Wednesday
    start was 2.86 weeks. Now 2.8, the working days, as the durations count."""
    plan, by_title = _titled(
        tmp_path / "msp.csv",
        "ID,Name,Duration,Start,Finish,% Complete,Actual Start,Actual Finish,Predecessors\n"
        "1,Requirements,13 days,Wed 1/6/27,Fri 1/22/27,100%,Wed 1/6/27,Mon 1/25/27,\n"
        "2,Build,5 days,Mon 1/25/27,Fri 1/29/27,0%,NA,NA,1\n",
    )
    assert by_title["Requirements"].actual_start == dt.date(2027, 1, 6)
    assert by_title["Requirements"].actual_finish == pytest.approx(2.8)
    assert _finish(plan) == 3.8


def test_s22_actual_date_with_a_month_name_is_read() -> None:
    """'16 Feb 2027' in an 'Actual Start' column was refused ('write YYYY-MM-DD'), as if its order of day and month
    were in doubt; a month by its name tells it. The file's only date starts the plan: week 0, that day."""
    plan, _ = import_file(Path(__file__).parent / "data" / "fuzz" / "actual-start-month-name.csv")
    assert plan.start_date == dt.date(2027, 2, 16)
    assert plan.decisions[0].actual_start == dt.date(2027, 2, 16)


def test_s22_done_summary_of_rows_finished_on_a_day_and_between_days(tmp_path: Path) -> None:
    """A summary row's finish milestone is done where its done rows end, the last of them: one finished Mon 25 Jan
    (week 2.8, kept as weeks), one Tue 12 Jan (5 working days from Wed 6 Jan: week 1, kept as the date Wed 13 Jan).
    Before, a date beside weeks left the milestone not started."""
    plan, by_title = _titled(
        tmp_path / "summary.csv",
        "ID,Name,Outline Level,Duration,Start,Finish,% Complete,Actual Start,Actual Finish,Predecessors\n"
        "1,Phase,1,13 days,Wed 1/6/27,Mon 1/25/27,100%,Wed 1/6/27,Mon 1/25/27,\n"
        "2,Requirements,2,13 days,Wed 1/6/27,Fri 1/22/27,100%,Wed 1/6/27,Mon 1/25/27,\n"
        "3,Design,2,5 days,Wed 1/6/27,Tue 1/12/27,100%,Wed 1/6/27,Tue 1/12/27,\n"
        "4,Build,1,5 days,Tue 1/26/27,Mon 2/1/27,0%,NA,NA,1\n",
    )
    assert by_title["Design"].actual_finish == dt.date(2027, 1, 13)
    helper = by_title["Phase (finish)"]
    assert helper.status is Status.DONE
    assert helper.actual_finish == pytest.approx(2.8)
    assert _finish(plan) == 3.8


def test_s22_weekend_plan_start_counts_from_its_monday(tmp_path: Path) -> None:
    """A table whose earliest start is Sat 9 Jan 2027 starts the plan that day and counts working days from it: the
    Monday after is week 0, as the Saturday is (no work in between). It counted from the Friday before, so a row
    starting on the Monday was pinned at week 0.2 and every row's dates sat a day late."""
    plan, by_title = _titled(
        tmp_path / "weekend.csv",
        "Name,Duration,Start,Finish\nWeekend kick-off,1 day,2027-01-09,2027-01-09\nBuild,5 days,2027-01-11,2027-01-15\n",
    )
    assert plan.start_date == dt.date(2027, 1, 9)
    assert by_title["Build"].not_before is None  # (was 0.2)
    assert _finish(plan) == 1.0  # Build's 5 working days from week 0
