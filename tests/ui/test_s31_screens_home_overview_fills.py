"""Presentation Home: the overview's type grows into the room the screen leaves (session 31, screens).

On a 2560x1440 panel the portfolio sample's Home showed its stage columns in the room's type over the top 60 % of
the graph, the bottom 40 % empty (and on a 1920x1080 projector the same). Presenting, the overview's type now
grows (by at most :data:`overview.FILL_MOST`) while its columns' words and its rows still fit the view, so the
room reads it from further back; at the desk it is as before."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from planner.ui.canvas import overview
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import settle

SIZES = [(2560, 1440), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_home_fills_the_graph_in_larger_type(window: Any, qtbot: Any, size: tuple[int, int]) -> None:
    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    window.doc.wait_for_analysis()
    window.show_view("Graph")
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    p = window.presentation
    p.enter(full_screen=False)
    try:
        settle()
        p.go_to(0)
        settle()
        canvas = window.canvas
        canvas.viewport().repaint()
        settle()
        assert canvas._in_overview()
        blocks = list(canvas._summary.blocks.values()) if canvas._summary is not None else []
        assert blocks
        view = canvas.viewport().rect()
        bottom = max(b.bottom() for b in blocks)
        top = min(r.top() for r, _ in canvas.overview_texts)
        used = (bottom - top) / view.height()
        assert used >= 0.7, f"the overview uses {used:.0%} of the graph's height"
        # every text inside the view, none cut by the columns
        assert all(view.contains(r) for r, _ in canvas.overview_texts)
        assert not any(
            text.endswith("\u2026") for _, text in canvas.overview_texts[:4]
        )  # stage headers whole
    finally:
        p.leave()
        settle()


def test_the_desk_overview_keeps_its_type(qtbot: Any) -> None:
    # the growth is for the room only: paint() grows nothing without ``fill``
    assert overview.FILL_MOST > 1.0
