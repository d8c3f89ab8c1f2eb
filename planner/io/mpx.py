"""MS Project's exchange format (MPX 4.0, ``.mpx``): import, and an export written from the MS Project XML one.

MPX is the ASCII format MS Project 4.0 to 98 wrote, still written by MPXJ-based tools and Primavera SureTrak. A
file is a list of records, one a line, fields split by the delimiter the first line names (``MPX,`` or ``MPX;``);
a field holding the delimiter is quoted, with a quote inside doubled. Each record starts with its number:

- the first line, ``MPX,<program>,<version>,<code page>``: the text is decoded by that code page (ANSI = cp1252,
  MAC, 850, 437);
- 10 currency (symbol, thousands and decimal separators), 11 defaults (hours per day, hours per week), 12 date and
  time settings (day/month/year order, separators, AM/PM text): how every number, date and duration below is
  written. German files write ``50t`` for 50 days, ``10EA+1t`` for finish-to-start, ``Ja``/``Nein`` and ``NV``;
- 20 base calendar (working weekdays), 25 its working hours, 26 its exceptions;
- 30 the project (name, calendar, start and finish);
- 40/41 and 60/61: the field numbers of the resource (50) and task (70) records that follow, in their order;
- 50 resource, 70 task, 71 the task's notes, 75 an assignment of a resource to the task above.

Tasks become an :class:`~planner.io.outline.Outline` (the outline from each task's Outline Level; summaries become
structure), read the way :mod:`planner.io.mspdi` reads MS Project XML: durations in working weeks of the project
calendar, stored dates as working time from the project start, ``Predecessors`` (``2FS+3d``, by task ID) as links.
Whatever is wrong with a file (its records out of order, an unknown record, an unreadable date or duration, a cut-off
last record) is refused with the file, the line and what to do.

:func:`export_mpx` writes the tasks :func:`planner.io.mspdi.export_mspdi` works out as MPX records, in English and
ANSI, as MS Project 98 writes them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import os
import re
from dataclasses import dataclass, field

from planner.io.common import (
    DEFAULT_MINUTES_PER_DAY,
    DEFAULT_MINUTES_PER_WEEK,
    ELAPSED_MINUTES_PER_WEEK,
    NO_TASKS,
    IdMaker,
    ImportReport,
    InteropError,
    WorkCalendar,
    ansi_bytes,
    num_text,
    read_limited,
    report_custom_values,
    report_days_off,
    report_inserted_project,
    report_own_working_time,
    report_priorities,
    report_resource_notes,
    slug,
    some,
)
from planner.io.mspdi import (
    CURRENCY_SCALE,
    _calendar_week,
    _in_outline_order,
    carry_constraint,
    parse_pt_minutes,
)
from planner.io.outline import (
    Outline,
    SourceLink,
    SourceTask,
    exact_actual,
    report_durations_from_dates,
    resume_after_part_done,
)
from planner.io.table import currency_of
from planner.model.limits import MAX_CAPACITY, MAX_COST, MAX_HEADCOUNT, MAX_WEEKS
from planner.model.plan import DependencyType, Plan, Team
from planner.units import agree, count, format_date, format_weeks, quoted

CODE_PAGES = {"ANSI": "cp1252", "MAC": "mac_roman", "850": "cp850", "437": "cp437", "ZH": "gbk"}
"""The code pages MPX names (and Windows code pages by number, ``1250`` ... ``1258``)."""

RECORDS = {
    0: "comment",
    10: "currency settings",
    11: "default settings",
    12: "date and time settings",
    20: "base calendar",
    25: "base calendar hours",
    26: "base calendar exception",
    30: "project header",
    40: "resource field names",
    41: "resource field numbers",
    50: "resource",
    51: "resource notes",
    55: "resource calendar",
    56: "resource calendar hours",
    57: "resource calendar exception",
    60: "task field names",
    61: "task field numbers",
    70: "task",
    71: "task notes",
    72: "recurring task",
    75: "resource assignment",
    76: "resource assignment workgroup fields",
    80: "project names",
    81: "DDE and OLE client links",
}
"""The record numbers of MPX 4.0."""

_SETTINGS = (10, 11, 12)
_NEEDS = {  # record -> the record that must come before it
    25: 20,
    26: 20,
    50: 41,
    51: 50,
    55: 50,
    56: 55,
    57: 55,
    70: 61,
    71: 70,
    72: 70,
    75: 70,
    76: 75,
}

# Units of durations and lags in English and German files: (minutes of one, elapsed). Working units scale with the
# file's hours per day and week (record 11); a month is 20 working days (MS Project's default), a year 52 weeks.
_UNIT_WORDS = {
    "minutes": ("m", "min", "mins", "minute", "minutes"),
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "days": ("d", "day", "days", "t"),
    "weeks": ("w", "wk", "wks", "week", "weeks"),
    "months": ("mo", "mon", "mons", "month", "months"),
    "years": ("y", "yr", "yrs", "year", "years"),
    "percent": ("%",),
    "e-minutes": ("em", "emin", "emins", "fm"),
    "e-hours": ("eh", "ehr", "ehrs", "fh"),
    "e-days": ("ed", "eday", "edays", "ft"),
    "e-weeks": ("ew", "ewk", "ewks", "fw"),
    "e-months": ("emo", "emon", "emons", "fmon"),
    "e-years": ("ey", "eyr", "eyrs", "fy"),
    "e-percent": ("e%", "f%"),
}
_UNIT_OF = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_ELAPSED_MINUTES = {
    "e-minutes": 1.0,
    "e-hours": 60.0,
    "e-days": 1440.0,
    "e-weeks": 10080.0,
    "e-months": 43200.0,
    "e-years": 525600.0,
}
_DEFAULT_UNITS = ("minutes", "hours", "days", "weeks")  # record 11's default duration units, by number

RELATIONS = {
    "FS": DependencyType.FS,
    "SS": DependencyType.SS,
    "FF": DependencyType.FF,
    "SF": DependencyType.SF,
    "EA": DependencyType.FS,  # German: Ende-Anfang
    "AA": DependencyType.SS,
    "EE": DependencyType.FF,
    "AE": DependencyType.SF,
}
_YES = {"yes", "ja", "1", "true"}
_NONE = {"", "na", "nv"}  # MS Project's "not available" (German: "nicht verfügbar")
CONSTRAINT_NAMES = {
    name.casefold(): code
    for code, names in enumerate(
        (
            ("As Soon As Possible", "So früh wie möglich"),
            ("As Late As Possible", "So spät wie möglich"),
            ("Must Start On", "Muss anfangen am"),
            ("Must Finish On", "Muss enden am"),
            ("Start No Earlier Than", "Anfang nicht früher als"),
            ("Start No Later Than", "Anfang nicht später als"),
            ("Finish No Earlier Than", "Ende nicht früher als"),
            ("Finish No Later Than", "Ende nicht später als"),
        )
    )
    for name in names
}
"""MPX writes a constraint type by its name in the file's language; the number is MS Project's (as in MSPDI)."""
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        zip(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"],
            strict=True,
        )
    )
    for m in names
}

# Task fields (the numbers of records 61 and 41)
T_NAME, T_WBS, T_LEVEL, T_NOTES, T_COST = 1, 2, 3, 14, 30
T_DURATION, T_BASELINE_DURATION, T_ACTUAL_DURATION, T_REMAINING_DURATION, T_PERCENT = 40, 41, 42, 43, 44
T_START, T_FINISH, T_BASELINE_START, T_BASELINE_FINISH, T_ACTUAL_START, T_ACTUAL_FINISH = (
    50,
    51,
    56,
    57,
    58,
    59,
)
T_CONSTRAINT_DATE, T_PREDECESSORS, T_RESOURCE_NAMES, T_UID_PREDECESSORS = 68, 70, 72, 74
T_MILESTONE, T_ID, T_CONSTRAINT_TYPE, T_DELAY, T_UID, T_OUTLINE_NUMBER = 81, 90, 91, 92, 98, 99
T_SUBPROJECT_FILE = 96
T_PRIORITY = 95  # Lowest ... Medium (the default) ... Highest, Do Not Level
R_NAME, R_ID, R_MAX_UNITS, R_RATE, R_OVERTIME_RATE, R_PER_USE, R_UID = 1, 40, 41, 42, 43, 44, 49
CUSTOM_TASK_FIELDS = {
    **{4 + i: f"Text{i + 1}" for i in range(10)},
    36: "Cost1",
    37: "Cost2",
    38: "Cost3",
    46: "Duration1",
    47: "Duration2",
    48: "Duration3",
    **{110 + i: f"Flag{i + 1}" for i in range(10)},
    **{140 + i: f"Number{i + 1}" for i in range(5)},
    **{
        n: f"{what}{k + 1}"
        for k, pair in enumerate(((60, 61), (62, 63), (64, 65), (126, 127), (128, 129)))
        for n, what in zip(pair, ("Start", "Finish"), strict=True)
    },
}
"""MS Project 98's custom task fields by their MPX field numbers (record 61), named as MS Project names them in
English. MS Project writes every one of them on every task, empty ones as ``0d``, ``No``, ``0``, ``NA`` or nothing."""


@dataclass
class _Settings:
    """How the file writes numbers, dates and durations (records 10, 11 and 12; MS Project's defaults until then)."""

    thousands: str = ","
    decimal: str = "."
    currency: str = ""
    minutes_per_day: int = DEFAULT_MINUTES_PER_DAY
    minutes_per_week: int = DEFAULT_MINUTES_PER_WEEK
    default_unit: str = "days"
    date_order: int = 1  # 0 month/day/year, 1 day/month/year, 2 year/month/day
    date_separator: str = "/"
    time_separator: str = ":"
    am: str = "am"
    pm: str = "pm"


@dataclass
class _Task:
    line: int
    fields: dict[int, str]
    notes: list[str] = field(default_factory=list)
    assignments: list[tuple[str, float, int]] = field(default_factory=list)  # (resource ID, units, line)


OWN_CREATOR = "Scaling Roadmap Planner"
"""The program the planner's own MPX names in its first record."""


class _Reader:
    """Reads one MPX file; every refusal names the file and the line."""

    def __init__(self, path: str | os.PathLike[str], report: ImportReport) -> None:
        self.path = path
        self.report = report
        self.s = _Settings()
        self.seen: dict[str, tuple[dt.date, int | None]] = {}  # dates read so far (tasks share them)

    def fail(self, line: int, problem: str, hint: str = "save the file again from its tool") -> InteropError:
        return InteropError(self.path, problem, line=line, hint=hint)

    # -- values ----------------------------------------------------------------------------------------------------
    def number(self, text: str, line: int, what: str) -> float | None:
        """A number as the file writes it (its decimal and thousands separators, a currency symbol, a unit such as
        ``/h`` or ``%``); None for nothing (``NA``)."""
        t = text.strip()
        if t.casefold() in _NONE:
            return None
        if self.s.currency:
            t = t.replace(self.s.currency, "")
        t = re.sub(r"/\w+$|%$", "", t).strip()
        if self.s.thousands and self.s.thousands != self.s.decimal:
            t = t.replace(self.s.thousands, "")
        t = t.replace(self.s.decimal, ".")
        if not re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)", t):
            raise self.fail(line, f"{what}: {quoted(text)} is not a number")
        return float(t)

    def minutes(self, number: float, unit: str) -> tuple[float, bool]:
        """Minutes of ``number`` ``unit``s and whether they are elapsed (calendar) time."""
        if unit in _ELAPSED_MINUTES:
            return number * _ELAPSED_MINUTES[unit], True
        day, week = self.s.minutes_per_day, self.s.minutes_per_week
        per = {
            "minutes": 1.0,
            "hours": 60.0,
            "days": day,
            "weeks": week,
            "months": 20.0 * day,
            "years": 52.0 * week,
        }
        return number * per[unit], False

    _SPAN = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*([^\d\s?]*)\s*\??$")

    def span(self, text: str, line: int, what: str, *, percent: bool = False) -> tuple[float, str] | None:
        """A duration or lag as written (``5d``, ``2w``, ``3.5ed``, ``1,5t``, ``5d?`` estimated, ``50%`` for a lag):
        (number, unit); None for nothing."""
        t = text.strip()
        if t.casefold() in _NONE:
            return None
        m = self._SPAN.match(t)
        unit = _UNIT_OF.get(m.group(2).casefold() if m else "") if m and m.group(2) else None
        if m and not m.group(2):
            unit = self.s.default_unit
        if m is None or unit is None or (unit.endswith("percent") and not percent):
            raise self.fail(
                line,
                f"{what}: cannot read {quoted(text)} as a duration (a number and a unit such as 5d, 2w, 8h, 3ed)",
                hint="the file may be in a language this import does not read: save it from MS Project as MPX in "
                "English or German, or as MS Project XML (*.xml)",
            )
        number = float(m.group(1).replace(",", "."))
        if not math.isfinite(number):
            raise self.fail(line, f"{what}: {quoted(text)} is not a finite duration")
        return number, unit

    def weeks(self, number: float, unit: str, mpw: int, line: int, what: str) -> tuple[float, bool]:
        """Working weeks (calendar weeks when elapsed) of a span; refused beyond what a plan takes."""
        minutes, elapsed = self.minutes(number, unit)
        weeks = minutes / (ELAPSED_MINUTES_PER_WEEK if elapsed else mpw)
        if abs(weeks) > MAX_WEEKS:
            raise self.fail(
                line,
                f"{what} is {format_weeks(abs(weeks))} weeks, more than the {MAX_WEEKS:,.0f} weeks a plan takes",
                hint="fix the duration in the authoring tool and export again",
            )
        return weeks, elapsed

    def flag(self, text: str) -> bool:
        return text.strip().casefold() in _YES

    _TIME = re.compile(r"(\d{1,2})\s*[:.h]\s*(\d{2})\s*([^\W\d_]+\.?\s*[^\W\d_]*\.?)?", re.UNICODE)

    def time_of_day(self, text: str) -> int | None:
        """Minutes since midnight of ``08:00``, ``8:00am``, ``05:00 PM`` (None when it is not a time)."""
        t = text.strip()
        if self.s.time_separator not in ":.":
            t = t.replace(self.s.time_separator, ":")
        m = self._TIME.fullmatch(t)
        if not m:
            return None
        hour, minute = int(m.group(1)), int(m.group(2))
        suffix = (m.group(3) or "").replace(".", "").replace(" ", "").casefold()
        if suffix:
            pm = suffix in ("pm", self.s.pm.casefold().replace(".", "").replace(" ", ""))
            am = suffix in ("am", self.s.am.casefold().replace(".", "").replace(" ", ""))
            if not (am or pm) or not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if pm else 0)
        if hour > 24 or minute > 59 or (hour == 24 and minute):
            return None
        return hour * 60 + minute

    def moment(self, text: str, line: int, what: str) -> tuple[dt.date, int | None] | None:
        """A date as the file writes it (``Fri 17/10/14``, ``Di 07.01.03``, ``17/10/2014 08:00``, ``Jan 17 '14``),
        with its time of day in minutes when it has one; None for nothing (``NA``)."""
        t = text.strip()
        if t in self.seen:
            return self.seen[t]
        if t.casefold() in _NONE:
            return None
        key, minute = t, None
        tm = re.search(
            r"\d{1,2}\s*[" + re.escape(self.s.time_separator) + r":]\s*\d{2}(?:\s*[^\W\d_]+\.?)?$", t
        )
        if tm and tm.start() > 0:
            minute = self.time_of_day(tm.group(0))
            if minute is not None:
                t = t[: tm.start()]
        numbers: list[str] = []
        month = None
        for token in re.findall(r"\d+|[^\W\d_]+", t):
            if token.isdecimal():
                numbers.append(token)
            elif token[:3].casefold() in _MONTHS and month is None and len(token) >= 3:
                month = _MONTHS[token[:3].casefold()]
        try:
            if month is None and len(numbers) == 3:
                order = ((0, 1, 2), (1, 0, 2), (1, 2, 0))[self.s.date_order]  # (month, day, year) positions
                m_, d_, y_ = (numbers[i] for i in order)
                day = dt.date(_year(y_), int(m_), int(d_))
            elif month is not None and len(numbers) == 2:
                d_, y_ = numbers if self.s.date_order != 2 else numbers[::-1]
                if len(d_) == 4:
                    d_, y_ = y_, d_
                day = dt.date(_year(y_), month, int(d_))
            else:
                raise ValueError
        except (ValueError, OverflowError):
            raise self.fail(
                line,
                f"{what}: cannot read {quoted(text)} as a date ("
                + ("month/day/year", "day/month/year", "year/month/day")[self.s.date_order]
                + " as the file's date settings say)",
            ) from None
        if not 1900 <= day.year <= 2200:  # MS Project's own dates run from 1984 to 2149
            raise self.fail(
                line, f"{what}: {quoted(text)} is in the year {day.year}, not a date of a project"
            )
        self.seen[key] = (day, minute)
        return day, minute

    def limited(self, value: float | None, most: float, line: int, what: str) -> float | None:
        """``value`` when a plan can take it (0 to ``most``), else a refusal naming the line."""
        if value is not None and not 0 <= value <= most:
            raise self.fail(
                line,
                f"{what} is {value:,.6g}, outside the 0 to {most:,.0f} a plan takes",
                hint="fix the value in the authoring tool and export again",
            )
        return value


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # two digits: 69-99 are 1969-1999, 00-68 2000-2068 (as strptime's %y)
        year += 1900 if year >= 69 else 2000
    return year


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The file's records with their line numbers (blank lines dropped)."""
    out = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    line = 0
    while True:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InteropError(None, f"line {reader.line_num}: {exc}") from None
        line = before + 1
        if reader.line_num > line:  # MPX keeps a record on one line: a quote left open swallowed the rest
            raise InteropError(
                None,
                f"a quoted field opened on line {line} is not closed on that line (MPX keeps each record on one "
                "line): the file is damaged or truncated",
            )
        if any(cell.strip() for cell in row):
            out.append((line, row))
    return out


