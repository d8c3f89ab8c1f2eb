"""The Cost tab's team rates list was at most 150 px high: six teams at the desk's font, but in presentation type
only four or five (two, the third cut, on a 4K panel), the rest behind a scroll bar. It is now six rows high in its
font as it is (views.adaptive.keep_rows_high), at the desk and while presenting."""

from __future__ import annotations

from tests.ui.s18_screens_support import settle


def test_the_six_team_rates_stay_in_sight_in_presentation_type(sample_window):
    w = sample_window
    w.resize(1920, 1080)
    w.doc.wait_for_analysis()
    w.show_view("Cost")
    settle()
    rates = w.cost_tab.rates
    assert rates.topLevelItemCount() == 6  # the sample's teams
    assert rates.verticalScrollBar().maximum() == 0
    desk = rates.maximumHeight()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        assert rates.sizeHintForRow(0) > 1.3 * 14  # presentation type: taller rows
        assert rates.verticalScrollBar().maximum() == 0, rates.maximumHeight()  # all six rows in sight
        last = rates.visualItemRect(rates.topLevelItem(5))
        assert rates.viewport().rect().contains(last), (last, rates.viewport().rect())
    finally:
        w.presentation.leave()
        settle()
    assert rates.maximumHeight() == desk
