"""A tab that refreshes when shown (LazyRefresh) draws each chart once on its first visit: the chart's own show
drew it before the tab had refreshed for the analysis, and the refresh drew it again (LazyRefresh.chart_ready)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def test_capacity_and_cost_charts_draw_once_when_first_shown(sample_window) -> None:
    w = sample_window
    w.doc.wait_for_analysis()
    _settle()
    charts = {
        "Capacity": [w.capacity_tab.chart],
        "Cost": [w.cost_tab.spend_chart, w.cost_tab.stage_chart],
    }
    for view, views in charts.items():
        assert all(c.draw_count == 0 for c in views), view  # hidden so far: nothing drawn
        # The show itself (the chart's and the tab's show events, delivered as the tab becomes current) draws
        # each chart once; the double draw happened right there. (A later resize of the settling layout may
        # redraw on its debounce timer, under load: that is a new size, not this.)
        w.show_view(view)
        assert [c.draw_count for c in views] == [1] * len(views), view
        _settle()
        assert all(c.canvas is not None and c.draw_count >= 1 for c in views)

    # an edit while the Cost tab is shown: its charts redraw for the new analysis
    before = [c.draw_count for c in charts["Cost"]]
    first = w.doc.plan.decisions[0]
    assert w.doc.edit_decision(first.id, headcount=first.headcount + 1) is None
    w.doc.wait_for_analysis()
    _settle()
    assert all(c.draw_count > n for c, n in zip(charts["Cost"], before, strict=True))


def test_the_gantt_of_a_plan_taller_than_the_window_draws_once_when_first_shown(qtbot) -> None:
    # The rows' scroll bar appears once the first drawing finds the rows do not fit; it narrowed the chart,
    # whose resize drew it a second time (~0.2 s at 1,000 decisions). Its room is now kept while it is hidden.
    # (Checked against the fix undone: the count is 2.)
    from planner.ui.main_window import MainWindow
    from tests.ui.conftest import SAMPLES

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    assert w.open_file(SAMPLES / "ai-portfolio.plan.json")
    w.show()
    qtbot.waitExposed(w)
    try:
        w.doc.wait_for_analysis()
        _settle()
        w.show_view("Gantt")
        tab = w.chart_tabs["gantt"].chart
        qtbot.waitUntil(lambda: tab.draw_count >= 1, timeout=5000)
        qtbot.wait(300)  # past the redraw debounce: the second drawing came by then
        _settle()
        assert tab.rows_bar.isVisible()  # 196 decisions do not fit: the rows scroll
        assert tab.draw_count == 1
    finally:
        w.discard_and_close()
