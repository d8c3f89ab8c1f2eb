"""A stage's window starts where its work began (session 22). The schedule runs on the remaining work, so a stage
whose first decisions were done or under way started, in the windows, only where their remaining work starts: the
actual finish of a done decision, or the status date. A Validate stage at work since week 0 read 'weeks 5-7' in the
text, the JSON, the stage timeline and the report. Its window now starts where the work done began
(progress.part_done, the rule the Gantt draws it by); the finish, gates and the gating price are unchanged.

Hand-checked: status date week 5. Validate: a (2 weeks, done, actual 0-2) -> b (4 weeks, 50 % done, started week 2);
Integrate: c (3 weeks) after b. b's remaining 2 weeks run 5-7, c 7-10.
"""

from __future__ import annotations

import math

import pytest

from planner.analysis import analyze
from planner.model import Plan


def _plan(*, actual: bool = True) -> Plan:
    a: dict[str, object] = {"id": "a", "title": "A", "stage": "v", "duration": 2, "status": "done"}
    b: dict[str, object] = {
        "id": "b",
        "title": "B",
        "stage": "v",
        "duration": 4,
        "status": "in_progress",
        "progress": 50,
    }
    if actual:
        a.update(actual_start=0, actual_finish=2)
        b.update(actual_start=2)
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Windows with work done",
            "status_date": 5,
            "stages": [{"id": "v", "name": "Validate"}, {"id": "i", "name": "Integrate"}],
            "decisions": [a, b, {"id": "c", "title": "C", "stage": "i", "duration": 3}],
            "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}],
        }
    )


def test_window_starts_where_the_work_began() -> None:
    an = analyze(_plan())
    assert an.schedule is not None and an.stages is not None
    assert an.schedule.finish == pytest.approx(10.0)
    v, i = an.stages.stages
    assert (v.start, v.finish) == (pytest.approx(0.0), pytest.approx(7.0))  # was 2-7: a's actual finish
    assert (v.gated_start, v.gated_finish) == (pytest.approx(0.0), pytest.approx(7.0))
    assert (i.start, i.finish) == (pytest.approx(7.0), pytest.approx(10.0))  # nothing done: unchanged
    assert an.stages.gated_finish == pytest.approx(10.0) and an.stages.gating_price == 0.0


def test_without_actual_dates_the_part_done_comes_before_the_status_date() -> None:
    # a done with no dates sits at the status date (5) with nothing before it to place; b's 2 weeks done end where
    # its remaining work starts (the status date): they began at week 3.
    from planner.analysis.stages import started_at

    plan = _plan(actual=False)
    an = analyze(plan)
    assert an.schedule is not None and an.stages is not None
    began = started_at(plan, an.schedule).tolist()
    assert began[1] == pytest.approx(3.0) and math.isnan(began[2])
    assert an.stages.stages[0].start == pytest.approx(3.0)  # was 5


def test_nothing_recorded_changes_nothing() -> None:
    plan = _plan()
    plan.status_date = None
    for d in plan.decisions:
        d.status, d.progress, d.actual_start, d.actual_finish = "not_started", 0, None, None  # type: ignore[assignment]
    an = analyze(plan)
    assert an.schedule is not None and an.stages is not None
    assert [(s.start, s.finish) for s in an.stages.stages] == [(0.0, 6.0), (6.0, 9.0)]
