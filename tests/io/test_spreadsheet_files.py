"""CSV and XLSX files as Excel, LibreOffice and Google Sheets write them: Excel's ``sep=;`` line, UTF-16 "Unicode
Text", title rows and merged group headers above the header row, dates stored as serial numbers. Each file is built
here byte for byte the way the spreadsheet writes it, so the test needs neither the spreadsheet nor the network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from planner.io import import_file
from planner.io.common import InteropError
from planner.model.plan import DependencyType, duration_triple

ROWS = [
    ["id", "title", "stage", "likely", "pessimistic", "status", "progress", "depends_on", "notes"],
    ["value-case", "Value case signed off", "Validate", "2", "4", "done", "100", "", "Café – naïve"],
    ["gpu-quota", "GPU quota", "Validate", "1,5", "5", "in progress", "50", "value-case", "two\nlines"],
    ["pilot", "Pilot live", "Integrate", "3", "3", "", "", "gpu-quota SS+1", ""],
]


def _csv(sep: str, rows: list[list[str]] = ROWS) -> str:
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if (sep in c or "\n" in c or '"' in c) else c

    return "".join(sep.join(cell(c) for c in r) + "\r\n" for r in rows)


def _check(path: Path) -> str:
    plan, report = import_file(path)
    a, b, c = plan.decisions
    assert [d.id for d in plan.decisions] == ["value-case", "gpu-quota", "pilot"]
    assert a.notes == "Café – naïve" and b.notes == "two\nlines"
    assert (str(a.status), str(b.status), b.progress) == ("done", "in_progress", 50)
    assert duration_triple(b.duration) == (1.5, 1.5, 5.0)
    assert [(d.from_, d.to, d.type, d.lag) for d in plan.dependencies] == [
        ("value-case", "gpu-quota", DependencyType.FS, 0.0),
        ("gpu-quota", "pilot", DependencyType.SS, 1.0),
    ]
    return report.text(limit=None)


def test_excel_sep_line_is_the_separator_not_a_row(tmp_path: Path) -> None:
    """Excel writes (and honours) a first line ``sep=;``; the header is the line after it."""
    path = tmp_path / "excel-sep.csv"
    path.write_bytes(("sep=;\r\n" + _csv(";")).encode("cp1252"))
    text = _check(path)
    assert "separated by ';'" in text and "Windows-1252" in text


def test_excel_sep_line_keeps_file_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "excel-sep.csv"
    path.write_bytes(("sep=,\r\n" + _csv(",", [*ROWS[:2], ["x", "X", "Validate", "two"]])).encode("utf-8"))
    with pytest.raises(InteropError, match=r"line 4, column 'likely'"):
        import_file(path)


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path: Path) -> None:
    """Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte-order mark, tab separated."""
    path = tmp_path / "unicode.csv"
    path.write_bytes(_csv("\t").encode("utf-16"))  # Python writes the BOM and little-endian, as Excel does
    text = _check(path)
    assert "UTF-16" in text and "separated by tab" in text
    path.write_bytes(b"\xfe\xff" + _csv("\t").encode("utf-16-be"))
    _check(path)


def test_title_rows_above_the_csv_header(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes(("Roadmap export;;;\r\n;;;\r\n" + _csv(";")).encode("utf-8-sig"))
    text = _check(path)
    assert "2 rows above the header row (line 3) were skipped" in text


def test_no_header_row_still_names_the_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "nohead.csv"
    path.write_bytes(b"a;b\r\n1;2\r\n")
    with pytest.raises(InteropError, match="no 'title' or 'id' column"):
        import_file(path)


def _xlsx(path: Path, above: list[list[object]], merge: str | None = None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for above_row in above:
        ws.append(above_row)
    for r in ROWS:
        ws.append([float(c.replace(",", ".")) if c.replace(",", "").isdigit() else c for c in r])
    if merge:
        ws.merge_cells(merge)
    ws.cell(row=40, column=30).value = " "  # a used range wider and longer than the data, as Excel keeps it
    wb.save(path)


def test_xlsx_title_row_and_merged_group_header(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    _xlsx(path, [["Roadmap export", None, None], [None, None, None, "Estimate (weeks)"]], merge="D2:E2")
    text = _check(path)
    assert "2 rows above the header row (line 3) were skipped" in text


def test_xlsx_serial_number_dates_in_actual_columns(tmp_path: Path) -> None:
    """A date cell formatted as a number holds Excel's serial day (46391 = 2027-01-04); a week count never exceeds
    10,000, so a larger number in an actual-date column is read as that day and said in the report."""
    path = tmp_path / "serial.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["title", "likely", "status", "actual_start", "actual_finish"])
    ws.append(["Done one", 2, "done", 46391, 46405])
    ws.append(["Started", 2, "in_progress", 3, None])
    ws.append(["Date cell", 1, "in_progress", dt.datetime(2027, 2, 1), None])
    wb.save(path)
    plan, report = import_file(path)
    a, b, c = plan.decisions
    assert (a.actual_start, a.actual_finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 18))
    assert b.actual_start == 3.0 and c.actual_start == dt.date(2027, 2, 1)
    assert "actual_start 46391 is more weeks than a plan allows: read as a spreadsheet date (2027-01-04)" in (
        report.text(limit=None)
    )


SMARTSHEET = (
    "Task Name,Start,End,Duration,Predecessors,% Complete,Assigned To,Status,Comments\r\n"
    "Discovery,10/27/25,10/31/25,5d,,100%,Ana,Complete,\r\n"
    'Data audit,11/03/25,11/14/25,2w,1,50%,Ben,In Progress,"needs\r\naccess"\r\n'
    "Model prototype,11/10/25,11/21/25,10d,2SS+1w,0%,Ana,Not Started,\r\n"
    "Sign-off,11/21/25,11/21/25,0,3,0%,,Not Started,\r\n"
)
MS_PROJECT = (
    "ID,Name,Duration,Start,Finish,Predecessors,Resource Names\r\n"
    "1,Discovery,5 days,Mon 10/27/25,Fri 10/31/25,,Ana\r\n"
    "2,Data audit,10 days,Mon 11/3/25,Fri 11/14/25,1,Ben\r\n"
    '3,Model prototype,2 wks?,Mon 11/10/25,Fri 11/21/25,"2SS+5 days,1FS+3 days",Ana\r\n'
    "4,Sign-off,0 days,Fri 11/21/25,Fri 11/21/25,3,\r\n"
)


@pytest.mark.parametrize("name,text", [("smartsheet.csv", SMARTSHEET), ("msproject.csv", MS_PROJECT)])
def test_project_tool_csv_exports(tmp_path: Path, name: str, text: str) -> None:
    """Smartsheet and MS Project ("Save as CSV") name their columns their own way, give durations and lags with
    units (working days, weeks), % complete with a sign, and predecessors as row numbers glued to the link type."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    plan, report = import_file(path)
    a, b, c, d = plan.decisions
    assert [x.title for x in plan.decisions] == ["Discovery", "Data audit", "Model prototype", "Sign-off"]
    assert [x.duration for x in plan.decisions] == [1.0, 2.0, 2.0, 0.0]
    assert d.milestone and not any(x.milestone for x in (a, b, c))
    assert (a.owner, b.owner, c.owner) == ("Ana", "Ben", "Ana") and d.owner is None
    deps = {(x.from_, x.to): (str(x.type), round(x.lag, 9)) for x in plan.dependencies}
    assert deps[(a.id, b.id)] == ("FS", 0.0)
    assert deps[(b.id, c.id)] == ("SS", 1.0)  # +1w, +5 days
    assert deps[(c.id, d.id)] == ("FS", 0.0)
    text_report = report.text(limit=None)
    assert "durations with units" in text_report
    if name == "smartsheet.csv":
        assert (str(a.status), a.progress, str(b.status), b.progress) == ("done", 100, "in_progress", 50)
        assert "status 'Complete' is read as done" in text_report
        assert "3 predecessors given as row numbers" in text_report
    else:
        assert deps[(a.id, c.id)] == ("FS", 0.6)  # 3 days


