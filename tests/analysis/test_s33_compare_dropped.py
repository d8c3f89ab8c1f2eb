"""A critical decision a scenario drops is said to be dropped, not to 'leave the critical path' (session 33).

H-report33b: with a scenario dropping decisions, the comparison's sentence (the report, `planner compare`, the
app's Compare) said "'Decision d0002', ... leave the critical path" of decisions the scenario no longer has. The
JSON's critical_left keeps them (critical in the reference, not critical here: the one-truth sweep holds that)."""

from __future__ import annotations

from typing import Any

from planner.analysis.compare import compare_scenarios, describe
from planner.model.plan import Scenario
from planner.model.scenarios import BASE


def test_the_sentence_says_dropped_where_the_json_says_left(make_plan: Any) -> None:
    # a (3) -> b (2) is the critical chain; c (4) runs beside it with float 1
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}, {"id": "c", "duration": 4}], [("a", "b")]
    )
    plan.scenarios = [Scenario(name="Drop b", drop_decisions=["b"])]
    base, dropped = compare_scenarios(plan, [BASE, "Drop b"], 0, 0).items
    assert sorted(base.critical) == ["a", "b"] and dropped.critical == ["c"]
    assert dropped.to_dict()["critical_left"] == ["a", "b"]
    text = describe(dropped)
    assert (
        "'C' joins the critical path; 'A' leaves it; dropping 'B' takes it off the critical path" in text
    ), text
