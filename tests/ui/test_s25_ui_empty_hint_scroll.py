"""The graph of a plan without decisions (H-ui25 walk, 1366x768 at 125 %): its hint ('No decisions yet. Edit > Add
Decision…') sat 400 px right of the middle, its words cut at the view's edge. The hint is a child of the viewport,
and scrolling a view moves the viewport's children with its contents; fitting the view to the empty stages
scrolled it. The hint now stays over the viewport whatever the scroll."""

from __future__ import annotations

from planner.ui.views.empty_hint import MARGIN
from tests.ui.s18_screens_support import settle


def test_the_empty_graph_hint_stays_in_view_when_the_graph_scrolls(window, qtbot):
    assert window.doc.plan.decisions == []
    window.resize(1093, 614)
    window.show_view("Graph")
    settle()
    canvas = window.canvas
    hint = canvas.empty_hint
    viewport = canvas.viewport()
    whole = viewport.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    bar = canvas.horizontalScrollBar()
    canvas.set_zoom(2.0)  # wider than the view: it scrolls
    settle()
    assert bar.maximum() > bar.minimum()
    for value in (bar.minimum(), (bar.minimum() + bar.maximum()) // 2, bar.maximum()):
        bar.setValue(value)
        settle()
        assert hint.isVisible() and hint.geometry() == whole, (value, hint.geometry(), whole)
    vbar = canvas.verticalScrollBar()
    if vbar.maximum() > vbar.minimum():
        vbar.setValue(vbar.maximum())
        settle()
        assert hint.geometry() == whole
