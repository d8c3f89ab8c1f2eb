"""MS Project XML written by TaskJuggler 3.7.1 (``export "x" { formats mspxml }``), a real file from another tool.

TaskJuggler writes no project summary task and counts its top-level tasks from ``OutlineLevel`` 0 (MS Project
counts from 1 and keeps level 0 for the project summary, UID 0). It writes every task's schedule as its
``ActualStart``/``ActualFinish``, with ``PercentComplete`` 0 (or the share of the time up to its ``now``) on leaves
and none on milestones and summaries, and the end of the project's time frame as ``FinishDate``.

The files in ``tests/io/data/tj3`` were made from the ``.tjp`` beside them with ``tj3 FILE.tjp`` (TaskJuggler 3.7.1,
Debian). Before the fix the importer dropped every level-0 task as a project summary: the top-level tasks of
progress.xml (Kickoff, Data prep, Launch) were lost with their links, the summaries of stages.xml named no stage,
and TaskJuggler's schedule came in as actual dates after the status date (a warning on every decision)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import export_file
from planner.io.mspdi import import_mspdi
from planner.model import Decision, Plan, Status
from planner.model.io import load_plan
from tests.io.test_mspdi import task, write

DATA = Path(__file__).parent / "data" / "tj3"
ROOT = Path(__file__).resolve().parents[2]


def _by_id(plan: Plan) -> dict[str, Decision]:
    return {d.id: d for d in plan.decisions}


def test_s20_tj3_top_level_tasks_at_level_0_are_work_not_a_project_summary() -> None:
    """progress.tjp: Kickoff, Data prep and Launch are top-level leaves; Build a top-level summary with Sub in it."""
    plan, report = import_mspdi(DATA / "progress.xml")
    d = _by_id(plan)
    leaves = {"kickoff", "data-prep", "model-a", "model-b", "eval-c", "launch"}
    assert leaves <= set(d)
    assert set(d) - leaves == {"build-start", "build-finish", "sub-start", "sub-finish"}  # linked summaries
    links = {(x.from_, x.to) for x in plan.dependencies}
    assert ("kickoff", "data-prep") in links and ("build-finish", "launch") in links
    assert "counts its top-level tasks from level 0" in report.text(limit=None)


def test_s20_tj3_progress_up_to_now_is_carried_and_its_schedule_after_it_is_not() -> None:
    """now = Mon 15 Feb 2027. TaskJuggler: Kickoff (milestone, 4 Jan) and Data prep (4-25 Jan, 100 %) done, Model A
    (25 Jan - 8 Feb, 100 %) done, Model B (25 Jan - 22 Feb, 75 %) and Eval C (11-18 Feb, 57 %) under way, Launch
    (22 Feb) not started although the file gives it an actual start and finish."""
    plan, report = import_mspdi(DATA / "progress.xml")
    d = _by_id(plan)
    assert plan.status_date == dt.date(2027, 2, 15)
    assert d["kickoff"].status is Status.DONE  # a milestone: no PercentComplete, its actual finish before now
    assert (d["data-prep"].status, d["data-prep"].actual_start) == (Status.DONE, dt.date(2027, 1, 4))
    assert (d["model-b"].status, d["model-b"].progress) == (Status.IN_PROGRESS, 75.0)
    assert (d["model-b"].actual_start, d["model-b"].actual_finish) == (dt.date(2027, 1, 25), None)
    started = d["eval-c"].actual_start
    # Thu 11 Feb 00:00: 5 weeks and 3 working days after Mon 4 Jan, kept as weeks (H-io22: it was the date of the
    # rounded calendar place, Fri 12 Feb); before now (week 6)
    assert d["eval-c"].status is Status.IN_PROGRESS and started == pytest.approx(5.6)
    assert (d["launch"].status, d["launch"].actual_start, d["launch"].actual_finish) == (
        Status.NOT_STARTED,
        None,
        None,
    )
    # the summary helpers follow the work inside: Build and Sub have begun, neither has finished
    assert d["build-start"].status is Status.DONE and d["sub-start"].status is Status.DONE
    assert d["build-finish"].status is Status.NOT_STARTED and d["sub-finish"].status is Status.NOT_STARTED
    text = report.text(limit=None)
    assert "1 task not complete has actual start and finish dates after the file's status date" in text
    # TaskJuggler writes every task manually scheduled and "must start on" its own start: one line for all six,
    # not two a task (twelve lines of the same news)
    assert "6 manually scheduled tasks keep their stored start as their earliest start" in text
    # guesses are counted as the summary line counts decisions: 6, the 4 helper milestones apart (it said 10)
    assert report.summary().startswith("Imported 6 decisions")
    assert "6 decisions got their stage from their start time" in text
    assert "'must start on'" not in text
    assert "'Launch'" in text
    # TaskJuggler's last task ends Mon 22 Feb 2027 00:00 = week 7; FinishDate is the end of the time frame
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(7.0)
    assert "[schedule]" not in text
    assert not [f for f in r.findings if f.severity.value in ("error", "warning")]


def test_s20_tj3_summaries_named_for_stages_place_their_work_and_keep_their_links() -> None:
    """stages.tjp: summaries Validate, Integrate, Operationalize; Integrate depends on Validate (a summary link)."""
    plan, report = import_mspdi(DATA / "stages.xml")
    d = _by_id(plan)
    assert d["proof-of-concept"].stage == "validate"
    assert d["api-layer"].stage == "integrate"
    assert d["model-ci-cd"].stage == "operationalize"
    assert not any("stage-guessed" in x.tags for x in plan.decisions)
    assert ("validate-finish", "integrate-start") in {(x.from_, x.to) for x in plan.dependencies}
    r = analyze(plan)
    assert r.schedule is not None
    # nothing in Integrate starts before Validate's last work (Gate 1, week 4) is over
    assert r.schedule.row("api-layer")["es"] >= r.schedule.row("gate-1")["ef"] - 1e-9
    # a summary's constraint is reported once, as not carried (not also as carried)
    lines = [i for i in report.items if i.where.startswith("task 1 ") and i.kind == "constraint"]
    assert [i.message for i in lines] == ["a constraint on a summary task is not carried"]


def test_s20_tj3_a_plan_written_before_it_starts_has_no_status_date_and_no_actuals() -> None:
    """plain.tjp: now = 15 Jan 2027, the project starts Mon 1 Mar 2027; nothing has progress. Discovery 2 weeks,
    then Pilot (Build 3 weeks, Measure 2 weeks), then Go-live: TaskJuggler ends it Mon 19 Apr 2027 = week 7."""
    plan, report = import_mspdi(DATA / "plain.xml")
    assert plan.status_date is None
    assert all(x.actual_start is None and x.actual_finish is None for x in plan.decisions)
    assert all(x.status is Status.NOT_STARTED for x in plan.decisions)
    text = report.text(limit=None)
    assert "the file's status date, 15 Jan 2027, is before the plan starts (1 Mar 2027)" in text
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(7.0)
    assert not [f for f in r.findings if f.severity.value in ("error", "warning")]


def test_s20_one_level_0_task_without_an_outline_number_stays_the_project_summary(tmp_path: Path) -> None:
    """A file whose project summary has another UID than 0 and no OutlineNumber: still the project summary."""
    path = write(
        tmp_path,
        [
            task(1, "Whole project", 0),
            task(2, "A", 1),
            task(3, "B", 1),
        ],
    )
    plan, report = import_mspdi(path)
    assert [x.title for x in plan.decisions] == ["A", "B"]
    assert "from level 0" not in report.text(limit=None)


def test_s20_an_actual_finish_without_a_percentage_is_done_up_to_the_status_date(tmp_path: Path) -> None:
    """No PercentComplete (as some writers leave it): an actual finish on or before the status date is finished
    work, as MS Project sets 100 % with an actual finish; one after the status date is the file's schedule."""
    path = write(
        tmp_path,
        [
            task(
                1,
                "A",
                1,
                extra="<ActualStart>2027-01-04T08:00:00</ActualStart>"
                "<ActualFinish>2027-01-08T17:00:00</ActualFinish>",
            ),
            task(
                2,
                "B",
                1,
                extra="<ActualStart>2027-02-08T08:00:00</ActualStart>"
                "<ActualFinish>2027-02-12T17:00:00</ActualFinish>",
            ),
        ],
        extra="<StatusDate>2027-01-18T08:00:00</StatusDate>",
    )
    plan, _ = import_mspdi(path)
    a, b = plan.decisions
    assert (a.status, a.progress, a.actual_start) == (Status.DONE, 100.0, dt.date(2027, 1, 4))
    assert (b.status, b.actual_start, b.actual_finish) == (Status.NOT_STARTED, None, None)


