"""Plans from the trackers consultants keep their work in: Smartsheet (CSV and Excel), Microsoft Planner's "Export
plan to Excel", a monday.com board, ClickUp's CSV and Wrike's Excel export. Before, Planner's "Progress" words
('Completed') failed the import ('not a number'), monday.com's group and repeated header rows became decisions and
its "Timeline" and "Dependency" (item names) were lost, ClickUp's dates ("Friday, January 5th 2024" or milliseconds),
its "[A, B]" assignee lists and "Parent ID" were not read, Smartsheet's Excel hierarchy (grouped rows, indented
names) was flat, and a status word no list held ('Stuck', 'In review') refused the whole file.

Fixtures: tests/io/data/trackers/ (see tests/io/data/README.md; written in the tools' documented layouts, the .xlsx
files by make_tracker_files.py). Every figure below is worked out by hand from the files' dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.io import ImportReport, import_file
from planner.model.plan import Plan, Status

DATA = Path(__file__).parent / "data" / "trackers"


def _finish(plan: Plan) -> float:
    result = analyze(plan)
    assert result.schedule is not None
    return result.schedule.finish


def _text(report: ImportReport) -> str:
    return "\n".join(str(x) for x in report.items)


def _links(plan: Plan) -> list[tuple[str, str, str, float]]:
    titles = {d.id: d.title for d in plan.decisions}
    return [(titles[d.from_], titles[d.to], d.type.value, round(d.lag, 6)) for d in plan.dependencies]


SMARTSHEET_LINKS = [
    ("Define scope", "Vendor shortlist", "FS", 0.0),
    ("Define scope", "Security review", "FS", 0.0),
    ("Vendor shortlist", "Pilot build", "FS", 0.0),
    ("Security review", "Pilot build", "FS", 0.4),  # "FS +2d": 2 working days
    ("Pilot build", "Go-live", "FS", 0.0),
]


@pytest.mark.parametrize("name", ["smartsheet-project.csv", "smartsheet-project.xlsx"])
def test_smartsheet_durations_row_number_links_progress_and_finish(name: str) -> None:
    plan, report = import_file(DATA / name)
    by_title = {d.title: d for d in plan.decisions}
    assert list(by_title) == ["Define scope", "Vendor shortlist", "Security review", "Pilot build", "Go-live"]
    # 5d = 1 week, 2w, 16h = 2 days, 15 (Pilot build: bare, 15 working days from Mon 5 to Fri 23 Feb) = 3 weeks
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0, 0.4, 3.0, 0.0]
    assert by_title["Go-live"].milestone
    assert _links(plan) == SMARTSHEET_LINKS  # row numbers; the Excel file's count its two phase rows too
    assert [d.status for d in plan.decisions[:3]] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert by_title["Vendor shortlist"].progress == 50.0
    assert plan.teams[0].name == "Ana Silva" and by_title["Pilot build"].owner == plan.teams[1].id
    assert plan.start_date == dt.date(2024, 1, 15)
    # Define scope weeks 0-1; Vendor shortlist half done, its second week 2-3; Security review 1-1.4; Pilot build
    # after both (3, and 1.4 + 0.4) 3-6; Go-live at 6 = Mon 26 Feb 2024, the end of Fri 23 Feb in the file
    assert _finish(plan) == 6.0
    assert "[schedule]" not in _text(report)


def test_smartsheet_excel_hierarchy_becomes_tags() -> None:
    plan, report = import_file(DATA / "smartsheet-project.xlsx")
    assert [d.tags for d in plan.decisions] == [["Phase 1 - Select"]] * 3 + [["Phase 2 - Build"]] * 2
    text = _text(report)
    assert "hierarchy (grouped rows, indented task names)" in text and "2 summary rows" in text
    flat, _ = import_file(DATA / "smartsheet-project.csv")  # the CSV export has no hierarchy
    assert all(d.tags == [] for d in flat.decisions)


def test_ms_planner_export_buckets_progress_words_dates_labels() -> None:
    plan, report = import_file(DATA / "ms-planner-export.xlsx")
    assert [d.title for d in plan.decisions] == ["Define value case", "Build pilot", "Train support team"]
    first, pilot, train = plan.decisions
    assert first.id == "pbdSxLh4Tk2JfHX4Cp8d-WUAE-3D"  # the Task ID
    areas = {a.id: a.name for a in plan.areas}
    assert [areas[d.area] for d in plan.decisions if d.area] == ["Discovery", "Build", "Build"]
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    # Start date to Due date, working days: 15-26 Jan 10, 29 Jan - 23 Feb 20, 26 Feb - 8 Mar 10
    assert [d.weeks() for d in plan.decisions] == [2.0, 4.0, 2.0]
    assert first.tags == ["Pilot", "Data"] and first.notes == "The KPI the pilot must move"
    assert first.actual_finish == dt.date(2024, 1, 29)  # Completed Date Fri 26 Jan, at the end of that day
    assert plan.teams[0].name == "Ana Silva"  # 'Ana Silva;Ben Ode': the first is the owner (reported)
    assert train.owner is None
    # Build pilot from its start (week 2), 4 weeks; Train support team pinned at Mon 26 Feb (week 6): finish 8
    assert _finish(plan) == 8.0
    text = _text(report)
    assert "3 rows above the header row (line 5) were skipped" in text
    assert "status 'Completed' is read as done" in text
    assert "month first" in text  # 01/26/2024 tells the order
    assert "'Checklist Items' is not a plan field" in text


def test_monday_board_groups_timeline_dependency_and_subitems() -> None:
    plan, report = import_file(DATA / "monday-board.xlsx")
    titles = [d.title for d in plan.decisions]
    # the board's title, the group titles and the repeated header rows are not decisions; Vendor shortlist has
    # subitems: it is structure, its subitems the work
    assert titles == ["Define value case", "Compare vendors", "Reference calls", "Build pilot", "Go-live"]
    by = {d.title: d for d in plan.decisions}
    areas = {a.id: a.name for a in plan.areas}
    assert [areas[by[t].area or ""] for t in titles] == ["Discovery"] * 3 + ["Build"] * 2
    assert by["Compare vendors"].tags == ["Vendor shortlist"]
    assert [by[t].status for t in ("Define value case", "Reference calls", "Build pilot")] == [
        Status.DONE,
        Status.IN_PROGRESS,
        Status.BLOCKED,  # 'Stuck'
    ]
    # Timeline "2024-01-15 - 2024-01-26": 10 working days; Go-live's one-day timeline: a day
    assert [by[t].weeks() for t in titles] == [2.0, 1.0, 1.0, 4.0, 0.2]
    assert _links(plan) == [
        ("Define value case", "Build pilot", "FS", 0.0),
        ("Build pilot", "Go-live", "FS", 0.0),
    ]
    assert by["Reference calls"].owner is not None
    # Define value case 0-2, Build pilot 2-6, Go-live 6-6.2 (Mon 26 Feb, a day): Tue 27 Feb
    assert _finish(plan) == pytest.approx(6.2)
    text = _text(report)
    assert "board export with groups" in text and "2 subitems" in text


def test_monday_timeline_start_and_end_columns_and_a_dependency_on_an_unknown_item(tmp_path: Path) -> None:
    src = tmp_path / "board.csv"
    src.write_text(
        "Name,Person,Status,Timeline - Start,Timeline - End,Dependency\n"
        "Set up,Ana,Done,2024-01-15,2024-01-19,\n"
        'Train model,Ben,Working on it,2024-01-22,2024-02-02,"Set up, Label data"\n',
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0]
    # an item the export left out: its link is left out and named, so that the plan schedules (session 32)
    assert [(d.from_, d.to) for d in plan.dependencies] == [("set-up", "train-model")]
    assert "left out, so that the plan schedules" in _text(
        report
    ) and "line 3 depends on 'Label data'" in _text(report)


CLICKUP_LONG = (
    "Task ID,Task Name,Status,Start Date,Due Date,Assignees,Time Estimate,List Name\n"
    'a1,Define value case,complete,"Monday, January 15th 2024","Friday, January 19th 2024",[Ana Silva],,Discovery\n'
    'a2,Build pilot,in progress,"Monday, January 22nd 2024","Friday, February 2nd 2024","[Ben Ode, Cara Lee]",,Build\n'
)


def test_clickup_export_milliseconds_parents_lists_and_assignee_lists() -> None:
    plan, report = import_file(DATA / "clickup-export.csv")
    # 'Pilot' is the parent of the other two (Parent ID): structure, a tag of its subtasks
    assert [d.title for d in plan.decisions] == ["Define value case", "Build pilot", "Train support team"]
    assert [d.tags for d in plan.decisions] == [[], ["Pilot"], ["Pilot"]]
    # Time Estimated 144,000,000 ms = 40 hours = 1 week; 288,000,000 = 2 weeks
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0, 1.0]
    assert [t.name for t in plan.teams] == ["Ana Silva", "Ben Ode", "Cara Lee"]  # '[Ben Ode]': no brackets
    assert plan.start_date == dt.date(2024, 1, 15)  # 1705276800000 ms
    areas = {a.id: a.name for a in plan.areas}
    assert [areas[d.area or ""] for d in plan.decisions] == ["Discovery", "Build", "Build"]
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    # Train support team pinned at Mon 5 Feb (week 3), 1 week: Mon 12 Feb, the end of Fri 9 Feb in the file
    assert _finish(plan) == 4.0
    text = _text(report)
    assert "1 parent task" in text and "144,000,000 milliseconds" in text and "144,000 seconds" not in text


def test_clickup_dates_written_out(tmp_path: Path) -> None:
    src = tmp_path / "clickup.csv"
    src.write_text(CLICKUP_LONG, encoding="utf-8")
    plan, _ = import_file(src)
    assert plan.start_date == dt.date(2024, 1, 15)
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0]  # no estimate: the working days of the dates
    assert _finish(plan) == 3.0


def test_wrike_export_ids_dependency_types_and_durations() -> None:
    plan, report = import_file(DATA / "wrike-export.xlsx")
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("4101", "Define value case"),
        ("4102", "Build pilot"),
        ("4103", "Train support team"),
    ]
    assert [d.weeks() for d in plan.decisions] == [2.0, 4.0, 2.0]  # 10d, 20d, 10d
    assert [(d.from_, d.to, d.type.value, d.lag) for d in plan.dependencies] == [
        ("4101", "4102", "FS", 0.0),
        ("4102", "4103", "SS", 3.0),
    ]
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.BLOCKED]
    # 0-2, 2-6, SS+3w from week 2: 5-7 (Fri 1 Mar in the file)
    assert _finish(plan) == 7.0
    assert "status 'Deferred' is read as blocked" in _text(report)


def test_a_status_no_list_holds_is_reported_and_progress_decides(tmp_path: Path) -> None:
    src = tmp_path / "team.csv"
    src.write_text("title,status,progress\nA,Needs input,40\nB,Needs input,0\nC,QA,100\n", encoding="utf-8")
    plan, report = import_file(src)
    assert [d.status for d in plan.decisions] == [Status.IN_PROGRESS, Status.NOT_STARTED, Status.DONE]
    text = _text(report)
    assert "status 'Needs input' is none the planner knows" in text and "'QA'" in text


@pytest.mark.parametrize(
    "name", ["smartsheet-project.xlsx", "ms-planner-export.xlsx", "monday-board.xlsx", "wrike-export.xlsx"]
)
def test_each_export_imports_and_analyzes_on_the_command_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.plan.json"
    assert main(["import", str(DATA / name), "-o", str(out)]) == 0
    assert main(["analyze", str(out)]) == 0
    assert "Finish (rolling stages)" in capsys.readouterr().out


def test_a_trackers_groups_get_colours_of_their_own_in_the_charts() -> None:
    """The groups became areas after a new plan's eight, which take the Okabe-Ito colours but black: every group
    after the first was black too (monday.com's Discovery and Build bars and legend swatches alike)."""
    from planner.charts.style import area_colors

    plan, _ = import_file(DATA / "monday-board.xlsx")
    colours = area_colors(plan)
    groups = [a.id for a in plan.areas if a.name in ("Discovery", "Build")]
    assert len(groups) == 2
    assert len(set(colours.values())) == len(colours)  # ten areas, ten colours


def test_a_board_whose_header_repeats_without_group_titles(tmp_path: Path) -> None:
    src = tmp_path / "board.csv"
    src.write_text("Name,Status\nA,Done\n\nName,Status\nB,Stuck\n", encoding="utf-8")
    plan, report = import_file(src)
    assert [(d.title, d.status, d.area) for d in plan.decisions] == [
        ("A", Status.DONE, None),
        ("B", Status.BLOCKED, None),
    ]  # the repeated header row is not a decision 'Name'
    assert "the header rows repeated below the first were skipped" in _text(report)


def test_links_to_and_from_summary_rows_reach_the_rows_under_them(tmp_path: Path) -> None:
    """A link to or from a summary row (a Smartsheet phase, a monday.com item with subitems, a ClickUp parent task)
    was dropped: 'Review after Phase A' let Review start at week 0, before Phase A's work. Now a link from a summary
    (FS, FF) holds on to its finish milestone, after each of its rows, and a link to one (FS, SS) to its start
    milestone, before each of its rows (tagged import-helper, as the outline imports make them: the links stay as
    many as the rows); the others, which such a milestone cannot say, and a loop between a summary and a row under
    it, are not carried (reported)."""
    src = tmp_path / "sheet.csv"
    src.write_text(
        "Task Name,Outline Level,Duration,Predecessors\n"
        "Phase A,1,,\n"  # row 1
        "Design,2,1w,\n"  # row 2
        "Build,2,2w,2\n"  # row 3
        "Review,1,1w,1\n"  # row 4: after Phase A: after Design and Build
        "Phase B,1,,1SS\n"  # row 5: SS from a summary: not carried
        "Test,2,1w,4\n"  # row 6
        "Fix,2,1w,5\n"  # row 7: under Phase B, after Phase B: a loop, not carried
        "Launch,1,0,5\n",  # row 8: after Phase B: after Test and Fix
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [d.title for d in plan.decisions] == [
        "Design",
        "Build",
        "Review",
        "Test",
        "Fix",
        "Launch",
        "Phase A (finish)",
        "Phase B (finish)",
    ]
    assert [d.tags for d in plan.decisions[-2:]] == [
        ["Phase A", "import-helper"],
        ["Phase B", "import-helper"],
    ]
    assert sorted((a, b) for a, b, *_ in _links(plan)) == [
        ("Build", "Phase A (finish)"),
        ("Design", "Build"),
        ("Design", "Phase A (finish)"),
        ("Fix", "Phase B (finish)"),
        ("Phase A (finish)", "Review"),
        ("Phase B (finish)", "Launch"),
        ("Review", "Test"),
        ("Test", "Phase B (finish)"),
    ]
    assert report.counts["decisions"] == 6 and report.counts["helpers"] == 2
    # Design 0-1, Build 1-3, Review 3-4, Test 4-5, Fix 0-1 (its link was a loop), Launch at 5
    assert _finish(plan) == 5.0
    text = _text(report)
    assert "2 links to or from summary rows are kept through 2 start or finish milestones" in text
    assert "2 links to or from summary rows are not carried" in text


def test_a_monday_dependency_on_an_item_with_subitems_follows_the_subitems(tmp_path: Path) -> None:
    src = tmp_path / "board.csv"
    src.write_text(
        "Board\n\nDiscovery\n"
        "Name,Subitems,Person,Timeline,Dependency\n"
        'Vendor shortlist,"Compare, Calls",Ben,2024-01-15 - 2024-01-26,\n'
        ",Subitems,Person,Timeline\n"
        ",Compare,Ben,2024-01-15 - 2024-01-19\n"
        ",Calls,Cara,2024-01-22 - 2024-01-26\n"
        "Build pilot,,Ben,2024-01-29 - 2024-02-09,Vendor shortlist\n",
        encoding="utf-8",
    )
    plan, _ = import_file(src)
    assert sorted((a, b) for a, b, *_ in _links(plan)) == [
        ("Calls", "Vendor shortlist (finish)"),
        ("Compare", "Vendor shortlist (finish)"),
        ("Vendor shortlist (finish)", "Build pilot"),
    ]
    # Compare 0-1; Calls pinned at its start (week 1) 1-2; Build pilot after both: 2-4
    assert _finish(plan) == 4.0


def test_a_done_summary_s_finish_milestone_is_done_where_its_rows_finished(tmp_path: Path) -> None:
    """A done phase's finish milestone without a date was done 'at week 0', and its successor started there, a
    week before the phase's work ended (Build at weeks 0-1 instead of 1-2)."""
    src = tmp_path / "done.csv"
    src.write_text(
        "Task Name,Outline Level,Duration,Start,Finish,Predecessors,% Complete\n"
        "Phase A,1,,01/15/24,01/19/24,,100%\n"
        "Design,2,5d,01/15/24,01/19/24,,100%\n"
        "Build,1,5d,01/22/24,01/26/24,1,0%\n",
        encoding="utf-8",
    )
    plan, _ = import_file(src)
    helper = plan.decisions[-1]
    assert helper.title == "Phase A (finish)" and helper.status is Status.DONE
    assert helper.actual_finish == dt.date(2024, 1, 22)  # Design's finish, the end of Fri 19 Jan
    assert _finish(plan) == 2.0  # Build weeks 1-2


def test_a_grouping_named_as_the_stages_is_the_stage_otherwise_the_area(tmp_path: Path) -> None:
    """Planner's buckets, monday.com's groups, ClickUp's lists and Asana's sections group the tasks: a team that
    names them Validate, Integrate... means the plan's stages; other names are workstreams, areas."""
    asana, report = import_file(Path(__file__).parent / "data" / "asana-export.csv")
    stages = {s.id: s.name for s in asana.stages}
    assert [stages[d.stage] for d in asana.decisions] == ["Validate", "Validate", "Integrate", "Validate"]
    assert all(d.area is None for d in asana.decisions)
    assert "'Section/Column' names the plan's stages" in _text(report)

    planner, report = import_file(DATA / "ms-planner-export.xlsx")  # Discovery, Build: areas
    assert all(d.stage == planner.stages[0].id for d in planner.decisions)
    assert "'Bucket Name' groups the rows: read as their area" in _text(report)

    both = tmp_path / "both.csv"
    both.write_text("title,stage,area,Bucket\nA,Scale,Data,Discovery\n", encoding="utf-8")
    plan, report = import_file(both)
    assert plan.decisions[0].stage == "scale" and plan.decisions[0].area == "data"
    assert "'Bucket' is not carried: the file has stage and area columns of its own" in _text(report)
