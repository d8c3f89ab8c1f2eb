"""Hostile versions of the session's new readings (session 32): each is read with what it cannot carry said, or
refused in one line naming the file, the line and what to do (exit 2) -- never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import import_file
from planner.io.common import InteropError


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_s32_an_unreadable_relation_lag_is_said_and_read_as_none(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "op.csv",
        "ID,Subject,,Relation type,Lag,Description,ID,Subject\n"
        "1,A,,Follows,abc,,2,B\n2,B,,Precedes,2.5,,3,C\n3,C,,,,,,\n",
    )
    plan, report = import_file(path)
    links = sorted((d.from_, d.to, round(d.lag, 3)) for d in plan.dependencies)
    assert links == [("2", "1", 0.0), ("2", "3", 0.5)]  # 2.5 working days: half a week
    assert "1 lag is not a number of days (line 2 'abc'): read as no lag" in [i.message for i in report.items]


def test_s32_a_relation_row_without_its_work_package_id_is_not_a_work_package(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "op.csv",
        "ID,Subject,,Relation type,Lag,Description,ID,Subject\n1,A,,,,,,\n,,,Follows,,,1,A\n2,B,,Follows,,,1,A\n",
    )
    plan, _ = import_file(path)
    assert [d.id for d in plan.decisions] == ["1", "2"]
    assert [(d.from_, d.to) for d in plan.dependencies] == [("1", "2")]


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        (
            "lag.csv",
            "Title,Predecessors\nA,\nB,1FS+99999999d\n",
            "lag.csv: line 3: the lag of the link from '1' is 19999999.8 weeks, more than the 10,000 a plan takes; "
            "check the predecessor cell's lag and its unit",
        ),
        (
            "op.csv",
            "ID,Subject,,Relation type,Lag,Description,ID,Subject\n1,A,,,,,,\n2,B,,Follows,99999999,,1,A\n",
            "op.csv: line 3: the lag of the link from '1' is 19999999.8 weeks",
        ),
    ],
)
def test_s32_a_lag_past_what_a_plan_takes_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, says: str
) -> None:
    path = _write(tmp_path, name, text)
    out = tmp_path / "out.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not out.exists()


def test_s32_a_sheet_of_folders_or_of_cancelled_work_only_is_an_empty_plan_said_so(tmp_path: Path) -> None:
    for name, text, said in (
        ("wrike.csv", "Key,Title,Status\n,/Only folder/,Active\n", "1 folder row ('/Only folder/'"),
        ("all.csv", "Title,Status,Predecessors\nA,Cancelled,\nB,Cancelled,A\n", "2 rows of work called off"),
    ):
        plan, report = import_file(_write(tmp_path, name, text))
        messages = [i.message for i in report.items]
        assert plan.decisions == [] and plan.dependencies == []
        assert any(m.startswith(said) for m in messages), messages
        assert "the table has no task rows under its header: the plan is empty" in messages


def test_s32_slashes_alone_are_titles_not_folders(tmp_path: Path) -> None:
    plan, report = import_file(
        _write(tmp_path, "w.csv", "Key,Title,Status\n,/,Active\n,/ /,Active\n1,Task,Active\n")
    )
    assert [d.title for d in plan.decisions] == ["/", "/ /", "Task"]
    assert not any("folder row" in i.message for i in report.items)


def test_s32_a_row_its_own_predecessor_is_not_carried_and_the_plan_schedules(tmp_path: Path) -> None:
    """As the outline imports drop 'a task linked to itself', a table's row naming itself (its own row number, id
    or title; a Jira issue blocking itself) is left out and said; it was kept, and the plan did not schedule."""
    from planner.analysis import analyze

    for name, text, said in (
        ("rows.csv", 'Title,Predecessors\nA,\nB,"1,2"\n', "line 3 'B'"),
        (
            "jira.csv",
            "Summary,Issue key,Outward issue link (Blocks)\nSet up,P-1,P-1\nTrain,P-2,\n",
            "line 2 'Set up'",
        ),
    ):
        plan, report = import_file(_write(tmp_path, name, text))
        assert all(d.from_ != d.to for d in plan.dependencies)
        assert any("as its own predecessor (" + said in i.message for i in report.items), name
        assert analyze(plan).schedule is not None


def test_s32_a_damaged_p6_spreadsheet_is_read_with_what_it_cannot_say(tmp_path: Path) -> None:
    """P6's spreadsheet export edited by hand: a relationship type or lag that is no P6 word or number, a
    relationship sheet without its predecessor column, no titles row."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    task = book.active
    task.title = "TASK"
    for row in (["task_code", "task_name", "target_drtn_hr_cnt"], ["A1", "Survey", 40], ["A2", "Build", 80]):
        task.append(row)
    preds = book.create_sheet("TASKPRED")
    for row in (
        ["task_id", "pred_task_id", "pred_type", "lag_hr_cnt"],
        ["A2", "A1", "Sideways", "lots"],
        ["A2", "", "PR_FS", 0],
    ):
        preds.append(row)
    path = tmp_path / "p6.xlsx"
    book.save(path)
    plan, report = import_file(path)
    assert [(d.id, d.title) for d in plan.decisions] == [("A1", "Survey"), ("A2", "Build")]
    assert [(d.from_, d.to, d.type.value, d.lag) for d in plan.dependencies] == [("A1", "A2", "FS", 0.0)]
    messages = [i.message for i in report.items]
    assert (
        "2 relationships with a type or lag that cannot be read (line 2 'Sideways', line 2 lag 'lots'): read as "
        "FS, no lag"
    ) in messages
    book.remove(book["TASKPRED"])
    other = book.create_sheet("TASKPRED")
    other.append(["task_id", "lag_hr_cnt"])
    other.append(["A2", 8])
    book.save(path)
    plan, report = import_file(path)
    assert plan.dependencies == []
    assert (
        "sheet 'TASKPRED' has no 'pred_task_id' column (the successor and the predecessor): its relationships are "
        "not carried"
    ) in [i.message for i in report.items]
    task["C3"] = "x"  # a duration that is no number: refused with its line, as in any sheet
    book.save(path)
    with pytest.raises(InteropError, match=r"line 3, column 'duration': 'x' is not a number"):
        import_file(path)


