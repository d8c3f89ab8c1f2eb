"""Durations as people type them in a tracker sheet, progress saved as fractions, and a total row without its word
(H-interop31). File: tests/io/data/s31/durations-as-typed.csv (a sheet saved as CSV).

Before: the import stopped at the first of them: '3-5 days', '1½ days', '~3 days', 'TBD' and 'ca. 2 wks' were each
'not a number', and the sum row under the durations (no title, only '9.9') was 'a row with no title'; with those
cells fixed by hand, '% Complete' 0.5 (a percent cell saved without its format) was read as half of one per cent."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import export_file, import_file
from planner.io.table import range_span, span_weeks
from planner.model import load_plan
from planner.model.plan import Status, ThreePoint

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_durations_as_typed_in_a_tracker_sheet() -> None:
    """By hand: '1w 2d' 1.4 weeks; '3-5 days' optimistic 0.6, pessimistic 1, likely halfway 0.8; '1½ days' 0.3;
    '2h 30m' 2.5 hours = 0.0625; '~3 days' 0.6; 'TBD' not estimated: 1 week; 'ca. 2 wks' 2. Scope is half done
    (0.5 of 1). A chain in the rows' order; the last line sums the durations."""
    plan, report = import_file(DATA / "durations-as-typed.csv")
    text = report.text(limit=None)
    rows = {d.title: d for d in plan.decisions}
    assert list(rows) == ["Scope", "Design", "Build", "Test", "Deploy", "Train users", "Hand over"]
    design = rows["Design"].duration
    assert isinstance(design, ThreePoint)
    assert (design.optimistic, design.likely, design.pessimistic) == pytest.approx((0.6, 0.8, 1.0))
    others = [d.weeks() for t, d in rows.items() if t != "Design"]
    assert others == pytest.approx([1.4, 0.3, 0.0625, 0.6, 1, 2])
    scope = rows["Scope"]
    assert (scope.progress, scope.status) == (50, Status.IN_PROGRESS)
    assert len(plan.dependencies) == 6
    for line in (
        "1 duration given as a range ('3-5 days') is read as a three-point estimate: optimistic the low end, "
        "pessimistic the high end, likely halfway",
        "1 duration not estimated ('TBD'; line 7) is read as empty: 1 week, or the row's dates",
        "line 9: a row without a title holding only numbers ('9.9') was skipped: a total row, not a task",
        "column '% Complete' holds fractions of 1 (0.5 and the others from 0 to 1): read as percentages (0.5 is "
        "50 %)",
    ):
        assert line in text


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("~3 days", 0.6),
        ("ca. 2 Wochen", 2),
        ("approx 1w", 1),
        ("3 days (est)", 0.6),
        ("½ d", 0.1),
        ("2¼w", 2.25),
    ],
)
def test_s31_spans_marked_as_guesses_or_with_fractions(text: str, weeks: float) -> None:
    assert span_weeks(text) == pytest.approx(weeks)


@pytest.mark.parametrize(
    ("text", "unit", "ends"),
    [
        ("3-5 days", None, ("3 days", "5 days")),
        ("2 to 3 wks", None, ("2 wks", "3 wks")),
        ("1w\u20132w", None, ("1 w", "2 w")),
        ("3-5", "days", ("3 days", "5 days")),
        ("3\u20135 weeks?", None, ("3 weeks", "5 weeks")),
        ("5-3 days", None, None),  # backwards: not a range (refused as not a number, as before)
        ("2026-03-02", None, None),
    ],
)
def test_s31_duration_ranges(text: str, unit: str | None, ends: tuple[str, str] | None) -> None:
    assert range_span(text, unit) == ends


@pytest.mark.parametrize("progress", ["50%", "1", "0"])
def test_s31_progress_that_says_its_scale_is_left_alone(tmp_path: Path, progress: str) -> None:
    """'50%' says per cent; a column of only 0 and 1 does not say fractions: 1 stays 1 %."""
    path = tmp_path / "p.csv"
    path.write_text(f"Task,% Complete,Duration\nA,{progress},1\nB,0,1\n", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.decisions[0].progress == {"50%": 50, "1": 1, "0": 0}[progress]
    assert "fractions of 1" not in report.text(limit=None)


def test_s31_a_range_past_the_longest_duration_is_refused_in_its_own_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "h.csv"
    path.write_text('Task,Duration\nA,"1-99999999 days"\n', encoding="utf-8")
    assert main(["import", str(path), "-o", str(tmp_path / "h.plan.json")]) == 2
    err = capsys.readouterr().err
    assert "line 2, column 'Duration': '1-99999999 days' runs to more than 10,000 weeks" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("cell", [True, "\u2026"])
def test_s31_a_progress_column_with_a_cell_of_no_number_is_said(tmp_path: Path, cell: object) -> None:
    """Found by benchmarks/fuzz_import.py (case 1633): a TRUE cell beside a 0.5 in '% Complete' was an internal error
    (ValueError: could not convert string to float: 'True') in the reading of fractions. The column is now left as
    it was read before: one that does not hold numbers is ignored, and said."""
    import openpyxl

    path = tmp_path / "p.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Task", "% Complete", "Duration"])
    ws.append(["A", cell, 1])
    ws.append(["B", 0.5, 1])
    wb.save(path)
    plan, report = import_file(path)
    text = report.text(limit=None)
    assert "column '% Complete' does not hold numbers" in text
    assert "fractions of 1" not in text
    assert [d.progress for d in plan.decisions] == [0, 0]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_s31_the_planners_own_export_keeps_a_progress_under_one_per_cent(tmp_path: Path, suffix: str) -> None:
    """The fractions rule is for other tools' sheets: the planner's own export writes per cent, so a decision 0.5 %
    done beside others not started comes back 0.5 %, not 50 % (it did, for a moment, in this session)."""
    plan = load_plan(Path(__file__).parents[2] / "sample_plans" / "insights-assistant.plan.json")
    first, *rest = plan.decisions
    decisions = [first.model_copy(update={"progress": 0.5, "status": Status.IN_PROGRESS})] + [
        d.model_copy(
            update={
                "progress": 0.0,
                "status": Status.NOT_STARTED,
                "actual_start": None,
                "actual_finish": None,
            }
        )
        for d in rest
    ]
    plan = plan.model_copy(update={"decisions": decisions, "status_date": None})
    path = tmp_path / f"plan{suffix}"
    export_file(plan, path)
    back, report = import_file(path)
    assert back.decisions[0].progress == 0.5
    assert "fractions of 1" not in report.text(limit=None)


def test_s31_a_total_row_with_its_word_in_the_id_column(tmp_path: Path) -> None:
    """An Excel table's total row starts at column A: 'Total' under ID, no task name, the sums beside it. Before, it
    was a decision named 'Total' (5 weeks, 3,000 of cost counted twice), without a word."""
    path = tmp_path / "tot.csv"
    path.write_text(
        "ID,Task,Duration,Cost\n1,Scope,2,1000\n2,Build,3,2000\nTotal,,5,3000\n", encoding="utf-8"
    )
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["Scope", "Build"]
    assert "line 4: a total row ('Total') was skipped" in report.text(limit=None)
