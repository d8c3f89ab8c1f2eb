"""Costs (issue 17): a small plan's costs computed by hand, the spend curve, the price of gating in money, the
Monte Carlo cost figures (seeded, unchanged schedule figures) and the joint probability property."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analysis_to_dict, analyze
from planner.analysis.cost import (
    cost_breakdown,
    cost_risk,
    cost_summary,
    format_money,
    has_costs,
    target_week,
)
from planner.analysis.montecarlo import simulate
from planner.model import Plan, plan_from_dict


def small_plan(**extra: Any) -> Plan:
    """Hand-checked plan (weeks; EUR):

    a: team A (1000/person-week), 2 people x 2 weeks = 4000 labour, one-off 500 vendor; weeks 0-2
    c: team A, 1 x 1 = 1000; weeks 0-1
    d: team A, 0.5 x 4 = 2000; weeks 0-4
    b: team B (2000), 1 x 3 = 6000, runs 100/week (cloud) from its finish; after a: weeks 2-5
    m: milestone after b, no owner, one-off 300 (other); week 5
    Stages: s1 = a, c, d; s2 = b, m. Horizon 10: b runs 5 weeks = 500.
    """
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Costs",
        "start_date": "2027-01-04",
        "currency": "EUR",
        "horizon": 10,
        "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
        "areas": [{"id": "x", "name": "X"}],
        "teams": [{"id": "A", "name": "Team A", "rate": 1000}, {"id": "B", "name": "Team B", "rate": 2000}],
        "decisions": [
            {
                "id": "a",
                "title": "A",
                "stage": "s1",
                "owner": "A",
                "area": "x",
                "duration": 2,
                "headcount": 2,
                "cost": 500,
                "cost_category": "vendor",
            },
            {"id": "c", "title": "C", "stage": "s1", "owner": "A", "duration": 1, "headcount": 1},
            {"id": "d", "title": "D", "stage": "s1", "owner": "A", "duration": 4, "headcount": 0.5},
            {
                "id": "b",
                "title": "B",
                "stage": "s2",
                "owner": "B",
                "area": "x",
                "duration": 3,
                "headcount": 1,
                "run_rate": 100,
                "cost_category": "cloud",
            },
            {"id": "m", "title": "M", "stage": "s2", "milestone": True, "cost": 300},
        ],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "m"}],
    }
    data.update(extra)
    return plan_from_dict(data)


def test_costs_by_hand() -> None:
    plan = small_plan(target=6, cost_of_delay=1000, budget=15000)
    result = analyze(plan)
    assert result.ok and result.schedule is not None and result.stages is not None
    c = cost_breakdown(plan, result.schedule, result.stages)
    assert (c.labour, c.one_off, c.run) == (13000, 800, 500)
    assert c.total == 14300 and c.headroom == 700
    assert c.delay == 0  # finish 5 is before the target 6
    assert c.by_stage == [("s1", "One", 7500), ("s2", "Two", 6800)]
    assert c.by_team == [("A", "Team A", 7500), ("B", "Team B", 6500), ("(no owner)", "(no owner)", 300)]
    assert c.by_area == [("x", "X", 11000), ("(no area)", "(no area)", 3300)]
    assert c.by_category == [
        ("people", "People", 13000),
        ("cloud", "Cloud", 500),
        ("vendor", "Vendor", 500),
        ("other", "Other", 300),
    ]
    assert [d.total for d in c.decisions] == [4500, 1000, 2000, 6500, 300]
    for group in (c.by_stage, c.by_team, c.by_area, c.by_category):
        assert sum(x[2] for x in group) == pytest.approx(c.total)


def test_spend_curve_by_hand() -> None:
    plan = small_plan()
    result = analyze(plan)
    assert result.schedule is not None
    c = cost_breakdown(plan, result.schedule)
    # 0 | a 2250 + c 1000 + d 500 | a 4500 + c 1000 + d 1000 | + d 1000 + b 4000 | b done 13500, milestone +300 |
    # + b's run 100 x 5 weeks
    expected = [(0, 0), (1, 3750), (2, 6500), (4, 11500), (5, 13500), (5, 13800), (10, 14300)]
    assert len(c.spend_curve) == len(expected)
    for got, want in zip(c.spend_curve, expected, strict=True):
        assert got == pytest.approx(want)
    assert c.spend_by(4.5) == pytest.approx(12500)
    assert c.spend_by(5) == pytest.approx(13800) and c.spend_by(99) == pytest.approx(14300)


def test_price_of_strict_gates_in_money() -> None:
    plan = small_plan(target=6, cost_of_delay=1000)
    result = analyze(plan)
    assert result.stages is not None and result.schedule is not None
    c = cost_breakdown(plan, result.schedule, result.stages)
    # Gate 1 at week 4 (d) holds b to weeks 4-7: 2 weeks more. Burn = 13000 labour / 5 weeks = 2600 a week;
    # the gated finish (7) is 1 week past the target (6), the rolling one (5) is not late: 1000 more delay.
    assert c.gating is not None
    assert c.gating.weeks == 2 and c.gating.burn_rate == 2600
    assert (c.gating.labour, c.gating.delay, c.gating.money) == (5200, 1000, 6200)


def test_run_rate_to_the_finish_without_horizon_and_delay_cost_with_a_date_target() -> None:
    plan = small_plan(horizon=None, target="2027-01-25", cost_of_delay=250)  # 3 weeks after the start
    assert target_week(plan) == 3
    result = analyze(plan)
    assert result.schedule is not None
    c = cost_breakdown(plan, result.schedule)
    assert c.run == 0 and c.horizon == 5  # b finishes at the project finish: nothing runs before the end
    assert c.delay == 2 * 250


def test_a_date_target_without_start_date_counts_no_delay() -> None:
    plan = small_plan(start_date=None, target="2027-01-25", cost_of_delay=250)
    result = analyze(plan)
    assert result.schedule is not None
    c = cost_breakdown(plan, result.schedule)
    assert c.delay == 0 and any("start_date" in n for n in c.notes)


def test_analyze_json_carries_costs_only_when_the_plan_has_some() -> None:
    out = analysis_to_dict(analyze(small_plan()))
    assert out["cost"]["total"] == 14300 and out["cost"]["currency"] == "EUR"
    assert out["cost"]["by_stage"][0] == {"id": "s1", "name": "One", "cost": 7500}
    assert out["cost"]["spend_curve"][-1] == {"week": 10, "cumulative": 14300, "date": "2027-03-15"}
    bare = small_plan(teams=[], decisions=[{"id": "a", "title": "A", "stage": "s1"}], dependencies=[])
    assert not has_costs(bare) and "cost" not in analysis_to_dict(analyze(bare))
    assert cost_summary(bare, analyze(bare)) is None


def test_format_money() -> None:
    assert format_money(14300, "EUR") == "EUR 14,300"
    assert format_money(None) == "-"
    assert format_money(2_500_000, "USD", compact=True) == "USD 2.5M"


# -- Monte Carlo ----------------------------------------------------------------------------------------------
def uncertain_plan(**extra: Any) -> Plan:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "MC",
        "currency": "USD",
        "stages": [{"id": "s", "name": "S"}],
        "teams": [{"id": "t", "name": "T", "rate": 1000}],
        "decisions": [
            {
                "id": "a",
                "title": "A",
                "stage": "s",
                "owner": "t",
                "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3},
            },
        ],
    }
    data.update(extra)
    return plan_from_dict(data)


def test_fixed_durations_cost_the_same_in_every_iteration() -> None:
    plan = small_plan(budget=14300, target=5)
    sim = simulate(plan, iterations=50, seed=3)
    assert sim.cost is not None
    assert np.allclose(sim.cost, 14300)
    risk = cost_risk(sim)
    assert risk is not None
    assert risk.p50 == pytest.approx(14300) and risk.p_within_budget == 1 and risk.p_joint == 1


def test_cost_percentiles_are_reproducible_and_leave_the_schedule_figures_alone() -> None:
    plan = small_plan(
        decisions=[
            {
                "id": "a",
                "title": "A",
                "stage": "s1",
                "owner": "A",
                "duration": {"optimistic": 1, "likely": 2, "pessimistic": 5},
                "headcount": 2,
            },
            {
                "id": "b",
                "title": "B",
                "stage": "s2",
                "owner": "B",
                "duration": {"optimistic": 2, "likely": 3, "pessimistic": 4},
                "run_rate": 100,
            },
            {"id": "m", "title": "M", "stage": "s2", "milestone": True},
        ],
        risks=[{"id": "r", "title": "R", "probability": 0.3, "impact": 2, "decisions": ["b"]}],
    )
    one = simulate(plan, iterations=3000, seed=7)
    two = simulate(plan, iterations=3000, seed=7, chunk=128)
    assert one.cost is not None and two.cost is not None
    assert np.array_equal(one.cost, two.cost)
    other = simulate(plan, iterations=3000, seed=8)
    assert other.cost is not None and not np.array_equal(one.cost, other.cost)
    # The same plan without any money: every schedule figure identical, no cost arrays.
    no_money = plan.model_copy(deep=True)
    for t in no_money.teams:
        t.rate = None
    for d in no_money.decisions:
        d.run_rate = None
    no_money.budget = None
    bare = simulate(no_money, iterations=3000, seed=7)
    assert bare.cost is None
    assert np.array_equal(bare.finish, one.finish) and np.array_equal(bare.criticality, one.criticality)
    assert bare.percentiles() == one.percentiles()
    # Per iteration: labour follows the sampled durations (risk delay included), b runs from its finish to 10.
    full = simulate(plan, iterations=200, seed=7, keep_samples=True)
    assert full.samples is not None and full.cost is not None
    a, b = full.samples[:, 0], full.samples[:, 1]
    expected = 2 * 1000 * a + 2000 * b + 100 * (10 - (a + b))
    assert np.allclose(full.cost, expected)


def test_within_budget_and_by_target_by_hand() -> None:
    # One decision, triangular(1, 2, 3) weeks at 1000 a week: cost <= 2000 exactly when it takes <= 2 weeks,
    # which is half the time; the two events coincide, so the joint probability is that same half.
    plan = uncertain_plan(budget=2000, target=2)
    risk = cost_risk(simulate(plan, iterations=20_000, seed=11))
    assert risk is not None and risk.p_within_budget is not None
    assert risk.p_within_budget == pytest.approx(0.5, abs=0.015)
    assert risk.p_joint == risk.p_within_budget == risk.p_by_target
    assert risk.p50 == pytest.approx(2000, rel=0.01)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budget=st.floats(1000, 6000), target=st.floats(1, 6), seed=st.integers(0, 2**16))
def test_joint_probability_is_at_most_each(budget: float, target: float, seed: int) -> None:
    plan = uncertain_plan(
        budget=budget,
        target=target,
        decisions=[
            {
                "id": "a",
                "title": "A",
                "stage": "s",
                "owner": "t",
                "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3},
            },
            {
                "id": "b",
                "title": "B",
                "stage": "s",
                "duration": {"optimistic": 0, "likely": 1, "pessimistic": 4},
            },
        ],
        risks=[{"id": "r", "title": "R", "probability": 0.4, "impact": 1.5, "decisions": ["a"]}],
    )
    risk = cost_risk(simulate(plan, iterations=400, seed=seed))
    assert risk is not None
    assert risk.p_joint is not None and risk.p_within_budget is not None and risk.p_by_target is not None
    assert risk.p_joint <= min(risk.p_within_budget, risk.p_by_target)
    assert risk.p_joint >= risk.p_within_budget + risk.p_by_target - 1 - 1e-12


def test_simulate_json_has_cost() -> None:
    out = simulate(uncertain_plan(budget=2000, target=2), iterations=500, seed=1).to_dict()
    assert set(out["cost"]) >= {"p50", "p80", "p_within_budget", "p_by_target", "p_target_and_budget"}


def test_date_target_round_trip() -> None:
    plan = small_plan(target="2027-02-15")
    assert plan.target == dt.date(2027, 2, 15) and target_week(plan) == 6


def test_by_stage_and_category_by_hand() -> None:
    plan = small_plan()
    result = analyze(plan)
    assert result.schedule is not None
    rows = cost_breakdown(plan, result.schedule).by_stage_and_category(plan)
    assert rows == [
        ("s1", "One", {"people": 7000, "cloud": 0, "vendor": 500, "other": 0}),
        ("s2", "Two", {"people": 6000, "cloud": 500, "vendor": 0, "other": 300}),
    ]


def test_cli_text_shows_costs(tmp_path: Any, capsys: Any) -> None:
    from planner.cli import main
    from planner.model import save_plan

    path = tmp_path / "c.plan.json"
    save_plan(small_plan(budget=15000, target=6), path)
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Cost (spend):              EUR 14,300 (labour EUR 13,000, one-off EUR 800, running EUR 500 to week 10 "
        "(15 Mar 2027))" in out
    )
    assert "Budget:                    EUR 15,000 (headroom EUR 700)" in out
    assert main(["simulate", str(path), "-n", "200"]) == 0
    out = capsys.readouterr().out
    assert "P50 EUR 14,300" in out and "Probability of both: 100%" in out
