"""Enter and Rename show a decision's title from its first words (session 32, workshop).

Enter in the table (or on the graph) opened the decision with its whole title selected and the cursor at its end: at
1280x720 the field showed 'ud detection is outside EU AI Act high-risk scope', the words the room reads first out of
sight. It is now all selected (typing replaces it) with the cursor at its start, its first words in sight."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES


def _opened(qtbot: Any, name: str) -> Any:
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    assert w.open_file(SAMPLES / name)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return w


def test_enter_in_the_table_shows_the_titles_first_words(qtbot: Any, isolated_settings: Any) -> None:
    w = _opened(qtbot, "fraud-detection.plan.json")
    try:
        table = w.table_view.table
        table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: len(w.doc.selection) == 1)
        first = w.doc.selection[0]
        assert w.views.currentWidget() is w.table_view  # the view did not change
        qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: the decision in the inspector, its title to type in
        edit = w.inspector.form.title_edit
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
        decision = w.doc.decision(first)
        assert decision is not None and edit.text() == decision.title
        assert edit.selectedText() == edit.text()  # typing replaces it
        assert edit.cursorPosition() == 0  # its first words in sight
    finally:
        w.discard_and_close()


def test_rename_shows_the_titles_first_words(qtbot: Any, isolated_settings: Any) -> None:
    w = _opened(qtbot, "fraud-detection.plan.json")
    try:
        long = max(w.doc.plan.decisions, key=lambda d: len(d.title))
        w.doc.select([long.id])
        w.workbench.rename_selected()
        edit = w.inspector.form.title_edit
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
        assert edit.selectedText() == long.title and edit.cursorPosition() == 0
        assert (
            edit.fontMetrics().horizontalAdvance(long.title) > edit.width()
        )  # (the title is longer than the field)
    finally:
        w.discard_and_close()
