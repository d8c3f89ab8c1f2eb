"""Round trips of unusual plans (tests/unseen_plans.py) with progress: export -> import gives the same finish,
critical path, stage windows, statuses and progress in every format that imports back (MS Project XML,
GanttProject, CSV, Excel). Hypothesis draws the plans (random shapes, link types with leads, milestones,
not_before, three-point estimates) and the progress on them (done with and without dates, in progress, blocked,
a status date before, inside or after the work)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.io import export_file, import_file
from planner.io.common import HELPER_TAG
from planner.model import Plan, plan_from_dict
from tests.unseen_plans import SHAPES, random_plan, shape

FORMATS = (".xml", ".gan", ".csv", ".xlsx")
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def with_progress(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """``data`` with progress recorded on some decisions, and sometimes a status date."""
    rng = random.Random(seed)
    dated = "start_date" in data
    for d in data["decisions"]:
        r = rng.random()
        if r < 0.25:
            d["status"], d["progress"] = "done", 100
            if rng.random() < 0.5:
                a = rng.choice([0, 1, 2.5, 3])
                d["actual_start"] = a
                d["actual_finish"] = a + rng.choice([0.5, 1, 2])
        elif r < 0.45:
            d["status"], d["progress"] = "in_progress", rng.choice([0, 10, 50, 90])
            if rng.random() < 0.5:
                d["actual_start"] = rng.choice([0, 1, 2])
        elif r < 0.5:
            d["status"] = "blocked"
    if rng.random() < 0.6:
        week = rng.choice(
            [3 / 7, 3, 4, 20, 1 + 3 / 7]
        )  # whole days: the formats keep dates (the export says so)
        data["status_date"] = week
        if dated and rng.random() < 0.5:  # as a date; actual weeks stay weeks
            import datetime as dt

            data["status_date"] = (
                dt.date.fromisoformat(data["start_date"]) + dt.timedelta(days=round(week * 7))
            ).isoformat()
    return data


def _key(plan: Plan) -> tuple[Any, ...]:
    r = analyze(plan)
    assert r.ok, [f.message for f in r.errors]
    assert r.schedule is not None and r.stages is not None
    windows = [
        (
            s.id,
            None if s.start is None else round(s.start, 6),
            None if s.finish is None else round(s.finish, 6),
        )
        for s in r.stages.stages
        if s.start is not None  # a stage without decisions is not carried (the export says so)
    ]
    progress = sorted(
        (d.id, str(d.status), d.progress if str(d.status) != "done" else 100)
        for d in plan.decisions
        if HELPER_TAG not in d.tags
    )
    s = r.schedule
    # the path itself when it is the only one (between equal chains the pick goes by plan order, which an outline
    # format changes: decisions are grouped under their stages)
    critical = (sorted(i for i, c in zip(s.ids, s.critical, strict=True) if c), s.critical_chain_count)
    return (
        round(s.finish, 6),
        (critical, s.critical_path if s.critical_chain_count <= 1 else None),
        windows,
        progress,
    )


def _check(plan: Plan, tmp: Path, suffix: str) -> None:
    path = tmp / f"rt{suffix}"
    export_file(plan, path)
    back, _ = import_file(path)
    got, want = _key(back), _key(plan)
    assert got[0] == pytest.approx(want[0], abs=1e-6), "finish"
    assert got[1] == want[1], "critical path"
    if suffix in (".csv", ".xlsx"):  # a table orders the stages as its rows name them (the export says so)
        assert sorted(got[2]) == sorted(want[2])
    else:
        assert got[2] == want[2], "stage windows"
    assert got[3] == want[3], "statuses and progress"


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    "name", [n for n in SHAPES if n not in ("big-2000", "chain-500", "fan-300", "far-not-before")]
)
def test_unusual_shapes_round_trip(tmp_path: Path, name: str, suffix: str) -> None:
    _check(plan_from_dict(shape(name)), tmp_path, suffix)


@SETTINGS
@given(seed=st.integers(0, 10**6), suffix=st.sampled_from(FORMATS))
def test_random_plans_with_progress_round_trip(tmp_path: Path, seed: int, suffix: str) -> None:
    plan = plan_from_dict(with_progress(random_plan(seed), seed))
    if not analyze(plan).ok:
        return  # progress drawn onto the plan made it invalid (an actual date it cannot place): nothing to compare
    _check(plan, tmp_path, suffix)
