"""Two sessions crashed with unsaved work (two windows, or the app killed twice before a restart): restoring the
first and then the second must not drop the first's edits without asking. The restored plan is unsaved work of
its own, so restoring another one over it asks Save / Discard / Cancel first."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model import dump_plan
from planner.ui.state import recovery


def _orphan(window, token: str, title: str, written: str) -> None:
    plan = json.loads(dump_plan(window.doc.plan))
    plan["title"] = title
    payload = {
        "format": recovery.FORMAT,
        "version": 2,
        "pid": 999_999_999,  # no such process: the file was left by a crash
        "session": "999999999-gone",
        "written": written,
        "original_path": None,
        "plan": plan,
    }
    (recovery.recovery_dir() / f"{token}.recovery.json").write_text(json.dumps(payload), encoding="utf-8")


def _offer(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.active_prompt is not None, timeout=3000)
    box = window.active_prompt
    assert box is not None
    return box


def test_restoring_a_second_crash_asks_before_replacing_the_first(qtbot, window):
    _orphan(window, "aa", "Crashed first", "2026-12-01T10:00:00")
    _orphan(window, "bb", "Crashed second", "2026-12-01T11:00:00")
    box = window.check_recovery()
    assert box is not None and "Crashed second" in box.text()  # newest first
    box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    assert window.doc.plan.title == "Crashed second" and window.doc.is_modified
    window.doc.add_decision("Typed after restoring")  # more unsaved work on the restored plan
    box = _offer(qtbot, window)
    assert "Crashed first" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    # the restored, unsaved plan is not replaced without a word: the save question comes first
    question = _offer(qtbot, window)
    assert question.windowTitle() == "Unsaved changes"
    assert window.doc.plan.title == "Crashed second"
    assert any(d.title == "Typed after restoring" for d in window.doc.plan.decisions)
    question.button(QMessageBox.StandardButton.Cancel).click()
    QApplication.processEvents()
    # Cancel keeps the restored plan, its snapshot, and the other crash's file for later
    assert window.doc.plan.title == "Crashed second"
    assert window.active_prompt is None
    window.write_recovery()
    kept = json.loads(window.recovery.path.read_text(encoding="utf-8"))
    assert kept["plan"]["title"] == "Crashed second"
    assert [e.title for e in recovery.orphans()] == ["Crashed first"]


def test_discard_then_restores_the_second(qtbot, window):
    _orphan(window, "aa", "Crashed first", "2026-12-01T10:00:00")
    _orphan(window, "bb", "Crashed second", "2026-12-01T11:00:00")
    window.check_recovery().button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    _offer(qtbot, window).button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    _offer(qtbot, window).button(QMessageBox.StandardButton.Discard).click()
    QApplication.processEvents()
    assert window.doc.plan.title == "Crashed first" and window.doc.is_modified
    assert recovery.orphans() == []
