"""A delivery team's Monday: the plan arrives from another tool (MS Project XML, a PMO's CSV or Excel tracker,
GanttProject). Files in ``tests/io/data`` named here are hand-written the way those tools write them (see its README);
every figure below is checked by hand against the file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planner.io import import_file
from planner.io.common import ImportReport
from planner.io.table import _first_resource, _money, currency_of
from planner.model.plan import Plan

DATA = Path(__file__).parent / "data"


def _lines(report: ImportReport) -> list[str]:
    return [f"[{i.kind}] {i.where + ': ' if i.where else ''}{i.message}" for i in report.items]


# -- a PMO's CSV tracker: title row, WBS, day-first dates, money with a symbol, resource units, a total row -----------
def test_pmo_tracker_csv_total_row_money_and_resource_units() -> None:
    plan, report = import_file(DATA / "pmo-tracker-dmy.csv")
    text = "\n".join(_lines(report))
    # the total row is not a task: its 29 days and EUR 20,000 would have doubled the plan's cost
    assert [d.title for d in plan.decisions] == [
        "Kickoff",
        "Requirements",
        "Vendor review",
        "Prototype",
        "Integration build",
        "Security review",
        "Go-live",
        "Hypercare",
    ]
    assert "a total row ('Total') was skipped" in text
    # '€12,000' is twelve thousand (not refused, not 12); '8000' stays 8000
    costs = {d.title: d.cost for d in plan.decisions if d.cost}
    assert costs == {"Requirements": 12000.0, "Prototype": 8000.0}
    assert plan.currency == "EUR"  # the cells' € sign ('20,000' with no unit before)
    assert "the costs are in EUR, as their cells say" in text
    # 'Platform team[2]' is the team 'Platform team' with two people, not a team of its own
    proto = next(d for d in plan.decisions if d.title == "Prototype")
    assert proto.owner == "platform-team" and proto.headcount == 2
    assert [t.name for t in plan.teams].count("Platform team") == 1
    assert not any("[" in t.name for t in plan.teams)
    # predecessors with types and lags in days: 3SS+2d, 3FS+5d, 7FF+1d (5 working days a week)
    links = {(d.from_, d.to): (str(d.type), d.lag) for d in plan.dependencies}
    assert links[("3", "4")] == ("SS", pytest.approx(0.4))
    assert links[("3", "5")] == ("FS", pytest.approx(1.0))
    assert links[("7", "8")] == ("FF", pytest.approx(0.2))
    assert "read day first" in text


def test_pmo_tracker_xlsx_same_rows(tmp_path: Path) -> None:
    import csv

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    with open(DATA / "pmo-tracker-dmy.csv", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    ws["J5"] = "€12,000"  # typed as text, as a pasted figure stays
    path = tmp_path / "tracker.xlsx"
    wb.save(path)
    plan, report = import_file(path)
    assert len(plan.decisions) == 8
    assert sum(d.cost or 0 for d in plan.decisions) == 20000
    assert "a total row ('Total') was skipped" in "\n".join(_lines(report))


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("€12,000", "12000"),
        ("$8,000.00", "8000.00"),
        ("12 000 EUR", "12000"),
        ("1.234,50", "1234.50"),
        ("12,5", "12.5"),
        ("1.200.000", "1200000"),
        ("-€500", "-500"),
        ("CHF 12'000.50", "12000.50"),
        ("8000.5", "8000.5"),
    ],
)
def test_money_cells(cell: str, value: str) -> None:
    assert _money(cell) == value


def test_resource_cells() -> None:
    report = ImportReport(source="x.csv", format="CSV")
    assert _first_resource("Platform team[200%]", listed=True, report=report, where="line 3") == (
        "Platform team",
        2.0,
    )
    assert _first_resource("Ann[50%];Bob", listed=True, report=report, where="line 4") == ("Ann", 0.5)
    assert _lines(report) == [
        "[resource] line 4: 2 resources ('Ann', 'Bob'); the first is the owner, the others are not carried"
    ]
    # a team column of the planner's own (not a list): a comma is part of the name
    assert _first_resource("R&D, EMEA", listed=False, report=report, where="line 5") == ("R&D, EMEA", None)


def test_ms_project_save_as_csv_actual_dates_and_na() -> None:
    """MS Project's "Save as CSV" writes actual dates as it shows them ('Mon 3/1/27') and 'NA' for none: they are
    read in the file's order of month and day (they were refused: 'neither a date nor weeks')."""
    import datetime as dt

    plan, report = import_file(DATA / "msproject-save-as-csv-mdy.csv")
    by_title = {d.title: d for d in plan.decisions}
    kickoff, req, design, build = (by_title[t] for t in ("Kickoff", "Requirements", "Design", "Build"))
    assert (kickoff.actual_start, kickoff.actual_finish) == (dt.date(2027, 3, 1), dt.date(2027, 3, 1))
    # 'Fri 3/5/27' is the end of Friday: the plan's finish (at the start of its date) is Monday 8 Mar, where its
    # successor Design really started, as the XML import and a done row without actual dates place it
    assert (req.actual_start, req.actual_finish) == (dt.date(2027, 3, 1), dt.date(2027, 3, 8))
    assert "1 actual finish date is the end of its day" in "\n".join(_lines(report))
    assert (str(design.status), design.progress, design.actual_start, design.actual_finish) == (
        "in_progress",
        40,
        dt.date(2027, 3, 8),
        None,
    )
    assert (design.owner, design.headcount) == ("Architects", 0.5)
    assert (build.owner, build.headcount, build.actual_start) == ("Developers", 3, None)
    assert plan.start_date == dt.date(2027, 3, 1)
    assert "read month first" in "\n".join(_lines(report))


