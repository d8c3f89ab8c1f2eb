"""What a consultant met walking the app in a workshop (1366x768, 3840x2160 at 200 %, the sample and a 300-decision
plan): a capacity hint that showed '&&', and a presentation whose next-step key changed the simulation's iterations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import settle


def test_the_capacity_tab_names_the_plan_and_stages_tab_with_one_ampersand(window):
    # A plan without teams: the hint said "(Plan && stages)" (a menu's escape, shown as it is in a label).
    w = window
    w.doc.wait_for_analysis()
    w.views.setCurrentWidget(w.capacity_tab)
    settle()
    doc = QTextDocument()
    doc.setHtml(w.capacity_tab.summary.text())
    shown = doc.toPlainText()
    assert "No teams yet" in shown
    assert "Plan & stages" in shown and "&&" not in shown, shown
    assert w.inspector_tabs.tabText(1).replace("&&", "&") == "Plan & stages"  # the tab it names


def test_switching_views_from_the_keyboard_in_presentation_keeps_the_step_keys(sample_window):
    # Ctrl+8 (Risk) handed the focus to the iterations box: the next PgDn stepped it from 10,000 to 100 instead of
    # going to the next step of the deck.
    w = sample_window
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    settle()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        w.canvas.setFocus()
        settle()
        iterations = w.risk_tab.iterations.value()
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
        settle()
        assert w.views.currentWidget() is w.risk_tab
        assert QApplication.focusWidget() is not w.risk_tab.iterations
        position = w.presentation.position
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_PageDown)
        settle()
        assert w.presentation.position == position + 1  # the next step
        assert w.risk_tab.iterations.value() == iterations
        # a field the presenter clicks into still takes the keys (typing a figure there)
        w.risk_tab.iterations.setFocus(Qt.FocusReason.MouseFocusReason)
        settle()
        QTest.keyClick(w.risk_tab.iterations, Qt.Key.Key_PageDown)
        settle()
        assert w.risk_tab.iterations.value() < iterations
    finally:
        w.presentation.leave()
        settle()
