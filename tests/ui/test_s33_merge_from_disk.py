"""The file changed on disk while the window has unsaved edits: Merge puts both together (session 33).

Before, the choice was Reload (dropping the window's edits) or Keep Mine (the next save dropping the file's
change): a colleague's edit pulled in through git and an edit made in the workshop could not both survive.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from planner.model import load_plan
from tests.ui.outside_edits import colleague_edits

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def _opened(window, tmp_path: Path) -> Path:
    path = tmp_path / "shared.plan.json"
    shutil.copyfile(SAMPLE, path)
    assert window.open_file(path)
    return path


def _prompt_buttons(window) -> dict[str, QAbstractButton]:
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None and "was changed by another program" in box.text()
    return {b.text(): b for b in box.buttons()}


def test_merge_keeps_the_files_change_and_the_windows_edit(qtbot, window, tmp_path):
    path = _opened(window, tmp_path)
    ids = [d.id for d in window.doc.plan.decisions]
    window.doc.edit_decision(ids[0], duration=9)
    colleague_edits(path, 1, title="Renamed by a colleague")
    buttons = _prompt_buttons(window)
    assert sorted(buttons) == ["Compare…", "Keep Mine", "Merge", "Reload"]
    buttons["Merge"].click()
    QApplication.processEvents()
    plan = window.doc.plan
    assert plan.decisions[0].duration == 9 and plan.decisions[1].title == "Renamed by a colleague"
    report = window.file_guard.merge_report
    assert report is not None and "are both in the plan now" in report.text() and not report.detailedText()
    assert "Nothing is saved yet" in report.informativeText()
    report.done(0)
    assert window.isWindowModified()
    original = window.doc.undo_stack.undoText()
    window.doc.undo_stack.undo()  # the merge is one step: undone, the window's plan is as it was
    assert (
        window.doc.plan.decisions[1].title != "Renamed by a colleague"
        and window.doc.plan.decisions[0].duration == 9
    )
    window.doc.undo_stack.redo()
    assert (
        original == "Merge Changes from Disk"
        and window.doc.plan.decisions[1].title == "Renamed by a colleague"
    )
    assert window.save_to(str(path))  # the file's change was merged: the save does not ask
    saved = load_plan(path)
    assert saved.decisions[0].duration == 9 and saved.decisions[1].title == "Renamed by a colleague"


def test_where_both_changed_one_thing_the_windows_value_is_kept_and_listed(qtbot, window, tmp_path):
    path = _opened(window, tmp_path)
    first = window.doc.plan.decisions[0].id
    window.doc.edit_decision(first, title="Mine")
    colleague_edits(path, 0, title="Theirs")
    _prompt_buttons(window)["Merge"].click()
    QApplication.processEvents()
    assert window.doc.plan.decisions[0].title == "Mine"
    report = window.file_guard.merge_report
    assert "You both changed 1 thing differently: your value was kept." in report.text()
    assert f"! decision '{first}' title:" in report.detailedText()
    assert "ours 'Mine'; theirs 'Theirs' -> kept ours" in report.detailedText()
    report.done(0)


def test_no_merge_without_unsaved_edits_or_a_known_ancestor(qtbot, window, tmp_path):
    path = _opened(window, tmp_path)
    colleague_edits(path, 1, title="Renamed by a colleague")
    assert "Merge" not in _prompt_buttons(window)  # nothing unsaved: Reload is the same
    window.file_guard.prompt.done(0)
    QApplication.processEvents()
    window.doc.edit_decision(window.doc.plan.decisions[0].id, duration=9)
    window.file_guard.base = None  # (as after restoring a crashed session whose file changed since)
    colleague_edits(path, 2, title="Again")
    assert "Merge" not in _prompt_buttons(window)
    window.file_guard.prompt.done(0)


def test_a_file_that_no_longer_reads_as_a_plan_is_said_and_nothing_changes(qtbot, window, tmp_path):
    path = _opened(window, tmp_path)
    window.doc.edit_decision(window.doc.plan.decisions[0].id, duration=9)
    before = window.doc.plan.model_copy(deep=True)
    path.write_text('{"schema_version": 1, "title": ', encoding="utf-8")
    buttons = _prompt_buttons(window)
    buttons["Merge"].click()
    QApplication.processEvents()
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Cannot merge"
    assert str(path.name) in box.informativeText() or "not valid JSON" in box.informativeText()
    box.done(0)
    assert window.doc.plan == before


def test_compare_says_what_the_file_and_the_window_each_changed(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton

    path = _opened(window, tmp_path)
    first, second = (d.id for d in window.doc.plan.decisions[:2])
    window.doc.edit_decision(first, duration=9)
    colleague_edits(path, 1, title="Renamed by a colleague")
    dialog = window.file_guard.compare()
    text = dialog.findChild(QPlainTextEdit, "changesView").toPlainText()
    disk, mine = text.split("Changed in this window and not saved:")
    assert disk.startswith("Changed in the file on disk since this window last read or wrote it:")
    assert (
        f"~ decision {second}: title" in disk and "-> 'Renamed by a colleague'" in disk and first not in disk
    )
    assert f"~ decision {first}: duration" in mine and "-> 9" in mine and second not in mine
    by_text = {b.text(): b for b in dialog.findChildren(QPushButton)}
    assert by_text["Keep Mine"].isDefault() and not by_text["Reload"].isDefault()  # Enter never drops edits
    merge = by_text["Merge"]
    merge.click()
    QApplication.processEvents()
    assert window.doc.plan.decisions[1].title == "Renamed by a colleague"
    window.file_guard.merge_report.done(0)
