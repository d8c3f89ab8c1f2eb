"""A figure sync of many cards (an edit on a large plan's critical path moves thousands of floats) makes the data
of the cards in sight at once and of the others when each is first painted or read (issue 12): what the cards
show is the same."""

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


def test_a_large_figure_sync_makes_card_data_in_sight_now_and_elsewhere_when_painted_or_read(
    qtbot, monkeypatch
) -> None:
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
    # The screen to the right painted (its cards keep cached pictures), then back to the selection.
    canvas.viewport().repaint()
    home = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    away = home.translated(home.width(), 0)
    canvas.centerOn(away.center())
    canvas.viewport().repaint()
    cached = [
        c
        for c in scene.cards.values()
        if c.sceneBoundingRect().intersects(away) and not c.sceneBoundingRect().intersects(home)
    ]
    assert canvas.center_on_selection()
    canvas.viewport().repaint()
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
    assert len(pending) > 8
    # The cards in sight were given their data at once (and repainted); the others wait, out of sight.
    seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert made and all(scene.cards[i].sceneBoundingRect().intersects(seen) for i in made)
    assert not [c for c in pending if c.sceneBoundingRect().intersects(seen)]
    # Those of the screen to the right, back in sight, are painted afresh (not from the pictures cached before
    # the edit), which makes their data.
    waiting = [c for c in cached if c._pending is not None]
    assert waiting
    canvas.centerOn(away.center())
    canvas.viewport().repaint()
    assert not [c for c in waiting if c._pending is not None]
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
