"""Import of the old Excel format (``.xls``, Excel 97-2003 BIFF): the same rows as ``.xlsx``
(:mod:`planner.io.xlsx`), read with xlrd, the library made for it (openpyxl reads only .xlsx).

Spreadsheets of plans still come as ``.xls``: MS Project's "Save As Excel 97-2003", older trackers' exports, files
kept for years. Cells keep what the sheet shows where it matters, as for ``.xlsx``: date cells are dates, a number
formatted as a percentage is that percentage, a number formatted ``0" days"`` a duration in days; grouped rows and
indented names give the hierarchy. Three look-alikes are told apart before reading: an ``.xlsx`` saved under
``.xls`` is imported as the workbook it is; an HTML or XML table saved under ``.xls`` (what some trackers' "Excel"
export writes) and a password-protected workbook are refused with what to do.
"""

from __future__ import annotations

import io
import os
import types
from typing import Any

from planner.io.common import ImportReport, InteropError, library_reason, read_limited, unreadable
from planner.io.table import HEADER_SEARCH_ROWS, choose_sheet, sheet_plan
from planner.model.limits import MAX_DECISIONS
from planner.model.plan import Plan
from planner.units import quoted

MAX_COLUMNS = 256
"""An .xls sheet has at most 256 columns (IV)."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The compound-file signature every Excel 97-2003 workbook starts with."""


