"""The column-by-column and level-synchronous paths of ``analyze`` (issue 12) against the plain loops they
replaced, kept here as the reference: the same results exactly (maxima and minima of the same sums), on
hand-checked cases and on random graphs and plans (hypothesis)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.analysis.graph as graph_module
from planner.analysis import analyze, compile_plan, schedule
from planner.analysis.capacity import _capacity_findings, _capacity_findings_by_stretches
from planner.analysis.graph import (
    PlanGraph,
    _kahn_generations,
    backward_sweep,
    columns_of,
    durations,
    forward_sweep,
    generations,
    graph_columns,
    plan_columns,
    radix_argsort,
)
from planner.analysis.progress import _progress_arrays, apply_progress, progress_state
from planner.analysis.schedule import backward_pass, forward_pass
from planner.analysis.stages import gated_schedule, sequenced_stages
from planner.model import Plan, plan_from_dict
from planner.units import ESTIMATES

FAST = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


# -- the references: the loops of the code before issue 12 ---------------------------------------------------
def ref_kahn(n: int, src: list[int], dst: list[int]) -> tuple[list[int] | None, list[int]]:
    """First-in first-out Kahn over successor lists in link order; (order or None, generation per node)."""
    succ: list[list[int]] = [[] for _ in range(n)]
    deg = [0] * n
    for u, v in zip(src, dst, strict=True):
        succ[u].append(v)
        deg[v] += 1
    order = [i for i in range(n) if deg[i] == 0]
    gen = [0] * n
    head = 0
    while head < len(order):
        u = order[head]
        head += 1
        for v in succ[u]:
            deg[v] -= 1
            gen[v] = max(gen[v], gen[u] + 1)
            if deg[v] == 0:
                order.append(v)
    return (order if len(order) == n else None), gen


def ref_forward(
    order: list[int], src: list[int], dst: list[int], w: list[float], floor: list[float]
) -> list[float]:
    pos = {v: k for k, v in enumerate(order)}
    es = list(floor)
    for e in sorted(range(len(src)), key=lambda e: pos[src[e]]):
        es[dst[e]] = max(es[dst[e]], es[src[e]] + w[e])
    return es


def ref_backward(
    order: list[int], src: list[int], dst: list[int], w: list[float], ceil: list[float]
) -> list[float]:
    pos = {v: k for k, v in enumerate(order)}
    ls = list(ceil)
    for e in sorted(range(len(src)), key=lambda e: -pos[src[e]]):
        ls[src[e]] = min(ls[src[e]], ls[dst[e]] - w[e])
    return ls


def ref_gated(
    order: list[int], src: list[int], dst: list[int], w: list[float], floor: list[float], dur: list[float],
    seq: list[int], n_stages: int,
) -> tuple[list[float], list[float]]:  # fmt: skip
    """Stage by stage: the gate floor on the stage's decisions, then its links in topological order."""
    pos = {v: k for k, v in enumerate(order)}
    es = list(floor)
    gates = []
    gate = 0.0
    for k in range(n_stages):
        mine = [i for i in range(len(es)) if max(seq[i], 0) == k]
        for i in mine:
            es[i] = max(es[i], gate)
        for e in sorted((e for e in range(len(src)) if max(seq[src[e]], 0) == k), key=lambda e: pos[src[e]]):
            es[dst[e]] = max(es[dst[e]], es[src[e]] + w[e])
        gate = max([gate, *(es[i] + dur[i] for i in mine)])
        gates.append(gate)
    return es, gates


# -- random graphs ---------------------------------------------------------------------------------------------
@st.composite
def graphs(draw: st.DrawFn) -> PlanGraph:
    """A random DAG (links from a lower to a higher rank, ranks shuffled against plan order), duplicate links,
    isolated decisions, all four link types, quarter-week durations and lags, some stage inversions."""
    n = draw(st.integers(0, 40))
    rank = draw(st.permutations(range(n))) if n else []
    drawn = draw(
        st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))), max_size=4 * n)
    )
    pairs: list[tuple[int, int]] = [(a, b) if rank[a] < rank[b] else (b, a) for a, b in drawn if a != b]
    with_duplicates: bool = draw(st.booleans())
    if pairs and with_duplicates:
        pairs += draw(st.lists(st.sampled_from(pairs), max_size=5))
    m = len(pairs)
    src = np.array([a for a, _ in pairs], dtype=np.int64)
    dst = np.array([b for _, b in pairs], dtype=np.int64)
    q = st.integers(0, 16).map(lambda x: x / 4)
    dur = np.array(draw(st.lists(q, min_size=n, max_size=n)), dtype=np.float64)
    nb = np.array(draw(st.lists(q, min_size=n, max_size=n)), dtype=np.float64)
    stage = np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), dtype=np.int64)
    kind = np.array(draw(st.lists(st.integers(0, 3), min_size=m, max_size=m)), dtype=np.int8)
    lag = np.array(draw(st.lists(st.integers(-8, 8).map(lambda x: x / 4), min_size=m, max_size=m)))
    order, _ = ref_kahn(n, src.tolist(), dst.tolist())
    ids = [f"d{i}" for i in range(n)]
    return PlanGraph(
        ids=ids,
        index={x: i for i, x in enumerate(ids)},
        duration=dur,
        not_before=nb,
        stage=stage,
        src=src,
        dst=dst,
        kind=kind,
        lag=lag.reshape(m),
        edge_dep=np.arange(m),
        order=order,
    )


