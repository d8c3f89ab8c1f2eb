"""A splitter that puts its panes side by side when the chart has room for a readable width beside them, and one
above the other when it has not.

The analysis tabs (team load, cost, risk) put a chart beside a side panel of figures and tables. On a small screen
(800x600, 1024x768 with the inspector docked) the side panel kept its minimum width and the chart got what was left:
170 pixels for the team-load chart at 800x600, whose plot area was then a sliver between its labels. Stacked, the
chart gets the tab's whole width (time runs along it) and the panel goes below it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

CHART_MIN_WIDTH = 480
"""The narrowest a chart is drawn beside a side panel (pixels); narrower, the panes are stacked."""
CHART_MIN_HEIGHT = 240
"""The least height a chart needs to be stacked above a side panel (pixels)."""


class AdaptiveSplitter(QSplitter):
    """Side by side while the ``main`` pane (the chart, by index) can be at least ``main_width`` pixels wide (more in
    proportion in large type: :meth:`readable_width`) beside the others' minimum widths; else stacked in the order
    added, when the main pane can be ``main_height`` pixels tall above or below them. The main pane gets
    ``main_share`` of the room when the orientation changes."""

    stacked_changed = Signal(bool)
    """The panes went from side by side to stacked (True) or back (False)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        main: int = 0,
        main_width: int = CHART_MIN_WIDTH,
        main_height: int = CHART_MIN_HEIGHT,
        main_share: float = 0.7,
        side_exact: bool = False,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.main = main
        self.main_width = main_width
        self.main_height = main_height
        self.main_share = main_share
        self.side_wants = 0
        """The width the other pane would like beside the main one (its content whole: the cost tab's team names),
        more than its minimum; 0: its minimum. Side by side only with room for it, and then given it."""
        self.side_exact = side_exact
        """Side by side, the other pane exactly :attr:`side_wants` wide, whatever the window was before (the risk
        figures: 30 % of the width after the window had been narrow, 330 px on opening); until the user drags
        the handle."""
        self._dragged = False
        self.splitterMoved.connect(self._on_drag)
        self.setChildrenCollapsible(False)

    def _on_drag(self, _pos: int, _index: int) -> None:
        self._dragged = True

    def side_width(self) -> int:
        """The width the other panes need side by side (their minimum widths and the handles)."""
        total = 0
        for i in range(self.count()):
            if i == self.main:
                continue
            w = self.widget(i)
            if w is not None:
                total += max(w.minimumWidth(), w.minimumSizeHint().width()) + self.handleWidth()
        return max(total, self.side_wants + self.handleWidth()) if self.side_wants else total

    def want_side(self, width: int) -> None:
        """Ask for ``width`` pixels for the other pane beside the main one (:attr:`side_wants`), now."""
        if width == self.side_wants:
            return
        self.side_wants = width
        if self.width() > 0:
            self._adapt(self.width(), self.height())

    def want_main_height(self, height: int) -> None:
        """Stacked, give the main pane ``height`` pixels (at least :data:`CHART_MIN_HEIGHT`) where the others keep
        their minimum heights: the team-load chart's row per team (12 teams: 281 px, where 70 % of a laptop's
        tab gave it 267 and it scrolled)."""
        height = max(CHART_MIN_HEIGHT, height)
        if height == self.main_height:
            return
        self.main_height = height
        self.updateGeometry()
        if self.orientation() == Qt.Orientation.Vertical and self.height() > 0:
            self._share(self.height())

    def side_height(self) -> int:
        """The height the other panes need stacked under the main one (their minimum heights and the handles)."""
        total = 0
        for i in range(self.count()):
            w = self.widget(i)
            if i != self.main and w is not None:
                total += max(w.minimumHeight(), w.minimumSizeHint().height()) + self.handleWidth()
        return total

    def _least(self, i: int) -> QSize:
        w = self.widget(i)
        if w is None:
            return QSize(0, 0)
        hint = w.minimumSizeHint()
        return QSize(max(w.minimumWidth(), hint.width()), max(w.minimumHeight(), hint.height()))

    def minimumSizeHint(self) -> QSize:
        """QSplitter's, but as narrow as the panes stacked (the widest pane's minimum width) while side by side:
        QSplitter reported the panes' widths side by side, so the window could not be narrower than chart and
        panel beside each other (the cost tab 528 px at 15 pt, a main window of 811 px on an 800x600 screen)
        although narrower the splitter stacks them. Stacked, at least as tall as the main pane's readable height
        above the others' minimum heights: the page it is on (:func:`scroll_page`) scrolls rather than squeeze
        the chart."""
        hint = super().minimumSizeHint()
        if self.count() < 2:
            return hint
        frame = 2 * self.frameWidth()
        if self.orientation() == Qt.Orientation.Vertical:
            return QSize(hint.width(), max(hint.height(), self.main_height + self.side_height() + frame))
        return QSize(max(self._least(i).width() for i in range(self.count())) + frame, hint.height())

    def readable_width(self) -> int:
        """:attr:`main_width` at the desktop's type size: the chart's labels and figures grow with the font
        (``type_scale.desk_scale``), so its plot keeps its width only if the chart does. At 13.5 pt the team-load
        chart was kept 555 px beside its tables, its plot 210 px for 72 weeks."""
        from planner.ui.views.type_scale import desk_scale

        return round(self.main_width * desk_scale())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.width() > 0:
            self._adapt(self.width(), self.height())  # (the readable width changed with the type)

    def wanted(self, width: int, height: int) -> Qt.Orientation:
        """The orientation for a splitter of ``width`` x ``height`` pixels: side by side when the main pane has
        its readable width there, else stacked, and the page it is on (:func:`scroll_page`) scrolls to the
        stacked height (:meth:`minimumSizeHint`) when the tab is shorter. Side by side below the readable width
        the chart was a sliver (the risk charts 218 px at 1024x768, the capacity chart 78 px at 800x600 in 15 pt
        type) or the panes were cut at the right (the cost tab's money fields: 240 px of a 330 px form)."""
        if width >= self.readable_width() + self.side_width():
            return Qt.Orientation.Horizontal
        return Qt.Orientation.Vertical

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._adapt(event.size().width(), event.size().height())
        super().resizeEvent(event)
        self._give_side()
        if (
            self.orientation() == Qt.Orientation.Vertical
            and self.count() > self.main
            and self.sizes()[self.main] < self.main_height
        ):
            # Stacked on a page that grew to the stacked height after the split was shared out (a small tab):
            # the chart gets its readable height, not a share of the smaller height it had (205 of 240 px).
            self._share(event.size().height())

    def _adapt(self, width: int, height: int) -> None:
        wanted = self.wanted(width, height)
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.stacked_changed.emit(wanted == Qt.Orientation.Vertical)
            self.updateGeometry()  # the minimum height differs stacked (the page scrolls to it)
            self._share(width if wanted == Qt.Orientation.Horizontal else height)
        self._give_side()

    def _give_side(self) -> None:
        """Side by side: the other pane at least :attr:`side_wants` wide, the main pane keeping its readable width."""
        if not self.side_wants or self.count() != 2 or self.orientation() != Qt.Orientation.Horizontal:
            return
        sizes = self.sizes()
        side = 1 - self.main
        total = sum(sizes)
        give = min(self.side_wants, total - self.readable_width())
        exact = self.side_exact and not self._dragged
        if total > 0 and (sizes[side] < give or (exact and sizes[side] != give)):
            sizes[side], sizes[self.main] = give, total - give
            self.setSizes(sizes)

    def _share(self, length: int) -> None:
        """Give the main pane its share of ``length`` (stacked, at least its readable height when the others'
        minimum heights leave it) and the others the rest, evenly."""
        n = self.count()
        handles = (n - 1) * self.handleWidth()
        length -= handles  # the panes share what the handles leave (setSizes scales to it)
        if n < 2 or length <= 0:
            return
        main = int(length * self.main_share)
        if self.orientation() == Qt.Orientation.Vertical:  # (side_height counts the handles)
            main = max(main, min(self.main_height, length + handles - self.side_height()))
        rest = (length - main) // (n - 1)
        self.setSizes([main if i == self.main else rest for i in range(n)])


