"""MS Project XML written by a tool that serializes a day count: 'P10D' for 10 working days (MS Project writes
PT80H0M0S; MSPDI's days are 24 hours). Security questionnaire 'P10D' ran from Mon 1 to Fri 12 Mar 2027 in the file
and was read as 240 hours, 6 weeks, with only a line that the duration contradicts its dates: the plan finished
weeks late. A duration whose days the task's own dates show to be working days is read so, said in one line; a
day count that agrees with the dates as 24 hours ('P3DT8H': 80 hours, .NET's TimeSpan) is read as before. MPXJ 16
reads 'P10D' as 80 hours too. File: tests/io/data/s33/day-durations-mspdi.xml."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

FILE = Path(__file__).parent / "data" / "s33" / "day-durations-mspdi.xml"


def test_s33_day_counts_read_as_the_tasks_dates_show() -> None:
    plan, report = import_file(FILE)
    assert [(d.title, round(d.weeks(), 3)) for d in plan.decisions] == [
        ("Security questionnaire", 2.0),  # P10D, Mon 1 - Fri 12 Mar
        ("Contract review", 1.0),  # P5DT0H0M0S, Mon 15 - Fri 19 Mar
        ("Pilot integration", 2.0),  # P3DT8H = 80 hours, Mon 15 - Fri 26 Mar
        ("Vendor approved", 0.0),
    ]
    lines = [i.text() for i in report.items]
    assert (
        "2 durations count days as working days ('Security questionnaire' P10D, 'Contract review' P5DT0H0M0S), as "
        "the tasks' own dates show: read so (MS Project's days are 24 hours, 'PT80H0M0S')" in lines
    )
    assert not any("contradicts the task's own dates" in x for x in lines)
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == pytest.approx(4.0)  # Fri 26 Mar 17:00


def test_s33_a_day_count_against_its_dates_either_way_keeps_mspdis_reading(tmp_path: Path) -> None:
    """'P10D' on a task the file draws over 3 weeks agrees with neither reading: MSPDI's 24-hour days are kept and
    the contradiction said, as before."""
    path = tmp_path / "odd.xml"
    path.write_text(
        FILE.read_text(encoding="utf-8").replace("2027-03-12T17:00:00", "2027-03-19T17:00:00", 1),
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert plan.decisions[0].weeks() == pytest.approx(6.0)
    assert any("contradicts the task's own dates" in i.text() for i in report.items)
    assert not any("working days (" in i.text() and "P10D" in i.text() for i in report.items)
