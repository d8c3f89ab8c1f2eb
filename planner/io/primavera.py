"""Primavera P6: XER (import and export) and P6 XML, PMXML (import). No Qt.

An XER file is P6's tab-separated export: an ``ERMHDR`` line, then tables, each a ``%T`` line with its name, a
``%F`` line naming the fields and ``%R`` rows, and ``%E`` at the end. P6 XML (root ``APIBusinessObjects``) holds the
same objects as elements; :func:`read_pmxml` turns them into the XER tables' rows, so both formats share one reading
(:func:`outline_from_tables`), and the plan is built by :mod:`planner.io.outline` like MS Project's: the WBS becomes
structure (summaries), the activities decisions.

Weeks: P6 keeps durations and lags in hours. An activity's hours become weeks of its own calendar
(``week_hr_cnt``: 40 hours are 1 week on a 5 x 8-hour calendar, 168 on a 24-hour 7-day one), falling back to the
project's default calendar, then to 40 hours a week (the report says so); a lag is in weeks of the calendar P6's
scheduling option names (the predecessor's by default). Dates become working weeks of the project's default calendar
from the project's planned start; the data date is the status date.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.io.common import (
    IdMaker,
    ImportReport,
    InteropError,
    WorkCalendar,
    local,
    num_text,
    own_actual,
    parse_xml,
    read_limited,
    report_custom_values,
    report_days_off,
    report_outside_links,
    report_priorities,
    slug,
    some,
)
from planner.io.exporting import (
    NAME_CHARS,
    P6_ID_CHARS,
    P6_WBS_NAME_CHARS,
    shortened,
    status_anchor,
    weeks_from_status_day,
)
from planner.io.mspdi import OWN_ALIASES
from planner.io.outline import Mapping, Outline, SourceLink, SourceTask, build_plan, exact_actual
from planner.model.io import wide_encoding
from planner.model.limits import MAX_WEEKS
from planner.model.plan import DependencyType, Plan, Team
from planner.units import agree, count, format_date, format_weeks, plural_weeks, quoted, week_to_date

if TYPE_CHECKING:
    from planner.io.exporting import ExportSchedule

DEFAULT_HOURS_PER_WEEK = 40.0
DEFAULT_HOURS_PER_DAY = 8.0

LINK_TYPES = {
    "PR_FS": DependencyType.FS,
    "PR_SS": DependencyType.SS,
    "PR_FF": DependencyType.FF,
    "PR_SF": DependencyType.SF,
}
LINK_CODES = {v: k for k, v in LINK_TYPES.items()}

CONSTRAINT_NAMES = {
    "CS_MSO": "Start On",
    "CS_MSOA": "Start On or After",
    "CS_MSOB": "Start On or Before",
    "CS_MEO": "Finish On",
    "CS_MEOA": "Finish On or After",
    "CS_MEOB": "Finish On or Before",
    "CS_ALAP": "As Late As Possible",
    "CS_MANDSTART": "Mandatory Start",
    "CS_MANDFIN": "Mandatory Finish",
}

P6_PRIORITIES = ("Top", "High", "Normal", "Low", "Lowest")
"""P6's activity priorities (XER's priority_type 'PT_High', P6 XML's LevelingPriority 'High'); Normal is the default."""
XER_HINT = "export the project from P6 again (File > Export > Primavera PM (XER))"


# -- reading the tables ----------------------------------------------------------------------------------------------
@dataclass
class XerTable:
    """One ``%T`` table: its fields and rows (each row a field -> text dict), and where it starts in the file."""

    name: str
    line: int
    fields: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)


