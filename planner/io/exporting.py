"""What every export shares: the schedule it writes and the notes on what it could not carry.

The schedule is the one ``planner analyze`` shows (:func:`planner.analysis.progress.apply_progress` on the CPM
passes): with progress recorded, done work sits at its finish, work in progress runs its remaining part from where
the progress rules put it, and nothing not done starts before the status date. An export only maps it to the other
tool's dates; it computes no schedule of its own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.model.plan import Plan
from planner.units import agree, count, format_weeks, joined, quoted

if TYPE_CHECKING:
    from planner.io.common import WorkCalendar


@dataclass
class ExportSchedule:
    """Weeks from the plan start, in plan order. ``state`` is ``done``, ``in_progress`` or ``not_started`` (the
    progress rules' own words); ``remaining`` the weeks of work left; ``started`` the week the work began
    (:func:`planner.analysis.progress.part_done`: its actual start, else its part done's duration before where
    that part ends), never before the plan start, None when not started; ``began`` the same before it is held at
    the plan start; ``done_ends`` where that part done ends (None when not started).
    ``ok`` is False when the plan has no schedule (a cycle, a broken link): the weeks are then each decision's
    earliest start on its own and the export says so."""

    es: list[float]
    ef: list[float]
    finish: float
    ok: bool
    state: list[str]
    remaining: list[float]
    started: list[float | None]
    progress: bool = False  # the plan records progress: the schedule is of the remaining work
    status_week: float | None = None
    critical: list[bool] = field(default_factory=list)
    # the earliest start of each decision's remaining work (done: where it sits)
    floor: list[float] = field(default_factory=list)
    # (from, to) of the links into done work, which never bind
    released: set[tuple[str, str]] = field(default_factory=set)
    began: list[float | None] = field(default_factory=list)
    done_ends: list[float | None] = field(default_factory=list)


def export_schedule(plan: Plan, estimate: str = "likely") -> ExportSchedule:
    """The progress-aware schedule of ``plan`` as :func:`planner.analysis.analyze` computes it."""
    from planner.analysis.progress import DONE, part_done, progress_schedule, progress_state
    from planner.analysis.schedule import ScheduleError

    state = progress_state(plan)
    states = [p.state for p in state.decisions]
    planned = [d.weeks(estimate) for d in plan.decisions]
    try:
        s = progress_schedule(plan, estimate, state=state)
        es = [float(x) for x in s.es]
        ef = [float(x) for x in s.ef]
        finish, ok = float(s.finish), True
        remaining = [float(x) for x in s.duration]
        critical = [bool(x) for x in s.critical]
    except (ScheduleError, ValueError, KeyError):
        es = [p.floor for p in state.decisions]
        remaining = [w * p.remaining_fraction for w, p in zip(planned, state.decisions, strict=True)]
        ef = [a + r for a, r in zip(es, remaining, strict=True)]
        finish, ok, critical = max(ef, default=0.0), False, [False] * len(es)
    done_ids = {p.id for p in state.decisions if p.state == DONE}
    began_at, ends_at = part_done(plan, es, ef, remaining, estimate)
    began = [None if math.isnan(b) else b for b in began_at.tolist()]
    done_ends = [None if math.isnan(e) else e for e in ends_at.tolist()]
    return ExportSchedule(
        es=es,
        ef=ef,
        finish=finish,
        ok=ok,
        state=states,
        remaining=remaining,
        started=[None if b is None else max(0.0, b) for b in began],
        began=began,
        done_ends=done_ends,
        progress=state.active,
        status_week=state.status_week,
        critical=critical,
        floor=[p.floor for p in state.decisions],
        released={(dep.from_, dep.to) for dep in plan.dependencies if dep.to in done_ids},
    )


def recorded_day(value: dt.date | float | None) -> dt.date | None:
    """An actual start or finish the plan keeps as a date: that day, which the exports write on its own day (a start
    at its first working moment, a finish at the end of the day before it). One kept in weeks (a position between
    days, :func:`planner.io.outline.exact_actual`) is None: the exports write it at its working-time moment, as the
    schedule places it, so that a tool reading the file, and the planner reading it back, find it there (0.4 weeks
    from Mon 4 Jan is Wed 6 Jan 08:00, two working days in, not the calendar day 2.8 days on)."""
    return value if isinstance(value, dt.date) else None


def day_of(plan: Plan, value: dt.date | float | None) -> dt.date | None:
    """A plan's actual date or status date as a calendar day: a date is itself, weeks are the day they fall on
    (:func:`planner.units.week_to_date`); None without a start date to place weeks."""
    from planner.units import week_to_date

    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if plan.start_date is None:
        return None
    return week_to_date(plan.start_date, float(value))


def status_day(plan: Plan, origin: dt.date) -> dt.date | None:
    """The status date's calendar day in an export whose weeks count from ``origin`` (status weeks of a plan
    without a start date fall on the day they are from ``origin``)."""
    from planner.units import week_to_date

    day = day_of(plan, plan.status_date)
    if day is None and isinstance(plan.status_date, int | float):
        day = week_to_date(origin, float(plan.status_date))
    return day


def status_moment(day: dt.date, origin: dt.date) -> dt.datetime:
    """The status date ``day`` as another tool's moment (MS Project's StatusDate, P6's data date): the day itself
    (the export's start ``origin`` when it is earlier) at 08:00, the start of the working day. The status date is
    the first day of the work still to do -- the planner starts remaining work on it and counts the work before it
    as done (docs/progress-and-status-date.md) -- and both tools schedule remaining work from this moment. A
    weekend or a day off stays itself (the tools resume at their next working moment), so an import of the file
    returns the same status date.

    >>> status_moment(dt.date(2028, 3, 10), dt.date(2028, 1, 3)), status_moment(dt.date(2027, 12, 1), dt.date(2028, 1, 3))
    (datetime.datetime(2028, 3, 10, 8, 0), datetime.datetime(2028, 1, 3, 8, 0))
    """
    return dt.datetime.combine(max(day, origin), dt.time(8))


def day_moment(cal: WorkCalendar, origin: dt.date, day: dt.date, *, finish: bool = False) -> dt.datetime:
    """A calendar day of the plan (an actual date) as a moment of an export on the working calendar ``cal``: the
    day's first working moment (08:00; the next working day's when it is not one), or as a finish the moment the
    day begins, the end of the working day before it (17:00) -- the planner's weeks place a date at its start.
    Never before the export's start ``origin``.

    >>> from planner.io.common import WorkCalendar
    >>> cal = WorkCalendar.standard(dt.date(2027, 1, 4))
    >>> day_moment(cal, cal.origin, dt.date(2027, 1, 7)), day_moment(cal, cal.origin, dt.date(2027, 1, 9))
    (datetime.datetime(2027, 1, 7, 8, 0), datetime.datetime(2027, 1, 11, 8, 0))
    >>> day_moment(cal, cal.origin, dt.date(2027, 1, 15), finish=True)
    datetime.datetime(2027, 1, 14, 17, 0)
    """
    return cal.datetime_at(cal.minutes_of_day_start(max(day, origin)), finish=finish)


def working_time_at(
    status_week: float | None, status_units: float, per_week: float
) -> tuple[Callable[[float], float], float | None]:
    """Working time from an export's origin at week ``w``, in the format's units (``per_week`` to a week: working
    days, minutes): ``w * per_week`` before the status date; from it on, counted from the status date's own day
    (``status_units``), so remaining work starts on the day the planner shows, not up to a day and a half before it
    (durations unchanged, so the tool finishes where the planner does). Plain positions throughout when there is
    no status date, or when its day falls before its working-week position (a plan starting mid-week). Returns
    the function and the status week it counts from (None for plain positions)."""
    if status_week is None or status_units < status_week * per_week - 1e-6:
        return (lambda w: w * per_week), None
    anchor = status_week

    def at(w: float) -> float:
        return status_units + (w - anchor) * per_week if w >= anchor - 1e-9 else w * per_week

    return at, anchor


def part_done_start(
    sched: ExportSchedule, i: int, at: Callable[[float], float], per_week: float, end: float | None = None
) -> float | None:
    """For started decision ``i`` that records no actual start: the working time from an export's origin (the
    format's units, ``per_week`` to a week) where its part done begins -- its done work before where that part ends
    (``sched.done_ends``, placed by the export's ``at`` from :func:`working_time_at`; ``end``: a recorded actual
    finish's own moment instead). The file then has exactly the part done's working time between the two; placed
    at its own working-week position the start was up to a day and a half earlier than the status date's own day
    allows (a split MS Project showed where the planner has none; done work a longer actual duration than its own).
    None when not started.

    >>> s = ExportSchedule(es=[9.5], ef=[10.5], finish=10.5, ok=True, state=["in_progress"], remaining=[1.0],
    ...                    started=[7.5], began=[7.5], done_ends=[9.5])
    >>> part_done_start(s, 0, lambda w: 23520 if w == 9.5 else w * 2400, 2400)  # 2 weeks before the status day
    18720.0
    """
    ends, began = sched.done_ends[i], sched.began[i]
    if ends is None or began is None:
        return None
    return (at(ends) if end is None else end) - (ends - began) * per_week


def status_anchor(
    status: dt.date | None, start: dt.date | None, units_of_day_start: float, per_week: float
) -> tuple[float, float] | None:
    """For an import of the planner's own export (MS Project XML, XER): where its moments count from the status
    date's own day, as :func:`working_time_at` wrote them: (the status date in the plan's weeks, the working time
    from the file's start to the status date's day, ``units_of_day_start``), or None when the export counted plain
    positions (no status date or start, or the day before its working-week position). Read a position with
    :func:`weeks_from_status_day`.

    >>> status_anchor(dt.date(2028, 3, 10), dt.date(2028, 1, 3), 9 * 2400 + 4 * 480, 2400)
    (9.571428571428571, 23520)
    >>> status_anchor(dt.date(2028, 1, 10), dt.date(2028, 1, 5), 3 * 480, 2400) is None  # a Wednesday start
    True
    """
    if status is None or start is None:
        return None
    weeks = max(0.0, (status - start).days / 7.0)
    return (weeks, units_of_day_start) if units_of_day_start >= weeks * per_week - 1e-6 else None


def weeks_from_status_day(units: float, anchor: tuple[float, float] | None, per_week: float) -> float:
    """The plan's weeks of a position ``units`` of working time from the file's start: counted from the status
    date's day at and after it (``anchor``, :func:`status_anchor`), plain working weeks before it or without one.
    The inverse of :func:`working_time_at`.

    >>> anchor = (9.571428571428571, 23520)
    >>> weeks_from_status_day(23520, anchor, 2400), weeks_from_status_day(23520 + 4800, anchor, 2400)
    (9.571428571428571, 11.571428571428571)
    >>> weeks_from_status_day(1200, anchor, 2400), weeks_from_status_day(1200, None, 2400)
    (0.5, 0.5)
    """
    if anchor is not None and units >= anchor[1] - 1e-6:
        return anchor[0] + (units - anchor[1]) / per_week
    return units / per_week


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
UNWRITABLE = {
    "mspdi": _NOT_IN_XML,
    "gan": _NOT_IN_XML,
    "mpx": _NOT_IN_XML,  # (written from the MS Project XML export's text)
    "csv": re.compile("\x00"),
    "xer": re.compile("\x00"),
}
"""Characters of a plan's text each format cannot carry, which its export writes as U+FFFD (``export_text``): in XML
(.xml, .gan) the control characters XML 1.0 allows nowhere, escaped or not (a NUL, a BEL, an ESC); in CSV and XER a
NUL, which makes the file binary to spreadsheets, P6 and the import."""


NAME_CHARS = {"mspdi": 255, "mpx": 255, "xer": 120}
"""The longest task name each scheduling tool takes: MS Project's task names 255 characters (its XML and MPX
alike), P6's activity names 120 (Oracle's limits; P6's WBS names take 100, :data:`P6_WBS_NAME_CHARS`, and its
activity ids 40, :data:`P6_ID_CHARS`). A longer name is written shortened (:func:`shortened`) and said in the notes."""
P6_WBS_NAME_CHARS = 100
P6_ID_CHARS = 40


def shortened(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters with '...' at its end, when it is longer.

    >>> shortened("abcdefgh", 6), shortened("abc", 6)
    ('abc...', 'abc')
    """
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def _long_names_note(plan: Plan, fmt: str) -> list[str]:
    """The lines that say how many names (and, for P6, decision ids) an export writes shortened to the tool's
    limits (:data:`NAME_CHARS`), naming the first."""
    most = NAME_CHARS.get(fmt)
    if most is None:
        return []
    group = (
        P6_WBS_NAME_CHARS if fmt == "xer" else most
    )  # (the plan and its stages: P6's WBS, MS Project's summaries)
    names = [
        ("the plan's title", plan.title, group),
        *((f"stage {quoted(st.id)}", st.name, group) for st in plan.stages),
        *((f"decision {quoted(d.id)}", d.title, most) for d in plan.decisions),
    ]
    long = [where for where, text, limit in names if len(text) > limit]
    notes = []
    if long:
        n = len(long)
        tool = "P6" if fmt == "xer" else "MS Project"
        limits = (
            f"activity names {most} characters, WBS names {group}"
            if fmt == "xer"
            else f"task names {most} characters"
        )
        notes.append(
            f"{count(n, 'name')} ({long[0]}{', ...' if n > 1 else ''}) {agree(n, 'is', 'are')} longer than {tool} "
            f"takes ({limits}): written shortened, '...' at the end"
        )
    if fmt == "xer":
        ids = [d.id for d in plan.decisions if len(d.id) > P6_ID_CHARS]
        if ids:
            n = len(ids)
            notes.append(
                f"{count(n, 'decision id')} ({quoted(ids[0])}{', ...' if n > 1 else ''}) {agree(n, 'is', 'are')} longer "
                f"than P6's Activity ID takes ({P6_ID_CHARS} characters): written shortened, so an import gives "
                f"{agree(n, 'that decision', 'those decisions')} the shortened {agree(n, 'id', 'ids')}"
            )
    return notes


