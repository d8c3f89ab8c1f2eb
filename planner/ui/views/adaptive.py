"""A splitter that puts its panes side by side when the chart has room for a readable width beside them, and one
above the other when it has not.

The analysis tabs (team load, cost, risk) put a chart beside a side panel of figures and tables. On a small screen
(800x600, 1024x768 with the inspector docked) the side panel kept its minimum width and the chart got what was left:
170 pixels for the team-load chart at 800x600, whose plot area was then a sliver between its labels. Stacked, the
chart gets the tab's whole width (time runs along it) and the panel goes below it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

CHART_MIN_WIDTH = 480
"""The narrowest a chart is drawn beside a side panel (pixels); narrower, the panes are stacked."""
CHART_MIN_HEIGHT = 240
"""The least height a chart needs to be stacked above a side panel (pixels)."""


class AdaptiveSplitter(QSplitter):
    """Side by side while the ``main`` pane (the chart, by index) can be at least ``main_width`` pixels wide
    beside the others' minimum widths; else stacked in the order added, when the main pane can be ``main_height``
    pixels tall above or below them. The main pane gets ``main_share`` of the room when the orientation
    changes."""

    def __init__(
        self,
        parent: QWidget | None = None,
        main: int = 0,
        main_width: int = CHART_MIN_WIDTH,
        main_height: int = CHART_MIN_HEIGHT,
        main_share: float = 0.7,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.main = main
        self.main_width = main_width
        self.main_height = main_height
        self.main_share = main_share
        self.setChildrenCollapsible(False)

    def side_width(self) -> int:
        """The width the other panes need side by side (their minimum widths and the handles)."""
        total = 0
        for i in range(self.count()):
            if i == self.main:
                continue
            w = self.widget(i)
            if w is not None:
                total += max(w.minimumWidth(), w.minimumSizeHint().width()) + self.handleWidth()
        return total

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
        although narrower the splitter stacks them."""
        hint = super().minimumSizeHint()
        if self.orientation() != Qt.Orientation.Horizontal or self.count() < 2:
            return hint
        frame = 2 * self.frameWidth()
        return QSize(max(self._least(i).width() for i in range(self.count())) + frame, hint.height())

    def wanted(self, width: int, height: int) -> Qt.Orientation:
        """The orientation for a splitter of ``width`` x ``height`` pixels: side by side when the main pane has
        its readable width there, else stacked when it has its readable height stacked. Too small for both,
        side by side when the panes' minimum widths fit beside each other, else stacked when their minimum
        heights fit one above the other (the side panel scrolls), else side by side (the tab's own scrolling and
        the chart's take over)."""
        if width >= self.main_width + self.side_width():
            return Qt.Orientation.Horizontal
        if height >= self.main_height + self.side_height():
            return Qt.Orientation.Vertical
        if width >= self._least(self.main).width() + self.side_width():
            return Qt.Orientation.Horizontal
        if height >= self._least(self.main).height() + self.side_height():
            return Qt.Orientation.Vertical
        return Qt.Orientation.Horizontal

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = self.wanted(event.size().width(), event.size().height())
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self._share(
                event.size().width() if wanted == Qt.Orientation.Horizontal else event.size().height()
            )
        super().resizeEvent(event)

    def _share(self, length: int) -> None:
        """Give the main pane its share of ``length`` and the others the rest, evenly."""
        n = self.count()
        if n < 2 or length <= 0:
            return
        main = int(length * self.main_share)
        rest = (length - main) // (n - 1)
        self.setSizes([main if i == self.main else rest for i in range(n)])
