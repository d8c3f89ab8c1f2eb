"""Another tool's file saved with a .json name (an MS Project XML export renamed, a download that got the wrong
suffix): File > Open said 'not valid JSON: Expecting value ... Fix the JSON syntax at that position', sending the
user to edit XML as JSON. The app now says what the file looks like and offers to import it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.io import export_file
from planner.model import load_plan

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"
GAN = Path(__file__).resolve().parents[1] / "io" / "data" / "HouseBuildingSample-gp2.8.10.gan"


def _open_error_box() -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [
        (".xml", "MS Project XML"),
        (".csv", None),
        (".xlsx", "Excel workbook"),
        (".xer", "Primavera P6 XER"),
        (".mpx", "MS Project exchange (MPX)"),
    ],
)
def test_an_export_named_json_is_named_and_imported(window, qtbot, tmp_path: Path, suffix, kind) -> None:
    real = tmp_path / f"project{suffix}"
    export_file(load_plan(SAMPLE), str(real))
    named = tmp_path / "project.json"
    shutil.copy(real, named)
    assert window.open_file(named) is False
    box = _open_error_box()
    if kind is None:  # a CSV cannot be told from a broken plan by its first bytes: the JSON message stays
        assert "not valid JSON" in box.text()
        box.done(0)
        return
    assert "Fix the JSON syntax" not in box.text() + box.informativeText()
    assert f"another tool's: {kind}" in box.text()
    imports = [b for b in box.buttons() if b.text() == "Import…"]
    assert len(imports) == 1
    imports[0].click()
    qtbot.waitUntil(lambda: window.import_dialog is not None)
    window.import_dialog.reject()
    qtbot.waitUntil(lambda: window.import_dialog is None)
    assert window.doc.path is None and not window.doc.is_modified


def test_a_ganttproject_file_named_json(window, qtbot, tmp_path: Path) -> None:
    named = tmp_path / "house.plan.json"
    shutil.copy(GAN, named)
    assert window.open_file(named) is False
    box = _open_error_box()
    assert "another tool's: GanttProject" in box.text()
    box.done(0)
