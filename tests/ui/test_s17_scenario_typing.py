"""Switching scenario mid-edit (s17 workshop sweep). A title typed in the inspector and not yet committed (no Enter,
the focus still in the field) was applied to the scenario shown next when the switch came from the Scenario menu or
a key (a menu takes no focus, so the field never finished editing): Base kept its old title, and the typed one
became a scenario override the consultant never meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.ui.views.inspector import DecisionInspector

FRAUD = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


@pytest.fixture
def fraud_window(qtbot, isolated_settings):
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.open_file(FRAUD)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.doc.wait_for_analysis()
    yield w
    w.discard_and_close()


def _type_title(w, qtbot, decision_id: str, text: str) -> None:
    w.doc.select([decision_id])
    QApplication.processEvents()
    field = w.findChildren(DecisionInspector)[0].title_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    QTest.keyClicks(field, text)
    assert w.doc.decision(decision_id).title != text  # typed, not committed yet


def test_a_title_being_typed_stays_in_the_plan_it_was_typed_in(fraud_window, qtbot):
    w = fraud_window
    doc = w.doc
    other = doc.scenarios.names()[0]
    _type_title(w, qtbot, "feature-store", "Typed in the meeting")
    assert w.scenario_bar.switch(other)  # as the Scenario menu does
    QApplication.processEvents()
    assert doc.scenarios.active == other
    w.scenario_bar.switch(None)
    QApplication.processEvents()
    assert doc.decision("feature-store").title == "Typed in the meeting"  # in Base, where it was typed
    # and the scenario holds no override of it: it shows Base's title
    overrides = next(s for s in doc.plan.scenarios if s.name == other).decisions.get("feature-store")
    assert overrides is None or "title" not in overrides.model_dump(exclude_unset=True)


def test_a_new_scenario_keeps_what_is_being_typed(fraud_window, qtbot):
    w = fraud_window
    _type_title(w, qtbot, "kafka-topics", "Provision Kafka topics, typed")
    dialog = w.scenario_bar.ask_new()
    assert w.doc.decision("kafka-topics").title == "Provision Kafka topics, typed"
    dialog.done(0)
