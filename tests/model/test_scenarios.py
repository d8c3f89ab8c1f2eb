"""Scenarios (issue 13): overrides kept in the plan file, materialised as a plan that every analysis accepts.

Hand-checked cases first, then property tests over random plans and random override sets:
- a scenario analysed equals the plan built by applying its overrides directly to the plan's JSON (a reference
  written here, independent of :mod:`planner.model.scenarios`);
- removing overrides returns the base figures exactly;
- ``derive_scenario`` records any expressible edit so that materialising it schedules like the edited plan.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.model import (
    DecisionOverride,
    LinkRef,
    Plan,
    Scenario,
    TeamOverride,
    dump_plan,
    parse_plan,
    plan_from_dict,
    plan_json_schema,
    plan_to_dict,
)
from planner.model.scenarios import (
    ScenarioError,
    apply_to_base,
    derive_scenario,
    find_scenario,
    materialise,
    override_count,
    resolve,
    scenario_problems,
)
from tests.analysis.test_properties import STAGES, plan_dicts
from tests.conftest import build_plan

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
weeks = st.integers(0, 24).map(lambda q: q / 4)


def chain_plan() -> Plan:
    """a (3 w) -> b (4 w) -> c (5 w), all FS: finish 12 weeks; team 'p' of capacity 2."""
    return build_plan(
        [
            {"id": "a", "duration": 3, "owner": "p"},
            {"id": "b", "duration": 4, "owner": "p", "stage": "integrate"},
            {"id": "c", "duration": 5, "owner": "p", "stage": "integrate"},
        ],
        [("a", "b"), ("b", "c")],
        teams=[{"id": "p", "name": "P", "capacity": 2}, {"id": "q", "name": "Q", "capacity": 3}],
        risks=[{"id": "r", "title": "R", "probability": 0.5, "impact": 2, "decisions": ["b"]}],
    )


# -- hand-checked cases ----------------------------------------------------------------------------------------
def test_duration_override_shortens_the_finish() -> None:
    plan = chain_plan()
    plan.scenarios.append(Scenario(name="Fast b", decisions={"b": DecisionOverride(duration=2)}))
    assert analyze(plan).schedule.finish == 12
    s = analyze(materialise(plan, "Fast b")).schedule
    assert s is not None and s.finish == 10  # 3 + 2 + 5
    assert plan.decision("b").duration == 4  # the base is untouched  # type: ignore[union-attr]


def test_dropping_a_decision_takes_its_links_and_risk_mentions() -> None:
    plan = chain_plan()
    plan.scenarios.append(Scenario(name="No b", drop_decisions=["b"]))
    out = materialise(plan, "No b")
    assert [d.id for d in out.decisions] == ["a", "c"]
    assert out.dependencies == [] and out.risks[0].decisions == []
    s = analyze(out).schedule
    assert s is not None and s.finish == 5  # a and c now run side by side


def test_links_added_and_removed_and_decisions_added() -> None:
    plan = chain_plan()
    sc = Scenario.model_validate(
        {
            "name": "Parallel",
            "remove_dependencies": [{"from": "b", "to": "c"}],
            "add_decisions": [{"id": "d", "title": "D", "stage": "scale", "duration": 10}],
            "add_dependencies": [{"from": "a", "to": "c"}, {"from": "a", "to": "d", "type": "SS", "lag": 1}],
        }
    )
    plan.scenarios.append(sc)
    s = analyze(materialise(plan, "Parallel")).schedule
    assert s is not None
    # a 0-3, b 3-7, c 3-8, d starts 1 week after a starts: 1-11
    assert s.finish == 11 and s.critical_path == ["a", "d"]
    assert override_count(sc) == 4


def test_stage_owner_not_before_team_and_risk_overrides() -> None:
    plan = chain_plan()
    sc = Scenario.model_validate(
        {
            "name": "Mixed",
            "decisions": {"a": {"not_before": 2, "stage": "scale", "owner": "q", "headcount": 3}},
            "teams": {"p": {"capacity": 5}},
            "risks": {"r": {"probability": 0.9, "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4}}},
        }
    )
    out = materialise(plan, sc)
    a = out.decision("a")
    assert a is not None and (a.not_before, a.stage, a.owner, a.headcount) == (2, "scale", "q", 3)
    assert out.teams[0].capacity == 5 and out.teams[1].capacity == 3 and out.risks[0].probability == 0.9
    s = analyze(out).schedule
    assert s is not None and s.finish == 14  # everything 2 weeks later
    assert scenario_problems(plan, sc) == []


def test_unknown_names_are_errors_that_list_the_valid_ones() -> None:
    plan = chain_plan()
    plan.scenarios.append(Scenario(name="One"))
    plan.scenarios.append(Scenario(name="Two"))
    with pytest.raises(ScenarioError, match="valid scenarios: 'One', 'Two'"):
        find_scenario(plan, "Three")
    assert resolve(plan, None) is plan and resolve(plan, "base") is plan
    with pytest.raises(ScenarioError, match="no scenario called 'x'"):
        resolve(plan, "x")
    with pytest.raises(ScenarioError, match=r"valid scenarios: 'Base', 'One', 'Two'"):
        resolve(plan, "x")
    with pytest.raises(ScenarioError, match=r"none \(the plan has no scenarios\)"):
        materialise(chain_plan(), "x")


def test_problems_name_unknown_ids() -> None:
    plan = chain_plan()
    sc = Scenario.model_validate(
        {
            "name": "Typos",
            "drop_decisions": ["zz"],
            "decisions": {"yy": {"duration": 1}},
            "teams": {"nobody": {"capacity": 1}},
            "remove_dependencies": [{"from": "c", "to": "a"}],
        }
    )
    assert scenario_problems(plan, sc) == [
        "drops unknown decision 'zz'",
        "overrides unknown decision 'yy'",
        "overrides unknown team 'nobody'",
        "removes a dependency c -> a the plan does not have",
    ]
    # skipped, not fatal: the scenario schedules like the base
    assert analyze(materialise(plan, sc)).schedule.finish == 12


def test_apply_to_base_keeps_the_other_scenarios() -> None:
    plan = chain_plan()
    plan.scenarios += [
        Scenario(name="Fast b", decisions={"b": DecisionOverride(duration=2)}),
        Scenario(name="Big team", teams={"p": TeamOverride(capacity=9)}),
    ]
    out = apply_to_base(plan, "Fast b")
    assert [s.name for s in out.scenarios] == ["Big team"]
    assert out.decision("b").duration == 2


def test_scenarios_round_trip_through_the_file_and_the_schema() -> None:
    plan = chain_plan()
    plan.scenarios.append(
        Scenario.model_validate(
            {
                "name": "Everything",
                "description": "all kinds",
                "decisions": {"a": {"duration": {"optimistic": 1, "likely": 2, "pessimistic": 3}}},
                "teams": {"p": {"capacity": 1}},
                "risks": {"r": {"probability": 0}},
                "add_decisions": [{"id": "n", "title": "New", "stage": "scale"}],
                "drop_decisions": ["c"],
                "add_dependencies": [{"from": "a", "to": "n", "lag": -1}],
                "remove_dependencies": [{"from": "a", "to": "b"}],
            }
        )
    )
    text = dump_plan(plan)
    again = parse_plan(text)
    assert again == plan and dump_plan(again) == text
    data = plan_to_dict(plan)["scenarios"][0]
    assert data["decisions"] == {"a": {"duration": {"optimistic": 1, "likely": 2, "pessimistic": 3}}}
    assert data["remove_dependencies"] == [{"from": "a", "to": "b"}]
    schema = plan_json_schema()
    assert schema["properties"]["scenarios"]["items"] == {"$ref": "#/$defs/Scenario"}
    assert set(schema["$defs"]["Scenario"]["properties"]) == {
        "name",
        "description",
        "decisions",
        "teams",
        "risks",
        "add_decisions",
        "drop_decisions",
        "add_dependencies",
        "remove_dependencies",
    }
    assert set(schema["$defs"]["DecisionOverride"]["properties"]) == {
        "duration",
        "stage",
        "owner",
        "headcount",
        "not_before",
        "cost",
    }
    assert "from" in schema["$defs"]["LinkRef"]["properties"]


def test_a_file_without_scenarios_is_unchanged_on_save() -> None:
    assert "scenarios" not in plan_to_dict(chain_plan())


def test_bad_override_values_are_load_errors() -> None:
    from planner.model import PlanLoadError

    data = plan_to_dict(chain_plan())
    data["scenarios"] = [{"name": "Bad", "decisions": {"a": {"duration": -1}}}]
    with pytest.raises(PlanLoadError, match="scenarios"):
        plan_from_dict(data, "bad.plan.json")
    data["scenarios"] = [{"name": "Typo", "decisons": {}}]
    with pytest.raises(PlanLoadError):
        plan_from_dict(data, "bad.plan.json")


# -- property tests ---------------------------------------------------------------------------------------------
@st.composite
def override_sets(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """A random scenario (as JSON) for the plan ``data``: only ids the plan has, and new ids for additions."""
    ids = [d["id"] for d in data["decisions"]]
    sc: dict[str, Any] = {"name": "S"}
    if ids:
        decs: dict[str, Any] = {}
        for did in draw(st.lists(st.sampled_from(ids), unique=True, max_size=4)):
            dec = next(d for d in data["decisions"] if d["id"] == did)
            ov: dict[str, Any] = {}
            if not dec.get("milestone") and draw(st.booleans()):
                o = draw(weeks)
                ov["duration"] = {"optimistic": o, "likely": o + draw(weeks), "pessimistic": o + 7}
                ov["duration"]["pessimistic"] = max(ov["duration"]["pessimistic"], ov["duration"]["likely"])
            if draw(st.booleans()):
                ov["stage"] = draw(st.sampled_from(STAGES))
            if draw(st.booleans()):
                ov["not_before"] = draw(weeks)
            if draw(st.booleans()):
                ov["headcount"] = draw(st.integers(0, 4))
            decs[did] = ov
        sc["decisions"] = decs
        sc["drop_decisions"] = draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
        pairs = sorted({(x["from"], x["to"]) for x in data["dependencies"]})
        if pairs:
            sc["remove_dependencies"] = [
                {"from": f, "to": t}
                for f, t in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3))
            ]
    n_new = draw(st.integers(0, 2))
    sc["add_decisions"] = [
        {
            "id": f"new{k}",
            "title": f"New {k}",
            "stage": draw(st.sampled_from(STAGES)),
            "duration": draw(weeks),
        }
        for k in range(n_new)
    ]
    # added links go "forward" in creation order (d0 < d1 < ... < new0 < new1) so the plan stays acyclic
    gone = set(sc.get("drop_decisions", []))
    order = sorted((x for x in ids if x not in gone), key=lambda x: int(x[1:])) + [
        f"new{k}" for k in range(n_new)
    ]
    if len(order) >= 2:
        last = len(order) - 1
        idx = st.integers(0, last - 1).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, last)))
        sc["add_dependencies"] = [
            {
                "from": order[i],
                "to": order[j],
                "type": draw(st.sampled_from(("FS", "SS"))),
                "lag": draw(weeks),
            }
            for i, j in draw(st.lists(idx, max_size=3))
        ]
    return sc


def reference_apply(data: dict[str, Any], sc: dict[str, Any]) -> dict[str, Any]:
    """The overrides applied straight to the plan JSON, in the documented order (independent of the module)."""
    out = copy.deepcopy(data)
    gone = set(sc.get("drop_decisions", []))
    out["decisions"] = [d for d in out["decisions"] if d["id"] not in gone]
    out["dependencies"] = [x for x in out["dependencies"] if x["from"] not in gone and x["to"] not in gone]
    removed = {(x["from"], x["to"]) for x in sc.get("remove_dependencies", [])}
    out["dependencies"] = [x for x in out["dependencies"] if (x["from"], x["to"]) not in removed]
    for d in out["decisions"]:
        d.update(sc.get("decisions", {}).get(d["id"], {}))
    out["decisions"] += copy.deepcopy(sc.get("add_decisions", []))
    out["dependencies"] += copy.deepcopy(sc.get("add_dependencies", []))
    return out


def figures(plan: Plan) -> dict[str, Any]:
    """Every schedule and stage figure by decision id, for exact comparison."""
    result = analyze(plan)
    s, st_ = result.schedule, result.stages
    assert s is not None and st_ is not None, [f.message for f in result.errors]
    return {
        "finish": s.finish,
        "gated": st_.gated_finish,
        "critical": set(s.critical_ids),
        "rows": {d.id: s.row(d.id) for d in plan.decisions},
        "stages": [x.to_dict() for x in st_.stages],
    }


@st.composite
def plan_and_scenario(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    data = draw(plan_dicts(max_decisions=8))
    return data, draw(override_sets(data))


@SETTINGS
@given(case=plan_and_scenario())
def test_scenario_analysed_equals_the_plan_with_its_overrides_applied(case: tuple[dict, dict]) -> None:
    data, sc = case
    plan = plan_from_dict({**data, "scenarios": [sc]}, "<random>")
    expected = plan_from_dict(reference_apply(data, sc), "<reference>")
    got = materialise(plan, "S")
    assert plan_to_dict(got) == plan_to_dict(expected)
    assert figures(got) == figures(expected)


@SETTINGS
@given(case=plan_and_scenario(), data=st.data())
def test_removing_overrides_returns_the_base_exactly(case: tuple[dict, dict], data: st.DataObject) -> None:
    plan_data, sc = case
    base_plan = plan_from_dict(plan_data, "<random>")
    base = figures(base_plan)
    scenario = Scenario.model_validate(sc)
    # peel the overrides off one at a time, in a random order; with none left the figures are the base's
    steps: list[tuple[str, Any]] = [("decisions", k) for k in scenario.decisions]
    steps += [
        (field, None)
        for field in ("drop_decisions", "remove_dependencies", "add_decisions", "add_dependencies")
        if getattr(scenario, field)
    ]
    for field, key in data.draw(st.permutations(steps)):
        if key is None:
            if field == "add_decisions":  # their links go with them
                gone = {d.id for d in scenario.add_decisions}
                scenario.add_dependencies = [
                    x for x in scenario.add_dependencies if x.from_ not in gone and x.to not in gone
                ]
            setattr(scenario, field, [])
        else:
            del scenario.decisions[key]
    out = materialise(base_plan, scenario)
    # links the scenario added between base decisions are peeled too
    assert out == base_plan
    assert figures(out) == base


@SETTINGS
@given(case=plan_and_scenario())
def test_removing_one_override_is_the_scenario_without_it(case: tuple[dict, dict]) -> None:
    data, sc = case
    if not sc.get("decisions"):
        return
    did = sorted(sc["decisions"])[0]
    fewer = {**sc, "decisions": {k: v for k, v in sc["decisions"].items() if k != did}}
    plan = plan_from_dict({**data, "scenarios": [fewer]}, "<random>")
    assert figures(materialise(plan, "S")) == figures(plan_from_dict(reference_apply(data, fewer), "<ref>"))


@SETTINGS
@given(case=plan_and_scenario())
def test_derive_records_the_edits_that_materialise_replays(case: tuple[dict, dict]) -> None:
    data, sc = case
    base = plan_from_dict(data, "<random>")
    edited = plan_from_dict(reference_apply(data, sc), "<edited>")
    edited.teams = []
    derived = derive_scenario(base, edited, "Derived")
    replay = materialise(base, derived)
    want, got = figures(edited), figures(replay)
    assert got == want
    # nothing changed -> nothing recorded
    assert override_count(derive_scenario(base, base.model_copy(deep=True), "Same")) == 0


def test_derive_keeps_title_edits_by_replacing_the_decision() -> None:
    base = chain_plan()
    edited = base.model_copy(deep=True)
    edited.decisions[1].title = "Renamed"
    edited.decisions[1].duration = 1
    edited.teams[0].capacity = 7
    sc = derive_scenario(base, edited, "E")
    assert sc.drop_decisions == ["b"] and [d.id for d in sc.add_decisions] == ["b"]
    assert sc.teams == {"p": TeamOverride(capacity=7)}
    out = materialise(base, sc)
    assert out.decision("b").title == "Renamed"
    assert figures(out)["finish"] == figures(edited)["finish"] == 9
    assert {(x.from_, x.to) for x in out.dependencies} == {("a", "b"), ("b", "c")}
    assert LinkRef.model_validate({"from": "a", "to": "b"}).from_ == "a"


def test_renaming_a_base_decision_follows_into_the_scenarios() -> None:
    from planner.model.scenarios import rename_decision

    plan = chain_plan()
    edited = plan.model_copy(deep=True)
    edited.decisions[1].title = "B, retitled"  # recorded as drop + re-add of 'b'
    edited.dependencies[1].lag = 1
    sc = derive_scenario(plan, edited, "E")
    sc.decisions["a"] = DecisionOverride(duration=1)
    untouched = Scenario(name="Other", teams={"p": TeamOverride(capacity=1)})
    renamed = rename_decision([sc, untouched], "b", "beta")
    assert renamed[1] is untouched
    r = renamed[0]
    assert r.drop_decisions == ["beta"] and [d.id for d in r.add_decisions] == ["beta"]
    assert {(x.from_, x.to) for x in r.add_dependencies} == {("a", "beta"), ("beta", "c")}
    assert r.decisions == sc.decisions  # 'a' is not renamed
    # the renamed plan with the renamed scenario schedules exactly like before
    base2 = plan.model_copy(deep=True)
    base2.decisions[1].id = "beta"
    for d in base2.dependencies:
        d.from_, d.to = ("beta" if d.from_ == "b" else d.from_), ("beta" if d.to == "b" else d.to)
    base2.risks[0].decisions = ["beta"]
    before, after = figures(materialise(plan, sc)), figures(materialise(base2, r))
    assert after["finish"] == before["finish"] and after["rows"]["beta"] == {
        **before["rows"]["b"],
        "id": "beta",
    }


def test_describe_changes_in_words() -> None:
    from planner.model.scenarios import describe_changes

    plan = chain_plan()
    sc = Scenario.model_validate(
        {
            "name": "All",
            "decisions": {
                "a": {
                    "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4},
                    "owner": "q",
                    "not_before": 2,
                }
            },
            "teams": {"p": {"capacity": 4}},
            "risks": {"r": {"probability": 0.25}},
            "drop_decisions": ["c"],
            "add_decisions": [{"id": "n", "title": "New", "stage": "scale"}],
            "add_dependencies": [{"from": "b", "to": "n", "type": "SS", "lag": 1}],
            "remove_dependencies": [{"from": "a", "to": "b"}],
        }
    )
    assert describe_changes(plan, sc) == [
        "'A' takes 1\u20132\u20134 weeks (was 3 weeks), owned by 'Q' (was 'P'), not before week 2 (was none)",
        "drops 'C'",
        "adds 'New'",
        "no longer makes 'B' wait for 'A'",
        "makes 'New' wait for 'B' (SS, lag 1 week)",
        "'P' capacity 4 (was 2)",
        "risk 'R' probability 25% (was 50%)",
    ]
