"""While a scenario is shown, the Plan & stages page refuses up front what a scenario does not record (the plan's
title, description, dates, stages, gate criteria, areas and team names), as Plan > Save Baseline is refused: its
fields are read-only or disabled, a note over the page says why and offers Show Base, and the page's own calls say
"Not changed" in the status bar. Before, such an edit was applied to the view and a notice then said it was "not
kept": a consultant in front of a client saw the change, then lost it on switching to Base. Team capacity, which a
scenario records, stays editable (but for taking a capacity away, which an override cannot say)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from planner.units import quoted
from tests.ui.conftest import SAMPLES

FRAUD = SAMPLES / "fraud-detection.plan.json"


def child(w: Any, cls: Any, name: str) -> Any:
    found = w.plan_view.widget().findChild(cls, name)
    assert found is not None, name
    return found


def shown(qtbot: Any, w: Any, scenario: str | None) -> None:
    """Show ``scenario`` (None: Base) and wait for the page to be rebuilt for it."""
    w.scenario_bar.switch(scenario)
    qtbot.waitUntil(lambda: (w.plan_view.scenario_note is None) == (scenario is None))


def test_the_plan_page_is_read_only_in_a_scenario_and_editable_in_base(window, qtbot) -> None:
    w = window
    assert w.open_file(FRAUD)
    doc = w.doc
    scenario = doc.scenarios.names()[0]
    base_title, stages = doc.plan.title, len(doc.plan.stages)
    shown(qtbot, w, scenario)
    note = w.plan_view.scenario_note
    assert note is not None
    said = child(w, QLabel, "planScenarioNote.text").text()
    assert (
        f"Scenario {quoted(scenario)} is shown: it records decisions, links, team capacity and risk odds."
        in said
    )
    assert "read-only here; team capacity can be changed for this scenario." in said

    for name in ("plan.title", "stage.0.name", "stage.0.criterion.0.text", "areas.0.name", "teams.0.name"):
        assert child(w, QLineEdit, name).isReadOnly(), name
    for name in ("plan.description", "stage.0.goal"):
        assert child(w, QPlainTextEdit, name).isReadOnly(), name
    for name in ("plan.has_start_date", "plan.has_status_date", "stage.0.criterion.0.met"):
        assert not child(w, QCheckBox, name).isEnabled(), name
    for name in ("stages.add", "stage.0.remove", "stage.0.criterion.add", "areas.add", "teams.add"):
        assert not child(w, QPushButton, name).isEnabled(), name
    assert child(w, QDoubleSpinBox, "teams.0.capacity").isEnabled()

    # Keyboard and paste: nothing reaches the plan, nothing is put on the undo stack.
    steps = doc.undo_stack.count()
    title = child(w, QLineEdit, "plan.title")
    title.setFocus()
    qtbot.keyClicks(title, " (pilot)")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    QApplication.clipboard().setText("Pasted title")
    title.selectAll()
    title.paste()
    qtbot.keyClick(title, Qt.Key.Key_Return)
    # The page's own calls (a button's slot reached some other way) are refused and say why.
    w.plan_view._add_stage()
    assert w.status.currentMessage() == (
        "Not changed: changes to the plan's title, description, dates, stages, gate criteria, areas and team names "
        f"are made in Base, not in scenario {quoted(scenario)}, which records decisions, links, team capacity and "
        "risk odds. Show Base (Scenario > Show) to make them."
    )
    w.plan_view.set_status_today()
    w.plan_view._add_ref("teams")
    w.plan_view._edit(doc.plan.stages[0], name="Renamed")
    QApplication.processEvents()
    assert doc.undo_stack.count() == steps
    assert doc.plan.title.startswith(base_title) and "(pilot)" not in doc.plan.title
    assert len(doc.plan.stages) == stages and doc.plan.stages[0].name != "Renamed"
    assert doc.scenarios.unrecorded() == []

    # Team capacity is recorded by the scenario (and undone as usual); taking it away is refused.
    team = doc.plan.teams[0]
    base_capacity = doc.scenarios.base.teams[0].capacity
    assert base_capacity is not None
    child(w, QDoubleSpinBox, "teams.0.capacity").setValue(base_capacity + 3)
    assert doc.scenarios.scenario(scenario).teams[team.id].capacity == base_capacity + 3
    qtbot.waitUntil(lambda: w.plan_view.findChild(QDoubleSpinBox, "teams.0.capacity") is not None)
    child(w, QDoubleSpinBox, "teams.0.capacity").setValue(0)  # 'no limit'
    assert w.status.currentMessage().startswith(
        f"Not changed: a scenario cannot take a team's capacity away ('no limit'): {quoted(team.name)} has "
    )
    assert doc.plan.teams[0].capacity == base_capacity + 3
    doc.undo_stack.undo()
    assert team.id not in doc.scenarios.scenario(scenario).teams

    # Show Base from the note: the page is editable again, and an edit there is kept across switches.
    qtbot.waitUntil(lambda: w.plan_view.scenario_note is not None)
    child(w, QPushButton, "planScenarioNote.showBase").click()
    qtbot.waitUntil(lambda: w.plan_view.scenario_note is None)
    assert doc.scenarios.active is None
    assert not child(w, QLineEdit, "plan.title").isReadOnly()
    assert child(w, QPushButton, "stages.add").isEnabled()
    w.plan_view._add_stage()
    assert len(doc.plan.stages) == stages + 1
    shown(qtbot, w, scenario)
    assert len(doc.plan.stages) == stages + 1  # the scenario shows Base's stages
    shown(qtbot, w, None)
    assert len(doc.plan.stages) == stages + 1
    # Undo across the switches: back to the scenario, back to Base, the stage undone; redo brings it all back.
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: w.plan_view.scenario_note is not None)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: w.plan_view.scenario_note is None)
    doc.undo_stack.undo()
    assert len(doc.plan.stages) == stages
    for _ in range(3):
        doc.undo_stack.redo()
    assert doc.scenarios.active is None and len(doc.plan.stages) == stages + 1


def test_text_typed_in_base_is_kept_when_a_scenario_is_shown(window, qtbot) -> None:
    """A plan title typed in Base (Enter not pressed) and a scenario then shown by its key or menu (which take no
    focus): the title went, and the status bar said an edit of the title was refused. It is committed to Base first."""
    w = window
    assert w.open_file(FRAUD)
    doc = w.doc
    w.inspector_tabs.setCurrentWidget(w.plan_view)
    # the page of this plan
    qtbot.waitUntil(lambda: child(w, QLineEdit, "plan.title").text() == doc.plan.title)
    title = child(w, QLineEdit, "plan.title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Typed in Base")
    goal = child(w, QPlainTextEdit, "stage.0.goal")
    goal.setPlainText("A goal typed in Base")  # its pause (1.5 s) not waited for
    w.scenario_bar.next_action.trigger()
    assert doc.scenarios.active == doc.scenarios.names()[0]
    assert doc.scenarios.base.title == "Typed in Base"
    assert doc.scenarios.base.stages[0].goal == "A goal typed in Base"
    assert doc.plan.title.startswith("Typed in Base \u2014 scenario: ")
    assert not w.status.currentMessage().startswith("Not changed")
    shown(qtbot, w, None)
    assert doc.plan.title == "Typed in Base" and doc.plan.stages[0].goal == "A goal typed in Base"
