"""Re-analysis after an edit of figures only: redo what the edit can change, reuse the rest (issue 12).

An edit of a decision's duration or earliest start (``not_before``) leaves the plan's shape alone: the same
decisions, links, stages, owners and teams. So :func:`reanalyze` keeps the compiled graph (its topological order
included) and the previous analysis's validation findings, and redoes:

- the forward pass only over the edited decisions' downstream cone (them and everything they reach), decision
  by decision in topological order;
- the backward pass only over their upstream cone when the finish did not move, else all of it (every late
  start hangs on the finish); either pass is run whole (the vectorised pass of :mod:`planner.analysis.schedule`)
  when its cone is larger than a few hundred decisions (:func:`_BUDGET`: the whole pass is then faster);
- the floats, critical flags and driving links (vectorised), the critical path, the stages, and the
  over-capacity warnings of the teams whose decisions moved, reading the plan's columns carried over from the
  previous analysis with the edited rows taken again (:func:`_carry_columns`).

Each figure is computed by the same arithmetic as :func:`planner.analysis.analyze` (maxima and minima of the same
sums), so the result equals a full analysis exactly, not approximately; ``tests/analysis/test_incremental.py``
checks that on random edit sequences. Anything else (a link, a stage, an owner, an id, a new decision, another
estimate, a plan with errors before or after) returns None: the caller runs the full analysis.

Pure functions over the plan; no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

import numpy as np

from planner.analysis.capacity import _team_of, capacity_findings
from planner.analysis.findings import Finding, sort_findings
from planner.analysis.graph import Columns, LinkIndex, PlanGraph, durations, link_index, plan_columns
from planner.analysis.progress import (
    DONE,
    ProgressGraph,
    decision_progress,
    schedule_progress_findings,
    settle_schedule,
    status_week,
)
from planner.analysis.schedule import Schedule, backward_pass, forward_pass, schedule_from_passes
from planner.analysis.stages import analyze_stages
from planner.model.plan import Decision, Plan, ThreePoint, duration_value

if TYPE_CHECKING:
    from planner.analysis import Analysis

FIELDS = frozenset({"duration", "not_before"})
"""Decision fields whose edits :func:`reanalyze` handles (any other edit needs the full analysis)."""


@dataclass
class _Adjacency:
    """Predecessors and successors of every decision, beside the links between them (``links``: the shared
    :class:`~planner.analysis.graph.LinkIndex`), and topological positions."""

    src: np.ndarray  # the graph's edge sources (identity: the structure this was built for)
    links: LinkIndex
    pos: list[int]
    succ: list[int]  # the decision at the far end of links.out_edges[k]
    pred: list[int]  # ... of links.in_edges[k]


_ADJ: list[_Adjacency] = []  # the last one built (an edit sequence keeps the same structure)


def _adjacency(graph: PlanGraph) -> _Adjacency:
    for adj in _ADJ:
        if adj.src is graph.src:
            return adj
    assert graph.order is not None
    n = graph.n
    src, dst = graph.src, graph.dst
    links = link_index(graph)
    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(n)
    succ = dst[np.asarray(links.out_edges, dtype=np.int64)].tolist()
    pred = src[np.asarray(links.in_edges, dtype=np.int64)].tolist()
    adj = _Adjacency(src, links, pos.tolist(), succ, pred)
    _ADJ[:] = [adj]
    return adj


class _Decisions:
    """A stand-in plan holding some decisions: :func:`durations` for those alone, by its own rule."""

    def __init__(self, decisions: list[Decision]) -> None:
        self.decisions = decisions


def reanalyze(previous: Analysis, plan: Plan, changed: Iterable[str], estimate: str) -> Analysis | None:
    """The analysis of ``plan`` under ``estimate`` when, since ``previous`` was computed for it, only the
    duration or earliest start of the decisions ``changed`` (ids) changed; equal to ``analyze(plan, estimate)``.

    None when that is not the case or cannot be done exactly (``previous`` has no schedule, another estimate or
    plan, a changed decision is unknown or changes state, the edit makes the plan invalid): run the full
    analysis then.
    """
    from planner.analysis import Analysis

    old = previous.schedule
    if old is None or previous.stages is None or previous.plan is not plan or previous.estimate != estimate:
        return None
    graph = old.graph  # the passes' graph: the compiled plan, or its remaining work (progress pre-pass)
    decisions = plan.decisions
    if graph.order is None or len(decisions) != graph.n:
        return None
    idx: list[int] = []
    for did in dict.fromkeys(changed):
        i = graph.index.get(did)
        if i is None or decisions[i].id != did:
            return None
        idx.append(i)
    if not idx:
        return Analysis(plan, estimate, list(previous.findings), old, previous.stages)
    edited = [decisions[i] for i in idx]
    if not _still_valid(plan, graph.src, idx, edited):
        return None

    # The passes' inputs of the edited decisions, by the rules analyze() applies: the estimate's duration, then
    # (with recorded progress) the remaining share of it and the floor of the remaining work.
    dur = graph.duration.copy()
    nb = graph.not_before.copy()
    planned = durations(cast(Plan, _Decisions(edited)), estimate)
    if isinstance(graph, ProgressGraph):
        week = status_week(plan)
        for k, (i, d) in enumerate(zip(idx, edited, strict=True)):
            p = decision_progress(plan, d, week)
            if (p.state == DONE) != bool(graph.done[i]):
                return None  # links into done decisions leave the passes: another shape
            dur[i] = planned[k] * p.remaining_fraction
            nb[i] = p.floor
    else:
        dur[idx] = planned
        nb[idx] = [d.not_before or 0.0 for d in edited]
    g = replace(graph, duration=dur, not_before=nb)
    _carry_columns(graph, g, plan, idx, edited)

    sched = _schedule(g, old, idx, estimate)
    settle_schedule(sched)
    stages = analyze_stages(plan, sched, previous.stages.sequenced)
    findings = sort_findings(
        _validation(previous)
        + _capacity(plan, previous, sched, idx)
        + (schedule_progress_findings(plan, sched, estimate) if status_week(plan) is not None else [])
    )
    return Analysis(plan, estimate, findings, sched, stages)


def _still_valid(plan: Plan, key: object, idx: list[int], edited: list[Decision]) -> bool:
    """The edit leaves the plan without the two validation errors durations and earliest starts can cause: a
    milestone with a duration, and dates past the calendar. The second is checked against validation's cheap
    bound (latest earliest start + every pessimistic duration, risk impact and positive lag in a row); only a
    plan near 9999 ever passes it, and then the full analysis decides."""
    for d in edited:
        if d.milestone and duration_value(d.duration, "pessimistic") != 0:
            return False
    start = plan.start_date
    if start is None:
        return True
    ahead = ((dt.date.max - start).days - 1) / 7
    bound = _BOUNDS[0] if _BOUNDS and _BOUNDS[0].key is key else None
    if bound is None:
        pess = [0.0 if d.milestone else duration_value(d.duration, "pessimistic") for d in plan.decisions]
        bound = _Bound(
            key,
            np.array(pess, dtype=np.float64),
            np.array([d.not_before or 0.0 for d in plan.decisions], dtype=np.float64),
            sum(duration_value(r.impact, "pessimistic") * len(r.decisions) for r in plan.risks)
            + sum(x.lag for x in plan.dependencies if x.lag > 0),
        )
        _BOUNDS[:] = [bound]
    for i, d in zip(idx, edited, strict=True):
        bound.pessimistic[i] = 0.0 if d.milestone else duration_value(d.duration, "pessimistic")
        bound.not_before[i] = d.not_before or 0.0
    worst = float(bound.not_before.max(initial=0.0)) + float(bound.pessimistic.sum()) + bound.rest
    return worst < ahead - 1  # (a week's margin over any rounding of the sums)


def _columns(plan: Plan, graph: PlanGraph) -> Columns | None:
    """The columns ``graph`` carries when they are ``plan``'s (as :func:`planner.analysis.graph.columns_of`
    decides), else None."""
    cols = graph.cols
    if cols is None or graph._plan is not plan or cols.source is not plan.decisions or cols.n != graph.n:
        return None
    return cols


def _carry_columns(
    graph: PlanGraph, g: PlanGraph, plan: Plan, idx: list[int], edited: list[Decision]
) -> None:
    """Give ``g`` the plan's :class:`~planner.analysis.graph.Columns`: the previous graph's, with the edited
    decisions' rows taken again (a duration or earliest start edit changes nothing else in them). The checks
    that read columns (capacity) then need not take them from all the plan's objects again (~30 ms at 10,000
    decisions). Without previous columns of this plan they are taken from it (what the check would do)."""
    cols = _columns(plan, graph)
    if cols is None:  # (e.g. the previous analysis ran on a snapshot of the plan): taken once, then carried
        g.cols, g._plan = plan_columns(plan), plan
        return
    three, is_three, nb = cols.three.copy(), cols.is_three.copy(), cols.not_before.copy()
    for i, d in zip(idx, edited, strict=True):
        dur = d.duration
        if isinstance(dur, ThreePoint):
            three[i] = (dur.optimistic, dur.likely, dur.pessimistic)
            is_three[i] = True
        else:
            three[i] = dur
            is_three[i] = False
        nb[i] = d.not_before or 0.0
    g.cols = replace(cols, three=three, is_three=is_three, not_before=nb, source=cols.source)
    g._plan = plan


@dataclass
class _Bound:
    """Validation's calendar bound by parts, kept across an edit sequence on one structure (``key``)."""

    key: object
    pessimistic: np.ndarray
    not_before: np.ndarray
    rest: float  # risk impacts and positive lags: edits of durations leave them alone


