"""Properties no other test held (H-unseen22): levelling with recorded progress never shortens the plan nor starts
work earlier, lifting a team's capacity limit never lengthens the levelled plan, a plan compared with itself (or a
scenario that changes nothing) shows no change, and the diff of a plan with a copy of itself is empty. Random plans
from the strategies of tests/analysis/test_progress.py and test_properties.py, with teams and owners added."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.capacity import attach_to_analysis
from planner.analysis.compare import compare_plans, compare_scenarios
from planner.model import plan_from_dict
from planner.model.diff import diff_plans
from tests.analysis.test_progress import progressed_plans
from tests.analysis.test_properties import TOL

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
CAPACITY = st.sampled_from([None, 0.5, 1.0, 2.0, 3.0])


@st.composite
def staffed_progress(draw: st.DrawFn) -> dict[str, Any]:
    """A plan with recorded progress (and often a status date) whose work belongs to two teams of small capacity."""
    data = draw(progressed_plans())
    data["teams"] = [{"id": f"t{k}", "name": f"Team {k}", "capacity": draw(CAPACITY)} for k in range(2)]
    for d in data["decisions"]:
        if draw(st.integers(0, 4)):
            d["owner"] = draw(st.sampled_from(["t0", "t1"]))
        d["headcount"] = draw(st.sampled_from([0, 0.5, 1, 2, 3]))
    return data


def _levelled(data: dict[str, Any]) -> Any:
    result = analyze(plan_from_dict(data, "<random>"))
    assert result.schedule is not None, [f.message for f in result.findings]
    attach_to_analysis(result)
    assert result.levelled is not None
    return result


@SETTINGS
@given(data=staffed_progress())
def test_levelling_with_progress_never_shortens_the_plan_nor_starts_work_earlier(
    data: dict[str, Any],
) -> None:
    result = _levelled(data)
    s, lv = result.schedule, result.levelled
    assert lv.finish >= s.finish - TOL
    assert np.all(lv.es >= s.es - TOL)
    assert lv.cost >= -TOL


@SETTINGS
@given(data=staffed_progress(), k=st.integers(0, 1))
def test_lifting_a_teams_capacity_limit_never_lengthens_the_levelled_plan(
    data: dict[str, Any], k: int
) -> None:
    before = _levelled(data).levelled.finish
    lifted = copy.deepcopy(data)
    lifted["teams"][k]["capacity"] = None
    assert _levelled(lifted).levelled.finish <= before + TOL


@SETTINGS
@given(data=staffed_progress())
def test_a_plan_compared_with_itself_shows_no_change(data: dict[str, Any]) -> None:
    plan = plan_from_dict(data, "<random>")
    twin = plan_from_dict(copy.deepcopy(data), "<random>")
    assert diff_plans(plan, twin).empty
    item = compare_plans([("A", plan), ("B", twin)], iterations=20, seed=4).items[1]
    for figure in ("finish", "gated_finish", "gating_price", "p50", "p80"):
        assert item.delta(figure) == 0, figure
    assert item.joined == [] and item.left == []
    # a scenario that changes nothing is the base, figure for figure (the same random numbers)
    plan.scenarios = plan_from_dict({**data, "scenarios": [{"name": "Same"}]}, "<random>").scenarios
    same = compare_scenarios(plan, iterations=20, seed=4).items[1]
    assert same.name == "Same"
    assert [same.delta(f) for f in ("finish", "gated_finish", "p50", "p80")] == [0, 0, 0, 0]
    assert same.critical_path == item.reference.critical_path
