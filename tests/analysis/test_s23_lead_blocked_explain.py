"""A decision marked blocked is explained as blocked (the inspector, the presenter bar and `analyze --explain` say
the explanation's words): the schedule counts on the block being lifted by the start it gives, and the float says
how much longer it may stay blocked. Before, a blocked decision was explained as any other ("It can slip 5
weeks..."), so the one thing the user had marked about it went unsaid.

Hand-checked plan: a (2 weeks) then b (3 weeks, blocked); c (10 weeks) alongside. The finish is week 10; b starts in
week 2 and finishes in week 5, 5 weeks of total and free float (it has no successor)."""

from __future__ import annotations

from planner.analysis import analyze, explain
from planner.model import Decision, Dependency, Plan, new_plan
from planner.model.plan import Status


def _plan(with_c: bool = True) -> Plan:
    plan = new_plan()
    plan.decisions += [
        Decision(id="a", title="A", stage="validate", duration=2),
        Decision(id="b", title="B", stage="validate", duration=3, status=Status.BLOCKED),
    ]
    if with_c:
        plan.decisions.append(Decision(id="c", title="C", stage="validate", duration=10))
    plan.dependencies.append(Dependency.model_validate({"from": "a", "to": "b"}))
    return plan


def test_blocked_with_float() -> None:
    plan = _plan()
    a = analyze(plan)
    assert a.schedule is not None
    e = explain(plan, a.schedule, "b")
    assert e.start_reason.startswith("Starts in week 2 because it can start only when 'A' (a) finishes")
    assert e.float_text == (
        "It is blocked: the schedule counts on it starting in week 2; it can stay blocked 5 weeks longer before "
        "the plan's finish moves (total float), and 5 weeks before it delays any successor (free float)."
    )
    # the others are explained as before
    assert explain(plan, a.schedule, "c").float_text == "It has no float: any delay moves the plan's finish."


def test_blocked_on_the_critical_path() -> None:
    plan = _plan(with_c=False)
    a = analyze(plan)
    assert a.schedule is not None
    e = explain(plan, a.schedule, "b")
    assert e.float_text == (
        "It is blocked and has no float: every week it stays blocked past week 2 moves the plan's finish."
    )
    assert e.critical


def test_blocked_and_done_is_done() -> None:
    plan = _plan()
    plan.decisions[1].status = Status.DONE
    a = analyze(plan)
    assert a.schedule is not None
    assert explain(plan, a.schedule, "b").float_text.startswith("It is done")


def test_blocked_work_in_progress_resumes() -> None:
    # b is blocked half done, started in week 2; at the status date (week 3) its remaining 1.5 weeks wait for the
    # block to lift: it does not "start" in week 3, it resumes (H-review23's repro)
    plan = _plan()
    plan.status_date = 3.0
    a_ = plan.decisions[0]
    a_.status, a_.actual_start, a_.actual_finish = Status.DONE, 0.0, 2.0
    b = plan.decisions[1]
    b.progress = 50
    b.actual_start = 2.0
    a = analyze(plan)
    assert a.schedule is not None
    text = explain(plan, a.schedule, "b").float_text
    assert text.startswith("It is blocked: the schedule counts on its remaining work resuming in week 3;")
