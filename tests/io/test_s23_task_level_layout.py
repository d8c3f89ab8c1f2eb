"""A flat task list with a 'Task Level' column, 'Assigned' names and a '%' column (bizepro's CSV export: Task Level
before Task Name, Assigned, Start, Finish, Duration, Hours, Status, %), H-io23. Before, the three were 'not a plan
field': the summary 'Discovery' was imported as a decision beside its two subtasks (its 10 days counted twice), and
the owners and progress were lost.

By hand: Interviews and Synthesis, 5 days each (1 week), done, under 'Discovery' (a summary: structure, their tag);
Build 10 days (2 weeks) from Mon 15 Mar 2027 (week 2), half done: the plan finishes at week 4 (Fri 26 Mar). The
export marks a row's depth in its name too ('-- Interviews' at level 2): with the level column, the dashes are
dropped from the name, and said."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

EXPORT = (
    "Task Level,Task Name,Assigned,Start,Finish,Duration,Hours,Status,%\n"
    "1,Discovery,Ana,2027-03-01,2027-03-12,10,80,Done,100\n"
    "2,Interviews,Ana,2027-03-01,2027-03-05,5,40,Done,100\n"
    "2,Synthesis,Ben,2027-03-08,2027-03-12,5,40,Done,100\n"
    "1,Build,Ben,2027-03-15,2027-03-26,10,80,In Progress,50\n"
)


@pytest.mark.parametrize("dashes", ["", "-- "])
def test_s23_task_level_assigned_and_percent_columns(tmp_path: Path, dashes: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT.replace("\n2,", f"\n2,{dashes}"), encoding="utf-8")
    plan, report = import_file(path)
    got = [(d.title, d.duration, d.progress, d.owner, d.tags) for d in plan.decisions]
    teams = {t.id: t.name for t in plan.teams}
    assert [(t, w, p, teams.get(o or ""), tags) for t, w, p, o, tags in got] == [
        ("Interviews", 1.0, 100, "Ana", ["Discovery"]),
        ("Synthesis", 1.0, 100, "Ben", ["Discovery"]),
        ("Build", 2.0, 50, "Ben", []),
    ]
    result = analyze(plan)
    assert result.schedule is not None and round(result.schedule.finish, 6) == 4.0
    lines = report.text(limit=None)
    for column in ("Task Level", "Assigned", "%"):
        assert f"column {column!r} is not a plan field" not in lines
    assert "column 'Hours' is not a plan field; ignored" in lines
    said = "2 titles of rows under a summary begin with dashes that show the row's outline depth"
    assert (said in lines) == bool(dashes)
