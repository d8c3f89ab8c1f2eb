"""A decision edited in a scenario beyond what an override holds (its title, its area) is recorded as dropped and
added again (:func:`derive_scenario`). :func:`materialise` dropped it with the delete cascade, which takes it out of
every risk and off the go-live, and added it back without them: the scenario the app showed had the risk on it, the
same scenario shown again (or reported, or analysed by the command line) had not, so its Monte Carlo lost that
risk's delay. A decision dropped and added again keeps its risks, its go-live role and its card position; one only
dropped still leaves them."""

from __future__ import annotations

from pathlib import Path

from planner.model import load_plan
from planner.model.plan import AISystem, Position
from planner.model.scenarios import derive_scenario, materialise, unrecorded_changes

SAMPLES = Path(__file__).resolve().parents[1] / "sample_plans"


def test_a_decision_edited_in_a_scenario_keeps_its_risks() -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    risk = plan.risks[0]
    edited_id, dropped_id = risk.decisions[0], risk.decisions[1]
    plan.ai_system = AISystem(role="deployer", risk_tier="high-risk", go_live=edited_id)
    plan.layout[edited_id] = Position(x=120.0, y=40.0)
    shown = materialise(plan, plan.scenarios[0].name)
    decision = shown.decision(edited_id)
    assert decision is not None
    decision.title = "Call the scoring service from the authorisation flow (v2)"
    shown.decisions = [d for d in shown.decisions if d.id != dropped_id]
    shown.dependencies = [x for x in shown.dependencies if dropped_id not in (x.from_, x.to)]
    for r in shown.risks:
        r.decisions = [x for x in r.decisions if x != dropped_id]
    recorded = derive_scenario(plan, shown, "Edited")
    assert edited_id in recorded.drop_decisions and edited_id in [d.id for d in recorded.add_decisions]
    plan.scenarios.append(recorded)
    again = materialise(plan, "Edited")
    assert [r.decisions for r in again.risks] == [r.decisions for r in shown.risks]
    assert edited_id in again.risks[0].decisions and dropped_id not in again.risks[0].decisions
    assert again.ai_system is not None and again.ai_system.go_live == edited_id
    assert again.layout[edited_id] == Position(x=120.0, y=40.0)
    assert unrecorded_changes(plan, shown) == [] and unrecorded_changes(plan, again) == []
