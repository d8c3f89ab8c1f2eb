"""A scenario that adds an id differing only in case from one the scenario keeps (``GPU`` beside the plan's
``gpu``) is warned of by `planner check` of the file (``scenario-case-duplicate-id``), as `check --scenario`
warns of the scenario's own plan (``case-duplicate-id``), and `planner scenarios` lists it. Before, only
``--scenario`` said it: a plan's check was clean while the scenario a board would compare mixed up in MS Project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.model.scenarios import materialise, scenario_problems
from tests.test_s18_unseen_one_truth import run


def plan_data(added: list[str], dropped: list[str] | None = None) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Case",
        "start_date": "2027-01-04",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "gpu", "title": "GPU", "stage": "validate", "duration": 2},
            {"id": "Data", "title": "Data", "stage": "validate", "duration": 1},
        ],
        "dependencies": [{"from": "gpu", "to": "Data"}],
        "scenarios": [
            {
                "name": "Bob's more",
                "drop_decisions": dropped or [],
                "add_decisions": [
                    {"id": i, "title": f"Added {i}", "stage": "validate", "duration": 1} for i in added
                ],
            }
        ],
    }


def test_check_of_the_file_warns_of_an_added_id_alike_but_case(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(plan_data(["GPU"])), encoding="utf-8")
    rc, out, _ = run(["check", str(path), "--format", "json"])
    found = [f for f in json.loads(out)["findings"] if f["code"] == "scenario-case-duplicate-id"]
    assert rc == 0  # a warning: the scenario schedules
    assert [f["message"] for f in found] == [
        "Scenario 'Bob's more' adds decision 'GPU', whose id differs only in case from 'gpu'. Microsoft Project, "
        "Primavera P6 and spreadsheets take the two for one id; give the added decision another id."
    ]
    assert [f["severity"] for f in found] == ["warning"]
    # the scenario's own plan says the same pair (one truth of what is alike)
    rc, out, _ = run(["check", str(path), "--scenario", "Bob's more", "--format", "json"])
    own = [f for f in json.loads(out)["findings"] if f["code"] == "case-duplicate-id"]
    assert [sorted(f["decisions"]) for f in own] == [["GPU", "gpu"]]
    rc, out, _ = run(["scenarios", str(path)])
    assert "warning: adds decision 'GPU', whose id differs only in case from 'gpu'\n" in out


def test_no_case_warning_for_an_exact_duplicate_a_dropped_id_or_distinct_ids() -> None:
    def codes(added: list[str], dropped: list[str] | None = None) -> list[str]:
        plan = plan_from_dict(plan_data(added, dropped))
        return [p.code for p in scenario_problems(plan, plan.scenarios[0])]

    assert codes(["gpu"]) == ["scenario-duplicate-id"]  # said once, as an exact duplicate
    assert codes(["GPU"], dropped=["gpu"]) == []  # the plan's gpu is dropped: nothing to mix up with
    assert codes(["gpu2", "DATA2"]) == []
    assert codes(["new", "NEW"]) == ["scenario-case-duplicate-id"]  # two added alike
    assert codes(["DATA"]) == ["scenario-case-duplicate-id"]  # the plan's id has the capitals


@given(st.lists(st.sampled_from(["gpu", "GPU", "Gpu", "data", "Data", "DATA", "x", "X"]), max_size=5))
def test_warned_exactly_when_the_scenarios_plan_has_ids_alike_but_case(added: list[str]) -> None:
    """The scenario check and the check of the scenario's plan agree on whether two ids are alike but case (when
    the scenario adds no exact duplicate, which is its own error)."""
    assume(len(set(added)) == len(added) and not {"gpu", "Data"} & set(added))
    plan = plan_from_dict(plan_data(added))
    warned = any(p.code == "scenario-case-duplicate-id" for p in scenario_problems(plan, plan.scenarios[0]))
    own = analyze(materialise(plan, plan.scenarios[0]))
    assert warned == any(f.code == "case-duplicate-id" for f in own.findings)
