"""CSV import and export: one row per decision (columns in :mod:`planner.io.table`).

Reading accepts UTF-8 with or without a byte-order mark and Windows-1252 (what Excel writes on Windows), ``,``,
``;`` or tab separators, and header names in any case. Writing is UTF-8 with ``,``; ``bom=True`` adds the byte-order
mark Excel needs to read UTF-8. Text cells are neutralised against formula injection.
"""

from __future__ import annotations

import csv
import io
import os

from planner.io.common import ImportReport, InteropError, read_limited
from planner.io.table import plan_rows, rows_to_plan
from planner.model.plan import Plan


def decode(raw: bytes, path: str | os.PathLike[str], report: ImportReport) -> str:
    """Text of a spreadsheet export: UTF-8 (BOM or not), else Windows-1252 (said in the report)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise InteropError(
            path, "is neither UTF-8 nor Windows-1252 text", hint="save it from the spreadsheet as 'CSV UTF-8'"
        ) from None
    report.add("format", "the file is not UTF-8; it was read as Windows-1252 (Western European)")
    return text


def _dialect(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ","


def import_csv(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in a CSV file and the import report. Bad cells raise :class:`InteropError` naming the line."""
    report = ImportReport(source=os.path.basename(str(path)), format="CSV")
    raw = read_limited(path) if data is None else data
    text = decode(raw, path, report)
    if "\x00" in text:
        raise InteropError(
            path,
            "holds NUL bytes, so it is not a CSV text file",
            hint="is it an .xlsx file with the wrong name?",
        )
    if not text.strip():
        raise InteropError(path, "the file is empty", hint="the first row names the columns (id, title, ...)")
    sep = _dialect(text)
    if sep != ",":
        report.add("format", f"columns separated by {'tab' if sep == chr(9) else repr(sep)}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader)
        rows = []
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise InteropError(path, f"not readable as CSV: {exc}", line=reader.line_num) from None
    title = os.path.splitext(os.path.basename(str(path)))[0] or "Imported plan"
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
