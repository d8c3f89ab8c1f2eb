"""Make the fixtures of tests/io/test_s20b_locale_tables.py: one small plan table as users in Germany, France and
the US type it in a spreadsheet, saved by LibreOffice Calc itself (headless) as .xlsx, .ods and CSV.

The typed workbook (openpyxl, :func:`typed_workbook`) holds what a user's typing leaves in the cells: date cells
shown in the locale's order, one start date typed as text (the cell was formatted as text first), percentages,
a duration computed by a formula (``=C5*2``), a merged title row, an empty row between two sections, a hidden
column and a second sheet. LibreOffice then opens it and saves it again (``--convert-to``), so every formula has
its value stored and the files are as Calc writes them; the CSV files are written in the locale (``LC_ALL``):
German ``;`` separators, decimal commas and ``15.03.2027``; French ``15/03/2027``; US ``3/15/2027``.

Four more workbooks, each saved by LibreOffice as .ods, .xlsx and .xls: Stage and owner cells merged over several
rows (:func:`merged_workbook`), a cover sheet before the plan (:func:`cover_sheet_workbook`), hidden rows
(:func:`hidden_rows_workbook`) and a formula that fails (:func:`formula_error_workbook`).

Needs ``soffice`` (apt install libreoffice-calc-nogui) and the project's venv; not run by the tests:

    .venv/bin/python tests/io/data/locale/make_locale_files.py
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).parent

# Monday 1 March 2027; working days Monday to Friday, no holidays
ROWS = [  # id, title, days, start, finish, predecessors, done (0-1), milestone, owner, hidden note
    (
        1,
        "Wertanalyse",
        10,
        dt.date(2027, 3, 1),
        dt.date(2027, 3, 12),
        "",
        1.0,
        False,
        "Strategie",
        "intern A",
    ),
    (
        2,
        "Datenprüfung",
        2.5,
        dt.date(2027, 3, 15),
        dt.date(2027, 3, 17),
        "1",
        0.5,
        False,
        "Daten",
        "intern B",
    ),
    None,  # an empty row between the two sections
    (
        3,
        "Pilot in zwei Filialen",
        "=C5*2",
        dt.date(2027, 3, 18),
        dt.date(2027, 3, 24),
        "2",
        0.0,
        False,
        "Daten",
        "",
    ),
    (4, "Go-live-Entscheidung", 0, dt.date(2027, 3, 24), dt.date(2027, 3, 24), "3", 0.0, True, "", ""),
]
LOCALES = {
    #      header words, title, date format, percent format, yes/no, text date, LC_ALL, CSV separator (ASCII code)
    "de": (
        ["Nr.", "Vorgangsname", "Dauer", "Anfang", "Ende", "Vorgänger", "% abgeschlossen", "Meilenstein",
         "Verantwortlich", "Interne Notiz"],
        "Projektplan KI-Pilot (Stand 01.03.2027)",
        "DD.MM.YYYY", "0 %", ("Ja", "Nein"), "18.03.2027", "de_DE.UTF-8", 59,
    ),
    "fr": (
        ["N°", "Nom de la tâche", "Durée", "Début", "Fin", "Prédécesseurs", "% achevé", "Jalon",
         "Responsable", "Note interne"],
        "Plan du projet pilote IA",
        "DD/MM/YYYY", "0 %", ("Oui", "Non"), "18/03/2027", "fr_FR.UTF-8", 59,
    ),
    "us": (
        ["ID", "Task Name", "Duration", "Start", "Finish", "Predecessors", "% Complete", "Milestone",
         "Owner", "Internal note"],
        "AI pilot project plan",
        "M/D/YYYY", "0%", ("Yes", "No"), "3/18/2027", "en_US.UTF-8", 44,
    ),
}  # fmt: skip


def typed_workbook(path: Path, locale: str) -> None:
    words, title, date_fmt, pct_fmt, (yes, no), text_date, _, _ = LOCALES[locale]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = {"de": "Plan", "fr": "Plan", "us": "Plan"}[locale]
    ws.append([title])
    ws.merge_cells("A1:I1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(words)
    for row in ROWS:
        if row is None:
            ws.append([])
            continue
        rid, name, days, start, finish, preds, done, milestone, owner, note = row
        ws.append([rid, name, days, start, finish, preds, done, yes if milestone else no, owner, note])
        r = ws.max_row
        for c in (4, 5):
            ws.cell(r, c).number_format = date_fmt
        ws.cell(r, 7).number_format = pct_fmt
        ws.cell(r, 6).number_format = "@"  # predecessors typed as text ("1", not the number 1)
        if rid == 3:  # the start date typed into a cell formatted as text
            ws.cell(r, 4).value = text_date
            ws.cell(r, 4).number_format = "@"
    ws.column_dimensions["J"].hidden = True
    notes = wb.create_sheet("Notizen" if locale == "de" else "Notes")
    notes.append(["Offene Punkte" if locale == "de" else "Open points"])
    notes.append(["Budget klären" if locale == "de" else "Budget"])
    wb.save(path)


def merged_workbook(path: Path) -> None:
    """A plan whose Stage and owner cells are merged over the rows of each stage (Validate: three rows, Integrate:
    two), as users lay a plan out; durations in weeks."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Stage", "Vorgangsname", "Dauer", "Verantwortlich"])
    ws.append(["Validate", "Wertanalyse", 2, "Strategie"])
    ws.append([None, "Datenprüfung", 1, None])
    ws.append([None, "Pilot", 3, None])
    ws.append(["Integrate", "Plattform", 4, "IT"])
    ws.append([None, "Schnittstellen", 2, None])
    for cells in ("A2:A4", "D2:D4", "A5:A6", "D5:D6"):
        ws.merge_cells(cells)
    wb.save(path)


