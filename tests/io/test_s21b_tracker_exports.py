"""Plans kept in trackers and spreadsheets not read right before session 21: Redmine's issue CSV, Azure DevOps'
tree query as CSV, Linear's and Notion's CSV exports, GitHub Projects' TSV, a Google Sheets CSV with day numbers
for dates and durations such as "10 business days", and MS Project's CSV in Spanish, Italian, Portuguese and
Dutch. Before: Redmine's header was not found (no 'Subject' or '#'; a data row with 'Task' in it was taken for the
header) and its 'Related issues' were lost; Azure DevOps' 'Title 1'/'Title 2' gave no titles and its hours were
read as Jira's seconds; Notion's date ranges and its relations ('Build API (https://www.notion.so/...)') refused the
file; Linear's labels were one tag and its Started/Completed dates and parents were dropped; day numbers and
'10 business days' were refused or dropped; the four languages' column names were not known.

Fixtures: tests/io/data/trackers21/ (see tests/io/data/README.md). Every figure is worked out by hand from the
files' dates, Monday to Friday."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.io import ImportReport, import_file
from planner.io.common import InteropError
from planner.io.table import parse_depends, span_weeks
from planner.model.plan import DependencyType, Plan, Status

DATA = Path(__file__).parent / "data" / "trackers21"


def _finish(plan: Plan) -> float:
    result = analyze(plan)
    assert result.schedule is not None
    return round(result.schedule.finish, 6)


def _text(report: ImportReport) -> str:
    return report.text(limit=None)


def _import_text(folder: Path, name: str, text: str) -> tuple[Plan, ImportReport]:
    """Import ``text`` written to ``folder / name`` (a table typed for one test)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return import_file(path)


def _links(plan: Plan) -> set[tuple[str, str, str, float]]:
    titles = {d.id: d.title for d in plan.decisions}
    return {(titles[x.from_], titles[x.to], x.type.value, round(x.lag, 6)) for x in plan.dependencies}


def test_s21b_redmine_subject_hours_parent_and_related_issues() -> None:
    plan, report = import_file(DATA / "redmine-issues.csv")
    work = {d.title: d for d in plan.decisions if "import-helper" not in d.tags}
    # Backend (#13) is the parent of #14 and #16: structure, a tag of its subtasks
    assert list(work) == ["Requirements", "API schema", "Endpoints", "Launch"]
    assert [d.id for d in work.values()] == ["12", "14", "16", "15"]
    # Estimated time in hours: 40.00 = 1 week, 16.00 = 0.4, 8.00 = 0.2
    assert [d.weeks() for d in work.values()] == [1.0, 0.4, 1.0, 0.2]
    assert work["Endpoints"].tags == ["Backend"] and work["Endpoints"].owner == "cara-lee"
    assert [d.status for d in work.values()] == [
        Status.DONE,
        Status.DONE,
        Status.NOT_STARTED,
        Status.NOT_STARTED,
    ]
    links = _links(plan)
    assert ("API schema", "Endpoints", "FS", 0.0) in links  # 'Follows #14' and its twin 'Precedes #16', once
    assert ("Requirements", "Backend (start)", "FS", 0.0) in links  # 'Precedes #13' / 'Follows #12'
    assert ("Backend (finish)", "Launch", "FS", 0.4) in links  # 'Follows (2 days) #13': 2 working days
    assert (
        len(plan.dependencies) == 7
    )  # + the helpers' links to API schema and Endpoints (start SS, finish FS)
    text = _text(report)
    assert "relations that do not order work are not carried (2 'related to')" in text
    assert "rows above the header" not in text  # the header is line 1, not the row with 'Task' in it
    # Requirements done 0-1 (15-19 Jan); API schema done 1-1.4; Endpoints 1.4-2.4 (Wed 24 - Tue 30 Jan); Launch 2
    # working days after the Backend ends: 2.8-3.0, Fri 2 Feb as in the file
    assert plan.start_date == dt.date(2024, 1, 15)
    assert _finish(plan) == 3.0
    assert "[schedule]" not in text