def _unwritable_note(plan: Plan, fmt: str) -> list[str]:
    """The line that says how many of the plan's titles and notes hold characters ``fmt`` cannot carry (written as
    U+FFFD), naming the first; none when no text holds one."""
    pattern = UNWRITABLE.get(fmt)
    written = "U+FFFD, the replacement character"
    if (
        fmt == "xlsx"
    ):  # the workbook's cells refuse what XML does; the export writes a space (xlsx.export_xlsx)
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        pattern, written = ILLEGAL_CHARACTERS_RE, "spaces"
    if pattern is None:
        return []
    texts = [
        ("the plan's title", plan.title),
        *((f"stage {quoted(st.id)}'s name", st.name) for st in plan.stages),
        *((f"team {quoted(t.id)}'s name", t.name) for t in plan.teams),  # resources in .xml, .mpx, .xer, .gan
        *(
            (f"decision {quoted(d.id)}'s {what}", text)
            for d in plan.decisions
            for what, text in (("title", d.title), ("notes", d.notes))
        ),
    ]
    held = [where for where, text in texts if text and pattern.search(text)]
    if not held:
        return []
    n = len(held)
    return [
        f"{count(n, 'title or note', 'titles and notes')} ({held[0]}{', ...' if n > 1 else ''}) "
        f"{agree(n, 'holds', 'hold')} control characters the format cannot carry (such as a NUL"
        + (" or an ESC" if pattern is not UNWRITABLE["csv"] else "")
        + f"): written as {written}"
    ]


