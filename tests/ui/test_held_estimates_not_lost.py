"""Estimates typed out of order are held in the table, not applied; Save and closing say so instead of dropping
them without a word (found by review: Save wrote the plan without them and closing did not ask)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from planner.model import load_plan
from planner.ui.main_window import MainWindow
from planner.ui.views.models import COLUMN_INDEX


def test_save_and_close_name_the_held_estimates(qtbot, window: MainWindow, tmp_path: Path) -> None:
    w = window
    w.doc.add_decision("Data contract")
    out = tmp_path / "held.plan.json"
    assert w.save_to(str(out))
    model = w.table_view.model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, COLUMN_INDEX["title"]).data() == "Data contract"
    )
    assert model.setData(model.index(row, COLUMN_INDEX["optimistic"]), 4.0)  # above likely 1: held
    assert model.held_count() == 1 and not w.doc.is_modified

    assert w.save_to(str(out))
    assert "1 estimate typed out of order is held" in w.statusBar().currentMessage()
    assert load_plan(out).decisions[-1].duration == 1  # not applied: the file has the plan's figures

    box = w.maybe_save(lambda: None, "closing")
    assert isinstance(box, QMessageBox)  # asked, although the plan itself is saved
    assert "held in the table, not applied" in box.informativeText()
    box.done(0)