@pytest.mark.skipif(shutil.which("tj3") is None, reason="optional: TaskJuggler (tj3) is not installed")
def test_s20_samples_through_taskjuggler_and_back_finish_where_they_did(tmp_path: Path) -> None:
    """Each bundled sample exported to .tjp, scheduled by tj3, written by tj3 as MS Project XML and imported again
    finishes within a day (0.2 weeks: the plan's calendar weeks against TaskJuggler's working days) of the plan."""
    for source in sorted((ROOT / "sample_plans").glob("*.plan.json")):
        plan = load_plan(source)
        tjp = tmp_path / f"{source.stem}.tjp"
        export_file(plan, tjp)
        tjp.write_text(
            tjp.read_text(encoding="utf-8") + '\nexport "back" { formats mspxml }\n', encoding="utf-8"
        )
        res = subprocess.run(
            ["tj3", "--no-color", "-o", str(tmp_path), str(tjp)], capture_output=True, text=True, timeout=120
        )
        assert res.returncode == 0, f"{source.name}: {(res.stderr or res.stdout)[-400:]}"
        back, _ = import_mspdi(tmp_path / "back.xml")
        want, got = analyze(plan).schedule, analyze(back).schedule
        assert want is not None and got is not None
        assert abs(got.finish - want.finish) <= 0.2 + 1e-9, f"{source.name}: {got.finish} vs {want.finish}"
        # every decision comes back; the only others are the summaries' helpers and the "not before: ..."
        # milestones the .tjp export writes where a decision has both links and an earliest start
        titles = Counter(x.title for x in back.decisions if "import-helper" not in x.tags)
        assert titles - Counter(x.title for x in plan.decisions) == Counter(
            {t: k for t, k in titles.items() if t.startswith("not before: ")}
        )
        assert Counter(x.title for x in plan.decisions) <= titles


