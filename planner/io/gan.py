"""GanttProject ``.gan``: import and export.

The format: ``<task id name start="YYYY-MM-DD" duration="DAYS" meeting complete>`` nested for summaries;
``<depend id=SUCCESSOR type difference hardness>`` sits on the *predecessor*; types 1 SS, 2 FS, 3 FF, 4 SF;
``difference`` is the lag in working days; ``meeting="true"`` is a milestone; ``complete`` is progress (%);
``<allocation task-id resource-id load>`` assigns resources (load 100 = one person). Durations are whole working days
of the project calendar (``<default-week>``: 1 marks a weekend day; none with ``<only-show-weekends value="true">``,
GanttProject's 'tasks run on weekends') without its holidays (``<date type="HOLIDAY">``).

Days become weeks at the calendar's working days per week (5 by default). GanttProject keeps whole days only, so
the export also writes each decision's exact estimates in custom columns that the import prefers while they still
agree with the whole-day duration.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from planner.io.common import (
    NO_TASKS,
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
    report_priorities,
    slug,
    some,
)
from planner.io.outline import Mapping, Outline, SourceLink, SourceTask, build_plan
from planner.model.limits import MAX_COST
from planner.model.plan import DependencyType, Plan, Team, duration_triple
from planner.units import agree, count, half_up, quoted, week_to_date

GAN_TYPES = {"1": DependencyType.SS, "2": DependencyType.FS, "3": DependencyType.FF, "4": DependencyType.SF}
GAN_CODES = {v: k for k, v in GAN_TYPES.items()}
PROP_ID, PROP_AREA, PROP_STAGE = "Planner id", "Planner area", "Planner stage"
PROP_O, PROP_L, PROP_P, PROP_NB = (
    "Planner optimistic (weeks)",
    "Planner likely (weeks)",
    "Planner pessimistic (weeks)",
    "Planner not before (weeks)",
)
PROP_LAGS = "Planner lags (weeks)"
PROP_STATUS, PROP_ACTUAL_START, PROP_ACTUAL_FINISH = (
    "Planner status",
    "Planner actual start",
    "Planner actual finish",
)
PROP_START_DATE, PROP_STATUS_DATE = "Planner start date", "Planner status date"
"""The plan's own status, actual values (a date, or weeks), start date and status date: GanttProject has no
actual dates, status date or 'blocked', and done work the planner places before the plan start moves the earliest
task date. The start and status dates are written on the first task only."""
_OWN_PROPS = {
    PROP_ID,
    PROP_AREA,
    PROP_STAGE,
    PROP_O,
    PROP_L,
    PROP_P,
    PROP_NB,
    PROP_LAGS,
    PROP_STATUS,
    PROP_ACTUAL_START,
    PROP_ACTUAL_FINISH,
    PROP_START_DATE,
    PROP_STATUS_DATE,
}
"""The custom columns the planner's own export writes; any other custom column with values is reported."""
_DAY_ATTRS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


GAN_PRIORITIES = {"0": "Low", "1": "Normal", "2": "High", "3": "Lowest", "4": "Highest"}
"""GanttProject's task priorities as its task dialog names them (the file's ``priority`` attribute)."""


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _f(text: str | None) -> float | None:
    try:
        x = float(text) if text not in (None, "") else None
    except ValueError:
        return None
    return x if x is None or math.isfinite(x) else None


