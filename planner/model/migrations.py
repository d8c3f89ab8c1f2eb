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


class MigrationError(ValueError):
    """An old file that cannot be migrated as it stands: ``json_path`` names the value, ``str()`` the problem."""

    def __init__(self, json_path: str, problem: str) -> None:
        super().__init__(problem)
        self.json_path = json_path


def _list_of_objects(data: PlanDict, key: str) -> list[Any]:
    """``data[key]`` when it is a list (absent: empty); a migration checks the shapes it reads before touching
    anything, so an old file with ``null`` or a number where a list belongs gets a message, not a crash."""
    value = data.get(key, [])
    if not isinstance(value, list):
        kind = "null" if value is None else type(value).__name__
        raise MigrationError(key, f"must be a list, not {kind} (in a schema_version 0 file)")
    return value


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
    old_deps = _list_of_objects(data, "dependencies")
    old_decisions = _list_of_objects(data, "decisions")
    deps = []
    for dep in old_deps:
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
    for dec in old_decisions:
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
