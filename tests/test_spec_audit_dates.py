"""SPEC §3.3a audited (H-spec): with ``start_date`` set, every point in time an output gives in weeks has its ISO
date beside it in the JSON, and the text shows the calendar date. Found missing: the levelled schedule's decisions
and moves (``analyze --level``), the baseline comparison (``analyze --baseline``), ``planner baseline --format json``
and the explanations' sentences (``analyze --explain``, the app's inspector)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.model import dump_plan

# Monday 4 Jan 2027; week w is 4 Jan + round-half-up(7 w) days.
START = "2027-01-04"


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert err == ""
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.fixture
def crowded(tmp_path: Path, make_plan) -> Path:
    # Team t (2 people): a (2 people, 3 w), b (1, 2 w), c (1, 4 w). Unlevelled all start at 0, T = 4.
    # Levelled (least float first: c, a, b): c 0-4, a waits until c and b leave room -> 4-7, b 0-2. Finish 7.
    plan = make_plan(
        [
            {"id": "a", "duration": 3, "owner": "t", "headcount": 2},
            {"id": "b", "duration": 2, "owner": "t"},
            {"id": "c", "duration": 4, "owner": "t"},
        ],
        teams=[{"id": "t", "name": "Team", "capacity": 2}],
        start_date=START,
    )
    path = tmp_path / "crowded.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    return path


def test_levelled_decisions_and_moves_carry_iso_dates(crowded: Path, capsys) -> None:
    lev = _json(["analyze", str(crowded), "--level", "--format", "json"], capsys)["levelled"]
    assert (lev["finish"], lev["finish_date"]) == (7, "2027-02-22")  # 49 days after 4 Jan
    rows = {d["id"]: d for d in lev["decisions"]}
    # a 4-7: 1 Feb (28 days) to 22 Feb (49 days); b 0-2: 4 Jan to 18 Jan; c 0-4: 4 Jan to 1 Feb.
    assert rows["a"] == {
        "id": "a",
        "es": 4,
        "ef": 7,
        "delay": 4,
        "start_date": "2027-02-01",
        "finish_date": "2027-02-22",
    }
    assert (rows["b"]["start_date"], rows["b"]["finish_date"]) == ("2027-01-04", "2027-01-18")
    assert (rows["c"]["start_date"], rows["c"]["finish_date"]) == ("2027-01-04", "2027-02-01")
    (move,) = lev["moves"]
    assert (move["id"], move["waits_from"], move["waits_until"]) == ("a", 0, 4)
    assert (move["waits_from_date"], move["waits_until_date"]) == ("2027-01-04", "2027-02-01")


def test_levelled_json_without_a_start_date_has_no_date_keys(tmp_path: Path, make_plan, capsys) -> None:
    plan = make_plan(
        [{"id": "a", "owner": "t", "headcount": 2}, {"id": "b", "owner": "t", "headcount": 2}],
        teams=[{"id": "t", "name": "Team", "capacity": 2}],
    )
    path = tmp_path / "undated.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    lev = _json(["analyze", str(path), "--level", "--format", "json"], capsys)["levelled"]
    assert all(set(d) == {"id", "es", "ef", "delay"} for d in lev["decisions"])
    assert all("waits_from_date" not in m for m in lev["moves"])


@pytest.fixture
def slipped(tmp_path: Path, make_plan) -> Path:
    # a (2 w) -> b (3 w) in Validate; the baseline 'v1' is taken, then a grows to 4 weeks: b 4-7, finish 7.
    plan = make_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 3}],
        [("a", "b")],
        stages=({"id": "validate", "name": "Validate"}, {"id": "integrate", "name": "Integrate"}),
        start_date=START,
    )
    path = tmp_path / "slipped.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    assert main(["baseline", str(path), "--name", "v1"]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][0]["duration"] = 4
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_baseline_comparison_carries_iso_dates(slipped: Path, capsys) -> None:
    capsys.readouterr()
    base = _json(["analyze", str(slipped), "--baseline", "v1", "--format", "json"], capsys)["baseline"]
    # Baseline finish 5 (8 Feb: 35 days), now 7 (22 Feb: 49 days), slip 2 weeks (a span: no date).
    assert (base["baseline_finish"], base["baseline_finish_date"]) == (5, "2027-02-08")
    assert (base["finish"], base["finish_date"], base["finish_slip"]) == (7, "2027-02-22", 2)
    b = {d["id"]: d for d in base["decisions"]}["b"]
    # b: baseline 2-5 (18 Jan - 8 Feb), now 4-7 (1 Feb - 22 Feb).
    assert (b["baseline_start_date"], b["baseline_finish_date"]) == ("2027-01-18", "2027-02-08")
    assert (b["start_date"], b["finish_date"]) == ("2027-02-01", "2027-02-22")
    assert "start_slip_date" not in b and "finish_slip_date" not in b
    validate = {s["id"]: s for s in base["stages"]}["validate"]
    assert (validate["baseline_gate_date"], validate["gate_date"]) == ("2027-02-08", "2027-02-22")


def test_baseline_command_json_gives_the_finish_date(slipped: Path, capsys) -> None:
    capsys.readouterr()
    listed = _json(["baseline", str(slipped), "--format", "json"], capsys)
    assert [(b["name"], b["finish"], b["finish_date"]) for b in listed["baselines"]] == [
        ("v1", 5, "2027-02-08")
    ]
    kept = _json(["baseline", str(slipped), "--name", "v2", "--format", "json"], capsys)
    assert (kept["finish"], kept["finish_date"]) == (7, "2027-02-22")


def test_explanations_show_the_calendar_date_beside_the_week(make_plan) -> None:
    plan = make_plan(
        [
            {"id": "a", "title": "Alpha", "duration": 3},
            {"id": "b", "duration": 2},
            {"id": "n", "not_before": 2.5},
        ],
        [("a", "b")],
        start_date=START,
    )
    result = analyze(plan)
    # b starts at week 3: 25 Jan 2027 (21 days).
    assert result.explain("b").start_reason == (
        "Starts in week 3 (25 Jan 2027) because it can start only when 'Alpha' (a) finishes (FS dependency)."
    )
    # n: not before week 2.5 = 17.5 days, halves up: 22 Jan 2027.
    assert result.explain("n").start_reason == (
        "Starts in week 2.5 (22 Jan 2027) because it may not start earlier (not before week 2.5, 22 Jan 2027)."
    )
    assert result.explain("a").start_reason == (
        "Starts at the plan start (week 0, 4 Jan 2027): nothing it depends on holds it back."
    )
    # Without a start date, weeks only (as before).
    undated = analyze(plan.model_copy(update={"start_date": None}))
    assert undated.explain("b").start_reason.startswith("Starts in week 3 because")


def test_actual_dates_out_of_order_are_named_with_weeks_and_dates(make_plan) -> None:
    from planner.analysis import validate

    # Actual start week 3 (25 Jan 2027), actual finish week 2 (18 Jan 2027): one sentence, no nested parentheses.
    plan = make_plan(
        [{"id": "c", "title": "Cleanup", "status": "done", "actual_start": 3, "actual_finish": 2}],
        start_date=START,
    )
    (f,) = [f for f in validate(plan) if f.code == "actual-finish-before-start"]
    assert f.message == (
        "'Cleanup' (c) has an actual finish, week 2 (18 Jan 2027), before its actual start, week 3 (25 Jan 2027): "
        "correct one of them."
    )


def test_one_decision_finishes_later(slipped: Path, capsys) -> None:
    # a grew from 2 to 4 weeks: a finishes 2 weeks later, and so does b -> two; then shrink b so only a slips.
    capsys.readouterr()
    assert main(["analyze", str(slipped), "--baseline", "v1"]) == 0
    assert "  2 decisions finish later than in the baseline, 0 earlier" in capsys.readouterr().out
    data = json.loads(slipped.read_text(encoding="utf-8"))
    data["decisions"][1]["duration"] = 1  # b 4-5: finishes at 5, as in the baseline
    slipped.write_text(json.dumps(data), encoding="utf-8")
    assert main(["analyze", str(slipped), "--baseline", "v1"]) == 0
    assert "  1 decision finishes later than in the baseline, 0 earlier" in capsys.readouterr().out
