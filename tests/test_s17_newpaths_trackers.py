"""A hostile read of this session's trackers' CSV import (Jira, Asana): what a real export holds that the happy
path did not (a repeated link column left empty on a row with fewer links, a due date before the start, an
estimate that is negative or absurd, a cell past the CSV reader's limit). Each case failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def imported(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict, str]:
    src, out = tmp_path / "export.csv", tmp_path / "out.plan.json"
    src.write_text(text, encoding="utf-8")
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8")), err


JIRA_HEADER = "Summary,Issue key,Custom field (Start date),Due date,Inward issue link (Blocks),Inward issue link (Blocks)\n"


def test_a_repeated_link_column_left_empty_keeps_the_rows_one_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Jira repeats 'Inward issue link (Blocks)' as often as the most-linked issue has links; a row with one link
    # has it in the first column and the second empty. The empty cell had replaced the link: P-1 -> P-2 was lost.
    plan, _ = imported(
        tmp_path,
        JIRA_HEADER
        + "Set up,P-1,2027-01-04,2027-01-08,,\n"
        + "Train,P-2,2027-01-11,2027-01-22,P-1,\n"
        + "Ship,P-3,2027-01-25,2027-01-29,P-1,P-2\n",
        capsys,
    )
    links = sorted((d["from"], d["to"]) for d in plan["dependencies"])
    assert links == [("P-1", "P-2"), ("P-1", "P-3"), ("P-2", "P-3")]


def test_a_due_date_before_the_start_is_said_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It silently became 1 week and the report counted it among the rows 'without both dates'.
    plan, err = imported(
        tmp_path,
        JIRA_HEADER + "Set up,P-1,2027-01-04,2027-01-08,,\n" + "Backwards,P-2,2027-02-01,2027-01-20,,\n",
        capsys,
    )
    durations = {d["id"]: d["duration"] for d in plan["decisions"]}
    assert durations == {"P-1": 1, "P-2": 1}  # Mon 4 - Fri 8 Jan: 5 working days; the backwards row: 1 week
    assert "line 3: the finish date 20 Jan 2027 is before the start date 1 Feb 2027" in err
    assert "1 of 2 rows last the working days from their start to their finish date" in err


@pytest.mark.parametrize(
    ("estimate", "said"),
    [
        ("-5", "line 2, column 'Original Estimate': '-5 seconds' is a negative duration"),
        ("1e300", "line 2, column 'Original Estimate': '1e300 seconds' is more than 10,000 weeks"),
        ("99999999999999", "is more than 10,000 weeks"),
    ],
)
def test_a_negative_or_absurd_estimate_names_the_column_and_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], estimate: str, said: str
) -> None:
    # Before: 'line 2: a duration is negative' (which column?) and, for a huge one, pydantic's
    # "column 'duration.constrained-float': Input should be less than or equal to 10000".
    src, out = tmp_path / "jira.csv", tmp_path / "out.plan.json"
    src.write_text(f"Summary,Issue key,Original Estimate\nA,P-1,{estimate}\nB,P-2,144000\n", encoding="utf-8")
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert said in err
    assert "constrained-float" not in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_a_refused_cell_gives_its_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "t.csv", tmp_path / "out.plan.json"
    src.write_text("title,headcount\nA,1e9\n", encoding="utf-8")
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert "line 2, column 'headcount': Input should be less than or equal to 100000 (got 1e+09)" in err
    assert not out.exists()


def test_a_cell_past_the_csv_limit_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "t.csv", tmp_path / "out.plan.json"
    src.write_text("title,notes\nA," + "a" * 200_000 + "\n", encoding="utf-8")
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert "t.csv:2: not readable as CSV" in err
    assert "shorten that cell" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 100, "is an old Excel .xls (or other Office) file"),
        (b"PK\x03\x04" + b"\x14" * 100, "is a zip archive (an Excel .xlsx workbook?), not CSV text"),
        (b"<html><body><table><tr><td>Summary</td></tr></table>", "is a web page or XML, not CSV text"),
    ],
)
def test_a_workbook_or_web_page_named_csv_is_said_as_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    # Jira's 'Excel' export is an HTML table, and a renamed .xls is common: they were read as text and refused
    # with "no 'title' or 'id' column in the header row", which sends the user looking for a column.
    src, out = tmp_path / "export.csv", tmp_path / "out.plan.json"
    src.write_bytes(content)
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert said in err
    assert "no 'title' or 'id' column" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_a_start_date_centuries_off_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A year typed 0001 beside 2027 put a row 105,712 working weeks after the plan start: the plan model refused
    # it as 'holds a value a plan cannot take (not_before: ...)', no line named (the fuzz found it).
    src, out = tmp_path / "t.csv", tmp_path / "out.plan.json"
    src.write_text(
        "Summary,Start Date,Due Date\nA,0001-01-01,0001-01-05\nB,2027-01-04,2027-01-08\n", encoding="utf-8"
    )
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert (
        "line 3: the start date 4 Jan 2027 is 105,712 working weeks after the plan start (1 Jan 1, line 2), "
        "more than the 10,000 a plan holds" in err
    )
    assert not out.exists()


def test_start_and_due_dates_centuries_apart_name_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "t.csv", tmp_path / "out.plan.json"
    src.write_text("Summary,Start Date,Due Date\nA,1800-01-01,2027-01-05\n", encoding="utf-8")
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert (
        "line 2: 1 Jan 1800 to 5 Jan 2027 is 11,845 working weeks, more than the 10,000 a decision may last"
        in err
    )
    assert not out.exists()


def test_a_value_the_plan_refuses_is_named_without_pydantic_type_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Any reader's value the plan model refuses: 'duration.constrained-float: ...' named pydantic's internals.
    src, out = tmp_path / "big.xml", tmp_path / "out.plan.json"
    src.write_text(
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name>'
        "<StartDate>2027-01-04T08:00:00</StartDate><Tasks><Task><UID>1</UID><ID>1</ID><Name>A</Name>"
        "<Duration>PT99999999H0M0S</Duration><Start>2027-01-04T08:00:00</Start></Task></Tasks></Project>",
        encoding="utf-8",
    )
    code, _, err = run(["import", str(src), "-o", str(out)], capsys)
    assert code == 2
    assert "(duration: Input should be less than or equal to 10000 (got 2.5e+06))" in err
    assert "constrained-float" not in err
    assert not out.exists()


def test_a_jira_link_given_by_issue_id_finds_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Jira's export has the numeric 'Issue id' beside the 'Issue key'; a link cell holding the number (10001) was
    # 'no row's id or title' and the import's check then failed on an unknown reference.
    plan, err = imported(
        tmp_path,
        "Summary,Issue key,Issue id,Inward issue link (Blocks)\n"
        "Set up,P-1,10001,\nTrain,P-2,10002,10001\nShip,P-3,10003,P-2\n",
        capsys,
    )
    assert sorted((d["from"], d["to"]) for d in plan["dependencies"]) == [("P-1", "P-2"), ("P-2", "P-3")]
    assert "no row's id or title" not in err
    assert "'Issue id' is not a plan field" not in err
