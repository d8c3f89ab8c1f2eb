"""A fresh machine whose data folder cannot be made (a read-only home, XDG_DATA_HOME on a read-only disk, a file
in its place): the status bar said from the start why crash protection is off ("the recovery folder cannot be
made (Read-only file system)"), but the first edit's snapshot replaced that with "the recovery file cannot be
written (The folder ... does not exist (moved, deleted or unmounted))" and the hover text told the user to "free
space" there. The reason stays the folder's, the advice fits it, and protection comes back by itself once the folder
can be made."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (as tests/ui/conftest.py does)

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from planner.model import load_plan
from planner.ui.state import recovery
from planner.ui.state.document import PlanDocument

SAMPLE = Path(__file__).resolve().parents[1] / "planner" / "resources" / "sample.plan.json"


@pytest.fixture
def blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder that cannot be made: a file stands where its parent folder would be (as a read-only home,
    for any user, root included). Returns the file in the way."""
    blocker = tmp_path / "home-file"
    blocker.write_text("a file where the app's data folder would go\n", encoding="utf-8")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(blocker / "data"))
    return blocker


@pytest.fixture
def edited(
    qapp: QApplication, blocked: Path
) -> Iterator[tuple[PlanDocument, recovery.RecoveryWriter, QLabel]]:
    doc = PlanDocument(load_plan(SAMPLE))
    file = recovery.RecoveryFile()
    writer = recovery.RecoveryWriter(doc, file)
    bar = QStatusBar()
    label = writer.install(bar)
    doc.add_decision("Typed where no recovery folder can be made")
    try:
        yield doc, writer, label
    finally:
        writer.close()
        file.release()
        doc.shutdown()
        bar.deleteLater()


def test_a_failed_snapshot_keeps_saying_why_the_folder_cannot_be_made(
    edited: tuple[PlanDocument, recovery.RecoveryWriter, QLabel],
) -> None:
    _doc, writer, label = edited
    assert writer.problem.startswith("the recovery folder cannot be made (")
    writer.write_now()  # the first edit's snapshot: it cannot be written either

    assert writer.writes == 0
    assert writer.problem.startswith("the recovery folder cannot be made ("), writer.problem
    assert "Not a directory" in writer.problem
    assert "moved, deleted or unmounted" not in writer.problem
    tip = label.toolTip()
    assert "free space" not in tip
    assert str(recovery.recovery_path()) in tip
    assert "Not a directory" in tip


def test_protection_comes_back_when_the_folder_can_be_made_again(
    edited: tuple[PlanDocument, recovery.RecoveryWriter, QLabel], blocked: Path
) -> None:
    _doc, writer, _label = edited
    writer.write_now()
    assert writer.problem

    blocked.unlink()  # the user frees the way (mounts the disk, removes the file) while the app runs
    blocked.mkdir()
    writer.write_now()  # the next snapshot (the periodic one, or the next edit's)

    assert writer.problem == ""
    assert writer.writes == 1
    assert writer.recovery.path.parent == recovery.recovery_path()
    assert writer.recovery.path.is_file()
    assert recovery.scan() == ([], [])  # its own file, locked by this live session: nothing to offer
