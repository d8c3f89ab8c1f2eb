"""Monte Carlo schedule risk analysis (SPEC §3.4): uncertain durations and the risk register.

Each iteration samples every decision's duration from the triangular distribution (optimistic, likely,
pessimistic) of its estimate, fires every risk of the register with its probability (adding the risk's sampled
delay, in weeks, to the duration of each decision it names), and runs the CPM forward and backward passes of
SPEC §3.2 on those durations -- all four dependency types, lags, leads and ``not_before``, exactly like
:func:`planner.analysis.schedule.schedule`. A milestone always takes 0 weeks.

How it is computed (see PERF-NOTES, "Monte Carlo"): the decisions are renumbered level by level in topological
order, and the passes walk the levels with each step vectorised over a chunk of iterations (numpy arrays of shape
``(decisions, chunk)``), so the Python overhead is per level, not per iteration, and memory is bounded by the
chunk size whatever the number of iterations. Each chunk carries one more column, the likely durations without
risks: the deterministic schedule comes out of the same passes.

Randomness: ``numpy.random.default_rng`` streams spawned from ``seed`` -- one for durations, one for the risks.
Each iteration consumes one uniform per decision (float32, in the order of the decisions' ids) and two per risk (in
the order of the risks' ids), so the same seed gives the same results whatever the chunk size and whatever the order
of the decisions and risks in the file, and a risk with probability 0 changes nothing at all. Durations are
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
from planner.analysis.graph import PlanGraph, columns_of, compile_plan, generations, id_places
from planner.analysis.progress import RELEASED_WEIGHT, ProgressGraph, apply_progress
from planner.analysis.schedule import ScheduleError
from planner.analysis.stages import sequenced_stages
from planner.model import units
from planner.model.plan import Plan, duration_triple

PERCENTILES: tuple[int, ...] = (10, 50, 80, 90, 95)
DEFAULT_ITERATIONS = 10_000
DEFAULT_SEED = 0

Progress = Callable[[int, int], "bool | None"]
"""``progress(done_iterations, total_iterations)``; returning ``False`` cancels the run."""

# Working memory per chunk is 4 float64 values per decision and iteration (durations; ES, EF then LF, LS in
# one array for both passes, which share one numbering). Chunks aim at 5M cells (40 MB per array; fewer cache
# misses than bigger chunks: measured, 10k decisions run ~30 % faster at 500 iterations per chunk than at
# 1,000) unless the plan has so many levels for its size that walking them once per chunk would dominate (every
# level costs a few numpy calls per chunk): then up to 10M cells (320 MB), e.g. 100 iterations at 100k decisions
# in one chunk, not two. Chunks are of equal size (no small rest that costs a whole walk over the levels).
_CHUNK_CELLS = 5_000_000
_CHUNK_CELLS_MAX = 10_000_000
_LEVEL_CELLS = 12_000  # a level's fixed cost per chunk (~30 us) in cells of work (~2.5 ns each)
_MAX_CHUNK = 1_000
_MIN_CHUNK = 64
# float32 cells transformed at once (512 kB: stays in cache; with 2 MB temporaries it was 4x slower)
_SAMPLE_CELLS = 1 << 17
_DRAW_CELLS = 1 << 21  # uniforms drawn at once (8 MB of float32), iterations x decisions


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
        """(id, correlation) of every decision whose duration varies, highest correlation first (then id).

        >>> r = SimulationResult(["b", "a", "c", "d"], [""] * 4, 1, 0, np.zeros(1), 0.0, np.zeros(4),
        ...                      np.array([0.5, 0.5, 0.9, 0.0]), np.array([True, True, True, False]), [], [])
        >>> r.sensitivity()
        [('c', 0.9), ('a', 0.5), ('b', 0.5)]
        """
        idx = np.flatnonzero(self.varies)
        corr = self.correlation[idx]
        order = np.argsort(-corr, kind="stable")  # numpy, not a key function per row (100k rows at 100k)
        ids = [self.ids[i] for i in idx[order].tolist()]
        values = corr[order].tolist()
        # Equal correlations (rare but possible) are ordered by id: sort each run of them.
        ties = np.flatnonzero(np.diff(corr[order]) == 0)
        if len(ties):
            starts = ties[np.r_[True, np.diff(ties) > 1]].tolist()
            ends = (ties[np.r_[np.diff(ties) > 1, True]] + 2).tolist()
            for lo, hi in zip(starts, ends, strict=True):
                ids[lo:hi] = sorted(ids[lo:hi])
        return list(zip(ids, values, strict=True))

    def to_dict(self, by_week: float | None = None) -> dict[str, Any]:
        """The JSON object of ``planner simulate --format json``."""
        out: dict[str, Any] = {
            "iterations": self.iterations,
            "seed": self.seed,
            "finish": {"mean": self.mean, "std": self.std, **self.percentiles()},
            # The CPM finish (likely estimates, no risks) the text compares the runs with, and the share of runs
            # that finish by it: the week figure beside its date (SPEC §3.3a), and the text's '(29% of runs...)'.
            "deterministic_finish": self.deterministic_finish,
            "deterministic_probability": self.probability_by(self.deterministic_finish),
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
        out["criticality"] = dict(zip(self.ids, self.criticality.astype(np.float64).tolist(), strict=True))
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
# The decisions are numbered by level (longest chain of links from a decision without predecessors) and, within a
# level, by their number of "primary" forward links (FS/SS into the decision), most first. The forward pass walks
# the levels up, the backward pass the same levels down, in the same numbering (so LS - ES needs no renumbering).
#
# Forward, the j-th primary link of every decision that has more than j of them targets a *prefix* of the level
# ("slot" j). The first ``w`` slots of a level are done at once as a padded block (one gather of w x decisions
# rows, slot-major, where links a decision lacks read a row of -inf; one reduction over the slot axis); the slots
# after that one by one on their prefix. Backward, the primary links are FS/FF out of a decision; the block covers
# the whole level (+inf padding) and the slots after it name their targets (a scatter each). The other links
# (FF/SF forward, SS/SF backward; rarer) need the target's own duration: their targets are listed most links
# first and get the same block-then-prefix-slots treatment, then one subtraction (addition) of the duration and
# one scatter. ``w`` is chosen per level from the chunk width: padding costs cells, every numpy call costs a
# fixed overhead worth ``_CALL_CELLS`` cells, so wide chunks get narrow blocks and narrow chunks (big plans, few
# iterations, where the ~2,000-4,000 levels make the per-call overhead the whole cost) get few calls per level.
# Everything is a maximum (minimum) of sums, so the results are the same bit for bit whatever ``w`` is
# (tests/analysis/test_montecarlo_layout.py forces both extremes).

_CALL_CELLS = 1_500
"""A numpy call's fixed cost (~1.5 us) in cells (gather + add + reduce of one float64 value, ~1 ns)."""