def carry_notes(plan: Plan, fmt: str, sched: ExportSchedule | None = None) -> list[str]:
    """What the export of ``plan`` in ``fmt`` (a key of :data:`planner.io.EXPORT_NAMES`) does not carry, or carries
    only approximately: one line each, for the command to print (the export's counterpart of the import report)."""
    notes: list[str] = []
    if sched is not None and not sched.ok:
        notes.append(
            "the plan has validation errors (e.g. a cycle), so it has no schedule: dates are each decision's "
            "earliest start on its own"
        )
    by_format = {
        "mspdi": _mspdi_notes,
        "mpx": _mpx_notes,
        "gan": _gan_notes,
        "tjp": _tjp_notes,
        "mermaid": _mermaid_notes,
        "dot": _dot_notes,
        "csv": _table_notes,
        "xlsx": _table_notes,
    }
    if fmt in by_format:
        notes.extend(by_format[fmt](plan, sched))
    elif fmt == "xer":
        from planner.io.primavera import xer_notes

        notes.extend(xer_notes(plan, sched))
    if fmt in MONEY_CARRIED:
        notes.extend(money_notes(plan, MONEY_CARRIED[fmt]))
    if fmt == "ics":
        notes.append(
            "a calendar holds dates only: each decision is an all-day event over its scheduled days, each "
            "milestone and strict stage gate an event on its day; links, estimates, capacities, costs and risks "
            "are not carried"
        )
    notes.extend(_long_names_note(plan, fmt))
    notes.extend(_unwritable_note(plan, fmt))
    return notes


