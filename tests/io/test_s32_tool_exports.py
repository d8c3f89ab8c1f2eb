"""Tools not met before (session 32): OpenProject's export to Excel with its relations (one row per relation, the
related work package's columns beside each) and Project for the web's export to Excel (a block of project rows
above the tasks, 'Dependent on' naming task numbers). Files: tests/io/data/s32 (README.md says how each is laid
out). Each test reads the file as a person would: which work, how long, how far done, in what order."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.common import ImportReport
from planner.model import Plan

DATA = Path(__file__).parent / "data" / "s32"


def _lines(report: ImportReport) -> list[str]:
    return [i.text() for i in report.items]


def _by_title(plan: Plan) -> dict[str, str]:
    return {d.title: d.id for d in plan.decisions}


def _links(plan: Plan) -> list[tuple[str, str, str, float]]:
    title = {d.id: d.title for d in plan.decisions}
    return sorted((title[d.from_], title[d.to], d.type.value, round(d.lag, 3)) for d in plan.dependencies)


def test_s32_openproject_relations_export_is_one_decision_per_work_package() -> None:
    """17 rows, 6 work packages: the phase 'Pilot' is its children's parent (a tag); 'Precedes'/'Follows' and
    'Blocks'/'Blocked by' are links, each read once though both its work packages list it; the 2-day lag of the
    audit's relation is 0.4 weeks; 'Related To' orders nothing and is said; the relation to #87, a work package the
    export does not hold, is left out and named."""
    plan, report = import_file(DATA / "openproject-relations.xlsx")
    lines = _lines(report)
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("42", "Discovery interviews"),
        ("43", "Data audit"),
        ("44", "Pipeline build"),
        ("45", "Pilot sign-off"),
        ("46", "Vendor contract"),
    ]
    assert _links(plan) == [
        ("Data audit", "Pipeline build", "FS", 0.4),
        ("Discovery interviews", "Data audit", "FS", 0.0),
        ("Pipeline build", "Pilot sign-off", "FS", 0.0),
        ("Vendor contract", "Pilot sign-off", "FS", 0.0),
    ]
    d = {x.title: x for x in plan.decisions}
    assert [d[t].tags for t in ("Discovery interviews", "Data audit", "Pipeline build")] == [["Pilot"]] * 3
    assert d["Pilot sign-off"].tags == [] and d["Pilot sign-off"].milestone
    # durations: the working days from start to finish date (2 weeks, 2 weeks, 5 days, 3 weeks); progress as given
    assert [
        d[t].weeks() for t in ("Discovery interviews", "Data audit", "Pipeline build", "Vendor contract")
    ] == [
        2.0,
        2.0,
        1.0,
        3.0,
    ]
    assert [d[t].progress for t in ("Discovery interviews", "Data audit", "Vendor contract")] == [100, 50, 25]
    assert d["Discovery interviews"].status.value == "done"
    assert any("17 rows read as 6 work packages" in x and "'child of' rows" in x for x in lines)
    assert "relations that do not order work are not carried (2 'related to')" in lines
    assert "the descriptions of 1 relation are not carried" in lines
    assert any(x.endswith("line 17 depends on '87'") for x in lines)
    result = analyze(plan)
    assert result.schedule is not None
    # the sign-off on Wed 7 Apr 2027, as the file has it (5.4 weeks from Mon 1 Mar): no difference reported
    assert result.schedule.finish == pytest.approx(5.4)
    assert not any("the imported plan finishes" in x for x in lines)


def test_s32_openproject_15_relation_labels_read_as_the_older_ones(tmp_path: Path) -> None:
    """OpenProject 15 calls 'follows' 'Predecessor (before)' and 'precedes' 'Successor (after)'."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(DATA / "openproject-relations.xlsx")
    for row in book.active.iter_rows():
        for cell in row:
            if cell.value == "Follows":
                cell.value = "Predecessor (before)"
            elif cell.value == "Precedes":
                cell.value = "Successor (after)"
    path = tmp_path / "op15.xlsx"
    book.save(path)
    plan, _ = import_file(path)
    older, _ = import_file(DATA / "openproject-relations.xlsx")
    assert _links(plan) == _links(older)