def cover_sheet_workbook(path: Path) -> None:
    """A workbook whose first sheet is a cover page (a title and a version line, no table), then the plan, then notes."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Deckblatt"
    cover.append(["Projektplan KI-Pilot"])
    cover.append(["Version 3, Stand 01.03.2027"])
    cover.append([])
    cover.append(["Verteiler: Lenkungskreis"])
    ws = wb.create_sheet("Plan")
    ws.append(["Vorgangsname", "Dauer", "Vorgänger"])
    ws.append(["Wertanalyse", 2, ""])
    ws.append(["Pilot", 3, "Wertanalyse"])
    wb.create_sheet("Notizen").append(["Budget klären"])
    wb.save(path)


def hidden_rows_workbook(path: Path) -> None:
    """A plan with a row hidden by hand (a task dropped from view) and a summary row 'Pilot' whose one task sits in
    a collapsed group: durations in weeks."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Task Name", "Duration"])
    ws.append(["Value case", 2])
    ws.append(["Old pilot (cancelled)", 4])
    ws.append(["Pilot", None])
    ws.append(["Pilot review", 1])
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[5].outlineLevel = 1
    ws.row_dimensions[5].hidden = True  # its group collapsed
    wb.save(path)


def formula_error_workbook(path: Path) -> None:
    """A duration computed by a formula that fails (``=B2/0``: #DIV/0!)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Task Name", "Duration"])
    ws.append(["Value case", 2])
    ws.append(["Pilot", "=B2/0"])
    wb.save(path)


def convert(src: Path, target: str, out_dir: Path, lc_all: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(src),
            ],
            check=True,
            env={**os.environ, "LC_ALL": lc_all, "LANG": lc_all},
            capture_output=True,
        )


def main() -> None:
    for locale, spec in LOCALES.items():
        lc_all, sep = spec[6], spec[7]
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{locale}-plan.xlsx"
            typed_workbook(src, locale)
            out = Path(tmp) / "out"
            out.mkdir()
            convert(src, "ods", out, lc_all)
            convert(out / f"{locale}-plan.ods", "xlsx:Calc MS Excel 2007 XML", HERE, lc_all)
            # CSV of the first sheet, in the locale's own format: separator, UTF-8 (76), text in quotes as needed
            convert(
                out / f"{locale}-plan.ods", f"csv:Text - txt - csv (StarCalc):{sep},34,76,1", HERE, lc_all
            )
            shutil.copy(out / f"{locale}-plan.ods", HERE / f"{locale}-plan.ods")
    # workbooks as Calc writes them in each format: .ods, .xlsx and .xls
    for name, build, lc_all in (
        ("merged-cells", merged_workbook, "de_DE.UTF-8"),
        ("cover-sheet", cover_sheet_workbook, "de_DE.UTF-8"),
        ("hidden-rows", hidden_rows_workbook, "en_US.UTF-8"),
        ("formula-error", formula_error_workbook, "en_US.UTF-8"),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{name}.xlsx"
            build(src)
            out = Path(tmp) / "out"
            out.mkdir()
            convert(src, "ods", out, lc_all)
            shutil.copy(out / f"{name}.ods", HERE / f"{name}.ods")
            convert(out / f"{name}.ods", "xlsx:Calc MS Excel 2007 XML", HERE, lc_all)
            convert(out / f"{name}.ods", "xls:MS Excel 97", HERE, lc_all)


if __name__ == "__main__":
    main()
