"""A plan table as users in Germany, France and the US type it in a spreadsheet, saved by LibreOffice Calc itself as
.xlsx, .ods and CSV (tests/io/data/locale/make_locale_files.py; provenance in tests/io/data/README.md).

Each file holds, under a merged title row, the same four rows from Mon 1 Mar 2027 (Monday to Friday):
'Wertanalyse' 10 days, 1-12 Mar, done; 'Datenprüfung' 2,5 days from Mon 15 Mar, 50 %, after 1; 'Pilot in zwei
Filialen' after an empty row, its duration a formula (``=C5*2`` = 5 days), its start typed as text; the milestone
'Go-live-Entscheidung' after 3. By hand: 10 days = 2 weeks, 2.5 days = 0.5, 5 days = 1; the chain finishes at
2 + 0.5 + 1 = 3.5 weeks (Wed 24 Mar at noon). The German and French column names (Vorgangsname, Dauer, Anfang,
Ende, Vorgänger, % abgeschlossen, Meilenstein; Nom de la tâche, Durée, Début, Fin, Prédécesseurs, % achevé, Jalon)
were not read: the files were refused for want of a title column, and a milestone column's 'Ja' or 'Oui' was read as
'no' without a word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file
from planner.io.common import ImportReport, InteropError
from planner.io.table import fill_merged_down
from planner.model.plan import DependencyType, Status

LOCALE = Path(__file__).parent / "data" / "locale"
FILES = [f"{loc}-plan.{ext}" for loc in ("de", "fr", "us") for ext in ("csv", "xlsx", "ods")]


@pytest.mark.parametrize("name", FILES)
def test_s20b_a_table_typed_in_each_locale_reads_the_same_plan(name: str) -> None:
    plan, report = import_file(LOCALE / name)
    by_id = {d.id: d for d in plan.decisions}
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("1", "Wertanalyse"),
        ("2", "Datenprüfung"),
        ("3", "Pilot in zwei Filialen"),
        ("4", "Go-live-Entscheidung"),
    ]
    assert [by_id[i].duration for i in "1234"] == pytest.approx([2.0, 0.5, 1.0, 0.0])
    assert [by_id[i].milestone for i in "1234"] == [False, False, False, True]
    assert (by_id["1"].status, by_id["1"].progress, by_id["1"].actual_start) == (
        Status.DONE,
        100.0,
        dt.date(2027, 3, 1),
    )
    assert (by_id["2"].status, by_id["2"].progress) == (Status.IN_PROGRESS, 50.0)
    assert sorted((x.from_, x.to, x.type, x.lag) for x in plan.dependencies) == [
        ("1", "2", DependencyType.FS, 0.0),
        ("2", "3", DependencyType.FS, 0.0),
        ("3", "4", DependencyType.FS, 0.0),
    ]
    assert plan.start_date == dt.date(2027, 3, 1)
    s = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    assert s.finish == pytest.approx(3.5)
    text = report.text(limit=None)
    assert "the durations are working days" in text
    if name.endswith(".csv"):
        assert ("columns separated by ';'" in text) == (not name.startswith("us"))
    else:  # the second sheet is named, not read
        assert "only sheet 'Plan' was read (of 2)" in text
    hidden = {"de": "Interne Notiz", "fr": "Note interne", "us": "Internal note"}[name[:2]]
    assert f"column {hidden!r} is not a plan field; ignored" in text


def test_s20b_milestone_words_in_german_and_french_and_a_word_that_is_neither(tmp_path: Path) -> None:
    """'Ja' and 'Oui' are yes (they were read as no); a word that is neither yes nor no is reported."""
    path = tmp_path / "m.csv"
    path.write_text(
        "title,duration,milestone\nA,0,Ja\nB,0,Oui\nC,1,Nein\nD,1,Non\nE,0,vielleicht\nF,2,\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [d.milestone for d in plan.decisions] == [True, True, False, False, False, False]
    text = report.text(limit=None)
    assert "line 6: 'vielleicht' is neither yes nor no; read as no (not a milestone)" in text
    assert text.count("neither yes nor no") == 1


@pytest.mark.parametrize(
    ("lines", "durations", "lag_1_2", "lag_3_4"),
    [
        (  # German: '2,5 Tage', '1 Woche', '16 Std.', '3 t'; EA finish-to-start, AA, EE, AE; decimal comma lags
            [
                "Nr.;Vorgangsname;Dauer;Vorgänger;Status",
                "1;Analyse;2,5 Tage;;Erledigt",
                "2;Bau;1 Woche;1EA+2,5 Tage;In Bearbeitung",
                '3;Test;16 Std.;"1AA;2EE";Offen',
                "4;Abnahme;3 t;3AE-1 Tag;Offen",
            ],
            [0.5, 1.0, 0.4, 0.6],
            0.5,
            -0.2,
        ),
        (  # French: '2 jours', '1 sem', '5 j'; FD (fin-début), DD (début-début), FF, DF (début-fin)
            [
                "N°;Nom de la tâche;Durée;Prédécesseurs;Statut",
                "1;Analyse;2 jours;;Terminé",
                "2;Construction;1 sem;1FD+1 jour;En cours",
                '3;Essais;5 j;"1DD;2FF";À faire',
                "4;Recette;0 jour;3DF;À faire",
            ],
            [0.4, 1.0, 1.0, 0.0],
            0.2,
            0.0,
        ),
    ],
)
def test_s20b_german_and_french_ms_project_durations_and_links(
    tmp_path: Path, lines: list[str], durations: list[float], lag_1_2: float, lag_3_4: float
) -> None:
    """What a German or French MS Project writes: durations with its units, predecessors separated by ';' with its
    link types and lags (a decimal comma in German), status words. 2,5 days = 0.5 weeks, 16 hours = 0.4, 3 days =
    0.6; a lag of 2,5 days = 0.5 weeks, -1 day = -0.2, +1 day = 0.2."""
    path = tmp_path / "ms.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [d.duration for d in plan.decisions] == pytest.approx(durations)
    assert [str(d.status) for d in plan.decisions] == ["done", "in_progress", "not_started", "not_started"]
    assert sorted((x.from_, x.to, x.type, round(x.lag, 6)) for x in plan.dependencies) == [
        ("1", "2", DependencyType.FS, lag_1_2),
        ("1", "3", DependencyType.SS, 0.0),
        ("2", "3", DependencyType.FF, 0.0),
        ("3", "4", DependencyType.SF, lag_3_4),
    ]
    assert "not a plan field" not in report.text(limit=None)


@pytest.mark.parametrize("ext", ["xlsx", "ods", "xls"])
def test_s20b_cells_merged_over_several_rows_hold_for_each_row(ext: str) -> None:
    """Stage and owner cells merged over the rows of their stage (Validate over three rows, Integrate over two), as
    LibreOffice writes them: the spreadsheet stores the value in the first row only, so 'Schnittstellen' was put in
    Validate (a guess) instead of Integrate and four rows lost their owner."""
    plan, report = import_file(LOCALE / f"merged-cells.{ext}")
    assert [(d.title, d.stage, d.owner, d.duration) for d in plan.decisions] == [
        ("Wertanalyse", "validate", "Strategie", 2.0),
        ("Datenprüfung", "validate", "Strategie", 1.0),
        ("Pilot", "validate", "Strategie", 3.0),
        ("Plattform", "integrate", "IT", 4.0),
        ("Schnittstellen", "integrate", "IT", 2.0),
    ]
    text = report.text(limit=None)
    assert "6 cells under a cell merged over several rows were read as the merged cell's value" in text
    assert "no stage; put in" not in text


def test_s20b_a_merged_cell_over_an_empty_row_leaves_it_empty() -> None:
    """A merged cell spanning an empty row (a gap between sections) does not make that row a decision."""
    report = ImportReport()
    rows = [(1, ["Stage", "Task"]), (2, ["Validate", "A"]), (3, ["", ""]), (4, ["", "B"])]
    out = fill_merged_down(rows, [(2, 4, 0)], report)
    assert out == [(1, ["Stage", "Task"]), (2, ["Validate", "A"]), (3, ["", ""]), (4, ["Validate", "B"])]
    assert "1 cell under a cell merged over several rows was read" in report.text(limit=None)


@pytest.mark.parametrize("ext", ["xlsx", "ods", "xls"])
def test_s20b_a_cover_sheet_before_the_plan_is_passed_over(ext: str) -> None:
    """A workbook whose first sheet is a cover page (title, version, no table), then 'Plan', then 'Notizen': the
    first sheet was read and the file refused for want of a title column; now the first sheet that names one."""
    plan, report = import_file(LOCALE / f"cover-sheet.{ext}")
    assert [(d.title, d.duration) for d in plan.decisions] == [("Wertanalyse", 2.0), ("Pilot", 3.0)]
    assert [(x.from_, x.to) for x in plan.dependencies] == [("wertanalyse", "pilot")]
    text = report.text(limit=None)
    assert (
        "sheet 'Deckblatt' names no title or id column in its top rows; sheet 'Plan', the first that does, was read "
        "(of 3)"
    ) in text
    assert "only sheet" not in text


def test_s20b_a_workbook_with_no_table_on_any_sheet_is_refused_as_before(tmp_path: Path) -> None:
    """No sheet names a title or id column: the first sheet is read and refused, naming what is missing."""
    import openpyxl

    path = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Projektplan"])
    wb.create_sheet("Zwei").append(["nur Text"])
    wb.save(path)
    with pytest.raises(InteropError, match="no 'title' or 'id' column in the header row"):
        import_file(path)


def test_s20b_two_columns_for_one_field_are_reported(tmp_path: Path) -> None:
    """'Name' and 'Vorgangsname' are both the title: the last filled cell was read and the other column dropped
    without a word; now it is said which columns give the same field."""
    path = tmp_path / "two.csv"
    path.write_text("Name;Vorgangsname;Dauer;Dauer\nA;X;2;\nB;;1;3\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.title, d.duration) for d in plan.decisions] == [("X", 2.0), ("B", 3.0)]
    text = report.text(limit=None)
    assert (
        "columns 'Name' (1) and 'Vorgangsname' (2) both give the title: each row's last filled cell of them is read, "
        "the others are not"
    ) in text
    assert "columns 'Dauer' (3) and 'Dauer' (4) both give the duration" in text


def test_s20b_a_labels_column_repeated_once_per_label_gives_every_tag(tmp_path: Path) -> None:
    """Jira repeats 'Labels' once per label (as it repeats its link columns): every label is a tag (the last one
    alone was kept)."""
    path = tmp_path / "jira.csv"
    path.write_text(
        "Summary,Issue key,Labels,Labels,Labels\nA,AI-1,pilot,risk,\nB,AI-2,,,\nC,AI-3,data,,\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.id, d.tags) for d in plan.decisions] == [
        ("AI-1", ["pilot", "risk"]),
        ("AI-2", []),
        ("AI-3", ["data"]),
    ]
    assert "give the tags" not in report.text(limit=None)


@pytest.mark.parametrize("ext", ["xlsx", "ods", "xls"])
def test_s20b_hidden_rows_are_read_and_reported(ext: str) -> None:
    """A row hidden by hand ('Old pilot (cancelled)', line 3) is read as the others, as before, but now said (it was
    silent: a user who hid a dropped task finds it in the plan); a row hidden because its group is collapsed ('Pilot
    review' under the summary 'Pilot', line 5) is the outline, not reported."""
    plan, report = import_file(LOCALE / f"hidden-rows.{ext}")
    assert [(d.title, d.duration) for d in plan.decisions] == [
        ("Value case", 2.0),
        ("Old pilot (cancelled)", 4.0),
        ("Pilot review", 1.0),
    ]
    assert plan.decisions[2].tags[-1:] == ["Pilot"]
    text = report.text(limit=None)
    assert (
        "1 row hidden in the sheet (hidden, or left out by a filter: line 3) was read as the others; delete it in "
        "the spreadsheet if not part of the plan"
    ) in text
    assert "line 3, " not in text  # (line 5 is not among the hidden rows)


def test_s20b_dates_written_out_in_german_and_french(tmp_path: Path) -> None:
    """'15. März 2027' and 'lundi 22 mars 2027' (dates typed as text in German or French) were unread ('could not be
    read; ignored'), so the durations, 5 working days between each row's dates, were read as 5 weeks. By hand: Mon
    15 - Fri 19 Mar and Mon 22 - Fri 26 Mar, one week each, from Mon 15 Mar; an impossible '31. Februar 2027' is
    still said to be unread."""
    path = tmp_path / "months.csv"
    path.write_text(
        "Vorgangsname;Dauer;Anfang;Ende;Vorgänger\n"
        "A;5;15. März 2027;Fr, 19. März 2027;\n"
        "B;5;lundi 22 mars 2027;26 mars 2027;A\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert plan.start_date == dt.date(2027, 3, 15)
    assert [d.duration for d in plan.decisions] == pytest.approx([1.0, 1.0])
    assert "the durations are working days" in report.text(limit=None)
    path.write_text("Vorgangsname;Dauer;Anfang\nA;1;31. Februar 2027\n", encoding="utf-8")
    _, report = import_file(path)
    assert "1 start date could not be read (first: '31. Februar 2027'); ignored" in report.text(limit=None)


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Vorgangsname;Dauer (Tage)", "tage"),
        ("Nom de la tâche;Durée (jours)", "jours"),
        ("Vorgang;Dauer (Std)", "std"),
    ],
)
def test_s20b_a_duration_header_with_its_unit_in_german_or_french(
    tmp_path: Path, header: str, unit: str
) -> None:
    """'Dauer (Tage)' and 'Durée (jours)' give their bare numbers a unit, as 'Duration (days)' does: 10 days = 2
    weeks, 2,5 days = 0.5 (80 and 20 hours: 2 and 0.5 weeks). The column was ignored ('not a plan field') and every
    row lasted 1 week."""
    path = tmp_path / "unit.csv"
    factor = 8 if unit == "std" else 1
    path.write_text(f"{header}\nA;{10 * factor}\nB;{'2,5' if factor == 1 else 20}\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [d.duration for d in plan.decisions] == pytest.approx([2.0, 0.5])
    assert "not a plan field" not in report.text(limit=None)


@pytest.mark.parametrize("ext", ["xlsx", "ods", "xls"])
def test_s20b_a_formula_that_fails_is_refused_in_every_workbook_format(ext: str) -> None:
    """A duration '=B2/0' (#DIV/0!) is refused naming the line and the error, in each format; the .xls import read the
    error cell as empty, so 'Pilot' silently lasted the default week."""
    with pytest.raises(InteropError, match=r"line 3, column 'duration': '#DIV/0!' is not a number"):
        import_file(LOCALE / f"formula-error.{ext}")


def test_s20b_rows_left_at_one_week_for_want_of_a_duration_are_named(tmp_path: Path) -> None:
    """Section headings typed as rows ('Phase 1: Validierung', 'Phase 2: Integration': a title and nothing else)
    become 1-week decisions, as before, but the report now names them (it only counted them), so they are found and
    deleted; A and B last their 5 working days (1 week each)."""
    path = tmp_path / "sections.csv"
    path.write_text(
        "Vorgangsname;Dauer;Anfang;Ende\n"
        "Phase 1: Validierung;;;\n"
        "A;5;01.03.2027;05.03.2027\n"
        ";;;\n"
        "Phase 2: Integration;;;\n"
        "B;5;08.03.2027;12.03.2027\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.title, d.duration) for d in plan.decisions] == [
        ("Phase 1: Validierung", 1.0),
        ("A", 1.0),
        ("Phase 2: Integration", 1.0),
        ("B", 1.0),
    ]
    assert (
        "2 rows with an empty duration cell and without both dates in order last 1 week (line 2 'Phase 1: "
        "Validierung'; line 5 'Phase 2: Integration')"
    ) in report.text(limit=None)
