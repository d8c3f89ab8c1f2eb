"""What a scenario changes, in words (the Compare view, the report's comparison, ``planner scenarios``), for a
decision edited beyond an override (its title, area, notes: recorded as dropped and added again). It said
``edits 'New title'`` (not what changed, under the new title only), and listed each of the decision's links, added
back with it, as a new one (``makes 'C' wait for 'New title'``); a link of it removed in the scenario went unsaid."""

from __future__ import annotations

from planner.model import Area, Decision, Plan, new_plan
from planner.model.plan import Dependency
from planner.model.scenarios import derive_scenario, describe_changes, materialise


def chain() -> Plan:
    plan = new_plan()
    stage = plan.stages[0].id
    plan.areas = [Area(id="ops", name="Ops"), Area(id="data", name="Data")]
    plan.decisions = [
        Decision(id=k, title=k.upper(), stage=stage, duration=2, area="ops", notes="")
        for k in ("a", "b", "c")
    ]
    plan.dependencies = [
        Dependency.model_validate({"from": "a", "to": "b"}),
        Dependency.model_validate({"from": "b", "to": "c", "type": "SS", "lag": 1}),
    ]
    return plan


def test_an_edited_decision_is_said_as_its_changes_and_its_links_as_they_are() -> None:
    plan = chain()
    edited = materialise(plan, derive_scenario(plan, plan, "S"))
    b = edited.decision("b")
    assert b is not None
    b.title, b.area, b.notes, b.duration = "B, bought in", "data", "a vendor", 1.0
    scenario = derive_scenario(plan, edited, "S")
    assert "b" in scenario.drop_decisions and len(scenario.add_dependencies) == 2  # how it is recorded
    assert describe_changes(plan, scenario) == [
        "'B' renamed 'B, bought in', in area 'Data' (was 'Ops'), takes 1 week (was 2 weeks), notes changed"
    ]

    edited.dependencies = [
        x for x in edited.dependencies if x.from_ != "a"
    ]  # and 'b' no longer waits for 'a'
    assert describe_changes(plan, derive_scenario(plan, edited, "S")) == [
        "'B' renamed 'B, bought in', in area 'Data' (was 'Ops'), takes 1 week (was 2 weeks), notes changed",
        "no longer makes 'B, bought in' wait for 'A'",
    ]
