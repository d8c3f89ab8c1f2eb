"""Right-to-left text in the page header, one-line headings and one-line table cells reads right (H-report24).
ReportLab sets a string left to right glyph by glyph: a Hebrew plan title read backwards in every page's header, an
Arabic decision title backwards and in unjoined letters in the appendix. They are now drawn as the charts draw such
text (vector.draw_laid_out: matplotlib's layout as outlines, the string as invisible text over them), so they still
extract and search. Sentences (paragraphs) that quote such a name are still set left to right: docs/report.md."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base

HEBREW = "תוכנית הרחבה"  # "expansion plan"
ARABIC = "إعداد خط"  # "setting up a line"


def _fills(stream: str) -> int:
    """Filled paths with curves: glyph outlines."""
    return sum(1 for line in stream.splitlines() if line.rstrip().endswith(" f") and " c " in line)


def test_header_and_cells_are_laid_out_and_keep_their_text(tmp_path: Path) -> None:
    data = _base(HEBREW, 2)
    data["decisions"][0]["title"] = ARABIC
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(data)), out, sections=["appendix"])
    page = PdfReader(out).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    text = page.extract_text()
    assert stream.count("3 Tr") >= 2, "the title and the decision's name as invisible text"
    assert _fills(stream) >= 2, "their glyphs drawn as outlines"
    for s in (HEBREW, ARABIC):
        assert s in text or s[::-1] in text  # readers order right-to-left text their own way


def test_left_to_right_names_stay_plain_text(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(_base("Expansion plan", 2))), out, sections=["appendix"])
    page = PdfReader(out).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    assert "3 Tr" not in stream and _fills(stream) == 0
    assert "Expansion plan" in page.extract_text()


def test_a_one_line_heading_is_laid_out_too(tmp_path: Path) -> None:
    # 'Stages in detail' heads each stage '1. <name>': an Arabic name was drawn backwards and unjoined; the
    # heading now reads left to right with the name laid out ('1. التحقق', a left-to-right mark before it).
    data = _base("Plan", 2)
    data["stages"][0]["name"] = ARABIC
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(data)), out, sections=["stages-detail"])
    page = PdfReader(out).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    assert stream.count("3 Tr") == 1 and _fills(stream) >= 1
    assert ARABIC in page.extract_text() or ARABIC[::-1] in page.extract_text()
