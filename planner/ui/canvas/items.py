"""Scene items of the graph canvas: decision cards, dependency edges and their labels, stage bands.

Cards paint themselves once into a device-coordinate cache (repainted only when their data, selection or the zoom
changes); an edge is one :class:`QGraphicsPathItem` that paints its curve, arrowhead and label (a few Qt calls per
visible edge).

Creating items is the expensive part at 10,000 decisions, so items do as little as possible up front: one item per
card and per edge (no child items), tooltips composed when asked for (:meth:`CardItem.toolTip`,
:meth:`EdgeItem.toolTip`, shown by the scene's ``helpEvent``), a card lays out its title only when it is first
painted at a zoom where text is drawn, pens and brushes are shared between items, and an edge keeps its bounding
rect itself (Qt's own strokes the path to find it) and makes its curve only when first needed (the bounds of a
large plan's edges are computed at once, in numpy: :func:`edge_geometries`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from planner import units
from planner.ui.canvas import style as S

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

_LOD_TEXT = S.DETAIL_ZOOM  # below this zoom, cards and labels drop their text (unreadable anyway)

# Qt enum values looked up once (an enum member access costs about a microsecond in PySide6, per item created).
_NO_BUTTON = Qt.MouseButton.NoButton
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_CARD_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_NO_BRUSH = Qt.BrushStyle.NoBrush


@dataclass(frozen=True)
class CardData:
    """What a card shows; cards repaint only when this changes."""

    title: str
    id: str
    area_color: str | None
    milestone: bool
    right_text: str  # "3 wks · float 2"
    critical: bool
    progress: float  # 0..1
    done: bool
    changed: bool = False  # the scenario shown changes this decision (issue 13)


def _wrap_two_lines(
    text: str, font_metrics: QFontMetricsF, layout_font: QFont, width: float
) -> tuple[str, str]:
    """Split ``text`` into at most two lines of ``width`` pixels, eliding the second one."""
    if font_metrics.horizontalAdvance(text) <= width:
        return text, ""
    layout = QTextLayout(text, layout_font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    n = line.textLength()
    layout.endLayout()
    first = text[:n].rstrip()
    rest = text[n:].strip()
    return first, font_metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


class CardItem(QGraphicsItem):
    """One decision. ``pos()`` is the card's top-left corner in scene pixels (what ``plan.layout`` stores)."""

    # Defaults on the class (assigned, never mutated in place, when they change): a PySide attribute set costs
    # ~0.2 us and a large plan creates its cards all at once.
    _card_data: CardData | None = None
    _pending: Callable[[], CardData] | None = None  # data to make when first needed (see defer_data)
    _painted = False  # painted since its cached picture was last dropped (so it may have one)
    layout_pos: QPointF | None = None  # where the layered layout puts it
    highlighted = False
    link_state: str | None = None  # "ok" / "bad" while a link is dragged over it
    _texts: tuple[tuple[str, str], str, str] | None = (
        None  # title lines, id and figures, laid out when needed
    )
    _texts_type = 1.0  # the card type they were laid out in (the scene's card_type)
    _foot_pt = 0.0  # the second line's size on the desk (0: presentation mode's meta font)
    _body: QPainterPath  # the card's outline (set below the class: a plain card's by default)

    def __init__(self, decision_id: str) -> None:
        super().__init__()
        self.decision_id = decision_id
        self.edges: list[EdgeItem] = []
        self.setFlags(_CARD_FLAGS)
        self.setCacheMode(_DEVICE_CACHE)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)

    # -- data -------------------------------------------------------------------------------------------------
    @property
    def card_data(self) -> CardData | None:
        """What the card shows (made now if it was deferred)."""
        make = self._pending
        if make is not None:
            self._pending = None
            self._set(make(), False)
        return self._card_data

    def set_data(self, data: CardData) -> bool:
        """Show ``data``; returns True when something changed (and a repaint was scheduled)."""
        self._pending = None
        return self._set(data, True)

    def defer_data(self, make: Callable[[], CardData]) -> None:
        """Show what ``make()`` returns, made when first needed (painted or read): a large edit changes the
        figures of thousands of cards, most of them out of sight (issue 12). For a card out of sight: no repaint
        is scheduled (thousands of those made the view repaint all it shows); its cached picture is dropped
        (going from the device cache to none and back is no visual change to Qt: no update), so it is painted
        afresh, and its data made, when it comes into sight."""
        self._pending = make
        if self._painted:  # (a card never painted has no picture to drop)
            self._painted = False
            self.setCacheMode(_NO_CACHE)
            self.setCacheMode(_DEVICE_CACHE)

    def _set(self, data: CardData, notify: bool) -> bool:
        old = self._card_data
        if data == old:
            return False
        self._card_data = data
        if old is None or old.milestone != data.milestone:
            self._body = _BODY[data.milestone]
        # Texts are laid out lazily (on the first detailed paint): most cards of a big plan are never drawn with
        # text, and the layout is a third of a card's creation cost.
        self._texts = None
        if notify:
            self.update()
        return True

    def _type(self) -> float:
        """The card type: the scene's (presentation mode's larger text), 1 on the desk."""
        scene = self.scene()
        return float(getattr(scene, "card_type", 1.0)) if scene is not None else 1.0

    def _layout_texts(self) -> tuple[tuple[str, str], str, str]:
        texts = self._texts
        k = self._type()
        if texts is None or self._texts_type != k:
            data = self.card_data
            if data is None:
                return ("", ""), "", ""
            lines = _wrap_two_lines(
                data.title, _metrics("title", k), S.title_font(k), self._title_width(data.milestone)
            )
            room = (
                self._text_right(data.milestone)
                - self._text_left(data.milestone)
                - 8
                - (12 if data.done else 0)
            )
            figures = data.right_text
            meta = _metrics("meta", k)
            if k == 1.0:
                # At the second line's size (7 pt at the opening zoom) where it fits whole, smaller where not
                self._foot_pt, id_text, figures = _foot_line(data.id, figures, room, data.critical)
            else:
                # Larger type: the figures first (elided if they must be), the id in what room is left, if any.
                bold = _metrics("meta-bold" if data.critical else "meta", k)
                room += 8
                if bold.horizontalAdvance(figures) > room:
                    figures = bold.elidedText(figures, Qt.TextElideMode.ElideRight, room)
                room -= bold.horizontalAdvance(figures) + 8
                id_text = _shown_id(meta, data.id, room) if room >= 4 * meta.averageCharWidth() else ""
                self._foot_pt = 0.0
            texts = self._texts = (lines, id_text, figures)
            self._texts_type = k
        return texts

    @property
    def _lines(self) -> tuple[str, str]:
        """The title on at most two lines (the second elided)."""
        return self._layout_texts()[0]

    @property
    def _id_text(self) -> str:
        """The id, elided in the middle to leave room for the figures on the right."""
        return self._layout_texts()[1]

    def toolTip(self) -> str:  # Qt name; composed on demand (see the module docstring)
        scene = self.scene()
        tip = getattr(scene, "card_tooltip", None)
        return tip(self.decision_id) if tip is not None else ""

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def set_link_state(self, state: str | None) -> None:
        if state != self.link_state:
            self.link_state = state
            self.update()

    @staticmethod
    def _text_left(milestone: bool) -> float:
        return 42.0 if milestone else S.STRIP_W + 10

    @staticmethod
    def _text_right(milestone: bool) -> float:
        return S.CARD_W - (24.0 if milestone else 12.0)

    def _title_width(self, milestone: bool) -> float:
        # The first line keeps clear of the critical corner flag.
        return self._text_right(milestone) - self._text_left(milestone) - 8

    @staticmethod
    def body_path(milestone: bool) -> QPainterPath:
        path = QPainterPath()
        w, h = S.CARD_W, S.CARD_H
        if milestone:
            t = 16.0
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(t, 0),
                        QPointF(w - t, 0),
                        QPointF(w, h / 2),
                        QPointF(w - t, h),
                        QPointF(t, h),
                        QPointF(0, h / 2),
                        QPointF(t, 0),
                    ]
                )
            )
            path.closeSubpath()
        else:
            path.addRoundedRect(QRectF(0, 0, w, h), 6, 6)
        return path

    # -- geometry ---------------------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return _CARD_BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, S.CARD_W, S.CARD_H))
        path.addEllipse(self.handle_center(), S.HANDLE_R + 3, S.HANDLE_R + 3)
        return path

    @staticmethod
    def handle_center() -> QPointF:
        return QPointF(S.CARD_W, S.CARD_H / 2)

    def on_handle(self, local: QPointF) -> bool:
        """Whether ``local`` (item coordinates) is on the link handle (generous: the right edge's middle)."""
        c = self.handle_center()
        dx, dy = local.x() - c.x(), local.y() - c.y()
        return dx * dx + dy * dy <= (S.HANDLE_R + 5) ** 2

    def out_anchor(self) -> QPointF:
        return self.pos() + QPointF(S.CARD_W, S.CARD_H / 2)

    def in_anchor(self) -> QPointF:
        return self.pos() + QPointF(0, S.CARD_H / 2)

    def scene_rect(self) -> QRectF:
        return QRectF(self.pos(), QPointF(self.pos().x() + S.CARD_W, self.pos().y() + S.CARD_H))

    def at_layout_position(self) -> bool:
        return self.layout_pos is not None and self.pos() == self.layout_pos

    def update_edges(self) -> None:
        """Re-route the card's edges after it moved.

        Deliberately not done in ``itemChange``: overriding ``itemChange`` in PySide6 6.12 drops a reference to
        ``None`` on every call, which crashes the interpreter after a few thousand moves.
        """
        for edge in self.edges:
            edge.update_path()
        scene = self.scene()
        if scene is not None and hasattr(scene, "labels_due"):
            scene.labels_due()  # once the move pauses, labels off each other again

    def hoverMoveEvent(self, event) -> None:
        if self.on_handle(event.pos()):
            self.setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.unsetCursor()
        super().hoverLeaveEvent(event)

    # -- painting ---------------------------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._painted:
            self._painted = True
        data = self.card_data
        if data is None:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        body = self._body
        selected = bool(option.state & QStyle.StateFlag.State_Selected)

        if self.highlighted or self.link_state:
            color = {"ok": S.LINK_OK, "bad": S.LINK_BAD}.get(self.link_state or "", S.HIGHLIGHT)
            painter.setPen(
                QPen(color, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(body)

        painter.setPen(Qt.PenStyle.NoPen)
        # A done decision is visibly done (issue 16): a muted card, faded area colour, a check badge.
        painter.setBrush(S.CARD_FILL_DONE if data.done else S.CARD_FILL)
        painter.drawPath(body)

        area = QColor(data.area_color) if data.area_color else S.DEFAULT_AREA
        if data.done:
            area.setAlphaF(0.35)
        painter.save()
        painter.setClipPath(body)
        if not data.milestone:
            painter.fillRect(QRectF(0, 0, S.STRIP_W, S.CARD_H), area)
        if data.progress > 0:
            x0 = S.STRIP_W if not data.milestone else 16.0
            x1 = S.CARD_W - (0 if not data.milestone else 16.0)
            painter.fillRect(QRectF(x0, S.CARD_H - 4, (x1 - x0) * min(data.progress, 1.0), 4), S.PROGRESS)
        if data.critical:
            t = 18.0 if not data.milestone else 0.0
            if t:
                painter.setBrush(S.CRITICAL)
                painter.drawPolygon(
                    QPolygonF([QPointF(S.CARD_W - t, 0), QPointF(S.CARD_W, 0), QPointF(S.CARD_W, t)])
                )
        painter.restore()

        if data.critical:
            painter.setPen(QPen(S.CRITICAL, 3.5))
        else:
            painter.setPen(QPen(S.CARD_BORDER, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(body)
        if data.changed:  # changed by the scenario shown: a dashed outline just outside the card
            painter.setPen(QPen(S.SCENARIO, 2.0, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(QRectF(-4.5, -4.5, S.CARD_W + 9, S.CARD_H + 9), 8.0, 8.0)
        if selected:
            painter.setPen(QPen(S.SELECTION, 2.5))
            painter.drawPath(self._selection_path(data.milestone))
        if data.done:
            self._paint_done_badge(painter, data.milestone)

        if data.milestone:
            c = QPointF(27, 24)
            r = 8.0
            painter.setPen(QPen(S.INK, 1.0))
            painter.setBrush(area)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), c.y() - r),
                        QPointF(c.x() + r, c.y()),
                        QPointF(c.x(), c.y() + r),
                        QPointF(c.x() - r, c.y()),
                    ]
                )
            )

        # Link handle.
        painter.setPen(QPen(S.MUTED, 1.2))
        painter.setBrush(S.CARD_FILL)
        painter.drawEllipse(self.handle_center(), S.HANDLE_R, S.HANDLE_R)

        if lod < _LOD_TEXT:
            return
        lines, id_text, figures = self._layout_texts()
        k = self._texts_type
        left = self._text_left(data.milestone)
        right = self._text_right(data.milestone)
        painter.setPen(S.MUTED if data.done else S.INK)
        painter.setFont(S.title_font(k))
        fm = _metrics("title", k)
        y = (9.0 if k == 1.0 else 5.0) + fm.ascent()
        painter.drawText(QPointF(left, y), lines[0])
        if lines[1]:
            painter.drawText(QPointF(left, y + fm.lineSpacing()), lines[1])

        # (presentation's larger type: on the card's foot, above the progress bar)
        base = S.CARD_H - 11.0 if k == 1.0 else S.CARD_H - 5.0 - _metrics("meta", k).descent()
        foot = self._foot_pt
        painter.setFont(S.foot_font(foot) if foot else S.meta_font(scale=k))
        painter.setPen(S.MUTED)
        if data.done:
            painter.setPen(QPen(S.PROGRESS, 1.8))
            painter.drawPolyline(
                QPolygonF([QPointF(left, base - 4), QPointF(left + 3, base - 1), QPointF(left + 8, base - 7)])
            )
            painter.setPen(S.MUTED)
            painter.drawText(QPointF(left + 12, base), id_text)
        else:
            painter.drawText(QPointF(left, base), id_text)
        font = S.foot_font(foot, data.critical) if foot else S.meta_font(bold=data.critical, scale=k)
        painter.setFont(font)
        painter.setPen(S.CRITICAL if data.critical else S.INK)
        fm_figures = (
            _foot_metrics(foot, data.critical)
            if foot
            else _metrics("meta-bold" if data.critical else "meta", k)
        )
        w = fm_figures.horizontalAdvance(figures)
        painter.drawText(QPointF(right - w, base), figures)

    @staticmethod
    def _paint_done_badge(painter: QPainter, milestone: bool) -> None:
        """A filled circle with a white check mark on the top-right corner of a done card."""
        c = QPointF(S.CARD_W - (22.0 if milestone else 12.0), 12.0 if not milestone else 14.0)
        r = 8.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(S.PROGRESS)
        painter.drawEllipse(c, r, r)
        painter.setPen(
            QPen(S.CARD_FILL, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(
            QPolygonF(
                [QPointF(c.x() - 4, c.y()), QPointF(c.x() - 1, c.y() + 3), QPointF(c.x() + 4, c.y() - 3)]
            )
        )

    @staticmethod
    def _selection_path(milestone: bool) -> QPainterPath:
        path = QPainterPath()
        if milestone:
            w, h, t, m = S.CARD_W, S.CARD_H, 16.0, 4.0
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(t - 2, -m),
                        QPointF(w - t + 2, -m),
                        QPointF(w + m + 2, h / 2),
                        QPointF(w - t + 2, h + m),
                        QPointF(t - 2, h + m),
                        QPointF(-m - 2, h / 2),
                        QPointF(t - 2, -m),
                    ]
                )
            )
        else:
            path.addRoundedRect(QRectF(-4, -4, S.CARD_W + 8, S.CARD_H + 8), 9, 9)
        return path


