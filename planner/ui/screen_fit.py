"""Windows that fit the screen they are on: the main window's first size, a saved geometry restored on a smaller
screen, and every dialog and message box the window opens.

Consultants present on whatever screen the room has (800x600 projectors to 4K panels, scale factor 2). One rule for
all of them: a top-level window never opens larger than its screen's available geometry (the desktop minus task
bars) and never partly off it. The window asks for its preferred size; :func:`fitted` bounds it by the screen.

:func:`install` puts one small event filter on the main window: each dialog it (or one of its dialogs) opens is
fitted when shown, however it was built (``QDialog``, ``QMessageBox``, ``QInputDialog``). The filter sees only the
windows' own events, never their children's, so it costs nothing while the user works.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

MAIN_WINDOW_SIZE = QSize(1400, 860)
"""The main window's size on a screen with room for it (first start, no saved geometry)."""

BIG_SCREEN_SHARE = 0.7
"""The least share of a landscape screen's width and height the main window opens at (first start): on a 2560x1440
panel or a 4K one at 100 % the preferred 1400x860 left two thirds of the screen to the desktop, the plan in a box in
its middle. 70 % of 1920x1080 is less than the preferred size, so a 1080p screen (and anything smaller) keeps it."""

FALLBACK_AREA = QRect(0, 0, 1400, 860)
"""The area used when Qt reports no screen (never in practice; keeps the arithmetic total)."""


def available_area(widget: QWidget | None = None) -> QRect:
    """The available geometry (logical pixels) of the screen ``widget`` is on, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return QRect(screen.availableGeometry()) if screen is not None else QRect(FALLBACK_AREA)


def _screen_area_for(rect: QRect) -> QRect:
    """The available geometry of the screen holding most of ``rect`` (the primary screen when it is on none)."""
    best, best_area = None, 0
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(rect)
        area = overlap.width() * overlap.height() if overlap.isValid() else 0
        if area > best_area:
            best, best_area = screen, area
    if best is None:
        return available_area(None)
    return QRect(best.availableGeometry())


def fitted(frame: QRect, area: QRect) -> QRect:
    """``frame`` shrunk to at most ``area``'s size and moved (as little as possible) to lie inside it."""
    width = max(1, min(frame.width(), area.width()))
    height = max(1, min(frame.height(), area.height()))
    x = min(max(frame.x(), area.x()), area.x() + area.width() - width)
    y = min(max(frame.y(), area.y()), area.y() + area.height() - height)
    return QRect(x, y, width, height)


def centred(size: QSize, area: QRect) -> QRect:
    """A rectangle of ``size`` (bounded by ``area``) centred in ``area``."""
    width, height = min(size.width(), area.width()), min(size.height(), area.height())
    return QRect(
        area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height
    )


def _frame_extra(window: QWidget) -> QSize:
    """What the window system's frame adds to the window's own size (0 before the window is first shown)."""
    extra = window.frameGeometry().size() - window.geometry().size()
    return QSize(max(0, extra.width()), max(0, extra.height()))


def fit_window(window: QWidget, area: QRect | None = None) -> bool:
    """Shrink and move the top-level ``window`` (with its frame) into ``area`` (default: the available geometry
    of the screen holding most of it). A maximised or full-screen window is the window system's to place.
    Returns True when it had to change."""
    if window.isMaximized() or window.isFullScreen():
        return False
    frame = window.frameGeometry()
    if area is None:
        area = _screen_area_for(frame)
    target = fitted(frame, area)
    if target == frame:
        return False
    extra = _frame_extra(window)
    size = QSize(target.width() - extra.width(), target.height() - extra.height())
    minimum = window.minimumSize()
    # A minimum larger than the screen would make resize() refuse: the screen wins.
    if minimum.width() > size.width() or minimum.height() > size.height():
        window.setMinimumSize(minimum.boundedTo(size))
    window.resize(size)
    window.move(target.topLeft())
    return True


def initial_geometry(area: QRect, preferred: QSize = MAIN_WINDOW_SIZE, share: float = 0.0) -> QRect:
    """The main window's first geometry: ``preferred`` when the screen has room, else the whole available area;
    centred on the screen. ``preferred`` is a landscape size: on a portrait screen (taller than wide) the window
    takes as large a share of the screen's height as of its width (a 1080x1920 panel: all of it). It opened there
    1080x860, a strip across the middle of the panel with 1,000 px of desktop above and below. ``share``: on a
    landscape screen, at least that share of its width and of its height (:data:`BIG_SCREEN_SHARE`)."""
    if area.width() > area.height() > 0 and share > 0:
        preferred = preferred.expandedTo(QSize(round(area.width() * share), round(area.height() * share)))
    if area.height() > area.width() > 0:
        share = min(1.0, preferred.width() / area.width())
        preferred = QSize(preferred.width(), max(preferred.height(), round(area.height() * share)))
    return centred(preferred, area)