def decode_xer(data: bytes) -> tuple[str, str]:
    """The text of an XER file and the encoding it was read in. P6 writes the Windows code page (usually 1252) of
    the machine that exported it; newer tools write UTF-8. UTF-8 is tried first (a 1252 file with accented names is
    almost never valid UTF-8), then Windows-1252 (its five unassigned bytes become U+FFFD)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def parse_xer(
    data: bytes, path: str | os.PathLike[str] | None, report: ImportReport | None = None
) -> dict[str, XerTable]:
    """The tables of an XER file by name. Raises :class:`InteropError` (with the line) for a file that is not XER
    or whose structure is broken; what can be read past (a row with more values than fields, a stray line, a
    missing end marker) is said in ``report``."""
    text, _encoding = decode_xer(data)
    if "\x00" in text:
        raise InteropError(path, "is a binary file, not a Primavera XER file", hint=XER_HINT)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise InteropError(path, "is empty, not a Primavera XER file", hint=XER_HINT)
    if not lines[first].startswith("ERMHDR"):
        raise InteropError(
            path,
            "not a Primavera XER file (its first line does not begin with ERMHDR)",
            line=first + 1,
            hint=XER_HINT,
        )
    tables: dict[str, XerTable] = {}
    table: XerTable | None = None
    ended = False
    stray: list[int] = []
    long_rows: dict[str, int] = {}
    for k in range(first + 1, len(lines)):
        ln = lines[k]
        if not ln.strip():
            continue
        tag, _, rest = ln.partition("\t")
        tag = tag.strip()
        if tag == "%T":
            name = rest.strip()
            if not name:
                raise InteropError(path, "a %T line names no table", line=k + 1, hint=XER_HINT)
            # a table given twice (files joined by hand) gets the second one's rows too
            table = tables.setdefault(name, XerTable(name, k + 1))
            table.fields = []
        elif tag == "%F":
            if table is None:
                raise InteropError(
                    path, "a %F line (field names) before any %T table", line=k + 1, hint=XER_HINT
                )
            table.fields = [f.strip() for f in rest.split("\t")]
        elif tag == "%R":
            if table is None or not table.fields:
                raise InteropError(
                    path,
                    "a %R row before its table's %F line (field names)"
                    + (f" in table {table.name}" if table is not None else ""),
                    line=k + 1,
                    hint=XER_HINT,
                )
            values = rest.split("\t")
            if len(values) > len(table.fields) and any(v.strip() for v in values[len(table.fields) :]):
                long_rows.setdefault(table.name, k + 1)
            row = dict(zip(table.fields, values, strict=False))
            row["#line"] = str(k + 1)
            table.rows.append(row)
        elif tag == "%E":
            ended = True
            break
        else:
            stray.append(k + 1)
    if report is not None:
        for name, at in long_rows.items():
            report.add(
                "format",
                f"rows of table {name} hold more values than its %F line names fields (first at line {at}); the "
                "extra values are ignored",
            )
        if stray:
            report.add(
                "format",
                f"{count(len(stray), 'line')} {agree(len(stray), 'is not a', 'are not')} %T, %F, %R or %E "
                f"{agree(len(stray), 'line', 'lines')} (first: line {stray[0]}); skipped",
            )
        if not ended:
            report.add(
                "format", "the file has no %E end line: it may be cut short (rows after the cut are missing)"
            )
    return tables


# -- values ---------------------------------------------------------------------------------------------------------
def _value(row: dict[str, str], name: str) -> str:
    return (row.get(name) or "").strip()


def _units_complete(row: dict[str, str], report: ImportReport, where: str) -> float | None:
    """A Units-type activity's % complete as P6 shows it: its actual units of its actual and remaining ones (labour and
    non-labour); None without units."""
    done = sum(_number(row, k, report, where) or 0.0 for k in ("act_work_qty", "act_equip_qty"))
    left = sum(_number(row, k, report, where) or 0.0 for k in ("remain_work_qty", "remain_equip_qty"))
    return done / (done + left) * 100.0 if done >= 0 and left >= 0 and done + left > 0 else None


def _number(row: dict[str, str], name: str, report: ImportReport, where: str) -> float | None:
    """A number field; None when empty; reported (and None) when unreadable or not finite."""
    text = _value(row, name)
    if not text:
        return None
    try:
        x = float(text.replace(",", "")) if text.count(",") and "." in text else float(text.replace(",", "."))
    except ValueError:
        x = math.nan
    if not math.isfinite(x):
        shown = text if len(text) <= 40 else text[:37] + "..."
        report.add("format", f"{name} {quoted(shown)} is not a number; read as empty", where)
        return None
    return x


_DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")


def parse_moment(text: str) -> dt.datetime | None:
    """An XER (``2027-03-01 08:00``) or P6 XML (``2027-03-01T08:00:00``) date-time; None when empty or unreadable."""
    text = text.strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _moment(row: dict[str, str], name: str, report: ImportReport, where: str) -> dt.datetime | None:
    text = _value(row, name)
    t = parse_moment(text)
    if text and t is None:
        report.add("format", f"{name} {quoted(text)} is not a date; read as empty", where)
    return t


# -- calendars ------------------------------------------------------------------------------------------------------
@dataclass
class P6Calendar:
    """A P6 calendar: its hours a day and a week, and (when ``clndr_data`` can be read) its working time."""

    id: str
    name: str
    day_hours: float
    week_hours: float
    spans: dict[int, list[tuple[int, int]]] | None  # weekday (Monday = 0) -> [(from, to) minutes]
    holidays: list[dt.date]
    assumed: bool = False  # week_hours is the 40-hour default, not the file's


_DAY_RE = re.compile(r"\(0\|\|([1-7])\(\)")
_SPAN_RE = re.compile(r"\(([^()]*\b[sf]\|\d{1,2}:\d{2}[^()]*)\)")
_TIME_RE = re.compile(r"\b([sf])\|(\d{1,2}):(\d{2})")
_EXC_RE = re.compile(r"\(0\|\|\d+\(d\|(\d+)\)\((.*?)\)\)")


def _clndr_spans(data: str) -> tuple[dict[int, list[tuple[int, int]]] | None, list[dt.date]]:
    """The working spans of each weekday and the non-working days in P6's ``clndr_data`` text (None when it holds
    no week: many files give only the hour counts)."""
    week_at = data.find("DaysOfWeek")
    exc_at = data.find("Exceptions")
    if week_at < 0:
        return None, []
    week_text = data[week_at : exc_at if exc_at > week_at else len(data)]
    marks = list(_DAY_RE.finditer(week_text))
    if not marks:
        return None, []
    spans: dict[int, list[tuple[int, int]]] = {}
    for n, m in enumerate(marks):
        body = week_text[m.end() : marks[n + 1].start() if n + 1 < len(marks) else len(week_text)]
        weekday = (int(m.group(1)) + 5) % 7  # P6 numbers Sunday 1 ... Saturday 7
        day: list[tuple[int, int]] = []
        for group in _SPAN_RE.finditer(body):
            times = {k: int(h) * 60 + int(mi) for k, h, mi in _TIME_RE.findall(group.group(1))}
            if "s" in times and "f" in times:
                a, b = times["s"], times["f"]
                if b <= a:  # a span ending at midnight is written 00:00
                    b += 1440
                day.append((a, min(b, 1440)))
        if day:
            spans[weekday] = sorted(day)
    holidays: list[dt.date] = []
    if exc_at >= 0:
        for m in _EXC_RE.finditer(data[exc_at:]):
            if _TIME_RE.search(m.group(2)):
                continue  # an exception with working time: a changed day, not a day off
            serial = int(m.group(1))
            if 0 < serial < 2_958_466:  # days from 30 Dec 1899 (as spreadsheets count), up to 9999
                holidays.append(dt.date(1899, 12, 30) + dt.timedelta(days=serial))
    return spans, holidays


def activity_id(code: str) -> str | None:
    """A P6 Activity ID as a plan id: kept when valid (``A1000``, ``EL.200``), else accents dropped and each run of
    other characters a ``-`` (``A 2020 / contrôle`` -> ``A-2020-controle``); None when nothing is left."""
    import unicodedata

    from planner.io.common import is_valid_id

    code = code.strip()
    if not code or is_valid_id(code):
        return code or None
    ascii_code = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_code).strip("-._")[:64].rstrip("-._")
    return cleaned if cleaned and is_valid_id(cleaned) else None


def memo_text(memo: str) -> str:
    """A P6 notebook memo (HTML; line breaks in the XER written as two DEL characters) as plain text."""
    text = memo.replace("\x7f\x7f", "\n")
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h[1-6]>", "\n", text)
    text = re.sub(r"(?s)<[^>]*>", "", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = [ln.rstrip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()[:20_000]


def read_calendars(rows: Iterable[dict[str, str]], report: ImportReport) -> dict[str, P6Calendar]:
    """The calendars of the CALENDAR table by id."""
    out: dict[str, P6Calendar] = {}
    for row in rows:
        cid = _value(row, "clndr_id")
        if not cid:
            continue
        name = _value(row, "clndr_name") or f"calendar {cid}"
        where = f"calendar {cid} {quoted(name)}"
        spans, holidays = _clndr_spans(row.get("clndr_data") or "")
        day = _number(row, "day_hr_cnt", report, where)
        week = _number(row, "week_hr_cnt", report, where)
        span_week = sum(b - a for d in (spans or {}).values() for a, b in d) / 60.0
        assumed = False
        if not week or week <= 0:
            if span_week > 0:
                week = span_week
            elif day and day > 0:
                week = day * 5
            else:
                week, assumed = DEFAULT_HOURS_PER_WEEK, True
        if not day or day <= 0:
            day = week / 5
        out[cid] = P6Calendar(cid, name, day, min(week, 168.0), spans, holidays, assumed)
    return out


def work_calendar(cal: P6Calendar | None, origin: dt.date) -> WorkCalendar:
    """The working time of ``cal`` from ``origin``: its own week when ``clndr_data`` gives one, else Monday to Friday
    of its hours a day (from 08:00)."""
    if cal is not None and cal.spans:
        return WorkCalendar(origin, cal.spans, list(cal.holidays))
    minutes = round((cal.week_hours if cal else DEFAULT_HOURS_PER_WEEK) * 60 / 5)
    return WorkCalendar.standard(
        origin, cal.holidays if cal else (), minutes_per_day=max(1, min(1440, minutes))
    )


# -- from the tables to an outline ----------------------------------------------------------------------------------
def _pick_project(
    tables: dict[str, XerTable], path: str | os.PathLike[str], project: str | None, report: ImportReport
) -> dict[str, str]:
    table = tables.get("PROJECT")
    projects = [r for r in (table.rows if table else []) if _value(r, "proj_id")]
    if not projects:
        raise InteropError(
            path,
            "holds no project (no PROJECT table, or no rows in it)",
            hint="export a project, not only resources or codes, from P6",
        )
    names = [_value(r, "proj_short_name") or _value(r, "proj_id") for r in projects]
    if project is not None:
        chosen = next(
            (r for r, n in zip(projects, names, strict=True) if project in (n, _value(r, "proj_id"))), None
        )
        if chosen is None:
            raise InteropError(
                path,
                f"holds no project {quoted(project)}",
                hint=f"choose one of {', '.join(quoted(n) for n in names)}",
            )
        return chosen
    # P6 puts the projects the exported ones link to in the file too, not flagged for export (export_flag N): the
    # project a person exported is the first flagged one, wherever it stands (MPXJ's reader picks it so too)
    flagged = [k for k, r in enumerate(projects) if _value(r, "export_flag").upper() in ("Y", "YES")]
    first = flagged[0] if flagged and len(flagged) < len(projects) else 0
    if len(projects) > 1:
        listed = some(quoted(n) for n in names)
        if first == 0 and len(flagged) in (0, len(projects)):
            said = f"the first, {quoted(names[0])}, is imported"
        else:
            added = [names[k] for k in range(len(projects)) if k not in flagged]
            said = (
                f"{quoted(names[first])}, {'the first ' if len(flagged) > 1 else 'the one '}exported from P6, is "
                f"imported; P6 added {some(quoted(n) for n in added)} "
                f"for {agree(len(added), 'its', 'their')} relationships"
            )
        report.add(
            "format",
            f"the file holds {len(projects)} projects ({listed}); {said} (export the others from P6 one by one "
            "to import them)",
        )
    return projects[first]


def _rows(tables: dict[str, XerTable], name: str, proj_id: str | None = None) -> list[dict[str, str]]:
    table = tables.get(name)
    if table is None:
        return []
    if proj_id is None:
        return table.rows
    return [r for r in table.rows if _value(r, "proj_id") in ("", proj_id)]


def outline_from_tables(
    tables: dict[str, XerTable],
    path: str | os.PathLike[str],
    report: ImportReport,
    fmt: str,
    project: str | None = None,
) -> Outline:
    """The outline (WBS as summaries, activities as leaves, links, resources) of one project of P6's tables."""
    proj = _pick_project(tables, path, project, report)
    proj_id = _value(proj, "proj_id")
    where_p = f"project {quoted(_value(proj, 'proj_short_name') or proj_id)}"

    # -- calendars: hours -> weeks -------------------------------------------------------------------------------
    calendars = read_calendars(_rows(tables, "CALENDAR"), report)
    default_id = _value(proj, "clndr_id")
    project_cal = calendars.get(default_id)
    if project_cal is None:
        project_cal = next(
            (
                calendars[_value(r, "clndr_id")]
                for r in _rows(tables, "CALENDAR")
                if _value(r, "default_flag") == "Y" and _value(r, "clndr_id") in calendars
            ),
            None,
        )
        report.add(
            "calendar",
            (
                f"the project names no calendar the file holds; the global default calendar {quoted(project_cal.name)} "
                f"({format_weeks(project_cal.week_hours)} h a week) is assumed"
                if project_cal is not None
                else "the file holds no calendar for the project: a week of 40 working hours (5 x 8) is assumed"
            ),
            where_p,
        )
    elif project_cal.assumed:
        report.add(
            "calendar",
            f"calendar {quoted(project_cal.name)} gives no hours a week: 40 (5 x 8) are assumed",
            where_p,
        )
    week_hours = project_cal.week_hours if project_cal else DEFAULT_HOURS_PER_WEEK

    # -- the timeline: working weeks of the project calendar from the planned start ---------------------------------
    tasks_rows = [r for r in _rows(tables, "TASK") if _value(r, "proj_id") in ("", proj_id)]
    if not tasks_rows:
        others = len(_rows(tables, "PROJECT")) > 1
        raise InteropError(
            path,
            f"{where_p} holds no activities",
            hint="choose another with --project" if others else "export a project with activities from P6",
        )
    start_dt = _moment(proj, "plan_start_date", report, where_p)
    if start_dt is None:
        known = [
            t
            for r in tasks_rows
            for t in (parse_moment(_value(r, "act_start_date")), parse_moment(_value(r, "early_start_date")))
            if t is not None
        ]
        start_dt = min(known) if known else None
        if start_dt is not None:
            report.add(
                "format",
                f"the project has no planned start: its earliest activity date, {format_date(start_dt.date())}, "
                "is used",
                where_p,
            )
    origin = start_dt.date() if start_dt else dt.date.today()
    calendar = work_calendar(project_cal, origin)
    mpw = calendar.week_minutes or week_hours * 60
    origin_minutes = calendar.minutes(start_dt) if start_dt else 0.0
    memo: dict[dt.datetime, float] = {}
    data_moment = parse_moment(_value(proj, "last_recalc_date")) or parse_moment(
        _value(proj, "next_data_date")
    )
    # The planner's own export (its user fields name each activity's status) writes the status date's day as the
    # data date and counts moments from it on from that day (export_xer): read back the same way
    own_export = any(
        _value(r, "table_name") == "TASK" and _value(r, "udf_type_label") == UDF_STATUS
        for r in _rows(tables, "UDFTYPE")
    )
    own_status = (
        data_moment.date() if own_export and data_moment is not None and start_dt is not None else None
    )
    anchor = (
        status_anchor(
            own_status,
            origin,
            calendar.minutes_of_day_start(max(own_status, origin)) - origin_minutes,
            mpw,
        )
        if own_status is not None
        else None
    )

    def weeks_at(t: dt.datetime | None) -> float | None:
        if t is None or start_dt is None:
            return None
        if t not in memo:
            memo[t] = weeks_from_status_day(calendar.minutes(t) - origin_minutes, anchor, mpw)
        return memo[t]

    def actual_at(t: dt.datetime | None) -> dt.date | float | None:
        """An actual start or finish as the plan keeps it: at its working-time position in the plan's weeks, as a
        date when that is a whole day, else as weeks (a date would round it to a day and move the work that
        follows it off where P6 has it)."""
        w = weeks_at(t)
        if w is None or start_dt is None:
            return t.date() if t is not None else None
        return exact_actual(start_dt.date(), max(0.0, round(w, 9)))

    # -- WBS: the tree below the project's own node ---------------------------------------------------------------
    wbs_rows = [r for r in _rows(tables, "PROJWBS") if _value(r, "proj_id") in ("", proj_id)]
    wbs: dict[str, dict[str, str]] = {}
    project_nodes: set[str] = set()
    for r in wbs_rows:
        wid = _value(r, "wbs_id")
        if not wid or wid in wbs:
            continue
        wbs[wid] = r
        if _value(r, "proj_node_flag") == "Y":
            project_nodes.add(wid)
    title = next((_value(wbs[w], "wbs_name") for w in project_nodes if _value(wbs[w], "wbs_name")), "")
    title = title or _value(proj, "proj_short_name") or os.path.splitext(os.path.basename(str(path)))[0]

    def seq(wid: str) -> tuple[float, str]:
        try:
            n = float(_value(wbs[wid], "seq_num") or 0)
        except ValueError:
            n = 0.0
        return (n if math.isfinite(n) else 0.0, _value(wbs[wid], "wbs_short_name"))

    children: dict[str | None, list[str]] = {}
    parent_of: dict[str, str | None] = {}
    for wid, r in wbs.items():
        if wid in project_nodes:
            continue
        up: str | None = _value(r, "parent_wbs_id")
        if up in project_nodes or up not in wbs:
            up = None
        children.setdefault(up, []).append(wid)
        parent_of[wid] = up
    for kids in children.values():
        kids.sort(key=seq)

    # -- activities -------------------------------------------------------------------------------------------------
    rsrc_rows = _rows(tables, "RSRC")
    teams: list[Team] = []
    team_of: dict[str, str] = {}
    team_ids = IdMaker()
    # a resource's max units per hour (1 is one person full time) and rate per hour of work: the rate row in effect
    # when the project starts (a rate table changes over the years)
    rates = _rows(tables, "RSRCRATE")
    capacity = _latest(rates, "max_qty_per_hr", at=origin.isoformat(), cap=1e6)
    hourly = _latest(rates, "cost_per_qty", at=origin.isoformat(), cap=1e9)
    other_kinds: list[str] = []
    for r in rsrc_rows:
        rid, name = _value(r, "rsrc_id"), _value(r, "rsrc_name") or _value(r, "rsrc_short_name")
        if not rid or not name or rid in team_of:
            continue
        kind = _value(r, "rsrc_type")
        if kind in ("RT_Equip", "RT_Mat"):
            other_kinds.append(name)
            continue
        short = _value(r, "rsrc_short_name")
        tid = team_ids.make(short or None, slug(name, "") or slug(f"team-{rid}", "team"))
        rate = (
            hourly.get(rid, 0.0) * week_hours
        )  # one person-week: the hours of a week of the project calendar
        teams.append(
            Team(
                id=tid, name=name[:200], capacity=capacity.get(rid), rate=round(rate, 2) if rate > 0 else None
            )
        )
        team_of[rid] = tid
    if any(t.rate for t in teams):
        report.add(
            "cost",
            "resource rates are team rates per person-week (the cost per hour times the "
            f"{format_weeks(week_hours)} hours of a week); labour cost is then headcount x rate x weeks, as the plan "
            "counts it, not P6's assignment costs, expenses or overtime",
        )
    if other_kinds:
        report.add(
            "resource",
            f"{count(len(other_kinds), 'nonlabor or material resource')} "
            f"({', '.join(quoted(n) for n in other_kinds[:3])}{', ...' if len(other_kinds) > 3 else ''}) "
            f"{agree(len(other_kinds), 'is', 'are')} not carried (teams are people)",
        )
    assignments: dict[str, list[dict[str, str]]] = {}
    roles = 0
    for r in _rows(tables, "TASKRSRC", proj_id):
        if not _value(r, "rsrc_id"):
            roles += _value(r, "role_id") != ""
            continue
        assignments.setdefault(_value(r, "task_id"), []).append(r)
    if roles:
        report.add(
            "resource",
            f"{count(roles, 'role assignment')} without a resource {agree(roles, 'is', 'are')} not carried (a "
            "decision's owner is a team)",
        )

    # the planner's own export: each activity's stage and area ids in user-defined fields
    udf_kind = {
        _value(r, "udf_type_id"): _value(r, "udf_type_label")
        for r in _rows(tables, "UDFTYPE")
        if _value(r, "table_name") == "TASK" and _value(r, "udf_type_label") in UDF_LABELS
    }
    hints: dict[str, dict[str, str]] = {}
    for r in _rows(tables, "UDFVALUE"):
        label = udf_kind.get(_value(r, "udf_type_id"))
        if label and (_value(r, "udf_text") or _value(r, "udf_number")):
            hints.setdefault(_value(r, "fk_id"), {})[label] = _value(r, "udf_text") or _value(r, "udf_number")

    # other user fields of the activities (P6's custom fields; MPXJ writes MS Project's Text1, Finish1 ... as such):
    # the plan has none, so the report counts their values (the planner's own, from its P6 or MS Project export, are
    # read above or are its estimates)
    other_udf = {
        _value(r, "udf_type_id"): _value(r, "udf_type_label") or _value(r, "udf_type_name")
        for r in _rows(tables, "UDFTYPE")
        if _value(r, "table_name") == "TASK"
        and _value(r, "udf_type_label") not in UDF_LABELS
        and _value(r, "udf_type_label") not in OWN_ALIASES
    }
    project_tasks = {_value(r, "task_id") for r in tasks_rows}
    user_values: dict[str, int] = {}
    for r in _rows(tables, "UDFVALUE"):
        label = other_udf.get(_value(r, "udf_type_id"))
        if (
            label
            and _value(r, "fk_id") in project_tasks
            and any(_value(r, k) for k in ("udf_text", "udf_number", "udf_date", "udf_code_id"))
        ):
            user_values[label] = user_values.get(label, 0) + 1
    report_custom_values(report, user_values, "user field")
    report_priorities(
        report,
        (_value(r, "priority_type") for r in tasks_rows),
        "PT_Normal",
        {f"PT_{w}": w for w in P6_PRIORITIES},
    )

    memos: dict[str, str] = {}  # the activities' notebook (TASKMEMO), as plain text
    for r in _rows(tables, "TASKMEMO", proj_id):
        text = memo_text(r.get("task_memo") or "")
        if text:
            tid_m = _value(r, "task_id")
            memos[tid_m] = f"{memos[tid_m]}\n\n{text}" if tid_m in memos else text

    by_wbs: dict[str | None, list[dict[str, str]]] = {}
    task_ids: dict[str, dict[str, str]] = {}
    dropped: dict[str, str] = {}  # task_id -> why its links are dropped
    unknown_wbs = 0
    duplicate = 0
    code_of: dict[str, str | None] = {}
    codes_taken: set[str] = set()
    repeated_codes: list[str] = []
    for r in tasks_rows:
        tid = _value(r, "task_id")
        if not tid:
            report.add("format", "an activity without a task_id was skipped", f"line {r.get('#line', '?')}")
            continue
        if tid in task_ids:
            duplicate += 1
            continue
        task_ids[tid] = r
        code = activity_id(_value(r, "task_code"))
        if code is not None and code in codes_taken:
            repeated_codes.append(code)
            code = None  # the first activity in the file keeps its ID; this one gets one from its name
        if code is not None:
            codes_taken.add(code)
        code_of[tid] = code
        ttype = _value(r, "task_type")
        where = f"activity {_value(r, 'task_code') or tid} {quoted(_value(r, 'task_name'))}"
        if ttype == "TT_WBS":
            report.add(
                "format",
                "a WBS summary activity is not carried: it only spans its WBS's activities, which the plan "
                "groups under the WBS itself; its links are dropped",
                where,
            )
            dropped[tid] = "a WBS summary activity"
            continue
        w: str | None = _value(r, "wbs_id")
        if w in project_nodes or not w:
            w = None
        elif w not in wbs:
            unknown_wbs += 1
            w = None
        by_wbs.setdefault(w, []).append(r)
    if duplicate:
        report.add(
            "format",
            f"{count(duplicate, 'activity row')} {agree(duplicate, 'repeats', 'repeat')} a task_id already read; "
            "the first is kept",
        )
    if repeated_codes:
        n = len(repeated_codes)
        others_get = agree(n, "the other gets an id from its name", "the others get ids from their names")
        report.add(
            "format",
            f"{count(n, 'activity', 'activities')} {agree(n, 'repeats', 'repeat')} an Activity ID of an earlier one "
            f"({', '.join(quoted(c) for c in repeated_codes[:3])}{', ...' if n > 3 else ''}): the first keeps it as "
            f"its id, {others_get}",
        )

    if unknown_wbs:
        report.add(
            "format",
            f"{count(unknown_wbs, 'activity', 'activities')} {agree(unknown_wbs, 'names', 'name')} a WBS element "
            f"the file does not hold; {agree(unknown_wbs, 'it is', 'they are')} put at the top level",
        )

    # -- which WBS elements hold activities (an empty one would become a decision); no recursion, as a WBS may be
    #    nested deeper than Python recurses, and a loop of parents ends where it meets itself
    holds: set[str] = set()
    for start_wbs in by_wbs:
        up_wbs = start_wbs
        while up_wbs is not None and up_wbs not in holds:
            holds.add(up_wbs)
            up_wbs = parent_of.get(up_wbs)

    out_tasks: list[SourceTask] = []
    task_cal_week: dict[str, float] = {}
    assumed_cal = 0
    cal_use: dict[str, int] = {}
    phys_differs = 0
    units_differs = 0  # the same with a units % complete (Units-type activities)
    not_started_pct = 0
    extra_rsrc = 0
    loe = 0
    no_time_left: list[str] = []

    def add_task(r: dict[str, str], level: int, wbs_path: str) -> None:
        nonlocal assumed_cal, phys_differs, units_differs, not_started_pct, extra_rsrc, loe
        tid = _value(r, "task_id")
        code = _value(r, "task_code")
        name = _value(r, "task_name")
        where = f"activity {code or tid} {quoted(name)}"
        cal = calendars.get(_value(r, "clndr_id"))
        if cal is None:
            if _value(r, "clndr_id") or project_cal is None:
                assumed_cal += 1
            cal = project_cal
        hours_week = cal.week_hours if cal is not None else DEFAULT_HOURS_PER_WEEK
        if (
            cal is not None
            and project_cal is not None
            and cal.id != project_cal.id
            and abs(cal.week_hours - project_cal.week_hours) > 1e-6
        ):
            cal_use[cal.id] = cal_use.get(cal.id, 0) + 1
        task_cal_week[tid] = hours_week
        ttype = _value(r, "task_type")
        milestone = ttype in ("TT_Mile", "TT_FinMile")
        target = _number(r, "target_drtn_hr_cnt", report, where)
        remain = _number(r, "remain_drtn_hr_cnt", report, where)
        status = _value(r, "status_code")
        hours = target if target is not None else (remain or 0.0)
        if hours < 0:
            report.add("duration", f"a negative duration ({format_weeks(hours)} h) is read as 0", where)
            hours = 0.0
        if status == "TK_Active" and remain is not None and remain > hours:
            hours = remain  # the remaining work outgrew the original duration
        if ttype == "TT_LOE":
            loe += 1
        act_start = _moment(r, "act_start_date", report, where)
        act_end = _moment(r, "act_end_date", report, where)
        # In progress with no duration left and no actual finish: P6 schedules what is left (nothing) from the data
        # date, so its remaining early finish (reend_date) is the data date and it shows the activity ending there,
        # not at its target end; the plan has it done there
        ends_at_data_date = (
            status == "TK_Active" and remain is not None and remain <= 0 and act_end is None and hours > 0
        )
        if ends_at_data_date:
            act_end = parse_moment(_value(r, "reend_date")) or data_moment
            if act_end is not None and act_start is not None and act_end < act_start:
                act_end = act_start
            no_time_left.append(code or tid)
        phys = _number(r, "phys_complete_pct", report, where)
        if status == "TK_Complete":
            progress = 100.0
        elif status == "TK_Active":
            if hours > 0 and remain is not None:
                progress = max(0.0, min(100.0, (hours - max(0.0, remain)) / hours * 100))
                if phys is not None and abs(phys - progress) * hours <= XER_HOUR_STEP * 100:
                    # the stored percent, where the hours (kept to XER_HOUR_STEP) give it but for their rounding:
                    # the planner's 50 % of a third of a week came back as 49.9997 %
                    progress = phys
            else:
                progress = max(0.0, min(100.0, phys or 0.0))
            if (
                phys is not None
                and _value(r, "complete_pct_type") == "CP_Phys"
                and abs(phys - progress) > 0.5
                and hours > 0
            ):
                phys_differs += 1
            units = (
                _units_complete(r, report, where) if _value(r, "complete_pct_type") == "CP_Units" else None
            )
            if units is not None and abs(units - progress) > 0.5 and hours > 0:
                units_differs += 1
        else:
            progress = 0.0
            if phys:
                not_started_pct += 1
        # the dates the activity is placed by, each with the field it came from (a refusal names it)
        start_field = (
            "act_start_date" if act_start else _first_field(r, ("early_start_date", "target_start_date"))
        )
        start_t = act_start or (parse_moment(_value(r, start_field)) if start_field else None)
        end_field = "act_end_date" if act_end else _first_field(r, ("early_end_date", "target_end_date"))
        if ends_at_data_date and act_end is not None and not _value(r, "act_end_date"):
            end_field = "reend_date" if parse_moment(_value(r, "reend_date")) else ""
        finish_t = act_end or (parse_moment(_value(r, end_field)) if end_field else None)
        placed = [(start_t, start_field), (finish_t, end_field)]
        weeks = hours / hours_week
        not_before: float | None = None
        for ctype_field, cdate_field in (("cstr_type", "cstr_date"), ("cstr_type2", "cstr_date2")):
            ctype = _value(r, ctype_field)
            if not ctype:
                continue
            cdate = _moment(r, cdate_field, report, where)
            placed.append((cdate, cdate_field))
            _refuse_far(path, fmt, where, placed[-1:], weeks_at, start_dt)
            cweeks = weeks_at(cdate)
            label = CONSTRAINT_NAMES.get(ctype, ctype)
            if ctype in ("CS_MSOA",) and cweeks is not None:
                not_before = max(not_before or 0.0, cweeks)
            elif (
                ctype in ("CS_MSO", "CS_MANDSTART", "CS_MEO", "CS_MEOA", "CS_MANDFIN") and cweeks is not None
            ):
                floor = (
                    cweeks
                    if ctype in ("CS_MSO", "CS_MANDSTART")
                    else max(0.0, cweeks - (0 if milestone else weeks))
                )
                not_before = max(not_before or 0.0, floor)
                report.add(
                    "constraint",
                    f"'{label}' {format_date(cdate.date()) if cdate else ''} constraint carried as an earliest start "
                    f"(week {format_weeks(floor)}); "
                    + ("the date it also forces is not carried" if ctype != "CS_MEOA" else "nothing is lost"),
                    where,
                )
            else:
                report.add(
                    "constraint",
                    f"'{label}'"
                    + (f" {format_date(cdate.date())}" if cdate is not None else "")
                    + " constraint is not carried (the plan has only earliest starts)",
                    where,
                )
        # Every labour or other resource the plan has a team for works the activity: the headcount is their units'
        # sum, as for a task of MS Project's; the owner is the primary resource, else the one with the most units
        # (the first of equals). A resource assigned twice (two roles, two periods) counts once, at its most units.
        resources: list[tuple[str, float]] = []
        primary = _value(r, "rsrc_id")
        rows = assignments.get(tid, [])
        most: dict[str, float] = {}
        for a in rows:
            rid = _value(a, "rsrc_id")
            if rid not in team_of:
                continue
            got = _number(a, "remain_qty_per_hr", report, where)
            if got is None or got <= 0:
                got = _number(a, "target_qty_per_hr", report, where)
            units = got if got is not None and got > 0 and math.isfinite(got) else 1.0
            most[rid] = max(most.get(rid, 0.0), units)
        resources = [(team_of[rid], units) for rid, units in most.items()]
        repeated = sum(1 for a in rows if _value(a, "rsrc_id") in team_of) - len(most)
        if repeated:
            extra_rsrc += 1
            report.add(
                "resource",
                f"{count(repeated, 'resource assignment')} {agree(repeated, 'repeats', 'repeat')} a resource already "
                "assigned (another role or period): counted once, at its most units",
                where,
            )
        if not resources and primary in team_of:
            resources.append((team_of[primary], 1.0))
        lead = team_of.get(primary) if primary in most or (not most and primary in team_of) else None
        _refuse_far(path, fmt, where, placed, weeks_at, start_dt)
        actual_start = actual_at(act_start) if status in ("TK_Active", "TK_Complete") else None
        actual_finish = actual_at(act_end) if status == "TK_Complete" or ends_at_data_date else None
        own = hints.get(tid, {})
        was = own.get(UDF_STATUS)
        at_start = False
        if was:
            # The planner's own export: the plan's own actual values and not_before; an actual date P6 holds where
            # the plan had none counts only when the work had not started (or finished) in the plan, as it was
            # recorded in P6 after the export
            if own.get(UDF_ACTUAL_START) or was != "not_started":
                actual_start = own_actual(own.get(UDF_ACTUAL_START), report, where)
            if own.get(UDF_ACTUAL_FINISH) or was == "done":
                actual_finish = own_actual(own.get(UDF_ACTUAL_FINISH), report, where)
            if UDF_NOT_BEFORE in own and _value(r, "cstr_type") in ("", "CS_MSOA"):
                try:
                    floor = float(own[UDF_NOT_BEFORE])
                except ValueError:
                    floor = 0.0
                # 0 with the constraint at the start: the plan's own earliest start of week 0 (the status date's
                # constraint, later, is no earliest start of the plan's)
                at_start = floor == 0 and not_before is not None and not_before <= 1e-9
                not_before = floor if math.isfinite(floor) and floor > 0 else 0.0 if at_start else None
        out_tasks.append(
            SourceTask(
                key=tid,
                name=name,
                level=level,
                duration=0.0 if milestone else weeks,
                milestone=milestone,
                start=weeks_at(start_t),
                finish=weeks_at(finish_t),
                progress=progress,
                actual_start=actual_start,
                actual_finish=actual_finish,
                # started, even at 0 %; the planner's own export keeps the plan's status (blocked too)
                status_hint=was or ("in_progress" if status == "TK_Active" else None),
                wanted_id=code_of.get(tid) if was else None,
                wbs=f"{wbs_path}.{code}" if wbs_path else code,
                not_before=not_before,
                floor_at_start=at_start,
                resources=resources,
                lead=lead,
                code=code_of.get(tid),
                notes=memos.get(tid, ""),
                stage_hint=hints.get(tid, {}).get(UDF_STAGE),
                area_hint=hints.get(tid, {}).get(UDF_AREA),
            )
        )
        if ttype == "TT_LOE":
            report.add(
                "duration",
                f"a level-of-effort activity keeps its stored duration ({format_weeks(weeks)} weeks); in the plan it "
                "no longer stretches with the activities it spans",
                where,
            )
        if milestone and hours > 0:
            report.add("duration", f"a milestone with {format_weeks(hours)} hours is read as 0", where)

    from planner.io import MAX_NESTING

    seen_wbs: set[str] = set()

    def walk(top: str | None, level0: int, code0: str) -> None:
        """The WBS below ``top`` in P6's order (each element's own activities, then its children), depth first
        without recursion."""
        stack: list[tuple[str | None, int, str]] = [(top, level0, code0)]
        while stack:
            wid, level, path_code = stack.pop()
            if level > MAX_NESTING:
                raise InteropError(
                    path,
                    f"the WBS is nested more than the {MAX_NESTING:,} levels an import takes",
                    hint="flatten the WBS in P6 and export again",
                )
            if wid is not None:
                short = _value(wbs[wid], "wbs_short_name")
                out_tasks.append(
                    SourceTask(key=f"wbs-{wid}", name=_value(wbs[wid], "wbs_name") or short or wid, level=level - 1,
                               wbs=path_code)
                )  # fmt: skip
            for r in by_wbs.get(wid, []):
                add_task(r, level, path_code)
            for c in reversed(children.get(wid, [])):
                if c in seen_wbs or c not in holds:
                    continue
                seen_wbs.add(c)
                short = _value(wbs[c], "wbs_short_name")
                stack.append((c, level + 1, f"{path_code}.{short}" if path_code else short))

    walk(None, 1, "")
    orphans = [w for w in wbs if w not in project_nodes and w not in seen_wbs and w in holds]
    if orphans:  # a loop of parent_wbs_id: read its elements at the top level
        report.add(
            "format",
            f"{count(len(orphans), 'WBS element')} {agree(len(orphans), 'forms', 'form')} a loop of parents "
            f"(parent_wbs_id); {agree(len(orphans), 'it is', 'they are')} put at the top level",
        )
        for w in orphans:
            if w in seen_wbs or not by_wbs.get(w):
                continue
            seen_wbs.add(w)
            out_tasks.append(SourceTask(key=f"wbs-{w}", name=_value(wbs[w], "wbs_name") or w, level=1))
            for r in by_wbs.get(w, []):
                add_task(r, 2, _value(wbs[w], "wbs_short_name"))

    if assumed_cal:
        report.add(
            "calendar",
            f"{count(assumed_cal, 'activity', 'activities')} {agree(assumed_cal, 'names', 'name')} a calendar the "
            "file does not hold: the project's calendar "
            f"({format_weeks(week_hours)} h a week) is assumed",
        )
    for cid, used in cal_use.items():
        c = calendars[cid]
        their, they = agree(used, "its", "their"), agree(used, "it takes", "they take")
        report.add(
            "calendar",
            f"{count(used, 'activity', 'activities')} {agree(used, 'uses', 'use')} calendar {quoted(c.name)} "
            f"({format_weeks(c.week_hours)} h a week): {their} hours are read as weeks of it, so {they} the "
            f"calendar time {they} in P6; the plan has one calendar, so where {their} days off fall is not carried",
        )
    for n, kind in ((phys_differs, "physical"), (units_differs, "units")):
        if n:
            report.add(
                "progress",
                f"{count(n, 'activity', 'activities')} in progress {agree(n, 'has', 'have')} a {kind} % complete "
                f"unlike {agree(n, 'its', 'their')} duration % complete: the plan's progress is the duration % (what "
                f"schedules {agree(n, 'its', 'their')} remaining work)",
            )
    if no_time_left:
        n = len(no_time_left)
        their = agree(n, "its", "their")
        report.add(
            "progress",
            f"{count(n, 'activity', 'activities')} in progress {agree(n, 'has', 'have')} no duration left and no "
            f"actual finish ({some(no_time_left)}): done at the data date, where "
            f"P6 schedules {their} finish ({their} remaining early finish), not at {their} target end",
        )

    if not_started_pct:
        report.add(
            "progress",
            f"{count(not_started_pct, 'activity', 'activities')} not started {agree(not_started_pct, 'has', 'have')} "
            "a % complete; not carried (P6 counts progress from an actual start)",
        )

    # -- links ------------------------------------------------------------------------------------------------------
    lag_rule = _value(
        next(iter(_rows(tables, "SCHEDOPTIONS", proj_id)), {}), "sched_calendar_on_relationship_lag"
    )
    links: list[SourceLink] = []
    outside: list[str] = []  # relationships to activities of other projects or not in the file: left out
    every_task = {_value(r, "task_id"): r for r in _rows(tables, "TASK")}
    project_names = {_value(r, "proj_id"): _value(r, "proj_short_name") for r in _rows(tables, "PROJECT")}

    def activity(tid: str) -> str:
        """An activity as P6 shows it (its Activity ID and name), or its task_id when the file does not hold it."""
        row = every_task.get(tid)
        if row is None:
            return f"task_id {tid}"
        return f"{_value(row, 'task_code') or tid} {quoted(_value(row, 'task_name'))}"

    for r in _rows(tables, "TASKPRED"):
        succ, pred = _value(r, "task_id"), _value(r, "pred_task_id")
        if succ not in task_ids and pred not in task_ids:
            continue  # a link between other projects' activities
        where = f"link {pred} -> {succ}"
        # a relationship to another project's activity (P6 writes it whether that project is in the file or not)
        other_project = bool(_value(r, "pred_proj_id")) and _value(r, "pred_proj_id") != proj_id
        if succ not in task_ids or pred not in task_ids or other_project:
            other = pred if (pred not in task_ids or other_project) else succ
            other_proj = _value(r, "pred_proj_id") if other == pred else _value(r, "proj_id")
            elsewhere = (
                f" of project {quoted(project_names.get(other_proj) or other_proj)}"
                if other_proj and other_proj != proj_id
                else ""
            )
            outside.append(
                f"{activity(succ)} after {activity(pred)}{elsewhere}"
                if other == pred
                else f"{activity(pred)} before {activity(succ)}{elsewhere}"
            )
            continue
        if succ == pred:
            report.add("link", "an activity linked to itself; dropped", where)
            continue
        if succ in dropped or pred in dropped:
            continue
        ltype = LINK_TYPES.get(_value(r, "pred_type"))
        if ltype is None:
            report.add(
                "link", f"unknown relationship type {quoted(_value(r, 'pred_type'))}; read as FS", where
            )
            ltype = DependencyType.FS
        lag_hours = _number(r, "lag_hr_cnt", report, where) or 0.0
        if lag_rule == "rcal_24Hour":
            per_week = 168.0
        elif lag_rule == "rcal_ProjDefault":
            per_week = week_hours
        elif lag_rule == "rcal_Successor":
            per_week = task_cal_week.get(succ, week_hours)
        else:  # P6's default: the predecessor's calendar
            per_week = task_cal_week.get(pred, week_hours)
        links.append(SourceLink(pred, succ, ltype, lag_hours / per_week))
    report_outside_links(report, outside)

    # The file's finish: its activities' latest (early or actual) finish when each has one, as P6 shows it; else
    # the project's scheduled finish (a tool may write scd_end_date at the data date when all work is done)
    ends = [t.finish for t in out_tasks if not t.key.startswith("wbs-") or t.key[4:] not in wbs]
    end_field = _first_field(proj, ("scd_end_date", "plan_end_date"))
    end_moment = parse_moment(_value(proj, end_field)) if end_field else None
    scheduled_end = weeks_at(end_moment)
    if end_moment is not None and scheduled_end is not None and scheduled_end > MAX_WEEKS:
        # only compared with the plan's finish: a far one is said and left out, not a refusal of the file
        report.add(
            "schedule",
            f"its finish ({_PM_PROJECT_FIELDS.get(end_field, end_field) if fmt == 'p6xml' else end_field}) "
            f"{format_date(end_moment.date())} is {format_weeks(scheduled_end)} weeks after the project start: "
            "not compared with the plan's finish",
            where_p,
        )
        scheduled_end = None
    finish = scheduled_end
    if ends and all(e is not None for e in ends):
        finish = max(e for e in ends if e is not None)
    data_date = data_moment
    # The data date is where remaining work resumes: kept as working weeks, exactly where P6 has it (its calendar day
    # in the plan's 7-day weeks may be another day, as for every date of the file); the planner's own export
    # writes the status date's own day
    status_week = weeks_at(data_date)
    if data_date is not None and status_week is not None and status_week > MAX_WEEKS:
        raise _too_far(
            path,
            f"project {quoted(title or proj_id)}: its data date (last_recalc_date)",
            data_date,
            status_week,
            start_dt,
            "set the data date in P6 (Schedule, F9) and export again",
        )
    status: float | None = round(status_week, 6) if status_week is not None and status_week > 1e-9 else None
    status_value: dt.date | float | None = status
    if own_status is not None:
        status_value = own_status if own_status > origin else None
    elif status is not None and data_date is not None and start_dt is not None:
        shown = week_to_date(start_dt.date(), status)
        if abs(status * 7 - round(status * 7)) < 0.004 and shown is not None:  # a whole day (to XER's minute)
            status_value = shown
        if shown != data_date.date():
            report.add(
                "progress",
                f"the data date {format_date(data_date.date())} is the status date at week {format_weeks(status)} "
                f"(working weeks of the project calendar from the start), which the plan shows as "
                f"{format_date(shown)}: the plan's weeks have no calendar (the file's actual dates are placed the "
                "same way)",
            )
    if start_dt is not None:
        # the days off up to the project's end (its scheduled finish, its work, its data date)
        reach = [t.finish for t in out_tasks if t.finish is not None] + [t.duration for t in out_tasks]
        last = max([finish or 0.0, scheduled_end or 0.0, *reach, weeks_at(data_date) or 0.0])
        room = (dt.date.max - origin).days
        if math.ceil(min(max(0.0, last), MAX_WEEKS) * 7) > room:
            # work a plan can hold runs past the calendar's last day: the project's start is what is wrong
            named = (
                ""
                if not _value(proj, "plan_start_date")
                else "PlannedStartDate"
                if fmt == "p6xml"
                else "plan_start_date"
            )
            raise InteropError(
                path,
                f"{where_p}: its {f'planned start ({named})' if named else 'start (its earliest activity date)'} "
                f"{format_date(origin)} leaves its {plural_weeks(last)} of work no room before "
                f"{format_date(dt.date.max)}, the last date a calendar holds",
                hint="correct the project's planned start in P6 and export again",
            )
        # (a duration past what a plan holds is refused by the activity, naming it)
        until = origin + dt.timedelta(days=min(math.ceil(max(0.0, last) * 7) + 7, room))
        report_days_off(report, (h for h in calendar.holidays if origin <= h <= until))
    return Outline(
        title=title[:200],
        format=fmt,
        start_date=origin if start_dt else None,
        tasks=out_tasks,
        links=links,
        teams=teams,
        currency=_base_currency(tables),
        finish=finish,
        status_date=status_value,
        extra={"hours_per_week": week_hours, "project": _value(proj, "proj_short_name") or proj_id},
    )


