"""The zoomed-out overview of the graph canvas: one block per stage column and area (swimlane).

Below :data:`planner.ui.canvas.style.DETAIL_ZOOM` a card's own text is a few pixels tall and a fitted plan of 60
or 2,000 decisions is a field of blank boxes. The view then draws, over the graph and in screen pixels (legible
type whatever the zoom), a summary that reads at that size: each stage's header with its count, and in each
stage column one block per area with its count of decisions and of critical ones; the critical chain is drawn
through the blocks its decisions sit in, in chain order. Zooming back in returns to the cards.

The summary is counted once per scene sync (cached on the scene's ``sync_count``), so painting it costs a few
dozen rectangles and texts whatever the plan's size, and the edit loop only pays for counting when the view is
zoomed out and repaints.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from planner import units
from planner.ui.canvas import style as S
from planner.ui.views.format import left_to_right, name_in_line

if TYPE_CHECKING:
    from planner.ui.canvas.scene import GraphScene

TEXT_PT = 9.0  # block texts (>= 12 px tall on a 96 dpi screen)
MIN_COLUMN_PX = 120  # a stage column narrower than this on screen: the columns share the viewport evenly
# (narrower still when the viewport has less for each: every stage in sight, its name elided if it must be)
NO_AREA = "No area"
FILL_MOST = 1.6
"""Presenting, how much larger than the room's type the overview grows where the view has room to spare."""
FILL_STEP = 1.05
"""The step it grows by (the largest that still fits is kept)."""
SHELF_GAP = 24
"""Presenting on a portrait screen, the gap between the shelves of stage columns (see :func:`paint`)."""


@dataclass
class Summary:
    """Counts per stage column and area: ``cells[(column, row)] = [decisions, critical]``."""

    columns: list[tuple[str, int]] = field(default_factory=list)  # (stage name, decisions)
    rows: list[tuple[str, QColor]] = field(default_factory=list)  # (area name, colour)
    cells: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    chain: list[tuple[int, int]] = field(default_factory=list)  # cells of the critical path, in its order
    ids: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # the decisions of each cell
    # The decision's title for a cell of one decision: a small plan's overview (presentation Home) named no
    # decision at all, only "1 decision" per block.
    titles: dict[tuple[int, int], str] = field(default_factory=dict)
    blocks: dict[tuple[int, int], QRect] = field(default_factory=dict)  # where :func:`paint` drew them last
    # Per column, what its band says under its count: the columns are the sequenced stages, so a column that strict
    # gates move decisions into says so ("12 from Integrate under strict gates"; SPEC §3.3 "Words").
    notes: list[str] = field(default_factory=list)


def summarise(scene: GraphScene) -> Summary:
    """Count the scene's cards per stage band (by position) and area (from the plan); before the layout is known
    (a large plan's first moments), its decisions per stage column (sequenced when analysed) and area."""
    bands = scene.bands
    if not bands or scene.building:
        return summarise_plan(scene)  # (a build's cards are not all there yet)
    lefts = [b.rect().left() for b in bands]
    summary = Summary(columns=[(b.title.text(), 0) for b in bands], notes=[b.note for b in bands])
    cells = (
        (did, max(0, min(len(bands) - 1, bisect_right(lefts, card.pos().x() + S.CARD_W / 2) - 1)))
        for did, card in scene.cards.items()
    )
    return _count(scene, summary, cells)


def summarise_plan(scene: GraphScene) -> Summary:
    """The overview from the plan alone (no cards, no layout): one column per stage, in stage order; a decision
    counts in its sequenced stage when the analysis has one (as the layout places it), else its own."""
    plan = scene.document.plan
    analysis = scene._analysis()
    stages = getattr(analysis, "stages", None) if analysis is not None else None
    seq = stages.sequenced.tolist() if stages is not None else None
    pos = {s.id: k for k, s in enumerate(plan.stages)}
    moved = scene._moved_into() if seq is not None else {}
    summary = Summary(
        columns=[(s.name, 0) for s in plan.stages], notes=[moved.get(s.id, "") for s in plan.stages]
    )
    if not plan.stages:
        return summary
    seen: set[str] = set()
    cells: list[tuple[str, int]] = []
    for k, d in enumerate(plan.decisions):
        if d.id not in seen:
            seen.add(d.id)
            col = seq[k] if seq is not None and k < len(seq) else pos.get(d.stage, 0)
            cells.append((d.id, max(0, min(len(plan.stages) - 1, col))))
    return _count(scene, summary, cells)


