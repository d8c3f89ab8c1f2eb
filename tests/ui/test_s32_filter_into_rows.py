"""Down, Enter and Esc in the table's text filter go on to the rows it shows (session 32, workshop).

Ctrl+F and a few letters filtered the decisions (9 of 41 for 'feature'), but the keyboard stayed in the field: Enter,
Down and Esc did nothing there, and the decisions found could not be reached without the mouse. Down, Enter and
Return now put the keyboard in the table with the first row picked (when none is); Esc goes back to the table,
the filter kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_a_key_in_the_filter_goes_on_to_the_rows(qtbot: Any, isolated_settings: Any, key: Qt.Key) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720)) as w:
        w.activateWindow()
        view = w.table_view
        w.table_view_find()  # Ctrl+F
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
        qtbot.keyClicks(view.search, "feature")
        shown = view.proxy.rowCount()
        assert 0 < shown < len(w.doc.plan.decisions)
        qtbot.keyClick(view.search, key)
        assert QApplication.focusWidget() is view.table
        assert view.proxy.rowCount() == shown and view.search.text() == "feature"  # the filter kept
        if key != Qt.Key.Key_Escape:
            first = view.proxy.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
            assert len(w.doc.selection) == 1 and w.doc.selection[0] == first  # the first row found, picked
            qtbot.keyClick(view.table, Qt.Key.Key_Return)  # and Enter opens it
            qtbot.waitUntil(lambda: QApplication.focusWidget() is w.inspector.form.title_edit)