MONEY_CARRIED: dict[str, frozenset[str]] = {
    # resources' StandardRate, tasks' FixedCost (and Cost, their total), CurrencyCode
    "mspdi": frozenset({"rates", "one_off", "currency"}),
    "mpx": frozenset({"one_off", "currency"}),
    "xer": frozenset(
        {"rates", "currency"}
    ),  # resources' rates (P6 computes activity costs from them), CURRTYPE
    "gan": frozenset({"one_off"}),  # a task's cost entered by hand (cost-manual-value)
    # columns cost, run_rate, cost_category, plan_currency
    "csv": frozenset({"one_off", "running", "categories", "currency"}),
    "xlsx": frozenset({"one_off", "running", "categories", "currency"}),
}
"""What of the plan's money each format carries: the teams' rates (the labour cost), the decisions' one-off costs,
their running costs and cost categories. None carries the budget or the cost of delay; the tables (one row per
decision) have no place for the teams' rates. (TaskJuggler, Mermaid, DOT and iCalendar say in their own notes that
they carry no costs.)"""


def money_notes(plan: Plan, carried: frozenset[str]) -> list[str]:
    """The line saying which of the plan's money a format does not carry (:data:`MONEY_CARRIED`), so that a total
    that comes back smaller is never a surprise; nothing when the plan has no money or the format carries it all."""
    rated = sum(1 for t in plan.teams if t.rate)
    one_off = sum(1 for d in plan.decisions if d.cost)
    running = sum(1 for d in plan.decisions if d.run_rate)
    lost = []
    if rated and "rates" not in carried:
        lost.append(f"the rates of {count(rated, 'team')} (the labour cost)")
    if one_off and "one_off" not in carried:
        lost.append(count(one_off, "one-off cost"))
    if running and "running" not in carried:
        lost.append(count(running, "running cost"))
    elif running and plan.horizon is not None:  # the running costs come back, counted to the finish
        lost.append(
            f"the horizon (week {format_weeks(plan.horizon)}; without it the running costs count up to the finish)"
        )
    if "categories" not in carried and any(
        str(d.cost_category) != "other" for d in plan.decisions if d.cost or d.run_rate
    ):
        lost.append("the cost categories")
    lost += [
        what
        for what, value in (("the budget", plan.budget), ("the cost of delay", plan.cost_of_delay))
        if value
    ]
    carried_money = (
        (rated and "rates" in carried)
        or (one_off and "one_off" in carried)
        or (running and "running" in carried)
    )
    if (
        plan.currency and "currency" not in carried and carried_money
    ):  # amounts come back without their currency
        lost.append(f"the currency ({plan.currency}: the amounts come back without it)")
    return [f"money not carried: {', '.join(lost)}"] if lost else []


