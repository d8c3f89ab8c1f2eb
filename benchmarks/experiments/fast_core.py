"""Experimental faster versions of the planner's analysis hot spots (NOT used by the product).

Each function is a drop-in proposal for the function of the same name (without ``_fast``) in ``planner/analysis``;
``ab_core.py`` checks that the results are identical and measures the gain. Findings from profiling at 100k:

1. ``stages.gated_schedule`` builds ``preds = [[] for _ in range(n)]`` and 300k ``(u, w)`` tuples: 100k lists
   + 300k tuples trigger the cyclic GC over the whole loaded plan. ``gated_schedule_fast`` runs the ordinary
   edge-relaxation pass (edges sorted by (sequenced stage of source, topological position of source)) one
   stage at a time, applying the gate floor to the stage's decisions before relaxing their out-links: no
   per-node containers at all.
2. ``graph.topological_order`` also builds ``succ = [[] for _ in range(n)]``: ``topological_order_fast`` uses a
   CSR layout (numpy argsort + bincount) and slices one flat list.
3. ``graph.compile_plan`` walks the dependencies once with five ``append`` calls per link:
   ``compile_plan_fast`` uses one comprehension per column and numpy filtering; it also computes the edge order
   once (``edge_order`` was recomputed by forward pass, backward pass and sequenced stages).
4. ``validation``: fast paths that prove the absence of problems from the compiled graph instead of per-item
   Python loops (duplicate decision ids, unknown references of decisions and dependencies, self links).
   (The duplicate-dependency check and the unresolved-dependency shortcut went into planner in dfb7a09.)
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

import numpy as np

from planner.analysis import validation as V
from planner.analysis.findings import Finding, sort_findings
from planner.analysis.graph import TYPE_CODES, PlanGraph, durations
from planner.model.plan import Plan

# ----------------------------------------------------------------------------------------------------------------
# graph.py
# ----------------------------------------------------------------------------------------------------------------


def topological_order_fast(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[list[int] | None, list[int]]:
    """Kahn's algorithm over a CSR adjacency (same contract as ``topological_order``)."""
    if n == 0:
        return [], []
    indeg = np.bincount(dst, minlength=n)
    perm = np.argsort(src, kind="stable")
    succ = dst[perm].tolist()
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=ptr[1:])
    ptr_l = ptr.tolist()
    deg = indeg.tolist()
    order = np.flatnonzero(indeg == 0).tolist()
    append = order.append
    head = 0
    while head < len(order):
        u = order[head]
        head += 1
        for v in succ[ptr_l[u]:ptr_l[u + 1]]:
            deg[v] -= 1
            if deg[v] == 0:
                append(v)
    if len(order) == n:
        return order, []
    return None, [i for i in range(n) if deg[i] > 0]


_FROM, _TO, _TYPE, _LAG = attrgetter("from_"), attrgetter("to"), attrgetter("type"), attrgetter("lag")


def compile_plan_fast(plan: Plan, estimate: str = "likely", dur: np.ndarray | None = None) -> PlanGraph:
    """Same result as ``compile_plan``; column-wise comprehensions, numpy filtering, CSR topological sort."""
    decisions = plan.decisions
    ids = [d.id for d in decisions]
    n = len(ids)
    index = dict(zip(ids, range(n), strict=True))
    if len(index) != n:  # duplicate ids: the first occurrence wins
        index = {}
        for i, did in enumerate(ids):
            index.setdefault(did, i)
    stage_pos = plan.stage_index()
    sget = stage_pos.get
    stage = np.array([sget(d.stage, -1) for d in decisions], dtype=np.int64).reshape(n)
    nb = np.array([d.not_before or 0.0 for d in decisions], dtype=np.float64).reshape(n)
    duration = durations(plan, estimate) if dur is None else dur

    deps = plan.dependencies
    m = len(deps)
    get = index.get
    src = np.array([get(x, -1) for x in map(_FROM, deps)], dtype=np.int64).reshape(m)
    dst = np.array([get(x, -1) for x in map(_TO, deps)], dtype=np.int64).reshape(m)
    kind = np.array(list(map(TYPE_CODES.__getitem__, map(_TYPE, deps))), dtype=np.int8).reshape(m)
    lag = np.array(list(map(_LAG, deps)), dtype=np.float64).reshape(m)
    ok = (src >= 0) & (dst >= 0) & (src != dst)
    if ok.all():
        edge_dep = np.arange(m, dtype=np.int64)
    else:
        edge_dep = np.flatnonzero(ok)
        src, dst, kind, lag = src[ok], dst[ok], kind[ok], lag[ok]
    order, leftover = topological_order_fast(n, src, dst)
    return PlanGraph(ids=ids, index=index, duration=duration, not_before=nb, stage=stage, src=src, dst=dst,
                     kind=kind, lag=lag, edge_dep=edge_dep, order=order, cyclic=leftover)


# ----------------------------------------------------------------------------------------------------------------
# stages.py
# ----------------------------------------------------------------------------------------------------------------


