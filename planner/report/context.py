"""What every section builder gets: the analysis, the page, the styles, and helpers for headings, text, tables
and charts, so that sections stay short and look alike."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError

from planner.charts.style import cut_at_word
from planner.model import units
from planner.report.errors import ReportCancelled
from planner.report.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, font_runs
from planner.report.style import MIN_PT, RULE, ZEBRA, PageGeometry, paragraph_styles, table_style
from planner.report.vector import (
    ChartFlowable,
    LaidOutLine,
    draw_laid_out,
    laid_out_width,
    right_to_left,
    smallest_font,
)
from planner.units import joined as units_joined


def esc(text: Any) -> str:
    """``text`` made safe for ReportLab's paragraph markup; characters DejaVu lacks (CJK, Devanagari, emoji) are
    set in an installed fallback font when there is one (:func:`planner.report.fonts.font_runs`), so that they
    show and stay in the PDF's text."""
    text = str(text)
    runs = font_runs(text, REGULAR)
    if len(runs) == 1 and runs[0][0] == REGULAR:
        return escape(text)
    return "".join(
        escape(run) if f == REGULAR else f'<font name="{f}">{escape(run)}</font>' for f, run in runs
    )


def ellipsize(text: Any, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters with an ellipsis after a whole word
    (:func:`planner.charts.style.cut_at_word`, as chart labels are cut), in linear time (never one character per
    width measurement: a 20,000-character title must not take minutes)."""
    text = " ".join(str(text).split()) if len(str(text)) < 100_000 else str(text)[:100_000]
    if len(text) <= max_chars:
        return text
    return cut_at_word(text, max(1, max_chars - 1))


QUOTED_CHARS = (
    90  # a decision's title quoted in a sentence is shortened to this (300 characters filled a column)
)


def fit_width(
    text: str, font: str, size: float, width: float, measure: Callable[[str], float] | None = None
) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points, in time linear in its length: a 20,000-character
    title is measured a dozen times, not once per character removed. ``measure``: points a text takes as it is
    drawn (default: ReportLab's width in ``font``)."""
    width_of = measure or (lambda t: stringWidth(t, font, size))
    if width_of(text) <= width:
        return text
    head = text[: int(width / (size * 0.2)) + 1]  # no glyph is narrower than a fifth of the size
    lo, hi = 0, len(head)  # binary search for the longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width_of(head[:mid] + "\u2026") <= width:
            lo = mid
        else:
            hi = mid - 1
    return cut_at_word(text, lo)


def fit_lines(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """``text`` wrapped at spaces into at most ``lines`` lines of ``width`` points, the last shortened with an
    ellipsis (:func:`fit_width`) when the text needs more."""
    from reportlab.lib.utils import simpleSplit

    out = simpleSplit(text, font, size, width) or [""]
    if len(out) <= lines:
        return [fit_width(x, font, size, width) for x in out]  # a word longer than the line is cut too
    return [fit_width(x, font, size, width) for x in out[: lines - 1]] + [
        fit_width(" ".join(out[lines - 1 :]), font, size, width)
    ]


def break_lines(
    text: str, font: str, size: float, width: float, measure: Callable[[str], float] | None = None
) -> list[str]:
    """``text`` on lines of at most ``width`` points, broken between words, a word wider than a line across lines
    (a title of 120 letters without a space); nothing cut. Linear in the text's length. ``measure``: a line's
    width as it is drawn (default: its advances in ``font``)."""
    lines: list[str] = []
    cur = ""
    for word in " ".join(text.split()).split(" "):
        cand = f"{cur} {word}" if cur else word
        if (measure(cand) if measure is not None else stringWidth(cand, font, size)) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
        while len(word) > 1 and stringWidth(word, font, size) > width:
            lo, hi = 1, min(len(word), int(width / (size * 0.2)) + 1)  # no glyph is narrower than a fifth
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if stringWidth(word[:mid], font, size) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            lines.append(word[:lo])
            word = word[lo:]
        cur = word
    if cur:
        lines.append(cur)
    return lines or [""]


class LaidOutLines(Flowable):
    """A table cell of right-to-left text (Hebrew, Arabic) on as many lines of its column's width as it needs
    (:func:`break_lines`), each laid out and drawn as :class:`LaidOutLine` draws one, in ``style``'s font size,
    weight, colour, leading and alignment; with ``max_lines``, at most that many, the last shortened. ReportLab's
    own paragraph set such text backwards."""

    def __init__(self, text: str, style: Any, max_lines: int | None = None) -> None:
        super().__init__()
        self.text, self.style, self.max_lines = text, style, max_lines
        self.lines: list[str] = [text]

    def _measure(self, line: str) -> float:
        """Points ``line`` takes as it is drawn: laid out where it holds right-to-left letters (joined Arabic is
        narrower than its letters: a name that fits its column broke onto two lines, a right-aligned one ended
        short of the column's edge)."""
        st = self.style
        if right_to_left(line):
            return laid_out_width(line, st.fontSize, bold="Bold" in st.fontName)
        return float(stringWidth(line, st.fontName, st.fontSize))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        st = self.style
        self.lines = break_lines(self.text, st.fontName, st.fontSize, avail_width, self._measure)
        m = self.max_lines
        if m is not None and len(self.lines) > m:  # the last line shortened with an ellipsis (fit_lines)
            rest = " ".join(self.lines[m - 1 :])
            self.lines = [*self.lines[: m - 1], fit_width(rest, st.fontName, st.fontSize, avail_width)]
        self.width = avail_width
        return avail_width, float(st.leading) * len(self.lines)

    def draw(self) -> None:
        st = self.style
        self.canv.setFillColor(st.textColor)
        bold = "Bold" in st.fontName
        n = len(self.lines)
        for j, line in enumerate(self.lines):
            x = self.width - self._measure(line) if st.alignment == TA_RIGHT else 0.0
            y = st.leading * (n - 1 - j) + st.leading - st.fontSize
            draw_laid_out(self.canv, x, y, line, st.fontSize, bold=bold)


_TAG = re.compile(r"<[^>]*>")
_FONT_ATTR = re.compile(r"""(\w+)\s*=\s*['"]([^'"]*)['"]""")


def markup_runs(text: str, style: Any) -> list[list[tuple[str, str, float, Any]]] | None:
    """The lines (split at ``<br/>``) of a paragraph's ``text`` as runs ``(text, font, size, colour)`` in
    ``style``: the markup the report writes (``<b>``, ``<i>``, ``<font color= size=>``, ``<br/>``, entities).
    None for any other markup (the text stays a ReportLab paragraph)."""
    from reportlab.lib.colors import toColor

    lines: list[list[tuple[str, str, float, Any]]] = [[]]
    bold = italic = 0
    fonts: list[tuple[float, Any]] = [(float(style.fontSize), style.textColor)]
    base_bold = "Bold" in style.fontName
    at = 0
    for m in [*_TAG.finditer(text), None]:
        chunk = text[at : m.start() if m else len(text)]
        if chunk:
            b, i = base_bold or bold > 0, italic > 0
            font = BOLD_ITALIC if b and i else BOLD if b else ITALIC if i else REGULAR
            size, color = fonts[-1]
            lines[-1].append((html.unescape(chunk), font, size, color))
        if m is None:
            break
        at = m.end()
        tag = m.group(0)[1:-1].strip()
        name = tag.split()[0].lower() if tag.split() else ""
        if name in ("br/", "br"):
            lines.append([])
        elif name in ("b", "/b"):
            bold += 1 if name == "b" else -1
        elif name in ("i", "/i"):
            italic += 1 if name == "i" else -1
        elif name == "font":
            attrs = dict(_FONT_ATTR.findall(tag))
            if set(attrs) - {"color", "size"}:
                return None
            size, color = fonts[-1]
            fonts.append(
                (float(attrs.get("size", size)), toColor(attrs["color"]) if "color" in attrs else color)
            )
        elif name == "/font" and len(fonts) > 1:
            fonts.pop()
        else:
            return None
    return lines


class LaidOutParagraph(Paragraph):
    """A paragraph (or a table cell of markup) with right-to-left text: its runs (:func:`markup_runs`: bold, a
    colour, a size) broken into lines of the width it gets between words, each run of a line drawn left to right,
    one with Hebrew or Arabic laid out as the charts lay it out (:func:`draw_laid_out`: bidi order, Arabic
    joined), the others as text in their font. ReportLab's paragraph set such text backwards letter by letter (a
    stage's goal in Hebrew, the risk register's bold titles)."""

    def __init__(
        self, lines: list[list[tuple[str, str, float, Any]]], style: Any, bullet: str | None = None
    ) -> None:
        # a paragraph of its plain text to the rest of the report (words, not a figure: the builder's rules)
        super().__init__(esc(" ".join("".join(r[0] for r in line) for line in lines)), style)
        self.source, self.style, self.bullet = lines, style, bullet
        self.lines: list[list[tuple[str, str, float, Any]]] = []

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.style.spaceAfter)

    @staticmethod
    def _width(text: str, font: str, size: float) -> float:
        """Points ``text`` of a run takes as it is drawn: laid out (right-to-left), else its advances."""
        if right_to_left(text) and text.strip():
            lead = len(text) - len(text.lstrip())
            tail = len(text) - len(text.rstrip())
            return (
                stringWidth(text[:lead], font, size)
                + laid_out_width(text.strip(), size, bold="Bold" in font)
                + (stringWidth(text[-tail:], font, size) if tail else 0.0)
            )
        return float(stringWidth(text, font, size))

    def _leading(self, line: list[tuple[str, str, float, Any]]) -> float:
        size = max((r[2] for r in line), default=float(self.style.fontSize))
        return (
            max(float(self.style.leading), size * 1.2)
            if size > self.style.fontSize
            else float(self.style.leading)
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        out: list[list[tuple[str, str, float, Any]]] = []
        room = avail_width - float(self.style.leftIndent) - float(self.style.rightIndent)
        for source in self.source:
            line: list[tuple[str, str, float, Any]] = []
            used = 0.0
            for text, font, size, color in source:
                for word in re.split(r"(?<= )", text):  # words, each with the spaces after it
                    if not word:
                        continue
                    w = self._width(word.rstrip(), font, size)
                    if line and used + w > room:
                        out.append(line)
                        line, used = [], 0.0
                        word = word.lstrip()
                        if not word:
                            continue
                    if line and line[-1][1:] == (font, size, color):
                        line[-1] = (line[-1][0] + word, font, size, color)
                    else:
                        line.append((word, font, size, color))
                    used += self._width(word, font, size)
            out.append(line)
        self.lines = out
        self.width = avail_width
        self.height = sum(self._leading(x) for x in out)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        """The lines that fit ``avail_height`` and the rest, each a paragraph of its own (none: it moves on)."""
        self.wrap(avail_width, avail_height)
        used, k = 0.0, 0
        while k < len(self.lines) and used + self._leading(self.lines[k]) <= avail_height:
            used += self._leading(self.lines[k])
            k += 1
        if k == 0 or k == len(self.lines):
            return []
        first, rest = (
            LaidOutParagraph(self.lines[:k], self.style, self.bullet),
            LaidOutParagraph(self.lines[k:], self.style),
        )
        rest.style = ParagraphStyle(f"{self.style.name}_rest", self.style, spaceBefore=0)
        first.style = ParagraphStyle(f"{self.style.name}_first", self.style, spaceAfter=0)
        return [first, rest]

    def draw(self) -> None:
        canv = self.canv
        y = sum(self._leading(x) for x in self.lines)
        for j, line in enumerate(self.lines):
            lead = self._leading(line)
            y -= lead
            base = y + lead - max((r[2] for r in line), default=float(self.style.fontSize))
            if j == 0 and self.bullet:  # as a paragraph's bulletText: at the bullet indent, in its font
                canv.setFillColor(self.style.textColor)
                canv.setFont(self.style.fontName, self.style.fontSize)
                canv.drawString(float(self.style.bulletIndent), base, self.bullet)
            x = float(self.style.leftIndent)
            if self.style.alignment == TA_RIGHT:
                x = (
                    self.width
                    - sum(self._width(t.rstrip(), f, z) for t, f, z, _ in line[-1:])
                    - sum(self._width(t, f, z) for t, f, z, _ in line[:-1])
                )
            for k, (text, font, size, color) in enumerate(line):
                shown = text.rstrip() if k == len(line) - 1 else text
                canv.setFillColor(color)
                if right_to_left(shown):
                    lead_sp = len(shown) - len(shown.lstrip())
                    x0 = x + stringWidth(shown[:lead_sp], font, size)
                    draw_laid_out(canv, x0, base, shown.strip(), size, bold="Bold" in font)
                else:
                    for f, part in font_runs(shown, font):
                        canv.setFont(f, size)
                        canv.drawString(x, base, part)
                        x += stringWidth(part, f, size)
                    continue
                x += self._width(shown, font, size)


def laid_out_paragraph(text: str, style: Any, *, markup: bool, bullet: str | None = None) -> Paragraph | None:
    """A :class:`LaidOutParagraph` of ``text`` (escaped unless ``markup``) when it holds right-to-left letters and
    only the report's own markup, else None (a ReportLab paragraph sets it right)."""
    if text.isascii() or not right_to_left(text):
        return None
    lines = (
        markup_runs(text if markup else escape(text), style)
        if markup
        else [[(line, style.fontName, float(style.fontSize), style.textColor)] for line in text.split("\n")]
    )
    return None if lines is None else LaidOutParagraph(lines, style, bullet)


_CJK_HINT = (
    "for Chinese, Japanese and Korean WenQuanYi Micro Hei or Droid Sans Fallback (Debian and Ubuntu packages "
    "fonts-wqy-microhei, fonts-droid-fallback; Microsoft YaHei on Windows)"
)
_FONT_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH"),
        _CJK_HINT,
    ),
    (
        ("DEVANAGARI",),
        "for Hindi and other Devanagari text Noto Sans Devanagari or Lohit Devanagari (fonts-noto-core, "
        "fonts-lohit-deva; Nirmala UI on Windows)",
    ),
    (("THAI",), "for Thai Noto Sans Thai (fonts-noto-core)"),
    (
        ("BENGALI", "TAMIL", "TELUGU", "GUJARATI"),
        "for Bengali, Tamil, Telugu or Gujarati the Noto Sans font of that script (fonts-noto-core)",
    ),
)
_SYMBOL_HINT = "for emoji and symbols Symbola (fonts-symbola)"


