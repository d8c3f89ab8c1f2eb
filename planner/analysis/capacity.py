"""Team capacity (SPEC §3.4): load against capacity, ``over-capacity`` findings, and a levelled schedule.

Each decision occupies ``headcount`` people of its owner team for as long as it runs, on the half-open interval
``[ES, EF)`` in weeks. Time is **continuous**: durations and dates may be fractional, and the load of a team is a
step function that changes only where a decision starts or finishes. A team is over capacity when that step
function exceeds its ``capacity`` on an interval longer than a rounding tolerance (1e-9 weeks). Nothing is
rounded to whole weeks except for presentation: :func:`weekly_load` reports, per team and per calendar week
``[w, w + 1)``, the peak load and the average load (person-weeks worked in that week).

Teams without a capacity, decisions without an owner, with headcount 0 or with duration 0 (milestones) take
part in no capacity check.

Levelling (:func:`level`) is a serial schedule-generation scheme in continuous time. Decisions are taken one at a
time, each once all its predecessors are placed, in priority order -- least total float in the unlevelled CPM
schedule first, then earliest CPM start, then id -- and each is placed at the earliest time that satisfies its
dependencies (all four types, lags, ``not_before``; computed from the already placed predecessors exactly as the
CPM forward pass does) *and* leaves its team within capacity for its whole duration. Work is never split or
stretched. Because critical decisions (float 0) come first whenever they are ready, non-critical work is what
gets delayed; critical work moves only when it cannot fit otherwise. A decision whose headcount alone exceeds
its team's capacity can never fit: it is placed as if it took the whole team (so it runs with no other work of
that team) and reported as an over-capacity that cannot be levelled, rather than searched for forever.
With ample capacity every decision is placed at its CPM early start, so levelling changes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.analysis.findings import Finding, Severity
from planner.analysis.graph import Columns, gc_paused, graph_columns, id_places
from planner.analysis.json_table import JsonTable
from planner.analysis.schedule import Schedule
from planner.model import units
from planner.model.plan import Plan

if TYPE_CHECKING:  # (the levelling itself is imported when a plan is levelled: random, heapq and its classes)
    from planner.analysis import levelling

TIME_TOL = 1e-9
"""Weeks: intervals shorter than this are rounding noise and never count as over capacity."""

_MAX_LISTED = 6


# -- load profiles ------------------------------------------------------------------------------------------
class _Profile:
    """A team's load as a step function: ``load[i]`` people on ``[times[i], times[i + 1])``, 0 after the last."""

    __slots__ = ("times", "load")

    def __init__(self) -> None:
        self.times: list[float] = [-math.inf]
        self.load: list[float] = [0.0]

    def _split(self, t: float) -> int:
        """Index of the segment starting at ``t``, inserting a breakpoint when needed."""
        i = bisect_right(self.times, t) - 1
        if self.times[i] == t:
            return i
        self.times.insert(i + 1, t)
        self.load.insert(i + 1, self.load[i])
        return i + 1

    def add(self, start: float, finish: float, people: float) -> None:
        if finish - start <= 0 or people <= 0:
            return
        i = self._split(start)
        j = self._split(finish)
        for k in range(i, j):
            self.load[k] += people

    def earliest(self, t0: float, duration: float, people: float, capacity: float) -> float:
        """The earliest ``t >= t0`` with ``load + people <= capacity`` throughout ``[t, t + duration)``."""
        eps = 1e-9 * max(1.0, capacity)
        times, load = self.times, self.load
        t = t0
        while True:
            end = t + duration
            i = bisect_right(times, t) - 1
            moved = False
            while i < len(times) and times[i] < end - TIME_TOL:
                seg_end = times[i + 1] if i + 1 < len(times) else math.inf
                if seg_end > t + TIME_TOL and load[i] + people > capacity + eps:
                    t = seg_end  # any start before the end of this segment overlaps it
                    moved = True
                    break
                i += 1
            if not moved:
                return t

    def segments(self) -> list[tuple[float, float, float]]:
        """(start, end, people) for every stretch with a load, in time order."""
        out = []
        for k in range(1, len(self.times) - 1):
            if self.load[k] > 0:
                out.append((self.times[k], self.times[k + 1], self.load[k]))
        return out


@dataclass
class TeamLoad:
    """One team's load over time (people) under one schedule."""

    id: str
    name: str
    capacity: float | None
    segments: list[tuple[float, float, float]]  # (start, end, people), time order, load > 0
    decisions: list[int]  # plan indices of the decisions counted

    @property
    def peak(self) -> float:
        return max((p for s, e, p in self.segments if e - s > TIME_TOL), default=0.0)

    def over(self) -> list[tuple[float, float, float]]:
        """Merged stretches (start, end, peak people) where the load exceeds the capacity."""
        if self.capacity is None:
            return []
        eps = 1e-9 * max(1.0, self.capacity)
        out: list[tuple[float, float, float]] = []
        for s, e, p in self.segments:
            if p > self.capacity + eps and e - s > TIME_TOL:
                if out and abs(out[-1][1] - s) <= TIME_TOL:
                    out[-1] = (out[-1][0], e, max(out[-1][2], p))
                else:
                    out.append((s, e, p))
        return out

    @property
    def over_weeks(self) -> float:
        """Total weeks in which the load exceeds the capacity (0 without a capacity): the length of :meth:`over`."""
        return float(sum(e - s for s, e, _ in self.over()))

    def steps(self) -> list[tuple[float, float, float]]:
        """The load as a step profile: :attr:`segments` (the stretches with a load, in time order, as the load chart
        draws them) with touching stretches of the same load merged into one -- a decision handing over to another
        of the same headcount is one step, not two (analyze's ``teams[].load``).

        >>> TeamLoad("a", "A", 2.0, [(0.0, 2.0, 1.0), (2.0, 3.0, 1.0), (3.0, 4.0, 2.0), (5.0, 6.0, 2.0)], []).steps()
        [(0.0, 3.0, 1.0), (3.0, 4.0, 2.0), (5.0, 6.0, 2.0)]
        """
        return _steps(self.segments)

    def at(self, times: np.ndarray) -> np.ndarray:
        """The load (people) from each of ``times`` on, i.e. on ``[t, next breakpoint)``."""
        times = np.asarray(times, dtype=np.float64)
        out = np.zeros(times.shape)
        if not self.segments:
            return out
        s, e, p = (np.array(x, dtype=np.float64) for x in zip(*self.segments, strict=True))
        if len(s) > 1 and bool(np.all(s[1:] >= e[:-1])):
            # In time order without overlaps (as _segments makes them): each time is in one stretch at most, found
            # by a binary search (a stretch per loop step was segments x times: minutes for thousands of teams).
            k = np.searchsorted(s, times, side="right") - 1
            inside = (k >= 0) & (times < e[np.maximum(k, 0)])
            out[inside] = p[k[inside]]
            return out
        for s_, e_, p_ in self.segments:
            out[(times >= s_) & (times < e_)] += p_
        return out


