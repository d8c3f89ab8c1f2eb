"""More files written by MS Project (2016, 2019, saved as XML) and Primavera P6 themselves, from MPXJ's test data
(provenance and what was trimmed: tests/io/data/README.md, section mpxj-real/), and the fixes they showed. Each
figure was checked by hand against what the file itself stores, in working weeks of the project calendar (40-hour
weeks) from the project start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import Schedule, schedule
from planner.io import import_file
from planner.units import count

REAL = Path(__file__).parent / "data" / "mpxj-real"


def _analyzed(plan: Any) -> Schedule:
    """The schedule `planner analyze` shows: the remaining work under the recorded progress."""
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))


# -- Primavera P6: in progress with nothing left ------------------------------------------------------------------


def test_p6_activity_with_no_duration_left_ends_at_the_data_date() -> None:
    """P6 8.4's 'Duration 100%' (A1030): TK_Active, 800 hours planned, remain_drtn_hr_cnt 0, actual start Tue 24 Feb
    2015 08:00, no actual finish, and reend_date (its remaining early finish, what P6 shows as its finish) Tue 24 Feb
    08:00 = the data date (last_recalc_date 24 Feb 00:00, before the first working minute). It used to be done at its
    target end, Mon 13 Jul 16:00 = week 20; P6 has it ending at the data date: week 0. The other activities keep
    their figures, and the file's finish is still week 20 (the 0 % ones)."""
    plan, report = import_file(REAL / "percent-complete-8.4.xer")
    s = _analyzed(plan)
    a1030 = next(d for d in plan.decisions if d.id == "A1030")
    assert (str(a1030.status), a1030.progress) == ("done", 100.0)
    assert a1030.actual_start == a1030.actual_finish == dt.date(2015, 2, 24)
    assert (s.es[s.index["A1030"]], s.ef[s.index["A1030"]]) == pytest.approx((0.0, 0.0))
    assert (s.ef[s.index["A1010"]], s.ef[s.index["A1020"]]) == pytest.approx((15.0, 5.0))
    assert s.finish == pytest.approx(20.0)
    text = report.text(limit=None)
    assert (
        "1 activity in progress has no duration left and no actual finish (A1030): done at the data date"
        in (text)
    )
    assert "without actual dates" not in text  # it has them now: the actual start and the data date


def test_p6_activity_with_no_duration_left_and_a_later_data_date(tmp_path: Path) -> None:
    """The same file with the data date moved to Tue 10 Mar 2015 00:00 and reend_date left empty (as a tool that
    does not write remaining dates leaves it): A1030 ends at the data date, 10 working days (80 hours = 2 weeks)
    after Tue 24 Feb 08:00, which is also the plan's status date."""
    text = (REAL / "percent-complete-8.4.xer").read_text(encoding="utf-8")
    lines = text.split("\n")
    out = []
    table = ""
    fields: list[str] = []
    for line in lines:
        cells = line.split("\t")
        if cells[0] == "%T":
            table = cells[1]
        elif cells[0] == "%F":
            fields = cells[1:]
        elif cells[0] == "%R" and table == "PROJECT":
            cells[1 + fields.index("last_recalc_date")] = "2015-03-10 00:00"
            line = "\t".join(cells)
        elif cells[0] == "%R" and table == "TASK" and cells[1 + fields.index("task_code")] == "A1030":
            cells[1 + fields.index("reend_date")] = ""
            line = "\t".join(cells)
        out.append(line)
    path = tmp_path / "later.xer"
    path.write_text("\n".join(out), encoding="utf-8")
    plan, report = import_file(path)
    s = _analyzed(plan)
    assert plan.status_date == dt.date(2015, 3, 10)  # week 2 is a whole day: 2 x 7 days after Tue 24 Feb
    assert s.ef[s.index["A1030"]] == pytest.approx(2.0)
    a1030 = next(d for d in plan.decisions if d.id == "A1030")
    assert str(a1030.status) == "done" and a1030.actual_finish == dt.date(2015, 3, 10)
    assert "no duration left and no actual finish (A1030)" in report.text(limit=None)


# -- outline (every tool's import): a baseline before the plan start -----------------------------------------------