# (nodes: a prefix of the level or of the list, rows, lag) and (target positions, rows, lag)
_Slot = tuple[int, np.ndarray, "np.ndarray | None"]
_Scatter = tuple[np.ndarray, np.ndarray, "np.ndarray | None"]


@dataclass
class _Level:
    lo: int
    hi: int
    k1: int  # the block covers nodes lo..lo+k1: those with a primary link (forward), the whole level (backward)
    w: int  # width of the primary block (0 when k1 == 0)
    rows: np.ndarray  # (w * k1,) source rows of the block, slot-major (slot j of every node, then j + 1)
    lag: np.ndarray | None  # (w * k1, 1) or None when all 0
    slots: list[_Slot]  # primary slots w, w+1, ... (each a prefix of the level; forward)
    targeted: list[_Scatter]  # the same with explicit targets (backward: the forward numbering's order)
    o_nodes: np.ndarray | None  # targets of the other links, most links first (positions); None: no such link
    o_w: int
    o_rows: np.ndarray
    o_lag: np.ndarray | None
    o_slots: list[_Slot]  # other slots o_w, ... (each a prefix of o_nodes)


@dataclass
class _Pass:
    perm: np.ndarray  # position -> plan index (the same numbering for both passes)
    pos: np.ndarray  # plan index -> position
    levels: list[_Level]  # in the order the pass walks them


@dataclass
class _Model:
    n: int
    fwd: _Pass
    bwd: _Pass
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
    draw: np.ndarray  # forward position -> column of the uniforms (decisions drawn in id order)
    risk_draw: np.ndarray  # columns of a chunk's risk uniforms, risk by risk (risks drawn in id order)

    def __post_init__(self) -> None:
        # float32 rows (1, n) for the sampling, which works on iterations x decisions blocks
        low, mode, high, split = (
            x.astype(np.float32)[None, :] for x in (self.low, self.mode, self.high, self.split)
        )
        span = high - low
        self.low32, self.high32, self.split32 = low, high, split
        self.left32, self.right32 = span * (mode - low), span * (high - mode)


