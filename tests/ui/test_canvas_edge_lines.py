"""Graph canvas edges drawn on screen as line segments (issue 12, the edit loop at 10,000 decisions): a pen wider
than a pixel strokes the flattened curve's segments, which must look like the curve stroked by Qt; dashed edges,
thin pens and vector output keep the curve itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPicture
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from planner.model import load_plan
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas.items import _NO_BRUSH, EdgeItem
from planner.ui.state.document import PlanDocument

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture
def canvas(qtbot) -> Iterator[GraphCanvas]:
    doc = PlanDocument(load_plan(SAMPLES / "bank-assistant.plan.json"))
    doc.analyze_now()
    c = GraphCanvas(doc)
    qtbot.addWidget(c)
    c.resize(1200, 800)
    c.show()
    qtbot.waitExposed(c)
    yield c
    doc.shutdown()


def _render(edge: EdgeItem, scale: float, reference: bool) -> QImage:
    """The edge's curve alone (no arrowhead or label) at ``scale``, by its paint() or by Qt's stroke of the path."""
    r = edge._curve_bounds
    img = QImage(int(r.width() * scale) + 8, int(r.height() * scale) + 8, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.translate(4, 4)
    p.scale(scale, scale)
    p.translate(-r.left(), -r.top())
    if reference:
        assert edge._pen is not None
        p.setPen(edge._pen)
        p.setBrush(_NO_BRUSH)
        p.drawPath(edge._path)
    else:
        detailed = edge.detailed
        edge.detailed = False  # the curve only
        edge.paint(p, QStyleOptionGraphicsItem(), None)
        edge.detailed = detailed
    p.end()
    return img


def _compare(a: QImage, b: QImage, threshold: int) -> tuple[int, int, float, float]:
    """(pixels differing by more than ``threshold`` in a channel, pixels inked in either, and each image's ink: the
    sum over pixels of how far they are from white, 0..1)."""
    diff = inked = 0
    ink_a = ink_b = 0.0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if ca.rgb() != 0xFFFFFFFF or cb.rgb() != 0xFFFFFFFF:
                inked += 1
                d = max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()), abs(ca.blue() - cb.blue()))
                diff += d > threshold
                ink_a += 1 - ca.lightnessF()
                ink_b += 1 - cb.lightnessF()
    return diff, inked, ink_a, ink_b


def _edges(canvas: GraphCanvas) -> list[EdgeItem]:
    return [e for e in canvas.graph_scene.edges if e is not None]


def test_wide_edges_drawn_as_segments_look_like_the_stroked_curve(canvas: GraphCanvas) -> None:
    edges = _edges(canvas)
    picked: dict[tuple[bool, bool], EdgeItem] = {}
    for e in edges:  # a plain, a driving and a critical edge (three pen widths: 1.3, 2.6, 3.2)
        picked.setdefault((e.critical, e.driving), e)
    assert len(picked) >= 3
    for e in picked.values():
        for scale in (1.0, 1.5, 2.0):
            a, b = _render(e, scale, reference=True), _render(e, scale, reference=False)
            # The same line weight (within a few per cent: the square caps overlap where segments join) and
            # pixels clearly apart only in the antialiased fringe, here and there.
            diff, inked, ink_a, ink_b = _compare(a, b, 128)
            assert inked > 0
            assert ink_b == pytest.approx(ink_a, rel=0.06), (e.critical, e.driving, scale)
            assert diff <= max(3, inked // 100), (e.critical, e.driving, scale, diff, inked)


def test_segments_follow_the_curve_from_end_to_end_and_follow_a_reroute(canvas: GraphCanvas) -> None:
    e = _edges(canvas)[0]
    assert e._pen is not None
    lines = e.lines()
    assert len(lines) > 4  # a curve, flattened
    start, end = e._path.elementAt(0), e._path.currentPosition()
    half = e._pen.widthF() / 2  # the square caps reach as far past the pulled-in ends: the curve's own ends
    assert QLineF(lines[0].p1(), QPointF(start.x, start.y)).length() == pytest.approx(half)
    assert QLineF(lines[-1].p2(), end).length() == pytest.approx(half)
    for a, b in zip(lines, lines[1:], strict=False):
        assert a.p2() == b.p1()  # one chain, no gaps
    assert e.lines() is lines  # kept
    e.target.setPos(e.target.pos() + QPointF(0, 40))
    e.update_path()
    moved = e.lines()
    assert moved is not lines
    assert QLineF(moved[-1].p2(), e._path.currentPosition()).length() == pytest.approx(half)


def _picture(edge: EdgeItem, reference: bool) -> bytes:
    pic = QPicture()
    p = QPainter(pic)
    if reference:
        p.setBrush(_NO_BRUSH)
        assert edge._pen is not None
        p.setPen(edge._pen)
        p.drawPath(edge._path)
    else:
        detailed = edge.detailed
        edge.detailed = False
        edge.paint(p, QStyleOptionGraphicsItem(), None)
        edge.detailed = detailed
    p.end()
    return bytes(pic.data())  # type: ignore[call-overload]


def test_dashed_thin_and_vector_painting_stroke_the_curve(canvas: GraphCanvas) -> None:
    e = next(e for e in _edges(canvas) if e.critical)  # the widest pen (3.2)
    assert e._pen is not None and e._line_pen is not None
    # Zoomed out until the pen is under a pixel wide: Qt's own (fast) stroke, pixel for pixel.
    thin = 0.9 / e._pen.widthF()
    assert _render(e, thin, reference=False) == _render(e, thin, reference=True)
    # A selected edge is dashed: the dashes run along the curve.
    e.set_selected(True)
    assert e._line_pen is None
    for scale in (1.0, 2.0):
        assert _render(e, scale, reference=False) == _render(e, scale, reference=True)
    e.set_selected(False)
    # Zoomed in past 200 %, where the segments' facets would show.
    assert _render(e, 3.0, reference=False) == _render(e, 3.0, reference=True)
    # Vector output (a picture stands in for the SVG, PDF and print engines) records the curve, not segments.
    assert _picture(e, reference=False) == _picture(e, reference=True)
