"""The edit loop's re-analysis (planner.analysis.incremental) equals the full analysis after every edit.

Property test: random valid plans (with teams and capacities, so over-capacity warnings come and go), random
sequences of duration and earliest-start edits applied in place, as the app's undo commands do; after each edit
``reanalyze`` (from the previous step's analysis) must give exactly what ``analyze`` gives, or decline (None)
when the edit makes the plan invalid. Plus hand-checked cases of what it redoes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import Analysis, analyze
from planner.analysis.incremental import reanalyze
from planner.model import Plan, ThreePoint, plan_from_dict
from tests.analysis.test_properties import plan_dicts

SCHEDULE_ARRAYS = (
    "duration",
    "es",
    "ef",
    "ls",
    "lf",
    "total_float",
    "free_float",
    "critical",
    "slack",
    "driving",
)
weeks = st.integers(0, 24).map(lambda q: q / 4)


def assert_same(got: Analysis, want: Analysis) -> None:
    """Every figure the views show, exactly (the arithmetic is the same, so no tolerance)."""
    assert got.findings == want.findings
    s, t = got.schedule, want.schedule
    assert s is not None and t is not None
    for name in SCHEDULE_ARRAYS:
        np.testing.assert_array_equal(getattr(s, name), getattr(t, name), err_msg=name)
    assert s.finish == t.finish
    assert s.tolerance == t.tolerance
    assert s.critical_path == t.critical_path
    assert s.critical_chain_count == t.critical_chain_count
    assert s.notes == t.notes
    np.testing.assert_array_equal(s.weight, t.weight)
    a, b = got.stages, want.stages
    assert a is not None and b is not None
    assert a.stages == b.stages
    assert a.inversions == b.inversions and a.suggested_moves == b.suggested_moves
    np.testing.assert_array_equal(a.sequenced, b.sequenced)
    np.testing.assert_array_equal(a.gated_es, b.gated_es)
    np.testing.assert_array_equal(a.gated_ef, b.gated_ef)
    assert (a.gated_finish, a.gating_price) == (b.gated_finish, b.gating_price)


@st.composite
def plans_with_teams(draw: st.DrawFn) -> Plan:
    data: dict[str, Any] = draw(plan_dicts(max_decisions=14))
    teams = [{"id": f"t{k}", "name": f"Team {k}", "capacity": draw(st.integers(1, 3))} for k in range(3)]
    data["teams"] = teams
    for dec in data["decisions"]:
        owner = draw(st.integers(-1, 2))
        if owner >= 0:
            dec["owner"] = f"t{owner}"
            dec["headcount"] = draw(st.integers(0, 3))
    return plan_from_dict(data, "<random plan>")


edits = st.lists(
    st.tuples(
        st.integers(0, 10_000),  # which decision (modulo the count)
        st.sampled_from(("likely", "three-point", "not_before", "clear not_before", "two at once")),
        weeks,
        weeks,
    ),
    min_size=1,
    max_size=8,
)


def _apply(plan: Plan, pick: int, kind: str, a: float, b: float) -> list[str]:
    ds = plan.decisions
    d = ds[pick % len(ds)]
    if kind == "likely":
        d.duration = 0.0 if d.milestone else a
    elif kind == "three-point" and not d.milestone:
        d.duration = ThreePoint(optimistic=a, likely=a + b, pessimistic=a + 2 * b)
    elif kind == "not_before":
        d.not_before = a
    elif kind == "clear not_before":
        d.not_before = None
    elif kind == "two at once":
        other = ds[(pick + 1) % len(ds)]
        d.not_before = b
        if not other.milestone:
            other.duration = a
        return [d.id, other.id]
    return [d.id]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(plans_with_teams(), edits, st.sampled_from(("likely", "pert", "pessimistic")))
def test_incremental_equals_full_after_each_edit(plan: Plan, steps: list[Any], estimate: str) -> None:
    previous = analyze(plan, estimate)
    if previous.schedule is None or not plan.decisions:
        return
    for pick, kind, a, b in steps:
        changed = _apply(plan, pick, kind, a, b)
        got = reanalyze(previous, plan, changed, estimate)
        want = analyze(plan, estimate)
        assert want.schedule is not None  # these edits keep a valid plan valid
        assert got is not None
        assert_same(got, want)
        previous = got


def _chain_plan() -> Plan:
    """a -> b -> c (FS) and x alone beside them: a 2, b 3, c 1, x 4 weeks; one team of capacity 1 runs a and x."""
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Chain",
            "stages": [{"id": "validate", "name": "Validate"}],
            "teams": [{"id": "ops", "name": "Ops", "capacity": 1}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "duration": 2, "owner": "ops", "headcount": 1},
                {"id": "b", "title": "B", "stage": "validate", "duration": 3},
                {"id": "c", "title": "C", "stage": "validate", "duration": 1},
                {"id": "x", "title": "X", "stage": "validate", "duration": 4, "owner": "ops", "headcount": 1},
            ],
            "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}],
        },
        "<chain>",
    )


def test_hand_checked_duration_edit() -> None:
    # Before: a 0-2, b 2-5, c 5-6, finish 6; x 0-4 with 2 weeks of float. Ops runs a and x at once (2 people
    # in weeks 0-2 for a capacity of 1): one over-capacity warning.
    plan = _chain_plan()
    before = analyze(plan)
    assert before.schedule is not None and before.schedule.finish == 6
    assert [f.code for f in before.findings].count("over-capacity") == 1
    # b takes 1 week instead of 3: c runs 3-4, the finish is 4 and x (0-4) becomes critical with the chain.
    plan.decisions[1].duration = 1.0
    got = reanalyze(before, plan, ["b"], "likely")
    assert got is not None and got.schedule is not None
    s = got.schedule
    assert s.finish == 4.0
    assert s.es.tolist() == [0.0, 2.0, 3.0, 0.0]
    assert s.ls.tolist() == [0.0, 2.0, 3.0, 0.0]
    assert s.total_float.tolist() == [0.0, 0.0, 0.0, 0.0]
    assert [f.code for f in got.findings].count("over-capacity") == 1
    assert_same(got, analyze(plan))


def test_declines_what_it_cannot_do_exactly() -> None:
    plan = _chain_plan()
    before = analyze(plan)
    assert reanalyze(before, plan, ["nope"], "likely") is None  # an unknown decision
    assert reanalyze(before, plan, ["a"], "pert") is None  # another estimate
    plan.decisions[2].milestone = True  # a milestone with a duration is an error: the full analysis says so
    assert reanalyze(before, plan, ["c"], "likely") is None
    errors = analyze(_broken := plan)
    assert errors.schedule is None and _broken is plan
    assert reanalyze(errors, plan, ["c"], "likely") is None  # no schedule to start from


@pytest.mark.parametrize("status_week", [None, 6.0])
def test_big_random_plan_one_edit_at_a_time(status_week: float | None) -> None:
    """A plan with deep chains and recorded progress (the benchmark's generator; with a status date, the late
    findings too): many edits, each equal to the full analysis."""
    from benchmarks._plans import random_plan

    n = 300
    plan = random_plan(n, seed=3)
    plan.status_date = status_week
    previous = analyze(plan)
    for k in range(12):
        d = plan.decisions[(k * 97) % n]
        if d.milestone:
            continue
        d.duration = float(1 + k % 5) if k % 3 else ThreePoint(optimistic=1, likely=2 + k % 4, pessimistic=9)
        got = reanalyze(previous, plan, [d.id], "likely")
        assert got is not None
        assert_same(got, analyze(plan))
        previous = got
