"""A scenario that adds a link the plan already has (H-unseen22).

Before: `planner scenarios`, `compare`'s and the report's "what it changes" said "makes 'B' wait for 'A'" as a change,
`check --scenario` warned duplicate-dependency ('linked 2 times'), and `planner check` of the plan said nothing. The
link is made (with a lag it moves the finish: the tightest link wins), so it stays a change, and: `check` warns
scenario-duplicate-dependency (like the other scenario-* codes), `planner scenarios` lists that warning (not as
skipped), and the words of the change say it links the two a second time. A scenario that removes the plan's link and
adds it back (a replacement) or adds it once over a dropped decision is fine.

Found beside it: a decision dropped and added again loses the plan's links (materialise drops them with it), but the
loop check still counted them, so a scenario reversing such a link was warned 'closes the loop ...: the scenario
cannot be scheduled' while it schedules.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.model.scenarios import CANNOT_SCHEDULE, describe_changes, materialise, scenario_problems
from tests.analysis.test_properties import STAGES, TYPES, plan_dicts
from tests.test_s18_unseen_one_truth import run


def plan_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Links made twice",
        "start_date": "2027-01-04",
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": [{"id": "core", "name": "Core"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "validate", "owner": "core", "duration": 2},
            {"id": "b", "title": "B", "stage": "validate", "owner": "core", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "scenarios": [
            {"name": "Again", "add_dependencies": [{"from": "a", "to": "b"}]},
            {"name": "Lagged", "add_dependencies": [{"from": "a", "to": "b", "lag": 2}]},
            {
                "name": "Twice",
                "remove_dependencies": [{"from": "a", "to": "b"}],
                "add_dependencies": [{"from": "a", "to": "b", "lag": 1}, {"from": "a", "to": "b", "lag": 1}],
            },
            # fine: the plan's link replaced by one with a lag
            {
                "name": "Replaced",
                "remove_dependencies": [{"from": "a", "to": "b"}],
                "add_dependencies": [{"from": "a", "to": "b", "lag": 1}],
            },
            # fine: b dropped (with a -> b) and added again, then linked the other way: no loop, no second link
            {
                "name": "Flipped",
                "drop_decisions": ["b"],
                "add_decisions": [{"id": "b", "title": "B2", "stage": "validate", "duration": 1}],
                "add_dependencies": [{"from": "b", "to": "a"}],
            },
        ],
    }


ADVICE = (
    "Keep one: remove the scenario's link, or have the scenario remove the plan's link first to replace it."
)


def test_check_warns_of_a_link_made_twice(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    rc, raw, _ = run(["check", str(path), "--format", "json"])
    assert rc == 0  # warnings only
    found = [f for f in json.loads(raw)["findings"] if f["severity"] == "warning"]
    assert [(f["code"], f["message"]) for f in found] == [
        (
            "scenario-duplicate-dependency",
            f"Scenario '{name}' adds the dependency a -> b, which the base plan already has: both links are made "
            f"and the tightest wins. {ADVICE}",
        )
        for name in ("Again", "Lagged")
    ] + [
        (
            "scenario-duplicate-dependency",
            "Scenario 'Twice' adds the dependency a -> b more than once: both links are made and the tightest "
            f"wins. {ADVICE}",
        )
    ]
    # each scenario warned of is one whose own check says duplicate-dependency; the others' say nothing of links
    for name, warned in (("Again", 1), ("Lagged", 1), ("Twice", 1), ("Replaced", 0), ("Flipped", 0)):
        rc, raw, _ = run(["check", str(path), "--scenario", name, "--format", "json"])
        codes = [f["code"] for f in json.loads(raw)["findings"]]
        assert codes.count("duplicate-dependency") == warned, name
        assert "cycle" not in codes, name


def test_scenarios_and_the_change_words_say_it_too(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    rc, raw, _ = run(["scenarios", str(path), "--format", "json"])
    assert rc == 0  # every scenario schedules ('Flipped' too: it was said to close a loop)
    rows = {r["name"]: r for r in json.loads(raw)["scenarios"]}
    # by hand: a 0-2, b 2-5; lag 2: b 4-7; lag 1: b 3-6; Flipped: B2 0-1, a 1-3
    assert {k: r["finish"] for k, r in rows.items()} == {
        "Again": 5.0,
        "Lagged": 7.0,
        "Twice": 6.0,
        "Replaced": 6.0,
        "Flipped": 3.0,
    }
    assert rows["Replaced"]["problems"] == [] and rows["Flipped"]["problems"] == []
    assert rows["Lagged"]["changes_text"] == [
        "makes 'B' wait for 'A' (FS, lag 2 weeks) a second time (the two are already linked: "
        "the tightest link wins)"
    ]
    assert rows["Replaced"]["changes_text"] == [
        "no longer makes 'B' wait for 'A'",
        "makes 'B' wait for 'A' (FS, lag 1 week)",
    ]
    rc, text, _ = run(["scenarios", str(path)])
    assert (
        "      warning: adds the dependency a -> b, which the base plan already has: both links are made and the "
        "tightest wins\n" in text
    )
    assert "(skipped)" not in text  # made, not skipped


# -- the property ---------------------------------------------------------------------------------------------------
@st.composite
def link_scenarios(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A random valid plan and a scenario that drops decisions (and may add them back under the same id), removes
    and adds links, often the plan's own or one twice."""
    data = draw(plan_dicts(max_decisions=6))
    ids = [d["id"] for d in data["decisions"]]
    sc: dict[str, Any] = {"name": "S"}
    if not ids:
        return data, sc
    dropped = draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
    sc["drop_decisions"] = dropped
    sc["add_decisions"] = [
        {"id": i, "title": f"{i} again", "stage": draw(st.sampled_from(STAGES)), "duration": 1}
        for i in dropped
        if draw(st.booleans())
    ]
    plan_links = [{"from": x["from"], "to": x["to"]} for x in data["dependencies"]]
    any_link = st.fixed_dictionaries({"from": st.sampled_from(ids), "to": st.sampled_from(ids)})
    link = st.sampled_from(plan_links) | any_link if plan_links else any_link
    added = draw(st.lists(link, max_size=3))
    sc["add_dependencies"] = [{**x, "type": draw(st.sampled_from(TYPES))} for x in added]
    if plan_links:
        sc["remove_dependencies"] = draw(st.lists(st.sampled_from(plan_links), max_size=1))
    return data, sc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(case=link_scenarios())
def test_a_link_made_twice_is_warned_exactly_when_the_scenario_has_it_twice(case: tuple[dict, dict]) -> None:
    data, raw = case
    plan = plan_from_dict({**data, "scenarios": [raw]})
    sc = plan.scenarios[0]
    problems = scenario_problems(plan, sc)
    out = materialise(plan, sc)
    # the links the scenario adds, and the pairs its plan then links more often than without them
    without = materialise(plan, sc.model_copy(update={"add_dependencies": []}))
    count, before = (Counter((x.from_, x.to) for x in p.dependencies) for p in (out, without))
    twice = {pair for pair, n in count.items() if n >= 2 and n > before[pair]}
    warned = [p for p in problems if p.code == "scenario-duplicate-dependency"]
    assert bool(warned) == bool(twice), (problems, twice)
    words = describe_changes(plan, sc)
    assert sum("a second time" in w for w in words) == len(warned)
    # and a scenario is said to be unschedulable exactly when it is (a dropped and re-added decision's links too)
    flagged = any(
        p.endswith(CANNOT_SCHEDULE) or p.endswith("which the base plan already has") for p in problems
    )
    assert flagged == bool(analyze(out).errors), problems
