"""The report's look: page sizes and margins, type hierarchy, colours (shared with the charts), table styles.

One place, so that every section looks alike. Sizes are in points; nothing that must be read is below 7 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from planner.report.fonts import BOLD, ITALIC, REGULAR, register_fonts

try:  # the charts' palette, so tables and charts agree (Okabe-Ito, colour-blind safe)
    from planner.charts import style as _chart_style

    INK_HEX: str = _chart_style.INK
    MUTED_HEX: str = _chart_style.MUTED
    GRID_HEX: str = _chart_style.GRID
    ACCENT_HEX: str = _chart_style.OKABE_ITO[0]
    GATE_HEX: str = _chart_style.GATE
    WARN_HEX: str = _chart_style.OKABE_ITO[1]
except (
    ImportError
):  # pragma: no cover - the charts package is part of the product; this keeps the report usable
    INK_HEX, MUTED_HEX, GRID_HEX = "#1A1A1A", "#5C5C5C", "#D9D9D9"
    ACCENT_HEX, GATE_HEX, WARN_HEX = "#0072B2", "#D55E00", "#E69F00"

INK = colors.HexColor(INK_HEX)
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor(GRID_HEX)
ACCENT = colors.HexColor(ACCENT_HEX)
GATE = colors.HexColor(GATE_HEX)
WARN = colors.HexColor(WARN_HEX)
ERROR = colors.HexColor("#D55E00")
HEAD_BG = colors.HexColor("#E8F1F8")  # table header: a tint of the accent blue
ZEBRA = colors.HexColor("#F6F6F6")
TILE_BG = colors.HexColor("#F2F6FA")

PAPERS = {"a4": A4, "letter": LETTER}
ORIENTATIONS = ("portrait", "landscape")

MIN_PT = 7.0
SECTION_GAP = 18.0  # points between two sections that share a page


@dataclass(frozen=True)
class PageGeometry:
    """Page size and the content frame, in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def page_geometry(paper: str = "a4", orientation: str = "portrait") -> PageGeometry:
    """The page for ``paper`` (a4 or letter) and ``orientation``; generous margins, room for header and footer."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; choose one of: {', '.join(PAPERS)}")
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r}; choose portrait or landscape")
    size = PAPERS[paper]
    w, h = landscape(size) if orientation == "landscape" else portrait(size)
    return PageGeometry(w, h, left=18 * mm, right=18 * mm, top=22 * mm, bottom=20 * mm)


def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The type hierarchy: title, h1, h2, h3, body, small, table cells, figures on the cover."""
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        spaceAfter=5,
        bulletFontName=REGULAR,
        # A paragraph's last line never starts a page alone (ReportLab allows it by default; its first line alone
        # at a page's foot it does not): team capacity's levelling words left 'and Harden model CI/CD #85: ...'
        # alone above the load chart in a 1,000-decision report. Every style below inherits it.
        allowWidows=0,
        allowOrphans=0,
    )
    s: dict[str, ParagraphStyle] = {"body": base}
    s["title"] = ParagraphStyle("title", base, fontName=BOLD, fontSize=26, leading=31, spaceAfter=10)
    s["subtitle"] = ParagraphStyle("subtitle", base, fontSize=13, leading=17, textColor=MUTED, spaceAfter=4)
    s["h1"] = ParagraphStyle(
        "h1",
        base,
        fontName=BOLD,
        fontSize=17,
        leading=21,
        textColor=ACCENT,
        spaceBefore=0,
        spaceAfter=8,
        keepWithNext=True,
    )
    s["h2"] = ParagraphStyle(
        "h2", base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5, keepWithNext=True
    )
    s["h3"] = ParagraphStyle(
        "h3", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3, keepWithNext=True
    )
    s["small"] = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED)
    s["caption"] = ParagraphStyle(
        "caption", base, fontName=ITALIC, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=3
    )
    s["bullet"] = ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=3)
    s["cell"] = ParagraphStyle("cell", base, fontSize=8, leading=10, spaceAfter=0)
    s["cell_bold"] = ParagraphStyle("cell_bold", s["cell"], fontName=BOLD)
    s["cell_muted"] = ParagraphStyle("cell_muted", s["cell"], textColor=MUTED, fontSize=7.5, leading=9.5)
    s["cell_right"] = ParagraphStyle("cell_right", s["cell"], alignment=TA_RIGHT)
    s["cell_dense"] = ParagraphStyle("cell_dense", s["cell"], fontSize=7, leading=8.2)  # the appendix
    s["head"] = ParagraphStyle("head", s["cell"], fontName=BOLD, textColor=INK)
    s["head_right"] = ParagraphStyle("head_right", s["head"], alignment=TA_RIGHT)
    s["figure"] = ParagraphStyle(
        "figure", base, fontName=BOLD, fontSize=17, leading=20, alignment=TA_LEFT, textColor=INK, spaceAfter=0
    )
    s["figure_label"] = ParagraphStyle(
        "figure_label", base, fontSize=8, leading=10, textColor=MUTED, spaceAfter=0
    )
    s["figure_note"] = ParagraphStyle(
        "figure_note", base, fontSize=8, leading=10, textColor=INK, spaceAfter=0
    )
    return s


def table_style(
    n_header_rows: int = 1, *, zebra: bool = True, rules: bool = True, extra: list[Any] | None = None
) -> TableStyle:
    """Tables: bold header on a light tint, hairline rules (under every row when ``rules``), light zebra rows, cells
    aligned to the top."""
    cmds: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, n_header_rows - 1), HEAD_BG),
        ("LINEBELOW", (0, n_header_rows - 1), (-1, n_header_rows - 1), 0.8, ACCENT),
    ]
    if rules:
        cmds.append(("LINEBELOW", (0, n_header_rows), (-1, -1), 0.25, RULE))
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, n_header_rows), (-1, -1), [colors.white, ZEBRA]))
    return TableStyle(cmds + (extra or []))
