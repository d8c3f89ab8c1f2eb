"""Presentation, a stage step shows its stage: most of its cards whole, in readable type (session 33).

A stage step zooms out no further than the readable floor (``STEP_MIN_ZOOM`` in the room) and then showed the stage
from where it starts: the stage's cards sit in the columns where they can run, among other stages' cards, so the view
held 2 of the fraud sample's 14 Integrate cards whole at 1280x720 and 1 of Operationalize's 16 (3 of 16 on a
3440x1440 panel). The step now shows the stretch of the stage that holds the most of its cards whole, at the same
readable zoom."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFontInfo

from planner import units
from planner.ui.canvas import style as S
from planner.ui.presentation.mode import STEP_MIN_ZOOM
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, presenting_graph, stage_steps

SIZES = [(1280, 720), (1920, 1080), (1366, 768), (1080, 1920), (3440, 1440)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_stage_step_shows_most_of_its_cards_whole_and_readable(
    qtbot: Any, isolated_settings: Any, size: tuple[int, int]
) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", size) as w, presenting_graph(w) as p:
        shares: dict[str, str] = {}
        for step, canvas in stage_steps(qtbot, w, p):
            view = canvas.viewport().rect().adjusted(0, canvas.header_height(), 0, 0)
            shown = canvas.mapToScene(view).boundingRect()
            cards = canvas.graph_scene.cards
            whole = [d for d in step.spotlight if shown.contains(cards[d].sceneBoundingRect())]
            shares[step.title] = f"{len(whole)}/{len(step.spotlight)}"
            # most of the stage's decisions in sight (2 of Integrate's 14 and 1 of Operationalize's 16 before)
            assert len(whole) >= 0.6 * len(step.spotlight), shares
            # ... at the readable floor or above, card titles at least as large on screen as at the desk's 100 %
            assert canvas.zoom >= STEP_MIN_ZOOM * p.room_zoom * (1 - 1e-9)
            # the panel says how many of them are in sight when not all (the room knows there are more)
            panel = p.step_panel
            assert panel is not None
            assert panel.sight.isHidden() == (len(whole) == len(step.spotlight)), step.title
            if len(whole) < len(step.spotlight):
                assert panel.sight.text().startswith(
                    f"{units.part_of(len(whole), len(step.spotlight))} decisions"
                )
                assert panel.sight.geometry().bottom() < panel.scroll_area.geometry().top()  # its own line
            desk_px = QFontInfo(S.title_font()).pixelSize()
            assert desk_px * canvas.zoom * canvas.card_type() >= desk_px, step.title
