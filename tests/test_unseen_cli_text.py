"""The command line's text on unusual but valid plans (H-unseen): what it says when there is nothing to list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from tests.cli_text import stage_dates
from tests.unseen_plans import shape


def _out(name: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(shape(name)), encoding="utf-8")
    argv = [command, str(path)] + (["-n", "200"] if command == "simulate" else [])
    assert main(argv) == 0
    return capsys.readouterr().out


def _section(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    k = lines.index(heading)
    body = []
    for line in lines[k + 2 :]:
        if not line.strip():
            break
        body.append(line)
    return body


def test_a_finished_plan_is_not_called_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _out("all-done", "analyze", tmp_path, capsys)
    assert _section(text, "Critical path") == ["  (none: every decision is done, no work is left)"]
    assert "Critical decisions:        0 of 6" in text


def test_an_empty_plan_says_so_and_lists_no_empty_windows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _out("empty", "analyze", tmp_path, capsys)
    assert _section(text, "Critical path") == ["  (empty plan)"]
    rows = stage_dates(text)  # no decisions, no window; every gate is the plan start
    assert rows and all(window == "(empty)" and gate == "4 Jan 2027" for _, window, gate in rows), rows
    sim = _out("empty", "simulate", tmp_path, capsys)
    assert _section(sim, "Criticality index (share of iterations on the critical path)") == [
        "  (empty plan: no decisions)"
    ]
