"""A graph card's second line (its id and "2 wks · critical") reads at the opening zoom (session 28, round two).

The titles were brought to 7 pt at the opening zoom (``style.READABLE_ZOOM``), but the line under them stayed at
7.5 pt, drawn at 5.8 pt. It is now 7 pt there (``style.META_PT``) on every card where the id and the figures fit the
card whole at that size; a card whose line does not fit draws it smaller, down to the 7.5 pt it had, rather than
cutting the id to a stub."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from planner.ui.canvas import style as S
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample

FLOOR_PT = 7.0


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


@pytest.mark.parametrize("sample", ["fraud-detection", "ai-portfolio"])
def test_the_card_second_line_reads_at_the_opening_zoom(
    qtbot: Any, isolated_settings: Any, sample: str
) -> None:
    with opened_sample(qtbot, SAMPLES / f"{sample}.plan.json", (1024, 768)) as w:
        w.show_view("Graph")
        canvas: Any = w.canvas
        qtbot.waitUntil(lambda: canvas.isVisible() and canvas.zoom > 0)
        _settle()
        assert canvas.detailed()
        zoom = canvas.zoom
        title = QFontMetricsF(S.title_font())
        read = 0
        cards = list(canvas.graph_scene.cards.values())
        for card in cards:
            data = card.card_data
            lines, id_text, figures = card._layout_texts()
            left, right = card._text_left(data.milestone), card._text_right(data.milestone)
            room = right - left - 8 - (12 if data.done else 0)
            pt = card._foot_pt
            plain = QFontMetricsF(S.foot_font(pt))
            bold = QFontMetricsF(S.foot_font(pt, data.critical))
            # the line fits its card, the id and the figures side by side
            assert plain.horizontalAdvance(id_text) + bold.horizontalAdvance(figures) <= room + 0.5, data.id
            # under the title's two lines
            assert (
                9 + title.ascent() + title.lineSpacing() + title.descent() <= S.CARD_H - 11 - plain.ascent()
            )
            meta = QFontMetricsF(S.foot_font(S.META_PT))
            meta_bold = QFontMetricsF(S.foot_font(S.META_PT, data.critical))
            fits = meta.horizontalAdvance(data.id) + meta_bold.horizontalAdvance(data.right_text) <= room
            if fits:  # whole at 7 pt on screen
                assert pt * zoom >= FLOOR_PT - 1e-6, (data.id, pt, zoom)
                assert id_text == data.id and figures == data.right_text
                read += 1
            else:  # smaller, but never below the size it had
                assert S.FOOT_LEAST_PT <= pt < S.META_PT
        assert read, "no card's second line fits at 7 pt"  # (19 of 41 and 38 of 196: long ids and done cards)
