"""Every text cell of a report table stays within its column (H-report29b).

Before, a one-line plain cell wider than its column wrapped only in a column that had given room to figures;
anywhere else it was drawn on one line past its column's edge, into the next column: a name of 200 characters, a
word of 120 letters, Hebrew (drawn backwards by ReportLab's paragraphs, too). Now every such cell wraps within its
column (right-to-left text on lines laid out as the charts lay it out), and a cell only a little wider than its
column (a date and its week on a portrait page, the schedule risk's 'Date (week)') widens its column instead,
from the widest column, as a column of figures does."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import LaidOutLines, ReportContext, break_lines
from planner.report.fonts import BOLD, REGULAR
from planner.report.style import page_geometry
from tests.report.s20_plans import _base

PAD = 8.0  # a cell's left and right padding together (the tables' style)

TEXTS = {
    "spaces": ("Name 7 " + "Transformational integration of enterprise workloads " * 4)[:200],
    "word": ("W7" + "Transformationalintegration" * 5)[:120],
    "capitals": "W" * 120,
    "rtl": ("7 " + "שלב האינטגרציה של מערכות הארגון והטמעת המודל " * 5)[:200],
}


def _ctx(orientation: str = "portrait") -> ReportContext:
    g = page_geometry("a4", orientation)
    return ReportContext(analysis=analyze(plan_from_dict(_base("Cells", 2), "<s29b>")), geometry=g, wide=g)


def _line_widths(cell: Any, width: float) -> list[float]:
    """The widths (points) of the lines ``cell`` draws in a column ``width`` points wide, less its padding."""
    if isinstance(cell, str):
        return [stringWidth(line, REGULAR, 8) + PAD for line in cell.split("\n")]
    cell.wrap(width - PAD, 1e6)
    if isinstance(cell, LaidOutLines):
        st = cell.style
        return [stringWidth(x, st.fontName, st.fontSize) + PAD for x in cell.lines]
    assert isinstance(cell, Paragraph)
    return [w + PAD for w in cell.getActualLineWidths0()]


@pytest.mark.parametrize("kind", sorted(TEXTS))
@pytest.mark.parametrize("column", [0, 1, 2])
def test_a_long_plain_cell_wraps_within_its_column(kind: str, column: int) -> None:
    ctx = _ctx()
    row = ["Short", "wk 3", "Done"]
    row[column] = TEXTS[kind]
    t = ctx.table(["Decision", "Stage", "Status"], [row, ["a", "b", "c"]], [3.0, 2.0, 1.0], bold=(0,))
    widths = t._colWidths
    for r in t._cellvalues[1:]:
        for k, cell in enumerate(r):
            lines = _line_widths(cell, widths[k])
            assert max(lines) <= widths[k] + 0.01, (kind, k, cell, lines, widths[k])
    cell = t._cellvalues[1][column]
    assert not isinstance(cell, str)  # wrapped onto lines
    if kind == "rtl":
        assert isinstance(cell, LaidOutLines)  # laid out right to left, never a paragraph set backwards
        assert "".join(cell.lines).replace(" ", "") == TEXTS[kind].replace(
            " ", ""
        )  # the whole text, in order
    else:
        text = cell.getPlainText()
        assert text.replace(" ", "") == TEXTS[kind].replace(" ", "")  # nothing cut
        assert cell.style.fontName == (BOLD if column == 0 else REGULAR)


def test_a_right_aligned_cell_that_wraps_stays_right_aligned() -> None:
    ctx = _ctx()
    long = "x " * 200
    t = ctx.table(["Name", "Figure"], [["a", long]], [3.0, 1.0], right=(1,))
    cell = t._cellvalues[1][1]
    assert isinstance(cell, Paragraph) and cell.style.alignment == TA_RIGHT


def test_a_cell_a_little_too_wide_widens_its_column() -> None:
    ctx = _ctx()
    date = "14 Sep 2027 (wk 32.19)"
    header = ["Finish", "Chance of finishing by then", "Date (week)", "Later than the likely finish", "Means"]
    rows = [["P10", "10%", date, "+0.69 wk", "Optimistic: only one run in ten finishes earlier."]] * 3
    t = ctx.table(header, rows, [0.9, 1.3, 1.6, 1.4, 3.8], right=(1, 3), bold=(0,))
    assert isinstance(t._cellvalues[1][2], str)  # one line, not broken after '(wk'
    assert stringWidth(date, REGULAR, 8) + PAD <= t._colWidths[2]
    assert sum(t._colWidths) == pytest.approx(ctx.geometry.frame_width)


@pytest.mark.parametrize("text", [*TEXTS.values(), "", "a", "W" * 20_000])
def test_break_lines_keeps_every_character(text: str) -> None:
    lines = break_lines(text, REGULAR, 8, 60.0)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(stringWidth(x, REGULAR, 8) <= 60.0 or len(x) == 1 for x in lines)


def test_a_long_right_to_left_name_is_laid_out_on_lines() -> None:
    # ctx.fit and ctx.fit_name (the appendix's titles, the capacity table's names) gave a name of Hebrew too long
    # for one line to a ReportLab paragraph, which set it backwards; it is laid out on lines now.
    ctx = _ctx("landscape")
    text = TEXTS["rtl"]
    for cell, most in ((ctx.fit(text, 150.0), None), (ctx.fit_name(text, 150.0, lines=2), 2)):
        assert isinstance(cell, LaidOutLines)
        _, h = cell.wrap(150.0 - 8.5, 1e6)
        assert len(cell.lines) > 1 and h == cell.style.leading * len(cell.lines)
        assert all(stringWidth(x, REGULAR, 8) <= 150.0 - 8.5 for x in cell.lines)
        if most is None:
            assert "".join(cell.lines).replace(" ", "") == text.replace(" ", "")
        else:
            assert len(cell.lines) == most and cell.lines[-1].endswith("\u2026")


def test_a_report_lays_out_a_long_right_to_left_title(tmp_path: Any) -> None:
    from pypdf import PdfReader

    from planner.report import build_report

    data = _base("Plan", 2)
    data["decisions"][0]["title"] = TEXTS["rtl"]
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(data)), out, sections=["appendix"])
    page = PdfReader(out).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    assert stream.count("3 Tr") >= 3  # the title's lines as invisible text over their outlines
    text = page.extract_text().replace(" ", "").replace("\n", "")
    assert "שלבהאינטגרציה" in text or "שלבהאינטגרציה"[::-1] in text


def test_a_right_to_left_cell_is_laid_out() -> None:
    # ctx.cell (the cost by stage's stage names, bold) gave Hebrew to a paragraph, which set it backwards.
    ctx = _ctx()
    name = "שלב האינטגרציה"
    cell = ctx.cell(name, "cell_bold")
    assert isinstance(cell, LaidOutLines) and cell.style.fontName == BOLD
    cell.wrap(100.0, 1e6)
    assert cell.lines == [name]
    assert isinstance(ctx.cell("Integrate", "cell_bold"), Paragraph)
    assert isinstance(ctx.cell(f"<b>{name}</b>", markup=True), Paragraph)  # markup stays a paragraph
