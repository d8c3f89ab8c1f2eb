"""Presentation Home on a portrait screen fills the graph (session 32, screens).

On a 1080x1920 panel the overview's four stage columns stood side by side in type their 270 px width held down: a
band across the middle of the graph, about a quarter of its height, the rest empty above and below. Presenting on a
portrait view, the stages now go on shelves one under the other (two by two) where that gives their words larger
type, and the overview uses most of the graph's height; a landscape room keeps its columns side by side."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import settle


def _home(window: Any, qtbot: Any, sample: str, size: tuple[int, int]) -> tuple[Any, list[Any]]:
    assert window.open_file(SAMPLES / f"{sample}.plan.json")
    window.doc.wait_for_analysis()
    window.show_view("Graph")
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    p = window.presentation
    p.enter(full_screen=False)
    settle()
    p.go_to(0)
    settle()
    canvas = window.canvas
    canvas.viewport().repaint()
    settle()
    assert canvas._in_overview()
    blocks = list(canvas._summary.blocks.values()) if canvas._summary is not None else []
    assert blocks
    return canvas, blocks


@pytest.mark.parametrize("sample", ["ai-portfolio", "fraud-detection", "bank-assistant"])
def test_portrait_home_uses_the_graphs_height(window: Any, qtbot: Any, sample: str) -> None:
    try:
        canvas, blocks = _home(window, qtbot, sample, (1080, 1920))
        view = canvas.viewport().rect()
        texts = canvas.overview_texts
        top = min(r.top() for r, _ in texts)
        bottom = max(b.bottom() for b in blocks)
        used = (bottom - top) / view.height()
        assert used >= 0.6, f"the overview uses {used:.0%} of the graph's height"
        assert all(view.contains(r) for r, _ in texts)  # every text in the view
        headers = [text for _, text in texts if " · " in text and text.split(" · ")[-1].isdigit()]
        assert len(headers) == 4 and not any(t.endswith("\u2026") for t in headers)  # stage headers whole
        # no block over another, each one in the view
        assert all(view.contains(b) for b in blocks)
        assert not any(a.intersects(b) for i, a in enumerate(blocks) for b in blocks[i + 1 :])
        # larger type than the side-by-side columns could hold: their block names were 12-13 px tall
        assert min(r.height() for r, _ in texts) >= 18
    finally:
        window.presentation.leave()
        settle()


def test_a_landscape_room_keeps_its_columns_side_by_side(window: Any, qtbot: Any) -> None:
    try:
        canvas, blocks = _home(window, qtbot, "ai-portfolio", (1920, 1080))
        headers = [r for r, text in canvas.overview_texts if text.startswith(("Validate", "Scale"))]
        assert len(headers) == 2 and headers[0].top() == headers[1].top()  # one row of stage columns
    finally:
        window.presentation.leave()
        settle()
