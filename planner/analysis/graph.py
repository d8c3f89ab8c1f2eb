"""The plan compiled to integer-indexed arrays: the shared input of validation, schedule and stages.

Every dependency type becomes a static weight on its edge ``u -> v`` so that the forward pass is a longest path
(``ES_v >= ES_u + w``) and the backward pass its mirror (``LS_u <= LS_v - w``)::

    FS: w = d_u + lag    SS: w = lag    FF: w = d_u + lag - d_v    SF: w = lag - d_v
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from planner.model.plan import DependencyType, Plan, ThreePoint
from planner.units import ESTIMATES

TYPE_CODES = {"FS": 0, "SS": 1, "FF": 2, "SF": 3}
TYPE_NAMES = ("FS", "SS", "FF", "SF")
_CODE = {DependencyType(k): v for k, v in TYPE_CODES.items()}


@dataclass
class PlanGraph:
    """Arrays over the decisions (by position in ``plan.decisions``) and over the resolvable dependencies.

    ``edge_dep`` maps each edge back to its index in ``plan.dependencies``; dependencies naming unknown
    decisions, and self-dependencies, are left out (validation reports them). ``order`` is a topological
    order of the decisions, or None when there is a cycle (``cyclic`` then lists the nodes left over).
    """

    ids: list[str]
    index: dict[str, int]
    duration: np.ndarray
    not_before: np.ndarray
    stage: np.ndarray  # stage position, -1 when the stage is unknown
    src: np.ndarray
    dst: np.ndarray
    kind: np.ndarray
    lag: np.ndarray
    edge_dep: np.ndarray
    order: list[int] | None
    cyclic: list[int] = field(default_factory=list)
    levels: int = 0  # topological levels: the most decisions on one chain of links (0 for an empty plan)
    _edge_order: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def n(self) -> int:
        return len(self.ids)

    def weights(self) -> np.ndarray:
        """Static forward-pass weight of each edge (weeks)."""
        d = self.duration
        w = self.lag.copy()
        k = self.kind
        w += np.where((k == 0) | (k == 2), d[self.src], 0.0)
        w -= np.where((k == 2) | (k == 3), d[self.dst], 0.0)
        return w


def durations(plan: Plan, estimate: str = "likely") -> np.ndarray:
    """Duration in weeks of every decision, in plan order, under ``estimate`` (milestones are 0)."""
    if estimate not in ESTIMATES:
        raise ValueError(f"unknown estimate {estimate!r}; choose one of {', '.join(ESTIMATES)}")
    out: list[float] = []
    append = out.append
    pert = estimate == "pert"
    for d in plan.decisions:  # the hot loop of a 100k-decision plan: no method calls
        dur = d.duration
        if d.milestone:
            append(0.0)
        elif type(dur) is ThreePoint:
            append(
                (dur.optimistic + 4 * dur.likely + dur.pessimistic) / 6 if pert else getattr(dur, estimate)
            )
        else:
            append(dur)  # type: ignore[arg-type]
    return np.array(out, dtype=np.float64)


_FROM, _TO, _TYPE, _LAG = attrgetter("from_"), attrgetter("to"), attrgetter("type"), attrgetter("lag")


def compile_plan(plan: Plan, estimate: str = "likely", dur: np.ndarray | None = None) -> PlanGraph:
    """Compile ``plan`` into a :class:`PlanGraph`. Duplicate ids resolve to their first occurrence."""
    decisions = plan.decisions
    ids = [d.id for d in decisions]
    index = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))  # first occurrence wins
    n = len(ids)
    stage_pos = plan.stage_index()
    get_stage = stage_pos.get
    stage = np.array([get_stage(d.stage, -1) for d in decisions], dtype=np.int64)
    nb = np.array([d.not_before or 0.0 for d in decisions], dtype=np.float64)
    duration = durations(plan, estimate) if dur is None else dur

    # One column at a time: no per-link appends (fewer objects for the cyclic GC to walk).
    deps = plan.dependencies
    m = len(deps)
    get = index.get
    src = np.array([get(x, -1) for x in map(_FROM, deps)], dtype=np.int64).reshape(m)
    dst = np.array([get(x, -1) for x in map(_TO, deps)], dtype=np.int64).reshape(m)
    kind = np.array(list(map(_CODE.__getitem__, map(_TYPE, deps))), dtype=np.int8).reshape(m)
    lag = np.array(list(map(_LAG, deps)), dtype=np.float64).reshape(m)
    ok = (src >= 0) & (dst >= 0) & (src != dst)  # unknown ends and self links are left out
    if ok.all():
        edge_dep = np.arange(m, dtype=np.int64)
    else:
        edge_dep = np.flatnonzero(ok)
        src, dst, kind, lag = src[ok], dst[ok], kind[ok], lag[ok]
    order, leftover, levels = _kahn(n, src, dst)
    return PlanGraph(
        ids=ids,
        index=index,
        duration=duration,
        not_before=nb,
        stage=stage,
        src=src,
        dst=dst,
        kind=kind,
        lag=lag,
        edge_dep=edge_dep,
        order=order,
        cyclic=leftover,
        levels=levels,
    )


def topological_order(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[list[int] | None, list[int]]:
    """Kahn's algorithm over a CSR adjacency; ready nodes in plan order, then in order of discovery.

    Returns (order, []) for a DAG, or (None, nodes on or behind a cycle).
    """
    order, leftover, _ = _kahn(n, src, dst)
    return order, leftover


def _kahn(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[list[int] | None, list[int], int]:
    """:func:`topological_order` and the number of topological levels (decisions on the longest chain of links).

    A first-in first-out Kahn visits the nodes a generation at a time (a node becomes ready while the generation
    before its own is visited), so counting generations costs one step per generation, not per node."""
    if n == 0:
        return [], [], 0
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    indeg = np.bincount(dst, minlength=n)
    succ = dst[np.argsort(src, kind="stable")].tolist()  # successors of u: succ[ptr[u]:ptr[u + 1]]
    ptr_a = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=ptr_a[1:])
    ptr = ptr_a.tolist()
    deg = indeg.tolist()
    order = np.flatnonzero(indeg == 0).tolist()
    append = order.append
    head = levels = 0
    while head < len(order):
        end = len(order)
        levels += 1
        for u in order[head:end]:
            for v in succ[ptr[u] : ptr[u + 1]]:
                deg[v] -= 1
                if deg[v] == 0:
                    append(v)
        head = end
    if len(order) == n:
        return order, [], levels
    return None, [i for i in range(n) if deg[i] > 0], levels


def edge_order(graph: PlanGraph) -> np.ndarray:
    """Edge indices sorted by the topological position of their source (stable). Computed once per graph
    (forward pass, backward pass and sequenced stages all use it); treat the result as read-only."""
    assert graph.order is not None
    if graph._edge_order is None:
        pos = np.empty(graph.n, dtype=np.int64)
        pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(graph.n)
        graph._edge_order = np.argsort(pos[graph.src], kind="stable")
    return graph._edge_order
