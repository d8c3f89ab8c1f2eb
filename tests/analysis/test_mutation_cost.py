"""Mutation tests of planner/analysis/cost.py: each test kills mutants that survived tests/analysis/test_cost.py
(``scripts/mutate.py planner/analysis/cost.py tests/analysis/test_cost.py``), against cases worked out by hand."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from planner.analysis import analysis_to_dict, analyze
from planner.analysis.cost import (
    NOT_PRICED,
    CostRisk,
    CostSummary,
    GatingPrice,
    cost_breakdown,
    cost_risk,
    cost_summary,
    format_money,
    gating_money_text,
    has_costs,
)
from planner.analysis.montecarlo import simulate
from planner.model import Plan, plan_from_dict
from tests.analysis.test_cost import small_plan, uncertain_plan


def plan_of(decisions: list[dict[str, Any]], teams: list[dict[str, Any]] | None = None, **extra: Any) -> Plan:
    """Two stages, the given decisions (stage s1 unless they say), no links; EUR."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Mutants",
        "currency": "EUR",
        "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
        "teams": teams or [],
        "decisions": [{"title": d["id"].upper(), "stage": "s1", **d} for d in decisions],
    }
    data.update(extra)
    return plan_from_dict(data)


TEAMS: list[dict[str, Any]] = [
    {"id": "A", "name": "Team A", "rate": 1000},
    {"id": "B", "name": "Team B"},
]  # B has no rate


def breakdown(plan: Plan) -> Any:
    result = analyze(plan)
    assert result.schedule is not None
    return cost_breakdown(plan, result.schedule, result.stages)


# -- what counts as money -------------------------------------------------------------------------------------------
def test_one_team_rate_or_one_decision_cost_or_run_rate_is_enough_to_have_costs() -> None:
    # Team B has no rate, no decision costs anything: A's rate alone makes the plan priced.
    assert has_costs(plan_of([{"id": "x", "owner": "A", "duration": 1}], TEAMS))
    assert has_costs(plan_of([{"id": "x", "duration": 1, "cost": 300}]))  # a one-off and no run rate
    assert has_costs(plan_of([{"id": "x", "duration": 1, "run_rate": 50}]))  # a run rate and no one-off
    # One decision with a one-off, one without (and no rate anywhere): priced.
    assert has_costs(plan_of([{"id": "x", "duration": 1, "cost": 300}, {"id": "y", "duration": 1}]))
    assert not has_costs(plan_of([{"id": "x", "owner": "B", "duration": 1}], TEAMS[1:]))  # B alone: no rate


def test_no_labour_without_a_rate_or_an_owner() -> None:
    # x: team A (1000), 2 people x 3 weeks = 6000; y: team B (no rate), 1 x 2 = 0; z: no owner, 1 x 4 = 0.
    plan = plan_of(
        [
            {"id": "x", "owner": "A", "duration": 3, "headcount": 2},
            {"id": "y", "owner": "B", "duration": 2, "headcount": 1},
            {"id": "z", "duration": 4, "headcount": 1},
        ],
        TEAMS,
    )
    c = breakdown(plan)
    assert c.labour == 6000 and [d.labour for d in c.decisions] == [6000, 0, 0]
    # The people category is listed even at 0; other categories only when they hold money.
    assert c.by_category == [("people", "People", 6000)]


def test_people_row_at_zero_and_no_empty_categories() -> None:
    # Only a 300 one-off (category other), no rates: People 0 is still shown, Cloud/Vendor at 0 are not.
    c = breakdown(plan_of([{"id": "x", "duration": 1, "cost": 300}]))
    assert c.by_category == [("people", "People", 0), ("other", "Other", 300)]


def test_a_target_without_cost_of_delay_costs_nothing() -> None:
    c = breakdown(small_plan(target=3))  # finish 5, two weeks late, but no cost_of_delay: 0
    assert c.delay == 0 and c.notes == []  # a target in weeks needs no start_date: no note


# -- running costs past the horizon ----------------------------------------------------------------------------
def test_note_when_a_running_cost_starts_after_the_horizon() -> None:
    note = "some running costs start after the horizon and count nothing"
    assert note in breakdown(small_plan(horizon=4)).notes  # b runs from week 5
    assert breakdown(small_plan(horizon=5)).notes == []  # b finishes at the horizon: runs 0 weeks, no note
    # c runs 1 a week from week 1; x (no run rate) finishes at 5, after the horizon 3: no note.
    runs_early = [
        {"id": "c", "owner": "A", "duration": 1, "run_rate": 1},
        {"id": "x", "owner": "A", "duration": 5},
    ]
    quiet = breakdown(plan_of(runs_early, TEAMS, horizon=3))
    assert quiet.notes == [] and quiet.run == 2  # 1 a week x (3 - 1) weeks
    assert note in breakdown(plan_of(runs_early, TEAMS, horizon=0.5)).notes  # c finishes at 1 > 0.5


