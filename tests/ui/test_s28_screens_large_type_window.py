"""The main window's first size follows the desktop's type size (session 28, screens).

At a 150 % system font (13.5 pt) on a 1920x1080 screen the window opened 1400x860, as at 9 pt: in that type it
holds what 933x573 holds at 9 pt, so it opened in the compact layout (the findings tabbed behind the inspector), the
status bar's figures elided, 500 px of the screen unused. The preferred size grows with the type as the charts' and
the cards' text does (``type_scale.desk_scale``), up to the screen's available geometry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize

from planner.ui import screen_fit
from planner.ui.views.type_scale import desk_scale
from tests.ui.s18_screens_support import app_font


def test_the_preferred_size_grows_with_the_type() -> None:
    with app_font(9):
        assert screen_fit.preferred_size() == screen_fit.MAIN_WINDOW_SIZE
    with app_font(13.5):
        scale = desk_scale()
        assert scale > 1.3
        size = screen_fit.preferred_size()
        assert size == QSize(round(1400 * scale), round(860 * scale))
        # a 1920x1080 screen: as much of it as the type asks for (all its height), not 1400x860 in its middle
        rect = screen_fit.initial_geometry(QRect(0, 0, 1920, 1080), size)
        assert rect.height() == 1080 and rect.width() == min(1920, size.width()) > 1800
        # a 4K screen still has room: the larger window, centred
        rect = screen_fit.initial_geometry(QRect(0, 0, 3840, 2160), size)
        assert rect.size() == size and QRect(0, 0, 3840, 2160).contains(rect)


def test_a_window_opened_in_large_type_is_placed_at_the_larger_size(
    qtbot: Any, isolated_settings: Any
) -> None:
    from planner.ui.main_window import MainWindow

    with app_font(13.5):
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        try:
            area = screen_fit.available_area(w)
            wanted = screen_fit.initial_geometry(area, screen_fit.preferred_size())
            assert w.geometry().size() == wanted.size()
            w.show()
            qtbot.waitExposed(w)
            assert area.contains(w.frameGeometry())
        finally:
            w.discard_and_close()
