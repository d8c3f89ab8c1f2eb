"""Re-analysis after an edit of figures only: redo what the edit can change, reuse the rest (issue 12).

An edit of a decision's duration or earliest start (``not_before``) leaves the plan's shape alone: the same
decisions, links, stages, owners and teams. So :func:`reanalyze` keeps the compiled graph (its topological order
included) and the previous analysis's validation findings, and redoes:

- the forward pass only from the edited decisions down their successors, stopping wherever an early start comes
  out unchanged (the downstream cone, often much less);
- the backward pass only from the edited decisions up their predecessors when the finish did not move, else all
  of it (every late start hangs on the finish); either pass is run whole once its worklist passes a quarter of
  the plan (the full pass's tight loop is then faster);
- the floats, critical flags and driving links (vectorised), the critical path, the stages, and the
  over-capacity warnings of the teams whose decisions moved.

Each figure is computed by the same arithmetic as :func:`planner.analysis.analyze` (maxima and minima of the same
sums), so the result equals a full analysis exactly, not approximately; ``tests/analysis/test_incremental.py``
checks that on random edit sequences. Anything else (a link, a stage, an owner, an id, a new decision, another
estimate, a plan with errors before or after) returns None: the caller runs the full analysis.

Pure functions over the plan; no Qt.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

import numpy as np

from planner.analysis.capacity import _team_of, capacity_findings
from planner.analysis.findings import Finding, sort_findings
from planner.analysis.graph import PlanGraph, durations
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
from planner.model.plan import Decision, Plan, duration_value

if TYPE_CHECKING:
    from planner.analysis import Analysis

FIELDS = frozenset({"duration", "not_before"})
"""Decision fields whose edits :func:`reanalyze` handles (any other edit needs the full analysis)."""


@dataclass
class _Adjacency:
    """Predecessors and successors of every decision with the edge between them, and topological positions."""

    src: np.ndarray  # the graph's edge sources (identity: the structure this was built for)
    pos: list[int]
    succ_ptr: list[int]
    succ: list[int]
    succ_edge: list[int]
    pred_ptr: list[int]
    pred: list[int]
    pred_edge: list[int]


_ADJ: list[_Adjacency] = []  # the last one built (an edit sequence keeps the same structure)


def _adjacency(graph: PlanGraph) -> _Adjacency:
    for adj in _ADJ:
        if adj.src is graph.src:
            return adj
    assert graph.order is not None
    n = graph.n
    src, dst = graph.src, graph.dst
    edges = np.arange(len(src), dtype=np.int64)

    def csr(key: np.ndarray, other: np.ndarray) -> tuple[list[int], list[int], list[int]]:
        by = np.argsort(key, kind="stable")
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(key, minlength=n), out=ptr[1:])
        return ptr.tolist(), other[by].tolist(), edges[by].tolist()

    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(n)
    s_ptr, s_nodes, s_edges = csr(src, dst)
    p_ptr, p_nodes, p_edges = csr(dst, src)
    adj = _Adjacency(src, pos.tolist(), s_ptr, s_nodes, s_edges, p_ptr, p_nodes, p_edges)
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


@dataclass
class _Bound:
    """Validation's calendar bound by parts, kept across an edit sequence on one structure (``key``)."""

    key: object
    pessimistic: np.ndarray
    not_before: np.ndarray
    rest: float  # risk impacts and positive lags: edits of durations leave them alone


_BOUNDS: list[_Bound] = []


def _schedule(g: PlanGraph, old: Schedule, idx: list[int], estimate: str) -> Schedule:
    adj = _adjacency(g)
    w = g.weights()
    pos = adj.pos
    # Forward: an early start can change where a predecessor's start or the weight of an incoming link changed
    # (a link's weight holds its ends' durations), or its own floor; recomputed from all its predecessors, as the
    # full pass does, so the maximum is of the same sums.
    es = old.es.tolist()
    floor = np.maximum(g.not_before, 0.0).tolist()
    w_l = w.tolist()
    s_ptr, succ = adj.succ_ptr, adj.succ
    p_ptr, pred, pred_e = adj.pred_ptr, adj.pred, adj.pred_edge
    heap: list[tuple[int, int]] = []
    queued: set[int] = set()

    def push(v: int, key: int) -> None:
        if v not in queued:
            queued.add(v)
            heapq.heappush(heap, (key, v))

    for i in idx:
        push(i, pos[i])
        for v in succ[s_ptr[i] : s_ptr[i + 1]]:
            push(v, pos[v])
    budget = g.n // 4 + 16  # past this many decisions the full pass's tight loop is faster
    while heap:
        budget -= 1
        if not budget:
            es = forward_pass(g, w, np.maximum(g.not_before, 0.0)).tolist()
            break
        _, v = heapq.heappop(heap)
        t = floor[v]
        for k in range(p_ptr[v], p_ptr[v + 1]):
            c = es[pred[k]] + w_l[pred_e[k]]
            if c > t:
                t = c
        if t != es[v]:
            es[v] = t
            for u in succ[s_ptr[v] : s_ptr[v + 1]]:
                push(u, pos[u])
    es_a = np.array(es, dtype=np.float64)
    d = g.duration
    finish = float((es_a + d).max()) if g.n else 0.0
    if finish != old.finish:
        ls_a = backward_pass(g, w, finish - d)  # every late start hangs on the finish
    else:
        # Backward, mirrored: a late start can change where a successor's late start or an outgoing link's
        # weight changed, or its own ceiling (finish - duration).
        ls = old.ls.tolist()
        ceiling = (finish - d).tolist()
        s_edge = adj.succ_edge
        heap = []
        queued = set()
        for i in idx:
            push(i, -pos[i])
            for u in pred[p_ptr[i] : p_ptr[i + 1]]:
                push(u, -pos[u])
        budget = g.n // 4 + 16
        while heap:
            budget -= 1
            if not budget:
                ls = backward_pass(g, w, finish - d).tolist()
                break
            _, u = heapq.heappop(heap)
            t = ceiling[u]
            for k in range(s_ptr[u], s_ptr[u + 1]):
                c = ls[succ[k]] - w_l[s_edge[k]]
                if c < t:
                    t = c
            if t != ls[u]:
                ls[u] = t
                for p in pred[p_ptr[u] : p_ptr[u + 1]]:
                    push(p, -pos[p])
        ls_a = np.array(ls, dtype=np.float64)
    return schedule_from_passes(g, estimate, w, es_a, ls_a)


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
    team, _caps = _team_of(plan)
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
