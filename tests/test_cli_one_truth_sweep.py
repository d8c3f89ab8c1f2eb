"""One truth across the commands (H-cli, session 14): the figures that `check`, `analyze`, `simulate`,
`scenarios`, `compare`, `diff` and `coverage` share read the same in each, text and JSON, and the JSON of every
command is the same value compact (to a pipe) or indented (``--indent``).

tests/test_unseen_one_truth.py covers analyze, simulate and the report on unusual plans; this file covers the
commands it does not: check's findings against analyze's, the scenario commands against `analyze --scenario`, diff
against compare, simulate's CPM finish and stage ends against analyze, and `analyze --baseline`'s text against its
JSON. Hand-checked cases use the plan of tests/test_cli_scenarios.py (``hand_plan``).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import units
from planner.analysis import analyze
from planner.analysis.baselines import make_baseline
from planner.cli import main
from planner.model import load_plan, plan_from_dict, save_plan
from planner.units import count
from tests.test_cli_scenarios import hand_plan
from tests.unseen_plans import SMALL_SHAPES, random_plan, shape

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_plans").glob("*.plan.json"))
N = "200"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return rc, out, err


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    rc, out, err = _run([*argv, "--format", "json"], capsys)
    assert out.count("\n") == 1, "JSON to a pipe is one line"
    return rc, json.loads(out)


def _write(data: dict[str, Any], folder: Path, name: str) -> Path:
    path = folder / f"{name}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# -- check lists what analyze lists -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["bank-assistant", "ai-portfolio"])
def test_check_lists_the_over_capacity_warnings_analyze_lists(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(ROOT / "sample_plans" / f"{name}.plan.json")
    _, a = _json(["analyze", path], capsys)
    rc, c = _json(["check", path], capsys)
    assert rc == 0
    assert c["findings"] == a["findings"]
    assert any(
        f["code"] == "over-capacity" for f in c["findings"]
    )  # needs the schedule: check had left it out
    _, text, _ = _run(["check", path], capsys)
    n = {s: sum(f["severity"] == s for f in a["findings"]) for s in ("error", "warning", "info")}
    assert text.splitlines()[0].endswith(
        f": {count(n['error'], 'error')}, {count(n['warning'], 'warning')}, {count(n['info'], 'note')}"
    )
    assert text.count("[over-capacity]") == sum(f["code"] == "over-capacity" for f in a["findings"])


def test_check_lists_late_work_at_the_status_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_write(shape("status-middle"), tmp_path, "status"))
    _, a = _json(["analyze", path], capsys)
    _, c = _json(["check", path], capsys)
    codes = [f["code"] for f in c["findings"]]
    assert codes == [f["code"] for f in a["findings"]]
    assert "late-start" in codes or "late-finish" in codes


def test_check_warns_of_duplicate_scenarios_and_one_named_like_the_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = hand_plan()
    data["scenarios"] += [{"name": "Fast b"}, {"name": "base"}]
    path = str(_write(data, tmp_path, "clash"))
    rc, c = _json(["check", path], capsys)
    assert rc == 0  # warnings, not errors: the plan and its scenarios can still be scheduled
    found = {f["code"]: f for f in c["findings"]}
    assert found["duplicate-scenario"]["severity"] == "warning"
    assert "2 scenarios are called 'Fast b'" in found["duplicate-scenario"]["message"]
    assert found["scenario-named-base"]["severity"] == "warning"
    assert "--scenario base means this scenario" in found["scenario-named-base"]["message"]
    _, text, _ = _run(["check", path], capsys)
    assert "[duplicate-scenario]" in text and "[scenario-named-base]" in text
    # `planner scenarios` says the same of each, the base-named one not "(skipped)": --scenario base uses it
    _, text, _ = _run(["scenarios", path], capsys)
    assert "warning: another scenario has the same name; only the first is used (skipped)" in text
    assert "warning: it is named like the base plan; --scenario base means this scenario\n" in text
    # and `--scenario base` is that scenario (no overrides: the base's figures), `--scenario Base` the plan
    _, a = _json(["analyze", path, "--scenario", "base"], capsys)
    assert a["title"].endswith("(scenario: base)")
    _, a = _json(["analyze", path, "--scenario", "Base"], capsys)
    assert "(scenario" not in a["title"]


def test_no_scenario_findings_without_a_clash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_write(hand_plan(), tmp_path, "hand"))
    _, c = _json(["check", path], capsys)
    assert not {f["code"] for f in c["findings"]} & {"duplicate-scenario", "scenario-named-base"}


# -- the scenario commands against analyze ------------------------------------------------------------------------
def _scenario_plans(tmp_path: Path) -> list[Path]:
    hand = _write(hand_plan(), tmp_path, "hand")
    return [hand, ROOT / "sample_plans" / "fraud-detection.plan.json"]


def test_scenarios_compare_and_diff_give_analyze_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in map(str, _scenario_plans(tmp_path)):
        plan = load_plan(path)
        start = plan.start_date
        _, base = _json(["analyze", path], capsys)
        rc, sc = _json(["scenarios", path], capsys)
        assert rc == 0
        assert sc["base"] == {"finish": base["finish"], "finish_date": base["finish_date"], "errors": []}
        _, text, _ = _run(["scenarios", path], capsys)
        assert (
            f"  Base (the plan itself): {units.format_when(start, base['finish'], word='finish week')}\n"
            in text
        )
        rc, cmp = _json(["compare", path, "-n", N], capsys)
        assert rc == 0
        ref = cmp["scenarios"][0]
        for key in (
            "finish",
            "finish_date",
            "gated_finish",
            "gated_finish_date",
            "gating_price",
            "critical_path",
        ):
            assert ref[key] == base[key], key
        assert sorted(ref["critical"]) == sorted(base["critical"])
        assert [(g["id"], g["gate"], g["gate_date"]) for g in ref["stages"]] == [
            (g["id"], g["gate"], units.iso_date(start, g["gate"])) for g in base["stages"]
        ]
        for row, item in zip(sc["scenarios"], cmp["scenarios"][1:], strict=True):
            assert row["name"] == item["name"]
            _, one = _json(["analyze", path, "--scenario", row["name"]], capsys)
            assert row["finish"] == item["finish"] == one["finish"]
            assert row["finish_date"] == item["finish_date"] == one["finish_date"]
            assert item["gated_finish"] == one["gated_finish"] and item["gating_price"] == one["gating_price"]
            assert sorted(item["critical"]) == sorted(one["critical"])
            assert row["delta"] == pytest.approx(item["delta"]["finish"])
        # diff of the plan with itself: the same figures again, for A and for B
        _, d = _json(["diff", path, path, "-n", "0"], capsys)
        for x in d["comparison"]["scenarios"]:
            assert (x["finish"], x["gated_finish"], x["gating_price"]) == (
                base["finish"],
                base["gated_finish"],
                base["gating_price"],
            )
            assert len(x["critical"]) == len(base["critical"])


def test_compare_text_deltas_never_read_plus_or_minus_zero(capsys: pytest.CaptureFixture[str]) -> None:
    # On the fraud sample at 2,000 iterations, P80 of 'Buy the feature store' differs from the base's by less
    # than 0.005 weeks: the table had '+0' and '-0'; it is '=' (0 at two decimals), as the app writes it.
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    _, cmp = _json(["compare", path, "-n", "2000"], capsys)
    _, text, _ = _run(["compare", path, "-n", "2000"], capsys)
    assert not re.search(r"(?<![\w.])[+-]0(?![\w.])", text), text
    lines = text.splitlines()

    def vs_row(label: str) -> str:  # the "vs Base" row under a figure's row (the spend has one too)
        k = next(i for i, ln in enumerate(lines) if ln.startswith(label))
        return next(ln for ln in lines[k + 1 :] if ln.startswith("  vs Base"))

    p80 = [x["delta"]["p80"] for x in cmp["scenarios"][1:]]
    assert any(0 < abs(d) < 0.005 for d in p80)  # the case that read '+0'
    # The text's delta is the difference of the figures written beside it (units.week_delta; the JSON keeps the
    # exact one): P50s written 35.87 and 35.9 read +0.03, not the exact difference's +0.04.
    base = cmp["scenarios"][0]
    assert vs_row("P80, week").split()[2:] == [
        units.signed_weeks(units.week_delta(x["p80"], base["p80"])) for x in cmp["scenarios"][1:]
    ]
    for fig, label in (("p50", "P50, week"), ("p80", "P80, week")):
        shown = [units.format_weeks(x[fig]) for x in cmp["scenarios"]]
        written = [units.signed_weeks(float(v) - float(shown[0])) for v in shown[1:]]
        assert vs_row(label).split()[2:] == written


@pytest.mark.parametrize(
    ("delta", "text"),
    [(2.5, "+2.5"), (-1.0, "-1"), (0.004, "="), (-0.004, "="), (-0.005, "-0.01"), (None, "-")],
)
def test_signed_weeks(delta: float | None, text: str) -> None:
    assert units.signed_weeks(delta) == text


def test_scenarios_exit_1_when_the_base_cannot_be_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = hand_plan()
    data["dependencies"].append({"from": "c", "to": "a"})  # a cycle a -> b -> c -> a
    path = str(_write(data, tmp_path, "cycle"))
    rc, sc = _json(["scenarios", path], capsys)
    assert rc == 1 and sc["base"]["finish"] is None and sc["base"]["errors"]
    rc, text, _ = _run(["scenarios", path], capsys)
    assert rc == 1
    assert "Base (the plan itself): cannot be scheduled: " in text
    assert "same as base" not in text  # it had said so of scenarios it could not compare


# -- JSON: compact to a pipe, the same value indented -------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["analyze"],
        ["simulate", "-n", N],
        ["scenarios"],
        ["compare", "-n", N],
        ["coverage"],
    ],
)
def test_json_is_compact_to_a_pipe_and_the_same_value_indented(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    _, out, _ = _run([argv[0], path, *argv[1:], "--format", "json"], capsys)
    assert out.count("\n") == 1 and out.endswith("\n")
    _, indented, _ = _run([argv[0], path, *argv[1:], "--format", "json", "--indent"], capsys)
    assert indented.startswith("{\n  ")
    assert json.loads(out) == json.loads(indented)


def test_diff_json_is_compact_to_a_pipe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_write(hand_plan(), tmp_path, "hand"))
    _, out, _ = _run(["diff", path, path, "-n", "0", "--format", "json"], capsys)
    assert out.count("\n") == 1
    _, indented, _ = _run(["diff", path, path, "-n", "0", "--format", "json", "--indent"], capsys)
    assert json.loads(out) == json.loads(indented)


# -- simulate against analyze --------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_simulate_cpm_finish_and_stage_ends_say_what_analyze_says(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = analyze(load_plan(path))
    assert a.schedule is not None and a.stages is not None
    start = a.plan.start_date
    _, sim = _json(["simulate", str(path), "-n", N], capsys)
    assert sim["deterministic_finish_date"] == units.iso_date(start, a.schedule.finish)
    _, text, _ = _run(["simulate", str(path), "-n", N], capsys)
    cpm = next(ln for ln in text.splitlines() if "CPM plan" in ln)
    assert (
        f"week {units.format_weeks(a.schedule.finish):>6}  {units.format_date(units.week_to_date(start, a.schedule.finish))}"
        in cpm
    )
    # stage ends are by sequenced stage and say so, with the count of decisions `analyze` suggests moving
    moves = len(a.stages.suggested_moves)
    block = text[text.index("Stage ends") :]
    flat = " ".join(block.split())
    assert "by sequenced stage" in flat
    if moves:
        assert f": {moves} decision{'' if moves == 1 else 's'} wait" in flat
    else:
        assert "(on this plan, the stages assigned)" in flat


def test_simulate_stage_ends_are_the_sequenced_stage_ends(capsys: pytest.CaptureFixture[str]) -> None:
    # The fraud sample: 12 Integrate decisions wait for Operationalize work, so Integrate's sequenced work ends
    # at week 12 (its gated window, 8-12) while its rolling window (assigned decisions) runs 8-18.
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    _, text, _ = _run(["simulate", path, "-n", N], capsys)
    row = next(ln for ln in text.splitlines() if ln.startswith("  Integrate "))
    assert row.split()[1] == "12"
    assert "12 decisions wait for work of a later stage" in " ".join(text.split())


# -- analyze --baseline: the text says what the JSON says -----------------------------------------------------------
def test_analyze_baseline_text_gives_the_json_slips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hand-checked: the hand plan's base finishes at week 12 (29 Mar 2027), gates Validate 7, Integrate 12.
    Baselined, then b takes 6 weeks instead of 4: a 0-3, b 3-9, c 9-14 -> finish 14 (12 Apr 2027), 2 weeks later;
    Validate's window ends at 9 (was 7), Integrate's at 14 (was 12); every gate 2 weeks later; b and c slip."""
    plan = plan_from_dict(hand_plan())
    a = analyze(plan)
    assert a.schedule is not None
    plan.baselines.append(make_baseline(a.schedule, "Kick-off", stages=a.stages))
    next(d for d in plan.decisions if d.id == "b").duration = 6.0
    path = tmp_path / "slipped.plan.json"
    save_plan(plan, path)
    _, js = _json(["analyze", str(path), "--baseline", "latest"], capsys)
    b = js["baseline"]
    assert (b["baseline_finish"], b["finish"], b["finish_slip"]) == (12.0, 14.0, 2.0)
    _, text, _ = _run(["analyze", str(path), "--baseline", "latest"], capsys)
    assert "Against baseline 'Kick-off'" in text
    assert "  Finish in the baseline:  week 12 (29 Mar 2027)\n" in text
    assert "  Finish now:              week 14 (12 Apr 2027), 2 weeks later\n" in text
    rows = {
        ln.split()[0]: ln.split()[1:]
        for ln in text[text.index("Against baseline") : text.index("Critical path")].splitlines()
        if re.match(r"  (Validate|Integrate) ", ln)
    }
    assert rows["Validate"] == ["7", "9", "+2", "7", "9", "+2"]
    assert rows["Integrate"] == ["12", "14", "+2", "12", "14", "+2"]
    for stage in b["stages"]:
        assert stage["gate_slip"] == 2.0
    assert "  2 decisions finish later than in the baseline, 0 earlier" in text
    # without --baseline, no such block
    _, text, _ = _run(["analyze", str(path)], capsys)
    assert "Against baseline" not in text