def _triangular_params(
    triples: list[tuple[float, float, float]] | np.ndarray, fraction: np.ndarray | None = None
) -> tuple[np.ndarray, ...]:
    """(low, mode, high, CDF at the mode, fixed) of each triple, each scaled by ``fraction`` when given."""
    arr = np.array(triples, dtype=np.float64).reshape(-1, 3)
    if fraction is not None:
        arr *= fraction[:, None]
    low, mode, high = arr[:, 0].copy(), arr[:, 1].copy(), arr[:, 2].copy()
    span = high - low
    fixed = span <= 0
    split = np.divide(mode - low, span, out=np.zeros_like(span), where=~fixed)
    return low, mode, high, split, fixed


def _choose_width(
    cnt: np.ndarray, c: int, fixed_calls: int, rows: np.ndarray | None = None, slot_calls: int = 3
) -> np.ndarray:
    """Per level (rows of ``cnt``: how many nodes have more than j links, j = 0, 1, ...), the block width w >= 1
    that minimises the estimated cost: cells k1 * w + links in slots >= w, calls 2-3 for the block (plus
    ``fixed_calls``) and ``slot_calls`` per slot after it. ``rows``: the block's nodes per level when not k1 (the
    nodes with a link). Levels without links get 0."""
    n_lv, jm = cnt.shape
    k1 = cnt[:, 0] if rows is None else rows
    tail = np.zeros((n_lv, jm + 1), dtype=np.int64)
    tail[:, :jm] = np.cumsum(cnt[:, ::-1], axis=1)[:, ::-1]
    n_slots = np.count_nonzero(cnt, axis=1)
    w = np.arange(1, jm + 1)
    cells = k1[:, None] * w[None, :] + tail[:, 1:]
    calls = np.where(w > 1, 3, 2)[None, :] + slot_calls * np.maximum(n_slots[:, None] - w[None, :], 0)
    best = np.argmin(_CALL_CELLS * (calls + fixed_calls) + max(1, c) * cells, axis=1) + 1
    return np.where(cnt[:, 0] > 0, best, 0)


def _blocks(
    n_levels: int,
    level_of: np.ndarray,
    slot_of: np.ndarray,
    rank: np.ndarray,
    rows: np.ndarray,
    lag: np.ndarray,
    c: int,
    fixed_calls: int,
    pad: int,
    level_rows: np.ndarray | None = None,
    level_lo: np.ndarray | None = None,
) -> tuple[
    np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[list[_Slot]], list[list[_Scatter]]
]:
    """The padded blocks and the remaining slots of every level for one kind of link.

    Link e belongs to level ``level_of[e]``; its node is the ``slot_of[e]``-th of that level's list (a prefix
    ordered most links first) and it is that node's ``rank[e]``-th link. Returns (width per level, start of each
    level's block in the block arrays, block rows, block lags, whether a level's block has a nonzero lag, the
    slots after the block per level, as prefixes, and as explicit targets).

    With ``level_rows`` (each level's size) and ``level_lo`` (its first position), the nodes are in no particular
    order: a level's block covers all its nodes and the slots after it name their targets (positions)."""
    jm = int(rank.max()) + 1 if len(rank) else 1
    cnt = np.bincount(level_of * jm + rank, minlength=n_levels * jm).reshape(n_levels, jm)
    scatter = level_rows is not None and level_lo is not None
    width = _choose_width(cnt, c, fixed_calls, level_rows, 4 if scatter else 3)
    k1 = np.where(cnt[:, 0] > 0, level_rows, 0) if level_rows is not None else cnt[:, 0]
    size = k1 * width
    start = np.zeros(n_levels + 1, dtype=np.int64)
    np.cumsum(size, out=start[1:])
    in_block = rank < width[level_of]
    at = start[level_of] + rank * k1[level_of] + slot_of  # slot-major: the reduction runs over axis 0
    b_rows = np.full(int(start[-1]), pad, dtype=np.int64)
    b_lag = np.zeros(int(start[-1]))
    b_rows[at[in_block]] = rows[in_block]
    b_lag[at[in_block]] = lag[in_block]
    lagged = np.bincount(level_of[in_block], weights=lag[in_block] != 0, minlength=n_levels) > 0
    slots: list[list[_Slot]] = [[] for _ in range(n_levels)]
    targeted: list[list[_Scatter]] = [[] for _ in range(n_levels)]
    rest = np.flatnonzero(~in_block)
    if len(rest):
        order = rest[np.lexsort((slot_of[rest], rank[rest], level_of[rest]))]
        lv, rk = level_of[order], rank[order]
        cut = np.flatnonzero((np.diff(lv) != 0) | (np.diff(rk) != 0)) + 1
        bounds = [0, *cut.tolist(), len(order)]
        r_rows, r_lag = rows[order], lag[order]
        nz = np.logical_or.reduceat(r_lag != 0, bounds[:-1]).tolist()
        lv_l = lv.tolist()
        targets = level_lo[lv] + slot_of[order] if scatter and level_lo is not None else None
        for i in range(len(bounds) - 1):
            s, e = bounds[i], bounds[i + 1]
            lag_i = r_lag[s:e, None] if nz[i] else None
            if targets is not None:
                targeted[lv_l[s]].append((targets[s:e], r_rows[s:e], lag_i))
            else:
                slots[lv_l[s]].append((e - s, r_rows[s:e], lag_i))
    return width, start, b_rows, b_lag, lagged, slots, targeted


