"""Right-to-left text in the report's charts (H-report23): ReportLab sets a string left to right glyph by glyph, so
a Hebrew stage name came out backwards ('בוליש' for 'שילוב') and Arabic backwards in unjoined letters. The vector
renderer now draws such a string as matplotlib lays it out (bidi order, Arabic joining: libraqm), as outlines,
with the string as invisible text over them, so it is still found and copied."""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from planner.report.fonts import register_fonts
from planner.report.vector import render_figure

HEBREW = "שילוב"  # "integration"
ARABIC = "التحقق"  # "validation"


def _page(text: str) -> tuple[str, str]:
    """The content stream and the extracted text of a one-page PDF holding a chart with ``text`` on it."""
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(200, 100), pageCompression=0)
    fig = Figure(figsize=(200 / 72, 100 / 72), dpi=72)
    fig.text(0.1, 0.5, text, fontsize=10)
    render_figure(fig, c)
    c.showPage()
    c.save()
    data = buf.getvalue()
    page = PdfReader(io.BytesIO(data)).pages[0]
    stream = page.get_contents().get_data()
    return stream.decode("latin-1"), page.extract_text()


def _fills(stream: str) -> int:
    """Filled paths with curves: glyph outlines (the figure's background is a filled rectangle)."""
    return sum(1 for line in stream.splitlines() if line.rstrip().endswith(" f") and " c " in line)


def test_right_to_left_text_is_drawn_as_laid_out_with_its_text_kept() -> None:
    for text in (HEBREW, ARABIC):
        stream, extracted = _page(text)
        assert "3 Tr" in stream, "the string is there as invisible text"
        assert _fills(stream) >= 1, "its glyphs are drawn as outlines"
        assert text in extracted or text[::-1] in extracted  # readers order right-to-left text their own way


def test_left_to_right_text_stays_plain_text() -> None:
    stream, extracted = _page("Integrate")
    assert "3 Tr" not in stream and _fills(stream) == 0
    assert "Integrate" in extracted
