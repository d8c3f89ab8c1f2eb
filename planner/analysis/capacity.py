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

import heapq
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.analysis.findings import Finding, Severity
from planner.analysis.schedule import Schedule
from planner.model import units
from planner.model.plan import Plan

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

    def at(self, times: np.ndarray) -> np.ndarray:
        """The load (people) from each of ``times`` on, i.e. on ``[t, next breakpoint)``."""
        times = np.asarray(times, dtype=np.float64)
        out = np.zeros(times.shape)
        for s, e, p in self.segments:
            out[(times >= s) & (times < e)] += p
        return out


def _team_of(plan: Plan) -> tuple[list[int], list[float | None]]:
    """Team position of every decision (-1 for none) and capacity per team."""
    pos = {t.id: k for k, t in enumerate(plan.teams)}
    team = [pos.get(d.owner, -1) if d.owner is not None else -1 for d in plan.decisions]
    return team, [t.capacity for t in plan.teams]


def _segments(start: np.ndarray, finish: np.ndarray, people: np.ndarray) -> list[tuple[float, float, float]]:
    """The step function of ``people`` running on ``[start, finish)`` as (start, end, load) stretches with a load,
    breaking at every start and finish (a sweep over sorted events, O(n log n))."""
    if not len(start):
        return []
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
    return list(zip(bounds[keep].tolist(), bounds[keep + 1].tolist(), load[keep].tolist(), strict=True))


