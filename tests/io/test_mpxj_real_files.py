"""Files written by MS Project (2003-2019, saved as XML) and Primavera P6 (XER, 8.2 to 20.12) themselves, from MPXJ's
test data (provenance and what was trimmed in tests/io/data/README.md). Each figure below was checked by hand against
what the file itself stores: MS Project's own Start/Finish, P6's remaining durations and dates, in working weeks of
the project calendar (40-hour weeks) from the project start."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import Schedule, schedule
from planner.io import import_file

DATA = Path(__file__).parent / "data"
REAL = DATA / "mpxj-real"
SAMPLES = Path(__file__).parents[2] / "sample_plans"


def _analyzed(plan: Any) -> Schedule:
    """The schedule `planner analyze` shows: the remaining work under the recorded progress."""
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=120, check=False
    )


# -- MS Project: task links, every version -----------------------------------------------------------------------

TASK_LINKS = {
    "2003": REAL / "task-links-project2003-mspdi.xml",
    "2007": REAL / "task-links-project2007-mspdi.xml",
    "2010": REAL / "task-links-project2010-mspdi.xml",
    "2013": DATA / "task-links-project2013-mspdi.xml",
    "2016": REAL / "task-links-project2016-mspdi.xml",
    "2019": REAL / "task-links-project2019-mspdi.xml",
}
# the first day of each file (MS Project 2016 and 2019 saved the same project again, on other dates)
FIRST_DAY = {"2016": dt.date(2016, 2, 8), "2019": dt.date(2018, 10, 18)}


@pytest.mark.parametrize("version", sorted(TASK_LINKS))
def test_task_links_every_version(version: str) -> None:
    """Eight pairs of one-day tasks from Fri 17 Oct 2014, each pair linked another way: FS 0, FS 4800 (1 day in
    tenths of minutes), FS 9600 (2 days), FS 24000 with LagFormat 9 (1 week), FS 48000 (2 weeks), SF, SS and FF with
    2 days. MS Project stores the successors on Mon 20, Tue 21, Wed 22, Mon 27 Oct and Mon 3 Nov (FS), Mon 20 (SF),
    Tue 21 (SS, FF); the project finishes Mon 3 Nov 17:00 = 12 working days = 2.4 weeks. MS Project 2016 saved it
    again from Mon 8 Feb 2016 (successors Tue 9, Wed 10, Thu 11, Tue 16, Tue 23 Feb; finish Tue 23 Feb 17:00) and 2019
    from Thu 18 Oct 2018 (Fri 19, Mon 22, Tue 23, Fri 26 Oct, Fri 2 Nov; finish Fri 2 Nov 17:00): the same weeks."""
    plan, report = import_file(TASK_LINKS[version])
    assert len(plan.decisions) == 16 and plan.start_date == FIRST_DAY.get(version, dt.date(2014, 10, 17))
    links = {(str(d.type), round(d.lag, 6)) for d in plan.dependencies}
    assert links == {("FS", 0.0), ("FS", 0.2), ("FS", 0.4), ("FS", 1.0), ("FS", 2.0), ("SF", 0.4), ("SS", 0.4),
                     ("FF", 0.4)}  # fmt: skip
    s = _analyzed(plan)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(2.4)
    assert s.finish == pytest.approx(2.4)
    # each successor where MS Project stored it, in working weeks from Fri 17 Oct 08:00
    by_type = {(str(d.type), round(d.lag, 6)): s.es[s.index[d.to]] for d in plan.dependencies}
    assert by_type == pytest.approx(
        {
            ("FS", 0.0): 0.2,
            ("FS", 0.2): 0.4,
            ("FS", 0.4): 0.6,
            ("FS", 1.0): 1.2,
            ("FS", 2.0): 2.2,
            ("SF", 0.4): 0.2,
            ("SS", 0.4): 0.4,
            ("FF", 0.4): 0.4,
        }  # fmt: skip
    )
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)  # 8 hours, 'estimated' days (39)
    # 2016 and 2019 saved the tasks as manually scheduled (Manual 1): each keeps its stored start, and one line
    # says so for all 16 (one line per task until session 20)
    manual = [i for i in report.items if "manually scheduled" in i.message]
    assert [i.message[:69] for i in manual] == (
        ["16 manually scheduled tasks keep their stored start as their earliest"]
        if version in ("2016", "2019")
        else []
    )
    assert not [i for i in report.items if i.kind != "guess" and i not in manual]


def test_task_links_2003_through_the_command_line(tmp_path: Path) -> None:
    """`planner import` then `planner analyze`: exit 0 both, and the finish MS Project stored (Mon 3 Nov 2014)."""
    out = tmp_path / "links.plan.json"
    done = _cli("import", str(TASK_LINKS["2003"]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Imported 16 decisions, 8 dependencies" in done.stdout + done.stderr
    shown = _cli("analyze", str(out))
    assert shown.returncode == 0, shown.stderr
    assert "week 2.4 (3 Nov 2014)" in shown.stdout


# -- Primavera P6 XER ------------------------------------------------------------------------------------------------

RELATIONSHIP_CALENDARS = [
    "PredecessorCalendar",
    "ProjectDefaultCalendar",
    "SuccessorCalendar",
    "TwentyFourHourCalendar",
]


@pytest.mark.parametrize("name", RELATIONSHIP_CALENDARS)
def test_p6_8_2_relationship_lag_calendar_files(name: str) -> None:
    """P6 8.2 files that differ only in the scheduling option for lag calendars: one completed activity, A1000
    'Test', actually Mon 10 Jun 08:00 - Wed 12 Jun 17:00 2019 (24 hours = 0.6 weeks) in a project from Mon 6 May
    2019 08:00 (5 weeks before, no holiday between), data date Wed 2 Oct 2019: 21.4 weeks after the start less the
    holidays Thu 4 Jul, Fri 5 Jul and Mon 2 Sep = 20.8 working weeks."""
    plan, report = import_file(REAL / f"{name}.xer")
    (task,) = plan.decisions
    assert (task.id, task.title, str(task.status)) == ("A1000", "Test", "done")
    assert task.duration == pytest.approx(0.6)
    assert task.actual_start == dt.date(2019, 6, 10)
    assert plan.start_date == dt.date(2019, 5, 6)
    s = _analyzed(plan)
    assert s.ef[0] == pytest.approx(5.6) and s.finish == pytest.approx(
        5.6
    )  # done: it ends at its actual finish
    assert plan.status_date == pytest.approx(20.8)
    text = report.text(limit=None)
    assert "non-working days of the project calendar (2019-07-04, 2019-07-05, 2019-09-02" in text


def test_p6_8_4_percent_complete_types() -> None:
    """Twelve 800-hour activities (20 weeks of the 8-hour 08:00-16:00 calendar) from Tue 24 Feb 2015, four for each
    percent complete type. Duration % complete is what P6 schedules: 25 % leaves 600 hours (P6 finishes it Mon 8 Jun
    16:00 = week 15), 75 % leaves 200 (Mon 30 Mar = week 5); physical and units % leave the 800 hours to do."""
    plan, report = import_file(REAL / "percent-complete-8.4.xer")
    assert len(plan.decisions) == 12 and plan.start_date == dt.date(2015, 2, 24)
    assert all(d.duration == pytest.approx(20.0) for d in plan.decisions)
    s = _analyzed(plan)
    ef = {d.id: s.ef[s.index[d.id]] for d in plan.decisions}
    assert (ef["A1000"], ef["A1010"], ef["A1020"]) == pytest.approx((20.0, 15.0, 5.0))
    assert all(ef[k] == pytest.approx(20.0) for k in ("A1040", "A1050", "A1060", "A1070", "A1090", "A1110"))
    assert s.finish == pytest.approx(plan.extensions["import"]["source_finish_weeks"]) == pytest.approx(20.0)
    status = Counter(str(d.status) for d in plan.decisions)
    assert status == {"not_started": 3, "in_progress": 8, "done": 1}
    text = report.text(limit=None)
    assert "physical % complete unlike their duration % complete" in text


def test_p6_8_4_file_with_a_broken_calendar_still_imports() -> None:
    """The same project with two more calendars, one of them cut off after '(0||CalendarData()(' (MPXJ keeps it
    to test that a reader survives it): the activities use the valid calendar 178, so the figures are those of the
    file without it."""
    plan, _ = import_file(REAL / "invalid-8.4.xer")
    assert len(plan.decisions) == 12
    s = _analyzed(plan)
    assert s.finish == pytest.approx(20.0)
    assert s.ef[s.index["A1010"]] == pytest.approx(15.0)


def test_p6_20_12_resource_rates_file(tmp_path: Path) -> None:
    """P6 20.12: one 240-hour activity (Mon 22 Aug - Fri 30 Sep 2022 17:00 = 6 weeks) with five assignments of
    'Resource 1' (two through 'Role 1'): the primary resource is the owner, counted once (the four repeats said)."""
    plan, report = import_file(REAL / "resource-rates-test.xer")
    (task,) = plan.decisions
    assert (task.id, task.owner, task.duration) == ("A1000", "R1", pytest.approx(6.0))
    assert [t.name for t in plan.teams] == ["Resource 1"]
    assert _analyzed(plan).finish == pytest.approx(6.0)
    assert task.headcount == 1
    assert "4 resource assignments repeat a resource already assigned" in report.text(limit=None)
    out = tmp_path / "rates.plan.json"
    done = _cli("import", str(REAL / "resource-rates-test.xer"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    shown = _cli("analyze", str(out))
    assert shown.returncode == 0 and "week 6" in shown.stdout


# -- MS Project: custom fields (task-durations) -----------------------------------------------------------------------


def test_task_durations_2003_custom_fields_are_reported_not_dropped() -> None:
    """MS Project 2003's task-durations file: 17 one-day tasks (8 hours, DurationFormat 39 'estimated days') whose
    custom duration fields Duration1-Duration10 hold 1-10 days, and Duration1 on seven more tasks in minutes (3),
    hours (5), days (7), weeks (9), months (11, 160 hours at 20 days a month), elapsed minutes (4) and elapsed hours
    (6). The plan has no custom fields: each task is its own 0.2 weeks, the finish is the file's (Fri 17 Oct 17:00),
    and the report names the fields and how many values each had (Duration1 8; they were dropped without a word)."""
    plan, report = import_file(REAL / "task-durations-project2003-mspdi.xml")
    assert len(plan.decisions) == 17
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    assert _analyzed(plan).finish == pytest.approx(0.2)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(0.2)
    (item,) = [i for i in report.items if i.kind == "field"]
    assert item.message.startswith("17 values of 10 custom fields are not carried")
    assert "Duration1 (8), Duration2 (1), Duration3 (1)" in item.message and item.message.endswith(", ...")


def test_custom_fields_of_the_planners_own_export_are_not_reported(tmp_path: Path) -> None:
    """The planner's own MSPDI export writes its fields as aliased custom fields (Planner id, Planner stage, ...):
    reading it back takes them, so none is reported as not carried; an aliased field of another tool is reported by
    its alias."""
    from planner.io import export_file
    from planner.model.io import load_plan

    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    out = tmp_path / "own.xml"
    export_file(plan, out)
    _, report = import_file(out)
    assert not [i for i in report.items if i.kind == "field"]
    text = out.read_text(encoding="utf-8")
    extra = (
        "<ExtendedAttribute><FieldID>188743752</FieldID><FieldName>Text9</FieldName><Alias>Risk owner</Alias>"
        "</ExtendedAttribute></ExtendedAttributes>"
    )
    text = text.replace("</ExtendedAttributes>", extra, 1)
    first_task_end = text.index("</Task>", text.index("<OutlineLevel>1</OutlineLevel>"))
    text = (
        text[:first_task_end]
        + "<ExtendedAttribute><FieldID>188743752</FieldID><Value>Dana</Value></ExtendedAttribute>"
        + text[first_task_end:]
    )
    out.write_text(text, encoding="utf-8")
    _, report = import_file(out)
    (item,) = [i for i in report.items if i.kind == "field"]
    assert "1 value of 1 custom field" in item.message and "Risk owner (1)" in item.message


# -- MS Project: baselines (task-baselines) -----------------------------------------------------------------------------


def test_task_baselines_2003_partial_baseline_0_is_reported() -> None:
    """MS Project 2003's task-baselines file sets one baseline field per task: Baseline 0 cost 100, duration 88 hours,
    finish Sat 1 Mar 2014 09:00, start Tue 1 Apr 2014 09:00, each on its own task, and the same fields of Baseline 1.
    No task has the start and finish the plan's baseline needs: none is taken (before, the three were dropped without
    a word), the report names the three tasks, the cost and Baseline 1."""
    plan, report = import_file(REAL / "task-baselines-project2003-mspdi.xml")
    assert len(plan.decisions) == 8 and not plan.baselines
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    assert _analyzed(plan).finish == pytest.approx(0.2)  # Mon 9 Feb 2015 08:00-17:00
    text = report.text(limit=None)
    assert (
        "Baseline 0 of 3 tasks has a start, a finish or a duration but not enough of them to place it" in text
    )
    assert "'Baseline Duration - Task', 'Baseline Finish - Task', 'Baseline Start - Task'" in text
    assert "the Baseline 0 cost or work of 1 task is not carried" in text
    assert "Baseline 1 is not carried" in text


def test_baseline_0_with_a_start_or_finish_and_a_duration_is_placed(tmp_path: Path) -> None:
    """Some tools write a baseline as a start (or finish) and a duration: the other end is that many working weeks
    on (or back). The 2003 file with 'Baseline Start - Task' given Mon 9 Feb 2015 08:00 and 16 hours, and 'Baseline
    Finish - Task' Mon 23 Feb 17:00 and 88 hours (11 days): baselines 0-0.4 and 0-2.2 weeks."""
    text = (REAL / "task-baselines-project2003-mspdi.xml").read_text(encoding="utf-8")
    text = text.replace(
        "<Number>0</Number><Start>2014-04-01T09:00:00</Start>",
        "<Number>0</Number><Start>2015-02-09T08:00:00</Start><Duration>PT16H0M0S</Duration>",
    ).replace(
        "<Number>0</Number><Finish>2014-03-01T09:00:00</Finish>",
        "<Number>0</Number><Finish>2015-02-23T17:00:00</Finish><Duration>PT88H0M0S</Duration>",
    )
    path = tmp_path / "baselines.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    (base,) = plan.baselines
    by_title = {d.title: d.id for d in plan.decisions}
    start = base.decisions[by_title["Baseline Start - Task"]]
    finish = base.decisions[by_title["Baseline Finish - Task"]]
    assert (start.start, start.finish) == pytest.approx((0.0, 0.4))
    # Mon 23 Feb 17:00 is 2.2 weeks from Mon 9 Feb 08:00; 88 hours (11 days) back is the project start
    assert (finish.start, finish.finish) == pytest.approx((0.0, 2.2))
    assert "Baseline 0 of 1 task has" in report.text(limit=None)  # the duration-only one is still not placed


