"""A plan file named with a line break, or with 250 letters (both valid on Linux): the close question said 'Save
the changes to a' and 'b.plan.json before closing?' on two lines, and a long name stretched the box past the
screen. The name is shown on one line (the break as its escape) and a long one loses its middle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.model import dump_plan
from planner.templates import load_template


@pytest.mark.parametrize("name", ["a\nb.plan.json", "n" * 240 + ".plan.json"])
def test_the_close_question_names_the_file_on_one_line(qtbot, window, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    window.close()
    box = window.active_prompt
    assert box is not None and box.windowTitle() == "Unsaved changes"
    text = box.text()
    assert (
        "\n" not in text
        and text.startswith("Save the changes to ")
        and text.endswith(".plan.json before closing?")
    )
    assert box.sizeHint().width() <= 720, box.sizeHint()
    assert "\n" not in window.windowTitle()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.isVisible() and window.doc.is_modified


def test_opened_saved_recent_and_recovery_name_the_file_on_one_line(qtbot, window, tmp_path: Path) -> None:
    """The status bar's 'Opened …' and 'Saved …', File > Recent and the crash-recovery question wrote the line
    break as it is: the one-line status bar showed half the name."""
    path = tmp_path / "a\nb.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    assert window.status.currentMessage().startswith("Opened a\\x0ab.plan.json")
    assert [a.text() for a in window.recent_menu.actions()][0] == "&1 a\\x0ab.plan.json"
    window.doc.add_decision("My edit")
    assert window.save()
    assert window.status.currentMessage() == "Saved a\\x0ab.plan.json"
    window.doc.add_decision("Typed before the crash")
    window.write_recovery()
    window.recovery.abandon()  # the process "crashes": the file stays, nobody owns it
    from planner.ui.main_window import MainWindow

    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None and "(a\\x0ab.plan.json)" in box.text() and "\n" not in box.text()
        box.done(0)
    finally:
        second.discard_and_close()
        window.recovery.remove()


def test_compare_and_the_changed_on_disk_notes_name_the_file_on_one_line(
    qtbot, window, tmp_path: Path
) -> None:
    path = tmp_path / "a\nb.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    path.write_text(
        dump_plan(load_template("blank")).replace('"title": "', '"title": "Theirs: ', 1), encoding="utf-8"
    )
    dialog = window.file_guard.compare()
    assert dialog.windowTitle() == "Compare a\\x0ab.plan.json"
    dialog.reject()
    window.write_recovery()
    window.recovery.abandon()
    from planner.ui.main_window import MainWindow

    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None
        assert "a\\x0ab.plan.json has changed on disk since these edits were made" in box.informativeText()
        box.done(0)
    finally:
        second.discard_and_close()
        window.recovery.remove()
