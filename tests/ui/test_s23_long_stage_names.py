"""A stage with a 200-character name made the Plan & stages view scroll sideways (H-ui23): each stage is a group
box titled with its number and name, and a QGroupBox is at least as wide as its whole title (at 1366x768 the page
asked for 1,400 px in a 450 px dock, every field cut at its right edge). The title now elides to the box's width
(views/elided.ElidedGroupBox); the whole name is in the title's tooltip and in the Name field under it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QGroupBox, QLineEdit, QStyle, QStyleOptionGroupBox, QToolTip

from tests.ui.s18_screens_support import settle

LONG = "Prove the assistant in production with every control " * 4  # 212 characters, spaces to wrap at


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")  # offscreen
def test_a_200_character_stage_name_keeps_the_plan_view_within_its_dock(sample_window, qtbot):
    w = sample_window
    w.doc.edit_object(w.doc.plan.stages[0], None, name=LONG.strip())
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.size() == QSize(1366, 768))
    w.inspector_tabs.setCurrentWidget(w.plan_view)
    w.resizeDocks([w.inspector_dock], [420], Qt.Orientation.Horizontal)
    settle()
    qtbot.waitUntil(lambda: w.plan_view.widget().findChild(QGroupBox, "stage.0") is not None)
    settle()
    view = w.plan_view
    page = view.widget()
    assert page.minimumSizeHint().width() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    box = page.findChild(QGroupBox, "stage.0")
    assert box.title() == f"1. {LONG.strip()}"  # the whole name is what the box holds
    assert box.mapTo(page, box.rect().topRight()).x() <= view.viewport().width()
    # what is painted is a shortened title ending in an ellipsis, within the box
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    assert option.text.endswith("…") and option.text.startswith("1. Prove the")
    assert box.fontMetrics().horizontalAdvance(option.text) <= box.width()
    # the whole name: in a tooltip over the title, and in the Name field under it
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    event = QHelpEvent(QEvent.Type.ToolTip, label.center(), box.mapToGlobal(label.center()))
    QApplication.sendEvent(box, event)
    assert QToolTip.text() == f"1. {LONG.strip()}"
    QToolTip.hideText()
    name = page.findChild(QLineEdit, "stage.0.name")
    assert name.text() == LONG.strip() and name.toolTip() == LONG.strip()
    # a short name is not elided and has no tooltip of its own
    short = page.findChild(QGroupBox, "stage.1")
    short.initStyleOption(option)
    assert option.text == short.title() == f"2. {w.doc.plan.stages[1].name}"