def combined_load(loads: Sequence[TeamLoad], id: str, name: str) -> TeamLoad:
    """Several teams' loads as one: the sum of their loads over time, against the sum of the capacities they have
    (None when none has one); the decisions of all of them. A chart shows the teams it has no room for this way.

    >>> a = TeamLoad("a", "A", 2.0, [(0.0, 2.0, 1.0)], [0])
    >>> b = TeamLoad("b", "B", None, [(1.0, 3.0, 2.0)], [1])
    >>> c = combined_load([a, b], "rest", "2 other teams")
    >>> c.segments, c.capacity, c.decisions
    ([(0.0, 1.0, 1.0), (1.0, 2.0, 3.0), (2.0, 3.0, 2.0)], 2.0, [0, 1])
    """
    parts = [seg for tl in loads for seg in tl.segments]
    s, e, p = (
        (np.array(x, dtype=np.float64) for x in zip(*parts, strict=True)) if parts else (np.zeros(0),) * 3
    )
    caps = [tl.capacity for tl in loads if tl.capacity is not None]
    return TeamLoad(
        id=id,
        name=name,
        capacity=float(sum(caps)) if caps else None,
        segments=_segments(s, e, p),
        decisions=sorted(d for tl in loads for d in tl.decisions),
    )


def _team_of(plan: Plan, cols: Columns | None = None) -> tuple[list[int], list[float | None]]:
    """Team position of every decision (-1 for none) and capacity per team (``cols``: the plan's columns, when
    already taken)."""
    pos = {t.id: k for k, t in enumerate(plan.teams)}
    owners = cols.owner if cols is not None else [d.owner for d in plan.decisions]
    team: list[int] = list(map(pos.get, owners, repeat(-1)))  # type: ignore[arg-type]  # None is no team id: -1
    return team, [t.capacity for t in plan.teams]


def _segments(start: np.ndarray, finish: np.ndarray, people: np.ndarray) -> list[tuple[float, float, float]]:
    """The step function of ``people`` running on ``[start, finish)`` as (start, end, load) stretches with a load,
    breaking at every start and finish (a sweep over sorted events, O(n log n))."""
    seg_s, seg_e, seg_p = _segment_arrays(start, finish, people)
    return list(zip(seg_s.tolist(), seg_e.tolist(), seg_p.tolist(), strict=True))