ISO_4217 = frozenset(
    [
        "AED",
        "AFN",
        "ALL",
        "AMD",
        "ANG",
        "AOA",
        "ARS",
        "AUD",
        "AWG",
        "AZN",
        "BAM",
        "BBD",
        "BDT",
        "BGN",
        "BHD",
        "BIF",
        "BMD",
        "BND",
        "BOB",
        "BRL",
        "BSD",
        "BTN",
        "BWP",
        "BYN",
        "BZD",
        "CAD",
        "CDF",
        "CHF",
        "CLP",
        "CNY",
        "COP",
        "CRC",
        "CUP",
        "CVE",
        "CZK",
        "DJF",
        "DKK",
        "DOP",
        "DZD",
        "EGP",
        "ERN",
        "ETB",
        "EUR",
        "FJD",
        "FKP",
        "GBP",
        "GEL",
        "GHS",
        "GIP",
        "GMD",
        "GNF",
        "GTQ",
        "GYD",
        "HKD",
        "HNL",
        "HTG",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "IQD",
        "IRR",
        "ISK",
        "JMD",
        "JOD",
        "JPY",
        "KES",
        "KGS",
        "KHR",
        "KMF",
        "KPW",
        "KRW",
        "KWD",
        "KYD",
        "KZT",
        "LAK",
        "LBP",
        "LKR",
        "LRD",
        "LSL",
        "LYD",
        "MAD",
        "MDL",
        "MGA",
        "MKD",
        "MMK",
        "MNT",
        "MOP",
        "MRU",
        "MUR",
        "MVR",
        "MWK",
        "MXN",
        "MYR",
        "MZN",
        "NAD",
        "NGN",
        "NIO",
        "NOK",
        "NPR",
        "NZD",
        "OMR",
        "PAB",
        "PEN",
        "PGK",
        "PHP",
        "PKR",
        "PLN",
        "PYG",
        "QAR",
        "RON",
        "RSD",
        "RUB",
        "RWF",
        "SAR",
        "SBD",
        "SCR",
        "SDG",
        "SEK",
        "SGD",
        "SHP",
        "SLE",
        "SOS",
        "SRD",
        "SSP",
        "STN",
        "SVC",
        "SYP",
        "SZL",
        "THB",
        "TJS",
        "TMT",
        "TND",
        "TOP",
        "TRY",
        "TTD",
        "TWD",
        "TZS",
        "UAH",
        "UGX",
        "USD",
        "UYU",
        "UZS",
        "VES",
        "VND",
        "VUV",
        "WST",
        "XAF",
        "XCD",
        "XOF",
        "XPF",
        "YER",
        "ZAR",
        "ZMW",
        "ZWL",
    ]
)
"""The ISO 4217 codes of currencies in use: a P6 currency id that is one names the plan's currency (MPXJ writes
'CUR' for its default currency, which names none)."""


