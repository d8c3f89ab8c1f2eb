"""Write the workbook fixtures of tests/io/test_s32_*.py (run from the repository root; needs openpyxl). The CSV files
beside them are typed by hand (see README.md).

- ``openproject-relations.xlsx``: OpenProject's work package export to Excel with "Include relations" ticked, laid
  out as its XLS exporter (``XlsExport::WorkPackage::Exporter::XLS`` with ``WithRelations``) writes it: a first row
  'Work packages' over the work package columns and 'Relations' over the relation's; a second row of the columns'
  captions, an empty first column, an empty column between the work package's columns and the relation's
  ('Relation type', 'Lag', 'Description'), then the related work package's columns again; one row per relation of
  a work package (its columns repeated on each), a row with its relation columns empty when it has none; a parent
  and its children as 'parent of' / 'child of' rows. OpenProject writes .xls (BIFF); this is the same sheet as
  .xlsx (no BIFF writer here), read by the same table code.
- ``project-web-export.xlsx``: Project for the web's (Planner premium) "Export to Excel": a block of project rows
  ('Project name', 'Project manager', 'Project start', 'Project finish', 'Duration', '% complete') above the task
  table (Task number, Outline number, Name, Assigned to, Bucket, % complete, Start, Finish, Duration, Dependent on,
  Effort, Effort completed, Effort remaining, Notes); task numbers in the order the tasks were made, not the rows'
  (a task added later sits higher in the outline), and 'Dependent on' naming task numbers.
- ``wrike-export.xlsx``: Wrike's Excel export, laid out as its XLS import takes one back: 'Key' (the id 'Parent
  Task' and 'Dependency' name), folder and project rows with their path between slashes in the Title cell
  ('/Pilot rollout/', '/Pilot rollout/Build/') above their tasks, subtasks by 'Parent Task', statuses of Wrike's
  status groups (Active, Completed, Deferred, Cancelled), durations '10d', dependencies '2FS+2d' and '5FS;4FS'
  (the second naming the cancelled task), assignees by e-mail.
- ``p6-spreadsheet.xlsx``: Primavera P6's File > Export > Spreadsheet - (XLSX): sheets 'TASK', 'TASKPRED' and
  'USERDATA', each with P6's field names in the first row and their titles in the second; activities by Activity ID,
  statuses as P6 shows them, durations in hours, a finish milestone, relationships with their type in words and lags
  in hours, one to an activity of another project (B2000) the export does not hold.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).parent
day = dt.datetime


def openproject_relations() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Work packages"
    columns = ["ID", "Type", "Subject", "Status", "Assignee", "Start date", "Finish date", "% Complete"]
    ws.append(["Work packages", *[""] * len(columns), "Relations"])
    ws.append(["", *columns, "", "Relation type", "Lag", "Description", *columns])
    for cell in ws[1] + ws[2]:
        cell.font = Font(bold=True)
    wps: dict[int, list[object]] = {
        41: ["Phase", "Pilot", "In progress", "Ana Silva", day(2027, 3, 1), day(2027, 4, 7), 40],
        42: ["Task", "Discovery interviews", "Closed", "Ana Silva", day(2027, 3, 1), day(2027, 3, 12), 100],
        43: ["Task", "Data audit", "In progress", "Ben Ode", day(2027, 3, 15), day(2027, 3, 26), 50],
        44: ["Task", "Pipeline build", "New", "Ben Ode", day(2027, 3, 31), day(2027, 4, 6), 0],
        45: ["Milestone", "Pilot sign-off", "New", "Cara Lee", day(2027, 4, 7), day(2027, 4, 7), 0],
        46: ["Task", "Vendor contract", "In progress", "Cara Lee", day(2027, 3, 1), day(2027, 3, 19), 25],
    }
    relations: dict[int, list[tuple[str, object, str, int]]] = {  # work package -> (relation type as OpenProject labels it, lag in days, description, other)
        41: [("parent of", "", "", 42), ("parent of", "", "", 43), ("parent of", "", "", 44)],
        42: [("child of", "", "", 41), ("Precedes", 0, "", 43)],
        43: [("child of", "", "", 41), ("Follows", 0, "", 42), ("Precedes", 2, "wait for the audit sign-off", 44)],
        44: [("child of", "", "", 41), ("Follows", 2, "wait for the audit sign-off", 43), ("Precedes", 0, "", 45),
             ("Related To", "", "", 46)],
        45: [("Follows", 0, "", 44), ("Blocked by", "", "", 46)],
        46: [("Related To", "", "", 44), ("Blocks", "", "", 45), ("Follows", 0, "", 87)],
    }  # fmt: skip
    for wp, cells in wps.items():
        own = [wp, *cells]
        if not relations[wp]:
            ws.append(["", *own])
        for kind, lag, description, other in relations[wp]:
            theirs = [other, *wps[other]] if other in wps else [other, "Task", "Security review", "New"]
            ws.append(["", *own, "", kind, lag, description, *theirs])
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "YYYY-MM-DD"
    wb.save(HERE / "openproject-relations.xlsx")


def project_web_export() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Project tasks"
    head: list[list[object]] = [
        ["Project name", "Pilot rollout"],
        ["Project manager", "Ana Silva"],
        ["Project start", day(2027, 1, 4)],
        ["Project finish", day(2027, 2, 12)],
        ["Duration", "30 days"],
        ["% complete", 0.3],
        [],
    ]
    for cells in head:
        ws.append(cells)
    ws.append(["Task number", "Outline number", "Name", "Assigned to", "Bucket", "% complete", "Start", "Finish",
               "Duration", "Dependent on", "Effort", "Effort completed", "Effort remaining", "Notes"])  # fmt: skip
    for cell in ws[8]:
        cell.font = Font(bold=True)
    rows = [
        (1, "1", "Discovery", "", "", 0.55, day(2027, 1, 4), day(2027, 1, 20), "13 days", "", "104 hours",
         "58 hours", "46 hours", ""),
        (2, "1.1", "Interviews", "Ana Silva", "Discovery", 1.0, day(2027, 1, 4), day(2027, 1, 8), "5 days", "",
         "40 hours", "40 hours", "0 hours", ""),
        (6, "1.2", "Consent forms", "Cara Lee", "Discovery", 1.0, day(2027, 1, 4), day(2027, 1, 5), "2 days", "",
         "16 hours", "16 hours", "0 hours", "Added after the kick-off"),
        (3, "1.3", "Synthesis", "Ben Ode", "Discovery", 0.2, day(2027, 1, 13), day(2027, 1, 20), "6 days", "2,6",
         "48 hours", "10 hours", "38 hours", "Affinity map"),
        (4, "2", "Pilot build", "Ben Ode; Cara Lee", "Build", 0, day(2027, 1, 21), day(2027, 2, 10), "15 days",
         "3", "240 hours", "0 hours", "240 hours", ""),
        (5, "3", "Go-live", "", "Build", 0, day(2027, 2, 10), day(2027, 2, 10), "0 days", "4", "0 hours",
         "0 hours", "0 hours", ""),
    ]  # fmt: skip
    for task in rows:
        ws.append(list(task))
        r = ws.max_row
        ws.cell(r, 6).number_format = "0%"
        for c in (7, 8):
            ws.cell(r, c).number_format = "M/D/YYYY"
    ws["B6"].number_format = "0%"
    wb.save(HERE / "project-web-export.xlsx")


def wrike_export() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Key", "Parent Task", "Title", "Status", "Priority", "Assigned To", "Start Date", "Duration",
               "Due Date", "Dependency", "Description"])  # fmt: skip
    for cell in ws[1]:
        cell.font = Font(bold=True)
    rows: list[list[object]] = [
        [None, None, "/Pilot rollout/", "Active", None, None, None, None, None, None, None],
        [1, None, "Discovery interviews", "Completed", "Normal", "ana@example.com", day(2027, 3, 1), "10d",
         day(2027, 3, 12), None, "Eight interviews"],
        [2, None, "Data audit", "Active", "High", "ben@example.com", day(2027, 3, 15), "10d", day(2027, 3, 26),
         "1FS", None],
        [3, 2, "Audit the CRM tables", "Active", "Normal", "ben@example.com", day(2027, 3, 15), "5d",
         day(2027, 3, 19), None, None],
        [7, 2, "Audit the billing tables", "Active", "Normal", "cara@example.com", day(2027, 3, 22), "5d",
         day(2027, 3, 26), "3FS", None],
        [4, None, "Legacy export", "Cancelled", "Low", None, day(2027, 3, 1), "5d", day(2027, 3, 5), None, None],
        [None, None, "/Pilot rollout/Build/", "Active", None, None, None, None, None, None, None],
        [5, None, "Pipeline build", "Active", "Normal", "ben@example.com, cara@example.com", day(2027, 3, 31),
         "10d", day(2027, 4, 13), "2FS+2d", None],
        [6, None, "Pilot sign-off", "Deferred", "Normal", "cara@example.com", day(2027, 4, 14), "0d",
         day(2027, 4, 14), "5FS;4FS", None],
    ]  # fmt: skip
    for cells in rows:
        ws.append(cells)
        for c in (7, 9):
            ws.cell(ws.max_row, c).number_format = "MM/DD/YYYY"
    wb.save(HERE / "wrike-export.xlsx")


def p6_spreadsheet() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "TASK"
    ws.append(["task_code", "status_code", "task_name", "wbs_id", "task_type", "target_drtn_hr_cnt", "start_date",
               "end_date", "complete_pct", "rsrc_id"])  # fmt: skip
    ws.append(["Activity ID", "Activity Status", "Activity Name", "WBS Code", "Activity Type",
               "Original Duration(h)", "Start", "Finish", "Activity % Complete(%)", "Primary Resource"])  # fmt: skip
    rows: list[list[object]] = [
        ["A1000", "Completed", "Site survey", "PLANT.CIV", "Task Dependent", 80, day(2027, 3, 1, 8),
         day(2027, 3, 12, 17), 100, "Survey crew"],
        ["A1010", "In Progress", "Foundations", "PLANT.CIV", "Task Dependent", 120, day(2027, 3, 15, 8),
         day(2027, 4, 2, 17), 40, "Civil crew"],
        ["A1020", "Not Started", "Install turbine", "PLANT.MECH", "Task Dependent", 40, day(2027, 4, 7, 8),
         day(2027, 4, 13, 17), 0, "Mechanical crew"],
        ["A1030", "Not Started", "Turbine ready", "PLANT.MECH", "Finish Milestone", 0, None, day(2027, 4, 13, 17),
         0, None],
    ]  # fmt: skip
    for cells in rows:
        ws.append(cells)
    preds = wb.create_sheet("TASKPRED")
    preds.append(["task_id", "pred_task_id", "pred_type", "lag_hr_cnt"])
    preds.append(["Successor", "Predecessor", "Relationship Type", "Lag(h)"])
    for cells in (["A1010", "A1000", "Finish to Start", 0], ["A1020", "A1010", "Finish to Start", 16],
                  ["A1030", "A1020", "Finish to Finish", 0], ["A1020", "B2000", "Finish to Start", 0]):  # fmt: skip
        preds.append(cells)
    user = wb.create_sheet("USERDATA")
    user.append(["user_data"])
    user.append(["UserSettings Do Not Edit"])
    user.append(["DurationQtyType=QT_Hour\nShowAsPercentage=0\nSmallScaleQtyType=QT_Hour"])
    wb.save(HERE / "p6-spreadsheet.xlsx")


if __name__ == "__main__":
    openproject_relations()
    project_web_export()
    wrike_export()
    p6_spreadsheet()
