"""MS Project's exchange format (MPX 4.0): real files written by MS Project 98 and MPXJ (tests/io/data/mpx-real,
credited in tests/io/data/README.md), a hand-written file whose figures are worked out below, and hostile input.

Weeks are working weeks of the project calendar (Monday to Friday, 8 hours a day) from the project start: one day is
0.2 weeks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.analysis import validate
from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import Schedule, schedule
from planner.io import (
    IMPORT_SUFFIXES,
    UNREADABLE_SUFFIXES,
    InteropError,
    import_file,
    import_format,
    read_outline,
)
from planner.io.outline import build_plan
from planner.model.plan import DependencyType, Plan, duration_value

REAL = Path(__file__).parent / "data" / "mpx-real"
LINKS = REAL / "task-links-project98.mpx"


def _analyzed(plan: Plan) -> Schedule:
    """The schedule `planner analyze` shows."""
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))


def _by_key(plan: Plan) -> dict[str, str]:
    """Source unique ID -> decision id."""
    return {row["key"]: did for did, row in plan.extensions["import"]["decisions"].items()}


def _weeks(sch: Schedule, did: str) -> tuple[float, float]:
    i = sch.index[did]
    return round(float(sch.es[i]), 6), round(float(sch.ef[i]), 6)


def test_an_mpx_file_is_imported_not_refused() -> None:
    assert import_format("plan.MPX") == "mpx"
    assert IMPORT_SUFFIXES[".mpx"] == "mpx" and ".mpx" not in UNREADABLE_SUFFIXES


def test_task_links_saved_by_ms_project_98() -> None:
    """MS Project 98 stores each successor on Mon 20 Oct (FS 0), Tue 21 (FS+1d), Wed 22 (FS+2d), Mon 27 (FS+1w) and
    Mon 3 Nov (FS+2w), Mon 20 (SF+2d), Tue 21 (SS+2d, FF+2d): with Fri 17 Oct as week 0, their starts are 1, 2, 3,
    6 and 11 working days in (0.2, 0.4, 0.6, 1.2, 2.2 weeks); the SF successor finishes 2 days after its
    predecessor's start (0.4) so starts at 0.2; SS starts at 0.4; FF finishes at 0.2 + 0.4 = 0.6 so starts at 0.4.
    The project finishes Mon 3 Nov 17:00: 12 working days = 2.4 weeks, as the file's header says."""
    plan, report = import_file(LINKS)
    assert plan.start_date is not None and plan.start_date.isoformat() == "2014-10-17"
    assert len(plan.decisions) == 16 and all(d.duration == pytest.approx(0.2) for d in plan.decisions)
    key = _by_key(plan)
    deps = {(d.from_, d.to): d for d in plan.dependencies}
    expected = {  # successor UID: (predecessor UID, type, lag weeks, early start)
        "2": ("1", DependencyType.FS, 0.0, 0.2),
        "4": ("3", DependencyType.FS, 0.2, 0.4),
        "6": ("5", DependencyType.FS, 0.4, 0.6),
        "8": ("7", DependencyType.FS, 1.0, 1.2),
        "10": ("9", DependencyType.FS, 2.0, 2.2),
        "12": ("11", DependencyType.SF, 0.4, 0.2),
        "14": ("13", DependencyType.SS, 0.4, 0.4),
        "16": ("15", DependencyType.FF, 0.4, 0.4),
    }
    sch = _analyzed(plan)
    for succ, (pred, kind, lag, es) in expected.items():
        dep = deps[(key[pred], key[succ])]
        assert dep.type is kind and dep.lag == pytest.approx(lag), succ
        assert _weeks(sch, key[succ])[0] == pytest.approx(es), succ
    assert len(plan.dependencies) == 8
    assert sch.finish == pytest.approx(2.4)
    assert sch.critical_path == [key["9"], key["10"]]  # the 2-week lag is the longest chain
    assert not [i for i in report.items if i.kind == "schedule"]  # the plan finishes where the file does


