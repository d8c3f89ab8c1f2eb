"""A presentation stage step at its least zoom showed the overview (H-ui23 walk, portrait 1080x1920, the portfolio
sample's 60-decision Validate stage): the step's least zoom is also where presentation mode puts the overview's
threshold (0.75), and a zoom made by scaling the view's transform came out 0.7499999999999999, below it. The
canvas now compares as the zoom was set (GraphCanvas.detailed)."""

from __future__ import annotations

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import presenting_graph, settle


def test_a_stage_step_at_its_least_zoom_shows_cards(window, qtbot):
    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    window.resize(1080, 1920)
    window.doc.wait_for_analysis()
    with presenting_graph(window) as p:
        canvas = window.canvas
        p.go_to(0)  # the overview first, far zoomed out: the step then scales the view up to its least zoom
        settle()
        step = next(i for i, s in enumerate(p.deck) if s.kind == "stage")
        p.go_to(step)
        settle()
        assert abs(canvas.zoom - canvas.detail_zoom) < 1e-6  # the case: the step at the threshold
        assert not canvas._in_overview() and canvas.detailed()
        assert canvas.graph_scene.cards  # drawn as cards
    # the rounding the transform makes, and the canvas reading it as the zoom set
    canvas.set_room_scale(0.75)
    canvas.set_zoom(0.1360613810741688)
    canvas.set_zoom(0.75)
    assert canvas.detailed()
    canvas.set_room_scale()
