"""The scenario commands (issue 13): ``planner scenarios``, ``--scenario NAME``, ``planner compare`` and
``planner diff``, against a hand-checked plan; the JSON of compare and diff field by field (README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model import dump_plan, load_plan, plan_from_dict, save_plan
from planner.model.scenarios import apply_to_base
from tests.conftest import build_plan

COMPARE_KEYS = ["title", "unit", "reference", "iterations", "seed", "random_numbers", "scenarios"]
ENTRY_KEYS = [
    "name",
    "ok",
    "errors",
    "finish",
    "finish_date",
    "gated_finish",
    "gated_finish_date",
    "gating_price",
    "p50",
    "p50_date",
    "p80",
    "p80_date",
    "cost",
    "target",
    "weeks_to_spare",
    "delta",
    "critical_path",
    "critical",
    "critical_joined",
    "critical_left",
    "stages",
    "teams",
]
DELTA_KEYS = ["finish", "gated_finish", "gating_price", "p50", "p80", "cost"]


def hand_plan() -> dict[str, Any]:
    """a (3 w) -> b (4 w) -> c (5 w, Integrate); team p (capacity 3) owns all three, one person each.

    Base: finish 12 (29 Mar 2027); gates Validate 7, Integrate 12; price of gating 0; spend 1,000; peak 1.
    Fast b: b takes 2 weeks and costs 500 -> finish 10 (15 Mar 2027), gates 5 / 10, spend 1,500.
    Parallel c: c follows a, not b -> a 0-3, b 3-7, c 3-8: finish 8; gated: c waits for the Validate gate at 7
    -> 12, price 4; b leaves the critical path; b and c overlap, peak 2.
    Same: no overrides."""
    plan = build_plan(
        [
            {"id": "a", "duration": 3, "owner": "p", "cost": 1000},
            {"id": "b", "duration": 4, "owner": "p"},
            {"id": "c", "duration": 5, "owner": "p", "stage": "integrate"},
        ],
        [("a", "b"), ("b", "c")],
        teams=[{"id": "p", "name": "Platform", "capacity": 3}],
        start_date="2027-01-04",
        currency="EUR",
    )
    from planner.model import plan_to_dict

    data = plan_to_dict(plan)
    data["scenarios"] = [
        {"name": "Fast b", "decisions": {"b": {"duration": 2, "cost": 500}}},
        {
            "name": "Parallel c",
            "remove_dependencies": [{"from": "b", "to": "c"}],
            "add_dependencies": [{"from": "a", "to": "c"}],
        },
        {"name": "Same"},
    ]
    return data


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "hand.plan.json"
    save_plan(plan_from_dict(hand_plan()), path)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_scenarios_lists_names_changes_and_finish(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["scenarios", str(plan_file)], capsys)
    assert code == 0
    assert "Fast b  (2 changes; finish week 10 (15 Mar 2027), 2 weeks earlier than base)" in out
    assert "Parallel c  (2 changes; finish week 8 (1 Mar 2027), 4 weeks earlier than base)" in out
    assert "Same  (0 changes; finish week 12 (29 Mar 2027), same as base)" in out
    code, out, _ = run(["scenarios", str(plan_file), "--format", "json"], capsys)
    data = json.loads(out)
    assert [r["name"] for r in data["scenarios"]] == ["Fast b", "Parallel c", "Same"]
    assert data["scenarios"][0] == {
        "name": "Fast b",
        "description": "",
        "changes": 2,
        "finish": 10.0,
        "finish_date": "2027-03-15",
        "delta": -2.0,
        "errors": [],
        "problems": [],
        "changes_text": ["'B' takes 2 weeks (was 4 weeks), costs EUR 500 (was none)"],
    }
    assert data["scenarios"][1]["changes_text"] == [
        "no longer makes 'C' wait for 'B'",
        "makes 'C' wait for 'A'",
    ]


def test_scenarios_warns_of_duplicate_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = hand_plan()
    data["scenarios"] = [{"name": "Twice"}, {"name": "Twice", "decisions": {"zz": {"duration": 1}}}]
    path = tmp_path / "dup.plan.json"
    save_plan(plan_from_dict(data), path)
    code, out, _ = run(["scenarios", str(path)], capsys)
    assert code == 0
    assert "warning: another scenario has the same name; only the first is used (skipped)" in out
    assert "warning: overrides unknown decision 'zz' (skipped)" in out


def test_scenario_option_on_analyze_simulate_export(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["analyze", str(plan_file), "--scenario", "Fast b", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["finish"] == 10.0 and data["title"] == "Test plan (scenario: Fast b)"
    code, out, _ = run(["analyze", str(plan_file), "--scenario", "Base", "--format", "json"], capsys)
    assert json.loads(out)["finish"] == 12.0
    code, out, _ = run(
        ["simulate", str(plan_file), "--scenario", "Parallel c", "-n", "50", "--format", "json"], capsys
    )
    assert code == 0 and json.loads(out)["finish"]["p80"] == 8.0
    png = tmp_path / "g.png"
    code, _, _ = run(["export", str(plan_file), "--scenario", "Parallel c", "-o", str(png)], capsys)
    assert code == 0 and png.stat().st_size > 0


@pytest.mark.parametrize(
    "command",
    [
        ["analyze"],
        ["simulate", "-n", "10"],
        ["export", "-o", "x.png"],
        ["compare", "--scenarios", "Base,Nope"],
    ],
)
def test_bad_scenario_names_exit_2_listing_the_valid_ones(
    command: list[str], plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, *rest = command
    rest = [str(tmp_path / r) if r.endswith(".png") else r for r in rest]
    argv = [name, str(plan_file), *rest] + ([] if name == "compare" else ["--scenario", "Nope"])
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert "no scenario called 'Nope'" in err
    assert "valid scenarios: 'Base', 'Fast b', 'Parallel c', 'Same'" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_compare_json_field_by_field(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(plan_file), "-n", "200", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert list(data) == COMPARE_KEYS
    assert (
        data["title"],
        data["unit"],
        data["reference"],
        data["iterations"],
        data["seed"],
        data["random_numbers"],
    ) == ("Test plan", "week", "Base", 200, 0, "common")
    base, fast, par, same = data["scenarios"]
    for entry in data["scenarios"]:
        assert list(entry) == ENTRY_KEYS and list(entry["delta"]) == DELTA_KEYS
    assert base == {
        "name": "Base",
        "ok": True,
        "errors": [],
        "finish": 12.0,
        "finish_date": "2027-03-29",
        "gated_finish": 12.0,
        "gated_finish_date": "2027-03-29",
        "gating_price": 0.0,
        "p50": 12.0,
        "p50_date": "2027-03-29",
        "p80": 12.0,
        "p80_date": "2027-03-29",
        "cost": 1000.0,
        "target": None,
        "weeks_to_spare": None,
        "delta": dict.fromkeys(DELTA_KEYS, 0.0),
        "critical_path": ["a", "b", "c"],
        "critical": ["a", "b", "c"],
        "critical_joined": [],
        "critical_left": [],
        "stages": [
            {"id": "validate", "gate": 7.0, "gate_date": "2027-02-22", "delta": 0.0},
            {"id": "integrate", "gate": 12.0, "gate_date": "2027-03-29", "delta": 0.0},
            {"id": "operationalize", "gate": 12.0, "gate_date": "2027-03-29", "delta": 0.0},
            {"id": "scale", "gate": 12.0, "gate_date": "2027-03-29", "delta": 0.0},
        ],
        "teams": [{"id": "p", "peak": 1.0, "capacity": 3.0, "delta": 0.0}],
    }
    assert (fast["finish"], fast["finish_date"], fast["gated_finish"], fast["cost"]) == (
        10.0,
        "2027-03-15",
        10.0,
        1500.0,
    )
    assert fast["delta"] == {
        "finish": -2.0,
        "gated_finish": -2.0,
        "gating_price": 0.0,
        "p50": -2.0,
        "p80": -2.0,
        "cost": 500.0,
    }
    assert [s["gate"] for s in fast["stages"]] == [5.0, 10.0, 10.0, 10.0]
    assert [s["delta"] for s in fast["stages"]] == [-2.0, -2.0, -2.0, -2.0]
    assert (par["finish"], par["gated_finish"], par["gating_price"]) == (8.0, 12.0, 4.0)
    assert par["delta"]["finish"] == -4.0 and par["delta"]["gating_price"] == 4.0
    assert par["critical"] == ["a", "c"] and par["critical_joined"] == [] and par["critical_left"] == ["b"]
    assert par["teams"] == [{"id": "p", "peak": 2.0, "capacity": 3.0, "delta": 1.0}]
    assert same["delta"] == {
        "finish": 0.0,
        "gated_finish": 0.0,
        "gating_price": 0.0,
        "p50": 0.0,
        "p80": 0.0,
        "cost": 0.0,
    }


def test_compare_identical_scenarios_have_exactly_equal_p80(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = hand_plan()
    for d in data["decisions"]:
        d["duration"] = {"optimistic": 1, "likely": 3, "pessimistic": 8}
    data["scenarios"] = [{"name": "X", "teams": {"p": {"capacity": 5}}}, {"name": "Y"}]
    path = tmp_path / "u.plan.json"
    save_plan(plan_from_dict(data), path)
    code, out, _ = run(["compare", str(path), "-n", "3000", "--format", "json"], capsys)
    base, x, y = json.loads(out)["scenarios"]
    assert x["p80"] == y["p80"] == base["p80"] and x["delta"]["p80"] == 0.0 and y["delta"]["p50"] == 0.0
    assert base["p80"] > 9  # the uncertainty is real: P80 is above the likely finish of 9 weeks


def test_compare_text_tells_it_in_sentences(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["compare", str(plan_file), "--scenarios", "Base,Fast b,Parallel c", "-n", "100"], capsys
    )
    assert code == 0
    assert "Fast b brings the finish forward 2 weeks, to 15 Mar 2027, at EUR 500 more spend." in out
    assert (
        "Parallel c brings the finish forward 4 weeks, to 1 Mar 2027; 'B' leaves the critical path; "
        "strict gates cost 4 weeks (up from 0 weeks)."
    ) in out
    assert "Finish (rolling), week    12" in out


def test_compare_without_scenarios_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.plan.json"
    save_plan(build_plan([{"id": "a"}]), path)
    code, _, err = run(["compare", str(path)], capsys)
    assert code == 2 and "has no scenarios to compare" in err


def test_diff_json_field_by_field(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b_path = tmp_path / "b.plan.json"
    b = apply_to_base(load_plan(plan_file), "Parallel c")
    b.decisions[0].title = "A, renamed"
    b.teams[0].capacity = 4
    save_plan(b, b_path)
    code, out, _ = run(["diff", str(plan_file), str(b_path), "-n", "100", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["a", "b", "changes", "comparison"]
    assert data["a"] == str(plan_file) and data["b"] == str(b_path)
    assert data["changes"] == {
        "plan": {},
        "decisions": {
            "added": [],
            "removed": [],
            "changed": [{"id": "a", "fields": {"title": {"a": "A", "b": "A, renamed"}}}],
        },
        "dependencies": {
            "added": [{"from": "a", "to": "c", "type": "FS", "lag": 0.0}],
            "removed": [{"from": "b", "to": "c", "type": "FS", "lag": 0.0}],
            "changed": [],
        },
        "teams": {
            "added": [],
            "removed": [],
            "changed": [{"id": "p", "fields": {"capacity": {"a": 3.0, "b": 4.0}}}],
        },
        "risks": {"added": [], "removed": [], "changed": []},
        "stages": {"added": [], "removed": [], "changed": []},
        "areas": {"added": [], "removed": [], "changed": []},
        "scenarios": {"added": [], "removed": ["Parallel c"], "changed": []},
        "baselines": {"added": [], "removed": [], "changed": []},
    }
    comp = data["comparison"]
    assert comp["reference"] == "hand.plan.json" and [x["name"] for x in comp["scenarios"]] == [
        "hand.plan.json",
        "b.plan.json",
    ]
    assert comp["scenarios"][1]["finish"] == 8.0 and comp["scenarios"][1]["delta"]["finish"] == -4.0
    code, out, _ = run(["diff", str(plan_file), str(b_path), "-n", "100"], capsys)
    assert "~ decision a: title 'A' -> 'A, renamed'" in out and "+ link a -> c (FS, lag 0)" in out
    assert "- link b -> c (FS, lag 0)" in out and "~ team p: capacity 3 -> 4" in out
    assert "- scenario 'Parallel c'" in out


def test_diff_of_a_plan_with_itself_says_no_changes(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["diff", str(plan_file), str(plan_file), "-n", "0"], capsys)
    assert code == 0 and "No changes" in out


def test_diff_unreadable_file_is_exit_2(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.plan.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(["diff", str(plan_file), str(bad)], capsys)
    assert code == 2 and "bad.plan.json" in err and "Traceback" not in err


def test_bundled_plans_carry_two_scenarios_each(repo_root: Path) -> None:
    from planner.analysis.compare import compare_scenarios
    from planner.templates import load_template

    for plan in (
        load_template("ai-scaling"),
        load_plan(repo_root / "sample_plans" / "fraud-detection.plan.json"),
    ):
        assert len(plan.scenarios) == 2, plan.title
        comparison = compare_scenarios(plan, iterations=100)
        assert all(x.ok for x in comparison.items)
        from planner.model.scenarios import scenario_problems

        assert all(scenario_problems(plan, s) == [] for s in plan.scenarios)
        assert dump_plan(plan)  # still saves


def test_compare_by_default_is_the_plan_then_each_scenario_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A scenario named like the base does not stand in for the plan itself (it did: 'Base' resolved to it), and a
    # name given twice is compared once, the first of them, as `planner scenarios` and --scenario take it.
    data = hand_plan()
    data["scenarios"] = [
        {"name": "base", "decisions": {"b": {"duration": 2}}},  # finish 10
        {"name": "Twice", "decisions": {"c": {"duration": 1}}},  # finish 8
        {"name": "Twice", "decisions": {"c": {"duration": 9}}},  # skipped
    ]
    path = tmp_path / "names.plan.json"
    save_plan(plan_from_dict(data), path)
    code, out, _ = run(["compare", str(path), "-n", "100", "--format", "json"], capsys)
    assert code == 0
    entries = json.loads(out)["scenarios"]
    assert [(e["name"], e["finish"]) for e in entries] == [
        ("Base", 12.0),
        ("base (scenario)", 10.0),
        ("Twice", 8.0),
    ]


def test_compare_gate_dates_keep_their_year_after_the_first_calendar_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # c takes 60 weeks: the Integrate gate falls at week 67, 17 Apr 2028 (start 4 Jan 2027 + 469 days); the
    # Validate gate at week 7, 22 Feb, in the plan's first year. The whole date and year show, never cut.
    data = hand_plan()
    for d in data["decisions"]:
        if d["id"] == "c":
            d["duration"] = 60
    path = tmp_path / "long.plan.json"
    save_plan(plan_from_dict(data), path)
    code, out, _ = run(["compare", str(path), "-n", "100"], capsys)
    assert code == 0
    rows = {ln.split()[0]: ln for ln in out.splitlines() if ln.startswith("  ") and "(" in ln}
    assert rows["Validate"].split()[1:3] == ["7", "(22"] and "(22 Feb)" in rows["Validate"]
    assert rows["Integrate"].count("67 (17 Apr 2028)") == 3 and "\u2026" not in rows["Integrate"]
