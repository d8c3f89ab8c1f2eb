"""The Roadmap and Stage timeline tabs in an 800x600 window (H-ui25): the roadmap was drawn at least 9 in wide and
the stage timeline a slide wide (13.3 in) in a ~5.3 in view, so the view showed the left of each (the long stage
names, the roadmap's title cut at the edge, the timeline's bars out of sight) and scrolled sideways. Both now fit
the view's width, and a name shortened to fit shows whole when the mouse rests on it."""

from __future__ import annotations

import json

import pytest
from matplotlib.text import Text
from PySide6.QtCore import QPoint, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from planner.ui.tabs.chart_tab import ChartTab
from tests.charts.test_s25_ui_narrow_names import NAMES, _plan
from tests.ui.s18_screens_support import settle


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize(("view", "name"), [("Roadmap", "roadmap"), ("Stage timeline", "stages")])
def test_a_narrow_chart_tab_fits_its_view_and_names_show_whole_on_hover(window, qtbot, tmp_path, view, name):
    path = tmp_path / "long-stages.plan.json"
    path.write_text(json.dumps(_plan()), encoding="utf-8")
    w = window
    w.resize(800, 600)
    qtbot.waitUntil(lambda: w.size() == QSize(800, 600))
    w.open_file(str(path))
    w.doc.wait_for_analysis()
    w.show_view(view)
    tab = w.findChild(ChartTab, f"chart-{name}")
    assert tab is not None
    qtbot.waitUntil(lambda: tab.draw_count > 0 and not tab._timer.isActive())
    settle()
    viewport = tab.scroll_area.viewport()
    assert tab.canvas.width() <= viewport.width(), (
        tab.canvas.width(),
        viewport.width(),
    )  # no sideways scroll
    assert not tab.scroll_area.horizontalScrollBar().isVisible()
    fulls = {f"{k + 1} \u00b7 {n}" for k, n in enumerate(NAMES)}
    short = [
        t
        for t in tab.figure.findobj(Text)
        if t.get_label() in fulls and " ".join(t.get_text().split()) != t.get_label()
    ]
    assert short, "no name shortened at this width"
    renderer = tab.canvas.get_renderer()
    for t in short:
        box = t.get_window_extent(renderer)
        assert tab.tip_at(box.x0 + box.width / 2, box.y0 + box.height / 2) == t.get_label()
    assert tab.tip_at(1, 1) is None
    # the mouse resting on the first shortened name: its whole text as the tooltip
    box = short[0].get_window_extent(renderer)
    ratio = tab.canvas.device_pixel_ratio or 1
    at = QPoint(
        int((box.x0 + box.width / 2) / ratio), int(tab.canvas.height() - (box.y0 + box.height / 2) / ratio)
    )
    QTest.mouseMove(tab.canvas, at)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == short[0].get_label())
    QToolTip.hideText()
