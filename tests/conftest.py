"""Fixtures shared by the whole suite. Keep this small: area-specific fixtures live next to their tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from planner.model import Plan, plan_from_dict

REPO_ROOT = Path(__file__).resolve().parent.parent

STAGE_IDS = ("validate", "integrate", "operationalize", "scale")

PlanFactory = Callable[..., Plan]


def build_plan(
    decisions: Iterable[Mapping[str, Any]] = (),
    dependencies: Iterable[tuple[Any, ...] | Mapping[str, Any]] = (),
    *,
    stages: Iterable[str | Mapping[str, Any]] = STAGE_IDS,
    **fields: Any,
) -> Plan:
    """A validated plan from terse parts.

    ``decisions`` are dicts; ``title`` defaults to the id in capitals and ``stage`` to the first stage.
    ``dependencies`` are ``(from, to)``, ``(from, to, type)``, ``(from, to, type, lag)`` or full dicts.
    ``stages`` are ids (name = id capitalised) or full dicts. Other keyword arguments are plan fields.
    """
    stage_list = [s if isinstance(s, Mapping) else {"id": s, "name": s.capitalize()} for s in stages]
    first = stage_list[0]["id"] if stage_list else "validate"
    decision_list = [{"title": str(d["id"]).upper(), "stage": first, **d} for d in decisions]
    dep_list = []
    for dep in dependencies:
        if isinstance(dep, Mapping):
            dep_list.append(dict(dep))
        else:
            keys = ("from", "to", "type", "lag")
            dep_list.append(dict(zip(keys, dep, strict=False)))
    data = {
        "schema_version": 1,
        "title": fields.pop("title", "Test plan"),
        "stages": stage_list,
        "decisions": decision_list,
        "dependencies": dep_list,
        **fields,
    }
    return plan_from_dict(data, "<test plan>")


@pytest.fixture
def make_plan() -> PlanFactory:
    """The :func:`build_plan` helper, as a fixture so test modules in any folder can use it."""
    return build_plan


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def without_mpxj(monkeypatch: pytest.MonkeyPatch) -> None:
    """MPXJ as on a machine without it (CI's): files only it reads (.mpp, .pod) get the message that says how to
    save them readable. A test of that message must not depend on whether this machine has mpxj installed."""
    from planner.io import mpxj_bridge

    monkeypatch.delenv("PLANNER_MPXJ_PYTHON", raising=False)
    monkeypatch.setattr(mpxj_bridge, "bridge_python", lambda: None)
