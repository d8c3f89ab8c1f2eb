"""Layered (Sugiyama-style) layout of the dependency graph, in abstract units. Pure Python, no Qt.

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
from typing import TYPE_CHECKING

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

    best = [lst[:] for lst in layers]
    best_cross = _crossings(layers, downs, pos)
    for _ in range(_SWEEPS):
        for ly in range(1, n_layers):
            _reorder(layers[ly], ups, pos)
        for ly in range(n_layers - 2, -1, -1):
            _reorder(layers[ly], downs, pos)
        cross = _crossings(layers, downs, pos)
        if cross >= best_cross:
            break  # no better than the best so far: further sweeps rarely help
        best_cross = cross
        best = [lst[:] for lst in layers]
        if cross == 0:
            break
    layers = best
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


def _reorder(lst: list[int], nbrs: list[list[int]], pos: list[float]) -> None:
    """Sort one layer by the barycentre of each node's neighbours on the fixed side (stable; no neighbours:
    keep the current place)."""
    keyed = []
    getpos = pos.__getitem__
    for v in lst:
        nb = nbrs[v]
        p = pos[v]
        keyed.append(((sum(map(getpos, nb)) / len(nb)) if nb else p, p, v))
    keyed.sort()
    for k, item in enumerate(keyed):
        v = item[2]
        lst[k] = v
        pos[v] = float(k)


def _crossings(layers: list[list[int]], downs: list[list[int]], pos: list[float]) -> int:
    """Edge crossings between consecutive layers (edges spanning more layers are counted where they start)."""
    total = 0
    for lst in layers:
        pairs = [(pos[u], pos[v]) for u in lst for v in downs[u]]
        if len(pairs) < 2:
            continue
        pairs.sort()
        seen: list[float] = []
        # Crossings = pairs (a, b) with a before b in source order but b's target strictly above a's target.
        for _, pv in pairs:
            k = bisect_right(seen, pv)
            total += len(seen) - k
            seen.insert(k, pv)
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
    passes: list[tuple[range, list[list[int]] | None]] = []
    n_layers = len(layers)
    for _ in range(_PLACEMENT_PASSES):
        passes.append((range(1, n_layers), ups))
        passes.append((range(n_layers - 2, -1, -1), downs))
    passes.append((range(n_layers), None))  # both sides, to balance
    for layer_range, side in passes:
        for ly in layer_range:
            lst = layers[ly]
            if not lst:
                continue
            target = []
            gety = y.__getitem__
            for v in lst:
                nb = (ups[v] + downs[v]) if side is None else side[v]
                target.append(sum(map(gety, nb)) / len(nb) if nb else y[v])
            new = _isotonic(target, [weight[v] for v in lst], [h[v] for v in lst])
            for v, val in zip(lst, new, strict=True):
                y[v] = val
    return y


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