def _three_point(plan: Plan) -> int:
    from planner.model.plan import duration_triple

    return sum(1 for d in plan.decisions if len(set(duration_triple(d.duration))) > 1)


def _blocked(plan: Plan) -> int:
    from planner.model.plan import Status

    return sum(1 for d in plan.decisions if d.status is Status.BLOCKED)


def _empty_stages(plan: Plan) -> int:
    used = {d.stage for d in plan.decisions}
    return sum(1 for s in plan.stages if s.id not in used)


def _outline_notes(plan: Plan) -> list[str]:
    """What neither MS Project XML nor GanttProject has a place for."""
    notes = []
    if plan.risks:
        notes.append(
            f"{count(len(plan.risks), 'risk')} of the risk register {agree(len(plan.risks), 'is', 'are')} not "
            "carried (the format has no risks)"
        )
    gates = sum(len(s.gate_criteria) for s in plan.stages)
    if gates:
        notes.append(
            f"{count(gates, 'gate criterion', 'gate criteria')} of the stages {agree(gates, 'is', 'are')} not carried"
        )
    refs = sum(1 for d in plan.decisions if d.references)
    tagged = sum(1 for d in plan.decisions if d.tags)
    if refs or tagged:
        notes.append(
            f"tags ({count(tagged, 'decision')}) and references ({count(refs, 'decision')}) are not carried"
        )
    status = plan.status_date
    if isinstance(status, int | float) and abs(status * 7 - round(status * 7)) > 1e-9:
        notes.append(
            f"the status date, week {format_weeks(status)}, is written as the day it falls on (week "
            f"{format_weeks(math.floor(status * 7 + 0.5) / 7)}): the format keeps a date"
        )
    rank = {st.id: k for k, st in enumerate(plan.stages)}
    order = [rank.get(d.stage, len(rank)) for d in plan.decisions]
    if order != sorted(order):
        notes.append("decisions are grouped under their stages: an import lists them in that order")
    empty = _empty_stages(plan)
    if empty:
        notes.append(
            f"{count(empty, 'stage')} without decisions {agree(empty, 'is', 'are')} not carried (a summary task "
            "needs tasks under it)"
        )
    if plan.scenarios:
        notes.append(
            f"{count(len(plan.scenarios), 'scenario')} {agree(len(plan.scenarios), 'is', 'are')} not carried: "
            "only the plan as exported is (on the command "
            "line, planner export --scenario NAME exports a scenario)"
        )
    linked = sum(1 for dep in plan.dependencies if dep.note)
    if linked:
        notes.append(f"{count(linked, 'dependency note')} {agree(linked, 'is', 'are')} not carried")
    zero = sum(1 for d in plan.decisions if not d.milestone and d.weeks() == 0)
    if zero:
        notes.append(
            f"{count(zero, 'decision')} of 0 weeks that {agree(zero, 'is not a milestone', 'are not milestones')} "
            f"can come back from an import as {agree(zero, 'a milestone', 'milestones')} (a task of no duration is "
            "one in these tools; the schedule is the same)"
        )
    return notes