def test_jira_export_summary_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_bytes(
        b"Summary,Issue key,Issue Type,Status,Assignee\r\nSet up pipeline,DS-1,Story,Done,ana\r\n"
        b"Label data,DS-2,Story,To Do,ben\r\n"
    )
    plan, report = import_file(path)
    assert [(d.title, str(d.status), d.owner) for d in plan.decisions] == [
        ("Set up pipeline", "done", "ana"),
        ("Label data", "not_started", "ben"),
    ]
    text = report.text(limit=None)
    assert "no duration column (likely or duration): every decision gets 1 week" in text
    assert "status 'To Do' is read as not_started" in text


def test_a_duration_word_that_is_no_span_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title,duration\r\nA,5 fortnights\r\n")
    with pytest.raises(InteropError, match=r"line 2, column 'duration': '5 fortnights' is not a number"):
        import_file(path)


def test_formulas_read_their_saved_value_and_uncalculated_ones_are_reported(tmp_path: Path) -> None:
    """Excel saves each formula's value beside it (``<f>B2*2</f><v>4</v>``) and the import reads that value; a
    workbook written by a program (openpyxl here) has formulas without values, which read as empty: reported."""
    import zipfile

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["title", "likely", "pessimistic"])
    ws.append(["A", 2, "=B2*2"])
    ws.append(["B", 1, "=B3+2"])
    script = tmp_path / "script.xlsx"
    wb.save(script)
    plan, report = import_file(script)
    assert [duration_triple(d.duration) for d in plan.decisions] == [(2, 2, 2), (1, 1, 1)]
    assert "2 formula cells (C2, C3) have no saved value and read as empty" in report.text(limit=None)

    # the same workbook as Excel saves it: the values calculated and stored with the formulas
    excel = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(script) as src, zipfile.ZipFile(excel, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for cell, value in ((b"B2*2", b"4"), (b"B3+2", b"3")):
                    data = data.replace(
                        b"<f>" + cell + b"</f><v />", b"<f>" + cell + b"</f><v>" + value + b"</v>"
                    )
            dst.writestr(item, data)
    plan, report = import_file(excel)
    assert [duration_triple(d.duration) for d in plan.decisions] == [(2, 2, 4), (1, 1, 3)]
    assert "formula" not in report.text(limit=None)


GANTTPROJECT_CSV = (
    "ID,Name,Begin date,End date,Duration,Completion,Cost,Coordinator,Predecessors,Outline number,Resources\n"
    "1,Create draft of architecture,2021-02-01,2021-02-12,10,100,0.0,Michelangelo,,1.1,Michelangelo\n"
    "2,Prepare construction documents,2021-02-15,2021-03-05,15,75,0.0,Michelangelo,1,1.2,Michelangelo\n"
    "3,Agreement,2021-03-08,2021-03-08,0,0,0.0,,2,1.3,\n"
    "4,Foundation building,2021-03-08,2021-03-26,15,0,0.0,,3,2.1,\n"
    "5,Site survey,2021-02-08,2021-02-12,5,0,0.0,,,3.1,\n"
)


def test_ganttproject_csv_durations_in_days_and_the_files_dates(tmp_path: Path) -> None:
    """GanttProject's CSV export gives durations as bare numbers of working days beside each task's begin and end
    dates: the dates say they are days (10 between Mon 1 and Fri 12 Feb 2021). The rows sit where the file has them:
    done work at its dates, work in progress resuming where its part done ends, a row without predecessors no
    earlier than its begin date; the plan finishes where the file does (Fri 26 Mar: week 8)."""
    path = tmp_path / "gp.csv"
    path.write_text(GANTTPROJECT_CSV, encoding="utf-8")
    plan, report = import_file(path)
    draft, docs, agreement, foundation, survey = plan.decisions
    assert [d.duration for d in plan.decisions] == [2.0, 3.0, 0.0, 3.0, 1.0]
    assert plan.start_date == dt.date(2021, 2, 1)
    assert (str(draft.status), draft.actual_start, draft.actual_finish) == (
        "done",
        dt.date(2021, 2, 1),
        dt.date(2021, 2, 15),
    )
    assert (docs.progress, docs.not_before) == (75.0, pytest.approx(2 + 3 * 0.75))
    assert survey.not_before == 1.0 and foundation.not_before is None  # linked rows follow their links
    from planner.analysis import analyze

    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(8.0)
    text = report.text(limit=None)
    assert "the durations are working days, not weeks" in text
    assert "[schedule]" not in text and "Begin date" not in text


def test_ms_project_csv_dates_with_weekday_names(tmp_path: Path) -> None:
    """MS Project writes "Mon 10/27/25"; a day-first file (31/10/2025) is told by a day above 12."""
    path = tmp_path / "msp.csv"
    path.write_bytes(MS_PROJECT.encode("utf-8"))
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2025, 10, 27)
    from planner.analysis import analyze

    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(4.0)  # Fri 21 Nov 2025
    assert "[schedule]" not in report.text(limit=None)
    day_first = tmp_path / "uk.csv"
    day_first.write_bytes(
        b"Name,Start,Finish,Duration\r\nA,03/11/2025,14/11/2025,10d\r\nB,17/11/2025,21/11/2025,5d\r\n"
    )
    plan, _ = import_file(day_first)
    assert plan.start_date == dt.date(2025, 11, 3)
    assert plan.decisions[1].not_before == 2.0


