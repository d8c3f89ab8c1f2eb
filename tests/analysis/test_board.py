"""The board's questions (planner.analysis.board), on hand-checked plans."""

from __future__ import annotations

import pytest

from planner.analysis import analyze
from planner.analysis.board import attention, finish_driver, finish_percentiles, float_range, top_risks
from planner.analysis.montecarlo import simulate


def test_a_chain_from_the_plan_start_sets_the_finish(make_plan) -> None:
    # a(3) -> b(2) -> c(4): T = 9, the chain a, b, c; d(1) has 8 weeks of float.
    plan = make_plan(
        [
            {"id": "a", "duration": 3},
            {"id": "b", "duration": 2},
            {"id": "c", "duration": 4},
            {"id": "d", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
        start_date="2027-01-04",
    )
    a = analyze(plan)
    drv = finish_driver(plan, a)
    assert (drv.kind, drv.first, drv.chain, drv.finish) == ("plan_start", "a", ["a", "b", "c"], 9.0)
    assert drv.sentence(plan) == (
        "The finish, week 9 (8 Mar 2027), is set by a chain of 3 decisions with no slack "
        "between them, from \u201cA\u201d at the plan start to \u201cC\u201d."
    )
    assert float_range(a) == (8.0, 8.0)


def test_done_work_has_no_float_to_speak_of(make_plan) -> None:
    # As above, and e(2), done: it sits where it finished with the whole plan as float, which nobody can use, so
    # the range is d's 8 weeks alone; with d done too, no decision still to finish has float.
    rows = [
        {"id": "a", "duration": 3},
        {"id": "b", "duration": 2},
        {"id": "c", "duration": 4},
        {"id": "d", "duration": 1},
        {"id": "e", "duration": 2, "status": "done"},
    ]
    a = analyze(make_plan(rows, [("a", "b"), ("b", "c")]))
    assert a.schedule is not None and a.schedule.total_float[4] > 8.0  # what the range used to take in
    assert float_range(a) == (8.0, 8.0)
    rows[3]["status"] = "done"
    assert float_range(analyze(make_plan(rows, [("a", "b"), ("b", "c")]))) is None


def test_a_not_before_constraint_sets_the_finish(make_plan) -> None:
    # x may not start before week 6; x(2) -> y(1): T = 9, set by the constraint, not by the longer-looking z(5).
    plan = make_plan(
        [{"id": "x", "duration": 2, "not_before": 6}, {"id": "y", "duration": 1}, {"id": "z", "duration": 5}],
        [("x", "y")],
    )
    drv = finish_driver(plan, analyze(plan))
    assert (drv.kind, drv.first, drv.constraint_week, drv.chain) == ("not_before", "x", 6.0, ["x", "y"])
    text = drv.sentence(plan)
    assert text.startswith(
        "The finish, week 9, is set by a date constraint: \u201cX\u201d may not start before week 6."
    )
    assert "a chain of 2 decisions" in text


def test_an_empty_plan_has_no_driver(make_plan) -> None:
    plan = make_plan([])
    drv = finish_driver(plan, analyze(plan))
    assert drv.kind == "empty" and "no work" in drv.sentence(plan)


def test_top_risks_by_expected_delay_without_a_simulation(make_plan) -> None:
    # r1: 50% x mean(1, 2, 3) = 1 week; r2: 10% x 4 = 0.4 week; r3 probability 0: left out.
    plan = make_plan(
        [{"id": "a", "duration": 2}],
        risks=[
            {"id": "r2", "title": "Two", "probability": 0.1, "impact": 4, "decisions": ["a"]},
            {
                "id": "r1",
                "title": "One",
                "probability": 0.5,
                "impact": {"optimistic": 1, "likely": 2, "pessimistic": 3},
                "decisions": ["a"],
                "mitigation": "act",
            },
            {"id": "r3", "title": "Three", "probability": 0.0, "impact": 9, "decisions": ["a"]},
        ],
    )
    lines = top_risks(plan, None, 3)
    assert [(x.id, x.measure) for x in lines] == [("r1", "expected"), ("r2", "expected")]
    assert lines[0].weeks == pytest.approx(1.0) and lines[1].weeks == pytest.approx(0.4)
    assert lines[0].mitigation == "act"


def test_top_risks_with_a_simulation_use_the_p80_effect(make_plan) -> None:
    plan = make_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 2}],
        [("a", "b")],
        risks=[
            {"id": "big", "title": "Big", "probability": 0.9, "impact": 5, "decisions": ["a"]},
            {"id": "small", "title": "Small", "probability": 0.05, "impact": 1, "decisions": ["b"]},
        ],
    )
    sim = simulate(plan, 2000, 1)
    lines = top_risks(plan, sim, 3)
    assert lines[0].id == "big" and lines[0].measure == "p80"
    effect = next(e for e in sim.risks if e.id == "big")
    assert lines[0].weeks == pytest.approx(effect.delta)
    assert finish_percentiles(sim) == {50: sim.percentile(50), 80: sim.percentile(80)}


def test_attention_puts_blocked_critical_work_first_and_never_done_work(make_plan) -> None:
    # a -> b -> c is critical; b is blocked; c is done (still critical in the schedule, but finished);
    # e sits off the path with float and is not flagged; m is a milestone on the path.
    plan = make_plan(
        [
            {"id": "a", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 6}},
            {"id": "b", "duration": 2, "status": "blocked"},
            {"id": "c", "duration": 2, "status": "done", "progress": 100},
            {"id": "e", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
    )
    asks = attention(plan, analyze(plan), None, 3)
    assert [x.id for x in asks] == ["b", "a"]
    assert "blocked and on the critical path" in asks[0].reasons[0]
    assert any("4 weeks over the likely 2 weeks" in r for r in asks[1].reasons)