def test_baseline_before_the_plan_start_is_reported(tmp_path: Path) -> None:
    """MS Project 2003's task-baselines file, with the 'Baseline Start - Task' task's Baseline 0 (start Tue 1 Apr 2014
    09:00) given a duration of 16 hours so that it can be placed: it sits before the project's first day (Mon 9 Feb
    2015 08:00), 224 working days less one hour = 1791 hours = 44.775 weeks before it. The plan's weeks start at the
    start, so it is moved to week 0 -- which used to happen without a word."""
    text = (REAL / "task-baselines-project2003-mspdi.xml").read_text(encoding="utf-8")
    text = text.replace(
        "<Number>0</Number><Start>2014-04-01T09:00:00</Start>",
        "<Number>0</Number><Start>2014-04-01T09:00:00</Start><Duration>PT16H0M0S</Duration>",
    )
    path = tmp_path / "early-baseline.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    (base,) = plan.baselines
    (entry,) = base.decisions.values()
    assert (entry.start, entry.finish) == (0.0, 0.0)
    (item,) = [i for i in report.items if "before the plan's start" in i.message]
    assert item.kind == "baseline"
    # -44.775 shown to two decimals (format_weeks); the task named
    assert (
        "the baseline of 1 task starts or ends before the plan's start (earliest: week -44.7" in item.message
    )
    assert item.message.endswith("'Baseline Start - Task'")


def test_baselines_inside_the_plan_are_not_reported_as_early() -> None:
    """The MS Project 2016 delivery file's Baseline 0 sits at its task dates, all on or after the start: no word."""
    data = Path(__file__).parent / "data"
    _, report = import_file(data / "delivery-4x10-progress-mspdi.xml")
    assert not [i for i in report.items if "before the plan's start" in i.message]


# -- MS Project: resource types (2016) and calendars (2019) ----------------------------------------------------------


def test_resource_types_2016_cost_resources_are_named_as_such() -> None:
    """MS Project 2016's resource-type file: no tasks, five cost resources (written as Type 0 with IsCostResource 1),
    five material resources (Type 0) and five work resources (Type 1, MaxUnits 1.00). The work resources are the
    teams, one person each; the other ten are reported by kind (the cost ones were called 'material')."""
    plan, report = import_file(REAL / "resource-type-project2016-mspdi.xml")
    assert plan.decisions == [] and plan.start_date == dt.date(2018, 10, 20)
    assert [(t.name, t.capacity) for t in plan.teams] == [(f"Work Resource {i}", 1.0) for i in range(1, 6)]
    messages = [i.message for i in report.items if i.kind == "resource"]
    assert messages == [
        f"cost resource 'Cost Resource {i}' is not carried (teams are people)" for i in range(1, 6)
    ] + [f"material resource 'Material Resource {i}' is not carried (teams are people)" for i in range(1, 6)]


def test_calendars_2019_resources_on_the_base_calendar_lose_nothing(tmp_path: Path) -> None:
    """MS Project 2019's calendar-calendars file: the Standard calendar and two more base calendars (Calendar1,
    Calendar2, the same 08:00-12:00 and 13:00-17:00 Monday to Friday) that no task uses, and Resource One and
    Resource Two on calendars of their own that only name Standard as their base: the two teams, nothing lost. Given
    its own Friday off, Resource One's calendar is reported as not carried (it was dropped without a word)."""
    path = REAL / "calendar-calendars-project2019-mspdi.xml"
    plan, report = import_file(path)
    assert plan.decisions == [] and plan.start_date == dt.date(2018, 10, 18)
    assert [(t.name, t.capacity) for t in plan.teams] == [("Resource One", 1.0), ("Resource Two", 1.0)]
    # nothing lost; the file has no tasks, which the report now says (it said "everything carried over" of an
    # empty plan, where the MPX and GanttProject imports said so)
    assert [i.message for i in report.items] == ["the project has no tasks: the plan is empty"]
    own = "<BaseCalendarUID>1</BaseCalendarUID>\n"
    text = path.read_text(encoding="utf-8")
    at = text.index(own, text.index("<Name>Resource One</Name>"))
    text = (
        text[: at + len(own)]
        + "\t\t\t<WeekDays><WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>\n"
        + text[at + len(own) :]
    )
    changed = tmp_path / "own-time.xml"
    changed.write_text(text, encoding="utf-8")
    _, report = import_file(changed)
    (item,) = [i for i in report.items if i.kind == "calendar"]
    assert item.message.startswith("1 resource has working time of its own ('Resource One'): not carried")