def test_s21b_azure_devops_tree_titles_hours_and_progress() -> None:
    plan, report = import_file(DATA / "azure-devops-tree.csv")
    by_title = {d.title: d for d in plan.decisions}
    assert list(by_title) == [
        "Login page",
        "Password reset",
        "Invoice export",
    ]  # Epic and Features: summaries
    assert by_title["Password reset"].tags == ["frontend", "security", "Customer portal", "Sign-in"]
    # Original Estimate in hours (not Jira's seconds): 16 h, 24 h, 40 h
    assert [d.weeks() for d in plan.decisions] == [0.4, 0.6, 1.0]
    assert by_title["Password reset"].progress == pytest.approx(200 / 3)  # 16 h done of 16 + 8
    assert by_title["Password reset"].owner == "cara-lee"  # 'Cara Lee <cara@contoso.com>'
    assert plan.teams[0].name == "Ben Ode"
    assert {a.name for a in plan.areas} >= {"Portal\\Web", "Portal\\Billing"}
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    text = _text(report)
    assert "'Title 1', 'Title 2', 'Title 3' (Azure DevOps' tree of work items)" in text
    assert "'Target Date' is not a plan field" not in text
    # Login page done Mon 15 - Tue 16 Jan (0-0.4); Password reset from Wed 17 Jan (0.4), two thirds of its 0.6
    # done: the rest 0.8-1.0, the end of Fri 19 Jan (its Target Date); Invoice export 0-1
    assert _finish(plan) == 1.0
    assert "[schedule]" not in text


def test_s21b_linear_labels_actual_dates_and_parent_issue() -> None:
    plan, report = import_file(DATA / "linear-issues.csv")
    by_id = {d.id: d for d in plan.decisions}
    assert list(by_id) == ["ENG-1", "ENG-2", "ENG-4", "ENG-5"]  # ENG-3 is the parent of ENG-4 and ENG-5
    assert by_id["ENG-2"].tags == ["Backend", "API"]  # 'Backend, API': two labels
    assert by_id["ENG-4"].tags == ["Docs", "Documentation"]
    assert by_id["ENG-1"].actual_start == dt.date(2024, 1, 15)  # Started 2024-01-15T09:00:00.000Z
    assert by_id["ENG-1"].actual_finish == dt.date(
        2024, 1, 22
    )  # Completed Fri 19 Jan 16:00: the end of that day
    assert by_id["ENG-2"].actual_start == dt.date(2024, 1, 22) and by_id["ENG-2"].actual_finish is None
    assert by_id["ENG-2"].status is Status.IN_PROGRESS
    text = _text(report)
    assert "'Estimate' is not a plan field" in text  # points, not time
    assert "1 parent task" in text


def test_s21b_notion_date_ranges_and_relations_with_page_links() -> None:
    plan, report = import_file(DATA / "notion-database.csv")
    by_title = {d.title: d for d in plan.decisions}
    # 'January 22, 2024 → February 2, 2024': 10 working days; 'February 5, 2024' alone: one day
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0, 0.2]
    assert _links(plan) == {("Define scope", "Build API", "FS", 0.0), ("Build API", "Launch", "FS", 0.0)}
    assert by_title["Build API"].tags == ["Backend", "API"]
    assert by_title["Define scope"].status is Status.DONE
    assert "column 'Dates' holds date ranges" in _text(report)
    # Define scope done 0-1; Build API 1-3 (from Mon 22 Jan); Launch after it 3-3.2 (Mon 5 Feb)
    assert _finish(plan) == 3.2


def test_s21b_github_projects_tsv_release_milestones_and_lists() -> None:
    plan, report = import_file(DATA / "github-projects.tsv")
    assert [d.title for d in plan.decisions] == ["Define scope", "Build API", "Launch"]
    assert not any(d.milestone for d in plan.decisions)
    assert plan.decisions[1].tags == ["backend", "api"]
    text = _text(report)
    assert "column 'Milestone' names releases (such as 'v1'), not yes or no" in text
    assert "is neither yes nor no" not in text  # one line, not a warning per row
    assert "2 resources ('ben', 'cara')" in text
    assert _finish(plan) == 3.2  # as Notion's: the same three rows and dates


def test_s21b_sheet_day_numbers_and_spelled_out_units() -> None:
    plan, report = import_file(DATA / "sheets-units-serials.csv")
    # 3 wks, 10 business days, 1.5 mo (4 weeks a month), 2 wks 3 days
    assert [d.weeks() for d in plan.decisions] == [3.0, 2.0, 6.0, 2.6]
    assert plan.start_date == dt.date(2024, 1, 15)  # 45306
    assert "8 dates in the start and finish columns are a spreadsheet's day number" in _text(report)
    # chained: 3 + 2 + 6 + 2.6; the last day number, 45399, is Wed 17 Apr 2024 = week 13.6
    assert _finish(plan) == 13.6
    assert "[schedule]" not in _text(report)