def _too_far(
    path: str | os.PathLike[str],
    what: str,
    moment: dt.datetime,
    weeks: float,
    start: dt.datetime | None,
    hint: str,
) -> InteropError:
    """The refusal of a date (``what``: the activity or project and the field) further after the project start
    than a plan takes."""
    return InteropError(
        path,
        f"{what} {format_date(moment.date())} is {format_weeks(weeks)} weeks after the project start"
        + (f", {format_date(start.date())}" if start is not None else "")
        + f": more than the {MAX_WEEKS:,.0f} a plan takes",
        hint=hint,
    )


_PM_FIELDS = {
    "act_start_date": "ActualStartDate",
    "act_end_date": "ActualFinishDate",
    "early_start_date": "StartDate",
    "early_end_date": "FinishDate",
    "target_start_date": "PlannedStartDate",
    "target_end_date": "PlannedFinishDate",
    "cstr_date": "PrimaryConstraintDate",
    "cstr_date2": "SecondaryConstraintDate",
    "reend_date": "RemainingEarlyFinishDate",
}
"""A P6 XML activity's element for each XER field the reader takes its dates from (a refusal names the file's own)."""

_PM_PROJECT_FIELDS = {"scd_end_date": "FinishDate"}
"""A P6 XML project's element for each XER field of its finish."""

