"""A graph card's second line shows its id or nothing of it, never a stub (session 31, screens).

Presenting the portfolio sample on a 2560x1440 screen (the cards in the room's larger type), a card whose figures
left little room read '…   3.5 wks · float 11.5' or 'd…d   2.5 wks · float 9.5' under its title: an ellipsis, or
two letters of the id around one, that name nothing. The id is left out where fewer than
:data:`items.ID_LEAST_CHARS` of its characters would show (the title names the card; the inspector and the tooltip
give the id), on the desk as in the room."""

from __future__ import annotations

from typing import Any

import pytest

from planner.ui.canvas import items
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, presenting_graph, settle

ELLIPSIS = "\u2026"


def _stub(id_text: str, whole: str) -> bool:
    """True when ``id_text`` is a cut of ``whole`` showing fewer than ID_LEAST_CHARS of its characters."""
    return id_text != whole and id_text != "" and len(id_text.replace(ELLIPSIS, "")) < items.ID_LEAST_CHARS


@pytest.mark.parametrize("size", [(2560, 1440), (1920, 1080)], ids=["2560x1440", "1920x1080"])
def test_no_card_shows_a_stub_of_its_id_when_presenting(
    window: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    with presenting_graph(window) as p:
        step = next(i for i, s in enumerate(p.deck) if s.kind == "stage")
        p.go_to(step)
        settle()
        cards = list(window.canvas.graph_scene.cards.values())
        assert cards
        shown = 0
        for card in cards:
            _lines, id_text, _figures = card._layout_texts()
            assert card._texts_type != 1.0  # the room's type
            assert not _stub(id_text, card.card_data.id), (card.card_data.id, id_text)
            shown += bool(id_text)
        assert shown  # (ids that fit are still shown, whole or cut in the middle)


def test_the_desk_line_leaves_out_an_id_it_would_cut_to_a_stub(qtbot: Any) -> None:
    # 60 px of room and long figures: the id would be 'd…d' or '…'
    _size, id_text, figures = items._foot_line("demand-data-assessment", "3.5 wks · float 11.5", 110.0, False)
    assert figures == "3.5 wks · float 11.5"
    assert not _stub(id_text, "demand-data-assessment")
    # with room, the id is there whole
    _size, id_text, _figures = items._foot_line("gpu", "1 wk", 200.0, False)
    assert id_text == "gpu"
