"""A widget showing one matplotlib Figure drawn by a chart function, created when it is first shown.

matplotlib (and its Qt backend, ~0.9 s) is imported only then, so the app starts without it. Redraws are
deferred while the widget is hidden and debounced on resize: the widget only calls
``figure.clear(); draw(figure); canvas.draw_idle()`` (ERT style); the drawing lives in :mod:`planner.charts`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.ui.views import type_scale

log = logging.getLogger(__name__)

RESIZE_DEBOUNCE_MS = 120


def settle_layouts(widget: QWidget) -> None:
    """Lay out ``widget``'s ancestors now, from the window down, so that a view drawn while it is being shown
    draws at the size it will be shown at (the layouts would otherwise settle after it, on posted events)."""
    QCoreApplication.sendPostedEvents(
        None, QEvent.Type.LayoutRequest
    )  # splitters and stacks lay out on these
    chain: list[QWidget] = []
    w: QWidget | None = widget
    while w is not None:
        chain.append(w)
        w = None if w.isWindow() else w.parentWidget()
    for ancestor in reversed(chain):
        layout = ancestor.layout()
        if layout is not None and ancestor.isVisible():
            layout.activate()


class FigureView(QWidget):
    """Shows ``draw(figure)``; call :meth:`redraw` when what it shows has changed."""

    def __init__(
        self,
        draw: Callable[[Any], None],
        name: str,
        parent: QWidget | None = None,
        readable_size: Callable[[float], tuple[int, int] | None] | None = None,
        ready: Callable[[], bool] | None = None,
    ) -> None:
        """``readable_size(dpi)``: the pixels below which the chart's text would overlap (None: no limit); a
        smaller view then shows the chart at that size, scrolled, instead of drawing its labels over each
        other (a short window: 1280x720, or 1920x1080 at scale factor 2).

        ``ready()``: False while what the chart draws from is being recomputed (an edit not yet analysed); a
        redraw then keeps the picture and waits for the next :meth:`redraw` (None: always ready)."""
        super().__init__(parent)
        self._readable = readable_size
        self._ready = ready
        self.scroll_area: Any = None
        self.setObjectName(name)
        self.setAccessibleName(name)
        self._draw = draw
        self.figure: Any = None
        self.canvas: Any = None
        self._dirty = True
        self._drawn_at: tuple[int, int] | None = None  # the view's size when it last drew
        self._desk = type_scale.desk_dpi()  # the desk's dpi when it last drew
        self.draw_count = 0  # for tests
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("Loading chart…", self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 120)  # two stacked in a tab still fit 800x600, and 1920x1080 at scale 2
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DEBOUNCE_MS)
        self._resize_timer.timeout.connect(self._settled)

    def _build(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(8, 5), dpi=type_scale.FIGURE_DPI)
        self.canvas = FigureCanvasQTAgg(self.figure)
        type_scale.follow_desk(self.canvas)  # text as large as the application font's
        self.canvas.setParent(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(10, 10)  # let the layout shrink it; the figure follows the widget
        self._layout.removeWidget(self._placeholder)
        self._placeholder.deleteLater()
        if self._readable is None:
            self._layout.addWidget(self.canvas)
            return
        from PySide6.QtWidgets import QFrame, QScrollArea

        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self.scroll_area = scroll
        self._layout.addWidget(scroll)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.canvas is None:
            self._build()
        if self._dirty:
            settle_layouts(self)  # drawn before, the first picture came at the minimum size, then again
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The application font changed (a large-type setting): the chart's text follows it.
        if (
            event.type() == QEvent.Type.FontChange
            and self.canvas is not None
            and self._desk != type_scale.desk_dpi()
        ):
            self.redraw()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.canvas is not None:
            self._resize_timer.start()  # chart layouts depend on the size (label room, rows that fit)

    def _settled(self) -> None:
        """Draw when the picture is out of date or was drawn at another size (a resize that ended where it started,
        or a layout that settled at the size already drawn, costs nothing)."""
        if self._dirty or self._drawn_at != (max(self.width(), 10), max(self.height(), 10)):
            self.redraw()

    def redraw(self) -> None:
        """Draw now when shown; otherwise remember to draw when next shown."""
        if self.canvas is None or not self.isVisible() or (self._ready is not None and not self._ready()):
            self._dirty = True
            return
        self._dirty = False
        self._resize_timer.stop()
        # Our own size, not the canvas's: after a resize the layout moves the canvas later, and the chart's
        # layout (label room, panel heights) must be computed for the size it will be shown at.
        own = w, h = max(self.width(), 10), max(self.height(), 10)
        self._drawn_at = own
        self._desk = type_scale.desk_dpi()
        type_scale.follow_desk(self.canvas, self._desk_dpi(w, h))
        dpi = self.figure.dpi
        if self._readable is not None:
            w, h = self._readable_fit(w, h, dpi)
        # The figure's dpi is its own (100) times the screen's pixel ratio (matplotlib renders device pixels):
        # inches from logical pixels take the ratio too, or at 150 % or 200 % the chart laid itself out for a
        # figure of two thirds or half the view's size and was drawn in a corner of it.
        ratio = self._pixel_ratio()
        self.figure.set_size_inches(w * ratio / dpi, h * ratio / dpi, forward=False)
        self.figure.clear()
        try:
            self._draw(self.figure)
            from planner.ui.views.chart_theme import apply_palette

            apply_palette(self.figure)  # dark palette: the chart follows
        except Exception as exc:  # a chart bug must not take the app down
            log.exception("drawing %s failed", self.objectName())
            self.figure.clear()
            self.figure.text(
                0.5,
                0.5,
                f"This chart could not be drawn:\n{type(exc).__name__}: {exc}",
                ha="center",
                va="center",
                wrap=True,
                parse_math=False,
            )
        self.draw_count += 1
        self.canvas.draw_idle()
        if (max(self.width(), 10), max(self.height(), 10)) != own:
            self._resize_timer.start()  # resized while drawing: the layout depends on the size, draw again

    def _desk_dpi(self, w: int, h: int) -> float:
        """The desk's dpi (:func:`~planner.ui.views.type_scale.desk_dpi`), but no more than keeps the chart's
        readable size inside a ``w`` x ``h`` view where it fits at the charts' own dpi, and no less than that:
        at a large font in a small window (800x600 at 15 pt) the text grows only as far as the chart still fits,
        rather than make it scroll."""
        desk = self._desk
        need = self._readable(type_scale.FIGURE_DPI) if self._readable is not None else None
        if need is None or desk <= type_scale.FIGURE_DPI:
            return desk
        # Only a side that fits at the charts' own dpi bounds it: one that scrolls anyway (the team-load chart's
        # panels, taller than the tab) may take larger text.
        bar = self.scroll_area.verticalScrollBar().sizeHint().width() if self.scroll_area is not None else 0
        w, h = w - (bar if h < need[1] else 0), h - (bar if w < need[0] else 0)  # a scroll bar takes room
        room = [have / max(want, 1) for have, want in ((w, need[0]), (h, need[1])) if have >= want]
        return max(type_scale.FIGURE_DPI, min([desk, *(type_scale.FIGURE_DPI * r for r in room)]))

    def _pixel_ratio(self) -> float:
        """Device pixels per logical pixel of the canvas (1; 1.5 on a laptop at 150 %; 2 on a HiDPI panel)."""
        return float(getattr(self.canvas, "device_pixel_ratio", 1) or 1)

    def _readable_fit(self, w: int, h: int, dpi: float) -> tuple[int, int]:
        """The size to draw at in a ``w`` x ``h`` view: at least the readable size (the canvas then scrolls)."""
        assert self._readable is not None and self.canvas is not None
        need = self._readable(dpi / self._pixel_ratio()) or (10, 10)
        bar = self.scroll_area.verticalScrollBar().sizeHint().width() if self.scroll_area is not None else 0
        tall, wide = h < need[1], w < need[0]
        # A scroll bar one way takes its room from the other.
        w, h = max(w - (bar if tall else 0), need[0]), max(h - (bar if wide else 0), need[1])
        self.canvas.setMinimumSize(need[0], need[1])
        return w, h
