"""A figure sync of many cards (an edit on a large plan's critical path moves thousands of floats) makes each
card's data when it is first painted or read, not at the sync (issue 12): what the cards show is the same."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from planner.model import Plan, duration_triple
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import scene as scene_mod
from planner.ui.state.document import PlanDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan

pytestmark = pytest.mark.gui


def _canvas(qtbot: Any, doc: PlanDocument) -> GraphCanvas:
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 800)
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(lambda: not canvas.graph_scene.building, timeout=60_000)
    return canvas


def test_a_large_figure_sync_makes_card_data_when_painted_or_read(qtbot, monkeypatch) -> None:
    doc = PlanDocument(random_plan(300, seed=7))
    doc.analyze_now()
    canvas = _canvas(qtbot, doc)
    scene = canvas.graph_scene
    assert doc.analysis is not None and doc.analysis.schedule is not None
    sched = doc.analysis.schedule
    target = next(d for d in doc.plan.decisions if sched.critical[sched.index[d.id]] and not d.milestone)
    doc.select([target.id])
    assert canvas.center_on_selection()
    qtbot.wait(1)
    for card in scene.cards.values():  # (reading makes any data the build deferred)
        assert card.card_data is not None
    monkeypatch.setattr(scene_mod, "DEFER_CARDS", 8)  # (this plan's edit changes a few dozen cards)
    made: list[str] = []
    original = scene_mod.card_data

    def counting(d: Any, f: Any) -> Any:
        made.append(d.id)
        return original(d, f)

    monkeypatch.setattr(scene_mod, "card_data", counting)
    o, lk, p = duration_triple(target.duration)
    assert (
        doc.set_duration(target.id, o, lk + 3, max(p, lk + 3)) is None
    )  # the finish moves: floats everywhere
    doc.analyze_now()
    pending = [c for c in scene.cards.values() if c._pending is not None]
    assert len(pending) > 8 and not made  # deferred, none made yet
    # Painting makes the data of the cards in sight (and only those, give or take the view's margin).
    canvas.viewport().repaint()
    assert 0 < len(made) < len(pending)
    assert scene.cards[target.id]._pending is None  # (it is in sight)
    # Reading makes the rest; all of them read as cards built from scratch on the same plan.
    fresh = PlanDocument(Plan.model_validate_json(doc.plan.model_dump_json()))
    fresh.analyze_now()
    reference = _canvas(qtbot, fresh)
    assert {i: c.card_data for i, c in scene.cards.items()} == {
        i: c.card_data for i, c in reference.graph_scene.cards.items()
    }
    assert not [c for c in scene.cards.values() if c._pending is not None]
    doc.shutdown()
    fresh.shutdown()


def test_a_later_sync_replaces_a_deferred_one(qtbot) -> None:
    doc = PlanDocument(random_plan(300, seed=7))
    doc.analyze_now()
    canvas = _canvas(qtbot, doc)
    card = next(iter(canvas.graph_scene.cards.values()))
    data = card.card_data
    assert data is not None
    card.defer_data(lambda: pytest.fail("a deferred data superseded by set_data is never made"))
    assert card.set_data(data) is False  # the same data: nothing to repaint
    assert card.card_data is data
    doc.shutdown()