@pytest.mark.parametrize("lang", ["es", "it", "pt", "nl"])
def test_s21b_ms_project_csv_in_four_languages(lang: str) -> None:
    plan, report = import_file(DATA / f"ms-project-{lang}.csv")
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0, 0.6, 0.0]
    assert [d.owner is not None for d in plan.decisions] == [True, True, True, False]
    assert plan.decisions[3].milestone and not plan.decisions[2].milestone  # Sí / Sì / Sim / Ja
    assert [d.status for d in plan.decisions[:3]] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert [(x.type, round(x.lag, 6)) for x in plan.dependencies] == [
        (DependencyType.FS, 0.0),
        (DependencyType.FS, 0.2),  # 2FC / 2FI / 2TI / 2EB +1 day
        (DependencyType.FS, 0.0),
    ]
    assert plan.start_date == dt.date(2027, 3, 1)
    # Analysis done 0-1; Design half done from Mon 8 Mar, its second week 2-3; Tests a day later 3.2-3.8 (Tue 23 -
    # Thu 25 Mar, as in the file); the milestone at 3.8
    assert _finish(plan) == 3.8
    assert "not a plan field" not in _text(report)
    if lang == "nl":  # a Dutch MS Project writes dates with dashes ('ma 1-3-27'); they were not read
        assert "dates with dashes were read day first (day/month/year): 'ma 1-3-27' is 1 Mar 2027" in _text(
            report
        )


def test_s21b_link_types_units_and_compound_spans() -> None:
    expected = {
        "FC": "FS",
        "CC": "SS",
        "CF": "SF",
        "FI": "FS",
        "II": "SS",
        "IF": "SF",
        "TI": "FS",
        "TT": "FF",
    }
    for code, kind in {**expected, "IT": "SF", "EB": "FS", "BB": "SS", "BE": "SF"}.items():
        assert parse_depends(f"3{code}+2 días") == [("3", DependencyType(kind), 0.4)]
    assert span_weeks("1w 2d 4h") == 1.5  # YouTrack's and Jira's time tracking
    assert span_weeks("14 calendar days") == 2.0
    assert span_weeks("2 settimane") == 2.0 and span_weeks("8 uur") == 0.2 and span_weeks("1,5 meses") == 6.0
    assert span_weeks("10 days ago") is None