# -- TaskJuggler's CSV report (report.tjp: the project of stages.tjp with a taskreport in CSV) ------------------------


def test_s20_tj3_csv_report_keeps_outline_stages_durations_and_links() -> None:
    """Names indented two spaces a level, durations in calendar days (Proof of concept 11.3 days from 4 to 15 Jan
    = 1.61 weeks), "Precursors" as 'Name (id) ]->[ date' (]->[ finish to start, [->[ start to start)."""
    from planner.io import import_file

    plan, report = import_file(DATA / "report.csv")
    d = _by_id(plan)
    leaves = {
        "validate.poc",
        "validate.biz",
        "validate.gate1",
        "integrate.api",
        "integrate.sso",
        "integrate.wf",
        "ops.cicd",
        "ops.drift",
        "ops.done",
    }
    assert leaves <= set(d) and not {"validate", "integrate", "ops"} & set(d)  # summaries are structure
    assert [d[k].stage for k in ("validate.poc", "integrate.api", "ops.cicd")] == [
        "validate",
        "integrate",
        "operationalize",
    ]
    assert not any({"Validate", "Integrate", "Operationalize"} & set(x.tags) for x in plan.decisions)
    assert d["validate.poc"].duration == pytest.approx(11.3 / 7)
    assert d["validate.biz"].duration == pytest.approx(2.0)  # 14.0 calendar days
    links = {(x.from_, x.to, x.type.value) for x in plan.dependencies}
    assert ("validate.poc", "validate.biz", "FS") in links
    assert ("integrate.api", "integrate.sso", "SS") in links
    assert ("ops.cicd", "ops.done", "FS") in links
    text = report.text(limit=None)
    assert "calendar days, not weeks" in text and "Precursors" not in text
    r = analyze(plan)
    assert r.schedule is not None
    # TaskJuggler: Ops ready on Tue 13 Apr 2027, 99 calendar days after Mon 4 Jan: positions count calendar days as
    # the durations do (they counted working days, and the finish came out at week 14.2, 'the file at 15 Apr')
    assert r.schedule.finish == pytest.approx(99 / 7)
    assert "[schedule]" not in text


