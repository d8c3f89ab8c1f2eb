"""The import step on files with problems (H-ui24 walk, 800x600 and 1366x768). A GanttProject file with a summary
dated 9999 was read, then its plan built in the dialog: 'OverflowError: date value out of range', a traceback
where `planner import` refuses it in one line (exit 2). The dialog now builds as planner.io.import_file does and the
app shows the same refusal. The import report is copyable from the keyboard and with a button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.cli import main
from tests.ui.test_interop_ui import MSPDI

FUZZ = Path(__file__).resolve().parents[1] / "io" / "data" / "fuzz" / "gan-summary-9999-child-0001.gan"


def test_a_file_past_the_calendar_is_refused_as_the_cli_refuses_it(window, capsys, tmp_path: Path) -> None:
    assert main(["import", str(FUZZ), "-o", str(tmp_path / "out.plan.json")]) == 2
    cli = capsys.readouterr().err.strip()
    before = window.doc.plan
    assert not window.open_file(FUZZ)  # was: OverflowError out of the dialog's build
    box = window.active_prompt
    assert isinstance(box, QMessageBox)
    assert box.text() == f"{FUZZ.name} could not be imported."
    assert box.informativeText() == cli.removeprefix("planner: ")
    assert "beyond what a calendar holds" in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert window.doc.plan is before and window.import_dialog is None


def test_the_import_report_can_be_copied(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "rollout.xml"
    path.write_text(MSPDI, encoding="utf-8")
    window.open_file(path)
    dialog = window.import_dialog
    report = dialog.report_view
    text = report.toPlainText()
    assert text.startswith("Imported 2 decisions")
    clipboard = QApplication.clipboard()
    clipboard.clear()
    report.setFocus()
    qtbot.keyClick(report, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(report, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == text  # from the keyboard (read-only text was selectable by mouse only)
    clipboard.clear()
    dialog.copy_button.click()
    assert clipboard.text() == text
    dialog.reject()
