"""Presentation on a portrait screen: the step panel under the graph takes the height its text needs (session 33).

On a 1080x1920 panel the step panel kept 36 % of the window's height whatever the step said: a critical-path step's
four lines sat over 400 px of empty panel, taken from the graph above. It now takes what its title and body need, at
most that share (a longer step scrolls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize

from planner.ui.presentation.mode import STEP_PANEL_SHARE
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle


def test_the_portrait_step_panel_is_as_tall_as_its_text(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1080, 1920)) as w:
        assert w.size() == QSize(1080, 1920)
        with presenting_graph(w) as p:
            most = w.height() * STEP_PANEL_SHARE
            heights: dict[str, int] = {}
            for i in range(1, len(p.deck)):
                p.go_to(i)
                settle()
                panel = p.step_panel
                assert panel is not None and panel.isVisible()
                scroll = panel.scroll_area.verticalScrollBar()
                # never more than the share; less only when the text is whole (nothing to scroll to)
                assert panel.height() <= most + 2, p.current_step.title
                assert scroll.maximum() == 0 or panel.height() >= most - 2, p.current_step.title
                title = panel.title.geometry()
                assert title.height() >= panel.title.heightForWidth(title.width())  # the title whole too
                heights[p.current_step.kind] = min(heights.get(p.current_step.kind, 10**6), panel.height())
                canvas = w.canvas
                assert canvas.height() + panel.height() <= w.height()
            # a critical-path step (a few lines) leaves the rest to the graph: it kept 691 px
            assert min(heights.values()) < 0.25 * w.height(), heights
