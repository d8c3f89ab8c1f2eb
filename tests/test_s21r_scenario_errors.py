"""Scenarios that cannot be scheduled for reasons f9d0fa4 and 12ccb49 did not cover (H-review21): a scenario that adds
two decisions of one id, gives a milestone of the plan a duration, or adds a milestone with a duration. `planner
scenarios` exited 1 ('cannot be scheduled: 2 decisions share the id ...', '... is a milestone but has a duration')
while `planner check` said '0 errors, 0 warnings' and exited 0, and the property of test_s21_unseen_scenario_checks
('flagged exactly when its materialised plan has errors') held only because its scenarios never did these."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.model.scenarios import CANNOT_SCHEDULE, materialise, scenario_problems
from tests.test_s18_unseen_one_truth import run
from tests.test_s21_unseen_scenario_checks import hostile_scenarios


def plan_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Scenarios a schedule refuses",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "validate", "duration": 2},
            {"id": "gate", "title": "Gate", "stage": "validate", "milestone": True, "duration": 0},
        ],
        "dependencies": [{"from": "a", "to": "gate"}],
        "scenarios": [
            {
                "name": "Twice",
                "add_decisions": [
                    {"id": "x", "title": "X", "stage": "validate"},
                    {"id": "x", "title": "Y", "stage": "validate"},
                ],
            },
            {"name": "Timed gate", "decisions": {"gate": {"duration": 1}}},
            {
                "name": "Timed milestone",
                "add_decisions": [
                    {"id": "m", "title": "M", "stage": "validate", "milestone": True, "duration": 2}
                ],
            },
            # a milestone kept at 0 weeks, and a gate dropped before its override: nothing to say
            {"name": "Fine", "decisions": {"gate": {"duration": 0}}},
            {"name": "Dropped", "drop_decisions": ["gate"], "decisions": {"gate": {"duration": 1}}},
        ],
    }


def test_check_warns_of_what_planner_scenarios_cannot_schedule(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    rc, raw, _ = run(["scenarios", str(path), "--format", "json"])
    assert rc == 1
    finish = {r["name"]: r["finish"] for r in json.loads(raw)["scenarios"]}
    # A 2 weeks, then the gate (0) and the milestone m (its own 2 weeks from the start at 0): 2 weeks both
    assert finish == {"Twice": None, "Timed gate": None, "Timed milestone": None, "Fine": 2.0, "Dropped": 2.0}
    rc, raw, _ = run(["check", str(path), "--format", "json"])
    found = [
        (f["code"], f["message"]) for f in json.loads(raw)["findings"] if f["code"].startswith("scenario")
    ]
    assert found == [
        (
            "scenario-duplicate-id",
            "Scenario 'Twice' adds decision 'x' more than once: the scenario cannot be scheduled. Give the added "
            "decision another id.",
        ),
        (
            "scenario-milestone-duration",
            "Scenario 'Timed gate' gives the milestone 'gate' a duration, which a milestone does not take: the "
            "scenario cannot be scheduled. Set that duration to 0 or remove it from the scenario.",
        ),
        (
            "scenario-milestone-duration",
            "Scenario 'Timed milestone' gives the added milestone 'm' a duration, which a milestone does not take: "
            "the scenario cannot be scheduled. Set that duration to 0 or remove it from the scenario.",
        ),
    ]
    rc, text, _ = run(["scenarios", str(path)])
    assert "warning: adds decision 'x' more than once: the scenario cannot be scheduled\n" in text
    assert "(skipped)" not in text  # made, not skipped


@st.composite
def hostile_with_ids_and_milestones(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """test_s21_unseen_scenario_checks' hostile scenarios, with an added id repeated and milestones timed."""
    data, sc = draw(hostile_scenarios())
    added = sc.get("add_decisions", [])
    if added and draw(st.booleans()):
        added.append({**added[0], "title": "Again"})
    for d in added:
        if draw(st.booleans()):
            d["milestone"] = True
            d["duration"] = draw(st.sampled_from([0, 1]))
    milestones = [d["id"] for d in data["decisions"] if d.get("milestone")]
    if draw(st.booleans()) and milestones:
        sc.setdefault("decisions", {})[draw(st.sampled_from(milestones))] = {
            "duration": draw(st.sampled_from([0, 2]))
        }
    return data, sc


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(case=hostile_with_ids_and_milestones())
def test_flagged_exactly_when_the_scenario_has_errors(case: tuple[dict, dict]) -> None:
    data, raw = case
    plan = plan_from_dict({**data, "scenarios": [raw]})
    sc = plan.scenarios[0]
    problems = scenario_problems(plan, sc)
    flagged = any(
        p.endswith(CANNOT_SCHEDULE) or p.endswith("which the base plan already has") for p in problems
    )
    assert flagged == bool(analyze(materialise(plan, sc)).errors), problems