@FAST
@given(graphs())
def test_kahn_generations_and_order_match_the_plain_kahn(g: PlanGraph) -> None:
    order, leftover, levels, bounds = _kahn_generations(g.n, g.src, g.dst)
    ref_order, ref_gen = ref_kahn(g.n, g.src.tolist(), g.dst.tolist())
    assert order == ref_order and leftover == []
    assert generations(g).tolist() == ref_gen  # computed lazily: the graph was built without compile_plan
    assert levels == (max(ref_gen) + 1 if g.n else 0) == len(bounds) - 1
    if len(g.src):
        assert (generations(g)[g.src] < generations(g)[g.dst]).all()


@contextmanager
def links_per_generation(threshold: int) -> Iterator[None]:
    """Passes a generation at a time (0) or one link at a time (a huge threshold), whatever the graph."""
    old = graph_module.SWEEP_MIN_LINKS
    graph_module.SWEEP_MIN_LINKS = threshold
    try:
        yield
    finally:
        graph_module.SWEEP_MIN_LINKS = old


@pytest.mark.parametrize("threshold", [0, 10**9])
@FAST
@given(g=graphs())
def test_level_synchronous_passes_equal_the_link_by_link_loops(threshold: int, g: PlanGraph) -> None:
    with links_per_generation(threshold):
        _check_passes(g)


def _check_passes(g: PlanGraph) -> None:
    assert g.order is not None
    w = g.weights()
    floor = np.maximum(g.not_before, 0.0)
    src, dst, wl = g.src.tolist(), g.dst.tolist(), w.tolist()
    es = forward_pass(g, w, floor)
    assert es.tolist() == ref_forward(g.order, src, dst, wl, floor.tolist())  # exactly, not approximately
    finish = float((es + g.duration).max()) if g.n else 0.0
    ls = backward_pass(g, w, finish - g.duration)
    assert ls.tolist() == ref_backward(g.order, src, dst, wl, (finish - g.duration).tolist())
    seq = sequenced_stages(g)
    ref_seq = ref_forward(g.order, src, dst, [0.0] * len(src), g.stage.astype(float).tolist())
    assert seq.tolist() == [int(x) for x in ref_seq]
    if g.n:
        gated_es, gated_ef, gates = gated_schedule(g, w, seq, 4)
        ref_es, ref_gates = ref_gated(
            g.order, src, dst, wl, floor.tolist(), g.duration.tolist(), seq.tolist(), 4
        )
        assert gated_es.tolist() == ref_es and gates == ref_gates
        assert gated_ef.tolist() == (gated_es + g.duration).tolist()


@FAST
@given(graphs())
def test_the_backward_sweep_puts_duplicate_links_side_by_side(g: PlanGraph) -> None:
    e = backward_sweep(g).edges
    pairs = list(zip(g.src[e].tolist(), g.dst[e].tolist(), strict=True))
    gen = generations(g)
    keys = [(int(gen[u]), u, v, k) for (u, v), k in zip(pairs, e.tolist(), strict=True)]
    assert keys == sorted(keys)  # by generation of the predecessor, predecessor, successor, then plan order
    fwd = forward_sweep(g)
    assert sorted(fwd.edges.tolist()) == list(range(len(g.src)))
    assert np.all(np.diff(gen[g.dst[fwd.edges]]) >= 0)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 200_000), st.integers(0, 70_000)), max_size=60))
def test_radix_argsort_is_a_stable_sort_by_its_keys(rows: list[tuple[int, int, int]]) -> None:
    keys = [np.array([r[k] for r in rows], dtype=np.int64) for k in range(3)]
    got = radix_argsort(*keys).tolist()
    assert got == sorted(range(len(rows)), key=lambda i: (rows[i], i))
    assert radix_argsort(keys[1]).tolist() == sorted(range(len(rows)), key=lambda i: (rows[i][1], i))


