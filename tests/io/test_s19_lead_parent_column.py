"""A table's parent column under other names: a plain "Parent" (many trackers' and hand-made sheets'), Jira's
"Parent" holding the parent's numeric issue id. Both were "not a plan field; ignored" and the subtasks were flat
beside the row that should have been their summary. A parent the file does not have is said, not dropped silently."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file


def test_a_plain_parent_column_nests_rows_and_names_a_missing_parent(tmp_path: Path) -> None:
    src = tmp_path / "plain.csv"
    src.write_text(
        "ID,Name,Parent,Duration\n1,Phase A,,\n2,Design,1,2 weeks\n3,Build,Phase A,3 weeks\n4,Test,9,1 week\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [(d.id, d.title, d.tags) for d in plan.decisions] == [
        ("2", "Design", ["Phase A"]),
        ("3", "Build", ["Phase A"]),
        ("4", "Test", []),
    ]
    text = report.text(limit=None)
    assert (
        "1 row names a parent the file does not have (column 'Parent': line 5 'Test' names '9'); it is put at "
        "the top level" in text
    )
    assert "column 'Parent' is not a plan field" not in text


def test_jira_parent_by_issue_id(tmp_path: Path) -> None:
    src = tmp_path / "jira.csv"
    src.write_text(
        "Summary,Issue key,Issue id,Parent,Original Estimate\n"
        "Pilot epic,AI-1,10001,,\n"
        "Define value case,AI-2,10002,10001,144000\n"
        "Build pilot,AI-3,10003,10001,288000\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [(d.id, d.tags) for d in plan.decisions] == [("AI-2", ["Pilot epic"]), ("AI-3", ["Pilot epic"])]
    assert "does not have" not in report.text(limit=None)