def test_plan_ids_that_look_like_ms_project_predecessors_round_trip(tmp_path: Path) -> None:
    """`12ss` and `3FS-1` are valid plan ids; in a depends_on cell they stay those ids (the MS Project reading
    "row 12, start-to-start" is only for items that are no id of the file)."""
    from planner.io import export_file
    from tests.conftest import build_plan

    plan = build_plan(
        [{"id": "12ss", "duration": 1}, {"id": "3FS-1", "duration": 2}, {"id": "c", "duration": 1}],
        [("12ss", "c"), ("3FS-1", "c", "SS", 0.5)],
    )
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"ids{suffix}"
        export_file(plan, path)
        back, _ = import_file(path)
        assert sorted((d.from_, d.to, str(d.type), d.lag) for d in back.dependencies) == [
            ("12ss", "c", "FS", 0.0),
            ("3FS-1", "c", "SS", 0.5),
        ], suffix


def test_summary_rows_of_an_outline_column_are_structure(tmp_path: Path) -> None:
    """MS Project's "Save as CSV" with an Outline Level column lists summary tasks as rows too (their durations
    span their tasks); GanttProject's CSV has an Outline number. A row with deeper rows under it is a summary: it
    becomes a tag of those rows, not a decision (it would have run in parallel with its own tasks); a link from or
    to it holds on to its finish or start milestone (tagged import-helper, after or before each of its rows, as the
    outline imports do; reported: before, such links were dropped, and a successor of a summary could start before
    the summary's work was done); row-number predecessors still count every row."""
    msp = tmp_path / "msp.csv"
    msp.write_text(
        "Name,Outline Level,Duration,Predecessors\n"
        "Phase A,1,10 days,\n"
        "Design,2,5 days,\n"
        "Build,2,5 days,2\n"
        "Phase B,1,3 days,1\n"
        "Test,2,3 days,3\n"
        "Launch,1,0 days,5\n",
        encoding="utf-8",
    )
    plan, report = import_file(msp)
    assert [(d.title, d.duration, d.tags) for d in plan.decisions] == [
        ("Design", 1.0, ["Phase A"]),
        ("Build", 1.0, ["Phase A"]),
        ("Test", 0.6, ["Phase B"]),
        ("Launch", 0.0, []),
        ("Phase A (finish)", 0.0, ["Phase A", "import-helper"]),
        ("Phase B (start)", 0.0, ["Phase B", "import-helper"]),
    ]
    assert sorted((d.from_, d.to) for d in plan.dependencies) == [
        ("build", "phase-a-finish"),
        ("build", "test"),
        ("design", "build"),
        ("design", "phase-a-finish"),
        ("phase-a-finish", "phase-b-start"),  # Phase B after Phase A
        ("phase-b-start", "test"),
        ("test", "launch"),
    ]
    text = report.text(limit=None)
    assert "2 summary rows" in text and "1 link to or from summary rows is kept through 2 start" in text
    from planner.analysis import analyze

    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(2.6)

    gp = tmp_path / "gp.csv"
    gp.write_text(
        "ID,Name,Begin date,End date,Duration,Predecessors,Outline number\n"
        "0,Architectural design,2021-02-01,2021-03-05,25,,1\n"
        "9,Create draft,2021-02-01,2021-02-12,10,,1.1\n"
        "10,Prepare documents,2021-02-15,2021-03-05,15,9,1.2\n"
        "7,Construction,2021-03-08,2021-03-26,15,0,2\n"
        "1,Foundation,2021-03-08,2021-03-26,15,10,2.1\n",
        encoding="utf-8",
    )
    plan, report = import_file(gp)
    assert [d.id for d in plan.decisions] == [
        "9",
        "10",
        "1",
        "architectural-design-finish",
        "construction-start",
    ]
    # Construction after Architectural design, through its finish and Construction's start
    assert [(d.from_, d.to) for d in plan.dependencies] == [
        ("9", "10"),
        ("9", "architectural-design-finish"),
        ("10", "architectural-design-finish"),
        ("construction-start", "1"),
        ("architectural-design-finish", "construction-start"),
        ("10", "1"),
    ]
    assert "1 link to or from summary rows is kept through 2 start" in report.text(limit=None)


