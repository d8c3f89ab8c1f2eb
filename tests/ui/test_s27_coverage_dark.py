"""The Coverage tab's status fills follow the theme (session 27): on the dark theme the pale fills (covered green,
'not cited' near-white) glared out of the window as a bright table in a dark app; each fill is now its hue dark,
with light text, and the light theme keeps its pale fills and dark text. Contrast >= 4.5 both ways."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from planner.ui.tabs.coverage_tab import ON_STATUS_COLOR, STATUS_COLORS, status_brushes
from planner.ui.theme import contrast_ratio, dark_palette, light_palette


@pytest.mark.parametrize("status", sorted(STATUS_COLORS))
def test_fills_by_theme(status: str) -> None:
    light_base = light_palette().color(QPalette.ColorRole.Base)
    dark_base = dark_palette().color(QPalette.ColorRole.Base)
    fill, ink = status_brushes(status, light_base)
    assert (fill.color().name(), ink.color().name()) == (STATUS_COLORS[status], ON_STATUS_COLOR)
    fill, ink = status_brushes(status, dark_base)
    assert fill.color().lightnessF() < 0.35, fill.color().name()
    assert contrast_ratio(ink.color(), fill.color()) >= 4.5
    assert fill.color() != QColor(STATUS_COLORS[status])


def test_the_dark_tab_paints_dark_cells(window: Any, qtbot: Any, sample_path: Any) -> None:
    window.setPalette(dark_palette())
    window.open_file(sample_path)
    window.doc.wait_for_analysis()
    tab = window.coverage_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.matrix.rowCount() > 0)
    m = tab.matrix
    status = [m.item(r, m.columnCount() - 1) for r in range(m.rowCount())]
    assert status and all(c.background().color().lightnessF() < 0.35 for c in status)
