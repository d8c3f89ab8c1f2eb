"""Hostile versions of the layouts read since H-io25 (Todoist, Airtable): one clear refusal or a report line, never a
traceback, and nothing said that the file does not hold. Before: a Todoist task with an empty CONTENT was dropped
unsaid, an INDENT that is no depth ('abc', '0', '99999') was passed over unsaid, a file without sections was told
'column 'Section' groups the rows'; Airtable's '99999999:00' was 'not a number' rather than too long."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import InteropError, import_file

DATA = Path(__file__).parent / "data" / "s25"
HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT\n"


def _import(tmp_path: Path, text: str, name: str = "todo.csv") -> tuple[list[str], str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    return [d.title for d in plan.decisions], report.text(limit=None)


def test_s25_todoist_unnamed_tasks_and_odd_indents_are_said(tmp_path: Path) -> None:
    titles, text = _import(
        tmp_path,
        HEADER + "task,,,4,1,,,,,,,\ntask,A,,4,abc,,,,,,,\ntask,B,,4,0,,,,,,,\ntask,C,,4,99999,,,,,,,\n",
    )
    assert titles == ["A", "B", "C"]
    assert "1 task without a name (an empty CONTENT cell, line 2) skipped" in text
    assert (
        "INDENT 'abc' (line 3), '0' (line 4), '99999' (line 5) is no depth (1 for a task, 2 for its sub-task, up "
        "to 100): read as 1"
    ) in text
    assert "groups the rows" not in text  # no section in the file


def test_s25_todoist_in_utf16_reads_as_in_utf8(tmp_path: Path) -> None:
    source = DATA / "todoist-project.csv"
    path = tmp_path / "todo16.csv"
    path.write_bytes(source.read_bytes().decode("utf-8-sig").encode("utf-16"))
    plan16, report16 = import_file(path)
    plan8, _ = import_file(source)
    assert plan16.decisions == plan8.decisions
    assert "the file is UTF-16 text" in report16.text(limit=None)


def test_s25_todoist_cut_short_is_said(tmp_path: Path) -> None:
    raw = (DATA / "todoist-project.csv").read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(raw[: raw.index(b"Ben (41234568)")])
    plan, report = import_file(path)
    # (the cut row, a sub-task of 'Interview five customers', keeps its name; its owner's cell is cut away)
    assert [(d.title, d.owner) for d in plan.decisions] == [("Write interview guide", None)]
    assert "the file may be cut short there" in report.text(limit=None)


@pytest.mark.parametrize(
    ("cell", "said"),
    [("99999999:00", "'99999999:00' is more than 10,000 weeks"), ("1:75", "'1:75' is not a number")],
)
def test_s25_airtable_durations_out_of_range_are_refused(tmp_path: Path, cell: str, said: str) -> None:
    path = tmp_path / "grid.csv"
    path.write_text(f"Name,Duration\nA,{cell}\n", encoding="utf-8")
    with pytest.raises(InteropError, match=said):
        import_file(path)


def test_s25_todoist_negative_duration_is_refused_naming_its_column(tmp_path: Path) -> None:
    path = tmp_path / "todo.csv"
    path.write_text("TYPE,CONTENT,INDENT,DURATION,DURATION_UNIT\ntask,A,1,-5,day\n", encoding="utf-8")
    with pytest.raises(InteropError, match="line 2, column 'DURATION': '-5 days' is a negative duration"):
        import_file(path)
