"""MS Project XML (MSPDI): import and export. Also what ProjectLibre and GanttProject write as "MS Project XML".

Units (the usual causes of lossy round trips):

- ``Duration`` is an ISO 8601 span of *working* time; weeks are minutes / ``MinutesPerWeek`` (default 2,400). With an
  elapsed ``DurationFormat`` (4, 6, 8, 10, 12 and their estimated forms 36-44, 20, 52) it is calendar time, 10,080
  minutes a week.
- ``LinkLag`` is in **tenths of a minute** of working time, or of calendar time with an elapsed ``LagFormat``; with a
  percent ``LagFormat`` (19, 20, 51, 52) it is a percentage of the predecessor's duration.
- Link ``Type``: 0 FF, 1 FS (the default), 2 SF, 3 SS.
- The outline comes from ``OutlineLevel`` (or ``OutlineNumber``), never from ``Summary`` (ProjectLibre writes 0 on
  every row); ``IsNull`` rows are skipped; the project summary (level 0) is dropped; see :mod:`planner.io.outline`
  for how summaries become structure.
- Dates become working weeks from the project start through the project calendar (its working days, hours and
  exceptions), so a stored start becomes ``not_before`` and the stored finish compares in working time.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
from typing import Any
from xml.sax.saxutils import escape

from planner.io.common import (
    CARRIED_EARLIEST,
    CURRENCY_SYMBOLS,
    DEFAULT_MINUTES_PER_DAY,
    DEFAULT_MINUTES_PER_WEEK,
    ELAPSED_MINUTES_PER_WEEK,
    EXTENSION_KEY,
    NO_TASKS,
    IdMaker,
    ImportReport,
    InteropError,
    WorkCalendar,
    hourly_rate,
    is_valid_id,
    local,
    own_actual,
    parse_xml,
    read_limited,
    report_custom_values,
    report_days_off,
    report_inserted_project,
    report_own_working_time,
    report_priorities,
    report_resource_notes,
    slug,
    some,
    weekly_rate,
)
from planner.io.exporting import NAME_CHARS, shortened, status_anchor, weeks_from_status_day
from planner.io.outline import (
    Mapping,
    Outline,
    SourceLink,
    SourceTask,
    build_plan,
    exact_actual,
    report_durations_from_dates,
    resume_after_part_done,
)
from planner.model.limits import MAX_COST
from planner.model.plan import DependencyType, Plan, Team, duration_triple
from planner.units import (
    agree,
    count,
    format_date,
    format_percent,
    format_share,
    format_weeks,
    plural_weeks,
    quoted,
    week_to_date,
)

LINK_TYPES = {0: DependencyType.FF, 1: DependencyType.FS, 2: DependencyType.SF, 3: DependencyType.SS}
LINK_CODES = {v: k for k, v in LINK_TYPES.items()}
ELAPSED_FORMATS = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}
PERCENT_FORMATS = {19, 20, 51, 52}
CONSTRAINTS = {
    0: "as soon as possible",
    1: "as late as possible",
    2: "must start on",
    3: "must finish on",
    4: "start no earlier than",
    5: "start no later than",
    6: "finish no earlier than",
    7: "finish no later than",
}

# Custom fields the export writes so that export -> import returns the same plan (MS Project shows them by alias).
FIELD_TEXT1, FIELD_TEXT2, FIELD_TEXT3 = 188743731, 188743734, 188743737
FIELD_TEXT4, FIELD_TEXT5, FIELD_TEXT6 = 188743740, 188743743, 188743746
FIELD_NUMBER1, FIELD_NUMBER2, FIELD_NUMBER3 = 188743767, 188743768, 188743769
ALIAS_ID, ALIAS_AREA, ALIAS_STAGE = "Planner id", "Planner area", "Planner stage"
ALIAS_STATUS, ALIAS_ACTUAL_START, ALIAS_ACTUAL_FINISH = (
    "Planner status",
    "Planner actual start",
    "Planner actual finish",
)
"""The plan's own status and actual dates (a date, or weeks): MS Project has no 'blocked', and its actual dates
are moments of working time, so an import of the planner's own file takes these instead."""
ALIAS_OPTIMISTIC, ALIAS_PESSIMISTIC = "Planner optimistic (weeks)", "Planner pessimistic (weeks)"
ALIAS_NOT_BEFORE = "Planner not before (weeks)"
"""Written when the task's 'start no earlier than' is the status date rather than the plan's own not_before."""
_FIELDS = [
    (FIELD_TEXT1, "Text1", ALIAS_ID),
    (FIELD_TEXT2, "Text2", ALIAS_AREA),
    (FIELD_TEXT3, "Text3", ALIAS_STAGE),
    (FIELD_TEXT4, "Text4", ALIAS_STATUS),
    (FIELD_TEXT5, "Text5", ALIAS_ACTUAL_START),
    (FIELD_TEXT6, "Text6", ALIAS_ACTUAL_FINISH),
    (FIELD_NUMBER1, "Number1", ALIAS_OPTIMISTIC),
    (FIELD_NUMBER2, "Number2", ALIAS_PESSIMISTIC),
    (FIELD_NUMBER3, "Number3", ALIAS_NOT_BEFORE),
]

OWN_ALIASES = frozenset(alias for _, _, alias in _FIELDS)
"""The custom fields the planner's own export writes and reads back; any other custom field is reported."""


def parse_pt_minutes_or_zero(text: str | None) -> float:
    """An ISO duration in minutes, 0 for none or one that cannot be read."""
    try:
        return parse_pt_minutes(text) if text else 0.0
    except ValueError:
        return 0.0


def _baseline_weeks(bf: dict[str, Any], mpw: int) -> float | None:
    """A Baseline's Duration in weeks of the project calendar (calendar weeks for an elapsed format), or None."""
    text = _text(bf, "Duration")
    if not text:
        return None
    try:
        minutes = parse_pt_minutes(text)
    except ValueError:
        return None
    elapsed = _int(_text(bf, "DurationFormat"), 7) in ELAPSED_FORMATS
    return minutes / (ELAPSED_MINUTES_PER_WEEK if elapsed else mpw)


