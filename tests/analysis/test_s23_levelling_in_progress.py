"""Levelling never pauses work recorded as in progress, with or without a status date (H-unseen23).

Before: without a status date the levelling treated a decision marked in progress like any other, so work under way
could be delayed until other work had taken its team: the levelled schedule showed it idle, then resuming (work is
never split, so a delay of work under way is a pause). Without a status date the schedule is the one at a status
date of the plan start (the date drops out of every ``max``, docs/progress-and-status-date.md), and at that status
date the levelling already placed work in progress first and never shifted it; the levelled schedules now agree.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.capacity import level
from planner.model import Plan
from tests.conftest import build_plan

TEAM = [{"id": "t", "name": "Team T", "capacity": 1}]


def _plan(status_date: float | None = None) -> Plan:
    # 'a' is half done of 4 weeks: 2 weeks left. 'b' (3 weeks) drives 'c' (1 week): every rule ranks it first.
    return build_plan(
        [
            {"id": "a", "owner": "t", "duration": 4, "status": "in_progress", "progress": 50},
            {"id": "b", "owner": "t", "duration": 3},
            {"id": "c", "owner": "t", "duration": 1},
        ],
        [("b", "c")],
        teams=TEAM,
        status_date=status_date,
    )


@pytest.mark.parametrize("method", ["heuristic", "exact"])  # classic: one serial pass kept as it was (README)
def test_work_in_progress_is_not_paused_without_a_status_date(method: str) -> None:
    plan = _plan()
    s = analyze(plan).schedule
    assert s is not None
    # by hand, unlevelled: a 0-2 (its 2 weeks left), b 0-3, c 3-4; one person: a, b and c cannot overlap
    es = dict(zip(s.ids, s.es.tolist(), strict=True))
    assert (es["a"], es["b"], es["c"], s.finish) == (0.0, 0.0, 3.0, 4.0)
    lv = level(plan, s, method)
    got = dict(zip(lv.ids, lv.es.tolist(), strict=True))
    # a keeps weeks 0-2 (it was paused to 4-6 behind b and c); b waits: 2-5, c 5-6. Finish 6 either way.
    assert (got["a"], got["b"], got["c"], lv.finish) == (0.0, 2.0, 5.0, 6.0), method


def test_the_levelled_schedule_is_the_one_at_a_status_date_of_the_plan_start() -> None:
    for method in ("heuristic", "exact"):
        runs = []
        for plan in (_plan(), _plan(0.0)):
            s = analyze(plan).schedule
            assert s is not None
            lv = level(plan, s, method)
            runs.append((s.es.tolist(), lv.es.tolist(), lv.finish))
        assert runs[0] == runs[1], method


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(1, 6), st.sampled_from(["not_started", "in_progress", "done"]), st.integers(0, 90)
        ),
        min_size=2,
        max_size=7,
    ),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=6),
)
def test_no_status_date_levels_as_a_status_date_of_the_plan_start(rows: list, links: list) -> None:
    """Property: for any plan, no status date and a status date of week 0 give the same schedule and the same
    levelled schedule (the status date drops out of every ``max`` when it is the plan start)."""
    decisions = [
        {
            "id": f"d{i}",
            "owner": "t",
            "duration": w,
            "status": st_,
            "progress": 0 if st_ == "not_started" else (100 if st_ == "done" else p),
        }
        for i, (w, st_, p) in enumerate(rows)
    ]
    n = len(decisions)
    pairs = {(min(a % n, b % n), max(a % n, b % n)) for a, b in links}
    deps = sorted((f"d{a}", f"d{b}") for a, b in pairs if a != b)  # forward only: no cycle
    results = []
    for status in (None, 0.0):
        plan = build_plan(decisions, deps, teams=TEAM, status_date=status)
        s = analyze(plan).schedule
        assert s is not None
        lv = level(plan, s)
        results.append((s.es.tolist(), s.finish, lv.es.tolist(), lv.finish))
    assert results[0] == results[1]
