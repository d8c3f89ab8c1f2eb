"""Choosers of names cut a long name with "…", not mid-letter (session 28, screens).

The inspector's Stage, Area and Owner boxes, the multi-decision editor's, the table's filters, the table's cell
editors, the dependency pickers and the Compare dialog's Gantt chooser were plain combo boxes: a 60-letter stage or
team name narrower than the box was cut mid-letter ("Stage 1 transformation a", "Team 3 platform enginee") with
nothing to say it went on. They are the one eliding combo box (views.elided.ElidedComboBox)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QComboBox

from planner.model.io import load_plan
from planner.ui.views.elided import ElidedComboBox
from tests.ui.conftest import SAMPLES

LONG = "Stage one transformation and governance for the whole bank"


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def test_a_long_stage_name_ends_in_an_ellipsis_in_the_inspector(window: Any, qtbot: Any) -> None:
    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    plan.stages[0].name = LONG
    window.resize(800, 600)
    window.adopt_imported(plan, "test")
    first = next(d for d in plan.decisions if d.stage == plan.stages[0].id)
    window.doc.select([first.id])
    if window.inspector_dock.isHidden():
        window.inspector_dock.show()
    _settle()
    form = window.inspector.form
    stage = form.stage
    qtbot.waitUntil(lambda: stage.isVisible() and stage.currentText() == LONG)
    assert isinstance(stage, ElidedComboBox)
    assert stage.fontMetrics().horizontalAdvance(LONG) > stage.text_room()  # the case: it does not fit
    assert stage.shown_text().endswith("…")
    for combo in (form.area, form.owner):
        assert isinstance(combo, ElidedComboBox)
    # every chooser of names in the window's views: the table's filters, the multi-decision editor's
    window.doc.select([d.id for d in plan.decisions[:2]])
    _settle()
    multi = window.inspector.multi
    assert all(isinstance(c, ElidedComboBox) for c in multi.combos.values())
    table = window.table_view
    filters = [c for c in table.findChildren(QComboBox) if c.parent() is table]
    assert filters and all(isinstance(c, ElidedComboBox) for c in filters)


def test_hovering_a_cut_name_shows_it_whole(window: Any, qtbot: Any) -> None:
    combo = ElidedComboBox(window)
    combo.setToolTip("Stage of the decision")
    combo.addItem(LONG)
    combo.resize(120, combo.sizeHint().height())
    combo.show()
    _settle()
    assert combo.shown_text().endswith("…")
    assert combo.hover_tip() == f"{LONG}\nStage of the decision"
    combo.resize(combo.fontMetrics().horizontalAdvance(LONG) + 80, combo.height())
    _settle()
    assert combo.shown_text() == LONG and combo.hover_tip() == "Stage of the decision"
