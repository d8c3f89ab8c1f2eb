"""A stage step taller than the view (the sample's Operationalize: 16 decisions in a column at 1366x768) was shown
from the stage's top at the view's top, where the stage's sticky header strip is painted: the strip covered the
first card's title. The step's cards now start under the strip, on every stage step and screen size checked."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF

from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_a_tall_stage_steps_first_row_is_below_its_header_strip(qtbot, isolated_settings, sample_path, size):
    with opened_sample(qtbot, sample_path, size) as w, presenting_graph(w) as p:
        tall = 0
        for k in range(1, 5):  # the four stage steps
            p.go_to(k)
            settle()
            step = p.current_step
            assert step is not None and step.kind == "stage"
            canvas: Any = w.canvas
            cards = [canvas.graph_scene.cards[i].sceneBoundingRect() for i in step.spotlight]
            top = min(r.top() for r in cards)
            first = min(cards, key=lambda r: (r.top(), r.left()))
            y = canvas.mapFromScene(QPointF(first.left(), top)).y()
            seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
            if max(r.bottom() for r in cards) - top + 40 > seen.height():
                tall += 1
            canvas.viewport().repaint()  # paints the strips (header_rects)
            strip = max((r.bottom() for r in canvas.header_rects if r.top() == 0), default=0)
            assert y >= canvas.header_height(), (k, y, canvas.header_height())
            assert y > strip, (k, y, strip)
        assert tall >= 1  # the case: a stage taller than the view
