"""File > Export Report: the dialog runs the report off the GUI thread, shows progress, can be cancelled, and
leaves no thread behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from planner.model import load_plan
from planner.ui.dialogs.report_dialog import ReportDialog, default_report_path
from planner.ui.state.document import PlanDocument

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(qtbot):
    document = PlanDocument(
        load_plan(SAMPLES / "insights-assistant.plan.json"), str(SAMPLES / "insights-assistant.plan.json")
    )
    yield document
    document._pool.waitForDone()


@pytest.fixture
def dialog(qtbot, doc, tmp_path):
    d = ReportDialog(doc)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "report.pdf"))
    yield d
    d.done(0)
    assert d.export_thread is None


def _only(dialog: ReportDialog, names: set[str]) -> None:
    for k in range(dialog.sections.count()):
        item = dialog.sections.item(k)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names else Qt.CheckState.Unchecked
        )


def test_defaults(dialog: ReportDialog, doc: PlanDocument) -> None:
    assert default_report_path(doc).name == "insights-assistant-report.pdf"
    assert dialog.options()["paper"] == "a4" and dialog.options()["orientation"] == "landscape"
    assert "gantt" in dialog.chosen_sections() and "appendix" in dialog.chosen_sections()
    assert not dialog.use_simulation.isEnabled(), "no simulation has been run"


def test_export_writes_the_report_with_the_options(qtbot, dialog: ReportDialog, tmp_path: Path) -> None:
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    _only(dialog, {"cover", "summary", "gantt"})
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.report_written, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.running and not dialog.export_button.isEnabled() and not dialog.paper.isEnabled()
    assert blocker.args == [str(tmp_path / "report.pdf")]
    assert not dialog.running
    assert dialog.result() == ReportDialog.DialogCode.Accepted
    assert len(seen) > 3 and seen[-1] == 1000 and seen == sorted(seen)
    reader = PdfReader(tmp_path / "report.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 612  # letter, portrait as chosen
    assert [o.title for o in reader.outline][1:] == ["Executive summary", "Gantt chart"]


def test_cancel_stops_the_export_and_writes_nothing(qtbot, dialog: ReportDialog, tmp_path: Path) -> None:
    first = {"done": False}

    def cancel_on_first_progress(value: int) -> None:
        if not first["done"]:
            first["done"] = True
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progress.valueChanged.connect(cancel_on_first_progress)
    with qtbot.waitSignal(dialog.export_cancelled, timeout=60_000):
        assert dialog.start()
    assert not dialog.running
    assert dialog.isVisible() is False or dialog.result() != ReportDialog.DialogCode.Accepted
    assert dialog.export_button.isEnabled(), "the options are usable again"
    assert "no file" in dialog.status.text()
    assert list(tmp_path.iterdir()) == []


def test_closing_during_an_export_joins_the_thread(qtbot, dialog: ReportDialog, tmp_path: Path) -> None:
    with qtbot.waitSignal(dialog.progress.valueChanged, timeout=30_000):
        assert dialog.start()
    thread = dialog.export_thread
    assert thread is not None
    dialog.reject()
    assert dialog.export_thread is None and thread.isFinished()
    assert list(tmp_path.iterdir()) == []


def test_refuses_unusable_options(dialog: ReportDialog, tmp_path: Path) -> None:
    dialog.path_edit.setText(str(tmp_path / "missing" / "r.pdf"))
    assert not dialog.start() and "does not exist" in dialog.status.text()
    dialog.path_edit.setText(str(tmp_path / "r.pdf"))
    _only(dialog, set())
    assert not dialog.start() and "at least one section" in dialog.status.text()
    assert not dialog.running


def test_failure_is_shown(
    qtbot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.report

    def broken(*args, **kwargs):
        raise planner.report.ReportError("the disk is full")

    monkeypatch.setattr(planner.report, "build_report", broken)
    with qtbot.waitSignal(dialog.export_failed, timeout=30_000) as blocker:
        dialog.start()
    assert blocker.args == ["the disk is full"]
    assert dialog.status.text() == "the disk is full" and not dialog.running


def test_main_window_opens_the_dialog(qtbot, window) -> None:
    dialog = window.export_report()
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    dialog.reject()