def font_hints(chars: Sequence[str]) -> list[str]:
    """Which fonts to install for ``chars`` (characters no installed font draws), by their scripts: a Thai plan
    was told of fonts for Chinese, Japanese, Korean and emoji, none of which has Thai. Emoji and symbols get
    Symbola; a script with no hint of its own, or an unnamed character, both the CJK fonts and Symbola."""
    import unicodedata

    order = [_CJK_HINT, *(h for _, h in _FONT_HINTS[1:]), _SYMBOL_HINT]
    out: set[str] = set()
    for c in chars:
        name = unicodedata.name(c, "")
        hint = next((h for keys, h in _FONT_HINTS if any(k in name for k in keys)), None)
        if hint is not None:
            out.add(hint)
        elif name and unicodedata.category(c).startswith("S"):  # emoji and symbols
            out.add(_SYMBOL_HINT)
        else:  # a script without a hint of its own, or a character Unicode does not name: as before, both
            out.update((_CJK_HINT, _SYMBOL_HINT))
    return [h for h in order if h in out] or [_CJK_HINT, _SYMBOL_HINT]


MISSING_SHOWN = 6  # characters without a font named in the report's note, with their code points
MISSING_COUNTED = 1000  # counted up to this many ("and 37 more characters"); beyond, "and more"