def read_gan(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Outline, ImportReport]:
    raw = read_limited(path) if data is None else data
    root = parse_xml(raw, path)
    if local(root.tag) != "project":
        raise InteropError(
            path,
            f"not a GanttProject file (the top element is <{local(root.tag)}>, not <project>)",
            hint="it looks like MS Project XML: import it with --format mspdi"
            if local(root.tag) == "Project"
            else "save the plan from its tool as GanttProject (.gan), MS Project XML (.xml), CSV or .xlsx",
        )
    report = ImportReport(source=os.path.basename(str(path)), format="GanttProject")

    # -- calendar ------------------------------------------------------------------------------------------------
    weekend = {5, 6}
    holidays: list[dt.date] = []
    recurring: list[tuple[int, int]] = []
    cals = root.find("calendars")
    if cals is not None:
        week = cals.find(".//default-week")  # 2.x files keep it one level down, in day-types/calendar
        if week is not None:
            weekend = {i for i, a in enumerate(_DAY_ATTRS) if week.get(a) == "1"}
        shown = cals.find(".//only-show-weekends")
        if weekend and shown is not None and (shown.get("value") or "").strip().lower() == "true":
            # GanttProject's 'tasks run on weekends' (weekends only shown, not taken into account for the task
            # scheduling): every day is a working day, and a duration of 7 days is a week
            weekend = set()
        for d in cals.iter("date"):
            kind = (d.get("type") or "HOLIDAY").upper()
            try:
                month, day = int(d.get("month") or 0), int(d.get("date") or 0)
                year = int(d.get("year")) if d.get("year") else None
            except ValueError:
                continue
            if kind == "WORKING_DAY":
                report.add(
                    "calendar", f"an extra working day ({year or '*'}-{month:02d}-{day:02d}) is not carried"
                )
            elif kind in ("HOLIDAY", "WEEKEND", "NEUTRAL") and month:
                if year:
                    with contextlib.suppress(ValueError):
                        holidays.append(dt.date(year, month, day))
                else:
                    recurring.append((month, day))
    workdays = [i for i in range(7) if i not in weekend] or list(range(5))
    days_per_week = len(workdays)

    # -- custom properties ----------------------------------------------------------------------------------------
    tasks_el = root.find("tasks")
    if tasks_el is None:
        # GanttProject 3.x leaves <tasks> out of a project nobody has added a task to
        if root.get("version") is None and root.find("description") is None:
            raise InteropError(
                path, "the file has no <tasks> element", hint="is it a GanttProject project file?"
            )
        tasks_el = ET.Element("tasks")
    props = {}
    for tp in tasks_el.iter("taskproperty"):
        if tp.get("type") == "custom" and tp.get("id"):
            props[tp.get("id")] = tp.get("name") or ""

    all_tasks = [(t, depth) for t, depth in _walk(tasks_el, 1)]
    if not all_tasks:
        report.add("format", NO_TASKS)
    starts = [_date(t.get("start")) for t, _ in all_tasks]
    known = [s for s in starts if s is not None]
    own_dates = _own_project_dates(
        all_tasks, props
    )  # the planner's own export: its plan start and status date
    origin = own_dates[0] or (min(known) if known else dt.date.today())
    if recurring and known:
        for year in range(origin.year, max(known).year + 6):
            for month, day in recurring:
                with contextlib.suppress(ValueError):
                    holidays.append(dt.date(year, month, day))
    cal = WorkCalendar.standard(origin, holidays, minutes_per_day=480, workdays=workdays)

    def day_index(d: dt.date) -> float:
        return cal.minutes_of_day_start(d) / 480.0

    tasks: list[SourceTask] = []
    links: list[SourceLink] = []
    durations: dict[str, float] = {}
    pending: list[tuple[str, str, str, str | None, str]] = []
    lag_props: dict[str, list[float]] = {}
    other_props: dict[str, int] = {}  # custom task columns of another tool or user: values per column
    priorities: list[
        str
    ] = []  # each task's priority (GanttProject's 0 low, 1 normal, 2 high, 3 lowest, 4 highest)
    seen_keys: set[str] = set()
    repeated_ids: list[tuple[str, str]] = []  # (id, name) of each task that repeats an earlier task's id
    for el, depth in all_tasks:
        key = el.get("id") or ""
        name = el.get("name") or ""
        where = f"task {key} {quoted(name)}"
        priorities.append(el.get("priority") or "")
        if key in seen_keys:
            # GanttProject numbers its tasks once; a hand-edited file can repeat a number: the repeat is kept under
            # a key of its own, so that the links naming the number reach the first task only
            repeated_ids.append((key, name))
            key = f"{key}#{len(repeated_ids)}"
            where = f"task {key} {quoted(name)}"
        seen_keys.add(key)
        start_day = _date(el.get("start"))
        if start_day is None and (el.get("start") or "").strip():
            report.add(
                "format",
                f"the start {quoted(el.get('start') or '')} is not a date; the task is placed by its links",
                where,
            )
        days = _f(el.get("duration")) or 0.0
        if _f(el.get("duration")) is None and (el.get("duration") or "").strip():
            report.add(
                "duration",
                f"the duration {quoted(el.get('duration') or '')} is not a number of days; read as 0",
                where,
            )
        weeks = days / days_per_week
        start = day_index(start_day) / days_per_week if start_day else None
        if start_day and not cal.working_day(start_day):
            report.add(
                "calendar", f"starts on a non-working day ({start_day}); read as the next working day", where
            )
        custom = {
            props.get(c.get("taskproperty-id") or "", ""): c.get("value") or ""
            for c in el.findall("customproperty")
        }
        for prop, value in custom.items():
            if value and prop not in _OWN_PROPS:
                label = prop or "(unnamed)"
                other_props[label] = other_props.get(label, 0) + 1
        three = None
        o, lk, pe = _f(custom.get(PROP_O)), _f(custom.get(PROP_L)), _f(custom.get(PROP_P))
        if (
            o is not None
            and lk is not None
            and pe is not None
            and round(days)
            in (
                half_up(lk * days_per_week),
                round(lk * days_per_week),  # (as written before s26)
                # the export writes work under half a day as one day (a task of no days is a milestone)
                max(1, half_up(lk * days_per_week)) if lk > 0 else 0,
            )
            and 0 <= o <= lk <= pe
        ):
            three = (o, lk, pe)
            weeks = lk
        nb = _f(custom.get(PROP_NB))
        third = _date(el.get("thirdDate"))
        if third is not None and el.get("thirdDate-constraint") == "1" and nb is None:
            # GanttProject's "earliest begin" (third date, constraint 1): the task starts no earlier than it
            nb = max(0.0, day_index(third) / days_per_week) or None
        elif third is not None and el.get("thirdDate-constraint") not in (None, "0", "1"):
            report.add("constraint", "a third-date constraint is not carried", where)
        # GanttProject's task cost entered by hand (cost-calculated="false"; a calculated one comes from the
        # resources' rates, which are not carried): the whole of the task's cost, its one-off cost here
        manual_cost: float | None = None
        raw_cost = (el.get("cost-manual-value") or "").strip()
        if el.get("cost-calculated") == "false" and raw_cost:
            manual = _f(raw_cost)
            amount = manual is not None and 0 < manual <= MAX_COST
            if amount and el.find("task") is not None:
                # a summary is structure: its cost has no decision to go to
                report.add("cost", "a summary task's cost entered by hand is not carried", where)
            elif amount:
                manual_cost = manual
            elif manual != 0:
                report.add(
                    "cost",
                    f"the task cost entered by hand ({quoted(raw_cost)}) is not an amount the plan holds; not carried",
                    where,
                )
        notes_el = el.find("notes")
        tasks.append(
            SourceTask(
                key=key,
                name=name,
                level=depth,
                duration=weeks,
                milestone=el.get("meeting") == "true",
                start=start,
                finish=None if start is None else start + weeks,
                progress=_f(el.get("complete")) or 0.0,
                wbs=custom.get("WBS", ""),
                notes=(notes_el.text or "").strip() if notes_el is not None else "",
                cost=manual_cost,
                not_before=nb,
                floor_at_start=nb == 0 and custom.get(PROP_NB) is not None and bool(custom.get(PROP_ID)),
                three_point=three,
                wanted_id=custom.get(PROP_ID) or None,
                stage_hint=custom.get(PROP_STAGE) or None,
                area_hint=custom.get(PROP_AREA) or None,
                status_hint=custom.get(PROP_STATUS) or None if custom.get(PROP_ID) else None,
                actual_start=own_actual(custom.get(PROP_ACTUAL_START), report, where)
                if custom.get(PROP_ID)
                else None,
                actual_finish=own_actual(custom.get(PROP_ACTUAL_FINISH), report, where)
                if custom.get(PROP_ID)
                else None,
            )
        )
        durations[key] = weeks
        if custom.get(PROP_LAGS):
            try:
                lag_props[key] = [float(x) for x in custom[PROP_LAGS].split()]
            except ValueError:
                report.add("lag", "the exact lags column is unreadable; whole days are used", where)
        for dep in el.findall("depend"):
            pending.append(
                (
                    key,
                    dep.get("id") or "",
                    dep.get("type") or "2",
                    dep.get("difference"),
                    dep.get("hardness") or "Strong",
                )
            )
    seen_per_pred: dict[str, int] = {}
    for pred, succ, code, diff, hardness in pending:
        where = f"link {pred} -> {succ}"
        ltype = GAN_TYPES.get(code)
        if ltype is None:
            report.add("link", f"unknown link type {quoted(code)}; read as FS", where)
            ltype = DependencyType.FS
        if hardness == "Rubber":
            report.add(
                "link",
                "a 'Rubber' link (a minimum gap the successor may exceed) is read as an ordinary link",
                where,
            )
        try:
            lag_days = float(diff) if diff not in (None, "") else 0.0
            if not math.isfinite(lag_days):
                raise ValueError
        except ValueError:
            report.add("lag", f"unreadable lag {quoted(diff or '')}; read as 0", where)
            lag_days = 0.0
        lag = lag_days / days_per_week
        k = seen_per_pred.get(pred, 0)
        seen_per_pred[pred] = k + 1
        exact = lag_props.get(pred)
        if (
            exact
            and k < len(exact)
            and round(lag_days) in (half_up(exact[k] * days_per_week), round(exact[k] * days_per_week))
        ):
            lag = exact[k]
        links.append(SourceLink(pred, succ, ltype, lag))
    if repeated_ids:
        n = len(repeated_ids)
        report.add(
            "format",
            f"{count(n, 'task')} ({some(f'id {k} {quoted(x[:40])}' for k, x in repeated_ids)}) "
            f"{agree(n, 'repeats', 'repeat')} the id of an earlier task: "
            f"{agree(n, 'it is', 'they are')} carried, and the links and allocations naming "
            f"{agree(n, 'that id', 'those ids')} go to the first",
        )

    # -- resources -------------------------------------------------------------------------------------------------
    teams: list[Team] = []
    team_of: dict[str, str] = {}
    ids = IdMaker()
    res = root.find("resources")
    res_props = (
        {c.get("id"): c.get("name") for c in res.findall("custom-property-definition")}
        if res is not None
        else {}
    )
    resource_props: dict[str, int] = {}  # custom resource columns with values, per column
    for r in res.findall("resource") if res is not None else []:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        own = {res_props.get(c.get("definition-id")): c.get("value") for c in r.findall("custom-property")}
        for prop, value in own.items():
            if value and prop != PROP_ID:
                label = prop or "(unnamed)"
                resource_props[label] = resource_props.get(label, 0) + 1
        wanted = own.get(PROP_ID) or slug(name, f"team-{r.get('id')}")
        tid = ids.make(wanted, f"team-{r.get('id')}")
        teams.append(Team(id=tid, name=name))
        if r.find("rate") is not None:
            report.add("cost", f"the rate of resource {quoted(name)} is not carried")
        team_of[r.get("id") or ""] = tid
    by_key = {t.key: t for t in tasks}
    alloc = root.find("allocations")
    for a in alloc.findall("allocation") if alloc is not None else []:
        task, team = by_key.get(a.get("task-id") or ""), team_of.get(a.get("resource-id") or "")
        if task is None or team is None:
            continue
        load = _f(a.get("load"))
        task.resources.append((team, 1.0 if load is None else max(0.0, load) / 100.0))
        if a.get("responsible") == "true" and task.lead is None:
            # GanttProject's coordinator (the task's "Coordinator" column): the one it names as the task's owner
            task.lead, task.lead_word = team, "the coordinator"
    if root.find("vacations") is not None and len(root.find("vacations")):
        report.add("calendar", "resource vacations are not carried")
    for what, counts in (("task", other_props), ("resource", resource_props)):
        report_custom_values(report, counts, f"custom {what} column", quote=True)
    report_priorities(report, priorities, "1", GAN_PRIORITIES)
    # GanttProject's baselines (<previous>): the newest (the last) is the plan's baseline
    baseline: dict[str, tuple[float, float]] = {}
    baseline_name = "Baseline"
    previous = root.find("previous")
    sets = [b for b in (previous if previous is not None else []) if b.tag == "previous-tasks"]
    if sets:
        newest = sets[-1]
        baseline_name = (newest.get("name") or "").strip() or baseline_name
        unreadable = 0
        for pt in newest.findall("previous-task"):
            b_day = _date(pt.get("start"))
            b_days = _f(pt.get("duration"))
            b_start: float | None = None
            if (
                b_day is not None and abs(b_day.year - origin.year) <= 200
            ):  # a calendar of 200 years is enough
                b_start = day_index(b_day) / days_per_week
            if (
                b_start is None
                or b_days is None
                or not math.isfinite(b_days)
                or not 0 <= b_days <= 100_000  # days: more is no plan's baseline
                or not pt.get("id")
            ):
                unreadable += 1
                continue
            baseline[pt.get("id") or ""] = (b_start, b_start + b_days / days_per_week)
        if unreadable:
            report.add(
                "baseline",
                f"{count(unreadable, 'task')} of baseline {quoted(baseline_name)} {agree(unreadable, 'has', 'have')} no "
                "readable start date and duration (or one out of range): not carried",
            )
        if len(sets) > 1:
            report.add(
                "baseline",
                f"{count(len(sets) - 1, 'older baseline')} {agree(len(sets) - 1, 'is', 'are')} not carried ("
                + ", ".join(quoted(b.get("name") or "") for b in sets[:-1][:5])
                + f"); the plan takes the newest, {quoted(baseline_name)}",
            )
    if known:
        # a holiday within the work: up to the last start, or before the last finish (a task running across it)
        last_end = max((t.finish for t in tasks if t.finish is not None), default=0.0) * days_per_week
        report_days_off(
            report,
            (
                h
                for h in holidays
                if origin <= h
                and (h <= max(known) or day_index(h) < last_end - 1e-9)
                and h.weekday() in workdays
            ),
            "holiday",
        )
    ends = [t.finish for t in tasks if t.finish is not None]
    outline = Outline(
        title=root.get("name") or os.path.splitext(os.path.basename(str(path)))[0],
        format="gan",
        start_date=origin if known or own_dates[0] else None,
        status_date=own_dates[1],
        tasks=tasks,
        links=links,
        teams=teams,
        finish=max(ends) if ends else None,
        extra={"days_per_week": days_per_week},
        baseline=baseline,
        baseline_name=baseline_name,
    )
    return outline, report


