"""Writes the .xlsx fixtures of this folder in the layouts the trackers' Excel exports use (reconstructed from their
documentation and the brief; see tests/io/data/README.md). Run from the repository root:
``.venv/bin/python tests/io/data/trackers/make_tracker_files.py``; the tests read the files as committed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent


def smartsheet() -> None:
    """A project sheet saved with File > Export > Export to Microsoft Excel: the hierarchy as grouped rows and
    indented task names, dates as date cells, durations as Smartsheet shows them, predecessors as row numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AI rollout"
    ws.append(
        ["Task Name", "Duration", "Start", "Finish", "Predecessors", "Assigned To", "% Complete", "Status"]
    )
    rows = [
        (0, "Phase 1 - Select", "15d", (1, 15), (2, 2), "", "", 0.67, ""),
        (1, "Define scope", "5d", (1, 15), (1, 19), "", "Ana Silva", 1.0, "Complete"),
        (1, "Vendor shortlist", "2w", (1, 22), (2, 2), "2", "Ben Ode", 0.5, "In Progress"),
        (1, "Security review", "16h", (1, 22), (1, 23), "2", "Cara Lee", 0.0, "Not Started"),
        (0, "Phase 2 - Build", "15d", (2, 5), (2, 23), "", "", 0.0, ""),
        (1, "Pilot build", "15d", (2, 5), (2, 23), "3, 4FS +2d", "Ben Ode", 0.0, "Not Started"),
        (1, "Go-live", "0", (2, 23), (2, 23), "6", "", 0.0, "Not Started"),
    ]
    for level, name, duration, start, finish, preds, who, done, status in rows:
        ws.append(
            [name, duration, dt.datetime(2024, *start), dt.datetime(2024, *finish), preds, who, done, status]
        )
        r = ws.max_row
        ws.cell(r, 1).alignment = Alignment(indent=level)
        if level == 0:
            ws.cell(r, 1).font = Font(bold=True)
        else:
            ws.row_dimensions[r].outline_level = level
        ws.cell(r, 3).number_format = ws.cell(r, 4).number_format = "mm/dd/yy"
        ws.cell(r, 7).number_format = "0%"
    wb.save(HERE / "smartsheet-project.xlsx")


def ms_planner() -> None:
    """Planner's "Export plan to Excel": the plan's name, id and export date above the header row; dates as text
    in the user's locale (en-US: month first); several assignees and labels separated by ';'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AI rollout"
    ws.append(["Plan name", "AI rollout"])
    ws.append(["Plan ID", "xqTAbcKqDEeIcPS1hr1JCGUAAyo3"])
    ws.append(["Date of export", "1/10/2024"])
    ws.append([])
    ws.append(
        ["Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Assigned To", "Created By", "Created Date",
         "Start date", "Due date", "Is Recurring", "Late", "Completed Date", "Completed By",
         "Completed Checklist Items", "Checklist Items", "Labels", "Description"]
    )  # fmt: skip
    ws.append(
        ["pbdSxLh4Tk2JfHX4Cp8d-WUAE-3D", "Define value case", "Discovery", "Completed", "Important",
         "Ana Silva;Ben Ode", "Ana Silva", "01/02/2024", "01/15/2024", "01/26/2024", "false", "false",
         "01/26/2024", "Ana Silva", "2/2", "Agree the KPI;Sign-off", "Pilot;Data", "The KPI the pilot must move"]
    )  # fmt: skip
    ws.append(
        ["Hx7mQwErTyUiOpAsDfGhJkL9-3Fq", "Build pilot", "Build", "In progress", "Medium", "Ben Ode", "Ana Silva",
         "01/02/2024", "01/29/2024", "02/23/2024", "false", "false", "", "", "0/1", "Load test", "Pilot", ""]
    )  # fmt: skip
    ws.append(
        ["Zz1aBcDeFgHiJkLmNoPqRsTuV-1w", "Train support team", "Build", "Not started", "Low", "", "Ana Silva",
         "01/02/2024", "02/26/2024", "03/08/2024", "false", "false", "", "", "", "", "", ""]
    )  # fmt: skip
    wb.save(HERE / "ms-planner-export.xlsx")


def monday() -> None:
    """A monday.com board exported to Excel: the board's name, then per group its title, the header row and its
    items; an item's subitems under a "Subitems" header one column in; Timeline as "start - end"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AI rollout board"
    header = ["Name", "Subitems", "Person", "Status", "Timeline", "Dependency"]
    ws.append(["AI rollout board"])
    ws.append([])
    ws.append(["Discovery"])
    ws.append(header)
    ws.append(["Define value case", "", "Ana Silva", "Done", "2024-01-15 - 2024-01-26", ""])
    ws.append(["Vendor shortlist", "Compare vendors, Reference calls", "Ben Ode", "Working on it",
               "2024-01-29 - 2024-02-09", ""])  # fmt: skip
    ws.append(["", "Subitems", "Person", "Status", "Timeline"])
    ws.append(["", "Compare vendors", "Ben Ode", "Done", "2024-01-29 - 2024-02-02"])
    ws.append(["", "Reference calls", "Cara Lee", "Working on it", "2024-02-05 - 2024-02-09"])
    ws.append([])
    ws.append(["Build"])
    ws.append(header)
    ws.append(["Build pilot", "", "Ben Ode", "Stuck", "2024-01-29 - 2024-02-23", "Define value case"])
    ws.append(["Go-live", "", "", "", "2024-02-26", "Build pilot"])
    wb.save(HERE / "monday-board.xlsx")


def wrike() -> None:
    """Wrike's table view exported to Excel: an ID per task, dependencies as IDs with the link type, durations in
    days, dates as date cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tasks"
    ws.append(["ID", "Title", "Status", "Priority", "Assigned To", "Start date", "Due date", "Duration",
               "Dependency", "Parent folders"])  # fmt: skip
    ws.append([4101, "Define value case", "Completed", "Normal", "Ana Silva", dt.datetime(2024, 1, 15),
               dt.datetime(2024, 1, 26), "10d", "", "AI rollout"])  # fmt: skip
    ws.append([4102, "Build pilot", "Active", "High", "Ben Ode, Cara Lee", dt.datetime(2024, 1, 29),
               dt.datetime(2024, 2, 23), "20d", "4101FS", "AI rollout"])  # fmt: skip
    ws.append([4103, "Train support team", "Deferred", "Normal", "Cara Lee", dt.datetime(2024, 2, 19),
               dt.datetime(2024, 3, 1), "10d", "4102SS+3w", "AI rollout"])  # fmt: skip
    for r in range(2, 5):
        ws.cell(r, 6).number_format = ws.cell(r, 7).number_format = "mm/dd/yyyy"
    wb.save(HERE / "wrike-export.xlsx")


if __name__ == "__main__":
    smartsheet()
    ms_planner()
    monday()
    wrike()
