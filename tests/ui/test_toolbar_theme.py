"""The main tool bar's icons follow a dark palette (issue 9), by the chart tool bar's mechanism."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from planner.ui.theme import dark_palette, light_palette
from planner.ui.views.chart_theme import light_glyphs, themed_icon

pytestmark = pytest.mark.gui


def _mean_lightness(icon: QIcon) -> float:
    image = icon.pixmap(24, 24).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    opaque = [c.lightness() for c in pixels if c.alpha() > 128]
    assert opaque, "an empty icon"
    return sum(opaque) / len(opaque)


def test_light_glyphs_redraws_dark_pixels_in_the_text_colour(qapp) -> None:
    image = QImage(2, 1, QImage.Format.Format_ARGB32)
    image.setPixelColor(0, 0, "#000000")  # a black glyph pixel: takes the text colour
    image.setPixelColor(1, 0, "#1A73E8")  # a coloured pixel (lightness 126): kept
    out = light_glyphs(image, dark_palette())
    assert out.pixelColor(0, 0).name() == dark_palette().color(QPalette.ColorRole.WindowText).name()
    assert out.pixelColor(1, 0).name() == "#1a73e8"
    icon = QIcon()
    assert themed_icon(icon, dark_palette()).isNull()
    light = QIcon(QApplication.style().standardIcon(QApplication.style().StandardPixmap.SP_ArrowBack))
    assert themed_icon(light, light_palette()) is light  # a light palette: untouched


def test_main_toolbar_icons_are_light_on_a_dark_palette(qtbot) -> None:
    from planner.ui.main_window import MainWindow

    app = QApplication.instance()
    app.setPalette(light_palette())
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    try:
        acts = [a for a in window.workbench.toolbar.actions() if not a.icon().isNull()]
        assert len(acts) >= 5
        before = {a.text(): _mean_lightness(a.icon()) for a in acts}
        assert min(before.values()) < 60  # undo/redo arrows are dark glyphs on a light palette
        app.setPalette(dark_palette())
        QApplication.processEvents()
        after = {a.text(): _mean_lightness(a.icon()) for a in acts}
        assert all(v > 128 for v in after.values()), after  # every icon reads light on the dark bar
        assert sum(after.values()) / len(after) > 150
        app.setPalette(light_palette())
        QApplication.processEvents()
        assert {a.text(): _mean_lightness(a.icon()) for a in acts} == pytest.approx(before, abs=1)  # and back
    finally:
        app.setPalette(light_palette())
        QApplication.processEvents()
        window.close()