_MS_PROJECT_WEEKS = (
    "weeks are 40-hour working weeks on a Monday-Friday, 08:00-17:00 calendar (1 week = 5 working days); the "
    "planner's dates count 7 calendar days a week, so a date inside a week can differ by a day or two while "
    "whole weeks and the finish agree"
)
"""How MS Project XML and MPX (written from the same tasks) place the plan's weeks."""


def _resource_name_note(plan: Plan) -> list[str]:
    """The line that names the teams whose names MS Project does not take as resource names: a comma or semicolon
    (its list separator, by the Windows region) or square brackets separate resources and their units in its
    Resource Names column, so it warns on opening the file and changes the name."""
    odd = [t.name for t in plan.teams if any(c in t.name for c in ",;[]")]
    if not odd:
        return []
    n = len(odd)
    return [
        f"{count(n, 'team name')} ({', '.join(quoted(x) for x in odd[:3])}{', ...' if n > 3 else ''}) "
        f"{agree(n, 'holds', 'hold')} a comma, semicolon or square bracket, which MS Project does not take in a "
        f"resource name (they separate resources and units): it warns on opening the file and changes "
        f"{agree(n, 'it', 'them')}; rename the {agree(n, 'team', 'teams')} first to keep the names"
    ]


def _mspdi_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    notes = _outline_notes(plan)
    notes.append(f"{_MS_PROJECT_WEEKS}; actual dates and the status date are written on their own days")
    notes.extend(_resource_name_note(plan))
    blocked = _blocked(plan)
    if blocked:
        notes.append(
            f"{count(blocked, 'blocked decision')}: MS Project has no such status (kept in the 'Planner status' "
            "field)"
        )
    if plan.baselines:
        older = len(plan.baselines) - 1
        notes.append(
            "the newest baseline is MS Project's Baseline (0)"
            + (f"; {count(older, 'older baseline')} {agree(older, 'is', 'are')} not carried" if older else "")
            + "; an import reads it back as the baseline 'Baseline' (its name and stage gates are not kept)"
        )
    notes.extend(_without_actual_start(plan, sched, kept=True))
    if sched is not None:
        squeezed, split = _in_progress_shapes(plan, sched)
        if squeezed and sched.status_week is not None:
            # With a status date the cause is the recorded progress itself: more work done than fits between
            # the work's start and where its remaining work starts (asking for a status date misled here).
            their = agree(squeezed, "its", "their")
            notes.append(
                f"{count(squeezed, 'decision')} in progress {agree(squeezed, 'has', 'have')} more work done than "
                f"fits between {their} start ({their} actual start, else the plan start) and where {their} "
                f"remaining work starts (the status date or later): the file starts {agree(squeezed, 'it', 'them')} "
                f"there; MS Project runs the whole duration from that start, so it finishes "
                f"{agree(squeezed, 'it', 'them')} later than the planner: check {their} progress and actual start"
            )
        elif squeezed:
            notes.append(
                f"{count(squeezed, 'decision')} in progress {agree(squeezed, 'has its', 'have their')} remaining "
                f"work resume before {agree(squeezed, 'its', 'their')} part done could have ended (without a status "
                "date the planner resumes it at its actual start or the plan start); "
                "MS Project runs the whole duration from the start, so it can finish later: give the plan a status "
                "date (Plan & stages in the app, --status-date on the command line) for both to agree"
            )
        if split:
            notes.append(
                f"{count(split, 'decision')} in progress {agree(split, 'resumes', 'resume')} after a pause (the "
                f"status date or a predecessor holds {agree(split, 'its', 'their')} remaining work): written as a "
                "split (Stop/Resume), which MS Project shows; a tool that ignores splits finishes "
                f"{agree(split, 'it', 'them')} earlier"
            )
    return notes


def _mpx_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    """MPX is written from the MS Project XML export's tasks (planner.io.mpx.export_mpx), less what MPX has no
    place for."""
    notes = _outline_notes(plan)
    notes.append(f"{_MS_PROJECT_WEEKS}; actual dates are written on their own days")
    notes.extend(_resource_name_note(plan))
    notes.append(
        "MPX has no named custom fields: the decisions' ids and areas are not carried (stages are, as summary "
        "tasks); an import makes ids from the titles and guesses the areas"
    )
    three = _three_point(plan)
    if three:
        notes.append(
            f"{count(three, 'three-point estimate')}: the likely duration is written, the range is not"
        )
    blocked = _blocked(plan)
    if blocked:
        notes.append(
            f"{count(blocked, 'blocked decision')}: MPX has no such status (written as not started or in progress)"
        )
    if plan.status_date is not None:
        notes.append("the status date is not carried (MPX has none); progress and actual dates are")
    if plan.baselines:
        notes.append(
            f"{count(len(plan.baselines), 'baseline')} {agree(len(plan.baselines), 'is', 'are')} not carried"
        )
    at_start = sum(1 for d in plan.decisions if d.not_before is not None and d.not_before <= 0)
    if at_start:
        notes.append(
            f"{count(at_start, 'decision')} not before week 0: written as a start no earlier than the start, which "
            "an import reads as no earliest start (the same schedule; MS Project XML keeps it)"
        )
    notes.extend(_without_actual_start(plan, sched, kept=False))
    if sched is not None and _in_progress_shapes(plan, sched)[1]:
        notes.append(
            "decisions in progress that resume after a pause are written without the pause (MPX has no splits)"
        )
    if sched is not None and sched.progress:
        notes.append(
            "progress comes back as MPX keeps it, not in the planner's weeks: actual dates on their days, work not "
            "started from the start-no-earlier date the status date gave it, and (no status date) remaining work "
            "from each actual start, so an import of this plan can finish days or weeks off; MS Project XML "
            "carries the plan's own values"
        )
    notes.extend(outside_ansi(plan, "the code page MPX files are read in"))
    return notes


