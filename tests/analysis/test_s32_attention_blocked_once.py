"""A blocked decision on the critical path is said to be on it once (session 32, H-unseen32).

The report's summary read "... every week it stays blocked moves the finish; it is on the critical path": the
first reason says it already."""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.board import attention


def test_blocked_critical_work_names_the_critical_path_once(make_plan) -> None:
    plan = make_plan(
        [
            {"id": "a", "duration": 2},
            {"id": "b", "duration": 3, "status": "blocked"},
            {"id": "c", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
    )
    (b,) = [x for x in attention(plan, analyze(plan), None, None) if x.id == "b"]
    assert b.reasons[0].startswith("it is blocked and on the critical path")
    assert sum("critical path" in r for r in b.reasons) == 1, b.reasons


def test_work_on_the_path_that_is_not_blocked_still_says_so(make_plan) -> None:
    plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 3}], [("a", "b")])
    reasons = {x.id: x.reasons for x in attention(plan, analyze(plan), None, None)}
    assert reasons["a"] == ["it is on the critical path"]
