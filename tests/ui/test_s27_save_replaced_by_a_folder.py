"""The open plan file replaced by a folder of the same name (a checkout, a sync gone wrong): the app said it was
'deleted or moved' and that 'Save recreates the file', which it cannot while the folder is there. It says what
happened, keeps the plan, and offers Save As; Save says the folder is in the way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.model import dump_plan


def test_a_folder_in_the_plans_place_is_said(window, tmp_path: Path) -> None:
    path = tmp_path / "shared.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    path.unlink()
    path.mkdir()
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None and box.text() == "shared.plan.json was replaced by a folder of the same name."
    assert "Save cannot write it there while the folder is in its place" in box.informativeText()
    assert sorted(b.text() for b in box.buttons()) == ["Keep Mine", "Save As…"]
    box.done(0)
    QApplication.processEvents()
    assert window.save() is False
    error = window.active_prompt
    assert error is not None and "A folder of that name is in its place" in error.informativeText()
    error.done(0)
    assert window.doc.is_modified and path.is_dir()
