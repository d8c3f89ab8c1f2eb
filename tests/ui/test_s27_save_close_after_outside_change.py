"""Closing with unsaved changes after another program changed (or deleted) the file: Save in the close question
first asks 'Overwrite outside changes?'. Choosing Overwrite (or Recreate) saved the plan but left the window open,
as if the close had been cancelled; it goes on and closes, as the user asked. Cancel there keeps the window open
with the changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model import dump_plan, load_plan

SB = QMessageBox.StandardButton


def _opened_and_changed_outside(window, tmp_path: Path, how: str) -> Path:
    path = tmp_path / "shared.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    if how == "modified":  # a colleague's sync: a new file renamed over the old one
        data = json.loads(path.read_text(encoding="utf-8"))
        data["title"] = "Changed by a colleague"
        tmp = path.with_name("outside.tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    else:
        path.unlink()
    return path


def _answer(window, button: QMessageBox.StandardButton, title: str) -> None:
    box = window.active_prompt
    assert box is not None and box.windowTitle() == title
    box.button(button).click()
    QApplication.processEvents()


@pytest.mark.parametrize("how", ["modified", "deleted"])
def test_overwrite_in_the_close_question_saves_and_closes(qtbot, window, tmp_path: Path, how: str) -> None:
    path = _opened_and_changed_outside(window, tmp_path, how)
    window.close()  # the window manager's close, the menu's Quit and Ctrl+Q all come here
    _answer(window, SB.Save, "Unsaved changes")
    assert window.isVisible()  # asked first: nothing overwritten yet
    _answer(window, SB.Save, "Overwrite outside changes?")  # Overwrite / Recreate
    assert any(d.title == "My edit" for d in load_plan(path).decisions)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_cancel_in_the_overwrite_question_keeps_the_window_and_the_changes(
    qtbot, window, tmp_path: Path
) -> None:
    path = _opened_and_changed_outside(window, tmp_path, "modified")
    window.close()
    _answer(window, SB.Save, "Unsaved changes")
    _answer(window, SB.Cancel, "Overwrite outside changes?")
    assert window.isVisible() and window.doc.is_modified
    assert load_plan(path).title == "Changed by a colleague"


def test_a_save_that_fails_after_overwrite_keeps_the_window(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _opened_and_changed_outside(window, tmp_path, "modified")
    import planner.ui.main_window as mw

    def full(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mw, "write_text_atomic", full)
    window.close()
    _answer(window, SB.Save, "Unsaved changes")
    _answer(window, SB.Save, "Overwrite outside changes?")
    _answer(window, SB.Ok, "Cannot save plan")
    assert window.isVisible() and window.doc.is_modified
    assert load_plan(path).title == "Changed by a colleague"