def test_s32_project_for_the_web_export_names_the_plan_and_links_by_task_number() -> None:
    """The header block names the plan ('Project name'); 'Dependent on' names task numbers, which are not the
    rows' order (task 6 'Consent forms', added later, is the third row): Synthesis waits for Interviews and Consent
    forms (read as row numbers, '6' was the Go-live row and made a loop)."""
    plan, report = import_file(DATA / "project-web-export.xlsx")
    lines = _lines(report)
    assert plan.title == "Pilot rollout"
    assert "the plan's title 'Pilot rollout' is read from line 1 ('Project name')" in lines
    assert "6 rows above the header row (line 8) were skipped" in lines
    ids = _by_title(plan)
    assert ids == {
        "Interviews": "2",
        "Consent forms": "6",
        "Synthesis": "3",
        "Pilot build": "4",
        "Go-live": "5",
    }  # 'Discovery' (outline 1, with 1.1-1.3 under it) is structure
    assert _links(plan) == [
        ("Consent forms", "Synthesis", "FS", 0.0),
        ("Interviews", "Synthesis", "FS", 0.0),
        ("Pilot build", "Go-live", "FS", 0.0),
        ("Synthesis", "Pilot build", "FS", 0.0),
    ]
    d = {x.title: x for x in plan.decisions}
    assert [d[t].weeks() for t in ("Interviews", "Consent forms", "Synthesis", "Pilot build")] == [
        1.0,
        0.4,
        1.2,
        3.0,
    ]
    assert d["Go-live"].milestone
    assert [d[t].progress for t in ("Interviews", "Synthesis", "Pilot build")] == [100, 20, 0]
    assert (d["Pilot build"].owner, d["Pilot build"].area) == ("ben-ode", "Build")
    assert (
        "line 13: 2 resources ('Ben Ode', 'Cara Lee'); the first is the owner, the others are not carried"
        in (lines)
    )
    for effort in ("Effort", "Effort completed", "Effort remaining"):
        assert f"column '{effort}' is not a plan field; ignored" in lines
    result = analyze(plan)
    assert result.schedule is not None


def test_s32_wrike_export_folders_keys_subtasks_and_a_cancelled_task() -> None:
    """'Key' is the id that 'Dependency' and 'Parent Task' name (read as row numbers before, '2FS+2d' linked the
    wrong task and the subtask's parent was 'not in the file'); '/Pilot rollout/Build/' is a folder, the grouping
    of the rows under it, not a task; 'Data audit' has subtasks: structure, its links kept through its start and
    finish; 'Legacy export' was cancelled: left out, and the sign-off's link to it with it."""
    plan, report = import_file(DATA / "wrike-export.xlsx")
    lines = _lines(report)
    assert [(d.id, d.title) for d in plan.decisions if "import-helper" not in d.tags] == [
        ("1", "Discovery interviews"),
        ("3", "Audit the CRM tables"),
        ("7", "Audit the billing tables"),
        ("5", "Pipeline build"),
        ("6", "Pilot sign-off"),
    ]
    d = {x.title: x for x in plan.decisions}
    area = {a.id: a.name for a in plan.areas}
    assert [
        area.get(d[t].area or "") for t in ("Discovery interviews", "Pipeline build", "Pilot sign-off")
    ] == [
        "Pilot rollout",
        "Build",
        "Build",
    ]
    assert d["Audit the CRM tables"].tags == ["Data audit"] and d["Audit the billing tables"].tags == [
        "Data audit"
    ]
    assert [d[t].weeks() for t in ("Discovery interviews", "Audit the CRM tables", "Pipeline build")] == [
        2,
        1,
        2,
    ]
    assert d["Pilot sign-off"].milestone and d["Pilot sign-off"].status.value == "blocked"
    assert d["Discovery interviews"].status.value == "done"
    result = analyze(plan)
    assert result.schedule is not None
    # the audit (its two tables, one after the other) waits for the interviews; the build 2 days after the audit
    assert _links(plan) == sorted(
        [
            ("Audit the CRM tables", "Audit the billing tables", "FS", 0.0),
            ("Audit the CRM tables", "Data audit (finish)", "FS", 0.0),
            ("Audit the billing tables", "Data audit (finish)", "FS", 0.0),
            ("Data audit (start)", "Audit the CRM tables", "SS", 0.0),
            ("Data audit (start)", "Audit the billing tables", "SS", 0.0),
            ("Discovery interviews", "Data audit (start)", "FS", 0.0),
            ("Data audit (finish)", "Pipeline build", "FS", 0.4),
            ("Pipeline build", "Pilot sign-off", "FS", 0.0),
        ]
    )
    assert any(x.startswith("2 folder rows ('/Pilot rollout/', '/Pilot rollout/Build/'") for x in lines)
    assert (
        "1 row of work called off (status 'Cancelled') is left out: no work to do (line 7 'Legacy export'); "
        "1 link naming it goes with it"
    ) in lines
    assert "column 'Key' is not a plan field; ignored" not in lines


