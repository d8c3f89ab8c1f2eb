"""The Gantt shows the decision selected while it was hidden (session 32, workshop).

Presenting at 1280x720, the presenter picked 'Call the scoring service from the authorisation flow' on the graph or
the table, then Ctrl+3: the Gantt came up at its first rows ('rows 1-7 of 45', the Validate stage), the decision the
presenter bar named out of sight. A selection made while the Gantt tab is hidden (or not built yet) now brings its
row in sight when the Gantt is next drawn, as a selection made with the Gantt in front does."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from planner.charts.gantt import gantt_rows
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import settle


def _row_of(window: Any, did: str) -> int:
    analysis = window.doc.drawable_analysis
    index = analysis.schedule.index[did]
    rows = gantt_rows(analysis, False)
    return next(k for k, (kind, i) in enumerate(rows) if kind == "decision" and i == index)


@pytest.mark.parametrize("built", [False, True], ids=["first-show", "shown-before"])
def test_the_gantt_comes_up_at_the_selected_decision(window: Any, qtbot: Any, built: bool) -> None:
    assert window.open_file(SAMPLES / "fraud-detection.plan.json")
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 720))
    window.doc.wait_for_analysis()
    lazy = window.chart_tabs["gantt"]
    if built:
        window.views.setCurrentWidget(lazy)
        qtbot.waitUntil(lambda: lazy.chart is not None and lazy.chart.draw_count > 0)
        window.show_view("Table")
        settle()
    did = "auth-flow-integration"  # row 23 of 45: not among the first rows
    window.doc.select([did])
    settle()
    window.views.setCurrentWidget(lazy)
    qtbot.waitUntil(lambda: lazy.chart is not None and lazy.chart.draw_count > 0 and not lazy.chart._dirty)
    chart = lazy.chart
    qtbot.waitUntil(lambda: chart.rows_bar.isVisible())
    start, page = chart.rows_bar.value(), chart._row_page
    row = _row_of(window, did)
    assert row >= page  # (below the first page of rows)
    assert start <= row < start + page - 1, (start, page, row)


@pytest.mark.parametrize("built", [False, True], ids=["first-show", "shown-before"])
def test_the_dependency_graph_comes_up_at_the_selected_card(window: Any, qtbot: Any, built: bool) -> None:
    from planner.charts import graph as graph_chart

    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 720))
    window.doc.wait_for_analysis()
    lazy = window.chart_tabs["graph"]
    if built:
        window.views.setCurrentWidget(lazy)
        qtbot.waitUntil(lambda: lazy.chart is not None and lazy.chart.draw_count > 0)
        window.show_view("Table")
        settle()
    did = window.doc.plan.decisions[-1].id  # the last decision of the plan: far from where the work starts
    window.doc.select([did])
    settle()
    window.views.setCurrentWidget(lazy)
    qtbot.waitUntil(lambda: lazy.chart is not None and lazy.chart.draw_count > 0 and not lazy.chart._dirty)
    chart = lazy.chart
    analysis = window.doc.drawable_analysis
    box = graph_chart.card_box(analysis, did)
    assert box is not None
    room_w, room_h = graph_chart.view_room(*chart._view_in())
    x0, y0 = chart.cols_bar.value() / 100, chart.rows_bar.value() / 100
    assert chart.cols_bar.isVisible() or chart.rows_bar.isVisible()  # (the graph scrolls at this size)
    assert x0 <= box[0] and box[1] <= x0 + room_w, (x0, room_w, box)
    assert y0 <= box[2] and box[3] <= y0 + room_h, (y0, room_h, box)
