"""A plan without decisions whose start date leaves no room for its horizon or target (31 Dec 9999 and a horizon of
520 weeks, fuzz case 764689) is refused by dates-out-of-range, naming the horizon; check, analyze and simulate
stopped on 'internal error: ValueError: zero-size array' (the pessimistic passes ran on no decisions)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.model import plan_from_dict
from tests.test_s18_unseen_one_truth import run


def data(start: str, **fields: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Empty",
        "start_date": start,
        "stages": [{"id": "s0", "name": "Stage 0"}],
        "decisions": [],
        **fields,
    }


def test_no_decisions_and_a_horizon_past_the_calendar_is_the_horizon_error() -> None:
    found = [f for f in analyze(plan_from_dict(data("9999-12-31", horizon=520))).findings]
    dates = [f for f in found if f.code == "dates-out-of-range"]
    assert [f.message for f in dates] == [
        "With the start date 31 Dec 9999, a baseline, the target or the horizon lies outside the years 1 to 9999. "
        "Move the start date, or bring those weeks within the calendar."
    ]
    assert dates[0].severity == "error"


def test_no_decisions_at_the_last_day_without_marks_is_no_error() -> None:
    found = analyze(plan_from_dict(data("9999-12-31"))).findings
    assert not [f for f in found if f.code == "dates-out-of-range"]


@pytest.mark.parametrize(
    "argv", [["check"], ["check", "--format", "json"], ["analyze", "--format", "json"], ["simulate"]]
)
def test_the_commands_say_it_and_exit_1(tmp_path: Path, argv: list[str]) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data("9999-12-31", horizon=520, teams=[{"id": "t", "name": "T"}])), "utf-8")
    rc, out, err = run([argv[0], str(path), *argv[1:]])
    assert (rc, "internal error" in out + err) == (1, False), err
    assert "the horizon lies outside the years 1 to 9999" in out + err
