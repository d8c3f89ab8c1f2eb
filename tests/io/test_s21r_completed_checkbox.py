"""A 'Completed' column of 1/0 or TRUE/FALSE (a checklist's checkbox, as a spreadsheet or a to-do app exports it) is
not Linear's 'Completed' timestamps (H-review21). 19a71d3 read 'Completed' and 'Started' as actual dates, and a
column of numbers passed the check for dates as weeks: every row became done, the row not completed ('0') done at
week 0, without a word. A tracker's actual-date column holds dates; it is now ignored and reported otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner.io import import_file
from planner.model.plan import Status


def _table(tmp_path: Path, rows: list[list[Any]], suffix: str) -> Path:
    path = tmp_path / f"tasks{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for r in rows:
            sheet.append(r)
        book.save(path)
    return path


@pytest.mark.parametrize(
    ("suffix", "done", "not_done", "shown"),
    [(".csv", 1, 0, "'1'"), (".xlsx", True, False, "True"), (".xlsx", 1, 0, "1")],
)
def test_a_completed_checkbox_column_is_no_actual_finish(
    tmp_path: Path, suffix: str, done: object, not_done: object, shown: str
) -> None:
    rows: list[list[Any]] = [["Title", "Duration", "Completed"], ["Alpha", 1, done], ["Beta", 2, not_done]]
    plan, report = import_file(_table(tmp_path, rows, suffix))
    assert [(d.id, d.status, d.actual_finish) for d in plan.decisions] == [
        ("alpha", Status.NOT_STARTED, None),
        ("beta", Status.NOT_STARTED, None),
    ]
    assert f"column 'Completed' does not hold dates (such as {shown}); ignored" in [
        i.message for i in report.items
    ]


def test_completed_timestamps_are_still_actual_finishes(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Title", "Duration", "Started", "Completed"],
        ["Alpha", 1, "2024-01-15T10:00:00.000Z", "2024-01-19T10:00:00.000Z"],
        ["Beta", 2, "2024-01-22T09:00:00.000Z", ""],
    ]
    plan, _ = import_file(_table(tmp_path, rows, ".csv"))
    alpha, beta = plan.decisions
    # Alpha's finish at the end of Fri 19 Jan: the next working day, Mon 22 Jan, as the import says
    assert (alpha.actual_start, alpha.actual_finish) == (dt.date(2024, 1, 15), dt.date(2024, 1, 22))
    assert (beta.actual_start, beta.actual_finish) == (dt.date(2024, 1, 22), None)
