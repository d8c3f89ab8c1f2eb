"""Help > Keyboard Shortcuts and Getting Started show their text whole where the screen has room (session 31).

Both opened 640x560 on every screen and at every font: on a 2560x1440 panel the shortcuts were a small box in the
middle of it, cut mid-line at 'Views' over a scroll bar, and at a 150 % system font on 1920x1080 Getting Started
cut its last step ('… File > Export Report writes the PDF') with 500 px of the screen free. The dialog is now as
wide as its type asks (640 px at a 10 pt font, more in proportion) and as tall as its text, up to the screen's
available geometry (where it scrolls, as before on a small projector).

The screen is Qt's offscreen screen of each size (a child process, as tests/ui/screen_probe makes it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QRect

from tests.ui.conftest import REPO

_CHILD = r"""
import json, os, sys, tempfile
from pathlib import Path
width, height, points = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
folder = Path(tempfile.mkdtemp(prefix="help-whole-"))
config = folder / "screen.json"
screen = {"name": "help", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}
config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
os.environ["PLANNER_DATA_DIR"] = str(folder / "data")
from PySide6.QtCore import QCoreApplication, QSettings
from planner.ui.app import create_application
app = create_application()
if points:
    font = app.font()
    font.setPointSizeF(points)
    app.setFont(font)
QCoreApplication.setOrganizationName("HelpWhole")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["PLANNER_DATA_DIR"])
from planner.ui.main_window import MainWindow

def settle():
    for _ in range(10):
        app.processEvents()

w = MainWindow(persist_layout=False)
w.show()
settle()
out = {"available": list(app.primaryScreen().availableGeometry().getRect())}
for name, show in (("shortcuts", w.workbench.show_shortcuts), ("guide", w.workbench.show_guide)):
    d = show()
    settle()
    bar = d.text.verticalScrollBar()
    out[name] = {"frame": list(d.frameGeometry().getRect()), "scroll": bar.maximum(),
                 "visible": d.isVisible(), "width": d.width()}
    d.close()
    settle()
w.discard_and_close()
settle()
print(json.dumps(out))
"""


def _run(width: int, height: int, points: float) -> dict:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_SCALE_FACTOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(width), str(height), str(points)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("width", "height", "points"),
    [(2560, 1440, 0), (1920, 1080, 13.5)],
    ids=["2560x1440", "1920x1080-150%"],
)
def test_help_text_is_whole_where_the_screen_has_room(width: int, height: int, points: float) -> None:
    out = _run(width, height, points)
    area = QRect(*out["available"])
    for name in ("shortcuts", "guide"):
        seen = out[name]
        assert seen["visible"], name
        assert area.contains(QRect(*seen["frame"])), (name, seen["frame"])
        # whole, or (text longer than the screen is tall: the shortcuts at 150 %) as tall as the screen
        assert seen["scroll"] == 0 or seen["frame"][3] == area.height(), (
            f"{name}: its text scrolls ({seen['scroll']} px more) on a {width}x{height} screen, "
            f"{seen['frame'][3]} px tall"
        )
    assert out["guide"]["scroll"] == 0
    if points:  # wider in a larger type, as its lines are
        assert out["guide"]["width"] > 640


def test_help_on_a_small_projector_fits_and_scrolls() -> None:
    out = _run(1024, 600, 0)
    area = QRect(*out["available"])
    for name in ("shortcuts", "guide"):
        seen = out[name]
        assert area.contains(QRect(*seen["frame"])), (name, seen["frame"])
    assert out["shortcuts"]["scroll"] > 0  # (its text is longer than the screen is tall: it scrolls)


def test_f1_while_presenting_lists_the_keys_in_a_dialog_as_wide_as_its_type(window: Any, qtbot: Any) -> None:
    # F1 while presenting: the dialog is in presentation type (the window's); at the desk's 640 px its key names
    # and their words wrapped onto two and three lines each.
    from PySide6.QtCore import QSize

    from planner.ui.screen_fit import available_area
    from tests.ui.s18_screens_support import presenting_graph, settle

    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size() == QSize(1920, 1080))
    with presenting_graph(window):
        dialog = window.workbench.show_shortcuts()
        try:
            settle()
            assert dialog.text.fontInfo().pixelSize() > 16  # presentation type
            room = available_area(window).width()
            assert dialog.width() >= min(room - 8, 900), (dialog.width(), room)  # (the frame aside)
        finally:
            dialog.close()
