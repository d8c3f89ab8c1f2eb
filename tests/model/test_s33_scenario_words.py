"""A scenario's changes in words leave out an override that keeps the value (session 33).

A scenario overriding a decision's cost with the cost it already has was described as "costs EUR 0 (was EUR 0)"
in `planner scenarios`, the report and the app.
"""

from __future__ import annotations

from typing import Any

from planner.model.plan import DecisionOverride, Scenario
from planner.model.scenarios import describe_changes


def test_an_override_that_keeps_the_value_is_not_a_change(make_plan: Any) -> None:
    plan = make_plan([{"id": "a", "duration": 3, "cost": 0}, {"id": "b", "duration": 2, "cost": 500}], [])
    plan.currency = "EUR"
    same = Scenario(
        name="S",
        decisions={"a": DecisionOverride(cost=0, duration=3), "b": DecisionOverride(cost=700)},
    )
    lines = describe_changes(plan, same)
    assert len(lines) == 1 and "(was EUR 500)" in lines[0] and "EUR 0" not in lines[0], lines
