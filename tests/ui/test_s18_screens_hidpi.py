"""The app's charts on screens with a device pixel ratio (a 1920x1080 laptop at 150 %, a HiDPI panel at 200 %):
each chart is laid out for, and drawn over, the whole view it is shown in, in device pixels (sharp).

The test session's screen has ratio 1 (conftest sets QT_SCALE_FACTOR=1), so each case runs in a child process
on Qt's offscreen screen with QT_SCALE_FACTOR set, as a user's display setting reaches the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.ui.conftest import REPO

_CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from planner.ui.views.figure_view import FigureView
drawn = []
def draw(fig):
    drawn.append([float(v) for v in fig.get_size_inches()] + [float(fig.dpi)])
    fig.add_subplot().plot([0, 1], [0, 1])
view = FigureView(draw, "chart")
view.resize(600, 400)
view.show()
for _ in range(20):
    app.processEvents()
    time.sleep(0.01)
view.redraw()
renderer = view.canvas.get_renderer()
print(json.dumps({"ratio": view.devicePixelRatioF(), "drawn": drawn[-1],
                  "rendered": [renderer.width, renderer.height], "view": list(view.size().toTuple())}))
"""


def _child(scale: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5", "2"])
def test_a_chart_fills_its_view_at_every_pixel_ratio(scale):
    out = _child(scale)
    ratio = float(scale)
    assert out["ratio"] == ratio  # the screen we asked for
    assert out["view"] == [600, 400]
    width_in, height_in, dpi = out["drawn"]
    # The chart function sees a figure of the view's size: 600x400 logical pixels are 6x4 inches at the
    # figure's own 100 dpi (matplotlib's figure.dpi is 100 times the ratio). Before, at 200 % it got 3x2
    # inches (half the view each way) and was drawn in the view's top-left quarter.
    assert dpi == 100 * ratio
    assert (width_in, height_in) == (6.0, 4.0)
    # ...and renders it in device pixels: 900x600 at 150 %, 1200x800 at 200 % (sharp, not scaled up)
    assert out["rendered"] == [round(600 * ratio), round(400 * ratio)]