_BODY = {False: CardItem.body_path(False), True: CardItem.body_path(True)}  # shared by every card
CardItem._body = _BODY[False]
_CARD_BOUNDS = QRectF(-8, -8, S.CARD_W + 16, S.CARD_H + 16)

_METRICS: dict[str, QFontMetricsF] = {}


def _metrics(key: str, scale: float = 1.0) -> QFontMetricsF:
    """Font metrics of the canvas fonts, built once (``title``, ``meta``, ``meta-bold``, ``label``), at the card type
    ``scale`` (presentation mode's larger text; 1 on the desk)."""
    cache_key = key if scale == 1.0 else f"{key}@{scale:g}"
    fm = _METRICS.get(cache_key)
    if fm is None:
        font = {
            "title": lambda: S.title_font(scale),
            "meta": lambda: S.meta_font(scale=scale),
            "meta-bold": lambda: S.meta_font(bold=True, scale=scale),
            "label": S.label_font,
        }[key]()
        fm = _METRICS[cache_key] = QFontMetricsF(font)
    return fm


def _foot_metrics(size: float, bold: bool) -> QFontMetricsF:
    """Font metrics of a card's second line at ``size`` points (:func:`S.foot_font`), built once, beside
    :func:`_metrics`'s."""
    key = f"foot{'-bold' if bold else ''}@{size:g}"
    fm = _METRICS.get(key)
    if fm is None:
        fm = _METRICS[key] = QFontMetricsF(S.foot_font(size, bold))
    return fm