def test_german_mpx_semicolons_decimal_commas_and_german_words() -> None:
    """sample.de.mpx: ``;`` between fields, ``0,5`` and ``0,75`` units, dates ``Di 07.01.03``, durations in ``t``,
    links ``10EA+1t`` (FS + 1 day), ``12EA-1t``, ``14AA`` (SS), ``16EE`` (FF), ``18AE`` (SF), ``Ja`` for the
    milestone, 'Anfang nicht früher als' (start no earlier than) Sat 1 Feb 2003 = Mon 3 Feb, 19 working days after
    Tue 7 Jan = 3.8 weeks; the notes of task 1 and the baseline (Geplanter Anfang/Ende) of every task."""
    plan, report = import_file(REAL / "sample.de.mpx")
    key = _by_key(plan)
    by_id = {d.id: d for d in plan.decisions}
    assert plan.title == "sample98" and plan.currency == "GBP"
    assert report.counts["summaries"] == 3 and report.counts["milestones"] == 1
    assert by_id[key["2"]].duration == pytest.approx(20.0)  # 100t
    assert by_id[key["3"]].milestone  # 'Third task', Meilenstein = Ja
    assert by_id[key["7"]].not_before == pytest.approx(3.8)  # 'Recurring Task 1', SNET Sa 01.02.03
    assert by_id[key["8"]].not_before == pytest.approx(7.8)  # SNET Sa 01.03.03 = Mon 3 Mar, 39 days in
    assert by_id[key["2"]].headcount == pytest.approx(1.25)  # assignments 0,5 and 0,75
    assert {t.name for t in plan.teams} == {"First Resource", "Second Resource"}
    deps = {(d.from_, d.to): (d.type, round(d.lag, 6)) for d in plan.dependencies}
    assert deps[(key["11"], key["12"])] == (DependencyType.FS, 0.2)
    assert deps[(key["13"], key["14"])] == (DependencyType.FS, -0.2)
    assert deps[(key["15"], key["16"])] == (DependencyType.SS, 0.0)
    assert deps[(key["17"], key["18"])] == (DependencyType.FF, 0.0)
    assert deps[(key["20"], key["21"])] == (DependencyType.SF, 0.0)
    assert plan.baselines and plan.baselines[0].finish == pytest.approx(10.2)  # Di 18.03.03, end of the day
    sch = _analyzed(plan)
    assert _weeks(sch, key["12"]) == (0.4, 0.6)  # Related Task 2b: Thu 9 Jan, as the file has it


def test_the_english_sample_reads_as_the_german_one() -> None:
    """The same project in English (``,`` and ``.``, ``d``, ``FS``/``SS``/``FF``/``SF``, ``Yes``/``No``, its own field
    order): the same decisions, durations and constraints; 'Related Task 2b' has one more predecessor (``"10FS+1d,9"``,
    quoted because it holds the delimiter)."""
    en, _ = import_file(REAL / "sample.mpx")
    de, _ = import_file(REAL / "sample.de.mpx")

    def shape(plan: Plan) -> list[tuple[str, float, bool, float | None]]:
        return sorted(
            (d.title, duration_value(d.duration), d.milestone, d.not_before) for d in plan.decisions
        )

    assert shape(en) == shape(de)
    assert len(en.dependencies) == len(de.dependencies) + 1


def test_an_empty_project_is_an_empty_plan() -> None:
    plan, report = import_file(REAL / "empty.mpx")
    assert plan.decisions == [] and plan.title == "Project1"
    assert any("no tasks" in i.message for i in report.items)


