"""Monte Carlo schedule risk analysis (SPEC §3.4): uncertain durations and the risk register.

Each iteration samples every decision's duration from the triangular distribution (optimistic, likely,
pessimistic) of its estimate, fires every risk of the register with its probability (adding the risk's sampled
delay, in weeks, to the duration of each decision it names), and runs the CPM forward and backward passes of
SPEC §3.2 on those durations -- all four dependency types, lags, leads and ``not_before``, exactly like
:func:`planner.analysis.schedule.schedule`. A milestone always takes 0 weeks.

How it is computed (see PERF-NOTES, "Monte Carlo"): the decisions are renumbered level by level in topological
order, and the passes walk the levels with each step vectorised over a chunk of iterations (numpy arrays of shape
``(decisions, chunk)``), so the Python overhead is per level, not per iteration, and memory is bounded by the
chunk size whatever the number of iterations.

Randomness: ``numpy.random.default_rng`` streams spawned from ``seed`` -- one for durations, one for the risks.
Each iteration consumes one uniform per decision (float32, in plan order) and two per risk, so the same seed gives
the same results whatever the chunk size, and a risk with probability 0 changes nothing at all. Durations are
drawn by the inverse of the triangular CDF, which is the algorithm ``Generator.triangular`` uses, written out so
that it is vectorised over per-decision parameters and so that ``optimistic == pessimistic`` simply yields that
value.

Results (:class:`SimulationResult`), all in weeks from the plan start:

- the finish of every iteration; its mean, standard deviation and percentiles (P10, P50, P80, P90, P95, linear
  interpolation between order statistics) and the probability of finishing by a given week or date;
- each decision's **criticality index**: the share of iterations in which its total float is within the CPM
  tolerance ``1e-7 * max(1, T)`` of that iteration's finish ``T``;
- the **sensitivity** of the finish to each decision: the Pearson correlation, across iterations, of the
  decision's duration in that iteration (including risk delays) with the finish;
- each stage's **end** distribution: in an iteration, the end of stage ``k`` is the latest early finish
  of any decision whose *sequenced* stage (SPEC §3.3) is ``k`` or earlier, in the rolling (not gated) schedule of
  that iteration -- the date by which everything up to and including stage ``k`` is done (0 when there is none).
  It is not a *gate* (SPEC §3.3: gates belong to the gated schedule only), so the JSON calls it ``end_p50``/``end_p80``;
- for each risk, the finish P80 with the whole register and without that one risk (same samples otherwise).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.analysis.cost import CostVectors, cost_vectors, has_costs, iteration_costs
from planner.analysis.graph import PlanGraph, compile_plan
from planner.analysis.progress import RELEASED_WEIGHT, ProgressGraph, apply_progress, progress_state
from planner.analysis.schedule import ScheduleError
from planner.analysis.stages import sequenced_stages
from planner.model import units
from planner.model.plan import Plan, duration_triple

PERCENTILES: tuple[int, ...] = (10, 50, 80, 90, 95)
DEFAULT_ITERATIONS = 10_000
DEFAULT_SEED = 0

Progress = Callable[[int, int], "bool | None"]
"""``progress(done_iterations, total_iterations)``; returning ``False`` cancels the run."""

# Working memory per chunk is about 7 arrays of decisions x chunk float64 values (~60 MB at 1M cells); arrays
# of at most 16 MB are also recycled by malloc instead of being mapped afresh (page faults) for every chunk.
_CHUNK_CELLS = 4_000_000
_MAX_CHUNK = 1_000
_MIN_CHUNK = 64
_SAMPLE_BLOCK = 256


class SimulationCancelled(Exception):
    """The progress callback asked to stop; no result is produced."""


# -- results --------------------------------------------------------------------------------------------------
@dataclass
class RiskEffect:
    """What one risk does to the finish: P80 with the whole register and with this risk never firing."""

    id: str
    title: str
    probability: float
    fired: float  # share of iterations in which it fired
    p80_without: float
    p80_with: float

    @property
    def delta(self) -> float:
        """Weeks this risk adds to the finish P80."""
        return self.p80_with - self.p80_without

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "p80_without": self.p80_without, "p80_with": self.p80_with}


@dataclass
class StageGates:
    """The end of one stage (everything up to it done, rolling schedule) in every iteration (weeks).

    See the module docstring for the definition; it is not a gate of the gated schedule.
    """

    id: str
    name: str
    samples: np.ndarray
    deterministic: float  # the same definition on the CPM (likely) schedule

    def percentile(self, q: float) -> float:
        return float(np.percentile(self.samples, q))

    def to_dict(self, start_date: dt.date | None = None) -> dict[str, Any]:
        p50, p80 = self.percentile(50), self.percentile(80)
        out: dict[str, Any] = {"id": self.id, "end_p50": p50, "end_p80": p80}
        if start_date is not None:
            out.update(
                {
                    "end_p50_date": units.iso_date(start_date, p50),
                    "end_p80_date": units.iso_date(start_date, p80),
                }
            )
        return out


@dataclass
class SimulationResult:
    """The outcome of :func:`simulate`. Arrays over decisions are in plan order (``ids``)."""

    ids: list[str]
    titles: list[str]
    iterations: int
    seed: int
    finish: np.ndarray  # (iterations,) weeks
    deterministic_finish: float  # the CPM finish under likely estimates, without risks
    criticality: np.ndarray  # (decisions,) share of iterations in which each decision is critical
    correlation: (
        np.ndarray
    )  # (decisions,) Pearson correlation of duration with finish; 0 when it never varies
    varies: np.ndarray  # (decisions,) bool: the duration varied across iterations
    stages: list[StageGates]
    risks: list[RiskEffect]
    start_date: dt.date | None = None
    samples: np.ndarray | None = None  # (iterations, decisions) durations, only with ``keep_samples=True``
    # Costs (planner.analysis.cost), only when the plan has any: spend and cost of delay per iteration, from
    # the same sampled durations and finishes; no extra random numbers, so the other figures do not change.
    cost: np.ndarray | None = None
    delay_cost: np.ndarray | None = None
    cost_inputs: CostVectors | None = None
    notes: list[str] = field(default_factory=list)

    # -- summary figures -----------------------------------------------------------------------------------
    @property
    def mean(self) -> float:
        return float(self.finish.mean()) if self.iterations else 0.0

    @property
    def std(self) -> float:
        return float(self.finish.std()) if self.iterations else 0.0

    def percentile(self, q: float) -> float:
        """The finish (weeks) that ``q`` percent of iterations do not exceed."""
        return float(np.percentile(self.finish, q))

    def percentiles(self) -> dict[str, float]:
        """``{"p10": ..., "p50": ..., "p80": ..., "p90": ..., "p95": ...}`` in weeks."""
        values = np.percentile(self.finish, PERCENTILES)
        return {f"p{q}": float(v) for q, v in zip(PERCENTILES, values, strict=True)}

    def probability_by(self, week: float) -> float:
        """Share of iterations that finish by ``week`` (weeks from the plan start, inclusive)."""
        tol = 1e-9 * max(1.0, abs(week))
        return (
            float(np.count_nonzero(self.finish <= week + tol) / self.iterations) if self.iterations else 1.0
        )

    def week_of(self, date: dt.date) -> float:
        """``date`` as weeks from the plan start; needs the plan's ``start_date``."""
        if self.start_date is None:
            raise ValueError("the plan has no start_date, so dates cannot be turned into weeks")
        return (date - self.start_date).days / 7.0

    def date_of(self, week: float) -> dt.date | None:
        return units.week_to_date(self.start_date, week)

    def criticality_of(self, decision_id: str) -> float:
        return float(self.criticality[self.ids.index(decision_id)])

    def sensitivity(self) -> list[tuple[str, float]]:
        """(id, correlation) of every decision whose duration varies, highest correlation first (then id)."""
        rows = [(self.ids[i], float(self.correlation[i])) for i in np.flatnonzero(self.varies).tolist()]
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows

    def to_dict(self, by_week: float | None = None) -> dict[str, Any]:
        """The JSON object of ``planner simulate --format json``."""
        out: dict[str, Any] = {
            "iterations": self.iterations,
            "seed": self.seed,
            "finish": {"mean": self.mean, "std": self.std, **self.percentiles()},
        }
        if self.start_date is not None:
            out["start_date"] = self.start_date.isoformat()
            out["finish_dates"] = {
                k: units.iso_date(self.start_date, v)
                for k, v in {"mean": self.mean, **self.percentiles()}.items()
            }
            out["deterministic_finish_date"] = units.iso_date(self.start_date, self.deterministic_finish)
        if by_week is not None:
            by: dict[str, Any] = {"week": by_week, "probability": self.probability_by(by_week)}
            date = self.date_of(by_week)
            if date is not None:
                by["date"] = date.isoformat()
            out["probability_by"] = by
        out["criticality"] = {i: float(c) for i, c in zip(self.ids, self.criticality.tolist(), strict=True)}
        out["sensitivity"] = [{"id": i, "correlation": c} for i, c in self.sensitivity()]
        out["stages"] = [s.to_dict(self.start_date) for s in self.stages]
        out["risks"] = [r.to_dict() for r in self.risks]
        if self.cost is not None:
            from planner.analysis.cost import cost_risk

            risk = cost_risk(self)
            if risk is not None:
                out["cost"] = risk.to_dict()
        return out


