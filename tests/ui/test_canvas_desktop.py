"""The graph canvas as a desktop tool: keyboard navigation along the links, titles kept legible when zoomed out,
and dark colours with a dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.templates import load_template
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import style as S
from planner.ui.state.document import PlanDocument

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture
def canvas(qtbot, doc: PlanDocument) -> Iterator[GraphCanvas]:  # (conftest's ``doc``; this module's size)
    c = GraphCanvas(doc)
    qtbot.addWidget(c)
    c.resize(1200, 800)
    c.show()
    qtbot.waitExposed(c)
    c.reset_zoom()
    yield c


def test_arrow_keys_walk_the_links(canvas: GraphCanvas, doc: PlanDocument) -> None:
    doc.select(["ai-gateway"])
    succ = {d.to for d in doc.plan.dependencies if d.from_ == "ai-gateway"}
    pred = {d.from_ for d in doc.plan.dependencies if d.to == "ai-gateway"}
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert doc.selection[0] in succ
    after = doc.selection[0]
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert doc.selection[0] in {d.from_ for d in doc.plan.dependencies if d.to == after}
    doc.select(["ai-gateway"])
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert doc.selection == [next(iter(pred))] if len(pred) == 1 else doc.selection[0] in pred
    # up and down stay in the card's column
    doc.select(["ai-gateway"])
    x = canvas.graph_scene.cards["ai-gateway"].sceneBoundingRect().center().x()
    QTest.keyClick(canvas, Qt.Key.Key_Down)
    below = doc.selection[0]
    assert below != "ai-gateway"
    card = canvas.graph_scene.cards[below].sceneBoundingRect()
    assert abs(card.center().x() - x) < S.CARD_W / 2
    assert card.center().y() > canvas.graph_scene.cards["ai-gateway"].sceneBoundingRect().center().y()
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    assert doc.selection == ["ai-gateway"]
    # the selected card is always in view
    seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert seen.intersects(canvas.graph_scene.cards["ai-gateway"].sceneBoundingRect())
    # nothing selected: the first card in sight
    doc.select([])
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert len(doc.selection) == 1


def test_enter_and_f2_ask_to_open_and_rename(canvas: GraphCanvas, doc: PlanDocument) -> None:
    opened: list[str] = []
    renamed: list[str] = []
    canvas.card_activated.connect(opened.append)
    canvas.rename_requested.connect(renamed.append)
    doc.select(["dpia"])
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    QTest.keyClick(canvas, Qt.Key.Key_F2)
    assert opened == ["dpia"] and renamed == ["dpia"]


def test_zoomed_out_graph_shows_the_stage_and_area_overview(qtbot) -> None:
    d = PlanDocument(load_template("ai-scaling"))
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    c.resize(900, 600)
    c.show()
    qtbot.waitExposed(c)
    c.fit_to_view()
    assert c.zoom < S.DETAIL_ZOOM  # the template is wide: the fitted graph is far below the text zoom
    c.viewport().repaint()
    QApplication.processEvents()
    assert c.overview_labels[0].startswith("Validate · ")  # stage headers with their counts
    assert len(c.overview_labels) >= 8
    c.reset_zoom()
    c.viewport().repaint()
    QApplication.processEvents()
    d.shutdown()


def test_dark_palette_darkens_the_canvas(canvas: GraphCanvas) -> None:
    from planner.ui.theme import dark_palette, light_palette

    app = QApplication.instance()
    old = app.palette()
    try:
        app.setPalette(dark_palette())
        QApplication.processEvents()
        assert canvas.graph_scene.backgroundBrush().color().lightness() < 60
        assert S.CARD_FILL.lightness() < 80 and S.INK.lightness() > 180
        image = canvas.grab().toImage()
        dark_pixels = sum(
            image.pixelColor(x, y).lightness() < 80
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 37)
        )
        total = len(range(0, image.width(), 37)) * len(range(0, image.height(), 37))
        assert dark_pixels > total * 0.6
    finally:
        app.setPalette(light_palette() if old.color(QPalette.ColorRole.Base).lightness() > 128 else old)
        QApplication.processEvents()
    assert canvas.graph_scene.backgroundBrush().color().name() == "#ffffff"
    assert S.CARD_FILL.name() == "#ffffff"


def test_dark_palette_darkens_the_charts_and_their_tool_bar(qtbot, doc: PlanDocument) -> None:
    from matplotlib.colors import to_hex

    from planner.ui.tabs.chart_tab import ChartTab
    from planner.ui.theme import dark_palette, light_palette

    app = QApplication.instance()
    app.setPalette(dark_palette())
    try:
        tab = ChartTab(doc, "gantt")
        qtbot.addWidget(tab)
        tab.resize(900, 600)
        tab.show()
        tab.redraw_now()
        assert QPalette().color(QPalette.ColorRole.Window).lightness() < 60
        assert to_hex(tab.figure.get_facecolor()) == dark_palette().color(QPalette.ColorRole.Window).name()
        from matplotlib.text import Text

        texts = [t for t in tab.figure.findobj(Text) if t.get_text()]
        assert texts and all(
            QColorLight(to_hex(t.get_color())) > 90 or _hued(to_hex(t.get_color())) for t in texts
        )
        icon = tab.toolbar.actions()[0].icon().pixmap(24, 24).toImage()
        light = [
            icon.pixelColor(x, y) for x in range(24) for y in range(24) if icon.pixelColor(x, y).alpha() > 200
        ]
        assert light and max(c.lightness() for c in light) > 150  # the glyph is drawn light on the dark bar
    finally:
        app.setPalette(light_palette())
        QApplication.processEvents()


def QColorLight(hex_color: str) -> int:  # reads like the Qt call it wraps
    from PySide6.QtGui import QColor

    return QColor(hex_color).lightness()


def _hued(hex_color: str) -> bool:
    from PySide6.QtGui import QColor

    c = QColor(hex_color)
    return max(c.redF(), c.greenF(), c.blueF()) - min(c.redF(), c.greenF(), c.blueF()) > 0.12