def outside_ansi(plan: Plan, code_page: str) -> list[str]:
    """The note (``code_page`` says whose it is) for a format written in Windows-1252 (:func:`planner.io.common.ansi_bytes`: MPX, XER) when the
    text it writes (the plan's title, stage and team names, decisions' titles and notes) has characters outside
    that code page. The stage names were left out: a stage named '验证' was written '??' without a word."""
    texts = [plan.title, *(s.name for s in plan.stages), *(t.name for t in plan.teams)]
    texts += [d.title + (d.notes or "") for d in plan.decisions]
    chars = set("".join(texts))
    if any(ch != "?" and ch.encode("cp1252", "replace") == b"?" for ch in chars):
        return [f"characters outside Windows-1252 (ANSI, {code_page}) are written as '?'"]
    return []


def _gan_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    notes = _outline_notes(plan)
    if plan.baselines:
        notes.append(
            f"{count(len(plan.baselines), 'baseline')} {agree(len(plan.baselines), 'is', 'are')} not carried "
            "(GanttProject keeps none in its file)"
        )
    notes.append("dates are whole working days on a Monday-Friday week (1 week = 5 days)")
    # GanttProject counts whole days: a duration or lag between two is written to the nearest (a duration to one
    # day at least); the exact weeks go in custom columns for an import to read back
    durations = sum(
        1
        for d in plan.decisions
        if not d.milestone and d.weeks() > 0 and not float(d.weeks() * 5).is_integer()
    )
    lags = sum(1 for dep in plan.dependencies if not float(dep.lag * 5).is_integer())
    if durations or lags:
        parts = [count(durations, "duration")] if durations else []
        parts += [count(lags, "lag")] if lags else []
        n = durations + lags
        notes.append(
            f"{joined(parts)} {agree(n, 'is', 'are')} not a whole number of working days: GanttProject shows "
            f"{agree(n, 'it', 'them')} to the nearest day"
            + (" (a duration under half a day as one day)" if durations else "")
            + f", so its schedule can differ by that much; the exact {agree(n, 'value', 'values')} "
            f"{agree(n, 'is', 'are')} kept in custom columns for an import"
        )
    three = _three_point(plan)
    if three:
        notes.append(
            f"{count(three, 'three-point estimate')}: GanttProject schedules the likely duration; the three "
            "estimates are kept in custom columns"
        )
    if sched is not None and sched.progress:
        notes.append(
            "GanttProject has no actual dates or status date: tasks are written where the planner schedules them "
            "under the recorded progress (started work so that it ends where the planner finishes it); the "
            "plan's own dates and status are kept in custom columns"
        )
        # work in progress whose part done ends before its remaining work starts (progress.part_done's rule)
        held = sum(
            st == "in_progress" and end is not None and e > end + 1e-6
            for st, e, end in zip(sched.state, sched.es, sched.done_ends, strict=True)
        )
        if held:
            notes.append(
                f"{count(held, 'decision')} in progress {agree(held, 'resumes', 'resume')} after a pause (a "
                f"predecessor or a start-no-earlier date holds {agree(held, 'its', 'their')} remaining work past the "
                f"status date): GanttProject has no split, so {agree(held, 'its bar', 'their bars')} "
                f"{agree(held, 'ends', 'end')} where the planner finishes {agree(held, 'it', 'them')} and "
                f"{agree(held, 'its', 'their')} part done is drawn up to where the remaining work starts, after the "
                "status date (the plan's actual start, if any, is kept in a custom column)"
            )
    blocked = _blocked(plan)
    if blocked:
        notes.append(
            f"{count(blocked, 'blocked decision')}: GanttProject has no such status (kept in a custom column)"
        )
    return notes


