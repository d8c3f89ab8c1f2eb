"""A stage step leaves none of its cards half under the sticky stage header (session 31, screens).

The portfolio sample's Validate step on a 1920x1080 projector starts at the stage's first column (its cards are
drawn across the graph, the first column low down), and the view's top then ran through the cards of the other
columns: 'Prioritise the first wave of use cases' sat under the 'Validate · 60 decisions' strip, its title
showing through it, its foot below it; the 'Wave 1 use cases approved' gate's top under it too. The step's top is
now lifted to such a card's top (the first column kept in sight), so every card of the stage in the view is
whole under the strip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF

from planner.ui.presentation import mode
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, presenting_graph, settle

SIZES = [(1920, 1080), (1366, 768), (2560, 1440)]


def _cut_cards(canvas: Any, ids: list[str]) -> list[str]:
    """The cards of ``ids`` in the view's width whose top is under the header strip (or above the view) while some
    of them is in the view: half hidden, their title through the strip."""
    head = canvas.header_height()
    view = canvas.viewport().rect()
    cut = []
    for did in ids:
        card = canvas.graph_scene.cards.get(did)
        if card is None:
            continue
        r = canvas.mapFromScene(card.sceneBoundingRect()).boundingRect()
        if r.right() < 0 or r.left() > view.width():
            continue
        if r.top() < head and r.bottom() > 0:
            cut.append(did)
    return cut


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_card_of_a_stage_step_is_half_under_the_stage_header(
    window: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    with presenting_graph(window) as p:
        canvas = window.canvas
        stages = [i for i, s in enumerate(p.deck) if s.kind == "stage"]
        assert stages
        for k in stages:
            p.go_to(k)
            settle()
            ids = p.deck[k].spotlight
            assert _cut_cards(canvas, ids) == [], f"step {k} ({p.deck[k].title})"
            # and the view holds as many of the stage's cards whole as any stretch of the stage the view's size, clear
            # of the header strip (session 33: the step shows that stretch, no longer always its first column, which
            # held 1 of 16 of the fraud sample's Operationalize at 1280x720)
            head = canvas.header_height()
            seen = canvas.mapToScene(canvas.viewport().rect().adjusted(0, head, 0, 0)).boundingRect()
            best = mode._densest_window(canvas, ids, seen.width(), seen.height(), head / canvas.zoom)
            assert best is not None
            assert len(mode._whole_cards(canvas, ids, seen)) >= best[2], f"step {k} ({p.deck[k].title})"


def test_lifting_the_top_stops_where_the_first_card_would_leave_the_view() -> None:
    # three cards: the first column's at 1000, one straddling the line 60 above it, one far above
    first = QRectF(0, 1000, 240, 94)
    straddling = QRectF(300, 900, 240, 94)  # its foot (994) under the line at 1000 - 20 - 30 = 950
    far = QRectF(600, 100, 240, 94)
    cards = [first, straddling, far]
    top = mode._top_clear_of_cards(cards, first, 1000.0, head=30.0, height=600.0)
    assert top == 900.0  # lifted to the straddling card's top; the far one is not in the way
    # no room to lift: the first card would leave a view of 200 scene px: the top stays
    assert mode._top_clear_of_cards(cards, first, 1000.0, head=30.0, height=200.0) == 1000.0
