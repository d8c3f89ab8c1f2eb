"""The Plan & stages view in a narrow inspector dock (s17 workshop sweep, 800x600). The status date row (Set, the
date, Today) and each stage's buttons (Add criterion, Remove stage) sat side by side and needed 271 px; the dock had
~245, so the view scrolled sideways with the title, dates and every stage field cut at the right edge
(/tmp/s17ws/png/fraud-plan-800.png; after: after-fraud-plan-800.png). They wrap now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


@pytest.mark.parametrize("dock_width", [258, 400])  # 258: what the dock gets at 800x600
def test_the_plan_view_fits_a_narrow_dock(sample_window, qtbot, dock_width):
    w = sample_window
    w.resize(800, 600)
    qtbot.waitUntil(lambda: w.size() == QSize(800, 600))
    w.inspector_tabs.setCurrentWidget(w.plan_view)
    w.resizeDocks([w.inspector_dock], [dock_width], Qt.Orientation.Horizontal)
    _settle()
    view = w.plan_view
    page = view.widget()
    assert page.minimumSizeHint().width() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    # every button and field lies inside the view's width
    right = view.viewport().width()
    for child in page.findChildren(QWidget):
        if child.isVisible() and child.objectName().startswith(("plan.", "stage.")):
            x = child.mapTo(page, child.rect().topRight()).x()
            assert x <= right, (child.objectName(), x, right)
    today = page.findChild(QWidget, "plan.status_today")
    assert today is not None and today.isVisible()
