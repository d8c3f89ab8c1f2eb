"""A table split over pages keeps its edges together (H-report22).

ReportLab split a table wherever the page ended: its last row could stand alone on the next page under the
repeated header (the appendix, a decision table), or one row stand alone under the header at a page's foot. Now
every report table (ReportContext.table, a SplitTable) moves the split up so that the next page starts with three
rows, or moves the whole table on when only one row would stay under its header.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.style import page_geometry
from tests.report.s20_plans import _base


def _table(rows: int) -> tuple[Any, float]:
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_base("Table", 2))), geometry=g, wide=g)
    t = ctx.table(
        ["Decision", "Weeks"], [[f"Decision {k}", f"{k}.5"] for k in range(rows)], [3, 1], right=(1,)
    )
    t.wrap(g.frame_width, g.frame_height)
    return t, g.frame_width


def _body_rows(part: Any) -> int:
    return len(part._cellvalues) - 1  # the header is repeated on each part


@pytest.mark.parametrize("left_over", [1, 2])
def test_last_rows_do_not_stand_alone(left_over: int) -> None:
    t, width = _table(20)
    heights = t._rowHeights
    # Room for the header and all but the last ``left_over`` rows: ReportLab put those rows alone on the next page.
    room = sum(heights[: len(heights) - left_over]) + 0.5
    first, rest = t.split(width, room)
    assert _body_rows(rest) == 3
    assert _body_rows(first) == 17
    assert rest._cellvalues[0] == first._cellvalues[0]  # the header repeated


def test_one_row_does_not_stand_alone_under_its_header() -> None:
    t, width = _table(20)
    heights = t._rowHeights
    assert t.split(width, heights[0] + heights[1] + 0.5) == []  # all of it on the next page
    first, rest = t.split(width, sum(heights[:3]) + 0.5)  # two rows: they may stay
    assert (_body_rows(first), _body_rows(rest)) == (2, 18)


def test_a_short_table_splits_evenly() -> None:
    """Four rows: two and two (three at the end would leave one under the header)."""
    t, width = _table(4)
    heights = t._rowHeights
    first, rest = t.split(width, sum(heights[:4]) + 0.5)
    assert (_body_rows(first), _body_rows(rest)) == (2, 2)


def test_section_heading_not_alone_over_a_table_of_tall_rows(tmp_path: Any) -> None:
    """'Findings' and its words at a page's top, 'Warnings (202)' and a table of three rows ~130 pt tall that does
    not fit under them: the heading stood alone on its page, the table on the next. Now the table's first rows
    start under the heading (the whole group cannot be on one page)."""
    from pypdf import PdfReader
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph

    from planner.report.builder import _headings_before_tables
    from planner.report.context import column_frames

    g = page_geometry("a4", "landscape")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_base("Table", 2))), geometry=g, wide=g)
    tall = "<br/>".join(f"finding line {j}" for j in range(12))
    rows = [[f"kind-{k}", ctx.cell(tall, markup=True)] for k in range(3)]
    story = [
        ctx.heading("Findings"),
        ctx.p(
            "Validation reports warnings and notes; each kind is listed once with its count. " * 3, "small"
        ),
        Paragraph("Warnings (3)", ctx.styles["h3"]),
        ctx.table(["Kind", "Finding"], rows, [1, 4]),
    ]
    out = tmp_path / "t.pdf"
    doc = BaseDocTemplate(str(out), pagesize=(g.width, g.height))
    doc.addPageTemplates([PageTemplate("p", column_frames(g, 1))])
    doc.build(_headings_before_tables(story, g.frame_width, g.frame_height))
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Findings" in first and "kind-0" in first, first[:200]
