"""Spreadsheet templates whose columns count periods, not dates: Excel's "Gantt project planner" (File > New; the
columns ACTIVITY, PLAN START, PLAN DURATION, ACTUAL START, ACTUAL DURATION, PERCENT COMPLETE, then PERIODS and the
chart's columns numbered 1, 2, 3...). Its starts and durations are period numbers (period 1 is the first), whatever
a period is to the sheet's owner; read as weeks, said in one line.

:func:`period_planner_table` turns such rows into the columns the table import reads: Title, Likely, Not before
(weeks after the plan start: PLAN START 1 is 0), % Complete and the actual dates as weeks (ACTUAL START for a row
with some work done; its finish, ACTUAL START plus ACTUAL DURATION, for a row done)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from planner.io.common import ImportReport, quoted_cell
from planner.units import count, quoted

_NAMES = ("activity", "plan start", "plan duration", "actual start", "actual duration", "percent complete")
_PERIOD = re.compile(r"^\d+(?:\.\d+)?$")


def _name(h: Any) -> str:
    return re.sub(r"\s+", " ", str(h if h is not None else "").strip().lstrip("\ufeff").lower())


def is_period_planner(cells: Sequence[Any]) -> bool:
    """True for the header row of Excel's Gantt project planner: ACTIVITY, PLAN START and PLAN DURATION."""
    return {"activity", "plan start", "plan duration"} <= {_name(c) for c in cells}


def _period(cell: Any) -> float | None:
    """A period number cell (``3``, ``3.0``), or None for an empty or other cell."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell if cell is not None else "").strip()
    return float(text) if _PERIOD.match(text) else None


def period_planner_table(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """The rows of Excel's Gantt project planner as the table import reads them (see the module); any other table
    unchanged."""
    if not is_period_planner(header):
        return header, rows
    names = [_name(h) for h in header]
    at = {n: names.index(n) if n in names else None for n in _NAMES}

    def cell(cells: Sequence[Any], name: str) -> Any:
        i = at[name]
        return cells[i] if i is not None and i < len(cells) and cells[i] is not None else ""

    out: list[tuple[int, Sequence[Any]]] = []
    unread: dict[str, tuple[int, Any]] = {}  # a column -> the first line and cell that holds no period number
    for line, cells in rows:
        title = str(cell(cells, "activity")).strip()
        if not title:
            if any(str(c if c is not None else "").strip() for c in cells):
                out.append((line, ["", "", "", "", "", ""]))  # (the import says what a row without a name is)
            continue
        periods: dict[str, float | None] = {}
        for name in ("plan start", "plan duration", "actual start", "actual duration"):
            value = cell(cells, name)
            periods[name] = _period(value)
            if periods[name] is None and str(value).strip():
                unread.setdefault(name, (line, value))
        progress = cell(cells, "percent complete")
        done = str(progress).strip() in ("100%", "100")
        began = str(progress).strip() not in ("", "0", "0%")
        start, length = periods["plan start"], periods["plan duration"]
        actual_start, actual_length = periods["actual start"], periods["actual duration"]
        out.append(
            (
                line,
                [
                    title,
                    "" if length is None else length,
                    "" if start is None else max(start - 1, 0),
                    progress,
                    "" if actual_start is None or not began else max(actual_start - 1, 0),
                    ""
                    if actual_start is None or actual_length is None or not done
                    else max(actual_start - 1, 0) + actual_length,
                ],
            )
        )
    report.add(
        "format",
        "the sheet is Excel's Gantt project planner, which counts periods: its periods are read as weeks (PLAN "
        "START 1 is the plan's first week); the chart's period columns are not read",
    )
    for name, (line, value) in unread.items():
        report.add(
            "column",
            f"column {quoted(str(header[at[name] or 0]).strip())} holds {quoted_cell(value)}, not a period number: "
            "not carried",
            f"line {line}",
        )
    finished = sum(1 for _, cells in out if cells[5] != "")
    if finished:
        report.add(
            "progress",
            f"{count(finished, 'row')} done: ACTUAL START plus ACTUAL DURATION is the actual finish; a row in "
            "progress keeps its PERCENT COMPLETE and ACTUAL START",
        )
    # (the plan's own names: their cells are weeks from the plan start, as the planner's export writes them)
    return ["Title", "Likely", "Not before", "% Complete", "actual_start", "actual_finish"], out