def _count(scene: GraphScene, summary: Summary, cells: Iterable[tuple[str, int]]) -> Summary:
    """Fill ``summary`` (its columns named) from (decision id, column) pairs: cells by area, the chain."""
    plan = scene.document.plan
    n_columns = len(summary.columns)
    row_of: dict[str | None, int] = {}
    for a in plan.areas:
        row_of[a.id] = len(summary.rows)
        summary.rows.append((a.name, QColor(a.color) if a.color else QColor(S.DEFAULT_AREA)))
    area_of = {d.id: d.area for d in plan.decisions}
    analysis = scene._analysis()
    schedule = getattr(analysis, "schedule", None) if analysis is not None else None
    critical: set[str] = set()
    path: list[str] = []
    if schedule is not None:
        critical = {i for i, on in zip(schedule.ids, schedule.critical, strict=True) if on}
        path = list(schedule.critical_path)
    cell_of: dict[str, tuple[int, int]] = {}
    counts = [0] * n_columns
    for did, col in cells:
        if not n_columns:
            break
        area = area_of.get(did)
        row = row_of.get(area)
        if row is None:
            row = row_of[area] = len(summary.rows)
            summary.rows.append((NO_AREA if area is None else area, QColor(S.DEFAULT_AREA)))
        cell = summary.cells.setdefault((col, row), [0, 0])
        summary.ids.setdefault((col, row), []).append(did)
        cell[0] += 1
        counts[col] += 1
        if did in critical:
            cell[1] += 1
        cell_of[did] = (col, row)
    summary.columns = [(name, n) for (name, _), n in zip(summary.columns, counts, strict=True)]
    singles = {cell: ids[0] for cell, ids in summary.ids.items() if len(ids) == 1}
    if singles:
        title_of = {d.id: d.title for d in plan.decisions}
        summary.titles = {cell: title_of[did] for cell, did in singles.items() if did in title_of}
    for did in path:
        c = cell_of.get(did)
        if c is not None and (not summary.chain or summary.chain[-1] != c):
            summary.chain.append(c)
    return summary


def block_at(summary: Summary | None, pos: QPoint) -> tuple[int, int] | None:
    """The cell whose block was drawn under ``pos`` (viewport pixels), if any."""
    if summary is None:
        return None
    return next((cell for cell, r in summary.blocks.items() if r.contains(pos)), None)


def _fonts(scale: float = 1.0) -> tuple[QFont, QFont, QFont]:
    header = QFont(S.band_font())
    header.setPointSizeF(header.pointSizeF() * scale)
    name = QFont()
    name.setPointSizeF(TEXT_PT * scale)
    name.setWeight(QFont.Weight.DemiBold)
    count = QFont()
    count.setPointSizeF(TEXT_PT * scale)
    return header, name, count


Measures = tuple[tuple[QFont, QFont, QFont], int, int, int, int, int]
"""What :meth:`_Layout.measure` gives: the fonts, the header's, a block's and a column's height, the widest text
and a two-line block's height."""


