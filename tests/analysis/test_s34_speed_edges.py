"""An edit's repaint of the graph draws only what reaches into the repainted area (issue 12, the edit loop at
1,000 decisions with the Graph tab current): a long edge whose bounds cross the area but whose curve does not is
not stroked, and what the view shows is the same pixels as a whole repaint."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from benchmarks._plans import random_plan
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import items as items_module
from planner.ui.canvas import scene as scene_module
from planner.ui.canvas.items import EdgeItem
from planner.ui.state.document import PlanDocument

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


@pytest.fixture
def canvas(qtbot) -> Iterator[GraphCanvas]:
    doc = PlanDocument(random_plan(300, seed=4))
    doc.analyze_now()
    c = GraphCanvas(doc)
    qtbot.addWidget(c)
    c.resize(1000, 700)
    c.show()
    qtbot.waitExposed(c)
    c.graph_scene.complete()
    yield c
    doc.shutdown()


class _Recording(QPainter):
    """A painter on an image that counts the segments and polygons it is asked to draw."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.segments = 0
        self.polygons = 0

    def drawLines(self, lines: list[QLineF]) -> None:  # type: ignore[override]  # noqa: N802 (Qt name)
        self.segments += len(lines)
        super().drawLines(lines)

    def drawPolygon(self, polygon: QPolygonF) -> None:  # type: ignore[override]  # noqa: N802 (Qt name)
        self.polygons += 1
        super().drawPolygon(polygon)


def _distance(p: QPointF, line: QLineF) -> float:
    d = line.p2() - line.p1()
    n = d.x() ** 2 + d.y() ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, QPointF.dotProduct(p - line.p1(), d) / n))
    return QLineF(p, line.p1() + d * t).length()


def _paint(canvas: GraphCanvas, edge: EdgeItem, area: QRectF) -> _Recording:
    """Paint ``edge`` as a view paints the scene: the background of ``area`` first, then the item."""
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    p = _Recording(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.translate(-area.left(), -area.top())
    canvas.graph_scene.drawBackground(p, area)
    edge.paint(p, QStyleOptionGraphicsItem(), None)
    p.end()
    return p


def _long_edge_and_empty_area(canvas: GraphCanvas) -> tuple[EdgeItem, QRectF]:
    """An edge and a 40 x 40 area inside its bounds at least 30 units from its curve, arrowhead and label."""
    edges = sorted(
        (e for e in canvas.graph_scene.edges if e is not None),
        key=lambda e: -e.boundingRect().width() * e.boundingRect().height(),
    )
    for edge in edges[:20]:
        lines = edge.lines()
        b = edge.boundingRect()
        for i in range(1, 10):
            for j in range(1, 10):
                c = QPointF(b.left() + b.width() * i / 10, b.top() + b.height() * j / 10)
                if min(_distance(c, ln) for ln in lines) < 60 or QLineF(c, QPointF(*edge._tip)).length() < 60:
                    continue
                at = edge._label_at
                if at is not None and QLineF(c, QPointF(*at)).length() < 80:
                    continue
                return edge, QRectF(c.x() - 20, c.y() - 20, 40, 40)
    raise AssertionError("no long edge with room inside its bounds")


def test_an_edge_whose_curve_misses_the_painted_area_draws_nothing(canvas: GraphCanvas) -> None:
    edge, area = _long_edge_and_empty_area(canvas)
    assert edge.boundingRect().contains(area)  # Qt asks it to paint there
    p = _paint(canvas, edge, area)
    assert (p.segments, p.polygons) == (0, 0)


def test_an_edge_draws_the_part_of_its_curve_in_the_area(canvas: GraphCanvas) -> None:
    edge, _ = _long_edge_and_empty_area(canvas)
    lines = edge.lines()
    mid = lines[len(lines) // 2]
    area = QRectF(mid.p1() - QPointF(15, 15), mid.p1() + QPointF(15, 15))
    p = _paint(canvas, edge, area)
    assert 0 < p.segments < len(lines)
    whole = _paint(canvas, edge, edge.boundingRect().adjusted(-5, -5, 5, 5))
    assert whole.segments == len(lines) and whole.polygons == 1


def test_a_paint_without_the_scenes_background_draws_the_whole_edge(canvas: GraphCanvas) -> None:
    """An edge painted on its own (an export, another painter) is not limited by an earlier paint's area."""
    edge, area = _long_edge_and_empty_area(canvas)
    _paint(canvas, edge, area)
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    p = _Recording(image)
    p.translate(-area.left(), -area.top())
    edge.paint(p, QStyleOptionGraphicsItem(), None)
    p.end()
    assert p.segments == len(edge.lines())


def test_a_partial_repaint_shows_the_same_pixels_as_before(
    canvas: GraphCanvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Areas of the view repainted (as an edit repaints a card or two) with every edge drawn whole and with each
    edge drawing only what reaches into the area: the same pixels."""
    viewport = canvas.viewport()
    w, h = viewport.width(), viewport.height()
    rects = [
        QRect(int(w * x), int(h * y), 240, 100) for x in (0.05, 0.3, 0.55, 0.75) for y in (0.1, 0.45, 0.8)
    ]
    rects.append(QRect(0, 0, w, h))
    limited = [viewport.grab(r).toImage() for r in rects]
    monkeypatch.setattr(scene_module, "note_exposed", lambda *_args: None)
    monkeypatch.setattr(items_module, "_EXPOSED", None)
    whole = [viewport.grab(r).toImage() for r in rects]
    for r, a, b in zip(rects, limited, whole, strict=True):
        assert a == b, r
