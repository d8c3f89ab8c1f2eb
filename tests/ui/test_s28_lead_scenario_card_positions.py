"""Cards moved while a scenario is shown stay where they were put when Base is shown again, and are saved: card
positions are the graph's arrangement, one for the plan and its scenarios, which no scenario records. Before, a
consultant who arranged the graph in a scenario lost the arrangement on going back to Base, without a word. Undo
takes the move back in both."""

from __future__ import annotations

from pathlib import Path

from planner.model.io import load_plan
from tests.ui.conftest import SAMPLES

FRAUD = SAMPLES / "fraud-detection.plan.json"


def _at(plan, did: str) -> tuple[float, float] | None:
    p = plan.layout.get(did)
    return None if p is None else (p.x, p.y)


def test_cards_moved_in_a_scenario_keep_their_place_in_base_and_in_the_file(
    window, qtbot, tmp_path: Path
) -> None:
    w = window
    path = tmp_path / "fraud.plan.json"
    path.write_bytes(FRAUD.read_bytes())
    assert w.open_file(path)
    doc = w.doc
    scenario = doc.scenarios.names()[0]
    did = doc.plan.decisions[0].id
    before = _at(doc.plan, did)
    w.scenario_bar.switch(scenario)
    qtbot.waitUntil(lambda: doc.scenarios.active == scenario)
    doc.move_cards({did: (1234.0, 567.0)})
    assert _at(doc.plan, did) == (1234.0, 567.0)
    w.scenario_bar.switch(None)
    qtbot.waitUntil(lambda: doc.scenarios.active is None)
    assert _at(doc.plan, did) == (1234.0, 567.0)
    assert w.save()
    assert _at(load_plan(path), did) == (1234.0, 567.0)
    # back into the scenario and its move undone: the base follows
    doc.undo_stack.undo()  # the switch to Base
    qtbot.waitUntil(lambda: doc.scenarios.active == scenario)
    doc.undo_stack.undo()  # the move
    assert _at(doc.plan, did) == before
    w.scenario_bar.switch(None)
    qtbot.waitUntil(lambda: doc.scenarios.active is None)
    assert _at(doc.plan, did) == before