_DATE_KINDS = {"act_": "actual date", "cstr_": "constraint date", "reend": "remaining finish"}


def _first_field(row: dict[str, str], names: tuple[str, ...]) -> str:
    """The first of ``names`` that holds a date in ``row`` ('' when none does)."""
    return next((n for n in names if parse_moment(_value(row, n)) is not None), "")


def _refuse_far(
    path: str | os.PathLike[str],
    fmt: str,
    where: str,
    dates: list[tuple[dt.datetime | None, str]],
    weeks_at: Callable[[dt.datetime | None], float | None],
    start: dt.datetime | None,
) -> None:
    """Refuse an activity whose date (actual, scheduled, planned or constraint: ``dates`` pairs each with its XER
    field) is further after the project start than a plan takes, naming the activity and the field as the file
    has it. A date in 9999 otherwise reached the model (an earliest start of 416,011 weeks) or date arithmetic
    (an overflow), refused without the field."""
    for moment, field_name in dates:
        far = weeks_at(moment)
        if moment is None or far is None or far <= MAX_WEEKS or not field_name:
            continue  # (no field: the data date, refused as the project's)
        kind = next((k for p, k in _DATE_KINDS.items() if field_name.startswith(p)), None)
        kind = kind or ("start" if "start" in field_name else "finish")
        shown = _PM_FIELDS.get(field_name, field_name) if fmt == "p6xml" else field_name
        raise _too_far(
            path,
            f"{where}: its {kind} ({shown})",
            moment,
            far,
            start,
            "correct the activity's dates (or the project's start) in P6 and export again",
        )


def _base_currency(tables: dict[str, XerTable]) -> str | None:
    """The database's base currency (the CURRTYPE row at exchange rate 1), when it is an ISO 4217 code: the
    currency of every cost and rate in the file."""
    for r in _rows(tables, "CURRTYPE"):
        code = _value(r, "curr_short_name").strip().upper()
        try:
            base = float(_value(r, "base_exch_rate")) == 1.0
        except ValueError:
            continue
        if base and code in ISO_4217:
            return code
    return None


def _latest(rows: Iterable[dict[str, str]], field: str, at: str, cap: float) -> dict[str, float]:
    """Each resource's value of RSRCRATE ``field`` (a finite number >= 0, at most ``cap``) in the rate row in effect
    at ``at`` (an ISO date): the latest starting on or before it, else the earliest."""
    found: dict[str, list[tuple[str, float]]] = {}
    for r in rows:
        rid = _value(r, "rsrc_id")
        try:
            value = float(_value(r, field))
        except ValueError:
            continue
        if rid and math.isfinite(value) and value >= 0:
            found.setdefault(rid, []).append((_value(r, "start_date")[:10], min(value, cap)))
    out: dict[str, float] = {}
    for rid, dated in found.items():
        dated.sort(key=lambda x: x[0])
        before = [v for when, v in dated if when <= at]
        out[rid] = before[-1] if before else dated[0][1]
    return out


def read_xer(
    path: str | os.PathLike[str], data: bytes | None = None, project: str | None = None
) -> tuple[Outline, ImportReport]:
    """Read a Primavera P6 XER file into an :class:`Outline` and a report (no plan yet)."""
    raw = read_limited(path) if data is None else data
    report = ImportReport(source=os.path.basename(str(path)), format="Primavera P6 XER")
    tables = parse_xer(raw, path, report)
    if "TASK" not in tables:
        raise InteropError(path, "holds no TASK table, so no activities", hint=XER_HINT)
    return outline_from_tables(tables, path, report, "xer", project), report


def import_xer(
    path: str | os.PathLike[str], mapping: Mapping | None = None, data: bytes | None = None
) -> tuple[Plan, ImportReport]:
    """The plan in a P6 XER file, and what could not be carried."""
    outline, report = read_xer(path, data)
    return build_plan(outline, report, mapping), report


# -- P6 XML (PMXML) ---------------------------------------------------------------------------------------------------
_PM_TASK_TYPES = {
    "Task Dependent": "TT_Task",
    "Resource Dependent": "TT_Rsrc",
    "Level of Effort": "TT_LOE",
    "Start Milestone": "TT_Mile",
    "Finish Milestone": "TT_FinMile",
    "WBS Summary": "TT_WBS",
}
_PM_STATUS = {"Not Started": "TK_NotStart", "In Progress": "TK_Active", "Completed": "TK_Complete"}
_PM_PCT_TYPES = {"Physical": "CP_Phys", "Duration": "CP_Drtn", "Units": "CP_Units"}
_PM_CONSTRAINTS = {v: k for k, v in CONSTRAINT_NAMES.items()}
_PM_LINKS = {
    "Finish to Start": "PR_FS",
    "Start to Start": "PR_SS",
    "Finish to Finish": "PR_FF",
    "Start to Finish": "PR_SF",
}
_PM_RSRC = {"Labor": "RT_Labor", "Nonlabor": "RT_Equip", "Material": "RT_Mat"}
_PM_LAG_CALENDAR = {
    "Predecessor Activity Calendar": "rcal_Predecessor",
    "Successor Activity Calendar": "rcal_Successor",
    "24 Hour Calendar": "rcal_24Hour",
    "Project Default Calendar": "rcal_ProjDefault",
}
_PM_DAYS = {"Sunday": 1, "Monday": 2, "Tuesday": 3, "Wednesday": 4, "Thursday": 5, "Friday": 6, "Saturday": 7}


def _pm_fields(el: Any) -> dict[str, Any]:
    return {local(c.tag): c for c in el}


def _pm_text(f: dict[str, Any], name: str) -> str:
    el = f.get(name)
    return (el.text or "").strip() if el is not None else ""


def _pm_fraction(text: str) -> str:
    """A P6 XML percent (a fraction, 1 = 100 %) as XER's 0-100."""
    try:
        x = float(text)
    except ValueError:
        return text
    return repr(x * 100) if math.isfinite(x) else text


def _pm_clock(text: str, finish: bool) -> str | None:
    """``07:00:00`` as ``07:00``; P6 XML ends a span a minute early, at its last working minute (``11:59:00`` for
    noon, ``15:29:00`` for half past three): a finish a minute before a quarter hour is that quarter hour."""
    m = re.match(r"^(\d{1,2}):(\d{2})", text)
    if not m:
        return None
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    if finish and minutes % 15 == 14:
        minutes += 1
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _pm_calendar(el: Any) -> dict[str, str]:
    """A P6 XML calendar as a CALENDAR row (its week and holidays written as ``clndr_data``)."""
    f = _pm_fields(el)
    days: list[str] = []
    week = f.get("StandardWorkWeek")
    for wh in week if week is not None else []:
        wf = _pm_fields(wh)
        number = _PM_DAYS.get(_pm_text(wf, "DayOfWeek"))
        if number is None:
            continue
        spans = []
        for k, wt in enumerate(c for c in wh if local(c.tag) == "WorkTime"):
            tf = _pm_fields(wt)
            a, b = _pm_clock(_pm_text(tf, "Start"), False), _pm_clock(_pm_text(tf, "Finish"), True)
            if a and b:
                spans.append(f"(0||{k}(s|{a}|f|{b})())")
        days.append(f"(0||{number}()({''.join(spans)}))")
    holidays: list[str] = []
    exc = f.get("HolidayOrExceptions")
    for k, h in enumerate(exc if exc is not None else []):
        hf = _pm_fields(h)
        when = parse_moment(_pm_text(hf, "Date"))
        if when is None or any(local(c.tag) == "WorkTime" and len(c) for c in h):
            continue
        serial = (when.date() - dt.date(1899, 12, 30)).days
        holidays.append(f"(0||{k}(d|{serial})())")
    data = f"(0||CalendarData()((0||DaysOfWeek()({''.join(days)}))(0||Exceptions()({''.join(holidays)}))))"
    return {
        "clndr_id": _pm_text(f, "ObjectId"),
        "clndr_name": _pm_text(f, "Name"),
        "default_flag": "Y" if _pm_text(f, "IsDefault") in ("1", "true") else "N",
        "day_hr_cnt": _pm_text(f, "HoursPerDay"),
        "week_hr_cnt": _pm_text(f, "HoursPerWeek"),
        "clndr_data": data if days else "",
    }


