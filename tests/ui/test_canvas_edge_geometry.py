"""Edges placed from plain-float geometry (issue 12, opening a 10,000-decision plan): the numpy pass of a large
build gives the same floats as the one-edge arithmetic, an edge's curve and Qt shape are made only when needed and
follow it when it is re-routed or restyled, and an empty plan lays out without the analysis (numpy)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF

from planner.model import load_plan, new_plan, plan_from_dict
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import style as S
from planner.ui.canvas.items import EdgeItem, edge_geometries, edge_geometry, edge_path
from planner.ui.canvas.scene import EMPTY_COLUMN_GAP, empty_layout
from planner.ui.state.document import PlanDocument

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"

coord = st.floats(-50_000, 50_000, allow_nan=False, allow_infinity=False)
route = st.lists(st.tuples(coord, coord), min_size=1, max_size=5)


# -- the arithmetic ------------------------------------------------------------------------------------------------
def test_a_straight_edge_hand_checked() -> None:
    # From (0, 0) to the arrowhead's point (210, 100): the curve ends at 200 (the arrowhead is 10 long); its
    # control points reach 100 either way (half the run, at least 50): x 0..210 with the arrowhead, y 0..105 with
    # its half-height of 5; widened by 3 each side. The label sits at the curve's middle, (100, 50).
    g = edge_geometry(0.0, 0.0, 210.0, 100.0)
    assert g == (0.0, 0.0, 210.0, 100.0, None, 100.0, 50.0, -3.0, -3.0, 216.0, 111.0)
    path = edge_path(g)
    assert path.elementAt(0).x == 0.0 and path.elementAt(0).y == 0.0
    assert path.currentPosition() == QPointF(200.0, 100.0)
    assert path.controlPointRect() == QRectF(0.0, 0.0, 200.0, 100.0)


def test_a_routed_edge_hand_checked() -> None:
    # Through one waypoint centred at (500, 300) (a card is 224 wide: the run crosses x 388..612): a curve from
    # (0, 0) to (388, 300) with reach 194, a straight run to (612, 300), a curve to (1000, 300) (the arrowhead's
    # point is 1010) with reach 194.
    assert S.CARD_W == 224.0
    g = edge_geometry(0.0, 0.0, 1010.0, 300.0, [(500.0, 300.0)])
    x0, y0, tx, ty, waypoints, lx, ly, left, top, width, height = g
    assert waypoints == [(500.0, 300.0)]
    assert (lx, ly) == (806.0, 300.0)  # the middle of the last curve
    assert (left, top, width, height) == (-3.0, -3.0, 1016.0, 311.0)
    path = edge_path(g)
    assert path.currentPosition() == QPointF(1000.0, 300.0)
    assert path.controlPointRect() == QRectF(0.0, 0.0, 1000.0, 300.0)
    assert path.pointAtPercent(0.5).y() == pytest.approx(300.0)  # on the straight run


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(coord, coord, coord, coord), min_size=1, max_size=12))
def test_many_straight_edges_at_once_are_the_same_floats(
    ends: list[tuple[float, float, float, float]],
) -> None:
    x0, y0, tx, ty = (list(c) for c in zip(*ends, strict=True))
    assert edge_geometries(x0, y0, tx, ty) == [edge_geometry(*e) for e in ends]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(coord, coord, coord, coord, route), min_size=1, max_size=8))
def test_many_routed_edges_at_once_are_the_same_floats(
    edges: list[tuple[float, float, float, float, list[tuple[float, float]]]],
) -> None:
    x0, y0, tx, ty, routes = (list(c) for c in zip(*edges, strict=True))
    assert edge_geometries(x0, y0, tx, ty, routes) == [edge_geometry(*e) for e in edges]


# -- items ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def hidden_canvas(qtbot) -> Iterator[GraphCanvas]:
    """The sample's canvas, built but never shown (so never painted)."""
    d = PlanDocument(load_plan(SAMPLE))
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    c.resize(1400, 900)
    yield c
    d.shutdown()


def _edges(canvas: GraphCanvas) -> list[EdgeItem]:
    return [e for e in canvas.graph_scene.edges if e is not None]


def test_an_edge_never_painted_has_no_curve_yet_and_is_still_found_and_clicked(
    hidden_canvas: GraphCanvas,
) -> None:
    scene = hidden_canvas.graph_scene
    edges = _edges(hidden_canvas)
    assert edges and all(e._made_path is None and e._shape is None for e in edges)
    # Where the curve is, the scene finds the edge (Qt asks for its shape, which makes the curve), and a click
    # there (the scene's own test) selects it.
    for e in edges:
        mid = edge_path(e._geom).pointAtPercent(0.5)
        if e.label is not None or scene._card_at(mid) is not None:
            continue
        assert e in scene.items(mid)
        assert e._made_path is not None and e._shape is not None
        if scene._edge_at(mid) is e:
            scene.select_edge(e)
            assert scene.selected_edges() == [e]
            return
    pytest.fail("no edge clear of cards and other edges")