def test_s32_linear_export_leaves_out_cancelled_and_duplicate_issues() -> None:
    """Linear's Canceled and Duplicate statuses are work called off: left out and named in one line (they were
    read as work not started). Its Started and Completed dates are the actual ones; a parent issue is structure."""
    plan, report = import_file(DATA / "linear-export.csv")
    lines = _lines(report)
    assert [d.id for d in plan.decisions] == ["ENG-101", "ENG-104"]
    assert (
        "2 rows of work called off (status 'Canceled', 'Duplicate') are left out: no work to do "
        "(line 4 'Rebuild the old dashboard', line 6 'Duplicate of the feature store ticket')"
    ) in lines
    first = plan.decisions[0]
    assert first.status.value == "done" and str(first.actual_start) == "2027-03-01"
    assert plan.decisions[1].tags == ["ML", "Train ranking model"]
    assert analyze(plan).schedule is not None


@pytest.mark.parametrize(
    ("status", "left_out"),
    [
        ("Cancelled", True),
        ("❌ Canceled", True),
        ("Won't Do", True),
        ("Won’t do", True),
        ("Abgebrochen", True),
        ("Annulée", True),
        ("Cancel review", False),
        ("Done", False),
    ],
)
def test_s32_status_words_of_work_called_off(tmp_path: Path, status: str, left_out: bool) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"Title,Status,Predecessors\nA,Done,\nB,{status},\nC,To Do,B\n", encoding="utf-8")
    plan, _ = import_file(path)
    titles = [d.title for d in plan.decisions]
    assert ("B" not in titles) is left_out
    assert analyze(plan).schedule is not None


def test_s32_notion_sub_items_are_structure_and_blocked_by_pages_links() -> None:
    """Notion's 'Parent item' names the parent page with its link: 'Data audit' has a sub-item, so it is structure
    (its links held by its start and finish); it was 'not a plan field' and the sub-item a task of its own.
    'Sub-item' is its twin; 'Vendor onboarding' is a page the export does not hold: its link is left out, named."""
    plan, report = import_file(DATA / "notion-database.csv")
    lines = _lines(report)
    d = {x.title: x for x in plan.decisions if "import-helper" not in x.tags}
    assert sorted(d) == ["Audit CRM", "Discovery interviews", "Pipeline build"]
    assert d["Audit CRM"].tags == ["Data", "Data audit"]
    assert _links(plan) == [
        ("Audit CRM", "Data audit (finish)", "FS", 0.0),
        ("Data audit (finish)", "Pipeline build", "FS", 0.0),
        ("Data audit (start)", "Audit CRM", "SS", 0.0),
        ("Discovery interviews", "Data audit (start)", "FS", 0.0),
    ]
    assert (
        "column 'Sub-item' lists the rows that name a row as their parent: read from the parent column"
        in lines
    )
    assert any(x.endswith("line 3 depends on 'Vendor onboarding'") for x in lines)
    assert [d[t].weeks() for t in ("Discovery interviews", "Audit CRM", "Pipeline build")] == [2, 1, 2]
    assert analyze(plan).schedule is not None


