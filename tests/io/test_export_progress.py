"""Exports write the schedule ``planner analyze`` shows (progress, actual dates, status date), and MS Project XML
carries the plan's own progress back to an import of it. Hand-checked cases; MPXJ, when installed, in
``test_export_in_other_tools.py``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.io import export_file, export_notes, import_file
from planner.io.exporting import export_schedule
from planner.io.mspdi import export_mspdi
from planner.model import Plan
from tests.conftest import build_plan


def _progress_plan(**extra: Any) -> Plan:
    """Start Mon 4 Jan 2027. a (2 w) done with no dates; b (4 w) after a, 50 % done, no actual start;
    c (1 w) after b; d (1 w, blocked, 0 %) with no links; e (2 w) done with actual dates Thu 7 Jan - Fri 15 Jan;
    f (1 w) after e, in progress since Mon 18 Jan (20 %)."""
    return build_plan(
        [
            {"id": "a", "duration": 2, "status": "done", "progress": 100},
            {"id": "b", "duration": 4, "status": "in_progress", "progress": 50},
            {"id": "c", "duration": 1},
            {"id": "d", "duration": 1, "status": "blocked"},
            {"id": "e", "duration": 2, "status": "done", "progress": 100, "actual_start": "2027-01-07",
             "actual_finish": "2027-01-15"},
            {"id": "f", "duration": 1, "status": "in_progress", "progress": 20, "actual_start": "2027-01-18"},
        ],
        [("a", "b"), ("b", "c"), ("e", "f")],
        start_date="2027-01-04",
        **extra,
    )  # fmt: skip


def _task(xml: str, name: str) -> str:
    m = re.search(rf"<Task>\s*<UID>\d+</UID>\s*<ID>\d+</ID>\s*<Name>{name}</Name>.*?</Task>", xml, re.S)
    assert m, name
    return m.group(0)


def _field(task: str, name: str) -> str | None:
    m = re.search(rf"<{name}>([^<]*)</{name}>", task)
    return m.group(1) if m else None


def test_the_export_schedule_is_the_analyze_schedule() -> None:
    """Status date Mon 1 Feb (week 4). a done without dates sits at the status date (es = ef = 4); b's remaining
    2 weeks run 4-6 (its 2 weeks done end where they resume: it began at week 2); c 6-7; the blocked d waits for
    the status date, 4-5; e sits at its actual finish 11/7; f's remaining 0.8 w from the status date, 4-4.8."""
    plan = _progress_plan(status_date="2027-02-01")
    s = export_schedule(plan)
    r = analyze(plan)
    assert r.schedule is not None
    assert s.finish == r.schedule.finish == 7.0
    assert s.es == pytest.approx([float(x) for x in r.schedule.es])
    assert s.ef == pytest.approx([4.0, 6.0, 7.0, 5.0, 11 / 7, 4.8])
    assert s.state == ["done", "in_progress", "not_started", "not_started", "done", "in_progress"]
    assert s.started == pytest.approx([2.0, 2.0, None, None, 3 / 7, 2.0])


