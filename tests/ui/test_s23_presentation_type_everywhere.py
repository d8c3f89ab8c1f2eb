"""Presentation type everywhere when presenting (H-ui23). Qt gives a window's new font to its children, but not to
those with a style sheet (status colours, banners, an area's colour field) nor, in Qt 6, to the header of a table
not shown yet: on a 4K panel (type 2x; 1.6x at 1920x1080) the risk register's header stayed in the desk's 12 px type over 38 px rows.
Presentation mode now gives every widget without a font of its own its parent's (views/type_scale.FontFollower),
and back on leaving."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QWidget

from tests.ui.s18_screens_support import settle


def _px(widget: QWidget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def _lagging(root: QWidget) -> list[str]:
    """Widgets without a font of their own whose type is not their parent's."""
    out = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if parent is None or widget.isWindow() or widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        if _px(widget) != _px(parent):
            out.append(
                f"{type(widget).__name__} {widget.objectName()!r}: {_px(widget)} px in {_px(parent)} px"
            )
    return out


def test_the_risk_register_header_and_styled_labels_are_in_presentation_type(sample_window, qtbot):
    w = sample_window
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: w.size() == QSize(1920, 1080))
    w.doc.wait_for_analysis()
    register = w.risk_tab.register.table  # built behind the Table tab, never shown yet
    header = register.horizontalHeader()
    desk = _px(register)
    styled = w.findChild(QLabel, "crashProtectionOff")  # a label with a style sheet (a status colour)
    assert styled is not None and styled.styleSheet()
    p = w.presentation
    p.enter(full_screen=False)
    try:
        w.views.setCurrentWidget(w.risk_tab)
        settle()
        room = _px(register)
        assert room >= 1.5 * desk
        assert _px(header) == room  # was the desk's 12 px
        assert header.sectionSizeHint(0) >= header.fontMetrics().height()
        assert _px(styled) == _px(styled.parentWidget()) > desk
        assert _lagging(w) == []
        started = time.perf_counter()
        p.fonts.follow(w)  # each step and view change: quick
        assert time.perf_counter() - started < 0.25
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
    settle()
    assert _px(header) == _px(register) == desk
    assert _px(styled) == desk and not styled.testAttribute(Qt.WidgetAttribute.WA_SetFont)
    assert _lagging(w) == []


def test_a_dialog_opened_while_presenting_is_in_presentation_type(sample_window, qtbot):
    # Qt gives no window its parent's font: Compare scenarios opened while presenting was in the desk's 12 px type
    w = sample_window
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: w.size() == QSize(1920, 1080))
    w.doc.wait_for_analysis()
    desk = _px(w)
    p = w.presentation
    p.enter(full_screen=False)
    try:
        room = _px(w)
        assert room >= 1.5 * desk
        dialog = w.scenario_bar.show_compare()
        qtbot.addWidget(dialog)
        settle()
        assert _px(dialog) == room and _px(dialog.table) == room and _px(dialog.run_button) == room
        assert _lagging(dialog) == []
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
    settle()
    assert _px(dialog) == desk and not dialog.testAttribute(Qt.WidgetAttribute.WA_SetFont)
    dialog.close()
