"""A stage step of the workshop deck wider than the view at the readable zoom (the sample's Validate stage: 1,760
scene units, 1,320 px at the floor zoom 0.75, beside the step panel) was centred: its first decision was cut off on
the left and its gate on the right. It now shows the stage from its start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from tests.ui.s18_screens_support import presenting_graph, settle


def test_a_wide_stage_step_shows_the_stage_from_its_first_decision(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    with presenting_graph(w) as p:
        p.go_to(1)  # Stage 1 of 4: Validate
        settle()
        step = p.current_step
        assert step is not None and step.kind == "stage"
        canvas: Any = w.canvas
        cards = [canvas.graph_scene.cards[i].sceneBoundingRect() for i in step.spotlight]
        stage = QRectF(cards[0])
        for r in cards[1:]:
            stage = stage.united(r)
        seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        assert stage.width() * canvas.zoom > canvas.viewport().width()  # the case: wider than the view
        first = min(cards, key=lambda r: r.left())
        assert seen.contains(first), (seen, first)  # the stage's first decision, whole
        # and no card of the stage cut by the view's edges (session 34: the view may then start a little before the
        # stage, where the stretch from its very start cut a card at the right edge)
        for r in cards:
            assert seen.contains(r) or not seen.intersects(r), (seen, r)