def test_mspdi_writes_the_progress_schedule_and_actuals_on_their_days() -> None:
    plan = _progress_plan(status_date="2027-02-01")
    xml = export_mspdi(plan)
    # the status date on its own day, at the day's start (remaining work resumes from it)
    assert "<StatusDate>2027-02-01T08:00:00</StatusDate>" in xml
    # e: actual start Thu 7 Jan at 08:00; actual finish 15 Jan (Fri) is the moment that day begins: Thu 14 17:00
    e = _task(xml, "E")
    assert (_field(e, "ActualStart"), _field(e, "ActualFinish")) == (
        "2027-01-07T08:00:00",
        "2027-01-14T17:00:00",
    )
    assert (_field(e, "Start"), _field(e, "Finish"), _field(e, "PercentComplete")) == (
        "2027-01-07T08:00:00",
        "2027-01-14T17:00:00",
        "100",
    )
    assert "<Value>2027-01-07</Value>" in e and "<Value>2027-01-15</Value>" in e  # the plan's own dates
    # b: began Mon 18 Jan (week 2), 2 weeks done, remaining 2 weeks from the status date: no split, ends Fri 12 Feb
    b = _task(xml, "B")
    assert (_field(b, "ActualStart"), _field(b, "Finish"), _field(b, "Stop")) == (
        "2027-01-18T08:00:00",
        "2027-02-12T17:00:00",
        None,
    )
    assert (_field(b, "ActualDuration"), _field(b, "RemainingDuration")) == ("PT80H0M0S", "PT80H0M0S")
    assert "<Value>in_progress</Value>" in b and "Planner actual" not in b
    # f: began Mon 18 Jan, 20 % of a week done (one day, to Mon 17:00), paused until the status date: a split
    f = _task(xml, "F")
    assert (_field(f, "Stop"), _field(f, "Resume"), _field(f, "Finish")) == (
        "2027-01-18T17:00:00",
        "2027-02-01T08:00:00",
        "2027-02-04T17:00:00",
    )
    # d: blocked and not started: waits for the status date (start no earlier than), its own not_before kept
    d = _task(xml, "D")
    assert (_field(d, "Start"), _field(d, "ConstraintType"), _field(d, "ConstraintDate")) == (
        "2027-02-01T08:00:00",
        "4",
        "2027-02-01T08:00:00",
    )
    assert "<Value>blocked</Value>" in d and "<FieldID>188743769</FieldID><Value>0</Value>" in d
    # a: done without dates: it sits at the status date, its two weeks just before it
    a = _task(xml, "A")
    assert (_field(a, "ActualStart"), _field(a, "ActualFinish")) == (
        "2027-01-18T08:00:00",
        "2027-01-29T17:00:00",
    )
    # no actual date or status date at an odd time of day (they were placed by working weeks: Thu 7 Jan, week 3/7,
    # became Wed 6 Jan 09:08:34)
    times = set(re.findall(r"<(?:Actual\w+|StatusDate)>\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)<", xml))
    assert times == {"08:00:00", "17:00:00"}


@pytest.mark.parametrize("status_date", [None, "2027-02-01", "2027-01-20"])
def test_mspdi_round_trip_keeps_progress_status_and_actuals(tmp_path: Path, status_date: str | None) -> None:
    plan = _progress_plan(status_date=status_date)
    path = tmp_path / "p.xml"
    export_file(plan, path)
    back, report = import_file(path)
    assert "[schedule]" not in report.text(limit=None)
    assert back.status_date == plan.status_date
    for d in plan.decisions:
        e = back.decision(d.id)
        assert (e.status, e.actual_start, e.actual_finish, e.not_before) == (
            d.status,
            d.actual_start,
            d.actual_finish,
            d.not_before,
        ), d.id
        assert e.progress == (100 if d.status.value == "done" else d.progress)
    r, rb = analyze(plan), analyze(back)
    assert r.schedule is not None and rb.schedule is not None
    assert rb.schedule.finish == pytest.approx(r.schedule.finish)
    assert rb.schedule.critical_path == r.schedule.critical_path


def test_progress_recorded_in_ms_project_after_the_export_is_read(tmp_path: Path) -> None:
    """The planner's own file, updated in MS Project: c (not started in the plan) gets an actual start there, and
    e (done) keeps the plan's own dates."""
    plan = _progress_plan(status_date="2027-02-01")
    xml = export_mspdi(plan)
    c = _task(xml, "C")
    updated = c.replace(
        "<PercentComplete>0</PercentComplete>", "<PercentComplete>40</PercentComplete>"
    ).replace("<ActualDuration>", "<ActualStart>2027-02-15T08:00:00</ActualStart>\n      <ActualDuration>")
    path = tmp_path / "p.xml"
    path.write_text(xml.replace(c, updated), encoding="utf-8")
    back, _ = import_file(path)
    assert (back.decision("c").status.value, back.decision("c").actual_start) == (
        "in_progress",
        dt.date(2027, 2, 15),
    )
    assert back.decision("e").actual_finish == dt.date(2027, 1, 15)


def test_mspdi_baseline_is_ms_projects_baseline_0() -> None:
    from planner.analysis.baselines import make_baseline, with_baseline
    from planner.analysis.schedule import schedule

    plan = build_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 1}], [("a", "b")], start_date="2027-01-04"
    )
    plan = with_baseline(plan, make_baseline(schedule(plan), "signed off"))
    xml = export_mspdi(plan)
    b = _task(xml, "B")
    assert (
        "<Baseline><Number>0</Number><Start>2027-01-18T08:00:00</Start><Finish>2027-01-22T17:00:00</Finish>"
        "<Duration>PT40H0M0S</Duration></Baseline>"
    ) in b


