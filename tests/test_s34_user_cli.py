"""A new user's first hours with the command line, from the README (H-user34). Each case failed before its fix:

- a date written the way a spreadsheet or a country writes it (05/12/2026, 12/31/2027, 4 Jan 2027) in the plan
  file or an option was refused in pydantic's words ("invalid character in year"): the message now gives the
  day(s) it may mean in the form the file takes (both readings when day-first and month-first differ);
- `planner new -o -` wrote a file named '-' (merge's `-o -` is standard output);
- `planner analyze --level-time-limit` without `--level-method exact`, and `planner report --iterations/--seed`
  without `--simulate`, were dropped without a word: the user asked for something and did not get it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main

FRAUD = Path(__file__).resolve().parent.parent / "sample_plans" / "fraud-detection.plan.json"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def plan_with(tmp_path: Path, **fields: Any) -> Path:
    data = json.loads(FRAUD.read_text(encoding="utf-8"))
    decision_fields = fields.pop("first_decision", {})
    data.update(fields)
    data["decisions"][0].update(decision_fields)
    path = tmp_path / "hand edited.plan.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


# -- dates in the plan file ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fields", "where", "says"),
    [
        # day first or month first: only the author knows, so both are offered
        (
            {"start_date": "05/12/2026"},
            "at start_date: ",
            ['(got "05/12/2026")', "2026-12-05 for 5 Dec 2026", "2026-05-12 for 12 May 2026"],
        ),
        # only one reading is a day of the calendar; a target may be weeks too
        (
            {"target": "12/31/2027"},
            "at target: ",
            ["2027-12-31 for 31 Dec 2027", "or weeks from the plan start"],
        ),
        ({"status_date": "2027/06/01"}, "at status_date: ", ["2027-06-01 for 1 Jun 2027"]),
        ({"start_date": "4 Jan 2027"}, "at start_date: ", ["2027-01-04 for 4 Jan 2027"]),
        ({"start_date": "next monday"}, "at start_date: ", ["valid date", "write it as YYYY-MM-DD"]),
        (
            {"first_decision": {"actual_start": "2027-02-30"}},
            ".actual_start: ",
            ["the calendar has no such day", "or weeks from the plan start"],
        ),
    ],
)
def test_a_date_in_another_form_is_answered_with_the_dates_it_may_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, Any], where: str, says: list[str]
) -> None:
    path = plan_with(tmp_path, **fields)
    code, out, err = run(["check", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"planner: {path}: ") and where in err, err
    for words in says:
        assert words in err, err
    assert "invalid character" not in err and "Input should be" not in err  # pydantic's words, not the user's
    assert "Traceback" not in err


# -- dates in options --------------------------------------------------------------------------------------------
def test_start_date_option_in_day_first_form_gives_both_readings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), "--start-date", "04/01/2027"], capsys)
    assert code == 2
    assert err == (
        "planner: --start-date '04/01/2027': write the date as YYYY-MM-DD (2027-01-04 for 4 Jan 2027 or "
        "2027-04-01 for 1 Apr 2027)\n"
    )
    assert not out.exists()


def test_status_date_and_by_in_day_first_form_give_the_readings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = plan_with(tmp_path)  # the fraud sample has a start date
    code, _, err = run(["analyze", str(path), "--status-date", "01/06/2027"], capsys)
    assert code == 2
    assert "2027-06-01 for 1 Jun 2027 or 2027-01-06 for 6 Jan 2027" in err
    code, _, err = run(["simulate", str(path), "-n", "10", "--by", "30/09/2027"], capsys)
    assert code == 2
    assert "--by: " in err and "2027-09-30 for 30 Sep 2027" in err


# -- planner new -o - ---------------------------------------------------------------------------------------------
def test_new_with_output_dash_prints_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["new", "blank", "-o", "-"], capsys)
    assert code == 0
    assert json.loads(out)["schema_version"] == 1
    assert not (tmp_path / "-").exists()


# -- options that did nothing ----------------------------------------------------------------------------------
@pytest.mark.parametrize("extra", [[], ["--level"], ["--level-method", "heuristic"]])
def test_a_level_time_limit_without_the_exact_method_is_refused(
    capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    code, out, err = run(["analyze", str(FRAUD), "--level-time-limit", "5", *extra], capsys)
    assert code == 2
    assert out == ""
    assert "--level-time-limit 5: only --level-method exact" in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--iterations", "200"], "--iterations 200: only --simulate runs iterations"),
        (["--seed", "3"], "--seed 3: nothing is simulated without --simulate"),
        (["--scenarios", "Buy the feature store", "--iterations", "200"], "uses `planner compare`'s 5000"),
    ],
)
def test_report_simulation_options_without_simulate_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = run(["report", str(FRAUD), "-o", str(out), "-q", *argv], capsys)
    assert code == 2
    assert says in err
    assert not out.exists()


def test_report_seed_with_scenarios_is_still_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    argv = ["report", str(FRAUD), "-o", str(out), "-q", "--sections", "cover"]
    code, _, err = run([*argv, "--scenarios", "Buy the feature store", "--seed", "4"], capsys)
    assert code == 0, err
    assert out.stat().st_size > 0


# -- other load errors in the user's words -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"stages": []}, "at stages: the list is empty; a plan needs at least one stage"),
        ({"title": ""}, 'at title: the text is empty (got ""); write the title'),
    ],
)
def test_an_empty_list_or_text_says_what_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, Any], says: str
) -> None:
    code, _, err = run(["check", str(plan_with(tmp_path, **fields))], capsys)
    assert code == 2
    assert says in err
    assert "should have at least" not in err


def test_a_probability_written_in_percent_says_the_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(FRAUD.read_text(encoding="utf-8"))
    data["risks"][0]["probability"] = 30
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert ".probability: " in err and "write 0.3 for 30 %" in err


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        (b"[]\n", "`planner new -o FILE` writes one to start from"),
        ('{"schema_version": 1, "title": "Caf\u00e9"}'.encode("latin-1"), "Save it as UTF-8"),
    ],
)
def test_a_file_that_is_not_a_plan_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, hint: str
) -> None:
    path = tmp_path / "p.plan.json"
    path.write_bytes(raw)
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert hint in err


# -- scenarios written by hand -----------------------------------------------------------------------------------
def _fraud_with_scenario(tmp_path: Path, **changes: Any) -> Path:
    data = json.loads(FRAUD.read_text(encoding="utf-8"))
    data["scenarios"][0].update(changes)
    path = tmp_path / "s.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_scenario_field_no_override_takes_says_what_a_scenario_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it said "unknown field (did you mean 'title'?" for the field 'title': the suggestion came from a decision's
    # fields, not an override's
    first = json.loads(FRAUD.read_text(encoding="utf-8"))["decisions"][0]["id"]
    path = _fraud_with_scenario(tmp_path, decisions={first: {"title": "Renamed"}})
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert f"at scenarios[0].decisions.{first}.title: a scenario cannot change a decision's title" in err
    assert "duration, stage, owner, headcount, not_before and cost" in err
    assert "did you mean 'title'" not in err
    path = _fraud_with_scenario(tmp_path, decisions={first: {"durtion": 2}})
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2 and "durtion: unknown field (did you mean 'duration'?" in err


def test_a_scenario_override_of_a_typod_id_names_the_id_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads(FRAUD.read_text(encoding="utf-8"))["decisions"][0]["id"]
    typo = first[:-1] + "x" + first[-1]
    path = _fraud_with_scenario(tmp_path, decisions={typo: {"duration": 2}})
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 0  # a warning: the change is skipped
    assert f"overrides unknown decision '{typo}', perhaps a typo for '{first}'. That change is skipped" in out
    code, out, _ = run(["scenarios", str(path)], capsys)
    assert f"overrides unknown decision '{typo}', perhaps a typo for '{first}' (skipped)" in out


# -- install-desktop -------------------------------------------------------------------------------------------
def test_install_desktop_over_a_file_where_a_folder_must_be_installs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a file 'icons' in the data folder: the desktop entry was written, then the icons failed with "Not a
    # directory", and the entry stayed, in no manifest, so that --uninstall did not remove it
    home = tmp_path / "data"
    home.mkdir()
    (home / "icons").write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    code, _, err = run(["install-desktop"], capsys)
    assert code == 2
    assert f"{home / 'icons'} is a file, where a folder must be" in err
    assert "nothing was installed" in err
    assert sorted(p.name for p in home.rglob("*")) == ["icons"]
    # XDG_DATA_HOME itself a file: said so, not "File exists"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "icons"))
    code, _, err = run(["install-desktop"], capsys)
    assert code == 2 and "is a file, where a folder must be" in err and "File exists" not in err


# -- screenshot ----------------------------------------------------------------------------------------------------
def test_screenshot_select_of_a_typod_id_names_the_file_and_the_id_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads(FRAUD.read_text(encoding="utf-8"))["decisions"][0]["id"]
    out = tmp_path / "s.png"
    code, _, err = run(["screenshot", str(FRAUD), "-o", str(out), "--select", first + "x"], capsys)
    assert code == 2
    assert err.startswith(
        f"planner: {FRAUD}: --select '{first}x': no decision has this id; did you mean '{first}'"
    )
    assert not out.exists()


def test_screenshot_step_of_another_view_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it rendered the graph and dropped the step without a word
    out = tmp_path / "s.png"
    code, _, err = run(["screenshot", str(FRAUD), "-o", str(out), "--view", "graph", "--step", "2"], capsys)
    assert code == 2
    assert "--step 2: only the presentation view has steps" in err
    assert not out.exists()


def test_screenshot_step_alone_shows_the_presentation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def render(plan: Any, path: str, output: str, **options: Any) -> None:
        seen.update(options)
        Path(output).write_bytes(b"png")

    import planner.ui.screenshot

    monkeypatch.setattr(planner.ui.screenshot, "render", render)
    code, _, err = run(["screenshot", str(FRAUD), "-o", str(tmp_path / "s.png"), "--step", "1"], capsys)
    assert code == 0, err
    assert (seen["view"], seen["step"]) == ("presentation", 1)
    code, _, err = run(["screenshot", str(FRAUD), "-o", str(tmp_path / "t.png")], capsys)
    assert code == 0, err
    assert (seen["view"], seen["step"]) == ("window", 0)


# -- standard input in the text --------------------------------------------------------------------------------
def test_a_plan_read_from_standard_input_is_called_so_in_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `git show HEAD:p.plan.json | planner diff - p.plan.json` said "Changes from - to p.plan.json" and headed a
    # column "-", the tables' mark for "no figure" ("vs -" under every row); check said "-: 0 errors"
    import io
    import sys

    class Piped(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    def pipe() -> None:
        monkeypatch.setattr(sys, "stdin", Piped(io.BytesIO(FRAUD.read_bytes()), encoding="utf-8"))

    pipe()
    code, out, err = run(["diff", "-", str(FRAUD), "-n", "0"], capsys)
    assert code == 0, err
    assert out.startswith(f"Changes from standard input to {FRAUD}\n")
    assert "vs standard input" in out and "vs -" not in out
    pipe()
    code, out, err = run(["check", "-"], capsys)
    assert out.startswith("standard input: 0 errors")
    pipe()
    code, out, _ = run(["diff", "-", str(FRAUD), "-n", "0", "--format", "json"], capsys)
    assert json.loads(out)["a"] == "-"  # JSON keeps the path as given


@pytest.mark.parametrize(
    ("version", "says"), [(None, "is null"), (-1, "not a valid version"), ("1", "whole number")]
)
def test_a_wrong_schema_version_says_what_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: Any, says: str
) -> None:
    code, _, err = run(["check", str(plan_with(tmp_path, schema_version=version))], capsys)
    assert code == 2
    assert "at schema_version: " in err and says in err
    assert 'Write "schema_version": 1' in err
