"""Presentation mode: Home (the overview step) shows the whole plan. It left the view where the last step had put
it, so Home after a decision's spotlight still showed that one decision, zoomed in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.ui.presentation.mode import CANVAS_ZOOM


def _visible(w):
    canvas = w.canvas
    return canvas.mapToScene(canvas.viewport().rect()).boundingRect()


def test_home_shows_the_whole_plan_after_a_spotlight(presenting):
    w = presenting
    p = w.presentation
    p.enter(full_screen=False)
    QApplication.processEvents()
    QTest.keyClick(w.canvas, Qt.Key.Key_C)  # the critical path, one decision at a time: zoomed in
    QApplication.processEvents()
    assert p.current_step.kind == "critical"
    content = w.canvas.graph_scene.content_rect()
    assert not _visible(w).contains(content)

    QTest.keyClick(w.canvas, Qt.Key.Key_Home)
    QApplication.processEvents()
    assert p.current_step.kind == "overview"
    assert _visible(w).contains(content)  # every card and stage band in sight
    assert w.canvas.zoom <= CANVAS_ZOOM * p.scale + 1e-9  # never magnified past the presentation zoom