def test_a_milestone_after_a_link_sits_at_its_predecessors_finish() -> None:
    plan = build_plan(
        [{"id": "a", "duration": 1}, {"id": "m", "duration": 0, "milestone": True}], [("a", "m")],
        start_date="2027-01-04",
    )  # fmt: skip
    m = _task(export_mspdi(plan), "M")
    assert (_field(m, "Start"), _field(m, "Finish")) == ("2027-01-08T17:00:00", "2027-01-08T17:00:00")


def test_export_notes_say_what_is_not_carried() -> None:
    plan = _progress_plan()  # no status date: b and f resume at the plan start / their actual start
    notes = "\n".join(export_notes(plan, "mspdi"))
    assert "1 blocked decision:" in notes
    assert "2 decisions in progress have their remaining work resume before" in notes
    assert "status date" in notes
    gan = "\n".join(export_notes(plan, "gan"))
    assert "GanttProject has no actual dates or status date" in gan
    assert "no leads" not in "\n".join(export_notes(plan, "tjp"))


def _gan_task(text: str, name: str) -> str:
    m = re.search(rf'<task id="\d+" name="{name}"[^>]*>', text)
    assert m, name
    return m.group(0)


def test_gan_writes_started_work_to_end_where_the_planner_finishes_it() -> None:
    """Status date Mon 1 Feb (week 4): a (2 w, done without dates) sits at the status date, so GanttProject gets
    it Mon 18 Jan for 10 days; b's 2 weeks left run to week 6, so its 4 weeks start Mon 18 Jan; c waits for b;
    d (not started) waits for the status date, Mon 1 Feb."""
    from planner.io.gan import export_gan

    text = export_gan(_progress_plan(status_date="2027-02-01"))
    assert 'start="2027-01-18" duration="10" complete="100"' in _gan_task(text, "A")
    assert 'start="2027-01-18" duration="20" complete="50"' in _gan_task(text, "B")
    assert 'start="2027-02-15" duration="5" complete="0"' in _gan_task(text, "C")
    assert 'start="2027-02-01" duration="5" complete="0"' in _gan_task(text, "D")
    # without a status date, done work without dates sits at the plan start: GanttProject gets it before it
    text = export_gan(_progress_plan())
    assert 'start="2026-12-21" duration="10" complete="100"' in _gan_task(text, "A")


@pytest.mark.parametrize("status_date", [None, "2027-02-01", "2027-01-20"])
def test_gan_round_trip_keeps_progress_status_and_actuals(tmp_path: Path, status_date: str | None) -> None:
    plan = _progress_plan(status_date=status_date)
    path = tmp_path / "p.gan"
    export_file(plan, path)
    back, _ = import_file(path)
    assert (back.start_date, back.status_date) == (plan.start_date, plan.status_date)
    for d in plan.decisions:
        e = back.decision(d.id)
        assert (e.status, e.actual_start, e.actual_finish, e.not_before) == (
            d.status,
            d.actual_start,
            d.actual_finish,
            d.not_before,
        ), d.id
    r, rb = analyze(plan), analyze(back)
    assert r.schedule is not None and rb.schedule is not None
    assert rb.schedule.finish == pytest.approx(r.schedule.finish)
    assert rb.schedule.critical_path == r.schedule.critical_path


def test_tjp_writes_remaining_work_and_done_work_where_it_sits() -> None:
    """Status date Mon 1 Feb (week 4, 672 h): a is a done milestone there (its link to b never binds); b's
    remaining 2 weeks (336 h) wait for it after a; d waits for the status date; e sits at its actual finish,
    11/7 weeks (264 h); f's remaining 0.8 week (134 h) after a helper at the status date."""
    from planner.io.graphs import export_tjp

    text = export_tjp(_progress_plan(status_date="2027-02-01"))
    assert "  now 2027-02-01\n" in text  # TaskJuggler's status date
    a = text[text.index('task a "A"') : text.index('task b "B"')]
    assert "milestone" in a and "complete 100" in a and "start 2027-02-01" in a
    b = text[text.index('task b "B"') : text.index('task c "C"')]
    assert "duration 336h" in b and "complete 50" in b and "depends stage_validate.a" in b
    assert "depends !!nb_b" in b
    e = text[text.index('task e "E"') : text.index('task f "F"')]
    assert "milestone" in e and "start 2027-01-15" in e
    f = text[text.index('task f "F"') :]
    assert "duration 134h" in f and "depends stage_validate.e" in f
    assert "task nb_f" in text and "task nb_b" in text


