"""Card text in the room's type on a stage step (H-ui24). A stage step zooms out (to 0.75 x the room zoom) to show the
whole stage, gate included, and the cards' titles were drawn 9 px tall (18 px on a 4K panel) beside presentation type
of 12 to 38 px: unreadable from the back of the room at 1024x600, 800x600 and 3840x2160. Presenting, the canvas now
draws the cards' text larger (GraphCanvas.card_type), as far as a card holds it; the desk's cards are unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontInfo

from planner.ui.canvas import style as S
from planner.ui.canvas.items import _metrics
from tests.ui.s18_screens_support import presenting_graph, settle


def _title_px(canvas: Any) -> float:
    """How tall (pixels on the screen) the cards' titles are drawn."""
    return QFontInfo(S.title_font(canvas.graph_scene.card_type)).pixelSize() * canvas.zoom


@pytest.mark.parametrize("size", [(1024, 600), (800, 600), (3840, 2160)], ids=["1024x600", "800x600", "4k"])
def test_stage_step_cards_are_in_the_rooms_type(sample_window, qtbot, size):
    w = sample_window
    w.resize(*size)
    qtbot.waitUntil(lambda: w.size() == QSize(*size))
    w.doc.wait_for_analysis()
    canvas: Any = w.canvas
    with presenting_graph(w) as p:
        room = QFontInfo(w.font()).pixelSize()  # presentation type: 15, 12 and 38 px
        p.go_to(1)  # Stage 1 of 4: Validate, 11 decisions and its gate
        settle()
        step = p.current_step
        assert step is not None and step.kind == "stage"
        desk_px = QFontInfo(S.title_font()).pixelSize() * canvas.zoom  # what the cards had: 9 px at 0.75
        k = canvas.graph_scene.card_type
        assert k > 1.3
        assert _title_px(canvas) >= 0.74 * room, (_title_px(canvas), room)
        assert _title_px(canvas) >= 1.3 * desk_px
        # every card of the stage holds its text: the title's two lines above the figures, all inside the card
        title, meta = _metrics("title", k), _metrics("meta", k)
        for did in step.spotlight:
            card = canvas.graph_scene.cards[did]
            (first, second), id_text, figures = card._layout_texts()
            data = card.card_data
            assert card._texts_type == k
            room_w = card._text_right(data.milestone) - card._text_left(data.milestone)
            assert title.horizontalAdvance(first) <= room_w and title.horizontalAdvance(second) <= room_w
            data = card.card_data
            figures_metrics = _metrics("meta-bold" if data.critical else "meta", k)
            used = figures_metrics.horizontalAdvance(figures) + (12 if data.done else 0)
            used += meta.horizontalAdvance(id_text) + 8 if id_text else 0
            assert used <= room_w, (did, id_text, figures)
            assert figures, did  # the figures stay (elided at worst)
            title_bottom = 5.0 + title.ascent() + title.lineSpacing() + title.descent()
            meta_top = S.CARD_H - 5.0 - meta.descent() - meta.ascent()
            assert title_bottom <= meta_top
    assert canvas.graph_scene.card_type == 1.0  # the desk's cards once presentation is left
    card = next(iter(canvas.graph_scene.cards.values()))
    assert card._layout_texts() and card._texts_type == 1.0