def _build_pass(
    n: int,
    level: np.ndarray,
    node: np.ndarray,
    other_end: np.ndarray,
    row_offset: np.ndarray,
    lag: np.ndarray,
    primary: np.ndarray,
    c: int,
    perm: np.ndarray | None = None,
) -> _Pass:
    """One pass's numbering and steps for chunks of ``c`` iterations. Link e bounds ``node[e]`` from row
    ``row_offset[e] + pos[other_end[e]]``; row ``3 n`` is the padding row. The levels are listed lowest first.

    ``perm``: an existing numbering to use (by level, but not by this pass's primary links within a level): the
    blocks then cover whole levels and the slots after them name their targets."""
    if not n:
        z = np.zeros(0, dtype=np.int64)
        return _Pass(z, z, [])
    shared = perm is not None
    if perm is None:
        deg = np.bincount(node[primary], minlength=n)
        perm = np.lexsort((np.arange(n), -deg, level))
    pos = np.empty(n, dtype=np.int64)
    pos[perm] = np.arange(n)
    lvl = level[perm]
    n_levels = int(lvl[-1]) + 1  # every depth from 0 to the largest occurs
    lo = np.searchsorted(lvl, np.arange(n_levels + 1))
    tgt = pos[node]
    rows = row_offset + pos[other_end]
    pad = 3 * n

    def ranks(t: np.ndarray) -> np.ndarray:  # t sorted: rank of each entry within its run of equal values
        if not len(t):
            return t
        first = np.r_[0, np.flatnonzero(np.diff(t)) + 1]
        return np.arange(len(t)) - np.repeat(first, np.diff(np.r_[first, len(t)]))

    # Primary links: a node's list position is its offset in the level.
    ep = np.flatnonzero(primary)
    ep = ep[np.argsort(tgt[ep], kind="stable")]
    tp = tgt[ep]
    lv_p = lvl[tp]
    size = np.diff(lo)
    w, start, b_rows, b_lag, lagged, slots, targeted = _blocks(
        n_levels,
        lv_p,
        tp - lo[lv_p],
        ranks(tp),
        rows[ep],
        lag[ep],
        c,
        0,
        pad,
        size if shared else None,
        lo if shared else None,
    )
    k1 = np.bincount(lv_p[ranks(tp) == 0], minlength=n_levels)
    if shared:
        k1 = np.where(k1 > 0, size, 0)

    # Other links: their targets listed per level, most links first.
    eo = np.flatnonzero(~primary)
    odeg = np.bincount(tgt[eo], minlength=n)
    has = np.flatnonzero(odeg)  # positions
    o_list = has[np.lexsort((has, -odeg[has], lvl[has]))]
    o_lv = lvl[o_list]
    o_lo = np.searchsorted(o_lv, np.arange(n_levels + 1))
    o_idx = np.empty(n, dtype=np.int64)
    o_idx[o_list] = np.arange(len(o_list)) - o_lo[o_lv]
    eo = eo[np.lexsort((np.arange(len(eo)), o_idx[tgt[eo]], lvl[tgt[eo]]))]
    to = tgt[eo]
    lv_o = lvl[to]
    key = o_idx[to] + o_lo[lv_o]  # sorted: the runs of one target are contiguous
    ow, o_start, o_rows, o_lag, o_lagged, o_slots, _ = _blocks(
        n_levels, lv_o, o_idx[to], ranks(key), rows[eo], lag[eo], c, 5, pad
    )

    levels: list[_Level] = []
    lo_l, k1_l, w_l, st_l, lg_l = lo.tolist(), k1.tolist(), w.tolist(), start.tolist(), lagged.tolist()
    olo_l, ow_l, ost_l, olg_l = o_lo.tolist(), ow.tolist(), o_start.tolist(), o_lagged.tolist()
    b_lag2, o_lag2 = b_lag[:, None], o_lag[:, None]
    for k in range(n_levels):
        s, e = st_l[k], st_l[k + 1]
        os_, oe = ost_l[k], ost_l[k + 1]
        levels.append(
            _Level(
                lo=lo_l[k],
                hi=lo_l[k + 1],
                k1=k1_l[k],
                w=w_l[k],
                rows=b_rows[s:e],
                lag=b_lag2[s:e] if lg_l[k] else None,
                slots=slots[k],
                targeted=targeted[k],
                o_nodes=o_list[olo_l[k] : olo_l[k + 1]] if olo_l[k + 1] > olo_l[k] else None,
                o_w=ow_l[k],
                o_rows=o_rows[os_:oe],
                o_lag=o_lag2[os_:oe] if olg_l[k] else None,
                o_slots=o_slots[k],
            )
        )
    return _Pass(perm, pos, levels)


