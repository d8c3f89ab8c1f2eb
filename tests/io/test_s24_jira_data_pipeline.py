"""Jira's data pipeline export (issues_job<id>_<timestamp>.csv, snake_case columns as Atlassian's "Data pipeline
export schema" lists them: id, instance_url, url, key, ..., issue_type, summary, ..., status, status_category, ...,
created_date, resolution_date, updated_date, due_date as ISO timestamps) (H-io24). Before, 'issue_type' was 'not a
plan field' (a Milestone issue stayed a 1-week task) and 'resolution_date' was dropped (a done issue had no actual
finish). Written here from that column list; not a real export.

By hand: AI-1 done, resolved Fri 15 Jan 2027 17:00; without a duration column it lasts 1 week, so the plan starts
Mon 11 Jan and AI-1's actual finish is the end of 15 Jan (Mon 18 Jan in the plan's 7-day weeks). AI-2 is a
Milestone issue: a milestone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.io import import_file
from planner.model.plan import Status

CSV = (
    "id,instance_url,url,key,project_key,project_name,project_type,project_category,issue_type,summary,description,"
    "creator_id,reporter_id,assignee_id,status,status_category,priority_sequence,priority_name,resolution,"
    "watcher_count,vote_count,created_date,resolution_date,updated_date,due_date\n"
    "10001,http://x/jira,http://x/jira/browse/AI-1,AI-1,AI,AI,Software,,Task,Define value case,,1,1,2,Done,Done,3,"
    "Medium,Done,0,0,2027-01-04T09:00:00Z,2027-01-15T17:00:00Z,2027-01-15T17:00:00Z,2027-01-15T00:00:00Z\n"
    "10002,http://x/jira,http://x/jira/browse/AI-2,AI-2,AI,AI,Software,,Milestone,Pilot approved,,1,1,2,To Do,"
    "To Do,3,Medium,,0,0,2027-01-04T09:00:00Z,,2027-01-20T10:00:00Z,2027-02-12T00:00:00Z\n"
)


def test_s24_issue_type_and_resolution_date_are_read(tmp_path: Path) -> None:
    path = tmp_path / "issues_job1_20270120.csv"
    path.write_text(CSV, encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.title, d.status, d.milestone) for d in plan.decisions] == [
        ("Define value case", Status.DONE, False),
        ("Pilot approved", Status.NOT_STARTED, True),
    ]
    assert plan.start_date == dt.date(2027, 1, 11)
    assert plan.decisions[0].actual_finish == dt.date(2027, 1, 18)
    text = report.text(limit=None)
    assert "1 row of type milestone (column 'issue_type') is a milestone" in text
    for column in ("issue_type", "resolution_date"):
        assert f"column {column!r} is not a plan field" not in text