# -- the compiled simulation model ---------------------------------------------------------------------------
# Each pass (forward, backward) has its own numbering of the decisions: by level (longest path from the sources
# for the forward pass, to the sinks for the backward pass), and within a level by the number of "primary" links
# (forward: FS/SS into the node; backward: FS/FF out of it), most first. Then the j-th primary link of every node
# that has more than j of them targets a *prefix* of the level, so each step is one gather and one in-place
# maximum (minimum) on a slice -- no scatter, no ``reduceat`` (which is slow along axis 0). The remaining links
# (FF/SF forward, SS/SF backward; rarer) need the target's own duration and go through index arrays.


@dataclass
class _Level:
    lo: int
    hi: int
    prefix: list[tuple[int, np.ndarray, np.ndarray | None]]  # (count, rows, lag) per slot
    other: list[tuple[np.ndarray, np.ndarray, np.ndarray | None]]  # (targets, rows, lag) per slot


@dataclass
class _Pass:
    perm: np.ndarray  # position in this numbering -> plan index
    pos: np.ndarray  # plan index -> position
    levels: list[_Level]


@dataclass
class _Model:
    n: int
    fwd: _Pass
    bwd: _Pass
    b_from_f: np.ndarray  # backward position -> forward position
    low: np.ndarray  # triangular parameters, forward numbering
    mode: np.ndarray
    high: np.ndarray
    split: np.ndarray  # CDF at the mode
    fixed: np.ndarray  # bool: low == high
    floor: np.ndarray  # max(0, not_before), forward numbering
    stage_rows: list[np.ndarray]  # per stage, forward positions whose sequenced stage is that stage
    risk_rows: list[np.ndarray]  # per risk, forward positions of its decisions
    risk_low: np.ndarray
    risk_mode: np.ndarray
    risk_high: np.ndarray
    risk_p: np.ndarray
    level_lo: np.ndarray  # first forward position of each forward level

    def __post_init__(self) -> None:
        self.low32, self.mode32, self.high32, self.split32 = (
            x.astype(np.float32) for x in (self.low, self.mode, self.high, self.split)
        )


