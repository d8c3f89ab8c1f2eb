"""Taiga's user stories: ``assigned_users`` (everyone assigned, usernames joined by commas) and the sprint columns
(H-io25). Before, a story assigned to users but with no ``assigned_to`` had no owner, and 'assigned_users',
'assigned_users_full_name', 'sprint', 'sprint_id', 'sprint_estimated_start' and 'sprint_estimated_finish' were six
'not a plan field' lines. By hand: 'Build pilot' is Ben's (assigned_to), Ana also assigned; 'Go-live review' has no
assigned_to, its users are cara and ben: Cara's. Two stories are in a sprint."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s25"


def test_s25_taiga_assigned_users_and_sprints() -> None:
    plan, report = import_file(DATA / "taiga-userstories.csv")
    assert [(d.title, d.owner) for d in plan.decisions] == [
        ("Define value case", "ana"),
        ("Build pilot", "ben"),
        ("Go-live review", "cara"),
    ]
    lines = report.text(limit=None).splitlines()
    assert (
        "  [resource] column 'assigned_users' (everyone assigned to each item): the owner is 'assigned_to', or the "
        "first of them for 1 item without one; the others of 2 items are not carried (a decision has one owner)"
    ) in lines
    assert [line for line in lines if "sprint" in line.replace("sprint_order", "")] == [
        "  [column] the sprints ('sprint', 'sprint_estimated_start', 'sprint_estimated_finish') are not carried: "
        "2 items are planned in one; a sprint is when the team meant to do an item, not how long it takes (give "
        "the plan its links and durations)"
    ]
    assert not [line for line in lines if "assigned_users" in line and "not a plan field" in line]
