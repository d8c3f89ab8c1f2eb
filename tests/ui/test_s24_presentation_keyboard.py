"""Presentation by keyboard only (H-ui24 walk): every step forward and back, first and last, the decision in focus
opened with Enter, edited on the spot, and back to the deck with Esc. End did nothing (Home went to the overview,
nothing to the last step), and an inspector opened with Enter (the workbench's Open in Inspector) was not closed
by Esc: Esc asked to leave the presentation instead, and the next arrow key went to that question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.ui.presentation.mode import PRESENTER_HINT
from tests.ui.s18_screens_support import settle

K = Qt.Key


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)
    settle()


def test_presenting_by_keyboard_only(presenting, qtbot):
    w = presenting
    w.canvas.setFocus()
    _key(qtbot, K.Key_F11)
    p = w.presentation
    assert p.active
    last = len(p.deck) - 1
    for expected in (1, 2):
        _key(qtbot, K.Key_PageDown)
        assert p.position == expected
    _key(qtbot, K.Key_Left)
    assert p.position == 1
    _key(qtbot, K.Key_End)
    assert p.position == last  # was: End did nothing
    _key(qtbot, K.Key_Right)
    assert p.position == last  # stops at the end
    _key(qtbot, K.Key_Left)
    assert p.position == last - 1
    _key(qtbot, K.Key_Home)
    assert p.position == 0 and p.current_step.kind == "overview"
    assert "End last" in PRESENTER_HINT
    # the critical-path spotlight: Enter opens its decision, typed into on the spot, Esc goes back to the deck
    _key(qtbot, K.Key_C)
    step = p.current_step
    assert step.kind == "critical" and w.doc.selection == [step.focus]
    _key(qtbot, K.Key_Return)
    field = QApplication.focusWidget()
    assert w.inspector_dock.isVisible() and isinstance(field, QLineEdit)
    before = w.doc.decision(step.focus).title
    qtbot.keyClick(field, K.Key_End)
    qtbot.keyClicks(field, " (checked)")
    _key(qtbot, K.Key_Escape)
    assert p.active and p.leave_prompt is None  # was: asked to leave
    assert not w.inspector_dock.isVisible()
    assert QApplication.focusWidget() is w.canvas
    assert w.doc.decision(step.focus).title == before + " (checked)"  # the edit is kept
    position = p.position
    _key(qtbot, K.Key_Right)
    assert p.position == position + 1  # the step keys work again
    # Esc now asks about the session's edit; Cancel stays, by keyboard
    _key(qtbot, K.Key_Escape)
    prompt = p.leave_prompt
    assert prompt is not None and prompt.isVisible()
    _key(qtbot, K.Key_Escape)
    assert p.active and p.leave_prompt is None