def _triangular_params(triples: list[tuple[float, float, float]]) -> tuple[np.ndarray, ...]:
    arr = np.array(triples, dtype=np.float64).reshape(-1, 3)
    low, mode, high = arr[:, 0].copy(), arr[:, 1].copy(), arr[:, 2].copy()
    span = high - low
    fixed = span <= 0
    split = np.divide(mode - low, span, out=np.zeros_like(span), where=~fixed)
    return low, mode, high, split, fixed


def _depth(n: int, order: list[int], tail: list[int], head: list[int]) -> np.ndarray:
    """Longest path, in links, from a node with no incoming link (``tail -> head``) along ``order``."""
    level = [0] * n
    into: list[list[int]] = [[] for _ in range(n)]
    for u, v in zip(tail, head, strict=True):
        into[v].append(u)
    for v in order:
        for u in into[v]:
            if level[u] + 1 > level[v]:
                level[v] = level[u] + 1
    return np.array(level, dtype=np.int64)


def _slots(
    nodes: np.ndarray, rows: np.ndarray, lag: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Split links (sorted by target node) into slots: slot j holds the j-th link of every node having one."""
    if not len(nodes):
        return []
    first = np.r_[0, np.flatnonzero(np.diff(nodes)) + 1]
    rank = np.arange(len(nodes)) - np.repeat(first, np.diff(np.r_[first, len(nodes)]))
    out = []
    for j in range(int(rank.max()) + 1):
        sel = rank == j
        out.append((nodes[sel], rows[sel], lag[sel]))
    return out


def _build_pass(
    n: int,
    level: np.ndarray,
    node: np.ndarray,
    other_end: np.ndarray,
    row_offset: np.ndarray,
    lag: np.ndarray,
    primary: np.ndarray,
) -> _Pass:
    """One pass's numbering and steps. Link e bounds ``node[e]`` from row ``row_offset[e] + pos[other_end[e]]``."""
    deg = np.bincount(node[primary], minlength=n) if n else np.zeros(0, dtype=np.int64)
    perm = np.lexsort((np.arange(n), -deg, level)) if n else np.zeros(0, dtype=np.int64)
    pos = np.empty(n, dtype=np.int64)
    pos[perm] = np.arange(n)
    lvl = level[perm]
    tgt = pos[node]
    rows = row_offset + pos[other_end]
    order = np.lexsort((tgt,))
    tgt, rows, lag_s, prim = tgt[order], rows[order], lag[order], primary[order]
    levels: list[_Level] = []
    if not n:
        return _Pass(perm, pos, levels)
    bounds = np.flatnonzero(np.diff(lvl)) + 1
    los = [0, *bounds.tolist()]
    his = [*bounds.tolist(), n]
    cut = np.searchsorted(tgt, np.array(los + [n]))
    for k, (lo, hi) in enumerate(zip(los, his, strict=True)):
        e = slice(int(cut[k]), int(cut[k + 1]))
        t, r, g, p = tgt[e], rows[e], lag_s[e], prim[e]
        prefix = []
        for nodes_j, rows_j, lag_j in _slots(t[p], r[p], g[p]):
            # Nodes are ordered by primary degree within the level, so slot j covers a prefix.
            assert nodes_j[0] == lo and nodes_j[-1] == lo + len(nodes_j) - 1
            prefix.append((len(nodes_j), rows_j, lag_j if np.any(lag_j != 0) else None))
        other = [
            (nodes_j, rows_j, lag_j if np.any(lag_j != 0) else None)
            for nodes_j, rows_j, lag_j in _slots(t[~p], r[~p], g[~p])
        ]
        levels.append(_Level(lo, hi, prefix, other))
    return _Pass(perm, pos, levels)


def _compile(plan: Plan, graph: PlanGraph, seq: np.ndarray) -> _Model:
    n = graph.n
    triples = [(0.0, 0.0, 0.0) if d.milestone else duration_triple(d.duration) for d in plan.decisions]
    src, dst, kind, lag = graph.src, graph.dst, graph.kind, graph.lag
    done = np.zeros(n, dtype=bool)
    if isinstance(graph, ProgressGraph):
        # Remaining work only: a done decision is a fixed 0 (no uncertainty), an in-progress one its remaining
        # fraction of each estimate; links into done decisions never bind.
        done = graph.done
        fraction = progress_state(plan).remaining_fraction.tolist()
        triples = [(o * f, m * f, p * f) for (o, m, p), f in zip(triples, fraction, strict=True)]
        lag = np.where(graph.released, RELEASED_WEIGHT, lag)
    low_p, mode_p, high_p, split_p, fixed_p = _triangular_params(triples)
    assert graph.order is not None
    src_l, dst_l = src.tolist(), dst.tolist()
    nz = np.int64(n)

    # Forward: ES_v >= ES_u + lag (SS), EF_u + lag (FS); EF_u + lag - d_v (FF), ES_u + lag - d_v (SF).
    # Rows 0..n-1 of the forward array hold ES, n..2n-1 hold EF.
    depth = _depth(n, graph.order, src_l, dst_l)
    fwd = _build_pass(n, depth, dst, src, nz * ((kind == 0) | (kind == 2)), lag, kind <= 1)
    # Backward: LF_u <= LS_v - lag (FS), LF_v - lag (FF); LS_v - lag + d_u (SS), LF_v - lag + d_u (SF).
    # Rows 0..n-1 of the backward array hold LS, n..2n-1 hold LF.
    height = _depth(n, graph.order[::-1], dst_l, src_l)
    bwd = _build_pass(n, height, src, dst, nz * (kind >= 2), -lag, (kind == 0) | (kind == 2))

    pf = fwd.perm
    n_stages = len(plan.stages)
    seq_f = seq[pf] if n else seq
    risk_rows, risk_triples = [], []
    for r in plan.risks:
        # a risk cannot delay a done decision: nothing of it is left
        rows = sorted(
            {
                int(fwd.pos[graph.index[d]])
                for d in r.decisions
                if d in graph.index and not done[graph.index[d]]
            }
        )
        risk_rows.append(np.array(rows, dtype=np.int64))
        risk_triples.append(duration_triple(r.impact))
    r_low, r_mode, r_high, _, _ = _triangular_params(risk_triples)
    return _Model(
        n=n,
        fwd=fwd,
        bwd=bwd,
        b_from_f=fwd.pos[bwd.perm],
        low=low_p[pf],
        mode=mode_p[pf],
        high=high_p[pf],
        split=split_p[pf],
        fixed=fixed_p[pf],
        floor=np.maximum(graph.not_before, 0.0)[pf],
        stage_rows=[np.flatnonzero(seq_f == k) for k in range(n_stages)],
        risk_rows=risk_rows,
        risk_low=r_low,
        risk_mode=r_mode,
        risk_high=r_high,
        risk_p=np.array([r.probability for r in plan.risks], dtype=np.float64),
        level_lo=np.array([lv.lo for lv in fwd.levels], dtype=np.int64),
    )


def triangular_ppf(u: np.ndarray, low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The triangular quantile function at ``u`` (uniform in [0, 1)), broadcasting the parameters.

    Degenerate distributions (``low == high``) give ``low``. This is the transform ``Generator.triangular`` applies
    to its uniforms.

    >>> float(triangular_ppf(np.array(0.5), np.array(0.0), np.array(1.0), np.array(2.0)))
    1.0
    >>> float(triangular_ppf(np.array(0.3), np.array(4.0), np.array(4.0), np.array(4.0)))
    4.0
    """
    span = high - low
    split = np.divide(mode - low, span, out=np.zeros(np.broadcast(mode, span).shape), where=span > 0)
    left = low + np.sqrt(u * span * (mode - low))
    right = high - np.sqrt((1.0 - u) * span * (high - mode))
    return np.where(u <= split, left, right)


def _sample_durations(m: _Model, u: np.ndarray, out: np.ndarray) -> None:
    """Durations into ``out`` (forward numbering, shape (n, chunk)) from float32 uniforms ``u`` drawn as
    (chunk, n) in plan order.

    The transform runs in float32 (twice as fast, and seven significant digits are plenty for a sampled
    duration) on blocks of decisions that stay in cache; the passes then run in float64. Fixed durations are
    copied exactly, so a plan without uncertainty reproduces the CPM figure for figure."""
    n = m.n
    low32, mode32, high32, split32 = m.low32, m.mode32, m.high32, m.split32
    one = np.float32(1.0)
    for lo in range(0, n, _SAMPLE_BLOCK):
        hi = min(n, lo + _SAMPLE_BLOCK)
        ut = u.T[m.fwd.perm[lo:hi]]  # transposed and renumbered (fancy indexing beats np.take here)
        low, mode, high = low32[lo:hi, None], mode32[lo:hi, None], high32[lo:hi, None]
        span = high - low
        below = ut <= split32[lo:hi, None]
        left = ut * (span * (mode - low))
        np.sqrt(left, out=left)
        left += low
        np.subtract(one, ut, out=ut)
        ut *= span * (high - mode)
        np.sqrt(ut, out=ut)
        np.subtract(high, ut, out=ut)
        np.copyto(ut, left, where=below)
        np.clip(ut, low, high, out=ut)  # float32 rounding must not leave the support
        out[lo:hi] = ut
    if m.fixed.any():
        out[m.fixed] = m.low[m.fixed][:, None]


def _forward(m: _Model, d: np.ndarray, a: np.ndarray, first_level: int = 0) -> None:
    """Early starts and finishes into ``a`` (rows 0..n-1: ES, n..2n-1: EF), forward numbering.

    With ``first_level`` > 0, the rows of the earlier levels must already hold their values."""
    n = m.n
    es, ef = a[:n], a[n:]
    floor = m.floor
    for lv in m.fwd.levels[first_level:]:
        lo, hi = lv.lo, lv.hi
        es[lo:hi] = floor[lo:hi, None]
        for cnt, rows, lag in lv.prefix:
            cand = a[rows]
            if lag is not None:
                cand += lag[:, None]
            tgt = es[lo : lo + cnt]
            np.maximum(tgt, cand, out=tgt)
        for targets, rows, lag in lv.other:
            cand = a[rows]
            if lag is not None:
                cand += lag[:, None]
            cand -= d[targets]
            es[targets] = np.maximum(es[targets], cand)
        np.add(es[lo:hi], d[lo:hi], out=ef[lo:hi])


def _backward(m: _Model, d: np.ndarray, finish: np.ndarray, b: np.ndarray) -> None:
    """Late starts and finishes into ``b`` (rows 0..n-1: LS, n..2n-1: LF), backward numbering (``d`` too)."""
    n = m.n
    ls, lf = b[:n], b[n:]
    for lv in m.bwd.levels:
        lo, hi = lv.lo, lv.hi
        lf[lo:hi] = finish[None, :]
        for cnt, rows, lag in lv.prefix:
            cand = b[rows]
            if lag is not None:
                cand += lag[:, None]  # lags are stored negated for this pass
            tgt = lf[lo : lo + cnt]
            np.minimum(tgt, cand, out=tgt)
        for targets, rows, lag in lv.other:
            cand = b[rows]
            if lag is not None:
                cand += lag[:, None]
            cand += d[targets]
            lf[targets] = np.minimum(lf[targets], cand)
        np.subtract(lf[lo:hi], d[lo:hi], out=ls[lo:hi])


def _finish_only(m: _Model, d: np.ndarray) -> np.ndarray:
    a = np.empty((2 * m.n, d.shape[1]))
    _forward(m, d, a)
    return a[m.n :].max(axis=0)


def _finish_without(
    m: _Model, d: np.ndarray, a: np.ndarray, cols: np.ndarray, rows: np.ndarray, delay: np.ndarray
) -> np.ndarray:
    """The finish of iterations ``cols`` with ``delay`` taken off decisions ``rows`` (forward numbering).

    Levels before the first affected decision keep their dates, so the pass restarts from there."""
    n = m.n
    first = int(np.searchsorted(m.level_lo, int(rows.min()), side="right")) - 1
    lo = int(m.level_lo[first])
    d_sub = d[:, cols]
    d_sub[rows] -= delay
    a_sub = np.empty((2 * n, len(cols)))
    a_sub[:lo] = a[:lo][:, cols]
    a_sub[n : n + lo] = a[n : n + lo][:, cols]
    _forward(m, d_sub, a_sub, first)
    return a_sub[n:].max(axis=0)


@dataclass
class _Workspace:
    """Arrays reused from chunk to chunk (decisions x chunk float64)."""

    n: int
    c: int

    def __post_init__(self) -> None:
        n, c = self.n, self.c
        self.u = np.empty((c, n), dtype=np.float32)
        self.d = np.empty((n, c))
        self.a = np.empty((2 * n, c))
        self.b = np.empty((2 * n, c))


def id_stream(seed: int, kind: str, item_id: str) -> np.random.Generator:
    """The random stream of one decision or risk (``kind``) under ``seed`` for common random numbers: the same
    seed and id give the same draws in every plan."""
    key = int.from_bytes(f"{kind}:{item_id}".encode(), "big")
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(key,)))


def chunk_size(n_decisions: int, iterations: int) -> int:
    """Iterations per chunk: bounded working memory (about 8 x decisions x chunk float64 values)."""
    c = _CHUNK_CELLS // max(1, n_decisions)
    return int(max(1, min(iterations, max(_MIN_CHUNK, min(_MAX_CHUNK, c)))))


def simulate(
    plan: Plan,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int | None = DEFAULT_SEED,
    *,
    progress: Progress | None = None,
    chunk: int | None = None,
    risks: bool = True,
    keep_samples: bool = False,
    common_random_numbers: bool = False,
) -> SimulationResult:
    """Run ``iterations`` Monte Carlo iterations of ``plan``'s schedule (weeks); see the module docstring.

    ``seed`` makes the run reproducible (None draws a fresh seed, recorded in the result). ``progress`` is called
    after every chunk with (iterations done, total); when it returns False the run stops with
    :class:`SimulationCancelled`. ``risks=False`` leaves the risk register out. ``keep_samples`` keeps every
    iteration's durations (iterations x decisions) for inspection -- only for small runs.

    ``common_random_numbers`` gives every decision and every risk its own random stream, keyed by the seed and
    its id (:func:`id_stream`), instead of one stream read in plan order: a decision then gets the same draws in
    every plan that has it, whatever else the plan adds, drops or reorders, so two scenarios of a plan are
    compared on the same random numbers and their differences are not noise (issue 13). It costs one generator
    per decision and risk, so it is meant for comparisons, not for the largest plans.

    Raises :class:`ScheduleError` when the dependency graph has a cycle and ``ValueError`` on bad arguments.
    The plan is expected to pass :func:`planner.analysis.validate` (unknown ids in risks are ignored here).

    >>> from planner.model import new_plan, Decision, ThreePoint
    >>> plan = new_plan()
    >>> plan.decisions.append(Decision(id="a", title="A", stage="validate",
    ...                                duration=ThreePoint(optimistic=2, likely=3, pessimistic=7)))
    >>> r = simulate(plan, iterations=20_000, seed=1)
    >>> round(r.mean, 1), r.criticality_of("a")
    (4.0, 1.0)
    """
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    if seed is None:
        seed = int(np.random.SeedSequence().generate_state(2, np.uint64)[0] >> np.uint64(1))
    if seed < 0:
        raise ValueError("seed must be a non-negative integer")
    # The progress pre-pass (issue 16): only remaining work is sampled, from the status date.
    graph = apply_progress(plan, compile_plan(plan, "likely"))
    if graph.order is None:
        raise ScheduleError("the dependency graph has a cycle; no schedule can be simulated")
    seq = sequenced_stages(graph)
    m = _compile(plan, graph, seq)
    if not risks:
        m.risk_rows, m.risk_p = [], m.risk_p[:0]
    n = m.n
    n_risks = len(m.risk_rows)
    costs = cost_vectors(plan) if has_costs(plan) else None
    costs_f = None  # the same inputs in the forward numbering of the passes
    if costs is not None:
        costs_f = CostVectors(
            costs.labour_per_week[m.fwd.perm],
            costs.one_off[m.fwd.perm],
            costs.run_rate[m.fwd.perm],
            costs.horizon,
            costs.target,
            costs.cost_of_delay,
            costs.budget,
        )
    spend = np.empty(iterations) if costs is not None else None
    delay_cost = np.empty(iterations) if costs is not None else None
    chunk = chunk_size(n, iterations) if chunk is None else max(1, min(int(chunk), iterations))

    dur_seq, risk_seq = np.random.SeedSequence(seed).spawn(2)
    rng_d = np.random.default_rng(dur_seq)
    rng_r = np.random.default_rng(risk_seq)
    dec_streams = (
        [id_stream(seed, "decision", d.id) for d in plan.decisions] if common_random_numbers else None
    )
    risk_streams = (
        [id_stream(seed, "risk", r.id) for r in plan.risks[:n_risks]] if common_random_numbers else None
    )

    finish = np.empty(iterations)
    finish_without = np.empty((n_risks, iterations))
    fired_count = np.zeros(n_risks, dtype=np.int64)
    crit_b = np.zeros(n, dtype=np.int64)
    gates = np.zeros((len(plan.stages), iterations))
    samples = np.empty((iterations, n)) if keep_samples else None
    # Streaming sums for correlations, shifted by the likely values for numerical stability.
    shift_d = m.mode
    det = _deterministic_finish(m)
    s_d = np.zeros(n)
    s_dd = np.zeros(n)
    s_df = np.zeros(n)
    s_f = 0.0
    s_ff = 0.0

    work: dict[int, _Workspace] = {}
    done = 0
    while done < iterations:
        c = min(chunk, iterations - done)
        sl = slice(done, done + c)
        ws = work.get(c)
        if ws is None:  # one workspace per chunk size (at most two), reused: no page faults per chunk
            ws = work[c] = _Workspace(n, c)
        d = ws.d
        if n:
            if dec_streams is not None:
                for j, g in enumerate(dec_streams):
                    ws.u[:, j] = g.random(c, dtype=np.float32)
            else:
                rng_d.random(dtype=np.float32, out=ws.u)
            _sample_durations(m, ws.u, d)
        delays = None
        if n_risks:
            if risk_streams is not None:
                ur = np.empty((c, 2 * n_risks))
                for k, g in enumerate(risk_streams):
                    pair = g.random((c, 2))
                    ur[:, k], ur[:, n_risks + k] = pair[:, 0], pair[:, 1]
            else:
                ur = rng_r.random((c, 2 * n_risks))
            fire = ur[:, :n_risks] < m.risk_p
            delays = triangular_ppf(ur[:, n_risks:], m.risk_low, m.risk_mode, m.risk_high)
            delays = np.where(fire, delays, 0.0)  # (c, risks)
            fired_count += fire.sum(axis=0)
            for k, rows in enumerate(m.risk_rows):
                if len(rows):
                    d[rows] += delays[:, k]
        if keep_samples and samples is not None:
            samples[sl, m.fwd.perm] = d.T

        if n:
            a = ws.a
            _forward(m, d, a)
            ef = a[n:]
            t = ef.max(axis=0)
            _backward(m, d[m.b_from_f], t, ws.b)
            tf = ws.b[:n]
            tf -= a[m.b_from_f]  # total float (backward numbering: LS - ES), in place of LS
            tol = 1e-7 * np.maximum(1.0, np.abs(t))
            crit_b += np.count_nonzero(tf <= tol, axis=1)
            for k, rows in enumerate(m.stage_rows):
                if len(rows):
                    gates[k, sl] = ef[rows].max(axis=0)
        else:
            t = np.zeros(c)
        finish[sl] = t
        if costs_f is not None and spend is not None and delay_cost is not None:
            spend[sl], delay_cost[sl] = iteration_costs(costs_f, d, ws.a[n:], t)

        if n_risks and delays is not None:
            for k, rows in enumerate(m.risk_rows):
                cols = np.flatnonzero(delays[:, k] > 0)
                fw = t.copy()
                if len(cols) and len(rows):
                    fw[cols] = _finish_without(m, d, ws.a, cols, rows, delays[cols, k])
                finish_without[k, sl] = fw

        if n:
            d -= shift_d[:, None]  # in place: the durations are not needed any more this chunk
            fc = t - det
            s_d += d.sum(axis=1)
            s_dd += np.einsum("ij,ij->i", d, d)
            s_df += np.einsum("ij,j->i", d, fc)  # not BLAS: no helper threads
            s_f += float(fc.sum())
            s_ff += float(fc @ fc)
        done += c
        if progress is not None and progress(done, iterations) is False:
            raise SimulationCancelled(f"cancelled after {done} of {iterations} iterations")
    del work

    gates = np.maximum.accumulate(gates, axis=0) if len(plan.stages) else gates
    gates = np.maximum(gates, 0.0)

    # Correlation from the streaming sums; a duration that never varies correlates with nothing.
    var_d = s_dd / iterations - (s_d / iterations) ** 2
    var_f = s_ff / iterations - (s_f / iterations) ** 2
    cov = s_df / iterations - (s_d / iterations) * (s_f / iterations)
    scale_d = np.maximum(1.0, np.abs(m.high))
    varies = var_d > (1e-12 * scale_d) ** 2
    corr = np.zeros(n)
    if var_f > 1e-24 * max(1.0, det) ** 2:
        ok = varies
        corr[ok] = cov[ok] / np.sqrt(var_d[ok] * var_f)
    corr = np.clip(corr, -1.0, 1.0)

    inv = m.fwd.pos
    crit_count = crit_b[m.bwd.pos]
    if isinstance(graph, ProgressGraph):
        crit_count[graph.done] = 0  # a done decision is never critical (docs/progress-and-status-date.md)
    p80_with = float(np.percentile(finish, 80))
    risk_effects = []
    for k, r in enumerate(plan.risks[:n_risks]):
        risk_effects.append(
            RiskEffect(
                id=r.id,
                title=r.title,
                probability=r.probability,
                fired=float(fired_count[k] / iterations),
                p80_without=float(np.percentile(finish_without[k], 80)),
                p80_with=p80_with,
            )
        )

    det_gates = _deterministic_gates(m, n_stages=len(plan.stages))
    stages = [
        StageGates(id=s.id, name=s.name, samples=gates[k], deterministic=det_gates[k])
        for k, s in enumerate(plan.stages)
    ]
    return SimulationResult(
        ids=list(graph.ids),
        titles=[d.title for d in plan.decisions],
        iterations=iterations,
        seed=int(seed),
        finish=finish,
        deterministic_finish=det,
        criticality=crit_count / iterations if n else np.zeros(0),
        correlation=corr[inv] if n else np.zeros(0),
        varies=varies[inv] if n else np.zeros(0, dtype=bool),
        stages=stages,
        risks=risk_effects,
        start_date=plan.start_date,
        samples=samples,
        cost=spend,
        delay_cost=delay_cost,
        cost_inputs=costs,
    )


def _deterministic_finish(m: _Model) -> float:
    if not m.n:
        return 0.0
    return float(_finish_only(m, m.mode[:, None].copy())[0])


def _deterministic_gates(m: _Model, n_stages: int) -> list[float]:
    if not m.n:
        return [0.0] * n_stages
    a = np.empty((2 * m.n, 1))
    _forward(m, m.mode[:, None].copy(), a)
    ef = a[m.n :, 0]
    out, gate = [], 0.0
    for rows in m.stage_rows:
        if len(rows):
            gate = max(gate, float(ef[rows].max()))
        out.append(gate)
    return out


def parse_when(text: str, start_date: dt.date | None) -> float:
    """A ``--by`` argument as weeks from the plan start: a number of weeks (``26``, ``30.5``) or an ISO date
    (``2027-09-30``, which needs the plan's ``start_date``). Raises ``ValueError`` with a readable message."""
    text = text.strip()
    try:
        week = float(text)
    except ValueError:
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is neither a number of weeks nor a date (YYYY-MM-DD)") from None
        if start_date is None:
            raise ValueError(
                f"{text} is a date, but the plan has no start_date; give a number of weeks instead"
            ) from None
        if date < start_date:
            raise ValueError(f"{text} is before the plan starts ({units.format_date(start_date)})") from None
        return (date - start_date).days / 7.0
    if not math.isfinite(week) or week < 0:
        raise ValueError(f"{text!r} is not a number of weeks from the plan start (it must be 0 or more)")
    return week


__all__ = [
    "DEFAULT_ITERATIONS",
    "DEFAULT_SEED",
    "PERCENTILES",
    "Progress",
    "RiskEffect",
    "SimulationCancelled",
    "SimulationResult",
    "StageGates",
    "chunk_size",
    "parse_when",
    "simulate",
    "triangular_ppf",
]
