"""The command line (SPEC §4): check, analyze, new, templates, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model import dump_plan, load_plan

# SPEC §4's keys, with ISO dates beside the week figures (SPEC §3.3a) and the gate of the gated schedule.
TOP_KEYS = [
    "title",
    "unit",
    "estimate",
    "status_date",
    "status_week",
    "status_date_iso",
    "start_date",
    "finish",
    "finish_date",
    "gated_finish",
    "gated_finish_date",
    "gating_price",
    "critical",
    "critical_path",
    "critical_chains",
    "decisions",
    "stages",
    "stage_inversions",
    "teams",  # team load per team (SPEC §3.4), [] without teams or a schedule
    "findings",
]
DECISION_KEYS = [
    "id",
    "stage",
    "sequenced_stage",
    "duration",
    "es",
    "ef",
    "ls",
    "lf",
    "total_float",
    "free_float",
    "critical",
    "start_date",
    "finish_date",
    "state",
    "remaining",
    "actual_start",
    "actual_finish",
    "actual_start_date",
    "actual_finish_date",
]
STAGE_KEYS = [
    "id",
    "start",
    "finish",
    "gated_start",
    "gated_finish",
    "gate",
    "start_date",
    "finish_date",
    "gated_start_date",
    "gated_finish_date",
    "gate_date",
    "criteria_met",
    "criteria_total",
    "done_share",
]
FINDING_KEYS = ["severity", "code", "message", "decisions"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def write_plan(tmp_path: Path, make_plan):
    def write(*args: Any, name: str = "plan.plan.json", **kwargs: Any) -> Path:
        path = tmp_path / name
        path.write_text(dump_plan(make_plan(*args, **kwargs)), encoding="utf-8")
        return path

    return write


@pytest.fixture
def overlap_file(write_plan) -> Path:
    # a(validate, 3) -> b(integrate, 2); c(validate, 4); d(integrate, 1); x(integrate, 1) -> y(validate, 1).
    # Rolling: a 0-3, b 3-5, c 0-4, d 0-1, x 0-1, y 1-2; T = 5; critical: a, b.
    # Sequenced: y moves to integrate.  Gated: Gate_0 = max EF of a, c = 4; b 4-6, d 4-5, x 4-5, y 5-6 -> 6.
    return write_plan(
        [
            {"id": "a", "duration": 3, "stage": "validate"},
            {"id": "b", "duration": 2, "stage": "integrate"},
            {"id": "c", "duration": 4, "stage": "validate"},
            {"id": "d", "duration": 1, "stage": "integrate"},
            {"id": "x", "duration": 1, "stage": "integrate"},
            {"id": "y", "duration": 1, "stage": "validate"},
        ],
        [("a", "b"), ("x", "y")],
        stages=("validate", "integrate"),
        title="Overlap",
        start_date="2027-01-04",
    )


# -- analyze ---------------------------------------------------------------------------------------------------
def test_analyze_json_has_exactly_the_spec_keys(overlap_file: Path, capsys) -> None:
    code, out, err = run(["analyze", str(overlap_file), "--format", "json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == TOP_KEYS
    assert all(list(d) == DECISION_KEYS for d in data["decisions"])
    assert all(list(s) == STAGE_KEYS for s in data["stages"])
    assert all(list(f) == FINDING_KEYS for f in data["findings"])
    assert data["stage_inversions"] == [{"from": "x", "to": "y"}]
    assert (data["title"], data["unit"], data["estimate"]) == ("Overlap", "week", "likely")
    assert (data["finish"], data["gated_finish"]) == (5.0, 6.0)
    assert data["critical"] == data["critical_path"] == ["a", "b"]
    rows = {d["id"]: d for d in data["decisions"]}
    assert rows["b"] == {
        "id": "b",
        "stage": "integrate",
        "sequenced_stage": "integrate",
        "duration": 2.0,
        "es": 3.0,
        "ef": 5.0,
        "ls": 3.0,
        "lf": 5.0,
        "total_float": 0.0,
        "free_float": 0.0,
        "critical": True,
        "start_date": "2027-01-25",
        "finish_date": "2027-02-08",
        "state": "not_started",
        "remaining": 2.0,
        "actual_start": None,
        "actual_finish": None,
        "actual_start_date": None,
        "actual_finish_date": None,
    }
    assert (data["start_date"], data["finish_date"], data["gated_finish_date"]) == (
        "2027-01-04",
        "2027-02-08",
        "2027-02-15",
    )
    assert (rows["y"]["stage"], rows["y"]["sequenced_stage"]) == ("validate", "integrate")
    assert data["stages"][1] == {
        "id": "integrate",
        "start": 0.0,
        "finish": 5.0,
        "gated_start": 4.0,
        "gated_finish": 6.0,
        "gate": 6.0,
        "start_date": "2027-01-04",
        "finish_date": "2027-02-08",
        "gated_start_date": "2027-02-01",
        "gated_finish_date": "2027-02-15",
        "gate_date": "2027-02-15",
        "criteria_met": 0,
        "criteria_total": 0,
        "done_share": 0.0,
    }
    assert [f["code"] for f in data["findings"] if f["severity"] != "info"] == ["stage-inversion"]


@pytest.mark.parametrize(
    ("estimate", "finish"), [("optimistic", 2), ("likely", 4), ("pessimistic", 9), ("pert", 4.5)]
)
def test_analyze_estimate(write_plan, capsys, estimate: str, finish: float) -> None:
    # One decision of 2 / 4 / 9 weeks: PERT = (2 + 16 + 9) / 6 = 4.5.
    path = write_plan([{"id": "a", "duration": {"optimistic": 2, "likely": 4, "pessimistic": 9}}])
    code, out, _ = run(["analyze", str(path), "--format", "json", "--estimate", estimate], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["estimate"], data["finish"]) == (estimate, finish)


def test_analyze_text_shows_the_critical_path_and_dates(overlap_file: Path, capsys) -> None:
    code, out, err = run(["analyze", str(overlap_file)], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Overlap\n=======\n")
    assert "plan starts 4 Jan 2027" in out
    assert "Finish (rolling stages):   week 5 (8 Feb 2027)" in out
    assert "Finish (strict gates):     week 6 (15 Feb 2027)" in out
    assert "Price of strict gates:     1 week\n" in out
    assert "Critical path\n-------------\n" in out
    assert "   1. A (a)  weeks 0-3, 4 Jan 2027 to 25 Jan 2027" in out
    assert "   2. B (b)  weeks 3-5, 25 Jan 2027 to 8 Feb 2027" in out
    assert "Y (y): Validate -> Integrate" in out
    assert "[stage-inversion]" in out


def test_analyze_text_without_a_start_date_shows_weeks_only(write_plan, capsys) -> None:
    path = write_plan([{"id": "a", "duration": 3}])
    code, out, _ = run(["analyze", str(path)], capsys)
    assert code == 0
    assert "   1. A (a)  weeks 0-3\n" in out
    assert "Finish (rolling stages):   week 3\n" in out
    assert "20" not in out.split("Critical path")[1].split("Stages")[0]


def test_analyze_empty_plan(write_plan, capsys) -> None:
    path = write_plan()
    code, out, _ = run(["analyze", str(path)], capsys)
    assert code == 0
    assert "(empty plan)" in out
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert (data["finish"], data["critical_path"], data["decisions"]) == (0.0, [], [])


def test_analyze_with_errors_prints_findings_and_exits_1(write_plan, capsys) -> None:
    path = write_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")])
    code, out, err = run(["analyze", str(path)], capsys)
    assert (code, err) == (1, "")
    assert "No schedule: the plan has errors" in out
    assert "ERROR   [cycle] Dependency cycle: a -> b -> a." in out
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert list(data) == TOP_KEYS
    assert data["finish"] is None
    assert data["findings"][0]["code"] == "cycle"


# -- check -----------------------------------------------------------------------------------------------------
def test_check_clean_plan(write_plan, capsys) -> None:
    path = write_plan([{"id": "a", "owner": "t"}], stages=("validate",), teams=[{"id": "t", "name": "T"}])
    code, out, err = run(["check", str(path)], capsys)
    assert (code, err) == (0, "")
    assert out == f"{path}: 0 errors, 0 warnings, 0 notes\nNo findings: the plan is consistent.\n"


def test_check_warnings_only_exit_0(write_plan, capsys) -> None:
    path = write_plan([{"id": "a", "stage": "integrate"}, {"id": "b"}], [("a", "b")])
    code, out, _ = run(["check", str(path), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["file"] == str(path)
    assert "stage-inversion" in [f["code"] for f in data["findings"]]


RING = [f"r{k:02d}" for k in range(50)]

VALIDATION_ERRORS = {
    "duplicate-id": ([{"id": "a"}, {"id": "a"}], [], "2 decisions share the id 'a'"),
    "unknown-dependency": ([{"id": "a"}], [("a", "ghost")], "names 'ghost', which is not a decision"),
    "unknown-stage": (
        [{"id": "a", "stage": "pilot"}],
        [],
        "is in stage 'pilot', which the plan does not define",
    ),
    "unknown-area": (
        [{"id": "a", "area": "magic"}],
        [],
        "is in area 'magic', which the plan does not define",
    ),
    "unknown-owner": ([{"id": "a", "owner": "nobody"}], [], "is owned by team 'nobody'"),
    "self-dependency": ([{"id": "a"}], [("a", "a")], "'A' (a) depends on itself"),
    "long-cycle": (
        [{"id": i} for i in RING],
        [(RING[k], RING[(k + 1) % 50]) for k in range(50)],
        "Dependency cycle: " + " -> ".join([*RING, RING[0]]) + ".",
    ),
    "milestone-duration": (
        [{"id": "m", "milestone": True, "duration": 3}],
        [],
        "is a milestone but has a duration",
    ),
}


@pytest.mark.parametrize("case", VALIDATION_ERRORS, ids=list(VALIDATION_ERRORS))
def test_check_validation_errors_exit_1(write_plan, capsys, case: str) -> None:
    decisions, deps, words = VALIDATION_ERRORS[case]
    path = write_plan(decisions, deps)
    code, out, err = run(["check", str(path)], capsys)
    assert (code, err) == (1, "")
    assert words in out
    assert "ERROR" in out
    code, out, _ = run(["check", str(path), "--format", "json"], capsys)
    assert code == 1
    assert any(words in f["message"] for f in json.loads(out)["findings"] if f["severity"] == "error")


def test_check_unreadable_file_exits_2(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.plan.json"
    path.write_text("{", encoding="utf-8")
    code, out, err = run(["check", str(path)], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"planner: {path}:1:2: the file ends unexpectedly")


# -- new and templates -----------------------------------------------------------------------------------------
def test_templates_lists_the_bundled_templates(capsys) -> None:
    code, out, err = run(["templates"], capsys)
    assert (code, err) == (0, "")
    names = [line.split()[0] for line in out.splitlines()]
    assert {"ai-scaling", "blank"} <= set(names)


def test_new_writes_a_loadable_plan_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    out_path = tmp_path / "roadmap.plan.json"
    code, out, err = run(["new", "-o", str(out_path), "--title", "Claims triage"], capsys)
    assert (code, out) == (0, "")
    assert err.startswith(f"Wrote {out_path} from template 'ai-scaling'")
    plan = load_plan(out_path)
    assert plan.title == "Claims triage"
    assert len(plan.decisions) > 0
    first = out_path.read_bytes()

    code, out, err = run(["new", "-o", str(out_path), "--template", "blank"], capsys)
    assert code == 2
    assert (
        err == f"planner: {out_path}: already exists; choose another name or pass --force to overwrite it\n"
    )
    assert out_path.read_bytes() == first

    code, _, _ = run(["new", "-o", str(out_path), "--template", "blank", "--force"], capsys)
    assert code == 0
    assert load_plan(out_path).decisions == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.plan.json"]


def test_new_to_stdout(capsys) -> None:
    code, out, _ = run(["new", "--template", "blank"], capsys)
    assert code == 0
    assert json.loads(out)["schema_version"] == 1


def test_new_unknown_template(tmp_path: Path, capsys) -> None:
    code, out, err = run(["new", "--template", "nope", "-o", str(tmp_path / "x.plan.json")], capsys)
    assert code == 2
    assert err.startswith("planner: unknown template 'nope'; choose one of: ")
    assert not (tmp_path / "x.plan.json").exists()


def test_new_into_a_missing_folder(tmp_path: Path, capsys) -> None:
    code, _, err = run(["new", "-o", str(tmp_path / "missing" / "x.plan.json")], capsys)
    assert code == 2
    assert err.startswith(f"planner: {tmp_path / 'missing' / 'x.plan.json'}: cannot write")


# -- misuse and the last line of defence -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["analyze", "x.plan.json", "--estimate", "median"],
        ["analyze", "x.plan.json", "--format", "yaml"],
        ["--no-such-option"],
    ],
)
def test_misuse_exits_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    _, err = capsys.readouterr()
    assert "usage: planner" in err and "error:" in err


def test_unexpected_errors_are_reported_without_a_traceback(overlap_file: Path, capsys, monkeypatch) -> None:
    import planner.analysis

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr(planner.analysis, "analyze", boom)
    code, out, err = run(["analyze", str(overlap_file)], capsys)
    assert code == 2
    assert err.startswith("planner: internal error: RuntimeError: something broke\n")
    assert "Traceback" not in err


# -- the installed console script --------------------------------------------------------------------------------
def console_script() -> list[str]:
    script = Path(sys.executable).with_name("planner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner.cli"]


def test_console_script_analyze(overlap_file: Path) -> None:
    proc = subprocess.run(
        [*console_script(), "analyze", str(overlap_file), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert list(json.loads(proc.stdout)) == TOP_KEYS


def test_console_script_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.plan.json"
    path.write_bytes(b'{"title": "Caf\xe9"}')
    proc = subprocess.run(
        [*console_script(), "check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"planner: {path}:1:15: is not UTF-8 text")
    assert "Traceback" not in proc.stderr
