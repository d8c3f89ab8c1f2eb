"""Progressive build of a large graph scene (planner.ui.canvas.scene): sliced from a timer, the view usable
meanwhile, the same end state as a synchronous build, and correct under edits, new plans, hiding and closing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPainter

from planner.model import Plan
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import scene as scene_mod
from planner.ui.canvas import style as S
from planner.ui.state.document import PlanDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan

pytestmark = pytest.mark.gui

N = 3000
THRESHOLD = 1000


@pytest.fixture(autouse=True)
def low_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scene_mod, "PROGRESSIVE", THRESHOLD)
    # Short slices, so that a build spans many slices on any machine (a fast one would otherwise finish the
    # test plan in a handful and the "between slices" checks would depend on the machine's speed).
    monkeypatch.setattr(scene_mod, "BUILD_SLICE", 0.002)


@pytest.fixture(scope="module")
def big_plan_json() -> str:
    return random_plan(N, seed=3).model_dump_json()


def fresh_plan(data: str) -> Plan:
    return Plan.model_validate_json(data)


@pytest.fixture
def doc(big_plan_json: str) -> Iterator[PlanDocument]:
    d = PlanDocument(fresh_plan(big_plan_json))
    d.analyze_now()
    yield d
    d.wait_for_analysis()
    d.shutdown()


def make_canvas(qtbot, doc: PlanDocument, show: bool = True) -> GraphCanvas:
    c = GraphCanvas(doc)
    qtbot.addWidget(c)
    c.resize(1000, 700)
    if show:
        c.show()
        qtbot.waitExposed(c)
    return c


def wait_built(qtbot, canvas: GraphCanvas) -> None:
    qtbot.waitUntil(lambda: not canvas.graph_scene.building, timeout=60_000)


def snapshot(canvas: GraphCanvas) -> dict[str, Any]:
    """Everything a build produces, in comparable form."""
    scene = canvas.graph_scene
    cards = {did: (c.pos().x(), c.pos().y(), c.layout_pos, c.card_data) for did, c in scene.cards.items()}
    edges = [
        None
        if e is None
        else (
            e.dep_index,
            e.source.decision_id,
            e.target.decision_id,
            e.in_dy,
            e.info,
            e.path().boundingRect(),
            e.label is not None,
            e.zValue(),
        )
        for e in scene.edges
    ]
    bands = [(b.rect(), b.count_text) for b in scene.bands]
    return {
        "cards": cards,
        "edges": edges,
        "bands": bands,
        "content": scene.content_rect(),
        "scene_rect": scene.sceneRect(),
        "items": len(scene.items()),
    }


def synchronous_snapshot(qtbot, monkeypatch: pytest.MonkeyPatch, doc: PlanDocument) -> dict[str, Any]:
    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 10**9)
    try:
        c = make_canvas(qtbot, doc, show=False)
        assert not c.graph_scene.building
        return snapshot(c)
    finally:
        monkeypatch.setattr(scene_mod, "PROGRESSIVE", THRESHOLD)


def assert_consistent(canvas: GraphCanvas, doc: PlanDocument) -> None:
    """Items match the plan: a card per decision, an edge per dependency naming the same ends."""
    scene = canvas.graph_scene
    assert not scene.building
    assert set(scene.cards) == {d.id for d in doc.plan.decisions}
    assert len(scene.edges) == len(doc.plan.dependencies)
    for k, (edge, dep) in enumerate(zip(scene.edges, doc.plan.dependencies, strict=True)):
        assert edge is not None and edge.scene() is scene
        assert (edge.dep_index, edge.source.decision_id, edge.target.decision_id) == (k, dep.from_, dep.to)
    for card in scene.cards.values():
        assert card.scene() is scene and card.card_data is not None


def test_small_plans_are_built_at_once(qtbot) -> None:
    d = PlanDocument(random_plan(THRESHOLD - 1, seed=1))
    d.analyze_now()
    try:
        c = make_canvas(qtbot, d, show=False)
        assert not c.graph_scene.building and c.graph_scene.build_ticks == 0
        assert len(c.graph_scene.cards) == THRESHOLD - 1
    finally:
        d.shutdown()


def test_a_large_plan_builds_in_slices_and_ends_as_a_synchronous_build(
    qtbot, doc: PlanDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = synchronous_snapshot(qtbot, monkeypatch, doc)
    canvas = make_canvas(qtbot, doc, show=False)
    scene = canvas.graph_scene
    assert scene.building and not scene.cards  # nothing built while hidden
    qtbot.wait(20)
    assert scene.build_ticks == 0
    # The event loop runs between slices: a timer started now fires many times before the build ends.
    fired: list[bool] = []
    probe = QTimer()
    probe.setInterval(1)
    probe.timeout.connect(lambda: fired.append(scene.building))
    probe.start()
    canvas.show()
    qtbot.waitExposed(canvas)
    partial = []
    scene.build_changed.connect(lambda: partial.append(len(scene.cards)))
    wait_built(qtbot, canvas)
    probe.stop()
    assert scene.build_ticks >= 5
    assert sum(fired) >= 5, "the event loop did not run between slices"
    assert any(0 < n < N for n in partial), "cards never appeared in part"
    got = snapshot(canvas)
    assert got["cards"].keys() == expected["cards"].keys()
    assert got == expected
    assert_consistent(canvas, doc)


def test_the_view_scrolls_zooms_and_paints_during_the_build(qtbot, doc: PlanDocument) -> None:
    canvas = make_canvas(qtbot, doc)
    scene = canvas.graph_scene
    canvas.overview()  # asked for before the layout is known: applied once it is
    qtbot.waitUntil(lambda: not scene.content_rect().isEmpty(), timeout=30_000)
    assert scene.building, (
        "the build should still be running (the test needs a slower build or a larger plan)"
    )
    assert canvas.zoom == pytest.approx(S.READABLE_ZOOM)  # the overview, applied from the layout
    assert canvas._progress_text().startswith("Building graph… ")
    canvas.zoom_out()
    zoom = canvas.zoom
    h = canvas.verticalScrollBar()
    h.setValue(h.value() + 200)
    image = QImage(canvas.viewport().size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    canvas.render(painter)
    painter.end()
    wait_built(qtbot, canvas)
    assert canvas.zoom == pytest.approx(zoom)  # the user's zoom is kept when the build ends
    assert len(scene.cards) == N


def test_an_analysis_arriving_mid_build_is_shown(
    qtbot, big_plan_json: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = PlanDocument(fresh_plan(big_plan_json))  # no analysis yet
    try:
        canvas = make_canvas(qtbot, d)
        scene = canvas.graph_scene
        qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
        assert scene.building
        d.analyze_now()
        wait_built(qtbot, canvas)
        expected = synchronous_snapshot(qtbot, monkeypatch, d)
        assert snapshot(canvas) == expected
        assert any(c.card_data.critical for c in scene.cards.values())
        assert any(e is not None and e.driving for e in scene.edges)
    finally:
        d.wait_for_analysis()
        d.shutdown()


def test_an_edit_mid_build_completes_it_and_ends_consistent(
    qtbot, doc: PlanDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas = make_canvas(qtbot, doc)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
    assert scene.building
    ids = [d.id for d in doc.plan.decisions]
    new_id = doc.add_decision("Added mid-build", stage=doc.plan.decisions[10].stage)
    assert not scene.building  # items never lag behind an edit
    assert new_id in scene.cards
    assert_consistent(canvas, doc)
    assert doc.add_dependency(ids[5], new_id) is None
    doc.delete_decisions([ids[100]])
    assert_consistent(canvas, doc)
    doc.wait_for_analysis()
    qtbot.wait(10)
    assert_consistent(canvas, doc)
    expected = synchronous_snapshot(qtbot, monkeypatch, doc)
    assert snapshot(canvas) == expected


def test_a_new_plan_mid_build_restarts_it(qtbot, doc: PlanDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    canvas = make_canvas(qtbot, doc)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
    assert scene.building
    doc.set_plan(random_plan(N + 200, seed=9))
    assert scene.building and not scene.cards  # started afresh, old items gone
    doc.wait_for_analysis()
    wait_built(qtbot, canvas)
    assert_consistent(canvas, doc)
    assert snapshot(canvas) == synchronous_snapshot(qtbot, monkeypatch, doc)


def test_hiding_pauses_the_build_and_showing_resumes_it(qtbot, doc: PlanDocument) -> None:
    canvas = make_canvas(qtbot, doc)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
    canvas.hide()
    ticks, cards = scene.build_ticks, len(scene.cards)
    qtbot.wait(50)
    assert scene.building and (scene.build_ticks, len(scene.cards)) == (ticks, cards)
    assert not scene._build_timer.isActive()
    canvas.show()
    wait_built(qtbot, canvas)
    assert_consistent(canvas, doc)


def test_closing_and_deleting_the_canvas_mid_build_leaves_nothing_running(qtbot, doc: PlanDocument) -> None:
    canvas = make_canvas(qtbot, doc)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
    assert scene.building
    timer = scene._build_timer
    canvas.close()
    assert not timer.isActive()
    canvas.deleteLater()
    qtbot.wait(30)
    # The document lives on: edits and analyses must not reach the deleted scene.
    doc.add_decision("After the canvas went", stage=doc.plan.decisions[0].stage)
    doc.wait_for_analysis()
    qtbot.wait(10)


def test_closing_the_window_mid_build(qtbot, big_plan_json: str, tmp_path: Path) -> None:
    from planner.ui.main_window import MainWindow

    path = tmp_path / "big.plan.json"
    path.write_text(big_plan_json, encoding="utf-8")
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    w.show_view("Graph")
    qtbot.waitExposed(w)
    assert w.open_file(path)
    assert isinstance(w.canvas, GraphCanvas)
    scene = w.canvas.graph_scene
    assert scene.building
    qtbot.waitUntil(lambda: len(scene.cards) > 0, timeout=30_000)
    assert scene.building
    timer = scene._build_timer
    w.doc.wait_for_analysis()
    w.discard_and_close()
    assert not timer.isActive()
