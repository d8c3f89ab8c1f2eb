"""A JSON file that is not a plan says so (session 33): opening a package.json in the app (or `planner check`)
said 'at schema_version: required field is missing. Add "schema_version": 1', as if it were a plan missing a line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.model import PlanLoadError, parse_plan


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ('{"name": "app", "version": "1.0.0", "dependencies": {}}', "'name', 'version', 'dependencies'"),
        ("{}", ""),
    ],
)
def test_json_with_none_of_a_plans_fields_is_not_a_plan(text: str, keys: str) -> None:
    with pytest.raises(PlanLoadError) as err:
        parse_plan(text, "package.json")
    message = str(err.value)
    assert "this JSON file is not a plan: it has none of a plan's fields" in message
    assert (f"its keys are {keys}" in message) == bool(keys)
    assert 'Add "schema_version"' not in message


def test_a_plan_missing_only_its_version_still_says_so() -> None:
    with pytest.raises(PlanLoadError) as err:
        parse_plan('{"title": "x", "stages": [], "decisions": []}', "p.plan.json")
    assert "required field is missing" in str(err.value) and "schema_version" in str(err.value)


def test_the_command_line_says_it_once_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "app"}', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "is not a plan" in done.stderr and "Traceback" not in done.stderr
