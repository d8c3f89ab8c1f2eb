"""Sheets typed in a German locale and saved as CSV, a Japanese MS Project's CSV, and trackers' date cells nobody can
read (H-interop31).

Before: a German sheet's 'Fertig' column ('100%', '50%': how far each task is) was 'not a plan field; ignored', so
every task read as not started; a due date the import could not read ('next Friday') was dropped without a word
(an unread start date was said); a Japanese MS Project's CSV had no title column it knew ('no title or id column')
and its dates ('2026年3月2日') and durations ('5 日') were no dates and no spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file
from planner.model.plan import Status

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_german_semicolon_cp1252_sheet_with_a_fertig_column() -> None:
    """By hand (Windows-1252, ';', dates DD.MM.YYYY, decimal commas, costs '1.250,50 €'): Anforderungen aufnehmen
    2 weeks, done; Datenprüfung 1.5 weeks ('1,5 Wochen'), half done; Pilot 2 weeks ('10 Tage'); Go-live 0: a
    milestone; a chain 1 -> 2 -> 3 -> 4; the 'Summe' row is no task."""
    plan, report = import_file(DATA / "de-semicolon-cp1252.csv")
    text = report.text(limit=None)
    rows = {d.title: d for d in plan.decisions}
    assert list(rows) == ["Anforderungen aufnehmen", "Datenprüfung", "Pilot", "Go-live"]
    assert [d.weeks() for d in rows.values()] == pytest.approx([2, 1.5, 2, 0])
    assert [d.progress for d in rows.values()][:2] == [100, 50]
    assert [d.status for d in rows.values()][:3] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert rows["Go-live"].milestone
    assert [d.cost for d in rows.values()][:2] == [1250.5, 2000]
    assert len(plan.dependencies) == 3
    assert "'Fertig'" not in text
    assert "the file is not UTF-8; it was read as Windows-1252" in text
    assert "line 6: a total row ('Summe') was skipped" in text


@pytest.mark.parametrize("start", ["2027-03-01", ""])
def test_s31_an_unreadable_due_date_is_said(tmp_path: Path, start: str) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(
        f"Task,Start Date,Due Date,Duration\nScope,{start},next Friday,1w\nBuild,2027-03-08,2027-03-12,1w\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [d.weeks() for d in plan.decisions] == pytest.approx([1, 1])
    assert (
        "1 finish date could not be read (first: line 2, 'next Friday'); ignored: write dates as the others are, "
        "or as YYYY-MM-DD" in report.text(limit=None)
    )


def test_s31_japanese_ms_project_save_as_csv() -> None:
    """A Japanese MS Project's Save as CSV (column names タスク名, 期間, 開始日, 終了日, 先行タスク, 達成率, リソース名;
    durations '5 日', '1 週'; dates '2026年3月2日'). By hand: 要件定義 1 week, done, from Mon 2 Mar 2026; 設計 2 weeks,
    half done; テスト 1 week; a chain by row numbers; owners 田中, 佐藤, 田中."""
    plan, report = import_file(DATA / "ms-project-ja.csv")
    text = report.text(limit=None)
    assert [d.title for d in plan.decisions] == ["要件定義", "設計", "テスト"]
    assert [d.weeks() for d in plan.decisions] == pytest.approx([1, 2, 1])
    assert [d.progress for d in plan.decisions] == [100, 50, 0]
    teams = {t.id: t.name for t in plan.teams}
    assert [teams[str(d.owner)] for d in plan.decisions] == ["田中", "佐藤", "田中"]
    assert plan.start_date is not None and plan.start_date.isoformat() == "2026-03-02"
    assert len(plan.dependencies) == 2
    assert "not a plan field" not in text


@pytest.mark.parametrize(
    ("ticked", "blank", "suffix"),
    [("TRUE", "FALSE", ".csv"), ("Yes", "No", ".csv"), ("x", "", ".csv"), (True, False, ".xlsx")],
)
def test_s31_a_done_checkbox_is_the_rows_status(
    tmp_path: Path, ticked: object, blank: object, suffix: str
) -> None:
    """A tracker sheet's 'Done' checkbox (Google Sheets and Excel write TRUE/FALSE, Notion's checkbox property Yes/No,
    a typed one x). Before: 'column Done is not a plan field; ignored', so Scope, ticked, was not started."""
    rows: list[list[object]] = [
        ["Task", "Owner", "Start", "End", "Done"],
        ["Scope", "Ana", "2026-03-02", "2026-03-06", ticked],
        ["Build", "Ben", "2026-03-09", "2026-03-20", blank],
    ]
    path = tmp_path / f"tracker{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for r in rows:
            sheet.append(r)
        book.save(path)
    plan, report = import_file(path)
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.NOT_STARTED]
    assert (
        "column 'Done' (a checkbox) is read as the rows' status: 1 row ticked is done, the others as their progress "
        "says" in report.text(limit=None)
    )


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("\u2705 Done", Status.DONE),
        ("\U0001f7e1 In progress", Status.IN_PROGRESS),
        ("\U0001f534 Blocked", Status.BLOCKED),
        ("\u23f3 Not started", Status.NOT_STARTED),
        ("In progress (50%)", Status.IN_PROGRESS),
        ("[Done]", Status.DONE),
        ("DONE!", Status.DONE),
    ],
)
def test_s31_status_words_dressed_as_boards_show_them(tmp_path: Path, cell: str, status: Status) -> None:
    """Notion, monday.com and ClickUp boards put an emoji or symbol by a status ('✅ Done'), some a note in brackets.
    Before: each was 'none the planner knows', and the row's progress (none) made it not started."""
    path = tmp_path / "board.csv"
    path.write_text(f"Task,Status,Duration\nA,{cell},1\n", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.decisions[0].status == status
    assert "none the planner knows" not in report.text(limit=None)