# -- MS Project: resources and assignments ------------------------------------------------------------------------------


def test_assignments_2003_project_start_after_its_tasks(tmp_path: Path) -> None:
    """MS Project 2003's assignment-assignments file (whole): three 80-hour tasks Mon 4 - Fri 15 Jan 2016, each with
    one of 'Resource 1'-'Resource 3' at 100 %, the second 25 % done and the third 50 % (actual start Mon 4 Jan). The
    project's Start Date is Fri 11 Mar 2016, after every task (its FinishDate, 15 Jan, is before it): read from there,
    the tasks sat at week -7.8, the actual starts were moved to 11 Mar and the report said the file finishes at week
    -7.8. The plan starts with the first task, the file's finish is week 2 (Fri 15 Jan 17:00), and the report says
    why the plan's start is not the file's."""
    plan, report = import_file(REAL / "assignment-assignments-project2003-mspdi.xml")
    assert plan.start_date == dt.date(2016, 1, 4)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(2.0)
    owners = {d.title: (d.owner, d.duration, d.progress, d.actual_start) for d in plan.decisions}
    # H-io24: their Resume (Wed 6 Jan 13:00, Mon 11 Jan) is carried as the remaining work's earliest start, the
    # part done counted back from it to Mon 4 Jan in place of the actual start (tests/io/test_s24_mspdi_resume_carried)
    assert owners == {
        "Task 1": ("resource-1", 2.0, 0.0, None),
        "Task 2": ("resource-2", 2.0, 25.0, None),
        "Task 3": ("resource-3", 2.0, 50.0, None),
    }
    assert [d.not_before for d in plan.decisions] == [None, 0.5, 1.0]
    assert [(t.name, t.capacity) for t in plan.teams] == [
        ("Resource 1", 1.0),
        ("Resource 2", 1.0),
        ("Resource 3", 1.0),
    ]
    s = _analyzed(plan)
    assert s.finish == pytest.approx(2.0)
    text = report.text(limit=None)
    assert (
        "the project's start date in the file (11 Mar 2016) is after its first task's start (4 Jan 2016)"
        in text
    )
    assert "week -" not in text


