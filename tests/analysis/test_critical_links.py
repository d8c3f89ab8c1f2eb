"""One rule for critical links (planner.analysis.schedule.critical_edges / critical_links), hand-checked."""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.schedule import critical_edges, critical_links
from planner.model import Decision, Dependency, Plan, new_plan


def _plan(durations: dict[str, float], links: list[tuple[str, str]]) -> Plan:
    plan = new_plan()
    stage = plan.stages[0].id
    plan.decisions = [Decision(id=k, title=k.upper(), stage=stage, duration=w) for k, w in durations.items()]
    plan.dependencies = [Dependency.model_validate({"from": a, "to": b}) for a, b in links]
    return plan


def test_two_tied_chains_are_both_critical_and_the_path_is_one_of_them() -> None:
    # a(2) -> b(3) -> d(1) and a(2) -> c(3) -> d(1): both chains take 6 weeks. e(1) hangs off a with 3 weeks of
    # float. f(5) -> d: f runs 0-5 and d starts at 5, so f -> d drives d and f is critical too: a third chain.
    plan = _plan(
        {"a": 2, "b": 3, "c": 3, "d": 1, "e": 1, "f": 5},
        [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("a", "e"), ("f", "d")],
    )
    s = analyze(plan).schedule
    assert s is not None
    assert s.finish == 6.0
    assert sorted(s.critical_ids) == ["a", "b", "c", "d", "f"]
    assert critical_edges(s).tolist() == [True, True, True, True, False, True]
    assert critical_links(s) == {("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("f", "d")}
    path_pairs = set(zip(s.critical_path, s.critical_path[1:], strict=False))
    assert path_pairs <= critical_links(s)  # the critical path is one chain along the critical links
    assert s.critical_chain_count == 3


def test_a_driving_link_between_a_critical_and_a_non_critical_decision_is_not_critical() -> None:
    # a(4) -> b(1) and c(1) -> b: c -> b leaves c 3 weeks of float (not driving); a -> b drives. x(1) -> y(1)
    # is driving but both have float (the plan takes 5 weeks): not critical either.
    plan = _plan({"a": 4, "b": 1, "c": 1, "x": 1, "y": 1}, [("a", "b"), ("c", "b"), ("x", "y")])
    s = analyze(plan).schedule
    assert s is not None
    assert s.driving.tolist() == [True, False, True]
    assert critical_edges(s).tolist() == [True, False, False]
    assert critical_links(s) == {("a", "b")}


def test_no_links() -> None:
    s = analyze(_plan({"a": 1}, [])).schedule
    assert s is not None
    assert critical_edges(s).tolist() == []
    assert critical_links(s) == set()
