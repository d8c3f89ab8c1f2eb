"""The app's Gantt tab keeps the whole plan's weeks on its axis while its rows scroll (session 31).

The report's long-plan pages show the weeks of their own rows (session 30, 88c168c); the app's Gantt tab draws a
page of rows too (``rows=``, scrolled by its bar), so it took the same window: at 1024x600 the portfolio's Gantt
read 'wk 0-2 of 53.5' with bars as slivers, and the axis jumped as the rows scrolled. A scrolling chart keeps
one axis: week 0 to the finish on every page of rows."""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes

from planner.analysis import analyze
from planner.ui.tabs.chart_tab import ChartTab
from tests.charts.chart_plans import generated_plan
from tests.ui.test_chart_tab import FakeDocument


def _bars_axes(tab: ChartTab) -> Axes:
    """The chart's main axes (the widest one: the overview strip and legends are smaller)."""
    axes = [a for a in tab.figure.axes if a.get_visible()]
    return max(axes, key=lambda a: a.get_position().width * a.get_position().height)


def test_the_axis_is_the_whole_plan_on_every_page_of_rows(qtbot: Any) -> None:
    plan = generated_plan(300, seed=2)
    doc = FakeDocument(plan)
    doc.analysis = analyze(plan)
    finish = doc.analysis.schedule.finish
    tab = ChartTab(doc, "gantt")
    qtbot.addWidget(tab)
    tab.resize(1024, 600)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.draw_count >= 1, timeout=5000)
    assert tab.rows_bar.isVisible()  # the rows are paged: the case that took the report's window
    limits = []
    for value in (0, tab.rows_bar.maximum() // 2, tab.rows_bar.maximum()):
        n = tab.draw_count
        tab.rows_bar.setValue(value)
        if value:
            qtbot.waitUntil(lambda n=n: tab.draw_count > n, timeout=5000)
        lo, hi = _bars_axes(tab).get_xlim()
        limits.append((round(lo, 6), round(hi, 6)))
        assert lo <= 0.0 and hi >= finish, (value, lo, hi, finish)
    assert len(set(limits)) == 1, limits  # the same axis whatever the rows shown
