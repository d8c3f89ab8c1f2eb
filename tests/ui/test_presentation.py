"""Presentation mode: full screen, large type, the presenter bar, live what-if edits, and an exact way back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from planner.model import ThreePoint
from planner.ui.presentation.mode import CANVAS_ZOOM, FONT_SCALE, room_scale
from planner.ui.views import format as fmt


def test_enter_and_leave_restore_the_window(presenting, qtbot):
    w = presenting
    p = w.presentation
    docks = {d.objectName(): d.isVisible() for d in (w.inspector_dock, w.findings_dock)}
    assert any(docks.values())
    font = w.font()
    geometry = w.geometry()
    zoom = w.canvas.zoom
    assert not p.active and not p.toggle_action.isChecked()
    assert p.toggle_action in w.view_menu.actions()

    QTest.keyClick(w.canvas, Qt.Key.Key_F11)
    assert p.active and p.toggle_action.isChecked()
    qtbot.waitUntil(lambda: w.isFullScreen())
    assert not w.inspector_dock.isVisible() and not w.findings_dock.isVisible()
    assert not w.menuBar().isVisible() and not w.statusBar().isVisible()
    assert not w.table_view.search.isVisibleTo(w.table_view)
    # in proportion to the screen (room_scale: 0.625 on the tests' 800x800 screen, 1 from 1280x720 to 1920x1080)
    scale = room_scale(w.screen().geometry())
    assert p.scale == scale
    assert w.font().pointSizeF() == pytest.approx(font.pointSizeF() * FONT_SCALE * scale)
    assert w.views.currentWidget() is w.canvas  # the current view stays
    assert w.canvas.zoom >= CANVAS_ZOOM * scale - 1e-6
    assert p.bar is not None and p.bar.isVisible()

    w.presentation_action.trigger()
    assert not p.active and not p.toggle_action.isChecked()
    assert p.bar is None
    qtbot.waitUntil(lambda: not w.isFullScreen())
    qtbot.waitUntil(lambda: w.geometry() == geometry)
    assert {d.objectName(): d.isVisible() for d in (w.inspector_dock, w.findings_dock)} == docks
    assert w.menuBar().isVisible() and w.statusBar().isVisible()
    assert w.table_view.search.isVisibleTo(w.table_view)
    assert w.font() == font
    assert not w.testAttribute(Qt.WidgetAttribute.WA_SetFont)
    qtbot.waitUntil(lambda: abs(w.canvas.zoom - zoom) < 1e-9)
    qtbot.waitUntil(lambda: w.findChild(QToolBar, "presenterToolBar") is None)  # deleted, not just hidden


def test_presenter_bar_shows_figures_and_the_selected_explanation(presenting, qtbot):
    w = presenting
    p = w.presentation
    p.enter()
    a = w.doc.analysis
    assert fmt.when(w.doc.plan, a.schedule.finish) in p.bar.finish.text()
    assert f"{int(a.schedule.critical.sum())} of {len(w.doc.plan.decisions)}" in p.bar.critical.text()
    assert "Gated" in p.bar.gated.text()
    assert not p.bar.explanation.isVisible()  # nothing selected yet
    assert not p.bar.p80.isVisible()  # no simulation yet

    w.doc.select(["ai-gateway"])
    e = a.explain("ai-gateway")
    text = p.bar.explanation.text()
    assert p.bar.explanation.isVisible()
    assert "behind the bank" in text
    assert e.critical_text in text
    assert e.start_reason in text

    with qtbot.waitSignal(w.simulation.finished, timeout=30_000):
        w.simulation.start(300, 7)
    assert p.bar.p80.isVisible()
    assert fmt.when(w.doc.plan, w.simulation.result.percentile(80)) in p.bar.p80.text()


def test_plus_and_minus_change_the_duration_one_undo_step_each(presenting, qtbot):
    w = presenting
    doc = w.doc
    stack = doc.undo_stack
    doc.select(["ai-gateway"])
    before = doc.decision("ai-gateway").duration
    assert before == ThreePoint(optimistic=2, likely=3, pessimistic=5)

    QTest.keyClick(w.canvas, Qt.Key.Key_Plus)  # not presenting: + does nothing
    assert doc.decision("ai-gateway").duration == before and stack.count() == 0

    w.presentation.enter()
    QTest.keyClick(w.canvas, Qt.Key.Key_Plus)
    assert doc.decision("ai-gateway").duration == ThreePoint(optimistic=3, likely=4, pessimistic=6)
    assert stack.count() == 1 and stack.undoText() == "Change Duration"
    QTest.keyClick(w.canvas, Qt.Key.Key_Minus)
    QTest.keyClick(w.canvas, Qt.Key.Key_Minus)
    assert doc.decision("ai-gateway").duration == ThreePoint(optimistic=1, likely=2, pessimistic=4)
    assert stack.count() == 3
    qtbot.waitUntil(lambda: "2 wks" in w.presentation.bar.explanation.text())

    QTest.keyClick(w.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.decision("ai-gateway").duration == ThreePoint(optimistic=2, likely=3, pessimistic=5)
    w.undo()
    w.undo()
    assert doc.decision("ai-gateway").duration == before
    assert w.presentation.active  # editing does not leave the presentation

    # Shortening stops when the likely estimate reaches 0: the spread (o/l/p) is never eaten away.
    for _ in range(6):
        QTest.keyClick(w.canvas, Qt.Key.Key_Minus)
    assert doc.decision("ai-gateway").duration == ThreePoint(optimistic=0, likely=0, pessimistic=2)
    QTest.keyClick(w.canvas, Qt.Key.Key_Plus)
    assert doc.decision("ai-gateway").duration == ThreePoint(optimistic=1, likely=1, pessimistic=3)


def test_escape_closes_the_edit_inspector_then_leaves(presenting, qtbot):
    w = presenting
    p = w.presentation
    inspector_visible = w.inspector_dock.isVisible()
    QTest.keyClick(
        w.canvas, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert p.active
    w.doc.select(["ai-gateway"])
    card = w.canvas.mapFromScene(w.canvas.graph_scene.selectedItems()[0].sceneBoundingRect().center())
    QTest.mouseDClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, card)
    qtbot.waitUntil(lambda: w.inspector_dock.isVisible())
    assert p.active

    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)  # first Esc: back to the audience view
    assert p.active and not w.inspector_dock.isVisible()
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert not p.active
    assert w.inspector_dock.isVisible() == inspector_visible
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)  # not presenting: Esc is the canvas's again, nothing breaks
    assert not p.active