def test_done_milestone_without_actual_dates_sits_on_its_day() -> None:
    """A done 0-day row dated 01/03/2027 with no predecessor is a moment at the plan start (week 0), not the end of
    that day (it sat at week 0.2)."""
    import datetime as dt

    plan, _ = import_file(DATA / "pmo-tracker-dmy.csv")
    kickoff = next(d for d in plan.decisions if d.title == "Kickoff")
    assert kickoff.milestone and (kickoff.actual_start, kickoff.actual_finish) == (
        dt.date(2027, 3, 1),
        dt.date(2027, 3, 1),
    )


def test_slashed_actual_dates_read_when_a_date_tells_the_order(tmp_path: Path) -> None:
    """Without start and finish columns, a day above 12 (13/01/2027) tells day first for every actual date of the
    file; when nothing tells, the cell is still refused with one line asking for YYYY-MM-DD."""
    import datetime as dt

    path = tmp_path / "tracker.csv"
    path.write_text("title,likely,status,actual_start\nA,1,done,13/01/2027\nB,1,in progress,04/01/2027\n")
    plan, report = import_file(path)
    assert [d.actual_start for d in plan.decisions] == [dt.date(2027, 1, 13), dt.date(2027, 1, 4)]
    assert "read day first" in "\n".join(_lines(report))


# -- MS Project XML as MS Project 2016-2019 writes it ------------------------------------------------------------------
def _mspdi(name: str) -> tuple[Plan, str]:
    plan, report = import_file(DATA / name)
    return plan, "\n".join(_lines(report))


def test_four_tens_calendar_finish_and_critical_path_agree_with_the_file() -> None:
    """Mon-Thu 10-hour days, a holiday, durations in days, hours, weeks, elapsed days and estimated days, links of
    all four types with lags in days, % and elapsed days. The file finishes Tue 20 Apr 17:30 = 290 working hours =
    7.25 weeks; the elapsed lag of 3 days after 'Prototype' (Thu 18 Mar 12:00) ends on Sunday, so 'Integration
    build' starts Mon 22 Mar 07:00, week 3.0 (read as 3/7 week, it started at 3.3 and the plan finished 0.3 weeks
    late with nothing in the report to say why)."""
    from planner.analysis import analyze

    plan, text = _mspdi("delivery-4x10-mspdi.xml")
    r = analyze(plan)
    assert r.schedule is not None
    assert r.schedule.finish == pytest.approx(7.25)
    ids = {d.title: d.id for d in plan.decisions}
    assert r.schedule.row(ids["Integration build"])["es"] == pytest.approx(3.0)
    # the 10 edays spans Wed 3 Mar 07:00 to Sat 13 Mar 07:00: 2 + 4 working days = 1.5 weeks
    assert plan.decision(ids["Vendor due diligence"]).duration == pytest.approx(1.5)
    assert r.schedule.critical_path[-3:] == [ids["Security review"], ids["Go-live"], ids["Hypercare"]]
    assert "[schedule]" not in text  # the finish agrees: nothing to explain
    assert (
        "link 5 -> 7: an elapsed lag (3 calendar days) is read as the working time it spans in the file, 0.12"
        in text
    )
    # the deadline and the finish-no-later-than are said, with what the file does
    assert (
        "a deadline of 12 Apr 2027 is not carried (the plan has no deadlines); the file finishes the task on 6 Apr 2027"
        in text
    )
    assert (
        "'finish no later than' 15 Apr 2027 constraint is not carried (the file finishes the task on 6 Apr 2027)"
        in text
    )
    assert "material resource 'Servers' is not carried" in text
    assert "(2027-03-25) is not carried" in text