def test_tjp_empty_plan_past_2035_and_milestone_start_links(tmp_path: Path) -> None:
    from planner.io.common import InteropError
    from planner.io.graphs import export_tjp

    assert "milestone" in export_tjp(build_plan([], start_date="2027-01-04"))  # tj3: 'No tasks defined'
    far = build_plan([{"id": "a", "duration": 1, "not_before": 500}], start_date="2027-01-04")
    with pytest.raises(InteropError, match=r"p\.tjp: TaskJuggler takes dates from 1970 to 2035"):
        export_file(far, tmp_path / "p.tjp")
    assert not (tmp_path / "p.tjp").exists()
    # SS from a milestone is from its end: an 'onstart' on it made tj3 find a loop through the stage
    plan = build_plan(
        [
            {"id": "m", "duration": 0, "milestone": True},
            {"id": "b", "duration": 1},
            {"id": "c", "duration": 1},
        ],
        [("m", "b", "SS", 1), ("b", "c", "SS", 0.5)],
        start_date="2027-01-04",
    )
    text = export_tjp(plan)
    assert "depends stage_validate.m { gapduration 168h }" in text
    assert "depends stage_validate.b { onstart gapduration 84h }" in text


def test_mermaid_keeps_keywords_out_of_the_grammar() -> None:
    """Mermaid's gantt lexer reads a line starting with 'section' or 'title' as that statement and an id 'done' as
    a tag; the export writes them so that Mermaid draws them as text."""
    from planner.io.graphs import export_mermaid

    plan = build_plan(
        [
            {"id": "done", "title": "Section 5 review", "duration": 1},
            {"id": "b", "title": "Title deeds: check", "duration": 1},
        ],
        start_date="2027-01-04",
    )
    text = export_mermaid(plan)
    assert "    #83;ection 5 review :t_done, 2027-01-04, 7d" in text
    assert "    #84;itle deeds#58; check :b, 2027-01-04, 7d" in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_tables_a_spreadsheet_reads_and_round_trips(tmp_path: Path, suffix: str) -> None:
    """Read with a plain reader: units in the headers, the schedule's dates and the plan's dates ISO (date cells
    in .xlsx), lags with their unit; read back with the import: the same plan, status date included (it was lost,
    so a status-date plan came back 2.7 weeks early)."""
    import csv

    import openpyxl

    plan = _progress_plan(status_date="2027-02-01")
    plan.dependencies[0].lag = 0.4
    path = tmp_path / f"p{suffix}"
    export_file(plan, path)
    if suffix == ".csv":
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    else:
        ws = openpyxl.load_workbook(path).active
        assert ws is not None
        rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = rows[0]
    assert header[5:10] == [
        "scheduled_start",
        "scheduled_finish",
        "optimistic (weeks)",
        "likely (weeks)",
        "pessimistic (weeks)",
    ]
    assert header[-2:] == ["plan_start_date", "status_date"] and "not_before (weeks)" in header
    b = dict(zip(header, rows[2], strict=True))
    day = (lambda x: x) if suffix == ".csv" else (lambda x: dt.datetime.fromisoformat(x))
    # b: its remaining 2 weeks from a (done, at the status date, week 4) + 0.4; its 2 weeks done before the status
    # date, weeks 2-4 (they ended at week 4.4, after the status date, when the start was 2.4 w, 21 Jan)
    assert (b["scheduled_start"], b["scheduled_finish"]) == (
        day("2027-01-18"),
        day("2027-02-18"),
    )  # 2, 6.4 w
    assert (b["depends_on"], b["status_date"]) == ("a FS+0.4w", day("2027-02-01"))
    back, report = import_file(path)
    assert not report.items, report.text()
    assert (back.start_date, back.status_date) == (plan.start_date, plan.status_date)
    r, rb = analyze(plan), analyze(back)
    assert r.schedule is not None and rb.schedule is not None
    assert rb.schedule.finish == pytest.approx(r.schedule.finish)
    assert [(d.id, d.status, d.actual_start) for d in back.decisions] == [
        (d.id, d.status, d.actual_start) for d in plan.decisions
    ]


