"""In presentation mode the Risk tab's figures column kept the width it had for the desk's font, while the percentile
table's columns grew with the type: the dates read "12 …", "28 …" (1280x800, and on a 4K panel "What each risk
adds to P80" wrapped a word a line). The column follows the tab's font as it changes."""

from __future__ import annotations

from tests.ui.s18_screens_support import settle


def _fits(tab) -> tuple[bool, list[int], int]:
    table = tab.results
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    return sum(widths) <= table.viewport().width(), widths, table.viewport().width()


def test_the_percentile_table_stays_whole_in_presentation_type(qtbot, sample_window):
    w = sample_window
    w.resize(1280, 800)
    w.doc.wait_for_analysis()
    w.show_view("Risk")
    tab = w.risk_tab
    runner = w.simulation
    if runner.running:
        qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    settle()
    assert _fits(tab)[0], _fits(tab)
    desk = tab.figures_scroll.minimumWidth()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        fits, widths, room = _fits(tab)
        assert fits, (widths, room)  # every column of the table in sight: no date cut to "12 …"
        fm = tab.results.fontMetrics()
        assert widths[2] >= fm.horizontalAdvance("28 Jan 2028")
        assert tab.figures_scroll.minimumWidth() > desk
    finally:
        w.presentation.leave()
        settle()
    assert tab.figures_scroll.minimumWidth() == desk  # the desk's width back