def _segment_arrays(
    start: np.ndarray, finish: np.ndarray, people: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_segments` as three arrays (start, end, load)."""
    if not len(start):
        return np.zeros(0), np.zeros(0), np.zeros(0)
    times = np.concatenate((start, finish))
    delta = np.concatenate((people, -people))
    order = np.argsort(times, kind="stable")
    times = times[order]
    level = np.cumsum(delta[order])
    last = np.flatnonzero(np.diff(times) != 0)  # the last event at each distinct time
    bounds = times[np.append(last, len(times) - 1)]
    load = level[last]  # load on [bounds[j], bounds[j + 1])
    load[np.abs(load) <= 1e-9 * max(1.0, float(np.abs(people).max()))] = 0.0
    keep = np.flatnonzero(load > 0)
    return bounds[keep], bounds[keep + 1], load[keep]


def _steps(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """:meth:`TeamLoad.steps` of these segments: a stretch joins the step before it when it starts where that one
    ends with a load within rounding of the step's (its first stretch's) load."""
    out: list[tuple[float, float, float]] = []
    for s, e, p in segments:
        if out and out[-1][1] == s and abs(out[-1][2] - p) <= 1e-9 * max(1.0, p):
            out[-1] = (out[-1][0], e, out[-1][2])
        else:
            out.append((s, e, p))
    return out


def _step_arrays(
    seg_s: np.ndarray, seg_e: np.ndarray, seg_p: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_steps` on :func:`_segment_arrays` (start, end, load), as arrays (issue 12: a team of a big plan has
    tens of thousands of stretches). Where touching stretches have loads that differ by rounding only, whether one
    joins depends on the step's first load, not on its neighbour's: that team takes :func:`_steps` itself."""
    if len(seg_s) < 2:
        return seg_s, seg_e, seg_p
    touching = seg_e[:-1] == seg_s[1:]
    same = seg_p[1:] == seg_p[:-1]
    near = np.abs(seg_p[:-1] - seg_p[1:]) <= 1e-9 * np.maximum(1.0, seg_p[1:])
    if bool(np.any(touching & near & ~same)):
        steps = _steps(list(zip(seg_s.tolist(), seg_e.tolist(), seg_p.tolist(), strict=True)))
        s, e, p = (np.array(x, dtype=np.float64) for x in zip(*steps, strict=True))
        return s, e, p
    # Otherwise a step's loads are all equal, so "within rounding of its first" is "equal to the one before".
    first = np.flatnonzero(np.concatenate(([True], ~(touching & same))))
    last = np.append(first[1:] - 1, len(seg_s) - 1)
    return seg_s[first], seg_e[last], seg_p[first]


def _over_arrays(
    seg_s: np.ndarray, seg_e: np.ndarray, seg_p: np.ndarray, capacity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:meth:`TeamLoad.over` on :func:`_segment_arrays`: the merged over-capacity stretches (start, end, peak)."""
    eps = 1e-9 * max(1.0, capacity)
    m = (seg_p > capacity + eps) & (seg_e - seg_s > TIME_TOL)
    s, e, p = seg_s[m], seg_e[m], seg_p[m]
    if not len(s):
        return s, e, p
    new = np.ones(len(s), dtype=bool)
    new[1:] = np.abs(e[:-1] - s[1:]) > TIME_TOL  # a stretch continues while each starts where the last ended
    first = np.flatnonzero(new)
    last = np.append(first[1:] - 1, len(s) - 1)
    return s[first], e[last], np.maximum.reduceat(p, first)


def _members(
    plan: Plan, es: np.ndarray, ef: np.ndarray, cols: Columns | None = None
) -> tuple[list[np.ndarray], np.ndarray]:
    """Per team of ``plan`` (plan order), the positions of the decisions its load counts (ascending: owned by it,
    with people, running a while under ``es``/``ef``), and every decision's headcount (from ``cols``, the plan's
    columns, when given)."""
    team = np.asarray(_team_of(plan, cols)[0], dtype=np.int64)
    if cols is not None:
        head = cols.headcount
    else:
        head = np.fromiter((d.headcount for d in plan.decisions), dtype=np.float64, count=len(plan.decisions))
    counted = (team >= 0) & (head > 0) & (ef - es > 0)
    return [np.flatnonzero(counted & (team == k)) for k in range(len(plan.teams))], head


def team_loads(
    plan: Plan, es: np.ndarray, ef: np.ndarray, teams: Collection[int] | None = None
) -> list[TeamLoad]:
    """The load of every team of ``plan`` (plan order) when decision ``i`` runs on ``[es[i], ef[i])``; with
    ``teams``, of the teams at those positions only (an edit's re-analysis, :mod:`planner.analysis.incremental`)."""
    es = np.asarray(es, dtype=np.float64)
    ef = np.asarray(ef, dtype=np.float64)
    members_of, head = _members(plan, es, ef)
    out = []
    for k, t in enumerate(plan.teams):
        if teams is not None and k not in teams:
            continue
        members = members_of[k]
        out.append(
            TeamLoad(
                id=t.id,
                name=t.name,
                capacity=t.capacity,
                segments=_segments(es[members], ef[members], head[members]),
                decisions=members.tolist(),
            )
        )
    return out


@dataclass
class WeeklyLoad:
    """Team load per calendar week ``[w, w + 1)``, ``w = 0 .. weeks - 1`` (rows: teams in plan order)."""

    team_ids: list[str]
    team_names: list[str]
    capacity: np.ndarray  # people per team; nan when the team has no capacity
    peak: np.ndarray  # (teams, weeks) highest load at any moment of the week
    average: np.ndarray  # (teams, weeks) person-weeks worked in the week

    @property
    def weeks(self) -> int:
        return int(self.peak.shape[1])

    def over(self) -> np.ndarray:
        """(teams, weeks) bool: the peak exceeds the capacity in that week."""
        cap = np.where(np.isnan(self.capacity), np.inf, self.capacity)[:, None]
        return self.peak > cap + 1e-9 * np.maximum(1.0, cap)


def weekly_load(plan: Plan, es: np.ndarray, ef: np.ndarray, weeks: int | None = None) -> WeeklyLoad:
    """Per team and week: peak and average load under the schedule ``es``/``ef`` (weeks, plan order)."""
    loads = team_loads(plan, es, ef)
    if weeks is None:
        end = float(np.max(ef)) if len(ef) else 0.0
        weeks = max(1, math.ceil(end - TIME_TOL))
    peak = np.zeros((len(loads), weeks))
    avg = np.zeros((len(loads), weeks))
    for k, tl in enumerate(loads):
        for s, e, p in tl.segments:
            if e - s <= TIME_TOL:
                continue
            w0 = max(0, math.floor(s + TIME_TOL))
            w1 = min(weeks, math.ceil(e - TIME_TOL))
            for w in range(w0, w1):
                overlap = min(e, w + 1) - max(s, w)
                if overlap > TIME_TOL:
                    avg[k, w] += p * overlap
                    peak[k, w] = max(peak[k, w], p)
    caps = np.array([np.nan if t.capacity is None else t.capacity for t in loads], dtype=np.float64)
    return WeeklyLoad([t.id for t in loads], [t.name for t in loads], caps, peak, avg)


# -- team load as data: analyze's JSON and text ------------------------------------------------------------------
def iso_dates_of(start: dt.date | None, *weeks: np.ndarray) -> list[list[str | None]]:
    """:func:`planner.model.units.iso_dates` of each array of week figures in ``weeks``, each distinct figure
    formatted once: in a big plan's output the same weeks come back from row to row and team to team (at 100k
    decisions a third of the start weeks are distinct), and each date string is then made once and shared."""
    if start is None:
        return [[None] * len(w) for w in weeks]
    every = np.concatenate([np.asarray(w, dtype=np.float64) for w in weeks]) if weeks else np.zeros(0)
    distinct, where = np.unique(every, return_inverse=True)
    table = np.array(units.iso_dates(start, distinct), dtype=object)
    bounds = np.cumsum([0, *(len(w) for w in weeks)])
    return [table[where[a:b]].tolist() for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _steps_json(
    steps: tuple[np.ndarray, np.ndarray, np.ndarray],
    start_dates: list[str | None],
    end_dates: list[str | None],
    table: bool,
) -> JsonTable | list[dict[str, Any]]:
    s, e, p = steps
    out = JsonTable({"start": s, "end": e, "people": p, "start_date": start_dates, "end_date": end_dates})
    return out if table else out.to_list()


def _peak(seg_s: np.ndarray, seg_e: np.ndarray, seg_p: np.ndarray) -> float:
    """:attr:`TeamLoad.peak` on :func:`_segment_arrays`."""
    lasting = seg_p[seg_e - seg_s > TIME_TOL]
    return float(lasting.max()) if len(lasting) else 0.0


def _over_weeks(seg_s: np.ndarray, seg_e: np.ndarray, seg_p: np.ndarray, capacity: float | None) -> float:
    """:attr:`TeamLoad.over_weeks` on :func:`_segment_arrays` (the stretches' lengths summed in the same order)."""
    if capacity is None:
        return 0.0
    starts, ends, _ = _over_arrays(seg_s, seg_e, seg_p, capacity)
    return float(sum((ends - starts).tolist()))


def teams_json(
    plan: Plan,
    es: np.ndarray,
    ef: np.ndarray,
    levelled: tuple[np.ndarray, np.ndarray] | None = None,
    cols: Columns | None = None,
    tables: bool = False,
) -> list[dict[str, Any]]:
    """``planner analyze --format json``'s ``teams``: per team (plan order) its id, name, capacity (None without
    one), ``peak`` (people), ``over_capacity_weeks`` and ``load``, the step profile (:meth:`TeamLoad.steps`) under
    the schedule ``es``/``ef`` with ISO dates beside the weeks (None without a plan start date). The loads are
    :func:`team_loads`'s, the very ones the load chart, the Capacity tab and the report read, here as arrays (issue
    12: at 100k decisions, 125k steps). With ``levelled`` (the levelled schedule's es/ef), also ``levelled_peak``,
    ``levelled_over_capacity_weeks`` and ``levelled_load``. ``cols``: the plan's columns, when already taken.
    ``tables``: each load a :class:`JsonTable` rather than a list of dicts (for the command's JSON writer)."""
    schedules = [(es, ef)] if levelled is None else [(es, ef), levelled]
    loads: list[list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = []  # per schedule, per team: its stretches
    for a, b in schedules:
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
        members_of, head = _members(plan, a, b, cols)
        loads.append([_segment_arrays(a[m], b[m], head[m]) for m in members_of])
    steps = [[_step_arrays(*team) for team in per_team] for per_team in loads]
    dates = iter(
        iso_dates_of(plan.start_date, *(w for per_team in steps for team in per_team for w in team[:2]))
    )
    loads_json = [
        [_steps_json(team, next(dates), next(dates), tables) for team in per_team] for per_team in steps
    ]
    out: list[dict[str, Any]] = []
    for k, t in enumerate(plan.teams):
        row: dict[str, Any] = {
            "id": t.id,
            "name": t.name,
            "capacity": t.capacity,
            "peak": _peak(*loads[0][k]),
            "over_capacity_weeks": _over_weeks(*loads[0][k], t.capacity),
            "load": loads_json[0][k],
        }
        if levelled is not None:
            row["levelled_peak"] = _peak(*loads[1][k])
            row["levelled_over_capacity_weeks"] = _over_weeks(*loads[1][k], t.capacity)
            row["levelled_load"] = loads_json[1][k]
        out.append(row)
    return out


# -- findings -----------------------------------------------------------------------------------------------
_fmt = units.format_weeks


def _span(plan: Plan, s: float, e: float) -> str:
    text = f"weeks {units.week_span(s, e)}"
    ds, de = plan.date_of(s), plan.date_of(e)
    if ds is not None and de is not None:
        text += f" ({units.date_span(ds, de)})"
    return text


def _name(plan: Plan, i: int) -> str:
    d = plan.decisions[i]
    return units.title_and_id(d.title, d.id)


def unlevellable(plan: Plan, cols: Columns | None = None) -> list[tuple[int, int]]:
    """(decision index, team index) of every decision whose headcount alone exceeds its team's capacity."""
    if cols is not None:
        return _unlevellable(plan, np.asarray(_team_of(plan, cols)[0], dtype=np.int64), cols.headcount, cols)
    team, caps = _team_of(plan)
    out = []
    for i, d in enumerate(plan.decisions):
        k = team[i]
        if k < 0 or d.headcount <= 0:
            continue
        cap = caps[k]
        if cap is not None and d.headcount > cap + 1e-9 * max(1.0, cap) and d.weeks() > 0:
            out.append((i, k))
    return out


@dataclass(frozen=True)
class OverStretch:
    """A stretch of time in which one team needs more people than it has (weeks; ``decisions`` are the plan
    indices of the decisions of that team running then, by start, then id)."""

    team: TeamLoad
    start: float
    end: float
    peak: float
    decisions: list[int]


def over_capacity_stretches(
    plan: Plan, es: np.ndarray, ef: np.ndarray, teams: Collection[int] | None = None
) -> list[OverStretch]:
    """Every over-capacity stretch of every team (plan order of teams, time order within a team) when decision
    ``i`` runs on ``[es[i], ef[i])`` (of the teams at the positions ``teams`` only, when given)."""
    es = np.asarray(es, dtype=np.float64)
    ef = np.asarray(ef, dtype=np.float64)
    ids = [d.id for d in plan.decisions]
    out: list[OverStretch] = []
    for tl in team_loads(plan, es, ef, teams):
        members = np.asarray(tl.decisions, dtype=np.int64)
        for start, end, peak in tl.over():
            running = members[(es[members] < end - TIME_TOL) & (ef[members] > start + TIME_TOL)].tolist()
            running.sort(key=lambda i: (float(es[i]), ids[i]))
            out.append(OverStretch(tl, start, end, peak, running))
    return out


def capacity_findings(plan: Plan, schedule: Schedule, teams: Collection[int] | None = None) -> list[Finding]:
    """``over-capacity`` warnings for ``schedule``: one per team whose load exceeds its capacity, naming the
    weeks and the decisions running then, plus one per team with work that cannot fit even on its own. With
    ``teams`` (positions in ``plan.teams``), the warnings of those teams only, as the whole list has them."""
    with gc_paused():  # issue 12: no cyclic collections over a big loaded plan
        if len({t.id for t in plan.teams}) == len(plan.teams) and len(schedule.es) == len(plan.decisions):
            return _capacity_findings(plan, schedule, teams)
        return _capacity_findings_by_stretches(plan, schedule, teams)


def _team_findings(
    plan: Plan,
    name: str,
    team_id: str,
    cap: float,
    over: list[tuple[float, float]],
    peak: float,
    involved: list[int],
    too_big: list[int],
    ids: list[str],
) -> list[Finding]:
    """One team's ``over-capacity`` warnings, worded once for both paths: its stretches ``over`` (start, end; in
    time order) with their ``peak`` and the decisions ``involved`` (positions, in the order to list), and the
    decisions ``too_big`` for it whatever the schedule (``ids``: every decision's id by position)."""
    spans = ", ".join(_span(plan, a, b) for a, b in over[:4])
    if len(over) > 4:
        spans += f" and {units.count(len(over) - 4, 'more stretch', 'more stretches')}"
    names = ", ".join(_name(plan, i) for i in involved[:_MAX_LISTED])
    if len(involved) > _MAX_LISTED:
        names += f" and {len(involved) - _MAX_LISTED} more"
    msg = (
        f"Team '{name}' ({team_id}) has {units.people(cap)} but the schedule needs up to {_fmt(peak)} in "
        f"{spans}. Running then: {names}. Level the schedule, move work to another team or add people."
    )
    out = [Finding(Severity.WARNING, "over-capacity", msg, [ids[i] for i in involved])]
    if too_big:
        # each headcount with its own noun: "needs 1 person", not "needs 1.75, ... needs 1 people"
        listed = ", ".join(
            f"{_name(plan, i)} needs {units.people(h)}"
            for i, h in ((i, plan.decisions[i].headcount) for i in too_big[:4])
        )
        if len(too_big) > 4:
            listed += f" and {len(too_big) - 4} more"
        out.append(
            Finding(
                Severity.WARNING,
                "over-capacity",
                f"Team '{name}' ({team_id}) can never staff some decisions, whatever the schedule: {listed}, "
                f"more than its capacity of {_fmt(cap)}. Levelling cannot fix this; lower the "
                "headcount, split the work or add people.",
                [ids[i] for i in too_big],
            )
        )
    return out


def _capacity_findings_by_stretches(
    plan: Plan, schedule: Schedule, teams: Collection[int] | None = None
) -> list[Finding]:
    """:func:`capacity_findings` from :func:`over_capacity_stretches`, one stretch object at a time: what a plan
    with duplicate team ids gets (and the reference the column-by-column path is tested against)."""
    out: list[Finding] = []
    never = unlevellable(plan)
    by_team: dict[str, list[OverStretch]] = {}
    for stretch in over_capacity_stretches(plan, schedule.es, schedule.ef, teams):
        by_team.setdefault(stretch.team.id, []).append(stretch)
    for k, team in enumerate(plan.teams):
        if teams is not None and k not in teams:
            continue
        over = by_team.get(team.id)
        if not over:
            continue
        tl = over[0].team
        assert tl.capacity is not None
        involved = sorted(
            {i for st in over for i in st.decisions},
            key=lambda i: (float(schedule.es[i]), plan.decisions[i].id),
        )
        out += _team_findings(
            plan,
            tl.name,
            tl.id,
            tl.capacity,
            [(st.start, st.end) for st in over],
            max(st.peak for st in over),
            involved,
            [i for i, kk in never if kk == k],
            [d.id for d in plan.decisions],
        )
    return out


def _unlevellable(
    plan: Plan, team: np.ndarray, head: np.ndarray, cols: Columns | None = None
) -> list[tuple[int, int]]:
    """:func:`unlevellable` from the team position (-1 for none) and headcount of every decision; the duration is
    read only for the decisions whose headcount is above their team's capacity (from ``cols``, the plan's
    columns, when given: its likely column and milestone flags, as ``Decision.weeks`` reads them)."""
    if not plan.teams:
        return []
    caps = np.array([np.inf if t.capacity is None else t.capacity for t in plan.teams], dtype=np.float64)
    limit = caps + 1e-9 * np.maximum(1.0, caps)
    cap_of = np.where(team >= 0, limit[np.maximum(team, 0)], np.inf)
    bad_mask = (team >= 0) & (head > 0) & (head > cap_of)
    if cols is not None:
        bad = np.flatnonzero(bad_mask & ~cols.milestone & (cols.three[:, 1] > 0)).tolist()
        return [(i, int(team[i])) for i in bad]
    bad = np.flatnonzero(bad_mask).tolist()
    decisions = plan.decisions
    return [(i, int(team[i])) for i in bad if decisions[i].weeks() > 0]


def _capacity_findings(plan: Plan, schedule: Schedule, teams: Collection[int] | None) -> list[Finding]:
    """:func:`capacity_findings` column by column (issue 12): each team's load and its over-capacity stretches as
    arrays, the decisions running in them found by a search over the stretches' ends; objects only for what a
    message names. Needs unique team ids (the other path reproduces what duplicates did)."""
    cols = graph_columns(plan, schedule.graph)
    if cols is not None:  # the analysis's own columns
        owners, head, ids = cols.owner, cols.headcount, cols.ids
    else:  # (an edit's re-analysis: only the two fields needed, not all the columns)
        decisions = plan.decisions
        owners = list(map(attrgetter("owner"), decisions))
        head = np.fromiter(map(attrgetter("headcount"), decisions), dtype=np.float64, count=len(decisions))
        ids = list(map(attrgetter("id"), decisions))
    pos = {t.id: k for k, t in enumerate(plan.teams)}
    team = np.fromiter(map(pos.get, owners, repeat(-1)), dtype=np.int64, count=len(owners))  # type: ignore[arg-type]
    caps = [t.capacity for t in plan.teams]
    es = np.asarray(schedule.es, dtype=np.float64)
    ef = np.asarray(schedule.ef, dtype=np.float64)
    counted = (team >= 0) & (head > 0) & (ef - es > 0)
    never = _unlevellable(plan, team, head, cols)
    never_of: dict[int, list[int]] = {}  # team position -> its decisions no schedule can staff, in plan order
    for i, kk in never:
        never_of.setdefault(kk, []).append(i)
    out: list[Finding] = []
    for k, t in enumerate(plan.teams):
        cap = caps[k]
        if cap is None or (teams is not None and k not in teams):
            continue
        members = np.flatnonzero(counted & (team == k))
        m_es, m_ef = es[members], ef[members]
        starts, ends, peaks = _over_arrays(*_segment_arrays(m_es, m_ef, head[members]), cap)
        if not len(starts):
            continue
        # A member runs in some stretch when it starts before one's end and finishes after its start: the
        # first stretch ending after its start is the one to test (the stretches are disjoint, in time order).
        first = np.searchsorted(ends - TIME_TOL, m_es, side="right")
        hit = first < len(starts)
        hit[hit] = m_ef[hit] > starts[first[hit]] + TIME_TOL
        involved = members[hit].tolist()
        involved.sort(key=ids.__getitem__)  # by id, then (stable) by start: the order of the other path
        inv = np.asarray(involved, dtype=np.int64)
        involved = inv[np.argsort(es[inv], kind="stable")].tolist()
        out += _team_findings(
            plan,
            t.name,
            t.id,
            cap,
            list(zip(starts.tolist(), ends.tolist(), strict=True)),
            float(peaks.max()),
            involved,
            never_of.get(k, []),
            ids,
        )
    return out


# -- levelling ----------------------------------------------------------------------------------------------
@dataclass
class Move:
    """One decision the levelling delayed, and why: ``reason`` is ``capacity`` (its ``team`` is full from
    ``since`` to ``until``, the weeks it waits, with ``others`` running then) or ``dependency`` (it waits for
    ``others[0]``, which moved, until ``until``)."""

    id: str
    weeks: float
    reason: str
    team: str | None
    since: float
    until: float
    others: list[str]

    def to_dict(self, start_date: dt.date | None = None) -> dict[str, Any]:
        """The move as JSON; with the plan's ``start_date``, ISO dates beside the two week figures (SPEC §3.3a)."""
        out: dict[str, Any] = {
            "id": self.id,
            "delay": self.weeks,
            "reason": self.reason,
            "team": self.team,
            "waits_from": self.since,
            "waits_until": self.until,
            "because_of": list(self.others),
        }
        if start_date is not None:
            out["waits_from_date"] = units.iso_date(start_date, self.since)
            out["waits_until_date"] = units.iso_date(start_date, self.until)
        return out

    def text(self, plan: Plan) -> str:
        """Why, in words: 'team Platform (3 people) is full in weeks 4–9 (a, b)' or 'waits for x, which moved'."""
        if self.reason == "dependency":
            return f"waits for {self.others[0]}, which moved"
        team = next((t for t in plan.teams if t.id == self.team), None)
        name = team.name if team is not None else (self.team or "its team")
        cap = f" ({units.people(team.capacity)})" if team and team.capacity is not None else ""
        who = ", ".join(self.others[:3]) + (
            f" and {len(self.others) - 3} more" if len(self.others) > 3 else ""
        )
        return f"{name}{cap} is full in {_span(plan, self.since, self.until)}" + (f" ({who})" if who else "")


@dataclass
class Levelled:
    """The capacity-levelled schedule beside the unlevelled one (weeks, arrays in plan order)."""

    ids: list[str]
    es: np.ndarray
    ef: np.ndarray
    finish: float
    unlevelled_finish: float
    delay: np.ndarray  # levelled ES - unlevelled ES per decision (>= 0)
    critical_delayed: list[str]  # critical decisions that had to move
    unlevellable: list[str]  # decisions whose headcount exceeds their team's capacity
    over_after: list[str] = field(
        default_factory=list
    )  # team ids still over capacity (only via unlevellable)
    method: str = "heuristic"  # heuristic | exact
    rule: str = ""  # the winning priority rule and scheme, "CP-SAT", or "unchanged"
    lower_bound: float = 0.0  # weeks: no schedule with these teams can finish earlier
    bound_reason: str = ""  # what sets the lower bound, in words
    proved_optimal: bool = False  # the finish equals the lower bound, or the solver proved it optimal
    moves: list[Move] = field(default_factory=list)  # why each delayed decision moved, most delayed first
    money: float | None = None  # what the extra weeks cost (None: the plan has no costs)
    start_date: dt.date | None = None  # the plan's, for the ISO dates of to_dict()

    @property
    def gap(self) -> float:
        """How far the finish may be above the best possible: (finish - lower bound) / lower bound (0 when
        proved optimal)."""
        if self.proved_optimal or self.lower_bound <= 0:
            return 0.0
        return max(0.0, (self.finish - self.lower_bound) / self.lower_bound)

    @property
    def gap_text(self) -> str:
        """:attr:`gap` as every view writes it, a percentage to a tenth: ``2.3%`` (the command line's levelling
        text and the Capacity tab each wrote ``2.3 %`` themselves)."""
        return units.format_percent(round(100.0 * self.gap, 1))

    @property
    def cost(self) -> float:
        """Weeks the levelled finish adds to the unlevelled one."""
        c = self.finish - self.unlevelled_finish
        return 0.0 if c <= 1e-7 * max(1.0, abs(self.unlevelled_finish)) else c

    @property
    def delayed(self) -> list[tuple[str, float]]:
        """(id, weeks) of every decision the levelling moved, most delayed first (then id)."""
        rows = [(self.ids[i], float(self.delay[i])) for i in np.flatnonzero(self.delay > TIME_TOL).tolist()]
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "finish": self.finish,
            "cost": self.cost,
            "decisions": self._decisions_json(),
            "critical_delayed": self.critical_delayed,
            "unlevellable": self.unlevellable,
            "finish_date": units.iso_date(self.start_date, self.finish),
            "method": self.method,
            "rule": self.rule,
            "lower_bound": self.lower_bound,
            "lower_bound_date": units.iso_date(self.start_date, self.lower_bound),
            "lower_bound_reason": self.bound_reason,
            "proved_optimal": self.proved_optimal,
            "gap": self.gap,
            "money": self.money,
            "moves": [m.to_dict(self.start_date) for m in self.moves],
        }

    def _decisions_json(self) -> list[dict[str, Any]]:
        """Each decision's levelled start and finish in weeks and, with a start date, as ISO dates beside them
        (SPEC §3.3a; the keys are left out without one, as analyze's decisions leave theirs)."""
        es, ef, delay = self.es.tolist(), self.ef.tolist(), self.delay.tolist()
        rows = [{"id": did, "es": es[i], "ef": ef[i], "delay": delay[i]} for i, did in enumerate(self.ids)]
        if self.start_date is not None:
            starts = units.iso_dates(self.start_date, self.es)
            finishes = units.iso_dates(self.start_date, self.ef)
            for row, start, finish in zip(rows, starts, finishes, strict=True):
                row["start_date"], row["finish_date"] = start, finish
        return rows

    def text(self, plan: Plan) -> str:
        """A readable section for ``planner analyze --level``."""
        lines = ["Levelled schedule (team capacity)", "---------------------------------"]
        date = plan.date_of(self.finish)
        lines.append(
            f"  Finish: week {_fmt(self.finish)}"
            + (f" ({units.format_date(date)})" if date else "")
            + f", {units.plural_weeks(self.cost)} later than unlevelled "
            f"(week {_fmt(self.unlevelled_finish)})"
        )
        if self.money is not None and self.money > 0 and self.cost > 0:
            from planner.analysis.cost import format_money

            lines.append(
                f"  In money: {format_money(self.money, plan.currency)} (the extra weeks at the labour burn rate, and any cost of delay)"
            )
        lb_date = plan.date_of(self.lower_bound)
        how = (
            (
                "the CP-SAT solver (exact)"
                if self.proved_optimal
                else "the CP-SAT solver, stopped at its time limit"
            )
            if self.method == "exact"
            else f"the {self.method} levelling ({self.rule})"
        )
        if self.rule == "unchanged":
            lines.append("  No team is ever over capacity, so the schedule is already the best possible.")
        elif self.proved_optimal and self.method == "exact":
            lines.append(f"  Proved optimal by {how}: no schedule with these teams can finish earlier.")
        elif self.proved_optimal:
            lines.append(
                "  Optimal: no schedule with these teams can finish earlier; the finish equals the lower bound "
                f"set by {self.bound_reason} ({self.method} levelling, {self.rule})."
            )
        else:
            lines.append(
                f"  Lower bound: no schedule with these teams can finish before week {_fmt(self.lower_bound)}"
                + (f" ({units.format_date(lb_date)})" if lb_date else "")
                + f", set by {self.bound_reason}; this one, by {how}, is at most "
                f"{self.gap_text} above the best possible."
            )
        moved = self.delayed
        if not moved:
            lines.append("  No decision had to move: every team stays within capacity as scheduled.")
        else:
            lines.append(
                f"  {units.count(len(moved), 'decision')} delayed to keep every team within capacity:"
            )
            titles = {d.id: d.title for d in plan.decisions}
            idx = {did: i for i, did in enumerate(self.ids)}
            why = {m.id: m for m in self.moves}
            for did, wk in moved[:30]:  # one line each: the command line wraps them to its width
                i = idx[did]
                crit = " (critical)" if did in self.critical_delayed else ""
                es, ef = float(self.es[i]), float(self.ef[i])
                when = f"at week {_fmt(es)}" if _fmt(es) == _fmt(ef) else f"weeks {_fmt(es)}-{_fmt(ef)}"
                lines.append(
                    f"    +{units.plural_weeks(wk)}: {titles.get(did, '')} ({did}), now {when}{crit}"
                    + (f"; because {why[did].text(plan)}" if did in why else "")
                )
            if len(moved) > 30:
                lines.append(f"    ... and {len(moved) - 30} more")
        if self.unlevellable:
            lines.append(
                "  Cannot be levelled (headcount above the team's capacity): " + ", ".join(self.unlevellable)
            )
        return "\n".join(lines) + "\n"


def level_problem(plan: Plan, schedule: Schedule) -> tuple[levelling.Problem, list[int], set[int]]:
    """The levelling problem of ``plan`` (see :mod:`planner.analysis.levelling`): one resource per team, each
    decision of a team with a capacity needing ``min(headcount, capacity)`` of it while it runs (a decision that
    needs more than the team has takes the whole team); the links are the CPM weights of ``schedule``. Also
    returns the team position of every decision (-1 for none) and the unlevellable decisions."""
    from planner.analysis import levelling

    g = schedule.graph
    n = g.n
    team, caps = _team_of(plan)
    w = schedule.weight.tolist()
    preds: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    succs: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for e, (u, v) in enumerate(zip(g.src.tolist(), g.dst.tolist(), strict=True)):
        preds[v].append((u, w[e]))
        succs[u].append((v, w[e]))
    dur = schedule.duration.tolist()
    demand: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i, d in enumerate(plan.decisions):
        k = team[i]
        cap = caps[k] if k >= 0 else None
        if cap is not None and d.headcount > 0 and dur[i] > 0:
            people = min(d.headcount, cap)
            if people > 0:
                demand[i] = [(k, people)]
    problem = levelling.Problem(
        pinned=_under_way(plan),
        duration=dur,
        floor=np.maximum(g.not_before, 0.0).tolist(),
        preds=preds,
        succs=succs,
        order=list(g.order or []),
        demand=demand,
        capacity=[0.0 if c is None else float(c) for c in caps],
        es=schedule.es.tolist(),
        ls=schedule.ls.tolist(),
        lf=schedule.lf.tolist(),
        total_float=schedule.total_float.tolist(),
        tie=id_places(g.ids).tolist(),  # interchangeable decisions in id order, not in file order
    )
    return problem, team, {i for i, _ in unlevellable(plan)}


def _under_way(plan: Plan) -> list[bool] | None:
    """Which decisions are in progress (the heuristic and exact levelling place them first and never shift them:
    running work is not the plan's to pause); None when none is. With or without a status date: without one the
    schedule is the one at a status date of the plan start (the date drops out of every ``max``,
    docs/progress-and-status-date.md), and so is the levelled schedule: it paused work recorded as under way
    until other work had taken its team (H-unseen23)."""
    from planner.analysis.progress import IN_PROGRESS, has_progress, progress_state

    if not has_progress(plan):
        return None
    flags = [d.state == IN_PROGRESS for d in progress_state(plan).decisions]
    return flags if any(flags) else None


METHODS = ("heuristic", "exact", "classic")
"""``heuristic``: the portfolio of :mod:`planner.analysis.levelling` (what the CLI, the app and the report use);
``exact``: CP-SAT (optional extra); ``classic``: the first levelling (one serial pass, least total float, then
earliest start, then id), kept for comparison and for plans levelled before."""

DEFAULT_METHOD = "heuristic"
"""What ``planner analyze --level``, the app, the charts and the report use: one levelled schedule everywhere."""


def level(plan: Plan, schedule: Schedule, method: str = DEFAULT_METHOD, time_limit: float = 10.0) -> Levelled:
    """Level ``schedule`` (the CPM schedule of ``plan``) to team capacity.

    ``heuristic`` runs the portfolio of :mod:`planner.analysis.levelling`: close to the best possible in
    milliseconds. ``exact`` asks the CP-SAT solver (the optional ``exact`` extra) for a proved optimum within
    ``time_limit`` seconds (:mod:`planner.analysis.levelling_exact`). ``classic`` is one serial pass by least
    total float (see :data:`METHODS`). When no team is ever over capacity the schedule is returned unchanged,
    whatever the method.

    >>> from planner.model import new_plan, Decision, Team
    >>> from planner.analysis.schedule import schedule as cpm
    >>> plan = new_plan()
    >>> plan.teams.append(Team(id="t", name="T", capacity=1))
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", owner="t", duration=3),
    ...                    Decision(id="b", title="B", stage="validate", owner="t", duration=2)]
    >>> lv = level(plan, cpm(plan))
    >>> lv.finish, lv.cost, lv.delayed
    (5.0, 2.0, [('b', 3.0)])
    """
    from planner.analysis import levelling

    if method not in METHODS:
        raise ValueError(f"unknown levelling method {method!r}; choose one of {', '.join(METHODS)}")
    problem, team, never = level_problem(plan, schedule)
    n = problem.n
    ids = schedule.graph.ids
    bound, why = levelling.lower_bound(problem)
    rule = ""
    proved = False
    solver_bound: float | None = None
    if levelling.within_capacity(problem, problem.es):
        es = schedule.es.copy()  # capacity never binds: nothing to level, the CPM schedule is the optimum
        rule, proved = "unchanged", True
    elif method == "exact":
        from planner.analysis import levelling_exact

        best, _ = levelling.solve(problem)
        exact = levelling_exact.solve_exact(problem, best.start, time_limit=time_limit)
        es = np.array(exact.start, dtype=np.float64)
        rule, proved, solver_bound = "CP-SAT", exact.optimal, exact.bound
    elif method == "classic":
        tf, es0 = problem.total_float, problem.es
        keys = [(tf[i], es0[i], ids[i], i) for i in range(n)]
        es = np.array(levelling.serial(problem, keys), dtype=np.float64)
        rule = "TF-ES serial, ties by id"
    else:
        best, _ = levelling.solve(problem)
        es = np.array(best.start, dtype=np.float64)
        rule = f"{best.rule} {best.scheme}"
    ef = es + schedule.duration
    finish = float(ef.max()) if n else 0.0
    if solver_bound is not None and solver_bound > bound + 1e-9:
        bound, why = solver_bound, "solver"
    if proved or finish <= bound + 1e-9 * max(1.0, finish):
        bound, proved = finish, True
    delay = np.maximum(es - schedule.es, 0.0)
    delay[delay <= TIME_TOL] = 0.0
    crit_moved = [ids[i] for i in np.flatnonzero(schedule.critical & (delay > TIME_TOL)).tolist()]
    lv = Levelled(
        ids=list(ids),
        es=es,
        ef=ef,
        finish=finish,
        unlevelled_finish=schedule.finish,
        delay=delay,
        critical_delayed=crit_moved,
        unlevellable=[ids[i] for i in sorted(never)],
        over_after=[plan.teams[team[i]].id for i in sorted(never)],
        method=method,
        rule=rule,
        lower_bound=bound,
        bound_reason=_bound_reason(plan, why),
        proved_optimal=proved,
        start_date=plan.start_date,
    )
    lv.moves = _moves(plan, schedule, problem, lv, team)
    lv.money = _money(plan, schedule, lv)
    return lv


def _bound_reason(plan: Plan, why: str) -> str:
    if why == "critical path":
        return "the critical path"
    if why == "solver":
        return "the CP-SAT solver's proved bound"
    kind, _, r = why.partition(":")
    t = plan.teams[int(r)]
    if kind == "disjunctive":
        return f"the work of '{t.name}' ({t.id}) that no two decisions can share"
    return f"the person-weeks of '{t.name}' ({t.id}) at its capacity of {_fmt(t.capacity or 0)}"


def _moves(
    plan: Plan, schedule: Schedule, problem: levelling.Problem, lv: Levelled, team: list[int]
) -> list[Move]:
    """Why each delayed decision moved: a predecessor that moved, or its team full until its new start."""
    ids = lv.ids
    start = lv.es.tolist()
    finish = lv.ef.tolist()
    by_team: dict[int, list[int]] = {}
    for j in range(problem.n):
        if problem.demand[j]:
            by_team.setdefault(team[j], []).append(j)
    for members in by_team.values():
        members.sort(key=lambda j: start[j])
    team_starts = {k: [start[j] for j in m] for k, m in by_team.items()}
    longest = {k: max((problem.duration[j] for j in m), default=0.0) for k, m in by_team.items()}
    out: list[Move] = []
    for did, wk in lv.delayed:
        i = schedule.index[did]
        t0 = problem.floor[i]
        driver = -1
        for u, w in problem.preds[i]:
            if start[u] + w > t0 + TIME_TOL:
                t0, driver = start[u] + w, u
        new = start[i]
        k = team[i]
        if driver >= 0 and t0 >= new - TIME_TOL:
            out.append(Move(did, wk, "dependency", None, t0, new, [ids[driver]]))
            continue
        frm = max(t0, float(schedule.es[i]))
        busy: list[int] = []
        if k in by_team:  # the team's work running between its old and new start (starts sorted: bisect)
            members, starts = by_team[k], team_starts[k]
            lo = bisect_right(starts, frm - longest[k] - TIME_TOL)
            hi = bisect_right(starts, new - TIME_TOL)
            busy = [j for j in members[lo:hi] if j != i and finish[j] > frm + TIME_TOL]
        busy.sort(key=lambda j: (start[j], ids[j]))
        out.append(
            Move(did, wk, "capacity", plan.teams[k].id if k >= 0 else None, frm, new, [ids[j] for j in busy])
        )
    return out


def _money(plan: Plan, schedule: Schedule, lv: Levelled) -> float | None:
    """What the extra weeks cost, as the price of strict gates does (planner.analysis.cost): the weeks at the
    plan's labour burn rate, plus the extra cost of delay past the target. None when the plan has no costs."""
    from planner.analysis import cost

    if not cost.has_costs(plan) and not plan.cost_of_delay:
        return None
    v = cost.cost_vectors(plan, schedule.estimate)
    burn = v.burn_rate(schedule.duration, schedule.finish)
    money = lv.cost * burn
    if v.target is not None and v.cost_of_delay:
        money += v.cost_of_delay * (max(0.0, lv.finish - v.target) - max(0.0, schedule.finish - v.target))
    return money


UNLEVELLED = "unlevelled schedule"
"""The name under which :func:`levelled_view` carries the unlevelled dates (as a baseline, for the Gantt)."""


def levelled_view(analysis: Any, lv: Levelled) -> Any:
    """``analysis`` with the levelled dates as its schedule, for drawing (the Gantt of the levelled plan): the
    decisions run on ``[lv.es, lv.ef)``, the finish is the levelled one, floats are 0 (levelling uses them up;
    critical flags stay the plan's), and the plan carries the unlevelled dates as a baseline named
    :data:`UNLEVELLED`, so ``draw_gantt(fig, view, baseline=UNLEVELLED)`` shows both. Stage figures are the
    unlevelled ones. Nothing is recomputed: this only re-labels results."""
    import dataclasses

    from planner.model.plan import Baseline, BaselineEntry

    s = analysis.schedule
    zeros = np.zeros(len(lv.ids))
    sched = dataclasses.replace(
        s, es=lv.es, ef=lv.ef, finish=lv.finish, total_float=zeros, free_float=zeros.copy(), notes=[]
    )
    base = Baseline(
        name=UNLEVELLED,
        finish=float(s.finish),
        decisions={
            did: BaselineEntry(start=float(s.es[i]), finish=float(s.ef[i])) for i, did in enumerate(s.ids)
        },
    )
    plan = analysis.plan.model_copy(update={"baselines": [*analysis.plan.baselines, base]})
    return dataclasses.replace(analysis, plan=plan, schedule=sched, levelled=lv)


def attach_to_analysis(result: Any, method: str = DEFAULT_METHOD, time_limit: float = 10.0) -> None:
    """For ``planner analyze --level``: set ``result.levelled`` (a :class:`Levelled`, None without a schedule)
    and append the ``over-capacity`` findings to ``result.extra_findings`` unless they are already there."""
    if result.schedule is None:
        result.levelled = None
        return
    result.levelled = level(result.plan, result.schedule, method, time_limit)
    have = {(f.code, f.message) for f in result.all_findings}
    for f in capacity_findings(result.plan, result.schedule):
        if (f.code, f.message) not in have:
            result.extra_findings.append(f)


__all__ = [
    "TIME_TOL",
    "Levelled",
    "OverStretch",
    "TeamLoad",
    "WeeklyLoad",
    "attach_to_analysis",
    "capacity_findings",
    "level",
    "levelled_view",
    "over_capacity_stretches",
    "team_loads",
    "unlevellable",
    "weekly_load",
]