def test_s20_csv_leading_spaces_are_an_outline_only_when_they_form_one(tmp_path: Path) -> None:
    from planner.io import import_file

    nested = tmp_path / "nested.csv"
    nested.write_text(
        "title,duration\nValidate,\n   Business case,2\n   Data audit,1\nPilot,\n   Build,3\n      Harden,1\n",
        encoding="utf-8",
    )
    plan, _ = import_file(nested)
    by_title = {x.title: x for x in plan.decisions}
    assert set(by_title) == {"Business case", "Data audit", "Harden"}  # Build has Harden under it: a summary
    assert by_title["Business case"].stage == "validate"
    assert {"Pilot", "Build"} <= set(by_title["Harden"].tags)
    # a stray space in one name is not a hierarchy: every row stays a decision
    stray = tmp_path / "stray.csv"
    stray.write_text("title,duration\nA,1\n B,1\n C,1\nD,1\n   E,1\n", encoding="utf-8")
    plan2, _ = import_file(stray)
    assert [x.title for x in plan2.decisions] == ["A", "B", "C", "D", "E"]


def test_s20_taskjuggler_precursors_cell() -> None:
    from planner.io.table import parse_depends
    from planner.model import DependencyType as T

    cell = "Validate, phase one (validate) ]->[ 2027-01-29, API layer (integrate.api) [->[ 2027-01-29, X (x) ]->] 1"
    assert parse_depends(cell) == [("validate", T.FS, 0.0), ("integrate.api", T.SS, 0.0), ("x", T.FF, 0.0)]


def test_s20_a_task_with_uid_0_at_level_1_is_work(tmp_path: Path) -> None:
    """Writers that number their tasks from UID 0 at OutlineLevel 1: UID 0 is a task, not the project summary."""
    path = write(tmp_path, [task(0, "First", 1), task(1, "Second", 1)])
    plan, _ = import_mspdi(path)
    assert [x.title for x in plan.decisions] == ["First", "Second"]


def test_s20_an_ms_project_file_without_tasks_says_so(tmp_path: Path) -> None:
    """Only the project summary (a resource pool, a new file): the report says the plan is empty, as the MPX and
    GanttProject imports do; it said 'Everything in the file was carried over'."""
    path = write(tmp_path, [task(0, "Project summary", 0)])
    plan, report = import_mspdi(path)
    assert plan.decisions == []
    assert [i.message for i in report.items] == ["the project has no tasks: the plan is empty"]


def test_s20_weeks_in_import_messages_follow_the_week_format(tmp_path: Path) -> None:
    """Weeks in MS Project XML report lines come from units.format_weeks / plural_weeks: 'a duration of 1 week'
    (it said '1 weeks', by a format of its own)."""
    path = write(tmp_path, [task(1, "Sign-off", 1, "PT40H0M0S", milestone=1)])
    _, report = import_mspdi(path)
    assert "a milestone with a duration of 1 week is kept as a milestone" in report.text(limit=None)
