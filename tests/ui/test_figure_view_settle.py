"""A chart is drawn again only when what it shows or its size changed: a resize that ends at the size already drawn
costs nothing, and a finished simulation redraws each Risk chart once (the finish chart was drawn twice: once for
its probability-by line, once for the result)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.ui.views.figure_view import RESIZE_DEBOUNCE_MS, FigureView
from tests.ui.figure_settle_support import wait_settled


def test_a_resize_back_to_the_drawn_size_does_not_redraw(qtbot) -> None:
    sizes: list[tuple[float, float]] = []
    view = FigureView(lambda fig: sizes.append(tuple(fig.get_size_inches())), "settleChart")
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.draw_count >= 1, timeout=3000)
    qtbot.wait(RESIZE_DEBOUNCE_MS * 3)
    n = view.draw_count
    view.resize(640, 420)  # a layout that moves and settles where it was, within the debounce
    view.resize(600, 400)
    qtbot.wait(RESIZE_DEBOUNCE_MS * 3)
    assert view.draw_count == n
    view.resize(700, 450)  # a real new size: one redraw at it
    qtbot.waitUntil(lambda: view.draw_count == n + 1, timeout=3000)
    qtbot.wait(RESIZE_DEBOUNCE_MS * 3)
    assert view.draw_count == n + 1
    w_in, h_in = sizes[-1]
    dpi = view.figure.dpi
    assert (round(w_in * dpi), round(h_in * dpi)) == (700, 450)
    view.redraw()  # an explicit redraw (new data) always draws
    assert view.draw_count == n + 2


def test_a_finished_simulation_redraws_each_risk_chart_once(qtbot, sample_window) -> None:
    tab = sample_window.risk_tab
    sample_window.show_view("Risk")
    runner = sample_window.simulation
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    qtbot.wait(RESIZE_DEBOUNCE_MS * 3)
    tab.by_edit.setText("40")
    tab.by_edit.editingFinished.emit()
    charts = (tab.finish_chart, tab.criticality_chart, tab.tornado_chart)
    wait_settled(charts)  # the line's redraw and any layout it set off are over, however busy the machine
    before = [c.draw_count for c in charts]
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    after = [c.draw_count for c in charts]
    # once when shown (the finish chart is); a chart in a hidden sub-tab waits to be shown
    assert tab.finish_chart.isVisible()
    assert [a - b for a, b in zip(after, before, strict=True)] == [int(c.isVisible()) for c in charts]
    assert "of iterations finish by" in tab.by_result.text()  # the line's figure is still shown


def test_a_tab_shown_for_the_first_time_draws_its_charts_once_at_their_shown_size(
    qtbot, sample_window
) -> None:
    """The Cost tab's text, filled as it shows, moved its charts a few pixels after they were drawn (so they were
    drawn again); the Risk tab's finish chart was first drawn at its minimum size (200 x 120)."""
    w = sample_window
    w.doc.wait_for_analysis()
    for view, charts in (
        ("Cost", [w.cost_tab.spend_chart, w.cost_tab.stage_chart]),
        ("Risk", [w.risk_tab.finish_chart]),
    ):
        drawn: list[tuple[str, int, int]] = []
        for chart in charts:
            inner = chart._draw
            chart._draw = lambda fig, c=chart, f=inner, log=drawn: (
                log.append((c.objectName(), c.width(), c.height())),
                f(fig),
            )
        w.show_view(view)
        assert drawn, view  # drawn as the tab shows
        assert all((width, height) != (200, 120) for _, width, height in drawn), drawn
        if view == "Cost":
            qtbot.wait(RESIZE_DEBOUNCE_MS * 4)
            assert [c.draw_count for c in charts] == [1, 1], drawn
            assert [(c.width(), c.height()) for c in charts] == [(wd, ht) for _, wd, ht in drawn]