class PageBody(QWidget):
    """The contents of a :func:`scroll_page`: as tall as the page, or as its minimum height at the page's width
    when that is more. (A plain widget asked the page for its preferred height when it had word-wrapped text: the
    charts' preferred heights made the cost tab scroll in a 1400x860 window.)"""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)


def scroll_page(body: PageBody, name: str, parent: QWidget) -> QScrollArea:
    """``body`` (a tab's contents) on a page that scrolls when the tab is shorter than the body's minimum height,
    laid out as ``parent``'s only child: a stacked :class:`AdaptiveSplitter` on it keeps its chart readable and
    the page scrolls, rather than the window growing past a small screen or the panes being squeezed."""
    page = QScrollArea(parent)
    page.setObjectName(name)
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(body)
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(page)
    return page


class _RowsHigh(QObject):
    """Keeps a list's height at a number of its rows (see :func:`keep_rows_high`)."""

    def __init__(self, view: QAbstractItemView, rows: int, most: int | None = None) -> None:
        super().__init__(view)
        self.rows = rows
        self.most = rows if most is None else max(rows, most)
        self.apply(view)
        view.installEventFilter(self)
        self._view = view
        model = view.model()
        if model is not None:  # the rows' own height once there are rows (a list is built empty, then filled)
            model.rowsInserted.connect(self._rows_changed)
            model.rowsRemoved.connect(self._rows_changed)
            model.modelReset.connect(self._rows_changed)

    def _rows_changed(self) -> None:
        if shiboken6.isValid(self._view):  # (a model resets as its view is deleted)
            self.apply(self._view)

    def apply(self, view: QAbstractItemView) -> None:
        header = getattr(view, "header", None) or getattr(view, "horizontalHeader", None)
        head = header().sizeHint().height() if header is not None and not header().isHidden() else 0
        # The rows' height as drawn; an estimate only while the list is empty. The estimate stayed after the
        # list was filled: six team rates took 120 px for 84 px of rows, 36 px of empty list at 1280x720.
        row = view.sizeHintForRow(0)
        if row <= 0:
            row = view.fontMetrics().height() + 4
        # As tall as that, not only at most: a list's own size hint (192 px) gave the team rates four rows of
        # six in presentation type on a 2560x1440 panel, with the room below them empty.
        model = view.model()
        count = model.rowCount() if model is not None else 0
        shown = max(self.rows, min(self.most, count))
        view.setFixedHeight(head + shown * row + 2 * view.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QAbstractItemView):
            self.apply(watched)
        return False


def keep_rows_high(view: QAbstractItemView, rows: int, most: int | None = None) -> None:
    """``rows`` rows of ``view`` (a short list beside a form) high, in its font as it is: again whenever its
    font changes. A maximum in pixels (150) held six team rates at the desk's font and two, the third cut, in
    presentation type on a 4K panel. With ``most``, as many rows high as it has, from ``rows`` up to ``most``
    (the portfolio sample's nine teams were six rows and a scroll bar over an empty breakdown table)."""
    _RowsHigh(view, rows, most)
