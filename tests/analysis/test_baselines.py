"""Baselines (SPEC §3.4): snapshot the schedule into the plan, variance against it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner.analysis import schedule
from planner.analysis.baselines import find_baseline, make_baseline, variance, with_baseline
from planner.model import dump_plan, parse_plan


def _plan(make_plan: Any) -> Any:
    return make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}, {"id": "c", "duration": 1}], [("a", "b")]
    )


def test_a_baseline_snapshots_starts_finishes_and_the_finish(make_plan: Any) -> None:
    plan = _plan(make_plan)
    when = dt.datetime(2027, 1, 4, 9, 30, tzinfo=dt.UTC)
    b = make_baseline(schedule(plan), "Approved", created=when)
    assert b.name == "Approved" and b.created == when and b.finish == 5.0
    assert {k: (e.start, e.finish) for k, e in b.decisions.items()} == {"a": (0, 3), "b": (3, 5), "c": (0, 1)}
    assert make_baseline(schedule(plan), "now").created is not None


def test_with_baseline_is_pure_and_replaces_by_name(make_plan: Any) -> None:
    plan = _plan(make_plan)
    b1 = make_baseline(schedule(plan), "v1")
    p1 = with_baseline(plan, b1)
    assert plan.baselines == [] and [b.name for b in p1.baselines] == ["v1"]
    p2 = with_baseline(p1, make_baseline(schedule(plan), "v2"))
    plan.decisions[0].duration = 4
    p3 = with_baseline(p2, make_baseline(schedule(plan), "v1"))
    assert [b.name for b in p3.baselines] == ["v1", "v2"] and p3.baselines[0].finish == 6.0
    assert p2.baselines[0].finish == 5.0
    assert find_baseline(p3).name == "v2" and find_baseline(p3, "v1").finish == 6.0
    assert find_baseline(p3, "nope") is None
    # It survives a save and a load.
    again = parse_plan(dump_plan(p3))
    assert again.baselines == p3.baselines


def test_variance_reports_slips_new_and_removed_decisions(make_plan: Any) -> None:
    plan = _plan(make_plan)
    b = make_baseline(schedule(plan), "v1")
    changed = make_plan(
        [{"id": "a", "duration": 4}, {"id": "b", "duration": 2}, {"id": "d", "duration": 1}], [("a", "b")]
    )
    changed.decisions[0].duration = 2.5
    v = variance(schedule(changed), b)
    rows = {r.id: r for r in v.decisions}
    assert v.finish_slip == pytest.approx(-0.5) and v.baseline == "v1"
    assert rows["a"].status == "ahead" and rows["a"].finish_slip == -0.5 and rows["a"].start_slip == 0
    assert rows["b"].start_slip == -0.5 and rows["b"].finish_slip == -0.5
    assert rows["d"].status == "new" and rows["d"].finish_slip is None
    assert rows["c"].status == "removed" and rows["c"].start is None
    assert [r.id for r in v.decisions] == ["a", "b", "d", "c"]

    changed.decisions[1].duration = 5
    v = variance(schedule(changed), b)
    assert v.finish_slip == 2.5 and [r.id for r in v.slipped()] == ["b"]
    out = v.to_dict()
    assert out["finish_slip"] == 2.5 and out["decisions"][1]["finish_slip"] == 2.5


def test_an_unchanged_plan_has_no_variance(make_plan: Any) -> None:
    plan = _plan(make_plan)
    v = variance(schedule(plan), make_baseline(schedule(plan), "v1"))
    assert v.finish_slip == 0 and all(r.status == "same" for r in v.decisions) and v.slipped() == []