def test_a_hand_checked_diamond() -> None:
    """a(3) -FS-> b(2), a -SS+1-> c(4), b -FF-> d(1), c -FS-> d. Generations 0, 1, 1, 2. ES: a 0, b 3, c 1,
    d max(3 + 2 - 1, 1 + 4) = 5; finish 6. LS: d 5, b min(6 - 2, 5 - 1) = 4, c min(2, 5 - 4) = 1,
    a min(3, 4 - 3, 1 - 1) = 0."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Diamond",
            "stages": [{"id": "validate", "name": "Validate"}],
            "decisions": [
                {"id": x, "title": x.upper(), "stage": "validate", "duration": d}
                for x, d in (("a", 3), ("b", 2), ("c", 4), ("d", 1))
            ],
            "dependencies": [
                {"from": "a", "to": "b"},
                {"from": "a", "to": "c", "type": "SS", "lag": 1},
                {"from": "b", "to": "d", "type": "FF"},
                {"from": "c", "to": "d"},
            ],
        }
    )
    g = compile_plan(plan)
    assert generations(g).tolist() == [0, 1, 1, 2] and g.levels == 3
    s = schedule(plan, graph=g)
    assert s.es.tolist() == [0.0, 3.0, 1.0, 5.0]
    assert s.ls.tolist() == [0.0, 4.0, 1.0, 5.0]
    assert s.finish == 6.0


# -- random plans: the columns, the progress pre-pass and the capacity findings --------------------------------
def _plans() -> list[Plan]:
    from benchmarks._plans import random_plan_dict

    out = []
    for seed in range(4):
        d = random_plan_dict(300, seed=seed)
        d["decisions"][7]["duration"] = 2.5  # a plain number among the three-point estimates
        d["decisions"][9].update(milestone=True, duration=0)
        out.append(plan_from_dict(copy.deepcopy(d)))
        d["status_date"] = "2027-05-03" if seed % 2 else 9.5
        for i, x in enumerate(d["decisions"]):
            if i % 7 == 0:
                x["actual_start"] = "2027-02-01" if seed % 2 else 2.0
            if i % 11 == 0:
                x["actual_finish"] = 30.0
            if i % 13 == 0:
                x["progress"] = 40
            if i % 19 == 0:
                x["status"] = "done"
            if i % 23 == 0:
                x["status"] = "blocked"
        for t in d["teams"]:
            t["capacity"] = 2.0
        d["decisions"][4]["headcount"] = 9
        out.append(plan_from_dict(d))
    return out


PLANS = _plans()


def test_columns_give_the_same_durations_as_the_plan() -> None:
    for plan in PLANS:
        cols = plan_columns(plan)
        for est in ESTIMATES:
            assert cols.durations(est).tolist() == durations(plan, est).tolist()
        assert cols.ids == [d.id for d in plan.decisions]
        assert cols.headcount.tolist() == [d.headcount for d in plan.decisions]


def test_the_graph_keeps_its_plans_columns_and_a_replaced_graph_does_not() -> None:
    plan = PLANS[0]
    g = compile_plan(plan)
    assert graph_columns(plan, g) is g.cols is not None
    assert graph_columns(PLANS[1], g) is None  # another plan: taken afresh
    edited = dataclasses.replace(g, duration=g.duration + 1)  # as the incremental re-analysis does
    assert edited.cols is None and graph_columns(plan, edited) is None
    assert columns_of(plan, edited).ids == g.ids
    plan2 = plan.model_copy(deep=True)
    g2 = compile_plan(plan2)
    plan2.decisions = plan2.decisions[:-1]  # a new decisions list: the columns no longer describe it
    assert graph_columns(plan2, g2) is None


def test_progress_arrays_equal_the_per_decision_pre_pass() -> None:
    for plan in PLANS:
        state = progress_state(plan)
        fraction, floor, done = _progress_arrays(plan, plan_columns(plan))
        assert fraction.tolist() == state.remaining_fraction.tolist()
        assert floor.tolist() == state.floor.tolist()
        assert done.tolist() == state.done.tolist()
        g = compile_plan(plan)
        fast, slow = apply_progress(plan, g), apply_progress(plan, g, state)
        assert fast.duration.tolist() == slow.duration.tolist()
        assert fast.not_before.tolist() == slow.not_before.tolist()


def test_capacity_findings_equal_the_stretch_by_stretch_path() -> None:
    seen = 0
    for plan in PLANS:
        s = analyze(plan).schedule
        assert s is not None
        for teams in (None, {0, 3, 5}):
            fast = _capacity_findings(plan, s, teams)
            assert fast == _capacity_findings_by_stretches(plan, s, teams)
            seen += len(fast)
    assert seen > 10  # the tight capacities do produce warnings