def test_status_date_placed_by_working_time_is_said() -> None:
    """The file's status date, Wed 24 Mar 17:30, is 3.75 working weeks in (the Thursday is a holiday): kept as
    week 3.75 (MS Project measures it in working time; s33), which the plan's 7-day weeks show on Sat 27 Mar. The
    report says so instead of leaving the team to find a different date."""
    import datetime as dt

    plan, text = _mspdi("delivery-4x10-progress-mspdi.xml")
    assert plan.status_date == 3.75
    assert (
        "the status date 24 Mar 2027 (3.75 working weeks from the file's start) is week 3.75 (27 Mar 2027) in the "
        "plan" in text
    )
    req = next(d for d in plan.decisions if d.title == "Requirements")
    assert (str(req.status), req.actual_start) == ("done", dt.date(2027, 3, 1))


def test_calendar_week_shorter_than_minutes_per_week() -> None:
    """A Mon-Thu 8-hour calendar left with MS Project's 40 hours per week: 'Racking install' is 20 days = 160 h =
    5 of the calendar's 32-hour weeks (Mon 1 Mar to Thu 1 Apr), not 4 (read in 40-hour weeks, every date of the
    plan came 20 % early: the finish on 12 Apr instead of the file's 20 Apr)."""
    import datetime as dt

    from planner.analysis import analyze
    from planner.units import week_to_date

    plan, text = _mspdi("delivery-4x8-mspdi.xml")
    assert [d.duration for d in plan.decisions] == [5.0, 2.5]
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(7.5)
    assert week_to_date(dt.date(2027, 3, 1), 7.5) == dt.date(2027, 4, 23)
    assert "the project calendar works 32 hours a week and the file counts 40 hours as a week" in text


def test_excel_tracker_percent_cells_duration_in_days_and_budget(tmp_path: Path) -> None:
    """An Excel tracker as a PMO keeps it: '% Complete' cells formatted 0% (Excel stores 100 % as 1 and 50 % as
    0.5: they were read as 1 % and 0.5 %, so the finished task was 'in progress'), 'Duration (days)' holding bare
    numbers of days (ignored: every decision got 1 week), a 'Budget' column (ignored), date cells, WBS summaries
    and a total row with an uncalculated formula."""
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Project tracker - Q1"])
    ws.append([])
    ws.append(["WBS", "Task", "Owner", "Start", "Finish", "Duration (days)", "Predecessors", "% Complete",
               "Budget", "Units"])  # fmt: skip
    d = dt.datetime
    rows = [
        ("1", "Discovery", None, d(2027, 3, 1), d(2027, 3, 12), 10, None, None, None, None),
        ("1.1", "Interviews", "Research", d(2027, 3, 1), d(2027, 3, 5), 5, None, 1.0, 5000, 0.5),
        ("1.2", "Synthesis", "Research", d(2027, 3, 8), d(2027, 3, 12), 5, "2", 0.5, 3000, None),
        ("2", "Build", None, d(2027, 3, 15), d(2027, 4, 2), 15, None, None, None, None),
        ("2.1", "API", "Platform", d(2027, 3, 15), d(2027, 3, 26), 10, "3", 0, 20000, None),
        ("2.2", "UI", "Web", d(2027, 3, 17), d(2027, 4, 2), 13, "5SS+2d", 0, 15000, None),
        (None, "Total", None, None, None, None, None, None, "=SUM(I4:I9)", None),
    ]
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=4, max_row=10):
        row[3].number_format = row[4].number_format = "dd/mm/yyyy"
        row[7].number_format = "0%"
        row[8].number_format = "€#,##0"
        row[9].number_format = "0%"
    ws["J3"] = "Headcount"
    path = tmp_path / "tracker.xlsx"
    wb.save(path)
    plan, report = import_file(path)
    text = "\n".join(_lines(report))
    got = {x.title: (str(x.status), x.progress, x.duration, x.cost) for x in plan.decisions}
    assert got == {
        "Interviews": ("done", 100, 1.0, 5000),
        "Synthesis": ("in_progress", 50, 1.0, 3000),
        "API": ("not_started", 0, 2.0, 20000),
        "UI": ("not_started", 0, 2.6, 15000),
    }
    assert plan.decisions[0].headcount == 0.5  # 50 % units: half a person
    assert "a total row ('Total') was skipped" in text
    assert "[schedule]" not in text  # the finish agrees with the file's (Fri 2 Apr: week 5)


