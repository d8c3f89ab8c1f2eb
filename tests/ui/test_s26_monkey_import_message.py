"""Found by the GUI monkey (benchmarks/monkey_gui.py, action ``import_csv:58``): after File > Import of a CSV the
status bar said "Imported import.csv: Imported 5 decisions, 4 dependencies from import.csv (CSV)." — the word and
the file name twice. It says what came in and from which file once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.monkey_gui import Monkey, Step, isolated
from planner.io.common import ImportReport
from planner.ui.dialogs.interop import imported_message


def test_importing_a_csv_says_what_came_in_once(qapp, tmp_path: Path) -> None:
    with isolated(tmp_path):
        monkey = Monkey(tmp_path, "template:blank")
        monkey.start()
        try:
            monkey.run([Step("import_csv", 58)])  # a CSV of five tasks in a chain; the import step accepted
            QApplication.processEvents()
            message = monkey.window.status.currentMessage()
            assert len(monkey.window.doc.plan.decisions) == 5
        finally:
            monkey.close()
    assert message == "Imported 5 decisions, 4 dependencies from import.csv (CSV)."


def test_a_report_without_its_source_is_told_the_file(tmp_path: Path) -> None:
    report = ImportReport(format="CSV", counts={"decisions": 2, "dependencies": 1})
    assert imported_message(report, str(tmp_path / "tasks.csv")) == (
        "Imported 2 decisions, 1 dependency from tasks.csv (CSV)."
    )
    assert report.source == ""  # the dialog's report is left as it was
