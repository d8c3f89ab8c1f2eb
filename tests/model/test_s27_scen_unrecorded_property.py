"""Properties of what a scenario cannot hold (:func:`unrecorded_changes`), on which the app refuses an edit made while
a scenario is shown: a scenario's own plan never looks as if it had lost something (the refusal would take back edits
a scenario keeps), and an edit of a decision's title in it keeps the decision's risks and go-live on replay."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planner.model import plan_from_dict
from planner.model.plan import AISystem, Risk
from planner.model.scenarios import derive_scenario, materialise, unrecorded_changes
from tests.model.test_scenarios import SETTINGS, plan_and_scenario


@SETTINGS
@given(case=plan_and_scenario(), data=st.data())
def test_a_scenario_plan_loses_nothing_and_an_edited_title_keeps_its_risks(
    case: tuple[dict[str, Any], dict[str, Any]], data: st.DataObject
) -> None:
    plan_data, sc = case
    plan = plan_from_dict({**plan_data, "scenarios": [sc]}, "<random>")
    ids = [d.id for d in plan.decisions]
    if ids:
        named = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
        plan.risks = [Risk(id="r1", title="R1", probability=0.5, impact=1, decisions=named)]
        plan.ai_system = AISystem(
            role="deployer", risk_tier="high-risk", go_live=data.draw(st.sampled_from(ids))
        )
    shown = materialise(plan, "S")
    assert unrecorded_changes(plan, shown) == []
    kept = [d.id for d in shown.decisions if d.id in ids]
    if (
        kept
    ):  # a title edited in the scenario: recorded as dropped and added again, its risks and go-live kept
        decision = shown.decision(data.draw(st.sampled_from(kept)))
        assert decision is not None
        decision.title = decision.title + " (edited)"
    again = materialise(plan, derive_scenario(plan, shown, "S"))
    assert again.risks == shown.risks and again.ai_system == shown.ai_system
    assert unrecorded_changes(plan, again) == []
