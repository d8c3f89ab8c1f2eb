"""Merge from disk (session 34): while a scenario is shown, and after Keep Mine.

Before, Merge was not offered while the window showed a scenario: the only choices were Reload (dropping the
workshop's edits) or Keep Mine (the next save dropping the colleague's change). The merge is of the files (the base
with its scenarios), so it merges them and shows the scenario again, as one undo step.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.outside_edits import colleague_edits

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def test_merge_while_a_scenario_is_shown_keeps_both_and_shows_the_scenario_again(qtbot, window, tmp_path):
    path = tmp_path / "shared.plan.json"
    shutil.copyfile(SAMPLE, path)
    assert window.open_file(path)
    doc = window.doc
    ids = [d.id for d in doc.plan.decisions]
    assert doc.scenarios.create("Faster") is None and doc.scenarios.active == "Faster"
    doc.edit_decision(ids[0], duration=1)  # an edit of the scenario: an override in the file
    steps = doc.undo_stack.count()
    colleague_edits(path, 1, title="Renamed by a colleague")
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None
    buttons = {b.text(): b for b in box.buttons()}
    assert "Merge" in buttons
    buttons["Merge"].click()
    QApplication.processEvents()
    report = window.file_guard.merge_report
    assert report is not None and "are both in the plan now" in report.text()
    report.done(0)
    assert doc.scenarios.active == "Faster"
    shown = {d.id: d for d in doc.plan.decisions}
    assert shown[ids[0]].duration == 1 and shown[ids[1]].title == "Renamed by a colleague"
    saved = doc.file_plan()
    base = {d.id: d for d in saved.decisions}
    assert base[ids[1]].title == "Renamed by a colleague" and base[ids[0]].duration != 1
    (scenario,) = [s for s in saved.scenarios if s.name == "Faster"]
    assert scenario.decisions[ids[0]].duration == 1
    assert doc.undo_stack.count() == steps + 1 and doc.undo_stack.undoText() == "Merge Changes from Disk"
    doc.undo_stack.undo()
    QApplication.processEvents()
    assert doc.scenarios.active == "Faster"
    assert {d.id: d for d in doc.file_plan().decisions}[ids[1]].title != "Renamed by a colleague"
    assert {d.id: d for d in doc.plan.decisions}[ids[0]].duration == 1


def test_a_change_turned_down_with_keep_mine_is_not_brought_back_by_the_next_merge(qtbot, window, tmp_path):
    """Keep Mine says the window's plan wins over the file as it is: a later Merge takes the file as it was then
    for the ancestor, so only the file's later change comes in (before, the turned-down title came back)."""
    path = tmp_path / "shared.plan.json"
    shutil.copyfile(SAMPLE, path)
    assert window.open_file(path)
    doc = window.doc
    ids = [d.id for d in doc.plan.decisions]
    first_title = doc.plan.decisions[1].title
    doc.edit_decision(ids[0], duration=9)
    colleague_edits(path, 1, title="Turned down")
    window.file_guard.check()
    keep = {b.text(): b for b in window.file_guard.prompt.buttons()}["Keep Mine"]
    keep.click()
    QApplication.processEvents()
    colleague_edits(path, 2, title="Taken")
    window.file_guard.check()
    {b.text(): b for b in window.file_guard.prompt.buttons()}["Merge"].click()
    QApplication.processEvents()
    window.file_guard.merge_report.done(0)
    plan = {d.id: d for d in doc.plan.decisions}
    assert plan[ids[0]].duration == 9 and plan[ids[2]].title == "Taken"
    assert plan[ids[1]].title == first_title
