"""File > Open of another tool's file, the import step (summary mapping, report), File > Export As…."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from planner.io import HELPER_TAG, import_file
from planner.ui.dialogs import interop
from tests.conftest import build_plan

MSPDI = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>Roll-out</Name>
<StartDate>2027-01-04T08:00:00</StartDate><Tasks>
<Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Name>Roll-out</Name></Task>
<Task><UID>1</UID><Name>Phase A</Name><OutlineLevel>1</OutlineLevel></Task>
<Task><UID>2</UID><Name>Design</Name><OutlineLevel>2</OutlineLevel><Duration>PT80H0M0S</Duration></Task>
<Task><UID>3</UID><Name>Phase B</Name><OutlineLevel>1</OutlineLevel>
  <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
<Task><UID>4</UID><Name>Build</Name><OutlineLevel>2</OutlineLevel><Duration>PT40H0M0S</Duration></Task>
</Tasks></Project>
"""


def _click_ok(dialog: interop.ImportDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_open_mspdi_maps_summaries_and_gives_an_unsaved_plan(window, tmp_path: Path) -> None:
    path = tmp_path / "rollout.xml"
    path.write_text(MSPDI, encoding="utf-8")
    assert window.open_file(path)
    dialog = window.import_dialog
    assert isinstance(dialog, interop.ImportDialog) and dialog.isVisible()
    assert [t.name for t in dialog.summaries] == ["Phase A", "Phase B"]
    assert "Imported 2 decisions" in dialog.report_view.toPlainText()
    dialog.set_choice(0, stage="validate", area="data")
    dialog.set_choice(1, stage="integrate")
    assert "stage from their start time" not in dialog.report_view.toPlainText()
    _click_ok(dialog)
    plan = window.doc.plan
    assert window.doc.path is None and window.doc.is_modified
    assert plan.title == "Roll-out"
    design, build = plan.decision("design"), plan.decision("build")
    assert (design.stage, design.area, build.stage) == ("validate", "data", "integrate")
    assert sum(HELPER_TAG in d.tags for d in plan.decisions) == 4
    assert window.doc.analysis is not None and window.doc.analysis.schedule.finish == pytest.approx(3.0)
    assert window.import_dialog is None


def test_cancel_keeps_the_current_plan(window, tmp_path: Path) -> None:
    path = tmp_path / "rollout.xml"
    path.write_text(MSPDI, encoding="utf-8")
    before = window.doc.plan
    window.open_file(path)
    window.import_dialog.reject()
    assert window.doc.plan is before


def test_unreadable_import_shows_one_message(window, tmp_path: Path) -> None:
    path = tmp_path / "broken.gan"
    path.write_text("<project><tasks>", encoding="utf-8")
    assert not window.open_file(path)
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and "not well-formed XML" in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()


def test_csv_import_shows_the_report_without_mapping(window, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("title;likely;depends_on;colour\nA;2;\nB;1;a\n", encoding="utf-8")
    window.open_file(path)
    dialog = window.import_dialog
    assert dialog.table is None
    assert "column 'colour' is not a plan field" in dialog.report_view.toPlainText()
    _click_ok(dialog)
    assert [d.id for d in window.doc.plan.decisions] == ["a", "b"]


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".csv", ".xlsx", ".tjp", ".mmd", ".dot"])
def test_export_as_every_format(sample_window, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"bank{suffix}"
    assert interop.export_to(sample_window, str(out))
    assert out.stat().st_size > 500
    if suffix in (".xml", ".gan", ".csv", ".xlsx"):
        back, _ = import_file(out)
        assert len([d for d in back.decisions if HELPER_TAG not in d.tags]) == 48


def test_export_as_says_what_the_file_does_not_carry(sample_window, tmp_path: Path) -> None:
    from planner.io import export_notes

    assert interop.export_to(sample_window, str(tmp_path / "bank.mmd"))
    box = sample_window.active_prompt
    assert box is not None and box.isVisible()
    assert box.text().startswith("Exported bank.mmd (Mermaid") and "does not carry" in box.text()
    assert box.informativeText().splitlines() == [
        f"\u2022 {line}" for line in export_notes(sample_window.doc.plan, "mermaid")
    ]
    assert "three-point" in box.informativeText()  # the sample's estimates: the bars use the likely one


def test_file_menu_has_import_and_export_as(window) -> None:
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Import…" in texts and "E&xport As…" in texts


def test_export_as_refuses_a_cycle_for_ms_project_and_says_what_to_do(window, tmp_path: Path) -> None:
    """A plan opened with a loop (the editor refuses to make one; a file can hold one)."""
    from planner.io import export_blocker
    from planner.model import save_plan

    src = tmp_path / "loop.plan.json"
    save_plan(
        build_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 2}], [("a", "b"), ("b", "a")]), src
    )
    assert window.open_file(src)
    out = tmp_path / "loop.xml"
    assert not interop.export_to(window, str(out)) and not out.exists()
    box = window.active_prompt
    assert box is not None and "Dependency cycle: a -> b -> a" in box.text()
    assert "break it" in box.informativeText() and "export to .csv" in box.informativeText()
    assert export_blocker(window.doc.plan, "csv") is None
    box.done(0)
