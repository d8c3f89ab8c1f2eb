"""Presentation on a portrait screen (H-ui24 walk, 1080x1920): the step panel stood beside the graph, 36 % of the
window's width, leaving the graph a 590 px column with 900 px of nothing above and below the stage's cards. On a
portrait screen it now goes under the graph, above the presenter bar, and the graph has the window's width."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt

from planner.ui.presentation.mode import STEP_PANEL_SHARE
from tests.ui.s18_screens_support import presenting_graph, settle


def test_the_step_panel_goes_under_the_graph_on_a_portrait_screen(sample_window, qtbot):
    w = sample_window
    w.resize(1080, 1920)
    qtbot.waitUntil(lambda: w.size() == QSize(1080, 1920))
    w.doc.wait_for_analysis()
    canvas = w.canvas
    with presenting_graph(w) as p:
        p.go_to(1)  # a stage step
        settle()
        bar, panel = p.step_bar, p.step_panel
        assert bar is not None and panel is not None and bar.isVisible()
        assert w.toolBarArea(bar) == Qt.ToolBarArea.BottomToolBarArea
        assert panel.width() >= 0.9 * w.width()  # the window's width
        assert panel.height() <= w.height() * STEP_PANEL_SHARE + 2  # as tall as its text, at most that (s33)
        graph = canvas.mapTo(w, canvas.rect().topLeft())
        assert canvas.width() >= 0.95 * w.width()  # was 0.6
        presenter = p.toolbar
        assert presenter is not None
        # graph, then the step, then the presenter bar, top to bottom
        assert graph.y() + canvas.height() <= bar.y() < presenter.y()
        shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        cards = [canvas.graph_scene.cards[i].sceneBoundingRect() for i in p.current_step.spotlight]
        assert sum(shown.contains(c) for c in cards) >= 8  # most of the stage's 11 cards in sight
    assert p.step_bar is None  # left: the panel and its row are gone


def test_a_landscape_screen_keeps_the_panel_beside_the_graph(sample_window, qtbot):
    w = sample_window
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.size() == QSize(1280, 720))
    w.doc.wait_for_analysis()
    with presenting_graph(w) as p:
        p.go_to(1)
        settle()
        assert w.toolBarArea(p.step_bar) == Qt.ToolBarArea.RightToolBarArea
