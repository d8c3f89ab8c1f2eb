"""Export chart on a plan with validation errors (a cycle): the app asked for a file name and wrote an image that only
said 'No Gantt chart: the plan has 1 error to fix first', while `planner export` refuses (H-guirt29 noticed, beside
Export Report's refusal). It now says so before a file is chosen, in the window's own message box (window-modal,
not a blocking warning); a plan without errors still exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _plan_with_a_cycle(folder: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    ids = [d["id"] for d in data["decisions"]]
    data["dependencies"].append({"from": ids[-1], "to": ids[0]})
    path = folder / "loop.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _gantt(window):
    window.show_view("Gantt")
    tab = window.chart_tabs["gantt"].ensure_built()
    window.doc.wait_for_analysis()
    return tab


def test_a_plan_with_errors_is_refused_before_a_file_is_chosen(
    window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []

    def ask(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    assert window.open_file(_plan_with_a_cycle(tmp_path))
    tab = _gantt(window)
    errors = len(window.doc.analysis.errors)
    tab.export_dialog()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert not asked
    assert boxes and f"{errors} error" in boxes[-1].text() and "Findings" in boxes[-1].text()
    assert boxes[-1].windowModality() == Qt.WindowModality.WindowModal  # the window's own box, never exec()
    for box in boxes:
        box.done(0)


def test_a_plan_without_errors_still_exports(
    sample_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gantt.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab = _gantt(sample_window)
    tab.export_dialog()
    assert target.stat().st_size > 0