def team_loads(plan: Plan, es: np.ndarray, ef: np.ndarray) -> list[TeamLoad]:
    """The load of every team of ``plan`` (plan order) when decision ``i`` runs on ``[es[i], ef[i])``."""
    team_l, caps = _team_of(plan)
    team = np.asarray(team_l, dtype=np.int64)
    head = np.fromiter((d.headcount for d in plan.decisions), dtype=np.float64, count=len(plan.decisions))
    es = np.asarray(es, dtype=np.float64)
    ef = np.asarray(ef, dtype=np.float64)
    counted = (team >= 0) & (head > 0) & (ef - es > 0)
    out = []
    for k, t in enumerate(plan.teams):
        members = np.flatnonzero(counted & (team == k))
        out.append(
            TeamLoad(
                id=t.id,
                name=t.name,
                capacity=caps[k],
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


# -- findings -----------------------------------------------------------------------------------------------
_fmt = units.format_weeks


def _span(plan: Plan, s: float, e: float) -> str:
    text = f"weeks {_fmt(s)}\u2013{_fmt(e)}"
    ds, de = plan.date_of(s), plan.date_of(e)
    if ds is not None and de is not None:
        text += f" ({units.format_date(ds)} to {units.format_date(de)})"
    return text


def _name(plan: Plan, i: int) -> str:
    d = plan.decisions[i]
    return f"'{d.title}' ({d.id})"


def unlevellable(plan: Plan) -> list[tuple[int, int]]:
    """(decision index, team index) of every decision whose headcount alone exceeds its team's capacity."""
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


def over_capacity_stretches(plan: Plan, es: np.ndarray, ef: np.ndarray) -> list[OverStretch]:
    """Every over-capacity stretch of every team (plan order of teams, time order within a team) when decision
    ``i`` runs on ``[es[i], ef[i])``."""
    es = np.asarray(es, dtype=np.float64)
    ef = np.asarray(ef, dtype=np.float64)
    ids = [d.id for d in plan.decisions]
    out: list[OverStretch] = []
    for tl in team_loads(plan, es, ef):
        members = np.asarray(tl.decisions, dtype=np.int64)
        for start, end, peak in tl.over():
            running = members[(es[members] < end - TIME_TOL) & (ef[members] > start + TIME_TOL)].tolist()
            running.sort(key=lambda i: (float(es[i]), ids[i]))
            out.append(OverStretch(tl, start, end, peak, running))
    return out


def capacity_findings(plan: Plan, schedule: Schedule) -> list[Finding]:
    """``over-capacity`` warnings for ``schedule``: one per team whose load exceeds its capacity, naming the
    weeks and the decisions running then, plus one per team with work that cannot fit even on its own."""
    out: list[Finding] = []
    never = unlevellable(plan)
    by_team: dict[str, list[OverStretch]] = {}
    for stretch in over_capacity_stretches(plan, schedule.es, schedule.ef):
        by_team.setdefault(stretch.team.id, []).append(stretch)
    for k, team in enumerate(plan.teams):
        over = by_team.get(team.id)
        if not over:
            continue
        tl = over[0].team
        assert tl.capacity is not None
        involved = sorted(
            {i for st in over for i in st.decisions},
            key=lambda i: (float(schedule.es[i]), plan.decisions[i].id),
        )
        peak = max(st.peak for st in over)
        spans = ", ".join(_span(plan, st.start, st.end) for st in over[:4])
        if len(over) > 4:
            spans += f" and {len(over) - 4} more stretch{'es' if len(over) > 5 else ''}"
        names = ", ".join(_name(plan, i) for i in involved[:_MAX_LISTED])
        if len(involved) > _MAX_LISTED:
            names += f" and {len(involved) - _MAX_LISTED} more"
        msg = (
            f"Team '{tl.name}' ({tl.id}) has {_fmt(tl.capacity)} "
            f"{'person' if tl.capacity == 1 else 'people'} but the schedule needs up to {_fmt(peak)} in "
            f"{spans}. Running then: {names}. Level the schedule, move work to another team or add people."
        )
        out.append(Finding(Severity.WARNING, "over-capacity", msg, [plan.decisions[i].id for i in involved]))
        too_big = [i for i, kk in never if kk == k]
        if too_big:
            listed = ", ".join(
                f"{_name(plan, i)} needs {_fmt(plan.decisions[i].headcount)}" for i in too_big[:4]
            )
            out.append(
                Finding(
                    Severity.WARNING,
                    "over-capacity",
                    f"Team '{tl.name}' ({tl.id}) can never staff some decisions, whatever the schedule: {listed} "
                    f"people, more than its capacity of {_fmt(tl.capacity)}. Levelling cannot fix this; lower the "
                    "headcount, split the work or add people.",
                    [plan.decisions[i].id for i in too_big],
                )
            )
    return out


# -- levelling ----------------------------------------------------------------------------------------------
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
            "decisions": [
                {"id": did, "es": float(self.es[i]), "ef": float(self.ef[i]), "delay": float(self.delay[i])}
                for i, did in enumerate(self.ids)
            ],
            "critical_delayed": self.critical_delayed,
            "unlevellable": self.unlevellable,
        }

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
        moved = self.delayed
        if not moved:
            lines.append("  No decision had to move: every team stays within capacity as scheduled.")
        else:
            lines.append(f"  {len(moved)} decision(s) delayed to keep every team within capacity:")
            titles = {d.id: d.title for d in plan.decisions}
            idx = {did: i for i, did in enumerate(self.ids)}
            for did, wk in moved[:30]:
                i = idx[did]
                crit = "  (critical)" if did in self.critical_delayed else ""
                lines.append(
                    f"    {did[:28]:<28} +{_fmt(wk):>5} wk  now weeks {_fmt(float(self.es[i]))}-"
                    f"{_fmt(float(self.ef[i]))}  {titles.get(did, '')[:40]}{crit}"
                )
            if len(moved) > 30:
                lines.append(f"    ... and {len(moved) - 30} more")
        if self.unlevellable:
            lines.append(
                "  Cannot be levelled (headcount above the team's capacity): " + ", ".join(self.unlevellable)
            )
        return "\n".join(lines) + "\n"


def level(plan: Plan, schedule: Schedule) -> Levelled:
    """Level ``schedule`` (the CPM schedule of ``plan``) to team capacity; see the module docstring.

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
    g = schedule.graph
    n = g.n
    team, caps = _team_of(plan)
    w = schedule.weight.tolist()
    preds: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    n_preds = [0] * n
    succs: list[list[int]] = [[] for _ in range(n)]
    for e, (u, v) in enumerate(zip(g.src.tolist(), g.dst.tolist(), strict=True)):
        preds[v].append((u, w[e]))
        succs[u].append(v)
        n_preds[v] += 1
    floor = np.maximum(g.not_before, 0.0).tolist()
    dur = schedule.duration.tolist()
    tf = schedule.total_float.tolist()
    es0 = schedule.es.tolist()
    ids = g.ids
    head = [d.headcount for d in plan.decisions]
    profiles = [_Profile() for _ in plan.teams]
    never = {i for i, _ in unlevellable(plan)}

    start = [0.0] * n
    ready = [(tf[i], es0[i], ids[i], i) for i in range(n) if n_preds[i] == 0]
    heapq.heapify(ready)
    while ready:
        *_, v = heapq.heappop(ready)
        t0 = floor[v]
        for u, wu in preds[v]:
            c = start[u] + wu
            if c > t0:
                t0 = c
        k = team[v]
        cap = caps[k] if k >= 0 else None
        if cap is not None and head[v] > 0 and dur[v] > 0:
            people = min(head[v], cap)
            t = profiles[k].earliest(t0, dur[v], people, cap) if people > 0 else t0
            profiles[k].add(t, t + dur[v], people)
        else:
            t = t0
        start[v] = t
        for s in succs[v]:
            n_preds[s] -= 1
            if n_preds[s] == 0:
                heapq.heappush(ready, (tf[s], es0[s], ids[s], s))

    es = np.array(start, dtype=np.float64)
    ef = es + schedule.duration
    finish = float(ef.max()) if n else 0.0
    delay = np.maximum(es - schedule.es, 0.0)
    delay[delay <= TIME_TOL] = 0.0
    crit_moved = [ids[i] for i in np.flatnonzero(schedule.critical & (delay > TIME_TOL)).tolist()]
    return Levelled(
        ids=list(ids),
        es=es,
        ef=ef,
        finish=finish,
        unlevelled_finish=schedule.finish,
        delay=delay,
        critical_delayed=crit_moved,
        unlevellable=[ids[i] for i in sorted(never)],
        over_after=[plan.teams[team[i]].id for i in sorted(never)],
    )


def attach_to_analysis(result: Any) -> None:
    """For ``planner analyze --level``: set ``result.levelled`` (a :class:`Levelled`, None without a schedule)
    and append the ``over-capacity`` findings to ``result.extra_findings`` unless they are already there."""
    if result.schedule is None:
        result.levelled = None
        return
    result.levelled = level(result.plan, result.schedule)
    have = {(f.code, f.message) for f in [*result.findings, *result.extra_findings]}
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
    "over_capacity_stretches",
    "team_loads",
    "unlevellable",
    "weekly_load",
]
