"""The view a plan opens with: readable, not a postage stamp of the whole graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.model import load_plan
from planner.templates import load_template
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import style as S
from planner.ui.state.document import PlanDocument

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture
def wide() -> Iterator[GraphCanvas]:
    doc = PlanDocument(load_plan(SAMPLES / "fraud-detection.plan.json"))
    doc.analyze_now()
    canvas = GraphCanvas(doc)
    yield canvas
    canvas.close()
    canvas.deleteLater()
    doc.shutdown()


def test_a_wide_plan_opens_readable_at_its_start(qtbot, wide: GraphCanvas) -> None:
    qtbot.addWidget(wide)
    wide.resize(1200, 800)
    wide.show()
    qtbot.waitExposed(wide)
    wide.fit_to_view()
    assert wide.zoom < S.READABLE_ZOOM  # the whole fraud plan only fits at an unreadable size
    wide.overview()
    assert wide.zoom == pytest.approx(S.READABLE_ZOOM)
    visible = wide.mapToScene(wide.viewport().rect()).boundingRect()
    content = wide.graph_scene.content_rect()
    assert visible.left() <= content.left() < visible.right()  # the start of the plan is in sight


def test_focus_on_centres_the_selection_at_full_size(qtbot, wide: GraphCanvas) -> None:
    qtbot.addWidget(wide)
    wide.resize(1200, 800)
    wide.show()
    qtbot.waitExposed(wide)
    wide.overview()
    wide.document.select(["scoring-service"])
    qtbot.wait(10)
    wide.focus_on(["scoring-service"])
    assert wide.zoom == pytest.approx(1.0)
    card = next(i for i in wide.graph_scene.selectedItems())
    visible = wide.mapToScene(wide.viewport().rect()).boundingRect()
    assert visible.contains(card.sceneBoundingRect())


# -- the zoomed-out overview (issue 9): stage columns x areas, legible at the fitted zoom ------------------------


def _fitted(qtbot, doc: PlanDocument, w: int = 1280, h: int = 760) -> GraphCanvas:
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    canvas.resize(w, h)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.graph_scene.complete()
    canvas.fit_to_view()
    qtbot.wait(20)
    canvas.viewport().repaint()
    return canvas


def _assert_legible(canvas: GraphCanvas) -> None:
    texts = canvas.overview_texts
    assert texts, "no overview drawn"
    view = canvas.viewport().rect()
    for rect, text in texts:
        assert rect.height() >= 9, (text, rect)  # at least 9 px tall on screen
        assert view.contains(rect), (text, rect)  # not cut at an edge
    for i, (a, ta) in enumerate(texts):
        for b, tb in texts[i + 1 :]:
            assert not a.intersects(b), (ta, tb)


@pytest.mark.parametrize("size", [(1280, 760), (900, 600)])
def test_fitted_template_reads_as_stage_and_area_overview(qtbot, size: tuple[int, int]) -> None:
    doc = PlanDocument(load_template("ai-scaling"))
    doc.analyze_now()
    canvas = _fitted(qtbot, doc, *size)
    assert canvas.zoom < S.DETAIL_ZOOM
    _assert_legible(canvas)
    n = len(doc.plan.decisions)
    headers = [t for _, t in canvas.overview_texts if " · " in t and t.split(" · ")[-1].isdigit()]
    assert [h.split(" · ")[0] for h in headers] == [s.name for s in doc.plan.stages]
    assert sum(int(h.split(" · ")[1]) for h in headers) == n
    summary = canvas._summary
    assert summary is not None
    assert sum(c for c, _ in summary.cells.values()) == n
    critical = int(sum(doc.analysis.schedule.critical))
    assert sum(k for _, k in summary.cells.values()) == critical
    # Zooming in returns to the cards: no overview, card text drawn again.
    canvas.set_zoom(S.READABLE_ZOOM)
    canvas.viewport().repaint()
    assert canvas.overview_texts == []
    canvas.close()
    doc.shutdown()


def test_fitted_2000_decisions_overview_is_legible(qtbot) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from _plans import random_plan

    doc = PlanDocument(random_plan(2000))
    doc.analyze_now()
    canvas = _fitted(qtbot, doc)
    assert canvas.zoom < S.DETAIL_ZOOM
    _assert_legible(canvas)
    summary = canvas._summary
    assert summary is not None and sum(c for c, _ in summary.cells.values()) == 2000
    canvas.set_zoom(1.0)
    canvas.viewport().repaint()
    assert canvas.overview_texts == []
    canvas.close()
    doc.shutdown()


def test_overview_counts_a_hand_checked_plan(qtbot, make_plan) -> None:
    # a (validate, data) -> b (validate, models) -> c (integrate, data); d (integrate, models) off the chain.
    plan = make_plan(
        [
            {"id": "a", "area": "data", "duration": 2},
            {"id": "b", "area": "models", "duration": 2},
            {"id": "c", "stage": "integrate", "area": "data", "duration": 2},
            {"id": "d", "stage": "integrate", "area": "models", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
        areas=[{"id": "data", "name": "Data", "color": "#1A73E8"}, {"id": "models", "name": "Models"}],
        stages=["validate", "integrate"],
    )
    doc = PlanDocument(plan)
    doc.analyze_now()
    canvas = _fitted(qtbot, doc)
    canvas.set_zoom(0.1)
    canvas.viewport().repaint()
    summary = canvas._summary
    assert summary is not None
    assert summary.columns == [("Validate", 2), ("Integrate", 2)]
    assert [name for name, _ in summary.rows] == ["Data", "Models"]
    assert summary.cells == {(0, 0): [1, 1], (0, 1): [1, 1], (1, 0): [1, 1], (1, 1): [1, 0]}
    assert summary.chain == [(0, 0), (0, 1), (1, 0)]
    texts = [t for _, t in canvas.overview_texts]
    assert "1 decision · 1 critical" in texts and "1 decision" in texts
    # An edit while zoomed out is counted at the next paint.
    assert doc.edit_decision("d", area="data") is None
    doc.analyze_now()
    qtbot.wait(20)
    canvas.viewport().repaint()
    assert canvas._summary.cells == {(0, 0): [1, 1], (0, 1): [1, 1], (1, 0): [2, 1]}
    canvas.close()
    doc.shutdown()


def test_a_click_on_an_overview_block_zooms_in_on_its_decisions(qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    doc = PlanDocument(load_template("ai-scaling"))
    doc.analyze_now()
    canvas = _fitted(qtbot, doc)
    summary = canvas._summary
    assert summary is not None and summary.blocks
    # A click beside every block selects nothing and moves nothing (the cards under the overview are hidden).
    positions = {i: c.pos() for i, c in canvas.graph_scene.cards.items()}
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert list(doc.selection) == [] and canvas.zoom < S.DETAIL_ZOOM
    assert {i: c.pos() for i, c in canvas.graph_scene.cards.items()} == positions
    cell = max(summary.cells, key=lambda k: summary.cells[k][0])  # the biggest block
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=summary.blocks[cell].center())
    assert canvas.zoom == pytest.approx(S.READABLE_ZOOM)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    shown = [
        i for i in summary.ids[cell] if visible.intersects(canvas.graph_scene.cards[i].sceneBoundingRect())
    ]
    assert shown  # its decisions are in sight, as cards
    canvas.viewport().repaint()
    assert canvas.overview_texts == []
    canvas.close()
    doc.shutdown()
