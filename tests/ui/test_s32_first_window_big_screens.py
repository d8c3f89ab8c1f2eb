"""The first window on a big screen uses a sensible share of it (session 32, screens).

On a 2560x1440 panel and a 4K one at 100 % the window opened 1400x860, a box in the middle of the screen with two
thirds of it left to the desktop. It now opens at least :data:`screen_fit.BIG_SCREEN_SHARE` of a landscape screen's
width and height, centred; a 1080p screen and smaller ones keep the preferred size (or the whole screen), and a
portrait screen its portrait window.

The screen is Qt's offscreen screen of each size (a child process, as tests/ui/screen_probe makes it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from planner.ui import screen_fit
from tests.ui.screen_probe import run_child

_CHILD = r"""
import json, sys
from tests.ui.screen_probe import start_on_screen
width, height = int(sys.argv[1]), int(sys.argv[2])
app = start_on_screen(width, height, "FirstWindow")
from planner.ui.main_window import MainWindow

w = MainWindow()  # as `planner` makes it: first start, no saved layout
w.show()
for _ in range(10):
    app.processEvents()
print(json.dumps({"available": list(app.primaryScreen().availableGeometry().getRect()),
                  "frame": list(w.frameGeometry().getRect())}))
w.discard_and_close()
"""


def _first_window(width: int, height: int) -> tuple[QRect, QRect]:
    out = run_child(_CHILD, str(width), str(height))
    return QRect(*out["available"]), QRect(*out["frame"])


@pytest.mark.parametrize("size", [(2560, 1440), (3840, 2160)], ids=["2560x1440", "3840x2160"])
def test_a_big_screen_gets_a_big_window(size: tuple[int, int]) -> None:
    area, frame = _first_window(*size)
    assert area.contains(frame), (area, frame)
    share = screen_fit.BIG_SCREEN_SHARE
    assert frame.width() >= share * area.width() - 1 and frame.height() >= share * area.height() - 1, frame
    assert frame.width() > 1500 and frame.height() > 960  # was 1400x860 (+ the frame)
    # centred: as much desktop left and right, above and below (the frame's few pixels aside)
    assert abs(frame.left() - (area.right() - frame.right())) <= 8
    assert abs(frame.top() - (area.bottom() - frame.bottom())) <= 32


@pytest.mark.parametrize(
    ("size", "expected"),
    [((1920, 1080), QSize(1400, 860)), ((1366, 768), QSize(1366, 768)), ((1080, 1920), QSize(1080, 1920))],
    ids=["1920x1080", "1366x768", "1080x1920"],
)
def test_smaller_screens_keep_their_first_window(size: tuple[int, int], expected: QSize) -> None:
    area, frame = _first_window(*size)
    assert area.contains(frame), (area, frame)
    assert frame.size().boundedTo(area.size()) == frame.size()
    assert abs(frame.width() - expected.width()) <= 8 and abs(frame.height() - expected.height()) <= 32, frame


def test_the_share_is_of_landscape_screens_only() -> None:
    # the pure rule: a portrait or square screen is not given the share
    assert screen_fit.initial_geometry(QRect(0, 0, 2560, 1440), share=0.7) == QRect(384, 216, 1792, 1008)
    assert screen_fit.initial_geometry(QRect(0, 0, 2048, 2048), share=0.7).size() == QSize(1400, 860)
    assert screen_fit.initial_geometry(QRect(0, 0, 1920, 1080), share=0.7).size() == QSize(1400, 860)
