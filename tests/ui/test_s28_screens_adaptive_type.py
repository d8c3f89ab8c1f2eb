"""A chart beside a side panel keeps its readable width in large type too (session 28, screens).

The analysis tabs put a chart beside its figures while the chart can be CHART_MIN_WIDTH (480) pixels wide, else
stack them. The width was the same at any type size, but the charts' text grows with the desktop font
(``type_scale.desk_scale``): at a 150 % font (13.5 pt) on 1280x720 (2560x1440 at 200 %) the team-load chart was
555 px beside its tables, its row labels and peak figures 1.35 times as wide, its plot 210 px for 72 weeks, the
date labels run together. The readable width grows with the type as the text does."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from planner.ui.views.adaptive import CHART_MIN_WIDTH, AdaptiveSplitter
from planner.ui.views.type_scale import desk_scale
from tests.ui.s18_screens_support import app_font, opened_sample


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _splitter(qtbot: Any, side_width: int = 350) -> AdaptiveSplitter:
    split = AdaptiveSplitter(main=0)
    chart, side = QWidget(), QWidget()
    side.setMinimumWidth(side_width)
    split.addWidget(chart)
    split.addWidget(side)
    qtbot.addWidget(split)
    split.show()
    return split


@pytest.mark.parametrize(("points", "orientation"), [(9.0, "side"), (13.5, "stacked")])
def test_the_readable_width_grows_with_the_type(qtbot: Any, points: float, orientation: str) -> None:
    with app_font(points):
        split = _splitter(qtbot)
        split.resize(CHART_MIN_WIDTH + 350 + 60, 500)  # room for the chart at 9 pt, not at 13.5 pt
        _settle()
        wanted = Qt.Orientation.Horizontal if orientation == "side" else Qt.Orientation.Vertical
        assert split.orientation() == wanted
        if wanted == Qt.Orientation.Horizontal:
            assert split.widget(0).width() >= CHART_MIN_WIDTH * desk_scale()


def test_a_font_change_re_decides_the_orientation(qtbot: Any) -> None:
    split = _splitter(qtbot)
    split.resize(CHART_MIN_WIDTH + 350 + 60, 500)
    _settle()
    assert split.orientation() == Qt.Orientation.Horizontal
    with app_font(13.5):
        qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Horizontal)


def test_the_team_load_chart_in_large_type_at_1280x720(
    qtbot: Any, isolated_settings: Any, sample_path: Any
) -> None:
    with app_font(13.5), opened_sample(qtbot, sample_path, (1280, 720)) as w:
        w.show_view("Capacity")
        _settle()
        tab = w.capacity_tab
        split = tab.chart_scroll.parentWidget()
        assert isinstance(split, AdaptiveSplitter)
        if split.orientation() == Qt.Orientation.Horizontal:
            assert tab.chart_scroll.width() >= CHART_MIN_WIDTH * desk_scale(), tab.chart_scroll.width()
        else:
            assert tab.chart_scroll.width() == split.width()
