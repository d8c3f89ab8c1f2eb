"""Importers fill progress, actual dates and the status date (issue 16): MS Project XML carries
``PercentComplete``, ``ActualStart``/``ActualFinish`` per task and the project's ``StatusDate``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analysis import analyze
from planner.io.mspdi import import_mspdi
from planner.model import Status
from tests.io.test_mspdi import link, task, write


def test_mspdi_percent_complete_actuals_and_status_date(tmp_path: Path) -> None:
    # Project start Mon 4 Jan 2027, status date Mon 1 Feb 2027 (week 4). A: one week, done 4-8 Jan.
    # B: two weeks, 50 % since Mon 11 Jan (an ActualFinish on unfinished work is not carried). C: not started.
    tasks = [
        task(
            1,
            "A",
            1,
            extra="<PercentComplete>100</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart>"
            "<ActualFinish>2027-01-08T17:00:00</ActualFinish>",
        ),
        task(
            2,
            "B",
            1,
            "PT80H0M0S",
            links=link(1),
            extra="<PercentComplete>50</PercentComplete><ActualStart>2027-01-11T08:00:00</ActualStart>"
            "<ActualFinish>NA</ActualFinish>",
        ),
        task(
            3,
            "C",
            1,
            links=link(2),
            extra="<PercentComplete>0</PercentComplete><ActualStart>NA</ActualStart>",
        ),
    ]
    path = write(tmp_path, tasks, extra="<StatusDate>2027-02-01T08:00:00</StatusDate>")
    plan, _ = import_mspdi(path)
    a, b, c = plan.decisions
    assert plan.status_date == dt.date(2027, 2, 1)
    assert (a.status, a.progress) == (Status.DONE, 100.0)
    # A worked Mon 4 to Fri 8 Jan 17:00: a full working week, week 0 to week 1 on the plan's scale, where the planner
    # shows a one-week decision as "4 Jan to 11 Jan" (dates are placed by their working time, as every other date
    # of the file; until this change the finish was the calendar day, 8 Jan = week 4/7, and B could start 3 days
    # before the file has it)
    assert (a.actual_start, a.actual_finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 11))
    assert (b.status, b.progress, b.actual_start, b.actual_finish) == (
        Status.IN_PROGRESS,
        50.0,
        dt.date(2027, 1, 11),
        None,
    )
    assert (c.status, c.actual_start) == (Status.NOT_STARTED, None)
    # The schedule uses them: A sits at its actual finish (week 1); B has 1 of its 2 weeks left from the status
    # date (4-5); C follows (5-6).
    r = analyze(plan)
    assert r.schedule is not None
    assert r.schedule.row(a.id)["ef"] == 1.0
    assert (r.schedule.row(b.id)["es"], r.schedule.row(b.id)["ef"]) == (4.0, 5.0)
    assert r.schedule.finish == 6.0


def test_csv_and_xlsx_carry_actual_dates(tmp_path: Path, make_plan) -> None:
    from planner.io import import_file
    from planner.model import dump_plan

    plan = make_plan(
        [
            {
                "id": "a",
                "status": "done",
                "progress": 100,
                "actual_start": "2027-01-04",
                "actual_finish": 1.5,
            },
            {"id": "b", "status": "in_progress", "progress": 40, "actual_start": 2},
            {"id": "c"},
        ],
        start_date="2027-01-04",
    )
    src = tmp_path / "p.plan.json"
    src.write_text(dump_plan(plan), encoding="utf-8")
    from planner.cli import main

    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"p{suffix}"
        assert main(["export", str(src), "-o", str(out)]) == 0
        back, _ = import_file(out)
        a, b, c = back.decisions
        assert (a.actual_start, a.actual_finish) == (dt.date(2027, 1, 4), 1.5), suffix
        assert (b.status, b.progress, b.actual_start, b.actual_finish) == (
            Status.IN_PROGRESS,
            40.0,
            2.0,
            None,
        )
        assert (c.actual_start, c.actual_finish) == (None, None)


def test_a_bad_actual_date_in_a_csv_is_one_clear_line(tmp_path: Path) -> None:
    import pytest

    from planner.io import import_file
    from planner.io.common import InteropError

    path = tmp_path / "p.csv"
    path.write_text("title,actual_start\nA,soon\n", encoding="utf-8")
    with pytest.raises(InteropError, match="actual_start 'soon' is neither a date"):
        import_file(path)


def test_progress_without_actual_dates_keeps_the_files_schedule(tmp_path: Path) -> None:
    """What MPXJ-based tools (ProjectLibre, GanttProject's XML export) often write: PercentComplete without
    ActualStart/ActualFinish and no status date. A (1 week, 100 %) Mon 4 - Fri 8 Jan; B (2 weeks, 50 %) after A,
    11-22 Jan; C (1 week) after B, 25-29 Jan. The file finishes at week 4."""
    path = write(
        tmp_path,
        [
            task(
                1,
                "A",
                1,
                start="2027-01-04T08:00:00",
                finish="2027-01-08T17:00:00",
                extra="<PercentComplete>100</PercentComplete>",
            ),
            task(
                2,
                "B",
                1,
                "PT80H0M0S",
                start="2027-01-11T08:00:00",
                finish="2027-01-22T17:00:00",
                links=link(1),
                extra="<PercentComplete>50</PercentComplete>",
            ),
            task(3, "C", 1, start="2027-01-25T08:00:00", finish="2027-01-29T17:00:00", links=link(2)),
        ],
    )
    plan, report = import_mspdi(path)
    a, b, c = plan.decisions
    # done: its stored dates are its actual dates (on the plan's week scale: weeks 0 to 1)
    assert (a.status, a.actual_start, a.actual_finish) == (
        Status.DONE,
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 11),
    )
    # in progress: no actual start is made up; the remaining week resumes where the part done ends (week 2)
    assert (b.status, b.actual_start, b.not_before) == (Status.IN_PROGRESS, None, 2.0)
    r = analyze(plan)
    assert r.schedule is not None
    assert (r.schedule.row(b.id)["es"], r.schedule.row(b.id)["ef"]) == (2.0, 3.0)
    assert r.schedule.finish == 4.0  # where the file finishes
    text = report.text(limit=None)
    assert "1 done task without actual dates" in text and "1 task in progress without an actual start" in text
    assert "[schedule]" not in text


def test_a_milestone_with_a_duration_keeps_its_successors_in_place(tmp_path: Path) -> None:
    """MS Project schedules a task flagged as a milestone with its duration (here 2 days): the plan keeps it a
    milestone and puts the 2 days on the link from its finish, so B starts where the file has it."""
    path = write(
        tmp_path,
        [
            task(
                1,
                "Sign-off",
                1,
                "PT16H0M0S",
                milestone=1,
                start="2027-01-04T08:00:00",
                finish="2027-01-05T17:00:00",
            ),
            task(2, "B", 1, start="2027-01-06T08:00:00", finish="2027-01-12T17:00:00", links=link(1)),
            task(3, "C", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00", links=link(1, code=3)),
        ],
    )
    plan, report = import_mspdi(path)
    ms, b, c = plan.decisions
    assert (ms.milestone, ms.duration) == (True, 0.0)
    lags = {(d.from_, d.to): (str(d.type), d.lag) for d in plan.dependencies}
    assert lags[(ms.id, b.id)] == ("FS", 0.4) and lags[(ms.id, c.id)] == (
        "SS",
        0.0,
    )  # SS counts from its start
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.row(b.id)["es"] == 0.4
    assert "links from its finish get that time as lag" in report.text(limit=None)


def test_actual_dates_survive_an_ms_project_round_trip(tmp_path: Path) -> None:
    """The export writes actuals at their working-time moments (a done decision finishing at week 4/7 ends Wed 6 Jan
    about 16:00 on a Monday-to-Friday calendar); the import places them back by working time, so the dates the
    plan had come back (they came back as the calendar day of that moment, Wed 6 Jan, before)."""
    from planner.io import export_file, import_file
    from tests.conftest import build_plan

    plan = build_plan(
        [
            {"id": "a", "duration": 1, "status": "done", "progress": 100, "actual_start": "2027-01-04",
             "actual_finish": "2027-01-08"},
            {"id": "b", "duration": 2, "status": "in_progress", "progress": 50, "actual_start": "2027-01-11"},
        ],
        [("a", "b")],
        start_date="2027-01-04",
        status_date="2027-01-18",
    )  # fmt: skip
    path = tmp_path / "p.xml"
    export_file(plan, path)
    back, _ = import_file(path)
    a, b = back.decision("a"), back.decision("b")
    assert (a.actual_start, a.actual_finish, b.actual_start) == (
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 8),
        dt.date(2027, 1, 11),
    )
    assert back.status_date == plan.status_date


def test_done_work_without_dates_sits_exactly_where_the_file_has_it(tmp_path: Path) -> None:
    """A GanttProject task done in 2 working days (Mon-Tue) ends at week 0.4: no whole day is week 0.4 (2.8 calendar
    days), so its actual finish is kept in weeks and its successor starts on Wed as in the file; a 5-day task's
    finish is a whole week, kept as its date."""
    from planner.io import import_file

    path = tmp_path / "p.gan"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><project name="P" version="3.2"><tasks>'
        '<task id="1" name="Foundation" meeting="false" start="2026-03-02" duration="2" complete="100">'
        '<depend id="2" type="2" difference="0" hardness="Strong"/></task>'
        '<task id="2" name="Frame" meeting="false" start="2026-03-04" duration="3" complete="0"/>'
        '<task id="3" name="Survey" meeting="false" start="2026-03-02" duration="5" complete="100"/>'
        "</tasks></project>",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    foundation, frame, survey = plan.decisions
    assert (foundation.actual_start, foundation.actual_finish) == (dt.date(2026, 3, 2), 0.4)
    assert (survey.actual_start, survey.actual_finish) == (dt.date(2026, 3, 2), dt.date(2026, 3, 9))
    r = analyze(plan)
    assert r.schedule is not None
    assert (r.schedule.row(frame.id)["es"], r.schedule.finish) == (0.4, 1.0)
    assert "[schedule]" not in report.text(limit=None)
