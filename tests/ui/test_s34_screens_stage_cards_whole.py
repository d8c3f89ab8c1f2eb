"""Presentation, a stage step wider than the view at the readable zoom cuts none of the stage's cards (session 34).

The step showed the leftmost stretch of the stage that holds the most of its cards whole: the fraud sample's
Validate stage from its first column, its gate ('Validate gate: business case approved') cut in half by the view's
right edge at 1366x768 and 1080x1920, and a card of Integrate and of Operationalize cut the same way, where a stretch
beside each held as many cards whole and cut none. Of the stretches with the most cards whole, the step now shows one
that cuts the fewest."""

from __future__ import annotations

from typing import Any

import pytest

from planner.ui.presentation.mode import STEP_MIN_ZOOM
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, presenting_graph, stage_steps

SIZES = [(1366, 768), (1080, 1920), (1280, 720)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_wide_stage_step_cuts_none_of_its_cards(
    qtbot: Any, isolated_settings: Any, size: tuple[int, int]
) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", size) as w, presenting_graph(w) as p:
        wide = 0
        for step, canvas in stage_steps(qtbot, w, p):
            head = canvas.header_height()
            shown = canvas.mapToScene(canvas.viewport().rect().adjusted(0, head, 0, 0)).boundingRect()
            under_strip = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
            cards = {d: canvas.graph_scene.cards[d].sceneBoundingRect() for d in step.spotlight}
            whole = [d for d, r in cards.items() if shown.contains(r)]
            cut = [d for d, r in cards.items() if not shown.contains(r) and under_strip.intersects(r)]
            assert not cut, (step.title, cut)
            assert canvas.zoom >= STEP_MIN_ZOOM * p.room_zoom * (1 - 1e-9)  # at the readable zoom or above
            if len(whole) < len(cards):
                wide += 1
                assert len(whole) >= 0.6 * len(cards), (step.title, len(whole), len(cards))
        assert wide >= 3  # the case: Validate, Integrate and Operationalize wider than the view
