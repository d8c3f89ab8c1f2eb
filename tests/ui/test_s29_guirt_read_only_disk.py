"""A plan on a disk mounted read-only (a read-only share, a CD, a mount gone read-only after errors): Save said
'plan.plan.json is read-only ... make the file writable and save again', which no one can do there, nor can Save As
write in that folder. The message now says the disk is read-only and to save on another disk; the file and the
edits stay as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.ui.state.file_guard import on_read_only_disk

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the system reports as on a read-only mount (tests cannot mount one: ``statvfs`` says so)."""
    folder = tmp_path / "share"
    folder.mkdir()
    real = os.statvfs

    def statvfs(path: str | os.PathLike[str]) -> object:
        if os.path.abspath(path) == str(folder):
            return SimpleNamespace(f_flag=os.ST_RDONLY)
        return real(path)

    monkeypatch.setattr(os, "statvfs", statvfs)
    return folder


def test_the_disk_is_named_read_only(window, qtbot, read_only_folder: Path) -> None:
    path = read_only_folder / "plan.plan.json"
    shutil.copy(SAMPLE, path)
    before = path.read_bytes()
    assert on_read_only_disk(path) and on_read_only_disk(read_only_folder / "new.plan.json")
    assert window.open_file(path)
    window.doc.add_decision("Kept in the window")
    for save in (window.save, lambda: window.save_as(str(read_only_folder / "copy.plan.json"))):
        assert save() is False
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert len(boxes) == 1
        words = boxes[0].text() + " " + boxes[0].informativeText()
        assert "read-only disk" in words and "another disk" in words
        assert "make the file writable" not in words
        boxes[0].done(0)
    assert path.read_bytes() == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["plan.plan.json"]
    assert window.doc.is_modified


def test_a_writable_disk_is_not(tmp_path: Path) -> None:
    assert not on_read_only_disk(tmp_path / "plan.plan.json")
    assert not on_read_only_disk(tmp_path / "gone" / "plan.plan.json")  # no folder: the save says why