def test_a_moved_card_re_routes_its_edges_curve_shape_and_bounds(hidden_canvas: GraphCanvas) -> None:
    scene = hidden_canvas.graph_scene
    card = max(scene.cards.values(), key=lambda c: len(c.edges))
    edge = card.edges[0]
    before = QPointF(edge.path().currentPosition())
    old_shape = edge.shape()
    card.setPos(card.pos() + QPointF(0, 250))
    card.update_edges()
    assert edge._made_path is None and edge._shape is None  # made afresh when next needed
    anchor = card.in_anchor() if edge.target is card else card.out_anchor()
    end = edge.path().pointAtPercent(1.0 if edge.target is card else 0.0)
    assert abs(end.y() - anchor.y()) <= S.CARD_H / 2 and end != before
    assert edge.boundingRect().contains(edge.path().controlPointRect())
    assert edge.shape() is not old_shape and edge.shape().boundingRect().intersects(edge.boundingRect())
    # The scene's index follows: the edge is found where its curve now runs.
    mid = edge.path().pointAtPercent(0.5)
    assert edge in scene.items(edge.path().pointAtPercent(0.5)) or scene._card_at(mid) is not None


def test_a_restyled_edge_is_stroked_with_its_new_pen_and_repainted(hidden_canvas: GraphCanvas) -> None:
    e = next(e for e in _edges(hidden_canvas) if not e.driving and not e.critical)
    thin = e.shape().boundingRect()
    assert e.pen().widthF() == pytest.approx(1.3)
    assert e.info is not None
    kind, lag = e.info[:2]
    e.set_info(kind, lag, True, True)  # (what an edit making the link critical gives it)
    assert e.pen().widthF() == pytest.approx(3.2) and e.zValue() == 0.5
    assert e._shape is None
    wide = e.shape().boundingRect()
    # The wider pen reaches further past the curve's ends (flat caps: half the pen's width up and down).
    assert wide.height() == pytest.approx(thin.height() + (3.2 - 1.3), abs=0.01)
    e.set_info(kind, lag, False, False)
    assert e.pen().widthF() == pytest.approx(1.3) and e.zValue() == 0.0
    assert e.shape().boundingRect() == thin


# -- the empty plan at start-up ------------------------------------------------------------------------------------
def _layout_fields(lay: Any) -> dict[str, Any]:
    out = {f.name: getattr(lay, f.name) for f in fields(lay)}
    out["columns"] = [asdict(c) for c in out["columns"]]
    return out


@pytest.mark.parametrize("analysed", [False, True])
@pytest.mark.parametrize("stages", [None, ["discover", "Build"], ["only"]])
def test_the_empty_layout_is_the_layered_layout_of_a_plan_without_decisions(
    analysed: bool, stages: list[str] | None
) -> None:
    from planner.analysis import analyze
    from planner.analysis.layout import COLUMN_GAP, layered_layout

    assert EMPTY_COLUMN_GAP == COLUMN_GAP
    if stages is None:
        plan = new_plan()
    else:
        plan = plan_from_dict(
            {
                "schema_version": 1,
                "title": "Empty",
                "stages": [{"id": s.lower(), "name": s} for s in stages],
                "decisions": [],
                "dependencies": [],
            },
            "<empty>",
        )
    analysis = analyze(plan) if analysed else None
    lay = empty_layout(plan, analysis)
    assert lay is not None
    assert _layout_fields(lay) == _layout_fields(layered_layout(plan, analysis))


def test_a_plan_with_decisions_is_not_the_empty_layouts() -> None:
    assert empty_layout(load_plan(SAMPLE), None) is None


def test_the_canvas_of_the_empty_plan_paints_without_numpy() -> None:
    """At start-up the canvas builds and paints the empty first plan without importing numpy (the analysis)."""
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from planner.ui.state.document import PlanDocument\n"
        "from planner.ui.canvas import GraphCanvas\n"
        "c = GraphCanvas(PlanDocument())\n"
        "c.resize(800, 600)\n"
        "c.grab()\n"
        "bands = [b.title.text() for b in c.graph_scene.bands]\n"
        "print(len(bands), 'numpy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    assert out.stdout.split() == ["4", "False"]


@pytest.mark.parametrize("kind_lag", [("FS", 0.0), ("SS", 2.0), ("FF", -1.5)])
@pytest.mark.parametrize("driving", [False, True])
@pytest.mark.parametrize("critical", [False, True])
def test_a_new_edge_shown_in_one_call_is_as_set_info_then_place(
    hidden_canvas: GraphCanvas, kind_lag: tuple[str, float], driving: bool, critical: bool
) -> None:
    a, b = list(hidden_canvas.graph_scene.cards.values())[:2]
    geom = edge_geometry(10.0, 20.0, 400.0, 90.0)
    info = (*kind_lag, driving, critical)
    one, two = EdgeItem(a, b, 0), EdgeItem(a, b, 1)
    try:
        one.set_info(*info)
        one.place(geom)
        two.show_first(info, geom)
        for e in (one, two):
            assert e.info == info and e._geom == geom
        assert one._style is two._style and one.zValue() == two.zValue()
        assert one.boundingRect() == two.boundingRect()
        assert one.pen() == two.pen() and one.pen().widthF() == two.pen().widthF()
        assert (one.label is None) == (two.label is None) == (kind_lag == ("FS", 0.0))
        if one.label is not None and two.label is not None:
            assert (one.label.text, one.label.color, one.label.plate) == (
                two.label.text,
                two.label.color,
                two.label.plate,
            )
    finally:
        one.detach()
        two.detach()


