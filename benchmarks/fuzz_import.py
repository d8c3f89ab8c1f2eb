"""Fuzz the importers with structure-aware hostile files (CSV/XLSX trackers, MS Project XML, GanttProject), on demand.

    .venv/bin/python benchmarks/fuzz_import.py --cases 20000 --workers 2

Each case is a seeded random file: a tracker table (random header set among the names ``planner/io/table.py``
recognises, cells from hostile and plausible pools: numbers in every locale style, money, percentages, dates in
every format, spans with units, predecessors with every link type and lag unit, missing/self/cyclic references,
formulas, error values, unicode, very long text), written as CSV (random delimiter, encoding, BOM, title rows) or
XLSX (typed cells, formulas); an MS Project XML file (tasks with random durations, elapsed formats, constraints,
calendars, baselines, extended attributes, links with LagFormat values, resources and assignments, sometimes
damaged); or a .gan file. ``planner import FILE -o OUT`` runs in-process (every ``--subprocess-every`` th case also
as a subprocess, whose exit code must agree), then ``planner check OUT``.

A case fails when the import: exits with a code other than 0/2, prints "internal error", a traceback or a warning,
takes more than 10 s (a hang), prints nothing on exit 2, leaves OUT behind on exit 2; when ``check`` of a written
plan exits 2 (does not load back); or when an *oracle* case (a table whose cost, progress or duration cells have a
known value in a known notation) imports a different number with no line of the import report about that row's
cell (a silent wrong reading). ``check`` exiting 1 (the imported plan has validation errors) is counted apart.
Prints the problems by kind with a reproduction (the seed and, with ``--keep DIR``, the file). Exit status 1 when
any case failed.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import datetime as dt
import io
import json
import math
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("csv", "xlsx", "mspdi", "gan")
EXTRA_FORMATS = ("trello", "xer")
"""Formats a run takes only when ``--formats`` names them (the default four keep each seed's format: seed % 4)."""
HANG_SECONDS = 10

# ---------------------------------------------------------------------------------------------------- value pools

NUMBERS = [
    "1", "2.5", "0", "-1", "-0", "1,5", "1.234,50", "1,234.50", "12 000", "12\u00a0000", "1'234", "1e308",
    "-1e308", "1e-320", "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "0x10", "\u0661\u0662", "\u00bd", "1/2",
    "=1/0", "#REF!", "#DIV/0!", "#N/A", "#VALUE!", "TRUE", "", " ", "\t", "None", "null", "9" * 30, "5 days",
    "5d", "5 d?", "2w", "16 hrs", "3 edays", "1 mo", "1.5 weeks", "0 days", "-5 days", "1e5 days", "1e400d",
    "5,5 days", "PT8H0M0S", "50%", "200%", "-50%", "%", "\u20ac", "\u20ac12,000", "12 000 EUR", "$8,000.00",
    "-\u20ac500", "CHF 1'234.50", "kr 5", "USD", "12.000", "12,000", "1.2.3", "1,2,3", "--1", "+-1", "1e", ".",
    ",", "'=1+1", "'-1", "\u22123", "\uff13", "1_000", "Infinity%", "nan%", "1e309%", "1e308 days", "9" * 400,
    "1e308 hrs", "1e-308 ed", "0.0001 d", "100000 w", "4 ewks", "2 mons", "50 %", "100%", "101%", "1e2%", "12.5",
]  # fmt: skip
DATES = [
    "2027-03-01", "Mon 3/1/27", "3/1/27", "13/01/2027", "01/13/2027", "31/02/2027", "2027/03/01", "01.03.2027",
    "1.3.27", "1-Mar-27", "1 Mar 2027", "Mar 1, 2027", "01/Mar/27", "NA", "N/A", "", "2027-03-01T08:00:00",
    "2027-03-01 08:00", "Mon 3/1/27 9:00 AM", "9999-12-31", "0001-01-01", "1900-01-01", "0000-00-00", "2027-02-29",
    "46391", "2958465", "2958466", "1e10", "-1", "0", "10000", "10001", "yesterday", "Q1 2027", "2027-13-01",
    "Thu 2/29/27", "Monday 1/1/00", "3/1/1", "99/99/99", "2", "1.5", "nan", "inf", "1e308", "Fri 12/31/99",
    "2027-03-01T25:00", "  2027-03-05  ", "Wed 3/3/27 17:00", "1/1/1900", "12/31/9999", "31.12.9999", "29.02.2028",
]  # fmt: skip
TEXTS = [
    "", "  ", "Task", "\u00fc\u6f22\u5b57\U0001f680", "\u202eevil", "=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-x",
    "'", "''=1", "Total", "Grand total:", "Sum", "a\nb", 'say "hi"', "x" * 3000, "\ufeffbom", "a,b", "a;b",
    "Platform team", "Team[200%]", "Ann,Bob[50%]", "X[0%]", "Y[1e308%]", "Z[-5%]", "[50%]", "Team[", "A;B;C",
    "Ann[1,5]", "Ann[nan]", "\u00a0", "NA", "0", "validate", "scale", "pilot", "none", "null", "#N/A",
    "/Pilot/", "/Pilot/Build/", "/", "//", "/ /",  # Wrike's folder rows (and slashes that are none)
    "Follows", "Precedes", "child of", "parent of", "Predecessor (before)", "Related To",  # OpenProject's relations
]  # fmt: skip
STATUSES = [
    "todo", "to do", "In Progress", "done", "Done", "blocked", "on hold", "Completed", "wip", "nonsense", "",
    "NOT_STARTED", "in_review", "100%", "\u2713", "closed", "Cancelled",
    "Canceled", "Won't Do", "Won\u2019t do", "Duplicate", "\u274c Cancelled", "Abgebrochen",  # work called off
]  # fmt: skip
BOOLS = ["yes", "no", "TRUE", "false", "1", "0", "x", "", "Yes", "maybe", "2"]
LAGS = [
    "", "+2", "-1", "+3d", "+1w", "+16h", "+50%", "-200%", "+1e308d", "+2ed", "+3 edays", "+1e400", "+ 2 days",
    "+0", "-0.5w", "+1e308%", "+100000w", "+1mo", "+4 ehrs", "+2.5", "-3 days", "+7 eday",
]  # fmt: skip
LINK_TYPES = ["", "FS", "SS", "FF", "SF", "fs", "ss", "XX"]

HEADERS: dict[str, list[str]] = {
    "title": ["title", "Title", "Name", "Task", "Task Name", "TASK NAME ", "\ufeffName", "name"],
    "id": ["id", "ID", "Id", " id ", "Unique ID", "\ufeffID", "Key", "Task number"],
    "stage": ["stage", "Stage"],
    "area": ["area", "Area"],
    "owner": ["owner", "Owner", "Team", "Assigned To", "Assignee", "Resource Names", "Resources"],
    "optimistic": ["optimistic", "optimistic (weeks)", "Optimistic (days)", "optimistic (h)"],
    "likely": ["likely", "likely (weeks)", "Most Likely (days)", "likely (mo)"],
    "pessimistic": ["pessimistic", "pessimistic (weeks)", "Pessimistic (hours)", "pessimistic (ed)"],
    "duration": [
        "duration",
        "Duration",
        "Duration (days)",
        "duration (weeks)",
        "Duration (hours)",
        "Work Days (d)",
        "Baseline Duration (days)",
        "Duration (edays)",
        "duration (months)",
    ],  # fmt: skip
    "headcount": ["headcount", "Headcount"],
    "cost": ["cost", "Cost", "Budget", "Planned Cost", "budget cost"],
    "status": ["status", "Status"],
    "progress": ["progress", "% Complete", "Percent Complete", "% done", "Completion"],
    "not_before": ["not_before", "not before", "not_before (weeks)", "Not Before (weeks)"],
    "actual_start": ["actual_start", "Actual Start"],
    "actual_finish": ["actual_finish", "Actual Finish"],
    "milestone": ["milestone", "Milestone"],
    "depends_on": ["depends_on", "Predecessors", "Depends On", "Dependencies", "Predecessor"],
    "tags": ["tags", "Tags"],
    "references": ["references"],
    "notes": ["notes", "Notes"],
    "start": ["Start", "start date", "Begin", "start_date"],
    "finish": ["Finish", "End", "End Date", "finish_date"],
    "baseline_start": ["Baseline Start", "baseline start date"],
    "baseline_finish": ["Baseline Finish", "Baseline End"],
    "outline": ["Outline Level", "outline_level"],
    "wbs": ["WBS", "Outline Number"],
    "plan_start_date": ["plan_start_date"],
    "status_date": ["status_date"],
    "scheduled": ["scheduled_start", "scheduled_finish"],
    "other": [
        "Type",
        "Constraint",
        "Deadline",
        "Summary",
        "Priority",
        "",
        "x",
        "title",
        "Cost",
        "Relation type",
        "Lag",
        "Relations",
        "Parent item",
        "Sub-item",
        "Folder",
    ],  # fmt: skip
}


FAR_DATES = re.compile(r"9999|0001|0000|295846[56]|1e10|1e308")
"""Cells naming a date at a calendar's ends (or a serial day/weeks that far): the importers' known overflow crashes
(see the fuzzing report); :func:`without_far_dates` blanks them for a test of everything else."""


def without_far_dates(table: list[list[str]]) -> list[list[str]]:
    return [[("" if FAR_DATES.search(c) else c) for c in row] for row in table]


def pick(rng: random.Random, pool: list[str]) -> str:
    return pool[rng.randrange(len(pool))]


def _depends(rng: random.Random, ids: list[str], me: str) -> str:
    items = []
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        ref = rng.choice(
            [
                rng.choice(ids) if ids else "1",
                me,
                "999",
                "ghost",
                "0",
                "-1",
                "1.5",
                "",
                "a b",
                "\u00fc",
                "1e3",
            ]
        )
        kind = pick(rng, LINK_TYPES)
        lag = pick(rng, LAGS)
        if rng.random() < 0.4 and ref.isdigit():
            items.append(f"{ref}{kind or 'FS'}{lag}")  # MS Project's glued syntax
        else:
            items.append(" ".join(x for x in (ref, kind) if x) + lag)
    sep = rng.choice([",", ", ", ";", " , "])
    return sep.join(items)


PLAUSIBLE = {
    "number": ["1", "2", "0.5", "3", "10", "1,5", "2.5", "5 days", "3d", "1w", "16 hrs", "0", "", "4 edays", "1 mo"],
    "cost": ["1000", "\u20ac12,000", "12 000 EUR", "$8,000.00", "1.234,50", "", "500", "CHF 1'234.50", "0"],
    "progress": ["0", "50", "100", "25%", "100%", "", "0%", "40 %"],
    "headcount": ["1", "2", "0.5", "50%", "200%", "", "3"],
    "date": ["2027-03-01", "Mon 3/1/27", "Fri 3/5/27", "01/03/2027", "15/03/2027", "NA", "", "3/15/27",
             "2027-03-08 08:00", "1 Mar 2027", "Mar 8, 2027", "05.03.2027", "2", "0.5"],
}  # fmt: skip


def _plausible(rng: random.Random, kind: str, ids: list[str], me: str) -> str | None:
    if kind in ("optimistic", "likely", "pessimistic", "duration", "not_before"):
        return pick(rng, PLAUSIBLE["number"])
    if kind in ("cost", "progress", "headcount"):
        return pick(rng, PLAUSIBLE[kind])
    if kind in ("start", "finish", "actual_start", "actual_finish", "baseline_start", "baseline_finish",
                "plan_start_date", "status_date", "scheduled"):  # fmt: skip
        return pick(rng, PLAUSIBLE["date"])
    if kind == "depends_on":
        earlier = ids[: ids.index(me)] if me in ids else []
        return ", ".join(rng.sample(earlier, min(len(earlier), rng.choice((0, 1, 1, 2))))) + (
            rng.choice(["", "", " SS", "FS+2d", " FF-1w", "SS+50%"]) if earlier else ""
        )
    return None


def _cell(rng: random.Random, kind: str, ids: list[str], me: str, outline: int, hostile: float = 1.0) -> str:
    if rng.random() > hostile:
        cell = _plausible(rng, kind, ids, me)
        if cell is not None:
            return cell
    if rng.random() < 0.04:
        return pick(rng, TEXTS + NUMBERS + DATES)  # anything anywhere
    if kind in ("title", "stage", "area", "tags", "references", "notes", "other", "owner"):
        return pick(rng, TEXTS) if rng.random() < 0.5 else f"{kind} {me}"
    if kind == "id":
        return me
    if kind in (
        "optimistic",
        "likely",
        "pessimistic",
        "duration",
        "headcount",
        "cost",
        "progress",
        "not_before",
    ):
        return pick(rng, NUMBERS)
    if kind == "status":
        return pick(rng, STATUSES)
    if kind == "milestone":
        return pick(rng, BOOLS)
    if kind == "depends_on":
        return _depends(rng, ids, me)
    if kind == "outline":
        return str(outline) if rng.random() < 0.9 else pick(rng, ["0", "-1", "x", "", "99", "1.5"])
    if kind == "wbs":
        return rng.choice(["1", "1.1", "1.2.3", "", "x", "2.", "1..2"])
    return pick(rng, DATES)


def tracker_table(rng: random.Random) -> list[list[str]]:
    kinds = [k for k in HEADERS if k not in ("title", "id") and rng.random() < 0.35]
    front = rng.choice([["title"], ["id"], ["id", "title"], ["title", "id"]])
    kinds = front + kinds
    rng.shuffle(kinds)
    header = [pick(rng, HEADERS[k]) for k in kinds]
    n = rng.choice((0, 1, 2, 3, 5, 8, 12))
    ids = [rng.choice((str(i + 1), f"t{i + 1}", f"T-{i + 1}")) for i in range(n)]
    rows: list[list[str]] = []
    outline = 1
    hostile = rng.choice((0.02, 0.1, 0.3, 1.0))
    for i in range(n):
        outline = max(1, outline + rng.choice((-1, 0, 0, 1)))
        row = [_cell(rng, k, ids, ids[i], outline, hostile) for k in kinds]
        if rng.random() < 0.05:  # ragged
            row = row[: rng.randrange(len(row) + 1)] if rng.random() < 0.5 else row + ["extra"]
        rows.append(row)
    if rng.random() < 0.1:
        rows.append([("Total" if k == "title" else pick(rng, NUMBERS)) for k in kinds])
    table = [header, *rows]
    if rng.random() < 0.1:
        table.insert(0, ["Project tracker - " + pick(rng, TEXTS)])
    if rng.random() < 0.03:
        rng.shuffle(table)
    return table


# An oracle table: cost, progress and duration cells whose value is known, in notations the importer documents.
MONEY = [
    (lambda v: f"{v:.0f}", 1), (lambda v: f"{v:,.0f}", 1), (lambda v: f"\u20ac{v:,.0f}", 1),
    (lambda v: f"{v:,.0f}".replace(",", " ") + " EUR", 1), (lambda v: f"${v:,.2f}", 1),
    (lambda v: f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."), 1),
    (lambda v: f"CHF {v:,.2f}".replace(",", "'"), 1), (lambda v: f"{v:.1f}".replace(".", ","), 1),
    (lambda v: f"\u00a3{v:.2f}", 1), (lambda v: f"{v:,.0f}".replace(",", "\u00a0") + " kr", 1),
]  # fmt: skip
SPANS = [  # (cell, header unit) -> weeks for a value v in that unit
    ("{v} days", None, 5.0), ("{v}d", None, 5.0), ("{v} w", None, 1.0), ("{v} hrs", None, 40.0),
    ("{v} edays", None, 7.0), ("{v}", "days", 5.0), ("{v}", "hours", 40.0), ("{v}", None, 1.0),
    ("{v} mo", None, 0.25), ("{v}", "edays", 7.0),
]  # fmt: skip
PERCENTS = [("{v}%", 1.0), ("{v}", 1.0), ("{v} %", 1.0)]


DATE_NOTATIONS = [  # (strftime-like writer, needs a day above 12 to tell the order)
    (lambda d: d.isoformat(), False),
    (lambda d: f"{d:%a} {d.month}/{d.day}/{d:%y}", True),  # MS Project's Save as CSV
    (lambda d: f"{d:%d.%m.%Y}", False),
    (
        lambda d: f"{d.day} {d:%b %Y}",
        False,
    ),  # (a month by its name tells the order of day and month: read in the actual-date columns too)
    (lambda d: f"{d:%b} {d.day}, {d.year}", False),
    (lambda d: f"{d:%d/%m/%Y}", True),
    (lambda d: f"{d:%m/%d/%Y}", True),
]


def oracle_table(
    rng: random.Random, dates: list[tuple[Any, bool]] | None = None
) -> tuple[list[list[str]], dict[str, dict[str, float]]]:
    """A table whose cost, duration and progress (and sometimes actual start) cells have a known value in a notation
    the importer documents; the expected values by title (an actual start as the date's ordinal)."""
    n = rng.randint(1, 6)
    span, unit, per_week = rng.choice(SPANS)
    dur_header = {"days": "Duration (days)", "hours": "Duration (hours)", "edays": "Duration (edays)"}.get(
        unit or "", rng.choice(["Duration", "duration"])
    )
    header = [rng.choice(["Task Name", "Name", "title"]), dur_header, rng.choice(["Cost", "Budget"])]
    header.append(rng.choice(["% Complete", "progress", "Percent Complete"]))
    with_dates = rng.random() < 0.5
    if with_dates:
        header.append(rng.choice(["Actual Start", "actual_start"]))
        write_date, tell_order = rng.choice(dates or DATE_NOTATIONS)
    fmt_money = rng.choice(MONEY)[0]
    pct = rng.choice(PERCENTS)[0]
    rows, expect = [], {}
    for i in range(n):
        money = rng.choice(
            [rng.randint(1, 999) * 10.0, rng.randint(1000, 9_999_999) * 1.0, rng.randint(1, 99) + 0.5]
        )
        cost_cell = fmt_money(money)
        days = rng.choice([1, 2, 3, 5, 8, 10, 15, 20])
        progress = rng.choice([10, 25, 50, 75]) if with_dates else rng.choice([0, 10, 25, 50, 75, 100])
        title = f"Row {i + 1}"
        rows.append([title, span.format(v=days), cost_cell, pct.format(v=progress)])
        expect[title] = {
            "cost": _money_value(cost_cell, money),
            "duration": days / per_week,
            "progress": progress,
        }
        if with_dates:
            day = dt.date(2027, rng.randint(1, 12), rng.randint(13 if i == 0 and tell_order else 1, 28))
            rows[-1].append(write_date(day))
            # the plan's own column keeps the date (its calendar place); another tool's is placed in working days
            expect[title]["actual_start" if header[-1] == "Actual Start" else "actual_day"] = float(
                day.toordinal()
            )
    return [header, *rows], expect


def write_typed_oracle(table: list[list[str]], expect: dict[str, dict[str, float]], path: Path) -> None:
    """An oracle table as a spreadsheet holds it: costs, fractions with a percent format and dates as typed cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(table[0])
    for r, row in enumerate(table[1:], start=2):
        want = expect[row[0]]
        cells: list[Any] = [row[0], row[1], want["cost"], want["progress"] / 100]
        if "actual_start" in want or "actual_day" in want:
            cells.append(dt.date.fromordinal(int(want.get("actual_start", want.get("actual_day", 0)))))
        ws.append(cells)
        ws.cell(r, 3).number_format = '"\u20ac"#,##0.00'
        ws.cell(r, 4).number_format = "0%"
    wb.save(path)


def _money_value(cell: str, money: float) -> float:
    """What a cost cell says: its formatted value (a whole-number format rounds)."""
    digits = re.sub(r"[^\d.,]", "", cell)
    if re.search(r"[.,]\d{1,2}$", digits):
        return round(money, 2)
    return float(round(money))


def write_csv(rng: random.Random, table: list[list[str]], path: Path) -> None:
    delimiter = rng.choice([",", ",", ",", ";", "\t"])
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=rng.choice(["\n", "\r\n"])).writerows(table)
    text = out.getvalue()
    r = rng.random()
    if r < 0.05:
        data = text.encode("cp1252", errors="replace")
    elif r < 0.08:
        data = text.encode("utf-16")
    elif r < 0.2:
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    else:
        data = text.encode("utf-8")
    if rng.random() < 0.02:  # damaged bytes
        pos = rng.randrange(len(data) + 1)
        data = data[:pos] + rng.choice([b"\x00", b"\xff\xfe", b'"', b"\r", b"\x1a"]) + data[pos:]
    path.write_bytes(data)


def _typed(rng: random.Random, text: str, far: bool = True) -> Any:
    """A spreadsheet cell for ``text``: sometimes a number, a date, a bool or empty instead of the text."""
    r = rng.random()
    if r < 0.25:
        with contextlib.suppress(ValueError, OverflowError):
            x = float(text)
            if math.isfinite(x):
                return int(x) if x.is_integer() and abs(x) < 2**53 else x
    if r < 0.3:
        return rng.choice(
            [
                True,
                False,
                None,
                0,
                -1,
                1e308 if far else 1e6,
                46391,
                dt.date(2027, 3, 1),
                dt.datetime(2027, 3, 1, 9),
            ]
        )
    if r < 0.33:
        return rng.choice(
            [
                dt.date(1900, 1, 1),
                dt.datetime(9999 if far else 2099, 12, 31),
                dt.time(8, 0),
                dt.timedelta(days=3),
            ]
        )
    return text


def write_xlsx(
    rng: random.Random,
    table: list[list[str]],
    path: Path,
    typed: bool = True,
    damage: bool = True,
    far: bool = True,
) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r, row in enumerate(table):
        cells = [(_typed(rng, c, far) if typed and r else c) for c in row]
        cells = [c.replace("\x00", "") if isinstance(c, str) else c for c in cells]
        with contextlib.suppress(ValueError, TypeError):  # openpyxl refuses control characters
            ws.append(cells)
            continue
        ws.append([re.sub(r"[\x00-\x08\x0b-\x1f]", "", str(c)) for c in row])
    if damage and rng.random() < 0.1:
        ws2 = wb.create_sheet("Other")
        ws2.append(["nothing"])
        if rng.random() < 0.5:
            wb.move_sheet(ws2, -1)
            wb.active = 0
    wb.save(path)
    if damage and rng.random() < 0.02:  # a damaged archive
        data = bytearray(path.read_bytes())
        for _ in range(3):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))


# ---------------------------------------------------------------------------------------------------- MS Project XML

PT = [
    "PT8H0M0S", "PT0H0M0S", "PT40H0M0S", "PT480H0M0S", "PT0.5H0M0S", "PT8H30M0S", "PT1H0M30S", "P1DT2H0M0S",
    "PT-8H0M0S", "PT99999999999H0M0S", "PT", "", "8", "PT8H", "P5D", "PTxH", "PT8H0M0S ", "PT1e308H0M0S",
    "PT8.5H0.5M0.5S", "PT0H1M0S", "P0Y0M5DT0H0M0S", "-PT8H0M0S",
    "P10D", "P3DT8H", "P0D", "P99999999D", "P1e5D", "P-10D", "P10.5.3D", "P2.5D",  # day counts (session 33)
]  # fmt: skip
XDATES = [
    "2027-03-01T08:00:00", "2027-03-05T17:00:00", "2027-02-28T00:00:00", "2027-03-01", "2027-03-01T08:00",
    "9999-12-31T23:59:59", "0001-01-01T00:00:00", "1984-01-01T00:00:00", "2027-02-30T08:00:00", "", "NA",
    "2027-03-01T08:00:00Z", "2027-03-01T08:00:00+02:00", "2028-02-29T08:00:00", "2027-03-08T08:00:00",
    "2049-12-31T17:00:00", "2027-03-01T24:00:00",
]  # fmt: skip
XNUM = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "-1", "99", "", "x", "1.5", "1e308", "NaN", "2147483648"]
LAG_FORMATS = ["3", "4", "5", "7", "8", "9", "10", "11", "12", "19", "20", "35", "36", "37", "38", "39", "40",
               "41", "43", "44", "51", "52", "53", "0", "-1", "99", "", "x"]  # fmt: skip
LINK_LAGS = ["0", "4800", "-4800", "50", "100", "12000", "43200", "1e308", "-1e308", "NaN", "", "x", "2147483648",
             "480.5", "-50"]  # fmt: skip


def _x(tag: str, value: str) -> str:
    return f"<{tag}>{escape(value)}</{tag}>"


def mspdi_file(rng: random.Random) -> str:
    n = rng.choice((0, 1, 2, 4, 6, 10))
    uids = list(range(1, n + 1))
    if rng.random() < 0.1:
        uids = [rng.choice((0, 1, 2, -1, 5)) for _ in uids]  # duplicate / odd UIDs
    head = [_x("Name", pick(rng, TEXTS)), _x("Title", pick(rng, TEXTS))]
    for tag, pool in (
        ("StartDate", XDATES), ("FinishDate", XDATES), ("StatusDate", XDATES), ("MinutesPerDay", XNUM + ["480", "600"]),
        ("MinutesPerWeek", XNUM + ["2400"]), ("CurrencyCode", ["EUR", "USD", "", "xx", "\u20ac"]),
        ("CalendarUID", XNUM), ("DurationFormat", LAG_FORMATS), ("DaysPerMonth", XNUM + ["20"]),
    ):  # fmt: skip
        if rng.random() < 0.6:
            head.append(_x(tag, pick(rng, pool)))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Project xmlns="http://schemas.microsoft.com/project">',
    ]
    parts += head
    if rng.random() < 0.4:
        attrs = "".join(
            f"<ExtendedAttribute>{_x('FieldID', rng.choice(['188743731', '188743734', 'x', '']))}"
            f"{_x('FieldName', rng.choice(['Text1', 'Number1', 'Cost1']))}{_x('Alias', pick(rng, TEXTS))}"
            "</ExtendedAttribute>"
            for _ in range(rng.randint(0, 3))
        )
        parts.append(f"<ExtendedAttributes>{attrs}</ExtendedAttributes>")
    if rng.random() < 0.7:
        cals = []
        for cuid in range(1, rng.randint(1, 3) + 1):
            days = []
            for dtype in range(1, 8):
                if rng.random() < 0.8:
                    working = rng.choice(["1", "1", "0", "", "x"])
                    times = ""
                    if working == "1" and rng.random() < 0.7:
                        spans = [
                            (rng.choice(["08:00:00", "07:00:00", "00:00:00", "25:00:00", "x"]),
                             rng.choice(["12:00:00", "17:00:00", "24:00:00", "08:00:00", "00:00:00"]))
                            for _ in range(rng.randint(0, 3))
                        ]  # fmt: skip
                        times = "<WorkingTimes>" + "".join(
                            f"<WorkingTime>{_x('FromTime', a)}{_x('ToTime', b)}</WorkingTime>" for a, b in spans
                        ) + "</WorkingTimes>"  # fmt: skip
                    days.append(
                        f"<WeekDay>{_x('DayType', rng.choice([str(dtype), str(dtype), '0', '9']))}"
                        f"{_x('DayWorking', working)}{times}</WeekDay>"
                    )
            exc = []
            for _ in range(rng.choice((0, 0, 1, 3))):
                exc.append(
                    "<Exception>"
                    + _x("EnteredByOccurrences", rng.choice(["0", "1"]))
                    + f"<TimePeriod>{_x('FromDate', pick(rng, XDATES))}{_x('ToDate', pick(rng, XDATES))}</TimePeriod>"
                    + _x("Occurrences", rng.choice(["1", "0", "10", "-1", "100000", "x"]))
                    + _x("Type", rng.choice(["1", "2", "3", "4", "5", "6", "7", "8", "0", "x"]))
                    + _x("Period", rng.choice(["1", "2", "0", "-1", "x"]))
                    + _x("DaysOfWeek", rng.choice(["2", "62", "0", "127", "128", "x"]))
                    + _x("MonthItem", rng.choice(["0", "3", "9", "x"]))
                    + _x("MonthPosition", rng.choice(["0", "4", "5", "x"]))
                    + _x("Month", rng.choice(["0", "1", "11", "12", "x"]))
                    + _x("MonthDay", rng.choice(["1", "31", "0", "32", "29", "x"]))
                    + _x("DayWorking", rng.choice(["0", "1"]))
                    + "</Exception>"
                )
            base = rng.choice(["-1", "1", str(cuid), "99", "x"])
            parts.append(
                f"<Calendars><Calendar>{_x('UID', str(cuid))}{_x('Name', pick(rng, TEXTS))}"
                f"{_x('IsBaseCalendar', rng.choice(['1', '0']))}{_x('BaseCalendarUID', base)}"
                f"<WeekDays>{''.join(days)}</WeekDays><Exceptions>{''.join(exc)}</Exceptions></Calendar></Calendars>"
            )
            cals.append(cuid)
    parts.append("<Tasks>")
    level = 1
    for i, uid in enumerate(uids):
        level = max(0, level + rng.choice((-1, 0, 0, 1)))
        f = [_x("UID", str(uid)), _x("ID", str(i + 1)), _x("Name", f"T{i} " + pick(rng, TEXTS)[:50])]
        for tag, pool, p in (
            ("OutlineLevel", [str(level)] * 5 + XNUM, 0.8), ("OutlineNumber", ["1", "1.1", "2", "x", ""], 0.3),
            ("WBS", ["1", "1.2", ""], 0.2), ("Duration", PT, 0.85), ("DurationFormat", LAG_FORMATS, 0.4),
            ("Start", XDATES, 0.7), ("Finish", XDATES, 0.7), ("ActualStart", XDATES, 0.2),
            ("ActualFinish", XDATES, 0.15), ("PercentComplete", XNUM + ["50", "100", "101", "-5"], 0.4),
            ("Milestone", ["0", "1", "", "x"], 0.4), ("Summary", ["0", "1"], 0.3),
            ("Cost", ["0", "12000", "1e308", "-5", "NaN", "x", "1,234.50"], 0.3),
            ("ConstraintType", XNUM, 0.4), ("ConstraintDate", XDATES, 0.3), ("Deadline", XDATES, 0.2),
            ("CalendarUID", XNUM, 0.2), ("Manual", ["0", "1"], 0.1), ("Active", ["0", "1", ""], 0.1),
            ("IsNull", ["0", "1"], 0.05), ("ExternalTask", ["0", "1"], 0.05), ("IsSubproject", ["0", "1"], 0.05),
            ("SubprojectName", ["C:\\x.mpp", ""], 0.03), ("Type", XNUM, 0.1), ("Notes", TEXTS, 0.1),
            ("LevelingDelay", ["0", "4800", "-1", "x"], 0.1), ("Estimated", ["0", "1"], 0.1),
        ):  # fmt: skip
            if rng.random() < p:
                f.append(_x(tag, pick(rng, pool)))
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            pred = rng.choice([rng.choice(uids) if uids else 1, uid, 999, 0, -1])
            link = _x("PredecessorUID", str(pred)) + _x(
                "Type", rng.choice(["0", "1", "2", "3", "4", "", "x"])
            )
            if rng.random() < 0.8:
                link += _x("LinkLag", pick(rng, LINK_LAGS)) + _x("LagFormat", pick(rng, LAG_FORMATS))
            if rng.random() < 0.05:
                link += _x("CrossProject", "1")
            f.append(f"<PredecessorLink>{link}</PredecessorLink>")
        for _ in range(rng.choice((0, 0, 1, 2))):
            f.append(
                f"<Baseline>{_x('Number', rng.choice(['0', '1', '10', '11', 'x', '']))}"
                f"{_x('Start', pick(rng, XDATES))}{_x('Finish', pick(rng, XDATES))}{_x('Duration', pick(rng, PT))}"
                f"{_x('Cost', rng.choice(['0', '100', 'x']))}</Baseline>"
            )
        if rng.random() < 0.2:
            f.append(
                f"<ExtendedAttribute>{_x('FieldID', rng.choice(['188743731', '188743734', 'x']))}"
                f"{_x('Value', pick(rng, TEXTS + NUMBERS))}</ExtendedAttribute>"
            )
        parts.append("<Task>" + "".join(f) + "</Task>")
    parts.append("</Tasks>")
    if rng.random() < 0.4:
        res = "".join(
            f"<Resource>{_x('UID', str(r))}{_x('Name', pick(rng, TEXTS)[:40])}"
            f"{_x('MaxUnits', rng.choice(['1', '0', '2.5', '-1', 'x', '1e308']))}"
            f"{_x('StandardRate', rng.choice(['0', '100', 'x']))}{_x('Type', rng.choice(['0', '1', '2']))}</Resource>"
            for r in range(rng.randint(0, 3))
        )
        asg = "".join(
            f"<Assignment>{_x('TaskUID', str(rng.choice(uids or [1])))}{_x('ResourceUID', rng.choice(['0', '1', '2', '9', 'x']))}"
            f"{_x('Units', rng.choice(['1', '0.5', '0', '-1', 'x', '1e308', '']))}</Assignment>"
            for _ in range(rng.randint(0, 4))
        )
        parts.append(f"<Resources>{res}</Resources><Assignments>{asg}</Assignments>")
    parts.append("</Project>")
    text = "\n".join(parts)
    if rng.random() < 0.05:  # damaged XML
        pos = rng.randrange(len(text))
        text = (
            text[:pos]
            + rng.choice(["<", "&", "]]>", "</Task>", "\x00", "&#0;", "<!DOCTYPE x [<!ENTITY a 'b'>]>"])
            + text[pos:]
        )
    return text


# ---------------------------------------------------------------------------------------------------- GanttProject

GDATES = [
    "2027-03-01",
    "2027-02-28",
    "",
    "x",
    "9999-12-31",
    "0001-01-01",
    "2027-02-30",
    "2027-3-1",
    "03/01/2027",
]
GNUM = ["0", "1", "5", "10", "-1", "", "x", "1.5", "1e308", "99999999", "NaN"]


def gan_file(rng: random.Random) -> str:
    n = rng.choice((0, 1, 3, 6, 10))
    ids = list(range(n)) if rng.random() < 0.9 else [rng.choice((0, 1, 1, -1)) for _ in range(n)]

    def task(k: int, depth: int) -> str:
        tid = ids[k]
        attrs = {
            "id": str(tid), "name": f"G{k} " + pick(rng, TEXTS)[:40], "start": pick(rng, GDATES),
            "duration": pick(rng, GNUM), "complete": rng.choice(GNUM + ["50", "100", "101"]),
            "meeting": rng.choice(["false", "true", "", "x"]), "color": "#8cb6ce",
        }  # fmt: skip
        if rng.random() < 0.2:
            attrs["cost-manual-value"] = rng.choice(["100", "1e308", "x", "-1"])
        attrs = {key: v for key, v in attrs.items() if rng.random() < 0.95}
        inner = "".join(
            f'<depend id="{rng.choice(ids) if ids else 0}" type="{rng.choice(["0", "1", "2", "3", "4", "5", "x"])}"'
            f' difference="{pick(rng, GNUM)}" hardness="{rng.choice(["Strong", "Rubber", "x"])}"/>'
            for _ in range(rng.choice((0, 0, 1, 2)))
        )
        if rng.random() < 0.2:
            inner += f"<notes><![CDATA[{pick(rng, TEXTS)}]]></notes>"
        if rng.random() < 0.15:
            inner += f'<customproperty taskproperty-id="tpc0" value="{escape(pick(rng, TEXTS + NUMBERS), {chr(34): "&quot;"})}"/>'
        attr_text = " ".join(f'{key}="{escape(v, {chr(34): "&quot;"})}"' for key, v in attrs.items())
        return f"<task {attr_text}>{inner}{{children{k}}}</task>"

    body, stack = [], []
    for k in range(n):
        body.append(task(k, 0))
        stack.append(k)
    # nest some tasks inside the previous one
    text = ""
    for k in range(n - 1, -1, -1):
        t = body[k]
        if k + 1 < n and rng.random() < 0.3:
            t = t.replace(f"{{children{k}}}", text)
            text = t
        else:
            t = t.replace(f"{{children{k}}}", "")
            text = t + text
    props = ""
    if rng.random() < 0.3:
        props = '<taskproperties><taskproperty id="tpc0" name="Budget" type="custom" valuetype="double"/></taskproperties>'
    res = ""
    if rng.random() < 0.3:
        res = "<resources>" + "".join(
            f'<resource id="{r}" name="{escape(pick(rng, TEXTS)[:20], {chr(34): "&quot;"})}" function="Default:0"/>'
            for r in range(rng.randint(0, 2))
        ) + "</resources><allocations>" + "".join(
            f'<allocation task-id="{rng.choice(ids) if ids else 0}" resource-id="{rng.choice(["0", "1", "5", "x"])}"'
            f' load="{pick(rng, GNUM)}"/>'
            for _ in range(rng.randint(0, 3))
        ) + "</allocations>"  # fmt: skip
    cal = ""
    if rng.random() < 0.3:
        cal = (
            '<calendars><day-types><day-type id="0"/><day-type id="1"/><default-week id="1" name="default" '
            + " ".join(
                f'{d}="{rng.choice(["0", "1", "x"])}"'
                for d in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
            )
            + "/></day-types>"
            + "".join(
                f'<date year="{rng.choice(["2027", "x", ""])}" month="{rng.choice(["3", "13", "0"])}" '
                f'date="{rng.choice(["1", "32", "x"])}" type="{rng.choice(["HOLIDAY", "WORKING_DAY", "x"])}"/>'
                for _ in range(rng.randint(0, 3))
            )
            + "</calendars>"
        )
    version = rng.choice(["3.2", "2.8", "", "x"])
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<project name="{escape(pick(rng, TEXTS)[:30], {chr(34): "&quot;"})}"'
        f' version="{version}">{cal}<tasks>{props}{text}</tasks>{res}</project>'
    )
    if rng.random() < 0.05:
        pos = rng.randrange(len(text))
        text = text[:pos] + rng.choice(["<", "&", "</task>", "\x00"]) + text[pos:]
    return text


# ---------------------------------------------------------------------------------------------------- cases


def _trello_date(rng: random.Random) -> Any:
    """A card's start or due date: Trello's own UTC timestamps mostly, else hostile text or another JSON type."""
    roll = rng.random()
    if roll < 0.6:
        day = dt.date(2027, 3, 1) + dt.timedelta(days=rng.randint(-30, 200))
        return f"{day.isoformat()}T{rng.randint(0, 23):02d}:00:00.000Z"
    if roll < 0.75:
        return None
    return rng.choice(
        [*DATES, 0, 1e308, True, [], {}, "2027-03-01T00:00:00.000+14:00", "10000-01-01T00:00:00Z"]
    )


def _trello_text(rng: random.Random) -> Any:
    return rng.choice([*TEXTS, *STATUSES, None, 7, True, ["x"], {"a": 1}])


def trello_file(rng: random.Random) -> str:
    """A Trello board's JSON export (planner.io.trello): lists named as statuses, stages or anything, archived or
    not; members; labels with and without names; cards with hostile names, repeated card numbers, dates in and out
    of Trello's notation, ticked due dates, checklists, custom fields of every type under names the table import
    reads ('Estimate (days)', 'Phase', '% Complete', 'Start', 'Name') and others; fields of the wrong JSON type;
    sometimes cut short."""

    def ident(k: int) -> str:
        return f"{rng.getrandbits(64):016x}{k:08x}"

    list_names = ["To Do", "Doing", "Done", "Backlog", "Validate", "Integrate", "Scale", "Ideas", "", "ü漢"]
    lists = [
        {"id": ident(k), "name": _trello_text(rng) if rng.random() < 0.2 else rng.choice(list_names),
         "closed": rng.random() < 0.15, "pos": rng.choice([k * 16384, "top", None, -1, 1e308])}
        for k in range(rng.randint(0, 6))
    ]  # fmt: skip
    members = [
        {"id": ident(100 + k), "fullName": _trello_text(rng), "username": rng.choice(["ana", "", None, 5])}
        for k in range(rng.randint(0, 4))
    ]
    field_names = [
        "Estimate (days)",
        "Phase",
        "% Complete",
        "Start",
        "Name",
        "Duration",
        "Cost",
        "Priority",
        "",
    ]
    fields = []
    for k in range(rng.randint(0, 4)):
        kind = rng.choice(["number", "text", "list", "date", "checkbox"])
        field: dict[str, Any] = {
            "id": ident(200 + k),
            "name": rng.choice(field_names),
            "type": kind,
            "pos": k,
        }
        if kind == "list":
            field["options"] = [
                {
                    "id": ident(300 + k * 10 + j),
                    "value": {"text": rng.choice(["Validate", "Integrate", "x", ""])},
                }
                for j in range(rng.randint(0, 3))
            ]
        fields.append(field)
    cards, checklists = [], []
    for k in range(rng.randint(0, 40)):
        card: dict[str, Any] = {
            "id": ident(1000 + k),
            "idShort": rng.choice([k + 1, k + 1, k + 1, 1, 0, None, "7", -3]),
            "shortLink": rng.choice([ident(2000 + k)[:8], "", None]),
            "name": _trello_text(rng) if rng.random() < 0.3 else f"Card {k}",
            "desc": rng.choice(TEXTS),
            "closed": rng.random() < 0.1,
            "idList": rng.choice([x["id"] for x in lists] + ["missing", None]),
            "pos": rng.choice([k * 100, None, "x", 1e308]),
            "start": _trello_date(rng),
            "due": _trello_date(rng),
            "dueComplete": rng.choice([False, False, True, "true", None]),
            "idMembers": rng.choice(
                [[m["id"] for m in members[: rng.randint(0, len(members))]], "ana", None, [None, 3]]
            ),
            "labels": rng.choice(
                [[{"name": rng.choice(TEXTS), "color": rng.choice(["green", "", None])}], [], 7, ["x"]]
            ),
            "customFieldItems": [],
            "pluginData": rng.choice([[], [], [{"value": "{}"}]]),
        }
        for f in fields:
            if rng.random() < 0.6:
                item: dict[str, Any] = {"idCustomField": f["id"]}
                if f["type"] == "list":
                    item["idValue"] = rng.choice([o["id"] for o in f.get("options", [])] + ["missing"])
                else:
                    key = {"number": "number", "text": "text", "date": "date", "checkbox": "checked"}[
                        f["type"]
                    ]
                    pool = (
                        NUMBERS if key == "number" else DATES if key == "date" else [*TEXTS, "true", "false"]
                    )
                    item["value"] = rng.choice([{key: rng.choice(pool)}, {key: rng.choice(pool)}, None, "x"])
                card["customFieldItems"].append(item)
        if rng.random() < 0.3:
            checklists.append(
                {"idCard": card["id"], "checkItems": [
                    {"state": rng.choice(["complete", "incomplete", None])} for _ in range(rng.randint(0, 5))]}
            )  # fmt: skip
        cards.append(card)
    board: Any = {
        "id": ident(0),
        "name": _trello_text(rng),
        "url": "https://trello.com/b/Xy12AbCd/fuzz",
        "actions": [{"type": rng.choice(["commentCard", "updateCard"])} for _ in range(rng.randint(0, 3))],
        "cards": cards,
        "lists": lists,
        "members": members,
        "checklists": checklists,
        "customFields": fields,
    }
    for key in ("lists", "members", "checklists", "customFields", "cards"):
        if rng.random() < 0.03:
            board[key] = rng.choice([None, "x", 5, {}])
    text = json.dumps(board, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.05:
        text = text[: rng.randint(0, len(text))]  # cut short
    return text


XER_DATES = ["2027-03-01 08:00", "2027-03-05 17:00", "2027-03-01", "2027-03-01 08:00:00", "2027-02-30 08:00",
             "9999-12-31 23:59", "0001-01-01 00:00", "", "x", "2027-03-01T08:00:00", "1984-01-01 00:00"]  # fmt: skip
XER_HOURS = ["0", "8", "40", "80", "16.5", "-8", "", "x", "1e308", "NaN", "inf", "99999999", "1,5", "0.001"]
XER_TABLES: dict[str, tuple[str, ...]] = {
    "PROJECT": ("proj_id", "proj_short_name", "clndr_id", "plan_start_date", "last_recalc_date", "export_flag"),
    "CALENDAR": ("clndr_id", "default_flag", "clndr_name", "day_hr_cnt", "week_hr_cnt", "clndr_data"),
    "PROJWBS": ("wbs_id", "proj_id", "parent_wbs_id", "proj_node_flag", "wbs_short_name", "wbs_name", "seq_num"),
    "RSRC": ("rsrc_id", "rsrc_name", "rsrc_short_name", "rsrc_type"),
    "TASK": ("task_id", "proj_id", "wbs_id", "clndr_id", "task_type", "status_code", "task_code", "task_name",
             "target_drtn_hr_cnt", "remain_drtn_hr_cnt", "phys_complete_pct", "complete_pct_type", "act_start_date",
             "act_end_date", "early_start_date", "early_end_date", "cstr_type", "cstr_date", "rsrc_id"),
    "TASKPRED": ("task_pred_id", "task_id", "pred_task_id", "proj_id", "pred_proj_id", "pred_type", "lag_hr_cnt"),
    "TASKRSRC": ("taskrsrc_id", "task_id", "proj_id", "rsrc_id", "remain_qty_per_hr", "target_qty_per_hr"),
}  # fmt: skip
"""The XER tables and fields the P6 import reads (planner/io/primavera.py), for :func:`xer_file`."""


def xer_file(rng: random.Random) -> bytes:
    """A P6 XER export, hostile: tables and fields in any order, rows with fewer or more fields than their %F, the
    ids of rows that are not there, numbers and dates in every wrong shape, statuses and types P6 does not write, a
    second project, no %E, CRLF or LF, Windows-1252 or UTF-8 (session 33)."""
    hostile = rng.random() < 0.4  # else one value in 20 from the hostile pools: files that go deep

    def date() -> str:
        return pick(rng, XER_DATES) if hostile or rng.random() < 0.05 else rng.choice(XER_DATES[:2] + [""])

    def hours() -> str:
        return pick(rng, XER_HOURS) if hostile or rng.random() < 0.05 else rng.choice(XER_HOURS[:4])

    n = rng.choice((0, 1, 3, 6, 10))
    ids = [str(100 + k) for k in range(n)] + ["999", "", "x"]
    projects = ["1"] + (["2"] if rng.random() < 0.2 else [])
    rows: dict[str, list[list[str]]] = {
        "PROJECT": [
            [p, pick(rng, TEXTS) if rng.random() < 0.2 else f"P-{p}", rng.choice(["1", "7", ""]),
             date(), date(), rng.choice(["Y", "N", ""])]
            for p in projects
        ],
        "CALENDAR": [
            ["1", "Y", "Standard", rng.choice(["8", "0", "-8", "x", "24"]), rng.choice(["40", "0", "x", "1e308", ""]),
             rng.choice(["", "(0||CalendarData()(", "(0||CalendarData()((0||DaysOfWeek()())))", "x"])]
        ],
        "PROJWBS": [["10", "1", "", "Y", "P-1", pick(rng, TEXTS), "0"], ["11", "1", rng.choice(["10", "11", "99"]),
                                                                        "N", "W", pick(rng, TEXTS), "1"]],
        "RSRC": [[str(500 + k), pick(rng, TEXTS), f"R{k}", rng.choice(["RT_Labor", "RT_Equip", "RT_Mat", "", "x"])]
                 for k in range(rng.randint(0, 3))],
        "TASK": [],
        "TASKPRED": [],
        "TASKRSRC": [],
    }  # fmt: skip
    for k in range(n):
        rows["TASK"].append(
            [ids[k], rng.choice(projects + ["9"]), rng.choice(["10", "11", "12", ""]), rng.choice(["1", "", "5"]),
             rng.choice(["TT_Task", "TT_Rsrc", "TT_FinMile", "TT_Mile", "TT_LOE", "TT_WBS", "", "x"]),
             rng.choice(["TK_NotStart", "TK_Active", "TK_Complete", "", "x"]),
             rng.choice([f"A{k}", f"A{k}", "A0", "", "a b", "x" * 60]), pick(rng, TEXTS), hours(),
             hours(), rng.choice(["0", "50", "100", "150", "-5", "", "x"]),
             rng.choice(["CP_Drtn", "CP_Phys", "CP_Units", ""]), date(), date(),
             date(), date(), rng.choice(["", "CS_MSO", "CS_MSOA", "CS_MEOB", "x"]),
             date(), rng.choice(["", "500", "501", "999"])]
        )  # fmt: skip
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            rows["TASKPRED"].append(
                [str(rng.randint(1, 99)), ids[k], rng.choice(ids), "1", rng.choice(projects + ["7", ""]),
                 rng.choice(["PR_FS", "PR_SS", "PR_FF", "PR_SF", "", "PR_XX"]), hours()]
            )  # fmt: skip
        for _ in range(rng.choice((0, 1, 2))):
            rows["TASKRSRC"].append(
                [str(rng.randint(1, 99)), ids[k], "1", rng.choice(["500", "501", "502", "999", ""]),
                 rng.choice(["1", "2", "0.5", "0", "-1", "x", "1e308", "NaN", ""]),
                 rng.choice(["1", "2", "", "inf"])]
            )  # fmt: skip
    lines = []
    if rng.random() < 0.95:
        lines.append(
            "ERMHDR\t" + rng.choice(["19.12", "8.0", "6.2", "22.12", ""]) + "\t2027-03-01\tProject\tadmin"
        )
    tables = list(rows)
    if rng.random() < 0.5:
        rng.shuffle(tables)
    for table in tables:
        if rng.random() < 0.05:
            continue  # a table left out
        fields = list(XER_TABLES[table])
        order = list(range(len(fields)))
        if rng.random() < 0.3:
            rng.shuffle(order)
        lines.append(f"%T\t{table}")
        lines.append("%F\t" + "\t".join(fields[i] for i in order))
        for row in rows[table]:
            cells = [row[i] for i in order]
            if rng.random() < 0.1:
                cells = cells[: rng.randint(0, len(cells))]  # fewer fields than %F (older P6 versions)
            elif rng.random() < 0.05:
                cells += ["extra"]
            lines.append("%R\t" + "\t".join(cells))
    if rng.random() < 0.9:
        lines.append("%E")
    text = rng.choice(("\r\n", "\n")).join(lines) + "\r\n"
    if rng.random() < 0.05:
        text = text[: rng.randint(0, len(text))]  # cut short
    return text.encode(rng.choice(("cp1252", "utf-8")), errors="replace")


def make_case(
    seed: int, folder: Path, formats: tuple[str, ...] = FORMATS
) -> tuple[str, Path, dict[str, dict[str, float]] | None]:
    """Write case ``seed``'s file in ``folder``: (format, path, oracle expectations or None)."""
    rng = random.Random(seed)
    fmt = formats[seed % len(formats)]
    expect = None
    if fmt in ("csv", "xlsx"):
        if rng.random() < 0.25:
            table, expect = oracle_table(rng)
        else:
            table = tracker_table(rng)
        path = folder / f"case{seed}.{fmt}"
        if fmt == "csv":
            if expect is not None:
                out = io.StringIO()
                csv.writer(out, lineterminator="\n").writerows(table)
                path.write_text(out.getvalue(), encoding="utf-8")
            else:
                write_csv(rng, table, path)
        elif expect is not None and rng.random() < 0.5:
            write_typed_oracle(table, expect, path)
        else:
            write_xlsx(rng, table, path, typed=expect is None, damage=expect is None)
    elif fmt == "mspdi":
        path = folder / f"case{seed}.xml"
        path.write_bytes(mspdi_file(rng).encode("utf-8", errors="surrogatepass"))
    elif fmt == "xer":
        path = folder / f"case{seed}.xer"
        path.write_bytes(xer_file(rng))
    elif fmt == "trello":
        path = folder / f"case{seed}.json"
        path.write_bytes(trello_file(rng).encode("utf-8", errors="surrogatepass"))
    else:
        path = folder / f"case{seed}.gan"
        path.write_bytes(gan_file(rng).encode("utf-8"))
    return fmt, path, expect


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so the command line's last line of defence does not catch it."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


_WHERE: list[str] = []


def _locate_internal_errors() -> None:
    """Make the command line's internal-error message also name where the exception was raised (the innermost
    frame in planner/), so that problems group by their source line. The on-demand script only."""
    import traceback

    import planner.cli as cli

    original = cli._internal_error

    def located(exc: BaseException) -> int:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/planner/" in f.filename]
        if frames:
            f = frames[-1]
            _WHERE.append(f"{f.filename.split('/planner/')[-1]}:{f.lineno} {f.name}")
        return original(exc)

    cli._internal_error = located


def _run(argv: list[str]) -> tuple[int, str, str, float]:
    from planner.cli import main

    _WHERE.clear()
    out, err = io.StringIO(), io.StringIO()
    began = time.process_time()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS * 3)  # wall clock on a shared machine; CPU time is checked below
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    except Hang:
        code = -999
    finally:
        signal.alarm(0)
    where = f"  [at planner/{_WHERE[-1]}]" if _WHERE else ""
    return code, out.getvalue(), err.getvalue() + where, time.process_time() - began


def _bad_output(kind: str, code: int, out: str, err: str, cpu: float) -> list[str]:
    problems = []
    text = out + err
    if code == -999 or cpu > HANG_SECONDS:
        problems.append(f"{kind}: hang ({cpu:.1f} s CPU)")
    elif code not in (0, 1, 2) or (kind == "import" and code == 1):
        problems.append(f"{kind}: exit code {code}")
    if "internal error" in text:
        line = next(x for x in text.splitlines() if "internal error" in x)
        at = re.search(r"\[at planner/[^\]]*\]", err)
        problems.append(f"{kind}: {line[:200]}{' ' + at.group(0) if at else ''}")
    if "Traceback" in text:
        problems.append(f"{kind}: traceback")
    warning = re.search(r"[^\n]*\w+Warning\b[^\n]*", err)
    if warning:
        problems.append(f"{kind}: warning {warning.group(0)[:160]}")
    if code == 2 and not err.strip():
        problems.append(f"{kind}: exit 2 with nothing on stderr")
    return problems


def _check_oracle(plan_path: Path, expect: dict[str, dict[str, float]], report: str) -> list[str]:
    data = json.loads(plan_path.read_text(encoding="utf-8"))
    problems = []
    by_title = {d.get("title"): d for d in data.get("decisions", [])}
    for line_no, (title, want) in enumerate(expect.items(), start=2):
        d = by_title.get(title)
        if d is None:
            if f"line {line_no}" not in report:
                problems.append(f"oracle: row {title!r} missing with no report line")
            continue
        dur = d.get("duration")
        likely = dur.get("likely") if isinstance(dur, dict) else dur
        actual = d.get("actual_start")
        start = dt.date.fromisoformat(data["start_date"]) if data.get("start_date") else None
        got = {
            "cost": d.get("cost"),
            "duration": likely,
            "progress": d.get("progress", 0),
            # an actual date on the plan's weeks: a date at its calendar place, else weeks
            "actual_start": (dt.date.fromisoformat(actual) - start).days / 7
            if isinstance(actual, str) and start is not None
            else actual,
            "actual_day": dt.date.fromisoformat(actual).toordinal() if isinstance(actual, str) else actual,
        }
        for key, value in want.items():
            g = got[key]
            if key == "duration" and d.get("milestone") and value == 0:
                continue
            if key == "actual_start":
                # another tool's actual date sits where its working days (Monday to Friday from the plan start)
                # put it, as the durations count: 20 weeks for Sun 23 May 2027 after Mon 4 Jan, as its Monday
                cell = dt.date.fromordinal(int(value))
                value = max(0, int(np.busday_count(start, cell))) / 5 if start is not None else float("nan")
            if g is None or not math.isclose(float(g), value, rel_tol=1e-6, abs_tol=1e-6):
                said = any(f"line {line_no}" in x and key in x for x in report.splitlines())
                shown = f"{value!r}"
                if key == "actual_start":
                    shown = f"{cell.isoformat()!r}, week {value:g} of the plan"
                elif key == "actual_day":
                    g = dt.date.fromordinal(int(g)).isoformat() if isinstance(g, int) else g
                    shown = repr(dt.date.fromordinal(int(value)).isoformat())
                problems.append(
                    f"oracle{'' if not said else ' (reported)'}: {key} read as {g!r}, the cell says {shown}"
                )
    return problems


def run_case(
    seed: int, folder: Path, subprocess_every: int, formats: tuple[str, ...] = FORMATS
) -> tuple[str, list[str], int]:
    fmt, path, expect = make_case(seed, folder, formats)
    out_path = folder / f"out{seed}.plan.json"
    problems: list[str] = []
    code, out, err, cpu = _run(["import", str(path), "-o", str(out_path)])
    problems += _bad_output("import", code, out, err, cpu)
    if code == 2 and out_path.exists():
        problems.append("import: exit 2 but the output file was written")
    if subprocess_every and seed % subprocess_every == 0:
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "planner", "import", str(path), "-o", str(folder / "sub.plan.json")],
                capture_output=True, text=True, timeout=60, cwd=folder,
            )  # fmt: skip
            problems += _bad_output("subprocess import", proc.returncode, proc.stdout, proc.stderr, 0.0)
            if proc.returncode != code:
                problems.append(f"subprocess import: exit {proc.returncode}, in-process {code}")
        except subprocess.TimeoutExpired:
            problems.append("subprocess import: hang (60 s wall)")
    if code == 0 and out_path.exists():
        ccode, cout, cerr, ccpu = _run(["check", str(out_path)])
        problems += _bad_output("check", ccode, cout, cerr, ccpu)
        if ccode == 2:
            problems.append(f"check: the imported plan does not load back: {cerr.strip()[:200]}")
        elif ccode == 1:
            errors = sorted(set(re.findall(r"ERROR\s+\[([\w-]+)\]", cout + cerr)))
            problems.append(f"check exit 1 (the imported plan has validation errors: {', '.join(errors)})")
        if expect is not None:
            with contextlib.suppress(ValueError, OSError):
                problems += _check_oracle(out_path, expect, out)
    elif code == 0:
        problems.append("import: exit 0 but no output file")
    with contextlib.suppress(OSError):
        out_path.unlink()
    return fmt, problems, code


