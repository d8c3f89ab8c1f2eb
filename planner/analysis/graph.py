"""The plan compiled to integer-indexed arrays: the shared input of validation, schedule and stages.

Every dependency type becomes a static weight on its edge ``u -> v`` so that the forward pass is a longest path
(``ES_v >= ES_u + w``) and the backward pass its mirror (``LS_u <= LS_v - w``)::

    FS: w = d_u + lag    SS: w = lag    FF: w = d_u + lag - d_v    SF: w = lag - d_v
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import attrgetter, is_not, itemgetter, not_
from typing import Any

import numpy as np

from planner.model.io import gc_paused  # re-exported: the analysis's passes pause the collector too
from planner.model.plan import DependencyType, Plan, Status
from planner.units import ESTIMATES

TYPE_CODES = {"FS": 0, "SS": 1, "FF": 2, "SF": 3}
TYPE_NAMES = ("FS", "SS", "FF", "SF")
_CODE = {DependencyType(k): v for k, v in TYPE_CODES.items()}

_DECISION_FIELDS = (
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
_NUMBER_TYPES = frozenset({float, int})  # a duration is a number of weeks or a three-point estimate
_STATUS_CODE = {s: k for k, s in enumerate(Status)}


@dataclass
class Columns:
    """The decisions' fields that the analysis reads, in plan order, read from the plan's objects once per analysis
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
    _status_code: np.ndarray | None = field(default=None, repr=False, compare=False)
    _given: dict[int, tuple[list[Any], np.ndarray]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def status_is(self, *statuses: Status) -> np.ndarray:
        """Bool per decision: its status is one of ``statuses``."""
        if self._status_code is None:
            self._status_code = np.fromiter(
                map(_STATUS_CODE.__getitem__, self.status), dtype=np.int8, count=self.n
            )
        codes = self._status_code
        out = np.zeros(self.n, dtype=bool)
        for code in {_STATUS_CODE[x] for x in statuses}:
            out |= codes == code
        return out

    def has(self, column: list[Any]) -> np.ndarray:
        """Bool per decision: ``column`` (one of the list columns) is not None there. Read-only: kept for the
        next check that asks (issue 12: an analysis asks ~8 times, for the actual dates and the owners)."""
        kept = self._given.get(id(column))
        if kept is not None and kept[0] is column:
            return kept[1]
        if column.count(None) == len(column):  # (one C-level scan) the usual actual dates: none given
            out = np.zeros(self.n, dtype=bool)
        else:
            out = np.fromiter(map(is_not, column, repeat(None)), dtype=bool, count=self.n)
        out.setflags(write=False)
        self._given[id(column)] = (column, out)
        return out

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
        return bool(self.has(self.actual_start).any() or self.has(self.actual_finish).any())


def plan_columns(plan: Plan) -> Columns:
    """The :class:`Columns` of ``plan``, each field read from the decision objects in C-level passes, and one pass
    over the three-point estimates.

    Pydantic models are read in one pass over their ``__dict__`` (all fields of a decision, then a transpose): each
    object's memory is then touched once, and at 100k decisions that, not the Python work, is the cost. The rows of
    :mod:`planner.model.rows` are compact, and read one field at a time (issue 12: 75 ms instead of 94 ms at 100k
    decisions; the tuples and the transpose are most of the single pass)."""
    decisions = plan.decisions
    n = len(decisions)
    try:  # a pydantic model keeps its fields in its __dict__: reading them there skips the class lookups
        rows = list(map(itemgetter(*_DECISION_FIELDS), map(vars, decisions)))
    except (KeyError, TypeError):  # rows (no __dict__), or objects of another kind
        read = attrgetter

        def column(name: str) -> list[Any]:
            return list(map(read(name), decisions))

        def numbers(name: str, dtype: Any = np.float64) -> np.ndarray:
            return np.fromiter(map(read(name), decisions), dtype=dtype, count=n)

    else:
        by_name = dict(zip(_DECISION_FIELDS, map(list, zip(*rows, strict=True)), strict=True)) if n else {}
        del rows

        def column(name: str) -> list[Any]:
            return by_name.get(name, [])

        def numbers(name: str, dtype: Any = np.float64) -> np.ndarray:
            return np.array(column(name), dtype=dtype).reshape(n)

    return _columns(decisions, n, column, numbers)


def _columns(
    decisions: Any,
    n: int,
    column: Callable[[str], list[Any]],
    numbers: Callable[..., np.ndarray],
) -> Columns:
    dur = column("duration")
    is_plain = list(map(_NUMBER_TYPES.__contains__, map(type, dur)))  # else a ThreePoint, or its row
    is_three = ~np.array(is_plain, dtype=bool).reshape(n)
    k3 = n - sum(is_plain)
    threes = compress(dur, map(not_, is_plain))
    three_of = np.fromiter(chain.from_iterable(map(_THREE, threes)), np.float64, 3 * k3)
    if k3 == n:
        three = three_of.reshape(n, 3)
    else:
        three = np.empty((n, 3), dtype=np.float64)
        three[is_three] = three_of.reshape(k3, 3)
        three[~is_three] = np.array(list(compress(dur, is_plain)), dtype=np.float64).reshape(n - k3, 1)
    nb = column("not_before")
    return Columns(
        ids=column("id"),
        stage=column("stage"),
        owner=column("owner"),
        area=column("area"),
        milestone=numbers("milestone", bool),
        three=three,
        is_three=is_three,
        not_before=np.zeros(n) if nb.count(None) == n else np.fromiter([x or 0.0 for x in nb], np.float64, n),
        headcount=numbers("headcount"),
        status=column("status"),
        progress=numbers("progress"),
        actual_start=column("actual_start"),
        actual_finish=column("actual_finish"),
        source=decisions,
    )


def columns_of(plan: Plan, graph: PlanGraph | None = None) -> Columns:
    """The columns ``graph`` was compiled with when it is ``plan``'s own (:func:`graph_columns`), else freshly
    taken from ``plan``."""
    cols = graph_columns(plan, graph)
    return plan_columns(plan) if cols is None else cols


def graph_columns(plan: Plan, graph: PlanGraph | None) -> Columns | None:
    """The columns ``graph`` was compiled with, when it is ``plan``'s own (same plan, same decisions list and
    length); else None."""
    cols = graph.cols if graph is not None else None
    if (
        cols is not None
        and graph is not None
        and graph._plan is plan
        and cols.source is plan.decisions
        and cols.n == len(plan.decisions)
    ):
        return cols
    return None


@dataclass
class PlanGraph:
    """Arrays over the decisions (by position in ``plan.decisions``) and over the resolvable dependencies.

    ``edge_dep`` maps each edge back to its index in ``plan.dependencies``; dependencies naming unknown
    decisions, and self-dependencies, are left out (validation reports them). ``order`` is a topological
    order of the decisions, or None when there is a cycle (``cyclic`` then lists the nodes left over).

    ``cols`` (not an init field, so ``dataclasses.replace`` leaves it behind on purpose: a graph re-made for an
    edit must not carry the columns of the plan before the edit) is the plan's :class:`Columns` when
    :func:`compile_plan` made the graph; the checks of the same analysis read them instead of the plan's objects.
    ``_gen``, ``_fwd`` and ``_bwd`` (generations and the links grouped for the passes, like ``_edge_order``)
    depend on the links only, so copies made by ``replace`` for new durations share them.
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
    _gen: np.ndarray | None = field(default=None, repr=False, compare=False)
    _fwd: Sweep | None = field(default=None, repr=False, compare=False)
    _bwd: Sweep | None = field(default=None, repr=False, compare=False)
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
        elif isinstance(dur, float | int):
            append(dur)
        else:  # a ThreePoint, or its row (planner.model.rows)
            append(
                (dur.optimistic + 4 * dur.likely + dur.pessimistic) / 6 if pert else getattr(dur, estimate)
            )
    return np.array(out, dtype=np.float64)


_FROM, _TO, _TYPE, _LAG = attrgetter("from_"), attrgetter("to"), attrgetter("type"), attrgetter("lag")


def id_places(ids: Sequence[str]) -> np.ndarray:
    """Each item's place in id order: what levelling breaks ties by and what the Monte Carlo draws by, so that
    neither changes when the file lists its decisions (or risks) in another order.

    >>> id_places(["b", "c", "a"]).tolist()
    [1, 2, 0]
    """
    place = np.empty(len(ids), dtype=np.int64)
    place[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    return place


def _link_ends(index: dict[str, int], deps: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """The positions in ``index`` of every link's predecessor and successor, -1 for an id not in it. One lookup
    loop of C over both ends, read straight from the links into the array (issue 12: at 300k links, lists of the
    ends and a loop per end cost a third more)."""
    m = len(deps)
    try:
        ends = np.fromiter(map(index.__getitem__, chain(map(_FROM, deps), map(_TO, deps))), np.int64, 2 * m)
    except KeyError:  # an unknown end (validation reports it)
        ends = np.fromiter(
            map(index.get, chain(map(_FROM, deps), map(_TO, deps)), repeat(-1)), np.int64, 2 * m
        )
    return ends[:m], ends[m:]


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

    # The links one field at a time, each a C-level pass (no per-link Python step or appends).
    deps = plan.dependencies
    m = len(deps)
    src, dst = _link_ends(index, deps)
    kind = np.fromiter(map(_CODE.__getitem__, map(_TYPE, deps)), dtype=np.int8, count=m)
    lag = np.fromiter(map(_LAG, deps), dtype=np.float64, count=m)
    ok = (src >= 0) & (dst >= 0) & (src != dst)  # unknown ends and self links are left out
    if ok.all():
        edge_dep = np.arange(m, dtype=np.int64)
    else:
        edge_dep = np.flatnonzero(ok)
        src, dst, kind, lag = src[ok], dst[ok], kind[ok], lag[ok]
    order, leftover, levels, bounds = _kahn_generations(n, src, dst)
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
        _gen=None if order is None else _gen_from(n, order, bounds),
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
    """:func:`topological_order` and the number of topological levels (decisions on the longest chain of links)."""
    order, leftover, levels, _ = _kahn_generations(n, src, dst)
    return order, leftover, levels


def _kahn_generations(
    n: int, src: np.ndarray, dst: np.ndarray
) -> tuple[list[int] | None, list[int], int, list[int]]:
    """:func:`_kahn` and where each generation starts in the order (then its length).

    A first-in first-out Kahn visits the nodes a generation at a time (a node becomes ready while the generation
    before its own is visited), so counting generations costs one step per generation, not per node. Generation
    ``k`` is the set of decisions whose longest chain of links from a decision without predecessors has ``k``
    links: every link goes from a lower generation to a higher one."""
    if n == 0:
        return [], [], 0, [0]
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    indeg = np.bincount(dst, minlength=n)
    succ = dst[radix_argsort(src)].tolist()  # successors of u: succ[ptr[u]:ptr[u + 1]] (a stable sort)
    ptr_a = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=ptr_a[1:])
    ptr = ptr_a.tolist()
    deg = indeg.tolist()
    order = np.flatnonzero(indeg == 0).tolist()
    append = order.append
    head = levels = 0
    bounds = [0]
    while head < len(order):
        end = len(order)
        levels += 1
        bounds.append(end)
        for u in order[head:end]:
            for v in succ[ptr[u] : ptr[u + 1]]:
                deg[v] -= 1
                if deg[v] == 0:
                    append(v)
        head = end
    if len(order) == n:
        return order, [], levels, bounds
    return None, [i for i in range(n) if deg[i] > 0], levels, bounds


def edge_order(graph: PlanGraph) -> np.ndarray:
    """Edge indices sorted by the topological position of their source (stable). Computed once per graph
    (forward pass, backward pass and sequenced stages all use it); treat the result as read-only."""
    assert graph.order is not None
    if graph._edge_order is None:
        pos = np.empty(graph.n, dtype=np.int64)
        pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(graph.n)
        graph._edge_order = np.argsort(pos[graph.src], kind="stable")
    return graph._edge_order


def generations(graph: PlanGraph) -> np.ndarray:
    """Generation of every decision (see :func:`_kahn_generations`; the graph must be acyclic). Kept on the graph
    (copies made with ``dataclasses.replace`` share it: it depends on the links only)."""
    assert graph.order is not None
    if graph._gen is None:
        order, _, _, bounds = _kahn_generations(graph.n, graph.src, graph.dst)
        graph._gen = _gen_from(graph.n, order or [], bounds)
    return graph._gen


def _gen_from(n: int, order: list[int], bounds: list[int]) -> np.ndarray:
    gen = np.empty(n, dtype=np.int64)
    b = np.asarray(bounds, dtype=np.int64)
    gen[np.asarray(order, dtype=np.int64)] = np.repeat(np.arange(len(b) - 1), np.diff(b))
    return gen


@dataclass
class Sweep:
    """The links ordered for a level-synchronous pass (issue 12): by generation of one ``end`` (the successor for
    a forward pass, the predecessor for a backward one). Every link goes from a lower generation to a higher one,
    so when the links into (out of) one generation are relaxed, all their far ends are final: a pass costs a few
    numpy operations per generation instead of a Python step per link (at 100k decisions and ~3,600 generations:
    9 ms instead of 65 ms), with the same result: a maximum (minimum) of the same sums, taken in another order.

    ``edges``: link indices in that order; ``end``/``other``: the two ends of each; ``bounds[k]:bounds[k + 1]``:
    the links of the ``k``-th generation present, in increasing generation."""

    edges: np.ndarray
    end: np.ndarray
    other: np.ndarray
    bounds: list[int]


def make_sweep(edges: np.ndarray, end: np.ndarray, other: np.ndarray, gen: np.ndarray) -> Sweep:
    """A :class:`Sweep` of the links ``edges`` (already ordered by the generation of their ``end``)."""
    e_end = end[edges]
    g = gen[e_end]
    cut = np.flatnonzero(np.concatenate(([True], g[1:] != g[:-1]))) if len(edges) else np.zeros(0, np.int64)
    return Sweep(edges=edges, end=e_end, other=other[edges], bounds=[*cut.tolist(), len(edges)])


def radix_argsort(*keys: np.ndarray) -> np.ndarray:
    """Indices that sort by ``keys`` (the first most significant; non-negative integers), stable: a least
    significant digit radix sort, 16 bits at a time (numpy sorts 16-bit keys by counting, in linear time: at 300k
    links three such passes take a third of one ``argsort`` of int64 keys).

    Keys that fit in 63 bits together are packed into one (issue 12: the backward pass's order by generation,
    predecessor and successor, 12 + 17 + 17 bits at 100k decisions, takes three passes instead of five), and each
    pass gathers its 16-bit digits in the order so far rather than moving the whole key (19 -> 10 ms there).

    >>> radix_argsort(np.array([2, 1, 2, 1]), np.array([0, 5, 0, 3])).tolist()
    [3, 1, 0, 2]
    """
    m = len(keys[0]) if keys else 0
    if not m:
        return np.arange(m, dtype=np.int64)
    widths = [int(k.max()).bit_length() for k in keys]
    parts: list[tuple[np.ndarray, int]]  # (key, bits), least significant first
    if len(keys) > 1 and sum(widths) <= 63:
        packed = np.zeros(m, dtype=np.int64)
        for key, width in zip(keys, widths, strict=True):
            np.left_shift(packed, width, out=packed)
            packed |= key
        parts = [(packed, sum(widths))]
    else:
        parts = [
            (np.asarray(k, dtype=np.int64), w) for k, w in zip(reversed(keys), reversed(widths), strict=True)
        ]
    p: np.ndarray | None = None
    for key, bits in parts:
        for shift in range(0, bits, 16):
            digit = (key >> shift).astype(np.uint16)  # the low 16 bits left after the shift
            if p is not None:
                digit = digit[p]
            q = np.argsort(digit, kind="stable")
            p = q if p is None else p[q]
    return np.arange(m, dtype=np.int64) if p is None else p


def forward_sweep(graph: PlanGraph) -> Sweep:
    """The links by generation of their successor (kept on the graph, like :func:`edge_order`)."""
    if graph._fwd is None:
        gen = generations(graph)
        graph._fwd = make_sweep(radix_argsort(gen[graph.dst]), graph.dst, graph.src, gen)
    return graph._fwd


def backward_sweep(graph: PlanGraph) -> Sweep:
    """The links by generation of their predecessor, then by predecessor, then by successor, then in plan order
    (so two links between the same pair are adjacent, the first one first: validation's
    ``duplicate-dependency`` reads them from here). Kept on the graph."""
    if graph._bwd is None:
        gen = generations(graph)
        order = radix_argsort(gen[graph.src], graph.src, graph.dst)
        graph._bwd = make_sweep(order, graph.src, graph.dst, gen)
    return graph._bwd


SWEEP_MIN_LINKS = 16
"""Links per generation from which the passes run a generation at a time (:func:`level_synchronous`)."""


def level_synchronous(graph: PlanGraph) -> bool:
    """Whether a pass a generation at a time beats one link at a time on ``graph``: ~3 us per generation against
    ~0.2 us per link, so when the generations hold :data:`SWEEP_MIN_LINKS` links or more on average (random plans:
    ~30 at 10k, ~80 at 100k). A plan that is one long chain has one link per generation: there the link-by-link
    loops (:func:`links_max`, :func:`links_min_back`) are kept."""
    if not len(graph.src):
        return False
    gen = generations(graph)
    return len(graph.src) >= SWEEP_MIN_LINKS * (int(gen.max()) + 1)


def links_max(graph: PlanGraph, values: np.ndarray, weight: np.ndarray | None) -> np.ndarray:
    """:func:`sweep_max` one link at a time, in topological order of the predecessors (a new array)."""
    out = values.tolist()
    order = edge_order(graph)
    w = [0] * len(order) if weight is None else weight[order].tolist()
    for u, v, x in zip(graph.src[order].tolist(), graph.dst[order].tolist(), w, strict=True):
        t = out[u] + x
        if t > out[v]:
            out[v] = t
    return np.array(out, dtype=values.dtype)


def links_min_back(graph: PlanGraph, values: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """:func:`sweep_min_back` one link at a time, in reverse topological order of the predecessors (a new
    array)."""
    out = values.tolist()
    order = edge_order(graph)[::-1]
    for u, v, x in zip(
        graph.src[order].tolist(), graph.dst[order].tolist(), weight[order].tolist(), strict=True
    ):
        t = out[v] - x
        if t < out[u]:
            out[u] = t
    return np.array(out, dtype=values.dtype)


def sweep_max(sweep: Sweep, values: np.ndarray, weight: np.ndarray | None) -> np.ndarray:
    """``values[v] = max(values[v], max over links u -> v of values[u] + weight)`` in generation order (in place,
    returned). ``weight`` is by link (None: 0)."""
    end, other, b = sweep.end, sweep.other, sweep.bounds
    w = None if weight is None else weight[sweep.edges]
    at = np.maximum.at
    for k in range(len(b) - 1):
        e0, e1 = b[k], b[k + 1]
        cand = values[other[e0:e1]]
        if w is not None:
            cand += w[e0:e1]
        at(values, end[e0:e1], cand)
    return values


def sweep_min_back(sweep: Sweep, values: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """``values[u] = min(values[u], min over links u -> v of values[v] - weight)`` in reverse generation order (in
    place, returned)."""
    end, other, b = sweep.end, sweep.other, sweep.bounds
    w = weight[sweep.edges]
    at = np.minimum.at
    for k in range(len(b) - 2, -1, -1):
        e0, e1 = b[k], b[k + 1]
        cand = values[other[e0:e1]]
        cand -= w[e0:e1]
        at(values, end[e0:e1], cand)
    return values


@dataclass
class LinkIndex:
    """Each decision's incoming and outgoing links (edge positions, ascending) in CSR form: the links into
    decision ``v`` are ``in_edges[in_ptr[v] : in_ptr[v + 1]]``, those out of ``u`` likewise. For walking chains
    link by link instead of testing every link at each step (the inspector's explanation and the edit loop's
    incremental passes, issue 12)."""

    src: np.ndarray  # the graph's arrays this was made for (identity: the same links)
    dst: np.ndarray
    in_ptr: list[int]
    in_edges: list[int]
    out_ptr: list[int]
    out_edges: list[int]


_LINK_INDEX: list[LinkIndex] = []  # the last one made (an edit sequence keeps the same links)


def link_index(graph: PlanGraph) -> LinkIndex:
    """The :class:`LinkIndex` of ``graph``'s links, made once per set of links and kept."""
    for links in _LINK_INDEX:
        if links.src is graph.src and links.dst is graph.dst:
            return links
    n = graph.n

    def csr(key: np.ndarray) -> tuple[list[int], list[int]]:
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(key, minlength=n), out=ptr[1:])
        return ptr.tolist(), np.argsort(key, kind="stable").tolist()

    in_ptr, in_edges = csr(graph.dst)
    out_ptr, out_edges = csr(graph.src)
    links = LinkIndex(graph.src, graph.dst, in_ptr, in_edges, out_ptr, out_edges)
    _LINK_INDEX[:] = [links]
    return links
