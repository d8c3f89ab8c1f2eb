"""A plan without decisions on the graph (H-ui23 walk, 1366x768, also in presentation mode): the empty stages and
nothing else, no word of how to add one. The graph now says it at its foot (views/empty_hint.EmptyHint, as the
Table tab and the compare dialog do), and the hint fills its view when it was given before the window was shown
(it was placed only while visible: a hint set on a hidden window kept a stale, too small rectangle)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from planner.ui.views.empty_hint import MARGIN, EmptyHint
from tests.ui.s18_screens_support import settle


def test_the_graph_of_a_plan_without_decisions_says_how_to_add_one(window, qtbot):
    assert window.doc.plan.decisions == []  # the blank plan: the case
    window.resize(1366, 768)
    window.show_view("Graph")
    settle()
    canvas = window.canvas
    hint = canvas.empty_hint
    viewport = canvas.viewport()
    assert hint.isVisible() and hint.text().startswith("No decisions yet.")
    assert "Add Decision (Ctrl+Return)" in hint.text()
    assert hint.geometry() == viewport.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    window.add_decision()
    settle()
    assert not hint.isVisible()
    window.doc.undo_stack.undo()
    settle()
    assert window.doc.plan.decisions == [] and hint.isVisible()


def test_a_hint_given_before_its_window_is_shown_fills_the_view(qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    hint = EmptyHint(view, "hint")
    hint.show_text("Nothing here yet.")
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    settle()
    assert hint.isVisible()
    assert hint.geometry() == view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
