"""A huge plan opens to its stage-and-area overview at once; its layout runs in a thread meanwhile."""

from __future__ import annotations

import pytest

from planner.model import plan_from_dict
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import scene as scene_module
from planner.ui.state.document import PlanDocument

pytestmark = pytest.mark.gui


def _plan() -> object:
    """Validate: a (Data), b (Data), c (no area); Integrate: d (Data), e (Ops); links a->d, b->e, c->e."""
    dec = [
        ("a", "validate", "data"),
        ("b", "validate", "data"),
        ("c", "validate", None),
        ("d", "integrate", "data"),
        ("e", "integrate", "ops"),
    ]
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Huge (in miniature)",
            "stages": [{"id": "validate", "name": "Validate"}, {"id": "integrate", "name": "Integrate"}],
            "areas": [{"id": "data", "name": "Data"}, {"id": "ops", "name": "Ops"}],
            "decisions": [
                {"id": i, "title": i.upper(), "stage": s, "duration": 1, **({"area": a} if a else {})}
                for i, s, a in dec
            ],
            "dependencies": [{"from": "a", "to": "d"}, {"from": "b", "to": "e"}, {"from": "c", "to": "e"}],
        },
        "<huge>",
    )


def test_the_overview_shows_before_the_layout_then_the_cards(qtbot, monkeypatch) -> None:
    # Thresholds scaled down: this plan stands for one of 50,000 decisions.
    monkeypatch.setattr(scene_module, "PROGRESSIVE", 2)
    monkeypatch.setattr(scene_module, "THREADED_LAYOUT", 2)
    started = []
    real = scene_module.GraphScene._layout_in_thread

    def spy(self, key, analysis):
        started.append(key)
        return (yield from real(self, key, analysis))

    monkeypatch.setattr(scene_module.GraphScene, "_layout_in_thread", spy)
    doc = PlanDocument()
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    canvas.resize(900, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    scene = canvas.graph_scene
    doc.set_plan(_plan())  # type: ignore[arg-type]
    assert scene.building and not scene.bands  # no layout yet, nor the old plan's bands
    canvas.grab()  # paint now
    labels = canvas.overview_labels
    assert (
        "Validate · 3" in labels and "Integrate · 2" in labels
    )  # columns: the assigned stages (no analysis)
    assert labels.count("Data") == 2 and labels.count("Ops") == 1 and "No area" in labels
    assert "2 decisions" in labels  # Validate/Data (a, b) and Integrate... (d alone says 1 decision)
    assert labels.count("1 decision") == 3  # Validate/No area (c), Integrate/Data (d), Integrate/Ops (e)
    assert scene.cards == {}
    qtbot.waitUntil(lambda: not scene.building, timeout=30_000)
    assert started, "the layout ran in a thread"
    assert sorted(scene.cards) == ["a", "b", "c", "d", "e"]
    assert len(scene.bands) == 2
    assert sum(e is not None for e in scene.edges) == 3
    canvas.close()
    doc.shutdown()
