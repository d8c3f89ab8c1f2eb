"""How large the app draws its own text (the charts, the graph canvas) at the desktop's font size.

Qt's widgets (tables, forms, dialogs) grow with the application font by themselves: at a 16 pt accessibility
setting the tables are in 16 pt type. The matplotlib charts (text in points at the figure's dpi) and the graph
canvas (card fonts in points at the canvas zoom) size their text themselves, and stayed as at 9 pt beside them.
:func:`desk_scale` is the one factor they follow: a chart's dpi is :func:`desk_dpi`, the canvas's 100 % is
:func:`desk_scale` times the scene's size. Presentation mode scales from the screen instead (``room_scale`` in
:mod:`planner.ui.presentation.mode`) and holds the figures it enlarged (:func:`hold_for_room`) until it leaves.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QWidget

DESK_POINTS = 10.0
"""The desktop font the charts and cards were made for: at 9 or 10 pt (12-13 px) they are drawn as they are."""
DESK_SCALE_MAX = 1.6
"""The most their text grows (a 16 pt application font): larger, a chart's plot area in a small window and the
cards in sight on the canvas would be too few to work with; the tables still follow the font."""
FIGURE_DPI = 100.0
"""A chart's dots per (logical) inch at scale 1: one point of chart text is 100/72 logical pixels."""

_ROOM = "_planner_room_dpi"  # set on a figure while presentation mode draws it at the room's dpi


def desk_scale(font: QFont | None = None) -> float:
    """The application font's size (or ``font``'s) over :data:`DESK_POINTS`, from 1 (9 or 10 pt) to
    :data:`DESK_SCALE_MAX`: how much larger than at an ordinary desktop font the charts' and cards' text is."""
    f = font if font is not None else QApplication.font()
    # As set (16 pt, not the 15.75 of its whole pixels); a font set in pixels by what it resolves to.
    points = f.pointSizeF() if f.pointSizeF() > 0 else QFontInfo(f).pointSizeF()
    return max(1.0, min(DESK_SCALE_MAX, points / DESK_POINTS))


def desk_dpi() -> float:
    """The dpi the app's charts are drawn at on the desk (not presenting)."""
    return FIGURE_DPI * desk_scale()


def logical_dpi(canvas: Any) -> float:
    """``canvas``'s figure dpi per logical pixel (its dpi without the screen's pixel ratio)."""
    fig = canvas.figure
    return float(getattr(fig, "_original_dpi", fig.dpi))


def apply_dpi(canvas: Any, dpi: float) -> bool:
    """Draw ``canvas``'s figure at ``dpi`` (per logical inch) on the same pixels: text and lines scale with it.
    The caller redraws; returns False when the figure already had that dpi."""
    fig = canvas.figure
    if abs(logical_dpi(canvas) - dpi) < 1e-6:
        return False
    fig._original_dpi = dpi  # matplotlib re-applies this times the screen's pixel ratio on screen changes
    ratio = canvas.device_pixel_ratio or 1
    fig.set_dpi(dpi * ratio)
    w, h = max(canvas.width(), 1), max(canvas.height(), 1)
    fig.set_size_inches(w * ratio / fig.dpi, h * ratio / fig.dpi, forward=False)
    return True


def follow_desk(canvas: Any, dpi: float | None = None) -> bool:
    """Give ``canvas``'s figure the desk's dpi (:func:`desk_dpi`, or ``dpi``: a view that bounds it to fit)
    unless presentation mode holds it; True when it changed (the caller redraws)."""
    if getattr(canvas.figure, _ROOM, False):
        return False
    return apply_dpi(canvas, desk_dpi() if dpi is None else dpi)


def hold_for_room(canvas: Any, dpi: float) -> None:
    """Presentation mode: draw ``canvas``'s figure at the room's ``dpi`` until :func:`release_to_desk`."""
    setattr(canvas.figure, _ROOM, True)
    apply_dpi(canvas, dpi)


def release_to_desk(canvas: Any) -> None:
    """Presentation mode left: the figure at the desk's dpi again."""
    setattr(canvas.figure, _ROOM, False)
    follow_desk(canvas)


def _same_type(a: QFont, b: QFont) -> bool:
    """The same size and family (a style sheet's bold or colour aside)."""
    return QFontInfo(a).pixelSize() == QFontInfo(b).pixelSize() and a.family() == b.family()


class FontFollower:
    """Every widget in a window in the window's type, after the window's font was set (presentation type) and
    after it was put back.

    Qt hands a window's new font to its children, but not to those with a style sheet (a status colour, a banner,
    an area's colour field) nor, in Qt 6, to the header of a table never shown yet (the risk register's, built
    behind another tab): they stayed in the desk's type when presenting. :meth:`follow` gives each widget without
    a font of its own its parent's (its style sheet's bold still applies); :meth:`release` gives them back the
    font they inherit, as if never set."""

    def __init__(self) -> None:
        # Strong references: Qt's own widgets (a scroll area's viewport) have Python wrappers that would go with
        # a weak one, their fonts then never given back. A widget Qt deleted since is skipped (isValid).
        self._given: list[QWidget] = []
        self._windows: list[QWidget] = []  # dialogs given the window's font (give)

    def follow(self, root: QWidget) -> int:
        """Give ``root``'s widgets that lag behind their parent's type that type; how many were given it. Again
        after widgets were made or shown (a tab built while presenting)."""
        given = 0
        for widget in root.findChildren(QWidget):  # parents before their children
            parent = widget.parentWidget()
            if parent is None or widget.isWindow() or widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                continue
            if _same_type(widget.font(), parent.font()):
                continue
            widget.setFont(parent.font())
            # not its own: a later font of the window reaches it again
            widget.setAttribute(Qt.WidgetAttribute.WA_SetFont, False)
            self._given.append(widget)
            given += 1
        return given

    def give(self, window: QWidget, font: QFont) -> None:
        """A window (a dialog) opened meanwhile in ``font``, its widgets following (Qt gives no window its parent's
        font); :meth:`release` gives it back its own."""
        if window.testAttribute(Qt.WidgetAttribute.WA_SetFont) and window not in self._windows:
            return  # a font of its own (a monospace report): kept
        if window not in self._windows:
            self._windows.append(window)
        if window.font() != font:
            window.setFont(font)
        self.follow(window)

    def release(self) -> None:
        """The widgets :meth:`follow` gave a font inherit theirs again (the window's font was put back first)."""
        for widget in self._given:
            if shiboken6.isValid(widget):
                widget.setFont(QFont())
                widget.setAttribute(Qt.WidgetAttribute.WA_SetFont, False)
        for window in self._windows:
            if shiboken6.isValid(window):
                window.setFont(QFont())
                window.setAttribute(Qt.WidgetAttribute.WA_SetFont, False)
        self._given, self._windows = [], []
