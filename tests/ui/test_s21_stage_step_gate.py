"""A stage step of the workshop deck on a 1080p to 4K screen: the step panel took 36 % of the window whatever the
stage needed, so the sample's Validate stage (1,760 scene units) was wider than the graph's room at the readable
zoom and its last column, the gate 'Validation gate: value and risk case approved', was cut at the right edge. The
panel now gives way (down to 27 % of the window) where that shows the whole stage, gate included."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF

from planner.ui.presentation.mode import STEP_MIN_ZOOM, STEP_PANEL_MIN_SHARE, STEP_PANEL_SHARE
from tests.ui.s18_screens_support import presenting_graph, settle


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1080p", "4k"])
def test_a_stage_step_shows_its_gate_whole(sample_window, size):
    w = sample_window
    w.resize(*size)
    w.doc.wait_for_analysis()
    with presenting_graph(w) as p:
        p.go_to(1)  # Stage 1 of 4: Validate
        settle()
        step = p.current_step
        assert step is not None and step.kind == "stage"
        canvas: Any = w.canvas
        cards = {i: canvas.graph_scene.cards[i].sceneBoundingRect() for i in step.spotlight}
        gate = cards["validate-gate"]
        assert gate.right() == max(r.right() for r in cards.values())  # the stage's last column
        seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        for did, r in cards.items():
            assert seen.contains(r), (did, r, seen)  # every card whole, the gate too
        assert canvas.zoom >= STEP_MIN_ZOOM * p.room_zoom - 1e-6  # at the readable zoom, not below it
        share = p.step_panel.width() / w.width()
        assert STEP_PANEL_MIN_SHARE - 0.01 <= share < STEP_PANEL_SHARE, share
        # a critical-path step (one decision in focus) keeps the panel's usual share
        p.go_to_kind("critical")
        settle()
        assert abs(p.step_panel.width() / w.width() - STEP_PANEL_SHARE) < 0.01
        stage = QRectF()
        for r in cards.values():
            stage = r if stage.isNull() else stage.united(r)
        assert stage.width() > 1700  # the case: a stage of seven columns
