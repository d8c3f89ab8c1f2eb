"""A crash, a colleague's change to the file, then the restore: Merge puts both together (session 34).

Before, a restored session whose file had changed on disk since its edits had no common ancestor (the file as the
crashed window had read it was gone), so Merge was never offered: the user could keep the restored edits (the next
save dropping the colleague's change) or reload (dropping the edits). Now the window keeps the file as it read it
beside the recovery snapshot, and the restore asks about the changed file at once, with Merge.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.ui.main_window import MainWindow
from planner.ui.state import recovery
from tests.ui.outside_edits import colleague_edits

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def _crash_with_an_edit(qtbot, window, tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "shared.plan.json"
    shutil.copyfile(SAMPLE, path)
    assert window.open_file(path)
    ids = [d.id for d in window.doc.plan.decisions]
    window.doc.edit_decision(ids[0], duration=9)
    qtbot.waitUntil(lambda: window.recovery.path.exists(), timeout=3000)
    assert window.recovery.base_path.read_bytes() == SAMPLE.read_bytes()
    window.recovery.abandon()
    return path, ids


def test_a_restore_whose_file_changed_offers_merge_and_keeps_both(qtbot, window, tmp_path):
    path, ids = _crash_with_an_edit(qtbot, window, tmp_path)
    colleague_edits(path, 1, title="Renamed by a colleague")
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert second.file_guard.base == SAMPLE.read_bytes()
        second.file_guard.check()  # (the poll's next look: the restore asked for it)
        prompt = second.file_guard.prompt
        assert prompt is not None and "was changed by another program" in prompt.text()
        buttons = {b.text(): b for b in prompt.buttons()}
        assert "Merge" in buttons
        buttons["Merge"].click()
        QApplication.processEvents()
        report = second.file_guard.merge_report
        assert report is not None and "are both in the plan now" in report.text()
        report.done(0)
        plan = {d.id: d for d in second.doc.plan.decisions}
        assert plan[ids[0]].duration == 9 and plan[ids[1]].title == "Renamed by a colleague"
        assert second.isWindowModified()
    finally:
        second.discard_and_close()
    assert not list(recovery.recovery_path().glob("*.base.json"))  # nothing left behind once closed


def test_a_kept_original_that_is_not_the_file_the_edits_were_based_on_is_not_used(qtbot, window, tmp_path):
    path, _ids = _crash_with_an_edit(qtbot, window, tmp_path)
    window.recovery.base_path.write_bytes(b'{"tampered": true}')
    colleague_edits(path, 1, title="Renamed by a colleague")
    (entry,) = recovery.orphans()
    assert entry.disk_changed() == "modified" and entry.base_bytes() is None
    entry.discard()
    assert not entry.base_file.exists() and not entry.file.exists()


def test_an_original_kept_by_a_session_that_is_gone_is_cleaned_up(qtbot, window, tmp_path):
    folder = recovery.recovery_dir()
    stray = folder / "0123456789abcdef.base.json"
    stray.write_bytes(b"{}")
    recovery.clean_recovery_temps()
    assert not stray.exists()