def test_cli_export_says_what_is_not_carried_and_takes_the_status_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main
    from planner.model import dump_plan

    src = tmp_path / "p.plan.json"
    src.write_text(dump_plan(_progress_plan()), encoding="utf-8")
    out = tmp_path / "p.xml"
    assert main(["export", str(src), "-o", str(out), "--status-date", "2027-02-01"]) == 0
    err = capsys.readouterr().err
    assert "items not carried or carried approximately:" in err and "  - 1 blocked decision:" in err
    assert "<StatusDate>2027-02-01T08:00:00</StatusDate>" in out.read_text(encoding="utf-8")  # was ignored
    assert main(["export", str(src), "-o", str(tmp_path / "p.csv"), "--estimate", "pert"]) == 2
    assert "--estimate applies to chart exports" in capsys.readouterr().err
    far = tmp_path / "far.plan.json"
    far.write_text(
        dump_plan(build_plan([{"id": "a", "duration": 1, "not_before": 500}], start_date="2027-01-04")),
        encoding="utf-8",
    )
    assert main(["export", str(far), "-o", str(tmp_path / "far.tjp")]) == 2
    err = capsys.readouterr().err
    assert "far.tjp: TaskJuggler takes dates from 1970 to 2035" in err and "Traceback" not in err


def test_work_after_a_mid_week_status_date_starts_on_its_day() -> None:
    """Status date Wed 20 Jan (week 16/7): in 5-day weeks that is Tue 19 Jan 11:25; from the status date on the
    export counts from its own day, so d starts Wed 20 Jan 08:00 and runs its week to Tue 26 Jan 17:00 (the planner:
    20 Jan to 27 Jan, its finish dates being the day after), in MS Project XML and in GanttProject."""
    from planner.io.gan import export_gan

    plan = _progress_plan(status_date="2027-01-20")
    d = _task(export_mspdi(plan), "D")
    assert (_field(d, "Start"), _field(d, "Finish"), _field(d, "ConstraintDate")) == (
        "2027-01-20T08:00:00",
        "2027-01-26T17:00:00",
        "2027-01-20T08:00:00",
    )
    assert 'start="2027-01-20" duration="5"' in _gan_task(export_gan(plan), "D")


def test_dot_shows_progress() -> None:
    from planner.io.graphs import export_dot

    text = export_dot(_progress_plan())
    assert '"a" [label="A\\n2 w · done", fillcolor="#ffffff", style="rounded,filled,dashed"];' in text
    assert '"b" [label="B\\n4 w · 50%", fillcolor="#ffffff", penwidth=2];' in text
    assert '"d" [label="D\\n1 w · blocked"' in text and '"c" [label="C\\n1 w", fillcolor="#ffffff"];' in text


def test_cli_data_export_refuses_chart_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.cli import main

    sample = Path(__file__).resolve().parents[2] / "sample_plans" / "insights-assistant.plan.json"
    for extra in (["--chart", "risk"], ["--dpi", "300"]):
        assert main(["export", str(sample), "-o", str(tmp_path / "p.csv"), *extra]) == 2
        assert "apply to chart exports" in capsys.readouterr().err  # they were ignored silently
    assert not (tmp_path / "p.csv").exists()


def test_mermaid_bar_ids_stay_unique_when_one_is_prefixed() -> None:
    """'done' is written t_done (Mermaid reads 'done' as a tag): a decision already called t_done keeps its own id
    and the prefixed one becomes t_done_2, so 'depends on' comments name one bar each (both were :t_done)."""
    from planner.io.graphs import export_mermaid

    plan = build_plan(
        [{"id": "t_done", "duration": 1}, {"id": "done", "duration": 1}],
        [("done", "t_done")],
        start_date="2027-01-04",
    )
    text = export_mermaid(plan)
    bars = re.findall(r":(t_done\w*),", text)
    assert sorted(bars) == ["t_done", "t_done_2"]
