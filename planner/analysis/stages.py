"""Stages (SPEC §3.3): windows, inversions, sequenced stages, the gated schedule and its price, readiness."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.analysis.graph import (
    Columns,
    PlanGraph,
    durations,
    forward_sweep,
    gc_paused,
    generations,
    graph_columns,
    level_synchronous,
    links_max,
    make_sweep,
    sweep_max,
)
from planner.analysis.progress import part_done
from planner.analysis.schedule import Schedule
from planner.model import units
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

    def to_dict(self, start_date: dt.date | None = None) -> dict[str, Any]:
        """SPEC §4's stage object; with ``start_date``, ISO dates beside the weeks and the gate (gated schedule)."""
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "finish": self.finish,
            "gated_start": self.gated_start,
            "gated_finish": self.gated_finish,
            "gate": self.gate,
        }
        if start_date is not None:
            out.update(
                {
                    "start_date": units.iso_date(start_date, self.start),
                    "finish_date": units.iso_date(start_date, self.finish),
                    "gated_start_date": units.iso_date(start_date, self.gated_start),
                    "gated_finish_date": units.iso_date(start_date, self.gated_finish),
                    "gate_date": units.iso_date(start_date, self.gate),
                }
            )
        # Readiness (SPEC §3.3), as the text's 'criteria' and 'done' columns show it: gate criteria met of all, and
        # the share of the stage's planned weeks on decisions done (None for a stage with no work).
        out["criteria_met"] = self.criteria_met
        out["criteria_total"] = self.criteria_total
        out["done_share"] = self.done_share
        return out