HAND = """MPX,Hand-written for the planner's tests,4.0,850
10,$,0,2,",",.
11,2,0,1,8.00,40.00,$0.00/h,$0.00/h,1,1
12,0,0,480,/,:,AM,PM,0,0
20,Standard,0,1,1,1,1,1,0
25,2,08:00 AM,12:00 PM,01:00 PM,05:00 PM
26,12/25/2026,12/25/2026,0
30,Plant upgrade,,,Standard,12/07/2026 08:00 AM,02/02/2027 12:00 PM,0
41,40,1
50,1,Müller crew
61,90,98,1,3,40,70,50,51,81,44,72
70,1,1,Design,1,2w,,12/07/2026 08:00 AM,12/18/2026 05:00 PM,No,100,Müller crew[50%]
70,2,2,Build,1,3.5d?,1FS+2d,12/23/2026 08:00 AM,12/29/2026 12:00 PM,No,0,
71,Pour the slabthen the walls
70,3,3,Test,1,1w,"1SS+50%,2",12/29/2026 01:00 PM,01/05/2027 12:00 PM,No,0,
70,4,4,Go live,1,0d,3FS+1mon,02/02/2027 12:00 PM,02/02/2027 12:00 PM,Yes,0,
"""
"""Hand-written (code page 850: ``ü`` is the byte 0x81). A US file: month first, 12-hour times with AM/PM. Worked
out by hand on the Monday-Friday calendar with Fri 25 Dec 2026 off, from Mon 7 Dec 2026 08:00 (week 0):

- Design: 2w = 2 weeks, done (100 %), weeks 0-2 (Fri 18 Dec 17:00), Müller crew at 50 %.
- Build: 3.5d (estimated, ``?``) = 0.7 weeks, 2 days after Design: week 2.4 (Wed 23 Dec 08:00) to 3.1 working
  weeks in the plan's weeks, which have no holiday (the file's 25 Dec makes it Tue 29 Dec 12:00).
- Test: 1w after Design starts + 50 % of Design's 2 weeks (1 week): week 1; and after Build finishes (3.1): starts
  at 3.1, ends 4.1.
- Go live: a milestone 1 month (20 working days = 4 weeks) after Test: week 8.1.
- Build's notes (record 71) keep their line break (MPX writes it as the byte 0x7F).
The critical path: Design, Build, Test, Go live; the plan finishes at 8.1 weeks, the file's Tue 2 Feb 2027 12:00
(the holiday is not a working day in the file's weeks either, so the weeks agree; the report names the holiday)."""


def test_hand_written_us_file_figures(tmp_path: Path) -> None:
    path = tmp_path / "hand.mpx"
    path.write_bytes(HAND.encode("cp850"))
    plan, report = import_file(path)
    key = _by_key(plan)
    by_id = {d.id: d for d in plan.decisions}
    assert plan.start_date is not None and plan.start_date.isoformat() == "2026-12-07"
    assert plan.currency == "USD" and [t.name for t in plan.teams] == ["Müller crew"]
    design, build, test, live = (by_id[key[k]] for k in "1234")
    assert design.duration == pytest.approx(2.0) and design.progress == 100 and design.headcount == 0.5
    assert build.duration == pytest.approx(0.7) and build.notes == "Pour the slab\nthen the walls"
    assert test.duration == pytest.approx(1.0) and live.milestone
    deps = {(d.from_, d.to): (d.type, round(d.lag, 6)) for d in plan.dependencies}
    assert deps[(design.id, build.id)] == (DependencyType.FS, 0.4)
    assert deps[(design.id, test.id)] == (DependencyType.SS, 1.0)  # 50 % of Design's 2 weeks
    assert deps[(build.id, test.id)] == (DependencyType.FS, 0.0)
    assert deps[(test.id, live.id)] == (DependencyType.FS, 4.0)  # 1mon = 20 days
    sch = _analyzed(plan)
    assert _weeks(sch, build.id) == (2.4, 3.1)
    assert _weeks(sch, test.id) == (3.1, 4.1)
    assert sch.finish == pytest.approx(8.1)
    assert sch.critical_path == [design.id, build.id, test.id, live.id]
    assert any(
        "2026-12-25" in i.message for i in report.items if i.kind == "calendar"
    )  # the holiday, reported
    assert not [i for i in report.items if i.kind in ("schedule", "duration")]  # dates and durations agree


def test_year_month_day_dates(tmp_path: Path) -> None:
    """The same hand-written file with record 12 set to year/month/day (order 2) and its dates so written reads the
    same: every figure of the test above."""
    ymd = re.sub(r"(\d\d)/(\d\d)/(\d{4})", r"\3/\1/\2", HAND).replace("12,0,0,480", "12,2,0,480")
    assert "2026/12/07 08:00 AM" in ymd
    path = tmp_path / "ymd.mpx"
    path.write_bytes(ymd.encode("cp850"))
    plan, _ = import_file(path)
    assert plan.start_date is not None and plan.start_date.isoformat() == "2026-12-07"
    assert _analyzed(plan).finish == pytest.approx(8.1)


