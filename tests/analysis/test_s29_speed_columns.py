"""Session 29's faster reads of a plan for the analysis (issue 12) against plain per-decision references: the
columns read field by field from rows and in one pass from models, both ends of every link resolved in one lookup
loop, and the progress masks that ``part_done`` and ``done_weeks`` read instead of state names. Same values and
types exactly, on random plans with every kind of duration and progress, unknown and self links, and empty plans."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

from planner.analysis import compile_plan
from planner.analysis.graph import Columns, plan_columns
from planner.analysis.progress import DONE, IN_PROGRESS, done_weeks, part_done, progress_columns
from planner.model import Plan, plan_from_dict
from planner.model.rows import read_only_copy


def _dicts() -> list[dict[str, Any]]:
    from benchmarks._plans import random_plan_dict

    out = []
    for seed in range(3):
        d = random_plan_dict(200, seed=seed)
        d["decisions"][3]["duration"] = 2  # an int, a float and a milestone among the three-point estimates
        d["decisions"][5]["duration"] = 2.5
        d["decisions"][9].update(milestone=True, duration=0)
        d["decisions"][11].update(not_before=4.5)
        out.append(copy.deepcopy(d))
        d["status_date"] = "2027-05-03" if seed % 2 else 9.5
        for i, x in enumerate(d["decisions"]):
            if i % 7 == 0:
                x["actual_start"] = "2027-02-01" if seed % 2 else 2.0
            if i % 11 == 0:
                x["actual_finish"] = 30.0
            if i % 13 == 0:
                x["progress"] = 40
            if i % 19 == 0:
                x["status"] = "done"
            if i % 23 == 0:
                x["status"] = "blocked"
            if i % 29 == 0:
                x.pop("owner", None)
        out.append(d)
    plain = copy.deepcopy(out[0])  # every duration a number (no three-point estimate at all)
    for i, x in enumerate(plain["decisions"]):
        x["duration"] = i % 5 if i % 2 else float(i % 7) + 0.5
    out.append(plain)
    links = copy.deepcopy(out[1])  # unknown ends and a self link: left out of the graph
    links["dependencies"] += [
        {"from": "nowhere", "to": links["decisions"][0]["id"]},
        {"from": links["decisions"][1]["id"], "to": "nowhere"},
        {"from": links["decisions"][2]["id"], "to": links["decisions"][2]["id"]},
    ]
    out.append(links)
    empty = copy.deepcopy(out[0])
    empty["decisions"], empty["dependencies"] = [], []
    out.append(empty)
    return out


def _plans() -> list[Plan]:
    """Each plan as models (what the app holds) and as rows (what the read-only commands load)."""
    out = []
    for d in _dicts():
        plan = plan_from_dict(d)
        out += [plan, read_only_copy(plan)]
    return out


PLANS = _plans()


def _reference_columns(plan: Plan) -> dict[str, list[Any]]:
    """Every column read attribute by attribute, decision by decision."""
    ds = plan.decisions
    three = [
        [d.duration] * 3
        if isinstance(d.duration, int | float)
        else [d.duration.optimistic, d.duration.likely, d.duration.pessimistic]
        for d in ds
    ]
    return {
        "ids": [d.id for d in ds],
        "stage": [d.stage for d in ds],
        "owner": [d.owner for d in ds],
        "area": [d.area for d in ds],
        "milestone": [d.milestone for d in ds],
        "three": three,
        "is_three": [not isinstance(d.duration, int | float) for d in ds],
        "not_before": [d.not_before or 0.0 for d in ds],
        "headcount": [d.headcount for d in ds],
        "status": [d.status for d in ds],
        "progress": [d.progress for d in ds],
        "actual_start": [d.actual_start for d in ds],
        "actual_finish": [d.actual_finish for d in ds],
    }


def _as_lists(cols: Columns) -> dict[str, list[Any]]:
    return {
        name: value.tolist() if isinstance(value, np.ndarray) else value
        for name, value in vars(cols).items()
        if not name.startswith("_") and name != "source"
    }


@pytest.mark.parametrize("k", range(len(PLANS)))
def test_the_columns_are_the_decisions_fields_with_their_types(k: int) -> None:
    plan = PLANS[k]
    cols = plan_columns(plan)
    got, want = _as_lists(cols), _reference_columns(plan)
    assert got == want
    for name in ("ids", "stage", "owner", "area", "status", "actual_start", "actual_finish"):
        assert [type(x) for x in got[name]] == [type(x) for x in want[name]], name
    n = len(plan.decisions)
    assert cols.three.dtype == np.float64 and cols.three.shape == (n, 3)
    assert cols.milestone.dtype == bool and cols.is_three.dtype == bool
    for name in ("not_before", "headcount", "progress"):
        assert getattr(cols, name).dtype == np.float64 and getattr(cols, name).shape == (n,)
    assert cols.source is plan.decisions


@pytest.mark.parametrize("k", range(len(PLANS)))
def test_the_links_resolve_to_the_first_decision_with_each_id(k: int) -> None:
    plan = PLANS[k]
    g = compile_plan(plan)
    first: dict[str, int] = {}
    for i, d in enumerate(plan.decisions):
        first.setdefault(d.id, i)
    kept = [
        (e, first[x.from_], first[x.to])
        for e, x in enumerate(plan.dependencies)
        if x.from_ in first and x.to in first and first[x.from_] != first[x.to]
    ]
    assert g.edge_dep.tolist() == [e for e, _, _ in kept]
    assert g.src.tolist() == [u for _, u, _ in kept]
    assert g.dst.tolist() == [v for _, _, v in kept]
    assert g.src.dtype == g.dst.dtype == np.int64


def _reference_part_done(
    plan: Plan, es: np.ndarray, ef: np.ndarray, remaining: np.ndarray, estimate: str
) -> tuple[np.ndarray, np.ndarray]:
    """``part_done`` as it read :func:`progress_columns` before session 29 (states as names, weeks as lists)."""
    from planner.analysis.progress import status_week

    states, planned, a_s, _ = progress_columns(plan, estimate)
    n = len(states)
    began, ends = np.full(n, np.nan), np.full(n, np.nan)
    if planned is None or not n:
        return began, ends
    done = np.array([s == DONE for s in states], dtype=bool)
    in_progress = np.array([s == IN_PROGRESS for s in states], dtype=bool)
    status = status_week(plan)
    held = es if status is None else np.minimum(es, status)
    ends[done], ends[in_progress] = ef[done], held[in_progress]
    actual = np.array([np.nan if w is None else w for w in a_s], dtype=np.float64)
    began = np.where(np.isnan(actual), ends - (np.asarray(planned) - remaining), actual)
    began[~(done | in_progress)] = np.nan
    return began, ends


@pytest.mark.parametrize("k", range(len(PLANS)))
@pytest.mark.parametrize("estimate", ["likely", "pert"])
def test_the_part_done_and_the_weeks_done_read_the_states_as_the_names_give_them(
    k: int, estimate: str
) -> None:
    plan = PLANS[k]
    n = len(plan.decisions)
    rng = np.random.default_rng(k)
    es = rng.uniform(0, 40, n)
    ef = es + rng.uniform(0, 9, n)
    remaining = rng.uniform(0, 5, n)
    got = part_done(plan, es, ef, remaining, estimate)
    want = _reference_part_done(plan, es, ef, remaining, estimate)
    for a, b in zip(got, want, strict=True):
        assert np.array_equal(a, b, equal_nan=True)
    states, planned, _, _ = progress_columns(plan, estimate)
    share = [
        1.0 if s == DONE else min(max(d.progress / 100.0, 0.0), 1.0) if s == IN_PROGRESS else 0.0
        for s, d in zip(states, plan.decisions, strict=True)
    ]
    expected = [0.0] * n if planned is None else [p * x for p, x in zip(planned, share, strict=True)]
    assert done_weeks(plan, estimate).tolist() == expected