def pmxml_tables(root: Any) -> dict[str, XerTable]:
    """The objects of a P6 XML document as the XER tables :func:`outline_from_tables` reads (the same fields)."""
    tables: dict[str, XerTable] = {}

    def add(name: str, row: dict[str, str], el: Any) -> None:
        row["#line"] = str(getattr(el, "sourceline", "") or "")
        tables.setdefault(name, XerTable(name, 0)).rows.append(row)

    def walk(el: Any, project: str | None) -> None:
        for c in el:
            tag = local(c.tag)
            if tag == "Project":
                f = _pm_fields(c)
                pid = _pm_text(f, "ObjectId")
                add(
                    "PROJECT",
                    {
                        "proj_id": pid,
                        "proj_short_name": _pm_text(f, "Id"),
                        "clndr_id": _pm_text(f, "ActivityDefaultCalendarObjectId"),
                        "plan_start_date": _pm_text(f, "PlannedStartDate"),
                        "scd_end_date": _pm_text(f, "FinishDate"),
                        "last_recalc_date": _pm_text(f, "DataDate"),
                    },
                    c,
                )
                add(
                    "PROJWBS",
                    {
                        "wbs_id": f"project-{pid}",
                        "proj_id": pid,
                        "proj_node_flag": "Y",
                        "wbs_name": _pm_text(f, "Name"),
                    },
                    c,
                )
                rule = _PM_LAG_CALENDAR.get(_pm_text(f, "RelationshipLagCalendar"), "")
                add("SCHEDOPTIONS", {"proj_id": pid, "sched_calendar_on_relationship_lag": rule}, c)
                walk(c, pid)
            elif tag == "Calendar":
                add("CALENDAR", _pm_calendar(c), c)
            elif tag == "WBS":
                f = _pm_fields(c)
                add(
                    "PROJWBS",
                    {
                        "wbs_id": _pm_text(f, "ObjectId"),
                        "proj_id": _pm_text(f, "ProjectObjectId") or project or "",
                        "parent_wbs_id": _pm_text(f, "ParentObjectId"),
                        "wbs_short_name": _pm_text(f, "Code"),
                        "wbs_name": _pm_text(f, "Name"),
                        "seq_num": _pm_text(f, "SequenceNumber"),
                    },
                    c,
                )
            elif tag == "UDFType":
                f = _pm_fields(c)
                area = _pm_text(f, "SubjectArea")
                add(
                    "UDFTYPE",
                    {
                        "udf_type_id": _pm_text(f, "ObjectId"),
                        "table_name": "TASK" if area == "Activity" else area,
                        "udf_type_label": _pm_text(f, "Title"),
                    },
                    c,
                )
            elif tag == "Activity":
                f = _pm_fields(c)
                for u in c:
                    if local(u.tag) == "UDF":
                        uf = _pm_fields(u)
                        text = _pm_text(uf, "TextValue")
                        number = next(
                            (
                                _pm_text(uf, k)
                                for k in ("DoubleValue", "IntegerValue", "CostValue")
                                if k in uf
                            ),
                            "",
                        )
                        date = _pm_text(uf, "StartDateValue") or _pm_text(uf, "FinishDateValue")
                        add(
                            "UDFVALUE",
                            {
                                "udf_type_id": _pm_text(uf, "TypeObjectId"),
                                "fk_id": _pm_text(f, "ObjectId"),
                                "proj_id": _pm_text(f, "ProjectObjectId") or project or "",
                                "udf_text": text,
                                "udf_number": number,
                                "udf_date": date,
                                "udf_code_id": _pm_text(uf, "CodeValue"),
                            },
                            u,
                        )
                add(
                    "TASK",
                    {
                        "task_id": _pm_text(f, "ObjectId"),
                        "proj_id": _pm_text(f, "ProjectObjectId") or project or "",
                        "wbs_id": _pm_text(f, "WBSObjectId"),
                        "clndr_id": _pm_text(f, "CalendarObjectId"),
                        "task_code": _pm_text(f, "Id"),
                        "task_name": _pm_text(f, "Name"),
                        "task_type": _PM_TASK_TYPES.get(_pm_text(f, "Type"), _pm_text(f, "Type")),
                        "status_code": _PM_STATUS.get(_pm_text(f, "Status"), ""),
                        "priority_type": f"PT_{_pm_text(f, 'LevelingPriority')}"
                        if _pm_text(f, "LevelingPriority")
                        else "",
                        "complete_pct_type": _PM_PCT_TYPES.get(_pm_text(f, "PercentCompleteType"), ""),
                        "phys_complete_pct": _pm_fraction(_pm_text(f, "PhysicalPercentComplete")),
                        "act_work_qty": _pm_text(f, "ActualLaborUnits"),
                        "remain_work_qty": _pm_text(f, "RemainingLaborUnits"),
                        "act_equip_qty": _pm_text(f, "ActualNonLaborUnits"),
                        "remain_equip_qty": _pm_text(f, "RemainingNonLaborUnits"),
                        "target_drtn_hr_cnt": _pm_text(f, "PlannedDuration"),
                        "remain_drtn_hr_cnt": _pm_text(f, "RemainingDuration"),
                        "act_start_date": _pm_text(f, "ActualStartDate"),
                        "act_end_date": _pm_text(f, "ActualFinishDate"),
                        "early_start_date": _pm_text(f, "StartDate"),
                        "early_end_date": _pm_text(f, "FinishDate"),
                        "target_start_date": _pm_text(f, "PlannedStartDate"),
                        "target_end_date": _pm_text(f, "PlannedFinishDate"),
                        "cstr_type": _PM_CONSTRAINTS.get(_pm_text(f, "PrimaryConstraintType"), ""),
                        "cstr_date": _pm_text(f, "PrimaryConstraintDate"),
                        "cstr_type2": _PM_CONSTRAINTS.get(_pm_text(f, "SecondaryConstraintType"), ""),
                        "cstr_date2": _pm_text(f, "SecondaryConstraintDate"),
                        "rsrc_id": _pm_text(f, "PrimaryResourceObjectId"),
                    },
                    c,
                )
            elif tag == "Relationship":
                f = _pm_fields(c)
                add(
                    "TASKPRED",
                    {
                        "task_id": _pm_text(f, "SuccessorActivityObjectId"),
                        "pred_task_id": _pm_text(f, "PredecessorActivityObjectId"),
                        "proj_id": _pm_text(f, "SuccessorProjectObjectId") or project or "",
                        "pred_proj_id": _pm_text(f, "PredecessorProjectObjectId") or project or "",
                        "pred_type": _PM_LINKS.get(_pm_text(f, "Type"), _pm_text(f, "Type")),
                        "lag_hr_cnt": _pm_text(f, "Lag"),
                    },
                    c,
                )
            elif tag == "Resource":
                f = _pm_fields(c)
                add(
                    "RSRC",
                    {
                        "rsrc_id": _pm_text(f, "ObjectId"),
                        "rsrc_name": _pm_text(f, "Name"),
                        "rsrc_short_name": _pm_text(f, "Id"),
                        "rsrc_type": _PM_RSRC.get(_pm_text(f, "ResourceType"), ""),
                    },
                    c,
                )
                if _pm_text(f, "MaxUnitsPerTime"):
                    add(
                        "RSRCRATE",
                        {
                            "rsrc_id": _pm_text(f, "ObjectId"),
                            "max_qty_per_hr": _pm_text(f, "MaxUnitsPerTime"),
                        },
                        c,
                    )
            elif tag == "ResourceRate":
                f = _pm_fields(c)
                add(
                    "RSRCRATE",
                    {
                        "rsrc_id": _pm_text(f, "ResourceObjectId"),
                        "max_qty_per_hr": _pm_text(f, "MaxUnitsPerTime"),
                        "cost_per_qty": _pm_text(f, "PricePerUnit"),
                        "start_date": _pm_text(f, "EffectiveDate"),
                    },
                    c,
                )
            elif tag == "Currency":
                f = _pm_fields(c)
                add(
                    "CURRTYPE",
                    {"curr_short_name": _pm_text(f, "Id"), "base_exch_rate": _pm_text(f, "ExchangeRate")},
                    c,
                )
            elif tag == "ActivityNote":
                f = _pm_fields(c)
                add(
                    "TASKMEMO",
                    {
                        "task_id": _pm_text(f, "ActivityObjectId"),
                        "proj_id": _pm_text(f, "ProjectObjectId") or project or "",
                        "task_memo": _pm_text(f, "Note"),
                    },
                    c,
                )
            elif tag == "ResourceAssignment":
                f = _pm_fields(c)
                add(
                    "TASKRSRC",
                    {
                        "task_id": _pm_text(f, "ActivityObjectId"),
                        "rsrc_id": _pm_text(f, "ResourceObjectId"),
                        "proj_id": _pm_text(f, "ProjectObjectId") or project or "",
                        "remain_qty_per_hr": _pm_text(f, "RemainingUnitsPerTime"),
                        "target_qty_per_hr": _pm_text(f, "PlannedUnitsPerTime"),
                    },
                    c,
                )

    walk(root, None)
    return tables


def is_pmxml(data: bytes) -> bool:
    """Whether XML ``data`` is P6 XML: its root element is ``APIBusinessObjects`` (looked for in the first 4 KB,
    after the declaration and any comments); UTF-16 or UTF-32 (P6 and Windows tools write it) read by its ASCII
    characters, its zero bytes dropped."""
    head = data[:16384].replace(b"\x00", b"")[:4096] if wide_encoding(data) else data[:4096]
    return re.search(rb"<\s*(?:[\w.-]+:)?APIBusinessObjects[\s>/]", head) is not None


def read_pmxml(
    path: str | os.PathLike[str], data: bytes | None = None, project: str | None = None
) -> tuple[Outline, ImportReport]:
    """Read a Primavera P6 XML file (PMXML) into an :class:`Outline` and a report (no plan yet)."""
    raw = read_limited(path) if data is None else data
    root = parse_xml(raw, path)
    if local(root.tag) != "APIBusinessObjects":
        raise InteropError(
            path,
            f"not a Primavera P6 XML file (the top element is <{local(root.tag)}>, not <APIBusinessObjects>)",
            hint="export the project from P6 as XML, or import an MS Project XML file with --format mspdi",
        )
    report = ImportReport(source=os.path.basename(str(path)), format="Primavera P6 XML")
    tables = pmxml_tables(root)
    return outline_from_tables(tables, path, report, "p6xml", project), report


# -- export -----------------------------------------------------------------------------------------------------------
HOURS_PER_WEEK = 40
"""An exported week: 40 working hours, Monday to Friday 08:00-12:00 and 13:00-17:00 (1 week = 5 days of 8 h)."""

UDF_STAGE = "Planner stage"
UDF_AREA = "Planner area"
UDF_STATUS = "Planner status"
UDF_ACTUAL_START = "Planner actual start"
UDF_ACTUAL_FINISH = "Planner actual finish"
UDF_NOT_BEFORE = "Planner not before (weeks)"
UDF_LABELS = (UDF_STAGE, UDF_AREA, UDF_STATUS, UDF_ACTUAL_START, UDF_ACTUAL_FINISH, UDF_NOT_BEFORE)
"""Activity user-defined fields the export writes and an import reads: the decision's stage and area ids, its
status (P6 has no 'blocked'), its own actual dates (ISO date or weeks; P6 needs an actual start for work in progress,
which the plan may not have) and its not_before (the export's Start On or After also holds the status date)."""

_STANDARD_WEEK = (
    "(0||CalendarData()((0||DaysOfWeek()((0||1()())"
    + "".join(f"(0||{n}()((0||0(s|08:00|f|12:00)())(0||1(s|13:00|f|17:00)())))" for n in range(2, 7))
    + "(0||7()())))(0||Exceptions()())))"
)

_FIELDS = {
    "CURRTYPE": "curr_id decimal_digit_cnt curr_symbol decimal_symbol digit_group_symbol pos_curr_fmt_type "
    "neg_curr_fmt_type curr_type curr_short_name group_digit_cnt base_exch_rate",
    "PROJECT": "proj_id fy_start_month_num rsrc_self_add_flag allow_complete_flag rsrc_multi_assign_flag "
    "checkout_flag project_flag step_complete_flag cost_qty_recalc_flag batch_sum_flag name_sep_char "
    "def_complete_pct_type proj_short_name acct_id orig_proj_id source_proj_id base_type_id clndr_id "
    "sum_base_proj_id task_code_base task_code_step priority_num wbs_max_sum_level strgy_priority_num "
    "last_checksum critical_drtn_hr_cnt def_cost_per_qty last_recalc_date plan_start_date plan_end_date "
    "scd_end_date add_date last_tasksum_date fcst_start_date def_duration_type task_code_prefix guid def_qty_type "
    "add_by_name web_local_root_path proj_url def_rate_type add_act_remain_flag act_this_per_link_flag "
    "def_task_type act_pct_link_flag critical_path_type task_code_prefix_flag def_rollup_dates_flag "
    "use_project_baseline_flag rem_target_link_flag reset_planned_flag allow_neg_act_flag sum_assign_level "
    "last_fin_dates_id fintmpl_id last_baseline_update_date cr_external_key apply_actuals_date "
    "last_schedule_date location_id loaded_scope_level export_flag new_fin_dates_id baselines_to_export "
    "baseline_names_to_export next_data_date close_period_flag sum_refresh_date trsrcsum_loaded sumtask_loaded",
    "CALENDAR": "clndr_id default_flag clndr_name proj_id base_clndr_id last_chng_date clndr_type day_hr_cnt "
    "week_hr_cnt month_hr_cnt year_hr_cnt rsrc_private clndr_data",
    "SCHEDOPTIONS": "schedoptions_id proj_id sched_outer_depend_type sched_open_critical_flag "
    "sched_lag_early_start_flag sched_retained_logic sched_setplantoforecast sched_float_type "
    "sched_calendar_on_relationship_lag sched_use_expect_end_flag sched_progress_override level_float_thrs_cnt "
    "level_outer_assign_flag level_outer_assign_priority level_over_alloc_pct level_within_float_flag "
    "level_keep_sched_date_flag level_all_rsrc_flag",
    "PROJWBS": "wbs_id proj_id obs_id seq_num est_wt proj_node_flag sum_data_flag status_code wbs_short_name "
    "wbs_name phase_id parent_wbs_id ev_user_pct ev_etc_user_value orig_cost indep_remain_total_cost "
    "ann_dscnt_rate_pct dscnt_period_type indep_remain_work_qty anticip_start_date anticip_end_date "
    "ev_compute_type ev_etc_compute_type guid tmpl_guid plan_open_state",
    "RSRC": "rsrc_id parent_rsrc_id clndr_id role_id shift_id user_id pobs_id guid rsrc_seq_num email_addr "
    "employee_code office_phone other_phone rsrc_name rsrc_short_name rsrc_title_name def_qty_per_hr "
    "cost_qty_type ot_factor active_flag auto_compute_act_flag def_cost_qty_link_flag ot_flag curr_id unit_id "
    "rsrc_type location_id rsrc_notes load_tasks_flag level_flag last_checksum",
    "RSRCRATE": "rsrc_rate_id rsrc_id max_qty_per_hr cost_per_qty start_date shift_period_id",
    "TASK": "task_id proj_id wbs_id clndr_id phys_complete_pct rev_fdbk_flag est_wt lock_plan_flag "
    "auto_compute_act_flag complete_pct_type task_type duration_type status_code task_code task_name rsrc_id "
    "total_float_hr_cnt free_float_hr_cnt remain_drtn_hr_cnt act_work_qty remain_work_qty target_work_qty "
    "target_drtn_hr_cnt target_equip_qty act_equip_qty remain_equip_qty cstr_date act_start_date act_end_date "
    "late_start_date late_end_date expect_end_date early_start_date early_end_date restart_date reend_date "
    "target_start_date target_end_date rem_late_start_date rem_late_end_date cstr_type priority_type "
    "suspend_date resume_date float_path float_path_order guid tmpl_guid cstr_date2 cstr_type2 driving_path_flag "
    "act_this_per_work_qty act_this_per_equip_qty external_early_start_date external_late_end_date create_date "
    "update_date create_user update_user location_id",
    "TASKPRED": "task_pred_id task_id pred_task_id proj_id pred_proj_id pred_type lag_hr_cnt comments float_path "
    "aref arls",
    "TASKRSRC": "taskrsrc_id task_id proj_id cost_qty_link_flag role_id acct_id rsrc_id pobs_id skill_level "
    "remain_qty target_qty remain_qty_per_hr target_lag_drtn_hr_cnt target_qty_per_hr act_ot_qty act_reg_qty "
    "relag_drtn_hr_cnt ot_factor cost_per_qty target_cost act_reg_cost act_ot_cost remain_cost act_start_date "
    "act_end_date restart_date reend_date target_start_date target_end_date rem_late_start_date "
    "rem_late_end_date rollup_dates_flag target_crv remain_crv actual_crv ts_pend_act_end_flag guid rate_type "
    "act_this_per_cost act_this_per_qty curv_id rsrc_type cost_per_qty_source_type create_user create_date "
    "has_rsrchours taskrsrc_sum_id",
    "MEMOTYPE": "memo_type_id seq_num eps_flag proj_flag wbs_flag task_flag memo_type",
    "TASKMEMO": "memo_id task_id memo_type_id proj_id task_memo",
    "UDFTYPE": "udf_type_id table_name udf_type_name udf_type_label logical_data_type super_flag indicator_expression "
    "summary_indicator_expression export_flag",
    "UDFVALUE": "udf_type_id fk_id proj_id udf_date udf_number udf_text udf_code_id",
}


