"""The Compare dialog's delta Gantt is whole where the screen has room (session 32, screens).

The dialog opened 1180x760 on every screen: on a 1920x1080 one the fraud sample's delta Gantt (42 decisions, 4
stages) scrolled in a 646 px pane while 300 px of the screen were free. When a comparison comes (and when its Gantt's
tab is brought to the front) the dialog now grows by what the Gantt's rows need, as far as the screen allows, and
stays on it; on a 1280x720 projector it keeps to the screen (the Gantt scrolls, as it must).

The screen is Qt's offscreen screen of each size (a child process, as tests/ui/screen_probe makes it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from tests.ui.conftest import SAMPLES
from tests.ui.screen_probe import run_child

_CHILD = r"""
import json, sys
from tests.ui.screen_probe import start_on_screen
width, height, plan = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
app = start_on_screen(width, height, "CompareGantt")
from planner.ui.main_window import MainWindow

def settle():
    for _ in range(10):
        app.processEvents()

w = MainWindow(persist_layout=False)
w.show()
settle()
assert w.open_file(plan)
w.doc.wait_for_analysis()
settle()
d = w.scenario_bar.show_compare()
settle()
first = list(d.frameGeometry().getRect())
d.iterations.setValue(0)
d.run()
for _ in range(2000):
    settle()
    if d.comparison is not None and not d.running:
        break
d.tabs.setCurrentWidget(d.gantt_page)
settle()
d.gantt.redraw()
settle()
bar = d.gantt.scroll_area.verticalScrollBar()
print(json.dumps({"available": list(app.primaryScreen().availableGeometry().getRect()), "first": first,
                  "frame": list(d.frameGeometry().getRect()), "scroll": bar.maximum(),
                  "need": d.gantt.canvas.minimumHeight(), "room": d.gantt.scroll_area.viewport().height()}))
d.close()
w.discard_and_close()
settle()
"""


def _compare(width: int, height: int) -> dict:
    return run_child(_CHILD, str(width), str(height), str(SAMPLES / "fraud-detection.plan.json"))


def test_the_delta_gantt_is_whole_on_a_screen_with_room() -> None:
    out = _compare(1920, 1080)
    area, frame = QRect(*out["available"]), QRect(*out["frame"])
    assert area.contains(frame), (area, frame)
    assert out["scroll"] == 0, out  # every row in sight (it scrolled 200 px)
    assert out["need"] <= out["room"], out
    assert frame.height() > QRect(*out["first"]).height()  # it grew into the screen's room


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)], ids=["1280x720", "1024x600"])
def test_the_dialog_keeps_to_a_small_screen(size: tuple[int, int]) -> None:
    out = _compare(*size)
    area, frame = QRect(*out["available"]), QRect(*out["frame"])
    assert area.contains(frame), (area, frame)