ID_LEAST_CHARS = 8
"""The fewest characters of a decision's id a card's second line shows (cut in the middle): fewer ('…', 'd…d',
'co…ry' of 'contract-review-build-clause-library') name nothing, and the id is left out (the title names the card; the inspector and the tooltip give the id)."""


def _shown_id(metrics: QFontMetricsF, id_: str, room: float) -> str:
    """``id_`` in ``room`` pixels of ``metrics``' type: whole, cut in the middle, or "" where fewer than
    :data:`ID_LEAST_CHARS` of its characters would show."""
    text = metrics.elidedText(id_, Qt.TextElideMode.ElideMiddle, max(room, 0.0))
    if text != id_ and len(text.replace("\u2026", "")) < ID_LEAST_CHARS:
        return ""
    return text


def _foot_line(id_: str, figures: str, room: float, critical: bool) -> tuple[float, str, str]:
    """A desk card's second line in ``room`` pixels (less the gap between its parts): its size, the id and the
    figures. :data:`S.META_PT` where the id and the figures fit whole; else the largest quarter point size where they
    do, down to :data:`S.FOOT_LEAST_PT`; there, the figures whole (elided only past the room) and the id elided in
    the middle to what is left."""
    whole = _foot_metrics(S.META_PT, False).horizontalAdvance(id_) + _foot_metrics(
        S.META_PT, critical
    ).horizontalAdvance(figures)
    size = (
        S.META_PT if whole <= room else max(S.FOOT_LEAST_PT, int(S.META_PT * room / max(whole, 1.0) * 4) / 4)
    )
    while True:
        plain, bold = _foot_metrics(size, False), _foot_metrics(size, critical)
        if size <= S.FOOT_LEAST_PT or plain.horizontalAdvance(id_) + bold.horizontalAdvance(figures) <= room:
            break
        size = max(S.FOOT_LEAST_PT, size - 0.25)
    if bold.horizontalAdvance(figures) > room:
        figures = bold.elidedText(figures, Qt.TextElideMode.ElideRight, room)
    id_text = _shown_id(plain, id_, max(room - bold.horizontalAdvance(figures), 20.0))
    return size, id_text, figures


_LABEL_RECTS: dict[str, QRectF] = {}  # label text -> its plate (a handful of distinct texts per plan)


class EdgeLabel:
    """The dependency type and lag (``SS+2``) an edge shows on a small white plate at the middle of its last curve.

    Painted by its edge (:meth:`EdgeItem.paint`), not an item of its own: half the edges of a large plan have one,
    and an item each (created, added, indexed) cost ~0.3 s at 10,000 decisions. ``plate`` is the plate's rect
    around the label's point."""

    __slots__ = ("box", "color", "plate", "text")

    def __init__(self, text: str, color: QColor | None = None) -> None:
        self.set_text(text)
        self.color = QColor() if color is None else color  # set by the edge's style (never changed in place)

    def set_text(self, text: str) -> None:
        self.text = text
        self.plate = _plate(text)
        self.box = _PLATE_BOXES[text]  # (left, top, right, bottom) of the plate and a pixel of antialiasing

    def paint(self, painter: QPainter, at: tuple[float, float]) -> None:
        """The plate and text centred on ``at``: a pixmap made once per text, colours and device scale (as the
        device-coordinate cache of the label items this replaced did), else drawn directly (a rotated view)."""
        t = painter.worldTransform()
        scale = t.m11()
        device = painter.device()
        if t.isRotating() or scale <= 0 or scale != t.m22() or device is None:
            self.draw(painter, self.plate.translated(at[0], at[1]))
            return
        scale *= device.devicePixelRatioF()
        key = (self.text, self.color.rgba(), S.CARD_FILL.rgba(), scale)
        pixmap = _LABEL_PIXMAPS.get(key)
        if pixmap is None:
            pixmap = _LABEL_PIXMAPS[key] = self._render(scale)
            if len(_LABEL_PIXMAPS) > 512:  # (zooming through many scales)
                _LABEL_PIXMAPS.clear()
                _LABEL_PIXMAPS[key] = pixmap
        plate = self.plate
        m = _LABEL_MARGIN
        painter.drawPixmap(QPointF(at[0] + plate.left() - m, at[1] + plate.top() - m), pixmap)

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QPen(self.color, 1.0))
        painter.setBrush(S.CARD_FILL)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(S.label_font())
        painter.setPen(self.color)
        painter.drawText(rect, _CENTER, self.text)

    def _render(self, scale: float) -> QPixmap:
        """The label at ``scale`` device pixels per scene unit, with a margin of :data:`_LABEL_MARGIN` around the
        plate, in a pixmap drawn 1:1 on the device (its device pixel ratio is the scale)."""
        plate, m = self.plate, _LABEL_MARGIN
        pixmap = QPixmap(
            math.ceil((plate.width() + 2 * m) * scale), math.ceil((plate.height() + 2 * m) * scale)
        )
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        p.scale(scale, scale)
        p.translate(m - plate.left(), m - plate.top())
        self.draw(p, plate)
        p.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap


_LABEL_MARGIN = 2.0  # scene units around a label's plate in its pixmap (the outline and its antialiasing)
_LABEL_PIXMAPS: dict[
    tuple[str, int, int, float], QPixmap
] = {}  # (text, colour, fill, device scale) -> pixmap

EdgeLabelItem = EdgeLabel
"""The former name (labels were child items of their edges until issue 12); no scene item is an EdgeLabel."""


def _plate(text: str) -> QRectF:
    """The plate of a label reading ``text``, centred on (0, 0)."""
    rect = _LABEL_RECTS.get(text)
    if rect is None:
        w = _metrics("label").horizontalAdvance(text) + 10
        rect = _LABEL_RECTS[text] = QRectF(-w / 2, -8, w, 16)
        _PLATE_BOXES[text] = (rect.left() - 1, rect.top() - 1, rect.right() + 1, rect.bottom() + 1)
    return rect


_PLATE_BOXES: dict[
    str, tuple[float, float, float, float]
] = {}  # label text -> its plate's box (see EdgeLabel)


def _edge_bounds(
    geom: EdgeGeometry, label: EdgeLabel | None, at: tuple[float, float] | None = None
) -> QRectF:
    """The bounds of an edge shaped ``geom``: its curve's and arrowhead's, and its label's plate if it has one
    (at ``at``, by default the middle of the last curve)."""
    left, top, w, h = geom[7], geom[8], geom[9], geom[10]
    if label is None:
        return QRectF(left, top, w, h)
    bl, bt, br, bb = label.box
    lx, ly = at if at is not None else (geom[5], geom[6])
    right, bottom = max(left + w, lx + br), max(top + h, ly + bb)
    left, top = min(left, lx + bl), min(top, ly + bt)
    return QRectF(left, top, right - left, bottom - top)


@cache  # a handful of distinct (type, lag) pairs per plan, asked for once per edge
def edge_label(kind: str, lag: float) -> str:
    """``""`` for a plain finish-to-start link without lag, else e.g. ``SS``, ``SS+2``, ``FF-1``, ``FS+0.5``."""
    if kind == "FS" and lag == 0:
        return ""
    if lag == 0:
        return kind
    return f"{kind}{'+' if lag > 0 else '-'}{units.format_weeks(abs(lag))}"


EdgeStyle = tuple[QPen, QPen, QBrush, float, QColor, QPen | None]
"""An edge's curve pen, arrowhead pen and brush, z value, label colour, and the curve's pen for line segments."""
_EDGE_STYLES: dict[tuple[bool, bool, bool], EdgeStyle] = {}  # by (selected, critical, driving)
_NO_STYLE_BRUSH = QBrush()
_RASTER = QPaintEngine.Type.Raster
_SOLID = Qt.PenStyle.SolidLine
_SQUARE_CAP = Qt.PenCapStyle.SquareCap

_LINES_MAX_SCALE = (
    2.0  # device pixels per scene unit up to which wide edges are drawn as segments (EdgeItem.paint)
)
_LINED: list[EdgeItem] = []  # the edges holding their curve as line segments (see EdgeItem.lines)
_LINED_MAX = 4000  # ~80 segments an edge: a few tens of MB at most; past it every edge's segments are dropped


def _drop_lines() -> None:
    for edge in _LINED:
        with suppress(RuntimeError):  # (an edge of a scene since cleared)
            edge._lines = None
            edge._pieces = None
    _LINED.clear()


_PIECE = (
    12  # line segments per piece of a flattened curve (EdgeItem.paint draws the pieces in the exposed area)
)
_EXPOSED: tuple[object, QTransform, float, float, float, float] | None = None  # see note_exposed


def note_exposed(device: object, transform: QTransform, rect: QRectF | QRect) -> None:
    """Record the area (scene coordinates) a paint of the scene is about to draw, with the painter's device and
    transform: the scene's ``drawBackground`` calls this first in every paint of a view (and in ``render``). An
    edge painted on that device with that transform draws only the pieces of its curve (and its arrowhead and label) that reach into the area: the
    rest would be clipped away. A repaint after an edit covers a card or two, but every long edge whose bounds
    cross it was stroked whole (~150 edges at 1,000 decisions, most of an edit's painting; issue 12)."""
    global _EXPOSED
    r = QRectF(rect)
    _EXPOSED = (device, QTransform(transform), r.left(), r.top(), r.right(), r.bottom())


EdgeGeometry = tuple[
    float, float, float, float, list[tuple[float, float]] | None, float, float, float, float, float, float
]
"""An edge's shape in scene coordinates: (x0, y0) where it starts, (tx, ty) the arrowhead's point, the waypoint
centres of its route (None: one curve from start to the arrowhead), (lx, ly) the label's point (the middle of the
last curve), and its bounds (left, top, width, height: the curve's control points and the arrowhead, widened by
half the widest pen, 3.2, and a pixel of antialiasing). Plain floats, computed for many edges at once by
:func:`edge_geometries` (a large plan's build) or for one by :func:`edge_geometry`: the same arithmetic."""

_ARROW = 10.0  # the arrowhead's length (EdgeItem.ARROW)
_MIN_PULL = 50.0  # the least horizontal reach of a curve's control points