_BREAKS = re.compile(r"[\t\r\n]+")


def _xer_text(value: object) -> str:
    """A field value: tabs and line breaks (which would break the row) become spaces."""
    text = value if isinstance(value, str) else str(value)
    return _BREAKS.sub(" ", text) if ("\t" in text or "\n" in text or "\r" in text) else text


def p6_time(moment: dt.datetime) -> str:
    """A moment as XER writes it, to the nearest minute: ``2028-03-10 08:00``."""
    return (moment + dt.timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M")


XER_HOUR_STEP = 0.001
"""The hours the XER export writes are rounded to this (1/1000 h: XER keeps decimals)."""


def _hours(weeks: float) -> str:
    """Weeks as hours of the exported 40-hour week (to :data:`XER_HOUR_STEP`)."""
    h = round(max(0.0, weeks) * HOURS_PER_WEEK, 3)
    return str(int(h)) if h == int(h) else f"{h:.3f}".rstrip("0")


def export_xer(plan: Plan) -> str:
    """Primavera P6 XER for ``plan``: one project on a 40-hour Monday-Friday calendar, a WBS element per stage,
    decisions as activities (milestones as start or finish milestones) with durations in hours, all four
    relationship types with lags in hours, teams as resources with the owner as the primary resource, progress as
    status, duration % complete, actual dates and remaining duration, and each decision's id as its Activity ID (its
    stage and area ids in the user fields 'Planner stage' and 'Planner area', so an import returns them).

    Weeks are 40-hour working weeks from the plan's start: dates are the planner's schedule (``planner analyze``)
    placed on that calendar."""
    from planner.io.exporting import (
        day_moment,
        day_of,
        export_schedule,
        part_done_start,
        recorded_day,
        status_day,
        status_moment,
        working_time_at,
    )
    from planner.io.mspdi import _plan_start
    from planner.model.plan import duration_triple

    origin = _plan_start(plan)
    cal = WorkCalendar.standard(origin)
    sched = export_schedule(plan)
    memo: dict[tuple[float, bool], str] = {}
    mpw = HOURS_PER_WEEK * 60
    # The data date is the status date's day at 08:00 (exporting.status_moment: where P6 schedules the remaining
    # work from). Weeks are working weeks from the start, except that from the status date on they count from that
    # day, as in the MS Project XML export (exporting.working_time_at): remaining work starts at the data date.
    day = status_day(plan, origin)
    data_date = status_moment(day, origin) if day is not None else dt.datetime.combine(origin, dt.time(8))
    minutes_at, _ = working_time_at(
        sched.status_week if day is not None else None, cal.minutes_of_day_start(data_date.date()), mpw
    )

    def at(weeks: float, finish: bool = False) -> str:
        key = (weeks, finish)
        if key not in memo:
            memo[key] = at_minutes(minutes_at(weeks), finish)
        return memo[key]

    def at_minutes(minutes: float, finish: bool = False) -> str:
        # before the start (work done before the plan began): whole weeks back, as the calendar repeats weekly
        back = math.ceil(-minutes / mpw) if minutes < 0 else 0
        moment = cal.datetime_at(minutes + back * mpw, finish=finish)
        return p6_time(moment - dt.timedelta(days=7 * back))

    def on_day(day: dt.date, finish: bool = False) -> str:
        """An actual date on its own day (exporting.day_moment), as the MS Project XML export writes it."""
        return p6_time(day_moment(cal, origin, day, finish=finish))

    def weeks_of(value: dt.date | float | None) -> float | None:
        day = day_of(plan, value) if isinstance(value, dt.date) else None
        if day is not None:
            return max(0.0, (day - origin).days / 7.0)
        return None if value is None or isinstance(value, dt.date) else max(0.0, float(value))

    short = (slug(plan.title, "PLAN").upper())[:20]
    tables: list[tuple[str, list[dict[str, object]]]] = []
    tables.append(
        (
            "CURRTYPE",
            [
                {
                    "curr_id": 1,
                    "decimal_digit_cnt": 2,
                    "curr_symbol": plan.currency or "$",
                    "decimal_symbol": ".",
                    "digit_group_symbol": ",",
                    "pos_curr_fmt_type": "#1.1",
                    "neg_curr_fmt_type": "(#1.1)",
                    "curr_type": plan.currency or "US Dollar",
                    "curr_short_name": plan.currency or "USD",
                    "group_digit_cnt": 3,
                    "base_exch_rate": 1,
                }
            ],
        )
    )
    tables.append(
        (
            "PROJECT",
            [
                {
                    "proj_id": 1,
                    "fy_start_month_num": 1,
                    "rsrc_self_add_flag": "Y",
                    "allow_complete_flag": "Y",
                    "rsrc_multi_assign_flag": "Y",
                    "checkout_flag": "N",
                    "project_flag": "Y",
                    "step_complete_flag": "N",
                    "cost_qty_recalc_flag": "N",
                    "batch_sum_flag": "Y",
                    "name_sep_char": ".",
                    "def_complete_pct_type": "CP_Drtn",
                    "proj_short_name": short,
                    "clndr_id": 1,
                    "task_code_base": 1000,
                    "task_code_step": 10,
                    "priority_num": 10,
                    "wbs_max_sum_level": 0,
                    "strgy_priority_num": 100,
                    "critical_drtn_hr_cnt": 0,
                    "def_cost_per_qty": "0.0000",
                    "last_recalc_date": p6_time(data_date),
                    # the plan's own start day, as the MS Project XML export writes it: a weekend start stays
                    # (the work begins at the next working moment), so an import returns the same dates
                    "plan_start_date": dt.datetime.combine(origin, dt.time(8)).strftime("%Y-%m-%d %H:%M"),
                    "scd_end_date": at(sched.finish, True),
                    "def_duration_type": "DT_FixedDrtn",
                    "task_code_prefix": "A",
                    "def_qty_type": "QT_Hour",
                    "def_rate_type": "COST_PER_QTY",
                    "add_act_remain_flag": "N",
                    "act_this_per_link_flag": "Y",
                    "def_task_type": "TT_Task",
                    "act_pct_link_flag": "N",
                    "critical_path_type": "CT_TotFloat",
                    "task_code_prefix_flag": "Y",
                    "def_rollup_dates_flag": "Y",
                    "use_project_baseline_flag": "Y",
                    "rem_target_link_flag": "Y",
                    "reset_planned_flag": "N",
                    "allow_neg_act_flag": "N",
                    "sum_assign_level": "SL_Taskrsrc",
                    "export_flag": "Y",
                }
            ],
        )
    )
    tables.append(
        (
            "CALENDAR",
            [
                {
                    "clndr_id": 1,
                    "default_flag": "Y",
                    "clndr_name": "Standard 5 x 8",
                    "clndr_type": "CA_Base",
                    "day_hr_cnt": 8,
                    "week_hr_cnt": HOURS_PER_WEEK,
                    "month_hr_cnt": 172,
                    "year_hr_cnt": 2080,
                    "rsrc_private": "N",
                    "clndr_data": _STANDARD_WEEK,
                }
            ],
        )
    )
    tables.append(
        (
            "SCHEDOPTIONS",
            [
                {
                    "schedoptions_id": 1,
                    "proj_id": 1,
                    "sched_outer_depend_type": "SD_Both",
                    "sched_open_critical_flag": "N",
                    "sched_lag_early_start_flag": "Y",
                    "sched_retained_logic": "Y",
                    "sched_setplantoforecast": "N",
                    "sched_float_type": "FT_FF",
                    "sched_calendar_on_relationship_lag": "rcal_Predecessor",
                    "sched_use_expect_end_flag": "Y",
                    "sched_progress_override": "N",
                }
            ],
        )
    )
    # -- WBS: the project's node, then one element per stage that has decisions ---------------------------------
    stage_ids = [st.id for st in plan.stages]
    groups: list[tuple[str, str, list[int]]] = []
    # each decision's Activity ID: its id, shortened to P6's length (and kept unique) when longer
    taken = {d.id for d in plan.decisions if len(d.id) <= P6_ID_CHARS}
    code_of: dict[str, str] = {}
    for d in plan.decisions:
        code, n = d.id, 1
        while len(code) > P6_ID_CHARS or (code != d.id and code in taken):
            n += 1
            code = f"{d.id[: P6_ID_CHARS - len(str(n)) - 1]}~{n}"
        taken.add(code)
        code_of[d.id] = code
    by_stage: dict[str, list[int]] = {}
    for i, d in enumerate(plan.decisions):
        by_stage.setdefault(d.stage if d.stage in stage_ids else "", []).append(i)
    groups = [(st.id, st.name, by_stage[st.id]) for st in plan.stages if st.id in by_stage]
    if "" in by_stage:
        groups.append(("", "Unknown stage", by_stage[""]))
    wbs_rows: list[dict[str, object]] = [
        {
            "wbs_id": 1,
            "proj_id": 1,
            "seq_num": 0,
            "est_wt": 1,
            "proj_node_flag": "Y",
            "sum_data_flag": "Y",
            "status_code": "WS_Open",
            "wbs_short_name": short,
            "wbs_name": shortened(plan.title, P6_WBS_NAME_CHARS),
            "ev_compute_type": "EC_Cmp_pct",
            "ev_etc_compute_type": "EE_Rem_hr",
        }
    ]
    wbs_of: dict[int, int] = {}
    for g, (key, name, members) in enumerate(groups, start=1):
        wbs_rows.append(
            {
                "wbs_id": g + 1,
                "proj_id": 1,
                "seq_num": g,
                "est_wt": 1,
                "proj_node_flag": "N",
                "sum_data_flag": "N",
                "status_code": "WS_Open",
                "wbs_short_name": (key or "UNKNOWN")[:20],
                "wbs_name": shortened(name, P6_WBS_NAME_CHARS),
                "parent_wbs_id": 1,
                "ev_compute_type": "EC_Cmp_pct",
                "ev_etc_compute_type": "EE_Rem_hr",
            }
        )
        for i in members:
            wbs_of[i] = g + 1
    tables.append(("PROJWBS", wbs_rows))
    # -- resources ----------------------------------------------------------------------------------------------
    rsrc_of = {t.id: k for k, t in enumerate(plan.teams, start=1)}
    rate_of = {t.id: t.rate for t in plan.teams}
    tables.append(
        (
            "RSRC",
            [
                {
                    "rsrc_id": rsrc_of[t.id],
                    "clndr_id": 1,
                    "rsrc_seq_num": rsrc_of[t.id],
                    "rsrc_name": t.name,
                    "rsrc_short_name": t.id[:20],
                    "def_qty_per_hr": 1,
                    "cost_qty_type": "QT_Hour",
                    "active_flag": "Y",
                    "auto_compute_act_flag": "N",
                    "def_cost_qty_link_flag": "Y",
                    "ot_flag": "N",
                    "curr_id": 1,
                    "rsrc_type": "RT_Labor",
                }
                for t in plan.teams
            ],
        )
    )
    tables.append(
        (
            "RSRCRATE",
            [
                {
                    "rsrc_rate_id": rsrc_of[t.id],
                    "rsrc_id": rsrc_of[t.id],
                    # (a team with a rate and no capacity: no limit, P6's empty max units; its rate was dropped)
                    "max_qty_per_hr": "" if t.capacity is None else f"{t.capacity:g}",
                    "cost_per_qty": f"{(t.rate or 0) / HOURS_PER_WEEK:.4f}",
                    "start_date": at(0.0),
                }
                for t in plan.teams
                if t.capacity is not None or t.rate
            ],
        )
    )
    # -- activities ---------------------------------------------------------------------------------------------
    task_id = {d.id: 1000 + k for k, d in enumerate(plan.decisions, start=1)}
    has_pred = {dep.to for dep in plan.dependencies}
    task_rows: list[dict[str, object]] = []
    rsrc_rows: list[dict[str, object]] = []
    udf_rows: list[dict[str, object]] = []
    order = [i for _, _, members in groups for i in members]
    for i in order:
        d = plan.decisions[i]
        dur = 0.0 if d.milestone else duration_triple(d.duration)[1]
        state = sched.state[i]
        remaining = (
            0.0 if state == "done" else min(dur, sched.remaining[i]) if state == "in_progress" else dur
        )
        es, ef = sched.es[i], sched.ef[i]
        act_start = weeks_of(d.actual_start)
        act_end = weeks_of(d.actual_finish)
        real_start, real_finish = recorded_day(d.actual_start), recorded_day(d.actual_finish)
        # P6 reads an activity's time from its actual dates: started work without them gets those the planner's
        # schedule implies (done work ends where it sits; its start, and that of work in progress, is where the
        # planner has its part done begin, progress.part_done: never after the status date), before the plan start
        # if need be
        if state == "done" and act_end is None:
            act_end = ef
        derived: float | None = None
        if state != "not_started" and act_start is None:
            act_start = sched.began[i]
            # the planner's start for its part done: that part's working time before where it ends (the data
            # date's own day, or a recorded finish's), as MS Project XML has it
            end = (
                cal.minutes_of_day_start(max(real_finish, origin))
                if state == "done" and real_finish is not None
                else None
            )
            derived = part_done_start(sched, i, minutes_at, mpw, end)
        # recorded actual dates on their own days (a Thursday start was Wednesday 09:09 as a working-week position)
        start_text = (
            on_day(real_start)
            if real_start is not None
            else at_minutes(derived)
            if derived is not None
            else at(act_start)
            if act_start is not None
            else ""
        )
        end_text = (
            on_day(real_finish, dur > 0)
            if real_finish is not None
            else at(act_end, dur > 0)
            if act_end is not None
            else ""
        )
        floor = d.not_before or 0.0
        if state == "not_started" and sched.status_week is not None:
            floor = max(floor, sched.status_week)
        percent = (
            100.0
            if state == "done"
            else 0.0
            if state == "not_started"
            else ((dur - remaining) / dur * 100 if dur > 0 else d.progress)
        )
        row: dict[str, object] = {
            "task_id": task_id[d.id],
            "proj_id": 1,
            "wbs_id": wbs_of[i],
            "clndr_id": 1,
            "phys_complete_pct": f"{percent:g}",
            "rev_fdbk_flag": "N",
            "est_wt": 1,
            "lock_plan_flag": "N",
            "auto_compute_act_flag": "N",
            # P6 works a duration percent out of the remaining duration, which a task of no duration has none of:
            # its percent is the physical one
            "complete_pct_type": "CP_Phys" if dur <= 0 and state == "in_progress" else "CP_Drtn",
            "task_type": ("TT_FinMile" if d.id in has_pred else "TT_Mile") if d.milestone else "TT_Task",
            "duration_type": "DT_FixedDrtn",
            "status_code": {"done": "TK_Complete", "in_progress": "TK_Active"}.get(state, "TK_NotStart"),
            "task_code": code_of[d.id],
            "task_name": shortened(d.title, NAME_CHARS["xer"]),
            "rsrc_id": rsrc_of.get(d.owner or "", ""),
            "remain_drtn_hr_cnt": _hours(remaining),
            "target_drtn_hr_cnt": _hours(dur),
            "act_work_qty": 0,
            "remain_work_qty": _hours(remaining * d.headcount) if d.owner in rsrc_of else 0,
            "target_work_qty": _hours(dur * d.headcount) if d.owner in rsrc_of else 0,
            "early_start_date": at(es) if state != "done" else "",
            "early_end_date": at(ef, dur > 0) if state != "done" else "",
            "restart_date": at(es) if state != "done" else "",
            "reend_date": at(ef, dur > 0) if state != "done" else "",
            "target_start_date": start_text or at(es),
            "target_end_date": end_text or at(ef, dur > 0),
            "act_start_date": start_text,
            "act_end_date": end_text if state == "done" else "",
            # 'Start On or After': the plan's not_before (week 0 too: the plan's own, kept by an import of this
            # file), and the status date for work not started
            "cstr_type": "CS_MSOA" if floor > 1e-9 or d.not_before is not None else "",
            "cstr_date": at(floor) if floor > 1e-9 or d.not_before is not None else "",
            "priority_type": "PT_Normal",
            "float_path": "",
            "driving_path_flag": "Y" if sched.critical and sched.critical[i] else "N",
        }
        task_rows.append(row)
        if d.owner in rsrc_of:
            rsrc_rows.append(
                {
                    "taskrsrc_id": len(rsrc_rows) + 1,
                    "task_id": task_id[d.id],
                    "proj_id": 1,
                    "cost_qty_link_flag": "Y",
                    "rsrc_id": rsrc_of[d.owner or ""],
                    "remain_qty": _hours(remaining * d.headcount),
                    "target_qty": _hours(dur * d.headcount),
                    "remain_qty_per_hr": f"{d.headcount:g}",
                    "target_qty_per_hr": f"{d.headcount:g}",
                    "act_reg_qty": _hours((dur - remaining) * d.headcount),
                    "act_ot_qty": 0,
                    # the labour's cost at the team's rate per hour (what P6 computes from the units and MPXJ
                    # reads as the activity's cost): planned, done and left
                    **(
                        {
                            "cost_per_qty": f"{hourly:.4f}",
                            "target_cost": f"{dur * d.headcount * HOURS_PER_WEEK * hourly:.2f}",
                            "act_reg_cost": f"{(dur - remaining) * d.headcount * HOURS_PER_WEEK * hourly:.2f}",
                            "remain_cost": f"{remaining * d.headcount * HOURS_PER_WEEK * hourly:.2f}",
                        }
                        if (hourly := (rate_of.get(d.owner or "") or 0.0) / HOURS_PER_WEEK)
                        else {}
                    ),
                    "target_lag_drtn_hr_cnt": 0,
                    "target_start_date": row["target_start_date"],
                    "target_end_date": row["target_end_date"],
                    "restart_date": row["restart_date"],
                    "reend_date": row["reend_date"],
                    "act_start_date": row["act_start_date"],
                    "act_end_date": row["act_end_date"],
                    "rollup_dates_flag": "Y",
                    "rate_type": "COST_PER_QTY",
                    "rsrc_type": "RT_Labor",
                }
            )
        udf_rows.append({"udf_type_id": 1, "fk_id": task_id[d.id], "proj_id": 1, "udf_text": d.stage})
        # the status the plan shows (25 % 'not started' is in progress), blocked kept
        shown = str(d.status) if str(d.status) == "blocked" else state
        udf_rows.append({"udf_type_id": 3, "fk_id": task_id[d.id], "proj_id": 1, "udf_text": shown})
        for k, value in ((4, d.actual_start), (5, d.actual_finish), (6, d.not_before or 0.0)):
            if value is not None:
                text = value.isoformat() if isinstance(value, dt.date) else num_text(value)
                udf_rows.append({"udf_type_id": k, "fk_id": task_id[d.id], "proj_id": 1, "udf_text": text})
        if d.area:
            udf_rows.append({"udf_type_id": 2, "fk_id": task_id[d.id], "proj_id": 1, "udf_text": d.area})
    tables.append(("TASK", task_rows))
    links: list[dict[str, object]] = []
    for dep in plan.dependencies:
        if dep.from_ not in task_id or dep.to not in task_id:
            continue
        links.append(
            {
                "task_pred_id": len(links) + 1,
                "task_id": task_id[dep.to],
                "pred_task_id": task_id[dep.from_],
                "proj_id": 1,
                "pred_proj_id": 1,
                "pred_type": LINK_CODES[dep.type],
                "lag_hr_cnt": ("-" if dep.lag < 0 else "") + _hours(abs(dep.lag)),
            }
        )
    tables.append(("TASKPRED", links))
    tables.append(("TASKRSRC", rsrc_rows))
    tables.append(
        (
            "UDFTYPE",
            [
                {
                    "udf_type_id": k,
                    "table_name": "TASK",
                    "udf_type_name": f"user_field_{k}",
                    "udf_type_label": label,
                    "logical_data_type": "FT_TEXT",
                    "super_flag": "N",
                    "export_flag": "Y",
                }
                for k, label in enumerate(UDF_LABELS, start=1)
            ],
        )
    )
    tables.append(("UDFVALUE", udf_rows))
    memo_rows = [
        {
            "memo_id": k,
            "task_id": task_id[d.id],
            "memo_type_id": 1,
            "proj_id": 1,
            # P6 keeps notebooks as HTML; a line break of the notes is a <br> (the row stays one line)
            "task_memo": "<html><body>" + html.escape(d.notes).replace("\n", "<br>") + "</body></html>",
        }
        for k, d in enumerate((d for d in plan.decisions if d.notes.strip()), start=1)
    ]
    if memo_rows:
        tables.append(
            (
                "MEMOTYPE",
                [
                    {
                        "memo_type_id": 1,
                        "seq_num": 1,
                        "eps_flag": "Y",
                        "proj_flag": "Y",
                        "wbs_flag": "Y",
                        "task_flag": "Y",
                        "memo_type": "Notes",
                    }
                ],
            )
        )
        tables.append(("TASKMEMO", memo_rows))

    today = dt.date.today().isoformat()
    out = [
        f"ERMHDR\t19.12\t{today}\tProject\tadmin\tScaling Roadmap Planner\tdbxDatabaseNoName\tProject Management\t"
        f"{plan.currency or 'USD'}\n"
    ]
    for name, rows in tables:
        if not rows:
            continue
        fields = _FIELDS[name].split()
        out.append(f"%T\t{name}\n%F\t" + "\t".join(fields) + "\n")
        for r in rows:
            out.append("%R\t" + "\t".join(_xer_text(r.get(f, "")) for f in fields) + "\n")
    out.append("%E\n")
    return "".join(out).replace("\n", "\r\n")


def xer_notes(plan: Plan, sched: ExportSchedule | None = None) -> list[str]:
    """What the XER export does not carry, or carries only approximately (for :func:`planner.io.export_notes`)."""
    from planner.io.exporting import _outline_notes, _three_point, _without_actual_start, outside_ansi

    notes = [n for n in _outline_notes(plan) if "summary task" not in n]
    notes.append(
        "weeks are 40-hour working weeks on a Monday-Friday, 08:00-17:00 calendar (1 week = 5 days of 8 hours); the "
        "planner's dates count 7 calendar days a week, so a date inside a week can differ by a day or two while "
        "whole weeks and the finish agree; actual dates are written on their own days"
        + (
            "; the data date is the status date's own day at 08:00, and the remaining work counts from it"
            if plan.status_date is not None
            else ""
        )
    )
    three = _three_point(plan)
    if three:
        notes.append(
            f"{count(three, 'three-point estimate')} {agree(three, 'is', 'are')} written as "
            f"{agree(three, 'its', 'their')} likely duration (P6 keeps one)"
        )
    blocked = sum(1 for d in plan.decisions if str(d.status) == "blocked")
    if blocked:
        notes.append(
            f"{count(blocked, 'blocked decision')}: P6 has no such status (kept in the user field '{UDF_STATUS}')"
        )
    if plan.baselines:
        notes.append(
            f"{count(len(plan.baselines), 'baseline')} {agree(len(plan.baselines), 'is', 'are')} not carried (P6 "
            "keeps baselines as separate projects)"
        )
    notes.extend(_without_actual_start(plan, sched, kept=True))
    if sched is not None and sched.progress:
        notes.append(
            "the dates written are the planner's schedule; rescheduling in P6 (F9) applies P6's own progress rules "
            "(remaining work from the data date"
            + (
                ""
                if plan.status_date is not None
                else ", which is the plan start: the plan has no status date"
            )
            + "; an earliest start does not hold started work), so it can move the finish"
        )
    notes.extend(outside_ansi(plan, "the code page P6 and MPXJ read XER files in"))
    return notes
