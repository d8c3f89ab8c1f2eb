"""The GUI edit loop (issue 12): after an edit every view shows what a full analysis gives, and the graph scene
stays cheap to paint (its item index is usable after a bulk build)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import items as items_mod
from planner.ui.canvas import scene as scene_mod
from planner.ui.state.document import PlanDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("progressive", [False, True])
def test_scene_index_spans_the_plan_after_a_bulk_build(qtbot, monkeypatch, progressive: bool) -> None:
    """A lookup of a small rect (what each repaint does) tests only the items near it: after the bulk sync and
    after a progressive build the BSP index covers the scene rect (Qt does not tell a new index the rect)."""
    calls = [0]
    plain = items_mod.CardItem.boundingRect

    def counted(self: items_mod.CardItem) -> QRectF:
        calls[0] += 1
        return plain(self)

    monkeypatch.setattr(items_mod.CardItem, "boundingRect", counted)
    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 300 if progressive else 10**9)
    doc = PlanDocument(random_plan(800, seed=4))
    doc.analyze_now()
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: not scene.building, timeout=60_000)
    assert len(scene.cards) == 800
    card = scene.cards[doc.plan.decisions[400].id]
    where = card.sceneBoundingRect()
    scene.items(where)  # (the index is brought up to date lazily, at the first lookup)
    calls[0] = 0
    found = scene.items(QRectF(where.center(), where.center()).adjusted(-2, -2, 2, 2))
    assert card in found
    assert calls[0] < 100, f"{calls[0]} cards tested for a 4-pixel lookup: the index is not used"
    doc.shutdown()
