"""Graph canvas items as issue 12 made them for opening big plans: one item per card and per edge (the arrowhead and
the label painted by the edge), each edge's bounding rect kept by the edge, a shallow BSP index after a build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import scene as scene_mod
from planner.ui.canvas.items import CardItem, EdgeItem
from planner.ui.state.document import PlanDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def edges(canvas: GraphCanvas) -> list[EdgeItem]:
    return [e for e in canvas.graph_scene.edges if e is not None]


def label_at(e: EdgeItem) -> QPointF:
    """Where the edge's label sits (the middle of its last curve)."""
    assert e._label_at is not None
    return QPointF(*e._label_at)


def test_one_item_per_card_and_edge(canvas: GraphCanvas) -> None:
    scene = canvas.graph_scene
    assert all(not e.childItems() for e in edges(canvas))
    assert all(not c.childItems() for c in scene.cards.values())
    # cards, edges, and per band its rect with a title and a subtitle
    assert len(scene.items()) == len(scene.cards) + len(edges(canvas)) + 3 * len(scene.bands)


def test_an_edge_bounds_its_curve_arrowhead_and_label(canvas: GraphCanvas) -> None:
    labelled = 0
    for e in edges(canvas):
        bounds = e.boundingRect()
        assert bounds.contains(e.path().controlPointRect())
        tip = e.path().pointAtPercent(1.0) + QPointF(
            e.ARROW, 0
        )  # the arrowhead's point, past the curve's end
        assert bounds.contains(tip)
        assert bounds.contains(QRectF(tip.x() - e.ARROW, tip.y() - e.ARROW / 2, e.ARROW, e.ARROW))
        if e.label is not None:
            labelled += 1
            plate = e.label.plate.translated(label_at(e))
            assert bounds.contains(plate)
    assert labelled  # (the sample has typed and lagged links)


def test_the_arrowhead_and_label_are_painted(canvas: GraphCanvas) -> None:
    """An edge's own paint draws its arrowhead in the edge's colour and its label's plate and text."""
    e = next(e for e in edges(canvas) if e.label is not None and not e.driving and not e.critical)
    canvas.centerOn(label_at(e))
    img = QImage(canvas.viewport().size(), QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    canvas.render(p, source=canvas.viewport().rect())
    p.end()
    plate = canvas.mapFromScene(e.label.plate.translated(label_at(e))).boundingRect()
    # The plate's border is the label colour (muted for a plain link), its inside white with dark text.
    colours = {
        img.pixelColor(x, plate.center().y()).name() for x in range(plate.left() + 3, plate.right() - 3)
    }
    assert "#ffffff" in colours and len(colours) > 2  # text on the plate
    tip = canvas.mapFromScene(e.path().pointAtPercent(1.0) + QPointF(e.ARROW / 2, 0))
    assert img.pixelColor(tip).name() == e._arrow_brush.color().name()


def test_clicking_a_label_selects_its_edge(canvas: GraphCanvas) -> None:
    scene = canvas.graph_scene
    for e in edges(canvas):
        if e.label is None:
            continue
        centre = label_at(e)
        canvas.centerOn(centre)
        at = canvas.mapFromScene(centre)
        others = [i for i in scene.items(centre) if isinstance(i, CardItem)]
        if others:
            continue  # (a card over the plate takes the click)
        QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        assert scene.selected_edges() == [e]
        return
    pytest.fail("no label clear of the cards")


def test_a_large_build_indexes_its_items_in_a_shallow_tree(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 1000)
    doc = PlanDocument(random_plan(3000, seed=5))
    doc.analyze_now()
    try:
        c = GraphCanvas(doc)
        qtbot.addWidget(c)
        c.show()
        qtbot.waitUntil(lambda: not c.graph_scene.building, timeout=60_000)
        scene = c.graph_scene
        assert 1 <= scene.bspTreeDepth() <= scene_mod.BSP_DEPTH
        # The index answers lookups: the items around a card are found (and the card itself).
        card = next(iter(scene.cards.values()))
        assert card in scene.items(card.sceneBoundingRect())
    finally:
        doc.shutdown()


def test_the_garbage_collector_rests_while_a_build_runs_and_resumes(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 1000)
    monkeypatch.setattr(scene_mod, "BUILD_SLICE", 0.002)
    assert gc.isenabled()
    doc = PlanDocument(random_plan(3000, seed=6))
    doc.analyze_now()
    try:
        c = GraphCanvas(doc)
        qtbot.addWidget(c)
        c.show()
        qtbot.waitExposed(c)
        scene = c.graph_scene
        qtbot.waitUntil(lambda: scene.build_ticks > 0, timeout=10_000)
        assert scene.building and not gc.isenabled()  # paused while the slices run
        c.hide()  # a hidden view pauses the build: the collector runs again meanwhile
        assert scene.building and gc.isenabled()
        c.show()
        ticks = scene.build_ticks
        qtbot.waitUntil(lambda: scene.build_ticks > ticks, timeout=10_000)
        assert scene.building and not gc.isenabled()
        qtbot.waitUntil(lambda: not scene.building, timeout=60_000)
        assert gc.isenabled()  # the build ended
        # A scene that goes in the middle of a build leaves the collector running.
        doc.set_plan(random_plan(3000, seed=7))
        ticks = scene.build_ticks
        qtbot.waitUntil(lambda: scene.build_ticks > ticks, timeout=10_000)
        assert scene.building and not gc.isenabled()
        c.setParent(None)
        c.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # The collector runs again once the scene is gone. The document's analysis worker pauses it too, for its own
        # run (analysis.graph.gc_paused): a tick that found it paused by the worker left the resuming to the worker,
        # so under load it may come a moment after the scene goes (this failed once on a busy machine).
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
    finally:
        gc.enable()
        doc.shutdown()
