"""Presentation in a short room (a 1024x600 projector at 200 %: 512x300 logical): the presenter bar's figures, at
2.1 times the desk's type, took three lines and a third of the screen, and the step's title two lines of its
panel, the graph a strip between them. Below SHORT_ROOM_PX the figures and the step's title are in the room's text
size (bold, as large as the step's words); in a room of 720 they stay large."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontInfo

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
    p.step(1)  # the first stage's step: its panel and title shown
    settle()
    return p


def _figures(bar) -> list:
    names = ("finish", "target", "forecast", "gated", "critical", "p80", "cost", "delta")
    return [getattr(bar, n) for n in names if getattr(bar, n).isVisible()]


def _px(widget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def test_a_short_room_s_figures_are_in_its_text_size(presenting, qtbot):
    w = presenting
    p = _present(w, qtbot, 560, 440)  # (the test screen is 800x800: a window as short as it lets one be)
    assert w.height() < SHORT_ROOM_PX
    assert p.bar is not None and p.step_panel is not None
    words = _px(p.step_panel.body)
    figures = _figures(p.bar)
    assert figures
    for label in figures:
        assert _px(label) <= words + 1, (label.objectName(), _px(label), words)
        assert label.font().bold()
    assert _px(p.step_panel.title) <= words + 1
    assert p.step_panel.title.font().bold()
    assert p.bar.height() < 0.25 * w.height(), (p.bar.height(), w.height())
    assert p.bar.explanation.geometry().bottom() <= p.bar.height()  # nothing cut at its foot
    p.leave()
    settle()


def test_a_room_of_720_keeps_them_large(presenting, qtbot):
    w = presenting
    p = _present(w, qtbot, 1280, 720)
    assert p.bar is not None and p.step_panel is not None
    words = _px(p.step_panel.body)
    for label in _figures(p.bar):
        assert _px(label) > 1.2 * words, (label.objectName(), _px(label), words)
    assert _px(p.step_panel.title) > 1.2 * words
    p.leave()
    settle()


def test_a_short_room_names_the_selected_decision_and_the_key_to_its_why(presenting, qtbot):
    # the why of the selected decision took four lines of the bar at 512x300, the views a 110 px strip over it
    w = presenting
    first = w.doc.plan.decisions[0]
    why = w.doc.analysis.explain(first.id).critical_text
    p = _present(w, qtbot, 560, 440)
    p.go_to(0)  # the overview: the bar explains the selection
    w.doc.select([first.id])
    settle()
    assert p.bar is not None
    qtbot.waitUntil(lambda: first.title in p.bar.explanation.text())
    text = p.bar.explanation.text()
    assert why not in text and "Enter: why" in text, text
    assert p.bar.height() < 0.25 * w.height(), (p.bar.height(), w.height())
    # taller (a room of 720): the why comes back
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: why in p.bar.explanation.text())
    assert "Enter: why" not in p.bar.explanation.text()
    p.leave()
    settle()