def test_ms_project_baseline_becomes_the_plans_baseline() -> None:
    """Baseline 0 of each task (MS Project's variance columns) is the plan's baseline, so the variance and late
    work measure against what was agreed (the import read none: 'late' meant late against the plan without
    progress, and analyze --baseline had nothing to compare with); Baseline 1 is reported."""
    plan, text = _mspdi("delivery-4x10-progress-mspdi.xml")
    assert [b.name for b in plan.baselines] == ["Baseline"]
    b = plan.baselines[0]
    assert b.finish == pytest.approx(7.25)  # the project summary's Baseline 0 finish, Tue 20 Apr 17:30
    ids = {d.title: d.id for d in plan.decisions}
    assert (b.decisions[ids["Prototype"]].start, b.decisions[ids["Prototype"]].finish) == (
        pytest.approx(1.875),
        pytest.approx(2.875),
    )
    assert "Baseline 1 is not carried" in text
    assert (
        "the file's baseline is the plan's baseline 'Baseline' (10 tasks, finish week 7.25 (21 Apr 2027))"
        in text
    )


def test_percent_lag_in_a_predecessors_cell(tmp_path: Path) -> None:
    """MS Project's CSV writes a lag in % of the predecessor's duration ('1FS+50%'): it became a dependency on an
    unknown decision '1FS+50%' (the plan then had an error); it is half of A's 10 days, 1 week."""
    path = tmp_path / "pct.csv"
    path.write_text(
        'ID,Task Name,Duration,Predecessors\n1,A,10 days,\n2,B,5 days,1FS+50%\n3,C,2 wks,"1SS+3 edays,2FF-1 day"\n'
    )
    plan, report = import_file(path)
    got = {(d.from_, d.to): (str(d.type), round(d.lag, 6)) for d in plan.dependencies}
    assert got == {("1", "2"): ("FS", 1.0), ("1", "3"): ("SS", round(3 / 7, 6)), ("2", "3"): ("FF", -0.2)}
    assert "1 lag given as a percentage of the predecessor's duration is fixed weeks" in "\n".join(
        _lines(report)
    )


def test_external_task_and_inserted_project_are_said(tmp_path: Path) -> None:
    """A master file's ghost task of another project (ExternalTask, shown for a cross-project link) became a
    decision of this plan, linked to its successor; an inserted project (IsSubproject) read as one ordinary task."""
    tasks = (
        "<Task><UID>1</UID><ID>1</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration>"
        "<PredecessorLink><PredecessorUID>9</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
        "<Task><UID>2</UID><ID>2</ID><Name>Data platform</Name><OutlineLevel>1</OutlineLevel>"
        "<Duration>PT80H0M0S</Duration><IsSubproject>1</IsSubproject>"
        "<SubprojectName>C:\\PMO\\data-platform.mpp</SubprojectName></Task>"
        "<Task><UID>9</UID><ID>3</ID><Name>Vendor API ready</Name><OutlineLevel>1</OutlineLevel>"
        "<Duration>PT0H0M0S</Duration><ExternalTask>1</ExternalTask>"
        "<ExternalTaskProject>C:\\PMO\\vendor.mpp</ExternalTaskProject></Task>"
    )
    path = tmp_path / "master.xml"
    path.write_text(
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>m</Name>'
        f"<StartDate>2027-03-01T08:00:00</StartDate><Tasks>{tasks}</Tasks></Project>"
    )
    plan, text = _mspdi_at(path)
    assert [d.title for d in plan.decisions] == ["Build", "Data platform"]
    assert plan.dependencies == []
    assert "task 9 'Vendor API ready': a task of another project (C:\\PMO\\vendor.mpp) is not carried" in text
    assert "an inserted project (C:\\PMO\\data-platform.mpp) is one task here" in text


def _mspdi_at(path: Path) -> tuple[Plan, str]:
    plan, report = import_file(path)
    return plan, "\n".join(_lines(report))


def test_finish_within_the_files_last_whole_day_is_no_difference(tmp_path: Path) -> None:
    """A 12-hour task from Mon 1 Mar to Tue 2 Mar: the file's dates are whole days (its finish, the end of Tuesday,
    is week 0.4), the plan's finish is 0.3 weeks (1.5 days): the same day's work, not a difference to explain."""
    path = tmp_path / "hours.csv"
    path.write_text("Task Name,Duration,Start,Finish\nA,12 hrs,2027-03-01,2027-03-02\n")
    plan, report = import_file(path)
    assert plan.decisions[0].duration == pytest.approx(0.3)
    assert "[schedule]" not in "\n".join(_lines(report))


