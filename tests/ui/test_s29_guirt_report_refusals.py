"""Export Report in bad weather: a plan with validation errors ran the whole export in the background only to
fail with 'fix it before making a report (run `planner check`)', a command-line hint in the app; and a report path
under a file (``notes.txt/report.pdf``) was refused as 'The folder notes.txt does not exist', which it does, as a
file. Both are now said before anything runs, with what to do in the app."""

from __future__ import annotations

import json
from pathlib import Path

from planner.ui.dialogs.report_dialog import ReportDialog

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _plan_with_a_cycle(folder: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    ids = [d["id"] for d in data["decisions"]]
    data.setdefault("dependencies", []).append({"from": ids[-1], "to": ids[0]})
    path = folder / "loop.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_plan_with_errors_is_refused_before_the_export_runs(window, qtbot, tmp_path: Path) -> None:
    assert window.open_file(_plan_with_a_cycle(tmp_path))
    window.doc.wait_for_analysis()
    errors = len(window.doc.analysis.errors)
    assert errors >= 1
    dialog = window.export_report()
    assert isinstance(dialog, ReportDialog)
    target = tmp_path / "loop-report.pdf"
    dialog.path_edit.setText(str(target))
    assert dialog.start() is False
    assert not dialog.running
    text = dialog.status.text()
    assert "planner check" not in text
    assert f"{errors} error" in text and "Findings" in text
    assert not target.exists()
    dialog.done(0)


def test_a_report_path_under_a_file_says_it_is_a_file(sample_window, qtbot, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    dialog = sample_window.export_report()
    dialog.path_edit.setText(str(notes / "report.pdf"))
    assert dialog.start() is False
    text = dialog.status.text()
    assert "does not exist" not in text
    assert "notes.txt is a file, not a folder" in text
    assert notes.read_text(encoding="utf-8") == "mine"
    dialog.done(0)
