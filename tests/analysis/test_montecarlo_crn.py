"""Common random numbers for scenario comparisons (issue 13): the same seed gives every decision and risk the same
draws in every scenario that has it, so differences between scenarios are the scenarios', not noise."""

from __future__ import annotations

import numpy as np

from planner.analysis.montecarlo import simulate
from planner.model import DecisionOverride, Plan, Scenario, ThreePoint
from planner.model.scenarios import materialise
from tests.conftest import build_plan


def uncertain_plan() -> Plan:
    tri = {"optimistic": 2, "likely": 4, "pessimistic": 9}
    return build_plan(
        [
            {"id": "a", "duration": tri},
            {"id": "b", "duration": tri},
            {"id": "c", "duration": tri},
            {"id": "d", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 6}},
        ],
        [("a", "b"), ("b", "c"), ("a", "d")],
        risks=[
            {
                "id": "r1",
                "title": "R1",
                "probability": 0.3,
                "impact": {"optimistic": 1, "likely": 2, "pessimistic": 5},
                "decisions": ["b"],
            }
        ],
    )


def test_two_identical_scenarios_have_exactly_equal_p80() -> None:
    plan = uncertain_plan()
    plan.scenarios += [
        Scenario(name="Same A", decisions={"a": DecisionOverride(headcount=2)}),
        Scenario(name="Same B", decisions={"a": DecisionOverride(headcount=2)}),
    ]
    ra = simulate(materialise(plan, "Same A"), 4_000, seed=7, common_random_numbers=True)
    rb = simulate(materialise(plan, "Same B"), 4_000, seed=7, common_random_numbers=True)
    assert rb.percentile(80) - ra.percentile(80) == 0.0
    assert np.array_equal(ra.finish, rb.finish)


def test_each_decision_keeps_its_draws_when_others_are_added_dropped_or_reordered() -> None:
    plan = uncertain_plan()
    plan.scenarios.append(
        Scenario.model_validate(
            {
                "name": "Other shape",
                "drop_decisions": ["d"],
                "add_decisions": [
                    {
                        "id": "e",
                        "title": "E",
                        "stage": "validate",
                        "duration": {"optimistic": 1, "likely": 1, "pessimistic": 3},
                    }
                ],
            }
        )
    )
    other = materialise(plan, "Other shape")
    other.decisions.reverse()  # plan order must not matter either
    base = simulate(plan, 500, seed=3, keep_samples=True, common_random_numbers=True, risks=False)
    alt = simulate(other, 500, seed=3, keep_samples=True, common_random_numbers=True, risks=False)
    assert base.samples is not None and alt.samples is not None
    for did in ("a", "b", "c"):
        assert np.array_equal(base.samples[:, base.ids.index(did)], alt.samples[:, alt.ids.index(did)]), did
    # the plan-order stream (the default) does not have this property: the draws shift with the order
    plain = simulate(other, 500, seed=3, keep_samples=True, risks=False)
    assert plain.samples is not None
    assert not np.array_equal(base.samples[:, base.ids.index("a")], plain.samples[:, plain.ids.index("a")])


def test_a_faster_scenario_is_never_later_in_any_iteration() -> None:
    plan = uncertain_plan()
    plan.scenarios.append(
        Scenario(
            name="Fast b",
            decisions={"b": DecisionOverride(duration=ThreePoint(optimistic=1, likely=3, pessimistic=7))},
        )
    )
    base = simulate(plan, 3_000, seed=11, common_random_numbers=True)
    fast = simulate(materialise(plan, "Fast b"), 3_000, seed=11, common_random_numbers=True)
    assert np.all(fast.finish <= base.finish + 1e-9)
    assert fast.percentile(80) < base.percentile(80)


def test_risk_draws_follow_the_risk_id() -> None:
    plan = uncertain_plan()
    plan.risks.insert(0, plan.risks[0].model_copy(update={"id": "r0", "probability": 0.0}))
    one = simulate(uncertain_plan(), 2_000, seed=5, common_random_numbers=True)
    two = simulate(plan, 2_000, seed=5, common_random_numbers=True)
    assert np.array_equal(
        one.finish, two.finish
    )  # a risk that never fires changes nothing, wherever it is listed


def test_common_random_numbers_are_reproducible_and_chunk_independent() -> None:
    plan = uncertain_plan()
    a = simulate(plan, 1_000, seed=9, chunk=1_000, common_random_numbers=True)
    b = simulate(plan, 1_000, seed=9, chunk=77, common_random_numbers=True)
    assert np.array_equal(a.finish, b.finish)
    c = simulate(plan, 1_000, seed=10, common_random_numbers=True)
    assert not np.array_equal(a.finish, c.finish)