GUTTER = 24.0  # between the columns of a two-column page (the executive summary's, on a landscape page)


def column_frames(g: PageGeometry, columns: int = 1, ids: Sequence[str] = ()) -> list[Frame]:
    """The frames of a page of ``g`` in ``columns`` columns ``GUTTER`` apart, without padding: the report's pages
    and :func:`fits_one_page` lay text out in the same ones."""
    width = (g.frame_width - GUTTER * (columns - 1)) / columns
    return [
        Frame(
            g.left + k * (width + GUTTER),
            g.bottom,
            width,
            g.frame_height,
            id=ids[k] if k < len(ids) else f"column{k}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for k in range(columns)
    ]


TABLE_EDGE_ROWS = 3  # rows a table split over pages keeps together at its end (and at least 2 at its start)


class SideBySide(Table):
    """Two cells (flowables or lists of them) side by side, top-aligned. With a chart in them it is a figure: it
    moves to the next page whole when it does not fit, and the heading and words above it stay where they are
    (``builder._headings_before_tables``); where the page is short of room by less than a fifth of its charts'
    height, those charts are drawn that much shorter instead (their text keeps its size), and it stays."""

    SHRINK = 0.8  # a chart of fixed height gives up at most this share of its height to stay on its page

    def __init__(self, left: Any, right: Any, widths: list[float]) -> None:
        from reportlab.platypus import TableStyle

        super().__init__([[left, right]], colWidths=widths, hAlign="LEFT")
        self._cells, self._widths = (left, right), widths
        self.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # never the PDF's standard Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.figure = any(isinstance(f, ChartFlowable) for cell in self._cells for f in _listed(cell))

    def least_height(self) -> float:
        """The least height (points) it stays on a page at (see :meth:`split`): each column's words and its charts
        of fixed height :attr:`SHRINK` shorter, the taller column; its height when it has no chart that gives way."""
        _, h = self.wrap(sum(self._widths), 1e6)
        parts = self._parts()
        if not self.figure or any(c._fixed is None for _, charts in parts for c in charts):
            return float(h)
        return min(
            float(h),
            max(words + self.SHRINK * sum(c.height for c in charts) for words, charts in parts) + 1.0,
        )

    def _parts(self) -> list[tuple[float, list[Any]]]:
        """Per column: the height of its words (everything but charts, with the space around each, as the table
        lays the cell out) and its charts."""
        return [
            (
                sum(
                    f.wrap(w, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                    for f in _listed(cell)
                    if not isinstance(f, ChartFlowable)
                ),
                [f for f in _listed(cell) if isinstance(f, ChartFlowable)],
            )
            for cell, w in zip(self._cells, self._widths, strict=True)
        ]

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        room = avail_height - 1.0
        if not self.figure:
            return list(super().split(avail_width, avail_height))
        parts = self._parts()
        for words, charts in parts:
            tall = sum(c.height for c in charts)
            # a column's words stay whole beside its charts, which give way by at most a fifth (a column of words
            # and a chart, such as 'Cost by stage' over its chart: its words and its chart shorter, together)
            if any(c._fixed is None for c in charts) or words + self.SHRINK * tall > room:
                return []  # moves on whole

        def shorter(cell: Any, words: float, charts: list[Any]) -> Any:
            tall = sum(c.height for c in charts)
            scale = min(1.0, (room - words) / tall) if tall > 0 else 1.0
            fs = [
                ChartFlowable(f._draw_chart, f.width, f.height * scale, name=f.name, min_height=0.0)
                if isinstance(f, ChartFlowable)
                else f
                for f in _listed(cell)
            ]
            return fs if isinstance(cell, list) else fs[0]

        return [
            SideBySide(
                shorter(self._cells[0], *parts[0]),
                shorter(self._cells[1], *parts[1]),
                self._widths,
            )
        ]


def _listed(cell: Any) -> list[Any]:
    return list(cell) if isinstance(cell, list) else [cell]


class SplitTable(Table):
    """A table that splits over pages with its header repeated (``repeatRows``) and never leaves its last rows
    alone on the next page, nor one row alone under its header at a page's foot: the split moves up so that the
    next page starts with :data:`TABLE_EDGE_ROWS` rows (half the rows of a table of fewer than six), and a table
    with no such split (three rows: two and one) goes whole to the next page when it fits one
    (``frame_height``, points; None: split as ReportLab does)."""

    frame_height: float | None = None
    # A table of groups of rows (a kind of finding and its findings): per body row, the first cell the row takes
    # when the rest of a split starts with it (the group's name, "continued"), None where a group starts.
    continued: list[Any] | None = None
    # The end of a section that flows over pages and ends before one that starts a page (the roadmap): its last
    # ``keep_end`` body rows go on a page with the ``after`` points that follow it in its section, so that the
    # section's last page is not a few rows alone (builder._keep_end_together).
    keep_end: int = 0
    after: float = 0.0
    end_page: float = 0.0  # the frame's height, points: that end and what follows it fit one page

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        w, h = super().wrap(availWidth, availHeight)
        if h <= availHeight and self._end_cut(availHeight) is not None:
            return w, availHeight + 1.0  # it fits, what follows it does not: split (see _end_cut)
        return w, h

    def _end_cut(self, availHeight: float) -> int | None:  # noqa: N803
        """Where to split so that the last :attr:`keep_end` rows go on with what follows the table, when the table
        and what follows do not fit ``availHeight`` together: after the header alone (the table goes on whole)
        when no split leaves two rows at least under it; None when they fit. At a page's top it splits too (the
        rest of a table that started a page before filled its next page, and the note after it stood alone on a
        page, 7 % used), but never goes on whole from there."""
        if not self.keep_end:
            return None
        heights = self._rowHeights
        if sum(heights) + self.after <= availHeight:
            return None
        head = self._head_rows()
        cut = min(
            self._getFirstPossibleSplitRowPosition(availHeight),
            len(heights) - max(self.keep_end, TABLE_EDGE_ROWS),
        )
        if cut - head >= 2:
            return cut
        if availHeight >= self.end_page - 1.0:
            return None
        return head if sum(heights) + self.after <= self.end_page - 1.0 else None

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Any]:  # noqa: N802, N803 (ReportLab's names, called by keyword)
        cut = None if doInRowSplit else self._end_cut(availHeight)
        if cut == self._head_rows():
            return []  # it goes on whole with what follows it
        if cut is not None:
            parts = super()._splitRows(sum(self._rowHeights[:cut]) + 0.01, doInRowSplit)
        else:
            parts = self._split_rows(availHeight, doInRowSplit)
        for part in parts:  # the rest is a table of the same kind, with the same page to go whole to: it went
            # on under the first part with one row, the others alone on the next page (a header over one row)
            if isinstance(part, SplitTable):
                part.frame_height = self.frame_height
        if len(parts) == 2 and isinstance(parts[1], SplitTable):  # the rest keeps its end with what follows
            parts[1].keep_end, parts[1].after, parts[1].end_page = self.keep_end, self.after, self.end_page
        if self.continued is not None and len(parts) == 2 and isinstance(parts[1], SplitTable):
            head = self._head_rows()
            rest = self.continued[len(parts[0]._cellvalues) - head :]
            label = rest[0] if rest else None
            if label is not None:  # a group goes on over the page: its first row there names it
                parts[1]._cellvalues[head][0] = label
                parts[1]._argH[head] = None  # measured again with its label
                rest = [None, *rest[1:]]
            parts[1].continued = rest
        return parts

    def _split_rows(self, availHeight: float, doInRowSplit: int) -> list[Any]:  # noqa: N803
        heights = self._rowHeights
        head = self._head_rows()
        n = self._getFirstPossibleSplitRowPosition(availHeight)
        if doInRowSplit or not head < n < len(heights):
            return super()._splitRows(availHeight, doInRowSplit)
        body = len(heights) - head
        cut = min(n, len(heights) - min(TABLE_EDGE_ROWS, -(-body // 2)))
        if cut - head < min(2, body):  # no split keeps both ends together: the whole table on the next page
            if self.frame_height is not None and sum(heights) <= self.frame_height:
                return []
            return super()._splitRows(availHeight, doInRowSplit)
        return super()._splitRows(sum(heights[:cut]) + 0.01 if cut < n else availHeight, doInRowSplit)

    def _head_rows(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1

    def least_rows(self) -> int:
        """The body rows that start a page with the table's header when it splits: two, or all of them when no
        split keeps both ends together (three rows: two and one)."""
        body = len(self._cellvalues) - self._head_rows()
        first = min(2, body)
        return body if body - first < min(TABLE_EDGE_ROWS, -(-body // 2)) else first


def flow_height(flowables: Sequence[Flowable], width: float) -> float:
    """Points ``flowables`` take one under the other in a frame ``width`` wide, the space between two of them
    collapsed as ReportLab collapses it (the larger of one's space after and the next one's space before)."""
    used, after = 0.0, 0.0
    # A keep-together block measures only on a page's canvas: its content one under the other is its height.
    flat: list[Flowable] = []
    for f in flowables:
        flat.extend(f._content if isinstance(f, KeepTogether) else [f])
    for f in flat:
        _, h = f.wrap(width, 1e6)
        used += max(0.0, f.getSpaceBefore() - after) + h + f.getSpaceAfter()
        after = f.getSpaceAfter()
    return used


class _SecondPage(Exception):
    pass


def fits_one_page(g: PageGeometry, columns: int, flowables: Sequence[Flowable]) -> bool:
    """Whether ``flowables`` fit one page of ``g`` in ``columns`` columns, laid out by ReportLab as the report lays
    them out (keep-together blocks, column breaks, spaces), not estimated. The flowables are used up: lay out fresh
    ones in the report."""

    def second_page(canv: Any, doc: Any) -> None:
        if doc.page > 1:
            raise _SecondPage

    from io import BytesIO

    doc = BaseDocTemplate(BytesIO(), pagesize=(g.width, g.height), initialFontName=REGULAR, _pageBreakQuick=0)
    doc.addPageTemplates([PageTemplate("trial", column_frames(g, columns), onPage=second_page)])
    try:
        doc.build(list(flowables))
    except (_SecondPage, LayoutError):
        return False
    return doc.page == 1


class Contents(Flowable):
    """The report's contents on the cover: a row per section with its page number and a link to it.

    The entries (``ctx.contents``) are known once every section has written its flowables; the page numbers only
    once the pages are laid out, so each number is a PDF form drawn here and defined when the file is saved (the
    same trick as the footer's page count): one pass, no second layout.
    """

    ROW = 13.0
    GAP = 24.0  # between columns

    def __init__(self, ctx: ReportContext, columns: int = 1) -> None:
        super().__init__()
        self.ctx = ctx
        self.columns = max(1, columns)

    def _rows(self) -> int:
        return -(-len(self.ctx.contents) // self.columns)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.ROW * self._rows()

    def draw(self) -> None:
        c = self.canv
        size = 9.0
        rows = self._rows()
        col_w = (self.width - self.GAP * (self.columns - 1)) / self.columns
        for k, (title, key) in enumerate(self.ctx.contents):
            col, row = divmod(k, rows)
            x0 = col * (col_w + self.GAP)
            y = self.ROW * (rows - row - 1) + 3
            c.saveState()
            c.translate(x0, 0)
            self._entry(k, title, key, y, col_w, size)
            c.restoreState()

    def _entry(self, k: int, title: str, key: str, y: float, width: float, size: float) -> None:
        c = self.canv
        label = fit_width(title, REGULAR, size, width - 60)
        c.setFont(REGULAR, size)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.drawString(0, y, label)
        lw = stringWidth(label, REGULAR, size)
        c.setStrokeColorRGB(0.75, 0.75, 0.75)
        c.setDash(1, 2)
        c.setLineWidth(0.6)
        c.line(lw + 4, y + 1, width - 26, y + 1)
        c.setDash()
        c.saveState()
        c.translate(width, y)
        c.doForm(contents_form(k))
        c.restoreState()
        c.linkRect("", key, (0, y - 2, width, y + self.ROW - 3), relative=1, thickness=0)


FEW_RUNS = 100
"""Fewer simulated runs than this give no dependable percentiles: the report says so where it gives them."""


def simulated_runs(n: int) -> str:
    """``the 10,000 simulated runs``, ``the one simulated run`` (a sentence's object, counted as units counts)."""
    return units.agree(n, "the one simulated run", f"the {units.count(n, 'simulated run')}")


def few_runs_note(n: int) -> str:
    """A sentence for a report whose simulation has fewer than :data:`FEW_RUNS` runs, else ``""``: its P50 and
    P80 are then the finishes of one or a few runs, not a confidence range."""
    from planner.analysis.montecarlo import DEFAULT_ITERATIONS

    if n >= FEW_RUNS or n < 1:
        return ""
    return (
        f" With only {units.count(n, 'run')} these are rough figures, not a confidence range: simulate "
        f"{units.count(DEFAULT_ITERATIONS, 'iteration')} (the default) before relying on them."
    )


def contents_form(k: int) -> str:
    """The name of the PDF form holding the page number of contents entry ``k``."""
    return f"contents{k}"


fmt_weeks = units.format_weeks  # the report's short names for the one rule (planner.units)


def done_share(progress: float) -> str:
    """A decision's progress (percent, 0-100) as the report writes it, ``38%``, ``12.5%``: the one rule for a
    percent done (:func:`planner.units.format_percent`), as the app's table and inspector show it (the appendix
    wrote ``38% done`` and the progress section ``38 % done``; then the report ``13%`` where the table said 12.5)."""
    return units.format_percent(float(progress))


fmt_date = units.format_date


class Heading(Paragraph):
    """A heading that is also a PDF bookmark (outline entry) at ``level`` (0 = section, 1 = subsection)."""

    def __init__(self, text: str, style: Any, *, title: str, key: str, level: int) -> None:
        super().__init__(text, style)
        self.title = title
        self.key = key
        self.level = level

    def draw(self) -> None:
        c = self.canv
        _, y = c.absolutePosition(0, self.height)
        c.bookmarkPage(self.key, fit="XYZ", left=0, top=y + 6)
        doc = getattr(c, "_doctemplate", None)
        if doc is not None and hasattr(doc, "heading_drawn"):
            doc.heading_drawn(self, y)
        c.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        st = self.style
        if right_to_left(self.title) and len(self.blPara.lines) == 1:  # as the header and table cells draw it
            c.setFillColor(st.textColor)
            draw_laid_out(
                c, 0, self.height - st.fontSize, self.title, st.fontSize, bold="Bold" in st.fontName
            )
            return
        super().draw()


@dataclass
class ReportContext:
    """The state shared by the section builders of one report."""

    analysis: Any
    geometry: PageGeometry
    wide: PageGeometry  # landscape pages for wide charts (the same as ``geometry`` in a landscape report)
    simulation: Any = None
    sections: list[Any] = field(default_factory=list)  # the Section objects being built, in order
    generated: dt.date = field(default_factory=dt.date.today)
    check: Callable[[str], None] = lambda message: None  # raises ReportCancelled when the user cancels
    styles: dict[str, Any] = field(default_factory=paragraph_styles)
    charts: list[ChartFlowable] = field(default_factory=list)
    contents: list[tuple[str, str]] = field(
        default_factory=list
    )  # (section title, heading key), for the cover
    _keys: set[str] = field(default_factory=set)
    # The note on characters no font draws goes at the report's end when the cover has no room for it.
    glyph_note_at_end: bool = False

    # -- the plan, by name -------------------------------------------------------------------------------
    @property
    def plan(self) -> Any:
        return self.analysis.plan

    @property
    def schedule(self) -> Any:
        return self.analysis.schedule

    @property
    def stages(self) -> Any:
        return self.analysis.stages

    @property
    def empty(self) -> bool:
        """True when the plan has no decisions: the sections about a schedule (charts, critical path, risk,
        capacity, appendix) then have nothing to show and leave no page behind; the summary says why."""
        return not self.plan.decisions

    def __post_init__(self) -> None:
        plan = self.plan
        self._titles = {d.id: d.title for d in plan.decisions}
        self._stage_names = {x.id: x.name for x in plan.stages}
        self._team_names = {t.id: t.name for t in plan.teams}
        self._area_names = {a.id: a.name for a in plan.areas}

    def title_of(self, decision_id: str) -> str:
        return self._titles.get(decision_id, decision_id)

    def stage_name(self, stage_id: str) -> str:
        return self._stage_names.get(stage_id, stage_id)

    def team_name(self, team_id: str | None) -> str:
        return self._team_names.get(team_id, team_id) if team_id else "-"

    def area_name(self, area_id: str | None) -> str:
        return self._area_names.get(area_id, area_id) if area_id else "-"

    # -- time ------------------------------------------------------------------------------------------------
    def date(self, week: float | None) -> str | None:
        """``1 Mar 2027`` for ``week`` when the plan has a start date, else None."""
        if week is None:
            return None
        d = self.plan.date_of(float(week))
        return fmt_date(d) if d else None

    def when(self, week: float | None) -> str:
        """``week 12 (29 Mar 2027)`` or ``week 12``."""
        return units.format_when(self.plan.start_date, week)

    def when_cell(self, week: float | None) -> str:
        """Markup for a table cell: the week, and the date below it in grey."""
        if week is None:
            return "-"
        d = self.plan.date_of(float(week))
        return f"wk {fmt_weeks(week)}" + (
            f"<br/><font size='7' color='#5C5C5C'>{units.format_date(d)}</font>" if d else ""
        )

    # -- flowables ---------------------------------------------------------------------------------------
    def unique_key(self, base: str) -> str:
        key = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in base) or "s"
        k, n = key, 1
        while k in self._keys:
            n += 1
            k = f"{key}-{n}"
        self._keys.add(k)
        return k

    def side_by_side(self, left: Any, right: Any, gap: float = 12.0) -> Table:
        """Two flowables (or lists of them) side by side over the frame, top-aligned, each half the width less
        ``gap``: for pairs of charts or short tables on a landscape page (:class:`SideBySide`)."""
        half = (self.geometry.frame_width - gap) / 2
        return SideBySide(left, right, [half + gap, half])

    @property
    def half_width(self) -> float:
        """The width of one of :meth:`side_by_side`'s two columns."""
        return (self.geometry.frame_width - 12.0) / 2

    def contents_flowable(self, columns: int = 1) -> Contents:
        """The contents list of the cover (see :class:`Contents`), in ``columns`` columns."""
        return Contents(self, columns)

    def heading(
        self, title: str, level: int = 0, *, key: str | None = None, style_name: str | None = None
    ) -> Heading:
        """A section (level 0) or subsection (level 1) heading with its bookmark."""
        style = self.styles[style_name or ("h1" if level == 0 else "h2" if level == 1 else "h3")]
        return Heading(esc(title), style, title=title, key=self.unique_key(key or title), level=level)

    def missing_glyphs_note(self) -> Paragraph | None:
        """A note saying which characters of the plan no installed font draws (they show as boxes) and what to
        do; None when every character has a font. On the cover, else at the end of the report."""
        from planner.report.fonts import missing_characters

        def strings(value: Any) -> Iterator[str]:
            if isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                for v in value.values():
                    yield from strings(v)
            elif isinstance(value, (list, tuple)):
                for v in value:
                    yield from strings(v)

        chars = missing_characters(strings(self.plan.model_dump(mode="json")), limit=MISSING_COUNTED)
        if not chars:
            return None
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:MISSING_SHOWN])
        more = len(chars) - MISSING_SHOWN
        if more > 0:  # six of them named, the rest counted: 40 boxes were said to be six characters
            shown += f" and {units.count(more, 'more character') if len(chars) < MISSING_COUNTED else 'more'}"
        # The fonts named are ones the report can embed (TrueType outlines): Noto Sans CJK, named before, comes as
        # OpenType (CFF) collections, which ReportLab cannot embed, so installing it left the boxes.
        hints = font_hints(chars)
        return self.p(
            f"Some characters of the plan have no font on this computer and show as boxes in this report: "
            f"{shown}. The text itself is in the PDF (search and copy find it). To see them, install a font that "
            f"has them with TrueType outlines and make the report again: {units_joined(hints)}."
            + (" Noto Sans CJK's OpenType files cannot be embedded." if hints[0] is _CJK_HINT else ""),
            "small",
        )

    def p(self, text: str, style: str = "body", *, markup: bool = False) -> Paragraph:
        """A paragraph; ``text`` is escaped unless ``markup``. With Hebrew or Arabic in it, a
        :class:`LaidOutParagraph` (a paragraph set it backwards)."""
        laid = laid_out_paragraph(text, self.styles[style], markup=markup)
        return laid if laid is not None else Paragraph(text if markup else esc(text), self.styles[style])

    def bullets(self, items: Sequence[str], *, markup: bool = False, style: str = "bullet") -> list[Flowable]:
        st = self.styles[style]
        return [
            laid_out_paragraph(t, st, markup=markup, bullet="\u2022")
            or Paragraph(t if markup else esc(t), st, bulletText="\u2022")
            for t in items
        ]

    def space(self, h: float = 8) -> Spacer:
        return Spacer(1, h)

    def cell(self, text: Any, style: str = "cell", *, markup: bool = False) -> Any:
        """A table cell: a paragraph of ``text``; plain right-to-left text (a Hebrew stage's name in the cost by
        stage) on lines laid out as the charts lay it out (:class:`LaidOutLines`), where a paragraph set it
        backwards."""
        if not markup:
            plain = str(text)
            if "\n" not in plain and not plain.isascii() and right_to_left(plain):
                return LaidOutLines(plain, self.styles[style])
        else:  # markup (a bold title, an owner under it) with right-to-left text: laid out too
            laid = laid_out_paragraph(str(text), self.styles[style], markup=True)
            if laid is not None:
                return laid
        return Paragraph(str(text) if markup else esc(text), self.styles[style])

    def columns(
        self,
        widths: Sequence[float],
        *,
        wide: bool = False,
        total: float | None = None,
        header: Sequence[Any] | None = None,
    ) -> list[float]:
        """Column widths in points from relative ``widths`` over ``total`` points (default: the frame's width, of a
        landscape page when ``wide``); with the table's ``header``, the widths :meth:`table` gives its columns
        (each at least its header's longest word)."""
        frame = total if total is not None else (self.wide if wide else self.geometry).frame_width
        parts = sum(widths)
        cols = [frame * w / parts for w in widths]
        return cols if header is None else _headers_fit(cols, header, self.styles["head"])

    @property
    def summary_width(self) -> float:
        """The width of the executive summary's text: a column of a two-column landscape page, or the frame."""
        g = self.geometry
        return (g.frame_width - GUTTER) / 2 if g.width > g.height else g.frame_width

    def fit(self, text: Any, width: float, style: str = "cell") -> Any:
        """``text`` as a plain table cell when it fits on one line of ``width`` points, else a wrapping paragraph.

        Plain cells cost a fraction of a paragraph, which matters in tables of thousands of rows.
        """
        text = str(text)
        st = self.styles[style]
        if "\n" not in text and right_to_left(text):  # Hebrew or Arabic: laid out as the charts lay it out
            if stringWidth(text, st.fontName, st.fontSize) <= width - 8.5:
                return LaidOutLine(text, st)
            return LaidOutLines(text, st)  # on lines of the column's width (a paragraph set it backwards)
        if (
            "\n" not in text
            and stringWidth(text, st.fontName, st.fontSize) <= width - 8.5
            # a plain cell has one font: a fallback font (or the one that keeps a character nothing draws)
            # needs a paragraph
            and font_runs(text, st.fontName) == [(st.fontName, text)]
        ):
            return text
        return Paragraph(esc(text), st)

    def fit_name(self, text: Any, width: float, style: str = "cell", lines: int = 2) -> Any:
        """A name (a stage's, a team's) in a column ``width`` points wide: a plain cell when it fits one line,
        else wrapped onto at most ``lines`` lines, the last shortened (:func:`fit_lines`)."""
        st = self.styles[style]
        text = str(text)
        if "\n" in text or stringWidth(text, st.fontName, st.fontSize) > width - 8.5:
            if "\n" not in text and right_to_left(text):
                return LaidOutLines(text, st, lines)
            wrapped = fit_lines(text, st.fontName, st.fontSize, width - 9, lines)
            return self.cell("<br/>".join(esc(x) for x in wrapped), style, markup=True)
        return self.fit(text, width, style)

    def date_week(self, week: float | None) -> str:
        """A one-line plain cell: ``25 Oct 2027 (wk 37.94)``, or ``week 37.94`` without a start date."""
        if week is None:
            return "-"
        d = self.date(week)
        return f"{d} (wk {fmt_weeks(week)})" if d else f"week {fmt_weeks(week)}"

    def status_said(self, week: float, *, short: bool = False) -> str:
        """The status date (``week``, as the schedule counts it) as the report says it: ``1 Mar 2027 (wk 0)``, and,
        when the plan's date is before its start, that date first: ``1 Feb 2027, before the plan starts: counted
        as 1 Mar 2027 (wk 0)`` (the schedule, `planner analyze` and the findings count it as the start; the report
        said 'status date 1 Mar 2027' of a plan dated 1 Feb)."""
        from planner.analysis.progress import to_week

        raw = to_week(self.plan, self.plan.status_date)
        if short:  # a page's footer: the dates alone ('1 Feb 2027 (counted as 1 Mar 2027)')
            when = self.date(week) or f"week {fmt_weeks(week)}"
            if raw is None or raw >= week - 1e-9:
                return when
            return f"{self.date(raw) or 'week ' + fmt_weeks(raw)} (counted as {when})"
        if raw is None or raw >= week - 1e-9:
            return self.date_week(week)
        given = self.date(raw) or f"week {fmt_weeks(raw)}"
        return f"{given}, before the plan starts: counted as {self.date_week(week)}"

    def when_text(self, week: float | None) -> str:
        """A two-line plain cell: ``wk 12`` and, with a start date, the ISO date under it."""
        if week is None:
            return "-"
        d = self.plan.date_of(float(week))
        return f"wk {fmt_weeks(week)}" + (f"\n{units.format_date(d)}" if d else "")

    def table(
        self,
        header: Sequence[Any],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        extra_style: list[Any] | None = None,
        zebra: bool = True,
        wide: bool = False,
        right: Sequence[int] = (),
        bold: Sequence[int] = (),
        total: float | None = None,
        snug: bool = False,
        groups: Sequence[tuple[int, Any]] | None = None,
        whole: Sequence[int] = (),
    ) -> Table:
        """A table over the frame width (of a landscape page when ``wide``) that splits across pages and repeats
        its header row. ``widths`` are relative; header strings become bold cells; plain-string cells in the
        ``right`` columns are right-aligned and in the ``bold`` columns bold. ``snug``: the ``right`` columns only
        as wide as their figures and headers need, the first column (the names) given the rest. ``groups``: the
        rows in consecutive groups, each (its number of rows, the first cell of its first row on a page it goes
        on to); a group is ruled and shaded as one row, and splits between its rows. ``whole``: columns whose
        one-line plain cells never wrap (a date and its week), as wide as the widest, from the widest column when it
        can spare the room.
        """
        fonts = [BOLD if k in bold else REGULAR for k in range(len(header))]
        sizes = [_plain_size(extra_style or [], k) for k in range(len(header))]
        cols = self.columns(widths, wide=wide, total=total)
        # A column a little too narrow for its one-line plain cells (a date and its week, '14 Sep 2027 (wk 32.19)',
        # in a portrait page's column of 88 points) is widened as a column of figures is, from the widest column
        # when it can spare the room; a cell far wider than its column wraps (below).
        figures = _figure_needs(header, rows, right, bold)
        need = [max(f, p) for f, p in zip(figures, _short_needs(rows, cols, fonts, sizes), strict=True)]
        for (
            k
        ) in whole:  # '20 Dec 2054 (wk 1458.9)' broke its week onto a second line in a portrait page's column
            need[k] = max(need[k], _short_needs(rows, [1.0] * len(cols), fonts, sizes, over=math.inf)[k])
        col_widths = _headers_fit(cols, header, self.styles["head"], figures)
        # then, when the widest column can spare it too, the room for the short cells
        col_widths = _headers_fit(col_widths, header, self.styles["head"], need)
        if snug:
            col_widths = _snug(col_widths, header, self.styles["head"], need, right)
        head = [
            self.cell(h, "head_right" if k in right else "head") if isinstance(h, str) else h
            for k, h in enumerate(header)
        ]

        # A plain cell is drawn in one font on one line: one with a character the table's font lacks becomes a
        # paragraph, which takes it from a fallback font (or keeps it in the text when no font has it) instead of
        # losing it. So does any one-line cell wider than its column (a name, a word of 120 letters): it wraps
        # within its column instead of running into the next one (right-to-left text on lines laid out as the
        # charts lay it out, :class:`LaidOutLines`).
        def overwide(c: str, k: int) -> bool:
            return "\n" not in c and stringWidth(c, fonts[k], sizes[k]) + 8.0 > col_widths[k]

        def wrapping(c: str, k: int) -> Any:
            st = self.styles["cell_bold" if k in bold else "cell"]
            if k in right:
                st = ParagraphStyle(f"{st.name}_right", st, alignment=TA_RIGHT)
            if sizes[k] != st.fontSize:
                st = ParagraphStyle(f"{st.name}_{sizes[k]}", st, fontSize=sizes[k], leading=sizes[k] * 1.25)
            if "\n" not in c and right_to_left(c):
                return LaidOutLines(c, st)
            return Paragraph(esc(c), st)

        rows = [
            [
                wrapping(c, k)
                if isinstance(c, str)
                and k < len(fonts)
                and (
                    font_runs(c, fonts[k]) != [(fonts[k], c)]
                    or overwide(c, k)
                    or (not c.isascii() and right_to_left(c))
                )
                else c
                for k, c in enumerate(row)
            ]
            for row in rows
        ]
        t = SplitTable([head, *rows], colWidths=col_widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
        t.frame_height = (self.wide if wide else self.geometry).frame_height
        cmds: list[Any] = [("ALIGN", (k, 1), (k, -1), "RIGHT") for k in right]
        cmds += [("FONTNAME", (k, 1), (k, -1), BOLD) for k in bold]
        if groups is not None:
            t.continued = []
            row = 1
            for k, (size, label) in enumerate(groups):
                t.continued += [None] + [label] * (size - 1)
                if zebra and k % 2:
                    cmds.append(("BACKGROUND", (0, row), (-1, row + size - 1), ZEBRA))
                cmds.append(("LINEBELOW", (0, row + size - 1), (-1, row + size - 1), 0.25, RULE))
                row += size
        t.setStyle(
            table_style(
                1, zebra=zebra and groups is None, rules=groups is None, extra=cmds + (extra_style or [])
            )
        )
        return t

    def table_fits(
        self,
        header: Sequence[Any],
        rows: Sequence[Sequence[Any]],
        total: float,
        *,
        right: Sequence[int] = (),
        bold: Sequence[int] = (),
        name: float = 72.0,
    ) -> bool:
        """Whether a :meth:`table` fits ``total`` points with every figure of its ``right`` columns on one line,
        each other column as wide as its header's longest word and the first (the names) at least ``name`` points.
        Where it does not, the figures ran into each other (a table of yen in trillions beside a chart)."""
        heads = _header_needs(header, self.styles["head"])
        need = [max(h, f) for h, f in zip(heads, _figure_needs(header, rows, right, bold), strict=True)]
        if need:
            need[0] = max(need[0], name)
        return sum(need) <= total

    def chart(
        self,
        draw: Callable[[Any], None],
        height: float | None = None,
        *,
        name: str = "chart",
        width: float | None = None,
        wide: bool = False,
        min_height: float = 144.0,
        figure: Any = None,
        max_height: float | None = None,
        reserve: float = 0.0,
    ) -> ChartFlowable:
        """A vector chart slot; ``draw(fig)`` runs when the page is rendered. Default: the frame's width (of a
        landscape page when ``wide``) and, without a ``height``, whatever height is left on the page (less
        ``reserve`` points for what follows it), between ``min_height`` and ``max_height``."""
        g = self.wide if wide else self.geometry
        f = ChartFlowable(
            self._checked(draw, name),
            width or g.frame_width,
            height,
            name=name,
            min_height=min_height,
            figure=figure,
            max_height=max_height,
            reserve=reserve,
        )
        self.charts.append(f)
        return f

    def smallest_font(self, draw: Callable[[Any], None], width: float, height: float) -> float:
        """The smallest text (pt) that ``draw`` puts on a ``width`` x ``height`` pt figure."""
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width / 72, height / 72), dpi=72)
        draw(fig)
        size = smallest_font(fig)
        fig.clear()
        return size

    def legible(self, draw: Callable[[Any], None], width: float, height: float) -> bool:
        """Whether ``draw`` on a ``width`` x ``height`` pt figure keeps all its text at 7 pt or more."""
        return self.smallest_font(draw, width, height) >= MIN_PT - 1e-6

    def legible_figure(self, draw: Callable[[Any], None], width: float, height: float) -> Any:
        """The figure ``draw`` makes at ``width`` x ``height`` pt when all its text is 7 pt or more, else None.

        Pass it to :meth:`chart` (``figure=``) so that the probe is not drawn twice.
        """
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width / 72, height / 72), dpi=72)
        draw(fig)
        if smallest_font(fig) >= MIN_PT - 1e-6:
            return fig
        fig.clear()
        return None

    def _checked(self, draw: Callable[[Any], None], name: str) -> Callable[[Any], None]:
        def run(fig: Any) -> None:
            self.check(f"Drawing the {name}")
            draw(fig)

        return run


__all__ = [
    "Contents",
    "Heading",
    "ReportCancelled",
    "LaidOutLines",
    "ReportContext",
    "break_lines",
    "contents_form",
    "ellipsize",
    "esc",
    "fit_width",
    "flow_height",
    "fmt_date",
    "fmt_weeks",
]


def _figure_needs(
    header: Sequence[Any], rows: Sequence[Sequence[Any]], right: Sequence[int], bold: Sequence[int]
) -> list[float]:
    """Points each ``right`` column of a table needs for its widest figure, and any other column for its widest
    line of a plain cell of several lines (a week over its date, ``ReportContext.when_text``); 0 for the others.
    Such a cell does not wrap: the column is at least as wide as its widest line (a yen total of
    1,058,123,456,789 ran over the next column's figure; '20 Sep 2027' under 'Planned start' into the levelled
    start beside it)."""
    return [
        max(
            (
                stringWidth(line, BOLD if k in bold else REGULAR, 8) + 8.5
                for row in rows
                if k < len(row) and isinstance(row[k], str) and (k in right or "\n" in row[k])
                for line in row[k].split("\n")
            ),
            default=0.0,
        )
        for k in range(len(header))
    ]


SHORT_OVER = 1.25  # a one-line plain cell at most this many times its column's width widens its column


def _short_needs(
    rows: Sequence[Sequence[Any]],
    cols: Sequence[float],
    fonts: Sequence[str],
    sizes: Sequence[float],
    over: float = 0.0,
) -> list[float]:
    """Points each column needs for its widest one-line plain cell when that is at most ``over`` (default
    :data:`SHORT_OVER`) times the column's width (a date and its week a little wider than a portrait page's
    column), else 0: a cell far wider (a name of 200 characters) wraps instead of taking a neighbour's room."""
    over = over or SHORT_OVER
    out = []
    for k, font in enumerate(fonts):
        width = cols[k] if k < len(cols) else 0.0
        widest = max(
            (
                stringWidth(row[k], font, sizes[k]) + 8.5
                for row in rows
                if k < len(row) and isinstance(row[k], str) and "\n" not in row[k]
            ),
            default=0.0,
        )
        out.append(widest if width < widest <= width * over else 0.0)
    return out


def _plain_size(cmds: Sequence[Any], column: int) -> float:
    """The font size of a table's plain body cells in ``column`` under the style commands ``cmds`` (8 pt, the
    tables' size, unless a FONTSIZE command says otherwise)."""
    size = 8.0
    for cmd in cmds:
        if cmd[0] == "FONTSIZE" and cmd[2][1] != 0:
            (c0, _), (c1, _) = cmd[1], cmd[2]
            if c0 <= column <= (c1 if c1 >= 0 else 10**6):
                size = float(cmd[3])
    return size


def _header_needs(header: Sequence[Any], style: Any) -> list[float]:
    """Points each column needs for the longest word of its header (a header wraps between words, never inside
    one: "Floa/t" on a narrow page)."""
    return [
        max((stringWidth(w, style.fontName, style.fontSize) for w in h.split()), default=0.0) + 9.0
        if isinstance(h, str)
        else 0.0
        for h in header
    ]


def _snug(
    col_widths: list[float], header: Sequence[Any], style: Any, need: Sequence[float], right: Sequence[int]
) -> list[float]:
    """``col_widths`` with each ``right`` column narrowed to its widest figure or its header on one line (and a
    little air), the room given to the first column: stage names broke onto two lines beside columns of short
    figures twice as wide as their figures (the cost by stage of a portrait page)."""
    out = list(col_widths)
    for k in right:
        h = header[k]
        head = stringWidth(h, style.fontName, style.fontSize) + 9.0 if isinstance(h, str) else out[k]
        snug = max(need[k], head) + 6.0
        if 0 < k < len(out) and snug < out[k]:
            out[0] += out[k] - snug
            out[k] = snug
    return out


def _headers_fit(
    col_widths: list[float], header: Sequence[Any], style: Any, need: Sequence[float] | None = None
) -> list[float]:
    """``col_widths`` with every column at least as wide as the longest word of its header and, with ``need``, at
    least ``need`` points, the room taken from the widest column when it can spare it."""
    need = [
        max(a, b) for a, b in zip(_header_needs(header, style), need or [0.0] * len(header), strict=False)
    ]
    short = [max(0.0, n - c) for n, c in zip(need, col_widths, strict=False)]
    take = sum(short)
    if take <= 0:
        return col_widths
    widest = max(range(len(col_widths)), key=col_widths.__getitem__)
    if col_widths[widest] - take < need[widest]:
        return col_widths
    out = [c + s for c, s in zip(col_widths, short, strict=False)]
    out[widest] -= take
    return out