def preferred_size() -> QSize:
    """:data:`MAIN_WINDOW_SIZE` at the desktop's type size: larger in proportion to a large system font, as the
    charts' and cards' text is (``type_scale.desk_scale``). At 13.5 pt a 1400x860 window holds what 933x573 holds
    at 9 pt: on a 1920x1080 screen it opened in the compact layout, its figures elided, 500 px of the screen unused."""
    from planner.ui.views.type_scale import desk_scale

    scale = desk_scale()
    return QSize(round(MAIN_WINDOW_SIZE.width() * scale), round(MAIN_WINDOW_SIZE.height() * scale))


def place_main_window(window: QWidget, preferred: QSize | None = None) -> QRect:
    """Give ``window`` its first size and position on its screen (before it is shown); returns the geometry. A main
    window's least height is fitted to the screen first (:func:`fit_minimum`). ``preferred``: the size it would
    like (default :func:`preferred_size`); on a big landscape screen at least :data:`BIG_SCREEN_SHARE` of it."""
    area = available_area(window)
    if isinstance(window, QMainWindow):
        fit_minimum(window, area)
    rect = initial_geometry(area, preferred if preferred is not None else preferred_size(), BIG_SCREEN_SHARE)
    window.resize(rect.size())
    window.move(rect.topLeft())
    window.setProperty(_PLACED, rect.size())
    return rect


def restore_onto_screen(window: QWidget) -> bool:
    """After ``restoreGeometry``: bring a window saved on a bigger (or another, now absent) screen back onto the
    current one, whole. Returns True when it had to change."""
    changed = fit_window(window)
    window.setProperty(_PLACED, window.size())
    return changed


_WATCHED = "screenFitWatched"
"""Dynamic property marking a window the fitter already watches."""
_PLACED = "screenFitPlaced"
"""Dynamic property: the size :func:`place_main_window` or :func:`restore_onto_screen` gave the window."""


class _DialogFitter(QObject):
    """Fits each window shown by a watched window; watches each one too (for the message boxes it opens)."""

    def watch(self, widget: QWidget) -> None:
        if widget.property(_WATCHED):
            return
        widget.setProperty(_WATCHED, True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]  # a QChildEvent
            if isinstance(child, QWidget) and child.isWindow():
                self.watch(child)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if watched is not self.parent():
                _bound_dialog(watched)
            elif watched.property(_PLACED) != watched.size():
                return False  # the main window sized by its code since (off-screen renders may exceed the screen)
            else:
                if isinstance(watched, QMainWindow):
                    fit_minimum(watched)  # its least height too: a 512x300 screen (1024x600 at 200 %)
                fit_window(watched)  # its native window exists now: where the frame is known already, at once
            watched.setProperty(_PLACED, None)
            # Once shown, the frame the window system adds is known: the whole frame goes onto the screen.
            QTimer.singleShot(0, watched, lambda w=watched: _fit_shown(w))
        return False


def _fit_shown(window: QWidget) -> None:
    if isinstance(window, QMainWindow) and window.property(_SHORT_AREA) is not None:
        fit_minimum(window)  # with the frame now known
    fit_window(window)


def _area_for_dialog(dialog: QWidget) -> QRect:
    parent = dialog.parentWidget()
    return available_area(parent.window() if parent is not None else dialog)


def _height_for_width(dialog: QWidget) -> int:
    """The height ``dialog``'s layout needs at its present width (0 without a layout)."""
    layout = dialog.layout()
    if layout is None:
        return 0
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(dialog.width())
    return layout.totalMinimumSize().height()


_SCROLLED = "screenFitScrolled"
"""Dynamic property on a dialog whose contents :func:`_scroll_if_larger` put in a scroll area."""


