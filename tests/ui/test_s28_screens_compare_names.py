"""Compare scenarios: the scenario names in its list are read whole where the dialog has room (session 28, screens).

The list was at most 260 px wide at any font and any dialog width: a 60-character scenario name was cut mid-word
("Scenario with a long name for the clie") in a 1024 px dialog whose figures pane was empty, and at a 150 % font
"Go live before automated retraining" (the fraud sample) was cut too; the rest could only be reached by dragging a
horizontal scroll bar. The list is as wide as its names, up to a share of the dialog; a name longer than that ends
in "…" and says itself whole in its tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

LONG = "Scenario with a long name for the client workshop, sixty ch"


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def _text_room(choices: QListWidget, row: int) -> int:
    """The width the item's text is drawn in: its rectangle less the check box before the text."""
    rect = choices.visualRect(choices.model().index(row, 0))
    return rect.width() - choices.style().pixelMetric(choices.style().PixelMetric.PM_IndicatorWidth) - 8


def _open_compare(w: Any, qtbot: Any, width: int) -> Any:
    w.resize(max(width, 1024), 740)
    assert w.doc.scenarios.create(LONG) is None
    w.scenario_bar.switch(None)
    _settle()
    dialog = w.scenario_bar.show_compare()
    qtbot.waitExposed(dialog)
    _settle()  # fitted to the 800x800 test screen when shown; a wider one is a bigger screen's
    dialog.resize(width, 700)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.width() == width)
    _settle()
    return dialog


def test_a_long_scenario_name_is_whole_in_a_wide_dialog(sample_window: Any, qtbot: Any) -> None:
    dialog = _open_compare(sample_window, qtbot, 1020)
    choices = dialog.choices
    rows = [choices.item(i).data(Qt.ItemDataRole.UserRole) for i in range(choices.count())]
    row = rows.index(LONG)
    fm = choices.fontMetrics()
    assert fm.horizontalAdvance(LONG) <= _text_room(choices, row), (
        choices.width(),
        fm.horizontalAdvance(LONG),
    )
    assert choices.visualRect(choices.model().index(row, 0)).right() <= choices.viewport().width()
    assert not choices.horizontalScrollBar().isVisible()
    # the list is inside the dialog, beside the figures, not over them
    assert choices.geometry().right() < dialog.tabs.mapTo(dialog, dialog.tabs.rect().topLeft()).x()
    assert dialog.tabs.width() >= dialog.width() // 2


def test_in_a_narrow_dialog_the_figures_keep_their_room_and_the_name_is_in_its_tooltip(
    sample_window: Any, qtbot: Any
) -> None:
    dialog = _open_compare(sample_window, qtbot, 700)
    choices = dialog.choices
    assert choices.width() <= 0.4 * dialog.width() + 1
    assert not choices.horizontalScrollBar().isVisible()
    assert choices.textElideMode() != Qt.TextElideMode.ElideNone
    for i in range(choices.count()):
        item = choices.item(i)
        assert item.toolTip() == item.data(Qt.ItemDataRole.UserRole)