def _route_points(
    x0: float, y0: float, ex: float, ty: float, route: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The ends of the curves of a routed edge, in pairs: from the start to the first waypoint's left side, from
    each waypoint's right side to the next one's left side (a straight run across each waypoint's layer between
    them), from the last one's right side to where the arrowhead begins (``ex``, ``ty``)."""
    half = S.CARD_W / 2
    points = [(x0, y0)]
    for cx, cy in route:
        points.append((cx - half, cy))
        points.append((cx + half, cy))
    points.append((ex, ty))
    return points


def _edge_style(selected: bool, critical: bool, driving: bool) -> EdgeStyle:
    """The pens, brush, z value and label colour of an edge with these flags (made once per palette)."""
    color = S.SELECTION if selected else S.CRITICAL if critical else S.EDGE_DRIVING if driving else S.EDGE
    width = 1.3
    if driving:
        width = 2.6
    if critical:
        width = 3.2
    if selected:
        width = max(width, 3.0)
    pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    if selected:
        pen.setStyle(Qt.PenStyle.DashLine)
    z = 1.5 if selected else (0.5 if driving else 0.0)
    label = QColor(color if (driving or selected) else S.MUTED)  # (its own copy: labels share it)
    line_pen = None
    if pen.style() == _SOLID:
        line_pen = QPen(pen)
        line_pen.setCapStyle(_SQUARE_CAP)  # segments overlap at their joins: no seams between them
    style = _EDGE_STYLES[(selected, critical, driving)] = (
        pen,
        QPen(color, 1.0),
        QBrush(color),
        z,
        label,
        line_pen,
    )
    return style


def edge_geometry(
    x0: float, y0: float, tx: float, ty: float, route: list[tuple[float, float]] | None = None
) -> EdgeGeometry:
    """The :data:`EdgeGeometry` of an edge from (x0, y0) to the arrowhead's point (tx, ty), through the waypoint
    centres ``route`` (curves between layers with horizontal tangents, straight runs where it crosses a layer)."""
    a = _ARROW
    ex = tx - a  # where the curve meets the arrowhead
    if route:
        points = _route_points(x0, y0, ex, ty, route)
        xs = [x0]
        ys = [y0]
        ax = ay = bx = by = 0.0
        for k in range(0, len(points) - 1, 2):
            (ax, ay), (bx, by) = points[k], points[k + 1]
            dx = max(abs(bx - ax) / 2, _MIN_PULL)
            xs += (ax, ax + dx, bx - dx, bx)
            ys += (ay, by)
        x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
        lx, ly = (ax + bx) / 2, (ay + by) / 2
    else:
        route = None
        dx = max(abs(ex - x0) / 2, _MIN_PULL)
        c1, c2 = x0 + dx, ex - dx
        x_lo, x_hi = min(x0, c1, c2, ex), max(x0, c1, c2, ex)
        y_lo, y_hi = min(y0, ty), max(y0, ty)
        lx, ly = (x0 + ex) / 2, (y0 + ty) / 2
    h = a * 0.5
    x_lo, x_hi = min(x_lo, ex), max(x_hi, tx)
    y_lo, y_hi = min(y_lo, ty - h), max(y_hi, ty + h)
    return (x0, y0, tx, ty, route, lx, ly, x_lo - 3, y_lo - 3, x_hi - x_lo + 6, y_hi - y_lo + 6)


def edge_geometries(
    x0: ArrayLike,
    y0: ArrayLike,
    tx: ArrayLike,
    ty: ArrayLike,
    routes: list[list[tuple[float, float]]] | None = None,
) -> list[EdgeGeometry]:
    """:func:`edge_geometry` of many edges at once (lists or arrays of their ends, and each one's route if
    ``routes`` is given: then every edge has one), in numpy: the same arithmetic, element by element (each
    curve of a routed edge a row), so the same floats."""
    import numpy as np  # (a large build only: the layout has loaded it)

    ax, ay, atx, aty = (np.asarray(v, dtype=np.float64) for v in (x0, y0, tx, ty))
    a = _ARROW
    ex = atx - a
    if routes is None:
        # One curve each, from the start to where the arrowhead begins.
        dx = np.maximum(np.abs(ex - ax) / 2, _MIN_PULL)
        c1, c2 = ax + dx, ex - dx
        x_lo = np.minimum(np.minimum(np.minimum(ax, c1), c2), ex)
        x_hi = np.maximum(np.maximum(np.maximum(ax, c1), c2), ex)
        y_lo, y_hi = np.minimum(ay, aty), np.maximum(ay, aty)
        lx, ly = (ax + ex) / 2, (ay + aty) / 2
    else:
        # Curve j of edge e runs from a (its start, or waypoint j's right side) to b (waypoint j+1's left side,
        # or where the arrowhead begins): the curves of every edge one after the other, edge e's from first[e].
        half = S.CARD_W / 2
        counts = np.fromiter(map(len, routes), dtype=np.int64, count=len(routes))
        wx = np.fromiter((c[0] for r in routes for c in r), dtype=np.float64, count=int(counts.sum()))
        wy = np.fromiter((c[1] for r in routes for c in r), dtype=np.float64, count=len(wx))
        curves = counts + 1
        first = np.zeros(len(routes), dtype=np.int64)
        np.cumsum(curves[:-1], out=first[1:])
        last = first + counts
        inner = np.ones(int(curves.sum()), dtype=bool)  # curves that start at a waypoint
        inner[first] = False
        ends_at_wp = np.ones(len(inner), dtype=bool)  # curves that end at a waypoint
        ends_at_wp[last] = False
        sx = np.empty(len(inner))
        sy = np.empty(len(inner))
        bx = np.empty(len(inner))
        by = np.empty(len(inner))
        sx[first], sy[first] = ax, ay
        sx[inner], sy[inner] = wx + half, wy
        bx[ends_at_wp], by[ends_at_wp] = wx - half, wy
        bx[last], by[last] = ex, aty
        dx = np.maximum(np.abs(bx - sx) / 2, _MIN_PULL)
        c1, c2 = sx + dx, bx - dx
        cx_lo = np.minimum(np.minimum(np.minimum(sx, c1), c2), bx)
        cx_hi = np.maximum(np.maximum(np.maximum(sx, c1), c2), bx)
        x_lo = np.minimum.reduceat(cx_lo, first)
        x_hi = np.maximum.reduceat(cx_hi, first)
        y_lo = np.minimum.reduceat(np.minimum(sy, by), first)
        y_hi = np.maximum.reduceat(np.maximum(sy, by), first)
        lx, ly = (sx[last] + bx[last]) / 2, (sy[last] + by[last]) / 2
    h = a * 0.5
    x_lo, x_hi = np.minimum(x_lo, ex), np.maximum(x_hi, atx)
    y_lo, y_hi = np.minimum(y_lo, aty - h), np.maximum(y_hi, aty + h)
    cols = (ax, ay, atx, aty, lx, ly, x_lo - 3, y_lo - 3, x_hi - x_lo + 6, y_hi - y_lo + 6)
    shaped = zip(*(c.tolist() for c in cols), strict=True)
    if routes is None:
        return [(g[0], g[1], g[2], g[3], None, g[4], g[5], g[6], g[7], g[8], g[9]) for g in shaped]
    return [
        (g[0], g[1], g[2], g[3], r, g[4], g[5], g[6], g[7], g[8], g[9])
        for g, r in zip(shaped, routes, strict=True)
    ]


LABEL_SLOTS = (0.5, 0.3, 0.7, 0.18, 0.82)
"""Where along its last curve an edge's label may sit (0 its start, 1 the arrowhead), in the order tried: the middle,
else the first place whose plate covers no other label (:meth:`GraphScene.spread_labels`)."""


def label_point(geom: EdgeGeometry, t: float = 0.5) -> tuple[float, float]:
    """The point ``t`` along the last curve of an edge shaped ``geom`` (the curve :func:`edge_path` draws; 0.5 is
    the geometry's own label point)."""
    if t == 0.5:
        return geom[5], geom[6]
    x0, y0, tx, ty, route = geom[:5]
    bx, by = tx - _ARROW, ty
    ax, ay = (route[-1][0] + S.CARD_W / 2, route[-1][1]) if route else (x0, y0)
    dx = max(abs(bx - ax) / 2, _MIN_PULL)
    u = 1.0 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return a * ax + b * (ax + dx) + c * (bx - dx) + d * bx, (a + b) * ay + (c + d) * by


def edge_path(geom: EdgeGeometry | None) -> QPainterPath:
    """The curve of an edge shaped ``geom`` (an empty path for none)."""
    path = QPainterPath()
    if geom is None:
        return path
    x0, y0, tx, ty, route = geom[:5]
    path.moveTo(x0, y0)
    ex = tx - _ARROW
    if route is None:
        dx = max(abs(ex - x0) / 2, _MIN_PULL)
        path.cubicTo(x0 + dx, y0, ex - dx, ty, ex, ty)
        return path
    points = _route_points(x0, y0, ex, ty, route)
    for k in range(0, len(points) - 1, 2):
        (ax, ay), (bx, by) = points[k], points[k + 1]
        dx = max(abs(bx - ax) / 2, _MIN_PULL)
        if k:
            path.lineTo(ax, ay)
        path.cubicTo(ax + dx, ay, bx - dx, by, bx, by)
    return path


class EdgeItem(QGraphicsPathItem):
    """A dependency: a curve from the predecessor's right edge to the successor's left edge, with an arrowhead.

    Not a Qt-selectable item (the scene keeps edge selection itself), so it has no selection frame.
    ``dep_index`` is the dependency's index in ``plan.dependencies``.

    One item per edge: the arrowhead is painted with the curve (a child item per arrowhead doubled the items a
    large plan creates and indexes), and the bounding rect (curve and arrowhead) is kept by :meth:`place`
    (Qt's own strokes the whole path to find it, once per edge when the scene indexes it).

    The curve itself is made when first needed (painted, hit-tested, :meth:`path`), from the plain floats of its
    :data:`EdgeGeometry`: a 10,000-decision plan's ~30,000 edges are placed at once (:func:`edge_geometries`), and
    most are never painted. Qt's own copy of the path is never set: :meth:`shape` is what Qt's own would be (the
    curve stroked with the pen), made when Qt first asks for it (a lookup of the items at a point or in a rect)
    and kept until the edge is re-routed or restyled.
    """

    ARROW = _ARROW

    # Defaults on the class: setting an attribute of a Qt item costs ~0.2 us in PySide6, and a 10,000-decision
    # plan creates ~30,000 edges at once. Every one of these is assigned (never mutated in place) when it changes.
    route: list[tuple[float, float]] | None = (
        None  # waypoint centres from the layered layout (scene coordinates)
    )
    in_dy = 0.0  # where on the target's left edge the arrow lands (spread when several arrive)
    info: tuple[str, float, bool, bool] | None = None  # (kind, lag, driving, critical) last shown
    selected = False
    label: EdgeLabel | None = None
    label_t = 0.5  # where along the last curve the label sits (LABEL_SLOTS)
    arrow: QPolygonF | None = None  # the arrowhead (scene coordinates), made when first painted
    detailed = True  # arrowhead and label shown (off when zoomed out too far to see them)
    _hit: QPainterPath | None = None
    _geom: EdgeGeometry | None = None  # see place()
    _made_path: QPainterPath | None = None  # the curve, made when first needed (see _path)
    _shape: QPainterPath | None = None  # Qt's shape of the item, made when first asked for (see shape)
    _style: EdgeStyle | None = None  # the pens and brush it is drawn with (see _apply_style)
    _lines: list[QLineF] | None = None  # the curve flattened to line segments (see :meth:`lines`)
    _pieces: list[tuple[float, float, float, float, list[QLineF]]] | None = (
        None  # the segments in runs of _PIECE with their bounds (left, top, right, bottom), made with them
    )
    _bounds = QRectF()
    _z = 0.0  # the item's z value (kept here: setZValue costs ~0.8 us, and most edges keep the default)

    def __init__(self, source: CardItem, target: CardItem, dep_index: int) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.dep_index = dep_index
        self.setAcceptedMouseButtons(_NO_BUTTON)
        source.edges.append(self)
        target.edges.append(self)

    def detach(self) -> None:
        for card in (self.source, self.target):
            if self in card.edges:
                card.edges.remove(self)

    # What it shows, read from ``info`` (one attribute set per change, not four).
    @property
    def kind(self) -> str:
        return "FS" if self.info is None else self.info[0]

    @property
    def lag(self) -> float:
        return 0.0 if self.info is None else self.info[1]

    @property
    def driving(self) -> bool:
        return False if self.info is None else self.info[2]

    @property
    def critical(self) -> bool:
        return False if self.info is None else self.info[3]

    # The style's parts (kept for painting without a copy).
    @property
    def _pen(self) -> QPen | None:
        """The curve's pen (also the item's own)."""
        return None if self._style is None else self._style[0]

    @property
    def _arrow_pen(self) -> QPen | None:
        return None if self._style is None else self._style[1]

    @property
    def _arrow_brush(self) -> QBrush:
        return _NO_STYLE_BRUSH if self._style is None else self._style[2]

    @property
    def _line_pen(self) -> QPen | None:
        """The curve's pen with square caps, for its line segments; None when dashed."""
        return None if self._style is None else self._style[5]

    def show_first(self, info: tuple[str, float, bool, bool], geom: EdgeGeometry) -> None:
        """What :meth:`set_info` with ``info`` and then :meth:`place` with ``geom`` give a new edge (not yet in a
        scene, never shown), in one call: a large plan's build makes ~30,000 edges."""
        self.info = info
        text = edge_label(info[0], info[1])
        style = _EDGE_STYLES.get((False, info[3], info[2])) or _edge_style(False, info[3], info[2])
        label = None
        if text:
            label = self.label = EdgeLabel(text, style[4])
        self._style = style
        z = style[3]
        if z != self._z:
            self._z = z
            self.setZValue(z)
        self._geom = geom
        self._bounds = _edge_bounds(geom, label)

    def set_info(self, kind: str, lag: float, driving: bool, critical: bool) -> None:
        old = self.info
        self.info = (kind, lag, driving, critical)
        text = edge_label(kind, lag)
        style_changed = self._style is None or old is None or old[2] != driving or old[3] != critical
        label = self.label
        if text != (label.text if label is not None else ""):  # the plate appears, goes or changes width
            if not text:
                self.label = None
            elif label is None:
                self.label = EdgeLabel(text)
                style_changed = True
            else:
                label.set_text(text)
            if self._geom is not None:
                self.prepareGeometryChange()
                self._bounds = _edge_bounds(self._geom, self.label)
                self.update()
        if style_changed:
            self._apply_style()

    def toolTip(self) -> str:  # Qt name; composed on demand (see the module docstring)
        kind, lag = self.kind, self.lag
        what = {
            "FS": "finish to start",
            "SS": "start to start",
            "FF": "finish to finish",
            "SF": "start to finish",
        }.get(kind, kind)
        lag_text = ""
        if lag:
            w = units.plural_weeks(abs(lag))
            lag_text = f", lag {w}" if lag > 0 else f", lead {w}"
        role = (
            " · on the critical path"
            if self.critical
            else (" · driving: sets the successor's start" if self.driving else "")
        )
        return f"{self.source.decision_id} → {self.target.decision_id}: {what}{lag_text}{role}"

    def set_detailed(self, on: bool) -> None:
        self.detailed = on  # (the view repaints everything when the zoom changes)

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self._apply_style()

    def color(self) -> QColor:
        if self.selected:
            return S.SELECTION
        if self.critical:
            return S.CRITICAL
        return S.EDGE_DRIVING if self.driving else S.EDGE

    def _apply_style(self) -> None:
        info = self.info
        key = (self.selected, False, False) if info is None else (self.selected, info[3], info[2])
        style = _EDGE_STYLES.get(key) or _edge_style(*key)
        old = self._style
        pen, _arrow_pen, _arrow_brush, z, label, _line_pen = style
        if style is not old:
            if self._shape is not None and (old is None or pen is not old[0]):
                self._shape = None  # (stroked with the old pen)
            self._style = style
            if z != self._z:
                self._z = z
                self.setZValue(z)
            if old is not None:
                self.update()  # drawn with the old pen (a link turning critical may keep its z and label colour)
        if self.label is not None and self.label.color != label:
            self.label.color = label  # (the style's own colour: never changed in place)
            self.update()

    # -- geometry ---------------------------------------------------------------------------------------------
    def ends(self) -> tuple[float, float, float, float, list[tuple[float, float]] | None]:
        """Where the edge starts (the source's right edge) and where its arrowhead points (the target's left edge,
        at ``in_dy`` from its middle), and its route's waypoint centres while both cards sit where the layered
        layout put them (else None: drawn straight)."""
        sp = self.source.pos()
        tp = self.target.pos()
        route = self.route
        points = (
            route if route and self.source.at_layout_position() and self.target.at_layout_position() else None
        )
        return (
            sp.x() + S.CARD_W,
            sp.y() + S.CARD_H / 2,
            tp.x() - 1,
            tp.y() + S.CARD_H / 2 + self.in_dy,
            points,
        )

    def update_path(self) -> None:
        """Re-route from the cards' current positions (through the layout's waypoints while both cards sit where
        the layered layout put them). Plain floats: this runs for every edge of a moved card on every mouse move.
        """
        self.place(edge_geometry(*self.ends()))

    def place(self, geom: EdgeGeometry) -> None:
        """Take ``geom`` (:func:`edge_geometry`) as the edge's shape: its bounds now, its path when first needed
        (painted, hit-tested, asked for): most edges of a large plan are never painted (issue 12)."""
        # The scene (if any) is told the old bounds are going, as Qt's setPath would.
        self.prepareGeometryChange()
        if self._geom is not None:  # re-routed: what was made from the old shape goes
            self._made_path = None
            self._shape = None
            self._lines = None
            self._pieces = None
            self._hit = None
            self.arrow = None
            self.update()
        self._geom = geom
        self.label_t = 0.5  # (the scene moves it again if the middle covers another label: spread_labels)
        self._bounds = _edge_bounds(geom, self.label)

    def set_label_t(self, t: float) -> None:
        """Put the label ``t`` along the last curve (one of :data:`LABEL_SLOTS`)."""
        if t == self.label_t or self._geom is None:
            return
        self.prepareGeometryChange()
        self.label_t = t
        self._bounds = _edge_bounds(self._geom, self.label, self._label_at)
        self.update()

    @property
    def _curve_bounds(self) -> QRectF:
        """The curve's control points and the arrowhead, widened by half the widest pen and a pixel."""
        g = self._geom
        return QRectF() if g is None else QRectF(g[7], g[8], g[9], g[10])

    @property
    def _label_at(self) -> tuple[float, float] | None:
        """Where the label sits: the midpoint of the last curve, or where :meth:`set_label_t` moved it (scene
        coordinates)."""
        g = self._geom
        return None if g is None else label_point(g, self.label_t)

    @property
    def _tip(self) -> tuple[float, float]:
        """The arrowhead's point."""
        g = self._geom
        return (0.0, 0.0) if g is None else (g[2], g[3])

    @property
    def _path(self) -> QPainterPath:
        """The curve (made from the geometry when first needed, then kept until the edge is re-routed)."""
        path = self._made_path
        if path is None:
            path = self._made_path = edge_path(self._geom)
        return path

    def path(self) -> QPainterPath:  # Qt name: the curve (Qt's own copy is not kept: see place)
        return self._path

    def pen(self) -> QPen:  # Qt name: the curve's pen (a copy; Qt's own is not kept: every use of it is ours)
        style = self._style
        return QPen() if style is None else QPen(style[0])

    def shape(self) -> QPainterPath:  # Qt name
        """What Qt's own shape of a path item is (``qt_graphicsItem_shapeFromPath``): the curve stroked with the
        item's pen, and the curve itself; kept (Qt's strokes the path at every lookup)."""
        shape = self._shape
        if shape is None:
            path = self._path
            pen = self._pen
            if path.isEmpty() or pen is None or pen.style() == Qt.PenStyle.NoPen:
                shape = QPainterPath(path)
            else:
                stroker = QPainterPathStroker()
                stroker.setCapStyle(pen.capStyle())
                stroker.setWidth(pen.widthF() if pen.widthF() > 0 else 1e-8)
                stroker.setJoinStyle(pen.joinStyle())
                stroker.setMiterLimit(pen.miterLimit())
                shape = stroker.createStroke(path)
                shape.addPath(path)
            self._shape = shape
        return shape

    def label_contains(self, pos: QPointF) -> bool:
        """Whether ``pos`` (scene coordinates) is on the label's plate (a click there selects the edge)."""
        if self.label is None or self._label_at is None or not self.detailed:
            return False
        x, y = self._label_at
        return self.label.plate.translated(x, y).contains(pos)

    def boundingRect(self) -> QRectF:  # Qt name
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        style = self._style
        t = painter.worldTransform()
        scale = t.m11()
        # Only what reaches into the area being painted (note_exposed), when this paint is the one noted: after an
        # edit Qt repaints a card or two, and asks every long edge whose bounds cross them (~150 at 1,000
        # decisions). The pieces of the curve whose bounds, widened by the pen's reach (square caps: half its
        # width times sqrt 2), half a unit (the curve's distance from its flattening) and two pixels of
        # antialiasing, meet the area; the arrowhead and label if they meet it. An edge with none of them there
        # returns at once; the rest of an edge in the area would be clipped away (the same pixels).
        area = None
        shown: list[list[QLineF]] = []
        arrow_in = True
        pieces = self._pieces
        exposed = _EXPOSED
        if (
            exposed is not None
            and pieces is not None
            and style is not None
            and scale > 0
            and exposed[1] == t
            and exposed[0] is painter.device()
            and not t.isRotating()
            and t.m22() > 0
        ):
            pad = style[0].widthF() + 0.5 + 2.0 / min(scale, t.m22())
            left, top, right, bottom = exposed[2] - pad, exposed[3] - pad, exposed[4] + pad, exposed[5] + pad
            g = self._geom
            if g is not None and not (
                left <= g[7] and top <= g[8] and g[7] + g[9] <= right and g[8] + g[10] <= bottom
            ):  # (else the whole edge is in the area)
                area = (left, top, right, bottom)
                shown = [
                    p[4] for p in pieces if p[0] <= right and p[2] >= left and p[1] <= bottom and p[3] >= top
                ]
                tx, ty = g[2], g[3]
                arrow_in = (
                    tx - _ARROW - pad <= right
                    and tx + pad >= left
                    and ty - _ARROW <= bottom
                    and ty + _ARROW >= top
                )
                if not shown and not arrow_in and not self._label_in(area):
                    return
        pen, line_pen = (None, None) if style is None else (style[0], style[5])
        painter.setBrush(_NO_BRUSH)
        if (
            line_pen is not None
            and pen is not None
            and pen.widthF() * scale > 1.0
            and scale <= _LINES_MAX_SCALE
            and scale == t.m22()
            and not t.isRotating()
            and painter.paintEngine().type() == _RASTER
        ):
            # On screen a pen wider than a pixel strokes the curve's outline and fills it antialiased (~0.1 ms
            # an edge; ~400 edges cross the view at 100 %), while straight segments are filled as quads: the
            # curve flattened (as Qt flattens it: within half a scene unit) and drawn as segments looks the same
            # at 3x fewer CPU. Thin pens (zoomed out), zooms past 200 % (where facets would show; few edges are
            # in sight there), dashes and vector output (SVG, PDF, print) stroke the curve itself.
            painter.setPen(line_pen)
            lines = self.lines()
            if area is not None and pieces is not None and len(shown) < len(pieces):
                # the pieces in the area, stroked in one call as the whole curve is: the same pixels there
                lines = shown[0] if len(shown) == 1 else [seg for run in shown for seg in run]
            if lines:
                painter.drawLines(lines)
        else:
            painter.setPen(pen if pen is not None else self.pen())
            painter.drawPath(self._path)
        if self.detailed and style is not None:
            if arrow_in:
                arrow = self.arrow
                if arrow is None:
                    tx, ty = self._tip
                    a, h = self.ARROW, self.ARROW * 0.5
                    arrow = self.arrow = QPolygonF(
                        [QPointF(tx, ty), QPointF(tx - a, ty - h), QPointF(tx - a, ty + h)]
                    )
                painter.setPen(style[1])
                painter.setBrush(style[2])
                painter.drawPolygon(arrow)
            label = self.label
            at = self._label_at
            if (
                label is not None
                and at is not None
                and (area is None or self._label_in(area))
                and option.levelOfDetailFromTransform(t) >= _LOD_TEXT
            ):
                label.paint(painter, at)

    def _label_in(self, area: tuple[float, float, float, float]) -> bool:
        """Whether the label's plate meets ``area`` (left, top, right, bottom; scene coordinates)."""
        label = self.label
        if label is None or not self.detailed:
            return False
        at = self._label_at
        if at is None:
            return False
        bl, bt, br, bb = label.box
        x, y = at
        return x + bl <= area[2] and x + br >= area[0] and y + bt <= area[3] and y + bb >= area[1]

    def lines(self) -> list[QLineF]:
        """The curve as line segments: Qt's own flattening of it (scene coordinates), its two ends pulled in by
        half the pen's width (the segments are drawn with square caps), kept until it is re-routed
        (the most recently painted :data:`_LINED_MAX` edges keep theirs)."""
        lines = self._lines
        if lines is None:
            lines = []
            half = self._pen.widthF() / 2 if self._pen is not None else 0.0
            for poly in self._path.toSubpathPolygons():
                points = poly.toList()
                segments = list(map(QLineF, points, points[1:]))
                # The square caps reach half the pen's width past each segment; the curve's own ends keep the
                # flat cap's place (the first and last segment pulled in by as much).
                if segments and half:
                    first, last = segments[0], segments[-1]
                    if first.length() > half:
                        first.setP1(first.pointAt(half / first.length()))
                    if last.length() > half:
                        last.setP2(last.pointAt(1 - half / last.length()))
                lines += segments
            if len(_LINED) >= _LINED_MAX:
                _drop_lines()
            self._lines = lines
            self._pieces = _pieces(lines)
            _LINED.append(self)
        return lines

    def hit_shape(self) -> QPainterPath:
        """The curve widened to 10 px: where a click selects this edge.

        Deliberately not an override of ``shape()``: ``QGraphicsPathItem.boundingRect`` calls ``shape()`` after
        every path or pen change, and a Python override costs a call into Python (and a stroke) per edge there.
        """
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._hit = stroker.createStroke(self.path())
        return self._hit


def _pieces(lines: list[QLineF]) -> list[tuple[float, float, float, float, list[QLineF]]]:
    """``lines`` in runs of :data:`_PIECE` segments, each with the bounds of its ends (left, top, right, bottom)."""
    pieces = []
    for k in range(0, len(lines), _PIECE):
        run = lines[k : k + _PIECE]
        xs = [ln.x1() for ln in run]
        ys = [ln.y1() for ln in run]
        xs.append(run[-1].x2())
        ys.append(run[-1].y2())
        pieces.append((min(xs), min(ys), max(xs), max(ys), run))
    return pieces


class StageBandItem(QGraphicsRectItem):
    """A stage column: a tinted background band with the stage's name and decision count on top."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(S.BAND_FILLS[index % 2])
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.title = QGraphicsSimpleTextItem(self)
        self.title.setFont(S.band_font())
        self.title.setBrush(S.BAND_TEXT)
        self.subtitle = QGraphicsSimpleTextItem(self)
        self.subtitle.setFont(S.band_note_font())
        self.subtitle.setBrush(S.MUTED)
        self._key: tuple[object, ...] | None = None
        self.count_text = ""
        self.note = ""  # e.g. "12 from Integrate under strict gates": the columns are the sequenced stages

    def set_band(self, rect: QRectF, name: str, count: int, note: str = "") -> None:
        key = (rect.x(), rect.y(), rect.width(), rect.height(), name, count, note)
        if key == self._key:
            return
        self._key = key
        self.note = note
        self.setRect(rect)
        # A long stage name ran into the next column's header: each line is elided to the band's width, and the
        # whole of it is the band's tooltip.
        room = max(20.0, rect.width() - 28)
        self.title.setText(
            QFontMetricsF(self.title.font()).elidedText(name, Qt.TextElideMode.ElideRight, room)
        )
        self.title.setPos(rect.x() + 14, rect.y() + 8)
        self.count_text = units.count(count, "decision")
        sub = self.count_text + (f" · {note}" if note else "")
        self.setToolTip(f"{name}\n{sub}")
        self.subtitle.setText(
            QFontMetricsF(self.subtitle.font()).elidedText(sub, Qt.TextElideMode.ElideRight, room)
        )
        self.subtitle.setPos(rect.x() + 14, rect.y() + 8 + self.title.boundingRect().height())


class LinkPreviewItem(QGraphicsPathItem):
    """The dashed arrow that follows the mouse while a dependency is dragged out of a card's handle."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(20)
        self.setPen(QPen(S.SELECTION, 2.0, Qt.PenStyle.DashLine))
        self.arrow = QGraphicsPolygonItem(self)
        self.arrow.setBrush(S.SELECTION)
        self.arrow.setPen(QPen(S.SELECTION, 1.0))

    def set_ends(self, start: QPointF, end: QPointF, color: QColor | None = None) -> None:
        color = color or S.SELECTION
        pen = self.pen()
        if pen.color() != color:
            pen.setColor(color)
            self.setPen(pen)
            self.arrow.setBrush(color)
            self.arrow.setPen(QPen(color, 1.0))
        dx = max(abs(end.x() - start.x()) / 2, 40.0)
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        self.setPath(path)
        a = 10.0
        self.arrow.setPolygon(
            QPolygonF([end, QPointF(end.x() - a, end.y() - a / 2), QPointF(end.x() - a, end.y() + a / 2)])
        )
