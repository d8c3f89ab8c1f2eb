"""A scenario that cannot be scheduled (H-unseen21): `planner check` said '0 errors, 0 warnings' and exited 0 on a
file whose scenario moves a decision to a stage the plan does not have, gives it to an unknown team, adds a decision
in an unknown stage, area or team, adds a link to a decision the scenario drops (or that never existed), or adds a
link that closes a loop (b -> a beside a -> b, or b -> b), while `planner scenarios` and `compare` exit 1 ('cannot be
scheduled') and `analyze --scenario` lists the errors. Each is now a warning of validation (check, analyze, the
report and the app list the same findings): scenario-unknown-reference, or scenario-cycle for a loop, said as
`planner scenarios` says it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.model import load_plan, plan_from_dict
from planner.model.scenarios import CANNOT_SCHEDULE, describe_changes, materialise, scenario_problems
from tests.analysis.test_properties import STAGES, TYPES, plan_dicts
from tests.test_s18_unseen_one_truth import run


def plan_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Scenarios that name what the plan lacks",
        "stages": [{"id": "validate", "name": "Validate"}, {"id": "scale", "name": "Scale"}],
        "areas": [{"id": "data", "name": "Data"}],
        "teams": [{"id": "core", "name": "Core"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "validate", "owner": "core", "duration": 2},
            {"id": "b", "title": "B", "stage": "scale", "owner": "core", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "scenarios": [
            {"name": "Fine", "decisions": {"b": {"stage": "validate", "owner": "core"}}},
            {"name": "Moved", "decisions": {"a": {"stage": "pilot", "owner": "nobody"}}},
            {
                "name": "Added",
                "add_decisions": [{"id": "c", "title": "C", "stage": "later", "area": "ops", "owner": "ext"}],
            },
            {
                "name": "Linked",
                "drop_decisions": ["a"],
                "add_dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "b"}],
            },
            {"name": "Looped", "add_dependencies": [{"from": "b", "to": "a", "type": "SS"}]},
            # the base link a -> b removed first, so b -> a closes no loop
            {
                "name": "Reversed",
                "remove_dependencies": [{"from": "a", "to": "b"}],
                "add_dependencies": [{"from": "b", "to": "a"}],
            },
            # dropped first, so the override of 'a' is not made and nothing is said of its stage
            {"name": "Dropped", "drop_decisions": ["a"], "decisions": {"a": {"stage": "nowhere"}}},
        ],
    }


EXPECTED = [
    "Scenario 'Moved' puts 'a' in stage 'pilot', which the plan does not define: the scenario cannot be scheduled. "
    "Correct the id in the scenario or remove that change.",
    "Scenario 'Moved' gives 'a' to team 'nobody', which the plan does not define: the scenario cannot be "
    "scheduled. Correct the id in the scenario or remove that change.",
    "Scenario 'Added' puts the added decision 'c' in stage 'later', which the plan does not define: the scenario "
    "cannot be scheduled. Correct the id in the scenario or remove that change.",
    "Scenario 'Added' puts the added decision 'c' in area 'ops', which the plan does not define: the scenario "
    "cannot be scheduled. Correct the id in the scenario or remove that change.",
    "Scenario 'Added' gives the added decision 'c' to team 'ext', which the plan does not define: the scenario "
    "cannot be scheduled. Correct the id in the scenario or remove that change.",
    "Scenario 'Linked' adds a dependency a -> b naming 'a', which is not a decision of the scenario (dropped or "
    "never in the plan): the scenario cannot be scheduled. Correct the id in the scenario or remove that change.",
    "Scenario 'Linked' adds a dependency b -> b that closes the loop b -> b: the scenario cannot be scheduled. "
    "Remove or reverse that link in the scenario.",
    "Scenario 'Looped' adds a dependency b -> a that closes the loop b -> a -> b: the scenario cannot be scheduled. "
    "Remove or reverse that link in the scenario.",
]


def test_check_warns_of_each_change_that_leaves_a_scenario_unschedulable(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    rc, raw, _ = run(["check", str(path), "--format", "json"])
    found = json.loads(raw)["findings"]
    assert rc == 0  # warnings: the plan itself is fine
    assert [f["message"] for f in found] == EXPECTED
    assert [f["code"] for f in found] == ["scenario-unknown-reference"] * 6 + ["scenario-cycle"] * 2
    rc, text, _ = run(["check", str(path)])
    assert text.splitlines()[0].endswith(": 0 errors, 8 warnings, 0 notes")
    # analyze lists the same findings
    rc, raw, _ = run(["analyze", str(path), "--format", "json"])
    assert json.loads(raw)["findings"] == found


def test_the_scenarios_flagged_are_the_ones_that_cannot_be_scheduled(tmp_path: Path) -> None:
    # One truth with `planner scenarios`: a scenario has a 'cannot be scheduled' problem exactly when its plan has
    # errors (Fine, Reversed and Dropped schedule: B in Validate, 3 weeks after A; A 2 weeks after B; B alone).
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    rc, raw, _ = run(["scenarios", str(path), "--format", "json"])
    assert rc == 1
    rows = {r["name"]: r for r in json.loads(raw)["scenarios"]}
    plan = load_plan(path)
    for sc in plan.scenarios:
        flagged = any(p.endswith(CANNOT_SCHEDULE) for p in scenario_problems(plan, sc))
        assert flagged == (rows[sc.name]["finish"] is None), sc.name
    assert (rows["Fine"]["finish"], rows["Reversed"]["finish"], rows["Dropped"]["finish"]) == (5.0, 5.0, 3.0)
    rc, text, _ = run(["scenarios", str(path)])
    assert (
        "      warning: puts 'a' in stage 'pilot', which the plan does not define: the scenario cannot be scheduled\n"
        in text
    )
    assert "cannot be scheduled (skipped)" not in text  # made, not skipped


# -- the property: a scenario is flagged 'cannot be scheduled' exactly when its plan has errors ---------------------
@st.composite
def hostile_scenarios(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A random valid plan and a scenario whose changes may name undefined stages, areas and teams, link dropped or
    unknown decisions, or close loops (any link type, either direction)."""
    data = draw(plan_dicts(max_decisions=7))
    data["teams"] = [{"id": "core", "name": "Core"}]
    data["areas"] = [{"id": "data", "name": "Data"}]
    ids = [d["id"] for d in data["decisions"]]
    stage = st.sampled_from([*STAGES, "nowhere"])
    team = st.sampled_from(["core", "ghost-team"])
    sc: dict[str, Any] = {"name": "S"}
    if ids:
        picked = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
        sc["decisions"] = {
            i: {k: v for k, v in (("stage", draw(stage)), ("owner", draw(team))) if draw(st.booleans())}
            for i in picked
        }
        sc["drop_decisions"] = draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
    added = [
        {"id": f"n{k}", "title": f"N{k}", "stage": draw(stage), "owner": draw(team)}
        | ({"area": draw(st.sampled_from(["data", "ghost-area"]))} if draw(st.booleans()) else {})
        for k in range(draw(st.integers(0, 2)))
    ]
    sc["add_decisions"] = added
    ends = st.sampled_from([*ids, *(d["id"] for d in added), "ghost"])
    sc["add_dependencies"] = [
        {"from": draw(ends), "to": draw(ends), "type": draw(st.sampled_from(TYPES))}
        for _ in range(draw(st.integers(0, 3)))
    ]
    if data["dependencies"] and draw(st.booleans()):
        x = draw(st.sampled_from(data["dependencies"]))
        sc["remove_dependencies"] = [{"from": x["from"], "to": x["to"]}]
    return data, sc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(case=hostile_scenarios())
