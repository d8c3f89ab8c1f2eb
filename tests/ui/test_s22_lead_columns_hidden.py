"""A hidden table widens its columns when it is shown (issue 12, session 22). Qt measures "the rows in sight" of a
hidden view as every row, so the decisions table, hidden behind the Graph tab, measured all 10,000 rows after each
analysis: opening a 10,000-decision plan took 13 s to a complete graph (1.9 s before the column fit; bench_gui.py
--graph-tab --open-sizes 10000). The widening now waits until the view is shown."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from planner.ui.views.columns import ColumnFit


def test_widening_waits_until_shown(qtbot) -> None:
    model = QStandardItemModel(3, 2)
    for r in range(3):
        model.setItem(r, 0, QStandardItem("a"))
        model.setItem(r, 1, QStandardItem("1"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    fit = ColumnFit(view, [0], fill=False, rows=60)
    view.show()
    qtbot.waitExposed(view)
    fit.fit()
    narrow = view.columnWidth(1)
    view.hide()
    model.item(0, 1).setText("1,234,567,890.25 (a long figure)")  # dataChanged: a widening is due
    calls: list[int] = []
    original = view.sizeHintForColumn

    def measured(column: int) -> int:
        calls.append(column)
        return original(column)

    view.sizeHintForColumn = measured  # type: ignore[method-assign]
    qtbot.wait(300)  # past the widening's 150 ms
    assert calls == [] and view.columnWidth(1) == narrow  # nothing measured while hidden
    view.show()
    qtbot.waitUntil(lambda: view.columnWidth(1) > narrow, timeout=2000)
