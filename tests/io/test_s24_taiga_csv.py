"""Taiga's CSV export (H-io24): its ``owner`` column is who created the item and ``assigned_to`` who does it;
``finish_date`` (``finished_date`` for tasks and issues) is when the item was closed. Before, both ``owner`` and
``assigned_to`` were read as the owner (a row without an assignee got its creator, 'each row's last filled cell'),
and the closing date was read as the rows' due dates and then dropped ('due dates need a start column'), so a done
story had no actual finish.

The layout is taiga-back's ``userstories_to_csv`` (taiga/projects/userstories/services.py): id, ref, subject, ...,
owner, owner_full_name, assigned_to, assigned_to_full_name, assigned_users, ..., status, is_closed, swimlane, the
roles' points, total-points, ..., created_date, modified_date, finish_date (``2027-03-12 16:00:00+00:00``), ...,
due_date, due_date_reason, epics. Written here from that source; not a real export.

By hand: 'Define value case' is done, closed Fri 12 Mar 2027 16:00; without a duration column it lasts 1 week, so the
plan starts Mon 8 Mar and it finishes at the end of 12 Mar (its actual finish, Mon 15 Mar in the plan's 7-day weeks).
'Go-live review' has no assignee: no owner (its creator is ana)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.io import import_file
from planner.model.plan import Status

HEADER = (
    "id,ref,subject,description,sprint_id,sprint,sprint_estimated_start,sprint_estimated_finish,owner,"
    "owner_full_name,assigned_to,assigned_to_full_name,assigned_users,assigned_users_full_name,status,is_closed,"
    "swimlane,back-points,total-points,backlog_order,sprint_order,kanban_order,created_date,modified_date,"
    "finish_date,client_requirement,team_requirement,attachments,generated_from_issue,generated_from_task,"
    "from_task_ref,external_reference,tasks,tags,watchers,voters,due_date,due_date_reason,epics"
)
ROWS = [
    "101,1,Define value case,,11,Sprint 1,2027-03-01,2027-03-12,ana,Ana Ruiz,ana,Ana Ruiz,ana,Ana Ruiz,Done,True,,"
    "3.0,3.0,1,1,1,2027-02-20 09:12:44.120000+00:00,2027-03-12 16:00:00+00:00,2027-03-12 16:00:00+00:00,False,"
    'False,0,,,,,"5,6","pilot,value",[],0,,,',
    "102,2,Build pilot,,12,Sprint 2,2027-03-15,2027-03-26,ana,Ana Ruiz,ben,Ben Ode,ben,Ben Ode,In progress,False,,"
    "5.0,5.0,2,1,2,2027-02-20 09:13:10+00:00,2027-03-18 10:00:00+00:00,,False,False,0,,,,,7,pilot,[],0,2027-03-26,,",
    "103,3,Go-live review,,,,,,ana,Ana Ruiz,,,,,New,False,,0,0.0,3,,3,2027-02-20 09:14:02+00:00,"
    "2027-02-20 09:14:02+00:00,,False,False,0,,,,,,,[],0,2027-04-09,,",
]


def test_s24_taiga_owner_is_the_creator_and_finish_date_the_closing(tmp_path: Path) -> None:
    path = tmp_path / "userstories.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.title, d.status, d.owner) for d in plan.decisions] == [
        ("Define value case", Status.DONE, "ana"),
        ("Build pilot", Status.IN_PROGRESS, "ben"),
        ("Go-live review", Status.NOT_STARTED, None),
    ]
    assert plan.start_date == dt.date(2027, 3, 8)
    assert plan.decisions[0].actual_finish == dt.date(2027, 3, 15)
    assert plan.decisions[1].actual_finish is None
    text = report.text(limit=None)
    assert (
        "column 'owner' names who created each item (Taiga), not who does it: not carried; the owner is "
        "'assigned_to'"
    ) in text
    assert "column 'owner' is not a plan field" not in text and "both give the owner" not in text
    assert "column 'due_date' (due dates) is not carried" in text
