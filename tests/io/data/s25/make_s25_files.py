"""Writes the workbooks of tests/io/data/s25 (the CSV files there are written by hand): Excel's "Gantt project
planner" template (File > New > Gantt project planner) as a user fills it in, and a Smartsheet export. Run from the repository root:

    .venv/bin/python tests/io/data/s25/make_s25_files.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent


def gantt_project_planner() -> None:
    """The template's layout: its title, the period highlight row, the legend row, then the header (ACTIVITY, PLAN
    START, PLAN DURATION, ACTUAL START, ACTUAL DURATION, PERCENT COMPLETE, PERIODS and the chart's columns 1...60),
    the activities with period numbers and a percentage cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Project Planner"
    ws.append(["Project Planner"])
    ws.append(["Select a period to highlight at right.  A legend describing the charting follows.", *[None] * 6,
               "Period Highlight:", 1])  # fmt: skip
    ws.append([None, None, "Plan Duration", "Actual Start", "% Complete", "Actual (beyond plan)",
               "% Complete (beyond plan)"])  # fmt: skip
    ws.append(["ACTIVITY", "PLAN START", "PLAN DURATION", "ACTUAL START", "ACTUAL DURATION", "PERCENT COMPLETE",
               "PERIODS", *range(1, 61)])  # fmt: skip
    for row in (
        ("Define value case", 1, 2, 1, 2, 1.0),
        ("Vendor shortlist", 2, 3, 3, 2, 0.5),
        ("Build pilot", 4, 6, None, None, 0.0),
        ("Go-live review", 10, 1, None, None, 0.0),
    ):
        ws.append(list(row))
        ws.cell(ws.max_row, 6).number_format = "0%"
    wb.save(HERE / "excel-gantt-project-planner.xlsx")


def smartsheet_indented() -> None:
    """A Smartsheet project sheet exported to Excel whose hierarchy is in the task names' indents only (no grouped
    rows), durations as Smartsheet writes them ('5d', '1w 2d', '0'), predecessors by row number with types and lags
    ('3FS +2d, 2SS')."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Rollout"
    ws.append(
        ["Task Name", "Duration", "Start", "Finish", "Predecessors", "Assigned To", "% Complete", "Status"]
    )
    for level, name, duration, start, finish, preds, who, done, status in (
        (0, "Phase 1", "12d", (1, 11), (1, 26), "", "", 0.5, ""),
        (1, "Define scope", "5d", (1, 11), (1, 15), "", "Ana Silva", 1.0, "Complete"),
        (1, "Vendor shortlist", "1w 2d", (1, 18), (1, 26), "2FS +0d", "Ben Ode", 0.2, "In Progress"),
        (0, "Phase 2", "10d", (1, 27), (2, 9), "", "", 0.0, ""),
        (1, "Pilot build", "8d", (1, 27), (2, 5), "3FS +2d, 2SS", "Ben Ode", 0.0, "Not Started"),
        (1, "Go-live", "0", (2, 9), (2, 9), "5", "", 0.0, ""),
    ):
        ws.append(
            [name, duration, dt.datetime(2027, *start), dt.datetime(2027, *finish), preds, who, done, status]
        )
        r = ws.max_row
        ws.cell(r, 1).alignment = Alignment(indent=level)
        if level == 0:
            ws.cell(r, 1).font = Font(bold=True)
        ws.cell(r, 3).number_format = ws.cell(r, 4).number_format = "mm/dd/yy"
        ws.cell(r, 7).number_format = "0%"
    wb.save(HERE / "smartsheet-indented.xlsx")


if __name__ == "__main__":
    gantt_project_planner()
    smartsheet_indented()