def test_actual_dates_without_a_plan_start_start_the_plan(tmp_path: Path) -> None:
    """A table has no plan start; actual dates need one to be placed. The plan starts on the earliest of them
    (said in the report), so it is valid instead of failing `planner check` with date-needs-start-date."""
    from planner.analysis import validate

    path = tmp_path / "done.csv"
    path.write_text(
        "title,likely,status,actual_start,actual_finish\n"
        "Discovery,1,done,2027-01-11,2027-01-18\nAudit,2,in_progress,2027-01-04,\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 1, 4)
    assert not [f for f in validate(plan) if f.code == "date-needs-start-date"]
    # (session 23: the message names the rule, the earliest actual start or actual finish less its duration)
    assert "the plan starts on the earliest actual start, 4 Jan 2027" in report.text(limit=None)


def test_day_first_dotted_dates_in_actual_columns(tmp_path: Path) -> None:
    """Excel in a German, Swiss or Nordic locale writes dates as 04.01.2027: unambiguous, read as 4 Jan; a slashed
    date (1/4/2027: January or April?) is still one clear line asking for YYYY-MM-DD."""
    path = tmp_path / "de.csv"
    path.write_bytes(
        "Titel;title;likely;status;actual_start\r\nx;Prüfung;1;done;04.01.2027\r\n".encode("cp1252")
    )
    plan, _ = import_file(path)
    assert plan.decisions[0].actual_start == dt.date(2027, 1, 4)
    path.write_bytes(b"title;likely;status;actual_start\r\nA;1;done;1/4/2027\r\n")
    with pytest.raises(
        InteropError, match=r"line 2: actual_start '1/4/2027' is neither a date \(YYYY-MM-DD\)"
    ):
        import_file(path)


# -- found in review: ordinary files must import as they did ------------------------------------------------------
@pytest.mark.parametrize(
    ("sep", "text_cell", "column"),
    [
        (
            ";",
            "Talk to Anna, Ben, Carl, Dora, Emil",
            "notes",
        ),  # more commas in one note than ';' in the header
        (",", "eng;core;web;mobile;api;db", "tags"),  # more ';' in one tag list than ',' in the header
    ],
)
def test_the_separator_is_the_header_rows_not_a_quoted_cells(
    tmp_path: Path, sep: str, text_cell: str, column: str
) -> None:
    rows = [["id", "title", "likely", column], ["a", "A", "1", text_cell], ["b", "B", "2", ""]]
    path = tmp_path / "plain.csv"
    path.write_text(_csv(sep, rows), encoding="utf-8")
    plan, _ = import_file(path)
    a = plan.decisions[0]
    assert [d.id for d in plan.decisions] == ["a", "b"]
    assert (a.notes if column == "notes" else ";".join(a.tags)) == text_cell


def test_own_csv_export_with_separators_in_notes_imports_back(tmp_path: Path) -> None:
    from planner.io import export_file
    from planner.model import load_plan

    plan = load_plan(Path(__file__).parents[2] / "sample_plans" / "fraud-detection.plan.json")
    plan.decisions[0].notes = "; ".join(f"point {k}" for k in range(22))
    path = tmp_path / "semi.csv"
    export_file(plan, path)
    back, _ = import_file(path)
    assert [d.id for d in back.decisions] == [d.id for d in plan.decisions]
    assert back.decisions[0].notes == plan.decisions[0].notes


def test_another_tools_name_for_a_number_column_holding_no_numbers_is_ignored(tmp_path: Path) -> None:
    # 'Completion' is GanttProject's percent complete; a 'completion' column of dates is something else: the import
    # leaves it out and says so (it had refused the file). The plan's own 'progress' is never second-guessed.
    path = tmp_path / "c.csv"
    path.write_text("id,title,likely,completion\na,A,1,2027-03-01\n", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.decisions[0].progress == 0
    assert "column 'completion' does not hold numbers (such as '2027-03-01'); ignored" in report.text()
    path.write_text("id,title,likely,progress\na,A,1,2027-03-01\n", encoding="utf-8")
    with pytest.raises(InteropError, match="column 'progress'"):
        import_file(path)


def test_a_bad_percentage_says_percent_not_weeks(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,title,likely,progress\na,A,1,half\n", encoding="utf-8")
    with pytest.raises(InteropError) as info:
        import_file(path)
    assert "use a percentage from 0 to 100" in str(info.value) and "weeks" not in str(info.value)


def test_a_summary_tag_is_added_unless_the_row_has_that_very_tag(tmp_path: Path) -> None:
    path = tmp_path / "wbs.csv"
    path.write_text("id,title,likely,outline level,tags\npipe,Pipeline,1,1,\ncollect,Collect,2,2,Pipelines\n")
    plan, _ = import_file(path)
    assert [(d.id, d.tags) for d in plan.decisions] == [("collect", ["Pipelines", "Pipeline"])]
    # a summary named for an area (or a stage) places its rows there instead of tagging them (session 20)
    path.write_text("id,title,likely,outline level,tags\ndata,Data,1,1,\ncollect,Collect,2,2,Database\n")
    plan, _ = import_file(path)
    assert [(d.id, d.area, d.tags) for d in plan.decisions] == [("collect", "data", ["Database"])]


@pytest.mark.parametrize(
    ("rows", "which"),
    [
        # every date reads both ways; the spans match the durations (1 week) only day first
        ([["a", "1", "04/01/2027", "08/01/2027"], ["c", "1", "01/02/2027", "05/02/2027"]], "day"),
        # ... only month first
        ([["a", "1", "01/04/2027", "01/08/2027"], ["c", "1", "02/01/2027", "02/05/2027"]], "month"),
        # a day above 12 decides
        ([["a", "1", "04/01/2027", "08/01/2027"], ["c", "1", "13/01/2027", "15/01/2027"]], "day"),
    ],
)
def test_slashed_start_and_finish_dates_are_read_in_the_order_that_fits_and_reported(
    tmp_path: Path, rows: list[list[str]], which: str
) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(
        _csv(";", [["id", "title", "likely", "start", "finish"], *[[r[0], "T", *r[1:]] for r in rows]])
    )
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 1, 4)
    assert f"dates with slashes were read {which} first" in report.text()
    assert "is 4 Jan 2027" in report.text()


def test_zero_duration_milestones_and_used_outline_columns_are_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "ms.csv"
    path.write_text("id,title,duration,wbs\nx,X,2,1\nm,Done,0,2\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.id, d.milestone) for d in plan.decisions] == [("x", False), ("m", True)]
    assert "1 row with a duration of 0 became a milestone" in report.text()
    assert "'wbs' is not a plan field" not in report.text()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_wide_text_with_or_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # The plan loader's rule tells UTF-16/32 by the mark or, without one, the zero bytes: a UTF-16 CSV without a
    # mark had been refused as 'holds NUL bytes'.
    path = tmp_path / "wide.csv"
    path.write_bytes("id,title,likely\na,Café,1\n".encode(encoding))
    plan, report = import_file(path)
    assert [(d.id, d.title) for d in plan.decisions] == [("a", "Café")]
    assert "text (Excel's 'Unicode Text')" in report.text()