def gated_schedule_fast(graph: PlanGraph, weight: np.ndarray, seq: np.ndarray, n_stages: int) -> tuple[
    np.ndarray, np.ndarray, list[float]
]:
    """Same contract as ``stages.gated_schedule``: the edge-relaxation forward pass, one sequenced stage at a
    time. Sequenced stages never decrease along a link, so sorting the links by (stage of source, topological
    position of source) relaxes every link after its source is final; a stage's gate floor is applied to its
    decisions before any of their out-links are relaxed."""
    n = graph.n
    assert graph.order is not None
    es_a = np.maximum(graph.not_before, 0.0)
    gates = [0.0] * n_stages
    if n == 0:
        return es_a, es_a + graph.duration, gates
    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(n)
    src, dst = graph.src, graph.dst
    seq_src = seq[src]
    eo = np.lexsort((pos[src], seq_src))
    # Links per stage of their source, in that order.
    bounds = np.searchsorted(seq_src[eo], np.arange(n_stages + 1), side="left").tolist()
    bounds[0] = 0  # decisions in an unknown stage (-1, only with validation errors) go with stage 0, as before
    s_l, d_l, w_l = src[eo].tolist(), dst[eo].tolist(), weight[eo].tolist()
    d = graph.duration
    gate_prev = 0.0
    es = es_a.tolist()
    for k in range(n_stages):
        mine = np.flatnonzero(seq == k) if k else np.flatnonzero(seq <= 0)
        if len(mine):
            # the gate floor, then this stage's out-links
            cur = np.maximum(np.array([es[i] for i in mine.tolist()]), gate_prev)
            for i, t in zip(mine.tolist(), cur.tolist(), strict=True):
                es[i] = t
            for u, v, w in zip(s_l[bounds[k]:bounds[k + 1]], d_l[bounds[k]:bounds[k + 1]],
                               w_l[bounds[k]:bounds[k + 1]], strict=True):
                t = es[u] + w
                if t > es[v]:
                    es[v] = t
            stage_max = float((np.array([es[i] for i in mine.tolist()]) + d[mine]).max())
        else:
            stage_max = 0.0
        gates[k] = max(gate_prev, stage_max)
        gate_prev = gates[k]
    es_a = np.array(es, dtype=np.float64)
    return es_a, es_a + d, gates


# ----------------------------------------------------------------------------------------------------------------
# validation.py
# ----------------------------------------------------------------------------------------------------------------


def validate_fast(plan: Plan, graph: PlanGraph) -> list[Finding]:
    """Same findings, same order as ``validation.validate``; the per-dependency loops are skipped when the
    compiled graph proves there is nothing to report."""
    ids = graph.ids
    titles = dict(zip(reversed(ids), reversed([d.title for d in plan.decisions]), strict=True))  # first wins

    def nm(did: str) -> str:
        return V.name(plan, did, titles)

    all_linked = len(graph.src) == len(plan.dependencies)  # no unknown ends, no self links
    out: list[Finding] = []
    out += _duplicate_ids_fast(plan, graph)
    out += _unknown_references_fast(plan, graph, titles, nm, all_linked)
    out += [] if all_linked else V._self_dependencies(plan, nm)
    out += V._cycles(graph, nm)
    out += V._milestones(plan, nm)
    out += V._duplicate_dependencies(plan, graph, nm)  # numpy-based in planner since dfb7a09
    out += V._stage_inversions(plan, graph, nm)
    out += V._gates_not_met(plan)
    out += V._isolated(plan, graph, nm)
    out += V._empty_stages(plan)
    out += V._missing_owner(plan, nm)
    return sort_findings(out)


def _duplicate_ids_fast(plan: Plan, graph: PlanGraph) -> list[Finding]:
    if len(graph.index) != len(plan.decisions):
        return V._duplicate_ids(plan)
    # Decisions are unique; the other lists are short.
    out = []
    for kind, items in (("stage", plan.stages), ("area", plan.areas), ("team", plan.teams), ("risk", plan.risks)):
        for did, c in Counter(item.id for item in items).items():
            if c > 1:
                out.append(Finding(V.E, "duplicate-id",
                                   f"{c} {kind}s share the id '{did}'. Ids must be unique; rename all but one.", []))
    return out


def _unknown_references_fast(plan: Plan, graph: PlanGraph, titles: dict[str, str], nm,  # type: ignore[no-untyped-def]
                             all_linked: bool) -> list[Finding]:
    if not all_linked:
        return V._unknown_references(plan, graph, titles, nm)
    # Every dependency resolved, so only decisions and risks can hold unknown references.
    stages = {s.id for s in plan.stages}
    areas = {a.id for a in plan.areas}
    teams = {t.id for t in plan.teams}
    used_stages = {d.stage for d in plan.decisions}
    used_areas = {d.area for d in plan.decisions}
    used_owners = {d.owner for d in plan.decisions}
    if (used_stages <= stages and used_areas - {None} <= areas and used_owners - {None} <= teams
            and not plan.risks):
        return []
    return V._unknown_references(plan, graph, titles, nm)
