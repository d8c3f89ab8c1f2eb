"""The frozen ID and Title at 1024x600 with a 150 % font (session 33, screens).

The table beside the inspector is ~650 px there. The frozen pane's 45 % share left the title 17 characters ('Set up
use-ca…') beside an id cut to its least, 12 characters, at its right: 23 of the portfolio's ids read 'screening-…',
19 'service-de…', the rows' ids telling nothing apart. The title now keeps 20 characters (the pane growing to at
most half the table) and an id too long for its cell is cut in the middle, as on the graph's cards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from planner.ui.views.models import COLUMN_INDEX
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, opened_sample, settle


@pytest.fixture
def portfolio_large_type(qtbot: Any, isolated_settings: Any) -> Iterator[Any]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with (
        app_font(QFont(app.font()).pointSizeF() * 1.5),
        opened_sample(qtbot, SAMPLES / "ai-portfolio.plan.json", (1024, 600)) as w,
    ):
        w.views.setCurrentWidget(w.table_view)
        settle()
        table = w.table_view.table
        qtbot.waitUntil(lambda: table.pane is not None and table.pane.isVisible())
        qtbot.waitUntil(lambda: table.pane.width() == table.frozen_width() > 0)
        yield w


def _shown(pane: Any, index: QModelIndex) -> str:
    """The text the pane draws in ``index``'s cell: its delegate's elision at the cell's text width."""
    option = QStyleOptionViewItem()
    option.initFrom(pane)
    option.rect = pane.visualRect(index)
    option.textElideMode = pane.textElideMode()  # (as the view's own options; the delegate may change it)
    pane.itemDelegate().initStyleOption(option, index)
    margin = pane.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, pane) + 1
    return option.fontMetrics.elidedText(option.text, option.textElideMode, option.rect.width() - 2 * margin)


def test_the_frozen_title_keeps_twenty_characters(portfolio_large_type: Any) -> None:
    table = portfolio_large_type.table_view.table
    char = table.fontMetrics().averageCharWidth()
    title = table.columnWidth(COLUMN_INDEX["title"])
    assert title >= 20 * char, (title, char)
    assert table.frozen_width() <= 0.5 * table.viewport().width() + 1  # the figures keep half the table
    assert table.pane.isVisible()


def test_ids_of_one_family_read_apart_in_the_frozen_column(portfolio_large_type: Any) -> None:
    w = portfolio_large_type
    table, proxy = w.table_view.table, w.table_view.proxy
    pane = table.pane
    column = COLUMN_INDEX["id"]
    family = [
        proxy.index(r, column)
        for r in range(proxy.rowCount())
        if str(proxy.index(r, column).data()).startswith("screening-")
    ]
    assert len(family) >= 10
    whole = [str(i.data()) for i in family]
    assert any(pane.fontMetrics().horizontalAdvance(t) > pane.columnWidth(column) for t in whole)  # some cut
    shown = [_shown(pane, i) for i in family]
    assert len(set(shown)) >= 0.9 * len(shown), shown  # was 1: 'screening-…' on every row