def test_s32_tasks_linked_to_themselves_are_one_line(tmp_path: Path) -> None:
    """A generated or hand-edited GanttProject (or MS Project, MPX, P6) file with tasks linked to themselves: one
    report line naming them (it was a line per link, each naming only a task number)."""
    import re

    from planner.io import export_file
    from tests.conftest import build_plan

    plan = build_plan(
        [{"id": "a", "title": "Alpha", "duration": 1}, {"id": "b", "title": "Beta", "duration": 2}],
        [("a", "b")],
        start_date="2027-01-04",
    )
    path = tmp_path / "p.gan"
    export_file(plan, path)
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r'<task id="(\d+)" name="(Alpha|Beta)"', text)
    for tid, _ in ids:  # each task depends on itself too
        text = re.sub(
            rf'(<task id="{tid}" name="\w+"[^>]*>)',
            rf'\g<1>\n<depend id="{tid}" type="2" difference="0" hardness="Strong"/>',
            text,
        )
    path.write_text(text, encoding="utf-8")
    imported, report = import_file(path)
    assert [(d.from_, d.to) for d in imported.dependencies] == [("a", "b")]
    (a, _), (b, _) = ids
    lines = [i.message for i in report.items if "linked to" in i.message]
    assert lines == [f"2 tasks linked to themselves; dropped (task {a} 'Alpha', task {b} 'Beta')"]


def test_s32_a_task_titled_like_a_path_is_a_task(tmp_path: Path) -> None:
    """A title between slashes is a Wrike folder row only when the row has no task field of its own: '/api/v2/'
    with an owner and dates is a task."""
    text = "Title,Owner,Start Date,Due Date\n/api/v2/,Ana,2027-03-01,2027-03-05\nDocs,Ben,2027-03-08,2027-03-12\n"
    plan, report = import_file(_write(tmp_path, "t.csv", text))
    assert [d.title for d in plan.decisions] == ["/api/v2/", "Docs"]
    assert not any("folder row" in i.message for i in report.items)


def test_s32_a_key_column_of_marks_is_not_the_id(tmp_path: Path) -> None:
    """'Key' is read as the id (Wrike's) only when each row has its own: a sheet marking its key tasks 'Y' in a
    'Key' column imports (it was refused: 'id 'Y' is used twice'), the column reported as not a plan field."""
    text = "Task,Key,Duration\nDesign,Y,1w\nBuild,,2w\nLaunch,Y,1w\n"
    plan, report = import_file(_write(tmp_path, "t.csv", text))
    assert [d.title for d in plan.decisions] == ["Design", "Build", "Launch"]
    assert "column 'Key' is not a plan field; ignored" in [i.message for i in report.items]
