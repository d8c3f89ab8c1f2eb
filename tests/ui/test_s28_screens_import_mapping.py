"""File > Import's mapping shows its Stage and Area columns side by side on a narrow screen (session 28, screens).

At a 150 % font on an 800 px screen the mapping table's columns needed 1,060 px: the Stage choosers (their first
entry "(from the file: custom field, name, else start time)") took the whole view and the Area column was behind the
table's horizontal scroll bar, out of sight. The two columns now share the width the summary names leave; a chooser
narrower than its entry ends it in "…" (its list shows the entries whole)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from planner.ui.dialogs.interop import start_import
from planner.ui.views.elided import ElidedComboBox
from tests.ui.conftest import REPO
from tests.ui.s18_screens_support import app_font

GAN = REPO / "tests" / "io" / "data" / "HouseBuildingSample.gan"  # four top-level summaries to map


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def test_stage_and_area_are_both_in_sight_in_large_type(window: Any, qtbot: Any) -> None:
    with app_font(13.5):
        dialog = start_import(window, str(GAN))
        assert dialog is not None and dialog.table is not None
        try:
            qtbot.waitUntil(dialog.isVisible)
            _settle()
            table = dialog.table
            columns = sum(table.sizeHintForColumn(c) for c in range(3))
            view = table.viewport().width()
            assert columns > view  # the case: the choosers' entries do not fit whole
            assert not table.horizontalScrollBar().isVisible() or table.horizontalScrollBar().maximum() == 0
            right = table.columnViewportPosition(2) + table.columnWidth(2)
            assert table.columnViewportPosition(2) > 0 and right <= view + 1, (right, view)
            assert table.columnWidth(0) >= table.sizeHintForColumn(0) - 1  # the summary names whole
            for row in range(table.rowCount()):
                for col in (1, 2):
                    combo = table.cellWidget(row, col)
                    assert isinstance(combo, ElidedComboBox)
                    shown = combo.shown_text()
                    assert shown == combo.currentText() or shown.endswith("…")
        finally:
            dialog.reject()
            _settle()
