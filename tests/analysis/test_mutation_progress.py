"""planner/analysis/progress.py: the pre-pass has two implementations -- one object per decision
(:func:`decision_progress`, what explanations and findings read) and a column at a time (``_progress_arrays`` and
:func:`progress_columns`, what the analysis runs). Mutants of either (scripts/mutate.py) survived the hand-worked
cases; here the two are held to each other on random plans with every kind of recorded reality, and the rules of
docs/progress-and-status-date.md are checked by hand on the cases the others left out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.graph import compile_plan
from planner.analysis.progress import (
    apply_progress,
    decision_progress,
    has_progress,
    progress_columns,
    progress_schedule,
    progress_state,
    status_week,
)
from planner.model import plan_from_dict
from tests.analysis.test_progress import CHAIN
from tests.analysis.test_properties import plan_dicts

START = dt.date(2027, 1, 4)
STATUSES = ("not_started", "in_progress", "done", "blocked")
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def when(draw: st.DrawFn, dated: bool) -> float | str:
    """A week (0 .. 8, halves) or, in a plan with a start date, sometimes an ISO date (from 2 weeks before the
    start: such a date counts as the start)."""
    week = draw(st.integers(-4, 16)) / 2
    if dated and (week < 0 or draw(st.booleans())):
        return (START + dt.timedelta(days=round(week * 7))).isoformat()
    return max(0.0, week)


@st.composite
def reality_plans(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(plan_dicts(max_decisions=8))
    dated = draw(st.booleans())
    if dated:
        data["start_date"] = START.isoformat()
    for d in data["decisions"]:
        d["status"] = draw(st.sampled_from(STATUSES))
        d["progress"] = draw(st.integers(0, 4)) * 25
        if draw(st.integers(0, 2)) == 0:
            d["actual_start"] = when(draw, dated)
        if draw(st.integers(0, 2)) == 0:
            d["actual_finish"] = when(draw, dated)
    if draw(st.booleans()):
        data["status_date"] = when(draw, dated)
    return data


@SETTINGS
@given(reality_plans())
def test_the_column_pre_pass_is_the_object_pre_pass(data: dict[str, Any]) -> None:
    plan = plan_from_dict(data, "<random>")
    graph = compile_plan(plan)
    state = progress_state(plan)
    assert state.active == has_progress(plan) == has_progress(plan, graph.cols)
    by_columns = apply_progress(plan, graph)
    by_objects = apply_progress(plan, graph, state)
    if not state.active:
        assert by_columns is graph and by_objects is graph
        return
    np.testing.assert_array_equal(by_columns.duration, by_objects.duration)
    np.testing.assert_array_equal(by_columns.not_before, by_objects.not_before)
    np.testing.assert_array_equal(by_columns.done, by_objects.done)  # type: ignore[attr-defined]
    np.testing.assert_array_equal(by_columns.released, by_objects.released)  # type: ignore[attr-defined]
    # ... and the columns the exports read.
    states, planned, a_s, a_f = progress_columns(plan)
    assert states == [p.state for p in state.decisions]
    assert a_s == [p.actual_start for p in state.decisions]
    assert a_f == [p.actual_finish for p in state.decisions]
    assert planned == [d.weeks() for d in plan.decisions]
    # The rules themselves, decision by decision.
    s = status_week(plan)
    for d, p in zip(plan.decisions, state.decisions, strict=True):
        assert 0.0 <= p.remaining_fraction <= 1.0
        if p.state == "done":
            assert p.remaining_fraction == 0.0
            expected = next((x for x in (p.actual_finish, s, p.actual_start) if x is not None), 0.0)
            assert p.floor == expected
        else:
            assert p.remaining_fraction == 1.0 - d.progress / 100.0
            assert p.actual_finish is None
            if s is not None:
                assert p.floor >= s
        for x in (p.actual_start, p.actual_finish):
            assert x is None or x >= 0.0


@pytest.mark.parametrize(
    ("fields", "status_date", "state", "fraction", "floor", "reason"),
    [
        # not started, not before 3, status at week 5: the status date is later -> floor 5 (status-date).
        ({"not_before": 3}, 5, "not_started", 1.0, 5.0, "status-date"),
        # not started, not before 6, status 5: the constraint is later -> floor 6 (not-before).
        ({"not_before": 6}, 5, "not_started", 1.0, 6.0, "not-before"),
        # not before 5 and status 5: equal -> the constraint stays the reason.
        ({"not_before": 5}, 5, "not_started", 1.0, 5.0, "not-before"),
        # nothing but the status date at 0: floor 0, set by the status date.
        ({}, 0, "not_started", 1.0, 0.0, "status-date"),
        # no status date, nothing recorded: floor 0, no reason.
        ({"progress": 0}, None, "not_started", 1.0, 0.0, None),
        # in progress 25 %, started at week 2, status 1 (before its start): floor 2 (actual-start), 3/4 left.
        (
            {"status": "in_progress", "progress": 25, "actual_start": 2},
            1,
            "in_progress",
            0.75,
            2.0,
            "actual-start",
        ),
        # blocked with progress counts as in progress: 50 % left, status 4 -> floor 4.
        ({"status": "blocked", "progress": 50, "not_before": 1}, 4, "in_progress", 0.5, 4.0, "status-date"),
        # blocked with nothing recorded is not started.
        ({"status": "blocked"}, 4, "not_started", 1.0, 4.0, "status-date"),
        # an actual start alone makes it in progress, and replaces not_before: floor 1 (not 6).
        ({"actual_start": 1, "not_before": 6}, None, "in_progress", 1.0, 1.0, "actual-start"),
        # an actual start before the plan start (21 Dec 2026, two weeks before 4 Jan 2027) counts as week 0.
        ({"actual_start": "2026-12-21"}, None, "in_progress", 1.0, 0.0, "actual-start"),
        # done: its actual finish first (3), even with a status date (5) and an actual start (1).
        ({"status": "done", "actual_start": 1, "actual_finish": 3}, 5, "done", 0.0, 3.0, "actual-finish"),
        # done without an actual finish: the status date.
        ({"status": "done", "actual_start": 1}, 5, "done", 0.0, 5.0, "status-date"),
        # done, no finish, no status date: its actual start.
        ({"status": "done", "actual_start": 1.5}, None, "done", 0.0, 1.5, "actual-start"),
        # done and nothing else: the plan start.
        ({"status": "done"}, None, "done", 0.0, 0.0, None),
    ],
)
def test_decision_progress_by_hand(
    make_plan,
    fields: dict[str, Any],
    status_date: float | None,
    state: str,
    fraction: float,
    floor: float,
    reason,
) -> None:
    plan = make_plan(
        [{"id": "a", "duration": 4, **fields}], status_date=status_date, start_date=START.isoformat()
    )
    p = decision_progress(plan, plan.decisions[0], status_week(plan))
    assert (p.state, p.remaining_fraction, p.floor, p.floor_reason) == (state, fraction, floor, reason)
    # The schedule places the remaining work there: 4 weeks x the fraction from the floor (a done one sits).
    s = analyze(plan).schedule
    assert s is not None
    assert (s.es[0], s.ef[0]) == (floor, floor + 4 * fraction)


@pytest.mark.parametrize(
    ("fields", "recorded"),
    [
        ({}, False),  # not started, no progress, no actual date, no status date: nothing recorded
        ({"progress": 1}, True),
        ({"status": "blocked"}, True),
        ({"actual_start": 2}, True),
        ({"actual_finish": 3}, True),
    ],
)
def test_has_progress_by_hand_on_both_paths(make_plan, fields: dict[str, Any], recorded: bool) -> None:
    plan = make_plan([{"id": "a", "duration": 4, **fields}, {"id": "b", "duration": 1}])
    assert has_progress(plan) is recorded
    assert has_progress(plan, compile_plan(plan).cols) is recorded


def test_one_percent_done_is_in_progress(make_plan) -> None:
    # Not started by its status but 1 % done: in progress, 99 % of 4 weeks left (3.96) from the status date 2.
    plan = make_plan([{"id": "a", "duration": 4, "progress": 1}], status_date=2)
    p = progress_state(plan).decisions[0]
    assert (p.state, p.remaining_fraction, p.floor) == ("in_progress", 0.99, 2.0)
    states, _, _, _ = progress_columns(plan)
    assert states == ["in_progress"]
    s = analyze(plan).schedule
    assert s is not None and s.ef[0] == pytest.approx(5.96, abs=1e-12)


def test_findings_name_their_dates_and_a_status_date_before_the_start(make_plan) -> None:
    # Plan start Mon 4 Jan 2027; status date Mon 21 Dec 2026, two weeks before it: a warning, and it counts as
    # week 0. a (2) -> b (3), nothing done: nothing is late at week 0.
    plan = make_plan(CHAIN[:2], [("a", "b")], start_date="2027-01-04", status_date="2026-12-21")
    r = analyze(plan)
    (f,) = [f for f in r.findings if f.code == "date-before-plan-start"]
    assert f.message.startswith(
        "The status date is 2 weeks before the plan start; it counts as the plan start."
    )
    assert not [f for f in r.findings if f.code.startswith("late-")]
    # Status date Mon 1 Feb 2027 = week 4: a (planned 0-2) should have finished by week 2 (18 Jan 2027), 2 weeks
    # late, forecast 4-6 (15 Feb 2027). Written with their dates.
    plan = make_plan(CHAIN[:2], [("a", "b")], start_date="2027-01-04", status_date="2027-02-01")
    late = {f.decisions[0]: f.message for f in analyze(plan).findings if f.code == "late-finish"}
    assert late["a"] == (
        "'A' (a) should have finished by week 2 (18 Jan 2027) in the plan without progress and is not done: "
        "2 weeks late at the status date; forecast finish week 6 (15 Feb 2027)."
    )


def test_progress_schedule_compiles_the_plan_itself(make_plan) -> None:
    # a (2) -> b (3), a done at week 1 (actual finish), status date 1: a sits at 1, b 1-4.
    plan = make_plan(
        [{**CHAIN[0], "status": "done", "actual_finish": 1}, CHAIN[1]], [("a", "b")], status_date=1
    )
    s = progress_schedule(plan)
    assert (s.es.tolist(), s.ef.tolist(), s.finish) == ([1, 1], [1, 4], 4)
    assert s.critical_ids == ["b"]


def test_consistent_actuals_raise_no_warning_and_early_ones_do(make_plan) -> None:
    # Status date week 4. a: in progress, started week 1 (no finish); b: done 0.5-2; c: not started. Nothing is
    # wrong with these actuals: no warning about them (b's actual finish 2 is on a done decision, before week 4).
    plan = make_plan(
        [
            {"id": "a", "duration": 4, "status": "in_progress", "actual_start": 1},
            {"id": "b", "duration": 2, "status": "done", "actual_start": 0.5, "actual_finish": 2},
            {"id": "c", "duration": 1},
        ],
        status_date=4,
    )
    codes = {f.code for f in analyze(plan).findings}
    assert not codes & {"actual-finish-before-start", "actual-after-status-date", "actual-ignored"}
    assert "date-before-plan-start" not in codes
    # An actual start on Mon 28 Dec 2026, a week before the plan start (4 Jan 2027): a warning, and week 0.
    plan = make_plan(
        [{"id": "a", "duration": 4, "status": "in_progress", "actual_start": "2026-12-28"}],
        start_date="2027-01-04",
        status_date=4,
    )
    (f,) = [f for f in analyze(plan).findings if f.code == "date-before-plan-start"]
    assert (
        f.message == "'A' (a) has an actual start 1 week before the plan start; it counts as the plan start."
    )
    # An actual start after the status date: week 5 > 4.
    plan = make_plan([{"id": "a", "duration": 4, "status": "in_progress", "actual_start": 5}], status_date=4)
    assert [f.code for f in analyze(plan).findings if f.code.startswith("actual-")] == [
        "actual-after-status-date"
    ]
