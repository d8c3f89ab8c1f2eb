"""`planner baseline plan.json 'Board approved'` keeps a baseline of that name, as `planner new blank` takes its
template as a word (before: 'error: unrecognized arguments: Board approved'); --name stays; two different names are
refused with exit code 2 and nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from planner.model.plan import new_plan


def _planner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], capture_output=True, text=True, check=False
    )


def _plan(tmp_path: Path) -> Path:
    data = new_plan("Baselines").model_dump(mode="json", by_alias=True)
    data["decisions"] = [{"id": "a", "title": "A", "stage": data["stages"][0]["id"], "duration": 2}]
    path = tmp_path / "b.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_name_as_a_word_keeps_the_baseline(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    run = _planner("baseline", str(path), "Board approved")
    assert run.returncode == 0, run.stderr
    assert [b["name"] for b in json.loads(path.read_text(encoding="utf-8"))["baselines"]] == [
        "Board approved"
    ]
    listed = _planner("baseline", str(path), "--format", "json")
    assert [b["name"] for b in json.loads(listed.stdout)["baselines"]] == ["Board approved"]


def test_the_same_name_twice_is_one_name(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    assert _planner("baseline", str(path), "X", "--name", "X").returncode == 0


def test_two_names_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    before = path.read_bytes()
    run = _planner("baseline", str(path), "X", "--name", "Y")
    assert run.returncode == 2
    assert "two baseline names: 'X' and --name 'Y'" in run.stderr
    assert path.read_bytes() == before
