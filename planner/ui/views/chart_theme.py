"""Charts in the app's colours: with a dark palette, a drawn matplotlib figure is recoloured after the chart
function ran (background, axes, text, grid and black lines follow the palette), so the chart functions of
:mod:`planner.charts` stay as they are for the PDF report and exports, which are always light.

Only near-white fills and near-black strokes and text are changed: the data colours (areas, critical red,
percentiles) keep their meaning.
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


def _recolour_axes(
    figure: Any, base: tuple[float, ...], text: tuple[float, ...], mid: tuple[float, ...]
) -> None:
    for ax in figure.axes:
        new = _remap(ax.get_facecolor(), base, base)
        if new is not None:
            ax.set_facecolor(new)
        for spine in ax.spines.values():
            spine.set_edgecolor(mid)
        ax.tick_params(colors=text, which="both")


HALO_MAX_TEXTS = 600
"""Labels in the plot area get a halo in the dark background colour up to this many (a halo is a stroked path:
a figure with thousands of labels would draw slowly)."""


def _on_pale_boxes(figure: Any, texts: list[Any]) -> set[int]:
    """Ids of the ``texts`` that lie wholly on a pale coloured box that keeps its colour on the dark theme (the
    critical-path chart's cards): they keep their dark ink. Empty when the figure cannot measure text (no Agg
    canvas) or the check would be slow."""
    get_renderer = getattr(figure.canvas, "get_renderer", None)
    if get_renderer is None or not texts:
        return set()

    def pale(face: Any) -> bool:
        return bool(
            face[3] > 0.5 and (_lum(face) or 0.0) > 0.6 and _remap(face, (0, 0, 0), (0, 0, 0)) is None
        )

    renderer = get_renderer()
    extents = []
    for ax in figure.axes:
        extents += [p.get_window_extent(renderer) for p in ax.patches if pale(p.get_facecolor())]
        for coll in ax.collections:  # (cards drawn as one PolyCollection)
            faces = coll.get_facecolors()
            paths = coll.get_paths()
            if len(faces) not in (1, len(paths)) or len(paths) * len(texts) > 100_000:
                continue
            transform = coll.get_transform()
            extents += [
                path.get_extents(transform)
                for k, path in enumerate(paths)
                if pale(faces[k if len(faces) > 1 else 0])
            ]
    if not extents or len(extents) * len(texts) > 100_000:
        return set()
    out = set()
    for t in texts:
        e = t.get_window_extent(renderer)
        if any(x.x0 <= e.x0 and e.x1 <= x.x1 and x.y0 <= e.y0 and e.y1 <= x.y1 for x in extents):
            out.add(id(t))
    return out


def _readable_ink(artist: Any, background: tuple[float, ...]) -> None:
    """Lighten ``artist``'s text colour (its hue kept) to 4.5:1 against ``background`` when it is darker: the
    charts' grey subtitles and axis titles (#5C5C5C, 2.4:1 on the dark window) and blue labels (#0072B2, 3:1)."""
    from matplotlib.colors import to_rgba

    from planner.ui.theme import readable_on

    try:
        r, g, b, a = to_rgba(artist.get_color())
    except (TypeError, ValueError):
        return
    if a == 0:
        return
    ink = QColor.fromRgbF(r, g, b)
    better = readable_on(ink, QColor.fromRgbF(*background[:3]))
    if better != ink:
        artist.set_color((better.redF(), better.greenF(), better.blueF(), a))


def _recolour_texts_and_lines(
    figure: Any, base: tuple[float, ...], text: tuple[float, ...], window: tuple[float, ...]
) -> None:
    from matplotlib import patheffects
    from matplotlib.lines import Line2D
    from matplotlib.text import Text

    plotted = [t for ax in figure.axes for t in ax.texts]
    in_plots = {id(t) for t in plotted}
    halo = [patheffects.withStroke(linewidth=3, foreground=base)] if len(in_plots) <= HALO_MAX_TEXTS else None
    keep_dark = _on_pale_boxes(figure, plotted) if halo is not None else set()
    for artist in figure.findobj(Text):
        new = _remap(artist.get_color(), text, text)
        if new is not None and id(artist) not in keep_dark:
            artist.set_color(new)
            # A label over a pale bar (the roadmap's titles run across their bars) was light on pale: unreadable.
            # A halo of the dark background keeps it legible there and is invisible elsewhere.
            if halo is not None and id(artist) in in_plots and artist.get_bbox_patch() is None:
                artist.set_path_effects(halo)
        if id(artist) not in keep_dark and artist.get_bbox_patch() is None:
            # On the plot's background (and its halo) inside the axes, on the window's outside them.
            _readable_ink(artist, base if id(artist) in in_plots else window)
        box = artist.get_bbox_patch()
        if box is not None:
            face = _remap(box.get_facecolor(), base, base)
            if face is not None:
                box.set_facecolor(face)
    for line in figure.findobj(Line2D):
        new = _remap(line.get_color(), text, text)
        if new is not None:
            line.set_color(new)


def _recolour_patches(
    figure: Any, base: tuple[float, ...], text: tuple[float, ...], mid: tuple[float, ...]
) -> None:
    from matplotlib.patches import Patch

    for patch in figure.findobj(Patch):
        if patch is figure.patch:
            continue
        face = _remap(patch.get_facecolor(), base, mid)
        if face is not None and patch.get_facecolor()[3] > 0:
            patch.set_facecolor(face)
        edge = _remap(patch.get_edgecolor(), mid, text)
        if edge is not None:
            patch.set_edgecolor(edge)


def apply_palette(figure: Any, palette: QPalette | None = None) -> bool:
    """Recolour ``figure`` for a dark palette (a no-op with a light one). Returns True when it recoloured."""
    pal = palette or QApplication.palette()
    if not is_dark(pal):
        return False
    window = _rgba(pal.color(QPalette.ColorRole.Window))
    base = _rgba(pal.color(QPalette.ColorRole.Base))
    text = _rgba(pal.color(QPalette.ColorRole.WindowText))
    mid = _rgba(pal.color(QPalette.ColorRole.Mid))
    figure.patch.set_facecolor(window)
    _recolour_axes(figure, base, text, mid)
    _recolour_texts_and_lines(figure, base, text, window)
    _recolour_patches(figure, base, text, mid)
    return True
