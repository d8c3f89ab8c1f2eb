"""Charts in the dark theme (planner.ui.views.chart_theme.apply_palette): every text is readable on the surface
under it. Text and surface are decided together: a light card or band keeps dark ink, a darkened one gets light
ink; never light ink on a light card with a dark halo (the Dependency graph's "done" cards and stage headers were
white on near-white). The plot's background and a label's box are one surface.

The surface under a text is found here with matplotlib's own hit test, independently of the module: the text's
box; a legend's frame; else the topmost patch, collection face or marker under the text's middle drawn before it;
else the axes' or the figure's background."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import Collection, PolyCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Text
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget

from planner.ui.theme import MIN_CONTRAST, apply_theme, contrast_ratio, dark_palette, light_palette
from planner.ui.views.chart_theme import apply_palette
from tests.ui.s18_screens_support import finish_simulation, opened_sample

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
CHART_TABS = [
    "Gantt",
    "Dependency graph",
    "Roadmap",
    "Stage timeline",
    "Critical path",
    "Risk",
    "Capacity",
    "Cost",
]


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _middle(fig: Any, t: Any) -> tuple[Any, Any]:
    """The middle of the drawn text (a title that starts on a short bar and runs on sits on the background;
    a card cut by the plot's edge: the part of its title that shows)."""
    from matplotlib.transforms import Bbox

    e = t.get_window_extent(fig.canvas.get_renderer())
    if t.get_clip_on() and t.get_clip_box() is not None:  # what shows of a text the plot's edge cuts
        e = Bbox.intersection(e, t.get_clip_box()) or e
    return float((e.x0 + e.x1) / 2), float((e.y0 + e.y1) / 2)


def _hit(fig: Any, artist: Any, x: Any, y: Any) -> bool:
    if (
        artist.get_clip_on()
        and artist.get_clip_box() is not None
        and not artist.get_clip_box().contains(x, y)
    ):
        return False
    if isinstance(artist, Collection) and artist.get_array() is not None:
        return False
    event = MouseEvent("motion_notify_event", fig.canvas, x, y)
    if isinstance(artist, Collection):
        artist.set_pickradius(0)
    return bool(artist.contains(event)[0])


def _face_at(fig: Any, artist: Any, x: Any, y: Any) -> Any:
    """The opaque face of ``artist`` under (x, y), or None."""
    if isinstance(artist, Patch):
        face: Any = artist.get_facecolor()
        return tuple(face) if artist.get_fill() and face[3] > 0.5 and _hit(fig, artist, x, y) else None
    faces = artist.get_facecolors()
    if not len(faces) or not _hit(fig, artist, x, y):
        return None
    event = MouseEvent("motion_notify_event", fig.canvas, x, y)
    idx = artist.contains(event)[1].get("ind", [])
    for k in reversed(list(idx)):  # the last drawn on top
        face = faces[int(k) % len(faces)]
        if face[3] > 0.5:
            return tuple(face)
    return None


def ground(fig: Any, t: Any) -> Any:
    box = t.get_bbox_patch()
    if box is not None and box.get_facecolor()[3] > 0.5:
        return tuple(box.get_facecolor())
    for legend in fig.findobj(Legend):
        if t in legend.texts and legend.get_frame_on() and legend.get_frame().get_facecolor()[3] > 0.5:
            return tuple(legend.get_frame().get_facecolor())
    ax = t.axes
    if ax is None or not any(t is u for u in ax.texts):
        return tuple(fig.patch.get_facecolor())
    x, y = _middle(fig, t)
    for layer in reversed(fig.axes[: fig.axes.index(ax) + 1]):
        kids = [a for a in layer.get_children() if isinstance(a, Patch | Collection) and a is not layer.patch]
        kids = [a for a in kids if a.get_visible() and (layer is not ax or a.get_zorder() <= t.get_zorder())]
        for a in sorted(kids, key=lambda a: a.get_zorder(), reverse=True):
            # (ties: the axes draws collections before patches, so a patch is on top)
            face = _face_at(fig, a, x, y)
            if face is not None:
                return face
        if layer.patch.get_visible() and layer.patch.get_facecolor()[3] > 0.5 and layer.bbox.contains(x, y):
            return tuple(layer.patch.get_facecolor())
    return tuple(fig.patch.get_facecolor())


def unreadable(fig: Any) -> list[tuple[str, str, str, float]]:
    fig.canvas.draw()
    out = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip():
            continue
        r, g, b, a = to_rgba(t.get_color())
        if a == 0:
            continue
        under = ground(fig, t)
        ratio = contrast_ratio(QColor.fromRgbF(r, g, b), QColor.fromRgbF(*under[:3]))
        if ratio < MIN_CONTRAST:
            out.append((t.get_text()[:40], to_hex((r, g, b)), to_hex(under), round(ratio, 2)))
    return out


# -- the rule on a small figure --------------------------------------------------------------------------------


def _cards_and_bands() -> tuple[Figure, dict[str, Any]]:
    """The Dependency graph's parts: stage bands (fill_between), cards as one PolyCollection (a "done" card
    near-white with a tint, an open one pale blue), black titles on them, a grey header, a white label box."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(4, 3))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.05, 0.05, 0.9, 0.9))
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 3)
    ax.set_facecolor("white")
    ax.fill_between([0, 2], [0, 0], [3, 3], color="#F4F4F4", linewidth=0, zorder=0)
    ax.fill_between([2, 4], [0, 0], [3, 3], color="#FFFFFF", linewidth=0, zorder=0)
    cards = [
        [(0.2, 0.2), (1.8, 0.2), (1.8, 1.2), (0.2, 1.2)],
        [(2.2, 0.2), (3.8, 0.2), (3.8, 1.2), (2.2, 1.2)],
    ]
    ax.add_collection(
        PolyCollection(cards, facecolors=["#FFFDEE", "#CFE3F1"], edgecolors="#000000", zorder=2)
    )
    parts = {
        "done": ax.text(0.3, 1.0, "Analyse top contact drivers", color="#1A1A1A", zorder=3),
        "open": ax.text(2.3, 1.0, "Prototype RAG answers", color="#1A1A1A", zorder=3),
        "header": ax.text(1.0, 2.8, "1 · VALIDATE", color="#1A1A1A", zorder=5),
        "muted": ax.text(2.5, 2.5, "wk 0-10 gated", color="#5C5C5C", zorder=5),
        "boxed": ax.text(
            2.5,
            2.0,
            "P80: wk 47",
            color="#1A1A1A",
            bbox={"facecolor": "white", "edgecolor": "none"},
            zorder=5,
        ),
        "ax": ax,
        "cards": ax.collections[-1],
    }
    return fig, parts


def test_text_on_cards_and_bands_is_readable_on_what_it_sits_on(qapp) -> None:
    fig, _parts = _cards_and_bands()
    assert apply_palette(fig, dark_palette()) is True
    assert unreadable(fig) == []


def test_a_light_card_keeps_dark_ink_and_a_darkened_one_gets_light_ink(qapp) -> None:
    from planner.ui.theme import luminance

    fig, parts = _cards_and_bands()
    apply_palette(fig, dark_palette())
    for name in ("done", "open", "header", "muted", "boxed"):
        t = parts[name]
        ink = QColor(to_hex(t.get_color()))
        under = QColor(to_hex(ground(fig, t)))
        # one light and one dark, never both light
        assert (luminance(ink) > 0.18) != (luminance(under) > 0.18), (name, ink.name(), under.name())
    # the pale blue card (a colour with meaning) stays light, its title dark
    assert to_hex(parts["cards"].get_facecolors()[1]) == "#cfe3f1"
    assert luminance(QColor(to_hex(parts["open"].get_color()))) < 0.18


def test_a_card_cut_by_the_plots_edge_keeps_dark_ink_on_its_pale_part(qapp) -> None:
    """The Dependency graph scrolled: a pale card half past the plot's right edge; its title, clipped there, had
    its middle beyond the edge, on the figure's dark background, and turned light on the pale card it shows on."""
    fig, parts = _cards_and_bands()
    ax = parts["ax"]
    ax.add_collection(
        PolyCollection([[(3.3, 1.6), (5.0, 1.6), (5.0, 2.4), (3.3, 2.4)]], facecolors="#F7D9C4", zorder=2)
    )
    cut = ax.text(
        3.4, 2.2, "Candidate screening: classify under the EU AI Act", color="#1A1A1A", zorder=3, clip_on=True
    )
    apply_palette(fig, dark_palette())
    assert unreadable(fig) == []
    assert to_hex(cut.get_color()) == "#1a1a1a"


def test_a_halo_only_where_a_label_runs_onto_a_ground_its_ink_does_not_read_on(qapp) -> None:
    """The Stage timeline's readiness bar: 'criteria 1/3' starts on the green fill and ends on the light track,
    dark ink reads on both: no halo (a green halo made blobs round its last letters on the grey). A title that
    starts on a short pale bar and runs on over the dark plot keeps a halo of its ground."""
    fig, parts = _cards_and_bands()
    ax = parts["ax"]
    ax.barh([2.0], [1.9], left=[2.05], height=0.3, color="#EBEBEB", zorder=4)
    ax.barh([2.0], [0.5], left=[2.05], height=0.3, color="#009E73", zorder=4)
    across = ax.text(2.1, 2.0, "criteria 1/3", color="#1A1A1A", va="center", fontsize=8, zorder=5)
    ax.barh([0.1], [0.2], left=[0.2], height=0.15, color="#FFF2A8", zorder=4)
    beyond = ax.text(
        0.25, 0.1, "Pilot as agent-assist with 20 agents", color="#1A1A1A", va="center", zorder=5
    )
    apply_palette(fig, dark_palette())
    assert unreadable(fig) == []
    assert not across.get_path_effects()
    assert len(beyond.get_path_effects()) == 1


def test_a_pale_tinted_area_under_a_curve_turns_dark_in_its_own_hue(qapp) -> None:
    """The Cost tab's spend curve fills the area under it with a pale tint of its blue: on the dark plot a large
    glaring light area. In the dark theme the same hue mixed with the dark base."""
    from planner.charts import style
    from planner.ui.theme import luminance

    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    area: Any = ax.fill_between([0, 1, 2], [0, 1, 3], color=style.tint("#0072B2", 0.85))
    light = QColor(to_hex(area.get_facecolors()[0]))
    apply_palette(fig, dark_palette())
    dark = QColor(to_hex(area.get_facecolors()[0]))
    assert luminance(dark) < 0.05 < luminance(light)
    assert abs(dark.hslHue() - light.hslHue()) <= 3 and dark.hslSaturation() > 60
    # a lighter tint used as a data colour (the team load's stacked fills, 35% white) is kept
    load: Any = ax.fill_between([0, 1], [0, 1], color=style.tint("#F0E442", 0.35))
    before = to_hex(load.get_facecolors()[0])
    apply_palette(fig, dark_palette())
    assert to_hex(load.get_facecolors()[0]) == before


def test_the_plot_and_a_label_box_are_one_surface(qapp) -> None:
    fig, parts = _cards_and_bands()
    pal = dark_palette()
    apply_palette(fig, pal)
    base = pal.color(QPalette.ColorRole.Base).name()
    assert to_hex(parts["ax"].get_facecolor()) == base
    assert to_hex(parts["boxed"].get_bbox_patch().get_facecolor()) == base


def test_a_light_palette_changes_no_colour(qapp) -> None:
    fig, parts = _cards_and_bands()
    before = [to_hex(t.get_color()) for t in fig.findobj(Text)]
    faces = [to_hex(f) for f in parts["cards"].get_facecolors()]
    assert apply_palette(fig, light_palette()) is False
    assert [to_hex(t.get_color()) for t in fig.findobj(Text)] == before
    assert [to_hex(f) for f in parts["cards"].get_facecolors()] == faces
    assert not any(t.get_path_effects() for t in fig.findobj(Text))


# -- every chart of the app, the four samples ------------------------------------------------------------------


@pytest.fixture
def dark_window(request, qtbot, isolated_settings) -> Iterator[Any]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark")
    try:
        with opened_sample(qtbot, SAMPLES / request.param, (1366, 768)) as w:
            yield w
    finally:
        apply_theme(app, "light")
        _settle()


@pytest.mark.parametrize(
    "dark_window",
    [
        "bank-assistant.plan.json",
        "ai-portfolio.plan.json",
        "fraud-detection.plan.json",
        "insights-assistant.plan.json",
    ],
    indirect=True,
)
def test_every_charts_text_is_readable_on_its_ground_in_the_dark_theme(dark_window) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    w = dark_window
    w.run_simulation()
    finish_simulation(w)
    for tab in CHART_TABS:
        w.show_view(tab)
        _settle()
        for sub in w.views.currentWidget().findChildren(QTabWidget):
            for k in range(sub.count()):
                sub.setCurrentIndex(k)
                _settle()
    figures = [c.figure for c in w.findChildren(FigureCanvasQTAgg) if c.figure.axes]
    assert len(figures) >= 10  # Gantt, Dependency graph, Roadmap, Stage timeline, Critical path, 3 risk, 1+2
    bad = {id(fig): unreadable(fig) for fig in figures}
    assert not [b for b in bad.values() if b], [b for b in bad.values() if b]
    texts = sum(1 for fig in figures for t in fig.findobj(Text) if t.get_text().strip())
    assert texts > 200