def _compile(plan: Plan, graph: PlanGraph, seq: np.ndarray, c: int = 1) -> _Model:
    """The simulation model of ``plan`` (``graph`` after the progress pre-pass), its passes laid out for chunks
    of ``c`` iterations (any width works; ``c`` only tunes the blocks)."""
    n = graph.n
    cols = columns_of(plan, graph)  # the decisions' fields in one pass (compile_plan took them already)
    triples = np.where(cols.milestone[:, None], 0.0, cols.three)  # duration_triple, milestones 0
    src, dst, kind, lag = graph.src, graph.dst, graph.kind, graph.lag
    done = np.zeros(n, dtype=bool)
    if isinstance(graph, ProgressGraph):
        # Remaining work only: a done decision is a fixed 0 (no uncertainty), an in-progress one its remaining
        # fraction of each estimate; links into done decisions never bind.
        done = graph.done
        # decision_progress's remaining fraction, without building its objects: 0 done, else 1 - progress.
        fraction = np.maximum(0.0, 1.0 - cols.progress / 100.0)
        fraction = np.where(done, 0.0, fraction)
        lag = np.where(graph.released, RELEASED_WEIGHT, lag)
    else:
        fraction = None
    low_p, mode_p, high_p, split_p, fixed_p = _triangular_params(triples, fraction)
    assert graph.order is not None
    nz = np.int64(n)

    # Forward: ES_v >= ES_u + lag (SS), EF_u + lag (FS); EF_u + lag - d_v (FF), ES_u + lag - d_v (SF).
    # One array for both passes: rows 0..n-1 hold ES, n..2n-1 EF and then LF (the backward pass needs no EF),
    # 2n..3n-1 LS, 3n the padding.
    depth = generations(graph)  # the longest chain of links from a decision without predecessors
    fwd = _build_pass(n, depth, dst, src, nz * ((kind == 0) | (kind == 2)), lag, kind <= 1, c)
    # Backward: LF_u <= LS_v - lag (FS), LF_v - lag (FF); LS_v - lag + d_u (SS), LF_v - lag + d_u (SF).
    # The forward numbering and levels, walked the other way, so LS - ES needs no renumbering.
    bwd_rows = np.where(kind >= 2, nz, 2 * nz)  # LF (FF, SF) or LS (FS, SS) of the successor
    bwd = _build_pass(n, depth, src, dst, bwd_rows, -lag, (kind == 0) | (kind == 2), c, fwd.perm)
    bwd.levels.reverse()

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
    # Uniforms are drawn in id order (a decision's draw does not depend on where the file lists it): column
    # id_place[i] holds plan decision i's, so the forward position p reads column id_place[perm[p]].
    draw = id_places([d.id for d in plan.decisions])[fwd.perm]
    r_place = id_places([r.id for r in plan.risks])
    return _Model(
        n=n,
        fwd=fwd,
        bwd=bwd,
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
        draw=draw,
        risk_draw=np.concatenate([r_place, len(r_place) + r_place]),
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
    """Durations into ``out`` (forward numbering, shape (n, iterations)) from float32 uniforms ``u`` drawn as
    (iterations, n) in id order (``m.draw``).

    The transform runs in float32 (twice as fast, and seven significant digits are plenty for a sampled
    duration) on blocks of iterations that stay in cache, in the layout the uniforms are drawn in; one transposing
    copy per block then writes the float64 durations the passes run on. Fixed durations are copied exactly, so a
    plan without uncertainty reproduces the CPM figure for figure."""
    n = m.n
    low, high, split, left, right = m.low32, m.high32, m.split32, m.left32, m.right32
    one = np.float32(1.0)
    step = max(1, _SAMPLE_CELLS // max(1, n))
    for j0 in range(0, len(u), step):
        j1 = min(len(u), j0 + step)
        x = np.take(u[j0:j1], m.draw, axis=1)  # renumbered: column p is decision perm[p]
        # Which side of the mode, as 1.0 / 0.0 factors: selecting by arithmetic is exact here (a value times 1,
        # plus 0) and several times faster than a mask, which mispredicts on random data.
        b = np.less_equal(x, split).astype(np.float32)
        nb = one - b
        sgn = b + b
        sgn -= one  # +1 below the mode, -1 above
        x *= sgn
        x += nb  # u below the mode, else 1 - u
        coef = b * left
        coef += nb * right
        x *= coef
        np.sqrt(x, out=x)
        x *= sgn
        y = b * low
        y += nb * high
        y += x  # low + sqrt(u * left) below the mode, else high - sqrt((1 - u) * right)
        np.maximum(y, low, out=y)  # float32 rounding must not leave the support
        np.minimum(y, high, out=y)
        out[:, j0:j1] = y.T
    if m.fixed.any():
        out[m.fixed] = m.low[m.fixed][:, None]


def _forward(m: _Model, d: np.ndarray, a: np.ndarray, first_level: int = 0) -> None:
    """Early starts and finishes into ``a`` (rows 0..n-1: ES, n..2n-1: EF; row 3n, the padding, must hold
    -inf). With ``first_level`` > 0, the rows of the earlier levels must already hold their values."""
    n = m.n
    es, ef = a[:n], a[n : 2 * n]
    floor = m.floor[:, None]
    c = a.shape[1]
    for lv in m.fwd.levels[first_level:]:
        lo, hi, k1, w = lv.lo, lv.hi, lv.k1, lv.w
        if k1:
            top = es[lo : lo + k1]
            cand = a[lv.rows]
            if lv.lag is not None:
                cand += lv.lag
            if w > 1:
                np.max(cand.reshape(w, k1, c), axis=0, out=top)
                np.maximum(top, floor[lo : lo + k1], out=top)
            else:
                np.maximum(cand, floor[lo : lo + k1], out=top)
            for cnt, rows, lag in lv.slots:
                cand = a[rows]
                if lag is not None:
                    cand += lag
                part = es[lo : lo + cnt]
                np.maximum(part, cand, out=part)
        if k1 < hi - lo:
            es[lo + k1 : hi] = floor[lo + k1 : hi]
        if lv.o_nodes is not None:
            k = len(lv.o_nodes)
            cand = a[lv.o_rows]
            if lv.o_lag is not None:
                cand += lv.o_lag
            best = cand.reshape(lv.o_w, k, c).max(axis=0) if lv.o_w > 1 else cand
            for cnt, rows, lag in lv.o_slots:
                cand = a[rows]
                if lag is not None:
                    cand += lag
                np.maximum(best[:cnt], cand, out=best[:cnt])
            best -= d[lv.o_nodes]
            es[lv.o_nodes] = np.maximum(es[lv.o_nodes], best)
        np.add(es[lo:hi], d[lo:hi], out=ef[lo:hi])


def _backward(m: _Model, d: np.ndarray, finish: np.ndarray, b: np.ndarray) -> None:
    """Late finishes and starts into ``b`` (rows n..2n-1: LF, over the early finishes; 2n..3n-1: LS; row 3n, the
    padding, must hold +inf). Lags are stored negated for this pass."""
    n = m.n
    lf, ls = b[n : 2 * n], b[2 * n : 3 * n]
    end = finish[None, :]
    c = b.shape[1]
    for lv in m.bwd.levels:
        lo, hi, k1, w = lv.lo, lv.hi, lv.k1, lv.w
        if k1:
            top = lf[lo : lo + k1]
            cand = b[lv.rows]
            if lv.lag is not None:
                cand += lv.lag
            if w > 1:
                np.min(cand.reshape(w, k1, c), axis=0, out=top)
                np.minimum(top, end, out=top)
            else:
                np.minimum(cand, end, out=top)
            for cnt, rows, lag in lv.slots:
                cand = b[rows]
                if lag is not None:
                    cand += lag
                part = lf[lo : lo + cnt]
                np.minimum(part, cand, out=part)
            for targets, rows, lag in lv.targeted:
                cand = b[rows]
                if lag is not None:
                    cand += lag
                cur = lf[targets]
                np.minimum(cur, cand, out=cur)
                lf[targets] = cur
        if k1 < hi - lo:
            lf[lo + k1 : hi] = end
        if lv.o_nodes is not None:
            k = len(lv.o_nodes)
            cand = b[lv.o_rows]
            if lv.o_lag is not None:
                cand += lv.o_lag
            best = cand.reshape(lv.o_w, k, c).min(axis=0) if lv.o_w > 1 else cand
            for cnt, rows, lag in lv.o_slots:
                cand = b[rows]
                if lag is not None:
                    cand += lag
                np.minimum(best[:cnt], cand, out=best[:cnt])
            best += d[lv.o_nodes]
            lf[lv.o_nodes] = np.minimum(lf[lv.o_nodes], best)
        np.subtract(lf[lo:hi], d[lo:hi], out=ls[lo:hi])


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
    a_sub = np.empty((3 * n + 1, len(cols)))
    a_sub[:lo] = a[:lo][:, cols]
    a_sub[n : n + lo] = a[n : n + lo][:, cols]
    a_sub[3 * n] = -np.inf
    _forward(m, d_sub, a_sub, first)
    return a_sub[n : 2 * n].max(axis=0)


@dataclass
class _Workspace:
    """Arrays reused from chunk to chunk: ``c`` iterations plus one column for the deterministic (likely)
    schedule; the passes' array (ES, EF then LF, LS, padding); uniforms for a block of iterations."""

    n: int
    c: int

    def __post_init__(self) -> None:
        n, c = self.n, self.c
        self.u = np.empty((max(1, min(c, _DRAW_CELLS // max(1, n))), n), dtype=np.float32)
        self.d = np.empty((n, c + 1))
        self.a = np.empty((3 * n + 1, c + 1))


def id_stream(seed: int, kind: str, item_id: str) -> np.random.Generator:
    """The random stream of one decision or risk (``kind``) under ``seed`` for common random numbers: the same
    seed and id give the same draws in every plan."""
    key = int.from_bytes(f"{kind}:{item_id}".encode(), "big")
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(key,)))


def chunk_size(n_decisions: int, iterations: int, levels: int = 0) -> int:
    """Iterations per chunk for a plan of ``n_decisions`` in ``levels`` levels (see the comment at
    ``_CHUNK_CELLS``): bounded working memory (about 4 x decisions x chunk float64 values), chunks of equal size.

    >>> chunk_size(1_000, 10_000, 56), chunk_size(10_000, 1_000, 360), chunk_size(100_000, 100, 3_600)
    (1000, 500, 100)
    >>> chunk_size(100_000, 150, 3_600), chunk_size(20_000, 1_000, 20_000), chunk_size(10, 7)
    (75, 500, 7)
    """
    n = max(1, n_decisions)
    want = max(_CHUNK_CELLS // n, _LEVEL_CELLS * levels // n)  # cache-sized, or enough to amortise the levels
    widest = max(_MIN_CHUNK, min(_MAX_CHUNK, want, _CHUNK_CELLS_MAX // n))
    chunks = -(-max(1, iterations) // widest)
    return int(-(-max(1, iterations) // chunks))


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
    graph: PlanGraph | None = None,
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

    ``graph``: ``compile_plan(plan, "likely")`` when the caller already has it (``planner simulate`` compiles the
    plan once for validation and for the simulation).

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
    graph = apply_progress(plan, compile_plan(plan, "likely") if graph is None else graph)
    if graph.order is None:
        raise ScheduleError("the dependency graph has a cycle; no schedule can be simulated")
    seq = sequenced_stages(graph)
    n = graph.n
    if chunk is None:
        chunk = chunk_size(n, iterations, graph.levels)
    chunk = max(1, min(int(chunk), iterations))
    m = _compile(plan, graph, seq, chunk)
    if not risks:
        m.risk_rows, m.risk_p = [], m.risk_p[:0]
    n_risks = len(m.risk_rows)
    n_stages = len(plan.stages)
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
            None if costs.done_weeks is None else costs.done_weeks[m.fwd.perm],
        )
    spend = np.empty(iterations) if costs is not None else None
    delay_cost = np.empty(iterations) if costs is not None else None

    dur_seq, risk_seq = np.random.SeedSequence(seed).spawn(2)
    rng_d = np.random.default_rng(dur_seq)
    rng_r = np.random.default_rng(risk_seq)
    dec_streams = (
        [id_stream(seed, "decision", i) for i in sorted(d.id for d in plan.decisions)]  # columns in id order
        if common_random_numbers
        else None
    )
    risk_streams = (
        [id_stream(seed, "risk", r.id) for r in plan.risks[:n_risks]] if common_random_numbers else None
    )

    finish = np.empty(iterations)
    finish_without = np.empty((n_risks, iterations))
    fired_count = np.zeros(n_risks, dtype=np.int64)
    crit_b = np.zeros(n, dtype=np.int64)
    gates = np.zeros((n_stages, iterations))
    samples = np.empty((iterations, n)) if keep_samples else None
    # Streaming sums for correlations, shifted by the likely values for numerical stability.
    shift_d = m.mode[:, None]
    det = 0.0
    det_ef = np.zeros(n)
    s_d = np.zeros(n)
    s_dd = np.zeros(n)
    s_df = np.zeros(n)
    s_f = 0.0
    s_ff = 0.0

    # One workspace for the largest chunk; a smaller last chunk uses its first columns. The last column of every
    # chunk is the deterministic schedule (likely durations, no risks), so it costs no pass of its own.
    ws = _Workspace(n, chunk)
    done = 0
    while done < iterations:
        c = min(chunk, iterations - done)
        sl = slice(done, done + c)
        d_all = ws.d[:, : c + 1]
        d = d_all[:, :c]
        if n:
            # Drawn in blocks of iterations (the same stream as one draw of the whole chunk).
            for j0 in range(0, c, len(ws.u)):
                j1 = min(c, j0 + len(ws.u))
                u = ws.u[: j1 - j0]
                if dec_streams is not None:
                    for j, g in enumerate(dec_streams):
                        u[:, j] = g.random(j1 - j0, dtype=np.float32)
                else:
                    rng_d.random(dtype=np.float32, out=u)
                _sample_durations(m, u, d[:, j0:j1])
            d_all[:, c] = m.mode
        delays = None
        if n_risks:
            if risk_streams is not None:
                ur = np.empty((c, 2 * n_risks))
                for k, g in enumerate(risk_streams):
                    pair = g.random((c, 2))
                    ur[:, k], ur[:, n_risks + k] = pair[:, 0], pair[:, 1]
            else:
                ur = rng_r.random((c, 2 * n_risks))[:, m.risk_draw]  # drawn in id order, used in plan order
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
            a = ws.a[:, : c + 1]
            a[3 * n] = -np.inf
            _forward(m, d_all, a)
            ef_all = a[n : 2 * n]
            t_all = ef_all.max(axis=0)
            det, det_ef = float(t_all[c]), ef_all[:, c].copy()
            t = t_all[:c]
            for k, rows in enumerate(m.stage_rows):
                if len(rows):
                    gates[k, sl] = ef_all[rows, :c].max(axis=0)
        else:
            t = np.zeros(c)
        finish[sl] = t
        if costs_f is not None and spend is not None and delay_cost is not None:
            spend[sl], delay_cost[sl] = iteration_costs(costs_f, d, ws.a[n : 2 * n, :c], t)

        if n_risks and delays is not None:
            for k, rows in enumerate(m.risk_rows):
                cols = np.flatnonzero(delays[:, k] > 0)
                fw = t.copy()
                if len(cols) and len(rows):
                    fw[cols] = _finish_without(m, d, ws.a[:, :c], cols, rows, delays[cols, k])
                finish_without[k, sl] = fw

        if n:
            a[3 * n] = np.inf  # the early finishes, stage ends, costs and risks are done with: LF replaces EF
            _backward(m, d_all, t_all, a)
            # Critical: total float (LS - ES, in place of LS) within the tolerance, in blocks that stay in cache.
            tol = 1e-7 * np.maximum(1.0, np.abs(t))
            step = max(1, _SAMPLE_CELLS // c)
            for lo in range(0, n, step):
                hi = min(n, lo + step)
                tf = a[2 * n + lo : 2 * n + hi, :c]
                tf -= a[lo:hi, :c]
                crit_b[lo:hi] += np.count_nonzero(tf <= tol, axis=1)
            d -= shift_d  # in place: the durations are not needed any more this chunk
            fc = t - det
            s_d += d.sum(axis=1)
            s_dd += np.einsum("ij,ij->i", d, d)
            s_df += np.einsum("ij,j->i", d, fc)  # not BLAS: no helper threads
            s_f += float(fc.sum())
            s_ff += float(fc @ fc)
        done += c
        if progress is not None and progress(done, iterations) is False:
            raise SimulationCancelled(f"cancelled after {done} of {iterations} iterations")
    del ws

    gates = np.maximum.accumulate(gates, axis=0) if n_stages else gates
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
    crit_count = crit_b[m.fwd.pos]
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

    det_gates, gate = [], 0.0
    for rows in m.stage_rows:
        if len(rows):
            gate = max(gate, float(det_ef[rows].max()))
        det_gates.append(gate)
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
