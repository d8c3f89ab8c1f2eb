"""The Risk tab's percentile table kept its desk height in presentation type: on a 2560x1440 panel it showed P10 to
P90 and scrolled P95, the mean, the spread and the CPM finish out of sight, above an empty column. Its height now
follows the tab's font, as its width does."""

from __future__ import annotations

from tests.ui.s18_screens_support import settle


def test_the_percentile_table_shows_its_eight_rows_presenting_on_a_2560_panel(qtbot, sample_window):
    w = sample_window
    w.resize(2560, 1440)
    w.doc.wait_for_analysis()
    w.show_view("Risk")
    tab = w.risk_tab
    runner = w.simulation
    if runner.running:
        qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    settle()
    table = tab.results
    assert table.rowCount() == 8  # P10, P50, P80, P90, P95, mean, spread, CPM
    desk = table.minimumHeight()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        assert table.verticalScrollBar().maximum() == 0, (table.height(), table.minimumHeight())
        last = table.visualRect(table.model().index(7, 0))
        assert table.viewport().rect().contains(last), (last, table.viewport().rect())
    finally:
        w.presentation.leave()
        settle()
    assert table.minimumHeight() == desk  # the desk's height back
