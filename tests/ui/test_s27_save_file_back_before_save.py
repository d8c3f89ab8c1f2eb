"""The open file deleted (Keep Mine: Save recreates it), then put back by another program (a colleague's sync, a
git checkout) before the once-a-second check noticed: Save replaced the file put back without asking, because
the window knew the file as absent. It asks, as for any change it has not seen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model import dump_plan, load_plan
from planner.templates import load_template


def test_a_file_put_back_after_a_seen_delete_is_not_replaced_without_asking(window, tmp_path: Path) -> None:
    path = tmp_path / "shared.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    path.unlink()
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None and "deleted or moved" in box.text()
    next(b for b in box.buttons() if b.text() == "Keep Mine").click()
    QApplication.processEvents()
    theirs = load_template("blank")
    theirs.title = "Put back by a colleague"
    path.write_text(dump_plan(theirs), encoding="utf-8")
    assert window.save() is False  # before the check noticed
    assert load_plan(path).title == "Put back by a colleague"
    question = window.active_prompt
    assert question is not None and question.windowTitle() == "Overwrite outside changes?"
    question.button(QMessageBox.StandardButton.Save).click()  # Overwrite
    QApplication.processEvents()
    assert any(d.title == "My edit" for d in load_plan(path).decisions)
