"""Esc in Find on Graph goes back to the graph, the decision found still selected (session 32, workshop).

Ctrl+Shift+F, a few letters and Enter found the decision and centred the graph on it, but the keyboard stayed in the
find field: Esc there did nothing, the arrows moved its cursor and Enter searched again, so the presenter could not
open the decision found without the mouse. Esc (with no completion list open) now puts the keyboard back in the
view; Enter then opens the decision."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample

_OFFSCREEN_POPUPS = r"This plugin does not support (grabbing the keyboard|raise\(\)|propagateSizeHints)"


@pytest.mark.qt_log_ignore(_OFFSCREEN_POPUPS)  # the completer's pop-up on the offscreen platform
def test_escape_from_find_goes_back_to_the_graph(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720)) as w:
        w.activateWindow()
        w.doc.wait_for_analysis()
        w.focus_view(w.canvas)
        bench = w.workbench
        field = bench.find_field
        bench.focus_find()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        qtbot.keyClicks(field, "velocity")
        completer = field.completer()
        assert completer is not None
        completer.popup().hide()  # (the list of completions, closed by its own Esc first)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.doc.selection == ["realtime-features"])
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert QApplication.focusWidget() is w.canvas  # the keyboard back on the graph
        assert w.doc.selection == ["realtime-features"]  # the decision found still selected
        qtbot.keyClick(w.canvas, Qt.Key.Key_Return)  # Enter opens it
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.inspector.form.title_edit)


def test_help_lists_the_keys_of_the_find_fields() -> None:
    # Help > Keyboard Shortcuts says where Esc, Enter and Down go from the two find fields
    from planner.ui.dialogs.basic import SHORTCUTS

    rows = dict(item for _, items in SHORTCUTS for item in items)
    assert "Esc" in rows["Ctrl+Shift+F"] and "graph" in rows["Ctrl+Shift+F"]
    assert "Enter" in rows["Ctrl+F"] and "Esc" in rows["Ctrl+F"]
