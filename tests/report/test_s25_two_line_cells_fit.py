"""A plain cell of two lines (a week over its date) has a column as wide as its widest line (H-report25). In A4
portrait the 300-decision plan's 'What levelling delays' gave 'Planned start' 48 pt, and '20 Sep 2027' (47 pt
and its padding) ran up to the levelled start's date beside it: '20 Sep 20272 Oct 2028'. Such columns are now
measured as the figure columns are; a one-line plain cell that then no longer fits its narrower column wraps."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.fonts import REGULAR
from planner.report.style import page_geometry
from tests.report.s20_plans import _base


def _ctx() -> ReportContext:
    g = page_geometry("a4", "portrait")
    return ReportContext(analysis=analyze(plan_from_dict(_base("Cells", 2))), geometry=g, wide=g)


def test_a_week_over_its_date_fits_its_column() -> None:
    ctx = _ctx()
    head = ["Decision", "Team", "Planned start", "Levelled start", "Delay (wk)", "Float (wk)", "Critical"]
    rows = [
        [
            "Assess the evaluation suite #270",
            "Team 03",
            "wk 37\n20 Sep 2027",
            "wk 91\n2 Oct 2028",
            "54",
            "82",
            "",
        ]
    ]
    t = ctx.table(head, rows, [3.6, 1.5, 1.0, 1.0, 0.8, 0.8, 0.8], right=(4, 5), bold=(6,))
    widths = t._colWidths
    assert widths[2] >= stringWidth("20 Sep 2027", REGULAR, 8) + 8.0, widths
    assert widths[3] >= stringWidth("2 Oct 2028", REGULAR, 8) + 8.0, widths
    assert abs(sum(widths) - ctx.geometry.frame_width) < 0.5  # the room came from the widest column


def test_a_one_line_cell_wider_than_its_column_wraps() -> None:
    ctx = _ctx()
    name = "A decision title fitted to a column of the width before the dates took their room x"  # 324 pt
    note = "20 Sep 2027 and a long note under the week"  # 181 pt
    rows = [[name, f"wk 37\n{note}"]]
    t = ctx.table(["Decision", "When"], rows, [3.0, 1.0])
    assert (
        stringWidth(name, REGULAR, 8) + 8.0 <= 0.75 * ctx.geometry.frame_width
    )  # it fitted its 3 of 4 parts
    assert t._colWidths[1] >= stringWidth(note, REGULAR, 8) + 8.0
    assert stringWidth(name, REGULAR, 8) + 8.0 > t._colWidths[0]  # not the column it has now
    cell = t._cellvalues[1][0]
    assert isinstance(cell, Paragraph) and cell.getPlainText() == name  # so it wraps
