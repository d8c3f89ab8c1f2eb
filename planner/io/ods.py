"""LibreOffice Calc's own format (``.ods``, OpenDocument spreadsheet): the same rows as ``.xlsx``
(:mod:`planner.io.xlsx`), read from the zip's ``content.xml`` with the standard library (and the safe XML parser of
:func:`planner.io.common.parse_xml`).

A sheet's cells keep what it shows where it matters, as for ``.xlsx``: a date cell (``office:date-value``) is a
date, a percentage cell (``office:value-type="percentage"``, 0.5) is ``50%``, numbers are numbers and text is the
text of its paragraphs. Repeated rows and columns (``table:number-rows-repeated``, ``table:number-columns-repeated``:
how Calc writes a run of equal or empty cells, often a million empty rows at the foot) are expanded where they hold
something and passed over where they are empty. Grouped rows (``table:table-row-group``) give the hierarchy, read as
an outline (:func:`planner.io.table.outline_from_sheet`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import Any

from planner.io.common import ImportReport, InteropError, parse_xml, read_limited
from planner.io.table import HEADER_SEARCH_ROWS, choose_sheet, sheet_plan
from planner.io.xlsx import MAX_COLUMNS, check_zip
from planner.model.limits import MAX_DECISIONS
from planner.model.plan import Plan
from planner.units import quoted

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ROW_CONTAINERS = {f"{_TABLE}table-row-group", f"{_TABLE}table-header-rows", f"{_TABLE}table-rows"}


def import_ods(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in the first sheet (or the sheet called "Decisions") of an .ods spreadsheet."""
    report = ImportReport(source=os.path.basename(str(path)), format="OpenDocument spreadsheet")
    raw = read_limited(path) if data is None else data
    check_zip(raw, path, what="an .ods spreadsheet")
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        try:
            xml = zf.read("content.xml")
        except KeyError:
            raise InteropError(
                path,
                "is a zip archive without content.xml, so not an .ods spreadsheet",
                hint="open it in LibreOffice Calc and save it as .ods, .xlsx or CSV",
            ) from None
    root = parse_xml(xml, path)
    sheets = root.findall(f"{_OFFICE}body/{_OFFICE}spreadsheet/{_TABLE}table")
    if not sheets:
        raise InteropError(path, "holds no sheet", hint="the first sheet's first row names the columns")
    names = [str(s.get(f"{_TABLE}name") or "") for s in sheets]
    k, (all_rows, levels, merged, hidden) = choose_sheet(
        names, lambda i: _sheet_rows(sheets[i], path), report
    )
    sheet = sheets[k]
    if not all_rows:
        raise InteropError(
            path,
            f"sheet {quoted(sheet.get(f'{_TABLE}name') or '')} is empty",
            hint="the first row names the columns (id, title, ...)",
        )
    return (
        sheet_plan(
            all_rows,
            path,
            report,
            levels,
            merged=merged,
            hidden=hidden,
            hidden_columns=_hidden_columns(sheet),
        ),
        report,
    )


def _hidden_columns(sheet: Any) -> set[int]:
    """The columns (from 0) a sheet hides (``<table:table-column table:visibility="collapse">``, repeated or in a
    column group), among the first :data:`~planner.io.xlsx.MAX_COLUMNS`."""
    out: set[int] = set()
    col = 0
    for column in sheet.iter(f"{_TABLE}table-column"):
        repeat = _repeat(column, "columns")
        if column.get(f"{_TABLE}visibility") in ("collapse", "filter"):
            out.update(range(col, min(col + repeat, MAX_COLUMNS)))
        col += repeat
        if col >= MAX_COLUMNS:
            break
    return out