# -- the spend curve -------------------------------------------------------------------------------------------
def test_spend_by_before_the_start_and_inside_wide_segments() -> None:
    c = breakdown(small_plan())
    assert c.spend_by(-1) == 0
    # Week 0.5: a 4500 x 0.5/2 = 1125, c 1000 x 0.5 = 500, d 2000 x 0.5/4 = 250: 1875.
    assert c.spend_by(0.5) == pytest.approx(1875)
    # Week 3 (inside the 2-week segment 2-4): a 4500 + c 1000 + d 2000 x 3/4 = 1500 + b 6000 x 1/3 = 2000: 9000.
    assert c.spend_by(3) == pytest.approx(9000)


def test_a_milestone_cost_at_week_0_is_spent_from_the_start() -> None:
    # m: milestone at 0 costing 300; x: team A, 1 x 2 weeks = 2000 over weeks 0-2.
    c = breakdown(
        plan_of(
            [{"id": "m", "milestone": True, "cost": 300}, {"id": "x", "owner": "A", "duration": 2}], TEAMS
        )
    )
    assert c.spend_curve == [(0, 300), (2, 2300)]
    assert c.spend_by(0) == 300 and c.spend_by(1) == pytest.approx(1300)


def test_spend_curve_of_one_decision_and_of_a_late_start() -> None:
    one = breakdown(plan_of([{"id": "x", "owner": "A", "duration": 2}], TEAMS))
    assert one.spend_curve == [(0, 0), (2, 2000)]
    # Not before week 3: nothing spent from 0 to 3, then 2000 over weeks 3-5.
    late = breakdown(plan_of([{"id": "x", "owner": "A", "duration": 2, "not_before": 3}], TEAMS))
    assert late.spend_curve == [(0, 0), (3, 0), (5, 2000)]


def test_spend_curve_of_a_half_week_decision() -> None:
    # x: 1 x 0.5 weeks = 500 over weeks 0-0.5; y: 1 x 2 = 2000 over 0-2. Week 0.5: 500 + 2000 x 0.5/2 = 1000.
    c = breakdown(
        plan_of([{"id": "x", "owner": "A", "duration": 0.5}, {"id": "y", "owner": "A", "duration": 2}], TEAMS)
    )
    assert c.spend_curve == [(0, 0), (0.5, 1000), (2, 2500)]


def test_a_plan_with_only_a_budget() -> None:
    c = breakdown(plan_of([], budget=5000))
    assert (c.total, c.headroom, c.spend_curve) == (0, 5000, [(0, 0)])


# -- the price of strict gates ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("target", "extra"),
    [
        (4, 2000),  # gated 7 is 3 weeks late, rolling 5 is 1 week late: 2 weeks x 1000
        (5.5, 1500),  # gated 1.5 weeks late, rolling not late: 1.5 x 1000
        (6.5, 500),  # gated 0.5 weeks late: 500
    ],
)
def test_extra_delay_of_strict_gates(target: float, extra: float) -> None:
    c = breakdown(small_plan(target=target, cost_of_delay=1000))
    assert c.gating is not None and c.gating.delay == pytest.approx(extra)


def test_strict_gates_without_a_target_add_no_delay_and_json_carries_the_price() -> None:
    c = breakdown(small_plan(cost_of_delay=1000))
    assert c.gating is not None and c.gating.delay == 0 and c.gating.money == 5200  # 2 weeks x 2600
    out = analysis_to_dict(analyze(small_plan(target=6, cost_of_delay=1000)))
    # As test_cost's hand check: 2 weeks x 2600 a week = 5200 labour + 1 late week x 1000.
    assert out["cost"]["gating_price"] == {
        "weeks": 2,
        "burn_rate": 2600,
        "labour": 5200,
        "cost_of_delay": 1000,
        "total": 6200,
    }


def test_burn_rate_of_a_one_week_plan_and_of_a_plan_that_ends_at_week_0() -> None:
    one_week = breakdown(plan_of([{"id": "x", "owner": "A", "duration": 1}], TEAMS))
    assert one_week.gating is not None and one_week.gating.burn_rate == 1000  # 1000 labour / 1 week
    at_zero = breakdown(plan_of([{"id": "m", "milestone": True, "cost": 300}]))
    assert at_zero.finish == 0 and at_zero.gating is not None
    assert (at_zero.gating.burn_rate, at_zero.gating.money) == (0, 0)
    assert gating_money_text(at_zero.gating) == NOT_PRICED


