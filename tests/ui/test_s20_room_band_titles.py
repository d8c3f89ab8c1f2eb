"""Presenting, a stage band whose top was in sight showed only its own title, drawn at the canvas zoom: on a 4K
panel's stage step (zoom 1.5, room type 3.2x) "Validate · 11 decisions" was a small label in the corner. Below the
room's type scale the sticky header, in the room's type, names the stage as it does zoomed out."""

from __future__ import annotations

from typing import Any

from tests.ui.s18_screens_support import presenting_graph, settle


def test_a_band_top_in_sight_gets_its_header_in_room_type(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    with presenting_graph(w):
        canvas: Any = w.canvas
        room = canvas.overview_text_scale
        assert room > 1.0  # presentation type
        canvas.set_zoom(1.0)  # above the desk's "zoomed out" (0.6), below the room's type
        band = canvas.graph_scene.bands[0].rect()
        half_h = canvas.viewport().height() / 2 / canvas.zoom
        canvas.centerOn(band.left() + 200, band.top() + half_h - 30)  # the band's top in sight
        canvas.viewport().repaint()
        settle()
        seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        assert seen.top() < band.top()
        stage = w.doc.plan.stages[0].name
        assert any(t.startswith(stage) for t in canvas.header_labels), canvas.header_labels
        assert (
            canvas._header_font().pointSizeF()
            > canvas.zoom * canvas.graph_scene.bands[0].title.font().pointSizeF()
        )
