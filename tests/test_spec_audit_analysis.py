"""SPEC §3 audited clause by clause (H-spec): what is computed, checked through the public API and the command line
on small plans whose every figure is worked out by hand in the comments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze, validate
from planner.cli import main
from planner.model import dump_plan

STAGES3 = ("s1", "s2", "s3")


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


# -- §3.1: validate(plan) returns over-capacity too -----------------------------------------------------------------
def _over_capacity_plan(make_plan):
    # Team t has 2 people. a (2 people, 3 w), b (1 person, 2 w), c (1 person, 4 w), no links: all start at 0.
    # Load: weeks 0-2 a+b+c = 4, weeks 2-3 a+c = 3, weeks 3-4 c = 1 -> over capacity in weeks 0-3, peak 4.
    return make_plan(
        [
            {"id": "a", "duration": 3, "owner": "t", "headcount": 2},
            {"id": "b", "duration": 2, "owner": "t"},
            {"id": "c", "duration": 4, "owner": "t"},
        ],
        teams=[{"id": "t", "name": "Team", "capacity": 2}],
    )


def test_validate_reports_over_capacity_as_the_spec_lists_it(make_plan) -> None:
    # SPEC §3.1 lists over-capacity among validate(plan)'s warnings; it used to come only from analyze().
    plan = _over_capacity_plan(make_plan)
    over = [f for f in validate(plan) if f.code == "over-capacity"]
    assert len(over) == 1
    assert over[0].severity == "warning"
    assert "has 2 people but the schedule needs up to 4 in weeks 0" in over[0].message
    assert over[0].decisions == ["a", "b", "c"]
    # analyze() reports it once, not twice (it adds its own for its estimate and asks validate for the rest).
    assert [f.code for f in analyze(plan).findings].count("over-capacity") == 1


def test_validate_over_capacity_needs_a_schedule(make_plan) -> None:
    # With an error (a cycle) there is no schedule, so no load to measure: the errors come alone, no crash.
    plan = make_plan(
        [{"id": "a", "owner": "t", "headcount": 5}, {"id": "b", "owner": "t", "headcount": 5}],
        [("a", "b"), ("b", "a")],
        teams=[{"id": "t", "name": "Team", "capacity": 1}],
    )
    codes = [f.code for f in validate(plan)]
    assert "cycle" in codes and "over-capacity" not in codes


def test_validate_without_capacity_teams_is_unchanged(make_plan) -> None:
    # Teams without a capacity are never over it.
    plan = make_plan([{"id": "a", "owner": "t", "headcount": 9}], teams=[{"id": "t", "name": "Team"}])
    assert [f.code for f in validate(plan) if f.severity == "warning"] == []


# -- §3.1: messages name decisions by title and id ------------------------------------------------------------------
def test_gate_not_met_names_the_decisions_by_title_and_id(make_plan) -> None:
    plan = make_plan(
        [
            {"id": "v", "title": "Prove value", "stage": "validate"},
            {"id": "svc", "title": "Inference service", "stage": "integrate", "status": "in_progress"},
            {
                "id": "wired",
                "title": "Wire into CRM",
                "stage": "integrate",
                "status": "done",
                "progress": 100,
            },
        ],
        [("v", "svc")],
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "Value proven"}]},
            "integrate",
        ),
    )
    (gate,) = [f for f in validate(plan) if f.code == "gate-not-met"]
    assert gate.message == (
        "Stage Integrate has started ('Inference service' (svc) under way; 'Wire into CRM' (wired) done) while "
        "the Validate gate is not met: Value proven."
    )
    assert gate.decisions == ["svc", "wired"]


def test_gate_not_met_lists_at_most_five_names(make_plan) -> None:
    plan = make_plan(
        [{"id": f"d{i}", "stage": "integrate", "status": "in_progress"} for i in range(7)],
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "Value proven"}]},
            "integrate",
        ),
    )
    (gate,) = [f for f in validate(plan) if f.code == "gate-not-met"]
    assert "'D0' (d0), 'D1' (d1), 'D2' (d2), 'D3' (d3), 'D4' (d4) and 2 more under way" in gate.message


# -- §3.2 and §3.3 by hand, all four link types, through `planner analyze --format json` ----------------------------
@pytest.fixture
def four_links_file(tmp_path: Path, make_plan) -> Path:
    # a(3, s1) -FS+1-> b(2, s2) -FF+2-> e(1, s3); a -SS+1-> c(4, s2) -SF+2-> m(milestone, s1); x(2, s1) not before 5.
    plan = make_plan(
        [
            {"id": "a", "duration": 3, "stage": "s1"},
            {"id": "b", "duration": 2, "stage": "s2"},
            {"id": "c", "duration": 4, "stage": "s2"},
            {"id": "e", "duration": 1, "stage": "s3"},
            {"id": "m", "milestone": True, "stage": "s1"},
            {"id": "x", "duration": 2, "stage": "s1", "not_before": 5},
        ],
        [("a", "b", "FS", 1), ("a", "c", "SS", 1), ("b", "e", "FF", 2), ("c", "m", "SF", 2)],
        stages=STAGES3,
        start_date="2027-01-04",
    )
    path = tmp_path / "four.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    return path


def test_cpm_figures_of_every_link_type(four_links_file: Path, capsys) -> None:
    code, data = _json(["analyze", str(four_links_file), "--format", "json"], capsys)
    assert code == 0
    # Forward: a 0-3; b = EF_a + 1 = 4 -> 4-6; c = ES_a + 1 = 1 -> 1-5; e = EF_b + 2 - d_e = 7 -> 7-8;
    # m = ES_c + 2 - 0 = 3 -> 3-3; x = not_before 5 -> 5-7. T = 8.
    # Backward: e LF 8; b LF = LF_e - 2 = 6; m LF 8; c LF = min(8, LF_m - 2 + d_c = 10) = 8;
    # a LF = min(8, LS_b - 1 = 3, LS_c - 1 + d_a = 6) = 3; x LF 8.
    # Free float: a min(5, ES_b - 4) = 0; b min(2, ES_e - 7) = 0; c min(3, ES_m - 3) = 0; m 5; x 1; e 0.
    rows = {
        d["id"]: (d["es"], d["ef"], d["ls"], d["lf"], d["total_float"], d["free_float"], d["critical"])
        for d in data["decisions"]
    }
    assert rows == {
        "a": (0, 3, 0, 3, 0, 0, True),
        "b": (4, 6, 4, 6, 0, 0, True),
        "c": (1, 5, 4, 8, 3, 0, False),
        "e": (7, 8, 7, 8, 0, 0, True),
        "m": (3, 3, 8, 8, 5, 5, False),
        "x": (5, 7, 6, 8, 1, 1, False),
    }
    assert data["finish"] == 8
    assert data["critical"] == data["critical_path"] == ["a", "b", "e"]
    assert data["critical_chains"] == 1
    # 8 weeks after Monday 4 Jan 2027 = 56 days: 1 Mar 2027 (SPEC §3.3a).
    assert data["finish_date"] == "2027-03-01"


def test_stages_windows_sequencing_and_gates(four_links_file: Path, capsys) -> None:
    _, data = _json(["analyze", str(four_links_file), "--format", "json"], capsys)
    # Windows over assigned stages: s1 = a, m, x -> 0..7; s2 = b, c -> 1..6; s3 = e -> 7..8.
    # Inversion: c (s2) -> m (s1). Sequenced: m moves to s2; the rest keep their stage.
    # Gated: Gate_0 = max EF of a, x = 7; s2: b = max(7, 4) = 7 -> 9, c = max(7, 1) = 7 -> 11, m = ES_c + 2 = 9;
    # Gate_1 = 11; s3: e = max(11, EF_b + 2 - 1 = 10) = 11 -> 12; gated finish 12, price 12 - 8 = 4.
    stages = {s["id"]: (s["start"], s["finish"], s["gated_start"], s["gated_finish"]) for s in data["stages"]}
    assert stages == {"s1": (0, 7, 0, 7), "s2": (1, 6, 7, 11), "s3": (7, 8, 11, 12)}
    assert data["stage_inversions"] == [{"from": "c", "to": "m"}]
    assert {d["id"]: d["sequenced_stage"] for d in data["decisions"]}["m"] == "s2"
    assert (data["gated_finish"], data["gating_price"]) == (12, 4)
    # 12 weeks = 84 days after 4 Jan 2027: 29 Mar 2027.
    assert data["gated_finish_date"] == "2027-03-29"


def test_several_critical_chains_are_counted_and_said(tmp_path: Path, make_plan, capsys) -> None:
    # a(3) -> c(2) and b(3) -> c(2): two chains of 5 weeks; the one through the first decision in plan order is shown.
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 3}, {"id": "c", "duration": 2}],
        [("a", "c"), ("b", "c")],
    )
    path = tmp_path / "two.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    _, data = _json(["analyze", str(path), "--format", "json"], capsys)
    assert (data["critical_path"], data["critical"], data["critical_chains"]) == (
        ["a", "c"],
        ["a", "b", "c"],
        2,
    )
    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out
    assert "There are 2 critical chains of equal length" in text


def test_negative_lag_never_starts_before_the_plan(tmp_path: Path, make_plan, capsys) -> None:
    # a(1) -FS-3-> b(5): b could start at week -2; it starts at 0, so the link does not drive and a has float:
    # LF_a = LS_b + 3 = 3, TF_a = 2, FF_a = ES_b - (EF_a - 3) = 2; T = 5, only b critical.
    plan = make_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 5}], [("a", "b", "FS", -3)])
    path = tmp_path / "lead.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    _, data = _json(["analyze", str(path), "--format", "json"], capsys)
    rows = {d["id"]: (d["es"], d["total_float"], d["free_float"]) for d in data["decisions"]}
    assert rows == {"a": (0, 2, 2), "b": (0, 0, 0)}
    assert (data["finish"], data["critical_path"]) == (5, ["b"])


def test_readiness_by_criteria_and_duration_weighted_done(tmp_path: Path, make_plan, capsys) -> None:
    # s1: criteria 1 of 3 met; a (3 w, done) and b (1 w): done share 3 / 4 = 75 %. s2: no criteria, nothing done.
    plan = make_plan(
        [
            {"id": "a", "duration": 3, "stage": "s1", "status": "done", "progress": 100},
            {"id": "b", "duration": 1, "stage": "s1"},
            {"id": "c", "duration": 2, "stage": "s2", "status": "in_progress", "progress": 50},
        ],
        stages=(
            {
                "id": "s1",
                "name": "S1",
                "gate_criteria": [{"text": "x", "met": True}, {"text": "y"}, {"text": "z"}],
            },
            {"id": "s2", "name": "S2"},
        ),
    )
    path = tmp_path / "ready.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[-2:] for line in text.splitlines() if line.startswith("  S")}
    assert rows["S1"] == ["1/3", "75%"]
    assert rows["S2"] == ["-", "0%"]
    # The same figures in the JSON.
    _, data = _json(["analyze", str(path), "--format", "json"], capsys)
    ready = {s["id"]: (s["criteria_met"], s["criteria_total"], s["done_share"]) for s in data["stages"]}
    assert ready == {"s1": (1, 3, 0.75), "s2": (0, 0, 0.0)}


def test_gate_not_met_counts_a_recorded_actual_start_as_started(make_plan) -> None:
    # 'b' (Integrate) is not_started at 0 % but has an actual start: work really began, which the progress rules
    # read as in progress (docs/progress-and-status-date.md). Its stage has started while the Validate gate is unmet.
    plan = make_plan(
        [
            {"id": "a", "stage": "validate", "duration": 3},
            {"id": "b", "stage": "integrate", "actual_start": 1},
        ],
        [("a", "b")],
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "Value proven"}]},
            "integrate",
        ),
    )
    (gate,) = [f for f in validate(plan) if f.code == "gate-not-met"]
    assert gate.message == (
        "Stage Integrate has started ('B' (b) under way) while the Validate gate is not met: Value proven."
    )
    assert gate.decisions == ["b"]


def test_simulate_json_gives_the_cpm_finish_and_the_share_of_runs_by_it(
    tmp_path: Path, make_plan, capsys
) -> None:
    # a: triangular (1, 3, 8); b: 2 weeks, no links: finish = max(a, 2). CPM (likely) finish 3; P(a <= 3) =
    # (3 - 1)^2 / ((8 - 1)(3 - 1)) = 4/14 = 0.2857. P(finish <= 4) = 1 - (8 - 4)^2 / ((8 - 1)(8 - 3)) = 0.5429.
    # Criticality of b: P(a < 2) = (2 - 1)^2 / 14 = 0.0714. With start 4 Jan 2027, week 3 is 25 Jan 2027.
    plan = make_plan(
        [
            {"id": "a", "duration": {"optimistic": 1, "likely": 3, "pessimistic": 8}},
            {"id": "b", "duration": 2},
        ],
        start_date="2027-01-04",
    )
    path = tmp_path / "tri.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    assert main(["simulate", str(path), "-n", "40000", "--seed", "3", "--by", "4", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["deterministic_finish"], data["deterministic_finish_date"]) == (3, "2027-01-25")
    assert data["deterministic_probability"] == pytest.approx(4 / 14, abs=0.01)
    assert data["probability_by"]["probability"] == pytest.approx(1 - 16 / 35, abs=0.01)
    assert data["criticality"]["b"] == pytest.approx(1 / 14, abs=0.01)
    assert data["criticality"]["a"] == pytest.approx(13 / 14, abs=0.01)
    # Mean of a triangle (1 + 3 + 8) / 3 = 4, plus E[(2 - a)+] = 1/42 where a < 2.
    assert data["finish"]["mean"] == pytest.approx(4 + 1 / 42, abs=0.03)


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_plans").glob("*.plan.json"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_validate_lists_what_check_lists(path: Path) -> None:
    # One list of findings: validate(plan) (SPEC §3.1) is what `planner check`, analyze and the app show, the
    # findings that need the schedule (over-capacity, late-start / late-finish at the status date) included.
    from planner.model import load_plan

    plan = load_plan(path)
    assert [f.to_dict() for f in validate(plan)] == [f.to_dict() for f in analyze(plan).all_findings]


def test_validate_reports_late_work_at_the_status_date(make_plan) -> None:
    # a (2 w) -> b (3 w); status date week 4 with nothing started: a should have finished by week 2 (the plan
    # without progress), it is 2 weeks late and now runs 4-6; b planned 2-5 should have started by week 2.
    plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 3}], [("a", "b")], status_date=4)
    late = [(f.code, f.decisions) for f in validate(plan) if f.code.startswith("late-")]
    assert ("late-finish", ["a"]) in late and ("late-start", ["b"]) in late


def test_sensitivity_is_the_correlation_of_each_duration_with_the_finish(
    tmp_path: Path, make_plan, capsys
) -> None:
    # a (0, 0, 6) -> b (1, 2, 3) -> c (5): the finish is a + b + 5. Var a = 36/18 = 2, var b = 3/18 = 1/6, so
    # corr(a, finish) = sqrt(2 / (13/6)) = 0.9608, corr(b, finish) = sqrt((1/6) / (13/6)) = 0.2774; c does not
    # vary and is not ranked. Mean 2 + 2 + 5 = 9, standard deviation sqrt(13/6) = 1.472.
    plan = make_plan(
        [
            {"id": "a", "duration": {"optimistic": 0, "likely": 0, "pessimistic": 6}},
            {"id": "b", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3}},
            {"id": "c", "duration": 5},
        ],
        [("a", "b"), ("b", "c")],
    )
    path = tmp_path / "sens.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    assert main(["simulate", str(path), "-n", "50000", "--seed", "5", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["sensitivity"]] == ["a", "b"]
    corr = {s["id"]: s["correlation"] for s in data["sensitivity"]}
    assert corr["a"] == pytest.approx((12 / 13) ** 0.5, abs=0.01)
    assert corr["b"] == pytest.approx((1 / 13) ** 0.5, abs=0.015)
    assert data["finish"]["mean"] == pytest.approx(9, abs=0.03)
    assert data["finish"]["std"] == pytest.approx((13 / 6) ** 0.5, abs=0.02)
    assert data["criticality"] == {"a": 1.0, "b": 1.0, "c": 1.0}  # one chain: always critical


def test_classic_levelling_is_least_total_float_first(make_plan) -> None:
    # SPEC §3.4's rule, kept as --level-method classic (issue 18 added better heuristics as the default).
    # Team t has 2 people; a (2 people, 3 w, TF 1), b (1 person, 2 w, TF 2), c (1 person, 4 w, TF 0), no links.
    # Least float first: c at 0 (load 1); a needs 2 more -> waits until c ends at 4 -> 4-7; b fits beside c at 0.
    # Critical c is not delayed; levelled finish 7, 3 weeks later than the unlevelled 4.
    from planner.analysis.capacity import attach_to_analysis

    plan = _over_capacity_plan(make_plan)
    result = analyze(plan)
    attach_to_analysis(result, method="classic")
    lev = result.levelled
    assert lev is not None
    starts = dict(zip(lev.ids, lev.es.tolist(), strict=True))
    assert starts == {"a": 4, "b": 0, "c": 0}
    assert (lev.finish, lev.cost, lev.critical_delayed) == (7, 3, [])