def _decode(raw: bytes, path: str | os.PathLike[str], report: ImportReport) -> tuple[str, str]:
    """The file's text (decoded by the code page its first line names) and its delimiter."""
    if not raw.strip():
        raise InteropError(path, "the file is empty", hint="export the project from its tool again")
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InteropError(
            path,
            "this is a binary MS Project file (.mpp) with an .mpx name, not the MPX exchange format",
            hint="in MS Project, File > Save As > XML Format (*.xml), and import the .xml",
        )
    utf8 = raw.startswith(codecs.BOM_UTF8)
    if utf8:
        raw = raw[len(codecs.BOM_UTF8) :]
    if not raw.startswith(b"MPX") or len(raw) < 4 or raw[3:4] in (b"\r", b"\n") or raw[3:4].isalnum():
        first = raw.split(b"\n", 1)[0][:40].decode("latin-1", "replace").strip()
        raise InteropError(
            path,
            f"not an MPX file: it starts with {quoted(first)}, not with 'MPX' and the field delimiter",
            line=1,
            hint="MPX files are what MS Project 98 and MPXJ write as 'MPX (*.mpx)'; for a binary file or another "
            "format, save it from its tool as MS Project XML (*.xml)",
        )
    if b"\x00" in raw[:4096]:
        raise InteropError(
            path, "the file holds binary data (NUL bytes): it is not an MPX text file", hint="export it again"
        )
    delimiter = raw[3:4].decode("latin-1")
    header = raw.split(b"\n", 1)[0].decode("latin-1").strip().split(delimiter)
    page = header[3].strip().upper() if len(header) > 3 else "ANSI"
    encoding = (
        "utf-8" if utf8 else CODE_PAGES.get(page) or (f"cp{page}" if re.fullmatch(r"125\d", page) else None)
    )
    if encoding is None:
        report.add("format", f"unknown code page {quoted(page)}: the text is read as ANSI (Windows-1252)")
        encoding = "cp1252"
    text = raw.decode(encoding, "replace")
    if "\ufffd" in text and "\ufffd".encode(encoding, "ignore") not in raw:
        report.add(
            "format",
            f"some bytes are not characters of the file's code page ({page}); they are shown as U+FFFD",
        )
    return text, delimiter