def test_gating_money_text_at_the_edges() -> None:
    assert (
        gating_money_text(GatingPrice(weeks=1, burn_rate=0, labour=0, delay=0, currency="EUR")) == NOT_PRICED
    )
    assert gating_money_text(GatingPrice(weeks=1, burn_rate=1, labour=1, delay=0, currency="EUR")) == "EUR 1"


# -- Monte Carlo figures ---------------------------------------------------------------------------------------
def test_simulated_cost_of_delay_with_fixed_durations() -> None:
    # Every iteration finishes at 5, target 3: 2 weeks x 1000 = 2000 of delay in each.
    sim = simulate(small_plan(target=3, cost_of_delay=1000), iterations=50, seed=3)
    assert sim.delay_cost is not None and np.allclose(sim.delay_cost, 2000)
    risk = cost_risk(sim)
    assert risk is not None and risk.delay_p80 == pytest.approx(2000) and risk.p_by_target == 0
    # A cost of delay without a target: no delay, no by-target probability.
    free = cost_risk(simulate(small_plan(cost_of_delay=1000), iterations=50, seed=3))
    assert free is not None and free.delay_p80 == 0 and free.p_by_target is None


def test_cost_percentiles_of_a_triangular_duration() -> None:
    # Triangular(1, 2, 3) weeks at 1000 a week. CDF above 2: 1 - (3 - x)^2 / 2, so
    # P50 = 2 -> 2000; P80: (3 - x)^2 = 0.4, x = 2.3675 -> 2367.5; P90: (3 - x)^2 = 0.2, x = 2.5528 -> 2552.8.
    # Delay 1000 x max(0, x - 2): its P80 is 367.5. (P51/P81/P91 would be 2010, 2383.6, 2575.7 and 383.6.)
    risk = cost_risk(simulate(uncertain_plan(target=2, cost_of_delay=1000), iterations=20_000, seed=11))
    assert risk is not None
    assert risk.p50 == pytest.approx(2000, abs=6)
    assert risk.p80 == pytest.approx(2367.5, abs=8)
    assert risk.p90 == pytest.approx(2552.8, abs=10)
    assert risk.delay_p80 == pytest.approx(367.5, abs=8)


def test_no_cost_risk_without_money_and_a_zero_budget_is_met_by_zero_spend() -> None:
    assert cost_risk(simulate(plan_of([{"id": "x", "duration": 1}]), iterations=20, seed=1)) is None
    # Team B has no rate: every iteration spends 0, which is within a budget of 0.
    zero = cost_risk(
        simulate(plan_of([{"id": "x", "owner": "B", "duration": 1}], TEAMS, budget=0), 20, seed=1)
    )
    assert zero is not None and zero.p_within_budget == 1


def test_a_budget_without_a_target_has_no_joint_probability() -> None:
    risk = cost_risk(simulate(small_plan(budget=15000), iterations=50, seed=3))
    assert risk is not None
    assert (risk.p_within_budget, risk.p_by_target, risk.p_joint) == (1, None, None)


def test_cost_summary_reads_the_simulation_it_is_given() -> None:
    plan = small_plan(budget=15000)
    summary = cost_summary(plan, analyze(plan), simulate(plan, iterations=50, seed=3))
    assert summary is not None and summary.risk is not None and summary.risk.p50 == pytest.approx(14300)
    assert not summary.spend_varies  # fixed durations: every run spends 14300


def _risk(p50: float, p80: float) -> CostRisk:
    return CostRisk(100, p50, p50, p80, p80, None, None, None, None, None, 0.0)


def test_spend_varies_beyond_half_a_percent() -> None:
    b = breakdown(small_plan())  # total 14300: half a percent is 71.5
    assert not CostSummary(b, None).spend_varies
    assert not CostSummary(b, _risk(14300, 14300)).spend_varies
    assert not CostSummary(b, _risk(14300, 14371)).spend_varies  # 71 off: within
    assert CostSummary(b, _risk(14300, 14380)).spend_varies  # P80 80 above P50 and the total
    assert CostSummary(b, _risk(14380, 14380)).spend_varies  # P50 = P80, both 80 off the total
    assert CostSummary(b, _risk(14220, 14300)).spend_varies  # P50 80 below


# -- money text ------------------------------------------------------------------------------------------------
def test_compact_money_at_the_unit_boundaries() -> None:
    assert format_money(1e9, "USD", compact=True) == "USD 1B"
    assert format_money(1e6, "USD", compact=True) == "USD 1M"
    assert format_money(1000, "USD", compact=True) == "USD 1k"
    assert format_money(999, "USD", compact=True) == "USD 999"
    # Bug found by mutation testing: 999,999 rounds to 1000k at three figures and was written '1e+03k'.
    assert format_money(999_999, "USD", compact=True) == "USD 1M"
    assert format_money(999_500_000, "USD", compact=True) == "USD 1B"
    assert format_money(999_400, "USD", compact=True) == "USD 999k"
