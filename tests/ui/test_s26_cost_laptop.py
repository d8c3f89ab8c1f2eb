"""The Cost tab at 1280x720 (the inspector and the findings docked): the cost-by-stage chart got 160 of the 280 px
it needs (three of four stages, under a scroll bar) and the team rates list was 36 px taller than its six rows
(its rows' height estimated while it was empty, never measured once filled: adaptive.keep_rows_high). The two
charts now share the height by what they need, and on a tab too short for both they are tabs, each whole; the
rates list is six of its rows high."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import opened_sample


def _settled(qtbot: Any, charts: list[Any]) -> None:
    """Wait until each shown chart has drawn at its settled size (the resize debounce)."""
    qtbot.waitUntil(lambda: all(c.draw_count > 0 for c in charts if c.isVisible()), timeout=20_000)
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    qtbot.waitUntil(lambda: not any(c._resize_timer.isActive() for c in charts), timeout=5_000)


def _tabbed(tab: Any) -> bool:
    pair = getattr(tab, "charts", None)  # (before: a plain splitter, never tabs)
    return pair is not None and bool(pair.is_tabbed())


def _whole(chart: Any) -> bool:
    """The chart is drawn in its view without scrolling."""
    viewport = chart.scroll_area.viewport()
    return chart.canvas.height() <= viewport.height() and chart.canvas.width() <= viewport.width()


def test_both_cost_charts_read_whole_and_the_rates_list_is_its_rows_high(
    qtbot, isolated_settings, sample_path
):
    with opened_sample(qtbot, sample_path, (1280, 720)) as w:
        w.show_view("Cost")
        tab = w.cost_tab
        charts = [tab.spend_chart, tab.stage_chart]
        _settled(qtbot, charts)
        if _tabbed(tab):
            for i, chart in enumerate(charts):  # each chart its own tab, whole in it
                tab.charts.tabs.setCurrentIndex(i)
                _settled(qtbot, charts)
                qtbot.waitUntil(lambda c=chart: c.isVisible() and _whole(c), timeout=10_000)
        else:
            for chart in charts:
                qtbot.waitUntil(lambda c=chart: _whole(c), timeout=10_000)

        rates = tab.rates
        assert rates.topLevelItemCount() == 6  # the sample's teams
        items = [rates.topLevelItem(k) for k in range(6)]
        rows = sum(rates.visualItemRect(item).height() for item in items if item is not None)
        assert rates.verticalScrollBar().maximum() == 0
        assert rates.viewport().height() == rows, (
            rates.viewport().height(),
            rows,
        )  # no empty band under them


def test_in_a_tall_window_the_charts_stay_one_above_the_other(qtbot, isolated_settings, sample_path):
    with opened_sample(qtbot, sample_path, (1400, 1000)) as w:
        w.show_view("Cost")
        tab = w.cost_tab
        charts = [tab.spend_chart, tab.stage_chart]
        _settled(qtbot, charts)
        assert not tab.charts.is_tabbed()
        qtbot.waitUntil(lambda: all(c.isVisible() and _whole(c) for c in charts), timeout=10_000)
        # back to a short window: tabs; and tall again: one above the other, both whole
        w.resize(1280, 720)
        qtbot.waitUntil(tab.charts.is_tabbed, timeout=5_000)
        w.resize(1400, 1000)
        qtbot.waitUntil(lambda: not tab.charts.is_tabbed(), timeout=5_000)
        _settled(qtbot, charts)
        qtbot.waitUntil(lambda: all(c.isVisible() and _whole(c) for c in charts), timeout=10_000)


def test_stacked_over_the_figures_the_charts_are_one_above_the_other_whole(
    qtbot, isolated_settings, sample_path
):
    # 1366x768 at 125 %: the charts over the money column on a page that scrolls; they were two tabs in the
    # 480 px the splitter gave them, where the page scrolls anyway
    with opened_sample(qtbot, sample_path, (1093, 614)) as w:
        w.show_view("Cost")
        tab = w.cost_tab
        charts = [tab.spend_chart, tab.stage_chart]
        _settled(qtbot, charts)
        # stacked, once the layout has settled (on a loaded machine it settles after _settled's half second)
        qtbot.waitUntil(
            lambda: tab.splitter.orientation() == Qt.Orientation.Vertical and not _tabbed(tab), timeout=10_000
        )
        # (the page's scroll bar comes once the charts have their heights: they are drawn again for its width)
        qtbot.waitUntil(lambda: all(c.isVisible() and _whole(c) for c in charts), timeout=10_000)