def test_a_scenario_is_flagged_exactly_when_it_cannot_be_scheduled(case: tuple[dict, dict]) -> None:
    data, raw = case
    plan = plan_from_dict({**data, "scenarios": [raw]})
    sc = plan.scenarios[0]
    problems = scenario_problems(plan, sc)
    flagged = any(
        p.endswith(CANNOT_SCHEDULE) or p.endswith("which the base plan already has") for p in problems
    )
    assert flagged == bool(analyze(materialise(plan, sc)).errors), problems


def test_a_link_removal_that_is_skipped_is_not_described_as_a_change() -> None:
    # Removing b -> a, which the plan (a -> b) does not have, is skipped (a warning); the report's and the app's
    # "What ... changes" said "no longer makes 'A' wait for 'B'" beside the finish left unchanged. Unknown
    # decisions, teams and risks were already left out of those words.
    data = plan_data()
    data["scenarios"] = [
        {
            "name": "Unlink",
            "remove_dependencies": [{"from": "b", "to": "a"}, {"from": "a", "to": "b"}],
            "decisions": {"ghost": {"duration": 1}},
        }
    ]
    plan = plan_from_dict(data)
    sc = plan.scenarios[0]
    assert describe_changes(plan, sc) == ["no longer makes 'B' wait for 'A'"]
    assert scenario_problems(plan, sc) == [
        "overrides unknown decision 'ghost'",
        "removes a dependency b -> a the plan does not have",
    ]


def test_a_scenario_with_a_blank_name_is_a_warning(tmp_path: Path) -> None:
    # A scenario named '  ' loads (a name of 1 to 100 characters) and is listed by `planner scenarios`, but
    # `--scenario '  '` says 'the name is empty', so no command can pick it; check said nothing.
    data = plan_data()
    data["scenarios"] = [{"name": "  "}, {"name": "Fine"}]
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rc, raw, _ = run(["check", str(path), "--format", "json"])
    assert (rc, [(f["code"], f["message"]) for f in json.loads(raw)["findings"]]) == (
        0,
        [
            (
                "scenario-blank-name",
                "A scenario's name is blank ('  '): --scenario cannot name it and the app's scenario switcher "
                "shows it as an empty entry. Give it a name.",
            )
        ],
    )
    rc, raw, _ = run(["scenarios", str(path), "--format", "json"])
    assert [r["problems"] for r in json.loads(raw)["scenarios"]] == [
        ["its name is blank; --scenario cannot name it"],
        [],
    ]
    assert run(["analyze", str(path), "--scenario", "  "])[0] == 2
