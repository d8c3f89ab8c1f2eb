"""Recurring calendar exceptions as MS Project 2016 writes them (``<Exceptions>`` with ``Type`` 2-7). Each case is an
``<Exception>`` of MPXJ's test file ``junit/data/generated/calendar-recurring-exceptions/
calendar-recurring-exceptions-project2016-mspdi.xml`` (joniles/mpxj, LGPL-2.1 test data), and the days expected are
the ones MS Project itself listed for it in the same file (its 2003-style ``<WeekDay><DayType>0`` entries). Before,
every recurring exception was read as *every* day of its range: a weekly day off over a year took the whole year."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.common import ImportReport
from planner.io.mspdi import _exception_days, _fields, _text


def _days(xml: str) -> list[dt.date]:
    f = _fields(ET.fromstring(xml))
    pf = _fields(f["TimePeriod"])
    report = ImportReport(source="x", format="MS Project XML")
    days = _exception_days(
        _text(pf, "FromDate"), _text(pf, "ToDate"), _text(f, "DayWorking") == "1", report, _text(f, "Type"), f
    )
    assert not report.items
    return days


def _exception(first: str, last: str, occurrences: int, kind: int, fields: str) -> str:
    return (
        f"<Exception><EnteredByOccurrences>1</EnteredByOccurrences><TimePeriod><FromDate>{first}T00:00:00"
        f"</FromDate><ToDate>{last}T23:59:00</ToDate></TimePeriod><Occurrences>{occurrences}</Occurrences>"
        f"<Type>{kind}</Type>{fields}<DayWorking>0</DayWorking></Exception>"
    )


D = dt.date
CASES = [
    ("Daily 3", ("2000-03-01", "2000-03-21", 5, 7, "<Period>5</Period>"),
     [D(2000, 3, 1), D(2000, 3, 6), D(2000, 3, 11), D(2000, 3, 16), D(2000, 3, 21)]),
    ("Daily 4", ("2000-04-01", "2000-05-06", 6, 7, "<Period>7</Period>"),
     [D(2000, 4, 1), D(2000, 4, 8), D(2000, 4, 15), D(2000, 4, 22), D(2000, 4, 29), D(2000, 5, 6)]),
    ("Weekly 1 Monday", ("2001-01-01", "2001-01-15", 3, 6, "<Period>1</Period><DaysOfWeek>2</DaysOfWeek>"),
     [D(2001, 1, 1), D(2001, 1, 8), D(2001, 1, 15)]),
    ("Weekly 2 Tuesday", ("2001-01-01", "2001-02-13", 4, 6, "<Period>2</Period><DaysOfWeek>4</DaysOfWeek>"),
     [D(2001, 1, 2), D(2001, 1, 16), D(2001, 1, 30), D(2001, 2, 13)]),
    ("Weekly 3 Wednesday", ("2001-01-01", "2001-03-28", 5, 6, "<Period>3</Period><DaysOfWeek>8</DaysOfWeek>"),
     [D(2001, 1, 3), D(2001, 1, 24), D(2001, 2, 14), D(2001, 3, 7), D(2001, 3, 28)]),
    ("Weekly 5 Friday", ("2001-01-01", "2001-08-03", 7, 6, "<Period>5</Period><DaysOfWeek>32</DaysOfWeek>"),
     [D(2001, 1, 5), D(2001, 2, 9), D(2001, 3, 16), D(2001, 4, 20), D(2001, 5, 25), D(2001, 6, 29),
      D(2001, 8, 3)]),
    ("Weekly 6 Saturday", ("2001-01-01", "2001-10-27", 8, 6, "<Period>6</Period><DaysOfWeek>64</DaysOfWeek>"),
     [D(2001, 1, 6), D(2001, 2, 17), D(2001, 3, 31), D(2001, 5, 12), D(2001, 6, 23), D(2001, 8, 4),
      D(2001, 9, 15), D(2001, 10, 27)]),
    # the Sunday of 1 Jan 2001's week is 31 Dec 2000, before the range: the first one is seven weeks later
    ("Weekly 7 Sunday", ("2001-01-01", "2002-03-17", 9, 6, "<Period>7</Period><DaysOfWeek>1</DaysOfWeek>"),
     [D(2001, 2, 18), D(2001, 4, 8), D(2001, 5, 27), D(2001, 7, 15), D(2001, 9, 2), D(2001, 10, 21),
      D(2001, 12, 9), D(2002, 1, 27), D(2002, 3, 17)]),
    ("Monthly Relative 1", ("2002-01-01", "2002-05-06", 3, 5,
                            "<Period>2</Period><MonthItem>4</MonthItem><MonthPosition>0</MonthPosition>"),
     [D(2002, 1, 7), D(2002, 3, 4), D(2002, 5, 6)]),  # first Monday, every two months
    ("Monthly Relative 3", ("2002-01-01", "2003-05-21", 5, 5,
                            "<Period>4</Period><MonthItem>6</MonthItem><MonthPosition>2</MonthPosition>"),
     [D(2002, 1, 16), D(2002, 5, 15), D(2002, 9, 18), D(2003, 1, 15), D(2003, 5, 21)]),  # third Wednesday
    ("Monthly Relative 5", ("2002-01-01", "2005-01-28", 7, 5,
                            "<Period>6</Period><MonthItem>8</MonthItem><MonthPosition>4</MonthPosition>"),
     [D(2002, 1, 25), D(2002, 7, 26), D(2003, 1, 31), D(2003, 7, 25), D(2004, 1, 30), D(2004, 7, 30),
      D(2005, 1, 28)]),  # last Friday, every six months
    ("Monthly Absolute 1", ("2003-01-01", "2003-05-01", 3, 4, "<Period>2</Period><MonthDay>1</MonthDay>"),
     [D(2003, 1, 1), D(2003, 3, 1), D(2003, 5, 1)]),
    ("Yearly Relative 1", ("2004-01-01", "2007-03-06", 4, 3,
                           "<Month>2</Month><MonthItem>5</MonthItem><MonthPosition>0</MonthPosition>"),
     [D(2004, 3, 2), D(2005, 3, 1), D(2006, 3, 7), D(2007, 3, 6)]),  # first Tuesday of March
    ("Yearly Absolute 1", ("2005-01-01", "2007-02-01", 3, 2, "<Month>1</Month><MonthDay>1</MonthDay>"),
     [D(2005, 2, 1), D(2006, 2, 1), D(2007, 2, 1)]),
]  # fmt: skip


@pytest.mark.parametrize("name,args,expected", CASES, ids=[c[0] for c in CASES])
def test_recurring_exception_days_as_ms_project_lists_them(
    name: str, args: tuple[str, str, int, int, str], expected: list[dt.date]
) -> None:
    assert _days(_exception(*args)) == expected


def test_a_weekly_day_off_over_a_year_leaves_the_other_days_working(tmp_path: Path) -> None:
    """Every Friday off for all of 2027: a 10-day task from Mon 4 Jan runs to Tue 19 Jan in the file (4-day weeks);
    the import counts the Fridays as non-working days (reported), not the whole year."""
    from tests.io.test_mspdi import task, write

    exceptions = (
        "<Exceptions>"
        + _exception("2027-01-01", "2027-12-31", 53, 6, "<Period>1</Period><DaysOfWeek>32</DaysOfWeek>")
        + "</Exceptions>"
    )
    path = write(
        tmp_path,
        [task(1, "A", 1, "PT80H0M0S", start="2027-01-04T08:00:00", finish="2027-01-19T17:00:00")],
        exceptions=exceptions,
    )
    plan, report = import_file(path)
    assert plan.decisions[0].duration == 2.0
    # 10 working days Mon 4 - Tue 19 Jan without the Fridays: the file's finish is 2 working weeks in
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(2.0)
    text = report.text(limit=None)
    assert "non-working days of the project calendar (2027-01-08, 2027-01-15, " in text
    assert "every day of its range" not in text
