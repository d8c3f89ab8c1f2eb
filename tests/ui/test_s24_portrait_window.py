"""The main window's first size on a portrait screen (H-ui24): it opened 1080x860 on a 1080x1920 panel, a strip
across its middle with 1,000 px of desktop above and below. The preferred size is a landscape one: on a portrait
screen the window takes as large a share of the screen's height as of its width. Landscape screens keep the
preferred size (test_screen_sizes: 1920x1080, 1440x900) or the whole screen when smaller."""

from __future__ import annotations

from PySide6.QtCore import QRect

from planner.ui import screen_fit


def test_a_portrait_screen_gets_a_portrait_window():
    # too narrow for the preferred 1400 px: the whole width, so the whole height too
    assert screen_fit.initial_geometry(QRect(0, 0, 1080, 1920)) == QRect(0, 0, 1080, 1920)
    # a task bar on the left (48 px) and at the bottom (40 px): the rest of the screen
    assert screen_fit.initial_geometry(QRect(48, 0, 1032, 1880)) == QRect(48, 0, 1032, 1880)
    # room for 1400 px of the 1440: 1400/1440 of the height too (2489 of 2560), centred
    assert screen_fit.initial_geometry(QRect(0, 0, 1440, 2560)) == QRect(20, 35, 1400, 2489)
    # a 4K panel turned: 1400/2160 of its width, as much of its 3840 px height (2489), centred
    assert screen_fit.initial_geometry(QRect(0, 0, 2160, 3840)) == QRect(380, 675, 1400, 2489)


def test_square_and_landscape_screens_keep_the_preferred_size():
    assert screen_fit.initial_geometry(QRect(0, 0, 1920, 1200)) == QRect(260, 170, 1400, 860)
    assert screen_fit.initial_geometry(QRect(0, 0, 800, 800)) == QRect(0, 0, 800, 800)  # square: not portrait
    assert screen_fit.initial_geometry(QRect(0, 0, 2048, 2048)) == QRect(324, 594, 1400, 860)
