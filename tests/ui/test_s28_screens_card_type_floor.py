"""The graph opens with its card titles at 7 pt at least (session 28, screens).

A plan too big to fit opens at the smallest zoom where card titles read (``style.READABLE_ZOOM``). That zoom was
0.6: the titles' 9 pt were drawn at 5.4 pt (7 px) on every sample, at 1024x768 as at 1920x1080, under the 7 pt a
client can read from across a table. The opening zoom now draws them at 7 pt."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from planner.ui.canvas import style as S
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample

FLOOR_PT = 7.0


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


@pytest.mark.parametrize("sample", ["fraud-detection", "ai-portfolio"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_opening_view_draws_card_titles_at_7_pt_or_more(
    qtbot: Any, isolated_settings: Any, sample: str, size: tuple[int, int]
) -> None:
    with opened_sample(qtbot, SAMPLES / f"{sample}.plan.json", size) as w:
        w.show_view("Graph")
        canvas: Any = w.canvas  # (a GraphCanvas in this build; typed as the placeholder QWidget)
        qtbot.waitUntil(lambda: canvas.isVisible() and canvas.zoom > 0)
        _settle()
        assert canvas.detailed()  # cards, not the overview's blocks
        title_pt = S.title_font().pointSizeF() * canvas.zoom  # (scene points, drawn at the zoom)
        assert title_pt >= FLOOR_PT - 1e-6, (sample, size, canvas.zoom, title_pt)
        # and a card is in sight at that size
        view = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        assert any(view.intersects(card.sceneBoundingRect()) for card in canvas.graph_scene.cards.values())
