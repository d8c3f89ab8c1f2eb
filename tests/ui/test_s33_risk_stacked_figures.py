"""The risk tab stacked (a narrow tab, large type): the percentile table whole above the charts (session 33).

At 1280x800 with a 150 % font the tab stacks its figures above the charts, and the figures were squeezed to 68 px:
the table's header and half of P10 over a scroll bar, the finish chart below them 250 px tall. Stacked, the figures
now keep the run's state line and the whole percentile table, and the tab's page scrolls to the chart and register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, finish_simulation, opened_sample, settle


def test_stacked_the_percentile_table_is_whole(qtbot: Any, isolated_settings: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with (
        app_font(QFont(app.font()).pointSizeF() * 1.5),
        opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 800)) as w,
    ):
        w.show_view("Risk")
        tab = w.risk_tab
        tab.run()
        finish_simulation(w)
        settle()
        qtbot.waitUntil(lambda: tab.top.orientation() == Qt.Orientation.Vertical)
        table = tab.results
        qtbot.waitUntil(lambda: table.height() >= table.minimumHeight() > 0)
        # every row of the table seen whole in the figures pane (not scrolled to)
        scroll = tab.figures_scroll
        assert scroll.verticalScrollBar().value() == 0
        seen = scroll.viewport().height()
        inner = scroll.widget()
        assert inner is not None
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            assert item is not None
            rect = table.visualItemRect(item)
            bottom = table.mapTo(inner, rect.bottomLeft()).y() + table.viewport().y()
            assert bottom <= seen, (row, bottom, seen)
        assert tab.state_label.isVisible() and tab.state_label.height() > 0
        # the charts keep their readable height: the page scrolls instead
        assert tab.charts.height() >= tab.top.main_height - 2
        page = tab.findChild(QScrollArea, "riskTabScroll")
        assert page is not None and page.verticalScrollBar().maximum() > 0
        # side by side again in a wide window: the figures have the charts' height, no least of their own
        w.resize(1900, 1000)
        qtbot.waitUntil(lambda: tab.top.orientation() == Qt.Orientation.Horizontal)
        assert scroll.minimumHeight() == 0
