"""Every export dialog asks before replacing a file whose name the app completed (session 27). A file dialog asks
about the name as typed ('roadmap'); the app then adds the format's suffix ('roadmap.png'), and an existing file of
that name was replaced without a word: the chart tabs' Export, File > Export Chart, File > Export As and the
report's Browse (H-save27 fixed File > Save As; these four did the same). Cancel keeps the file; Replace writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from planner.ui.dialogs import save_name
from planner.ui.dialogs.interop import ask_export
from planner.ui.dialogs.report_dialog import ReportDialog
from planner.ui.dialogs.save_name import completed_save_name

OLD = b"a file of the user's, not ours"


def _asked(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: Any, path: str) -> bool:
        asked.append(path)
        return answer

    monkeypatch.setattr(save_name, "confirm_replace", confirm)
    return asked


def _dialog_answers(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), chosen))


def test_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "roadmap.png").write_bytes(OLD)
    asked = _asked(monkeypatch, False)
    assert completed_save_name(None, str(tmp_path / "roadmap.PNG"), ".png", (".png",)) == str(
        tmp_path / "roadmap.PNG"
    )  # the dialog asked about this very name
    assert completed_save_name(None, str(tmp_path / "new"), ".png", (".png",)) == str(tmp_path / "new.png")
    assert asked == []
    assert completed_save_name(None, str(tmp_path / "roadmap"), ".png", (".png",)) is None
    assert asked == [str(tmp_path / "roadmap.png")]


@pytest.mark.parametrize("answer", [False, True])
def test_file_export_chart(
    sample_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    target = tmp_path / "gantt.png"
    target.write_bytes(OLD)
    asked = _asked(monkeypatch, answer)
    _dialog_answers(monkeypatch, tmp_path / "gantt")
    sample_window.workbench.export_chart("gantt")
    assert asked == [str(target)]
    assert (target.read_bytes() == OLD) is not answer


@pytest.mark.parametrize("answer", [False, True])
def test_file_export_as(
    sample_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    target = tmp_path / "plan.xml"
    target.write_bytes(OLD)
    asked = _asked(monkeypatch, answer)
    _dialog_answers(monkeypatch, tmp_path / "plan", "MS Project XML (*.xml)")
    ask_export(sample_window)
    assert asked == [str(target)]
    assert (target.read_bytes() == OLD) is not answer


def test_a_chart_tabs_export(
    sample_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "roadmap.png"
    target.write_bytes(OLD)
    asked = _asked(monkeypatch, False)
    _dialog_answers(monkeypatch, tmp_path / "roadmap")
    sample_window.show_view("Roadmap")
    tab = sample_window.chart_tabs["roadmap"]
    qtbot.waitUntil(lambda: tab.chart is not None)
    tab.chart.export_dialog()
    assert asked == [str(target)] and target.read_bytes() == OLD


def test_the_reports_browse(
    sample_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "board.pdf").write_bytes(OLD)
    asked = _asked(monkeypatch, False)
    _dialog_answers(monkeypatch, tmp_path / "board")
    dialog = ReportDialog(sample_window.doc, sample_window)
    qtbot.addWidget(dialog)
    before = dialog.path_edit.text()
    dialog.browse()
    assert asked == [str(tmp_path / "board.pdf")] and dialog.path_edit.text() == before