@dataclass
class _Calendar:
    name: str
    line: int
    days: list[str]  # Sunday first: 0 not working, 1 working
    hours: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # weekday (Monday 0) -> spans
    off: list[tuple[dt.date, dt.date, bool, int]] = field(default_factory=list)  # from, to, working, line


class _File:
    """The records of one file, read in order (:meth:`scan`), then turned into an outline (:meth:`outline`)."""

    def __init__(self, r: _Reader, delimiter: str) -> None:
        self.r = r
        self.delimiter = delimiter
        self.calendars: dict[str, _Calendar] = {}
        self.calendar_now: _Calendar | None = None
        self.project: list[str] = []
        self.project_line = 0
        self.resource_model: list[int] = []
        self.task_model: list[int] = []
        self.resources: list[tuple[int, dict[int, str]]] = []
        self.tasks: list[_Task] = []
        self.ignored: dict[int, int] = {}
        # each resource's calendar (records 55-57): its base calendar, and whether it has time of its own
        self.resource_calendars: dict[int, tuple[str, bool]] = {}
        self.resource_notes: set[int] = set()  # the resources (by position) with notes (record 51)
        # the planner's own export (its name in the first record): a pause of its started work is the plan's (a
        # not_before or a predecessor it writes too), not one to carry as a resume
        self.own = False

    # -- records --------------------------------------------------------------------------------------------------
    def scan(self, records: list[tuple[int, list[str]]]) -> None:
        r = self.r
        seen: set[int] = set()
        content_started = 0
        for line, row in records[1:]:
            head = row[0].strip()
            if not head.isdecimal():
                raise r.fail(
                    line,
                    f"{quoted(head[:20])} is not an MPX record number (each line starts with a number such as 70 for a "
                    "task)",
                    hint="the file is damaged or not an MPX file: export it again",
                )
            kind = int(head)
            if kind not in RECORDS:
                raise r.fail(
                    line,
                    f"record number {kind} is not one of MPX 4.0's record types",
                    hint="the file is damaged or written in another MPX version: save it again from its tool",
                )
            need = _NEEDS.get(kind)
            if need is not None and need not in seen:
                raise r.fail(
                    line,
                    f"a {RECORDS[kind]} record ({kind}) comes before any {RECORDS[need]} record ({need}) it "
                    "belongs to: the records are out of order",
                )
            if kind in _SETTINGS and content_started:
                raise r.fail(
                    line,
                    f"the {RECORDS[kind]} ({kind}) come after records that are written in them (line "
                    f"{content_started}): the records are out of order",
                )
            if kind in (30, 50, 70) and not content_started:
                content_started = line
            seen.add(kind)
            values = [v.strip() for v in row[1:]]
            handler = getattr(self, f"_record_{kind}", None)
            if handler is not None:
                handler(line, values)
            elif kind == 72:
                self.ignored[kind] = self.ignored.get(kind, 0) + 1

    def _record_10(self, line: int, v: list[str]) -> None:
        s = self.r.s
        s.currency, s.thousands, s.decimal = _at(v, 0), _at(v, 3) or ",", _at(v, 4) or "."
        if s.decimal == s.thousands:
            raise self.r.fail(line, f"the decimal and thousands separators are both {quoted(s.decimal)}")

    def _record_11(self, line: int, v: list[str]) -> None:
        s = self.r.s
        units = _at(v, 0)
        if units.isdecimal() and int(units) < len(_DEFAULT_UNITS):
            s.default_unit = _DEFAULT_UNITS[int(units)]
        day = self.r.number(_at(v, 3), line, "hours per day")
        week = self.r.number(_at(v, 4), line, "hours per week")
        if day is not None and 0 < day <= 24:
            s.minutes_per_day = round(day * 60)
        if week is not None and 0 < week <= 168:
            s.minutes_per_week = round(week * 60)

    def _record_12(self, line: int, v: list[str]) -> None:
        s = self.r.s
        s.date_order = int(_at(v, 0)) if _at(v, 0) in ("0", "1", "2") else 1
        s.date_separator = _at(v, 3) or "/"
        s.time_separator = _at(v, 4) or ":"
        s.am, s.pm = _at(v, 5) or "am", _at(v, 6) or "pm"
        self.r.seen.clear()  # dates read before (a calendar exception) were read in the default settings

    def _record_20(self, line: int, v: list[str]) -> None:
        self.calendar_now = _Calendar(_at(v, 0), line, [_at(v, i) for i in range(1, 8)])
        self.calendars.setdefault(self.calendar_now.name, self.calendar_now)

    def _record_25(self, line: int, v: list[str]) -> None:
        r, day = self.r, _at(v, 0)
        if not (day.isdecimal() and 1 <= int(day) <= 7):
            raise r.fail(line, f"calendar hours: {quoted(day)} is not a day number (1 Sunday to 7 Saturday)")
        spans = []
        for k in range(1, len(v), 2):
            if not _at(v, k) and not _at(v, k + 1):
                continue
            a, b = r.time_of_day(_at(v, k)), r.time_of_day(_at(v, k + 1))
            if a is None or b is None or a >= 1440:
                raise r.fail(
                    line, f"calendar hours: {quoted(_at(v, k))} to {quoted(_at(v, k + 1))} is not a time span"
                )
            spans.append((a, b if b > a else 1440))  # 23:00-00:00 runs to midnight
        assert self.calendar_now is not None
        self.calendar_now.hours[(int(day) + 5) % 7] = sorted(spans)  # 1 = Sunday -> Monday = 0

    def _record_26(self, line: int, v: list[str]) -> None:
        a = self.r.moment(_at(v, 0), line, "calendar exception start")
        b = self.r.moment(_at(v, 1), line, "calendar exception finish") or a
        if a is not None and b is not None and self.calendar_now is not None:
            self.calendar_now.off.append((a[0], b[0], self.r.flag(_at(v, 2)), line))

    def _record_30(self, line: int, v: list[str]) -> None:
        self.project, self.project_line = v, line

    def _record_41(self, line: int, v: list[str]) -> None:
        self.resource_model = _model(v, self.r, line)

    def _record_50(self, line: int, v: list[str]) -> None:
        self.resources.append((line, dict(zip(self.resource_model, v, strict=False))))

    def _record_51(self, line: int, v: list[str]) -> None:
        if self.delimiter.join(v).strip():
            self.resource_notes.add(len(self.resources) - 1)

    def _record_55(self, line: int, v: list[str]) -> None:
        # its base calendar, then Sunday to Saturday: 2 (or nothing) works as the base calendar, 0 or 1 its own way
        own = any(_at(v, i) not in ("", "2") for i in range(1, 8))
        self.resource_calendars[len(self.resources) - 1] = (_at(v, 0), own)

    def _record_56(self, line: int, v: list[str]) -> None:
        self._resource_time_of_its_own()

    def _record_57(self, line: int, v: list[str]) -> None:
        self._resource_time_of_its_own()

    def _resource_time_of_its_own(self) -> None:
        """The resource calendar above has hours (56) or exceptions (57) of its own."""
        k = len(self.resources) - 1
        self.resource_calendars[k] = (self.resource_calendars.get(k, ("", True))[0], True)

    def _record_61(self, line: int, v: list[str]) -> None:
        self.task_model = _model(v, self.r, line)

    def _record_70(self, line: int, v: list[str]) -> None:
        self.tasks.append(_Task(line, dict(zip(self.task_model, v, strict=False))))

    def _record_71(self, line: int, v: list[str]) -> None:
        self.tasks[-1].notes.append(self.delimiter.join(v).replace("\x7f", "\n").strip())

    def _record_75(self, line: int, v: list[str]) -> None:
        units = self.r.number(_at(v, 1), line, "assignment units")
        units = 1.0 if units is None else units / 100.0 if _at(v, 1).endswith("%") else units
        units = self.r.limited(units, MAX_HEADCOUNT, line, "the assignment's units") or 0.0
        self.tasks[-1].assignments.append((_at(v, 0), max(0.0, units), line))

    # -- the outline ------------------------------------------------------------------------------------------------
    def proj(self, i: int) -> str:
        return _at(self.project, i)

    def outline(self, path: str | os.PathLike[str]) -> Outline:
        r, report = self.r, self.r.report
        if self.ignored.get(72):
            report.add(
                "format",
                f"{count(self.ignored[72], 'recurring task')}: the "
                f"{agree(self.ignored[72], 'recurrence is', 'recurrences are')} not carried, the occurrences in the "
                "file are",
            )
        if self.proj(6) == "1":
            report.add(
                "constraint",
                "the project is scheduled back from its finish date (MS Project's 'Schedule from: Project Finish "
                "Date'): the plan schedules forward from the start, each decision as soon as possible",
            )
        self._place()
        teams = self._teams()
        report_own_working_time(report, self._own_time())
        report_resource_notes(
            report,
            [
                f.get(R_NAME, "") or f"line {line}"
                for k, (line, f) in enumerate(self.resources)
                if k in self.resource_notes
            ],
        )
        self.custom_values: dict[str, int] = {}  # custom fields with values: values per field
        self.durations: dict[str, float] = {}
        self.key_of_id: dict[str, str] = {}
        self.line_of_key: dict[str, int] = {}
        self.pending: list[
            tuple[str, str, str, int, bool]
        ] = []  # successor, predecessors, where, line, by UID
        self.outside: list[str] = []  # predecessors naming no task of the file, left out (one report line)
        self.baseline: dict[str, tuple[float, float]] = {}
        self.from_dates: set[str] = set()  # tasks without a duration, timed by their dates
        self.timed = False  # whether any task's start or finish has a time of day (a date format with times)
        self.undated: set[str] = set()  # tasks without a duration or dates: milestones
        tasks: list[SourceTask] = []
        numbers: list[str | None] = []
        for t in self.tasks:
            task = self._task(t)
            if task is not None:
                tasks.append(task)
                numbers.append(t.fields.get(T_OUTLINE_NUMBER) or t.fields.get(T_WBS) or None)
        if T_OUTLINE_NUMBER in self.task_model:
            tasks = _in_outline_order(tasks, numbers, report)
        report_custom_values(report, self.custom_values)
        report_priorities(report, (t.fields.get(T_PRIORITY, "") for t in self.tasks), "Medium")
        finish = (
            self.at(r.moment(self.proj(5), self.project_line, "project finish date"), end=True)
            if self.project
            else None
        )
        if self.origin is not None and finish is not None:
            until = self.origin + dt.timedelta(days=math.ceil(max(0.0, finish) * 7) + 7)
            report_days_off(report, (h for h in self.calendar.holidays if self.origin <= h <= until))
        leaves = [t for i, t in enumerate(tasks) if i + 1 == len(tasks) or tasks[i + 1].level <= t.level]
        from_dates = sum(t.key in self.from_dates for t in leaves)  # (a summary's duration is its tasks')
        undated = [t.name for t in leaves if t.key in self.undated]
        report_durations_from_dates(report, from_dates)
        if undated:
            report.add(
                "duration",
                f"{count(len(undated), 'task')} {agree(len(undated), 'has', 'have')} neither a Duration nor a Start "
                f"and Finish: read as {agree(len(undated), 'a milestone', 'milestones')}: "
                + some(quoted(n) for n in undated),
            )
        if not tasks:
            report.add("format", NO_TASKS)
        return Outline(
            title=self.proj(0) or os.path.splitext(os.path.basename(str(path)))[0],
            format="mpx",
            start_date=self.origin,
            tasks=tasks,
            links=self._links(),
            outside=self.outside,
            teams=teams,
            currency=currency_of(r.s.currency) if r.s.currency else None,
            finish=finish,
            baseline=self.baseline,
            extra={
                "minutes_per_week": self.mpw,
                "minutes_per_day": r.s.minutes_per_day,
                # the grain of the file's finish: a whole working day when its dates have no time of day
                "whole_day": 0.0 if self.timed else r.s.minutes_per_day / self.mpw,
            },
        )

    def _place(self) -> None:
        """The project start (the header's, or the first task's when that is earlier, as read_mspdi), its calendar
        and the minutes of one of the plan's weeks."""
        r = self.r
        start = r.moment(self.proj(4), self.project_line, "project start date") if self.project else None
        starts = [
            m[0]
            for t in self.tasks
            if _level(t, r) > 0
            for k, what in ((T_START, "start"), (T_ACTUAL_START, "actual start"))
            for m in (r.moment(t.fields.get(k, ""), t.line, f"{_where(t)}: the {what}"),)
            if m is not None
        ]
        earliest = min(starts) if starts else None
        self.origin = start[0] if start else earliest
        if self.origin is not None and earliest is not None and earliest < self.origin:
            r.report.add(
                "schedule",
                f"the project's start date in the file ({format_date(self.origin)}) is after its first task's "
                f"start ({format_date(earliest)}): the plan starts there",
            )
            self.origin = earliest
        base = self.origin or dt.date.today()
        self.calendar = _calendar(self.calendars, self.proj(3) or "Standard", base, r.s.minutes_per_day, r)
        self.mpw = _calendar_week(self.calendar, r.s.minutes_per_week, r.report)
        self.origin_minutes = self.calendar.minutes_of_day_start(base)

    def at(self, m: tuple[dt.date, int | None] | None, *, end: bool) -> float | None:
        """Working weeks from the project start to a moment; a date without a time is the start of its day (with
        ``end``, the end of its working day)."""
        if m is None or self.origin is None:
            return None
        day, minute = m
        if minute is None:
            minutes = self.calendar.minutes_of_day_start(day + dt.timedelta(days=1) if end else day)
        else:
            minutes = self.calendar.minutes(
                dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
            )
        return (minutes - self.origin_minutes) / self.mpw

    def actual(self, m: tuple[dt.date, int | None] | None, *, end: bool) -> dt.date | float | None:
        """An actual date as the plan keeps it: its working-time position in the plan's weeks, a date when that is a
        whole day of them, else the weeks (:func:`exact_actual`, as read_mspdi)."""
        w = self.at(m, end=end)
        if m is None or w is None or self.origin is None:
            return None if m is None else m[0]
        return exact_actual(self.origin, max(0.0, w))

    def _own_time(self) -> list[str]:
        """The resources whose calendar has working time of its own: days, hours or exceptions of its own, or a base
        calendar that is not the project calendar and works another way (one that names the project calendar, or a
        copy of it, as its base loses nothing)."""
        project = self.calendars.get(self.proj(3) or "Standard")

        def week(c: _Calendar | None) -> object:
            return None if c is None else (c.days, c.hours, [o[:3] for o in c.off])

        names = []
        for k, (base, own) in sorted(self.resource_calendars.items()):
            if own or week(self.calendars.get(base)) != week(project):
                line, f = self.resources[k]
                names.append(f.get(R_NAME, "") or f"resource on line {line}")
        return names

    def _teams(self) -> list[Team]:
        r = self.r
        teams: list[Team] = []
        self.team_of: dict[str, str] = {}
        self.team_by_name: dict[str, str] = {}
        ids = IdMaker()
        for line, f in self.resources:
            name = f.get(R_NAME, "")
            if not name:
                continue
            key = f.get(R_ID, "") or f.get(R_UID, "")
            cap = r.number(f.get(R_MAX_UNITS, ""), line, "a resource's Max Units")
            if cap is not None and f.get(R_MAX_UNITS, "").endswith("%"):
                cap /= 100.0
            cap = r.limited(cap, MAX_CAPACITY, line, f"the Max Units of resource {quoted(name)}")
            tid = ids.make(slug(name, f"team-{key or line}"), f"team-{line}")
            teams.append(Team(id=tid, name=name, capacity=cap if cap is not None and cap >= 0 else None))
            self.team_of[key] = tid
            self.team_by_name.setdefault(name.casefold(), tid)
            rates = [
                r.number(f.get(k, ""), line, "a resource's rate")
                for k in (R_RATE, R_OVERTIME_RATE, R_PER_USE)
            ]
            if any(rates):
                r.report.add("cost", f"the rates of resource {quoted(name)} are not carried (task costs are)")
        return teams

    def _task(self, t: _Task) -> SourceTask | None:
        r, report, f, line = self.r, self.r.report, t.fields, t.line
        level = _level(t, r)
        tid, name = f.get(T_ID, ""), f.get(T_NAME, "")
        if level <= 0:
            return None  # the project summary task (ID 0)
        if not name and f.get(T_DURATION, "").casefold() in _NONE and f.get(T_START, "").casefold() in _NONE:
            report.add("format", "a blank task row is skipped", f"line {line}")
            return None
        key = f.get(T_UID, "") or tid or f"line-{line}"
        if key in self.line_of_key:
            raise r.fail(line, f"task unique ID {key} is used twice (first on line {self.line_of_key[key]})")
        self.line_of_key[key] = line
        if tid:
            if tid in self.key_of_id:
                raise r.fail(line, f"task ID {tid} is used twice")
            self.key_of_id[tid] = key
        where = _where(t)

        def moment(k: int, what: str) -> tuple[dt.date, int | None] | None:
            return r.moment(f.get(k, ""), line, f"{where}: the {what}")

        span = r.span(f.get(T_DURATION, ""), line, f"{where}: the duration")
        weeks, elapsed = r.weeks(*span, self.mpw, line, f"{where}: the duration") if span else (0.0, False)
        milestone = r.flag(f.get(T_MILESTONE, ""))
        start_at, finish_at = moment(T_START, "start"), moment(T_FINISH, "finish")
        start = self.at(start_at, end=False)
        finish = self.at(finish_at, end=not (milestone or (span is not None and weeks == 0)))
        # dates written without a time (MS Project 98's default 'Fri 17/10/14') are whole days: a duration within a
        # working day of them agrees with them (a 1-hour task starts and finishes on the same day)
        day_only = (
            start_at is not None and start_at[1] is None or finish_at is not None and finish_at[1] is None
        )
        self.timed = self.timed or any(m is not None and m[1] is not None for m in (start_at, finish_at))
        grain = r.s.minutes_per_day / self.mpw if day_only else 0.01
        actual_start = moment(T_ACTUAL_START, "actual start")
        if span is None and not milestone:
            # no Duration (a tool that writes only some fields): the working time between its dates, as read_mspdi
            weeks = max(0.0, finish - start) if start is not None and finish is not None else 0.0
            if start is None or finish is None:
                self.undated.add(key)
            else:
                self.from_dates.add(key)
        if elapsed and weeks > 0 and start is not None and finish is not None and actual_start is None:
            spanned = max(
                0.0, finish - start
            )  # calendar time: the working time it spans where the file has it
            if abs(spanned - weeks) > 0.005:
                report.add(
                    "duration",
                    f"an elapsed duration ({f.get(T_DURATION)}) is read as the working time it spans in the file, "
                    f"{format_weeks(spanned)} weeks (the plan has no calendar)",
                    where,
                )
                weeks = spanned
        elif (
            not milestone and weeks > 0 and start is not None and finish is not None and actual_start is None
        ) and abs((finish - start) - weeks) > grain + 1e-9:
            report.add(
                "duration",
                f"the duration ({f.get(T_DURATION)}, {format_weeks(weeks)} weeks) contradicts the task's own "
                f"dates ({format_weeks(finish - start)} working weeks apart); the duration is used",
                where,
            )
        self.durations[key] = weeks
        for what, w in (("start", start), ("finish", finish)):
            if w is not None and abs(w) > MAX_WEEKS:
                raise r.fail(
                    line,
                    f"{where}: the {what} is {format_weeks(abs(w))} working weeks from the project start, more than "
                    f"the {MAX_WEEKS:,.0f} weeks a plan spans",
                    hint="fix the date in the authoring tool and export again",
                )
        ctype_text = f.get(T_CONSTRAINT_TYPE, "")
        ctype = CONSTRAINT_NAMES.get(ctype_text.casefold(), 0 if ctype_text.casefold() in _NONE else -1)
        if ctype < 0:
            report.add("constraint", f"unknown constraint type {quoted(ctype_text)} is not carried", where)
        on = moment(T_CONSTRAINT_DATE, "constraint date")
        stored = moment(T_START if ctype == 5 else T_FINISH, "start or finish") if ctype in (5, 7) else None
        not_before = carry_constraint(
            report,
            where,
            max(ctype, 0),
            self.at(on, end=ctype in (3, 6, 7)),
            on[0] if on else None,
            milestone,
            weeks,
            stored[0] if stored else None,
        )
        if not_before is not None and not_before > MAX_WEEKS:
            raise r.fail(
                line,
                f"{where}: the constraint date is {format_weeks(not_before)} working weeks from the project start, "
                f"more than the {MAX_WEEKS:,.0f} weeks a plan spans",
                hint="fix the date in the authoring tool and export again",
            )
        delay = r.span(f.get(T_DELAY, ""), line, f"{where}: the levelling delay")
        if delay and delay[0] > 0:
            report.add("constraint", "a levelling delay is kept as the task's stored start", where)
        b_start = self.at(moment(T_BASELINE_START, "baseline start"), end=False)
        b_finish = self.at(moment(T_BASELINE_FINISH, "baseline finish"), end=True)
        if b_start is not None and b_finish is not None:
            self.baseline[key] = (b_start, b_finish)
        self._not_carried(f, where)
        cost = r.number(f.get(T_COST, ""), line, f"{where}: the cost")
        if cost is not None and cost > 0:
            r.limited(cost, MAX_COST, line, f"{where}: the cost")
        task = SourceTask(
            key=key,
            name=name,
            level=level,
            duration=weeks,
            milestone=milestone,
            start=start,
            finish=finish,
            progress=r.number(f.get(T_PERCENT, ""), line, f"{where}: the % complete") or 0.0,
            actual_start=self.actual(actual_start, end=False),
            actual_finish=self.actual(moment(T_ACTUAL_FINISH, "actual finish"), end=True),
            wbs=f.get(T_WBS, ""),
            notes="\n".join(n for n in [f.get(T_NOTES, "").replace("\x7f", "\n"), *t.notes] if n),
            cost=cost if cost and cost > 0 else None,
            not_before=not_before,
            # a levelling delay, or started work: its stored start is its history (as read_mspdi)
            fixed_start=bool(delay and delay[0] > 0) or actual_start is not None,
        )
        # MPX has no status date and no Resume: where MS Project runs the remaining work of started work
        task.resume = resume_after_part_done(task, self.at(actual_start, end=False), pauses=not self.own)
        self._assign(task, t, where)
        by_uid = T_PREDECESSORS not in f and T_UID_PREDECESSORS in f
        preds = f.get(T_UID_PREDECESSORS if by_uid else T_PREDECESSORS, "")
        if preds.casefold() not in _NONE:
            self.pending.append((key, preds, where, line, by_uid))
        return task

    def _not_carried(self, f: dict[int, str], where: str) -> None:
        """What the plan does not take of a task's fields: its custom field values (counted, reported together) and
        an inserted project's file."""
        for number, label in CUSTOM_TASK_FIELDS.items():
            if _holds_value(label, f.get(number, "")):
                self.custom_values[label] = self.custom_values.get(label, 0) + 1
        if f.get(T_SUBPROJECT_FILE, "").casefold() not in _NONE:
            report_inserted_project(self.r.report, f[T_SUBPROJECT_FILE], where)

    def _assign(self, task: SourceTask, t: _Task, where: str) -> None:
        """The task's resources: its assignment records (75), else its Resource Names (``A[50%],B``)."""
        for rid, units, line in t.assignments:
            team = self.team_of.get(rid)
            if team is None:
                self.r.report.add(
                    "resource",
                    f"an assignment names resource {rid}, which is not in the file",
                    f"line {line}",
                )
            else:
                task.resources.append((team, units))
        names = t.fields.get(T_RESOURCE_NAMES, "")
        if t.assignments or names.casefold() in _NONE:
            return
        for item in re.split(r"[,;]", names):
            m = re.fullmatch(r"\s*(.*?)\s*(?:\[(\d+(?:[.,]\d+)?)\s*(%?)\])?\s*", item)
            if not m or not m.group(1):
                continue
            named = self.team_by_name.get(m.group(1).casefold())
            if named is None:
                self.r.report.add(
                    "resource", f"resource {quoted(m.group(1))} is not in the file's resources", where
                )
                continue
            units = float((m.group(2) or "1").replace(",", "."))
            self.r.limited(
                units / 100.0 if m.group(3) else units, MAX_HEADCOUNT, t.line, f"{where}: the units"
            )
            task.resources.append((named, units / 100.0 if m.group(3) else units))

    def _links(self) -> list[SourceLink]:
        r = self.r
        links: list[SourceLink] = []
        for succ, text, where, line, by_uid in self.pending:
            for pred_id, ltype, lag_text in _predecessors(text, r, line, where):
                pred = pred_id if by_uid else self.key_of_id.get(pred_id)
                if pred is None or pred not in self.line_of_key:
                    self.outside.append(
                        f"{where} (line {line}) after {'unique ID' if by_uid else 'ID'} {pred_id}"
                    )
                    continue
                lag = 0.0
                what = f"{where}: the lag of predecessor {pred_id}"
                lag_span = r.span(lag_text, line, what, percent=True) if lag_text else None
                if lag_span is not None and lag_span[1].endswith("percent"):
                    lag = lag_span[0] / 100.0 * self.durations.get(pred, 0.0)
                    if abs(lag) > MAX_WEEKS:
                        raise r.fail(
                            line, f"{what} is {format_weeks(abs(lag))} weeks, more than a plan takes"
                        )
                elif lag_span is not None:
                    lag, elapsed = r.weeks(*lag_span, self.mpw, line, what)
                    if elapsed and lag:
                        r.report.add(
                            "lag",
                            f"an elapsed lag ({lag_text}) is read as {format_weeks(lag)} weeks of 7 calendar days "
                            "(the plan has no calendar), not the working time it spans in the file",
                            f"{where}, predecessor {pred_id}",
                        )
                links.append(SourceLink(pred, succ, ltype, lag))
        return links


