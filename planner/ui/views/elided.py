"""A one-line label that gives way on a narrow window: its text is elided (…) instead of pushing the window wider
than a small screen, and shown whole again when there is room.

Its size hint only grows (the widest text it has shown), so a figure that changes on every edit does not move its
neighbours or re-lay the window out (the status bar's figures change with each edit of a 1,000-decision plan)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

MIN_CHARS = 6
"""Characters an elided label keeps at least (with its …), in average character widths."""


class ElidedLabel(QLabel):
    """A plain-text, one-line label; ``text()`` is the whole text whatever is shown.

    A ``headline`` label (the status bar's finish) does not give way: its minimum is its whole text, so in a row of
    them the others are elided first (with their whole text in their tooltips) and it stays whole; only a window
    narrower than its text (which the screen fitting never makes) could cut it."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, preferred_width: int = 0, headline: bool = False
    ) -> None:
        """``preferred_width``: the width it asks for at least (a column of them lines up), room allowing."""
        super().__init__(parent)
        self._full = ""
        self._widest = preferred_width
        self.headline = headline
        self._tip = (
            ""  # the label's own tooltip (set by its owner); the whole text is added to it when elided
        )
        self._set_tip = ""  # the tooltip this class last set
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        if text == self._full and self._widest:
            return
        self._full = text
        self._measure()

    def _measure(self) -> None:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        width += 2 * self.margin()
        if width > self._widest:
            self._widest = width
            self.updateGeometry()
        self._show_fitting()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_set_tip"):
            self._measure()  # a bold style sheet (the findings count) widens the text after it was set

    def is_elided(self) -> bool:
        return super().text() != self._full

    def sizeHint(self) -> QSize:
        return QSize(max(self._widest, 1), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        keep = self.sizeHint().width() if self.headline else self.fontMetrics().averageCharWidth() * MIN_CHARS
        return QSize(min(self.sizeHint().width(), keep), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_fitting()

    def _show_fitting(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self._full
        if room > 0 and self.fontMetrics().horizontalAdvance(self._full) > room:
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            QLabel.setText(self, shown)
        if self.toolTip() != self._set_tip:
            self._tip = self.toolTip()  # its owner set a new one
        tip = self._tip if shown == self._full else "\n".join(t for t in (self._full, self._tip) if t)
        self._set_tip = tip
        if tip != self.toolTip():
            self.setToolTip(tip)


class ElidedGroupBox(QGroupBox):
    """A group box whose title gives way as :class:`ElidedLabel`'s text does: a QGroupBox is at least as wide as its
    whole title, so a 200-character stage name made the plan view scroll sideways. Its title is elided to the
    box's width (``title()`` is still the whole text) and shown whole in a tooltip over the title."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTitle(title)

    def title(self) -> str:
        return self._full

    def setTitle(self, title: str) -> None:
        self._full = title
        self._show_fitting()

    def is_elided(self) -> bool:
        return super().title() != self._full

    def minimumSizeHint(self) -> QSize:
        # QGroupBox's own hint is as wide as the title it shows: count at most MIN_CHARS of it, and the contents
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        shown = metrics.horizontalAdvance(super().title())
        keep = min(metrics.horizontalAdvance(self._full), metrics.averageCharWidth() * MIN_CHARS)
        layout = self.layout()
        contents = layout.totalMinimumSize().width() if layout is not None else 0
        return QSize(max(hint.width() - max(0, shown - keep), contents), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_fitting()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_full"):
            self._show_fitting()

    def _title_room(self) -> int:
        # the room the style gives a title: the box less its frame's margins on both sides and the checkbox
        margins = self.contentsMargins()
        indent = 2 * max(margins.left(), margins.right(), self.fontMetrics().averageCharWidth())
        return self.width() - indent

    def _show_fitting(self) -> None:
        shown = self._full
        room = self._title_room()
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(self._full + " ") > room:
            shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 1))
        if shown != super().title():
            QGroupBox.setTitle(self, shown)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_elided() and isinstance(event, QHelpEvent):
            option = QStyleOptionGroupBox()
            self.initStyleOption(option)
            label = self.style().subControlRect(
                QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, self
            )
            if label.contains(event.pos()):
                QToolTip.showText(event.globalPos(), self._full, self, label)
                return True
        return super().event(event)


def keep_popup_on_screen(combo: QComboBox) -> None:
    """``combo``'s open list moved and narrowed (and shortened) into the available geometry of its screen: the lists
    that show their entries whole (a least width of their longest entry) went past it. An entry cut by the narrower
    list ends in "…" and says itself whole in its tooltip."""
    view = combo.view()
    popup = view.window() if view is not None else None
    screen = combo.screen()
    if view is None or popup is None or popup is combo.window() or screen is None:
        return
    area = screen.availableGeometry()
    frame = popup.frameGeometry()
    if area.contains(frame):
        return
    extra_w, extra_h = frame.width() - view.width(), frame.height() - popup.height()
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    room = width - extra_w
    if view.minimumWidth() > room:
        view.setMinimumWidth(max(0, room))
        popup.setMinimumWidth(0)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    model, metrics = combo.model(), view.fontMetrics()
    for row in range(combo.count()):
        text = combo.itemText(row)
        if (
            metrics.horizontalAdvance(text) + 24 > room
            and combo.itemData(row, Qt.ItemDataRole.ToolTipRole) is None
        ):
            model.setData(model.index(row, combo.modelColumn()), text, Qt.ItemDataRole.ToolTipRole)
    x = max(area.left(), min(frame.left(), area.right() + 1 - width))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - height))
    popup.setGeometry(x, y, width - (frame.width() - popup.width()), height - extra_h)


class ElidedComboBox(QComboBox):
    """A combo box whose chosen text, wider than the box, ends in "…" (Qt cut it off mid-letter: "vs Baseline with a
    r"). Its list shows the entries whole. The scenario chooser and the status bar's choosers."""

    def text_room(self) -> int:
        """The width the chosen text is drawn in."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return (
            self.style()
            .subControlRect(
                QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
            )
            .width()
        )

    def shown_text(self) -> str:
        """The chosen text as drawn: whole, or elided to :meth:`text_room`."""
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, self.text_room()
        )

    def event(self, event: QEvent) -> bool:
        """Hovered while its chosen text is cut: the tooltip says it whole (above the box's own tooltip)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.hover_tip()
            if tip != self.toolTip():
                QToolTip.showText(event.globalPos(), tip, self)
                return True
        return super().event(event)

    def hover_tip(self) -> str:
        """The tooltip shown on hover: the box's own, after the chosen text whole when the box cuts it."""
        if self.shown_text() == self.currentText():
            return self.toolTip()
        return "\n".join(t for t in (self.currentText(), self.toolTip()) if t)

    def showPopup(self) -> None:
        """The list as wide as its longest entry, but never past the screen: a stage named in 300 characters made
        the stage filter's list 2,134 px wide on a 1366 px screen, its right part (and its scroll bar) off it.
        An entry wider than the screen then ends in "…" (whole in its tooltip)."""
        super().showPopup()
        keep_popup_on_screen(self)

    def paintEvent(self, _event: object) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


__all__ = ["ElidedComboBox", "ElidedGroupBox", "ElidedLabel"]
