"""CSV import and export: one row per decision (columns in :mod:`planner.io.table`).

Reading accepts UTF-8 with or without a byte-order mark, Windows-1252 (what Excel writes on Windows) and UTF-16
(Excel's "Unicode Text"), ``,``, ``;`` or tab separators (and Excel's ``sep=;`` first line), header names in any case,
and title rows above the header row. Writing is UTF-8 with ``,``; ``bom=True`` adds the byte-order
mark Excel needs to read UTF-8. Text cells are neutralised against formula injection.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Sequence

from planner.io.common import ImportReport, InteropError, read_limited
from planner.io.table import (
    HEADER_SEARCH_ROWS,
    check_row_count,
    names_a_header,
    outline_from_sheet,
    plan_rows,
    rows_to_plan,
    split_header,
    table_title,
    text_indents,
)
from planner.model.io import wide_encoding
from planner.model.plan import Plan


def decode(raw: bytes, path: str | os.PathLike[str], report: ImportReport) -> str:
    """Text of a spreadsheet export: UTF-16 or UTF-32 told by the plan loader's rule (:func:`wide_encoding`: a
    byte-order mark or, without one, the zero bytes of the first characters; Excel's "Unicode Text" is UTF-16),
    else UTF-8 (BOM or not), else Windows-1252 (said in the report)."""
    wide = wide_encoding(raw)
    if wide is not None:
        width = "utf-32" if "32" in wide else "utf-16"
        marked = raw.startswith(
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
            if width == "utf-32"
            else (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        )
        attempts = [
            (
                width if marked else f"{width}-{'be' if 'big' in wide else 'le'}",
                f"the file is {wide} text (Excel's 'Unicode Text')",
            )
        ]
        failure = f"starts like {wide} text but is not"
    else:
        attempts = [
            ("utf-8-sig", ""),
            ("cp1252", "the file is not UTF-8; it was read as Windows-1252 (Western European)"),
        ]
        failure = "is neither UTF-8 nor Windows-1252 text"
    for codec, note in attempts:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if note:
            report.add("format", note)
        return text
    raise InteropError(path, failure, hint="save it from the spreadsheet as 'CSV UTF-8'")


_SEP_LINE = re.compile(r'^"?sep=(.)"?[ \t]*(?:\r\n|\r|\n|$)', re.IGNORECASE)


_SEPARATORS = (",", ";", "\t")


def _dialect(text: str) -> str:
    """The separator: the one that splits a header row (a row naming the ``title`` or ``id`` column, among the
    first :data:`HEADER_SEARCH_ROWS`: title rows may come before it) into the most columns, read as CSV (quotes
    respected, so a separator inside a quoted note or tag list never counts); ``,`` when none does (the import
    then says which columns are missing)."""
    head = "\n".join(re.split(r"\r\n|\r|\n", text, maxsplit=HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS])
    best, most = ",", 0
    for sep in _SEPARATORS:
        try:
            rows = list(csv.reader(io.StringIO(head, newline=""), delimiter=sep))
        except csv.Error:
            continue
        header = next((cells for cells in rows if names_a_header(cells)), None)
        if header is not None and len(header) > most:
            best, most = sep, len(header)
    return best


def _refuse_other_files(raw: bytes, path: str | os.PathLike[str]) -> None:
    """A workbook or web page named .csv is said as what it is (it was read as text: 'no title or id column')."""
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if raw.startswith(b"PK\x03\x04"):
        problem, todo = (
            "is a zip archive (an Excel .xlsx workbook?), not CSV text",
            "name it .xlsx, or save it as CSV",
        )
    elif raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        problem = "is an old Excel .xls (or other Office) file, not CSV text"
        todo = "name it .xls and import it, or save it as .xlsx or CSV in Excel or LibreOffice"
    elif head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        problem = "is a web page or XML, not CSV text (a tracker's 'Excel' export is often an HTML table)"
        todo = "export CSV from the tool instead, or open it in Excel and save it as .xlsx or CSV"
    else:
        return
    raise InteropError(path, problem, hint=todo)


def _unclosed_quote_line(record: str, sep: str) -> int | None:
    """The line (from 0) in ``record`` of a quote that opens a cell and is never closed, or None. Only a quote at
    the start of a cell opens one (a quote inside a cell is text, as the csv reader reads it); ``""`` inside a
    quoted cell is a quote."""
    at_cell_start, quoted, opened, i = True, False, 0, 0
    while i < len(record):
        c = record[i]
        if quoted:
            if c == '"':
                if record[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    quoted = False
        elif c == '"' and at_cell_start:
            quoted, opened = True, i
        at_cell_start = not quoted and c in (sep, "\n", "\r")
        i += 1
    return record.count("\n", 0, opened) if quoted else None


def _refuse_unclosed_quote(
    text: str, first: int, last: int, sep: str, offset: int, path: str | os.PathLike[str]
) -> None:
    """The file's last record (lines ``first`` to ``last``) when it ends inside a quoted cell: the csv reader takes every
    later line into that one cell without a word (a title of 'B oops,3,A\\nC,1,B...' and the rows after it gone).
    Refused, naming the line where the quote opened; a quoted cell that does close (a note over several lines) is
    fine."""
    lines = io.StringIO(text, newline="").readlines()  # the lines as the csv reader counts them
    at = _unclosed_quote_line("".join(lines[first - 1 :]), sep)
    if at is None:
        return
    line = first + at + offset
    raise InteropError(
        path,
        'a quote (") opens a cell here and is never closed, so '
        + (
            f"every line after it (to line {last + offset}) would be read as that one cell"
            if last + offset > line
            else "the rest of the line would be read as one cell"
        ),
        line=line,
        hint="close the quote, or remove it, in that line and import again",
    )


def import_csv(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in a CSV file and the import report. Bad cells raise :class:`InteropError` naming the line."""
    report = ImportReport(source=os.path.basename(str(path)), format="CSV")
    raw = read_limited(path) if data is None else data
    _refuse_other_files(raw, path)
    text = decode(raw, path, report)
    if "\x00" in text:
        raise InteropError(
            path,
            "holds NUL bytes, so it is not a CSV text file",
            hint="is it an .xlsx file with the wrong name?",
        )
    if not text.strip():
        raise InteropError(path, "the file is empty", hint="the first row names the columns (id, title, ...)")
    hint = _SEP_LINE.match(text)
    offset = 0
    if hint:  # Excel's "sep=;" line: the separator, not a row
        sep = hint.group(1)
        text = text[hint.end() :]
        offset = 1
    else:
        sep = _dialect(text)
    if sep != ",":
        report.add("format", f"columns separated by {'tab' if sep == chr(9) else repr(sep)}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[tuple[int, Sequence[str]]] = []
    first_line = next_line = 1  # where the last record read began, and where the next one begins
    try:
        for cells in reader:
            rows.append((reader.line_num + offset, cells))
            first_line, next_line = next_line, reader.line_num + 1
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)  # a cell past csv's 131,072 characters
        raise InteropError(
            path,
            f"not readable as CSV: {exc}",
            line=reader.line_num + offset,
            hint="shorten that cell (a plan's notes hold at most 100,000 characters), or check for a quote "
            "that is never closed"
            if too_long
            else None,
        ) from None
    if rows:  # a quote never closed takes the rest of the file: only the last record can hold one
        _refuse_unclosed_quote(text, first_line, next_line - 1, sep, offset, path)
    title = table_title(rows, path, report)
    header, rows = split_header(rows, report)
    if rows and not text.endswith(("\n", "\r")) and len(header) > 1 and len(rows[-1][1]) < len(header):
        # tools end every row with a line break: a short last row without one is where the file was cut
        report.add(
            "format",
            f"the last line ({rows[-1][0]}) has {len(rows[-1][1])} of the header's {len(header)} columns and no "
            "line break after it: the file may be cut short there (rows after the cut are missing)",
        )
    header, rows = outline_from_sheet(header, rows, {}, text_indents(header, rows), report)
    check_row_count(rows, path)
    plan = rows_to_plan(header, rows, path, report, title)
    return plan, report


def export_csv(plan: Plan, *, bom: bool = False) -> str:
    """CSV text of ``plan`` (``\\r\\n`` line ends as RFC 4180 and Excel expect)."""
    header, rows = plan_rows(plan)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                ""
                if c is None
                else (
                    repr(c)
                    if isinstance(c, float) and not c.is_integer()
                    else (int(c) if isinstance(c, float) else c)
                )
                for c in row
            ]
        )
    return ("\ufeff" if bom else "") + buf.getvalue()
