"""Excel ``.xlsx`` import and export through openpyxl (the same columns as CSV, :mod:`planner.io.table`).

Reading is limited: the file size (as every import), the total unpacked size and the compression ratio of each part
(a zip bomb is refused before openpyxl sees it). openpyxl parses the parts through defusedxml when it is installed,
which this package requires. Writing keeps numbers as numbers and neutralises text that a spreadsheet would run.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from typing import Any

from planner.io.common import ImportReport, InteropError, read_limited, some, unreadable
from planner.io.table import HEADER_SEARCH_ROWS, choose_sheet, plan_rows, sheet_plan
from planner.model.limits import MAX_DECISIONS
from planner.model.plan import Plan
from planner.units import agree, count, quoted

MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_COLUMNS = 1_000
"""Columns read from a sheet (a plan's table has a few dozen; the rest cannot be plan fields)."""
MAX_RATIO = 200
"""A part may unpack to at most this many times its packed size (when it is larger than 1 MB unpacked)."""


def check_zip(raw: bytes, path: str | os.PathLike[str], what: str = "an .xlsx file") -> None:
    """Refuse files that are not zip archives, that unpack too large or with a bomb-like ratio, or whose parts
    cannot be unpacked (damaged, encrypted, a compression this Python lacks) (``what``: the file the suffix
    promised, for the message)."""
    again = "open it in its spreadsheet and save it again, or save it as CSV"
    ods = what != "an .xlsx file"
    if not ods and raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the compound-file signature
        raise InteropError(
            path,
            "is an old Excel .xls (or other Office) file, not an .xlsx workbook",
            hint="an Excel 97-2003 workbook imports as .xls: name it .xls, or save it as .xlsx or CSV",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        if raw.startswith(b"PK\x03\x04"):  # a zip's first part, and no directory at its end: cut short
            raise InteropError(
                path,
                f"is {what} cut short or damaged (a zip archive without the directory at its end)",
                hint=f"copy it again, or {again}",
            ) from None
        raise InteropError(path, f"is not {what} (not a zip archive)", hint=again) from None
    except (NotImplementedError, ValueError, EOFError, OverflowError) as exc:  # a zip this Python cannot open
        raise InteropError(path, f"is a zip archive that cannot be read ({exc})", hint=again) from None
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise InteropError(
                path,
                f"unpacks to {total / 1e6:.0f} MB, more than the {MAX_UNPACKED_BYTES / 1e6:.0f} MB "
                "an import may be",
                hint="split the workbook or save it as CSV",
            )
        for i in infos:
            if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(1, i.compress_size):
                raise InteropError(
                    path,
                    f"refused: part {i.filename} unpacks {i.file_size // max(1, i.compress_size)} "
                    "times larger than it is packed (a possible zip bomb)",
                )
        # Every part unpacked once (sizes are bounded above), so that a damaged, encrypted or oddly compressed
        # part is one message here, not an error deep in the spreadsheet reader while it streams the sheet.
        try:
            bad = zf.testzip()
        except RuntimeError:  # zipfile: "File ... is encrypted, password required for extraction"
            raise InteropError(
                path, "has an encrypted part", hint="remove the password in its spreadsheet"
            ) from None
        except _UNPACK_ERRORS as exc:
            raise InteropError(path, f"is damaged: a part cannot be unpacked ({exc})", hint=again) from None
        # the other spreadsheet's zip under this suffix: said as what it is, not as a damaged workbook
        names = {i.filename for i in infos}
        other = (
            ("an Excel .xlsx workbook", "xlsx")
            if ods and "[Content_Types].xml" in names
            else ("an OpenDocument spreadsheet (.ods)", "ods")
            if not ods and "content.xml" in names and "[Content_Types].xml" not in names
            else None
        )
    if bad is not None:
        raise InteropError(path, f"is damaged: part {bad} fails its checksum", hint=again)
    if other is not None:
        raise InteropError(
            path,
            f"is {other[0]}, not {what}",
            hint=f"name it .{other[1]}, or import it with --format {other[1]}",
        )


_UNPACK_ERRORS = (
    NotImplementedError,
    ValueError,
    EOFError,
    OverflowError,
    OSError,
    zipfile.BadZipFile,
    zlib.error,
)


def import_xlsx(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in the first sheet (or the sheet called "Decisions") of an .xlsx workbook."""
    import openpyxl

    report = ImportReport(source=os.path.basename(str(path)), format="Excel workbook")
    raw = read_limited(path) if data is None else data
    check_zip(raw, path)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged files
        # openpyxl's messages run over several lines (a part with a DTD): the first one is quoted (unreadable)
        raise unreadable(
            path,
            exc,
            "cannot be read as a workbook",
            hint="open and save it again in the spreadsheet, or save it as CSV",
        ) from None
    try:
        p6 = _p6_sheets(wb, path, report)  # Primavera P6's spreadsheet export: its TASK and TASKPRED sheets
        if p6 is not None:
            return sheet_plan(p6, path, report, {}, {}, [], set(), hidden_columns=set()), report
        k, (all_rows, indents) = choose_sheet(
            wb.sheetnames, lambda i: _read_sheet(wb.worksheets[i], path), report
        )
        ws = wb.worksheets[k]
    except (InteropError, MemoryError):  # out of memory is the command's own message, not a damaged file
        raise
    except Exception as exc:  # noqa: BLE001 - read-only mode streams the sheet: its damage shows only here
        raise unreadable(
            path,
            exc,
            "is damaged: its sheet cannot be read",
            hint="open and save it again in the spreadsheet, or save it as CSV",
        ) from None
    finally:
        wb.close()
    part = getattr(ws, "_worksheet_path", None)
    levels: dict[int, int] = {}
    merged: list[tuple[int, int, int]] = []
    hidden: set[int] = set()
    hidden_columns: set[int] = set()
    xml = _part(raw, part) if isinstance(part, str) else b""
    if xml:
        _report_uncalculated(xml, report)
        levels = _row_levels(xml)
        merged = _merged_ranges(xml)
        hidden = _hidden_rows(xml)
        hidden_columns = _hidden_columns(xml)
    if not all_rows:
        raise InteropError(
            path,
            f"sheet {quoted(ws.title)} is empty",
            hint="the first row names the columns (id, title, ...)",
        )
    return (
        sheet_plan(all_rows, path, report, levels, indents, merged, hidden, hidden_columns=hidden_columns),
        report,
    )


def _p6_sheets(
    wb: Any, path: str | os.PathLike[str], report: ImportReport
) -> list[tuple[int, list[Any]]] | None:
    """The table of a Primavera P6 spreadsheet export (:mod:`planner.io.p6_sheet`), or None for another workbook."""
    from planner.io.p6_sheet import PRED_SHEET, TASK_SHEET, is_p6_sheet, p6_sheet_rows

    if TASK_SHEET not in wb.sheetnames:
        return None
    task_rows, _ = _read_sheet(wb[TASK_SHEET], path)
    if not task_rows or not is_p6_sheet(task_rows[0][1]):
        return None
    pred_rows = _read_sheet(wb[PRED_SHEET], path)[0] if PRED_SHEET in wb.sheetnames else None
    others = [n for n in wb.sheetnames if n not in (TASK_SHEET, PRED_SHEET)]
    return p6_sheet_rows(task_rows, pred_rows or None, others, report)


def _read_sheet(
    ws: Any, path: str | os.PathLike[str]
) -> tuple[list[tuple[int, list[Any]]], dict[int, dict[int, int]]]:
    """A sheet's rows as (line, cells) and each indented cell's indent (line -> column -> indent; Smartsheet's
    hierarchy). More filled rows than a plan takes are refused while reading."""
    # The sheet's own <dimension> may claim A1:XFD1048576: openpyxl padded every row to it (17 billion
    # cells: the process ran out of memory); the rows the sheet really has are read, their first columns only.
    ws.reset_dimensions()
    all_rows = []
    # More rows than a plan takes, whichever of the top rows is the header: refused without reading the rest
    # (openpyxl reads ~10,000 rows a second; a 256 MB sheet holds millions).
    most, filled = MAX_DECISIONS + HEADER_SEARCH_ROWS, 0
    indents: dict[int, dict[int, int]] = {}
    for n, cells in enumerate(ws.iter_rows(), start=1):
        if not cells:  # a row the sheet leaves out: only its number counts
            continue
        row = [_value(c) for c in cells[:MAX_COLUMNS]]
        all_rows.append((n, row))
        indented = {j: _indent(c) for j, c in enumerate(cells[:MAX_COLUMNS]) if row[j] != ""}
        if any(indented.values()):
            indents[n] = indented
        filled += any(c != "" for c in row)
        if filled > most:
            raise InteropError(
                path,
                f"line {n}: more rows than the {MAX_DECISIONS:,} decisions a plan may have",
                hint="split the project and import it in parts",
            )
    return all_rows, indents


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d+):[A-Z]{1,3}(\d+)"')


def _merged_ranges(xml: bytes) -> list[tuple[int, int, int]]:
    """The sheet's merged ranges (``<mergeCell ref="A5:A7"/>``) as (first row, last row, first column from 0), for
    :func:`~planner.io.table.fill_merged_down`; openpyxl's read-only mode does not give them."""
    out = []
    for m in _MERGE_REF.finditer(xml):
        col = 0
        for ch in m.group(1):
            col = col * 26 + ch - 64
        out.append((int(m.group(2)), int(m.group(3)), col - 1))
    return out


def _value(cell: Any) -> Any:
    """A cell's value as the sheet shows it where that matters: a number formatted as a percentage (Excel stores
    50 % as 0.5) is the text '50%', which a progress column reads as 50 (it read 0.5 %: a task 100 % complete
    became 1 % in progress); an empty cell is ''."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number_format = str(getattr(cell, "number_format", "") or "")
        if "%" in re.sub(r'"[^"]*"|\\.', "", number_format):  # a % that scales, not a quoted or escaped one
            return f"{round(value * 100, 9):g}%"
        unit = _format_unit(number_format)
        if unit is not None:  # 5 formatted 0" days" shows '5 days': a duration in days, not 5 weeks
            return f"{value:g} {unit}"
    return value


def _indent(cell: Any) -> int:
    """A cell's indent (Format Cells > Alignment > Indent; Smartsheet indents a child row's name so), 0 for none."""
    if not getattr(cell, "has_style", False):
        return 0
    try:
        return int(cell.alignment.indent or 0)
    except (AttributeError, IndexError, TypeError, ValueError):
        return 0


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_OUTLINE = re.compile(rb'\boutlineLevel="(\d+)"')


def _row_levels(xml: bytes) -> dict[int, int]:
    """Row number -> the row's outline level in a sheet's ``xml`` (Data > Group rows; how Smartsheet's Excel export
    keeps a row's parents), for the rows that have one. openpyxl's read-only mode does not give row attributes."""
    out: dict[int, int] = {}
    for tag in _ROW_TAG.finditer(xml):
        level, number = _OUTLINE.search(tag.group(1)), _ROW_NUMBER.search(tag.group(1))
        if level and number and int(level.group(1)) > 0:
            out[int(number.group(1))] = int(level.group(1))
    return out


_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def _hidden_rows(xml: bytes) -> set[int]:
    """The rows a sheet's ``xml`` hides (``<row r="7" hidden="1">``: hidden by hand, by a filter or a collapsed
    group)."""
    out: set[int] = set()
    for tag in _ROW_TAG.finditer(xml):
        number = _ROW_NUMBER.search(tag.group(1))
        if number and _HIDDEN.search(tag.group(1)):
            out.add(int(number.group(1)))
    return out


_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_COL_SPAN = re.compile(rb'\bmin="(\d+)"[^>]*\bmax="(\d+)"|\bmax="(\d+)"[^>]*\bmin="(\d+)"')


def _hidden_columns(xml: bytes) -> set[int]:
    """The columns (from 0) a sheet's ``xml`` hides (``<col min="3" max="3" hidden="1"/>``), among the first
    :data:`MAX_COLUMNS`."""
    out: set[int] = set()
    for tag in _COL_TAG.finditer(xml):
        span = _COL_SPAN.search(tag.group(1))
        if span is None or not _HIDDEN.search(tag.group(1)):
            continue
        low, high = (
            (int(span.group(1)), int(span.group(2)))
            if span.group(1)
            else (int(span.group(4)), int(span.group(3)))
        )
        out.update(range(max(low, 1) - 1, min(high, MAX_COLUMNS)))
    return out


def _format_unit(number_format: str) -> str | None:
    """The unit of time a number format writes after the number (``0" days"``, ``0.0 "wks"``, ``#,##0" h"``), as
    the duration columns read it; None for any other format."""
    from planner.io.table import _UNITS

    quoted = "".join(re.findall(r'"([^"]*)"', number_format)).strip().lower()
    return quoted if quoted in _UNITS else None


_NO_VALUE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _part(raw: bytes, part: str) -> bytes:
    """The XML of one part of the workbook (the sheet read), b"" when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            return zf.read(part)
    except (KeyError, zipfile.BadZipFile):
        return b""


def _report_uncalculated(xml: bytes, report: ImportReport) -> None:
    """Say which formula cells of a sheet's ``xml`` have no saved value: a workbook written by a program (a script, a
    converter) rather than a spreadsheet may never have calculated them, and they read as empty."""
    cells = [m.decode() for m in _NO_VALUE.findall(xml)]
    if cells:
        shown = some(cells)
        report.add(
            "format",
            f"{count(len(cells), 'formula cell')} ({shown}) {agree(len(cells), 'has', 'have')} no saved value and "
            f"{agree(len(cells), 'reads', 'read')} as empty: open and save the workbook in a spreadsheet so that it "
            f"calculates {agree(len(cells), 'it', 'them')}",
        )


DATE_COLUMNS = {
    "scheduled_start",
    "scheduled_finish",
    "actual_start",
    "actual_finish",
    "plan_start_date",
    "status_date",
}
"""Columns whose ISO dates are written as date cells (Excel sorts and filters them as dates; the import reads
date cells back as dates)."""


def export_xlsx(plan: Plan) -> bytes:
    """An .xlsx workbook with one sheet "Decisions": a header row (bold, frozen with the ids and titles), then one
    row per decision; dates are date cells shown as YYYY-MM-DD, weeks and money are numbers."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Decisions")
    header, rows = plan_rows(plan)
    ws.freeze_panes = "C2"
    for k, name in enumerate(header, start=1):
        wide = {"title": 48, "notes": 48, "depends_on": 28, "tags": 24, "references": 28}.get(name)
        ws.column_dimensions[get_column_letter(k)].width = wide or max(10, len(name) + 2)
    bold = Font(bold=True)
    head = []
    for name in header:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    dated = [name in DATE_COLUMNS for name in header]
    for row in rows:
        out: list[object] = []
        for is_date, c in zip(dated, row, strict=True):
            if is_date and isinstance(c, str) and len(c) == 10:
                try:
                    cell = WriteOnlyCell(ws, value=dt.date.fromisoformat(c))
                except ValueError:
                    out.append(c)
                    continue
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            else:
                out.append(ILLEGAL_CHARACTERS_RE.sub(" ", c) if isinstance(c, str) else c)
        ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
