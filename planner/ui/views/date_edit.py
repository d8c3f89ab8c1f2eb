"""A date field that takes an ISO date typed with its dashes."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

SEPARATORS = frozenset("-/.")


class DateEdit(QDateEdit):
    """``QDateEdit`` (yyyy-MM-dd, calendar popup) where typing ``2027-03-01`` gives 1 Mar 2027.

    Qt moves on to the next part of the date as soon as one is full (the 4th digit of the year), and then moved
    on again at the dash typed after it: ``2027-03-01`` set the year, skipped the month and gave 2027-12-03. A
    separator typed right after such a move is taken as that move, once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self._moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() and event.text() in SEPARATORS and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = event.text().isdigit() and self.currentSectionIndex() != section
