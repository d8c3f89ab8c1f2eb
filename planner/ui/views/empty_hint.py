"""What an empty view says instead of a blank grid: a word-wrapped, centred line in the placeholder colour over the
view's viewport, kept the viewport's size (less a margin) when it resizes, and clicks going through to the view.

A new plan's table and a filter that matches nothing (the Table tab), a plan without decisions on the graph (its
empty stages alone), a comparison not run yet (the scenario compare dialog's Figures, blank at 1024x600 until
Compare was pressed) say what to do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

MARGIN = 24
"""Pixels between the hint and the viewport's edges."""


class EmptyHint(QLabel):
    """A hint over ``view``'s viewport; hidden until :meth:`show_text` is given a text."""

    def __init__(
        self, view: QAbstractScrollArea, name: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
    ) -> None:
        """``align``: where in the viewport the words go (the graph's at the foot, below its empty stages)."""
        super().__init__(view.viewport())
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAlignment(align)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hide()
        view.viewport().installEventFilter(self)
        # Scrolling the view moves the viewport's children with its contents (QWidget.scroll): the graph of a plan
        # without decisions, fitted to its empty stages, carried the hint 400 px right, its words cut at the edge.
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._place)

    def show_text(self, text: str) -> None:
        """Show ``text`` over the view (an empty text hides the hint)."""
        self.setText(text)
        self.setVisible(bool(text))
        self._place()

    def _place(self, *_args: object) -> None:
        viewport = self.parentWidget()
        # (not isVisible(): false until the window is shown, and a hint placed then kept the size it had)
        if not self.isHidden() and viewport is not None:
            self.setGeometry(viewport.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False


__all__ = ["EmptyHint"]
