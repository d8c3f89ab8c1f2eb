"""Counts in the command line's text follow one rule (planner.units.count): `simulate` said "1 decisions, 1
dependencies, 1 risk(s) in the register" and "1 decision(s) never critical", `export` "Wrote x.xml (..., 1
decisions, 1 dependencies)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.model import plan_from_dict, save_plan


def _one(tmp_path: Path) -> Path:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "One of each",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "s", "duration": 2},
                {
                    "id": "b",
                    "title": "B",
                    "stage": "s",
                    "duration": {"optimistic": 1, "likely": 1, "pessimistic": 2},
                },
                {"id": "c", "title": "C", "stage": "s", "duration": 9},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
            "risks": [{"id": "r", "title": "R", "probability": 0.5, "impact": 1, "decisions": ["a"]}],
        }
    )
    path = tmp_path / "one.plan.json"
    save_plan(plan, path)
    return path


def test_simulate_counts_decisions_links_and_risks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _one(tmp_path)
    assert main(["simulate", str(path), "--iterations", "200"]) == 0
    text = capsys.readouterr().out
    assert "3 decisions, 1 dependency, 1 risk in the register" in text
    # c (9 weeks) is always the finish; a -> b (at most 2 + 1 + 2 with the risk) never reach it
    assert "  2 decisions never critical" in text
    assert "(s)" not in text


def test_export_counts_decisions_and_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _one(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "one.xml")]) == 0
    assert "(MS Project XML, 3 decisions, 1 dependency)" in capsys.readouterr().err


def test_check_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`planner check --strict`: a warning (here a stage inversion) exits 1 as an error does; without it, 0."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Inverted",
            "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "s2", "duration": 1},
                {"id": "b", "title": "B", "stage": "s1", "duration": 1},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
        }
    )
    path = tmp_path / "inv.plan.json"
    save_plan(plan, path)
    assert main(["check", str(path)]) == 0
    assert "1 warning" in capsys.readouterr().out
    assert main(["check", str(path), "--strict"]) == 1
    assert main(["check", str(path), "--strict", "--format", "json"]) == 1
    clean = tmp_path / "clean.plan.json"
    plan.dependencies = []
    save_plan(plan, clean)
    assert main(["check", str(clean), "--strict"]) == 0  # notes (isolated decisions) do not fail it


def test_check_of_several_files_goes_on_past_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner check A B C` (a pre-commit hook passes every staged plan): each is checked, a file that cannot be
    read is said and the others still checked; the exit code is the worst (2 for the unreadable one); the JSON is
    a list of the one-file objects. One file keeps its one object."""
    import json

    good = _one(tmp_path)
    bad = tmp_path / "bad.plan.json"
    bad.write_text(
        '{"schema_version": 1, "title": "x", "stages": [], "decisions": [], "typo": 1}', encoding="utf-8"
    )
    assert main(["check", str(good), str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert out.count("one.plan.json: 0 errors") == 2 and "\n\n" in out
    assert err.count("planner: ") == 1 and "bad.plan.json" in err and "typo" in err
    assert main(["check", str(good), str(bad), "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [sorted(x) for x in data] == [["file", "findings"], ["error", "file"]]
    assert main(["check", str(good), "--format", "json"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)) == ["file", "findings"]