def _own_project_dates(
    tasks: list[tuple[Any, int]], props: dict[str, str]
) -> tuple[dt.date | None, dt.date | None]:
    """(plan start, status date) the planner's own export keeps in its custom columns, or (None, None)."""
    wanted = {pid: name for pid, name in props.items() if name in (PROP_START_DATE, PROP_STATUS_DATE)}
    found: dict[str, dt.date | None] = {}
    if wanted:
        for el, _depth in tasks:
            for c in el.findall("customproperty"):
                name = wanted.get(c.get("taskproperty-id") or "")
                if name and c.get("value"):
                    found.setdefault(name, _date(c.get("value")))
            if found:
                break
    return found.get(PROP_START_DATE), found.get(PROP_STATUS_DATE)


def _working_day(origin: dt.date, k: int) -> dt.date:
    """The ``k``-th Monday-to-Friday day from ``origin`` (a working day), counting back for negative ``k``."""
    weeks, rest = divmod(k, 5)
    day = origin + dt.timedelta(weeks=weeks)
    while rest:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    return day


def _walk(parent: Any, depth: int) -> Any:
    """Every ``<task>`` under ``parent`` with its depth, in document order (parents before their children). With a
    stack, not recursion: a file of tasks nested 20,000 deep exceeded Python's recursion limit."""
    stack = [(t, depth) for t in reversed(parent.findall("task"))]
    while stack:
        t, d = stack.pop()
        yield t, d
        stack.extend((c, d + 1) for c in reversed(t.findall("task")))


