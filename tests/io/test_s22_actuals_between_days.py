"""An actual date in MS Project XML and MPX sits where its working time is in the plan's weeks, as the durations
count, kept as weeks when that place is not a whole day of the plan's weeks (H-io22; as the P6, GanttProject and
table imports keep theirs).

Before: the place was rounded to a calendar day (week_to_date), so an actual finish at the end of Wed 20 Jan 2027,
13 working days (2.6 weeks) after Mon 4 Jan, became Fri 22 Jan, 18 days = 2.57 weeks, and the work after it finished
a fifth of a day early: 3.57 weeks, not 3.6 (Requirements 13 days done, then Build 5 days)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import Plan
from tests.io.test_mspdi import STANDARD_DAYS as DAYS  # Monday to Friday, 08:00-12:00 and 13:00-17:00

MSPDI = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>t</Name><StartDate>2027-01-04T08:00:00</StartDate>
  <MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><CalendarUID>1</CalendarUID>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>{DAYS}
  </WeekDays></Calendar></Calendars>
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Requirements</Name><OutlineLevel>1</OutlineLevel>
      <Start>2027-01-04T08:00:00</Start><Finish>2027-01-20T17:00:00</Finish><Duration>PT104H0M0S</Duration>
      <DurationFormat>7</DurationFormat><PercentComplete>100</PercentComplete>
      <ActualStart>2027-01-04T08:00:00</ActualStart><ActualFinish>2027-01-20T17:00:00</ActualFinish></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel>
      <Start>2027-01-21T08:00:00</Start><Finish>2027-01-27T17:00:00</Finish><Duration>PT40H0M0S</Duration>
      <DurationFormat>7</DurationFormat><PercentComplete>0</PercentComplete>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>
"""
MPX_TASKS = (
    "70,1,1,Requirements,13d,No,1,0d,,Mon 04/01/27,Wed 20/01/27,,,,,0d,0d,0ed,100%,Mon 04/01/27,Wed 20/01/27\n"
    "70,2,2,Build,5d,No,1,0d,1,Thu 21/01/27,Wed 27/01/27,,,,,0d,0d,0ed,0%,NA,NA\n"
)


def _mpx_text() -> str:
    """MS Project 98's settings records (task-links-project98.mpx: day-first dates, 8-hour days), its project record
    moved to 4 Jan 2027, then the two tasks in its task field order (ID, Unique ID, Name, Duration, ..., Start,
    Finish, ..., % Complete, Actual Start, Actual Finish)."""
    real = Path(__file__).parent / "data" / "mpx-real" / "task-links-project98.mpx"
    head = real.read_bytes().decode("cp1252").split("\n")[:17]
    head = [
        "30,t,,,Standard,Mon 04/01/27,Wed 27/01/27,0,Mon 04/01/27" if line.startswith("30,") else line
        for line in head
    ]
    return "\n".join(head) + "\n" + MPX_TASKS


def _finish(plan: Plan) -> float:
    result = analyze(plan)
    assert result.schedule is not None
    return round(result.schedule.finish, 6)


@pytest.mark.parametrize("suffix", [".xml", ".mpx"])
def test_s22_actual_finish_between_days_keeps_its_working_weeks(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"p{suffix}"
    if suffix == ".xml":
        path.write_text(MSPDI, encoding="utf-8")
    else:
        path.write_bytes(_mpx_text().encode("cp1252"))
    plan, _ = import_file(path)
    assert plan.start_date == dt.date(2027, 1, 4)
    by_title = {d.title: d for d in plan.decisions}
    done = by_title["Requirements"]
    assert done.actual_start == dt.date(2027, 1, 4)  # a whole day of the plan's weeks: its date
    assert done.actual_finish == pytest.approx(2.6)  # the end of Wed 20 Jan: 13 working days (was Fri 22 Jan)
    assert _finish(plan) == 3.6