# -- the report's comparison is `planner compare`'s ----------------------------------------------------------------
def test_report_comparison_gives_the_p50_of_planner_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    path = str(_write(hand_plan(), tmp_path, "hand"))
    _, cmp = _json(["compare", path, "--scenarios", "Base,Fast b"], capsys)
    assert cmp["iterations"] == 5000  # compare's default, also the report's without --simulate
    out = tmp_path / "r.pdf"
    rc, _, _ = _run(
        ["report", path, "-o", str(out), "--scenarios", "Fast b", "--sections", "comparison", "-q"], capsys
    )
    assert rc == 0
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(out).pages).split())
    assert "5,000 Monte Carlo iterations" in text
    for item in cmp["scenarios"]:
        assert f"wk {units.format_weeks(item['p50'])}" in text, item["p50"]


# -- coverage: go-live and lateness in weeks and dates by the one rule ----------------------------------------------
def test_coverage_gives_go_live_and_lateness_with_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hand-checked: a (Validate, 3 weeks) -> b (Scale, 4 weeks, cites Art. 72); the plan starts 4 Jan 2027.
    Go-live is the start of the Scale stage, week 3 (25 Jan 2027); Art. 72 applies from 2 Aug 2026, before the
    plan starts, so it is due at go-live; b covers it at its finish, week 7 (22 Feb 2027): late."""
    from tests.conftest import build_plan

    plan = build_plan(
        [
            {"id": "a", "duration": 3},
            {"id": "b", "duration": 4, "stage": "scale", "references": ["EU AI Act Art. 72"]},
        ],
        [("a", "b")],
        start_date="2027-01-04",
        ai_system={"role": "provider", "risk_tier": "high-risk"},
    )
    path = tmp_path / "late.plan.json"
    save_plan(plan, path)
    _, a = _json(["analyze", str(path)], capsys)
    scale = next(s for s in a["stages"] if s["id"] == "scale")
    assert (scale["start"], scale["start_date"]) == (3.0, "2027-01-25")
    _, cov = _json(["coverage", str(path), "--framework", "euaiact"], capsys)
    assert (cov["go_live_week"], cov["go_live_date"]) == (3.0, "2027-01-25")
    late = next(x for x in cov["late"] if x["id"] == "Art. 72")
    assert (late["due_week"], late["covered_by_week"]) == (3.0, 7.0)
    _, text, _ = _run(["coverage", str(path), "--framework", "euaiact"], capsys)
    assert "go-live week 3 (25 Jan 2027), the start of the Scale stage" in " ".join(text.split())
    message = next(f["message"] for f in cov["findings"] if f["code"] == "obligation-late")
    assert "is first covered at week 7 (22 Feb 2027), after it is due at week 3 (25 Jan 2027)" in message
    assert "2027-02-22" not in message  # prose dates, not ISO


def test_text_numbers_never_read_as_exponents_or_minus_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A risk of probability 0.00001 was 'p=1e-05' in simulate's text, a lag of 0.00001 weeks 'lag 1e-05' in
    diff's; a correlation of -0.001 would read '-0.00'."""
    data = hand_plan()
    data["risks"] = [{"id": "r", "title": "Rare", "probability": 0.00001, "impact": 1, "decisions": ["b"]}]
    a = _write(data, tmp_path, "a")
    data["dependencies"][0]["lag"] = 0.00001
    b = _write(data, tmp_path, "b")
    _, sim, _ = _run(["simulate", str(a), "-n", N], capsys)
    _, diff, _ = _run(["diff", str(a), str(b), "-n", "0"], capsys)
    assert "p=0.00001" in sim and "lag 0 -> 0.00001" in diff
    for text in (sim, diff):
        assert not re.search(r"\de-\d|-0\.00\b|(?<![\w.])-0(?![\w.])|nan|inf\b", text), text


