"""Presentation by keyboard only, on a stage step (H-ui25): the arrow keys step the deck, so the decisions of a stage
could not be picked without the mouse (a stage step selects none, and Enter opened nothing). Tab / Shift+Tab now
walk the step's decisions (in the order the graph shows them, round again at the end), Enter opens the one in
focus in the inspector, Tab there moves between its fields, and Esc goes back to the deck, where the arrows step
again. The presenter's key help and the shortcut reference say so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.ui.dialogs.basic import shortcuts_html
from planner.ui.presentation.mode import PRESENTER_HINT
from tests.ui.s18_screens_support import settle

K = Qt.Key


def _key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    settle()


def test_tab_walks_the_decisions_of_a_stage_step(presenting, qtbot):
    w = presenting
    w.canvas.setFocus()
    _key(qtbot, K.Key_F11)
    p = w.presentation
    assert p.active
    _key(qtbot, K.Key_S)
    step = p.current_step
    assert step is not None and step.kind == "stage" and len(step.spotlight) >= 3
    assert w.doc.selection == []  # a stage step selects none
    order = p.step_decisions()
    assert sorted(order) == sorted(step.spotlight)
    cards = w.canvas.graph_scene.cards
    lefts = [cards[i].sceneBoundingRect().left() for i in order]
    assert lefts == sorted(lefts)  # as the graph shows them, column by column
    position = p.position
    _key(qtbot, K.Key_Tab)
    assert w.doc.selection == [order[0]]  # was: Tab left the graph, nothing selected
    assert p.position == position  # the step stays
    _key(qtbot, K.Key_Tab)
    assert w.doc.selection == [order[1]]
    seen = w.canvas.mapToScene(w.canvas.viewport().rect()).boundingRect()
    assert seen.intersects(cards[order[1]].sceneBoundingRect())  # its card in sight
    _key(qtbot, K.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert w.doc.selection == [order[0]]
    _key(qtbot, K.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert w.doc.selection == [order[-1]]  # round to the last
    _key(qtbot, K.Key_Tab)
    assert w.doc.selection == [order[0]]  # and on to the first again
    assert QApplication.focusWidget() is w.canvas
    # Enter opens it; Tab moves between the inspector's fields (not to another decision); Esc closes it
    _key(qtbot, K.Key_Return)
    field = QApplication.focusWidget()
    assert w.inspector_dock.isVisible() and isinstance(field, QLineEdit)
    assert w.inspector.form.title_edit.text() == w.doc.decision(order[0]).title
    _key(qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is not field and w.inspector_dock.isAncestorOf(
        QApplication.focusWidget()
    )
    assert w.doc.selection == [order[0]]
    _key(qtbot, K.Key_Escape)
    assert p.active and p.leave_prompt is None and not w.inspector_dock.isVisible()
    assert QApplication.focusWidget() is w.canvas
    _key(qtbot, K.Key_Right)
    assert p.position == position + 1  # the arrows step the deck again


def test_tab_on_the_critical_path_follows_the_chain(presenting, qtbot):
    w = presenting
    w.canvas.setFocus()
    _key(qtbot, K.Key_F11)
    p = w.presentation
    _key(qtbot, K.Key_C)
    step = p.current_step
    assert step is not None and step.kind == "critical"
    chain = p.step_decisions()
    assert chain == [i for i in step.spotlight if w.doc.decision(i) is not None]
    assert w.doc.selection == [step.focus] == [chain[0]]
    _key(qtbot, K.Key_Tab)
    assert w.doc.selection == [chain[1]]


def test_the_key_help_names_tab():
    assert "Tab / Shift+Tab decision" in PRESENTER_HINT
    assert "Tab / Shift+Tab" in shortcuts_html()
