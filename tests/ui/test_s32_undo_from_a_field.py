"""Ctrl+Z in a field just committed undoes the plan's edit (session 32, workshop).

Renaming a decision in the inspector (Enter) or a stage in Plan & stages left the keyboard in the field, and Ctrl+Z
there was the field's own: it put the old title back in the field alone, while the plan, the table and the graph kept
the new one (a second Ctrl+Z did nothing; in a stage's rebuilt field the first did nothing). With nothing typed
since the field's last commit, Ctrl+Z and Ctrl+Y now undo and redo the plan, as everywhere else in the window; while
words are being typed the field's own undo still takes them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import SAMPLES


def _opened(qtbot: Any) -> Any:
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.doc.wait_for_analysis()
    return w


def _press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def test_ctrl_z_in_the_title_just_renamed_undoes_the_rename(qtbot: Any, isolated_settings: Any) -> None:
    w = _opened(qtbot)
    try:
        d = w.doc.plan.decisions[2]
        w.doc.select([d.id])
        w.workbench.open_selected()
        edit = w.inspector.form.title_edit
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
        edit.selectAll()
        qtbot.keyClicks(edit, "Renamed live")
        _press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.doc.decision(d.id).title == "Renamed live")
        assert QApplication.focusWidget() is edit
        _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.doc.decision(d.id).title == d.title)  # the plan's rename undone
        assert edit.text() == d.title
        _press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.doc.decision(d.id).title == "Renamed live")
        assert edit.text() == "Renamed live"
        # while typing, Ctrl+Z is the field's: the words typed go, the plan is untouched
        qtbot.keyClicks(edit, " again")
        _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert w.doc.decision(d.id).title == "Renamed live"
        assert edit.text() != "Renamed live again"
    finally:
        w.discard_and_close()


def test_ctrl_z_in_a_stage_name_just_renamed_undoes_the_rename(qtbot: Any, isolated_settings: Any) -> None:
    w = _opened(qtbot)
    try:
        before = w.doc.plan.stages[1].name
        w.doc.select([])
        w.inspector_dock.show()
        w.inspector_tabs.setCurrentWidget(w.plan_view)

        def name_field() -> Any:
            page = w.plan_view.widget()
            field = page.findChild(QLineEdit, "stage.1.name") if page is not None else None
            return field if field is not None and field.isVisible() else None

        qtbot.waitUntil(lambda: name_field() is not None)
        name_field().setFocus()
        qtbot.waitUntil(
            lambda: (f := QApplication.focusWidget()) is not None and f.objectName() == "stage.1.name"
        )
        field = QApplication.focusWidget()
        assert isinstance(field, QLineEdit)
        field.selectAll()
        qtbot.keyClicks(field, "Build and integrate")
        _press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.doc.plan.stages[1].name == "Build and integrate")
        # the page is rebuilt; the keyboard is in the new page's same field
        qtbot.waitUntil(
            lambda: (f := QApplication.focusWidget()) is not None and f.objectName() == "stage.1.name"
        )
        _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.doc.plan.stages[1].name == before)
    finally:
        w.discard_and_close()


def test_ctrl_z_in_a_duration_just_typed_undoes_the_change(qtbot: Any, isolated_settings: Any) -> None:
    w = _opened(qtbot)
    try:
        d = w.doc.plan.decisions[12]
        before = d.duration
        w.doc.select([d.id])
        w.workbench.open_selected()
        spin = w.inspector.form.pessimistic
        spin.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is spin)
        spin.selectAll()
        qtbot.keyClicks(spin, "12")
        _press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.doc.decision(d.id).duration != before)
        _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.doc.decision(d.id).duration == before)  # the plan's change undone
        qtbot.waitUntil(lambda: abs(spin.value() - before.pessimistic) < 1e-9)  # and the field shows it
    finally:
        w.discard_and_close()
