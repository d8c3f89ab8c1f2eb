"""Write the workbook fixtures of tests/io/test_s31_*.py (run from the repository root; needs openpyxl). The CSV and
JSON files beside them are typed by hand (see README.md).

- ``pmo-two-row-header.xlsx``: a PMO's delivery sheet with its header in two rows, as people lay one out in Excel:
  a title row and an "Updated" line above it; '#', 'Task', 'Internal code', 'Owner', 'Duration', '% Complete' and
  'Depends on' merged down over both header rows; 'Schedule' merged across its 'Start' and 'End' columns and
  'Actual' across its 'Start' and 'Finish' ones; the 'Internal code' column hidden; durations typed as text ('2 wks',
  '3d', '1.5w', '10 days', '16h'); dates shown day first (DD.MM.YYYY); a 'Total' row at the foot summing the
  durations column with a formula (openpyxl saves no value for it, as a file never opened in Excel).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).parent


def two_row_header() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roadmap"
    ws.append(["Q2 delivery plan - Data platform"])
    ws.merge_cells("A1:K1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Updated 1 Mar 2027 by the PMO"])
    ws.append(["#", "Task", "Internal code", "Owner", "Schedule", None, "Actual", None, "Duration", "% Complete",
               "Depends on"])  # fmt: skip
    ws.append([None, None, None, None, "Start", "End", "Start", "Finish", None, None, None])
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "I3:I4", "J3:J4", "K3:K4", "E3:F3", "G3:H3"):
        ws.merge_cells(cells)
    for cell in ws[3] + ws[4]:
        cell.font = Font(bold=True)
    day = dt.datetime
    rows = [
        (1, "Discovery interviews", "X-101", "Ana", day(2027, 3, 1), day(2027, 3, 12), day(2027, 3, 1),
         day(2027, 3, 12), "2 wks", 1.0, None),
        (2, "Data audit", "X-102", "Ben", day(2027, 3, 15), day(2027, 3, 17), day(2027, 3, 16), None, "3d", 0.5,
         "1"),
        (3, "Pipeline build", "X-103", "Ben", None, None, None, None, "1.5w", 0.0, "2"),
        (4, "Dashboard", "X-104", "Cara", None, None, None, None, "10 days", 0.0, "3"),
        (5, "Sign-off", "X-105", "Ana", None, None, None, None, "16h", 0.0, "4"),
    ]  # fmt: skip
    for row in rows:
        ws.append(list(row))
        r = ws.max_row
        for c in (5, 6, 7, 8):
            ws.cell(r, c).number_format = "DD.MM.YYYY"
        ws.cell(r, 10).number_format = "0%"
        ws.cell(r, 11).number_format = "@"
    ws.append([None, "Total", None, None, None, None, None, None, "=COUNTA(I5:I9)", None, None])
    ws.column_dimensions["C"].hidden = True
    wb.save(HERE / "pmo-two-row-header.xlsx")


def hidden_stale_start() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Task", "Owner", "Start", "Start", "Finish", "Cost", "% Complete"])
    day = dt.datetime
    ws.append(["Scope", "Ana", day(2026, 1, 5), day(2026, 3, 2), day(2026, 3, 6), 1200, 1.0])
    ws.append(["Build", "Ben", day(2026, 1, 12), day(2026, 3, 9), day(2026, 3, 20), 5000, 0.25])
    for r in (2, 3):
        for c in (3, 4, 5):
            ws.cell(r, c).number_format = "yyyy-mm-dd"
        ws.cell(r, 7).number_format = "0%"
    ws.column_dimensions["C"].hidden = True
    ws.column_dimensions["F"].hidden = True
    wb.save(HERE / "hidden-stale-start.xlsx")


if __name__ == "__main__":
    two_row_header()
    hidden_stale_start()
