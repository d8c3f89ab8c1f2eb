"""The plan compiled to integer-indexed arrays: the shared input of validation, schedule and stages.

Every dependency type becomes a static weight on its edge ``u -> v`` so that the forward pass is a longest path
(``ES_v >= ES_u + w``) and the backward pass its mirror (``LS_u <= LS_v - w``)::

    FS: w = d_u + lag    SS: w = lag    FF: w = d_u + lag - d_v    SF: w = lag - d_v
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from typing import Any

import numpy as np

from planner.model.plan import DependencyType, Plan, Status, ThreePoint
from planner.units import ESTIMATES

TYPE_CODES = {"FS": 0, "SS": 1, "FF": 2, "SF": 3}
TYPE_NAMES = ("FS", "SS", "FF", "SF")
_CODE = {DependencyType(k): v for k, v in TYPE_CODES.items()}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (on again after it, if it was on). The analysis makes
    many short-lived tuples and lists and no reference cycles worth collecting; with a 100k-decision plan loaded,
    the collections those allocations trigger walked the plan's million objects again and again (issue 12)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_DECISION_COLUMNS = attrgetter(
    "id",
    "stage",
    "owner",
    "area",
    "milestone",
    "duration",
    "not_before",
    "headcount",
    "status",
    "progress",
    "actual_start",
    "actual_finish",
)
_THREE = attrgetter("optimistic", "likely", "pessimistic")


@dataclass
class Columns:
    """The decisions' fields that the analysis reads, in plan order, taken in ONE pass over the plan's objects
    (issue 12: at 100k decisions, walking the pydantic objects attribute by attribute, once per check, was most of
    ``analyze``). A snapshot: it describes the plan as it was when taken (:func:`compile_plan` takes it and keeps
    it on its graph, for the one analysis that graph is made for).

    ``three`` holds (optimistic, likely, pessimistic) per decision as written (a plain number thrice), milestones
    included; :meth:`durations` applies the estimate and zeroes milestones, exactly as :func:`durations` does."""

    ids: list[str]
    stage: list[str]
    owner: list[str | None]
    area: list[str | None]
    milestone: np.ndarray  # bool
    three: np.ndarray  # (n, 3) float
    is_three: np.ndarray  # bool: the duration is a ThreePoint
    not_before: np.ndarray  # weeks, 0 for none (as ``d.not_before or 0.0``)
    headcount: np.ndarray
    status: list[Status]
    progress: np.ndarray
    actual_start: list[Any]
    actual_finish: list[Any]
    source: Any = field(default=None, repr=False, compare=False)  # the decisions list it was taken from

    @property
    def n(self) -> int:
        return len(self.ids)

    def durations(self, estimate: str = "likely") -> np.ndarray:
        """:func:`durations` from the columns (a new array)."""
        if estimate not in ESTIMATES:
            raise ValueError(f"unknown estimate {estimate!r}; choose one of {', '.join(ESTIMATES)}")
        t = self.three
        if estimate == "pert":
            out = t[:, 1].copy()  # a plain number is its own PERT value, not (x + 4x + x) / 6
            k = self.is_three
            out[k] = (t[k, 0] + 4 * t[k, 1] + t[k, 2]) / 6
        else:
            out = t[:, ("optimistic", "likely", "pessimistic").index(estimate)].copy()
        out[self.milestone] = 0.0
        return out

    def any_actuals(self) -> bool:
        """True when some decision has an actual start or finish."""
        return any(x is not None for x in self.actual_start) or any(x is not None for x in self.actual_finish)


def plan_columns(plan: Plan) -> Columns:
    """The :class:`Columns` of ``plan`` (one pass over its decisions)."""
    decisions = plan.decisions
    n = len(decisions)
    if n == 0:
        empty = np.zeros(0)
        return Columns(
            ids=[],
            stage=[],
            owner=[],
            area=[],
            milestone=np.zeros(0, dtype=bool),
            three=np.zeros((0, 3)),
            is_three=np.zeros(0, dtype=bool),
            not_before=empty,
            headcount=empty.copy(),
            status=[],
            progress=empty.copy(),
            actual_start=[],
            actual_finish=[],
            source=decisions,
        )
    (ids, stage, owner, area, milestone, dur, nb, head, status, progress, a_s, a_f) = map(
        list, zip(*map(_DECISION_COLUMNS, decisions), strict=True)
    )
    tp = ThreePoint
    is_three = [type(x) is tp for x in dur]
    if all(is_three):
        three = np.array(list(map(_THREE, dur)), dtype=np.float64).reshape(n, 3)
    else:
        three = np.array(
            [_THREE(x) if k else (x, x, x) for x, k in zip(dur, is_three, strict=True)], dtype=np.float64
        ).reshape(n, 3)
    return Columns(
        ids=ids,
        stage=stage,
        owner=owner,
        area=area,
        milestone=np.array(milestone, dtype=bool),
        three=three,
        is_three=np.array(is_three, dtype=bool),
        not_before=np.array([x or 0.0 for x in nb], dtype=np.float64),
        headcount=np.array(head, dtype=np.float64),
        status=status,
        progress=np.array(progress, dtype=np.float64),
        actual_start=a_s,
        actual_finish=a_f,
        source=decisions,
    )


def columns_of(plan: Plan, graph: PlanGraph | None = None) -> Columns:
    """The columns ``graph`` was compiled with when it is ``plan``'s own (same plan, same decisions list and
    length), else freshly taken from ``plan``."""
    cols = graph.cols if graph is not None else None
    if (
        cols is not None
        and graph is not None
        and graph._plan is plan
        and cols.source is plan.decisions
        and cols.n == len(plan.decisions)
    ):
        return cols
    return plan_columns(plan)


@dataclass
class PlanGraph:
    """Arrays over the decisions (by position in ``plan.decisions``) and over the resolvable dependencies.

    ``edge_dep`` maps each edge back to its index in ``plan.dependencies``; dependencies naming unknown
    decisions, and self-dependencies, are left out (validation reports them). ``order`` is a topological
    order of the decisions, or None when there is a cycle (``cyclic`` then lists the nodes left over).

    ``cols`` (not an init field, so ``dataclasses.replace`` leaves it behind on purpose: a graph re-made for an
    edit must not carry the columns of the plan before the edit) is the plan's :class:`Columns` when
    :func:`compile_plan` made the graph; the checks of the same analysis read them instead of the plan's objects.
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
    cols: Columns | None = field(default=None, init=False, repr=False, compare=False)
    _plan: Any = field(default=None, init=False, repr=False, compare=False)

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