def _sheet_rows(
    sheet: Any, path: str | os.PathLike[str]
) -> tuple[list[tuple[int, list[Any]]], dict[int, int], list[tuple[int, int, int]], list[int]]:
    """The sheet's rows as (row number, cells) with the rows that hold nothing left out, row number -> the depth of
    its row groups (for the rows inside one), the cells merged over several rows (``table:number-rows-spanned``)
    as (first row, last row, column from 0), and the rows hidden (``table:visibility``). More filled rows than a plan
    takes are refused while reading."""
    rows: list[tuple[int, list[Any]]] = []
    levels: dict[int, int] = {}
    merged: list[tuple[int, int, int]] = []
    hidden: list[int] = []
    most = MAX_DECISIONS + HEADER_SEARCH_ROWS
    number = 0

    def walk(parent: Any, depth: int) -> None:
        nonlocal number
        for child in parent:
            if child.tag in _ROW_CONTAINERS:
                walk(child, depth + (child.tag == f"{_TABLE}table-row-group"))
                continue
            if child.tag != f"{_TABLE}table-row":
                continue
            cells = _row_cells(child)
            repeat = _repeat(child, "rows")
            if not cells:  # empty rows (a million of them at the foot): only their count matters
                number += repeat
                continue
            merged.extend((number + 1, number + span, col) for col, span in _row_spans(child))
            out_of_sight = child.get(f"{_TABLE}visibility") in ("collapse", "filter")
            for _ in range(repeat):
                number += 1
                rows.append((number, list(cells)))
                if out_of_sight:
                    hidden.append(number)
                if depth:
                    levels[number] = depth
                if len(rows) > most:
                    raise InteropError(
                        path,
                        f"line {number}: more rows than the {MAX_DECISIONS:,} decisions a plan may have",
                        hint="split the project and import it in parts",
                    )

    walk(sheet, 0)
    return rows, levels, merged, hidden


def _row_spans(row: Any) -> list[tuple[int, int]]:
    """(column from 0, rows spanned) of a row's cells merged over more than one row."""
    out, col = [], 0
    for cell in row:
        if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            continue
        if col >= MAX_COLUMNS:
            break
        try:
            spanned = int(cell.get(f"{_TABLE}number-rows-spanned") or 1)
        except ValueError:
            spanned = 1
        if spanned > 1:
            out.append((col, spanned))
        col += _repeat(cell, "columns")
    return out


def _repeat(element: Any, what: str) -> int:
    """``table:number-rows-repeated`` / ``table:number-columns-repeated`` (1 when absent or unreadable)."""
    try:
        return max(1, int(element.get(f"{_TABLE}number-{what}-repeated") or 1))
    except ValueError:
        return 1


def _row_cells(row: Any) -> list[Any]:
    """A row's cell values, repeated columns expanded up to :data:`~planner.io.xlsx.MAX_COLUMNS`, empty cells at the
    end left out ([] for a row with nothing in it)."""
    cells: list[Any] = []
    for cell in row:
        if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            continue
        value = _value(cell)
        cells.extend([value] * min(_repeat(cell, "columns"), MAX_COLUMNS - len(cells)))
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _value(cell: Any) -> Any:
    """A cell's value as the sheet shows it where that matters: a date cell a date (a datetime when it has a time
    of day), a percentage its text (``50%``, as the progress column reads it), a number a number, else its text
    (paragraphs joined by line breaks); an empty cell is ''."""
    kind = cell.get(f"{_OFFICE}value-type")
    if kind == "date":
        text = str(cell.get(f"{_OFFICE}date-value") or "")
        try:
            stamp = dt.datetime.fromisoformat(text)
        except ValueError:
            return _text(cell) or text
        return stamp.date() if len(text) <= 10 else stamp
    if kind in ("float", "percentage", "currency"):
        try:
            number = float(cell.get(f"{_OFFICE}value") or "")
        except ValueError:
            return _text(cell)
        if kind == "percentage":
            return f"{round(number * 100, 9):g}%"
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return _text(cell)


def _text(cell: Any) -> str:
    """The text of a cell's paragraphs (``text:s`` runs of spaces, ``text:tab`` and ``text:line-break`` counted)."""
    return "\n".join(
        "".join(_runs(p))
        for p in cell.findall(f"{_TEXT}p")  # (not a comment's paragraphs: office:annotation)
    )


def _runs(element: Any) -> list[str]:
    """The text in ``element`` and its spans, in order."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * _count(child))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        else:
            parts.extend(_runs(child))
        parts.append(child.tail or "")
    return parts


def _count(element: Any) -> int:
    try:
        return max(1, int(element.get(f"{_TEXT}c") or 1))
    except ValueError:
        return 1
