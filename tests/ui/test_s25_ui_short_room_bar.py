"""Presentation on a 1024x600 projector at 200 % (512x300 logical, H-ui25 walk): the presenter bar's figures on three
lines and its key help on three more took 43 % of the screen, the graph a strip above it. Below 480 px the key
help is left out of the bar (F1 lists every key, and works while presenting); on a 1280x720 room it stays."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from planner.ui.dialogs.basic import HelpDialog
from planner.ui.presentation.mode import SHORT_ROOM_PX
from tests.ui.s18_screens_support import settle


def _present(w, qtbot, width: int, height: int):
    w.resize(width, height)
    qtbot.waitUntil(lambda: w.size() == QSize(width, height))
    w.show_view("Graph")
    settle()
    p = w.presentation
    p.enter(full_screen=False)
    settle()
    return p


def test_a_short_room_leaves_the_key_help_out(presenting, qtbot):
    w = presenting
    p = _present(w, qtbot, 560, 440)  # (the test screen is 800x800: a window as short as it lets one be)
    assert w.height() < SHORT_ROOM_PX
    assert p.bar is not None and not p.bar.hint.isVisible()
    assert p.bar.height() < 0.4 * w.height(), (p.bar.height(), w.height())
    w.canvas.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)  # the keys are a key away
    settle()
    helps = [x for x in QApplication.topLevelWidgets() if isinstance(x, HelpDialog) and x.isVisible()]
    assert helps and "Tab / Shift+Tab" in helps[0].text.toHtml()
    for h in helps:
        h.close()
    p.leave()
    settle()


def test_a_room_of_720_keeps_it(presenting, qtbot):
    w = presenting
    p = _present(w, qtbot, 1280, 720)
    assert p.bar is not None and p.bar.hint.isVisible()
    p.leave()
    settle()
