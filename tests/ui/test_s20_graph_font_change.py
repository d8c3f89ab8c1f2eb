"""The graph follows an application font changed while it is open (type_scale.desk_scale), as the charts do: it kept
the zoom of the old font, its cards in 10 pt type beside 16 pt tables. A view still as the plan opened is opened
again at the new scale; one the presenter zoomed or moved keeps its place and scales its zoom."""

from __future__ import annotations

from typing import Any

import pytest

from planner.ui.canvas import style as S
from planner.ui.views import type_scale
from tests.ui.s18_screens_support import app_font, opened_sample, settle

SIZE = (1366, 768)


def _view(canvas: Any) -> tuple[float, float, float]:
    c = canvas.mapToScene(canvas.viewport().rect().center())
    return canvas.zoom, c.x(), c.y()


def test_the_opening_view_is_opened_again_at_the_new_font(qapp, qtbot, isolated_settings, sample_path):
    with app_font(10), opened_sample(qtbot, sample_path, SIZE) as w:
        w.show_view("Graph")
        settle()
        canvas: Any = w.canvas
        canvas.overview()  # as the plan opened
        settle()
        zoom_10 = canvas.zoom
        # the sample does not fit readably at 1366x768: it opens at the readable zoom (0.6 x desk scale 1.0)
        assert zoom_10 == pytest.approx(S.READABLE_ZOOM * 1.0)
        with app_font(16):
            settle()
            assert type_scale.desk_scale() == pytest.approx(1.6)
            # the readable zoom at 16 pt: 0.6 x 1.6 (it stayed at 0.6: card text as at 10 pt)
            assert canvas.zoom == pytest.approx(S.READABLE_ZOOM * 1.6)
            shown = _view(canvas)
            canvas.overview()  # what opening the plan at 16 pt shows: the same view
            assert _view(canvas) == pytest.approx(shown, abs=1.0)
        settle()
        assert canvas.zoom == pytest.approx(zoom_10)  # and back


def test_a_zoomed_view_keeps_its_place_and_scales_with_the_font(qapp, qtbot, isolated_settings, sample_path):
    with app_font(10), opened_sample(qtbot, sample_path, SIZE) as w:
        w.show_view("Graph")
        settle()
        canvas: Any = w.canvas
        canvas.overview()
        canvas.set_zoom(0.9)  # the presenter zoomed in on a part of the plan
        canvas.centerOn(600, 300)
        settle()
        zoom, x, y = _view(canvas)
        with app_font(12):
            settle()
            z2, x2, y2 = _view(canvas)
            assert z2 == pytest.approx(zoom * 1.2)  # 12 pt over 10 pt
            assert (x2, y2) == pytest.approx((x, y), abs=2.0)  # the same place in the middle


def test_a_hidden_graph_opens_at_the_new_font_when_shown(qapp, qtbot, isolated_settings, sample_path):
    with app_font(10), opened_sample(qtbot, sample_path, SIZE) as w:
        w.show_view("Graph")
        settle()
        canvas: Any = w.canvas
        canvas.overview()
        settle()
        w.show_view("Table")
        settle()
        with app_font(16):
            settle()
            w.show_view("Graph")
            settle()
            assert canvas.zoom == pytest.approx(S.READABLE_ZOOM * 1.6)
