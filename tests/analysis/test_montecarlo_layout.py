"""The Monte Carlo passes' layout (issue 12): padded blocks, prefix slots and targeted slots per level.

How the links of a level are grouped depends on the chunk width (``_CALL_CELLS`` weighs a numpy call against
the cells it touches), so the same plan runs through different code paths at 100 and at 1,000 iterations per
chunk. Every layout must give the CPM of :func:`planner.analysis.schedule` and the same results bit for bit.
The layouts are forced here by setting ``_CALL_CELLS`` to 0 (narrowest blocks: every extra link a slot of its own)
and to a huge value (widest blocks: every level one padded gather)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.analysis.montecarlo as mc
from planner.analysis import schedule
from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.stages import sequenced_stages
from planner.model import Plan, plan_from_dict

TYPES = ("FS", "SS", "FF", "SF")
STAGES = ("validate", "integrate", "operationalize", "scale")
NARROW, WIDE = 0, 10**12


@st.composite
def hub_plans(draw: st.DrawFn) -> Plan:
    """Random acyclic plans with a few hubs (decisions with many links in or out), every link type, lags and
    leads, not-before dates and milestones: levels with uneven link counts, which is what the slots are for."""
    n = draw(st.integers(2, 24))
    q = st.integers(0, 16).map(lambda x: x / 4)
    decisions = []
    for i in range(n):
        dec: dict[str, Any] = {"id": f"d{i}", "title": f"D{i}", "stage": draw(st.sampled_from(STAGES))}
        if draw(st.integers(0, 8)) == 0:
            dec["milestone"] = True
        else:
            o = draw(q)
            likely = o + draw(q)
            dec["duration"] = {"optimistic": o, "likely": likely, "pessimistic": likely + draw(q)}
        if draw(st.integers(0, 4)) == 0:
            dec["not_before"] = draw(q)
        decisions.append(dec)
    hubs = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    pairs = set()
    for _ in range(draw(st.integers(0, 4 * n))):
        i = draw(st.sampled_from(hubs)) if draw(st.booleans()) else draw(st.integers(0, n - 1))
        j = draw(st.integers(0, n - 1))
        if i != j:
            pairs.add((min(i, j), max(i, j)))
    deps = [
        {
            "from": f"d{i}",
            "to": f"d{j}",
            "type": draw(st.sampled_from(TYPES)),
            "lag": draw(st.integers(-8, 8)) / 4,
        }
        for i, j in sorted(pairs)
    ]
    order = draw(st.permutations(range(n)))
    data = {
        "schema_version": 1,
        "title": "t",
        "stages": [{"id": s, "name": s} for s in STAGES],
        "decisions": [decisions[k] for k in order],
        "dependencies": deps,
    }
    return plan_from_dict(data, "<hubs>")


def _passes(
    plan: Plan, call_cells: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, np.ndarray, np.ndarray]:
    """(model, [ES; EF], [LS; LF]) of the likely durations under one layout, forward numbering."""
    monkeypatch.setattr(mc, "_CALL_CELLS", call_cells)
    graph = apply_progress(plan, compile_plan(plan))
    m = mc._compile(plan, graph, sequenced_stages(graph), 1)
    n = m.n
    d = m.mode[:, None].copy()
    w = np.empty((3 * n + 1, 1))
    w[3 * n] = -np.inf
    mc._forward(m, d, w)
    early = w[: 2 * n, 0].copy()
    finish = w[n : 2 * n].max(axis=0)
    w[3 * n] = np.inf
    mc._backward(m, d, finish, w)
    late = np.concatenate([w[2 * n : 3 * n, 0], w[n : 2 * n, 0]])
    return m, early, late


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(hub_plans())
def test_every_layout_is_the_cpm(plan: Plan) -> None:
    """Early and late dates of both passes, under the narrowest and the widest blocks, are the CPM's."""
    cpm = schedule(plan)
    n = len(plan.decisions)
    with pytest.MonkeyPatch.context() as mp:
        for call_cells in (NARROW, WIDE):
            m, a, b = _passes(plan, call_cells, mp)
            pos = m.fwd.pos
            np.testing.assert_allclose(a[pos], cpm.es, rtol=0, atol=1e-9)
            np.testing.assert_allclose(a[n + pos], cpm.ef, rtol=0, atol=1e-9)
            np.testing.assert_allclose(b[pos], cpm.ls, rtol=0, atol=1e-9)
            np.testing.assert_allclose(b[n + pos], cpm.lf, rtol=0, atol=1e-9)