_BOUNDS: list[_Bound] = []


def _BUDGET(n: int) -> int:  # noqa: N802 (a constant's rule)
    """How many decisions a pass redoes one by one before it runs whole instead: the whole pass is a few numpy
    operations per generation of the plan (~1-2 ms at 10,000 decisions), a decision redone one by one ~5 us."""
    return min(n // 4, 256) + 16


def _schedule(g: PlanGraph, old: Schedule, idx: list[int], estimate: str) -> Schedule:
    adj = _adjacency(g)
    w = g.weights()
    pos = adj.pos
    s_ptr, succ = adj.links.out_ptr, adj.succ
    p_ptr, pred, pred_e = adj.links.in_ptr, adj.pred, adj.links.in_edges
    budget = _BUDGET(g.n)
    # Forward: an early start can change where a predecessor's start or the weight of an incoming link changed
    # (a link's weight holds its ends' durations), or its own floor; recomputed from all its predecessors, as the
    # full pass does, so the maximum is of the same sums. Only in the edited decisions' downstream cone: decision
    # by decision when the cone is small, else the whole (vectorised) pass.
    floor = np.maximum(g.not_before, 0.0)
    down = _cone(idx, s_ptr, succ, budget)
    if down is None:
        es = forward_pass(g, w, floor)
    else:
        es = old.es.copy()
        for v in sorted(down, key=pos.__getitem__):
            t = floor[v]
            for k in range(p_ptr[v], p_ptr[v + 1]):
                c = es[pred[k]] + w[pred_e[k]]
                if c > t:
                    t = c
            es[v] = t
    d = g.duration
    finish = float((es + d).max()) if g.n else 0.0
    ceiling = finish - d
    up = _cone(idx, p_ptr, pred, budget) if finish == old.finish else None
    if up is None:
        ls = backward_pass(g, w, ceiling)  # (when the finish moved: every late start hangs on it)
    else:
        # Backward, mirrored over the upstream cone: a late start can change where a successor's late start or
        # an outgoing link's weight changed, or its own ceiling (finish - duration).
        s_edge = adj.links.out_edges
        ls = old.ls.copy()
        for u in sorted(up, key=pos.__getitem__, reverse=True):
            t = ceiling[u]
            for k in range(s_ptr[u], s_ptr[u + 1]):
                c = ls[succ[k]] - w[s_edge[k]]
                if c < t:
                    t = c
            ls[u] = t
    return schedule_from_passes(g, estimate, w, es, ls)


def _cone(idx: list[int], ptr: list[int], nxt: list[int], limit: int) -> set[int] | None:
    """The decisions ``idx`` and all they reach through ``nxt`` (successors or predecessors, CSR), or None once
    that is more than ``limit`` decisions."""
    seen = set(idx)
    stack = list(seen)
    while stack:
        v = stack.pop()
        for u in nxt[ptr[v] : ptr[v + 1]]:
            if u not in seen:
                if len(seen) >= limit:
                    return None
                seen.add(u)
                stack.append(u)
    return seen


_FROM_SCHEDULE = ("over-capacity", "late-")
"""Codes of the findings the schedule decides (capacity, progress against the plan): redone, not kept."""


def _validation(previous: Analysis) -> list[Finding]:
    """The previous validation findings (they do not depend on durations or earliest starts once the plan is
    valid), without the findings the schedule decides."""
    return [f for f in previous.findings if not f.code.startswith(_FROM_SCHEDULE)]


def _capacity(plan: Plan, previous: Analysis, sched: Schedule, idx: list[int]) -> list[Finding]:
    """The over-capacity warnings: redone for the teams of the edited decisions and of every decision whose
    dates moved, kept for the other teams (each warning names decisions of one team, so it is found by them)."""
    old = previous.schedule
    assert old is not None
    if not plan.teams:
        return []
    team, _caps = _team_of(plan, _columns(plan, sched.graph))
    moved = np.flatnonzero((sched.es != old.es) | (sched.ef != old.ef)).tolist()
    redo = {team[i] for i in (*idx, *moved)} - {-1}
    index = sched.index
    by_team: dict[int, list[Finding]] = {}
    for f in previous.findings:
        if f.code == "over-capacity" and f.decisions:
            k = team[index[f.decisions[0]]]
            if k not in redo:
                by_team.setdefault(k, []).append(f)
    if redo:
        for f in capacity_findings(plan, sched, redo):
            by_team.setdefault(team[index[f.decisions[0]]], []).append(f)
    return [f for k in sorted(by_team) for f in by_team[k]]


__all__ = ["FIELDS", "reanalyze"]
