"""A hostile read of this session's new command-line paths: `planner new --start-date`, the iCalendar export's
text, and load errors' '(got ...)'. Each case failed before its fix."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.io.icalendar import _escape, export_ics
from planner.model import load_plan, plan_from_dict


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- planner new --start-date --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["20270104", "2027-W01-1", "2027-004", "2027-1-4", "2027-01-04T00:00"])
def test_start_date_takes_only_yyyy_mm_dd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    # date.fromisoformat took 20270104 and 2027-W01-1 (ISO week) while the message and README say YYYY-MM-DD.
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), "--start-date", text], capsys)
    assert code == 2
    assert err == f"planner: --start-date {text!r}: write the date as YYYY-MM-DD (e.g. 2027-01-04)\n"
    assert not out.exists()


@pytest.mark.parametrize("text", ["2027-02-30", "2027-13-01", "0000-01-01"])
def test_a_day_not_in_the_calendar_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    # It was told to 'write the date as YYYY-MM-DD', which it was.
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), "--start-date", text], capsys)
    assert code == 2
    assert f"--start-date {text!r}: there is no such day in the calendar" in err
    assert not out.exists()


def test_start_date_with_spaces_round_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), "--start-date", " 2027-01-04 "], capsys)
    assert code == 0, err
    assert load_plan(out).start_date == dt.date(2027, 1, 4)


# -- iCalendar text ------------------------------------------------------------------------------------------
def test_ics_text_has_no_control_characters_and_unicode_line_breaks_are_breaks() -> None:
    # DEL (RFC 5545's CONTROL), C1 controls, U+2028/U+2029/NEL went into the file as they were: a reader that
    # splits lines on them (Python's str.splitlines does) cut the SUMMARY in two.
    assert _escape("a\u2028b\u2029c\x85d\x0be") == "a\\nb\\nc\\nd\\ne"
    assert _escape("x\x7fy\x9bz\x00w") == "xyzw"
    assert _escape("t\u00e9\U0001f600,;\\") == "t\u00e9\U0001f600\\,\\;\\\\"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_an_escaped_text_is_one_content_line_without_controls(text: str) -> None:
    out = _escape(text)
    assert out.splitlines() == ([out] if out else [])
    assert not any(c < " " and c != "\t" or "\x7f" <= c <= "\x9f" for c in out)


def test_a_title_full_of_separators_gives_one_summary_line_per_event() -> None:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "T",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [{"id": "a", "title": "one\u2028two\x7f, three; \\ four \U0001f600", "stage": "s"}],
        }
    )
    text = export_ics(plan, dt.datetime(2026, 12, 6, tzinfo=dt.UTC))
    unfolded = text.replace("\r\n ", "")
    summaries = [line for line in unfolded.splitlines() if line.startswith("SUMMARY:")]
    assert summaries[0] == "SUMMARY:one\\ntwo\\, three\\; \\\\ four \U0001f600"


# -- load errors say the value, null included ------------------------------------------------------------------
def test_a_null_where_a_number_belongs_says_got_null(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "title": "T",
                "stages": [{"id": "s", "name": "S"}],
                "decisions": [{"id": "a", "title": "A", "stage": "s", "progress": None}],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert "decisions[0] (id 'a').progress: Input should be a valid number (got null)" in err


# -- analyze --baseline: 'Longer than in the baseline' ----------------------------------------------------------
def test_a_growth_that_rounds_to_nothing_is_not_listed_as_plus_0_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.analysis import analyze
    from planner.analysis.baselines import make_baseline
    from planner.model import save_plan

    def plan(a: float, b: float) -> dict[str, object]:
        return {
            "schema_version": 1,
            "title": "Chain",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [
                {"id": "a", "title": "Alpha", "stage": "s", "duration": a},
                {"id": "b", "title": "Beta", "stage": "s", "duration": b},
            ],
        }

    before = plan_from_dict(plan(2.0, 3.0))
    result = analyze(before)
    assert result.schedule is not None
    baseline = make_baseline(result.schedule, "B0", stages=result.stages, plan=before)
    # Alpha 0.004 weeks longer (written 2, as every figure is: two decimals), Beta 0.5 weeks longer
    after = plan_from_dict(plan(2.004, 3.5)).model_copy(update={"baselines": [baseline]})
    path = tmp_path / "p.plan.json"
    save_plan(after, path)
    code, text, err = run(["analyze", str(path), "--baseline", "B0"], capsys)
    assert code == 0, err
    flat = " ".join(text.split())
    assert "Longer than in the baseline: Beta (b) +0.5 weeks" in flat
    assert "+0 weeks" not in flat and "Alpha (a)" not in flat


# -- check --strict says why it fails ---------------------------------------------------------------------------
def test_check_strict_says_that_the_warnings_fail_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A pre-commit hook failed with '0 errors, 1 warning, 0 notes' and exit 1: nothing said the warning failed it.
    from planner.model import save_plan

    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Inverted",
            "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "s2", "duration": 1},
                {"id": "b", "title": "B", "stage": "s1", "duration": 1},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
        }
    )
    path = tmp_path / "inv.plan.json"
    save_plan(plan, path)
    code, out, _ = run(["check", str(path), "--strict"], capsys)
    assert code == 1
    assert out.endswith("--strict: 1 warning fails the check; fix it, or leave --strict out\n")
    code, out, _ = run(["check", str(path), str(path), "--strict"], capsys)
    assert code == 1
    assert out.count("--strict: 1 warning fails the check") == 2  # in each file's block
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 0 and "--strict" not in out
    code, out, _ = run(["check", str(path), "--strict", "--format", "json"], capsys)
    assert code == 1 and json.loads(out)["findings"][0]["severity"] == "warning"


# -- a plan's own .xer export imports again whatever its text holds -------------------------------------------
def test_a_nul_in_a_note_does_not_make_the_xer_export_binary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The .xer was written with the NUL: its own import (and P6's) then refused it as 'a binary file'.
    from planner.model import save_plan

    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "T",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "s", "duration": 2, "notes": "before\x00after"},
                {"id": "b", "title": "B", "stage": "s", "duration": 1},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
        }
    )
    src, xer, back = tmp_path / "p.plan.json", tmp_path / "p.xer", tmp_path / "back.plan.json"
    save_plan(plan, src)
    code, _, err = run(["export", str(src), "-o", str(xer)], capsys)
    assert code == 0, err
    assert b"\x00" not in xer.read_bytes()
    code, _, err = run(["import", str(xer), "-o", str(back)], capsys)
    assert code == 0, err
    again = load_plan(back)
    # (the XER is in Windows-1252, what P6 and MPXJ read it in: the NUL, made U+FFFD, is written as '?')
    assert [d.notes for d in again.decisions] == ["before?after", ""]
    code, out, _ = run(["analyze", str(back), "--format", "json"], capsys)
    assert json.loads(out)["finish"] == 3.0  # a (2 weeks) then b (1 week), as before the round trip


# -- .ics of a plan with errors -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("links", "said"),
    [
        ([{"from": "a", "to": "b"}, {"from": "b", "to": "a"}], "Dependency cycle"),
        ([{"from": "ghost", "to": "b"}], "names 'ghost', which is not a decision of this plan"),
    ],
)
def test_a_plan_with_errors_has_no_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], links: list[dict[str, str]], said: str
) -> None:
    # With a loop (or any error) there is no schedule: analyze exits 1, but the .ics was written with exit 0 and
    # each decision on its earliest start on its own, dates no other output gives, for stakeholders' calendars.
    from planner.model import save_plan

    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "T",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "s", "duration": 2},
                {"id": "b", "title": "B", "stage": "s", "duration": 1},
            ],
            "dependencies": links,
        }
    )
    src, ics = tmp_path / "p.plan.json", tmp_path / "p.ics"
    save_plan(plan, src)
    assert run(["analyze", str(src)], capsys)[0] == 1
    code, _, err = run(["export", str(src), "-o", str(ics)], capsys)
    assert code == 1
    assert said in err
    assert "A calendar shows the schedule's dates, and a plan with errors has none" in err
    assert not ics.exists()


# -- planner open --scenario '' -------------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [["--scenario="], ["open", "--scenario", "  ", "--present"]])
def test_open_with_an_empty_scenario_name_is_refused_before_the_app_starts(
    capsys: pytest.CaptureFixture[str], argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It started the app and said "no scenario called ''" in a message box; every other command refuses it, exit 2.
    import planner.ui.app as app

    def never(*_: object, **__: object) -> int:
        raise AssertionError("the app was started")

    monkeypatch.setattr(app, "run", never)
    code, _, err = run(argv, capsys)
    assert code == 2
    assert err == (
        "planner: --scenario: the name is empty; give a scenario's name (`planner scenarios FILE` lists them)\n"
    )


def test_a_long_id_in_a_load_errors_path_is_cut_as_values_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A 300-character id was repeated whole in the path ('decisions[0] (id 'xxx...')'), values were cut at 40.
    path = tmp_path / "p.plan.json"
    bad = "bad id " + "x" * 300
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "title": "T",
                "stages": [{"id": "s", "name": "S"}],
                "decisions": [{"id": bad, "title": "A", "stage": "s"}],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert f"decisions[0] (id '{bad[:40]}\u2026').id: " in err
    assert len(err) < 400


# -- wrapped text in terminal columns ---------------------------------------------------------------------------
def test_level_text_with_chinese_titles_fits_80_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # textwrap counts characters: a delayed decision's line with a Chinese title took 114 columns, and a title has
    # no spaces to break at.
    from planner.commands.common import columns
    from planner.model import save_plan

    title = "数据治理与模型风险管理委员会的建立和运营流程设计数据治理与模型风险管理"
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "T",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "teams": [{"id": "t", "name": "Team", "capacity": 1}],
            "decisions": [
                {"id": "a", "title": title + "A", "stage": "s", "owner": "t", "duration": 2},
                {"id": "b", "title": title + "B", "stage": "s", "owner": "t", "duration": 1},
            ],
        }
    )
    path = tmp_path / "p.plan.json"
    save_plan(plan, path)
    code, text, err = run(["analyze", str(path), "--level"], capsys)
    assert code == 0, err
    section = text[text.index("Levelled schedule") : text.index("Findings")]
    assert "+2 weeks: " in section  # b waits for a (2 weeks) on the one-person team
    assert all(columns(line) <= 80 for line in section.splitlines()), section
    # the title is whole once the line breaks are taken out
    assert title + "B (b)" in "".join(x.strip() for x in section.splitlines())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="abcdefghij-()", min_size=1, max_size=12),
            st.text(alphabet="数据治理与模型风险管理😀", min_size=1, max_size=30),
        ),
        min_size=1,
        max_size=20,
    ),
    st.integers(min_value=20, max_value=80),
)
def test_wrapping_wide_text_keeps_every_character_within_the_width(words: list[str], width: int) -> None:
    from planner.commands.common import columns, wrap

    text = " ".join(words)
    if not any(columns(c) == 2 for c in text):
        return
    lines = wrap(text, "  ", "    ", width)
    for line in lines:
        # only a narrow word longer than a whole line may pass the width (kept whole, as textwrap keeps it)
        assert columns(line) <= width or " " not in line.strip()
    assert "".join("".join(line.split()) for line in lines) == "".join(text.split())


# -- another tool's file given to a plan command ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "project.xml",
            b'<?xml version="1.0"?><Project/>',
            "is not a plan file but, by its suffix, another tool's (MS Project or P6 XML); import it first: "
            "planner import {d}/project.xml -o {d}/project.plan.json",
        ),
        ("jira.csv", b"Summary,Issue key\nA,P-1\n", "another tool's (CSV); import it first: planner import"),
        ("p6.xer", b"ERMHDR\t20.12\n", "another tool's (Primavera P6 XER); import it first"),
        (
            "old.mpp",
            b"\xd0\xcf\x11\xe0",
            "is MS Project's own binary format (.mpp), not a plan file; in MS Project",
        ),
    ],
)
@pytest.mark.usefixtures(
    "without_mpxj"
)  # the .mpp message without MPXJ (with it, .mpp is another tool's file)
def test_a_plan_command_on_another_tools_file_says_to_import_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, said: str
) -> None:
    # 'planner check project.xml' said 'not valid JSON: ... Fix the JSON syntax at that position'.
    path = tmp_path / name
    path.write_bytes(content)
    for command in (["check"], ["analyze"], ["coverage"]):
        code, out, err = run([*command, str(path)], capsys)
        assert code == 2 and out == ""
        assert said.format(d=tmp_path) in err
        assert "JSON" not in err and len(err.strip().splitlines()) == 1


def test_a_plan_under_another_suffix_still_gets_the_loaders_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.txt"  # .txt is an import suffix (CSV), but this is a plan with a bad value
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "title": "T",
                "stages": [{"id": "s", "name": "S"}],
                "decisions": [{"id": "a", "title": "A", "stage": "s", "progress": "half"}],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert "progress" in err and "import it first" not in err


def test_a_pipe_named_like_another_tools_file_is_never_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    pipe = tmp_path / "export.csv"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer for good
    code, _, err = run(["check", str(pipe)], capsys)
    assert code == 2 and "is a pipe (FIFO), not a plan file" in err
