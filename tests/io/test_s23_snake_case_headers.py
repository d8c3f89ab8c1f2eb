"""Column names in snake_case (an API's or a tool's CSV: FusionForge's task export writes title, duration in days,
start_date, end_date as 'YYYY-MM-DD HH:MM:SS' and percent_complete) read as their words (H-io23). Before,
'end_date' and 'percent_complete' were 'not a plan field; ignored': with no finish date the bare durations (days)
were read as weeks (5 and 10 weeks) and the done row was not done.

By hand: Design 5 days = 1 week from Mon 1 Mar 2027, 100 % done; Build 10 days = 2 weeks from Mon 8 Mar (week 1,
after Design: the dependency columns are read since H-io24): finish week 3 (Fri 19 Mar)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import Status

FUSIONFORGE = (
    "project_task_id,external_task_id,parent_id,external_parent_id,title,category,duration,work,start_date,end_date,"
    "percent_complete,priority,notes,resource1_unixname,dependenton1_project_task_id,dependenton1_external_task_id,"
    "dependenton1_linktype\n"
    "101,1,,,Design,,5,40,2027-03-01 08:00:00,2027-03-05 17:00:00,100,3,,alice,,,\n"
    "102,2,,,Build,,10,80,2027-03-08 08:00:00,2027-03-19 17:00:00,0,3,,bob,101,1,FS\n"
)


def test_s23_snake_case_columns_are_read_as_their_words(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text(FUSIONFORGE, encoding="utf-8")
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 3, 1)
    assert [(d.title, d.duration, d.progress) for d in plan.decisions] == [
        ("Design", 1.0, 100),
        ("Build", 2.0, 0),
    ]
    assert plan.decisions[0].status is Status.DONE
    result = analyze(plan)
    assert result.schedule is not None and round(result.schedule.finish, 6) == 3.0
    lines = report.text(limit=None)
    assert "the durations are working days, not weeks" in lines
    for column in ("end_date", "percent_complete"):
        assert f"column {column!r} is not a plan field" not in lines
    # H-io24: the dependency columns are read now (tests/io/test_s24_fusionforge_links.py): Build after Design
    assert [(x.from_, x.to) for x in plan.dependencies] == [("101", "102")]
    assert "dependenton1" not in lines
