"""A figure's cell editor covers its cell and reads where the figure stood (session 32, second round).

Editing Likely at 1280x720 showed '1.00' at the cell's left and, under the spin box's arrows, the cell's own '1'
still drawn (a frameless spin box paints no background): two values in one cell, in front of the room."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QWidget

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, settle


@pytest.mark.parametrize("key", ["optimistic", "likely", "pessimistic", "progress"])
def test_a_figures_editor_covers_its_cell_and_is_right_aligned(qtbot: Any, key: str) -> None:
    from planner.ui.main_window import MainWindow
    from planner.ui.views.models import COLUMN_INDEX

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        open_at(w, qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720))
        w.views.setCurrentWidget(w.table_view)
        settle()
        table = w.table_view.table
        cell = w.table_view.proxy.index(3, COLUMN_INDEX[key])
        table.setFocus()
        table.setCurrentIndex(cell)
        table.edit(cell)
        editors = [c for c in table.viewport().children() if isinstance(c, QWidget) and c.isVisible()]
        assert len(editors) == 1
        editor = editors[0]
        assert isinstance(editor, QDoubleSpinBox)
        settle()
        # The cell as the table shows it while editing is the editor alone: nothing of the cell's own figure
        # drawn through it (under the arrows).
        shown = table.viewport().grab(editor.geometry()).toImage()
        alone = editor.grab().toImage()
        assert shown.size() == alone.size()
        differ = [
            (x, y)
            for x in range(shown.width())
            for y in range(shown.height())
            if shown.pixelColor(x, y).rgb() != alone.pixelColor(x, y).rgb()
        ]
        assert not differ, (len(differ), differ[:5])
        assert editor.alignment() & Qt.AlignmentFlag.AlignRight  # where the cell shows the figure
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    finally:
        w.discard_and_close()
