"""Columns whose words are cut (H-ui22): the Capacity tab's over-capacity Dates at 1280x720 ("13 Aug 2027 – 16 Au"),
the Coverage tab's Status, the Table tab's columns in a 150 % font. One rule now fits them
(``planner.ui.views.columns.ColumnFit``): figures, dates and statuses whole, within the view; titles and names
elide or wrap to make room."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from tests.ui.s18_screens_support import app_font, opened_sample, settle

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def _texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    rows = [model.index(r, column).data() for r in range(model.rowCount())]
    return [str(model.headerData(column, Qt.Orientation.Horizontal) or "")] + [str(t) for t in rows if t]


def _header(view: QAbstractItemView) -> QHeaderView:
    if isinstance(view, QTreeView):
        return view.header()
    assert isinstance(view, QTableView)
    return view.horizontalHeader()


def assert_whole(view: QAbstractItemView, column: int, *, in_view: bool = True) -> int:
    """Every line of ``column``'s header and cells fits its width, and the column lies within the viewport."""
    fm = view.fontMetrics()
    width = _header(view).sectionSize(column)
    lines = [line for t in _texts(view, column) for line in t.split("\n")]
    for line in lines:
        need = fm.horizontalAdvance(line) + 6  # the cell's text margins
        assert width >= need, (line, width, need)
    if in_view:
        left = _header(view).sectionViewportPosition(column)
        assert left >= 0 and left + width <= view.viewport().width(), (left, width, view.viewport().width())
    return len(lines)


@pytest.fixture
def window_1280(qtbot, isolated_settings, sample_path) -> Iterator[MainWindow]:
    with opened_sample(qtbot, sample_path, (1280, 720)) as w:
        yield w


def test_the_over_capacity_dates_are_whole_at_1280x720(window_1280):
    w = window_1280
    tab = w.capacity_tab
    w.views.setCurrentWidget(tab)
    settle()
    tab.side.setCurrentWidget(tab.over)
    settle()
    over = tab.over
    assert over.topLevelItemCount() == 3  # the sample's three stretches
    assert over.topLevelItem(1).text(2) == "13 Aug 2027 – 16 Aug 2027"
    for c in (1, 2, 3):  # weeks, dates, peak
        assert_whole(over, c)


def test_the_coverage_status_is_whole_at_1280x720(window_1280):
    w = window_1280
    tab = w.coverage_tab
    w.views.setCurrentWidget(tab)
    settle()
    m = tab.matrix
    status = m.columnCount() - 1
    assert m.horizontalHeaderItem(status).text() == "Status"
    assert assert_whole(m, status) > 20
    assert_whole(m, 0)
    assert m.horizontalScrollBar().maximum() == 0  # nothing out of sight sideways


@pytest.mark.parametrize("points", [13.5, 15])
def test_the_table_shows_its_short_columns_whole_in_a_large_font(
    qtbot, isolated_settings, sample_path, points
):
    with app_font(points), opened_sample(qtbot, sample_path, (1920, 1080)) as w:
        w.views.setCurrentWidget(w.table_view)
        settle()
        table: QTableView = w.table_view.table
        assert table.fontMetrics().height() > 18  # the case: 150 % type
        from planner.ui.views.models import COLUMNS

        shown = 0
        for c, col in enumerate(COLUMNS):
            if table.isColumnHidden(c) or col.key in ("id", "title"):
                continue
            assert_whole(table, c, in_view=False)
            shown += 1
        assert shown >= 12
