"""The graph of a tall plan opens on its first cards (s17 workshop sweep). The opening view of a plan too big to fit
at a readable zoom showed the first stage band's top-left corner; the layout centres each column on the plan's
height, so on a random plan of 300 decisions at 1920x1080 not one card was in sight, only an empty band
(/tmp/s17ws/png/rand2000-graph-1920.png)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from benchmarks._plans import random_plan
from planner.ui.canvas import style as S


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


@pytest.mark.parametrize("n", [300])
def test_the_opening_view_shows_the_first_cards(qtbot, isolated_settings, n):
    from planner.ui.main_window import MainWindow

    w = MainWindow(plan=random_plan(n, seed=3), persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1920, 1080)
        w.show()
        qtbot.waitUntil(lambda: w.size() == QSize(1920, 1080))
        w.doc.wait_for_analysis()
        w.show_view("Graph")
        _settle()
        canvas: Any = w.canvas  # (a GraphCanvas: the window types it as any view)
        canvas.graph_scene.complete()
        canvas.overview()
        _settle()
        assert abs(canvas.zoom - S.READABLE_ZOOM) < 1e-9  # too big to fit: the readable zoom
        visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        cards = canvas.graph_scene.cards.values()
        seen = [c for c in cards if visible.contains(c.sceneBoundingRect())]
        assert len(seen) >= 5
        left = min(c.x() for c in cards)
        assert any(c.x() < left + 40 for c in seen)  # a card of the first column, where the work begins
        assert visible.left() <= canvas.graph_scene.content_rect().left()  # from the left edge
    finally:
        w.discard_and_close()