# -- MS Project: custom finish fields (2007, 2019) ------------------------------------------------------------------

# version -> (the project's day, whether MS Project saved the tasks as manually scheduled)
FINISHES = {"2007": (dt.date(2014, 11, 3), False), "2019": (dt.date(2018, 10, 18), True)}


@pytest.mark.parametrize("version", sorted(FINISHES))
def test_task_finishes_custom_dates_are_reported(version: str) -> None:
    """MS Project's task-finishes file as 2007 (`SaveVersion` 12, Mon 3 Nov 2014, DurationFormat 39) and 2019 (Thu
    18 Oct 2018, DurationFormat 53, manually scheduled) saved it: ten one-day tasks Finish1-Finish10 (8 hours,
    08:00-17:00), task n holding custom field Finish<n> = 2014-01-0n at (7 + n):00. Each is 0.2 weeks at week 0; the
    finish is the file's (17:00 the same day = 0.2); the ten custom dates are named as not carried, and in 2019 each
    manual task says it keeps its stored start."""
    day, manual = FINISHES[version]
    plan, report = import_file(REAL / f"task-finishes-project{version}-mspdi.xml")
    assert plan.start_date == day
    assert [d.title for d in plan.decisions] == [f"Finish{n}" for n in range(1, 11)]
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    s = _analyzed(plan)
    assert s.finish == pytest.approx(0.2) == plan.extensions["import"]["source_finish_weeks"]
    (field,) = [i for i in report.items if i.kind == "field"]
    assert field.message.startswith("10 values of 10 custom fields are not carried")
    assert "Finish1 (1), Finish2 (1)" in field.message
    # one line for the ten manually scheduled tasks (one per task until session 20)
    assert [i.message[:38] for i in report.items if "manually scheduled" in i.message] == (
        ["10 manually scheduled tasks keep their"] if manual else []
    )
    assert not [i for i in report.items if i.kind not in ("field", "constraint", "guess")]


# -- GanttProject 3.4: two people on one task ------------------------------------------------------------------------


def test_ganttproject_3_4_allocations_file() -> None:
    """GanttProject 3.4 (`version="3.4.3395"`), whole: 'Mauern' 5 days from Mon 24 Aug 2026 with Anna Maurer at 75 %
    (responsible) and Bernd Maler at 40 %, 'Streichen' 3 days from Mon 31 Aug with Bernd at 100 %, no links, custom
    task and resource property definitions without values. Mauern is weeks 0-1 (owner Anna, the coordinator, and a
    headcount of 0.75 + 0.40 = 1.15, reported); Streichen keeps its stored start, week 1 (the next Monday), to 1.6
    (Wed 2 Sep), the file's finish."""
    plan, report = import_file(REAL / "gp3.4-p4-allocations.gan")
    assert plan.start_date == dt.date(2026, 8, 24)
    got = {d.title: (d.owner, d.duration, d.headcount) for d in plan.decisions}
    assert got == {
        "Mauern": ("anna-maurer", 1.0, pytest.approx(1.15)),
        "Streichen": ("bernd-maler", 0.6, 1.0),
    }
    s = _analyzed(plan)
    assert (s.es[s.index["streichen"]], s.ef[s.index["streichen"]]) == pytest.approx((1.0, 1.6))
    assert s.finish == pytest.approx(1.6) == plan.extensions["import"]["source_finish_weeks"]
    assert [t.name for t in plan.teams] == ["Anna Maurer", "Bernd Maler"]
    (item,) = [i for i in report.items if i.kind == "resource"]
    assert "2 resources: the owner is the coordinator, the headcount their sum (1.15)" in item.message
    assert not [i for i in report.items if i.kind not in ("resource", "guess")]


# -- MS Project: custom resource fields (resource-numbers, 2019) -----------------------------------------------------


def test_resource_numbers_2019_custom_resource_fields_are_reported() -> None:
    """MS Project 2019's resource-numbers file (its first ten resources): no tasks; work resources Number1-Number10
    (MaxUnits 1.00), resource n holding custom field Number<n> = n. The ten teams of one person each are carried; the
    ten custom values were dropped without a word and are now named by field."""
    plan, report = import_file(REAL / "resource-numbers-project2019-mspdi.xml")
    assert plan.decisions == [] and plan.start_date == dt.date(2018, 10, 18)
    assert [(t.name, t.capacity) for t in plan.teams] == [(f"Number{n}", 1.0) for n in range(1, 11)]
    (item,) = [i for i in report.items if i.kind == "field"]  # (and "the project has no tasks")
    assert item.message.startswith("10 values of 10 custom resource fields are not carried")
    assert "Number1 (1), Number2 (1), Number3 (1)" in item.message and item.message.endswith(", ...")


