"""Properties of the SPEC's rules that no other test held (H-unseen21): the gated schedule (SPEC §3.3), the status
date (docs/progress-and-status-date.md), risks and the Monte Carlo (SPEC §3.4), baselines and costs, on random plans
drawn by the strategies of tests/analysis/test_properties.py and test_progress.py."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze, analyze_stages, schedule
from planner.analysis.baselines import make_baseline, stage_variance, variance
from planner.analysis.cost import cost_breakdown
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from tests.analysis.test_progress import progressed_plans
from tests.analysis.test_properties import STAGES, TOL, TYPES, lags, plan_dicts

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _gated_finish(data: dict[str, Any]) -> float:
    plan = plan_from_dict(data, "<random>")
    r = analyze(plan)
    assert r.stages is not None, [f.message for f in r.findings]
    return r.stages.gated_finish


# -- the gated schedule ----------------------------------------------------------------------------------------------
@SETTINGS
@given(data=plan_dicts(), k=st.integers(1, len(STAGES) - 1))
def test_removing_a_strict_gate_never_makes_the_gated_finish_later(data: dict[str, Any], k: int) -> None:
    # Stage k merged into stage k-1 (its decisions move there, the stage goes): the gate between them is gone and
    # every other gate stays, so the gated finish cannot grow; the rolling schedule does not change at all.
    before = _gated_finish(data)
    merged = copy.deepcopy(data)
    gone, into = STAGES[k], STAGES[k - 1]
    merged["stages"] = [s for s in merged["stages"] if s["id"] != gone]
    for d in merged["decisions"]:
        if d["stage"] == gone:
            d["stage"] = into
    assert _gated_finish(merged) <= before + TOL
    assert schedule(plan_from_dict(merged)).finish == schedule(plan_from_dict(data)).finish


@SETTINGS
@given(data=plan_dicts())
def test_one_stage_has_no_price_of_gates(data: dict[str, Any]) -> None:
    one = copy.deepcopy(data)
    one["stages"] = [one["stages"][0]]
    for d in one["decisions"]:
        d["stage"] = one["stages"][0]["id"]
    plan = plan_from_dict(one)
    s = schedule(plan)
    st_ = analyze_stages(plan, s)
    assert st_.gated_finish == pytest.approx(s.finish, abs=TOL)
    np.testing.assert_allclose(st_.gated_es, s.es, atol=TOL)


@SETTINGS
@given(data=plan_dicts(), extra=st.data())
def test_adding_a_dependency_never_brings_any_start_or_gate_forward(
    data: dict[str, Any], extra: st.DataObject
) -> None:
    n = len(data["decisions"])
    if n < 2:
        return
    i = extra.draw(st.integers(0, n - 2))
    j = extra.draw(st.integers(i + 1, n - 1))
    dep = {
        "from": f"d{i}",
        "to": f"d{j}",
        "type": extra.draw(st.sampled_from(TYPES)),
        "lag": extra.draw(lags),
    }
    a = plan_from_dict(data)
    b = plan_from_dict({**data, "dependencies": [*data["dependencies"], dep]})
    sa, sb = schedule(a), schedule(b)
    for did, k in sa.index.items():
        assert sb.es[sb.index[did]] >= sa.es[k] - TOL
    ga, gb = analyze_stages(a, sa), analyze_stages(b, sb)
    if ga.sequenced.tolist() == gb.sequenced.tolist():
        # Unless the link moves a decision to a later stage (test_an_inverted_link_can_shorten_the_gated_finish),
        # it only adds a constraint to the gated forward pass as well.
        for ra, rb in zip(ga.stages, gb.stages, strict=True):
            assert rb.gate >= ra.gate - TOL
        np.testing.assert_array_less(ga.gated_es - TOL, gb.gated_es + TOL)


def test_an_inverted_link_can_shorten_the_gated_finish(make_plan: Any) -> None:
    # SPEC §3.3 gates the stages by *sequenced* stage. Validate: x (10 weeks); Integrate: y (1), z (10); no links.
    # Gated: Validate's gate at 10, y and z run 10-20: gated finish 20. Add y -> x (an inversion): x is sequenced
    # into Integrate, Validate has no work and its gate is at 0, so y runs 0-1, z 0-10, x 1-11: gated finish 11,
    # earlier although a constraint was added. This pins the rule down (a SPEC question, reported by H-unseen21).
    decisions = [
        {"id": "x", "stage": "validate", "duration": 10},
        {"id": "y", "stage": "integrate", "duration": 1},
        {"id": "z", "stage": "integrate", "duration": 10},
    ]
    before = make_plan(decisions, [])
    after = make_plan(decisions, [("y", "x")])
    g0 = analyze_stages(before, schedule(before))
    g1 = analyze_stages(after, schedule(after))
    assert (g0.gated_finish, schedule(before).finish) == (20, 10)
    assert (g1.gated_finish, schedule(after).finish) == (11, 11)
    assert [r.gate for r in g1.stages[:2]] == [0, 11]


# -- the status date ---------------------------------------------------------------------------------------------
@SETTINGS
@given(data=progressed_plans(), later=st.integers(1, 16))
def test_a_later_status_date_never_makes_the_finish_earlier(data: dict[str, Any], later: int) -> None:
    # Work not done is scheduled from the status date, so moving the date on (the same progress recorded) can only
    # push work later.
    s0 = data.get("status_date") or 0.0
    a = analyze(plan_from_dict(data, "<random>")).schedule
    b = analyze(plan_from_dict({**data, "status_date": s0 + later / 2}, "<random>")).schedule
    assert a is not None and b is not None
    assert b.finish >= a.finish - TOL


@SETTINGS
@given(data=progressed_plans())
def test_the_critical_path_runs_from_its_start_to_the_finish_with_progress(data: dict[str, Any]) -> None:
    r = analyze(plan_from_dict(data, "<random>"))
    s = r.schedule
    assert s is not None
    path = list(s.critical_path)
    if not path:
        assert not s.ids or s.finish == 0 or all(not c for c in s.critical)
        return
    assert all(s.critical[s.index[x]] for x in path)
    assert s.ef[s.index[path[-1]]] == pytest.approx(s.finish, abs=TOL)
    assert (s.total_float >= -TOL).all() and (s.free_float >= -TOL).all()
    assert (s.free_float <= s.total_float + TOL).all()


@SETTINGS
@given(data=progressed_plans())
def test_a_baseline_taken_now_reads_no_slip(data: dict[str, Any]) -> None:
    plan = plan_from_dict(data, "<random>")
    r = analyze(plan)
    assert r.schedule is not None
    assert r.stages is not None
    base = make_baseline(r.schedule, "now", stages=r.stages, plan=plan)
    v = variance(r.schedule, base, plan)
    assert v.finish == pytest.approx(v.baseline_finish, abs=TOL)
    assert all(x.start_slip == 0 and x.finish_slip == 0 and x.status == "same" for x in v.decisions)
    for sv in stage_variance(plan, r.stages, base):
        assert sv.gate == pytest.approx(sv.baseline_gate, abs=TOL)


# -- risks and the Monte Carlo ---------------------------------------------------------------------------------------
@SETTINGS
@given(data=plan_dicts(max_decisions=8), seed=st.integers(0, 2**16), extra=st.data())
def test_a_risk_that_never_fires_changes_no_figure(
    data: dict[str, Any], seed: int, extra: st.DataObject
) -> None:
    if not data["decisions"]:
        return
    hit = extra.draw(st.lists(st.sampled_from([d["id"] for d in data["decisions"]]), min_size=1, unique=True))
    risky = {
        **data,
        "risks": [{"id": "r", "title": "Never", "probability": 0, "impact": 5, "decisions": hit}],
    }
    a = simulate(plan_from_dict(data), 200, seed=seed)
    b = simulate(plan_from_dict(risky), 200, seed=seed)
    np.testing.assert_array_equal(a.finish, b.finish)
    assert a.percentiles() == b.percentiles()


@SETTINGS
@given(data=plan_dicts(max_decisions=8, types=("FS", "SS")), seed=st.integers(0, 2**16))
def test_every_iteration_lies_between_the_optimistic_and_the_pessimistic_plan(
    data: dict[str, Any], seed: int
) -> None:
    # With FS and SS links the finish grows with every duration, and each iteration samples each duration between
    # its optimistic and pessimistic estimate.
    plan = plan_from_dict(data)
    r = simulate(plan, 200, seed=seed)
    lo, hi = schedule(plan, "optimistic").finish, schedule(plan, "pessimistic").finish
    if r.iterations:
        assert float(r.finish.min()) >= lo - TOL and float(r.finish.max()) <= hi + TOL


# -- costs ----------------------------------------------------------------------------------------------------------
@st.composite
def costed_plans(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(plan_dicts(max_decisions=10))
    data["currency"] = "EUR"
    data["teams"] = [
        {"id": "t", "name": "T", "capacity": 2, "rate": draw(st.sampled_from([0, 1000, 2500.5]))}
    ]
    data["areas"] = [{"id": "a1", "name": "A1"}, {"id": "a2", "name": "A2"}]
    for d in data["decisions"]:
        if draw(st.booleans()):
            d["cost"] = draw(st.sampled_from([0, 100, 12345.5]))
        if draw(st.booleans()):
            d["owner"] = "t"
        if draw(st.booleans()):
            d["area"] = draw(st.sampled_from(["a1", "a2"]))
        if draw(st.integers(0, 3)) == 0:
            d["run_rate"] = draw(st.sampled_from([10, 250.25]))
    return data


@SETTINGS
@given(data=costed_plans())
def test_cost_totals_add_up_every_way(data: dict[str, Any]) -> None:
    plan = plan_from_dict(data)
    r = analyze(plan)
    assert r.schedule is not None and r.stages is not None
    c = cost_breakdown(plan, r.schedule, r.stages)
    total = c.total
    for rows in (c.by_stage, c.by_area, c.by_team, c.by_category):
        assert sum(x for _, _, x in rows) == pytest.approx(total)
    assert sum(d.labour + d.one_off + d.run for d in c.decisions) == pytest.approx(total)
    assert c.labour + c.one_off + c.run == pytest.approx(total)
