"""File > Import… with an MPX file (planner.io.mpx): the import step offers its top-level summaries to map and makes
the plan; a damaged .mpx is one message box naming the line, and the open plan stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.ui.dialogs.interop import start_import

REAL = Path(__file__).parents[1] / "io" / "data" / "mpx-real"


def test_the_import_step_reads_a_german_mpx_file(qtbot, window) -> None:
    dialog = start_import(window, str(REAL / "sample.de.mpx"))
    assert dialog is not None and dialog.fmt == "mpx"
    assert dialog.outline is not None
    # 'First Task', 'Recurring Task' and 'Task Relationships' are the summaries the user maps to stages and areas
    assert [t.name for t in dialog.outline.tasks if t.level == 1 and t.key in ("1", "6", "19")] == [
        "First Task",
        "Recurring Task",
        "Task Relationships",
    ]
    assert "from sample.de.mpx (MPX)" in dialog.report_view.toPlainText()
    dialog.done(QDialog.DialogCode.Accepted)
    assert window.doc.plan.title == "sample98" and len(window.doc.plan.decisions) == 16


def test_a_damaged_mpx_file_is_one_message_box(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "cut.mpx"
    path.write_bytes((REAL / "task-links-project98.mpx").read_bytes().replace(b"\n70,1,1,", b"\n99,1,1,", 1))
    before = (window.doc.plan.title, len(window.doc.plan.decisions))
    assert start_import(window, str(path)) is None
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Cannot import"
    text = f"{box.text()}\n{box.informativeText()}"
    assert "cut.mpx:19: record number 99 is not one of MPX 4.0's record types" in text, text
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert (window.doc.plan.title, len(window.doc.plan.decisions)) == before
