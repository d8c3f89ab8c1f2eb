"""``--status-date`` and ``--baseline`` on the command line (issue 16; docs/progress-and-status-date.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model import dump_plan

# a(2) -> b(3) -> c(4), plan starting Monday 4 Jan 2027. a is done (actual 0-2.5), b is 40 % in progress since
# week 2.5. Status date week 4 (1 Feb 2027): b has 3 x 0.6 = 1.8 weeks left, 4-5.8; c 5.8-9.8. T = 9.8.
# Baseline "v1": a 0-2, b 2-5, c 5-9, finish 9, gates validate 9 (all three in validate).
DECISIONS = [
    {"id": "a", "duration": 2, "status": "done", "actual_start": 0, "actual_finish": 2.5},
    {"id": "b", "duration": 3, "status": "in_progress", "progress": 40, "actual_start": 2.5},
    {"id": "c", "duration": 4},
]
BASELINE = {
    "name": "v1",
    "finish": 9,
    "decisions": {
        "a": {"start": 0, "finish": 2},
        "b": {"start": 2, "finish": 5},
        "c": {"start": 5, "finish": 9},
    },
    "gates": {"validate": 9},
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_file(tmp_path: Path, make_plan: Any) -> Path:
    path = tmp_path / "p.plan.json"
    plan = make_plan(DECISIONS, [("a", "b"), ("b", "c")], start_date="2027-01-04", baselines=[BASELINE])
    path.write_text(dump_plan(plan), encoding="utf-8")
    return path


def test_analyze_json_carries_status_date_remaining_and_actuals(plan_file: Path, capsys) -> None:
    code, out, err = run(["analyze", str(plan_file), "--format", "json", "--status-date", "4"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["status_date"], data["status_week"], data["status_date_iso"]) == (4.0, 4.0, "2027-02-01")
    assert data["finish"] == pytest.approx(9.8)
    rows = {d["id"]: d for d in data["decisions"]}
    assert rows["a"]["state"] == "done" and rows["a"]["remaining"] == 0.0
    assert (rows["a"]["actual_start"], rows["a"]["actual_finish"]) == (0.0, 2.5)
    assert rows["a"]["actual_finish_date"] == "2027-01-22"  # 4 Jan + round(17.5) = 18 days
    assert rows["b"]["remaining"] == pytest.approx(1.8) and rows["b"]["duration"] == 3.0
    assert rows["b"]["es"] == 4.0 and rows["b"]["actual_start"] == 2.5
    assert rows["c"]["es"] == pytest.approx(5.8)
    assert "baseline" not in data


def test_status_date_as_a_date_equals_the_same_weeks(plan_file: Path, capsys) -> None:
    _, out_weeks, _ = run(["analyze", str(plan_file), "--format", "json", "--status-date", "4"], capsys)
    _, out_date, _ = run(
        ["analyze", str(plan_file), "--format", "json", "--status-date", "2027-02-01"], capsys
    )
    a, b = json.loads(out_weeks), json.loads(out_date)
    assert b["status_date"] == "2027-02-01" and b["status_week"] == 4.0
    assert a["finish"] == b["finish"]


def test_baseline_slip_in_the_json(plan_file: Path, capsys) -> None:
    argv = ["analyze", str(plan_file), "--format", "json", "--status-date", "4", "--baseline", "v1"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    base = json.loads(out)["baseline"]
    assert base["baseline"] == "v1"
    assert base["finish_slip"] == pytest.approx(0.8)  # 9.8 - 9
    rows = {d["id"]: d for d in base["decisions"]}
    # a: done at its actual finish 2.5, started at its actual start 0: finish slip 0.5, start slip 0.
    assert (rows["a"]["start_slip"], rows["a"]["finish_slip"]) == (0.0, 0.5)
    # b: really started at 2.5 (baseline 2): start slip 0.5; forecast finish 5.8 vs 5: 0.8.
    assert rows["b"]["start_slip"] == pytest.approx(0.5)
    assert rows["b"]["finish_slip"] == pytest.approx(0.8)
    (stage,) = [s for s in base["stages"] if s["id"] == "validate"]
    assert stage["finish_slip"] == pytest.approx(0.8)
    assert stage["gate_slip"] == pytest.approx(0.8)


def test_unknown_baseline_is_a_usage_error(plan_file: Path, capsys) -> None:
    code, _, err = run(["analyze", str(plan_file), "--baseline", "nope"], capsys)
    assert code == 2 and "'v1'" in err and "nope" in err


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("soon", "YYYY-MM-DD"),
        ("-1", "between 0 and"),
        ("inf", "between 0 and"),
        ("2026-12-01", "before the plan start"),
        ("2027-02-30", "YYYY-MM-DD"),
    ],
)
def test_bad_status_dates_exit_2_with_one_line(plan_file: Path, capsys, value: str, words: str) -> None:
    for command in (["analyze"], ["simulate", "--iterations", "10"]):
        code, out, err = run([*command, str(plan_file), "--status-date", value], capsys)
        assert code == 2, (command, value)
        assert words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_a_date_needs_a_start_date(tmp_path: Path, make_plan: Any, capsys) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(make_plan(DECISIONS[2:])), encoding="utf-8")
    code, _, err = run(["analyze", str(path), "--status-date", "2027-02-01"], capsys)
    assert code == 2 and "no start_date" in err and "weeks" in err


def test_simulate_samples_from_the_status_date(plan_file: Path, capsys) -> None:
    # No uncertainty: the simulation's finish is the schedule's, 9.8, at every percentile.
    argv = ["simulate", str(plan_file), "--format", "json", "--iterations", "50", "--status-date", "4"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    data = json.loads(out)
    assert data["finish"]["mean"] == pytest.approx(9.8)
    assert data["finish"]["p95"] == pytest.approx(9.8)


def test_text_shows_the_status_date(plan_file: Path, capsys) -> None:
    code, out, _ = run(["analyze", str(plan_file), "--status-date", "4"], capsys)
    assert code == 0
    assert "Status date:               week 4 (1 Feb 2027)" in out
