"""Down or Enter on the views' tab bar go into the view shown (session 32, workshop).

After a plan is opened the window's first keyboard focus is the views' tab bar (the first widget in its focus chain).
There the first Down a presenter pressed did nothing and Enter nothing either: the keyboard was stuck above the
decisions. Down, Enter and Return on the tab bar now put the focus in the view shown (the table, the graph, a
chart); Left and Right still flip the views."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_a_key_on_the_tab_bar_goes_into_the_view(qtbot: Any, isolated_settings: Any, key: Qt.Key) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720)) as w:
        w.activateWindow()
        bar = w.views.tabBar()
        bar.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is bar)
        qtbot.keyClick(bar, key)
        assert QApplication.focusWidget() is w.table_view.table
        assert w.views.currentWidget() is w.table_view  # the view did not change
        # on the graph the same
        bar.setFocus()
        qtbot.keyClick(bar, Qt.Key.Key_Right)
        assert w.views.currentWidget() is w.canvas  # Right still flips the view
        qtbot.waitUntil(lambda: QApplication.focusWidget() is bar)
        qtbot.keyClick(bar, key)
        assert QApplication.focusWidget() is w.canvas


def test_a_view_key_puts_the_keyboard_in_its_view(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720)) as w:
        w.activateWindow()
        bar = w.views.tabBar()
        bar.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is bar)
        # Ctrl+1 with the table shown already: the keyboard goes into it (it stayed on the tab bar)
        w.show_table_action.trigger()
        assert QApplication.focusWidget() is w.table_view.table
        # from a field of the inspector, Ctrl+2: the graph, and the keys are its
        w.doc.select([w.doc.plan.decisions[0].id])
        w.workbench.open_selected()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.inspector.form.title_edit)
        w.show_graph_action.trigger()
        assert w.views.currentWidget() is w.canvas and QApplication.focusWidget() is w.canvas
