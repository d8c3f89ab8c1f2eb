"""`planner analyze`'s decision table names its duration column for what it holds: with progress recorded the
schedule runs on the work left, and the column said "dur" above a 0 for a decision done in 2 weeks (while the
JSON's `duration` is the planned 2 and its `remaining` the 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main


def _table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], status: str
) -> tuple[list[str], dict[str, object]]:
    data = {
        "schema_version": 1,
        "title": "Left",
        "stages": [{"id": "s", "name": "Stage"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": 2, "status": status},
            {"id": "b", "title": "B", "stage": "s", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out
    assert main(["analyze", str(path), "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)["decisions"][0]
    lines = text[text.index("Decisions\n") :].splitlines()
    return lines, row


def test_done_work_shows_as_work_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines, row = _table(tmp_path, capsys, "done")
    header = next(x for x in lines if x.lstrip().startswith("id "))
    assert header.split()[:6] == ["id", "stage", "left", "start", "finish", "float"]
    assert "'left' is the work still to do" in "\n".join(lines)
    a = next(x for x in lines if x.lstrip().startswith("a "))
    assert a.split()[2] == "0" and (row["duration"], row["remaining"]) == (2.0, 0.0)


def test_no_progress_keeps_dur(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines, row = _table(tmp_path, capsys, "not_started")
    header = next(x for x in lines if x.lstrip().startswith("id "))
    assert header.split()[2] == "dur"
    assert "'left'" not in "\n".join(lines)
    a = next(x for x in lines if x.lstrip().startswith("a "))
    assert a.split()[2] == "2" and row["duration"] == 2.0
