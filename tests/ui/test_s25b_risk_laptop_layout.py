"""The Risk tab on the laptops consultants bring (1366x768 at 125 %: a 1093x614 window; 1280x720): the percentile
table showed two rows and the risk register one to three, so P50/P80 and the register could not be read at once.
The charts now stay beside the figures down to their readable width, the run's state sits above the table, the
register's rows are a line high with its title on its button row, and the split gives the charts and table their
height and the register at least four rows."""

from __future__ import annotations

import pytest

from planner.ui.tabs.risk_tab import REGISTER_ROWS
from tests.ui.s18_screens_support import settle


@pytest.mark.parametrize("size", [(1093, 614), (1280, 720)])
def test_percentiles_register_and_chart_are_read_at_once_on_a_laptop(qtbot, sample_window, size):
    w = sample_window
    w.doc.wait_for_analysis()
    w.show_view("Risk")
    tab = w.risk_tab
    runner = w.simulation
    if runner.running:
        qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    w.resize(*size)
    settle()
    settle()  # the split is shared out on the turn after the resize
    page = w.views.currentWidget()
    assert page.width() < 900, page.size()  # the inspector docked beside the tab, as on a first start
    table = tab.results
    view = table.viewport().rect()
    for row in range(6):  # P10, P50, P80, P90, P95, mean: whole, with the register in sight
        rect = table.visualRect(table.model().index(row, 1))
        shown = rect.translated(
            table.viewport().mapTo(tab.figures_scroll.viewport(), rect.topLeft()) - rect.topLeft()
        )
        assert view.contains(rect), (size, row, rect, view)
        assert tab.figures_scroll.viewport().rect().contains(shown), (size, row, shown)
    register = tab.register.table
    assert register.model().rowCount() >= REGISTER_ROWS
    last = register.visualRect(register.model().index(REGISTER_ROWS - 1, 0))
    assert register.viewport().rect().contains(last), (size, last, register.viewport().rect())
    assert tab.register.visibleRegion().boundingRect().height() == tab.register.height()  # not scrolled off
    # the chart beside the figures, at least its readable width
    assert tab.top.orientation().name == "Horizontal"
    assert tab.finish_chart.width() >= 420, tab.finish_chart.size()