def _where(t: _Task) -> str:
    """``task 5 'Design'``: how the report and the errors name a task (by its ID, as MS Project shows it)."""
    return f"task {t.fields.get(T_ID) or t.fields.get(T_UID) or '?'} {quoted(t.fields.get(T_NAME, ''))}"


def _at(values: list[str], i: int) -> str:
    return values[i] if i < len(values) else ""


def _holds_value(label: str, text: str) -> bool:
    """Whether a custom task field (``Text1``, ``Flag2``, ``Cost1`` ...) holds a value: MS Project 98 writes the empty
    ones as nothing or ``NA`` (text, dates), ``No`` (flags) and zero (``0``, ``0d``, ``£0.00``)."""
    t = text.strip()
    if t.casefold() in _NONE:
        return False
    if label.startswith("Flag"):
        return t.casefold() in _YES
    if label.startswith(("Text", "Start", "Finish")):
        return True
    digits = re.sub(r"\D", "", t)
    return not digits or bool(digits.strip("0"))


def read_mpx(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Outline, ImportReport]:
    """Read an MPX file into an :class:`Outline` and a report (no plan yet)."""
    raw = read_limited(path) if data is None else data
    report = ImportReport(source=os.path.basename(str(path)), format="MPX")
    text, delimiter = _decode(raw, path, report)
    try:
        records = _records(text, delimiter)
    except InteropError as exc:
        raise InteropError(path, exc.problem, hint="save the file again from its tool") from None
    r = _Reader(path, report)
    version = _at(records[0][1], 2).strip()
    if version and version.replace(",", ".") != "4.0":
        report.add("format", f"the file says MPX version {version}; it is read as MPX 4.0")
    file = _File(r, delimiter)
    file.own = _at(records[0][1], 1).strip() == OWN_CREATOR
    file.scan(records)
    last_line, last = records[-1]
    model = {"70": file.task_model, "50": file.resource_model}.get(last[0].strip())
    if not text.endswith(("\n", "\r")) and model is not None and len(last) - 1 < len(model):
        # cut off in the middle of its last record (MPX tools end every record with a line break)
        raise InteropError(
            path,
            f"the file ends in the middle of a record: it has {len(last) - 1} of the {len(model)} fields its "
            "field list (record 61 or 41) names",
            line=last_line,
            hint="the file looks truncated: copy or export it again",
        )
    if not text.endswith(("\n", "\r")):
        # a record of no field list (the project's, a calendar's, an assignment's) cut short cannot be counted
        report.add(
            "format",
            f"the file ends without a line break after its last record (line {last_line}, record "
            f"{quoted(last[0].strip()[:8])}): MPX tools end every record with one, so the file may be cut short there "
            "(records after the cut are missing)",
        )
    return file.outline(path), report


