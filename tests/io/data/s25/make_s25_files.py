"""Writes the workbook of tests/io/data/s25 (the CSV files there are written by hand): Excel's "Gantt project
planner" template (File > New > Gantt project planner) as a user fills it in. Run from the repository root:

    .venv/bin/python tests/io/data/s25/make_s25_files.py
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

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


if __name__ == "__main__":
    gantt_project_planner()
