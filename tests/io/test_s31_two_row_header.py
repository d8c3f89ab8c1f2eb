"""Spreadsheets whose header is in two rows (H-interop31), as people lay one out: a group name merged across its
columns ('Schedule' over 'Start' and 'End', 'Actual' over 'Start' and 'Finish') above the columns' own names, the
other names merged down over both rows. Files: tests/io/data/s31 (README.md there).

Before: the xlsx sheet's second header row (the merged names read down into it, 'Progress' under '% Complete')
was taken for the first task, and the import stopped ("line 4, column 'progress': '% Complete' is not a number");
the CSV's 'Actual' group was skipped with the row above the header, so its second 'Start' and 'Finish' columns were
dropped as twins of the planned ones and Synthesis lost its actual start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io import import_file
from planner.model.plan import Status

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_xlsx_header_in_two_rows_with_merged_groups() -> None:
    """By hand (sheet 'Roadmap'): five tasks from line 5, a chain 1 -> 2 -> 3 -> 4 -> 5. Durations '2 wks', '3d',
    '1.5w', '10 days', '16h' are 2, 0.6, 1.5, 2 and 0.4 working weeks. Discovery interviews is done (100 %), its
    actual dates Mon 1 - Fri 12 Mar 2027; Data audit is half done, actually started Tue 16 Mar (planned Mon 15).
    The hidden 'Internal code' column is said not carried; the 'Total' row is no task."""
    plan, report = import_file(DATA / "pmo-two-row-header.xlsx")
    text = report.text(limit=None)
    rows = {d.title: d for d in plan.decisions}
    assert list(rows) == ["Discovery interviews", "Data audit", "Pipeline build", "Dashboard", "Sign-off"]
    assert [d.weeks() for d in rows.values()] == pytest.approx([2, 0.6, 1.5, 2, 0.4])
    ids = {d.id: d.title for d in plan.decisions}
    assert sorted((ids[str(x.from_)], ids[str(x.to)]) for x in plan.dependencies) == sorted(
        [
            ("Discovery interviews", "Data audit"),
            ("Data audit", "Pipeline build"),
            ("Pipeline build", "Dashboard"),
            ("Dashboard", "Sign-off"),
        ]
    )
    interviews, audit = rows["Discovery interviews"], rows["Data audit"]
    assert (interviews.status, interviews.progress) == (Status.DONE, 100)
    assert interviews.actual_start == dt.date(2027, 3, 1)
    assert (audit.status, audit.progress) == (Status.IN_PROGRESS, 50)
    assert plan.start_date == dt.date(2027, 3, 1)
    assert audit.actual_start == pytest.approx(1.2 + 1.0)  # Tue 16 Mar: week 2.2 of the plan
    teams = {t.id: t.name for t in plan.teams}
    assert [teams[str(d.owner)] for d in rows.values()] == ["Ana", "Ben", "Ben", "Cara", "Ana"]
    assert (
        "the header is in two rows (lines 3-4): each column is named by its lower cell, joined to the group name "
        "above it where that names a column ('Actual Start', 'Actual Finish')" in text
    )
    assert "column 'Internal code' is not a plan field; ignored" in text
    assert "line 10: a total row ('Total') was skipped" in text
    assert "merged over several rows" not in text  # the header's names merged down are no data


def test_s31_csv_planned_and_actual_groups_above_the_header() -> None:
    """By hand: 'Planned' over the first Start/Finish pair, 'Actual' over the second. Synthesis actually started
    Tue 16 Mar 2027 (week 2.2), half done; Interviews done Mon 1 - Fri 12 Mar; Prototype not started."""
    plan, report = import_file(DATA / "planned-actual-groups.csv")
    text = report.text(limit=None)
    interviews, synthesis, prototype = plan.decisions
    assert plan.start_date == dt.date(2027, 3, 1)
    assert (interviews.status, interviews.actual_start) == (Status.DONE, dt.date(2027, 3, 1))
    assert synthesis.status == Status.IN_PROGRESS and synthesis.progress == 50
    assert synthesis.actual_start == pytest.approx(2.2)
    assert prototype.status == Status.NOT_STARTED and prototype.actual_start is None
    assert [d.weeks() for d in plan.decisions] == pytest.approx([2, 1, 2])
    assert "'Planned Start', 'Planned Finish', 'Actual Start', 'Actual Finish'" in text
    assert "both give the start dates" not in text


@pytest.mark.parametrize(
    "second",
    [
        ",Kick-off,Ana,,",  # a task without an id: a data row, not names
        "1,Kick-off,Ana,2027-03-01,2027-03-05",
        ",,,Start,End",  # names under blank header cells: read with the row above
    ],
)
def test_s31_a_data_row_under_the_header_is_a_task(tmp_path: Path, second: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f"ID,Task,Owner,,\n{second}\n2,Build,Ben,2027-03-08,2027-03-12\n", encoding="utf-8")
    plan, report = import_file(path)
    titles = [d.title for d in plan.decisions]
    if second.startswith(",,,"):
        assert titles == ["Build"]
        assert plan.decisions[0].weeks() == pytest.approx(1)
        assert "the header is in two rows (lines 1-2)" in report.text(limit=None)
    else:
        assert titles == ["Kick-off", "Build"]
        assert "two rows" not in report.text(limit=None)
