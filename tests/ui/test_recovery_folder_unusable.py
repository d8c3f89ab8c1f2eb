"""The app data folder cannot be made (a file in its place, a read-only home): the app still opens, edits and saves
plans, and says from the start that crash protection is off (it refused to start: "planner: ... Not a directory")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from planner.model import load_plan
from planner.ui.main_window import MainWindow
from planner.ui.state import recovery


def test_the_app_runs_without_its_data_folder_and_says_so(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the app's data folder would go\n", encoding="utf-8")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(blocker / "data"))
    assert recovery.scan() == ([], [])  # nothing kept, nothing to offer: not an error

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    assert w.open_file(sample_path)
    w.show()
    qtbot.waitExposed(w)
    try:
        label = w.findChild(QLabel, "crashProtectionOff")
        assert label is not None and label.isVisible()
        assert "recovery folder cannot be made" in w.recovery_writer.problem
        assert "Not a directory" in label.toolTip()

        w.doc.add_decision("Typed with no recovery folder")
        w.write_recovery()  # the snapshot fails quietly: the notice stays, nothing is raised
        assert label.isVisible()
        out = tmp_path / "saved.plan.json"
        assert w.save_to(str(out))
        assert not w.doc.is_modified
        assert any(d.title == "Typed with no recovery folder" for d in load_plan(out).decisions)
    finally:
        w.discard_and_close()
