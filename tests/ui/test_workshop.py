"""Presentation mode in a workshop: it fits 1280x720 and 1920x1080, steps through the stages and the critical
path on the keyboard alone, blanks the screen, and keeps or discards the what-if edits as one undo step."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from planner.model import duration_triple
from planner.ui.views import format as fmt


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _fits(w, size: tuple[int, int]) -> bool:
    try:
        _assert_fits(w, size)
    except AssertionError:
        return False
    return True


def _assert_fits(w, size: tuple[int, int]) -> None:
    """The window keeps the screen's size, and every visible label lies inside it and shows its whole text."""
    assert w.size().toTuple() == size, f"the window grew to {w.size().toTuple()} on a {size} screen"
    frame = QRect(0, 0, *size)
    for label in w.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        top_left = label.mapTo(w, label.rect().topLeft())
        rect = QRect(top_left, label.size())
        scroll = label.parentWidget().parentWidget()  # labels inside a scroll area may scroll
        if "qt_scrollarea_viewport" not in (scroll.objectName() if scroll else ""):
            assert frame.contains(rect), (
                f"{label.objectName() or label.text()[:40]!r} at {rect} is off screen"
            )
        if not label.wordWrap():
            assert label.width() >= label.sizeHint().width() - 1, (
                f"{label.objectName() or label.text()[:40]!r} is clipped ({label.width()} < {label.sizeHint().width()})"
            )


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_fits_the_projector(presenting, size, qtbot):
    w = presenting
    w.resize(*size)
    _settle()
    w.doc.select(["ai-gateway"])  # the longest explanation in the bar
    p = w.presentation
    p.enter(full_screen=False)
    _settle()
    _assert_fits(w, size)
    assert p.bar.explanation.isVisible()
    # every step of the deck fits too
    for k in range(1, len(p.deck)):
        p.go_to(k)
        _settle()
        _assert_fits(w, size)
        assert p.step_panel.isVisible()
        panel = p.step_panel.mapTo(w, p.step_panel.rect().topLeft())
        assert panel.x() + p.step_panel.width() <= size[0]
    # the table and the charts, in large type
    for view in ("Table", "Gantt", "Risk", "Capacity"):
        p.go_to(0)
        w.show_view(view)
        _settle()
        # the Risk tab starts a simulation (after a moment): the bar's P80 says "being simulated…", then its figure;
        # a clean CI run measured the label between its new text and the layout that follows it (308 < 415 px). The
        # bar is judged once it has settled: every label fits within a few seconds, else the failure says which
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: _fits(w, size), timeout=10_000)
        _assert_fits(w, size)
    table = w.table_view.table
    assert table.verticalHeader().defaultSectionSize() >= table.fontMetrics().height() + 4
    gantt = w.chart_tabs["gantt"].chart
    assert gantt.figure.dpi >= 100 * 1.5  # chart text enlarged with the UI
    p.leave()
    assert gantt.figure._original_dpi == 100


def test_stage_walk_through_on_the_keyboard(presenting):
    w = presenting
    p = w.presentation
    plan = w.doc.plan
    p.enter(full_screen=False)
    _settle()
    assert p.current_step.kind == "overview" and not p.step_panel.isVisible()
    QTest.keyClick(w.canvas, Qt.Key.Key_S)
    _settle()
    names = [s.name for s in plan.stages]
    for k, name in enumerate(names):
        step = p.current_step
        assert step.kind == "stage" and step.title == f"Stage {k + 1} of {len(names)} · {name}"
        assert p.step_panel.title.text() == step.title and p.step_panel.isVisible()
        members = [d.id for d in plan.decisions if d.stage == plan.stages[k].id]
        assert step.spotlight == members
        scene = w.canvas.graph_scene
        assert all(scene.cards[i].opacity() == 1.0 for i in members)
        assert all(c.opacity() < 1.0 for i, c in scene.cards.items() if i not in members)
        body = p.step_panel.body.text()
        result = w.doc.analysis.stages.stages[k]
        if plan.stages[k].gate_criteria:
            assert f"Gate: {result.criteria_met} of {result.criteria_total} criteria met" in body
            assert plan.stages[k].gate_criteria[0].text.split()[0] in body
        if k:
            assert "Waits for" in body
        if k + 1 < len(names):
            assert "Unblocks" in body
        QTest.keyClick(w.canvas, Qt.Key.Key_PageDown if k % 2 else Qt.Key.Key_Right)
        _settle()
    assert p.current_step.kind == "critical"
    QTest.keyClick(w.canvas, Qt.Key.Key_PageUp)
    _settle()
    assert p.current_step.title.endswith(names[-1])
    QTest.keyClick(w.canvas, Qt.Key.Key_Home)
    _settle()
    assert p.current_step.kind == "overview" and not p.step_panel.isVisible()
    assert all(c.opacity() == 1.0 for c in w.canvas.graph_scene.cards.values())


