"""Stages (SPEC §3.3): windows, inversions, sequenced stages, the gated schedule and its price, readiness."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.analysis.graph import PlanGraph
from planner.analysis.schedule import Schedule
from planner.model.plan import Plan, Status


@dataclass
class StageResult:
    """One stage's figures (weeks). Windows are None for a stage with no decisions."""

    id: str
    name: str
    start: float | None
    finish: float | None
    gated_start: float | None
    gated_finish: float | None
    gate: float  # the gate date: every decision of this and earlier (sequenced) stages has finished
    criteria_met: int
    criteria_total: int
    done_share: float | None  # share of the stage's decisions done, weighted by duration

    @property
    def criteria_share(self) -> float | None:
        return None if self.criteria_total == 0 else self.criteria_met / self.criteria_total

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "finish": self.finish,
            "gated_start": self.gated_start,
            "gated_finish": self.gated_finish,
        }


@dataclass
class StageAnalysis:
    stages: list[StageResult]
    sequenced: np.ndarray  # sequenced stage position per decision (plan order)
    inversions: list[tuple[str, str]]
    suggested_moves: list[tuple[str, str, str]]  # (decision id, assigned stage id, sequenced stage id)
    gated_es: np.ndarray
    gated_ef: np.ndarray
    gated_finish: float
    gating_price: float  # gated_finish - rolling finish, weeks
    notes: list[str] = field(default_factory=list)

    def stage(self, stage_id: str) -> StageResult:
        return next(s for s in self.stages if s.id == stage_id)


def sequenced_stages(graph: PlanGraph) -> np.ndarray:
    """``seq_j = max(stage_j, max over predecessors i of seq_i)`` (stage positions)."""
    seq = graph.stage.tolist()
    if len(graph.src) and graph.order is not None:
        from planner.analysis.graph import edge_order

        order = edge_order(graph)
        for u, v in zip(graph.src[order].tolist(), graph.dst[order].tolist(), strict=True):
            if seq[u] > seq[v]:
                seq[v] = seq[u]
    return np.array(seq, dtype=np.int64)


def gated_schedule(graph: PlanGraph, weight: np.ndarray, seq: np.ndarray, n_stages: int) -> tuple[
    np.ndarray, np.ndarray, list[float]
]:
    """Forward pass on sequenced stages where no decision of stage k starts before Gate_(k-1).

    Returns (ES, EF, gates) with ``gates[k] = max(gates[k-1], max EF in stage k)`` and Gate_(-1) = 0.
    """
    n = graph.n
    d = graph.duration.tolist()
    floor = np.maximum(graph.not_before, 0.0).tolist()
    es = [0.0] * n
    assert graph.order is not None
    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(n)
    # Sequenced stages never decrease along a dependency, so (stage, topological position) is a topological
    # order in which every stage's decisions come after all earlier stages' decisions.
    node_order = np.lexsort((pos, seq)).tolist() if n else []
    preds: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for u, v, w in zip(graph.src.tolist(), graph.dst.tolist(), weight.tolist(), strict=True):
        preds[v].append((u, w))
    seq_l = seq.tolist()
    gates = [0.0] * n_stages
    gate_prev = 0.0
    current = 0
    stage_max = 0.0
    for v in node_order:
        k = seq_l[v]
        while current < k:
            gates[current] = max(gate_prev, stage_max)
            gate_prev = gates[current]
            stage_max = 0.0
            current += 1
        t = floor[v] if floor[v] > gate_prev else gate_prev
        for u, w in preds[v]:
            c = es[u] + w
            if c > t:
                t = c
        es[v] = t
        f = t + d[v]
        if f > stage_max:
            stage_max = f
    while current < n_stages:
        gates[current] = max(gate_prev, stage_max)
        gate_prev = gates[current]
        stage_max = 0.0
        current += 1
    es_a = np.array(es, dtype=np.float64)
    return es_a, es_a + graph.duration, gates


def analyze_stages(plan: Plan, sched: Schedule) -> StageAnalysis:
    """Stage windows (rolling and gated), inversions, suggested moves, gated finish and readiness."""
    g = sched.graph
    k = len(plan.stages)
    seq = sequenced_stages(g)
    gated_es, gated_ef, gates = gated_schedule(g, sched.weight, seq, k)
    gated_finish = gates[-1] if gates else 0.0
    price = max(0.0, gated_finish - sched.finish)
    if price <= sched.tolerance:
        price = 0.0

    inversions: list[tuple[str, str]] = []
    if len(g.src):
        bad = np.flatnonzero(g.stage[g.src] > g.stage[g.dst])
        inversions = [(g.ids[int(g.src[e])], g.ids[int(g.dst[e])]) for e in bad.tolist()]
    moved = np.flatnonzero(seq > g.stage).tolist()
    suggested = [(g.ids[i], plan.stages[int(g.stage[i])].id, plan.stages[int(seq[i])].id) for i in moved]

    done = np.fromiter((d.status is Status.DONE for d in plan.decisions), dtype=bool, count=g.n)
    results = []
    for si, st in enumerate(plan.stages):
        mine = np.flatnonzero(g.stage == si)
        gmine = np.flatnonzero(seq == si)
        dur = g.duration[mine]
        if len(mine):
            total = float(dur.sum())
            done_share = float(dur[done[mine]].sum() / total) if total > 0 else float(done[mine].mean())
        else:
            done_share = None
        results.append(
            StageResult(
                id=st.id,
                name=st.name,
                start=float(sched.es[mine].min()) if len(mine) else None,
                finish=float(sched.ef[mine].max()) if len(mine) else None,
                gated_start=float(gated_es[gmine].min()) if len(gmine) else None,
                gated_finish=float(gated_ef[gmine].max()) if len(gmine) else None,
                gate=float(gates[si]),
                criteria_met=sum(1 for c in st.gate_criteria if c.met),
                criteria_total=len(st.gate_criteria),
                done_share=done_share,
            )
        )
    return StageAnalysis(
        stages=results,
        sequenced=seq,
        inversions=inversions,
        suggested_moves=suggested,
        gated_es=gated_es,
        gated_ef=gated_ef,
        gated_finish=float(gated_finish),
        gating_price=float(price),
    )