# -- every unusual shape: check, simulate, scenarios, compare and diff say what analyze says ------------------------
def _with_a_scenario(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with one scenario that doubles its first decision's likely duration (when it has one)."""
    if data.get("decisions"):
        d = data["decisions"][0]
        dur = d.get("duration", 1)
        likely = dur["likely"] if isinstance(dur, dict) else dur
        if not d.get("milestone"):
            data["scenarios"] = [
                {"name": "Slower first", "decisions": {d["id"]: {"duration": 2 * likely + 1}}}
            ]
    return data


@pytest.mark.parametrize("name", SMALL_SHAPES)
def test_every_command_agrees_with_analyze_on_unusual_plans(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_write(_with_a_scenario(shape(name)), tmp_path, name))
    rc, a = _json(["analyze", path], capsys)
    rc_check, c = _json(["check", path], capsys)
    assert (rc_check, c["findings"]) == (rc, a["findings"])
    if a["finish"] is None:
        return
    _, sim = _json(["simulate", path, "-n", N], capsys)
    assert sim.get("deterministic_finish_date") == a["finish_date"]
    _, d = _json(["diff", path, path, "-n", "0"], capsys)
    for x in d["comparison"]["scenarios"]:
        assert (x["finish"], x["gated_finish"], x["finish_date"]) == (
            a["finish"],
            a["gated_finish"],
            a["finish_date"],
        )
        assert [g["gate"] for g in x["stages"]] == [g["gate"] for g in a["stages"]]
    if not load_plan(path).scenarios:  # an empty plan or one of milestones only has none
        return
    _, sc = _json(["scenarios", path], capsys)
    _, cmp = _json(["compare", path, "-n", "0"], capsys)
    for row, item in zip(sc["scenarios"], cmp["scenarios"][1:], strict=True):
        _, one = _json(["analyze", path, "--scenario", row["name"]], capsys)
        assert row["finish"] == item["finish"] == one["finish"]
        assert item["gated_finish"] == one["gated_finish"] and sorted(item["critical"]) == sorted(
            one["critical"]
        )
        assert row["delta"] == pytest.approx(one["finish"] - a["finish"])


def test_check_warns_of_what_scenarios_warns_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each override `planner scenarios` lists as skipped is a scenario-unknown-reference warning of check (and of
    analyze, the app and the report, which list the same findings)."""
    data = hand_plan()
    data["scenarios"][0]["decisions"]["zz"] = {"duration": 1}
    data["scenarios"][1]["drop_decisions"] = ["nope"]
    data["scenarios"][2]["add_decisions"] = [{"id": "a", "title": "Again", "stage": "validate"}]
    path = str(_write(data, tmp_path, "unknown"))
    _, c = _json(["check", path], capsys)
    found = [(f["code"], f["message"]) for f in c["findings"] if f["code"].startswith("scenario-")]
    assert found == [
        (
            "scenario-unknown-reference",
            "Scenario 'Fast b' overrides unknown decision 'zz'. That change is skipped; correct the id or remove "
            "it from the scenario.",
        ),
        (
            "scenario-unknown-reference",
            "Scenario 'Parallel c' drops unknown decision 'nope'. That change is skipped; correct the id or "
            "remove it from the scenario.",
        ),
        (
            "scenario-duplicate-id",
            "Scenario 'Same' adds decision 'a', which the base plan already has. Give the added decision another id.",
        ),
    ]
    _, sc = _json(["scenarios", path], capsys)
    assert sum(len(r["problems"]) for r in sc["scenarios"]) == len(found)
    _, a = _json(["analyze", path], capsys)
    assert a["findings"] == c["findings"]
    # the text says which changes are skipped; the clashing decision is added, and breaks its scenario
    _, text, _ = _run(["scenarios", path], capsys)
    assert "overrides unknown decision 'zz' (skipped)" in text
    assert "which the base plan already has (added anyway: two decisions then share the id" in text


def test_a_mistyped_command_is_named_with_the_nearest_one(capsys: pytest.CaptureFixture[str]) -> None:
    # `planner analyse plan.json` had been `planner open analyse plan.json`: "unrecognized arguments"
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    rc, out, err = _run(["analyse", path], capsys)
    assert (rc, out) == (2, "")
    assert err == (
        "planner: unknown command 'analyse'; did you mean 'analyze'? (`planner --help` lists the commands; "
        "`planner FILE` opens a plan file in the app)\n"
    )
    rc, _, err = _run(["simulat"], capsys)
    assert rc == 2 and "did you mean 'simulate'?" in err


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), n=st.integers(1, 12), factor=st.sampled_from([0.5, 2.0, 3.0]))
def test_commands_agree_on_random_plans_with_a_scenario(
    seed: int, n: int, factor: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """Random plans (every link type, leads and lags, three-point estimates, not_before, stage inversions) with a
    scenario that scales one decision's duration: check and analyze list the same findings; scenarios, compare and
    analyze --scenario give the same finish, gated finish and critical set; diff of the plan with itself gives
    analyze's figures."""
    data = random_plan(seed, n)
    target = data["decisions"][seed % n]
    if not target.get("milestone"):
        dur = target.get("duration", 1)
        likely = dur["likely"] if isinstance(dur, dict) else dur
        data["scenarios"] = [{"name": "Scaled", "decisions": {target["id"]: {"duration": likely * factor}}}]
    with tempfile.TemporaryDirectory() as tmp:
        path = str(_write(data, Path(tmp), "random"))
        rc, a = _json(["analyze", path], capsys)
        rc_check, c = _json(["check", path], capsys)
        assert (rc_check, c["findings"]) == (rc, a["findings"])
        if a["finish"] is None:
            return
        _, d = _json(["diff", path, path, "-n", "0"], capsys)
        x = d["comparison"]["scenarios"][1]
        assert (x["finish"], x["gated_finish"], x["gating_price"]) == (
            a["finish"],
            a["gated_finish"],
            a["gating_price"],
        )
        if not data.get("scenarios"):
            return
        _, sc = _json(["scenarios", path], capsys)
        _, cmp = _json(["compare", path, "-n", "0"], capsys)
        _, one = _json(["analyze", path, "--scenario", "Scaled"], capsys)
        item = cmp["scenarios"][1]
        assert sc["scenarios"][0]["finish"] == item["finish"] == one["finish"]
        assert sc["scenarios"][0]["finish_date"] == item["finish_date"] == one["finish_date"]
        assert (item["gated_finish"], item["gating_price"]) == (one["gated_finish"], one["gating_price"])
        assert sorted(item["critical"]) == sorted(one["critical"])
        assert item["delta"]["finish"] == pytest.approx(one["finish"] - a["finish"])


def test_text_to_a_console_that_cannot_write_every_character(tmp_path: Path) -> None:
    """On an ASCII console (PYTHONIOENCODING=ascii; old Windows code pages) a curly quote or a dash in the output
    stopped `planner scenarios` half-way with an internal error (UnicodeEncodeError); it is written as '?'."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    for argv in (["scenarios", path], ["analyze", path, "--scenario", "Buy the feature store"]):
        r = subprocess.run(
            [sys.executable, "-m", "planner", *argv], capture_output=True, env=env, timeout=120, cwd=tmp_path
        )
        assert r.returncode == 0 and b"internal error" not in r.stderr, r.stderr
        assert r.stdout.decode("ascii")  # every byte ASCII: what the console can show
    r = subprocess.run(
        [sys.executable, "-m", "planner", "scenarios", path], capture_output=True, env=env, timeout=120
    )
    # (names are quoted with straight quotes since session 27; the three-point estimate's en dashes remain)
    assert b"'Stand up an online/offline feature store' takes 1?1.5?3 weeks" in r.stdout


@pytest.mark.parametrize(
    "extra",
    [["--status-date", "2027-06-01"], ["--status-date", "10"], ["--scenario", "Buy the feature store"]],
)
def test_check_takes_the_status_date_and_scenario_analyze_takes(
    extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(ROOT / "sample_plans" / "fraud-detection.plan.json")
    rc_a, a = _json(["analyze", path, *extra], capsys)
    rc_c, c = _json(["check", path, *extra], capsys)
    assert (rc_c, c["findings"]) == (rc_a, a["findings"])
    _, plain = _json(["check", path], capsys)
    if extra[0] == "--status-date":  # work not done by then is late: findings the plan alone does not have
        assert any(f["code"] in ("late-start", "late-finish") for f in c["findings"])
        assert not any(f["code"] in ("late-start", "late-finish") for f in plain["findings"])


def test_scenarios_of_an_unschedulable_plan_without_scenarios_says_why_it_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.model import save_plan
    from tests.conftest import build_plan

    path = tmp_path / "loop.plan.json"
    save_plan(
        build_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 2}], [("a", "b"), ("b", "a")]), path
    )
    rc, out, _ = _run(["scenarios", str(path)], capsys)
    assert rc == 1 and "no scenarios" in out
    assert "The plan itself cannot be scheduled: Dependency cycle: a -> b -> a" in out