def _scroll_if_larger(dialog: QWidget, room: QSize) -> bool:
    """A dialog whose least size is larger than the screen's ``room`` (the import dialog needs 662x456, the report
    dialog 259x367: on a 1024x600 screen at 200 %, 512x300, their report, list and buttons were drawn over one
    another) gets its contents in a scroll area, buttons included: the whole of it can be reached. Not a message
    box (Qt sizes those itself). Returns True when it did."""
    layout = dialog.layout()
    if layout is None or isinstance(dialog, QMessageBox) or dialog.property(_SCROLLED):
        return False
    least = layout.totalMinimumSize()
    if least.width() <= room.width() and least.height() <= room.height():
        return False
    inner = QWidget()
    inner.setObjectName("screenFitContents")
    inner.setLayout(layout)  # (Qt moves the layout and its widgets from the dialog)
    scroll = QScrollArea(dialog)
    scroll.setObjectName("screenFitScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    dialog.setProperty(_SCROLLED, True)
    dialog.setMinimumSize(0, 0)
    return True


def _bound_dialog(dialog: QWidget) -> None:
    """A dialog about to appear: as tall as its layout needs at its width (Qt caps a first show at 2/3 of the
    screen), no larger than its screen (with room for the frame its parent has). Qt then
    centres it over its parent and keeps it on the screen; a dialog placed before (shown again, or moved by its
    code) is moved back onto the screen here."""
    area = _area_for_dialog(dialog)
    parent = dialog.parentWidget()
    extra = _frame_extra(parent.window()) if parent is not None else QSize()
    room = QSize(area.width() - extra.width(), area.height() - extra.height())
    _scroll_if_larger(dialog, room)
    needed = _height_for_width(dialog)
    if dialog.height() < needed:
        # Qt first shows a dialog at most 2/3 of the screen tall, whatever its word-wrapped labels need (their
        # height for its width, which its minimum size leaves out): a long intro at a large font then pushed
        # the import dialog's buttons over its report. It gets the height its layout needs, room permitting.
        dialog.resize(dialog.width(), min(needed, room.height()))
    if dialog.width() > room.width() or dialog.height() > room.height():
        size = dialog.size().boundedTo(room)
        if dialog.minimumSize().boundedTo(room) != dialog.minimumSize():
            dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
        dialog.resize(size)
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Moved):
        fit_window(dialog, area)


COMPACT_HEIGHT = 700
"""A main window shorter than this (logical pixels at a 9-10 pt desktop font, more in proportion at a larger one: a
1024x600 or 1280x720 projector with a task bar, 800x600, 1366x768 at 150 % type) puts its bottom docks beside the
views, tabbed with the side dock, so that the views keep the window's height."""
SIDE_DOCK_SHARE = 1 / 3
"""The most of the window's width the side dock column keeps when the window shrinks (unless its minimum needs
more): a layout saved on a big screen (a 520 px inspector) left the views half of a 1024 px window."""
VIEWS_LEAST_WIDTH = 320
"""The least width the views keep beside the side dock: a narrower window (1024x600 at 200 %: 512 px, a 259 px
inspector) hides the dock until there is room or the user opens it (Enter, a double-click, View). Beside it the
views were 245 px wide, and the table's filters and the coverage choices wrapped over their own tables."""
_HIDDEN_FOR_ROOM = "screenFitHiddenForRoom"
"""Dynamic property on a dock :func:`fit_docks` hid for the views' room (and shows again when there is room)."""
_MOVED = "screenFitMovedDock"
"""Dynamic property on a dock the compact layout moved beside the side dock (and gives back when there is room)."""


