"""The app killed in the instant between a save's rename and the removal of its recovery snapshot: the next start
offered to restore 'unsaved changes' that the file already held, saying the file had 'changed on disk since these
edits were made'. Such a snapshot is removed without a question; one that differs from the file is still offered."""

from __future__ import annotations

from pathlib import Path

from planner.model import dump_plan
from planner.ui.main_window import MainWindow
from planner.ui.state import recovery


def _crash_after_save(window, tmp_path: Path, *, edit_after: bool) -> Path:
    path = tmp_path / "plan.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    window.doc.add_decision("Saved before the crash")
    assert window.save()
    if edit_after:
        window.doc.add_decision("Typed after the save")
    window.recovery.write(
        window.doc.file_plan(), window.doc.path
    )  # the snapshot the save had not removed yet
    window.recovery.abandon()  # the process "crashes"
    return window.recovery.path


def test_a_snapshot_the_file_already_holds_is_not_offered(qtbot, window, tmp_path: Path) -> None:
    snapshot = _crash_after_save(window, tmp_path, edit_after=False)
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        assert second.check_recovery() is None
        assert not snapshot.exists()
    finally:
        second.discard_and_close()


def test_a_snapshot_with_more_than_the_file_is_still_offered(qtbot, window, tmp_path: Path) -> None:
    _crash_after_save(window, tmp_path, edit_after=True)
    titles = [e.title for e in recovery.orphans()]
    assert len(titles) == 1
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None and "had unsaved changes" in box.text()
        box.done(0)
    finally:
        second.discard_and_close()
        window.recovery.remove()