class _Layout:
    """The overview's type and arrangement for :func:`paint`: its fonts measured at a scale, the scale that fits
    columns of a width and height, and how many stage columns go side by side."""

    GAP = 6

    def __init__(self, summary: Summary, width: int, height: int, text_scale: float, fill: bool) -> None:
        self.summary = summary
        self.width, self.height = width, height
        self.text_scale, self.fill = text_scale, fill
        self.used_rows = sorted({r for (_, r) in summary.cells})
        self.notes = summary.notes if any(summary.notes) else []

    def measure(self, scale: float, room: int, height: int) -> Measures:
        """The fonts at ``scale``, the header's, a block's and the whole overview's height, the widest text,
        and a two-line block's height (columns ``room`` wide for their words, ``height`` tall)."""
        summary, used_rows, gap = self.summary, self.used_rows, self.GAP
        fonts = _fonts(scale)
        hfm, nfm, cfm = (QFontMetrics(f) for f in fonts)
        header_h = hfm.height() + 10 + (cfm.height() + 2 if self.notes else 0)
        two_lines = nfm.height() + cfm.height() + 10
        one_line = max(nfm.height(), cfm.height()) + 8
        block_h = two_lines if len(used_rows) * (two_lines + gap) + header_h <= height else one_line
        needed = header_h + gap + len(used_rows) * (block_h + gap)
        # Each column's header and area names whole in the column the view can give it (at a 16 pt desk font,
        # 148 px columns read "Frame · …" and "Architec…"): the type shrinks before the text is cut.
        wide = max(hfm.horizontalAdvance(f"{name} · {count}") for name, count in summary.columns)
        wide = max([wide, *(nfm.horizontalAdvance(summary.rows[r][0]) + 16 for r in used_rows)])
        return fonts, header_h, block_h, needed, wide, two_lines

    def fit(self, n: int, per_row: int) -> tuple[float, Measures]:
        """The type's scale and :meth:`measure`'s figures for ``n`` stage columns, ``per_row`` side by side (their
        shelves one under the other, each a share of the height)."""
        shelves = -(-n // per_row)
        share = max(
            1, self.width // per_row - 6
        )  # each column's share of the view: 12 stages at 120 px ran off 1280
        room = share - 12
        tall = (self.height - (shelves - 1) * SHELF_GAP) // shelves
        scale = max(1.0, self.text_scale)
        while True:
            m = self.measure(scale, room, tall)
            if (m[3] <= tall and m[4] <= room) or scale <= 1.0:
                break
            scale = max(
                1.0, scale * 0.9
            )  # larger type than the rows or columns leave room for: a little smaller
        if self.fill and scale >= self.text_scale and m[2] == m[5]:
            # Presenting, with room to spare (the portfolio's Home over the top 60 % of a 2560x1440 panel): larger,
            # up to FILL_MOST, as far as the rows (on two lines each) and the columns' words still fit.
            most = scale * FILL_MOST
            while scale * FILL_STEP <= most:
                grown = self.measure(scale * FILL_STEP, room, tall)
                # (12 px to spare: a column as wide as its share elides its header 18 px short of it)
                if grown[3] > tall - 2 * self.GAP or grown[4] > room - 12 or grown[2] != grown[5]:
                    break
                scale *= FILL_STEP
                m = grown
        return scale, m

    def choose(self, n: int) -> tuple[int, float, Measures]:
        """How many of the ``n`` stage columns go side by side, the type's scale and its measures: all of them,
        except presenting on a portrait view (a 1080x1920 panel), where side by side they were a band across the
        middle of the graph in type the columns' width held down, 70 % of it empty above and below; there the
        stages go on two (or more) shelves, one under the other, where that gives their words larger type."""
        per_row = n
        scale, m = self.fit(n, n)
        if self.fill and self.height > self.width and n > 1:
            for k in range(2, n + 1):
                per = -(-n // k)
                if per == per_row:
                    continue
                tried = self.fit(n, per)
                if tried[0] <= scale * FILL_STEP:
                    break
                per_row, (scale, m) = per, tried
        return per_row, scale, m


def paint(
    painter: QPainter,
    summary: Summary,
    spans: list[tuple[int, int]],
    top: int,
    width: int,
    height: int,
    text_scale: float = 1.0,
    names: bool = False,
    fill: bool = False,
) -> list[tuple[QRect, str]]:
    """Draw ``summary`` in screen pixels (``painter`` untransformed): stage columns over ``spans`` (x ranges of
    the bands on screen), starting at ``top``; return the texts drawn and their rectangles (tests).
    ``text_scale`` enlarges the type (presentation mode: readable from the room) as far as the blocks still fit
    the ``height``; never below 1. With ``names``, a block of one decision shows its title, not "1 decision"
    (presentation mode: the room sees what the small plan is about). With ``fill`` (presentation mode), the type
    grows past ``text_scale`` (up to :data:`FILL_MOST` times) into the height the view leaves, the columns' words
    still whole."""
    drawn: list[tuple[QRect, str]] = []
    summary.blocks = {}
    if not summary.columns or not spans:
        return drawn
    n = len(spans)
    gap = _Layout.GAP
    lay = _Layout(summary, width, height, text_scale, fill)
    used_rows, notes = lay.used_rows, lay.notes
    per_row, scale, (fonts, header_h, block_h, needed, _wide, two_lines) = lay.choose(n)
    shelves = -(-n // per_row)
    share = max(1, width // per_row - 6)
    header_font, name_font, count_font = fonts
    hfm, nfm, cfm = QFontMetrics(header_font), QFontMetrics(name_font), QFontMetrics(count_font)
    if per_row < n:
        spans = [(c * width // per_row + 6, (c + 1) * width // per_row - 6) for c in range(per_row)] * shelves
        whole = shelves * needed + (shelves - 1) * SHELF_GAP
        first = max(0, (height - whole) // 2)  # the shelves in the middle of the view
        tops = [first + (k // per_row) * (needed + SHELF_GAP) for k in range(n)]
    else:
        # Wide enough for the widest stage header ("Operationalize · 28" was "Operationali…" in presentation
        # type), as far as the view has room for every column.
        widest = max(hfm.horizontalAdvance(f"{name} · {count}") for name, count in summary.columns) + 16
        min_column = min(max(round(MIN_COLUMN_PX * scale), widest), share)
        if min(x1 - x0 for x0, x1 in spans) < min_column:
            left = max(0, min(spans[0][0], width - n * min_column))
            step = max(min_column, (width - left) // n)
            spans = [(left + k * step, left + (k + 1) * step - 6) for k in range(n)]
        top = max(0, min(top, (height - needed) // 2))  # with the bands, but never below the middle
        tops = [top] * n
    row_y = {r: header_h + gap + k * (block_h + gap) for k, r in enumerate(used_rows)}  # below a column's top
    painter.save()
    painter.fillRect(QRect(0, 0, width, height), S.BACKGROUND)  # the unreadable cards and links go under it
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # Columns: the band colour over the cards (which are unreadable here), a header with the stage's count.
    for k, ((name, count), (x0, x1)) in enumerate(zip(summary.columns, spans, strict=False)):
        top = tops[k]
        painter.fillRect(QRect(x0, top, x1 - x0, needed), S.BAND_FILLS[k % 2])
        painter.setFont(header_font)
        painter.setPen(S.BAND_TEXT)
        text = hfm.elidedText(
            left_to_right(f"{name_in_line(name)} · {count}"), Qt.TextElideMode.ElideRight, x1 - x0 - 12
        )
        r = QRect(x0 + 6, top + 5, hfm.horizontalAdvance(text), hfm.height())
        painter.drawText(r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        drawn.append((r, text))
        note = notes[k] if k < len(notes) else ""
        if note:  # the count is by sequenced stage: say where the extra decisions come from
            painter.setFont(count_font)
            painter.setPen(S.MUTED)
            note = cfm.elidedText(note, Qt.TextElideMode.ElideRight, x1 - x0 - 12)
            r = QRect(x0 + 6, top + 5 + hfm.height() + 2, cfm.horizontalAdvance(note), cfm.height())
            painter.drawText(r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), note)
            drawn.append((r, note))

    def block_rect(cell: tuple[int, int]) -> QRect:
        x0, x1 = spans[cell[0]]
        return QRect(x0 + 6, tops[cell[0]] + row_y[cell[1]], x1 - x0 - 12, block_h)

    # The critical chain through its blocks, under them (it shows between the blocks).
    chain = [c for c in summary.chain if c[0] < len(spans)]
    if len(chain) > 1:
        pen = QPen(S.CRITICAL, 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        points = [QPointF(block_rect(c).center()) for c in chain]
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(a, b)
    for (col, row), (count, critical) in sorted(summary.cells.items()):
        if col >= len(spans):
            continue
        r = block_rect((col, row))
        summary.blocks[(col, row)] = r
        area, color = summary.rows[row]
        painter.setPen(QPen(S.CRITICAL, 2.5) if critical else QPen(S.CARD_BORDER, 1))
        painter.setBrush(S.CARD_FILL)
        painter.drawRoundedRect(r, 4, 4)
        painter.fillRect(QRect(r.left() + 1, r.top() + 1, 5, r.height() - 1), color)
        inner = r.adjusted(10, 4, -6, -4)
        figures = units.count(count, "decision") + (f" · {critical} critical" if critical else "")
        if block_h != two_lines:
            figures = f"{count}" + (f" · {critical} crit." if critical else "")
            fw = min(cfm.horizontalAdvance(figures), inner.width())
            name_w = inner.width() - fw - 6
            name = nfm.elidedText(area, Qt.TextElideMode.ElideRight, name_w) if name_w > 20 else ""
            y = inner.top() + (inner.height() - nfm.height()) // 2
            name_r = QRect(inner.left(), y, nfm.horizontalAdvance(name), nfm.height())
            fig_r = QRect(inner.right() - fw, y, fw, cfm.height())
        else:
            name = nfm.elidedText(area, Qt.TextElideMode.ElideRight, inner.width())
            name_r = QRect(inner.left(), inner.top(), nfm.horizontalAdvance(name), nfm.height())
            title = summary.titles.get((col, row)) if names else None
            if title is not None:  # one decision: its title says more than "1 decision"
                figures = title + (" · critical" if critical else "")
            elif cfm.horizontalAdvance(figures) > inner.width():  # a narrow column: the short form
                figures = f"{count}" + (f" · {critical} critical" if critical else "")
            figures = cfm.elidedText(figures, Qt.TextElideMode.ElideRight, inner.width())
            fig_r = QRect(
                inner.left(), inner.top() + nfm.height() + 2, cfm.horizontalAdvance(figures), cfm.height()
            )
        if name:
            painter.setFont(name_font)
            painter.setPen(S.INK)
            painter.drawText(name_r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            drawn.append((name_r, name))
        painter.setFont(count_font)
        painter.setPen(S.CRITICAL if critical else S.MUTED)
        painter.drawText(fig_r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), figures)
        drawn.append((fig_r, figures))
    painter.restore()
    return drawn