def fit_docks(
    window: QMainWindow, side: QDockWidget, bottom: list[QDockWidget], narrower: bool = True
) -> bool:
    """Keep the central view usable in a small ``window``: below :data:`COMPACT_HEIGHT` the docked, shown ``bottom``
    docks are tabbed with the docked ``side`` dock (which stays in front), and given back to the bottom when the
    window is tall again (those this rule moved, still where it put them); and, when the window got ``narrower``,
    the side dock column is no wider than :data:`SIDE_DOCK_SHARE` of it (or its minimum): a column the user widened
    stays as wide while the window keeps or grows its width. At 1024x600 the inspector and the findings list left the
    views 674x376 of the window. Returns True when it changed the layout."""
    docked = window.dockWidgetArea(side) != Qt.DockWidgetArea.NoDockWidgetArea and not side.isFloating()
    least = max(side.minimumSizeHint().width(), side.minimumWidth())
    if docked and side.property(_HIDDEN_FOR_ROOM):
        # (a hidden dock is no longer among those tabbed with the side dock: every dock this rule hid)
        group = [d for d in window.findChildren(QDockWidget) if d is side or d.property(_HIDDEN_FOR_ROOM)]
        if not side.isHidden():  # opened since (Enter, a double-click, the View menu): the user's to close
            for dock in group:
                dock.setProperty(_HIDDEN_FOR_ROOM, None)
        elif window.width() - least >= VIEWS_LEAST_WIDTH:  # room again: back as they were
            for dock in group:
                if dock.property(_HIDDEN_FOR_ROOM):
                    dock.setProperty(_HIDDEN_FOR_ROOM, None)
                    dock.show()
            side.raise_()
            return True
    if not docked or side.isHidden():
        return False
    changed = False
    from planner.ui.views.type_scale import desk_scale

    if window.height() < COMPACT_HEIGHT * desk_scale():  # as many lines as 700 px hold at a 9-10 pt font
        for dock in bottom:
            area = window.dockWidgetArea(dock)
            if (
                area == Qt.DockWidgetArea.BottomDockWidgetArea
                and not dock.isFloating()
                and not dock.isHidden()
            ):
                window.tabifyDockWidget(side, dock)
                dock.setProperty(_MOVED, True)
                changed = True
        if changed:
            side.raise_()
    else:
        for dock in bottom:
            if dock.property(_MOVED) and dock in window.tabifiedDockWidgets(side):
                window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)  # out of the tab group
                window.resizeDocks([dock], [min(150, max(90, window.height() // 6))], Qt.Orientation.Vertical)
                changed = True
            dock.setProperty(_MOVED, None)
    most = max(side.minimumSizeHint().width(), side.minimumWidth(), int(window.width() * SIDE_DOCK_SHARE))
    horizontal = window.dockWidgetArea(side) in (
        Qt.DockWidgetArea.LeftDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea,
    )
    if narrower and horizontal and side.width() > most:
        window.resizeDocks([side], [most], Qt.Orientation.Horizontal)
        changed = True
    if narrower and horizontal and window.width() - least < VIEWS_LEAST_WIDTH:
        # Beside the side dock's least width the views would be narrower than VIEWS_LEAST_WIDTH: the dock (and
        # those tabbed with it) step aside until there is room or the user opens it.
        for dock in [side, *window.tabifiedDockWidgets(side)]:
            if not dock.isHidden():
                dock.setProperty(_HIDDEN_FOR_ROOM, True)
                dock.hide()
        changed = True
    return changed


SHORT_FLOOR = 60
"""The least minimum height :func:`fit_minimum` leaves the views and a dock's contents (three lines of a table)."""
_CAPPED = "screenFitCappedHeight"
"""Dynamic property on a widget whose minimum height :func:`fit_minimum` lowered: the minimum it had before."""
_UNBROKEN = "screenFitUnbrokenToolBar"
"""Dynamic property on a tool bar :func:`fit_minimum` put onto the row of the one before it."""
_SHORT_AREA = "screenFitShortArea"
"""Dynamic property on the main window: the available geometry :func:`fit_minimum` last fitted it to."""


def _short_parts(window: QMainWindow) -> list[QWidget]:
    """The parts of ``window`` whose minimum height :func:`fit_minimum` may lower: the views and the contents of
    each docked dock (they scroll or squeeze; the menu, tool bar and status bar keep theirs)."""
    parts: list[QWidget] = []
    central = window.centralWidget()
    if central is not None:
        parts.append(central)
    for dock in window.findChildren(QDockWidget):
        inner = dock.widget()
        if inner is not None and dock.parentWidget() is window and not dock.isFloating():
            parts.append(inner)
    return parts


def _undo_short(window: QMainWindow, rows: bool = True) -> bool:
    """Give back what :func:`fit_minimum` changed: the minimum heights, and (``rows``) the tool bars' own rows.
    Returns True when there was something to give back."""
    changed = False
    for bar in window.findChildren(QToolBar) if rows else []:
        before = bar.property(_UNBROKEN)
        if before:
            bar.setProperty(_UNBROKEN, None)
            if window.toolBarArea(bar) == Qt.ToolBarArea.TopToolBarArea:
                other = window.findChild(QToolBar, before) if isinstance(before, str) else None
                if other is not None and window.toolBarArea(other) == Qt.ToolBarArea.TopToolBarArea:
                    window.insertToolBar(bar, other)  # back behind the one it went in front of
                window.insertToolBarBreak(bar)
            changed = True
    for part in _short_parts(window):
        before = part.property(_CAPPED)
        if before is not None:
            part.setProperty(_CAPPED, None)
            part.setMinimumHeight(int(before))
            changed = True
    return changed


def fit_minimum(window: QMainWindow, area: QRect | None = None) -> bool:
    """Make ``window``'s least height fit the available geometry of its screen (``area``), so that it opens inside
    it with its tool bar and status bar in sight. A 1024x600 screen at 200 % (512x300 logical pixels) left the
    window 439 px tall, its status bar under the screen's edge: the inspector dock and the views each kept the
    minimum of their tallest page (the coverage matrix over its findings, the multi-decision editor). First the
    tool bars share one row (the rest of each behind its » button), then the views and each dock's contents give
    up the height still missing (down to :data:`SHORT_FLOOR`; their pages scroll or squeeze). On a screen with
    room again (another screen, another scale) the window gets its rows and minimums back. Not while maximised or
    full screen (presenting). Returns True when it changed something."""
    if window.isFullScreen():
        return False
    if area is None:
        area = available_area(window)
    extra = _frame_extra(window)
    room = area.height() - extra.height()
    # Measured afresh each time (the docks moved, a page grew): the minimums as they were; the tool bars' rows
    # only on another screen.
    changed = _undo_short(window, rows=window.property(_SHORT_AREA) not in (None, area))
    window.setProperty(_SHORT_AREA, None)
    if window.minimumSizeHint().height() <= room:
        return changed
    window.setProperty(_SHORT_AREA, QRect(area))
    bars = [
        b
        for b in window.findChildren(QToolBar)
        if window.toolBarArea(b) == Qt.ToolBarArea.TopToolBarArea and not b.isHidden()
    ]
    for k, bar in enumerate(bars):
        if k and window.toolBarBreak(bar):
            # Onto the row of the one before it, and in front of it: the later tool bar is the main one (New,
            # Open, Save, Undo); behind the scenario chooser it kept one button and its » menu.
            window.removeToolBarBreak(bar)
            window.insertToolBar(bars[k - 1], bar)
            bar.setProperty(_UNBROKEN, bars[k - 1].objectName() or True)
            changed = True
    layout = window.layout()
    if layout is not None:
        layout.invalidate()
    # The docks' contents first (the inspector and the plan scroll), the views only for what is still missing
    # (a page squeezed below its least height may overlap its own controls).
    parts = _short_parts(window)
    central = window.centralWidget()
    for group in ([p for p in parts if p is not central], [p for p in parts if p is central]):
        excess = window.minimumSizeHint().height() - room
        if excess <= 0:
            break
        for part in group:
            need = (
                part.minimumHeight() or part.minimumSizeHint().height()
            )  # (a minimum set wins over the hint)
            least = max(SHORT_FLOOR, need - excess)
            if least < need:
                part.setProperty(_CAPPED, part.minimumHeight())
                part.setMinimumHeight(least)
                changed = True
        if layout is not None:
            layout.invalidate()
    return changed


def mark_hidden_for_room(dock: QDockWidget) -> None:
    """``dock`` was hidden by :func:`fit_docks` for the views' room (a layout saved so, restored): shown again
    when the window has room."""
    dock.setProperty(_HIDDEN_FOR_ROOM, True)


def was_hidden_for_room(dock: QDockWidget) -> bool:
    """True while ``dock`` is hidden because :func:`fit_docks` hid it for the views' room."""
    return bool(dock.property(_HIDDEN_FOR_ROOM)) and dock.isHidden()


def mark_moved(dock: QDockWidget) -> None:
    """``dock`` was put beside the side dock by :func:`fit_docks` (a layout saved so, restored)."""
    dock.setProperty(_MOVED, True)


def was_moved(dock: QDockWidget) -> bool:
    """True while ``dock`` is beside the side dock because :func:`fit_docks` put it there."""
    return bool(dock.property(_MOVED))


def install(window: QWidget) -> QObject:
    """Fit every dialog ``window`` (and its dialogs, in turn) shows to the screen. Returns the filter."""
    fitter = _DialogFitter(window)
    fitter.watch(window)
    return fitter


def on_screen(widget: QWidget) -> bool:
    """True when the top-level ``widget``'s frame lies wholly inside its screen's available geometry."""
    frame = widget.window().frameGeometry()
    return _screen_area_for(frame).contains(frame)


__all__ = [
    "BIG_SCREEN_SHARE",
    "COMPACT_HEIGHT",
    "MAIN_WINDOW_SIZE",
    "SIDE_DOCK_SHARE",
    "available_area",
    "centred",
    "fit_docks",
    "fit_minimum",
    "fit_window",
    "fitted",
    "initial_geometry",
    "install",
    "mark_hidden_for_room",
    "mark_moved",
    "on_screen",
    "place_main_window",
    "preferred_size",
    "restore_onto_screen",
    "was_hidden_for_room",
    "was_moved",
]
