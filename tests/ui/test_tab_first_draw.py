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
        w.show_view(view)
        _settle()
        assert [c.draw_count for c in views] == [1] * len(views), view
        assert all(c.canvas is not None for c in views)

    # an edit while the Cost tab is shown: its charts redraw once for the new analysis
    first = w.doc.plan.decisions[0]
    assert w.doc.edit_decision(first.id, headcount=first.headcount + 1) is None
    w.doc.wait_for_analysis()
    _settle()
    assert [c.draw_count for c in charts["Cost"]] == [2, 2]
