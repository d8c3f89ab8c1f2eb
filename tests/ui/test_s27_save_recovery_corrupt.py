"""A recovery file that names its original file in a way no window records (a NUL in it, empty, relative: a
damaged or hand-edited file) still gives its edits back, as an unsaved plan, and never crashes the start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model import dump_plan
from planner.ui.state import recovery


@pytest.mark.parametrize("original", ["/tmp/a\0b.plan.json", "", "relative.plan.json"])
def test_an_unusable_original_path_is_restored_as_an_unsaved_plan(qtbot, window, original: str) -> None:
    plan = json.loads(dump_plan(window.doc.plan))
    plan["title"] = "Left by a crash"
    plan["decisions"] = [{"id": "kept", "title": "An edit made before the crash", "stage": "validate"}]
    payload = {
        "format": recovery.FORMAT,
        "version": 2,
        "pid": 999_999_999,
        "session": "999999999-gone",
        "written": "2026-12-01T10:00:00",
        "original_path": original,
        "plan": plan,
    }
    (recovery.recovery_dir() / "cc.recovery.json").write_text(json.dumps(payload), encoding="utf-8")
    box = window.check_recovery()
    assert box is not None and "(an unsaved plan)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    assert window.doc.plan.title == "Left by a crash" and window.doc.path is None
    assert [d.title for d in window.doc.plan.decisions] == ["An edit made before the crash"]
    assert window.doc.is_modified  # closing asks to save it; Save asks where
    assert Path(window.recovery.path).exists()  # and it is protected again, in this window's snapshot
