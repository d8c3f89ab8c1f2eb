"""The Qt-free edit layer (planner.model.edits): its rules on hand-checked plans, its changes undone exactly, and
the cycle check agreeing with the validation (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import Decision, Dependency, Plan, Position, edits, new_plan
from planner.model.plan import Baseline, BaselineEntry, DecisionOverride, Risk, Scenario


def dep(a: str, b: str) -> Dependency:
    return Dependency.model_validate({"from": a, "to": b})


def plan_of(ids: str, links: list[tuple[str, str]]) -> Plan:
    plan = new_plan()
    plan.decisions = [Decision(id=i, title=i.upper(), stage=plan.stages[0].id) for i in ids]
    plan.dependencies = [dep(a, b) for a, b in links]
    return plan


def test_ids() -> None:
    plan = plan_of("abc", [])
    assert edits.unique_id(plan, "d") == "d"
    assert edits.unique_id(plan, "a") == "a-2"
    assert edits.unique_id(plan, "") == "decision"
    assert edits.unique_id({"x", "x-2", "x-3"}, "x") == "x-4"
    assert edits.unique_id(plan, "y" * 80) == "y" * 56  # room left for a -copy-12 suffix
    assert edits.numbered_id("a", {"a"}) == "a-2"
    assert edits.check_new_id(plan, "ok-id.1") is None
    assert edits.check_new_id(plan, "b") == "another decision already has the id 'b'"
    assert "is not a valid id" in (edits.check_new_id(plan, "-bad") or "")


def test_find_path_is_the_shortest_and_closes_cycles() -> None:
    succ = {"a": ["b", "x"], "b": ["c"], "c": ["a"], "x": ["c"]}
    assert edits.find_path(succ, "a", "c") == ["a", "b", "c"]  # a -> x -> c is as short; file order decides
    assert edits.find_path(succ, "a", "a") == ["a", "b", "c", "a"]
    assert edits.find_path(succ, "c", "x") == ["c", "a", "x"]
    assert edits.find_path({"a": ["b"]}, "b", "a") is None
    assert edits.closes_cycle({"a": ["b"], "b": ["c"]}, "c", "a") == ["c", "a", "b", "c"]
    assert edits.closes_cycle({}, "a", "a") == ["a", "a"]
    assert edits.closes_cycle({"a": ["b"]}, "a", "c") is None


def test_check_dependency_messages() -> None:
    plan = plan_of("abcd", [("a", "b"), ("b", "c")])
    assert edits.check_dependency(plan, "a", "d") is None
    assert edits.check_dependency(plan, "a", "zz") == "there is no decision 'zz'"
    assert edits.check_dependency(plan, "a", "a") == "a decision cannot depend on itself (a -> a)"
    assert edits.check_dependency(plan, "a", "b") == "a -> b already exists"
    assert edits.check_dependency(plan, "c", "a") == "c -> a would create a cycle: c -> a -> b -> c"


def test_moving_a_link_is_checked_without_it() -> None:
    plan = plan_of("abc", [("a", "b"), ("b", "c")])
    # b -> c turned round is c -> b: with the old link gone, no loop.
    assert edits.check_new_ends(plan, 1, "c", "b") is None
    # a -> b moved to c -> a: only b -> c is left beside it, so no loop either.
    assert edits.check_new_ends(plan, 0, "c", "a") is None
    # b -> c moved to b -> a: with a -> b still there, a loop.
    assert edits.check_new_ends(plan, 1, "b", "a") == "b -> a would create a cycle: b -> a -> b"
    assert edits.check_new_ends(plan, 0, "b", "b") == "a decision cannot depend on itself"
    assert edits.check_new_ends(plan, 0, "a", "b") is None  # unchanged


def test_delete_cascade_and_drop() -> None:
    plan = plan_of("abcd", [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")])
    plan.risks = [
        Risk(id="r1", title="R1", probability=0.5, impact=1, decisions=["b", "d"]),
        Risk(id="r2", title="R2", probability=0.5, impact=1, decisions=["d"]),
    ]
    plan.layout = {"b": Position(x=1, y=2), "d": Position(x=3, y=4)}
    cascade = edits.delete_cascade(plan, ["b", "zz"])
    assert [d.id for d in cascade.decisions] == ["b"]
    assert cascade.dependencies == [0, 1]
    assert [(r.id, kept) for r, kept in cascade.risks] == [("r1", ["d"])]
    assert [d.id for d in plan.decisions] == ["a", "b", "c", "d"]  # nothing changed yet
    edits.drop_decisions(plan, ["b"])
    assert [d.id for d in plan.decisions] == ["a", "c", "d"]
    assert [(x.from_, x.to) for x in plan.dependencies] == [("c", "d"), ("a", "d")]
    assert plan.risks[0].decisions == ["d"] and plan.risks[1].decisions == ["d"]
    assert list(plan.layout) == ["d"]


def test_changes_return_what_undo_needs() -> None:
    plan = plan_of("abc", [("a", "b"), ("b", "c")])
    a = plan.decisions[0]
    was = a.duration
    old = edits.set_fields(a, {"title": "New", "duration": 3.0})
    assert old == {"title": "A", "duration": was}
    assert (a.title, a.duration) == ("New", 3.0)
    edits.set_fields(a, old)
    assert (a.title, a.duration) == ("A", was)
    removed = edits.remove_decision(plan, 1)
    assert removed.id == "b"
    edits.insert_decision(plan, 1, removed)
    assert plan.decisions[1] is removed
    links = list(plan.dependencies)
    items = edits.remove_dependencies(plan, [1, 0, 1])
    assert [i for i, _ in items] == [0, 1] and plan.dependencies == []
    edits.insert_dependencies(plan, items)
    assert all(x is y for x, y in zip(plan.dependencies, links, strict=True))
    before = edits.set_layout(plan, {"a": Position(x=5, y=6), "b": None})
    assert before == {"a": None, "b": None} and plan.layout == {"a": Position(x=5, y=6)}
    edits.set_layout(plan, before)
    assert plan.layout == {}
    stage = plan.stages[0]
    edits.insert_item(plan, "stages", 0, stage.model_copy(update={"id": "s0"}))
    assert edits.remove_item(plan, "stages", 0).id == "s0"


def test_rename_reaches_every_reference_and_reverts_to_the_same_objects() -> None:
    plan = plan_of("abc", [("a", "b"), ("b", "c")])
    plan.risks = [Risk(id="r", title="R", probability=0.5, impact=1, decisions=["b"])]
    plan.layout = {"a": Position(x=0, y=0), "b": Position(x=1, y=1), "c": Position(x=2, y=2)}
    plan.baselines = [Baseline(name="v1", finish=1, decisions={"b": BaselineEntry(start=0, finish=1)})]
    plan.scenarios = [Scenario(name="S", decisions={"b": DecisionOverride(duration=2)})]
    scenarios = plan.scenarios
    b = plan.decisions[1]
    rename = edits.Rename.of(plan, b, "bee")
    rename.apply(plan)
    assert b.id == "bee"
    assert [(x.from_, x.to) for x in plan.dependencies] == [("a", "bee"), ("bee", "c")]
    assert plan.risks[0].decisions == ["bee"]
    assert list(plan.layout) == ["a", "bee", "c"]  # the order kept (the file diffs well)
    assert list(plan.baselines[0].decisions) == ["bee"]
    assert list(plan.scenarios[0].decisions) == ["bee"]
    rename.revert(plan)
    assert b.id == "b"
    assert [(x.from_, x.to) for x in plan.dependencies] == [("a", "b"), ("b", "c")]
    assert plan.risks[0].decisions == ["b"] and list(plan.layout) == ["a", "b", "c"]
    assert all(x is y for x, y in zip(plan.scenarios, scenarios, strict=True))  # the very same scenarios back
    rename.apply(plan)  # redo after undo
    assert b.id == "bee" and list(plan.scenarios[0].decisions) == ["bee"]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=7),
    links=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=20),
)
def test_the_edit_check_and_the_validation_agree_on_cycles(n: int, links: list[tuple[int, int]]) -> None:
    """Links are added one by one as the app would; a link the check refuses for a cycle makes the validation
    report a cycle when it is forced in, and the plan built from accepted links never has one."""
    from planner.analysis import validate

    ids = "abcdefg"[:n]
    plan = plan_of(ids, [])
    for u, v in links:
        a, b = ids[u % n], ids[v % n]
        problem = edits.check_dependency(plan, a, b)
        if problem is None:
            edits.insert_dependencies(plan, [(len(plan.dependencies), dep(a, b))])
        elif "would create a cycle" in problem:
            forced = plan.model_copy(deep=True)
            forced.dependencies.append(dep(a, b))
            cycles = [f for f in validate(forced) if f.code == "cycle"]
            assert cycles, problem
            loop = problem.split(": ", 1)[1].split(" -> ")
            assert loop[0] == loop[-1] == a and loop[1] == b  # the loop the message names is real
            pairs = {(x.from_, x.to) for x in forced.dependencies}
            assert all((x, y) in pairs for x, y in zip(loop, loop[1:], strict=False))
    assert not [f for f in validate(plan) if f.code == "cycle"]
