"""The graph's sticky stage header gives the band's note on a line of its own (session 27). On one line with the
stage's name and count it was cut at the band's width exactly where a consultant explains the figures: presenting
the fraud sample at 1920x1080, the Integrate step's panel says 14 decisions, the Integrate band 2, and the
Operationalize header read "Operationalize · 28 decisions · 12 from Integrate under s…"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle

NOTE = "12 from Integrate under strict gates"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_note_of_a_stage_header_is_whole_on_the_stage_steps(qtbot, isolated_settings, size):
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", size) as w, presenting_graph(w) as p:
        seen = 0
        for k in (2, 3):  # the Integrate and Operationalize steps
            p.go_to(k)
            settle()
            canvas: Any = w.canvas
            canvas.viewport().repaint()
            room = QFontMetrics(canvas._header_font()).horizontalAdvance(NOTE) + 16
            for label, rect in zip(canvas.header_labels, canvas.header_rects, strict=True):
                if (
                    label.startswith("Operationalize") and rect.width() >= room
                ):  # (a band half in sight elides)
                    seen += 1
                    assert label.split("\n")[1:] == [NOTE], label
                    assert rect.height() >= canvas.header_height()
        assert seen >= 1