def test_critical_path_spotlight_steps_one_decision_at_a_time(presenting):
    w = presenting
    p = w.presentation
    chain = list(w.doc.analysis.schedule.critical_path)
    p.enter(full_screen=False)
    QTest.keyClick(w.canvas, Qt.Key.Key_C)
    _settle()
    scene = w.canvas.graph_scene
    for k, did in enumerate(chain[:4]):
        step = p.current_step
        assert step.kind == "critical" and step.title == f"Critical path {k + 1} of {len(chain)}"
        assert w.doc.selection == [did]
        d = w.doc.decision(did)
        assert d.title.split()[0] in p.step_panel.body.text()
        assert w.doc.analysis.explain(did).critical_text[:30] in p.step_panel.body.text()
        assert all(scene.cards[i].opacity() == 1.0 for i in chain)
        assert all(c.opacity() < 1.0 for i, c in scene.cards.items() if i not in chain)
        # the decision is in view
        card = scene.cards[did].sceneBoundingRect()
        seen = w.canvas.mapToScene(w.canvas.viewport().rect()).boundingRect()
        assert seen.contains(card.center())
        QTest.keyClick(w.canvas, Qt.Key.Key_Space)
        _settle()


def test_blank_screen_with_b_and_back(presenting):
    w = presenting
    p = w.presentation
    p.enter(full_screen=False)
    QTest.keyClick(w.canvas, Qt.Key.Key_B)
    _settle()
    assert p.blank.isVisible() and p.blank.geometry() == w.rect()
    image = p.blank.grab().toImage()
    assert image.pixelColor(10, 10).name() == "#000000"
    QTest.keyClick(p.blank, Qt.Key.Key_B)
    assert not p.blank.isVisible()
    QTest.keyClick(w.canvas, Qt.Key.Key_B)
    QTest.keyClick(p.blank, Qt.Key.Key_Escape)  # Esc brings the picture back, it does not leave
    assert not p.blank.isVisible() and p.active


def _what_if(w, qtbot, did: str, presses: int) -> None:
    w.activateWindow()  # back from the prompt: the window's shortcuts work when it is the active one
    qtbot.waitUntil(w.isActiveWindow)
    w.doc.select([did])
    for _ in range(presses):
        QTest.keyClick(w.canvas, Qt.Key.Key_Plus)
    w.doc.analyze_now()


def test_what_if_changes_are_kept_as_one_undo_step_or_discarded(presenting, qtbot):
    w = presenting
    doc = w.doc
    p = w.presentation
    stack = doc.undo_stack
    chain = list(doc.analysis.schedule.critical_path)
    did = next(i for i in reversed(chain) if not doc.decision(i).milestone)
    before = duration_triple(doc.decision(did).duration)
    finish = doc.analysis.schedule.finish

    p.enter(full_screen=False)
    assert not p.bar.delta.isVisible()
    _what_if(w, qtbot, did, 2)
    assert doc.analysis.schedule.finish == pytest.approx(finish + 2)
    assert "+2 wks" in p.bar.delta.text() and p.bar.delta.isVisible()  # the finish delta since the start

    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    box = p.leave_prompt
    assert box is not None and p.active
    assert "Keep the 2 changes" in box.text() and "+2 wks" in box.text()
    box.button(QMessageBox.StandardButton.Discard).click()
    _settle()
    assert not p.active
    assert duration_triple(doc.decision(did).duration) == before and stack.index() == 0

    p.enter(full_screen=False)
    _what_if(w, qtbot, did, 3)
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    p.leave_prompt.button(QMessageBox.StandardButton.Save).click()
    _settle()
    assert not p.active
    assert duration_triple(doc.decision(did).duration) == tuple(x + 3 for x in before)
    assert stack.index() == 1 and stack.undoText() == "Presentation Changes"
    assert w.undo_action.text() == "&Undo Presentation Changes"
    w.undo()
    doc.analyze_now()
    assert duration_triple(doc.decision(did).duration) == before
    assert doc.analysis.schedule.finish == pytest.approx(finish)
    w.redo()
    assert duration_triple(doc.decision(did).duration) == tuple(x + 3 for x in before)
    # the table and inspector follow the swapped plan
    doc.select([did])
    assert w.inspector.form.decision is doc.decision(did)
    assert w.inspector.form.likely.value() == before[1] + 3

    # Cancel stays in the presentation; no edit: Esc leaves at once
    p.enter(full_screen=False)
    _what_if(w, qtbot, did, 1)
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    p.leave_prompt.button(QMessageBox.StandardButton.Cancel).click()
    _settle()
    assert p.active
    w.undo()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert not p.active and p.leave_prompt is None
    assert fmt.weeks(1) == "1"