def test_the_layouts_differ_where_a_level_has_uneven_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hub with four predecessors next to a decision with one: narrow blocks give the hub's extra links slots
    of their own (a prefix of the level forward, targeted backward), wide blocks pad them into one gather."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "hub",
            "stages": [{"id": s, "name": s} for s in STAGES],
            "decisions": [
                {"id": i, "title": i, "stage": "validate", "duration": w}
                for i, w in (("a", 1), ("b", 2), ("c", 3), ("e", 4), ("hub", 1), ("one", 2))
            ],
            "dependencies": [
                *({"from": x, "to": "hub"} for x in ("a", "b", "c", "e")),
                {"from": "a", "to": "one", "type": "SS", "lag": 1},
                {"from": "b", "to": "one", "type": "FF", "lag": 0.5},
            ],
        },
        "<hub>",
    )
    m, a, b = _passes(plan, NARROW, monkeypatch)
    top = m.fwd.levels[1]
    assert top.w == 1 and [cnt for cnt, _, _ in top.slots] == [1, 1, 1]  # the hub's links 2 to 4
    assert top.o_nodes is not None and len(top.o_nodes) == 1  # FF into "one"
    # backward, b has two FS/FF links out (to hub, to one): its second one is a targeted slot
    assert [len(t) for lv in m.bwd.levels for t, _, _ in lv.targeted] == [1]
    m_w, a_w, b_w = _passes(plan, WIDE, monkeypatch)
    assert m_w.fwd.levels[1].w == 4 and m_w.fwd.levels[1].slots == []
    np.testing.assert_array_equal(a, a_w)
    np.testing.assert_array_equal(b, b_w)
    # Hand-checked: hub starts when e (4 weeks) ends; one starts at a's start + 1 and must end no earlier than
    # b's end + 0.5 = 2.5, so it starts at max(1, 2.5 - 2) = 1; the finish is hub's end, 5.
    es = dict(zip([plan.decisions[i].id for i in m.fwd.perm.tolist()], a[: m.n].tolist(), strict=True))
    assert es["hub"] == 4.0 and es["one"] == 1.0 and a[m.n :].max() == 5.0


def test_targeted_slots_backward(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decision with three FS successors: backward, narrow blocks give its 2nd and 3rd links targeted slots."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "fan-out",
            "stages": [{"id": s, "name": s} for s in STAGES],
            "decisions": [
                {"id": i, "title": i, "stage": "validate", "duration": w}
                for i, w in (("src", 2), ("x", 1), ("y", 3), ("z", 2), ("solo", 1))
            ],
            "dependencies": [
                {"from": "src", "to": t, "lag": lag} for t, lag in (("x", 0), ("y", 1), ("z", -1))
            ],
        },
        "<fan-out>",
    )
    m, _, b = _passes(plan, NARROW, monkeypatch)
    bottom = m.bwd.levels[-1]  # level 0 (src and solo), walked last
    assert [len(t) for t, _, _ in bottom.targeted] == [1, 1]
    ids = [plan.decisions[i].id for i in m.fwd.perm.tolist()]
    ls = dict(zip(ids, b[: m.n].tolist(), strict=True))
    # Hand-checked: finish = src 2 + lag 1 + y 3 = 6; src's late finish = min(6-1, 6-3-1, 6-2+1) = 2 -> LS 0.
    assert ls["src"] == 0.0 and ls["x"] == 5.0 and ls["z"] == 4.0 and ls["solo"] == 5.0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(hub_plans(), st.integers(0, 2**16))