# -- outline (every tool's import): values out of range are said, not clamped without a word -------------------------


def _task_edit(text: str, uid: int, old: str, new: str) -> str:
    """``text`` with the first ``old`` inside task ``uid`` (after <Tasks>) replaced by ``new``."""
    at = text.index(old, text.index(f"<UID>{uid}</UID>", text.index("<Tasks>")))
    return text[:at] + new + text[at + len(old) :]


def test_out_of_range_progress_and_negative_durations_are_reported(tmp_path: Path) -> None:
    """MS Project 2019's task-finishes file with Finish1 at 150 %, Finish4 at -20 % and Finish2 lasting -PT8H (what
    a hand-edited or another tool's XML may hold): Finish1 is done (100 %), Finish4 not started (0 %), Finish2 takes
    0 weeks -- as before, but each is now named in the report instead of being clamped without a word."""
    text = (REAL / "task-finishes-project2019-mspdi.xml").read_text(encoding="utf-8")
    text = _task_edit(
        text, 1, "<PercentComplete>0</PercentComplete>", "<PercentComplete>150</PercentComplete>"
    )
    text = _task_edit(
        text, 4, "<PercentComplete>0</PercentComplete>", "<PercentComplete>-20</PercentComplete>"
    )
    text = _task_edit(text, 2, "<Duration>PT8H0M0S</Duration>", "<Duration>-PT8H0M0S</Duration>")
    path = tmp_path / "odd.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    got = {d.title: (d.progress, str(d.status), d.duration) for d in plan.decisions}
    assert got["Finish1"] == (100.0, "done", pytest.approx(0.2))
    assert got["Finish4"] == (0.0, "not_started", pytest.approx(0.2))
    assert got["Finish2"] == (0.0, "not_started", 0.0)
    messages = [i.message for i in report.items]
    assert (
        "2 tasks have a % complete outside 0-100, read as 0 or 100: 'Finish1' 150%, 'Finish4' -20%"
        in messages
    )
    assert "1 task has a negative duration, read as 0: 'Finish2'" in messages


# -- GanttProject: custom column values and baselines (<previous>) -------------------------------------------------


def _gp34_with(tmp_path: Path, previous: str) -> Path:
    """The GanttProject 3.4 file with values in two of its custom task columns ('Finish by', 'Waiting') and one
    custom resource column ('Hours per day'), and ``previous`` for its empty <previous/>, as GanttProject writes
    them (`<customproperty taskproperty-id=...>`, `<custom-property definition-id=...>`, `<previous-tasks>`)."""
    text = (REAL / "gp3.4-p4-allocations.gan").read_text(encoding="utf-8")
    text = text.replace(
        'complete="0" expand="true"/>\n        <task id="1"',
        'complete="0" expand="true">\n'
        '            <customproperty taskproperty-id="deadline" value="2026-08-28"/>\n'
        '            <customproperty taskproperty-id="wait_only" value="false"/>\n'
        '        </task>\n        <task id="1"',
        1,
    ).replace(
        '<resource id="0" name="Anna Maurer" function="Default:0" contacts="" phone=""/>',
        '<resource id="0" name="Anna Maurer" function="Default:0" contacts="" phone="">\n'
        '            <custom-property definition-id="hours_per_day" value="6.0"/>\n        </resource>',
    )
    path = tmp_path / "gp.gan"
    path.write_text(text.replace("<previous/>", previous), encoding="utf-8")
    return path


