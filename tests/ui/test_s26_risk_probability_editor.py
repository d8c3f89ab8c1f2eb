"""The risk register's probability editor read "35.0 %" at the left of the cell with its "%" beside spin arrows,
where the cell reads "35 %" at the right (ugly on a workshop's screen). It now reads as the cell does, in place,
without arrows; typing and the arrow keys still change it, one undo step each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox

from planner.ui.tabs.risk_model import COLUMN_INDEX


def test_the_probability_editor_reads_as_its_cell(qtbot, sample_window):
    w = sample_window
    w.views.setCurrentWidget(w.risk_tab)
    table = w.risk_tab.register.table
    risk = w.doc.plan.risks[0]
    for row in range(table.model().rowCount()):
        index = table.model().index(row, COLUMN_INDEX["probability"])
        table.setCurrentIndex(index)
        table.edit(index)
        qtbot.waitUntil(lambda: isinstance(table.focusWidget(), QDoubleSpinBox))
        editor = table.focusWidget()
        assert isinstance(editor, QDoubleSpinBox)
        assert editor.text() == index.data(), (editor.text(), index.data())  # "35%", as the cell
        assert editor.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
        assert editor.alignment() & Qt.AlignmentFlag.AlignRight
        assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight  # the cell's side
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not isinstance(table.focusWidget(), QDoubleSpinBox))

    index = table.model().index(0, COLUMN_INDEX["probability"])
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: isinstance(table.focusWidget(), QDoubleSpinBox))
    editor = table.focusWidget()
    assert isinstance(editor, QDoubleSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "12.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: abs(risk.probability - 0.125) < 1e-9)
    assert index.data() == "12.5%"
    table.edit(index)
    qtbot.waitUntil(lambda: isinstance(table.focusWidget(), QDoubleSpinBox))
    editor = table.focusWidget()
    assert isinstance(editor, QDoubleSpinBox)
    assert editor.text() == "12.5%"
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # a step of 5
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: abs(risk.probability - 0.175) < 1e-9)
    w.undo()
    assert abs(risk.probability - 0.125) < 1e-9
