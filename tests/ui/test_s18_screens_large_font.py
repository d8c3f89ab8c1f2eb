"""The app at a large system font (15 pt, as accessibility settings give it), set before the window is built as a
desktop does: the risk tab's percentile table shows its dates whole (it cut them to "12 ..." at 280 px)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


@pytest.fixture
def large_font_window(qapp, qtbot, isolated_settings, sample_path) -> Iterator[QWidget]:
    from planner.ui.main_window import MainWindow

    before = QFont(qapp.font())
    big = QFont(before)
    big.setPointSizeF(15)
    qapp.setFont(big)
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1366, 768)
        w.open_file(sample_path)
        w.show()
        qtbot.waitExposed(w)
        w.doc.wait_for_analysis()
        _settle()
        yield w
    finally:
        w.discard_and_close()
        qapp.setFont(before)
        _settle()


def test_the_percentile_table_shows_its_dates_whole_at_15pt(large_font_window):
    w = large_font_window
    w.views.setCurrentWidget(w.risk_tab)
    _settle()
    assert w.risk_tab.run()
    runner = w.simulation
    for _ in range(1000):
        QApplication.processEvents()
        if runner.result is not None and not runner.running:
            break
        runner.wait(20)
    assert runner.result is not None
    _settle()
    table = w.risk_tab.results
    fm = table.fontMetrics()
    assert fm.height() > 20  # the case: 15 pt type
    shown = 0
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is None or not item.text():
                continue
            need = fm.horizontalAdvance(item.text()) + 6  # the cell's text margins
            assert table.columnWidth(c) >= need, (item.text(), table.columnWidth(c), need)
            shown += 1
    assert shown >= 20  # eight rows of label, week and (all but one) date