def _model(values: list[str], r: _Reader, line: int) -> list[int]:
    """The field numbers of a 41 or 61 record."""
    out = []
    for v in values:
        v = v.strip()
        if not v:
            continue
        if not v.isdecimal():
            raise r.fail(line, f"the field list holds {quoted(v)}, not a field number")
        out.append(int(v))
    return out


def _level(t: _Task, r: _Reader) -> int:
    """A task's outline level (Outline Level, else its outline number's depth; 1 without either)."""
    text = t.fields.get(T_LEVEL, "")
    if text.isdecimal():
        return int(text)
    if text:
        raise r.fail(t.line, f"the outline level {quoted(text)} is not a whole number")
    number = t.fields.get(T_OUTLINE_NUMBER, "")
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return 0 if number == "0" else number.count(".") + 1
    return 1


_PRED = re.compile(
    r"\s*(\d+)\s*([A-Za-z]{2})?\s*(?:([+-])\s*(\d+(?:[.,]\d+)?\s*[^\d\s,;+-]*\??))?\s*(?:[,;]|$)"
)


def _predecessors(text: str, r: _Reader, line: int, where: str) -> list[tuple[str, DependencyType, str]]:
    """``2FS+3d,5SS`` (German ``10EA+1t``): (task ID, type, signed lag text)."""
    out = []
    pos = 0
    while pos < len(text):
        m = _PRED.match(text, pos)
        if not m or m.end() == pos:
            raise r.fail(
                line,
                f"{where}: cannot read the predecessors {quoted(text)} (write them as 2, 2FS+3d or 2SS-1d,5)",
            )
        code = (m.group(2) or "FS").upper()
        if code not in RELATIONS:
            raise r.fail(
                line,
                f"{where}: {quoted(code)} in the predecessors {quoted(text)} is not a link type (FS, SS, FF, SF)",
            )
        lag = (m.group(3) + m.group(4)).replace(" ", "") if m.group(3) else ""
        out.append((m.group(1), RELATIONS[code], lag))
        pos = m.end()
    return out


