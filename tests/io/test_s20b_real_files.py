"""Files written by Primavera P6 and GanttProject themselves (provenance in tests/io/data/README.md), each figure
checked by hand against what the file stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file
from planner.model.plan import Status

DATA = Path(__file__).parent / "data"


def test_s20b_p6_18_1_xml_with_half_hour_calendar_ends() -> None:
    """P6 18.1's XML (MPXJ's PredecessorCalendar.xml): a calendar of 07:00-12:00 and 12:30-15:30, which P6 XML
    writes as its last working minutes, ``11:59`` and ``15:29``; the import made the afternoon end at 15:29 (a
    7 h 59 min day), so every position drifted (the actual start was week 22.625052). By hand: the project starts
    Tue 1 Sep 2020; A1000 'Test' was actually worked from Fri 5 Feb 2021 08:00 (22 weeks to Tue 2 Feb, 3 days to Fri
    07:00, 1 hour more: 22.625 weeks) to Mon 19 Apr 15:30 (415 hours = 10.375 weeks later: week 33.0, Tue 20 Apr);
    its original duration is 360 hours (9 weeks); the data date, Mon 17 May 22:00, after that day's work, is Tue 18
    May 07:00 (week 37)."""
    plan, report = import_file(DATA / "mpxj-real" / "PredecessorCalendar-p6-18.1.xml")
    (task,) = plan.decisions
    assert (task.id, task.title, task.status, task.progress) == ("A1000", "Test", Status.DONE, 100.0)
    assert plan.start_date == dt.date(2020, 9, 1)
    assert task.duration == pytest.approx(9.0)
    assert task.actual_start == pytest.approx(22.625, abs=1e-9)
    assert task.actual_finish == dt.date(2021, 4, 20)
    assert plan.status_date == dt.date(2021, 5, 18)
    s = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    assert s.finish == pytest.approx(33.0)
    assert "the data date 17 May 2021 is the status date at week 37" in report.text(limit=None)


def test_s20b_ganttproject_2_8_10_sample_starting_on_a_tuesday() -> None:
    """GanttProject 2.8.10's house-building sample: the same project as HouseBuildingSample.gan (3.0), saved from
    Tue 29 Jan 2019. Its last task, 'Bring your family here', is stored on Tue 18 Jun 2019: 100 working days (20.0
    weeks) after the first start, as in the 3.0 file."""
    plan, report = import_file(DATA / "HouseBuildingSample-gp2.8.10.gan")
    assert plan.start_date == dt.date(2019, 1, 29)
    leaves = [d for d in plan.decisions if "import-helper" not in d.tags]
    assert len(leaves) == 16
    assert sum(d.milestone for d in leaves) == 4
    s = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    assert s.finish == pytest.approx(20.0)
    assert s.ef[s.index["bring-your-family-here"]] == pytest.approx(20.0)
    assert "4 summary tasks turned into structure" in report.summary()
