"""After a plan is opened the keyboard is in the view shown (session 33, screens).

The window's first keyboard focus was the views' tab bar (the first widget in its focus chain): a presenter who opened
a plan and pressed Down flipped nothing and selected nothing, Space did nothing. Decided: the keyboard goes into the
view shown, the decisions table by default (the graph when it is shown), and not while presenting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui.main_window import MainWindow
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, settle

FRAUD = SAMPLES / "fraud-detection.plan.json"


def test_a_plan_opened_puts_the_keyboard_in_the_decisions_table(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, FRAUD, (1280, 720)) as w:
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.table_view.table)
        assert w.views.tabBar().hasFocus() is False
        # the first Down a presenter presses picks the first decision
        qtbot.keyClick(w.table_view.table, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: bool(w.doc.selection))
        assert w.doc.selection[0] in {d.id for d in w.doc.plan.decisions}


def test_a_plan_opened_in_a_shown_window_on_the_graph_puts_the_keyboard_in_the_graph(
    qtbot: Any, isolated_settings: Any
) -> None:
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1280, 720)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        # the blank plan: its table, not the tab bar
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.table_view.table)
        w.show_view("Graph")
        w.views.tabBar().setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.views.tabBar())
        assert w.open_file(FRAUD)
        w.doc.wait_for_analysis()
        settle()
        assert w.views.currentWidget() is w.canvas
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.canvas)
    finally:
        w.discard_and_close()


def test_with_the_keyboard_in_the_table_enter_is_the_tables_only(qtbot: Any, isolated_settings: Any) -> None:
    """Enter in the table opens the selection in the inspector; Enter sent to a field elsewhere (the several
    decisions' Add tags) is the field's: a table shortcut took it once the table had the first focus."""
    with opened_sample(qtbot, FRAUD, (1280, 720)) as w:
        w.activateWindow()
        table = w.table_view.table
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
        ids = [d.id for d in w.doc.plan.decisions[:2]]
        w.doc.select(ids)
        settle()
        multi = w.inspector.multi
        multi.add_tags.setText("workshop")
        qtbot.keyClick(multi.add_tags, Qt.Key.Key_Return)
        assert all("workshop" in w.doc.decision(i).tags for i in ids)
        # and in the table itself Enter still opens the selection in the inspector
        table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not table)
        assert w.inspector_tabs.currentWidget() is w.inspector
