"""Charts in the app's colours: with a dark palette, a drawn matplotlib figure is recoloured after the chart
function ran (background, axes, text, grid and black lines follow the palette), so the chart functions of
:mod:`planner.charts` stay as they are for the PDF report and exports, which are always light.

Neutral colours change (near-white surfaces to the dark base, near-black strokes to the text colour, light grid
lines to the mid grey; a mostly-white tint filling an area under a curve to its hue on the dark base); the data
colours (area colours, pale cards, critical red, percentiles) keep their meaning. Every surface (figure, plot,
patch, a collection's faces, markers, a label's box) is recoloured once, from the colour the chart gave it; then
each text's ink is decided by the surface under it (``_ground``): a light surface keeps dark ink, a dark
one gets light ink, never light ink on a light card with a dark halo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def light_glyphs(image: QImage, palette: QPalette) -> QImage:
    """The dark glyph of a tool-bar icon drawn in the palette's text colour (nearly invisible on dark): pixels
    darker than lightness 100 take the text colour and keep their alpha; coloured and light pixels stay."""
    fg = QColor(palette.color(QPalette.ColorRole.WindowText))
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() and c.lightness() < 100:
                fg.setAlpha(c.alpha())
                image.setPixelColor(x, y, fg)
    return image


def themed_icon(icon: QIcon, palette: QPalette | None = None, sizes: tuple[int, ...] = (16, 24, 32)) -> QIcon:
    """``icon`` as it should show on ``palette`` (the application's by default): unchanged on a light one, its
    dark glyphs redrawn light (:func:`light_glyphs`) on a dark one. The one mechanism for tool-bar icons (the
    chart tool bar and the main tool bar)."""
    pal = palette or QApplication.palette()
    if icon.isNull() or not is_dark(pal):
        return icon
    out = QIcon()
    for size in icon.availableSizes() or [QSize(n, n) for n in sizes]:
        pixmap = icon.pixmap(size)
        if not pixmap.isNull():
            out.addPixmap(QPixmap.fromImage(light_glyphs(pixmap.toImage(), pal)))
    return out


def _rgba(color: QColor) -> tuple[float, float, float, float]:
    return (color.redF(), color.greenF(), color.blueF(), 1.0)


def _lum(rgba: Any) -> float | None:
    try:
        r, g, b = float(rgba[0]), float(rgba[1]), float(rgba[2])
    except (TypeError, IndexError, ValueError):
        return None
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _remap(color: Any, light_to: tuple[float, ...], dark_to: tuple[float, ...]) -> tuple[float, ...] | None:
    """The dark-palette colour for a neutral ``color``: near-white becomes ``light_to``, near-black ``dark_to``;
    None to keep it (transparent, mid-grey, or a colour with a hue, which carries meaning: area, critical red)."""
    from matplotlib.colors import to_rgba

    try:
        rgba = to_rgba(color)
    except (TypeError, ValueError):
        return None
    if rgba[3] == 0:
        return None
    lum = _lum(rgba)
    if lum is None or max(rgba[:3]) - min(rgba[:3]) > 0.12:
        return None
    if lum > 0.93:
        return (*light_to[:3], rgba[3])
    if lum < 0.3:
        return (*dark_to[:3], rgba[3])
    return None


class _Colours:
    """The dark palette's colours as matplotlib RGBA tuples."""

    def __init__(self, pal: QPalette) -> None:
        self.window = _rgba(pal.color(QPalette.ColorRole.Window))
        self.base = _rgba(pal.color(QPalette.ColorRole.Base))
        self.text = _rgba(pal.color(QPalette.ColorRole.WindowText))
        self.mid = _rgba(pal.color(QPalette.ColorRole.Mid))

    def surface(self, color: Any) -> tuple[float, ...] | None:
        """A near-white surface becomes the plot's base colour (white exactly the base; an off-white band a
        little lighter, so alternating bands still alternate), a near-black one the mid grey; None keeps it."""
        new = _remap(color, self.base, self.mid)
        if new is None:
            return None
        lum = _lum(_to_rgba(color)) or 0.0
        if lum > 0.93:  # 0 for white, up to 0.35 towards mid at the threshold
            t = min(1.0, (1.0 - lum) / 0.07) * 0.35
            new = (*(b + (m - b) * t for b, m in zip(self.base[:3], self.mid[:3], strict=True)), new[3])
        return new

    def area(self, color: Any) -> tuple[float, ...] | None:
        """A pale tint of a colour filling an area (a colour mixed with white, as the charts tint) mixed with the
        plot's dark base instead: the same hue, dark; a large pale area glared on the dark plot. None keeps a
        colour that is not a pale tint."""
        rgba = _to_rgba(color)
        white = min(rgba[:3])  # the share of white mixed in (the colour's own lowest channel taken as 0)
        if rgba[3] == 0 or white < 0.75:  # not mostly white: a data colour (the team load's fills), kept
            return None
        return (*(v - (1.0 - b) * white for v, b in zip(rgba[:3], self.base[:3], strict=True)), rgba[3])

    def ink(self, color: Any) -> tuple[float, ...] | None:
        """A near-black or near-white stroke (line, edge, arrow head, marker) in the text colour."""
        return _remap(color, self.text, self.text)

    def line(self, color: Any) -> tuple[float, ...] | None:
        """A line: near-black in the text colour; a light grey one (grid lines, separators, which are faint on
        white) the mid grey, faint on the dark plot as well."""
        rgba = _to_rgba(color)
        lum = _lum(rgba) or 0.0
        if rgba[3] > 0 and max(rgba[:3]) - min(rgba[:3]) <= 0.12 and lum > 0.75:
            return (*self.mid[:3], rgba[3])
        return self.ink(color)

    def edge(self, color: Any) -> tuple[float, ...] | None:
        """A patch's edge: near-white to the mid grey, near-black to the text colour."""
        return _remap(color, self.mid, self.text)


def _to_rgba(color: Any) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(color)


def _recolour_surfaces(figure: Any, c: _Colours) -> None:
    """Each surface once, from its own colour: axes backgrounds, patches (legend frames, bars, cards), label
    boxes and the faces of collections (the graph's cards and stage bands, fill_between areas)."""
    from matplotlib.collections import Collection
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    seen: set[int] = {id(figure.patch)}
    patches = [*figure.findobj(Patch)]
    patches += [b for t in figure.findobj(Text) if (b := t.get_bbox_patch()) is not None]
    for patch in patches:
        if id(patch) in seen:
            continue
        seen.add(id(patch))
        original = patch.get_facecolor()
        if original[3] > 0 and (face := c.surface(original)) is not None:
            patch.set_facecolor(face)
        if (edge := c.edge(patch.get_edgecolor())) is not None:
            patch.set_edgecolor(edge)
    for coll in figure.findobj(Collection):
        if coll.get_array() is not None:  # faces from a colour map: data
            continue
        faces = coll.get_facecolors()
        if len(faces):
            # A white face is a surface; a black one is ink (arrow heads, markers): the text colour.
            new = [c.surface(f) if (_lum(f) or 0.0) > 0.5 else c.ink(f) for f in faces]
            if type(coll).__name__ == "FillBetweenPolyCollection":  # an area under a curve (the spend curve)
                new = [n if n is not None else c.area(f) for n, f in zip(new, faces, strict=True)]
            if any(n is not None for n in new):
                coll.set_facecolor(
                    [n if n is not None else tuple(f) for n, f in zip(new, faces, strict=True)]
                )
        edges = coll.get_edgecolors()
        if len(edges):
            new = [c.ink(e) for e in edges]
            if any(n is not None for n in new):
                coll.set_edgecolor(
                    [n if n is not None else tuple(e) for n, e in zip(new, edges, strict=True)]
                )


def _recolour_lines(figure: Any, c: _Colours) -> None:
    from matplotlib.lines import Line2D

    for line in figure.findobj(Line2D):
        color = _to_rgba(line.get_color())
        faces = [_to_rgba(line.get_markerfacecolor()), _to_rgba(line.get_markeredgecolor())]
        if (new := c.line(color)) is not None:
            line.set_color(new)
        # A marker's own colour (the milestone's black diamond): near-black to the text colour, a white fill to
        # the surface; one that follows the line's colour is left to follow it.
        face, edge = faces
        if face != color and (f := c.ink(face) if (_lum(face) or 0.0) < 0.5 else c.surface(face)) is not None:
            line.set_markerfacecolor(f)
        if edge != color and (e := c.ink(edge)) is not None:
            line.set_markeredgecolor(e)


class _Surface:
    """One opaque surface a text can sit on, in draw order."""

    __slots__ = ("artist", "index", "x0", "y0", "x1", "y1", "face")

    def __init__(self, artist: Any, index: int, box: Any, face: tuple[float, ...]) -> None:
        self.artist, self.index, self.face = artist, index, face
        self.x0, self.y0, self.x1, self.y1 = box

    def contains(self, x: float, y: float) -> bool:
        from matplotlib.collections import Collection

        if not (self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1):
            return False
        clip = self.artist.get_clip_box() if self.artist.get_clip_on() else None
        if clip is not None and not clip.contains(x, y):
            return False
        if self.index < 0:  # a marker: its box
            return True
        if isinstance(self.artist, Collection):
            path = self.artist.get_paths()[self.index]
            return bool(path.contains_point((x, y), transform=self.artist.get_transform()))
        return bool(self.artist.contains_point((x, y)))


def _surfaces(ax: Any, limit: int = 20_000) -> list[tuple[float, _Surface]]:
    """(zorder, surface) of ``ax``'s opaque patches and collection faces, in draw order; the axes' own
    background first. Collections with offsets (scatter markers) are small marks, not surfaces."""
    import numpy as np
    from matplotlib.collections import Collection
    from matplotlib.patches import Patch

    out: list[tuple[float, _Surface]] = []
    background: Any = ax.patch
    if background.get_visible() and background.get_facecolor()[3] > 0:
        out.append((-np.inf, _Surface(background, 0, ax.bbox.extents, background.get_facecolor())))
    children: list[Any] = [
        a for a in ax.get_children() if a is not background and isinstance(a, Patch | Collection)
    ]
    children.sort(key=lambda a: a.get_zorder())  # (stable: the order the axes draws them in)
    for a in children:
        if not a.get_visible() or len(out) > limit:
            continue
        if isinstance(a, Patch):
            fill: Any = a.get_facecolor()
            if fill[3] > 0.5 and a.get_fill():
                out.append((a.get_zorder(), _Surface(a, 0, a.get_window_extent().extents, tuple(fill))))
            continue
        faces: Any = a.get_facecolors()
        paths = a.get_paths()
        offsets: Any = a.get_offsets()
        if not len(faces):
            continue
        if len(offsets) > 1 or (len(offsets) and np.any(offsets)):
            # Markers (a scatter's discs behind numbers): a square of the marker's size round each offset.
            sizes: Any = a.get_sizes() if hasattr(a, "get_sizes") else []
            if not len(sizes):
                continue
            centres = a.get_offset_transform().transform(offsets)
            radii = np.sqrt(sizes) / 2 * _dpi(ax) / 72
            for k, (x, y) in enumerate(centres):
                face = faces[k % len(faces)]
                r = float(radii[k % len(radii)])
                if face[3] > 0.5:
                    out.append((a.get_zorder(), _Surface(a, -1, (x - r, y - r, x + r, y + r), tuple(face))))
            continue
        transform = a.get_transform()
        for k, path in enumerate(paths):
            face = faces[k % len(faces)]
            if face[3] <= 0.5 or not len(path.vertices):
                continue
            pts = transform.transform(path.vertices)
            box = (*pts.min(axis=0), *pts.max(axis=0))
            out.append((a.get_zorder(), _Surface(a, k, box, tuple(face))))
    return out


def _dpi(ax: Any) -> float:
    return float(ax.figure.dpi)


def _anchor(text: Any, renderer: Any) -> tuple[float, float] | None:
    """Where ``text`` sits, in display coordinates: the middle of its drawn extent (a title that starts on a
    short bar and runs on over the background sits on the background), else its anchor point."""
    from matplotlib.text import Annotation

    try:
        if renderer is not None:
            if isinstance(text, Annotation):
                text.update_positions(renderer)
            e = _visible_extent(text, text.get_window_extent(renderer))
            if e.width > 0 and e.height > 0:
                return float((e.x0 + e.x1) / 2), float((e.y0 + e.y1) / 2)
        elif isinstance(text, Annotation):
            return None
        x, y = text.get_transform().transform(text.get_unitless_position())
    except (TypeError, ValueError, RuntimeError):
        return None
    return float(x), float(y)


def _visible_extent(text: Any, extent: Any) -> Any:
    """The part of ``extent`` a clipped text shows (a card cut by the plot's edge: its title's visible half)."""
    from matplotlib.transforms import Bbox

    clip = text.get_clip_box() if text.get_clip_on() else None
    if clip is None:
        return extent
    return Bbox.intersection(extent, clip) or extent


def _ground(figure: Any, text: Any, cache: dict[Any, Any]) -> tuple[tuple[float, ...], _Surface | None]:
    """The colour of the surface ``text`` is drawn on, and the plot surface it belongs to (None: a box, a frame, the
    figure): its own box; a legend's frame; else the topmost opaque patch, collection face or marker under the
    middle of the text drawn before it (in its axes or an axes below); else the figure's background. The one rule
    the recolouring decides a text's ink by."""
    box = text.get_bbox_patch()
    if box is not None and box.get_facecolor()[3] > 0.5:
        return tuple(box.get_facecolor()), None
    for legend in _legends(figure, cache):
        if text in legend.texts:
            frame = legend.get_frame()
            if legend.get_frame_on() and frame.get_facecolor()[3] > 0.5:
                return tuple(frame.get_facecolor()), None
            break
    ax = text.axes
    if ax is None or not _in_plot(text):
        return tuple(figure.patch.get_facecolor()), None
    at = _anchor(text, _renderer(figure))
    if at is None:
        return tuple(figure.patch.get_facecolor()), None
    return _plot_face_at(figure, ax, text.get_zorder(), at, cache)


def _plot_face_at(
    figure: Any, ax: Any, zorder: float, at: tuple[float, float], cache: dict[Any, Any]
) -> tuple[tuple[float, ...], _Surface | None]:
    """The topmost opaque surface at display point ``at`` drawn before ``zorder`` in ``ax``, or in an axes below."""
    x, y = at
    axes = list(figure.axes)
    upto = axes.index(ax) if ax in axes else len(axes) - 1
    for k in range(upto, -1, -1):
        layer = axes[k]
        if id(layer) not in cache:
            cache[id(layer)] = _surfaces(layer)
        for z, s in reversed(cache[id(layer)]):
            if layer is ax and z > zorder:
                continue
            if s.contains(x, y):
                return s.face, s
    return tuple(figure.patch.get_facecolor()), None


def _renderer(figure: Any) -> Any:
    get_renderer = getattr(figure.canvas, "get_renderer", None)
    return get_renderer() if get_renderer is not None else None


def _legends(figure: Any, cache: dict[Any, Any]) -> list[Any]:
    from matplotlib.legend import Legend

    if "legends" not in cache:
        cache["legends"] = list(figure.findobj(Legend))
    return cache["legends"]


def _in_plot(text: Any) -> bool:
    """A text the chart placed among its axes' artists (labels, annotations), not a tick label or title."""
    ax = text.axes
    return ax is not None and any(t is text for t in ax.texts)


HALO_MAX_TEXTS = 600
"""Labels in the plot area get a halo in the colour of their ground up to this many (a halo is a stroked path:
a figure with thousands of labels would draw slowly)."""


def _recolour_texts(figure: Any, c: _Colours) -> None:
    from matplotlib import patheffects
    from matplotlib.text import Text

    from planner.ui.theme import luminance, readable_on

    plotted = [t for ax in figure.axes for t in ax.texts]
    halo = len(plotted) <= HALO_MAX_TEXTS
    renderer = _renderer(figure) if halo else None
    cache: dict[Any, Any] = {}
    for artist in figure.findobj(Text):
        r, g, b, a = _to_rgba(artist.get_color())
        if a == 0:
            continue
        ground, _ = _ground(figure, artist, cache)
        bg = QColor.fromRgbF(*ground[:3])
        ink = QColor.fromRgbF(r, g, b)
        if (
            luminance(bg) < 0.18
            and _remap((r, g, b), c.text, c.text) is not None
            and (_lum((r, g, b)) or 0) < 0.5
        ):
            ink = QColor.fromRgbF(*c.text[:3])  # black ink on a dark ground: the text colour
        ink = readable_on(ink, bg)  # grey, coloured or light ink: made readable on its ground, its hue kept
        if ink != QColor.fromRgbF(r, g, b):
            artist.set_color((ink.redF(), ink.greenF(), ink.blueF(), a))
        if not halo or artist.get_bbox_patch() is not None or not _in_plot(artist):
            continue
        # A label that runs past the surface it sits on onto one its ink does not read on (a title that starts
        # on a short pale bar and runs on over the dark plot) keeps its ground round its letters.
        if _runs_off(figure, artist, ink, renderer, cache):
            artist.set_path_effects([patheffects.withStroke(linewidth=3, foreground=ground)])


def _runs_off(figure: Any, text: Any, ink: QColor, renderer: Any, cache: dict[Any, Any]) -> bool:
    """Whether either end of ``text`` lies on a surface ``ink`` has less than 3:1 against (False when it cannot
    be measured)."""
    from planner.ui.theme import contrast_ratio

    if renderer is None:
        return False
    try:
        e = _visible_extent(text, text.get_window_extent(renderer))
    except (RuntimeError, ValueError):
        return False
    if e.width <= 4 or e.height <= 0:
        return False
    y = (e.y0 + e.y1) / 2
    for x in (e.x0 + 2, e.x1 - 2):
        face, _ = _plot_face_at(figure, text.axes, text.get_zorder(), (x, y), cache)
        if contrast_ratio(ink, QColor.fromRgbF(*face[:3])) < 3.0:
            return True
    return False


def apply_palette(figure: Any, palette: QPalette | None = None) -> bool:
    """Recolour ``figure`` for a dark palette (a no-op with a light one). Returns True when it recoloured."""
    pal = palette or QApplication.palette()
    if not is_dark(pal):
        return False
    c = _Colours(pal)
    figure.patch.set_facecolor(c.window)
    _recolour_surfaces(figure, c)
    for ax in figure.axes:
        for spine in ax.spines.values():
            spine.set_edgecolor(c.mid)
        ax.tick_params(colors=c.text, which="both")
    _recolour_lines(figure, c)
    _recolour_texts(figure, c)
    return True