def test_s32_jiras_wont_do_is_called_off_though_its_category_says_done(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text(
        "Summary,Issue key,Status,Status Category,Inward issue link (Blocks)\n"
        "Set up,P-1,Done,Done,\nOld idea,P-2,Won't Do,Done,\nTrain,P-3,In Review,In Progress,P-2\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.id, d.status.value) for d in plan.decisions] == [("P-1", "done"), ("P-3", "in_progress")]
    assert plan.dependencies == []
    assert (
        "1 row of work called off (status 'Won't Do') is left out: no work to do (line 3 'Old idea'); "
        "1 link naming it goes with it"
    ) in _lines(report)


@pytest.mark.parametrize(
    ("name", "titles", "lag"),
    [
        ("redmine-de.csv", ["Interviews führen", "Datenprüfung", "Pipeline bauen"], 0.4),  # '(2 Tagen)'
        ("redmine-fr.csv", ["Entretiens", "Audit des données", "Construire le pipeline"], 0.2),  # '(un jour)'
    ],
)
def test_s32_redmine_in_german_and_french(name: str, titles: list[str], lag: float) -> None:
    """Redmine's CSV for a German or French user: its column names and relation labels in that language. The
    subject, assignee, estimate, % done and closing date were 'not a plan field' (every row titled by its number,
    1 week long), and 'Folgt'/'Vorgänger von', 'Suit'/'Précède' were 'relations that do not order work'."""
    plan, report = import_file(DATA / name)
    lines = _lines(report)
    assert [d.title for d in plan.decisions] == titles
    assert [d.owner for d in plan.decisions] == ["ana-silva", "ben-ode", "cara-lee"]
    assert [d.weeks() for d in plan.decisions] == [2.0, 2.0, 2.0]  # 80 hours estimated
    assert [d.status.value for d in plan.decisions] == ["done", "in_progress", "not_started"]
    assert plan.decisions[1].progress == 40
    ids = [d.id for d in plan.decisions]
    assert sorted((d.from_, d.to, round(d.lag, 3)) for d in plan.dependencies) == [
        (ids[0], ids[1], 0.0),
        (ids[1], ids[2], lag),
    ]
    assert not any("not a plan field" in x and ("Thema" in x or "Sujet" in x) for x in lines)
    assert any(x.startswith("relations that do not order work are not carried") for x in lines)
    assert analyze(plan).schedule is not None


def test_s32_redmines_rejected_in_german_is_work_called_off() -> None:
    plan, report = import_file(DATA / "redmine-de.csv")
    assert "104" not in {d.id for d in plan.decisions}
    assert any("(status 'Abgewiesen') is left out" in x for x in _lines(report))


def test_s32_a_boards_cancelled_list_is_a_status_and_its_cards_called_off(tmp_path: Path) -> None:
    """A board whose lists are To Do, Doing, Done and Cancelled: the lists are the cards' statuses (with a
    'Cancelled' list they were read as areas, a workstream each), and the cancelled card is left out."""
    path = tmp_path / "board.csv"
    path.write_text(
        "Card Name,List Name,Members\nSet up,Done,Ana\nTrain,Doing,Ben\nOld idea,Cancelled,\nShip,To Do,Ana\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.title, d.status.value, d.area) for d in plan.decisions] == [
        ("Set up", "done", None),
        ("Train", "in_progress", None),
        ("Ship", "not_started", None),
    ]
    lines = _lines(report)
    assert "column 'List Name' names statuses (a board's columns): read as each row's status" in lines
    assert any("(status 'Cancelled') is left out: no work to do (line 4 'Old idea')" in x for x in lines)


def test_s32_p6_spreadsheet_export_reads_its_activities_and_relationships() -> None:
    """P6's XLSX export: the titles row under the field names was read as an activity ('Activity Name'), the
    statuses, durations in hours, progress and owners were 'not a plan field', and the relationships of sheet
    'TASKPRED' were lost ('only sheet TASK was read')."""
    plan, report = import_file(DATA / "p6-spreadsheet.xlsx")
    lines = _lines(report)
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("A1000", "Site survey"),
        ("A1010", "Foundations"),
        ("A1020", "Install turbine"),
        ("A1030", "Turbine ready"),
    ]
    d = {x.id: x for x in plan.decisions}
    assert [d[k].weeks() for k in ("A1000", "A1010", "A1020")] == [2.0, 3.0, 1.0]  # 80, 120, 40 hours
    assert [d[k].status.value for k in ("A1000", "A1010", "A1020")] == ["done", "in_progress", "not_started"]
    assert d["A1010"].progress == 40 and d["A1030"].milestone
    assert d["A1010"].owner == "civil-crew"
    assert _links(plan) == [
        ("Foundations", "Install turbine", "FS", 0.4),  # 16 hours
        ("Install turbine", "Turbine ready", "FF", 0.0),
        ("Site survey", "Foundations", "FS", 0.0),
    ]
    assert any("sheet 'TASKPRED'" in x and "1 other sheet not carried ('USERDATA')" in x for x in lines)
    assert any(x.endswith("line 5 depends on 'B2000'") for x in lines)  # another project's activity
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == pytest.approx(6.4)  # Tue 13 Apr 2027


def test_s32_openproject_csv_relation_columns(tmp_path: Path) -> None:
    """OpenProject's CSV export with relation columns: 'Predecessors' naming '#12' (read as an item not in the file),
    a 'Follows' column ('not a plan field'), and OpenProject 15's 'Predecessor (before) #13' in 'Relations' ('could
    not be read'); the same link from two columns is read once."""
    path = tmp_path / "op.csv"
    path.write_text(
        "ID,Type,Subject,Status,Start date,Finish date,Predecessors,Follows,Relations\n"
        "12,Task,Interviews,Closed,2027-03-01,2027-03-12,,,\n"
        "13,Task,Audit,In progress,2027-03-15,2027-03-26,#12,,\n"
        '14,Task,Build,New,2027-03-29,2027-04-09,,#13,"Predecessor (before) #13, Related To #12"\n',
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert sorted((d.from_, d.to) for d in plan.dependencies) == [("12", "13"), ("13", "14")]
    lines = _lines(report)
    assert "1 link given twice (the same predecessor, type and lag) is read once" in lines
    assert "relations that do not order work are not carried (1 'related to')" in lines
    assert not any("could not be read" in x or "not in the file" in x or "'Follows'" in x for x in lines)
    assert analyze(plan).schedule is not None


def test_s32_jiras_done_issue_resolved_wont_do_is_called_off(tmp_path: Path) -> None:
    """Jira Cloud closes an issue as status Done with resolution Won't Do (or Duplicate, Cannot Reproduce): it was
    read as work done, and 'Resolution' as not a plan field."""
    path = tmp_path / "jira.csv"
    path.write_text(
        "Summary,Issue key,Status,Resolution,Inward issue link (Blocks)\n"
        "Set up,P-1,Done,Done,\nOld idea,P-2,Done,Won't Do,\nDupe,P-4,Canceled,,\nTrain,P-3,To Do,,P-2\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.id, d.status.value) for d in plan.decisions] == [("P-1", "done"), ("P-3", "not_started")]
    lines = _lines(report)
    assert (
        "2 rows of work called off (status 'Canceled'; resolution 'Won't Do') are left out: no work to do "
        "(line 3 'Old idea', line 4 'Dupe'); 1 link naming them goes with them"
    ) in lines
    assert not any("'Resolution' is not a plan field" in x for x in lines)
