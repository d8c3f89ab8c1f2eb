"""``analyze --format json``'s team loads from arrays (issue 12, session 29): the step profile, peak and weeks over
capacity worked out on numpy arrays, and each distinct week's date formatted once, must be exactly what
:class:`planner.analysis.capacity.TeamLoad` (the load chart's, the Capacity tab's and the report's object) and
:func:`planner.units.iso_dates` give, figure for figure, including loads that differ by rounding only (0.1 + 0.2
people), where whether a stretch joins a step depends on the step's first load."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner import units
from planner.analysis.capacity import (
    TeamLoad,
    _over_weeks,
    _peak,
    _segment_arrays,
    _step_arrays,
    _steps,
    iso_dates_of,
    team_loads,
    teams_json,
)
from tests.conftest import build_plan

START = dt.date(2027, 1, 4)

# Headcounts whose sums are not exact in binary (0.1 + 0.2 != 0.3), and times on a coarse grid so that stretches
# touch and hand over to one another.
_heads = st.sampled_from([0.1, 0.2, 0.3, 0.7, 1.0, 1.1, 2.0, 1 / 3])
_jobs = st.lists(
    st.tuples(st.integers(0, 12), st.integers(1, 6), _heads, st.integers(0, 2)), min_size=0, max_size=25
)


def _reference(plan: Any, es: np.ndarray, ef: np.ndarray, lv: tuple[Any, Any] | None) -> list[dict[str, Any]]:
    """``teams`` as the TeamLoad objects give it, the way the JSON was built before the arrays (fe8d26e)."""
    loads = team_loads(plan, es, ef)
    lv_loads = team_loads(plan, *lv) if lv is not None else None

    def steps_json(tl: TeamLoad) -> list[dict[str, Any]]:
        return [
            {
                "start": s,
                "end": e,
                "people": p,
                "start_date": units.iso_date(plan.start_date, s),
                "end_date": units.iso_date(plan.start_date, e),
            }
            for s, e, p in tl.steps()
        ]

    out = []
    for k, tl in enumerate(loads):
        row: dict[str, Any] = {
            "id": tl.id,
            "name": tl.name,
            "capacity": tl.capacity,
            "peak": tl.peak,
            "over_capacity_weeks": tl.over_weeks,
            "load": steps_json(tl),
        }
        if lv_loads is not None:
            row["levelled_peak"] = lv_loads[k].peak
            row["levelled_over_capacity_weeks"] = lv_loads[k].over_weeks
            row["levelled_load"] = steps_json(lv_loads[k])
        out.append(row)
    return out


def _plan(
    jobs: list[tuple[int, int, float, int]], start: dt.date | None
) -> tuple[Any, np.ndarray, np.ndarray]:
    decisions = [
        {"id": f"d{i}", "duration": float(w), "owner": ("a", "b", "c")[t], "headcount": h}
        for i, (_, w, h, t) in enumerate(jobs)
    ]
    teams = [
        {"id": "a", "name": "A", "capacity": 1.0},
        {"id": "b", "name": "B", "capacity": 0.3},
        {"id": "c", "name": "C"},
    ]
    plan = build_plan(decisions, teams=teams, start_date=start.isoformat() if start else None)
    es = np.array([s / 4 for s, *_ in jobs], dtype=np.float64)
    ef = es + np.array([w / 2 for _, w, *_ in jobs], dtype=np.float64)
    return plan, es, ef


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_jobs, _jobs, st.booleans())
# 0.1 + 0.2 on [0, 1) then 0.3 on [1, 2): loads within rounding of each other, joined by their first load
@example([(0, 2, 0.1, 0), (0, 4, 0.2, 0), (4, 2, 0.3, 0)], [], True)
def test_teams_json_is_the_team_load_objects_figure_for_figure(
    jobs: list[tuple[int, int, float, int]], moved: list[tuple[int, int, float, int]], dated: bool
) -> None:
    plan, es, ef = _plan(jobs, START if dated else None)
    # a levelled schedule: the same decisions, some later
    shift = np.array(
        [(moved[i][0] / 8 if i < len(moved) else 0.0) for i in range(len(jobs))], dtype=np.float64
    )
    lv = (es + shift, ef + shift)
    assert teams_json(plan, es, ef) == _reference(plan, es, ef, None)
    assert teams_json(plan, es, ef, lv) == _reference(plan, es, ef, lv)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), _heads), max_size=40))
@example([(0, 4, 0.1), (0, 8, 0.2), (8, 4, 0.3), (12, 4, 0.3)])
def test_steps_peak_and_weeks_over_from_arrays(jobs: list[tuple[int, int, float]]) -> None:
    start = np.array([s / 4 for s, _, _ in jobs], dtype=np.float64)
    finish = start + np.array([w / 4 for _, w, _ in jobs], dtype=np.float64)
    people = np.array([h for _, _, h in jobs], dtype=np.float64)
    seg = _segment_arrays(start, finish, people)
    segments = list(zip(*(x.tolist() for x in seg), strict=True))
    tl = TeamLoad("t", "T", 0.3, segments, [])
    steps = _step_arrays(*seg)
    assert list(zip(*(x.tolist() for x in steps), strict=True)) == tl.steps() == _steps(segments)
    assert _peak(*seg) == tl.peak
    assert type(_peak(*seg)) is float
    for cap in (None, 0.3, 1.0):
        tl.capacity = cap
        assert _over_weeks(*seg, cap) == tl.over_weeks


def test_loads_within_rounding_join_by_the_steps_first_load() -> None:
    # 1 person on [0, 1), 1 + 0.8e-9 on [1, 2), 1 + 1.6e-9 on [2, 3): the second joins the first's step (within
    # rounding of its load); the third is within rounding of the second but not of the step's first load, so it
    # starts a step of its own (comparing each stretch with its neighbour would make one step of the three).
    seg = (np.array([0.0, 1.0, 2.0]), np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0 + 0.8e-9, 1.0 + 1.6e-9]))
    expected = _steps(list(zip(*(x.tolist() for x in seg), strict=True)))
    assert expected == [(0.0, 2.0, 1.0), (2.0, 3.0, 1.0 + 1.6e-9)]
    assert list(zip(*(x.tolist() for x in _step_arrays(*seg)), strict=True)) == expected


def test_iso_dates_of_is_iso_dates_array_by_array() -> None:
    weeks = [np.array([0.0, 2.5, 1 / 14, -0.0, 2.5]), np.array([]), np.array([100.25, 0.0])]
    assert iso_dates_of(START, *weeks) == [units.iso_dates(START, w) for w in weeks]
    assert iso_dates_of(None, *weeks) == [[None] * 5, [], [None, None]]
    assert iso_dates_of(START) == []
