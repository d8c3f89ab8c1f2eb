"""A chart follows a dark palette (planner.ui.views.chart_theme.apply_palette): neutral colours flip, colours
that carry meaning stay."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PySide6.QtGui import QPalette

from planner.ui.theme import dark_palette, light_palette
from planner.ui.views.chart_theme import apply_palette

pytestmark = pytest.mark.gui


def _figure() -> tuple[Figure, dict[str, Any]]:
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    parts = {
        "ink": ax.text(0.1, 0.1, "ink", color="black"),
        "red": ax.text(0.5, 0.5, "critical", color="#D55E00"),
        "line": ax.plot([0, 1], [0, 1], color="#222222")[0],
        "card": ax.add_patch(Rectangle((0, 0), 0.2, 0.2, facecolor="white", edgecolor="black")),
        "area": ax.add_patch(Rectangle((0.5, 0), 0.2, 0.2, facecolor="#0072B2", edgecolor="#0072B2")),
        "ax": ax,
    }
    return fig, parts


def test_a_light_palette_changes_nothing(qapp) -> None:
    fig, parts = _figure()
    assert apply_palette(fig, light_palette()) is False
    assert to_hex(parts["ink"].get_color()) == "#000000"


def test_a_dark_palette_flips_neutrals_and_keeps_hues(qapp) -> None:
    pal = dark_palette()
    text = pal.color(QPalette.ColorRole.WindowText).name()
    base = pal.color(QPalette.ColorRole.Base).name()
    mid = pal.color(QPalette.ColorRole.Mid).name()
    fig, parts = _figure()
    assert apply_palette(fig, pal) is True
    assert to_hex(fig.patch.get_facecolor()) == pal.color(QPalette.ColorRole.Window).name()
    assert to_hex(parts["ax"].get_facecolor()) in (base, mid)  # a dark background of the palette's
    assert to_hex(parts["ink"].get_color()) == text  # black text: the text colour
    assert to_hex(parts["line"].get_color()) == text  # near-black line too
    assert to_hex(parts["red"].get_color()) == "#d55e00"  # a hue: kept
    card = parts["card"]
    assert to_hex(card.get_facecolor()) == base  # white face: the base colour
    assert to_hex(card.get_edgecolor()) == text  # black edge: the text colour
    area = parts["area"]
    assert to_hex(area.get_facecolor()) == "#0072b2"
