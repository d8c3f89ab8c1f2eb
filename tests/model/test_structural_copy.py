"""structural_copy (issue 12): the background tasks' snapshot of a plan -- equal to the plan, sharing nothing
mutable with it, so that edits to either never reach the other -- as model_copy(deep=True) was, only faster."""

from __future__ import annotations

import random
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from planner.model import load_plan, plan_from_dict
from planner.model.plan import Plan, ThreePoint, structural_copy
from tests.fuzz_plans import base_plan

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


def _mutables(value: Any, out: dict[int, str], path: str = "") -> None:
    """id -> path of every mutable object reachable from ``value`` (models, their dicts and field sets, lists,
    dicts); enum members and other immutable values are left out."""
    if isinstance(value, Enum):
        return
    if isinstance(value, BaseModel):
        out[id(value)] = path
        out[id(value.__dict__)] = path + ".__dict__"
        out[id(value.__pydantic_fields_set__)] = path + ".fields_set"
        for k, v in value.__dict__.items():
            _mutables(v, out, f"{path}.{k}")
    elif isinstance(value, list):
        out[id(value)] = path
        for i, v in enumerate(value):
            _mutables(v, out, f"{path}[{i}]")
    elif isinstance(value, dict):
        out[id(value)] = path
        for k, v in value.items():
            _mutables(v, out, f"{path}[{k!r}]")


def _check(plan: Plan) -> None:
    twin = structural_copy(plan)
    assert type(twin) is Plan
    assert twin == plan
    assert twin == plan.model_copy(deep=True)
    assert twin.model_dump(mode="json") == plan.model_dump(mode="json")
    assert twin.model_fields_set == plan.model_fields_set
    for a, b in zip(twin.decisions, plan.decisions, strict=True):
        assert a.model_fields_set == b.model_fields_set
    mine: dict[int, str] = {}
    theirs: dict[int, str] = {}
    _mutables(plan, mine)
    _mutables(twin, theirs)
    shared = sorted(mine[k] for k in set(mine) & set(theirs))
    assert not shared, shared[:5]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_sample_and_its_copy_are_equal_and_share_nothing_mutable(path: Path) -> None:
    _check(load_plan(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**6))
def test_plausible_plans_copy_equal_and_independent(seed: int) -> None:
    data = base_plan(random.Random(seed))
    data["extensions"] = {"tool": {"nested": [1, {"a": [2.5, None]}]}, "flag": True}
    try:
        plan = plan_from_dict(data)
    except Exception:  # noqa: BLE001 - a generated plan the schema refuses: nothing to copy
        return
    _check(plan)


def test_edits_to_the_copy_never_reach_the_original() -> None:
    plan = load_plan(SAMPLES[0])
    before = plan.model_dump(mode="json")
    twin = structural_copy(plan)
    d = twin.decisions[0]
    d.title = "changed"
    d.tags.append("new tag")
    d.duration = ThreePoint(optimistic=1, likely=2, pessimistic=3)
    twin.decisions.pop()
    twin.dependencies.clear()
    twin.stages[0].gate_criteria.clear()
    twin.layout.clear()
    twin.extensions["added"] = {"x": 1}
    assert plan.model_dump(mode="json") == before
