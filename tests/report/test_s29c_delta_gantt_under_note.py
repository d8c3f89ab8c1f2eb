"""A scenario's delta Gantt of several pages starts under the comparison note when the room left holds a part worth
reading (H-report29c).

Twelve stages and three scenarios: the first scenario's chart (36 rows, two pages of its own) always started a new
page, so the note's page was about half used (56 %). Its first rows now go under the note (at least
comparison.FIRST_ROWS of them, the chart taking no more pages than on its own), and the report is a page shorter."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from planner.report.sections import comparison
from tests.report.test_s29_comparison_note_not_alone import NOTE, _twelve_stages_three_scenarios


def _pages(tmp_path: Any) -> list[str]:
    plan = plan_from_dict(_twelve_stages_three_scenarios(), "<s29c>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, *(s.name for s in plan.scenarios)], 200, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["comparison"])
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]


def test_the_first_delta_gantt_starts_under_the_note(tmp_path: Any) -> None:
    pages = _pages(tmp_path)
    at = [k for k, t in enumerate(pages) if NOTE in t]
    assert len(at) == 1
    page = pages[at[0]]
    heading = "\u201cOption 0\u201d against \u201cBase\u201d"
    assert heading in page[page.index(NOTE) :], page[
        -600:
    ]  # its sub-heading under the note, on the same page
    # its first part holds rows worth reading; the rest on the next page, which says where it goes on
    rest = [k for k, t in enumerate(pages) if f"{heading}, part 2 of 2" in t]
    assert rest == [at[0] + 1]
    first_rows = int(pages[rest[0]].split("(rows ")[1].split("\u2013")[0]) - 1
    assert first_rows >= comparison.FIRST_ROWS
    # the chart takes no more pages than on its own: Option 1 starts the page after its last part
    assert any("\u201cOption 1\u201d against" in t for t in pages[at[0] + 2 : at[0] + 3])


def test_no_room_worth_it_keeps_the_chart_on_pages_of_its_own() -> None:
    """The rule: a first part of fewer than FIRST_ROWS rows, or one that makes the chart take a page more, starts
    the chart on a new page; at a page's top it starts there, without a break."""
    from reportlab.platypus import PageBreak

    built: list[tuple[list[tuple[int, int]], float | None]] = []

    def parts(tiles: list[tuple[int, int]], first: float | None) -> list[Any]:
        built.append((tiles, first))
        return []

    def cut(rows_first: int) -> Any:
        return lambda first: [(0, rows_first), (rows_first, 36)]

    few = comparison._StartUnder(parts, [(0, 30), (30, 36)], cut(comparison.FIRST_ROWS - 1), 50.0, 500.0)
    assert isinstance(few.split(700, 250)[0], PageBreak)
    enough = comparison._StartUnder(parts, [(0, 30), (30, 36)], cut(comparison.FIRST_ROWS), 50.0, 500.0)
    assert enough.split(700, 250) == [] and built[-1][1] == 250 - 50 - 2
    top = comparison._StartUnder(parts, [(0, 30), (30, 36)], cut(comparison.FIRST_ROWS), 50.0, 500.0)
    assert top.split(700, 500) == [] and built[-1] == ([(0, 30), (30, 36)], None)
    longer = comparison._StartUnder(
        parts, [(0, 30), (30, 36)], lambda first: [(0, 8), (8, 20), (20, 32), (32, 36)], 50.0, 500.0
    )
    assert isinstance(longer.split(700, 250)[0], PageBreak)


def test_a_last_part_of_a_few_rows_leaves_room_for_the_next_chart(tmp_path: Any) -> None:
    """Option 1's last part (6 rows) stretched its rows over a page of its own, and Option 2's chart started the
    next one; it is now as tall as its rows, and Option 2's chart starts under it."""
    pages = _pages(tmp_path)
    tail = [
        k for k, t in enumerate(pages) if "\u201cOption 1\u201d against \u201cBase\u201d, part 2 of 2" in t
    ]
    assert len(tail) == 1
    page = pages[tail[0]]
    assert "\u201cOption 2\u201d against \u201cBase\u201d" in page.replace(", part 2 of 2", ""), page[-400:]