def test_simulation_results_do_not_depend_on_the_layout(plan: Plan, seed: int) -> None:
    """Finish, criticality, stage ends, correlations and each risk's P80 without it: bit for bit the same under
    every layout (everything is a maximum or minimum of the same sums)."""
    ids = [d.id for d in plan.decisions]
    data = plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["risks"] = [
        {"id": "r1", "title": "R1", "probability": 0.5, "impact": 2, "decisions": ids[:2]},
        {
            "id": "r2",
            "title": "R2",
            "probability": 0.3,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4},
            "decisions": ids[-1:],
        },
    ]
    plan = plan_from_dict(data, "<risks>")
    out = []
    with pytest.MonkeyPatch.context() as mp:
        for call_cells in (NARROW, WIDE):
            mp.setattr(mc, "_CALL_CELLS", call_cells)
            out.append(mc.simulate(plan, 60, seed=seed, chunk=25))
    x, y = out
    np.testing.assert_array_equal(x.finish, y.finish)
    np.testing.assert_array_equal(x.criticality, y.criticality)
    np.testing.assert_array_equal(x.correlation, y.correlation)
    assert x.deterministic_finish == y.deterministic_finish == schedule(plan).finish
    for s, t in zip(x.stages, y.stages, strict=True):
        np.testing.assert_array_equal(s.samples, t.samples)
        assert s.deterministic == t.deterministic
    assert [r.p80_without for r in x.risks] == [r.p80_without for r in y.risks]


def test_levels_are_the_longest_chain_of_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # a -> b -> d, a -> c (SS), c -> d (FF), e alone: levels a, e: 0; b, c: 1; d: 2 (by its longest chain).
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "levels",
            "stages": [{"id": s, "name": s} for s in STAGES],
            "decisions": [
                {"id": i, "title": i, "stage": "validate", "duration": 1} for i in ("d", "c", "b", "a", "e")
            ],
            "dependencies": [
                {"from": "a", "to": "b"},
                {"from": "b", "to": "d"},
                {"from": "a", "to": "c", "type": "SS"},
                {"from": "c", "to": "d", "type": "FF"},
            ],
        },
        "<levels>",
    )
    m, _, _ = _passes(plan, NARROW, monkeypatch)
    ids = [plan.decisions[i].id for i in m.fwd.perm.tolist()]
    levels = [sorted(ids[lv.lo : lv.hi]) for lv in m.fwd.levels]
    assert levels == [["a", "e"], ["b", "c"], ["d"]]
    assert [sorted(ids[lv.lo : lv.hi]) for lv in m.bwd.levels] == levels[::-1]


def test_chunks_are_equal_and_within_the_memory_budget() -> None:
    assert mc.chunk_size(1_000, 10_000, 56) == 1_000
    assert (
        mc.chunk_size(1_000, 10_001, 56) == 910
    )  # 11 chunks of 910 or 909, not ten of 1,000 and a rest of 1
    assert mc.chunk_size(10_000, 1_000, 360) == 500  # 5M cells: two chunks
    assert mc.chunk_size(100_000, 100, 3_600) == 100  # many levels: one walk over them, not two (10M cells)
    assert mc.chunk_size(100_000, 100) == 50  # few levels for the size: 5M cells
    assert mc.chunk_size(20_000, 1_000, 20_000) == 500  # a chain: as wide as 10M cells allow
    assert mc.chunk_size(1_000_000, 1_000, 10) == 63  # 16 chunks of at most the 64-iteration floor
    assert mc.chunk_size(5, 1) == 1


def test_the_deterministic_column_ignores_risks_and_the_chunking() -> None:
    """The likely schedule rides along as the last column of every chunk: it is the CPM whatever fires."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "risky",
            "stages": [{"id": s, "name": s} for s in STAGES],
            "decisions": [
                {
                    "id": "a",
                    "title": "A",
                    "stage": "validate",
                    "duration": {"optimistic": 1, "likely": 2, "pessimistic": 6},
                },
                {"id": "b", "title": "B", "stage": "scale", "duration": 3},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
            "risks": [{"id": "r", "title": "R", "probability": 1, "impact": 5, "decisions": ["a"]}],
        },
        "<risky>",
    )
    for chunk in (1, 7, 100):
        r = mc.simulate(plan, 100, seed=2, chunk=chunk)
        assert r.deterministic_finish == 5.0  # 2 + 3, no risk
        assert [s.deterministic for s in r.stages] == [2.0, 2.0, 2.0, 5.0]
        assert r.finish.min() >= 1 + 5 + 3
