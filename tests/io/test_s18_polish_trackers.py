"""Trackers' small gaps: monday.com's plain "Date" column is each item's due date, Microsoft Planner's "Plan name"
row above the header titles the plan, ClickUp's "Date Closed" is a task's actual finish. Before, the Date column
was 'not a plan field', the plan was titled after the file ('ms-planner-export'), and Date Closed was ignored (a
done task was placed at its start and due dates). A due date without a start column was dropped unsaid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.io import import_file
from planner.model.plan import Status
from tests.io.test_s18_trackers_exports import DATA, _finish, _text


def test_monday_date_column_is_the_due_date(tmp_path: Path) -> None:
    src = tmp_path / "board.csv"
    src.write_text(
        "Name,Person,Status,Start,Date\n"
        "Set up,Ana,Done,2024-01-15,2024-01-19\n"
        "Train model,Ben,Working on it,2024-01-22,2024-02-02\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    # Mon 15 - Fri 19 Jan: 5 working days, 1 week; Mon 22 Jan - Fri 2 Feb: 10, 2 weeks from week 1
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0]
    assert plan.start_date == dt.date(2024, 1, 15)
    assert _finish(plan) == 3.0  # Mon 5 Feb, after the end of Fri 2 Feb
    text = _text(report)
    assert "column 'Date' is read as each row's due date" in text
    assert "'Date' is not a plan field" not in text


def test_a_date_column_beside_a_due_date_column_is_not_a_second_due_date(tmp_path: Path) -> None:
    src = tmp_path / "board.csv"
    src.write_text(
        "Name,Start,Due date,Date\nSet up,2024-01-15,2024-01-19,2024-03-01\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [d.weeks() for d in plan.decisions] == [1.0]  # from the Due date, not 1 March
    assert "column 'Date' is not a plan field; ignored" in _text(report)


def test_due_dates_without_a_start_column_are_reported_not_dropped_unsaid(tmp_path: Path) -> None:
    for column in ("Date", "Due date"):
        src = tmp_path / f"{column}.csv"
        src.write_text(f"Name,Status,{column}\nSet up,Done,2024-01-19\n", encoding="utf-8")
        plan, report = import_file(src)
        assert [d.weeks() for d in plan.decisions] == [1.0]
        assert f"column {column!r} (due dates) is not carried: due dates need a start column" in _text(
            report
        ), column


def test_ms_planner_plan_name_row_titles_the_plan() -> None:
    plan, report = import_file(DATA / "ms-planner-export.xlsx")
    assert plan.title == "AI rollout"  # the 'Plan name' row (line 1), not the file's name
    text = _text(report)
    assert "the plan's title 'AI rollout' is read from line 1 ('Plan name')" in text
    assert "3 rows above the header row (line 5) were skipped" in text


def test_plan_name_row_in_a_csv_and_a_file_without_one(tmp_path: Path) -> None:
    src = tmp_path / "planner.csv"
    src.write_text(
        "Plan name,Chatbot pilot\nPlan ID,x1\n\nTask Name,Start date,Due date\nA,2024-01-15,2024-01-19\n",
        encoding="utf-8",
    )
    plan, _ = import_file(src)
    assert plan.title == "Chatbot pilot"
    other = tmp_path / "rollout-tasks.csv"
    other.write_text("Task Name,Start date,Due date\nA,2024-01-15,2024-01-19\n", encoding="utf-8")
    assert import_file(other)[0].title == "rollout-tasks"


def test_clickup_date_closed_is_the_actual_finish(tmp_path: Path) -> None:
    src = tmp_path / "clickup.csv"
    # 1705276800000 ms = Mon 15 Jan 2024, 1705622400000 = Fri 19 Jan, 1705708800000 = Sat 20 Jan (closed late)
    src.write_text(
        "Task ID,Task Name,Status,Start Date,Due Date,Date Closed\n"
        "a1,Define value case,complete,1705276800000,1705622400000,1705708800000\n"
        "a2,Build pilot,in progress,1705881600000,1706832000000,\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    first, pilot = plan.decisions
    assert first.status is Status.DONE and pilot.status is Status.IN_PROGRESS
    # closed on Saturday 20 Jan: the end of that day, the next working day in the plan (as Planner's Completed Date)
    assert first.actual_finish == dt.date(2024, 1, 22)
    assert pilot.actual_finish is None
    text = _text(report)
    assert "'Date Closed' is not a plan field" not in text
    assert "20 Jan 2024 is week 1" in text  # (H-io22: placed in working weeks; the line says the week)