_DEP_COLUMNS = attrgetter("from_", "to", "type", "lag")


def compile_plan(plan: Plan, estimate: str = "likely", dur: np.ndarray | None = None) -> PlanGraph:
    """Compile ``plan`` into a :class:`PlanGraph`. Duplicate ids resolve to their first occurrence."""
    with gc_paused():
        return _compile(plan, estimate, dur)


def _compile(plan: Plan, estimate: str, dur: np.ndarray | None) -> PlanGraph:
    cols = plan_columns(plan)
    ids = cols.ids
    index = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))  # first occurrence wins
    n = len(ids)
    stage_pos = plan.stage_index()
    stage = np.fromiter(map(stage_pos.get, cols.stage, repeat(-1)), dtype=np.int64, count=n)
    duration = cols.durations(estimate) if dur is None else dur

    # One pass over the links, then one column at a time (no per-link appends).
    deps = plan.dependencies
    m = len(deps)
    if m:
        froms, tos, types, lags = zip(*map(_DEP_COLUMNS, deps), strict=True)
    else:
        froms = tos = types = lags = ()
    get = index.get
    src = np.fromiter(map(get, froms, repeat(-1)), dtype=np.int64, count=m)
    dst = np.fromiter(map(get, tos, repeat(-1)), dtype=np.int64, count=m)
    kind = np.fromiter(map(_CODE.__getitem__, types), dtype=np.int8, count=m)
    lag = np.array(lags, dtype=np.float64).reshape(m)
    ok = (src >= 0) & (dst >= 0) & (src != dst)  # unknown ends and self links are left out
    if ok.all():
        edge_dep = np.arange(m, dtype=np.int64)
    else:
        edge_dep = np.flatnonzero(ok)
        src, dst, kind, lag = src[ok], dst[ok], kind[ok], lag[ok]
    order, leftover, levels = _kahn(n, src, dst)
    graph = PlanGraph(
        ids=ids,
        index=index,
        duration=duration,
        not_before=cols.not_before.copy(),
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
    graph.cols = cols
    graph._plan = plan
    return graph


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
