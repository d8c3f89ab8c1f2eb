"""What sets the finish, said of a plan whose every decision is done: "Every decision is done: the plan finished in
week 12 (29 Mar 2027)." It said "it has no work that takes time yet" (done work is never critical, so the critical
path was empty and the plan read as empty)."""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.board import finish_driver
from planner.model import plan_from_dict
from tests.unseen_plans import shape


def test_an_all_done_plan_finished() -> None:
    plan = plan_from_dict(shape("all-done"))
    result = analyze(plan)
    assert result.schedule is not None
    driver = finish_driver(plan, result)
    assert driver.kind == "done"
    assert driver.finish == result.schedule.finish == 12.0  # the last actual finish, hand-set in the shape
    assert driver.sentence(plan) == "Every decision is done: the plan finished in week 12 (29 Mar 2027)."


def test_a_plan_with_work_left_is_unchanged() -> None:
    plan = plan_from_dict(shape("all-done"))
    plan.decisions[-1].status = "in_progress"  # type: ignore[assignment]
    plan.decisions[-1].actual_finish = None
    plan.decisions[-1].progress = 50
    driver = finish_driver(plan, analyze(plan))
    assert driver.kind != "done"
    assert "Every decision is done" not in driver.sentence(plan)