def import_gan(
    path: str | os.PathLike[str], mapping: Mapping | None = None, data: bytes | None = None
) -> tuple[Plan, ImportReport]:
    outline, report = read_gan(path, data)
    return build_plan(outline, report, mapping), report


def export_gan(plan: Plan) -> str:
    """A GanttProject file: stages as summary tasks, decisions inside them, links on their predecessors, teams as
    resources with allocations. Dates are whole working days on a Monday-Friday week."""
    from planner.io.exporting import export_schedule, status_day, working_time_at

    origin = plan.start_date or dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    while origin.weekday() >= 5:
        origin += dt.timedelta(days=1)
    sched = export_schedule(plan)  # the schedule `planner analyze` shows, progress and status date included
    # GanttProject has a start and a duration per task, no actual dates: started work is written so that it ends
    # where the planner finishes it (done work where it sits; its duration before), possibly before the plan start.
    # Done work with an actual start starts no earlier than it: the plan places an actual finish at the start of
    # its day (days / 7) and the duration is working time, so the duration before it began two days before the
    # actual start (a done task of Mon 4 - Fri 15 Jan was written from Thu 31 Dec, before the plan's start).
    starts = [
        e
        if state == "not_started"
        else max(
            f - (0.0 if d.milestone else duration_triple(d.duration)[1]),
            b if state == "done" and b is not None else -math.inf,
        )
        for e, f, state, d, b in zip(
            sched.es, sched.ef, sched.state, plan.decisions, sched.began, strict=True
        )
    ]

    # From the status date on, days count from the status date's own day (as in the MS Project export).
    day = status_day(plan, origin) if sched.status_week is not None else None
    status_days = (
        WorkCalendar.standard(origin).working_days(origin, max(day, origin)) if day is not None else 0.0
    )
    days_at, _ = working_time_at(sched.status_week if day is not None else None, status_days, 5)

    def date_at(w: float) -> str:
        return _working_day(origin, half_up(days_at(w))).isoformat()

    succs: dict[str, list[Any]] = {}
    for dep in plan.dependencies:
        succs.setdefault(dep.from_, []).append(dep)
    num = {d.id: k for k, d in enumerate(plan.decisions, start=len(plan.stages) + 1)}
    team_num = {t.id: k for k, t in enumerate(plan.teams)}
    props = [
        ("tpc0", PROP_ID),
        ("tpc1", PROP_AREA),
        ("tpc2", PROP_STAGE),
        ("tpc3", PROP_O),
        ("tpc4", PROP_L),
        ("tpc5", PROP_P),
        ("tpc6", PROP_NB),
        ("tpc7", PROP_LAGS),
        ("tpc8", PROP_STATUS),
        ("tpc9", PROP_ACTUAL_START),
        ("tpc10", PROP_ACTUAL_FINISH),
        ("tpc11", PROP_START_DATE),
        ("tpc12", PROP_STATUS_DATE),
    ]
    first_task = True
    out: list[str] = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(
        f'<project name={quoteattr(plan.title)} company="" webLink="" view-date="{origin.isoformat()}" '
        'view-index="0" gantt-divider-location="400" resource-divider-location="300" version="3.2" locale="en">\n'
    )
    w(f"  <description>{escape(plan.description)}</description>\n")
    w(
        '  <calendars>\n    <day-types>\n      <day-type id="0"/>\n      <day-type id="1"/>\n'
        '      <default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/>\n'
        '      <only-show-weekends value="false"/>\n      <overriden-day-types/>\n      <days/>\n'
        "    </day-types>\n  </calendars>\n"
    )
    w(
        '  <tasks empty-milestones="true">\n    <taskproperties>\n'
        '      <taskproperty id="tpd0" name="type" type="default" valuetype="icon"/>\n'
        '      <taskproperty id="tpd1" name="priority" type="default" valuetype="icon"/>\n'
        '      <taskproperty id="tpd2" name="info" type="default" valuetype="icon"/>\n'
        '      <taskproperty id="tpd3" name="name" type="default" valuetype="text"/>\n'
        '      <taskproperty id="tpd4" name="begindate" type="default" valuetype="date"/>\n'
        '      <taskproperty id="tpd5" name="enddate" type="default" valuetype="date"/>\n'
        '      <taskproperty id="tpd6" name="duration" type="default" valuetype="int"/>\n'
        '      <taskproperty id="tpd7" name="completion" type="default" valuetype="int"/>\n'
    )
    for pid, name in props:
        w(
            f'      <taskproperty id="{pid}" name={quoteattr(name)} type="custom" valuetype="text" defaultvalue=""/>\n'
        )
    w("    </taskproperties>\n")
    for k, st in enumerate(plan.stages, start=1):
        members = [i for i, d in enumerate(plan.decisions) if d.stage == st.id]
        if not members:
            continue
        lo = min(starts[i] for i in members)
        w(
            f'    <task id="{k}" name={quoteattr(st.name)} color="#8cb6ce" meeting="false" start="{date_at(lo)}" '
            'duration="1" complete="0" expand="true">\n'
        )
        for i in members:
            d = plan.decisions[i]
            o, lk, p = duration_triple(d.duration)
            days = 0 if d.milestone else max(1, half_up(lk * 5)) if lk > 0 else 0
            w(
                f'      <task id="{num[d.id]}" name={quoteattr(d.title)} color="#8cb6ce" '
                f'meeting="{"true" if d.milestone or days == 0 else "false"}" start="{date_at(starts[i])}" '
                f'duration="{days}" complete="{100 if sched.state[i] == "done" else int(round(d.progress))}" '
                # an earliest start as GanttProject's "earliest begin" (thirdDate, constraint 1), so its own
                # scheduler holds the task there: a strong link would pull it to right after its predecessor
                + (
                    f'thirdDate="{date_at(d.not_before)}" thirdDate-constraint="1" '
                    if d.not_before and sched.state[i] == "not_started"
                    else ""
                )
                # the one-off cost as GanttProject's task cost entered by hand (the import reads it back)
                + (f'cost-manual-value="{float(d.cost)!r}" cost-calculated="false" ' if d.cost else "")
                + 'expand="true">\n'
            )
            if d.notes:
                w(f"        <notes>{escape(d.notes)}</notes>\n")
            deps = [x for x in succs.get(d.id, []) if x.to in num]
            for dep in deps:
                w(
                    f'        <depend id="{num[dep.to]}" type="{GAN_CODES[dep.type]}" '
                    f'difference="{half_up(dep.lag * 5)}" hardness="Strong"/>\n'
                )
            values = [("tpc0", d.id), ("tpc1", d.area or ""), ("tpc2", d.stage)]
            if not d.milestone:
                values += [("tpc3", num_text(o)), ("tpc4", num_text(lk)), ("tpc5", num_text(p))]
            if d.not_before is not None:  # 0 too: the plan's own 'not before the plan start'
                values.append(("tpc6", num_text(d.not_before)))
            if any(dep.lag for dep in deps):
                values.append(("tpc7", " ".join(num_text(dep.lag) for dep in deps)))
            values.append(("tpc8", str(d.status)))
            for pid, actual in (("tpc9", d.actual_start), ("tpc10", d.actual_finish)):
                if actual is not None:
                    values.append(
                        (pid, actual.isoformat() if isinstance(actual, dt.date) else num_text(actual))
                    )
            if first_task:  # the plan's own dates, once (without a start date, the one the file uses)
                first_task = False
                values.append(("tpc11", (plan.start_date or origin).isoformat()))
                if isinstance(plan.status_date, dt.date):
                    values.append(("tpc12", plan.status_date.isoformat()))
                elif plan.status_date is not None:
                    day = week_to_date(plan.start_date or origin, float(plan.status_date))
                    values.append(("tpc12", day.isoformat() if day else ""))
            for pid, value in values:
                w(f'        <customproperty taskproperty-id="{pid}" value={quoteattr(value)}/>\n')
            w("      </task>\n")
        w("    </task>\n")
    w("  </tasks>\n  <resources>\n")
    w(f'    <custom-property-definition id="0" name={quoteattr(PROP_ID)} type="text" default-value=""/>\n')
    for t in plan.teams:
        w(
            f'    <resource id="{team_num[t.id]}" name={quoteattr(t.name)} function="Default:0" contacts="" '
            f'phone="">\n      <custom-property definition-id="0" value={quoteattr(t.id)}/>\n    </resource>\n'
        )
    w("  </resources>\n  <allocations>\n")
    for d in plan.decisions:
        if d.owner in team_num:
            w(
                f'    <allocation task-id="{num[d.id]}" resource-id="{team_num[d.owner]}" function="Default:0" '
                f'responsible="true" load="{d.headcount * 100:.1f}"/>\n'
            )
    w('  </allocations>\n  <vacations/>\n  <previous/>\n  <roles roleset-name="Default"/>\n</project>\n')
    return "".join(out)
