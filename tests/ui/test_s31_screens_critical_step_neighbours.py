"""A critical-path step shows its decision with the one before and the one after it (session 31, screens).

Presenting the portfolio sample at 1920x1080, 'Critical path 3 of 12' centred its decision at the room's zoom: the
decision it waits for was cut by the view's left edge ('…ess anonymised applic…'), the one after it by the step
panel, while the panel's words named both ('Starts … because … assess anonymised application history', 'Then: …
prove value with two recruiting teams'). The step now zooms out, as far as cards stay readable in the room, until
the three are whole under the stage header strip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF

from planner.ui.presentation import mode
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, presenting_graph, settle

SIZES = [(1920, 1080), (2560, 1440), (1366, 768)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_critical_step_shows_its_neighbours_whole(window: Any, qtbot: Any, size: tuple[int, int]) -> None:
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    with presenting_graph(window) as p:
        canvas = window.canvas
        steps = [k for k, s in enumerate(p.deck) if s.kind == "critical"]
        assert steps
        whole = 0
        for k in steps:
            p.go_to(k)
            settle()
            step = p.deck[k]
            chain = step.spotlight
            at = chain.index(step.focus)
            ids = [d for d in chain[max(0, at - 1) : at + 2] if d in canvas.graph_scene.cards]
            head = canvas.header_height()
            view = canvas.viewport().rect().adjusted(0, head, 0, 0)
            rects = {
                d: canvas.mapFromScene(canvas.graph_scene.cards[d].sceneBoundingRect()).boundingRect()
                for d in ids
            }
            assert view.contains(rects[step.focus]), (k, "its decision")
            assert canvas.zoom >= mode.STEP_MIN_ZOOM * p.room_zoom - 1e-9  # readable in the room
            # the neighbours whole wherever they can be at a readable zoom
            united = QRectF()
            for d in ids:
                united = united.united(canvas.graph_scene.cards[d].sceneBoundingRect())
            least = mode.STEP_MIN_ZOOM * p.room_zoom
            fits = (united.width() + 80) * least <= view.width() and (
                united.height() + 80
            ) * least <= view.height()
            if fits:
                assert all(view.contains(r) for r in rects.values()), (
                    k,
                    {d: r.getRect() for d, r in rects.items()},
                )
                whole += 1
        assert whole  # (the case is tested: some steps' three cards fit)
