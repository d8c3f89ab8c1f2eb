"""A target before the plan starts is a warning, ``target-before-start`` (H-unseen24).

Before: a plan starting 4 Jan 2027 with a target of 1 Dec 2026 (a year typed wrong) got 'Target: week -4.86
(1 Dec 2026): missed by 10.86 weeks' from analyze and no word from check. No schedule can meet such a target, so
validation says so and what to do; the target is kept and counted missed, as the file says it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.analysis import validate
from planner.model import Decision, Stage
from planner.model.plan import Plan
from tests.test_s18_unseen_one_truth import run


def _plan(target: dt.date | float | None, start: dt.date | None = dt.date(2027, 1, 4)) -> Plan:
    return Plan(
        schema_version=1,
        title="Target",
        start_date=start,
        target=target,
        stages=[Stage(id="s", name="S")],
        decisions=[Decision(id="a", title="A", stage="s", duration=2)],
    )


def _codes(plan: Plan) -> list[str]:
    return [f.code for f in validate(plan) if f.code.startswith("target")]


@pytest.mark.parametrize(
    ("target", "start", "message"),
    [
        (  # 1 Dec 2026 is 34 days before 4 Jan 2027: week -34/7 = -4.857
            dt.date(2026, 12, 1),
            dt.date(2027, 1, 4),
            "The target, week -4.86 (1 Dec 2026), is before the plan starts (4 Jan 2027), so no schedule can meet "
            "it and every figure counts it missed: set a target after the start, or an earlier start date.",
        ),
        (  # week -3 from 4 Jan 2027: 21 days before, 14 Dec 2026
            -3.0,
            dt.date(2027, 1, 4),
            "The target, week -3 (14 Dec 2026), is before the plan starts (4 Jan 2027), so no schedule can meet "
            "it and every figure counts it missed: set a target after the start, or an earlier start date.",
        ),
        (
            -0.5,
            None,
            "The target, week -0.5, is before the plan starts, so no schedule can meet it and every figure counts "
            "it missed: set a target after the start (0 weeks or more).",
        ),
    ],
)
def test_a_target_before_the_start_is_a_warning(
    target: dt.date | float, start: dt.date | None, message: str
) -> None:
    found = [f for f in validate(_plan(target, start)) if f.code == "target-before-start"]
    assert [(f.severity, f.message, f.decisions) for f in found] == [("warning", message, [])]


@pytest.mark.parametrize(
    ("target", "start", "codes"),
    [
        (dt.date(2027, 1, 4), dt.date(2027, 1, 4), []),  # on the start day: not before it
        (0.0, None, []),
        (2.0, None, []),
        (None, dt.date(2027, 1, 4), []),
        (dt.date(2026, 1, 4), None, ["target-needs-start-date"]),  # cannot be placed: that finding alone
    ],
)
def test_other_targets_get_no_such_word(
    target: dt.date | float | None, start: dt.date | None, codes: list[str]
) -> None:
    assert _codes(_plan(target, start)) == codes


def test_check_and_analyze_report_it(tmp_path: Path) -> None:
    path = tmp_path / "t.plan.json"
    path.write_text(_plan(dt.date(2026, 12, 1)).model_dump_json(by_alias=True), encoding="utf-8")
    rc, out, err = run(["check", str(path), "--format", "json"])
    assert rc == 0, err
    assert [f["code"] for f in json.loads(out)["findings"] if f["severity"] == "warning"] == [
        "target-before-start"
    ]
    rc, out, err = run(["analyze", str(path)])
    assert rc == 0, err
    # the target is kept: a finish of week 2 against week -4.86 misses it by 6.86 weeks
    assert "Target:                    week -4.86 (1 Dec 2026): missed by 6.86 weeks" in out
    assert (
        "warning [target-before-start] The target, week -4.86 (1 Dec 2026), is before the plan starts" in out
    )


def test_a_target_before_the_calendar_is_the_dates_error_alone(tmp_path: Path) -> None:
    # -1,000,000 weeks from 4 Jan 2027 is before 1 Jan 1: dates-out-of-range (an error), not the warning, whose date
    # cannot be written (it was an internal error, OverflowError, in check and simulate)
    path = tmp_path / "t.plan.json"
    path.write_text(_plan(-1_000_000.0).model_dump_json(by_alias=True), encoding="utf-8")
    for command in (["check"], ["simulate", "-n", "10"]):
        rc, out, err = run([*command, str(path), "--format", "json"])
        assert rc == 1, err
        found = json.loads(out)["findings"]
        assert [f["code"] for f in found if f["severity"] == "error"] == ["dates-out-of-range"]
        assert "target-before-start" not in [f["code"] for f in found]


def test_a_plan_starting_on_the_first_day_of_the_calendar_is_no_dates_error(tmp_path: Path) -> None:
    # start 1 Jan 1 (week 0 is the start itself), target 31 Dec 9999: both dates exist. It was refused with
    # 'a baseline, the target or the horizon lies outside the years 1 to 9999' (the margin before the start, a day,
    # was negative there).
    plan = _plan(dt.date(9999, 12, 31), start=dt.date(1, 1, 1))
    assert [f.code for f in validate(plan) if f.severity == "error"] == []
    path = tmp_path / "t.plan.json"
    path.write_text(plan.model_dump_json(by_alias=True), encoding="utf-8")
    rc, out, err = run(["analyze", str(path)])
    assert rc == 0, err
    assert "Finish (rolling stages):   week 2 (15 Jan 1)" in out  # 1 Jan 1 + 14 days