def test_a_large_build_makes_each_cards_texts_when_first_painted_or_read(qtbot, monkeypatch) -> None:
    """A progressive build defers every card's data (most are out of sight); the cards painted have theirs, and
    any card read gives what its decision's figures make."""
    from planner.ui.canvas import scene as scene_mod

    sys.path.insert(0, str(ROOT))
    from benchmarks._plans import random_plan

    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 500)
    doc = PlanDocument(random_plan(800, seed=12))
    doc.analyze_now()
    try:
        c = GraphCanvas(doc)
        qtbot.addWidget(c)
        c.resize(900, 600)
        c.show()
        qtbot.waitUntil(lambda: not c.graph_scene.building, timeout=60_000)
        scene = c.graph_scene
        assert scene.build_ticks > 0
        c.reset_zoom()
        c.centerOn(next(iter(scene.cards.values())).scene_rect().center())
        c.grab()  # (painted now)
        pending = [card for card in scene.cards.values() if card._pending is not None]
        painted = [card for card in scene.cards.values() if card._painted]
        assert painted and all(card._pending is None for card in painted)
        assert len(pending) > len(scene.cards) // 2  # (out of sight: never made)
        figures = scene._figures_for(doc.analysis)
        for d in doc.plan.decisions:
            assert scene.cards[d.id].card_data == scene_mod.card_data(d, figures)
        assert all(card._pending is None for card in pending)
    finally:
        doc.wait_for_analysis()
        doc.shutdown()


def _edges_built(qtbot: Any, plan: Any, progressive: bool, monkeypatch: Any) -> list[Any]:
    from planner.ui.canvas import scene as scene_mod

    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 300 if progressive else 10**9)
    doc = PlanDocument(plan)
    doc.analyze_now()
    try:
        c = GraphCanvas(doc)
        qtbot.addWidget(c)
        c.show()
        qtbot.waitUntil(lambda: not c.graph_scene.building, timeout=60_000)
        assert c.graph_scene.build_ticks > 0 if progressive else c.graph_scene.build_ticks == 0
        return [
            None
            if e is None
            else (
                e.dep_index,
                e.source.decision_id,
                e.target.decision_id,
                e.in_dy,
                e.info,
                e.route,
                e._geom,
                e.boundingRect(),
                e.path().boundingRect(),
                e.path().elementCount(),
            )
            for e in c.graph_scene.edges
        ]
    finally:
        doc.wait_for_analysis()
        doc.shutdown()


@pytest.mark.parametrize("case", ["moved cards", "no links"])
def test_a_progressive_build_places_edges_as_the_in_place_sync_does(qtbot, monkeypatch, case: str) -> None:
    """Cards saved away from the layout (their routed edges drawn straight), or no links at all: the build's numpy
    passes give every edge what the in-place sync's placement gives it."""
    from planner.model import Position

    sys.path.insert(0, str(ROOT))
    from benchmarks._plans import random_plan

    def plan() -> Any:
        p = random_plan(700, seed=21)
        if case == "no links":
            p.dependencies = []
        else:
            for k, d in enumerate(p.decisions[::23]):
                p.layout[d.id] = Position(x=40.0 * k, y=-300.0 - 17.0 * k)
        return p

    built = _edges_built(qtbot, plan(), True, monkeypatch)
    assert built == _edges_built(qtbot, plan(), False, monkeypatch)
    if case == "moved cards":
        routed = [e for e in built if e is not None and e[5]]
        assert routed and any(e[6][4] is None for e in routed)  # (a route, drawn straight: a card moved)
        assert any(e[6][4] is not None for e in routed)
    else:
        assert built == []


def test_an_edge_that_only_turns_critical_is_repainted(qtbot: Any) -> None:
    # A driving link that becomes critical (or stops being critical) keeps its z value and label colour; it must
    # still be repainted with its new pen (review of issue 12's lazy edges).
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from planner.ui.canvas.items import CardItem, EdgeItem

    scene = QGraphicsScene()
    a, b = CardItem("a"), CardItem("b")
    b.setPos(400, 0)
    scene.addItem(a)
    scene.addItem(b)
    edge = EdgeItem(a, b, 0)
    edge.set_info("FS", 0.0, True, False)
    edge.update_path()
    scene.addItem(edge)
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    regions: list[Any] = []
    scene.changed.connect(lambda rects: regions.append(list(rects)))
    for critical in (True, False):
        regions.clear()
        z = edge.zValue()
        edge.set_info("FS", 0.0, True, critical)
        assert edge.zValue() == z  # (nothing else about it asks for a repaint)
        qtbot.waitUntil(lambda: bool(regions), timeout=2000)
        assert any(r.intersects(edge.sceneBoundingRect()) for rs in regions for r in rs)
        assert edge.pen().widthF() == pytest.approx(3.2 if critical else 2.6)
