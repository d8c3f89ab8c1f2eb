"""Make the .xls fixtures of tests/io/test_xls_import.py: LibreOffice Calc (headless, filter "MS Excel 97") saves
.xlsx workbooks as Excel 97-2003 files, so each .xls here was written by a real spreadsheet program, next to the
.xlsx it was saved from (the import of both must give the same plan).

Needs ``soffice`` (apt install libreoffice-calc-nogui) and the project's venv; not run by the tests:

    .venv/bin/python tests/io/data/xls/make_xls_files.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

HERE = Path(__file__).parent
DATA = HERE.parent


def formats_workbook(path: Path) -> None:
    """A hand-made sheet with what a cell's format decides: dates, a percentage, a duration in days, indented
    names under a summary, a title row above the header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roadmap"
    ws.append(["Pilot to scale roadmap (exported 2027-01-04)"])
    ws.append(["ID", "Task Name", "Duration", "Start", "Finish", "% Complete", "Predecessors", "Assigned To"])
    rows = [
        (1, "Validate", None, None, None, None, "", "", 0),
        (2, "Value case", 10, dt.datetime(2027, 1, 4), dt.datetime(2027, 1, 15), 1.0, "", "Strategy", 1),
        (
            3,
            "Pilot with two branches",
            15,
            dt.datetime(2027, 1, 18),
            dt.datetime(2027, 2, 5),
            0.4,
            "2",
            "Data",
            1,
        ),
        (4, "Integrate", None, None, None, None, "", "", 0),
        (5, "Inference service", 20, dt.datetime(2027, 2, 8), dt.datetime(2027, 3, 5), 0, "3", "Platform", 1),
        (6, "Go-live decision", 0, dt.datetime(2027, 3, 5), dt.datetime(2027, 3, 5), 0, "5", "", 1),
    ]
    for rid, name, days, start, finish, done, preds, who, indent in rows:
        ws.append([rid, name, days, start, finish, done, preds, who])
        r = ws.max_row
        ws.cell(r, 2).alignment = Alignment(indent=indent)
        ws.cell(r, 3).number_format = '0" days"'
        ws.cell(r, 4).number_format = ws.cell(r, 5).number_format = "yyyy-mm-dd"
        ws.cell(r, 6).number_format = "0%"
    wb.save(path)


def main() -> None:
    sources = [HERE / "formats.xlsx", HERE / "fraud-detection.xlsx", HERE / "smartsheet-project.xlsx"]
    formats_workbook(sources[0])
    root = DATA.parents[2]
    plan = root / "sample_plans" / "fraud-detection.plan.json"
    subprocess.run([str(root / ".venv/bin/planner"), "export", str(plan), "-o", str(sources[1])], check=True)
    shutil.copy(DATA / "trackers" / "smartsheet-project.xlsx", sources[2])
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "xls:MS Excel 97",
            "--outdir",
            str(HERE),
            *map(str, sources),
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
