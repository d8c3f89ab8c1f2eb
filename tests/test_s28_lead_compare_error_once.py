"""`planner diff` / `planner compare` with a plan that cannot be scheduled say its first error once: the table's
note, 'B: no schedule (2 errors): ...', and not again as the closing sentence ('B cannot be scheduled: ...')."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from planner.model.plan import new_plan


def _write(path: Path, data: dict[str, object]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_diff_names_the_first_error_of_an_unschedulable_plan_once(tmp_path: Path) -> None:
    plan = new_plan("Two").model_dump(mode="json", by_alias=True)
    stage = plan["stages"][0]["id"]
    plan["decisions"] = [
        {"id": "a", "title": "A", "stage": stage, "duration": 1},
        {"id": "b", "title": "B", "stage": stage, "duration": 2},
    ]
    plan["dependencies"] = [{"from": "a", "to": "b"}]
    good = _write(tmp_path / "good.plan.json", plan)
    plan["decisions"] = plan["decisions"][:1]
    bad = _write(tmp_path / "bad.plan.json", plan)
    run = subprocess.run(
        [sys.executable, "-m", "planner", "diff", str(good), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    error = "names 'b', which is not a decision of this plan"
    assert run.stdout.count(error) == 1, run.stdout
    assert "bad.plan.json: no schedule (1 error): " in run.stdout
