"""The main tool bar keeps its short words after an edit (session 28, screens).

Undo and Redo's actions take the undo stack's text ("&Undo Show Scenario '…'"), and their tool bar buttons took it
too: after showing a scenario with a long name the Undo button read the whole sentence, 500 px wide, and at 1024 px
Add, Delete, Fit, Tidy Layout, the find field, Simulate, Report and Present went behind the tool bar's » menu. The
buttons keep their one word; the menu item and the button's tooltip say what would be undone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

LONG = "Scenario with a long name for the client workshop, sixty ch"


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def _buttons(window: Any) -> dict[str, QWidget]:
    bar = window.workbench.toolbar
    assert isinstance(bar, QToolBar)
    return {act.text(): w for act in bar.actions() if (w := bar.widgetForAction(act)) is not None}


def test_undo_and_redo_buttons_keep_their_word_and_every_command_stays_in_the_bar(
    sample_window: Any, qtbot: Any
) -> None:
    w = sample_window
    w.resize(1024, 740)
    _settle()
    assert w.doc.scenarios.create(LONG) is None  # created and shown: one undoable step named after it
    _settle()
    assert w.undo_action.text().startswith("&Undo") and LONG[:20] in w.undo_action.text()
    buttons = w.workbench.toolbar_buttons
    undo = buttons["undo_action"]
    qtbot.waitUntil(lambda: undo.text() == "Undo")
    assert LONG[:20] in undo.toolTip()  # what would be undone, on hover
    w.undo()
    _settle()
    redo = buttons["redo_action"]
    assert w.redo_action.isEnabled() and LONG[:20] in w.redo_action.text()
    assert redo.text() == "Redo" and undo.text() == "Undo"
    assert LONG[:20] in redo.toolTip()
    # every command in sight, inside the bar, none over another
    bar = w.workbench.toolbar
    shown = []
    for text, widget in _buttons(w).items():
        assert widget.isVisible(), f"{text!r} went behind the tool bar's » menu"
        shown.append((text, widget.geometry()))
        assert QRect(0, 0, bar.width(), bar.height()).contains(widget.geometry()), text
    for i, (a, ra) in enumerate(shown):
        for b, rb in shown[i + 1 :]:
            assert not ra.intersects(rb), (a, b)
