"""Presenting, a short stage band in full sight showed its name twice (found by H-ui21 on the twelve-stage plan's
stage step): the sticky header in the room's type just above the band, and the band's own title and count under
it, smaller ("Stage 1: Discovery ... · 3 decisions" and "Stage 1: Discovery ... / 3 decisions"). The header now
covers the band's own title and count, which it repeats, so the name shows once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF

from tests.ui.s18_screens_support import presenting_graph, settle


def test_a_band_in_sight_shows_its_name_once(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    with presenting_graph(w):
        canvas: Any = w.canvas
        canvas.set_zoom(1.0)  # above the desk's "zoomed out" (0.6), below the room's type
        band_item = canvas.graph_scene.bands[0]
        band = band_item.rect()
        half_h = canvas.viewport().height() / 2 / canvas.zoom
        canvas.centerOn(band.left() + 200, band.top() + half_h - 30)  # the band's top in sight
        canvas.viewport().repaint()
        settle()
        stage = w.doc.plan.stages[0].name
        found = [
            r for t, r in zip(canvas.header_labels, canvas.header_rects, strict=True) if t.startswith(stage)
        ]
        assert len(found) == 1, canvas.header_labels
        header = found[0]
        for item in (band_item.title, band_item.subtitle):
            box = item.sceneBoundingRect()
            top_left = canvas.mapFromScene(QPointF(box.left(), box.top()))
            bottom = canvas.mapFromScene(QPointF(box.left(), box.bottom()))
            # the band's own words lie under the header (which is opaque there), not below it
            assert header.top() <= top_left.y() and bottom.y() <= header.bottom() + 1, (item.text(), header)
            assert header.left() <= top_left.x()
