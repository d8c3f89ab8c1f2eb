"""Import reports quote names by the command line's one rule, ``planner.units.quoted`` (H-io25). They used Python's
repr: a name with an apostrophe came out in double quotes (``"Ana's plan"``) and a line break as ``\\n``, where every
other message of the planner writes ``'Ana's plan'`` and ``\\x0a`` (an override, U+202E, is its escape in both)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from planner.io import import_file
from planner.io.common import quoted_cell
from planner.units import quoted

NAME = "Ana's\nplan\u202e"
SHOWN = "'Ana's\\x0aplan\\u202e'"
XML_NAME = NAME.replace("'", "&apos;")


def test_s25_the_name_is_quoted_by_the_one_rule() -> None:
    assert quoted(NAME) == SHOWN


def test_s25_a_column_name_in_a_table_report(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f'Title,"{NAME}"\nPilot,x\n', encoding="utf-8")
    _, report = import_file(path)
    assert f"column {SHOWN} is not a plan field; ignored" in report.text(limit=None)


def test_s25_a_todoist_row_type_in_its_report(tmp_path: Path) -> None:
    path = tmp_path / "todo.csv"
    path.write_text(f'TYPE,CONTENT,INDENT\ntask,Ship it,1\n"{NAME}",Odd,\n', encoding="utf-8")
    _, report = import_file(path)
    assert f"1 row of a type Todoist does not write ({SHOWN};" in report.text(limit=None)


def test_s25_a_task_name_in_an_ms_project_report(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name>'
        "<StartDate>2027-01-04T08:00:00</StartDate><Tasks><Task><UID>1</UID><ID>1</ID>"
        f"<Name>{XML_NAME}</Name><Duration>garbage</Duration></Task></Tasks></Project>\n",
        encoding="utf-8",
    )
    _, report = import_file(path)
    assert f"task 1 {SHOWN}: unreadable duration 'garbage'; read as 0" in report.text(limit=None)


def test_s25_a_cell_is_quoted_as_text_and_shown_as_a_number_or_checkbox() -> None:
    assert [quoted_cell(c) for c in (NAME, 1, True, 2.5)] == [SHOWN, "1", "True", "2.5"]


def test_s25_a_status_word_in_a_table_report(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f'Title,Status\nPilot,"{NAME}"\n', encoding="utf-8")
    _, report = import_file(path)
    assert f"status {SHOWN} is none the planner knows" in report.text(limit=None)


def test_s25_a_number_cell_in_a_report_line_is_shown_as_a_number(tmp_path: Path) -> None:
    """A workbook's number cell where a start date belongs is said as itself, not quoted; moving the reports to
    units.quoted (0892ae0) made it an internal error ('int' object has no attribute 'isprintable'), found by
    benchmarks/fuzz_import.py."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Title", "Start", "Finish"])
    ws.append(["Pilot", -1, dt.datetime(2027, 1, 15)])
    ws.append(["Scale", dt.datetime(2027, 1, 18), dt.datetime(2027, 1, 22)])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    _, report = import_file(path)
    assert "1 start date could not be read (first: -1); ignored" in report.text(limit=None)