def import_xls(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in the first sheet (or the sheet called "Decisions") of an .xls workbook."""
    raw = read_limited(path) if data is None else data
    if raw.startswith(b"PK\x03\x04"):  # an .xlsx under the old suffix (Excel opens it after a warning)
        from planner.io.xlsx import import_xlsx

        plan, report = import_xlsx(path, raw)
        report.add(
            "format", "the file is an Excel workbook (.xlsx) saved under the name .xls; it was read as one"
        )
        return plan, report
    _refuse_look_alikes(raw, path)
    import xlrd

    report = ImportReport(source=os.path.basename(str(path)), format="Excel 97-2003 workbook")
    try:
        # xlrd writes its warnings about odd files ("file size ... not 512 + multiple of sector size") to a log,
        # stdout by default: they would land in the command's output (or a pipe); the file is judged here instead
        book = xlrd.open_workbook(
            file_contents=raw, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    except Exception as exc:  # noqa: BLE001 - xlrd raises many types for damaged files
        if "encrypt" in library_reason(exc).lower():
            raise InteropError(
                path,
                "is password-protected, so its cells cannot be read",
                hint="open it in Excel, remove the password (File > Info > Protect Workbook), and save it as .xlsx",
            ) from None
        if len(raw) % 512:  # a compound file is a 512-byte header and whole sectors: this one stops part way
            raise InteropError(
                path,
                f"is cut short or damaged: it cannot be read as an Excel 97-2003 workbook, and its {len(raw):,} "
                "bytes are not whole 512-byte sectors as such a file's are",
                hint="copy it again, or open and save it again in the spreadsheet, as .xlsx or CSV",
            ) from None
        raise unreadable(
            path,
            exc,
            "cannot be read as an Excel 97-2003 workbook",
            hint="open and save it again in the spreadsheet, as .xlsx or CSV",
        ) from None
    try:
        names = book.sheet_names()
        k, (all_rows, levels, indents) = choose_sheet(
            names, lambda i: _sheet_rows(book, book.sheet_by_index(i), path), report
        )
        sheet = book.sheet_by_index(k)
        # cells merged over several rows (first row, last row, first column; xlrd's are from 0, the last exclusive)
        merged = [(rlo + 1, rhi, clo) for rlo, rhi, clo, _ in sheet.merged_cells]
        hidden = [r + 1 for r, info in sheet.rowinfo_map.items() if getattr(info, "hidden", 0)]
        hidden_columns = {c for c, info in sheet.colinfo_map.items() if getattr(info, "hidden", 0)}
    except (InteropError, MemoryError):  # out of memory is the command's own message, not a damaged file
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet is parsed on demand: its damage shows only here
        raise unreadable(
            path,
            exc,
            "is damaged: its sheet cannot be read",
            hint="open and save it again in the spreadsheet, as .xlsx or CSV",
        ) from None
    finally:
        book.release_resources()
    if not all_rows:
        raise InteropError(
            path,
            f"sheet {quoted(sheet.name)} is empty",
            hint="the first row names the columns (id, title, ...)",
        )
    return (
        sheet_plan(all_rows, path, report, levels, indents, merged, hidden, hidden_columns=hidden_columns),
        report,
    )


def _refuse_look_alikes(raw: bytes, path: str | os.PathLike[str]) -> None:
    """Refuse, with what to do, a file under .xls that is not an Excel 97-2003 workbook."""
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")):
        raise InteropError(
            path,
            "is a web page or XML table saved under the name .xls (as some trackers' 'Excel' export writes), not "
            "an Excel workbook",
            hint="export CSV from the tool instead, or open the file in Excel and save it as .xlsx",
        )
    if not raw.startswith(_OLE2):
        what = "empty" if not raw.strip() else "not an Excel 97-2003 workbook"
        raise InteropError(
            path,
            f"is {what} (an .xls file starts with the compound-file signature)",
            hint="is it a CSV or text file with the wrong name? rename it, or save it from the spreadsheet as .xlsx",
        )


def _sheet_rows(
    book: Any, sheet: Any, path: str | os.PathLike[str]
) -> tuple[list[tuple[int, list[Any]]], dict[int, int], dict[int, dict[int, int]]]:
    """The sheet's rows as (line, cells) with the values the .xlsx import gives, each row's outline level and each
    cell's indent (lines counted from 1, as the spreadsheet shows them). Read a row at a time, each cell style's
    number format and indent looked up once (a sheet of 65,000 rows x 40 columns: ~2 s)."""
    import xlrd

    from planner.io.xlsx import _value

    styles: dict[
        int, tuple[str, int, bool]
    ] = {}  # XF index -> number format, indent, a number shows as itself

    def style(xf_index: int) -> tuple[str, int, bool]:
        found = styles.get(xf_index)
        if found is None:
            number_format, indent = "", 0
            try:
                xf = book.xf_list[xf_index]
                number_format = book.format_map[xf.format_key].format_str or ""
                indent = int(xf.alignment.indent_level or 0)
            except (AttributeError, IndexError, KeyError, TypeError):
                pass
            probe = _value(types.SimpleNamespace(value=1, number_format=number_format))
            found = styles[xf_index] = (number_format, indent, probe == 1 and not isinstance(probe, str))
        return found

    # an error cell (#DIV/0!, #REF!) is its error text, as openpyxl and an .ods give it (it read as empty: a duration
    # of =B2/0 became the default week without a word)
    empty = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
    width = min(sheet.ncols, MAX_COLUMNS)
    most, filled = MAX_DECISIONS + HEADER_SEARCH_ROWS, 0
    rows: list[tuple[int, list[Any]]] = []
    levels: dict[int, int] = {}
    indents: dict[int, dict[int, int]] = {}
    for r in range(sheet.nrows):
        kinds, values = sheet.row_types(r, 0, width), sheet.row_values(r, 0, width)
        if all(k in empty or v == "" for k, v in zip(kinds, values, strict=True)):
            continue  # as openpyxl leaves out a row the workbook does not store: only its number counts
        line = r + 1
        cells: list[Any] = []
        indented: dict[int, int] = {}
        for c, (kind, value) in enumerate(zip(kinds, values, strict=True)):
            if kind in empty:
                cells.append("")
                continue
            number_format, indent, plain = style(sheet.cell_xf_index(r, c))
            cell = _cell(book, kind, value)
            if not plain and isinstance(cell, int | float) and not isinstance(cell, bool):
                cell = _value(types.SimpleNamespace(value=cell, number_format=number_format))
            cells.append(cell)
            if indent and cell != "":
                indented[c] = indent
        rows.append((line, cells))
        if indented:
            indents[line] = indented
        info = sheet.rowinfo_map.get(r)
        if info is not None and info.outline_level > 0:
            levels[line] = int(info.outline_level)
        filled += 1
        if filled > most:
            raise InteropError(
                path,
                f"line {line}: more rows than the {MAX_DECISIONS:,} decisions a plan may have",
                hint="split the project and import it in parts",
            )
    return rows, levels, indents


def _cell(book: Any, kind: int, value: Any) -> Any:
    """A cell's value as the .xlsx import has it: a date cell a ``datetime`` (as openpyxl gives), a whole number an
    ``int``, a boolean a ``bool``, text as it is."""
    import xlrd

    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value  # a serial no calendar holds: the number, read as the column reads numbers
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR!")
    if kind == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