def _mpx(tmp_path: Path, body: str, name: str = "x.mpx") -> Path:
    """A file with MS Project 98's settings records and then ``body``."""
    head = (
        LINKS.read_bytes().decode("cp1252").split("\n")[:17]
    )  # up to and including the task field list (61)
    path = tmp_path / name
    path.write_bytes(("\n".join(head) + "\n" + body).encode("cp1252"))
    return path


def _task(line: int) -> str:
    """A task record of task-links-project98.mpx (the second line of its tasks is task 1)."""
    return LINKS.read_bytes().decode("cp1252").split("\n")[line]


HOSTILE = {  # name -> (file body after the settings, what the message says)
    "unknown record": ("99,foo\n", ":18: record number 99 is not one of MPX 4.0's record types"),
    "not a record number": ("hello world\n", ":18: 'hello world' is not an MPX record number"),
    "notes before any task": (
        "71,a note\n",
        ":18: a task notes record (71) comes before any task record (70)",
    ),
    "settings after the tasks": (
        "{t1}\n12,1,1,480,/,:,,,9\n",
        ":19: the date and time settings (12) come after records that are written in them (line 13)",
    ),
    "quote left open": (
        '70,1,1,"Task 1,1d\n70,2,2,Task 2\n',
        "a quoted field opened on line 18 is not closed",
    ),
    "unreadable date": (
        "{t1_bad_date}\n",
        ":18: task 1 'Task 1': the start: cannot read 'Fri 32/13/14' as a date",
    ),
    "absurd duration": ("{t1_huge}\n", "weeks, more than the 10,000 weeks a plan takes"),
    "float overflow": (
        "{t1_inf}\n",
        ":18: task 1 'Task 1': the duration: cannot read '1e308d' as a duration",
    ),
    "unknown duration unit": ("{t1_unit}\n", "cannot read '5q' as a duration"),
    "unknown link type": (
        "{t1}\n{t2_type}\n",
        ":19: task 2 'Task 2': 'XY' in the predecessors '1XY' is not a link",
    ),
    "duplicate unique id": ("{t1}\n{t1}\n", ":19: task unique ID 1 is used twice (first on line 18)"),
    "a date in the year 9999": (
        "{t1_9999}\n",
        ":18: task 1 'Task 1': the start: 'Fri 17/10/9999' is in the year 9999",
    ),
    "a cost past what a plan takes": (
        "{t1_cost}\n",
        ":18: task 1 'Task 1': the cost is 1e+17, outside the 0 to",
    ),
    "Max Units past what a plan takes": (
        "50,1,1,Crew,C,99999999\n",
        ":18: the Max Units of resource 'Crew' is 1e+08, outside the 0 to 1,000,000",
    ),
    "truncated": (
        "{t1}\n{t2_cut}",
        ":19: the file ends in the middle of a record: it has 9 of the 84 fields",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_with_the_line_and_what_to_do(tmp_path: Path, name: str) -> None:
    body, message = HOSTILE[name]
    t1, t2 = _task(18), _task(19)
    body = body.format(
        t1=t1,
        t1_bad_date=t1.replace("Fri 17/10/14", "Fri 32/13/14", 1),
        t1_9999=t1.replace("Fri 17/10/14", "Fri 17/10/9999", 1),
        t1_cost=t1.replace("0h,£0.00,", "0h,£100000000000000000.00,", 1),
        t1_huge=t1.replace(",1d,", ",99999999d,", 1),
        t1_inf=t1.replace(",1d,", ",1e308d,", 1),
        t1_unit=t1.replace(",1d,", ",5q,", 1),
        t2_type=t2.replace(",1,Mon", ",1XY,Mon", 1),
        t2_cut=",".join(t2.split(",")[:10]),
    )
    path = _mpx(tmp_path, body)
    with pytest.raises(InteropError) as err:
        import_file(path)
    text = str(err.value)
    assert text.startswith(str(path)) and message in text, text
    assert err.value.hint  # what to do
    with pytest.raises(
        InteropError
    ) as err:  # the app's import step reads the outline first, then builds the plan
        found = read_outline(path, "mpx")
        assert found is not None
        build_plan(*found)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "binary MS Project file (.mpp) with an .mpx name"),
        (b"ID,Name\n1,Design\n", ":1: not an MPX file: it starts with 'ID,Name'"),
        (b"MPX,x,4.0,ANSI\n10,\x00\x01\x02", "binary data"),
    ],
)
def test_files_that_are_not_mpx_at_all(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.mpx"
    path.write_bytes(data)
    with pytest.raises(InteropError, match=None) as err:
        import_file(path)
    assert message in str(err.value)


def test_the_command_line_exits_2_with_one_line(tmp_path: Path) -> None:
    path = _mpx(tmp_path, "99,foo\n")
    res = subprocess.run(
        [sys.executable, "-m", "planner", "import", str(path), "-o", str(tmp_path / "x.plan.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert (
        res.stderr.strip().endswith("save it again from its tool") and ":18: record number 99" in res.stderr
    )
    assert not (tmp_path / "x.plan.json").exists()


def test_a_dangling_predecessor_is_reported_and_a_cycle_left_for_check(tmp_path: Path) -> None:
    """A predecessor ID naming no task is dropped and reported with its line; a loop (task 1 after task 2 after
    task 1) is imported as it is and `planner check` names it, as for every other format (the app shows it)."""
    t1, t2 = _task(18), _task(19)
    dangling = _mpx(tmp_path, t1.replace(",0d,,Fri", ",0d,77FS+1d,Fri", 1) + "\n", "dangling.mpx")
    plan, report = import_file(dangling)
    assert plan.dependencies == []
    assert any(
        "1 link to an item not in the file is left out" in i.message
        and "task 1 'Task 1' (line 18) after ID 77" in i.message
        for i in report.items
    )
    cycle = _mpx(tmp_path, t1.replace(",0d,,Fri", ",0d,2,Fri", 1) + "\n" + t2 + "\n", "cycle.mpx")
    plan, _ = import_file(cycle)
    assert [f.code for f in validate(plan, scheduled=False) if str(f.severity) == "error"] == ["cycle"]


def test_the_command_line_and_the_apps_dialogs_offer_mpx(capsys: pytest.CaptureFixture[str]) -> None:
    from planner.cli import main
    from planner.ui.dialogs.interop import IMPORT_FILTER, is_import_path
    from planner.ui.main_window import FILE_FILTER

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    help_text = capsys.readouterr().out
    assert ".mpx" in help_text and "mpx," in help_text  # the suffix and the --format choice
    assert "*.mpx" in IMPORT_FILTER and "*.mpx" in FILE_FILTER and is_import_path("plan.mpx")


def test_another_writers_file_crlf_semicolons_and_decimal_commas() -> None:
    """legacy/sample1.mpx (MPXJ's, written by another tool than MS Project: CRLF, ``;``, version ``4.0`` with
    decimal commas, a field list of 15 fields, dates without weekdays, 12-hour calendar hours): 'First Sub Task'
    10,5d = 2.1 weeks at 55,5 % since Wed 1 Jan 2003; 'Second Sub Task' 10d after it; a 0d task after that (no
    Milestone field: a milestone by its duration); Resource2's Max Units 0,5; Resource1 none."""
    plan, report = import_file(REAL / "legacy-sample1.mpx")
    key = _by_key(plan)
    by_id = {d.id: d for d in plan.decisions}
    first, second, last = (by_id[key[k]] for k in "234")
    assert first.duration == pytest.approx(2.1) and first.progress == pytest.approx(55.5)
    assert first.actual_start is not None and first.actual_start.isoformat() == "2003-01-01"
    assert second.duration == pytest.approx(2.0) and last.milestone
    assert {(d.from_, d.to) for d in plan.dependencies} == {(first.id, second.id), (second.id, last.id)}
    assert {t.name: t.capacity for t in plan.teams} == {"Resource1": None, "Resource2": 0.5}
    assert first.owner == plan.teams[0].id and report.counts["summaries"] == 1


def test_month_names_in_dates_and_a_header_without_tasks() -> None:
    """calendarExceptions.mpx writes dates as ``14 November 2005 08:00`` (date format 2); headertest.mpx is a
    project header with every field filled and only the project summary task."""
    plan, _ = import_file(REAL / "calendarExceptions.mpx")
    assert plan.start_date is not None and plan.start_date.isoformat() == "2005-11-14"
    assert [(d.title, d.duration) for d in plan.decisions] == [("Task One", pytest.approx(0.2))]
    assert [t.name for t in plan.teams] == ["Resource One", "Resource Two", "Resource Three"]
    plan, report = import_file(REAL / "headertest.mpx")
    assert plan.title == "Project Title Text" and plan.decisions == []
    assert plan.start_date is not None and plan.start_date.isoformat() == "2004-12-02"


@pytest.mark.parametrize(
    ("written", "weeks"), [("5 days", 1.0), ("2 wks", 2.0), ("16 hrs", 0.4), ("1 mo", 4.0), ("2,5d", 0.5)]
)
def test_durations_with_long_unit_words(tmp_path: Path, written: str, weeks: float) -> None:
    """Units as MS Project shows them when set to long words (a month is 20 working days of 8 hours)."""
    quoted = f'"{written}"' if "," in written else written  # in a comma-delimited file a comma comes quoted
    path = _mpx(tmp_path, _task(18).replace(",1d,", f",{quoted},", 1) + "\n")
    plan, _ = import_file(path)
    assert [duration_value(d.duration) for d in plan.decisions] == [pytest.approx(weeks)]


def test_a_minimal_file_of_another_tool_without_durations(tmp_path: Path) -> None:
    """Tools that write MPX themselves may give a few fields only (no calendar, no Duration): a task with a Start
    and a Finish lasts the working time between them (Mon 1 - Fri 12 Mar 2027: 2 weeks, as read_mspdi does); one
    with neither is a milestone; both are reported."""
    path = tmp_path / "minimal.mpx"
    path.write_bytes(
        b"MPX,Some tool,4.0,ANSI\r\n12,0,0,480,/,:,am,pm,20,20\r\n30,Minimal\r\n"
        b"61,1,3,50,51,90,98\r\n70,Design,1,03/01/2027,03/12/2027,1,1\r\n70,Review,1,,,2,2\r\n"
    )
    plan, report = import_file(path)
    assert [(d.title, duration_value(d.duration), d.milestone) for d in plan.decisions] == [
        ("Design", pytest.approx(2.0), False),
        ("Review", 0.0, True),
    ]
    durations = [i.message for i in report.items if i.kind == "duration"]
    assert any("1 task has no Duration" in m for m in durations)
    assert any("neither a Duration nor a Start and Finish" in m and "'Review'" in m for m in durations)


def test_an_elapsed_lag_is_calendar_time_and_reported(tmp_path: Path) -> None:
    """``1FS+7ed``: 7 elapsed days = 1 calendar week = 1.0 of the plan's weeks; the report says it is not the
    working time it spans in the file."""
    path = _mpx(tmp_path, _task(18) + "\n" + _task(19).replace(",1,Mon", ",1FS+7ed,Mon", 1) + "\n")
    plan, report = import_file(path)
    assert [round(d.lag, 6) for d in plan.dependencies] == [1.0]
    assert any(i.kind == "lag" and "elapsed lag (+7ed)" in i.message for i in report.items)


def test_a_quoted_name_with_the_delimiter_and_doubled_quotes(tmp_path: Path) -> None:
    """A field holding the delimiter is quoted, a quote inside it doubled: ``"Say ""hi"", then go"``."""
    path = _mpx(tmp_path, _task(18).replace(",Task 1,", ',"Say ""hi"", then go",', 1) + "\n")
    plan, _ = import_file(path)
    assert [d.title for d in plan.decisions] == ['Say "hi", then go']
