"""Work started and not done is placed at its actual start: that start plus the work left must be a calendar date
too, or `check` says so (session 27, fuzz_import case 961065: a spreadsheet's actual start of 12/31/9999 on a
12-week task, imported, stopped check, analyze, simulate and the report on an internal OverflowError writing its
forecast finish)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def _plan(actual_start: str, duration: float, status: str = "in_progress") -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Started late",
        "start_date": "2027-01-04",
        "status_date": 0.5,
        "stages": [{"id": "v", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "v", "duration": 6},
            {
                "id": "b",
                "title": "B",
                "stage": "v",
                "duration": duration,
                "status": status,
                "actual_start": actual_start,
            },
        ],
    }


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("command", ["check", "analyze", "simulate"])
def test_started_work_running_past_the_calendar_is_refused_in_words(tmp_path: Path, command: str) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(_plan("9999-12-31", 12)), encoding="utf-8")
    done = _run([command, str(path), "--format", "json"] if command == "check" else [command, str(path)])
    out = done.stdout + done.stderr
    assert "internal error" not in out and "Traceback" not in out, out
    assert done.returncode == 1, out
    assert "dates-out-of-range" in out
    if command == "check":
        (finding,) = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "dates-out-of-range"]
        assert "actual start" in finding["message"] and "correct the actual starts" in finding["message"]


def test_started_work_that_ends_within_the_calendar_is_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(_plan("9999-06-01", 2)), encoding="utf-8")
    done = _run(["check", str(path), "--format", "json"])
    codes = {f["code"] for f in json.loads(done.stdout)["findings"]}
    assert "dates-out-of-range" not in codes, done.stdout
    done = _run(["analyze", str(path)])
    assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr


def test_done_work_is_placed_at_its_actuals_not_refused(tmp_path: Path) -> None:
    data = _plan("9999-06-01", 52, status="done")
    data["decisions"][1]["actual_finish"] = "9999-12-01"
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = _run(["check", str(path), "--format", "json"])
    codes = {f["code"] for f in json.loads(done.stdout)["findings"]}
    assert "dates-out-of-range" not in codes, done.stdout