def test_s21b_cli_import_then_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "redmine.plan.json"
    assert main(["import", str(DATA / "redmine-issues.csv"), "-o", str(out)]) == 0
    assert main(["analyze", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Finish (rolling stages):   week 3 (5 Feb 2024)" in captured.out
    assert "Imported 4 decisions, 7 dependencies, 2 import-helper milestones" in captured.err + captured.out


def test_s21b_excel_simple_gantt_template() -> None:
    plan, report = import_file(DATA / "simple-gantt-template.xlsx")
    by_title = {d.title: d for d in plan.decisions}
    assert list(by_title) == [
        "Interviews",
        "Synthesis",
        "Prototype",
        "Pilot",
    ]  # not 'Insert new rows ABOVE...'
    assert [d.weeks() for d in plan.decisions] == [1.0, 1.0, 2.0, 1.0]
    assert by_title["Synthesis"].tags == ["Phase 1: Discovery"] and by_title["Pilot"].tags == [
        "Phase 2: Build"
    ]
    assert by_title["Synthesis"].progress == 50.0  # a 50 % cell
    text = _text(report)
    assert "28 columns of the sheet's Gantt grid (weekday letters) are not read" in text
    assert "'M' is not a plan field" not in text
    assert "a template's instruction row ('Insert new rows ABOVE this one') was skipped" in text
    # Interviews done 0-1; Synthesis half done from Mon 22 Jan: its rest 1.5-2; Prototype from Mon 29 Jan 2-4;
    # Pilot from Mon 12 Feb 4-5 (the end of Fri 16 Feb)
    assert plan.start_date == dt.date(2024, 1, 15)
    assert _finish(plan) == 5.0


def test_s21b_excel_date_grid_marks_are_the_schedule() -> None:
    plan, report = import_file(DATA / "date-grid-gantt.xlsx")
    # weeks of 15 and 22 Jan; 29 Jan to 16 Feb; the week of 19 Feb (the last column: a week, as the others)
    assert [(d.title, d.weeks(), d.not_before) for d in plan.decisions] == [
        ("Discovery", 2.0, None),
        ("Build", 3.0, 2.0),
        ("Launch", 1.0, 5.0),
    ]
    assert "the sheet's 6 dated columns (15 Jan 2024 to 19 Feb 2024) are a Gantt grid" in _text(report)
    assert _finish(plan) == 6.0


def test_s21b_openproject_milestone_type_and_parent_named_with_its_id() -> None:
    plan, report = import_file(DATA / "openproject-work-packages.csv")
    by_title = {d.title: d for d in plan.decisions}
    # 'Build' is the parent of both ('Phase #7: Build')
    assert list(by_title) == ["Backend", "Frontend", "Go live"]
    assert by_title["Frontend"].tags == ["Build"]
    assert by_title["Go live"].milestone and by_title["Go live"].weeks() == 0.0  # Type 'Milestone'
    assert by_title["Frontend"].weeks() == 0.5  # '2d 4h'
    text = _text(report)
    assert "1 row of type milestone (column 'Type') is a milestone" in text
    assert "names a parent the file does not have" not in text
    # Backend done 0-1; Frontend half done from Mon 22 Jan: its rest 1.25-1.5; Go live at its date, Mon 29 Jan (2)
    assert _finish(plan) == 2.0
    assert "[schedule]" not in text  # a milestone's date is where it sits, not the end of that day


def test_s21b_trello_lists_named_as_statuses_are_the_status() -> None:
    plan, report = import_file(DATA / "trello-board.csv")
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert all(d.area is None for d in plan.decisions)  # the lists Done, Doing, To Do are not workstreams
    assert "column 'List Name' names statuses (a board's columns): read as each row's status" in _text(report)
    # Define scope done 0-1; Build API from Mon 22 Jan 1-3; Launch on Mon 5 Feb 3-3.2
    assert _finish(plan) == 3.2


def test_s21b_vertex42_gantt_lead_work_days_and_wbs() -> None:
    plan, report = import_file(DATA / "vertex42-gantt.csv")
    assert [(d.title, d.weeks(), d.tags) for d in plan.decisions] == [
        ("Scope", 1.0, ["Project Definition"]),
        ("Plan", 1.0, ["Project Definition"]),
        ("Prototype", 2.0, ["Build"]),  # WORK DAYS 10 (its DAYS, 12, are calendar days: not read)
    ]
    assert [t.name for t in plan.teams] == ["Ana", "Ben", "Cara"]  # LEAD
    assert plan.decisions[1].progress == 50.0  # % DONE
    assert "column 'DAYS' is not a plan field; ignored" in _text(report)
    # Scope done 0-1; Plan half done from Mon 22 Jan: its rest 1.5-2; Prototype from Mon 29 Jan 2-4 (Fri 9 Feb)
    assert _finish(plan) == 4.0


def test_s21b_zoho_and_basecamp_column_names(tmp_path: Path) -> None:
    plan, report = _import_text(
        tmp_path,
        "zoho.csv",
        "Task Name,Task Owner,Start Date,Due on,% Completed,Task List\n"
        "Requirements,Ana Silva,2024-01-15,2024-01-26,100,Discovery\n"
        "Design,Ben Ode,2024-01-29,2024-02-02,20,Discovery\n",
    )
    areas = {a.id: a.name for a in plan.areas}
    assert [(d.owner, d.weeks(), d.progress, areas[d.area or ""]) for d in plan.decisions] == [
        ("ana-silva", 2.0, 100.0, "Discovery"),  # Task List: a grouping, read as the area
        ("ben-ode", 1.0, 20.0, "Discovery"),
    ]
    assert "not a plan field" not in _text(report)


def test_s21b_azure_devops_tree_without_an_id_column(tmp_path: Path) -> None:
    # the same query without its ID column: no header cell names the title or id but 'Title 1', 'Title 2'...; the
    # first data row holding 'Task' (its Work Item Type) was taken for the header and the titles were 'Task'
    lines = (DATA / "azure-devops-tree.csv").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line.split(",", 1)[1] for line in lines) + "\n"
    plan, report = _import_text(tmp_path, "query.csv", text)
    assert [d.title for d in plan.decisions] == ["Login page", "Password reset", "Invoice export"]
    assert "above the header row" not in _text(report)
    assert _finish(plan) == 1.0


def test_s21b_written_dates_with_a_time_of_day(tmp_path: Path) -> None:
    # Notion writes a date property with a time as 'January 22, 2024 9:00 AM', a zone after it when one is set;
    # 'Jan 22, 2024 9:00 AM' read its month for a weekday and was not read at all
    plan, report = _import_text(
        tmp_path,
        "notion.csv",
        "Name,Dates\n"
        'Kick-off,"January 15, 2024 9:00 AM (GMT+1) \u2192 January 19, 2024 5:00 PM (GMT+1)"\n'
        'Build,"Jan 22, 2024 9:00 AM \u2192 Feb 2, 2024 5:00 PM"\n',
    )
    assert [(d.weeks(), d.not_before) for d in plan.decisions] == [(1.0, None), (2.0, 1.0)]
    assert "could not be read" not in _text(report)
    assert _finish(plan) == 3.0


@pytest.mark.parametrize(
    ("header", "first", "second"),
    [
        (
            "Tarea;Responsable;Fecha de inicio;Fecha de fin;Estado",
            "1 de marzo de 2027",
            "mié 10 de marzo de 2027",
        ),
        ("Attività;Responsabile;Data inizio;Data fine;Stato", "lun 1 marzo 2027", "mer 10 marzo 2027"),
        (
            "Tarefa;Responsável;Data de início;Data de término;Situação",
            "1 de março de 2027",
            "10 de março de 2027",
        ),
        ("Taak;Eigenaar;Startdatum;Einddatum;Status", "ma 1 maart 2027", "wo 10 mrt 2027"),
    ],
)
def test_s21b_tables_typed_in_four_languages(tmp_path: Path, header: str, first: str, second: str) -> None:
    text = f"{header}\nA;Ana;{first};{first};\nB;Ben;{second};{second};\n"
    plan, report = _import_text(tmp_path, "plan.csv", text)
    # one day each: Mon 1 Mar 2027 and Wed 10 Mar (week 1.4), B held at its date
    assert [(d.title, d.weeks(), d.not_before, d.owner is not None) for d in plan.decisions] == [
        ("A", 0.2, None, True),
        ("B", 0.2, 1.4, True),
    ]
    assert plan.start_date == dt.date(2027, 3, 1)
    assert "not a plan field" not in _text(report) and "could not be read" not in _text(report)


def test_s21b_jira_time_spent_and_remaining_estimate_give_progress(tmp_path: Path) -> None:
    plan, report = _import_text(
        tmp_path,
        "jira.csv",
        "Summary,Issue key,Status,Original Estimate,Time Spent,Remaining Estimate\n"
        "Build,AI-1,In Progress,288000,72000,216000\n"  # 2 weeks; 20 h of 80 logged, 60 h left
        "Test,AI-2,To Do,144000,,144000\n",
    )
    assert [(d.weeks(), d.progress, d.status) for d in plan.decisions] == [
        (2.0, 25.0, Status.IN_PROGRESS),
        (1.0, 0.0, Status.NOT_STARTED),
    ]
    # (the To Do row keeps its status alone: no percentage is read for it, so one row)
    assert "1 row: % complete is 'Time Spent' over 'Time Spent' plus 'Remaining Estimate'" in _text(report)


def test_s21b_a_data_row_saying_task_is_not_taken_for_the_header(tmp_path: Path) -> None:
    # a tracker's export whose title column has a name the import does not know ('Headline'): the first data row,
    # whose type cell says 'Task', was taken for the header and one garbage decision imported without a word
    text = "Key,Kind,Headline,Start date,Due date,Assignee,Status\nK-1,Task,Design,2024-01-15,2024-01-19,Ana,Done\n"
    with pytest.raises(InteropError, match="no 'title' or 'id' column in the header row") as refused:
        _import_text(tmp_path, "export.csv", text)
    # the refusal names the header's columns, so that the one to rename is seen ('Headline')
    assert "('Key', 'Kind', 'Headline', 'Start date', 'Due date', 'Assignee', 'Status')" in str(refused.value)
    assert "name the column of task names 'Title'" in str(refused.value)
