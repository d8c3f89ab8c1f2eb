"""The plan's target finish against the schedule's finish, said the same way everywhere (one function computes the
weeks to spare, ``analysis.cost.target_margin``; one words them, ``units.target_verdict``).

Before, ``planner analyze`` printed the budget and its headroom but not the target: neither the text nor the JSON
said whether the plan finishes by it, and the app's status bar did not either; only the report (and a simulation)
did. Hand-checked plan: A (3 weeks) then B (2 weeks) from Monday 4 Jan 2027, so the finish is week 5 (8 Feb 2027).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner import units
from planner.analysis.cost import target_margin
from planner.cli import main
from planner.model import load_plan


def target_plan(target: object, start: str | None = "2027-01-04") -> dict[str, object]:
    data: dict[str, object] = {
        "schema_version": 1,
        "title": "Target",
        "stages": [{"id": "s", "name": "Stage"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": 3},
            {"id": "b", "title": "B", "stage": "s", "duration": 2},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }
    if start is not None:
        data["start_date"] = start
    if target is not None:
        data["target"] = target
    return data


def _write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("target", "line", "json_target"),
    [
        (
            6,
            "week 6 (15 Feb 2027): met with 1 week to spare",
            {"week": 6.0, "date": "2027-02-15", "weeks_to_spare": 1.0},
        ),
        (
            4,
            "week 4 (1 Feb 2027): missed by 1 week",
            {"week": 4.0, "date": "2027-02-01", "weeks_to_spare": -1.0},
        ),
        (
            "2027-02-08",
            "week 5 (8 Feb 2027): met exactly",
            {"week": 5.0, "date": "2027-02-08", "weeks_to_spare": 0.0},
        ),
        (
            7.5,
            "week 7.5 (26 Feb 2027): met with 2.5 weeks to spare",
            {"week": 7.5, "date": "2027-02-26", "weeks_to_spare": 2.5},
        ),
    ],
)
def test_analyze_says_how_the_finish_stands_against_the_target(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    target: object,
    line: str,
    json_target: dict[str, object],
) -> None:
    path = _write(tmp_path, target_plan(target))
    text = _run(["analyze", str(path)], capsys)
    assert "Finish (rolling stages):   week 5 (8 Feb 2027)" in text
    assert f"Target:                    {line}\n" in text
    data = json.loads(_run(["analyze", str(path), "--format", "json"], capsys))
    assert data["target"] == json_target
    assert data["target"]["weeks_to_spare"] == target_margin(load_plan(path), data["finish"])


def test_no_target_no_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, target_plan(None))
    assert "Target:" not in _run(["analyze", str(path)], capsys)
    assert "target" not in json.loads(_run(["analyze", str(path), "--format", "json"], capsys))
    # a target date without a start date cannot be placed: `check` says so (target-needs-start-date), analyze
    # judges nothing
    path = _write(tmp_path, target_plan("2027-02-08", start=None))
    assert "Target:" not in _run(["analyze", str(path)], capsys)


def test_weeks_only_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, target_plan(4.75, start=None))
    assert "Target:                    week 4.75: missed by 0.25 weeks\n" in _run(
        ["analyze", str(path)], capsys
    )
    assert json.loads(_run(["analyze", str(path), "--format", "json"], capsys))["target"] == {
        "week": 4.75,
        "date": None,
        "weeks_to_spare": -0.25,
    }


def test_verdict_is_the_difference_of_the_weeks_shown() -> None:
    # the finish 35.9049 shows as 35.9 and the target 36 as 36: 0.1 weeks to spare as written, not 0.0951
    assert units.target_verdict(units.week_delta(36.0, 35.9049)) == "met with 0.1 weeks to spare"
    assert units.target_verdict(units.week_delta(35.9, 35.9049)) == "met exactly"


def test_report_says_it_the_same_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, target_plan(4))
    pdf = tmp_path / "t.pdf"
    # the summary (its tile and sentence) is where the report says it: only those sections (a whole report ~6 s)
    assert main(["report", str(path), "-o", str(pdf), "--sections", "cover,summary"]) == 0
    capsys.readouterr()
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages)
    assert "missed by 1 week" in text
    assert "met by the plan" not in text


def with_scenario(target: object) -> dict[str, object]:
    data = target_plan(target)
    data["scenarios"] = [{"name": "Slow", "decisions": {"b": {"duration": 4}}}]  # finish week 7
    return data


def test_compare_and_diff_give_each_plan_its_margin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, with_scenario(6))
    text = _run(["compare", str(path), "-n", "100"], capsys)
    rows = {line[:26].strip(): line[26:].split() for line in text.splitlines() if line[:26].strip()}
    assert rows["Target, week"] == ["6", "6"]
    assert rows["weeks to spare"] == ["1", "-1"]
    data = json.loads(_run(["compare", str(path), "-n", "100", "--format", "json"], capsys))
    items = data["scenarios"]
    assert [(x["name"], x["target"], x["weeks_to_spare"]) for x in items] == [
        ("Base", 6.0, 1.0),
        ("Slow", 6.0, -1.0),
    ]
    # two files whose targets differ: each judged against its own
    other = tmp_path / "o.plan.json"
    other.write_text(json.dumps(target_plan(4.5)), encoding="utf-8")
    text = _run(["diff", str(path), str(other), "-n", "100"], capsys)
    rows = {line[:26].strip(): line[26:].split() for line in text.splitlines() if line[:26].strip()}
    assert rows["Target, week"] == ["6", "4.5"]
    assert rows["weeks to spare"] == ["1", "-0.5"]


def test_compare_without_targets_has_no_target_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, with_scenario(None))
    assert "Target, week" not in _run(["compare", str(path), "-n", "100"], capsys)


def test_compare_says_how_the_spend_moves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # b's 2 more weeks (2 -> 4) at 1 person x 1,000 a week cost 2,000 more: the spend row gets its "vs" row, as the
    # finish's
    data = with_scenario(None)
    data["teams"] = [{"id": "t", "name": "Team", "rate": 1000}]
    decisions = data["decisions"]
    assert isinstance(decisions, list)
    for d in decisions:
        d["owner"] = "t"
    path = _write(tmp_path, data)
    lines = _run(["compare", str(path), "-n", "0"], capsys).splitlines()
    k = next(i for i, x in enumerate(lines) if x.startswith("Spend"))
    assert lines[k].split()[-2:] == ["5,000", "7,000"]
    assert lines[k + 1].split() == ["vs", "Base", "+2,000"]


def test_levelled_finish_is_judged_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a and c share a team of 1 person: levelled, c waits for a (3 weeks) and the plan finishes in week 6, past the
    # target of week 5.5 that the rolling finish (week 5) meets (H-review23: the verdict judged only the latter)
    data = target_plan(5.5)
    data["teams"] = [{"id": "t", "name": "Team", "capacity": 1}]
    decisions = data["decisions"]
    assert isinstance(decisions, list)
    decisions.append({"id": "c", "title": "C", "stage": "s", "duration": 3})
    for d in decisions:
        if d["id"] in ("a", "c"):
            d["owner"] = "t"
    path = _write(tmp_path, data)
    text = _run(["analyze", str(path), "--level"], capsys)
    assert "Target:                    week 5.5 (12 Feb 2027): met with 0.5 weeks to spare\n" in text
    assert "Finish (levelled):         week 6 (15 Feb 2027)" in text
    assert "Target (levelled):         missed by 0.5 weeks\n" in text
    assert "Target (levelled)" not in _run(["analyze", str(path)], capsys)
