"""The schedule (SPEC §3.2): critical path method for FS/SS/FF/SF links with lags, leads and ``not_before``.

All times are in weeks from the plan start (time 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.analysis.graph import (
    TYPE_NAMES,
    PlanGraph,
    backward_sweep,
    compile_plan,
    forward_sweep,
    level_synchronous,
    links_max,
    links_min_back,
    sweep_max,
    sweep_min_back,
)
from planner.model.plan import Plan


class ScheduleError(ValueError):
    """The plan has validation errors, so no schedule exists. ``str()`` says why."""


@dataclass
class Schedule:
    """Early/late dates, floats and the critical path. Arrays are in plan order (``ids``).

    ``edge_*`` arrays describe the resolvable dependencies (see :class:`PlanGraph`); ``driving[e]`` is True when
    edge ``e`` determines its successor's early start.
    """

    estimate: str
    ids: list[str]
    index: dict[str, int]
    duration: np.ndarray
    es: np.ndarray
    ef: np.ndarray
    ls: np.ndarray
    lf: np.ndarray
    total_float: np.ndarray
    free_float: np.ndarray
    critical: np.ndarray
    finish: float
    tolerance: float
    graph: PlanGraph
    weight: np.ndarray
    slack: np.ndarray  # ES_v - c_uv per edge (>= 0)
    driving: np.ndarray
    critical_path: list[str] = field(default_factory=list)
    critical_chain_count: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self, decision_id: str) -> dict[str, Any]:
        """The figures of one decision, as in ``planner analyze --format json``."""
        i = self.index[decision_id]
        return {
            "id": decision_id,
            "duration": float(self.duration[i]),
            "es": float(self.es[i]),
            "ef": float(self.ef[i]),
            "ls": float(self.ls[i]),
            "lf": float(self.lf[i]),
            "total_float": float(self.total_float[i]),
            "free_float": float(self.free_float[i]),
            "critical": bool(self.critical[i]),
        }

    @property
    def critical_ids(self) -> list[str]:
        return [self.ids[i] for i in np.flatnonzero(self.critical).tolist()]

    def edges(self) -> list[dict[str, Any]]:
        """Every resolvable dependency with its type, lag, slack and whether it drives."""
        g = self.graph
        return [
            {
                "from": g.ids[int(g.src[e])],
                "to": g.ids[int(g.dst[e])],
                "type": TYPE_NAMES[int(g.kind[e])],
                "lag": float(g.lag[e]),
                "slack": float(self.slack[e]),
                "driving": bool(self.driving[e]),
                "dependency_index": int(g.edge_dep[e]),
            }
            for e in range(len(g.src))
        ]


def forward_pass(graph: PlanGraph, weight: np.ndarray, floor: np.ndarray) -> np.ndarray:
    """Early starts: ``ES_v = max(floor_v, max over u -> v of ES_u + w_uv)`` in topological order (a generation
    at a time: :func:`planner.analysis.graph.sweep_max`)."""
    es = np.array(floor, dtype=np.float64)
    w = np.asarray(weight, dtype=np.float64)
    if level_synchronous(graph):
        sweep_max(forward_sweep(graph), es, w)
    elif len(graph.src):
        es = links_max(graph, es, w)
    return es


def backward_pass(graph: PlanGraph, weight: np.ndarray, ceiling: np.ndarray) -> np.ndarray:
    """Late starts: ``LS_u = min(ceiling_u, min over u -> v of LS_v - w_uv)`` in reverse topological order (a
    generation at a time: :func:`planner.analysis.graph.sweep_min_back`)."""
    ls = np.array(ceiling, dtype=np.float64)
    w = np.asarray(weight, dtype=np.float64)
    if level_synchronous(graph):
        sweep_min_back(backward_sweep(graph), ls, w)
    elif len(graph.src):
        ls = links_min_back(graph, ls, w)
    return ls


def schedule(plan: Plan, estimate: str = "likely", graph: PlanGraph | None = None) -> Schedule:
    """The CPM schedule of ``plan`` under ``estimate`` (likely, optimistic, pessimistic or pert).

    Raises :class:`ScheduleError` when the dependency graph has a cycle (run :func:`validate` for the full list
    of problems).

    >>> from planner.model import new_plan, Decision, Dependency
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", duration=3),
    ...                    Decision(id="b", title="B", stage="validate", duration=2)]
    >>> plan.dependencies.append(Dependency(**{"from": "a", "to": "b", "lag": 1}))
    >>> s = schedule(plan)
    >>> s.finish, s.critical_path
    (6.0, ['a', 'b'])
    """
    if graph is None:
        graph = compile_plan(plan, estimate)
    if graph.order is None:
        raise ScheduleError("the dependency graph has a cycle; no schedule can be computed")
    d = graph.duration
    w = graph.weights()
    es = forward_pass(graph, w, np.maximum(graph.not_before, 0.0))
    finish = float((es + d).max()) if graph.n else 0.0
    ls = backward_pass(graph, w, finish - d)
    return schedule_from_passes(graph, estimate, w, es, ls)


def schedule_from_passes(
    graph: PlanGraph, estimate: str, w: np.ndarray, es: np.ndarray, ls: np.ndarray
) -> Schedule:
    """The :class:`Schedule` from the results of the two passes (early and late starts, weeks), as
    :func:`schedule` computes it; :mod:`planner.analysis.incremental` feeds it passes redone only where an edit
    can change them."""
    n = graph.n
    d = graph.duration
    ef = es + d
    finish = float(ef.max()) if n else 0.0
    tol = 1e-7 * max(1.0, abs(finish))
    lf = ls + d
    total_float = np.maximum(ls - es, 0.0)
    total_float[total_float <= tol] = 0.0

    # Free float: room before delaying any successor or the finish; never above total float.
    free_float = finish - ef
    slack = np.empty(0)
    if len(graph.src):
        slack = es[graph.dst] - (es[graph.src] + w)
        np.minimum.at(free_float, graph.src, slack)
        slack = np.maximum(slack, 0.0)
    free_float = np.clip(free_float, 0.0, total_float)
    free_float[free_float <= tol] = 0.0
    critical = total_float <= tol
    driving = slack <= tol if len(graph.src) else np.zeros(0, dtype=bool)

    sched = Schedule(
        estimate=estimate,
        ids=graph.ids,
        index=graph.index,
        duration=d,
        es=es,
        ef=ef,
        ls=ls,
        lf=lf,
        total_float=total_float,
        free_float=free_float,
        critical=critical,
        finish=finish,
        tolerance=tol,
        graph=graph,
        weight=w,
        slack=slack,
        driving=driving,
    )
    if n:
        _critical_path(sched)
    return sched


def critical_edges(s: Schedule) -> np.ndarray:
    """The one rule for a critical link, by edge of ``s.graph``: True when the link drives its successor (no
    slack between them) and joins two critical decisions. Every critical chain runs along such links, and
    :attr:`Schedule.critical_path` is one of those chains; the graph canvas and every chart mark these links.

    >>> from planner.model import Decision, Dependency, new_plan
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id=i, title=i, stage="validate", duration=w) for i, w in zip("abc", (2, 1, 3))]
    >>> plan.dependencies += [Dependency.model_validate({"from": "a", "to": x}) for x in "bc"]
    >>> critical_edges(schedule(plan)).tolist()  # a -> c is critical; a -> b has a week of slack behind it
    [False, True]
    """
    g = s.graph
    if not len(g.src):
        return np.zeros(0, dtype=bool)
    crit = s.critical.astype(bool)
    return s.driving.astype(bool) & crit[g.src] & crit[g.dst]


def critical_links(s: Schedule) -> set[tuple[str, str]]:
    """``(from id, to id)`` of every critical link (:func:`critical_edges`): what the charts draw in bold."""
    g = s.graph
    mask = critical_edges(s)
    return {(g.ids[u], g.ids[v]) for u, v in zip(g.src[mask].tolist(), g.dst[mask].tolist(), strict=True)}


def _critical_path(s: Schedule) -> None:
    """Pick one chain of critical decisions joined by driving dependencies, from a constrained start to the
    finish; count how many such chains exist and say so when there is more than one."""
    g = s.graph
    tol = s.tolerance
    crit = s.critical
    # The critical links (driving, critical-to-critical) form the critical subgraph.
    mask = critical_edges(s)
    src = g.src[mask].tolist()
    dst = g.dst[mask].tolist()
    # Two links between the same pair (say FS and SS) are one step of a chain, not two chains.
    preds: dict[int, list[int]] = {}
    has_succ: set[int] = set()
    for u, v in sorted(set(zip(src, dst, strict=True))):
        preds.setdefault(v, []).append(u)
        has_succ.add(u)

    # A chain ends at a critical decision that finishes at T and drives no further critical work: a decision
    # that finishes at T but drives a final milestone is part of that milestone's chain, not a chain of its own.
    at_finish = np.flatnonzero(crit & (s.ef >= s.finish - tol)).tolist()
    ends = [i for i in at_finish if i not in has_succ] or at_finish
    # Deterministic pick: the first finishing decision in plan order, then at each step the first driving
    # predecessor in plan order, until a decision whose start no dependency drives.
    node = min(ends)
    chain = [node]
    seen = {node}
    while node in preds:
        node = min(p for p in preds[node] if p not in seen)
        chain.append(node)
        seen.add(node)
    chain.reverse()
    s.critical_path = [s.ids[i] for i in chain]

    # Count chains: paths in the critical DAG from a decision without critical driving predecessors to a
    # decision finishing at T (dynamic programme over a topological order).
    # The critical decisions in a topological order: by generation when the graph has them (every link goes to a
    # later generation; ~0.3 ms at 100,000 decisions, against ~5 ms to filter the whole order in Python).
    gen = g._gen
    if gen is not None and len(gen) == g.n:
        on = np.flatnonzero(crit)
        topo = on[np.argsort(gen[on], kind="stable")].tolist()
    else:
        crit_l = crit.tolist()
        topo = [v for v in g.order or [] if crit_l[v]]
    count: dict[int, int] = {}
    for v in topo:
        count[v] = sum(count.get(u, 0) for u in preds.get(v, ())) or 1
    total = sum(count.get(e, 0) for e in ends)
    s.critical_chain_count = total
    if total > 1:
        s.notes.append(
            f"There are {total} critical chains of equal length; the critical path shown is the one through the "
            "earliest decisions in plan order. Every critical decision is flagged."
        )
