"""The Cost tab's money figures are whole when stacked under the charts (session 28, screens).

Stacked (1024x768, or a large font), the figures column was held at 360 px, less than its own least height (387
px: the money form, the team rates list kept six rows high, the breakdown's tabs): the money group was squeezed
27 px under its least height, the rates list ran into the breakdown's tabs with its last row and bottom edge cut, and
the (empty) problem line lay over the list's last rows. The column is now at least as tall as its contents need."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.s18_screens_support import app_font


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("points", [9.0, 13.5])
def test_the_stacked_figures_column_is_as_tall_as_its_contents(
    sample_window: Any, qtbot: Any, points: float
) -> None:
    w = sample_window
    with app_font(points):
        w.resize(1024, 740)
        w.views.setCurrentWidget(w.cost_tab)
        tab = w.cost_tab
        qtbot.waitUntil(lambda: tab.splitter.orientation() == Qt.Orientation.Vertical)
        _settle()
        money, side = tab.money, tab.side
        assert money.height() >= money.minimumSizeHint().height(), (money.height(), money.minimumSizeHint())
        assert side.height() >= side.layout().minimumSize().height()
        # the rates list and the problem line inside the money group, one under the other
        inner = money.contentsRect()
        rates, problem = _rect_in(tab.rates, money), _rect_in(tab.problem, money)
        assert inner.contains(rates), (rates, inner)
        assert not rates.intersects(problem), (rates, problem)
        assert _rect_in(money, side).bottom() < _rect_in(tab.breakdown, side).top()
        # and the scroll area it is in shows it whole (the page scrolls instead)
        assert tab.side_scroll.viewport().height() >= side.height()
