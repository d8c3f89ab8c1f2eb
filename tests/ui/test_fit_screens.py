"""Every view fits a 1280x800 window (and 1920x1080): the window never grows past the screen, no label is
drawn outside it, and the inspector's fields fit its dock (issue 9: the inspector was cut mid-word at 1280)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _inside_scroll_area(widget) -> bool:
    p = widget.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_view_fits_the_window(sample_window, size):
    w = sample_window
    w.resize(*size)
    w.doc.select(["ai-gateway"])
    _settle()
    frame = QRect(0, 0, *size)
    for i in range(w.views.count()):
        w.views.setCurrentIndex(i)
        _settle()
        name = w.views.tabText(i)
        assert w.size().toTuple() == size, f"{name}: the window grew to {w.size().toTuple()}"
        assert w.minimumSizeHint().width() <= size[0], f"{name}: needs {w.minimumSizeHint().width()} px"
        for label in w.findChildren(QLabel):
            if not label.isVisible() or not label.text() or _inside_scroll_area(label):
                continue
            rect = QRect(label.mapTo(w, label.rect().topLeft()), label.size())
            assert frame.contains(rect), f"{name}: {label.objectName() or label.text()[:30]!r} at {rect}"
    # the main tool bar shows every command (none hidden behind its » menu)
    bar = w.workbench.toolbar
    for act in bar.actions():
        widget = bar.widgetForAction(act)
        if widget is not None and not act.isSeparator():
            assert widget.isVisible(), f"{act.text()!r} is hidden in the tool bar's overflow"
    # the inspector's form fits its dock: nothing cut at the right edge
    form = w.inspector.form
    viewport = w.inspector.scroll_area.viewport()
    assert form.minimumSizeHint().width() <= viewport.width()
    assert form.width() <= viewport.width()
    for label in (form.heading, form.start_text, form.critical_text):
        assert label.wordWrap() and label.width() <= viewport.width()
    # and with several decisions selected
    w.doc.select(["ai-gateway", "dpia"])
    _settle()
    assert w.inspector.currentWidget() is w.inspector.multi
    assert w.inspector.multi.minimumSizeHint().width() <= w.inspector_dock.width()
