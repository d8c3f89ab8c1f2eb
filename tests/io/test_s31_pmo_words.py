"""A PMO's or consultant's own sheet, its columns headed in the words people use (H-interop31): Activity,
Responsible, Target Start, Target End, Duration (wks), Progress %, Predecessor IDs, Owner(s).
File: tests/io/data/s31/pmo-sheet-own-words.csv.

Before: 'no title or id column in the header row' (Activity was no title), and with that renamed, Responsible,
Target Start/End, Duration (wks), Progress % and Predecessor IDs were each 'not a plan field': every task 1 week,
not started, unowned and unlinked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.table import _norm_header
from planner.model.plan import Status

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_a_pmo_sheet_in_its_own_words() -> None:
    """By hand: three activities of 2, 2 and 3 weeks from Mon 1 Mar 2027, a chain; the first done, the second half
    done; owners Ana, Ben, Cara."""
    plan, report = import_file(DATA / "pmo-sheet-own-words.csv")
    text = report.text(limit=None)
    assert [d.title for d in plan.decisions] == ["Stakeholder interviews", "Data audit", "Pilot"]
    assert [d.weeks() for d in plan.decisions] == pytest.approx([2, 2, 3])
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    teams = {t.id: t.name for t in plan.teams}
    assert [teams[str(d.owner)] for d in plan.decisions] == ["Ana", "Ben", "Cara"]
    assert len(plan.dependencies) == 2
    assert plan.start_date == dt.date(2027, 3, 1)
    assert "not a plan field" not in text.replace("column 'WP' is not a plan field", "")


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Owner(s)", "owner"),
        ("Predecessor(s)", "depends_on"),
        ("Assignee(s)", "owner"),
        ("Work Item", "title"),
    ],
)
def test_s31_plural_marks_and_work_words(header: str, key: str) -> None:
    assert _norm_header(header) == key


def test_s31_a_stand_in_name_gives_way_to_the_columns_own_name(tmp_path: Path) -> None:
    """'Deliverable' beside 'Task' (the deliverable is what a task makes) and 'Accountable' beside 'Responsible'
    (a RACI sheet): the tasks are the Task column's and their owners the Responsible ones; 'Work Package' groups
    the tasks (their area). Read as titles and owners themselves, the first column of two would have won."""
    path = tmp_path / "raci.csv"
    path.write_text(
        "Work Package,Deliverable,Task,Accountable,Responsible,Duration\n"
        "WP1 Discovery,Interview notes,Interviews,Dana,Ana,2\n"
        "WP1 Discovery,Audit report,Data audit,Dana,Ben,1\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    text = report.text(limit=None)
    teams = {t.id: t.name for t in plan.teams}
    areas = {a.id: a.name for a in plan.areas}
    assert [d.title for d in plan.decisions] == ["Interviews", "Data audit"]
    assert [teams[str(d.owner)] for d in plan.decisions] == ["Ana", "Ben"]
    assert {areas[str(d.area)] for d in plan.decisions} == {"WP1 Discovery"}
    assert "column 'Deliverable' is not a plan field; ignored" in text
    assert "column 'Accountable' is not a plan field; ignored" in text
