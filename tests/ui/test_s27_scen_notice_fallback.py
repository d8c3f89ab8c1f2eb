"""Edits a scenario cannot keep, made by a path that does not refuse them up front (the Cost tab's budget, the
status date, a team's rate, a risk's title: tabs outside the Plan & stages page), are said at once by the notice:
"changes to its ... are not kept". The notice listed six fields; the status date, budget, target, cost of delay,
teams (names, rates) and risks (titles, decisions, owners) were edited in the scenario's view and then lost on
leaving it without a word. Changes a scenario does record (a risk's odds, a decision deleted with its mentions in
risks) bring no notice."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from planner.units import quoted
from tests.ui.conftest import SAMPLES


def test_every_change_a_scenario_cannot_keep_is_said(window) -> None:
    w = window
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    doc = w.doc
    scenario = doc.scenarios.names()[0]
    assert w.scenario_bar.switch(scenario)
    said: list[str] = []
    doc.scenarios.notice.connect(said.append)

    risky = doc.plan.risks[0].decisions[0]
    doc.delete_decisions([risky])  # recorded: dropped, and gone from the risks as the base's delete does
    assert doc.edit_risk(0, probability=0.9) is None  # recorded: a risk's odds
    assert doc.scenarios.unrecorded() == [] and said == []

    assert doc.edit_plan(budget=1_000_000.0) is None
    assert doc.edit_plan(status_date=4.0) is None
    assert doc.edit_object(doc.plan.teams[0], rate=1200.0) is None
    assert doc.edit_risk(1, title="Renamed risk") is None
    QApplication.processEvents()
    assert doc.scenarios.unrecorded() == ["status date", "budget", "teams", "risks"]
    assert said[-1] == (
        f"Scenario {quoted(scenario)} records decisions, links, team capacity and risk odds; changes to its status "
        "date, budget, teams and risks are not kept \u2014 switch to Base to make them."
    )
    assert w.status.currentMessage() == said[-1]
    # Undone, they are no longer said; the scenario's own changes stay.
    for _ in range(4):
        doc.undo_stack.undo()
    assert doc.scenarios.unrecorded() == []
    assert doc.scenarios.scenario(scenario).risks[doc.plan.risks[0].id].probability == 0.9