def _calendar(
    calendars: dict[str, _Calendar], name: str, origin: dt.date, minutes_per_day: int, r: _Reader
) -> WorkCalendar:
    """The project calendar (records 20, 25 and 26): working weekdays, their hours (MS Project's 08:00-12:00 and
    13:00-17:00 when a working day lists none) and its days off."""
    # (other base calendars are only the bases of resource calendars in MPX 4.0, which has no task calendars: the
    # resources on one that works another way are reported as having time of their own)
    cal = calendars.get(name)
    if cal is None:
        if calendars:
            r.report.add(
                "calendar",
                f"the project calendar {quoted(name)} is missing; a Monday-Friday, 8-hour calendar is used",
            )
        return WorkCalendar.standard(origin, minutes_per_day=minutes_per_day)
    spans = {
        (i + 6) % 7: [] if flag == "0" else cal.hours.get((i + 6) % 7) or [(480, 720), (780, 1020)]
        for i, flag in enumerate(cal.days)  # Sunday first
    }
    if not any(spans.values()):
        r.report.add("calendar", "the project calendar has no working time; a Monday-Friday calendar is used")
        return WorkCalendar.standard(origin, minutes_per_day=minutes_per_day)
    holidays: list[dt.date] = []
    for a, b, working, line in cal.off:
        if working:
            r.report.add("calendar", f"an extra working time on {format_date(a)} is not carried")
            continue
        if not 0 <= (b - a).days <= 3660:
            raise r.fail(
                line, f"a calendar exception from {format_date(a)} to {format_date(b)} is not a span of days"
            )
        holidays.extend(a + dt.timedelta(days=k) for k in range((b - a).days + 1))
    return WorkCalendar(origin, spans, holidays)


