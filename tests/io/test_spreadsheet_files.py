"""CSV and XLSX files as Excel, LibreOffice and Google Sheets write them: Excel's ``sep=;`` line, UTF-16 "Unicode
Text", title rows and merged group headers above the header row, dates stored as serial numbers. Each file is built
here byte for byte the way the spreadsheet writes it, so the test needs neither the spreadsheet nor the network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from planner.io import import_file
from planner.io.common import InteropError
from planner.model.plan import DependencyType, duration_triple

ROWS = [
    ["id", "title", "stage", "likely", "pessimistic", "status", "progress", "depends_on", "notes"],
    ["value-case", "Value case signed off", "Validate", "2", "4", "done", "100", "", "Café – naïve"],
    ["gpu-quota", "GPU quota", "Validate", "1,5", "5", "in progress", "50", "value-case", "two\nlines"],
    ["pilot", "Pilot live", "Integrate", "3", "3", "", "", "gpu-quota SS+1", ""],
]


def _csv(sep: str, rows: list[list[str]] = ROWS) -> str:
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if (sep in c or "\n" in c or '"' in c) else c

    return "".join(sep.join(cell(c) for c in r) + "\r\n" for r in rows)


def _check(path: Path) -> str:
    plan, report = import_file(path)
    a, b, c = plan.decisions
    assert [d.id for d in plan.decisions] == ["value-case", "gpu-quota", "pilot"]
    assert a.notes == "Café – naïve" and b.notes == "two\nlines"
    assert (str(a.status), str(b.status), b.progress) == ("done", "in_progress", 50)
    assert duration_triple(b.duration) == (1.5, 1.5, 5.0)
    assert [(d.from_, d.to, d.type, d.lag) for d in plan.dependencies] == [
        ("value-case", "gpu-quota", DependencyType.FS, 0.0),
        ("gpu-quota", "pilot", DependencyType.SS, 1.0),
    ]
    return report.text(limit=None)


def test_excel_sep_line_is_the_separator_not_a_row(tmp_path: Path) -> None:
    """Excel writes (and honours) a first line ``sep=;``; the header is the line after it."""
    path = tmp_path / "excel-sep.csv"
    path.write_bytes(("sep=;\r\n" + _csv(";")).encode("cp1252"))
    text = _check(path)
    assert "separated by ';'" in text and "Windows-1252" in text


def test_excel_sep_line_keeps_file_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "excel-sep.csv"
    path.write_bytes(("sep=,\r\n" + _csv(",", [*ROWS[:2], ["x", "X", "Validate", "two"]])).encode("utf-8"))
    with pytest.raises(InteropError, match=r"line 4, column 'likely'"):
        import_file(path)


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path: Path) -> None:
    """Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte-order mark, tab separated."""
    path = tmp_path / "unicode.csv"
    path.write_bytes(_csv("\t").encode("utf-16"))  # Python writes the BOM and little-endian, as Excel does
    text = _check(path)
    assert "UTF-16" in text and "separated by tab" in text
    path.write_bytes(b"\xfe\xff" + _csv("\t").encode("utf-16-be"))
    _check(path)


def test_title_rows_above_the_csv_header(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes(("Roadmap export;;;\r\n;;;\r\n" + _csv(";")).encode("utf-8-sig"))
    text = _check(path)
    assert "2 row(s) above the header row (line 3) were skipped" in text


def test_no_header_row_still_names_the_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "nohead.csv"
    path.write_bytes(b"a;b\r\n1;2\r\n")
    with pytest.raises(InteropError, match="no 'title' or 'id' column"):
        import_file(path)


def _xlsx(path: Path, above: list[list[object]], merge: str | None = None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for above_row in above:
        ws.append(above_row)
    for r in ROWS:
        ws.append([float(c.replace(",", ".")) if c.replace(",", "").isdigit() else c for c in r])
    if merge:
        ws.merge_cells(merge)
    ws.cell(row=40, column=30).value = " "  # a used range wider and longer than the data, as Excel keeps it
    wb.save(path)


def test_xlsx_title_row_and_merged_group_header(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    _xlsx(path, [["Roadmap export", None, None], [None, None, None, "Estimate (weeks)"]], merge="D2:E2")
    text = _check(path)
    assert "2 row(s) above the header row (line 3) were skipped" in text


def test_xlsx_serial_number_dates_in_actual_columns(tmp_path: Path) -> None:
    """A date cell formatted as a number holds Excel's serial day (46391 = 2027-01-04); a week count never exceeds
    10,000, so a larger number in an actual-date column is read as that day and said in the report."""
    path = tmp_path / "serial.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["title", "likely", "status", "actual_start", "actual_finish"])
    ws.append(["Done one", 2, "done", 46391, 46405])
    ws.append(["Started", 2, "in_progress", 3, None])
    ws.append(["Date cell", 1, "in_progress", dt.datetime(2027, 2, 1), None])
    wb.save(path)
    plan, report = import_file(path)
    a, b, c = plan.decisions
    assert (a.actual_start, a.actual_finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 18))
    assert b.actual_start == 3.0 and c.actual_start == dt.date(2027, 2, 1)
    assert "actual_start 46391 is more weeks than a plan allows: read as a spreadsheet date (2027-01-04)" in (
        report.text(limit=None)
    )
