"""planner/analysis/graph.py: how a plan with broken references compiles (mutants that the schedule, validation
and property tests let through: scripts/mutate.py). Validation reports these problems; the compiled graph must
leave them out, never turn them into links to the first decision."""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.graph import compile_plan


def test_links_naming_unknown_decisions_are_left_out(make_plan) -> None:
    # Dependencies in plan order: 0 a -> zz (unknown), 1 a -> b, 2 yy -> b (unknown), 3 b -> b (self), 4 b -> c.
    # Only 1 and 4 are edges: a(0) -> b(1) and b(1) -> c(2).
    plan = make_plan(
        [{"id": "a", "duration": 1}, {"id": "b", "duration": 2}, {"id": "c", "duration": 3}],
        [("a", "zz"), ("a", "b"), ("yy", "b"), ("b", "b"), ("b", "c")],
    )
    g = compile_plan(plan)
    assert (g.src.tolist(), g.dst.tolist(), g.edge_dep.tolist()) == ([0, 1], [1, 2], [1, 4])
    assert g.order == [0, 1, 2]
    codes = sorted(f.code for f in analyze(plan).errors)
    assert codes == ["self-dependency", "unknown-reference", "unknown-reference"]


def test_the_nodes_left_over_by_a_cycle_are_those_on_or_behind_it(make_plan) -> None:
    # a -> b -> a is a cycle; c follows b (behind the cycle); d stands alone and e precedes a. Kahn's algorithm
    # visits d and e and then stops: a (1), b (2) and c (3) are left over, in plan order.
    plan = make_plan(
        [{"id": x, "duration": 1} for x in ("d", "a", "b", "c", "e")],
        [("a", "b"), ("b", "a"), ("b", "c"), ("e", "a")],
    )
    g = compile_plan(plan)
    assert g.order is None
    assert g.cyclic == [1, 2, 3]


def test_an_unknown_stage_compiles_to_minus_one(make_plan) -> None:
    plan = make_plan(
        [{"id": "a", "duration": 1, "stage": "integrate"}, {"id": "b", "duration": 1, "stage": "nowhere"}],
        stages=("validate", "integrate"),
    )
    assert compile_plan(plan).stage.tolist() == [1, -1]