__all__ = ["export_mpx", "read_mpx"]


# -- export ---------------------------------------------------------------------------------------------------------
_EXPORT_TASK_FIELDS = (  # (field number, name as MS Project 98 writes it in record 60)
    (T_ID, "ID"),
    (T_UID, "Unique ID"),
    (T_NAME, "Name"),
    (T_DURATION, "Duration"),
    (T_LEVEL, "Outline Level"),
    (T_PREDECESSORS, "Predecessors"),
    (T_START, "Start"),
    (T_FINISH, "Finish"),
    (T_PERCENT, "% Complete"),
    (T_ACTUAL_DURATION, "Actual Duration"),
    (T_REMAINING_DURATION, "Remaining Duration"),
    (T_ACTUAL_START, "Actual Start"),
    (T_ACTUAL_FINISH, "Actual Finish"),
    (T_CONSTRAINT_TYPE, "Constraint Type"),
    (T_CONSTRAINT_DATE, "Constraint Date"),
    (T_WBS, "WBS"),
    (T_MILESTONE, "Milestone"),
    (120, "Summary"),
    (T_COST, "Cost"),
)
_EXPORT_RESOURCE_FIELDS = ((R_ID, "ID"), (R_UID, "Unique ID"), (R_NAME, "Name"), (R_MAX_UNITS, "Max Units"))
_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def export_mpx(plan: Plan) -> bytes:
    """MPX 4.0 as MS Project 98 writes it (English, ANSI), for tools that read only MPX: the tasks, dates, links,
    resources and assignments of the MS Project XML export (:func:`planner.io.mspdi.export_mspdi` works them out,
    once, for both formats), written as MPX records. Durations and lags are in days of the 8-hour day, dates as
    ``15 February 2027 08:00`` (date format 2: four-digit years, no day/month ambiguity). MPX has no named custom
    fields, so the planner's ids, areas, estimates and status are not carried (:func:`planner.io.exporting.carry_notes`
    says so)."""
    from planner.io import export_text
    from planner.io.common import parse_xml
    from planner.io.mspdi import CONSTRAINTS, LINK_TYPES, _fields, _parse_datetime, _text

    xml = export_text(plan, "mspdi")  # (with the characters XML cannot carry already replaced)
    assert isinstance(xml, str)
    root = _fields(parse_xml(xml.encode("utf-8"), None))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", quotechar='"', lineterminator="\r\n")

    def write(fields: list[object]) -> None:
        """One record on one line: a line break inside a field would split it (notes carry theirs as 0x7F)."""
        writer.writerow([re.sub(r"[\r\n\x00]+", " ", f) if isinstance(f, str) else f for f in fields])

    def when(text: str | None) -> str:
        t = _parse_datetime(text)
        return f"{t.day} {_MONTH_NAMES[t.month - 1]} {t.year} {t:%H:%M}" if t is not None else "NA"

    def days(minutes: float) -> str:
        return f"{num_text(round(minutes / DEFAULT_MINUTES_PER_DAY, 6))}d"

    def hours(minutes: float) -> str:
        return f"{num_text(round(minutes / 60, 6))}h"

    def yes(text: str | None) -> str:
        return "Yes" if text == "1" else "No"

    write(["MPX", OWN_CREATOR, "4.0", "ANSI"])
    # the plan's currency by its ISO code, before the amount with a space (MPX position 3): the costs are the plan's
    # money, and an empty symbol left them in whatever currency the reader defaults to (the import reads it back)
    write([10, plan.currency or "", 3 if plan.currency else 0, 2, ",", "."])
    write([11, 2, 0, 1, "8.00", "40.00", "0.00/h", "0.00/h", 1, 0])
    write([12, 1, 1, 480, "/", ":", "am", "pm", 2, 2])
    write([20, "Standard", 0, 1, 1, 1, 1, 1, 0])
    for day in range(1, 8):  # Sunday first
        write([25, day] + (["08:00", "12:00", "13:00", "17:00"] if 2 <= day <= 6 else []))
    title = _text(root, "Title") or plan.title
    write([30, title, "", "", "Standard", when(_text(root, "StartDate")), when(_text(root, "FinishDate")), 0])
    write([40, *(name for _, name in _EXPORT_RESOURCE_FIELDS)])
    write([41, *(number for number, _ in _EXPORT_RESOURCE_FIELDS)])
    resource_id: dict[str, str] = {}
    for r in root["Resources"] if root.get("Resources") is not None else []:
        f = _fields(r)
        uid = _text(f, "UID") or ""
        resource_id[uid] = _text(f, "ID") or uid
        write([50, resource_id[uid], uid, _text(f, "Name") or "", _text(f, "MaxUnits") or ""])
    assignments: dict[str, list[tuple[str, str, str, str]]] = {}
    for a in root["Assignments"] if root.get("Assignments") is not None else []:
        f = _fields(a)
        assignments.setdefault(_text(f, "TaskUID") or "", []).append(
            (
                resource_id.get(_text(f, "ResourceUID") or "", ""),
                _text(f, "Units") or "1",
                hours(parse_pt_minutes(_text(f, "Work") or "PT0H0M0S")),
                hours(parse_pt_minutes(_text(f, "ActualWork") or "PT0H0M0S")),
            )
        )
    write([60, *(name for _, name in _EXPORT_TASK_FIELDS)])
    write([61, *(number for number, _ in _EXPORT_TASK_FIELDS)])
    task_els = list(root["Tasks"]) if root.get("Tasks") is not None else []
    id_of = {_text(_fields(t), "UID"): _text(_fields(t), "ID") for t in task_els}
    codes = {v: k for k, v in RELATIONS.items() if len(k) == 2 and k in ("FS", "SS", "FF", "SF")}
    for el in task_els:
        f = _fields(el)
        if _text(f, "OutlineLevel") == "0":
            continue  # MS Project writes the project summary task; MPX readers make their own
        preds = []
        for link in el:
            if link.tag.rpartition("}")[2] != "PredecessorLink":
                continue
            lf = _fields(link)
            kind = codes[LINK_TYPES[int(_text(lf, "Type") or "1")]]
            lag = float(_text(lf, "LinkLag") or 0) / 10.0  # tenths of a minute
            preds.append(
                f"{id_of.get(_text(lf, 'PredecessorUID'), '')}"
                + (kind if kind != "FS" or lag else "")
                + (("+" if lag > 0 else "-") + days(abs(lag)) if lag else "")
            )
        values = {
            T_ID: _text(f, "ID"),
            T_UID: _text(f, "UID"),
            T_NAME: _text(f, "Name"),
            T_DURATION: days(parse_pt_minutes(_text(f, "Duration") or "PT0H0M0S")),
            T_LEVEL: _text(f, "OutlineLevel"),
            T_PREDECESSORS: ",".join(preds),
            T_START: when(_text(f, "Start")),
            T_FINISH: when(_text(f, "Finish")),
            T_PERCENT: f"{_text(f, 'PercentComplete') or 0}%",
            # the work done and left: a scheduler (MS Project's, MPXJ's) places the task's progress by them
            T_ACTUAL_DURATION: days(parse_pt_minutes(_text(f, "ActualDuration") or "PT0H0M0S")),
            T_REMAINING_DURATION: days(
                parse_pt_minutes(_text(f, "RemainingDuration") or _text(f, "Duration") or "PT0H0M0S")
            ),
            T_ACTUAL_START: when(_text(f, "ActualStart")),
            T_ACTUAL_FINISH: when(_text(f, "ActualFinish")),
            T_CONSTRAINT_TYPE: CONSTRAINTS[int(_text(f, "ConstraintType") or 0)].title(),
            T_CONSTRAINT_DATE: when(_text(f, "ConstraintDate")) if _text(f, "ConstraintDate") else "",
            T_WBS: _text(f, "WBS"),
            T_MILESTONE: yes(_text(f, "Milestone")),
            120: yes(_text(f, "Summary")),
            # the one-off cost, in whole units (MSPDI keeps hundredths; MPX has no rates to add the work's cost by)
            T_COST: f"{float(_text(f, 'FixedCost') or 0) / CURRENCY_SCALE:.2f}",
        }
        write([70, *(values[number] or "" for number, _ in _EXPORT_TASK_FIELDS)])
        notes = _text(f, "Notes")
        if notes:
            write([71, re.sub(r"\r\n|\r|\n", "\x7f", notes)])
        for rid, units, work, actual in assignments.get(_text(f, "UID") or "", []):
            # Resource ID, Units, Work, Planned Work, Actual Work: a scheduler (MPXJ's) places the work by them
            write([75, rid, units, work, "", actual])
    return ansi_bytes(buffer.getvalue())
