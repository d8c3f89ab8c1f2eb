"""Findings show their full message as a wrapped tooltip, built only when asked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from planner.model import Decision, new_plan
from planner.ui.state.document import PlanDocument
from planner.ui.views.panels import FindingsPanel

pytestmark = pytest.mark.gui


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen QToolTip
def test_tooltip_is_the_wrapped_message(qtbot) -> None:
    plan = new_plan()
    plan.decisions.append(
        Decision(id="lonely", title="A decision " + "with a long title " * 8, stage="validate")
    )
    doc = PlanDocument(plan)
    doc.analyze_now()
    panel = FindingsPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(500, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.expandAll()
    group = panel.topLevelItem(0)
    assert group is not None
    children = [c for i in range(group.childCount()) if (c := group.child(i)) is not None]
    item = max(children, key=lambda c: len(c.text(0)))  # the missing-owner note naming the long title
    assert "lonely" in item.text(0) and item.toolTip(0) == ""  # nothing built up front
    finding = item.data(0, 0x0100)
    rect = panel.visualItemRect(item)
    pos = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, panel.viewport().mapToGlobal(pos))
    QApplication.sendEvent(panel.viewport(), event)
    shown = QToolTip.text()
    QToolTip.hideText()
    assert shown.replace("\n", " ") == finding.message
    assert "\n" in shown  # long messages are wrapped
    doc.shutdown()