def test_ganttproject_custom_values_are_reported_and_the_newest_baseline_is_taken(tmp_path: Path) -> None:
    """Custom column values of another tool or user were dropped without a word, and GanttProject's baselines
    (<previous>) too. With two baselines, 'First' (Mauern 4 days) and 'Agreed' (Mauern Mon 24 Aug + 5 days = weeks
    0-1, Streichen Mon 31 Aug + 2 days = weeks 1-1.4): the newest, 'Agreed', is the plan's baseline, finishing at
    week 1.4; 'First' and the three custom values are named as not carried."""
    previous = (
        '<previous>\n        <previous-tasks name="First">\n'
        '            <previous-task id="0" start="2026-08-24" duration="4" meeting="false" super="false"/>\n'
        '        </previous-tasks>\n        <previous-tasks name="Agreed">\n'
        '            <previous-task id="0" start="2026-08-24" duration="5" meeting="false" super="false"/>\n'
        '            <previous-task id="1" start="2026-08-31" duration="2" meeting="false" super="false"/>\n'
        "        </previous-tasks>\n    </previous>"
    )
    plan, report = import_file(_gp34_with(tmp_path, previous))
    (base,) = plan.baselines
    assert base.name == "Agreed" and base.finish == pytest.approx(1.4)
    got = {k: (e.start, e.finish) for k, e in base.decisions.items()}
    assert got == {"mauern": pytest.approx((0.0, 1.0)), "streichen": pytest.approx((1.0, 1.4))}
    messages = [i.message for i in report.items]
    assert (
        "2 values of 2 custom task columns are not carried (the plan has no custom fields; values per column): "
        "'Finish by' (1), 'Waiting' (1)" in messages
    )
    assert any(
        m.startswith("1 value of 1 custom resource column") and "'Hours per day' (1)" in m for m in messages
    )
    assert "1 older baseline is not carried ('First'); the plan takes the newest, 'Agreed'" in messages
    assert _analyzed(plan).finish == pytest.approx(1.6)  # the plan itself is unchanged


@pytest.mark.parametrize(
    ("start", "days"),
    [
        ("9999-12-31", "1"),
        ("2026-08-24", "1e308"),
        ("2026-08-24", "-5"),
        ("2026-08-24", "nan"),
        ("soon", "1"),
    ],
)
def test_ganttproject_unreadable_baseline_entries_are_reported_not_fatal(
    tmp_path: Path, start: str, days: str
) -> None:
    """A baseline entry with a date no calendar holds, an astronomical, negative or NaN duration, or no date: the
    file still imports (it used to be refused for 9999-12-31 and 1e308 days), the entry is named as not carried."""
    previous = (
        f'<previous><previous-tasks name="b"><previous-task id="0" start="{start}" duration="{days}" '
        'meeting="false" super="false"/></previous-tasks></previous>'
    )
    plan, report = import_file(_gp34_with(tmp_path, previous))
    assert len(plan.decisions) == 2 and not plan.baselines
    assert any(
        "1 task of baseline 'b' has no readable start date and duration" in i.message for i in report.items
    )


# -- MS Project: baselines, 2003 and 2007 -------------------------------------------------------------------------------

# version -> the tasks whose Baseline 0 holds one date (or a duration) only, as kept in the trimmed file
PARTIAL_BASELINES = {
    "2003": "'Baseline Duration - Task', 'Baseline Finish - Task', 'Baseline Start - Task'",
    "2007": "'Baseline Finish - Task', 'Baseline Start - Task'",
}


@pytest.mark.parametrize("version", sorted(PARTIAL_BASELINES))
def test_task_baselines_one_field_per_task_are_reported_not_placed(version: str) -> None:
    """MS Project's task-baselines file as 2003 and 2007 saved it: one-day tasks on Mon 9 Feb 2015, each holding one
    field of one baseline (Baseline 0 finish Sat 1 Mar 2014 09:00, start Tue 1 Apr 2014 09:00, cost 100; Baseline 1
    the next day at 10:00, cost 200). No task has the start and finish (or one and a duration) the plan's baseline
    needs: none is placed, and the report names the tasks, the cost and Baseline 1."""
    plan, report = import_file(REAL / f"task-baselines-project{version}-mspdi.xml")
    assert plan.start_date == dt.date(2015, 2, 9) and not plan.baselines
    assert all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    assert _analyzed(plan).finish == pytest.approx(0.2)
    text = report.text(limit=None)
    tasks = count(PARTIAL_BASELINES[version].count("'") // 2, "task")
    assert f"Baseline 0 of {tasks} has a start, a finish or a duration but not enough" in text
    assert f"not carried for {PARTIAL_BASELINES[version]}" in text
    assert "the Baseline 0 cost or work of 1 task is not carried" in text
    assert "Baseline 1 is not carried" in text
