"""Paragraphs and markup cells with Hebrew or Arabic read right (H-report30).

The risk register's bold title cell (a title, the owner under it), its 'Decisions it hits' cell and a stage's
'Goal.' paragraph in Stages in detail were ReportLab paragraphs, which set right-to-left text backwards letter by
letter (while plain table cells were already laid out, LaidOutLines). A paragraph or markup cell with such text is
now a LaidOutParagraph: its runs (bold, a colour, a size) broken into lines between words, each run of Hebrew or
Arabic laid out as the charts lay it out, as outlines with the string as invisible text over them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from planner.report.context import LaidOutParagraph, ReportContext, markup_runs
from planner.report.fonts import BOLD, REGULAR
from planner.report.style import page_geometry
from tests.report.s20_plans import ARABIC, HEBREW, _base

GOAL = "להוכיח שהמודל עומד בדרישות הרגולטור ובמדדי האיכות לפני ההרחבה"


def _data() -> dict[str, Any]:
    d = _base("Right to left", 6)
    d["stages"][0]["goal"] = GOAL
    d["decisions"][1]["title"] = HEBREW
    d["risks"] = [
        {
            "id": "r1",
            "title": ARABIC,
            "probability": 0.3,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4},
            "decisions": ["d001"],
            "mitigation": "Book a second vendor",
            "owner": "platform",
        }
    ]
    return d


def _ctx() -> ReportContext:
    g = page_geometry("a4", "portrait")
    return ReportContext(analysis=analyze(plan_from_dict(_data(), "<s30>")), geometry=g, wide=g)


def _laid_out(page: Any) -> int:
    """How many strings a page draws as invisible text over outlines (the laid-out lines)."""
    return page.get_contents().get_data().decode("latin-1").count("3 Tr")


def test_a_bold_title_cell_with_its_owner_is_laid_out() -> None:
    ctx = _ctx()
    cell = ctx.cell(f"<b>{ARABIC}</b><br/><font size='7' color='#5C5C5C'>owner: Platform</font>", markup=True)
    assert isinstance(cell, LaidOutParagraph)  # a plain ReportLab paragraph set it backwards
    cell.wrap(90.0, 1e6)
    assert len(cell.lines) >= 3  # the title wraps in a narrow column; the owner on a line of its own
    assert all(run[1] == BOLD for line in cell.lines[:-1] for run in line)
    (owner,) = cell.lines[-1]
    assert owner[0].strip() == "owner: Platform" and owner[1] == REGULAR and owner[2] == 7.0
    for line in cell.lines:
        assert sum(LaidOutParagraph._width(t.rstrip(), f, z) for t, f, z, _ in line) <= 90.0
    assert isinstance(ctx.cell("<b>Vendor delay</b>", markup=True), Paragraph)
    assert not isinstance(ctx.cell("<b>Vendor delay</b>", markup=True), LaidOutParagraph)


def test_markup_runs_reads_the_reports_markup_only() -> None:
    st = _ctx().styles["body"]
    lines = markup_runs("<b>Goal.</b> a &amp; b<br/><font color='#009E73'>x</font>", st)
    assert lines is not None and [[r[0] for r in line] for line in lines] == [["Goal.", " a & b"], ["x"]]
    assert lines[0][0][1] == BOLD and lines[0][1][1] == REGULAR
    assert markup_runs("<a href='x'>link</a>", st) is None  # other markup stays a paragraph


def test_a_long_paragraph_splits_between_its_lines() -> None:
    ctx = _ctx()
    para = ctx.p(" ".join([GOAL] * 12))
    assert isinstance(para, LaidOutParagraph)
    _, h = para.wrap(300.0, 1e6)
    parts = para.split(300.0, h / 2)
    assert len(parts) == 2
    assert [x for p in parts for x in (p.wrap(300.0, 1e6), p.lines)[1]] == para.lines


def test_the_register_and_a_stage_goal_are_laid_out_in_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(_data(), "<s30>")), out, sections=["stages-detail", "risk"])
    pages = PdfReader(out).pages
    text = " ".join(p.extract_text() for p in pages)
    stage = next(p for p in pages if "Goal." in p.extract_text())
    assert _laid_out(stage) >= 1  # the goal (0 before: the stage heading is ASCII here)
    assert "Overlapping stages:" in text.replace("\n", " ")  # the sentence around it is text as before
    register = next(p for p in pages if "Risk register" in p.extract_text())
    assert _laid_out(register) >= 2  # the risk's title and the decision it hits (0 before)
    flat = text.replace(" ", "").replace("\n", "").replace("\u200e", "")
    for s in (GOAL, ARABIC, HEBREW):  # still text (pypdf reads a line's invisible string in either order)
        assert s.replace(" ", "") in flat or s.replace(" ", "")[::-1] in flat


def test_bullets_with_right_to_left_text_are_laid_out() -> None:
    # The executive summary's top risks and asks ('• <b>إعداد خط...</b>: adds 1.76 weeks') were set backwards.
    ctx = _ctx()
    (item,) = ctx.bullets([f"<b>{ARABIC}</b>: adds 1.76 weeks to the P80"], markup=True)
    assert isinstance(item, LaidOutParagraph) and item.bullet == "\u2022"
    item.wrap(200.0, 1e6)
    st = ctx.styles["bullet"]
    room = 200.0 - st.leftIndent
    for line in item.lines:
        assert sum(LaidOutParagraph._width(t.rstrip(), f, z) for t, f, z, _ in line) <= room
    (plain,) = ctx.bullets(["Vendor delay"])
    assert not isinstance(plain, LaidOutParagraph)


def test_a_laid_out_run_is_measured_as_it_is_drawn() -> None:
    # Joined Arabic is narrower than the sum of its letters: measured by ReportLab, the run stood a gap before the
    # colon after it.
    from planner.report.vector import laid_out_width

    _ctx()  # the fonts registered
    width = LaidOutParagraph._width(ARABIC, BOLD, 9.5)
    assert width == laid_out_width(ARABIC, 9.5, bold=True)
    assert width < 0.9 * stringWidth(ARABIC, BOLD, 9.5)
    assert abs(LaidOutParagraph._width(HEBREW, BOLD, 9.5) - stringWidth(HEBREW, BOLD, 9.5)) < 0.5


def test_a_plain_arabic_cell_that_fits_its_column_as_drawn_keeps_to_one_line() -> None:
    # LaidOutLines broke lines by ReportLab's sum of letters: an Arabic name that fits its column as it is drawn
    # (joined) went onto two lines.
    from planner.report.context import LaidOutLines
    from planner.report.vector import laid_out_width

    ctx = _ctx()
    cell = ctx.cell(ARABIC)
    assert isinstance(cell, LaidOutLines)
    drawn, letters = laid_out_width(ARABIC, 8.0), stringWidth(ARABIC, REGULAR, 8.0)
    assert drawn < letters - 10
    cell.wrap((drawn + letters) / 2, 1e6)
    assert cell.lines == [ARABIC]  # two lines before
    cell.wrap(drawn / 2, 1e6)
    assert len(cell.lines) > 1 and all(laid_out_width(x, 8.0) <= drawn / 2 for x in cell.lines)
