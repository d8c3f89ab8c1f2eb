"""A scenario that drops critical decisions does not say they 'leave the critical path' (session 33).

H-report33b: with a scenario dropping decisions, the comparison said "'Decision d0002', ... leave the critical
path" in the report, `planner compare` and the app's Compare, for decisions the scenario no longer has (its
changes already say it drops them)."""

from __future__ import annotations

from typing import Any

from planner.analysis.compare import compare_scenarios
from planner.model.plan import Scenario
from planner.model.scenarios import BASE


def test_dropped_decisions_do_not_leave_the_critical_path(make_plan: Any) -> None:
    # a (3) -> b (2) is the critical chain; c (4) runs beside it with float 1
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}, {"id": "c", "duration": 4}], [("a", "b")]
    )
    plan.scenarios = [Scenario(name="Drop b", drop_decisions=["b"])]
    base, dropped = compare_scenarios(plan, [BASE, "Drop b"], 0, 0).items
    assert sorted(base.critical) == ["a", "b"] and dropped.critical == ["c"]
    assert dropped.left == ["a"]  # a is still there and no longer critical; b is gone, not 'left'
    assert dropped.joined == ["c"]
    assert dropped.to_dict()["critical_left"] == ["a"]
