"""Files written by MS Project 98 (MPX) and Primavera P6 8.4 (P6 XML) themselves, from MPXJ's test data (provenance
in tests/io/data/README.md, section "mpxj-real/ and mpx-real/, session 21"), and what their import reports. Each
figure was checked by hand against what the file stores."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file
from planner.units import week_to_date

DATA = Path(__file__).parent / "data"
MPX = DATA / "mpx-real"
REAL = DATA / "mpxj-real"
BRIDGE = DATA / "mpxj-bridge"


def test_s21a_mpx_custom_duration_fields_are_reported() -> None:
    """MS Project 98's task-durations project as MPX: 90 tasks of one day each on Fri 17 Oct 2014 (0.2 weeks, all at
    week 0). What varies is the custom fields Duration1-Duration3 (the only ones MPX has): task n of 1-3 holds
    Duration<n> = n days, and each of Duration1 - Task 0 ... Duration3 - Task 7 one of 1m, 1h, 1d, 1w, 1em, 1eh, 1ed,
    1ew in its field; Duration4-Duration10 exist only as task names. So 9 values in each of the three fields. The
    plan has no custom fields; the values were dropped without a word (MS Project XML's import names them)."""
    plan, report = import_file(MPX / "task-durations-project98.mpx")
    assert len(plan.decisions) == 90 and plan.start_date == dt.date(2014, 10, 17)
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    (item,) = [i for i in report.items if i.kind == "field"]
    assert item.message == (
        "27 values of 3 custom fields are not carried (the plan has no custom fields; values per field): "
        "Duration1 (9), Duration2 (9), Duration3 (9)"
    )


def test_s21a_mpx_custom_fields_of_every_kind_and_empty_ones(tmp_path: Path) -> None:
    """MS Project 98 writes every custom field on every task, the empty ones as ``0d``, ``No``, ``0``, ``£0.00`` or
    ``NA``: none of those is a value. The task-durations file with Text3, Flag2, Cost1, Number5 and Finish4 set on
    its first task (their columns are the 47th, 60th, 53rd, 72nd and 84th of its field list)."""
    text = (MPX / "task-durations-project98.mpx").read_text(encoding="cp1252")
    at = text.index("\n70,1,1,Duration1,") + 1
    end = text.index("\n", at)
    fields = text[at:end].split(",")
    # the field list (record 61) gives each column's number: Text3 = 6, Cost1 = 36, Flag2 = 111, Number5 = 144,
    # Finish4 = 127
    numbers = text[text.index("\n61,") + 1 : text.index("\n", text.index("\n61,") + 1)].split(",")[1:]
    for number, value in (
        ("6", "Supplier"),
        ("36", "£12.50"),
        ("111", "Yes"),
        ("144", "3"),
        ("127", "Fri 24/10/14"),
    ):
        fields[1 + numbers.index(number)] = value
    changed = tmp_path / "custom.mpx"
    changed.write_bytes((text[:at] + ",".join(fields) + text[end:]).encode("cp1252"))
    _, report = import_file(changed)
    (item,) = [i for i in report.items if i.kind == "field"]
    assert item.message.startswith("32 values of 8 custom fields are not carried")
    assert item.message.endswith(
        ": Cost1 (1), Duration1 (9), Duration2 (9), Duration3 (9), Finish4 (1), Flag2 (1), ..."
    )


def test_s21a_mpx_resource_calendars_on_the_project_calendar_lose_nothing() -> None:
    """MS Project 98's calendar-calendars project: the Standard calendar and two more base calendars (Calendar1,
    Calendar2: the same 08:00-12:00 and 13:00-17:00, Monday to Friday), no task, and two resources whose calendars
    (record 55) name Standard as their base with every day '2' (as the base calendar) and no hours or exceptions of
    their own. Nothing is lost but the file has no tasks; the import said '2 resource calendars are not carried' and
    '2 other base calendars ... are not carried', of calendars no figure depends on (MS Project XML's import says
    neither of the same project saved by MS Project 2019)."""
    plan, report = import_file(MPX / "calendar-calendars-project98.mpx")
    assert plan.decisions == [] and plan.start_date == dt.date(2015, 4, 29)
    assert [(t.name, t.capacity) for t in plan.teams] == [("Resource One", 1.0), ("Resource Two", 1.0)]
    assert [i.message for i in report.items] == ["the project has no tasks: the plan is empty"]


def test_s21a_mpx_resource_with_exceptions_of_its_own_is_named() -> None:
    """MPXJ's calendarExceptions.mpx: Resource One on Standard, Resource Two on 'Base Calendar' (a copy of Standard),
    Resource Three on 'Base Calendar' with two exceptions of its own (1-4 Nov and 21-25 Nov 2005, record 57). Only
    Resource Three's time differs from the project calendar; the import said '3 resource calendars are not carried'
    and named none."""
    _, report = import_file(MPX / "calendarExceptions.mpx")
    calendar = [i.message for i in report.items if i.kind == "calendar"]
    assert calendar == [
        "1 resource has working time of its own ('Resource Three'): not carried, the plan's teams work the project "
        "calendar"
    ]


@pytest.mark.parametrize("name", ["percent-complete-8.4.xer", "percent-complete-8.4-pmxml.xml"])
def test_s21a_p6_units_percent_complete_is_reported(name: str) -> None:
    """P6 8.4's percent-complete project, as XER and as P6 XML: twelve 800-hour activities (20 weeks of the 8-hour
    calendar) from Tue 24 Feb 2015, four of each % complete type. The Units ones in progress hold 25, 75 and 100
    labour units done of 100 (P6 shows them 25 %, 75 % and 100 % complete) but all 800 hours to do: the plan's
    progress is what schedules the remaining work, 0 % of their duration. The physical % was reported; the units %
    was dropped without a word. The XML file gives the same plan as the XER file."""
    plan, report = import_file(REAL / name)
    assert len(plan.decisions) == 12 and plan.start_date == dt.date(2015, 2, 24)
    s = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    ef = {d.id: s.ef[s.index[d.id]] for d in plan.decisions}
    assert (ef["A1000"], ef["A1010"], ef["A1020"]) == pytest.approx((20.0, 15.0, 5.0))
    assert all(ef[k] == pytest.approx(20.0) for k in ("A1090", "A1100", "A1110"))
    assert s.finish == pytest.approx(20.0)
    assert Counter(str(d.status) for d in plan.decisions) == {"not_started": 3, "in_progress": 8, "done": 1}
    progress = [i.message for i in report.items if i.kind == "progress"]
    assert (
        "3 activities in progress have a units % complete unlike their duration % complete: the plan's progress is "
        "the duration % (what schedules their remaining work)"
    ) in progress
    assert any(m.startswith("3 activities in progress have a physical % complete") for m in progress)


@pytest.mark.parametrize("suffix", ["xer", "xml"])
def test_s21a_p6_user_field_values_are_reported(suffix: str) -> None:
    """MS Project 2019's task-finishes file (tests/io/data/mpxj-real) converted by MPXJ 16.10 to P6 XER and P6 XML:
    ten one-day activities on Thu 18 Oct 2018, activity n holding the user field Finish<n> (a date, 2014-01-0n),
    which MPXJ writes from MS Project's custom field of that name (UDFTYPE/UDFVALUE; UDFType and each activity's UDF
    in P6 XML). The same project as MS Project XML reports its ten values as not carried; the P6 imports dropped them
    without a word."""
    plan, report = import_file(DATA / f"p6-mpxj-task-finishes-project2019.{suffix}")
    assert len(plan.decisions) == 10 and plan.start_date == dt.date(2018, 10, 18)
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    (item,) = [i for i in report.items if i.kind == "field"]
    assert item.message == (
        "10 values of 10 user fields are not carried (the plan has no custom fields; values per field): Finish1 (1), "
        "Finish2 (1), Finish3 (1), Finish4 (1), Finish5 (1), Finish6 (1), ..."
    )


def test_s21a_p6_planner_own_user_fields_are_not_reported() -> None:
    """The planner's own export converted by MPXJ to XER keeps the planner's fields as user fields (Planner id,
    Planner stage, Planner optimistic (weeks), ...): those are read back or are the plan's estimates, so nothing is
    reported as lost."""
    _, report = import_file(DATA / "p6-mpxj-insights-assistant.xer")
    assert not [i for i in report.items if i.kind == "field"]


NIGHT_SHIFT = "1 resource has working time of its own ('Brian Leach'): not carried, the plan's teams work the project calendar"


def test_s21a_mspdi_resource_on_another_base_calendar_is_named() -> None:
    """MPXJ's planner-resource.planner (GNOME Planner) as MPXJ 16.10 writes it in MS Project XML: Wade Golden and
    Jon Iles on calendars derived from Standard (the project calendar) with nothing of their own, Brian Leach on one
    derived from 'Night Shift' (Monday to Saturday, 23:00-00:00), and the material resource Concrete. Brian Leach's
    hours were dropped without a word: his calendar has nothing of its own, its base is another calendar."""
    plan, report = import_file(BRIDGE / "planner-resource-mpxj-mspdi.xml")
    assert [t.name for t in plan.teams] == ["Wade Golden", "Jon Iles", "Brian Leach"]
    assert [i.message for i in report.items if i.kind == "calendar"] == [NIGHT_SHIFT]
    assert "material resource 'Concrete' is not carried (teams are people)" in report.text(limit=None)


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to convert with MPXJ",
)
def test_s21a_gnome_planner_resource_calendars_through_real_mpxj(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same .planner file through the MPXJ bridge itself: the same report line."""
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", os.environ["MPXJ_PYTHON"])
    _, report = import_file(BRIDGE / "planner-resource.planner")
    assert [i.message for i in report.items if i.kind == "calendar"] == [NIGHT_SHIFT]


def test_s21a_mpx_resource_notes_are_reported() -> None:
    """MS Project 98's resource-misc project as MPX: no task, 'Resource 1' and 'Resource 2' with notes (record 51:
    'Notes1', 'Notes2'), group, code, e-mail and a cost per use (£1.23, £4.56). The notes were dropped without a word
    (the rates were reported)."""
    plan, report = import_file(MPX / "resource-misc-project98.mpx")
    assert [t.name for t in plan.teams] == ["Resource 1", "Resource 2"]
    assert [i.message for i in report.items if i.kind == "resource"] == [
        "the notes of 2 resources ('Resource 1', 'Resource 2') are not carried (the plan's teams have no notes)"
    ]


def test_s21a_mspdi_resource_notes_are_reported(tmp_path: Path) -> None:
    """The same in MS Project XML: MS Project 2019's calendar-calendars file with a note on 'Resource Two'."""
    text = (REAL / "calendar-calendars-project2019-mspdi.xml").read_text(encoding="utf-8")
    at = text.rindex("<Name>Resource Two</Name>")  # the resource (its calendar has the same name)
    changed = tmp_path / "notes.xml"
    changed.write_text(text[:at] + "<Notes>Works from Lyon</Notes>" + text[at:], encoding="utf-8")
    _, report = import_file(changed)
    assert [i.message for i in report.items if i.kind == "resource"] == [
        "the notes of 1 resource ('Resource Two') are not carried (the plan's teams have no notes)"
    ]