_PT = re.compile(
    r"^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


@functools.lru_cache(maxsize=4096)
def parse_pt_minutes(text: str) -> float:
    """``PT8H30M0S`` -> 510.0 minutes (days count as 24 hours, as in MSPDI). Raises ValueError."""
    m = _PT.match(text.strip())
    if not m or text.strip() in ("P", "PT", "-P"):
        raise ValueError(f"not a duration: {quoted(text)}")
    y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    if y or mo:
        raise ValueError(f"years and months are not exact durations: {quoted(text)}")
    minutes = d * 1440 + h * 60 + mi + s / 60
    return -minutes if text.strip().startswith("-") else minutes


def _pt_days(text: str | None) -> float:
    """The day component of an MSPDI duration ('P10D', 'P3DT8H': 10, 3), 0 when it has none or is unreadable."""
    m = _PT.match(text.strip()) if text else None
    return float(m.group(3)) if m and m.group(3) else 0.0


def _parse_datetime(text: str | None) -> dt.datetime | None:
    """An MSPDI date-time as the wall-clock time it writes: MS Project writes none with a time zone, other tools
    may add one ('...Z', '+02:00') to some dates and not others; the zone is dropped, not converted (the plan's
    weeks have no time zone, and a task at 08:00 stays at 08:00)."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value.replace(tzinfo=None) if value.tzinfo is not None else value


def _minute_of_day(text: str) -> int | None:
    """Minutes since midnight of an MSPDI ``FromTime``/``ToTime`` ('08:00:00'); '24:00:00', which some tools
    write for the end of a day, is 1440; None for anything else."""
    text = text.strip()
    if text.startswith("24:") and text.replace("24:", "00:", 1).strip("0:.") == "":
        return 1440
    try:
        t = dt.time.fromisoformat(text)
    except ValueError:
        return None
    return t.hour * 60 + t.minute


def _int(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text not in (None, "") else default
    except ValueError:
        return default


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else None
    except ValueError:
        return None
    return value if value is None or math.isfinite(value) else None


def _fields(el: Any) -> dict[str, Any]:
    """Child elements by local name (the last one wins; repeated children are read separately)."""
    return {c.tag.rpartition("}")[2]: c for c in el}


_CALENDAR_PARTS = ("WeekDays", "Exceptions", "WorkWeeks")


def _shape(el: Any) -> tuple[Any, ...]:
    """An element as what it says: its name, its text and its children's shapes (not its layout)."""
    return (el.tag.rpartition("}")[2], (el.text or "").strip(), tuple(_shape(c) for c in el))


def _works_own_way(calendars: dict[str | None, dict[str, Any]], uid: str | None, project: str | None) -> bool:
    """Whether a resource on calendar ``uid`` works other time than the project calendar ``project``: its calendar
    has working times, exceptions or work weeks of its own, or its base calendar (or the base calendar it is on) is
    another one that works another way (GNOME Planner's night shift through MPXJ). One that only names the project
    calendar, or a copy of it, as its base loses nothing."""
    cal = calendars.get(uid)
    if cal is None:
        return False
    base = _text(cal, "IsBaseCalendar") == "1"
    if not base and any(len(cal[k]) for k in _CALENDAR_PARTS if cal.get(k) is not None):
        return True
    base_uid = uid if base else _text(cal, "BaseCalendarUID")
    other, mine = calendars.get(base_uid), calendars.get(project)
    if base_uid == project or other is None or mine is None:
        return False

    def works(c: dict[str, Any]) -> tuple[tuple[Any, ...], ...]:
        return tuple(_shape(c[k]) if c.get(k) is not None else () for k in _CALENDAR_PARTS)

    return works(other) != works(mine)


def _text(fields: dict[str, Any], name: str) -> str | None:
    c = fields.get(name)
    return None if c is None or c.text is None else c.text.strip()


# -- import --------------------------------------------------------------------------------------------------------
def _calendar(
    root_fields: dict[str, Any],
    calendars: list[Any],
    origin: dt.date,
    minutes_per_day: int,
    report: ImportReport,
) -> WorkCalendar:
    by_uid = {}
    for cal in calendars:
        f = _fields(cal)
        by_uid[_text(f, "UID")] = (cal, f)
    uid = _text(root_fields, "CalendarUID")
    if uid not in by_uid:
        if calendars:
            report.add(
                "calendar", "the project calendar is missing; a Monday-Friday, 8-hour calendar is used"
            )
        return WorkCalendar.standard(origin, minutes_per_day=minutes_per_day)
    chain = []
    seen = set()
    while uid in by_uid and uid not in seen:
        seen.add(uid)
        chain.append(by_uid[uid])
        uid = _text(by_uid[uid][1], "BaseCalendarUID")
    spans: dict[int, list[tuple[int, int]]] = {}
    known: set[int] = set()
    holidays: list[dt.date] = []
    for _cal, f in reversed(chain):  # base first, the derived calendar overrides
        weekdays = f.get("WeekDays")
        for wd in weekdays if weekdays is not None else []:
            wf = _fields(wd)
            day_type = _int(_text(wf, "DayType"), -1)
            working = _text(wf, "DayWorking") == "1"
            times = []
            wt = wf.get("WorkingTimes")
            for w in wt if wt is not None else []:
                tf = _fields(w)
                a, b = _text(tf, "FromTime"), _text(tf, "ToTime")
                if a and b:
                    start_m, end_m = _minute_of_day(a), _minute_of_day(b)
                    if start_m is None or end_m is None or start_m >= 1440:
                        report.add(
                            "calendar",
                            f"a working time {quoted(a)} to {quoted(b)} is not a time of day (hh:mm:ss); it is left out",
                        )
                        continue
                    end = end_m or 1440
                    times.append((start_m, end if end > start_m else 1440))
            if 1 <= day_type <= 7:
                weekday = (day_type + 5) % 7  # MSPDI: 1 = Sunday
                known.add(weekday)
                spans[weekday] = sorted(times) if working else []
                if working and not times:
                    spans[weekday] = [(480, 720), (780, 1020)]
            elif day_type == 0:  # an exception in the 2003 format
                period = wf.get("TimePeriod")
                pf = _fields(period) if period is not None else {}
                holidays.extend(
                    _exception_days(_text(pf, "FromDate"), _text(pf, "ToDate"), working, report, None)
                )
        exceptions = f.get("Exceptions")
        for ex in exceptions if exceptions is not None else []:
            ef = _fields(ex)
            period = ef.get("TimePeriod")
            pf = _fields(period) if period is not None else {}
            working = _text(ef, "DayWorking") == "1"
            holidays.extend(
                _exception_days(
                    _text(pf, "FromDate"), _text(pf, "ToDate"), working, report, _text(ef, "Type"), ef
                )
            )
        if f.get("WorkWeeks") is not None and len(f["WorkWeeks"]):
            report.add(
                "calendar",
                f"calendar {quoted(_text(f, 'Name') or '')} has work weeks for date ranges; only its default "
                "week is used",
            )
    for wd in range(7):
        if wd not in known:
            spans[wd] = [(480, 720), (780, 1020)] if wd < 5 else []
    if not any(spans.values()):
        report.add("calendar", "the project calendar has no working time; a Monday-Friday calendar is used")
        return WorkCalendar.standard(origin, minutes_per_day=minutes_per_day)
    return WorkCalendar(origin, spans, holidays)


def _exception_days(
    a: str | None,
    b: str | None,
    working: bool,
    report: ImportReport,
    recur: str | None,
    fields: dict[str, Any] | None = None,
) -> list[dt.date]:
    """The days of a calendar exception: every day from ``a`` to ``b`` for a one-off exception (``Type`` 1 or none),
    the days its recurrence picks for the recurring ones MS Project 2007+ writes (``Type`` 2-7, see
    :func:`_recurring_days`)."""
    start, end = _parse_datetime(a), _parse_datetime(b)
    if start is None or end is None:
        return []
    if working:
        report.add("calendar", f"a working-time exception ({start.date()} to {end.date()}) is not carried")
        return []
    d = start.date()
    last = end.date()
    if recur not in (None, "1"):
        days = _recurring_days(_int(recur, 0), d, last, fields or {})
        if days is None:
            report.add(
                "calendar",
                f"a calendar exception from {d} recurs in a way not understood (type {recur}); skipped",
            )
            return []
        return days
    days = []
    if (last - d).days > 3700:
        report.add("calendar", f"a calendar exception longer than ten years ({d} to {last}) is not carried")
        return []
    while d <= last:
        days.append(d)
        d += dt.timedelta(days=1)
    return days


MAX_OCCURRENCES = 5000
"""The most days one recurring exception may give (far beyond any real calendar; a hostile file cannot make more)."""


def _recurring_days(kind: int, first: dt.date, last: dt.date, f: dict[str, Any]) -> list[dt.date] | None:
    """The days from ``first`` to ``last`` (both in) a recurring MSPDI exception picks; None for an unknown kind.

    ``Type`` 7 daily (every ``Period`` days), 6 weekly (``DaysOfWeek`` bits 1 Sunday ... 64 Saturday, every
    ``Period`` weeks counted in Sunday-to-Saturday weeks from the week of ``first``), 5 monthly relative and 4 monthly
    absolute (every ``Period`` months from ``first``'s month), 3 yearly relative and 2 yearly absolute (``Month`` 0-11).
    Relative: the ``MonthPosition`` (0-3 first to fourth, 4 last) ``MonthItem`` (0 day, 1 weekday, 2 weekend day,
    3-9 Sunday-Saturday) of the month; absolute: ``MonthDay``. ``Occurrences`` caps the count. As MS Project 2016
    writes them (MPXJ's calendar-recurring-exceptions test file lists the days each one gives)."""
    period = max(1, _int(_text(f, "Period"), 1))
    cap = min(MAX_OCCURRENCES, _int(_text(f, "Occurrences"), MAX_OCCURRENCES) or MAX_OCCURRENCES)
    out: list[dt.date] = []

    def keep(day: dt.date | None) -> bool:
        """Add ``day`` when in range; False once past ``last`` or the cap."""
        if day is None:
            return True
        if day > last or len(out) >= cap:
            return False
        if day >= first:
            out.append(day)
        return True

    if kind == 7:
        day = first
        while keep(day):
            day += dt.timedelta(days=period)
        return out
    if kind == 6:
        mask = _int(_text(f, "DaysOfWeek"), 0)
        if not mask & 127:
            return out
        week = first - dt.timedelta(days=(first.weekday() + 1) % 7)  # the Sunday that starts first's week
        while week <= last and len(out) < cap:
            for k in range(7):  # k = 0 is Sunday, bit 1
                if mask & (1 << k) and not keep(week + dt.timedelta(days=k)):
                    return out
            week += dt.timedelta(days=7 * period)
        return out
    if kind in (2, 3, 4, 5):
        yearly = kind in (2, 3)
        step = 12 if yearly else period
        month0 = _int(_text(f, "Month"), 0) + 1 if yearly else first.month
        if not 1 <= month0 <= 12:
            return out
        year, month = first.year, month0
        if yearly and month0 < first.month:
            year += 1
        while year <= dt.MAXYEAR and dt.date(year, month, 1) <= last and len(out) < cap:
            picked: dt.date | None
            if kind in (2, 4):
                picked = _month_day(year, month, _int(_text(f, "MonthDay"), 0))
            else:
                picked = _month_position(
                    year, month, _int(_text(f, "MonthPosition"), 0), _int(_text(f, "MonthItem"), 0)
                )
            if not keep(picked):
                return out
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return out
    return None


def _month_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # day 31 of a 30-day month, or no day given


def _month_position(year: int, month: int, position: int, item: int) -> dt.date | None:
    """The ``position``-th (0-3, 4 last) day of kind ``item`` (0 any day, 1 weekday, 2 weekend day, 3-9 Sunday to
    Saturday) in the month."""
    first = dt.date(year, month, 1)
    days = [first + dt.timedelta(days=k) for k in range(31) if (first + dt.timedelta(days=k)).month == month]
    if item == 1:
        days = [d for d in days if d.weekday() < 5]
    elif item == 2:
        days = [d for d in days if d.weekday() >= 5]
    elif 3 <= item <= 9:
        days = [d for d in days if (d.weekday() + 1) % 7 == item - 3]
    elif item != 0:
        return None
    if not days:
        return None
    if position >= 4:
        return days[-1]
    return days[position] if position < len(days) else None


def read_mspdi(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Outline, ImportReport]:
    """Read an MS Project XML file into an :class:`Outline` and a report (no plan yet)."""
    raw = read_limited(path) if data is None else data
    root = parse_xml(raw, path)
    if local(root.tag) != "Project":
        raise InteropError(
            path,
            f"not an MS Project XML file (the top element is <{local(root.tag)}>, not <Project>)",
            hint=_other_xml_hint(root),
        )
    report = ImportReport(source=os.path.basename(str(path)), format="MS Project XML")
    rf = _fields(root)
    if _text(rf, "ScheduleFromStart") == "0":
        report.add(
            "constraint",
            "the project is scheduled back from its finish date (MS Project's 'Schedule from: Project Finish "
            "Date', every task as late as possible): the plan schedules forward from the start, each decision "
            "as soon as possible",
        )
    mpd = _int(_text(rf, "MinutesPerDay"), DEFAULT_MINUTES_PER_DAY)
    if mpd < 0:  # (0 is MS Project's 'not set')
        report.add("format", f"MinutesPerDay {mpd} is no length of a day: read as {DEFAULT_MINUTES_PER_DAY}")
    mpd = mpd if mpd > 0 else DEFAULT_MINUTES_PER_DAY
    mpw = _int(_text(rf, "MinutesPerWeek"), DEFAULT_MINUTES_PER_WEEK) or DEFAULT_MINUTES_PER_WEEK
    start_dt = _parse_datetime(_text(rf, "StartDate"))
    tasks_el = rf.get("Tasks")
    task_els = list(tasks_el) if tasks_el is not None else []
    # the earliest moment any task starts (or started): MS Project keeps the project's Start Date as typed, and a
    # file whose tasks were entered before it (MPXJ's assignment-assignments, saved by Project 2003-2019: Start
    # Date 11 Mar 2016, every task from 4 Jan) would put them before week 0, its actual starts on the start date
    earliest = None
    # tasks at OutlineLevel 0 that are not MS Project's project summary (UID 0, OutlineNumber 0)
    top_tasks = 0
    off_below: int | None = None  # the level of an inactive summary whose subtasks are being passed over
    for t in task_els:
        tf = _fields(t)
        if _text(tf, "IsNull") == "1":
            continue
        depth = _int(_text(tf, "OutlineLevel"), 1)
        if off_below is not None and depth > off_below:
            continue
        off_below = depth if _text(tf, "Active") == "0" else None
        if _text(tf, "ExternalTask") == "1" or _text(tf, "Active") == "0":
            continue
        if _text(tf, "OutlineLevel") == "0" and not _project_summary(tf):
            top_tasks += 1
        for key in ("Start", "ActualStart"):
            moment = _parse_datetime(_text(tf, key))
            if moment is not None and (earliest is None or moment < earliest):
                earliest = moment
    if start_dt is None:
        start_dt = earliest
    elif earliest is not None and earliest.date() < start_dt.date():
        report.add(
            "schedule",
            f"the project's start date in the file ({format_date(start_dt.date())}) is after its first task's "
            f"start ({format_date(earliest.date())}): the plan starts there",
        )
        start_dt = earliest
    origin = start_dt.date() if start_dt else dt.date.today()
    cal_el = rf.get("Calendars")
    calendar = _calendar(rf, list(cal_el) if cal_el is not None else [], origin, mpd, report)
    mpw = _calendar_week(calendar, mpw, report)
    origin_minutes = calendar.minutes(start_dt) if start_dt else 0.0

    seen_dates: dict[str | None, float | None] = {}  # tasks share dates; the calendar walk is the cost

    own_anchor = _own_status_anchor(rf, calendar, start_dt, origin_minutes, mpw)

    def weeks_at(text: str | None) -> float | None:
        if text in seen_dates:
            return seen_dates[text]
        t = _parse_datetime(text)
        # counted from the status date's day at and after it (the planner's own export)
        value = (
            None
            if t is None
            else weeks_from_status_day(calendar.minutes(t) - origin_minutes, own_anchor, mpw)
        )
        seen_dates[text] = value
        return value

    def day_at(text: str | None) -> dt.date | None:
        """An actual date or the status date as the plan keeps it: the day its working-time position falls on in
        the plan's weeks (``week_to_date``), as every other date of the file is placed. An ActualFinish at Fri
        17:00 after a Monday-to-Friday week is week 1, the following Monday: where the planner shows the finish of a
        one-week decision, so its successors start where the file has them. Without a project start, its calendar
        day."""
        w = weeks_at(text) if start_dt is not None else None
        return _day(text) if w is None or start_dt is None else week_to_date(start_dt.date(), w)

    def actual_at(text: str | None) -> dt.date | float | None:
        """An actual start or finish where its working-time position is in the plan's weeks, as the durations
        count: its day when that position is a whole day of the plan's weeks, else the weeks themselves
        (:func:`exact_actual`, as the P6, GanttProject and table imports keep them). Without a project start, its
        calendar day."""
        w = weeks_at(text) if start_dt is not None else None
        return _day(text) if w is None or start_dt is None else exact_actual(start_dt.date(), max(0.0, w))

    aliases: dict[str, str] = {}
    field_names: dict[
        str, str
    ] = {}  # each custom field by the name MS Project shows: its alias, else its own
    ext = rf.get("ExtendedAttributes")
    for ea in ext if ext is not None else []:
        ef = _fields(ea)
        fid, alias = _text(ef, "FieldID"), _text(ef, "Alias")
        if fid and alias:
            aliases[fid] = alias
        if fid:
            field_names[fid] = alias or _text(ef, "FieldName") or f"field {fid}"
    dropped_fields: dict[str, int] = {}  # custom fields with values on tasks that the plan does not take
    priorities: list[str] = []  # each task's Priority (0-1000, MS Project's default 500)
    # The planner's own export (this version on): the plan's status and actual values are in its fields, and its
    # status date is the calendar day written; MS Project's actual moments are for MS Project.
    own_fields = ALIAS_STATUS in aliases.values() and ALIAS_ID in aliases.values()

    # TaskJuggler writes no project summary and counts its top-level tasks from OutlineLevel 0 (MS Project from 1):
    # such tasks are the plan's work, not a project summary to drop. One task at level 0 without an OutlineNumber
    # stays the project summary, as MS Project's own is.
    zero_based = int(top_tasks > 1 or (top_tasks == 1 and any(_numbered_top(_fields(t)) for t in task_els)))
    if zero_based:
        report.add(
            "format",
            "the outline counts its top-level tasks from level 0 (as TaskJuggler writes it; MS Project counts from "
            "1): they are read as top-level tasks",
        )
    status_dt = _parse_datetime(_text(rf, "StatusDate"))
    # tasks whose actual dates are the file's schedule, after its status date
    scheduled_actuals: list[str] = []
    manual_tasks: list[str] = []  # manually scheduled: each keeps its stored start (one report line)
    # an actual finish by the status date on work its percentage says is not done
    unfinished: list[tuple[str, float]] = []
    tasks: list[SourceTask] = []
    cost_with_work: set[str] = set()  # tasks whose cost is a Cost without a FixedCost: it holds their work
    links: list[tuple[str, str, int, str | None, str | None]] = []
    elapsed_keys: set[str] = set()
    outline_numbers: list[str | None] = []  # each kept task's OutlineNumber, in file order
    from_dates = 0  # tasks whose duration comes from their dates
    durations: dict[str, float] = {}
    # the stored start and finish of each task not started: where the file places its elapsed time
    moments: dict[str, tuple[dt.datetime | None, dt.datetime | None]] = {}
    baseline: dict[str, tuple[float, float]] = {}  # Baseline 0 of each task, weeks
    baseline_finish: float | None = None
    other_baselines: set[int] = set()
    partial_baseline: list[str] = []  # tasks whose Baseline 0 has no start and finish to place it
    baseline_money = 0  # tasks whose Baseline 0 holds a cost or work (the plan's baseline keeps dates)
    external: dict[str, str] = {}  # tasks of other projects (ExternalTask): their names (and projects) by UID
    outside: list[str] = []  # links to tasks of other projects, left out (one report line)
    inactive: dict[str, str] = {}  # inactive tasks (Active 0): their names by UID
    seen_uids: set[str] = set()
    repeated_uids: list[tuple[str, str]] = []  # (UID, name) of each task that repeats an earlier task's UID
    recurring: dict[str, str] = {}  # recurring tasks (a summary over its occurrences): names by OutlineNumber
    work_differs: list[str] = []  # tasks in progress whose % work complete is not their % complete
    inactive_links = 0  # their links, to them and from them
    # the level of the inactive summary whose subtasks are being passed over
    inactive_below: int | None = None
    inactive_under = 0  # tasks passed over under an inactive summary
    project_percent = 0.0  # the project summary's own % complete
    project_uids: set[str] = set()  # the project summary task's UID
    working_days: list[str] = []  # durations whose days ('P10D') the task's dates show to be working days
    zero_dated: list[tuple[str, str]] = []  # (UID, name) of tasks with a Duration of 0 and dates apart
    for el in task_els:
        f: dict[str, Any] = {}
        repeated: list[tuple[str, Any]] = []
        for c in el:  # one pass: single fields by name, links and custom fields in order
            name = c.tag.rpartition("}")[2]
            if name in ("PredecessorLink", "ExtendedAttribute", "Baseline"):
                repeated.append((name, c))
            else:
                f[name] = c
        if _text(f, "IsNull") == "1":
            continue
        uid = _text(f, "UID")
        if uid is None:
            report.add("format", "a task without a UID was skipped")
            continue
        level_text = _text(f, "OutlineLevel")
        number = _text(f, "OutlineNumber")
        if level_text is not None:
            level = _int(level_text, 1) + zero_based
        else:
            level = number.count(".") + 1 if number and number != "0" else (0 if number == "0" else 1)
        if _project_summary(f) and level_text == "0":  # (not shifted with the tasks of a 0-based outline)
            level = 0
        if level <= 0:
            # its % complete said below if no task records progress; a link to it is no link between tasks
            project_percent = _float(_text(f, "PercentComplete")) or 0.0
            project_uids.add(uid)
            for kind, child in repeated:  # the project's baseline finish
                bf = _fields(child) if kind == "Baseline" else {}
                if kind == "Baseline" and _int(_text(bf, "Number"), 0) == 0:
                    baseline_finish = weeks_at(_text(bf, "Finish"))
            continue  # the project summary task
        if uid in seen_uids:
            # MS Project never writes a UID twice; a generated or hand-edited file can. The task is kept under a key
            # of its own, so that links and assignments naming the UID reach the first task only
            repeated_uids.append((uid, _text(f, "Name") or ""))
            uid = f"{uid}#{len(repeated_uids)}"
        seen_uids.add(uid)
        if _text(f, "ExternalTask") == "1":
            # a task of another project, shown for a cross-project link: not this plan's work
            project = f" ({_text(f, 'ExternalTaskProject')})" if _text(f, "ExternalTaskProject") else ""
            external[uid] = f"{quoted(_text(f, 'Name') or '')}{project}"
            report.add(
                "link",
                f"a task of another project{project} is not carried, nor its links",
                f"task {uid} {quoted(_text(f, 'Name') or '')}",
            )
            continue
        if inactive_below is not None and level > inactive_below:
            # under an inactive summary: MS Project leaves its subtasks out with it, whatever their own Active says
            inactive_under += 1
            inactive_links += sum(1 for kind, _ in repeated if kind == "PredecessorLink")
            inactive[uid] = ""
            continue
        inactive_below = None
        if _text(f, "Active") == "0":
            # MS Project leaves an inactive task out of the schedule, the costs and the resources' work (a summary
            # made inactive takes its subtasks with it): not this plan's work either, said below with its links
            inactive[uid] = (_text(f, "Name") or "").strip() or f"task {uid}"
            inactive_links += sum(1 for kind, _ in repeated if kind == "PredecessorLink")
            inactive_below = level
            continue
        if _text(f, "IsSubproject") == "1":
            report_inserted_project(
                report, _text(f, "SubprojectName"), f"task {uid} {quoted(_text(f, 'Name') or '')}"
            )
        outline_numbers.append(number)
        name = _text(f, "Name") or ""
        where = f"task {uid} {quoted(name)}"
        if _text(f, "Recurring") == "1" and _text(f, "Summary") == "1" and number:
            recurring[number] = name or uid
        priorities.append(_text(f, "Priority") or "")
        pc_text = _text(f, "PercentComplete")
        percent = _float(pc_text) or 0.0
        work_done = _float(_text(f, "PercentWorkComplete"))
        if (
            work_done is not None
            and 0 < percent < 100
            and abs(work_done - percent) > 0.5
            and _text(f, "Summary") != "1"
        ):
            work_differs.append(name or uid)
        finished = _parse_datetime(_text(f, "ActualFinish"))
        if finished is not None and percent < 100:
            if pc_text is None and (status_dt is None or finished <= status_dt):
                # MS Project sets 100 % with an actual finish; a file without percentages means it
                percent = 100.0
            else:
                # An actual finish on work not complete, or after the status date: the file writes its schedule as
                # actual dates (TaskJuggler does, on every task). The finish is not one, and the start is one only
                # up to the status date (actuals are recorded up to it).
                del f["ActualFinish"]
                if pc_text is not None and (status_dt is None or finished <= status_dt):
                    # by the status date: the file contradicts itself
                    unfinished.append((name or uid, percent))
                started = _parse_datetime(_text(f, "ActualStart"))
                if started is not None and (started > status_dt if status_dt is not None else percent <= 0):
                    del f["ActualStart"]
                    scheduled_actuals.append(name or uid)
        fmt = _int(_text(f, "DurationFormat"), 7)
        dur_text = _text(f, "Duration")
        unreadable = False
        try:
            minutes = parse_pt_minutes(dur_text) if dur_text else 0.0
        except ValueError:
            unreadable, minutes = True, 0.0
        elapsed = fmt in ELAPSED_FORMATS
        if elapsed:
            elapsed_keys.add(uid)
        weeks = minutes / (ELAPSED_MINUTES_PER_WEEK if elapsed else mpw)
        start, finish = weeks_at(_text(f, "Start")), weeks_at(_text(f, "Finish"))
        days = _pt_days(dur_text)
        if (
            days
            and not elapsed
            and start is not None
            and finish is not None
            and not _text(f, "ActualStart")
            and _text(f, "Milestone") != "1"
            and abs((finish - start) - weeks) > 0.01
        ):
            # MSPDI's days are 24 hours (MS Project writes PT80H0M0S); tools serializing a day count write 'P10D'
            # for 10 working days. Read so when the task's own dates say it (said in one line)
            working = (minutes + days * (mpd - 1440)) / mpw
            if abs((finish - start) - working) <= 0.01:
                working_days.append(f"{quoted(name or uid)} {dur_text}")
                minutes, weeks = minutes + days * (mpd - 1440), working
        milestone = _text(f, "Milestone") == "1"
        if not _text(f, "ActualStart"):
            moments[uid] = (_parse_datetime(_text(f, "Start")), _parse_datetime(_text(f, "Finish")))
        if (
            elapsed
            and minutes > 0
            and start is not None
            and finish is not None
            and not _text(f, "ActualStart")
        ):
            # calendar time: the working time it spans where the file has it (over a weekend, less than 7 days a
            # week), so that its successors start where the file has them
            spanned = max(0.0, finish - start)
            if abs(spanned - weeks) > 0.005:
                report.add(
                    "duration",
                    f"an elapsed duration ({format_weeks(minutes / 1440)} calendar days) is read as the working "
                    f"time it spans in the file, {format_weeks(spanned)} weeks (the plan has no calendar)",
                    f"task {uid} {quoted(name)}",
                )
                weeks = spanned
        if not dur_text and start is not None and finish is not None and not milestone:
            # Tools that write MSPDI themselves often give only Start and Finish: the working time between them
            weeks = max(0.0, finish - start)
            from_dates += 1
        elif (
            dur_text
            and minutes == 0
            and start is not None
            and finish is not None
            and finish - start > 0.001
            and not milestone
            and not _text(f, "ActualStart")
        ):
            # ... or a Duration of 0 on every task (PT0H0M0S: the tool keeps no duration) beside dates apart: a
            # task that is no milestone lasts as its dates draw it (said in one line, for tasks, not summaries)
            weeks = finish - start
            if not unreadable:
                zero_dated.append((uid, name or uid))
        if unreadable:
            report.add(
                "duration",
                f"unreadable duration {quoted(dur_text or '')}; read as "
                + (f"the working time between its Start and Finish, {plural_weeks(weeks)}" if weeks else "0"),
                where,
            )
        durations[uid] = weeks
        ctype = _int(_text(f, "ConstraintType"), 0)
        manual = _text(f, "Manual") == "1"
        cdate = weeks_at(_text(f, "ConstraintDate"))
        # a manually scheduled task that must start on its own stored start (TaskJuggler writes every task so):
        # the manual tasks' line says it all (the same earliest start; the start is pinned either way)
        pinned_here = (
            manual and ctype == 2 and cdate is not None and start is not None and abs(cdate - start) < 1e-6
        )
        not_before = carry_constraint(
            ImportReport() if pinned_here else report,
            where,
            ctype,
            cdate,
            _day(_text(f, "ConstraintDate")),
            milestone,
            weeks,
            _day(_text(f, "Start" if ctype == 5 else "Finish")),
        )
        deadline = _day(_text(f, "Deadline"))
        if deadline is not None:
            due = _day(_text(f, "Finish"))
            report.add(
                "constraint",
                f"a deadline of {format_date(deadline)} is not carried (the plan has no deadlines)"
                + (
                    f"; the file finishes the task on {format_date(due)}"
                    + (f", {count((due - deadline).days, 'day')} after it" if due > deadline else "")
                    if due is not None
                    else ""
                ),
                where,
            )
        # A levelling delay pins the stored start as MS Project does (so does started work, below)
        fixed = (_float(_text(f, "LevelingDelay")) or 0) > 0
        if fixed:
            report.add("constraint", "a levelling delay is kept as the task's stored start", where)
        if _text(f, "CalendarUID") not in (None, "-1"):
            report.add("calendar", "a task calendar is not carried (the project calendar is used)", where)
        fixed = fixed or manual
        # The one-off cost is the task's FixedCost; its Cost is MS Project's total, with the resources' work at their
        # rates (read as the teams' rates below). A file without FixedCost gives only Cost (read less the work).
        fixed_cost = _text(f, "FixedCost")
        cost = _float(_text(f, "Cost") if fixed_cost is None else fixed_cost)
        if fixed_cost is None and cost:
            cost_with_work.add(uid)
        hints: dict[str, str] = {}
        for kind, child in repeated:
            if kind == "Baseline":
                bf = _fields(child)
                baseline_no = _int(_text(bf, "Number"), 0)
                b_start, b_finish = weeks_at(_text(bf, "Start")), weeks_at(_text(bf, "Finish"))
                if baseline_no != 0:
                    other_baselines.add(baseline_no)
                    continue
                b_weeks = _baseline_weeks(bf, mpw)
                if b_start is not None and b_finish is None and b_weeks is not None:
                    b_finish = b_start + b_weeks  # a start and a duration: MS Project's baseline finish
                elif b_finish is not None and b_start is None and b_weeks is not None:
                    b_start = b_finish - b_weeks
                if b_start is not None and b_finish is not None:
                    baseline[uid] = (b_start, b_finish)
                elif b_start is not None or b_finish is not None or b_weeks is not None:
                    partial_baseline.append(name or uid)
                if (_float(_text(bf, "Cost")) or 0) or (parse_pt_minutes_or_zero(_text(bf, "Work"))):
                    baseline_money += 1
            elif kind == "ExtendedAttribute":
                cf = _fields(child)
                fid = _text(cf, "FieldID") or ""
                alias = aliases.get(fid)
                if alias:
                    hints[alias] = _text(cf, "Value") or ""
                if alias not in OWN_ALIASES and _text(cf, "Value"):
                    label = field_names.get(fid) or f"field {fid}"
                    dropped_fields[label] = dropped_fields.get(label, 0) + 1
            else:
                lf = _fields(child)
                if _text(lf, "CrossProject") == "1":
                    other = _text(lf, "CrossProjectName")  # 'project\\ID' of the other project's task
                    outside.append(
                        f"{where} after " + (quoted(other) if other else "a task of another project")
                    )
                    continue
                pred = _text(lf, "PredecessorUID")
                if pred is None:
                    continue
                links.append(
                    (pred, uid, _int(_text(lf, "Type"), 1), _text(lf, "LinkLag"), _text(lf, "LagFormat"))
                )
        if (
            _text(f, "ActualStart") and ALIAS_ID not in hints
        ):  # the planner's own export: its actuals are its plan
            fixed = True
        actual_start: dt.date | float | None = actual_at(_text(f, "ActualStart"))
        # MS Project's Resume: where the remaining work of started work starts (after a pause, or after the part
        # done); build_plan carries it where the plan would resume the work earlier
        resume = weeks_at(_text(f, "Resume")) if 0 < percent < 100 and not own_fields else None
        actual_finish: dt.date | float | None = actual_at(_text(f, "ActualFinish"))
        own_task = own_fields and ALIAS_ID in hints
        at_start = False
        if own_task:
            # The plan's own values; an actual date MS Project holds where the plan had none counts only when the
            # work had not started (or finished) in the plan: it was recorded in MS Project after the export.
            was = hints.get(ALIAS_STATUS)
            if hints.get(ALIAS_ACTUAL_START) or was != "not_started":
                actual_start = own_actual(hints.get(ALIAS_ACTUAL_START), report, where)
            if hints.get(ALIAS_ACTUAL_FINISH) or was == "done":
                actual_finish = own_actual(hints.get(ALIAS_ACTUAL_FINISH), report, where)
            if ALIAS_NOT_BEFORE in hints and ctype == 4:  # the SNET is the status date, not the plan's own
                own_floor = _float(hints[ALIAS_NOT_BEFORE])
                # 0 with the constraint at the start: the plan's own earliest start of week 0
                at_start = own_floor == 0 and not_before is not None and not_before <= 1e-9
                not_before = own_floor if own_floor else 0.0 if at_start else None
        three = None
        if ALIAS_OPTIMISTIC in hints or ALIAS_PESSIMISTIC in hints:
            o = _float(hints.get(ALIAS_OPTIMISTIC))
            p = _float(hints.get(ALIAS_PESSIMISTIC))
            if o is not None and p is not None and 0 <= o <= weeks + 1e-9 <= p + 2e-9:
                three = (min(o, weeks), weeks, max(p, weeks))
        if (
            not milestone
            and not elapsed
            and start is not None
            and finish is not None
            and abs((finish - start) - weeks) > 0.01
            and weeks > 0
            and not _text(f, "ActualStart")  # started work's dates are its history (splits, a late finish)
            and _text(f, "CalendarUID") in (None, "-1")  # (a task calendar's dates: said with the calendar)
        ):
            report.add(
                "duration",
                f"the duration ({plural_weeks(weeks)}) contradicts the task's own dates "
                f"({plural_weeks(finish - start, 'working week')} apart); the duration is used",
                where,
            )
        tasks.append(
            SourceTask(
                key=uid,
                name=name,
                level=level,
                duration=weeks,
                milestone=milestone,
                start=start,
                finish=finish,
                progress=percent,
                actual_start=actual_start,
                actual_finish=actual_finish,
                status_hint=hints.get(ALIAS_STATUS) if own_task else None,
                wbs=_text(f, "WBS") or "",
                notes=_text(f, "Notes") or "",
                cost=_money(cost, legacy=fixed_cost is None and own_task),
                not_before=not_before,
                floor_at_start=at_start,
                resume=resume,
                resume_day=_day(_text(f, "Resume")),
                fixed_start=fixed,
                three_point=three,
                wanted_id=hints.get(ALIAS_ID) or None,
                stage_hint=hints.get(ALIAS_STAGE) or None,
                area_hint=hints.get(ALIAS_AREA) or None,
            )
        )
        if resume is None and not own_fields and not _text(f, "Resume"):
            # no Resume (MPXJ writes none for other tools' files): where the stored finish has the remaining work
            tasks[-1].resume = resume_after_part_done(tasks[-1], weeks_at(_text(f, "ActualStart")))
        if manual:
            manual_tasks.append(name or uid)

    report_custom_values(report, dropped_fields)
    report_priorities(report, priorities, "500")
    report_durations_from_dates(report, from_dates)

    tasks = _in_outline_order(tasks, outline_numbers, report)
    if not tasks:
        report.add("format", NO_TASKS)

    # -- links (percent lags need the predecessor's duration) -------------------------------------------------
    source_links: list[SourceLink] = []
    name_of = {t.key: quoted(t.name) for t in tasks}
    to_project: list[str] = []  # links to or from the project summary task, left out
    for pred, succ, code, lag_text, fmt_text in links:
        if (pred in project_uids or succ in project_uids) and pred != succ:
            other = succ if pred in project_uids else pred
            to_project.append(f"task {other} {name_of.get(other, '')}".strip())
            continue
        if pred in external or succ in external:  # a task of another project: outside the file's work
            if succ in external and pred in external:
                continue
            if pred in external:
                outside.append(f"task {succ} {name_of.get(succ, '')} after task {pred} {external[pred]}")
            else:
                outside.append(f"task {pred} {name_of.get(pred, '')} before task {succ} {external[succ]}")
            continue
        if pred in inactive or succ in inactive:
            inactive_links += 1
            continue
        ltype = LINK_TYPES.get(code)
        where = f"link {pred} -> {succ}"
        if ltype is None:
            report.add("link", f"unknown link type {code}; read as FS", where)
            ltype = DependencyType.FS
        fmt = _int(fmt_text, 7)
        try:
            raw_lag = float(lag_text) if lag_text not in (None, "") else 0.0
            if not math.isfinite(raw_lag):
                raise ValueError
        except ValueError:
            report.add("lag", f"unreadable lag {quoted(lag_text or '')}; read as 0", where)
            raw_lag = 0.0
        if fmt in PERCENT_FORMATS:
            lag = raw_lag / 100.0 * durations.get(pred, 0.0)
        elif fmt in ELAPSED_FORMATS:
            lag = raw_lag / 10.0 / ELAPSED_MINUTES_PER_WEEK
            anchor = moments.get(pred, (None, None))[
                0 if ltype in (DependencyType.SS, DependencyType.SF) else 1
            ]
            if anchor is not None and raw_lag and succ in moments:
                # calendar time from the predecessor's stored moment: the working time it spans there
                end = anchor + dt.timedelta(minutes=raw_lag / 10.0)
                spanned = (calendar.minutes(end) - calendar.minutes(anchor)) / mpw
                if abs(spanned - lag) > 0.005:
                    report.add(
                        "lag",
                        f"an elapsed lag ({format_weeks(raw_lag / 14400)} calendar days) is read as the working "
                        f"time it spans in the file, {format_weeks(spanned)} weeks (the plan has no calendar)",
                        where,
                    )
                    lag = spanned
        else:
            lag = raw_lag / 10.0 / mpw
        source_links.append(SourceLink(pred, succ, ltype, lag))

    if repeated_uids:
        n = len(repeated_uids)
        report.add(
            "format",
            f"{count(n, 'task')} ({some(f'UID {u} {quoted(x[:40])}' for u, x in repeated_uids)}) "
            f"{agree(n, 'repeats', 'repeat')} the UID of an earlier task: {agree(n, 'it is', 'they are')} carried, "
            f"and the links and assignments naming {agree(n, 'that UID', 'those UIDs')} go to the first",
        )
    if recurring:
        n = len(recurring)
        occurrences = sum(1 for o in outline_numbers if o and any(o.startswith(f"{r}.") for r in recurring))
        report.add(
            "format",
            f"{count(n, 'recurring task')} ({some(quoted(x[:40]) for x in recurring.values())}) {agree(n, 'is', 'are')} "
            f"carried as {agree(n, 'its', 'their')} {count(occurrences, 'occurrence')}, a decision each (the plan has "
            "no recurring work)",
        )
    leaves = {t.key for i, t in enumerate(tasks) if i + 1 == len(tasks) or tasks[i + 1].level <= t.level}
    zero_named = [quoted(name) for uid, name in zero_dated if uid in leaves]
    if zero_named:
        n = len(zero_named)
        report.add(
            "duration",
            f"{count(n, 'task')} {agree(n, 'has', 'have')} a Duration of 0 (PT0H0M0S) and no Milestone flag, "
            f"{agree(n, 'its', 'their')} Start and Finish apart ({some(zero_named)}): read as the working time "
            "between them, as the file draws them",
        )
    if working_days:
        n = len(working_days)
        whose = agree(n, "the task's", "the tasks'")
        report.add(
            "duration",
            f"{count(n, 'duration')} {agree(n, 'counts', 'count')} days as working days ({some(working_days)}), "
            f"as {whose} own dates show: read so (MS Project's days are 24 hours, 'PT80H0M0S')",
        )
    if project_percent > 0 and not any(
        (t.progress > 0 or t.actual_start is not None)
        and (i + 1 == len(tasks) or tasks[i + 1].level <= t.level)
        for i, t in enumerate(tasks)
    ):  # (a summary's own % complete is said by build_plan)
        report.add(
            "progress",
            f"the project summary task has a % complete ({format_percent(project_percent)}) that no task records: "
            "not carried, the plan's progress is its tasks' own; set it on the tasks that are done or under way",
        )
    if work_differs:
        n = len(work_differs)
        report.add(
            "progress",
            f"{count(n, 'task')} in progress ({some(quoted(x[:40]) for x in work_differs)}) "
            f"{agree(n, 'has', 'have')} a % work complete unlike {agree(n, 'its', 'their')} % complete: the plan's "
            f"progress is the % complete (the share of the duration done, what schedules the remaining work)",
        )
    if inactive:
        named = [x for x in inactive.values() if x]
        n = len(named)
        report.add(
            "format",
            f"{count(n, 'inactive task')} ({some(quoted(x[:40]) for x in named)})"
            + (
                f" and the {count(inactive_under, 'task')} under {agree(n, 'it', 'them')}"
                if inactive_under
                else ""
            )
            + f" {agree(n + inactive_under, 'is', 'are')} not carried, as MS Project leaves "
            f"{agree(n + inactive_under, 'it', 'them')} out of the schedule and the costs"
            + (
                f", nor {agree(n + inactive_under, 'its', 'their')} {count(inactive_links, 'link')}"
                if inactive_links
                else ""
            ),
        )

    if to_project:
        n = len(to_project)
        report.add(
            "link",
            f"{count(n, 'link')} to or from the project summary task (the whole project) "
            f"{agree(n, 'is', 'are')} left out: it is no task to wait for ({some(to_project)})",
        )

    # -- resources and assignments ---------------------------------------------------------------------------------
    teams: list[Team] = []
    team_of: dict[str, str] = {}
    ids = IdMaker()
    res_el = rf.get("Resources")
    cal_fields = {_text(fc, "UID"): fc for fc in (_fields(c) for c in (cal_el if cal_el is not None else []))}
    own_time: list[str] = []
    noted: list[str] = []  # resources with notes
    resource_fields: dict[str, int] = {}
    for r in res_el if res_el is not None else []:
        f = _fields(r)
        uid, name = _text(f, "UID"), (_text(f, "Name") or "").strip()
        if _text(f, "IsNull") == "1" or uid is None or not name:
            continue
        for c in r:  # the resource's custom field values (its teams have none)
            if c.tag.rpartition("}")[2] == "ExtendedAttribute":
                cf = _fields(c)
                fid = _text(cf, "FieldID") or ""
                if _text(cf, "Value") and aliases.get(fid) not in OWN_ALIASES:
                    label = field_names.get(fid) or f"field {fid}"
                    resource_fields[label] = resource_fields.get(label, 0) + 1
        if _text(f, "Notes"):
            noted.append(name)
        rtype = _text(f, "Type")
        # MS Project 2007 on writes a cost resource as Type 0 (material) with IsCostResource 1
        is_cost = rtype == "2" or _text(f, "IsCostResource") == "1"
        if rtype in ("0", "2") or is_cost:
            report.add(
                "resource",
                f"{'cost' if is_cost else 'material'} resource {quoted(name)} is not carried (teams are people)",
            )
            continue
        initials = _text(f, "Initials") or ""
        # our export writes the team id as Initials; MS Project's default initials are the name's first letter
        own = is_valid_id(initials) and not (len(initials) == 1 and name[:1].upper() == initials.upper())
        tid = ids.make(
            initials if own and initials not in ids.taken else slug(name, f"team-{uid}"), f"team-{uid}"
        )
        if _works_own_way(cal_fields, _text(f, "CalendarUID"), _text(rf, "CalendarUID")):
            own_time.append(name)
        cap = _float(_text(f, "MaxUnits"))
        per_hour = _float(_text(f, "StandardRate")) or 0.0
        teams.append(
            Team(
                id=tid,
                name=name,
                capacity=cap if cap is not None and cap >= 0 else None,
                rate=weekly_rate(per_hour, mpw) if 0 < weekly_rate(per_hour, mpw) <= MAX_COST else None,
            )
        )
        team_of[uid] = teams[-1].id
        if (_float(_text(f, "OvertimeRate")) or 0) > 0 or (_float(_text(f, "CostPerUse")) or 0) > 0:
            report.add(
                "cost", f"the overtime rate and cost per use of resource {quoted(name)} are not carried"
            )
    report_custom_values(
        report, resource_fields, "custom resource field", why="the plan's teams have no custom fields"
    )
    report_own_working_time(report, own_time)
    report_resource_notes(report, noted)
    by_key = {t.key: t for t in tasks}
    asg_el = rf.get("Assignments")
    for a in asg_el if asg_el is not None else []:
        f = _fields(a)
        task = by_key.get(_text(f, "TaskUID") or "")
        team = team_of.get(_text(f, "ResourceUID") or "")
        if task is None or team is None:
            continue
        units = _float(_text(f, "Units"))
        task.resources.append((team, 1.0 if units is None else max(0.0, units)))
    # A Cost without a FixedCost holds the task's work at its resources' rates, which the plan counts as labour
    # (the owner's rate x the headcount x the duration, as planner.analysis.cost does): the one-off is the rest.
    rate_of = {t.id: t.rate or 0.0 for t in teams}
    for task in tasks:
        if task.key in cost_with_work and task.resources and task.cost:
            owner, headcount = task.owner_and_headcount()
            work = task.duration * headcount * rate_of.get(owner or "", 0.0)
            rest = task.cost - work
            task.cost = rest if rest > 1e-6 * max(1.0, task.cost) else None

    # where the file finishes: its latest task (MS Project's FinishDate is that; TaskJuggler writes the end of the
    # project's time frame there, months after its last task)
    ends = [t.finish for t in tasks if t.finish is not None]
    finish = max(ends) if ends else weeks_at(_text(rf, "FinishDate"))
    if start_dt is not None and finish is not None:
        last = _parse_datetime(_text(rf, "FinishDate"))
        until = last.date() if last else origin + dt.timedelta(days=math.ceil(finish * 7) + 7)
        report_days_off(report, (h for h in calendar.holidays if origin <= h <= until))
    if partial_baseline:
        report.add(
            "baseline",
            f"Baseline 0 of {count(len(partial_baseline), 'task')} has a start, a finish or a duration but not "
            "enough of them to place it (a start and a finish, or one of them and the duration): not carried for "
            + some(quoted(n) for n in partial_baseline),
        )
    if baseline_money:
        report.add(
            "baseline",
            f"the Baseline 0 cost or work of {count(baseline_money, 'task')} is not carried (the plan's baseline keeps "
            "dates only)",
        )
    if other_baselines:
        report.add(
            "baseline",
            ("Baselines " if len(other_baselines) > 1 else "Baseline ")
            + ", ".join(str(n) for n in sorted(other_baselines))
            + (" are" if len(other_baselines) > 1 else " is")
            + " not carried (the plan takes Baseline 0, the one MS Project's variance columns show)",
        )
    if manual_tasks:
        n_manual = len(manual_tasks)
        report.add(
            "constraint",
            f"{count(n_manual, 'manually scheduled task')} {agree(n_manual, 'keeps its', 'keep their')} stored "
            f"start as {agree(n_manual, 'its', 'their')} earliest start: "
            + some(quoted(n) for n in manual_tasks),
        )
    if unfinished:
        n_open = len(unfinished)
        report.add(
            "progress",
            f"{count(n_open, 'task')} {agree(n_open, 'has', 'have')} an actual finish by the status date but "
            f"{agree(n_open, 'its', 'their')} % complete says not done: the % complete is carried (the finish is "
            "not, the remaining work is scheduled), "
            + some(f"{quoted(n)} ({format_share(pc / 100)})" for n, pc in unfinished),
        )
    if scheduled_actuals:
        report.add(
            "progress",
            f"{count(len(scheduled_actuals), 'task')} not complete {agree(len(scheduled_actuals), 'has', 'have')} "
            "actual start and finish dates "
            + ("after the file's status date" if status_dt is not None else "and the file has no status date")
            + " (the file writes its schedule as actual dates): not carried as actuals, "
            + some(quoted(n) for n in scheduled_actuals),
        )
    written = _day(_text(rf, "StatusDate"))
    # MS Project measures the status date in working time: its working-time position is kept, as a day of the
    # plan's weeks when it is a whole one, else as weeks (as P6's data date, and the actual dates: actual_at), so
    # that the work left finishes where the file has it
    status_day: dt.date | float | None = (
        written
        if own_fields
        or (written is not None and written < origin)  # before the start: no working time to place
        else actual_at(_text(rf, "StatusDate"))
    )
    if status_day is not None and written is not None and status_day != written and start_dt is not None:
        report.add(
            "progress",
            f"the status date {format_date(written)} ({format_weeks(weeks_at(_text(rf, 'StatusDate')) or 0.0)} "
            "working weeks from the file's start) is "
            + (
                format_date(status_day)
                if isinstance(status_day, dt.date)
                else f"week {format_weeks(status_day)} ({format_date(week_to_date(start_dt.date(), status_day))})"
            )
            + " in the plan, whose weeks have no calendar (the file's actual dates are placed the same way)",
        )
    outline = Outline(
        title=_text(rf, "Title") or _text(rf, "Name") or os.path.splitext(os.path.basename(str(path)))[0],
        format="mspdi",
        start_date=start_dt.date() if start_dt else None,
        tasks=tasks,
        links=source_links,
        teams=teams,
        currency=_currency(_text(rf, "CurrencyCode")),
        finish=finish,
        status_date=status_day,
        baseline=baseline,
        baseline_finish=baseline_finish,
        extra={"minutes_per_week": mpw, "minutes_per_day": mpd},
        outside=outside,
    )
    return outline, report


def carry_constraint(
    report: ImportReport,
    where: str,
    ctype: int,
    cdate: float | None,
    on: dt.date | None,
    milestone: bool,
    weeks: float,
    stored: dt.date | None,
) -> float | None:
    """The earliest start (weeks) a task's constraint of MS Project's type ``ctype`` (:data:`CONSTRAINTS`) carries,
    at ``cdate`` (weeks; ``on`` its day); what it cannot carry goes into the report. ``stored`` is the task's stored
    start (type 5) or finish (type 7), quoted when the constraint is dropped. MS Project XML and MPX share it."""
    if ctype == 4:
        return cdate
    if ctype in (2, 3, 6) and cdate is not None:
        # must start on / must finish on / finish no earlier than: their lower bound is an earliest start
        not_before = cdate if ctype == 2 else max(0.0, cdate - (0.0 if milestone else weeks))
        report.add(
            "constraint",
            f"'{CONSTRAINTS[ctype]}' {CARRIED_EARLIEST} (week "
            f"{format_weeks(not_before)}); a deadline it sets is not carried",
            where,
        )
        return not_before
    if ctype in CONSTRAINTS and ctype != 0:
        report.add(
            "constraint",
            f"'{CONSTRAINTS[ctype]}'"
            + (f" {format_date(on)}" if on is not None and ctype != 1 else "")
            + " constraint is not carried"
            + (
                f" (the file {'starts' if ctype == 5 else 'finishes'} the task on {format_date(stored)})"
                if on is not None and stored is not None and ctype in (5, 7)
                else ""
            ),
            where,
        )
    return None


_OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")


def _in_outline_order(
    tasks: list[SourceTask], numbers: list[str | None], report: ImportReport
) -> list[SourceTask]:
    """The tasks in outline order. MS Project lists tasks in outline order, but a file written through MPXJ's API
    lists them in the order they were created, with the hierarchy in ``OutlineNumber`` ("1.2") only: read in file
    order, a task would land under the wrong summary. When every task has an outline number and the numbers are not
    in order, the tasks are sorted by them (their levels from the numbers), and the report says so."""
    if len(numbers) != len(tasks) or not tasks:
        return tasks
    keys: list[tuple[int, ...]] = []
    for number in numbers:
        if number is None or not _OUTLINE_NUMBER.match(number):
            return tasks
        keys.append(tuple(int(x) for x in number.split(".")))
    if all(a < b for a, b in zip(keys, keys[1:], strict=False)):
        return tasks
    if len(set(keys)) != len(keys):
        report.add("format", "two tasks share an outline number; the tasks are read in file order")
        return tasks
    order = sorted(range(len(tasks)), key=keys.__getitem__)
    for i in order:
        tasks[i].level = len(keys[i])
    report.add(
        "format",
        "the tasks are not listed in outline order (as MPXJ-based tools may write them); they are read in the "
        "order of their outline numbers",
    )
    return [tasks[i] for i in order]


def _other_xml_hint(root: Any) -> str:
    """What to do with an XML file of another tool, by its top element."""
    tag = local(root.tag)
    if tag == "project" and root.find("tasks") is not None and root.get("mrproject-version") is None:
        return "it looks like a GanttProject file: import it with --format gan"
    if tag == "project" and root.get("mrproject-version") is not None:
        return "it is a GNOME Planner file: convert it to MS Project XML first (MPXJ reads it)"
    if tag == "APIBusinessObjects":
        return "it is Primavera P6 XML: import it with --format p6xml (or without --format)"
    return "save the plan from its tool as MS Project XML (.xml), GanttProject (.gan), CSV or .xlsx"


def _calendar_week(calendar: WorkCalendar, mpw: int, report: ImportReport) -> int:
    """The working minutes that make one of the plan's weeks: the project calendar's own week. MS Project's
    ``MinutesPerWeek`` (Hours per week in its options) only converts durations typed in weeks, and is often left at
    40 when the calendar is changed (a 4 x 8-hour week, a 24-hour calendar): weeks of it would put every date of the
    file 20 % early (or late), as the plan's weeks are calendar weeks. The planner's own export writes both
    alike."""
    week = calendar.week_minutes
    if week <= 0 or abs(week - mpw) < 1:
        return mpw
    report.add(
        "calendar",
        f"the project calendar works {format_weeks(week / 60)} hours a week and the file counts "
        f"{format_weeks(mpw / 60)} hours as a week (MinutesPerWeek): durations and dates are read in the "
        f"calendar's {format_weeks(week / 60)}-hour weeks, so that the plan's dates follow the file's",
    )
    return week


def _project_summary(f: dict[str, Any]) -> bool:
    """Whether a task's fields are MS Project's project summary task (UID 0, or OutlineNumber 0)."""
    return _text(f, "UID") == "0" or _text(f, "OutlineNumber") == "0"


def _numbered_top(f: dict[str, Any]) -> bool:
    """A task at OutlineLevel 0 with an OutlineNumber of its own ("1", "2"...): a top-level task, not a summary of
    the project."""
    number = _text(f, "OutlineNumber")
    return _text(f, "OutlineLevel") == "0" and not _project_summary(f) and bool(number) and number != "0"


def _day(text: str | None) -> dt.date | None:
    """The calendar day of an MSPDI date-time (``ActualStart``, ``StatusDate``); None when absent or unreadable
    (MS Project writes ``NA`` for none)."""
    t = _parse_datetime(text)
    return t.date() if t is not None else None


def _own_status_anchor(
    rf: dict[str, Any],
    calendar: WorkCalendar,
    start_dt: dt.datetime | None,
    origin_minutes: float,
    mpw: float,
) -> tuple[float, float] | None:
    """In the planner's own export, moments from the status date on count from the status date's day (see
    :func:`export_mspdi`): (the status date in the plan's weeks, its working minutes from the start), or None."""
    ext = rf.get("ExtendedAttributes")
    aliases = {_text(_fields(ea), "Alias") for ea in (ext if ext is not None else [])}
    status = _day(_text(rf, "StatusDate"))
    if start_dt is None or status is None or not {ALIAS_ID, ALIAS_STATUS} <= aliases:
        return None
    minutes = calendar.minutes_of_day_start(max(status, start_dt.date())) - origin_minutes
    return status_anchor(status, start_dt.date(), minutes, mpw)


def _currency(code: str | None) -> str | None:
    return code if code and re.fullmatch(r"[A-Z]{3}", code) else None


def import_mspdi(
    path: str | os.PathLike[str], mapping: Mapping | None = None, data: bytes | None = None
) -> tuple[Plan, ImportReport]:
    """The plan in an MS Project XML file, and what could not be carried."""
    outline, report = read_mspdi(path, data)
    return build_plan(outline, report, mapping), report


# -- export -----------------------------------------------------------------------------------------------------------
def _pt(minutes: float) -> str:
    seconds = round(max(0.0, minutes) * 60, 3)
    h = int(seconds // 3600)
    m = int((seconds - h * 3600) // 60)
    s = seconds - h * 3600 - m * 60
    s_text = str(int(round(s))) if abs(s - round(s)) < 1e-6 else f"{s:.3f}".rstrip("0").rstrip(".")
    return f"PT{h}H{m}M{s_text}S"


def _iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def _from_iso(text: str) -> dt.datetime:
    """The moment :func:`_iso` wrote (whose year has fewer than four digits before year 1000, which
    ``datetime.fromisoformat`` refuses)."""
    day, _, clock = text.partition("T")
    year, month, date = (int(x) for x in day.split("-"))
    hour, minute, second = (int(x) for x in clock.split(":"))
    return dt.datetime(year, month, date, hour, minute, second)


CURRENCY_SCALE = 100
"""MSPDI keeps money in hundredths of the currency (MS Project's Cost 150000 is 1,500.00; rates are per hour, not
scaled)."""


def _money(stored: float | None, *, legacy: bool = False) -> float | None:
    """A task's one-off cost from its stored FixedCost (or Cost): hundredths of the currency. ``legacy``: a task of
    the planner's own export before it wrote FixedCost, which held whole units. None for nothing or a negative."""
    if stored is None or not math.isfinite(stored) or stored <= 0:
        return None
    return stored if legacy else stored / CURRENCY_SCALE


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _plan_start(plan: Plan) -> dt.date:
    """The plan's start date (this week's Monday without one). A start on a weekend stays there: the project starts
    that day and its work at the next working moment, and an import returns the same start date (it moved to the
    Monday, which moved every week of the plan's dates)."""
    return plan.start_date or dt.date.today() - dt.timedelta(days=dt.date.today().weekday())


def _held_by_the_start(plan: Plan, es: Any, ef: Any, state: list[str]) -> set[int]:
    """Decisions not started that the plan start holds: their links alone (leads from work at the start) would
    start them before it. The planner starts nothing before the plan start; MS Project (and MPXJ's scheduler) lets
    a lead pull a task before the project start, so the export gives such a task a start-no-earlier-than the
    start."""
    index = {d.id: i for i, d in enumerate(plan.decisions)}
    earliest: dict[int, float] = {}
    for dep in plan.dependencies:
        i, j = index.get(dep.from_), index.get(dep.to)
        if i is None or j is None:
            continue
        dur = float(ef[j]) - float(es[j])
        anchor = float(ef[i]) if dep.type in (DependencyType.FS, DependencyType.FF) else float(es[i])
        start = anchor + dep.lag - (dur if dep.type in (DependencyType.FF, DependencyType.SF) else 0.0)
        earliest[j] = max(earliest.get(j, start), start)
    return {
        j
        for j, start in earliest.items()
        if start < -1e-9
        and float(es[j]) <= 1e-9
        and state[j] == "not_started"
        and not plan.decisions[j].not_before
    }


def export_mspdi(plan: Plan) -> str:
    """MS Project XML for ``plan``: stages as summary tasks, decisions as tasks, all four link types with lags in
    tenths of minutes, teams as resources with assignments, and the planner's ids, areas, stages and three-point
    estimates in custom fields (Text1-3, Number1-2) so that an import returns the same plan.

    Weeks are 40-hour working weeks (MinutesPerWeek 2400) on a Monday-Friday, 08:00-17:00 calendar.
    """
    from planner.analysis.cost import cost_vectors
    from planner.io.exporting import (
        day_moment,
        export_schedule,
        part_done_start,
        recorded_day,
        status_moment,
        working_time_at,
    )
    from planner.io.exporting import status_day as status_day_of

    mpw, mpd = DEFAULT_MINUTES_PER_WEEK, DEFAULT_MINUTES_PER_DAY
    origin = _plan_start(plan)
    labour_per_week = cost_vectors(plan).labour_per_week.tolist()  # headcount x the owner's rate
    cal = WorkCalendar.standard(origin)
    sched = export_schedule(plan)  # the schedule `planner analyze` shows, progress and status date included
    es, ef, finish = sched.es, sched.ef, sched.finish
    baseline = plan.baseline(None) if plan.baselines else None  # the newest

    # Weeks are working weeks from the start, except that everything from the status date on counts from the status
    # date's own day (08:00; exporting.working_time_at): Wed 21 Apr, week 7.29, is not Tue 20 Apr 11:25.
    status_day = status_day_of(plan, origin)
    status_minutes = cal.minutes_of_day_start(max(status_day, origin)) if status_day is not None else 0.0
    minutes_at, status_weeks = working_time_at(
        sched.status_week if status_day is not None else None, status_minutes, mpw
    )

    memo: dict[tuple[float, bool], str] = {}  # plans share few distinct dates; the calendar walk is the cost

    def moment(w: float, finish: bool) -> str:
        key = (w, finish)
        if key not in memo:
            memo[key] = _iso(cal.datetime_at(minutes_at(w), finish=finish))
        return memo[key]

    def start_at(w: float) -> str:
        return moment(w, False)

    by_minutes: dict[float, str] = {}

    def moment_of(minutes: float) -> str:
        """A start ``minutes`` of working time from the origin."""
        if minutes not in by_minutes:
            by_minutes[minutes] = _iso(cal.datetime_at(minutes))
        return by_minutes[minutes]

    def finish_at(w: float, dur: float) -> str:
        return moment(w, dur > 0)

    def day_start(day: dt.date) -> str:
        """A calendar day's first working moment (08:00; the next working day's when it is not one)."""
        return _iso(day_moment(cal, origin, day))

    def day_end(day: dt.date) -> str:
        """The moment ``day`` begins as a finish: the end of the working day before it (17:00)."""
        return _iso(day_moment(cal, origin, day, finish=True))

    recorded = (
        ((plan.extensions.get(EXTENSION_KEY) or {}).get("decisions") or {})
        if isinstance(plan.extensions.get(EXTENSION_KEY), dict)
        else {}
    )
    used_uids: set[int] = set()
    uid_of: dict[str, int] = {}
    for d in plan.decisions:
        key = (recorded.get(d.id) or {}).get("key") if isinstance(recorded.get(d.id), dict) else None
        if isinstance(key, str) and key.isdecimal() and int(key) > 0 and int(key) not in used_uids:
            uid_of[d.id] = int(key)
            used_uids.add(int(key))
    next_uid = max(used_uids, default=0) + 1

    def new_uid() -> int:
        nonlocal next_uid
        while next_uid in used_uids:
            next_uid += 1
        used_uids.add(next_uid)
        return next_uid

    stage_ids = [st.id for st in plan.stages]
    by_stage: dict[str, list[int]] = {}
    for i, d in enumerate(plan.decisions):
        key = d.stage if d.stage in stage_ids else ""
        by_stage.setdefault(key, []).append(i)
    stage_uid: dict[str, int] = {}
    groups: list[tuple[str, str, list[int]]] = [
        (st.id, st.name, by_stage[st.id]) for st in plan.stages if st.id in by_stage
    ]
    if "" in by_stage:
        groups.append(("", "Unknown stage", by_stage[""]))
    for key, _, _ in groups:
        stage_uid[key] = new_uid()
    for d in plan.decisions:
        if d.id not in uid_of:
            uid_of[d.id] = new_uid()

    preds: dict[str, list[Any]] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, []).append(dep)
    team_uid = {t.id: k + 1 for k, t in enumerate(plan.teams)}

    out: list[str] = []
    w = out.append
    title = escape(plan.title)
    w('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    w('<Project xmlns="http://schemas.microsoft.com/project">\n')
    w(f"  <SaveVersion>14</SaveVersion>\n  <Name>{title}</Name>\n  <Title>{title}</Title>\n")
    w("  <ScheduleFromStart>1</ScheduleFromStart>\n")
    w(
        f"  <StartDate>{_iso(dt.datetime.combine(origin, dt.time(8)))}</StartDate>\n"
        f"  <FinishDate>{finish_at(finish, finish)}</FinishDate>\n"
    )
    if plan.currency:
        # the symbol MS Project shows the amounts with (without one, its default, '$'): the code's own, else the
        # code before the amount with a space (CurrencySymbolPosition 2)
        symbol = next((s for s, code in CURRENCY_SYMBOLS.items() if code == plan.currency), None)
        w(
            f"  <CurrencySymbol>{escape(symbol or plan.currency)}</CurrencySymbol>"
            f"<CurrencyCode>{plan.currency}</CurrencyCode>"
            f"<CurrencySymbolPosition>{0 if symbol else 2}</CurrencySymbolPosition>\n"
        )
    w(
        "  <CalendarUID>1</CalendarUID>\n  <DefaultStartTime>08:00:00</DefaultStartTime>\n"
        "  <DefaultFinishTime>17:00:00</DefaultFinishTime>\n"
    )
    w(
        f"  <MinutesPerDay>{mpd}</MinutesPerDay>\n  <MinutesPerWeek>{mpw}</MinutesPerWeek>\n"
        "  <DaysPerMonth>20</DaysPerMonth>\n  <DurationFormat>7</DurationFormat>\n  <WeekStartDay>1</WeekStartDay>\n"
    )
    if status_day is not None:  # after WeekStartDay, before ExtendedAttributes: the schema's order
        # its calendar day at the day's start: remaining work resumes from it, as in the planner
        w(f"  <StatusDate>{_iso(status_moment(status_day, origin))}</StatusDate>\n")
    w("  <ExtendedAttributes>\n")
    for fid, fname, alias in _FIELDS:
        w(
            f"    <ExtendedAttribute><FieldID>{fid}</FieldID><FieldName>{fname}</FieldName>"
            f"<Alias>{escape(alias)}</Alias></ExtendedAttribute>\n"
        )
    w("  </ExtendedAttributes>\n")
    w(
        "  <Calendars>\n    <Calendar>\n      <UID>1</UID>\n      <Name>Standard</Name>\n"
        "      <IsBaseCalendar>1</IsBaseCalendar>\n      <BaseCalendarUID>-1</BaseCalendarUID>\n      <WeekDays>\n"
    )
    for day_type in range(1, 8):
        if day_type in (1, 7):
            w(f"        <WeekDay><DayType>{day_type}</DayType><DayWorking>0</DayWorking></WeekDay>\n")
        else:
            w(
                f"        <WeekDay><DayType>{day_type}</DayType><DayWorking>1</DayWorking><WorkingTimes>"
                "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
                "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
                "</WorkingTimes></WeekDay>\n"
            )
    w("      </WeekDays>\n    </Calendar>\n  </Calendars>\n  <Tasks>\n")

    row = 0

    def task_head(
        uid: int,
        name: str,
        wbs: str,
        level: int,
        start: str,
        fin: str,
        minutes: float,
        summary: bool,
        milestone: bool,
        split: tuple[str, str] | None = None,
    ) -> None:
        nonlocal row
        stop = f"      <Stop>{split[0]}</Stop>\n      <Resume>{split[1]}</Resume>\n" if split else ""
        w(
            f"    <Task>\n      <UID>{uid}</UID>\n      <ID>{row}</ID>\n      <Name>{escape(shortened(name, NAME_CHARS['mspdi']))}</Name>\n"
            f"      <Type>{1 if summary else 0}</Type>\n      <IsNull>0</IsNull>\n      <WBS>{wbs}</WBS>\n"
            f"      <OutlineNumber>{wbs}</OutlineNumber>\n      <OutlineLevel>{level}</OutlineLevel>\n"
            f"      <Start>{start}</Start>\n      <Finish>{fin}</Finish>\n"
            f"      <Duration>{_pt(minutes)}</Duration>\n      <DurationFormat>7</DurationFormat>\n{stop}"
            f"      <Milestone>{int(milestone)}</Milestone>\n      <Summary>{int(summary)}</Summary>\n"
        )
        row += 1

    def working_between(first: str, last: str) -> float:
        """The working minutes between two moments written: a summary's duration, as MS Project derives it from its
        dates (the plan's weeks shift at the status date's day and at actual dates, which the dates carry)."""
        return max(0.0, cal.minutes(_from_iso(last)) - cal.minutes(_from_iso(first)))

    project_finish = finish_at(finish, finish)
    task_head(
        0,
        plan.title,
        "0",
        0,
        start_at(0),
        project_finish,
        working_between(start_at(0), project_finish),
        True,
        False,
    )
    w("      <ConstraintType>0</ConstraintType>\n    </Task>\n")
    # Each task's dates first (the stages' summaries span them). Work not started waits for the status date as in
    # the planner (MS Project would start it in the past); started work starts where it began (its actual start on
    # its calendar day, else where its part done ends at its remaining work's start) and finishes where the planner
    # finishes it; a pause between its part done and its remaining work is a split (Stop/Resume).
    floors: list[float] = []
    held = _held_by_the_start(plan, es, ef, sched.state)
    texts: list[tuple[str, str, tuple[str, str] | None]] = []
    for i, d in enumerate(plan.decisions):
        dur = 0.0 if d.milestone else duration_triple(d.duration)[1]
        state = sched.state[i]
        floor = d.not_before or 0.0
        if state == "not_started" and sched.status_week is not None:
            floor = max(floor, sched.status_week)
        floors.append(floor)
        real_start, real_finish = recorded_day(d.actual_start), recorded_day(d.actual_finish)
        began = sched.started[i]
        begin_minutes = (
            minutes_at(es[i] if began is None else began)
            if real_start is None
            else cal.minutes_of_day_start(max(real_start, origin))
        )
        start_text = (
            start_at(es[i] if began is None else began) if real_start is None else day_start(real_start)
        )
        if d.actual_start is None and state != "not_started":
            # the planner's start for its part done: that part's working time before where it ends (the status
            # date's own day, or a recorded finish's), never before the plan start
            end = (
                cal.minutes_of_day_start(max(real_finish, origin))
                if state == "done" and real_finish is not None
                else None
            )
            derived = part_done_start(sched, i, minutes_at, mpw, end)
            if derived is not None:
                begin_minutes = max(0.0, derived)
                start_text = moment_of(begin_minutes)
        if d.milestone and state == "not_started" and es[i] > floor + 1e-9:
            # a milestone a link puts in place sits at its predecessor's finish (Fri 17:00, not Mon 08:00)
            start_text = finish_at(es[i], 1.0)
        split = None
        if state == "done":
            fin_text = finish_at(ef[i], dur) if real_finish is None else day_end(real_finish)
        elif d.milestone and state == "not_started":
            fin_text = start_text
        else:
            fin_text = finish_at(ef[i], dur)
            done_part = dur - sched.remaining[i]
            if (
                state == "in_progress"
                and done_part > 0
                and begin_minutes + done_part * mpw < minutes_at(es[i]) - 1e-6
            ):
                stop = _iso(cal.datetime_at(begin_minutes + done_part * mpw, finish=True))
                split = (stop, start_at(es[i]))
        texts.append((start_text, fin_text, split))

    for g, (key, name, members) in enumerate(groups, start=1):
        first = min(texts[i][0] for i in members)  # ISO moments order as text
        last = max(texts[i][1] for i in members)
        task_head(stage_uid[key], name, str(g), 1, first, last, working_between(first, last), True, False)
        w("      <ConstraintType>0</ConstraintType>\n    </Task>\n")
        for k, i in enumerate(members, start=1):
            d = plan.decisions[i]
            o, lk, p = duration_triple(d.duration)
            dur = 0.0 if d.milestone else lk
            state = sched.state[i]
            floor = floors[i]
            start_text, fin_text, split = texts[i]
            done_part = (
                dur if state == "done" else 0.0 if state == "not_started" else dur - sched.remaining[i]
            )
            task_head(
                uid_of[d.id],
                d.title,
                f"{g}.{k}",
                2,
                start_text,
                fin_text,
                dur * mpw,
                False,
                d.milestone,
                split=split,
            )
            percent = 100 if state == "done" else int(round(d.progress))
            w(f"      <PercentComplete>{percent}</PercentComplete>\n")
            # Cost is MS Project's total (the fixed cost and the resources' work at their rates, which it
            # recalculates); FixedCost is the decision's one-off cost, spread over the task as the planner does.
            labour = labour_per_week[i] * d.weeks()
            if d.cost is not None or labour > 0:
                w(
                    f"      <Cost>{_num(round(((d.cost or 0.0) + labour) * CURRENCY_SCALE))}</Cost>"
                    f"<FixedCost>{_num(round((d.cost or 0.0) * CURRENCY_SCALE))}</FixedCost>"
                    "<FixedCostAccrual>3</FixedCostAccrual>\n"
                )
            # Schedulers (MS Project, MPXJ) need the actuals of started work: they are the plan's own actual dates
            # on their calendar days (a start at 08:00; a finish, the moment its day begins, at the previous working
            # day's 17:00, where the planner's finishes fall), else where the planner's schedule puts them. The
            # plan's own values go in the "Planner actual ..." fields, so an import of this file keeps exactly them.
            if state != "not_started":
                w(f"      <ActualStart>{start_text}</ActualStart>\n")
                if state == "done":
                    w(f"      <ActualFinish>{fin_text}</ActualFinish>\n")
            w(
                f"      <ActualDuration>{_pt(done_part * mpw)}</ActualDuration>\n"
                f"      <RemainingDuration>{_pt((dur - done_part) * mpw)}</RemainingDuration>\n"
            )
            if (
                floor > 0 or i in held or d.not_before is not None
            ):  # 'start no earlier than': the plan's not_before, the status date for work not started, or the start
                w(
                    f"      <ConstraintType>4</ConstraintType>\n      <CalendarUID>-1</CalendarUID>\n"
                    f"      <ConstraintDate>{start_at(floor)}</ConstraintDate>\n"
                )
            else:
                w("      <ConstraintType>0</ConstraintType>\n      <CalendarUID>-1</CalendarUID>\n")
            if d.notes:
                w(f"      <Notes>{escape(d.notes)}</Notes>\n")
            for dep in preds.get(d.id, []):
                if dep.from_ not in uid_of:
                    continue
                lag_tenths = round(dep.lag * mpw * 10)
                lag_fmt = 7 if abs(dep.lag * 5 - round(dep.lag * 5)) < 1e-9 else 5
                w(
                    f"      <PredecessorLink><PredecessorUID>{uid_of[dep.from_]}</PredecessorUID>"
                    f"<Type>{LINK_CODES[dep.type]}</Type><CrossProject>0</CrossProject>"
                    f"<LinkLag>{lag_tenths}</LinkLag><LagFormat>{lag_fmt}</LagFormat></PredecessorLink>\n"
                )
            attrs = [(FIELD_TEXT1, d.id), (FIELD_TEXT3, d.stage), (FIELD_TEXT4, str(d.status))]
            if d.area:
                attrs.append((FIELD_TEXT2, d.area))
            if (
                floor != (d.not_before or 0.0)
                or (floor > 0 and status_weeks is not None)
                or (d.not_before is not None and d.not_before <= 0)
            ):
                # the plan's own earliest start, for an import of this file (the date may be the status date's,
                # or counted from it); 0 beside a constraint at the start is the plan's own 'not before week 0'
                # (a task the start holds against a lead has the constraint and no such field)
                attrs.append((FIELD_NUMBER3, _num(d.not_before or 0.0)))
            for fid, actual in ((FIELD_TEXT5, d.actual_start), (FIELD_TEXT6, d.actual_finish)):
                if actual is not None:
                    attrs.append((fid, actual.isoformat() if isinstance(actual, dt.date) else _num(actual)))
            if not (o == lk == p) and not d.milestone:
                attrs += [(FIELD_NUMBER1, _num(o)), (FIELD_NUMBER2, _num(p))]
            for fid, value in attrs:
                w(
                    f"      <ExtendedAttribute><FieldID>{fid}</FieldID><Value>{escape(str(value))}</Value>"
                    "</ExtendedAttribute>\n"
                )
            entry = baseline.decisions.get(d.id) if baseline is not None else None
            if (
                entry is not None
            ):  # MS Project's Baseline (0): its Tracking Gantt and variance columns show it
                span = max(0.0, entry.finish - entry.start)
                w(
                    f"      <Baseline><Number>0</Number><Start>{start_at(entry.start)}</Start>"
                    f"<Finish>{finish_at(entry.finish, span)}</Finish><Duration>{_pt(span * mpw)}</Duration>"
                    "</Baseline>\n"
                )
            w("    </Task>\n")
    w("  </Tasks>\n  <Resources>\n")
    for t in plan.teams:
        w(
            f"    <Resource><UID>{team_uid[t.id]}</UID><ID>{team_uid[t.id]}</ID><Name>{escape(t.name)}</Name>"
            f"<Type>1</Type><IsNull>0</IsNull><Initials>{escape(t.id)}</Initials>"
            f"<MaxUnits>{_num(t.capacity if t.capacity is not None else 1.0)}</MaxUnits>"
            # MS Project keeps a rate per hour (StandardRateFormat 4 shows it per week): the team's rate per
            # person-week over the hours of a working week
            + (
                f"<StandardRate>{_num(hourly_rate(t.rate, mpw))}</StandardRate><StandardRateFormat>4</StandardRateFormat>"
                if t.rate
                else ""
            )
            + "</Resource>\n"
        )
    w("  </Resources>\n  <Assignments>\n")
    auid = 1
    for i, d in enumerate(plan.decisions):
        if d.owner in team_uid:
            dur = d.weeks()
            work = dur * mpw * d.headcount  # minutes of work: schedulers derive dates from it
            share = 100.0 if sched.state[i] == "done" else min(100.0, d.progress)
            done = work * share / 100
            w(
                f"    <Assignment><UID>{auid}</UID><TaskUID>{uid_of[d.id]}</TaskUID>"
                f"<ResourceUID>{team_uid[d.owner]}</ResourceUID>"
                f"<PercentWorkComplete>{int(round(share))}</PercentWorkComplete>"
                f"<ActualWork>{_pt(done)}</ActualWork><Finish>{texts[i][1]}</Finish>"
                f"<RemainingWork>{_pt(work - done)}</RemainingWork><Start>{texts[i][0]}</Start>"
                f"<Units>{_num(d.headcount)}</Units><Work>{_pt(work)}</Work></Assignment>\n"
            )
            auid += 1
    w("  </Assignments>\n</Project>\n")
    return "".join(out)
