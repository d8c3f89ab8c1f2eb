"""The disk fills while saving: the old file stays whole, the edits stay in the window marked unsaved, and the
message says the disk is full and what to do (it said 'No space left on device' and offered only Save As, not
freeing space and saving again); saving again once there is room works."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_keeps_the_file_and_the_edits(window, qtbot, tmp_path: Path, monkeypatch, code) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.plan.json"
    shutil.copy(SAMPLE, path)
    before = path.read_bytes()
    assert window.open_file(path)
    window.doc.add_decision("Written while the disk was full")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full)
    assert window.save() is False
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text() == f"The plan could not be saved to {path}."
    assert "The disk is full" in box.informativeText()
    assert "free some space and save again" in box.informativeText()
    box.done(0)
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["plan.plan.json"]  # no half-written temporary file
    assert window.doc.is_modified and window.isWindowModified()

    monkeypatch.setattr(os, "fsync", real_fsync)
    assert window.save() is True
    assert not window.doc.is_modified
    assert "Written while the disk was full" in path.read_text(encoding="utf-8")


def test_a_report_on_a_full_disk_says_so(sample_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    dialog = sample_window.export_report()
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.last_outcome is not None, timeout=120_000)
    kind, text = dialog.last_outcome
    assert kind == "failed"
    assert "the disk is full" in text and "Free some space and export again" in text
    assert dialog.status.text() == text
    assert list(target.parent.iterdir()) == []
    dialog.done(0)