def test_s21a_mpx_inserted_project_is_reported(tmp_path: Path) -> None:
    """An MPX task whose Subproject File names another file is an inserted project: its tasks are in that file (MS
    Project XML's import says so of IsSubproject). The task-durations file with a path in Task 1's Subproject File
    (field 96 of its field list)."""
    text = (MPX / "task-durations-project98.mpx").read_text(encoding="cp1252")
    at = text.index("\n70,1,1,Duration1,") + 1
    end = text.index("\n", at)
    fields = text[at:end].split(",")
    numbers = text[text.index("\n61,") + 1 : text.index("\n", text.index("\n61,") + 1)].split(",")[1:]
    fields[1 + numbers.index("96")] = r"C:\Projects\Build.mpp"
    changed = tmp_path / "inserted.mpx"
    changed.write_bytes((text[:at] + ",".join(fields) + text[end:]).encode("cp1252"))
    _, report = import_file(changed)
    (item,) = [i for i in report.items if i.kind == "format"]
    assert (
        item.message
        == r"an inserted project (C:\Projects\Build.mpp) is one task here: import that file for its tasks"
    )
    assert item.where == "task 1 'Duration1'"


def test_s21a_ganttproject_tasks_run_on_weekends() -> None:
    """GanttProject 3.3 (3.3.3312) with 'tasks run on weekends' (``<only-show-weekends value="true">``: weekends are
    only shown, not taken into account for the scheduling): a 2-day task from Fri 29 Dec 2023 runs Friday and
    Saturday. It was read in 5-day weeks (0.4 weeks, to Mon 1 Jan 2024); now 2 of 7 working days, to the end of Sat
    30 Dec (the plan's 31 Dec)."""
    plan, _ = import_file(DATA / "gan-mit" / "task-crossing-weekends-and-tasks-can-run-on-weekends.gan")
    (task,) = plan.decisions
    assert plan.start_date == dt.date(2023, 12, 29)
    assert task.duration == pytest.approx(2 / 7)
    s = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    assert s.finish == pytest.approx(2 / 7)
    assert week_to_date(plan.start_date, s.finish) == dt.date(2023, 12, 31)


def test_s21a_ganttproject_weekends_not_run_stay_off(tmp_path: Path) -> None:
    """The same file with ``value="false"`` (GanttProject's default): Saturday and Sunday are off, 2 days of 5."""
    text = (DATA / "gan-mit" / "task-crossing-weekends-and-tasks-can-run-on-weekends.gan").read_text(
        encoding="utf-8"
    )
    changed = tmp_path / "weekends-off.gan"
    changed.write_text(
        text.replace('<only-show-weekends value="true"/>', '<only-show-weekends value="false"/>')
    )
    plan, _ = import_file(changed)
    assert plan.decisions[0].duration == pytest.approx(0.4)
