"""Write the Excel Gantt chart fixtures of tests/io/data/trackers21 (run from the repository root; needs openpyxl).

- ``simple-gantt-template.xlsx``: laid out as Microsoft's "Simple Gantt chart" template (by Vertex42) lays out its
  sheet: title rows, "Project start:" and "Display week:" cells, a row of week dates over a row of day numbers, the
  header TASK / ASSIGNED TO / PROGRESS / START / END, then one column per day headed by its weekday letter, phase
  rows without dates, tasks with a percentage and dates, and the "Insert new rows ABOVE this one" row at the foot.
  The template computes its dates with formulas; here they are typed values (what a saved file caches).
- ``date-grid-gantt.xlsx``: a hand-made Gantt chart: Task and Owner, then one column per week headed by the week's
  Monday (date cells), the weeks a task runs marked with "x".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def simple_template() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "ProjectSchedule"
    ws["B1"] = "Portal rollout"
    ws["B2"] = "Contoso Ltd"
    ws["B3"] = "Project lead: Ana Silva"
    ws["C4"], ws["D4"] = "Project start:", dt.datetime(2024, 1, 15)
    ws["C5"], ws["D5"] = "Display week:", 1
    first = dt.date(2024, 1, 15)
    for k in range(28):  # four weeks of days from column I
        day = first + dt.timedelta(days=k)
        at = 9 + k
        if k % 7 == 0:
            ws.cell(row=5, column=at, value=dt.datetime(day.year, day.month, day.day))
        ws.cell(row=6, column=at, value=day.day)
        ws.cell(row=7, column=at, value="MTWTFSS"[k % 7])
    for col, name in zip("BCDEF", ("TASK", "ASSIGNED TO", "PROGRESS", "START", "END"), strict=True):
        ws[f"{col}7"] = name
    rows = [
        ("Phase 1: Discovery", None, None, None, None),
        ("Interviews", "Ana", 1.0, dt.datetime(2024, 1, 15), dt.datetime(2024, 1, 19)),
        ("Synthesis", "Ben", 0.5, dt.datetime(2024, 1, 22), dt.datetime(2024, 1, 26)),
        ("Phase 2: Build", None, None, None, None),
        ("Prototype", "Cara", 0.0, dt.datetime(2024, 1, 29), dt.datetime(2024, 2, 9)),
        ("Pilot", "Cara", 0.0, dt.datetime(2024, 2, 12), dt.datetime(2024, 2, 16)),
        ("Insert new rows ABOVE this one", None, None, None, None),
    ]
    for r, values in enumerate(rows, start=8):
        for col, value in zip("BCDEF", values, strict=True):
            if value is not None:
                ws[f"{col}{r}"] = value
                if col == "D":
                    ws[f"{col}{r}"].number_format = "0%"
                if col in "EF":
                    ws[f"{col}{r}"].number_format = "ddd m/d/yy"
    ws["D4"].number_format = "m/d/yyyy"
    wb.save(HERE / "simple-gantt-template.xlsx")


def date_grid() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Gantt"
    weeks = [dt.datetime(2024, 1, 15) + dt.timedelta(days=7 * k) for k in range(6)]
    ws.append(["Roadmap Q1"])
    ws.append(["Task", "Owner", *weeks])
    ws.append(["Discovery", "Ana", "x", "x"])
    ws.append(["Build", "Ben", None, None, "x", "x", "x"])
    ws.append(["Launch", "Cara", None, None, None, None, None, "x"])
    for cell in ws[2][2:]:
        cell.number_format = "d mmm"
    wb.save(HERE / "date-grid-gantt.xlsx")


if __name__ == "__main__":
    simple_template()
    date_grid()