def _key(problem: str) -> str:
    """A problem's kind: the message with its numbers, quoted values and paths blurred (not where it was raised)."""
    at = re.search(r" \[at [^\]]*\]", problem)
    if at:
        return _key(problem[: at.start()]) + re.sub(r":\d+", "", at.group(0))
    text = re.sub(r"case\d+\.\w+|out\d+\.plan\.json|/[^\s:']+", "FILE", problem)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    return re.sub(r"\d+(\.\d+)?", "N", text)[:150]


def work(
    args: tuple[int, int, int, str | None, tuple[str, ...]],
) -> tuple[dict[str, int], dict[str, int], list[tuple[int, str, str]]]:
    first, count, subprocess_every, keep, formats = args
    import planner.cli as cli
    from planner.cli import build_parser

    parser = build_parser()
    cli.build_parser = lambda: parser  # the on-demand script only: argparse built once per process
    _locate_internal_errors()
    per_format: collections.Counter[str] = collections.Counter()
    problems: collections.Counter[str] = collections.Counter()
    examples: list[tuple[int, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for seed in range(first, first + count):
            fmt, found, code = run_case(seed, folder, subprocess_every, formats)
            per_format[fmt] += 1
            per_format[f"{fmt} exit {code}"] += 1
            for p in found:
                key = f"[{fmt}] {_key(p)}"
                problems[key] += 1
                if problems[key] == 1:
                    examples.append((seed, key, p[:400]))
                    if keep:
                        src = next(folder.glob(f"case{seed}.*"))
                        shutil.copy(src, Path(keep) / src.name)
            for leftover in folder.glob(f"case{seed}.*"):
                leftover.unlink()
    return dict(per_format), dict(problems), examples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--seed", type=int, default=0, help="first seed (case k uses seed + k; its format is seed %% 4)"
    )
    ap.add_argument("--chunk", type=int, default=200)
    ap.add_argument(
        "--subprocess-every", type=int, default=500, help="also run every Nth case as a subprocess"
    )
    ap.add_argument("--keep", metavar="DIR", help="copy the first file of each kind of problem to DIR")
    ap.add_argument("--write", metavar="DIR", help="only write the files of the cases to DIR (no import)")
    ap.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help=f"comma-separated formats to generate (default {','.join(FORMATS)}; also {', '.join(EXTRA_FORMATS)}); "
        "case k's format is formats[(seed + k) %% len(formats)]",
    )
    args = ap.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS + EXTRA_FORMATS]
    if unknown or not formats:
        ap.error(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS + EXTRA_FORMATS)}"
        )
    if args.write:
        Path(args.write).mkdir(parents=True, exist_ok=True)
        for seed in range(args.seed, args.seed + args.cases):
            make_case(seed, Path(args.write), formats)
        return 0
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
    chunks = [
        (args.seed + k, min(args.chunk, args.cases - k), args.subprocess_every, args.keep, formats)
        for k in range(0, args.cases, args.chunk)
    ]
    done = 0
    per_format: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    start = time.perf_counter()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with mp.get_context("spawn").Pool(args.workers) as pool:
        for fmts, problems, examples in pool.imap_unordered(work, chunks):
            per_format.update(fmts)
            done += sum(v for k, v in fmts.items() if " " not in k)
            total.update(problems)
            for seed, key, text in examples:
                print(f"  case {seed} {key}\n      {text}", flush=True)
            rate = done / (time.perf_counter() - start)
            print(f"{done:>7} cases, {sum(total.values())} problems ({rate:.0f} cases/s)", flush=True)
    print(
        f"\n{done} cases in {time.perf_counter() - start:.0f} s: "
        + ", ".join(f"{k} {v}" for k, v in sorted(per_format.items()))
    )
    print(f"load average {os.getloadavg()[0]:.1f}")
    if not total:
        print("no problems")
        return 0
    print("problems by kind (count):")
    for key, count in total.most_common():
        print(f"  {count:>6}  {key}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
