"""Layered (Sugiyama-style) layout of the dependency graph, in abstract units. Python and numpy, no Qt.

Feeds the graph canvas of the desktop app and the printable dependency-graph chart. Decisions are placed left to
right in **stage columns** (the sequenced stage, SPEC §3.3, or the assigned stage while the plan has validation
errors); inside a column, a decision's **layer** is the longest chain of same-stage predecessors before it. Rows
within a layer are ordered by barycentre sweeps to reduce edge crossings, then given vertical positions that keep
edges as straight as the order allows.

Units: ``x`` is in layer pitches (one card plus its horizontal gap is 1.0; stage columns are separated by an extra
``column_gap``), ``y`` in row pitches (one card plus its vertical gap is 1.0). Positions are card **centres**.
Views multiply by their own pitches. The result is deterministic: it depends only on the plan (order included).

>>> from planner.model import new_plan, Decision, Dependency
>>> plan = new_plan()
>>> plan.decisions += [Decision(id="a", title="A", stage="validate"), Decision(id="b", title="B", stage="validate"),
...                    Decision(id="c", title="C", stage="integrate")]
>>> plan.dependencies += [Dependency(**{"from": "a", "to": "b"}), Dependency(**{"from": "b", "to": "c"})]
>>> lay = layered_layout(plan)
>>> [lay.layer[i] for i in range(3)], [c.stage_id for c in lay.columns][:2]
([0, 1, 2], ['validate', 'integrate'])
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from planner.analysis.graph import PlanGraph, compile_plan
from planner.analysis.stages import sequenced_stages
from planner.model.plan import Plan

if TYPE_CHECKING:
    from planner.analysis import Analysis

COLUMN_GAP = 0.5
"""Extra horizontal space between two stage columns, in layer pitches."""

DUMMY_HEIGHT = 0.3
"""Vertical room an edge passing through a layer takes, in row pitches (a card takes 1.0)."""

_SWEEPS = 4
_PLACEMENT_PASSES = 1


@dataclass(frozen=True)
class ColumnExtent:
    """One stage column. ``x0``/``x1`` are the left and right edges of its outermost layers (card centre ± 0.5)."""

    index: int
    stage_id: str | None  # None for the column of decisions whose stage is unknown
    name: str
    x0: float
    x1: float
    first_layer: int
    layers: int
    count: int  # decisions in the column


@dataclass
class GraphLayout:
    """Where every decision goes. Lists are in plan order (``ids``); ``positions`` maps id to (x, y) centre.

    ``routes`` maps a dependency's index in ``plan.dependencies`` to the waypoints (x, y) its edge passes through
    between the two cards (one per layer it crosses, at that layer's centre); an edge without an entry is drawn
    straight from card to card. ``width``/``height`` bound every card centre and waypoint (x in [0, width],
    y in [0, height]).
    """

    ids: list[str]
    column: list[int]
    depth: list[int]
    layer: list[int]
    row: list[int]  # rank of the decision within its layer, top to bottom
    x: list[float]
    y: list[float]
    columns: list[ColumnExtent]
    routes: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    sequenced: bool = True  # False when columns are the assigned stages (the plan has errors)
    crossings: int = 0  # crossings between adjacent layers after ordering (a quality figure)
    width: float = 0.0
    height: float = 0.0

    @property
    def positions(self) -> dict[str, tuple[float, float]]:
        return {i: (x, y) for i, x, y in zip(self.ids, self.x, self.y, strict=True)}

    def position(self, decision_id: str) -> tuple[float, float]:
        i = self.ids.index(decision_id)
        return self.x[i], self.y[i]


def _columns_of(plan: Plan, graph: PlanGraph, analysis: Analysis | None) -> tuple[list[int], bool]:
    """Column of each decision: its sequenced stage when the plan can be scheduled, else its assigned stage.

    Unknown stages go to an extra column after the last stage.
    """
    n_stages = len(plan.stages)
    if analysis is not None and analysis.stages is not None and len(analysis.stages.sequenced) == graph.n:
        return [int(s) for s in analysis.stages.sequenced.tolist()], True
    stage = graph.stage.tolist()
    unknown = any(s < 0 for s in stage)
    if analysis is None and graph.order is not None and not unknown:
        return [int(s) for s in sequenced_stages(graph).tolist()], True
    return [s if s >= 0 else n_stages for s in stage], False


def _longest_path_depth(n: int, succ: list[list[int]], pred_count: list[int], nodes: list[int]) -> list[int]:
    """Longest-path layering of ``nodes`` over ``succ`` (Kahn's algorithm, plan order among ready nodes).

    A cycle is broken by releasing its first node in plan order, so the depth is defined for any graph.
    """
    depth = [0] * n
    indeg = pred_count[:]
    done = [False] * n
    ready = [v for v in nodes if indeg[v] == 0]
    ready.reverse()  # pop() takes the smallest plan position first
    remaining = len(nodes)
    pending = sorted(nodes, reverse=True)
    while remaining:
        if not ready:
            while done[pending[-1]]:
                pending.pop()
            ready.append(pending.pop())
        v = ready.pop()
        if done[v]:
            continue
        done[v] = True
        remaining -= 1
        dv = depth[v] + 1
        fresh = []
        for w in succ[v]:
            if done[w]:
                continue  # a back edge of a cycle
            if depth[w] < dv:
                depth[w] = dv
            indeg[w] -= 1
            if indeg[w] == 0:
                fresh.append(w)
        if fresh:
            fresh.sort(reverse=True)
            ready.extend(fresh)
            ready.sort(reverse=True)
    return depth


def layered_layout(
    plan: Plan,
    analysis: Analysis | None = None,
    *,
    column_gap: float = COLUMN_GAP,
    max_dummies: int | None = None,
) -> GraphLayout:
    """Lay out ``plan``'s dependency graph left to right by stage column and layer (see the module docstring).

    ``analysis`` (optional) saves recompiling the plan and supplies the sequenced stages. ``max_dummies`` caps the
    waypoints used to route long edges around cards (default ``2 * decisions + 100``); the shortest edges are
    routed first, the others are drawn straight.
    """
    graph = None
    if analysis is not None and analysis.schedule is not None:
        graph = analysis.schedule.graph
    if graph is None or graph.n != len(plan.decisions):
        graph = compile_plan(plan)
    n = graph.n
    col, sequenced = _columns_of(plan, graph, analysis)
    n_cols = len(plan.stages) + (1 if any(c >= len(plan.stages) for c in col) else 0)

    src = graph.src.tolist()
    dst = graph.dst.tolist()
    dep_of_edge = graph.edge_dep.tolist()

    # Depth: longest chain of same-column predecessors.
    succ_same: list[list[int]] = [[] for _ in range(n)]
    indeg_same = [0] * n
    for u, v in zip(src, dst, strict=True):
        if col[u] == col[v]:
            succ_same[u].append(v)
            indeg_same[v] += 1
    depth = _longest_path_depth(n, succ_same, indeg_same, list(range(n)))

    # Global layers: the columns side by side, an empty stage keeps one layer so its band still shows.
    col_layers = [1] * n_cols
    col_count = [0] * n_cols
    for i in range(n):
        c = col[i]
        col_count[c] += 1
        if depth[i] + 1 > col_layers[c]:
            col_layers[c] = depth[i] + 1
    first_layer = [0] * n_cols
    for c in range(1, n_cols):
        first_layer[c] = first_layer[c - 1] + col_layers[c - 1]
    n_layers = first_layer[-1] + col_layers[-1] if n_cols else 0
    layer_x = [0.0] * n_layers
    for c in range(n_cols):
        for k in range(col_layers[c]):
            layer_x[first_layer[c] + k] = first_layer[c] + k + c * column_gap
    layer = [first_layer[col[i]] + depth[i] for i in range(n)]

    # Nodes of the layered graph: decisions, then dummies (edge waypoints), one per layer a long edge crosses.
    node_layer = layer[:]
    is_dummy = [False] * n
    ups: list[list[int]] = [[] for _ in range(n)]
    downs: list[list[int]] = [[] for _ in range(n)]
    chains: dict[int, list[int]] = {}
    budget = 2 * n + 100 if max_dummies is None else max_dummies
    forward = [e for e in range(len(src)) if layer[src[e]] < layer[dst[e]]]
    # Route the shortest edges first; ties in edge order, so the result is deterministic.
    forward.sort(key=lambda e: (layer[dst[e]] - layer[src[e]], e))
    for e in forward:
        u, v = src[e], dst[e]
        span = layer[v] - layer[u]
        if span > 1 and span - 1 <= budget:
            budget -= span - 1
            prev = u
            chain = []
            for ly in range(layer[u] + 1, layer[v]):
                d = len(node_layer)
                node_layer.append(ly)
                is_dummy.append(True)
                ups.append([prev])
                downs.append([])
                downs[prev].append(d)
                chain.append(d)
                prev = d
            ups[v].append(prev)
            downs[prev].append(v)
            chains[dep_of_edge[e]] = chain
        else:
            ups[v].append(u)
            downs[u].append(v)
    total = len(node_layer)

    layers: list[list[int]] = [[] for _ in range(n_layers)]
    for v in range(total):  # plan order for decisions, creation order for dummies
        layers[node_layer[v]].append(v)
    # Initial order: a dummy next to where its edge comes from, decisions in plan order.
    pos = [0.0] * total
    for lst in layers:
        for k, v in enumerate(lst):
            pos[v] = float(k)
    for ly in range(1, n_layers):
        lst = layers[ly]
        lst.sort(key=lambda v: (pos[ups[v][0]] if is_dummy[v] else pos[v], is_dummy[v], v))
        for k, v in enumerate(lst):
            pos[v] = float(k)

    # The sweeps and the placement run over numpy arrays, one layer at a time (each layer depends on the one
    # before it), with each layer's neighbour lists gathered once: the same arithmetic as plain Python (sums of
    # integer positions, neighbour sums in list order), so the result is the same, bit for bit.
    posa = np.asarray(pos, dtype=np.float64)
    arrs = [np.asarray(lst, dtype=np.int64) for lst in layers]
    up_nb = _Adjacency(ups)
    down_nb = _Adjacency(downs)
    up_seg = [up_nb.gather(m) for m in arrs]
    down_seg = [down_nb.gather(m) for m in arrs]
    best = [m.copy() for m in arrs]
    best_cross = _crossings(down_seg, posa)
    for _ in range(_SWEEPS):
        for ly in range(1, n_layers):
            arrs[ly] = _reorder(up_seg[ly], posa)
        for ly in range(n_layers - 2, -1, -1):
            arrs[ly] = _reorder(down_seg[ly], posa)
        cross = _crossings(down_seg, posa)
        if cross >= best_cross:
            break  # no better than the best so far: further sweeps rarely help
        best_cross = cross
        best = [m.copy() for m in arrs]
        if cross == 0:
            break
    layers = [m.tolist() for m in best]
    rank = [0] * total
    for lst in layers:
        for k, v in enumerate(lst):
            rank[v] = k

    ys = _place(layers, ups, downs, is_dummy)

    lo = min(ys) if ys else 0.0
    ys = [round(y - lo, 4) for y in ys]
    xs = [layer_x[node_layer[v]] for v in range(total)]
    routes = {k: [(xs[d], ys[d]) for d in chain] for k, chain in chains.items()}
    columns = []
    for c in range(n_cols):
        if c < len(plan.stages):
            sid: str | None = plan.stages[c].id
            name = plan.stages[c].name
        else:
            sid, name = None, "Unknown stage"
        x0 = layer_x[first_layer[c]] - 0.5
        x1 = layer_x[first_layer[c] + col_layers[c] - 1] + 0.5
        columns.append(ColumnExtent(c, sid, name, x0, x1, first_layer[c], col_layers[c], col_count[c]))
    return GraphLayout(
        ids=list(graph.ids),
        column=col,
        depth=depth,
        layer=layer,
        row=rank[:n],
        x=xs[:n],
        y=ys[:n],
        columns=columns,
        routes=routes,
        sequenced=sequenced,
        crossings=best_cross,
        width=max(xs, default=0.0),
        height=max(ys, default=0.0),
    )


class _Adjacency:
    """Neighbour lists (``adj[v]``, in list order) as flat arrays, for gathering a layer's neighbours at once."""

    def __init__(self, adj: list[list[int]]) -> None:
        self.count = np.fromiter(map(len, adj), dtype=np.int64, count=len(adj))
        self.start = np.zeros(len(adj), dtype=np.int64)
        np.cumsum(self.count[:-1], out=self.start[1:])
        self.flat = np.fromiter(chain.from_iterable(adj), dtype=np.int64, count=int(self.count.sum()))

    def gather(self, members: np.ndarray) -> _Segment:
        """The neighbours of ``members``: each one's list in order, the lists one after the other."""
        cnt = self.count[members]
        owner = np.repeat(np.arange(len(members), dtype=np.int64), cnt)
        first = np.repeat(self.start[members] - np.cumsum(cnt) + cnt, cnt)
        return _Segment(members, owner, self.flat[first + np.arange(len(owner), dtype=np.int64)], cnt)


@dataclass(frozen=True)
class _Segment:
    """One layer's nodes (``members``) and their neighbours (``nbrs``, owned by ``members[owner]``)."""

    members: np.ndarray
    owner: np.ndarray
    nbrs: np.ndarray
    count: np.ndarray

    @staticmethod
    def joined(first: _Segment, then: _Segment) -> _Segment:
        """Each member's neighbours in ``first``, then its neighbours in ``then`` (same members)."""
        owner = np.concatenate((first.owner, then.owner))
        order = np.argsort(owner, kind="stable")
        nbrs = np.concatenate((first.nbrs, then.nbrs))[order]
        return _Segment(first.members, owner[order], nbrs, first.count + then.count)

    def means(self, values: np.ndarray) -> np.ndarray:
        """Mean of ``values`` over each member's neighbours (summed in list order); a member without neighbours
        keeps its own value."""
        own = values[self.members]
        if not len(self.nbrs):
            return own
        sums = np.bincount(self.owner, weights=values[self.nbrs], minlength=len(self.members))
        return np.where(self.count > 0, sums / np.maximum(self.count, 1), own)


def _reorder(seg: _Segment, pos: np.ndarray) -> np.ndarray:
    """Sort one layer by the barycentre of each node's neighbours on the fixed side (ties, and nodes without
    neighbours, keep their current order); updates ``pos`` and returns the layer in its new order."""
    members = seg.members
    if len(members) < 2:
        return members
    bary = seg.means(pos)
    order = members[np.lexsort((pos[members], bary))]
    pos[order] = np.arange(len(order), dtype=np.float64)
    return order


def _crossings(downs: list[_Segment], pos: np.ndarray) -> int:
    """Edge crossings between consecutive layers (edges spanning more layers are counted where they start):
    pairs of edges whose sources are in one order and whose targets are strictly in the other."""
    total = 0
    for seg in downs:
        if len(seg.nbrs) < 2:
            continue
        pu = pos[seg.members[seg.owner]]
        pv = pos[seg.nbrs]
        seen: list[float] = []
        # Crossings = pairs (a, b) with a before b in source order but b's target strictly above a's target.
        for v in pv[np.lexsort((pv, pu))].tolist():
            k = bisect_right(seen, v)
            total += len(seen) - k
            seen.insert(k, v)
    return total


def _place(
    layers: list[list[int]], ups: list[list[int]], downs: list[list[int]], is_dummy: list[bool]
) -> list[float]:
    """Vertical positions that keep each layer's order and spacing and pull nodes level with their neighbours.

    Each layer is solved exactly as a weighted isotonic regression (pool adjacent violators): minimise
    ``sum w_i (y_i - target_i)^2`` subject to ``y_(i+1) - y_i >= gap_i``.
    """
    total = len(is_dummy)
    h = [DUMMY_HEIGHT if d else 1.0 for d in is_dummy]
    weight = [4.0 if d else 1.0 for d in is_dummy]  # keeps long edges straight
    y = [0.0] * total
    for lst in layers:
        acc = 0.0
        for k, v in enumerate(lst):
            if k:
                acc += (h[lst[k - 1]] + h[v]) / 2
            y[v] = acc
        # Centre each layer on zero so short layers start level with long ones.
        mid = acc / 2
        for v in lst:
            y[v] -= mid
    ya = np.asarray(y, dtype=np.float64)
    members = [np.asarray(lst, dtype=np.int64) for lst in layers]
    up_nb, down_nb = _Adjacency(ups), _Adjacency(downs)
    segs: dict[int, list[_Segment]] = {0: [up_nb.gather(m) for m in members]}
    segs[1] = [down_nb.gather(m) for m in members]
    segs[2] = [_Segment.joined(u, d) for u, d in zip(segs[0], segs[1], strict=True)]  # ups[v] + downs[v]
    layer_w = [[weight[v] for v in lst] for lst in layers]
    layer_h = [[h[v] for v in lst] for lst in layers]
    passes: list[tuple[range, int]] = []
    n_layers = len(layers)
    for _ in range(_PLACEMENT_PASSES):
        passes.append((range(1, n_layers), 0))
        passes.append((range(n_layers - 2, -1, -1), 1))
    passes.append((range(n_layers), 2))  # both sides, to balance
    for layer_range, side in passes:
        for ly in layer_range:
            if not layers[ly]:
                continue
            target = segs[side][ly].means(ya).tolist()
            ya[members[ly]] = _isotonic(target, layer_w[ly], layer_h[ly])
    return ya.tolist()


def _isotonic(target: list[float], w: list[float], h: list[float]) -> list[float]:
    """Closest positions (weighted least squares) to ``target`` with ``y[i+1] - y[i] >= (h[i] + h[i+1]) / 2``."""
    m = len(target)
    offs = [0.0] * m
    acc = 0.0
    prev_h = h[0] if m else 0.0
    for i in range(1, m):
        hi = h[i]
        acc += (prev_h + hi) * 0.5
        offs[i] = acc
        prev_h = hi
    # In z = y - offset the constraint is z non-decreasing: pool adjacent violators over parallel stacks.
    bz: list[float] = []
    bw: list[float] = []
    bc: list[int] = []
    for i in range(m):
        z = target[i] - offs[i]
        wi = w[i]
        c = 1
        while bz and bz[-1] > z:
            w1 = bw.pop()
            ww = w1 + wi
            z = (bz.pop() * w1 + z * wi) / ww
            wi = ww
            c += bc.pop()
        bz.append(z)
        bw.append(wi)
        bc.append(c)
    out = []
    k = 0
    for z, c in zip(bz, bc, strict=True):
        for _ in range(c):
            out.append(z + offs[k])
            k += 1
    return out


__all__ = ["COLUMN_GAP", "ColumnExtent", "GraphLayout", "layered_layout"]