def test_currency_of_cost_cells() -> None:
    assert [currency_of(c) for c in ("€12,000", "12 000 SEK", "$8,000.00", "EUR 1,500", "1200", 12)] == [
        "EUR",
        "SEK",
        "USD",
        "EUR",
        None,
        None,
    ]


def test_baseline_of_a_linked_summary_reaches_its_milestones(tmp_path: Path) -> None:
    """A link from a summary becomes the summary's start and finish milestones; their baseline is the summary's own
    Baseline 0 start and finish (without it they read as 'new' work in the variance)."""

    def task(uid: int, name: str, level: int, start: str, finish: str, hours: int, extra: str = "") -> str:
        dates = f"<Start>2027-03-{start}T08:00:00</Start><Finish>2027-03-{finish}T17:00:00</Finish>"
        return (
            f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>{dates}"
            f"<Duration>PT{hours}H0M0S</Duration>{extra}<Baseline><Number>0</Number>{dates}</Baseline></Task>"
        )

    link = "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink>"
    path = tmp_path / "summary-link.xml"
    path.write_text(
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>s</Name>'
        "<StartDate>2027-03-01T08:00:00</StartDate><Tasks>"
        + task(1, "Phase A", 1, "01", "12", 80)
        + task(2, "A1", 2, "01", "12", 80)
        + task(3, "B", 1, "15", "19", 40, link)
        + "</Tasks></Project>"
    )
    plan, text = _mspdi_at(path)
    entries = {k: (v.start, v.finish) for k, v in plan.baselines[0].decisions.items()}
    assert entries == {
        "a1": (0, 2),
        "b": (2, 3),
        "phase-a-start": (0, 0),
        "phase-a-finish": (2, 2),
    }
    assert "(2 tasks, finish week 3 (22 Mar 2027))" in text


def test_csv_baseline_columns_become_the_plans_baseline() -> None:
    """MS Project's Save as CSV (or Smartsheet) with 'Baseline Start'/'Baseline Finish': the plan's baseline, placed
    as the Start/Finish columns are. Build was baselined Mon 8 - Fri 12 Mar (weeks 1-2) and now runs to Fri 19 Mar:
    the finish slips a week (the columns were ignored)."""
    plan, report = import_file(DATA / "msproject-csv-baseline.csv")
    text = "\n".join(_lines(report))
    b = plan.baselines[0]
    assert (b.name, b.finish) == ("Baseline", 2.0)
    assert {k: (v.start, v.finish) for k, v in b.decisions.items()} == {"1": (0, 1), "2": (1, 2), "3": (2, 2)}
    assert (
        "the file's baseline dates are the plan's baseline 'Baseline' (3 rows, finish week 2 (15 Mar 2027))"
        in text
    )
    from planner.analysis import analyze
    from planner.analysis.baselines import variance

    r = analyze(plan)
    assert r.schedule is not None
    assert variance(r.schedule, b, plan).finish_slip == pytest.approx(1.0)


def test_project_scheduled_from_its_finish_is_said(tmp_path: Path) -> None:
    path = tmp_path / "backward.xml"
    path.write_text(
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>b</Name>'
        "<ScheduleFromStart>0</ScheduleFromStart><StartDate>2027-03-01T08:00:00</StartDate><Tasks>"
        "<Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration>"
        "<ConstraintType>1</ConstraintType></Task></Tasks></Project>"
    )
    _, text = _mspdi_at(path)
    assert "the project is scheduled back from its finish date" in text
    assert "'as late as possible' constraint is not carried" in text


def test_note_row_under_the_tasks_is_skipped(tmp_path: Path) -> None:
    """A PMO's footer ('Prepared by the PMO on 24/03/2027' in the first column, after a blank row) became a
    decision of one week with an id made from the sentence."""
    path = tmp_path / "tracker.csv"
    path.write_text(
        "ID,Task Name,Duration,Start,Finish,Predecessors\n1,Design,5 days,01/03/2027,05/03/2027,\n"
        "2,Build,10 days,08/03/2027,19/03/2027,1\n,,,,,\nPrepared by the PMO on 24/03/2027,,,,,\n"
    )
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["Design", "Build"]
    assert "line 5: a note row ('Prepared by the PMO on 24/03/2027') was skipped" in "\n".join(_lines(report))