@dataclass
class StageAnalysis:
    stages: list[StageResult]
    sequenced: np.ndarray  # sequenced stage position per decision (plan order)
    inversions: list[tuple[str, str]]
    gated_es: np.ndarray
    gated_ef: np.ndarray
    gated_finish: float
    gating_price: float  # gated_finish - rolling finish, weeks
    notes: list[str] = field(default_factory=list)
    # What :attr:`suggested_moves` is made from: the decisions' ids, assigned stages (positions) and the stage ids.
    moves_from: tuple[list[str], np.ndarray, list[str]] = field(
        default_factory=lambda: ([], np.zeros(0, dtype=np.int64), []), repr=False, compare=False
    )
    _moves: list[tuple[str, str, str]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def suggested_moves(self) -> list[tuple[str, str, str]]:
        """``(decision id, assigned stage id, sequenced stage id)`` of every decision the gated schedule runs in a
        later stage than its own (SPEC §3.3), in plan order. Made when first asked (issue 12: at 100k decisions
        ~80,000 tuples, which ``analyze --format json`` never reads, and which the cyclic collector walked once the
        analysis was done); treat as read-only."""
        if self._moves is None:
            ids, assigned, stage_ids = self.moves_from
            moved = np.flatnonzero(self.sequenced > assigned)
            at = stage_ids.__getitem__
            self._moves = list(
                zip(
                    map(ids.__getitem__, moved.tolist()),
                    map(at, assigned[moved].tolist()),
                    map(at, self.sequenced[moved].tolist()),
                    strict=True,
                )
            )
        return self._moves

    def stage(self, stage_id: str) -> StageResult:
        return next(s for s in self.stages if s.id == stage_id)

    def sequencing_moves(self) -> list[tuple[str, str, list[str]]]:
        """``(assigned stage id, sequenced stage id, decision ids)`` for every pair of stages between which the
        gated schedule moves decisions (SPEC §3.3), in stage order; empty when sequencing moves nothing."""
        order = {r.id: k for k, r in enumerate(self.stages)}
        groups: dict[tuple[str, str], list[str]] = {}
        for did, frm, to in self.suggested_moves:
            groups.setdefault((frm, to), []).append(did)
        return [
            (frm, to, ids)
            for (frm, to), ids in sorted(
                groups.items(), key=lambda kv: (order.get(kv[0][0], -1), order.get(kv[0][1], -1))
            )
        ]

    def sequencing_text(self) -> list[str]:
        """One sentence per stage pair, the words every view uses when it counts or draws decisions by sequenced
        stage: ``2 Integrate decisions run in Operationalize under strict gates``."""
        names = {r.id: r.name for r in self.stages}
        out = []
        for frm, to, ids in self.sequencing_moves():
            n = len(ids)
            out.append(
                f"{n} {names.get(frm, frm)} {units.agree(n, 'decision runs', 'decisions run')} "
                f"in {names.get(to, to)} under strict gates"
            )
        return out


def sequenced_stages(graph: PlanGraph) -> np.ndarray:
    """``seq_j = max(stage_j, max over predecessors i of seq_i)`` (stage positions)."""
    seq = np.array(graph.stage, dtype=np.int64)
    if len(graph.src) and graph.order is not None:
        if level_synchronous(graph):
            sweep_max(forward_sweep(graph), seq, None)  # a generation at a time (issue 12)
        else:
            seq = links_max(graph, seq, None)
    return seq


def gated_schedule(
    graph: PlanGraph, weight: np.ndarray, seq: np.ndarray, n_stages: int
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Forward pass on sequenced stages where no decision of stage k starts before Gate_(k-1).

    Returns (ES, EF, gates) with ``gates[k] = max(gates[k-1], max EF in stage k)`` and Gate_(-1) = 0.

    A forward pass one stage at a time: sequenced stages never decrease along a link, so when stage ``k`` is
    reached every predecessor in an earlier stage is final; its decisions start no earlier than the gate before
    them, then its links are relaxed a generation at a time (:func:`planner.analysis.graph.sweep_max` over the
    links into the stage). An unknown stage (-1, only with validation errors) goes with the first stage.
    """
    n = graph.n
    assert graph.order is not None
    d = graph.duration
    es = np.maximum(graph.not_before, 0.0)
    gates = [0.0] * n_stages
    if n == 0:
        return es, es + d, gates
    if not level_synchronous(graph):
        return _gated_by_links(graph, weight, seq, n_stages)
    seqc = np.maximum(seq, 0)
    fwd = forward_sweep(graph) if len(graph.src) else None
    if fwd is not None:
        # The forward sweep's links, split by the stage of their successor (a stable partition keeps each part in
        # generation order).
        by = np.argsort(seqc[graph.dst[fwd.edges]].astype(np.int16), kind="stable")
        cuts = np.searchsorted(seqc[graph.dst[fwd.edges[by]]], np.arange(n_stages + 1)).tolist()
        gen = generations(graph)
    node_stage = np.argsort(seqc.astype(np.int16), kind="stable")  # (a counting sort)
    node_cuts = np.searchsorted(seqc[node_stage], np.arange(n_stages + 1)).tolist()
    gate_prev = 0.0
    for k in range(n_stages):
        mine = node_stage[node_cuts[k] : node_cuts[k + 1]]
        stage_max = 0.0
        if len(mine):
            es[mine] = np.maximum(es[mine], gate_prev)
            if fwd is not None and cuts[k] < cuts[k + 1]:
                part = fwd.edges[by[cuts[k] : cuts[k + 1]]]
                sweep_max(make_sweep(part, graph.dst, graph.src, gen), es, weight)
            stage_max = float((es[mine] + d[mine]).max())
        gates[k] = max(gate_prev, stage_max)
        gate_prev = gates[k]
    return es, es + d, gates


def _gated_by_links(
    graph: PlanGraph, weight: np.ndarray, seq: np.ndarray, n_stages: int
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """:func:`gated_schedule` one link at a time: links sorted by (stage of source, topological position of
    source) are relaxed after their source is final, and a stage's gate floor is applied to its decisions before
    any of their out-links (for graphs with few links per generation, see ``graph.level_synchronous``)."""
    n = graph.n
    assert graph.order is not None
    d = graph.duration
    es_a = np.maximum(graph.not_before, 0.0)
    gates = [0.0] * n_stages
    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(graph.order, dtype=np.int64)] = np.arange(n)
    src, dst = graph.src, graph.dst
    seq_src = seq[src]
    eo = np.lexsort((pos[src], seq_src))
    bounds = np.searchsorted(seq_src[eo], np.arange(n_stages + 1), side="left").tolist()
    bounds[0] = 0  # an unknown stage (-1, only with validation errors) goes with the first stage
    s_l, d_l, w_l = src[eo].tolist(), dst[eo].tolist(), weight[eo].tolist()
    es = es_a.tolist()
    gate_prev = 0.0
    for k in range(n_stages):
        mine = (np.flatnonzero(seq == k) if k else np.flatnonzero(seq <= 0)).tolist()
        stage_max = 0.0
        if mine:
            for i in mine:  # the gate floor first, then this stage's out-links
                if es[i] < gate_prev:
                    es[i] = gate_prev
            for u, v, w in zip(
                s_l[bounds[k] : bounds[k + 1]],
                d_l[bounds[k] : bounds[k + 1]],
                w_l[bounds[k] : bounds[k + 1]],
                strict=True,
            ):
                t = es[u] + w
                if t > es[v]:
                    es[v] = t
            stage_max = float((np.array([es[i] for i in mine]) + d[mine]).max())
        gates[k] = max(gate_prev, stage_max)
        gate_prev = gates[k]
    es_a = np.array(es, dtype=np.float64)
    return es_a, es_a + d, gates


def started_at(plan: Plan, sched: Schedule, cols: Columns | None = None) -> np.ndarray:
    """Where each decision's work done began (weeks, plan order; never before the plan start), NaN where nothing is
    done: :func:`planner.analysis.progress.part_done` on ``sched``, the schedule of the remaining work."""
    began, _ = part_done(plan, sched.es, sched.ef, sched.duration, sched.estimate, cols)
    return np.maximum(began, 0.0)  # NaN stays NaN


def analyze_stages(plan: Plan, sched: Schedule, seq: np.ndarray | None = None) -> StageAnalysis:
    """Stage windows (rolling and gated), inversions, suggested moves, gated finish and readiness. ``seq``: the
    sequenced stages when already known (they depend on the links and stages only, not on the durations)."""
    with gc_paused():  # issue 12: a tuple per moved decision, no cyclic collections over a big loaded plan
        return _analyze_stages(plan, sched, seq)


def _analyze_stages(plan: Plan, sched: Schedule, seq: np.ndarray | None) -> StageAnalysis:
    g = sched.graph
    k = len(plan.stages)
    if seq is None:
        seq = sequenced_stages(g)
    gated_es, gated_ef, gates = gated_schedule(g, sched.weight, seq, k)
    gated_finish = gates[-1] if gates else 0.0
    price = max(0.0, gated_finish - sched.finish)
    if price <= sched.tolerance:
        price = 0.0

    ids = g.ids
    inversions: list[tuple[str, str]] = []
    if len(g.src):
        bad = np.flatnonzero(g.stage[g.src] > g.stage[g.dst])
        at = ids.__getitem__
        inversions = list(zip(map(at, g.src[bad].tolist()), map(at, g.dst[bad].tolist()), strict=True))

    cols = graph_columns(plan, g)
    if cols is not None:  # the analysis's own columns (issue 12)
        done = cols.status_is(Status.DONE)
        planned = cols.durations(sched.estimate)
    else:
        done = np.fromiter((d.status is Status.DONE for d in plan.decisions), dtype=bool, count=g.n)
        # Readiness weighs by planned weeks: the schedule's durations are the remaining work (0 when done).
        planned = durations(plan, sched.estimate) if len(plan.decisions) == g.n else g.duration
    # A stage's work began where its earliest work began: the schedule runs on the remaining work, so a stage whose
    # first decisions are done or under way starts, in it, only where their remaining work does (the status date, or
    # an actual finish); the work done (progress.part_done, as the charts draw it) came before.
    began = started_at(plan, sched, cols)
    results = []
    for si, st in enumerate(plan.stages):
        mine = np.flatnonzero(g.stage == si)
        gmine = np.flatnonzero(seq == si)
        dur = planned[mine]
        if len(mine):
            # Summed exactly (math.fsum), not in the file's order: 0.3 of 0.1 + 0.3 + 0.3 + 0.1 weeks read 38% in
            # one order and 37% (0.37499999999999994) in another.
            total = math.fsum(dur.tolist())
            done_share = (
                math.fsum(dur[done[mine]].tolist()) / total if total > 0 else float(done[mine].mean())
            )
        else:
            done_share = None
        results.append(
            StageResult(
                id=st.id,
                name=st.name,
                start=float(np.fmin(sched.es[mine], began[mine]).min()) if len(mine) else None,
                finish=float(sched.ef[mine].max()) if len(mine) else None,
                gated_start=float(np.fmin(gated_es[gmine], began[gmine]).min()) if len(gmine) else None,
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
        moves_from=(ids, g.stage, [x.id for x in plan.stages]),
        gated_es=gated_es,
        gated_ef=gated_ef,
        gated_finish=float(gated_finish),
        gating_price=float(price),
    )
