"""The Cost tab cut the team names of its rates list ('Customer experience…' at 1280x720 with the inspector docked,
'Customer exper…' in presentation type): the column of money fields was 310 px whatever the names, and the rate
column took the width of its one-line header. The column now takes the names' width (the rate header on two
lines), the charts beside it keeping their readable width."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.s18_screens_support import settle


def _names_whole(tab: Any) -> list[tuple[str, int, int]]:
    """The rates list's team names that do not fit their column: (name, needed, column width)."""
    rates = tab.rates
    fm = rates.fontMetrics()
    width = rates.columnWidth(0)
    cut = []
    for i in range(rates.topLevelItemCount()):
        name = rates.topLevelItem(i).text(0)
        need = fm.horizontalAdvance(name) + 8  # the cell's text margins
        if need > width:
            cut.append((name, need, width))
    return cut


def test_the_rates_list_shows_every_team_name_whole_at_the_desk_and_presenting(sample_window):
    w = sample_window
    w.resize(1280, 720)
    w.doc.wait_for_analysis()
    w.show_view("Cost")
    settle()
    tab = w.cost_tab
    assert w.inspector_dock.isVisible() and not w.inspector_dock.isFloating()
    assert tab.rates.topLevelItemCount() == 6
    assert _names_whole(tab) == []
    # beside the charts, not stacked under them: the money fields in sight without scrolling the tab
    split = tab.side_scroll.parentWidget()
    assert split.orientation() == Qt.Orientation.Horizontal
    assert tab.spend_chart.width() >= 400
    # each name in full in its tool tip too (a name longer than the list's room elides)
    assert tab.rates.topLevelItem(1).toolTip(0) == "Customer experience & contact centre"
    w.presentation.enter(full_screen=False)
    try:
        settle()
        assert _names_whole(tab) == []
        assert split.orientation() == Qt.Orientation.Horizontal
    finally:
        w.presentation.leave()
        settle()
    assert _names_whole(tab) == []


def test_the_rates_list_keeps_its_six_rows_on_a_2560_panel_presenting(sample_window):
    # Its own size hint (192 px) gave the list four rows of six in presentation type, the room below them empty.
    w = sample_window
    w.resize(2560, 1440)
    w.doc.wait_for_analysis()
    w.show_view("Cost")
    settle()
    rates = w.cost_tab.rates
    w.presentation.enter(full_screen=False)
    try:
        settle()
        assert rates.verticalScrollBar().maximum() == 0, (rates.height(), rates.maximumHeight())
        last = rates.visualItemRect(rates.topLevelItem(5))
        assert rates.viewport().rect().contains(last), (last, rates.viewport().rect())
    finally:
        w.presentation.leave()
        settle()
