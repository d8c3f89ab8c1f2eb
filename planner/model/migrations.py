"""Schema migrations: each registered function turns a plan dict of version N into version N + 1.

A file is migrated step by step on load until it reaches :data:`SCHEMA_VERSION`. Persisted names never change
without a migration here and a test in ``tests/model/test_migrations.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.model.plan import SCHEMA_VERSION

PlanDict = dict[str, Any]
Migration = Callable[[PlanDict], PlanDict]

MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register ``func`` as the migration from ``from_version`` to ``from_version + 1``."""

    def register(func: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} is already registered")
        MIGRATIONS[from_version] = func
        return func

    return register


@migration(0)
def _draft_to_v1(data: PlanDict) -> PlanDict:
    """Version 0 is the pre-release draft format: dependencies said ``predecessor``/``successor`` and
    ``kind``, decisions said ``weeks`` for the duration and ``phase`` for the stage."""
    out = dict(data)
    deps = []
    for dep in data.get("dependencies", []):
        if isinstance(dep, dict):
            dep = dict(dep)
            if "predecessor" in dep:
                dep["from"] = dep.pop("predecessor")
            if "successor" in dep:
                dep["to"] = dep.pop("successor")
            if "kind" in dep:
                dep["type"] = dep.pop("kind")
        deps.append(dep)
    if "dependencies" in data:
        out["dependencies"] = deps
    decisions = []
    for dec in data.get("decisions", []):
        if isinstance(dec, dict):
            dec = dict(dec)
            if "weeks" in dec:
                dec["duration"] = dec.pop("weeks")
            if "phase" in dec:
                dec["stage"] = dec.pop("phase")
        decisions.append(dec)
    if "decisions" in data:
        out["decisions"] = decisions
    out["schema_version"] = 1
    return out


def migrate(data: PlanDict, version: int) -> PlanDict:
    """Bring ``data`` (of schema ``version``) up to :data:`SCHEMA_VERSION`.

    Raises ``ValueError`` when no migration path exists.
    """
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema_version {version} to {version + 1}")
        data = step(data)
        version += 1
    return data
