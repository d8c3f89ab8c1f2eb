"""A status date given in weeks that falls past 31 Dec 9999 (start 9990-01-01, status_date 10,000 weeks; found by
benchmarks/fuzz_corners.py seed 5 with start 9999-12-31 and status_date 3) is refused by dates-out-of-range naming
the status date: check, analyze, simulate, report and export stopped on 'internal error: OverflowError: date value
out of range' (its date was written before any check), with or without decisions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.model import plan_from_dict
from tests.test_s18_unseen_one_truth import run


def data(start: str, status: Any, n: int) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Late status",
        "start_date": start,
        "status_date": status,
        "stages": [{"id": "s0", "name": "Stage 0"}],
        "teams": [{"id": "t", "name": "T"}],
        "decisions": [{"id": f"d{k}", "title": f"D {k}", "stage": "s0", "owner": "t"} for k in range(n)],
    }


@pytest.mark.parametrize("n", [0, 1])
def test_a_status_week_past_the_calendar_is_the_dates_error(n: int) -> None:
    found = [f for f in analyze(plan_from_dict(data("9990-01-01", 10_000, n))).findings]
    dates = [f for f in found if f.code == "dates-out-of-range"]
    assert len(dates) == 1 and dates[0].severity == "error"
    assert "status date" in dates[0].message


@pytest.mark.parametrize("n", [0, 1])
def test_a_status_week_inside_the_calendar_is_no_error(n: int) -> None:
    found = analyze(plan_from_dict(data("9990-01-01", 10, n))).findings
    assert not [f for f in found if f.code == "dates-out-of-range"]


@pytest.mark.parametrize("n", [0, 1])
@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--format", "json"],
        ["analyze"],
        ["analyze", "--format", "json"],
        ["simulate", "--iterations", "5"],
    ],
)
def test_the_commands_say_it_without_an_internal_error(tmp_path: Path, argv: list[str], n: int) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data("9990-01-01", 10_000, n)), "utf-8")
    rc, out, err = run([argv[0], str(path), *argv[1:]])
    assert "internal error" not in out + err, err
    assert rc in (1, 2) and "status date" in out + err, (rc, out, err)


@pytest.mark.parametrize("n", [0, 1])
def test_report_export_and_coverage_stop_without_an_internal_error(tmp_path: Path, n: int) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data("9990-01-01", 10_000, n)), "utf-8")
    for argv in (
        ["report", str(path), "-o", str(tmp_path / "r.pdf")],
        ["export", str(path), "-o", str(tmp_path / "g.svg")],
        ["coverage", str(path)],
    ):
        rc, out, err = run(argv)
        assert "internal error" not in out + err, err
        assert rc in (0, 1, 2), (rc, err)


def work_after(start: str, status: Any, *, done: bool = False) -> dict[str, Any]:
    """Work not done by the status date is placed after it: a status date on the calendar's last day leaves no
    date for a week of work (fuzz_corners seed 1102: start 0001-01-01, status date 9999-12-31)."""
    plan = data(start, status, 1)
    plan["decisions"][0]["duration"] = 1
    if done:
        plan["decisions"][0]["status"] = "done"
    return plan


@pytest.mark.parametrize(
    "start,status", [("0001-01-01", "9999-12-31"), ("9999-12-01", 4), ("2027-01-04", "9999-12-30")]
)
def test_work_left_after_a_status_date_at_the_calendar_end_is_the_dates_error(
    start: str, status: Any
) -> None:
    found = analyze(plan_from_dict(work_after(start, status))).findings
    dates = [f for f in found if f.code == "dates-out-of-range"]
    assert len(dates) == 1 and dates[0].severity == "error"
    assert "status date" in dates[0].message, dates[0].message


def test_done_work_and_a_status_date_at_the_calendar_end_is_no_error() -> None:
    found = analyze(plan_from_dict(work_after("0001-01-01", "9999-12-31", done=True))).findings
    assert not [f for f in found if f.code == "dates-out-of-range"]


@pytest.mark.parametrize(
    "argv", [["check"], ["analyze", "--format", "json"], ["simulate", "--iterations", "5"]]
)
def test_the_commands_say_the_work_left_runs_past_without_an_internal_error(
    tmp_path: Path, argv: list[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(work_after("0001-01-01", "9999-12-31")), "utf-8")
    rc, out, err = run([argv[0], str(path), *argv[1:]])
    assert "internal error" not in out + err, err
    assert rc == 1 and "dates-out-of-range" in out + err, (rc, out, err)
