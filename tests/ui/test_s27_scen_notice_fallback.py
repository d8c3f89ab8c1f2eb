"""Edits a scenario cannot keep, made by an editor that does not refuse them up front (the Cost tab's budget, the
status date, a team's rate, a risk's title, a risk added: tabs outside the Plan & stages page), are taken back at
once and said ("Not changed: changes to its budget are made in Base, not in scenario ..."), leaving nothing to redo.
Before, they were applied to the scenario's view and lost on leaving it: the notice named six fields, and the status
date, budget, target, cost of delay, teams (names, rates) and risks (titles, decisions, owners, added) went without
a word. Changes a scenario records (a risk's odds, a decision deleted with its mentions in risks) are made."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from planner.units import quoted
from tests.ui.conftest import SAMPLES


def refused(qtbot: Any, w: Any, edit: Any, what: str) -> None:
    """``edit()`` is made, then taken back with the status bar saying why; the undo stack is as before."""
    doc = w.doc
    steps, index, clean = doc.undo_stack.count(), doc.undo_stack.index(), doc.undo_stack.isClean()
    said: list[str] = []
    doc.scenarios.notice.connect(said.append)
    edit()  # (a problem in words, or an id added: either way the notice below must come)
    qtbot.waitUntil(lambda: bool(said))
    doc.scenarios.notice.disconnect(said.append)
    assert said == [
        f"Not changed: changes to its {what} are made in Base, not in scenario {quoted(doc.scenarios.active)}, "
        "which records decisions, links, team capacity and risk odds. Show Base (Scenario > Show) to make them."
    ]
    assert w.status.currentMessage() == said[0]
    assert (doc.undo_stack.count(), doc.undo_stack.index(), doc.undo_stack.isClean()) == (steps, index, clean)
    assert not doc.undo_stack.canRedo() and doc.scenarios.unrecorded() == []
    assert (
        not w.redo_action.isEnabled() and w.redo_action.text() == "&Redo"
    )  # no redo of the refused edit offered


def test_an_edit_a_scenario_cannot_keep_is_taken_back_and_said(window, qtbot, tmp_path) -> None:
    w = window
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    doc = w.doc
    scenario = doc.scenarios.names()[0]
    assert w.scenario_bar.switch(scenario)
    assert w.save_as(str(tmp_path / "saved.plan.json"))

    risky = doc.plan.risks[0].decisions[0]
    doc.delete_decisions([risky])  # recorded: dropped, and gone from the risks as the base's delete does
    assert doc.edit_risk(0, probability=0.9) is None  # recorded: a risk's odds
    QApplication.processEvents()  # (a refusal would come in the next turn of the event loop)
    assert doc.scenarios.unrecorded() == [] and doc.decision(risky) is None
    assert doc.plan.risks[0].probability == 0.9 and doc.undo_stack.undoText() == "Change Risk Probability"

    w.save()
    refused(qtbot, w, lambda: doc.edit_plan(budget=1_000_000.0), "budget")
    assert doc.plan.budget is None and doc.undo_stack.isClean()
    refused(qtbot, w, lambda: doc.edit_plan(status_date=4.0), "status date")
    refused(qtbot, w, lambda: doc.edit_object(doc.plan.teams[0], rate=1200.0), "teams")
    refused(qtbot, w, lambda: doc.edit_risk(1, title="Renamed risk", probability=0.1), "risks")
    refused(qtbot, w, lambda: doc.add_risk("New risk"), "risks")
    refused(qtbot, w, lambda: doc.remove_risks([1]), "risks")
    assert doc.plan.risks[1].title != "Renamed risk" and doc.plan.risks[1].probability != 0.1
    named = doc.plan.risks[0].decisions[0]  # a decision's id: recorded as dropped and added, its risks not
    refused(qtbot, w, lambda: doc.edit_decision(named, id=named + "-x"), "risks' decisions")
    assert doc.decision(named) is not None and named in doc.plan.risks[0].decisions

    # What the scenario recorded is still there, and undo and redo still go through it and the switch.
    sc = doc.scenarios.scenario(scenario)
    assert risky in sc.drop_decisions and sc.risks[doc.plan.risks[0].id].probability == 0.9
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.decision(risky) is not None
    doc.undo_stack.undo()
    assert doc.scenarios.active is None
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert doc.scenarios.active == scenario and doc.decision(risky) is None
    assert doc.plan.risks[0].probability == 0.9


def test_an_edit_not_taken_back_in_time_is_said_not_kept(window, qtbot) -> None:
    """Another step made before the refusal's turn comes (a script, a burst of keys): the first is not undone from
    under it, and the status bar says the change will not be kept."""
    w = window
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    doc = w.doc
    scenario = doc.scenarios.names()[0]
    assert w.scenario_bar.switch(scenario)
    said: list[str] = []
    doc.scenarios.notice.connect(said.append)
    assert doc.edit_plan(budget=5.0) is None
    assert doc.edit_risk(0, probability=0.3) is None  # before the event loop turns
    qtbot.waitUntil(lambda: bool(said))
    QApplication.processEvents()  # the refusal's turn: too late, it says so too
    assert set(said) == {
        f"Scenario {quoted(scenario)} records decisions, links, team capacity and risk odds; changes to its budget "
        "are not kept \u2014 switch to Base to make them."
    }
    assert doc.plan.budget == 5.0 and doc.plan.risks[0].probability == 0.3