def _mermaid_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    from planner.model.plan import DependencyType

    other = sum(1 for dep in plan.dependencies if dep.type is not DependencyType.FS or dep.lag)
    notes = [
        "bars are drawn at their scheduled dates in whole days; links are not drawn (each is listed in a comment)"
        + (f"; {other} of them are not plain finish-to-start" if other else "")
    ]
    three = _three_point(plan)
    if three:
        notes.append(f"{count(three, 'three-point estimate')}: bars use the likely duration")
    return notes


def _dot_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    return [
        "DOT is the dependency graph: no dates, teams or costs (progress shows as 'done' or a percentage)"
    ]


def _table_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    notes = []
    lost = [
        count(n, one, many) + rest
        for n, one, many, rest in (
            (len(plan.risks), "risk", None, ""),
            (len(plan.baselines), "baseline", None, ""),
            (len(plan.scenarios), "scenario", None, ""),
            (sum(len(s.gate_criteria) for s in plan.stages), "gate criterion", "gate criteria", ""),
            (_empty_stages(plan), "stage", None, " without decisions"),
        )
        if n
    ]
    notes.append(
        "one row per decision: stages, areas and teams are carried by id or name only (not their goals, colours "
        "or capacities)" + (f"; not carried: {', '.join(lost)}" if lost else "")
    )
    named: list[str] = []
    for d in plan.decisions:
        if d.stage not in named:
            named.append(d.stage)
    planned = [s.id for s in plan.stages if s.id in named]
    if named != planned:
        notes.append(
            f"the rows name the stages in another order ({', '.join(named)}) than the plan has them "
            f"({', '.join(planned)}): an import orders its stages as the rows first name them"
        )
    return notes


def _without_actual_start(plan: Plan, sched: ExportSchedule | None, kept: bool) -> list[str]:
    """The note for a format with actual dates (``kept``: the planner's own field brings back that there was
    none) on started work that records no actual start: the one written is the planner's
    (:func:`planner.analysis.progress.part_done`)."""
    if sched is None:
        return []
    n = sum(
        1
        for d, state in zip(plan.decisions, sched.state, strict=True)
        if state != "not_started" and d.actual_start is None
    )
    if not n:
        return []
    return [
        f"{count(n, 'started decision')} {agree(n, 'records', 'record')} no actual start: the file needs one, so "
        "it has the one the planner "
        "draws (the part done ending at the finish of done work, and for work in progress where its remaining "
        "work starts but no later than the status date: never an actual start in the future); "
        + (
            "an import of this file finds no actual start, as in the plan"
            if kept
            else "an import of this file reads it as recorded"
        )
    ]


def _in_progress_shapes(plan: Plan, sched: ExportSchedule) -> tuple[int, int]:
    """(squeezed, split): decisions in progress whose remaining work starts before their part done could have
    ended from where it began, and those whose remaining work starts after a pause."""
    squeezed = split = 0
    for i, d in enumerate(plan.decisions):
        if sched.state[i] != "in_progress" or sched.started[i] is None:
            continue
        began = sched.started[i]
        assert began is not None
        ends = began + d.weeks() - sched.remaining[i]
        if ends > sched.es[i] + 1e-6:
            squeezed += 1
        elif ends < sched.es[i] - 1e-6:
            split += 1
    return squeezed, split


def _tjp_notes(plan: Plan, sched: ExportSchedule | None) -> list[str]:
    from planner.model.plan import DependencyType

    notes = [
        "durations are calendar time (1 week = 7 days, 168 hours), as the planner counts weeks; teams, costs, "
        "three-point estimates (the likely one is written), risks and scenarios are not carried"
    ]
    by_id = {d.id: d for d in plan.decisions}
    negative = 0
    for dep in plan.dependencies:
        gap = dep.lag
        if dep.type in (DependencyType.FF, DependencyType.SF) and dep.to in by_id:
            gap = dep.lag - by_id[dep.to].weeks()
        negative += gap < -1e-9
    if negative:
        held = agree(negative, "its successor is held", "their successors are held")
        moves = agree(
            negative, "does not move if its predecessor changes", "do not move if their predecessors change"
        )
        notes.append(
            f"{count(negative, 'link')} with a negative gap (a lead, or an FF/SF lag shorter than the successor) "
            f"{agree(negative, 'is a comment', 'are comments')}: TaskJuggler has no leads, so {held} at the "
            f"planner's start instead and {moves} in TaskJuggler"
        )

    if sched is not None and sched.progress:
        notes.append(
            "progress: done work is a milestone where it finished, other work its remaining duration from the "
            "status date or its actual start ('complete' is reported, not used by TaskJuggler to schedule)"
        )
    return notes