# -- MS Project: recurring calendar exceptions ---------------------------------------------------------------------------


def _holidays(text: str) -> tuple[list[dt.date], str]:
    """The non-working days the importer reads from the project calendar of an MSPDI text, and its report."""
    from planner.io.common import ImportReport, parse_xml
    from planner.io.mspdi import _calendar, _fields

    fields = _fields(parse_xml(text.encode("utf-8"), "calendar.xml"))
    report = ImportReport()
    calendar = _calendar(fields, list(fields["Calendars"]), dt.date(2017, 10, 20), 480, report)
    return sorted(set(calendar.holidays)), report.text(limit=None)


def test_recurring_exceptions_2016_expand_to_the_days_ms_project_lists() -> None:
    """MS Project 2016 writes each calendar exception twice: as its recurrence (`<Exceptions>`: daily every 3rd, 5th,
    7th day, weekly on a weekday every 1-7 weeks, monthly on the n-th weekday or a day of the month, yearly, each
    for 3-9 occurrences) and expanded into days (`<WeekDay>` of DayType 0, the 2003 layout). Read from the
    recurrences alone, the importer gives exactly the days MS Project listed: 89 working days from Mon 3 Jan 2000
    (the 'Daily 1' exception of Sat 1 - Mon 3 Jan) to Thu 21 May 2009. 'Monthly Relative 2' (MonthItem 5 = Tuesday,
    MonthPosition 1 = the second, every 3 months) is Tue 8 Jan, 9 Apr, 9 Jul and 8 Oct 2002, as listed. The working
    Saturdays of 'Recurring Working' (2 Jan, 6 Feb, 6 Mar 2010) are reported as not carried, never read as holidays."""
    import re

    text = (REAL / "calendar-recurring-exceptions-project2016-mspdi.xml").read_text(encoding="utf-8")
    listed, listed_report = _holidays(re.sub(r"<Exceptions>.*</Exceptions>", "", text, flags=re.S))
    recurring, recurring_report = _holidays(
        re.sub(r"\s*<WeekDay>\s*<DayType>0</DayType>.*?</WeekDay>", "", text, flags=re.S)
    )
    assert len(listed) == 89 and recurring == listed
    assert (listed[0], listed[-1]) == (dt.date(2000, 1, 3), dt.date(2009, 5, 21))
    second_tuesdays = {dt.date(2002, 1, 8), dt.date(2002, 4, 9), dt.date(2002, 7, 9), dt.date(2002, 10, 8)}
    assert second_tuesdays <= set(recurring)
    assert "a working-time exception (2010-01-01 to 2010-03-06) is not carried" in recurring_report
    assert listed_report.count("a working-time exception") == 3
    plan, report = import_file(REAL / "calendar-recurring-exceptions-project2016-mspdi.xml")
    assert plan.decisions == [] and plan.start_date == dt.date(2017, 10, 20)  # a calendar and no tasks
