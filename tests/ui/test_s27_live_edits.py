"""Editing a plan live in a workshop (H-live27's walk): + / − on the decision picked on a stage step (Tab), again
and again, with the presenter bar's figures those of the saved plan's analysis (one truth)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.analysis import analyze
from planner.model import duration_triple
from planner.model.io import load_plan, save_plan
from planner.ui.views import format as fmt
from tests.ui.s18_screens_support import settle

K = Qt.Key


def _key(qtbot, window, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key)
    settle()


def _text(label) -> str:
    return re.sub("<[^>]+>", "", label.text())


def _enter(window, qtbot):
    p = window.presentation
    p.enter(full_screen=False)
    settle()
    window.doc.wait_for_analysis()
    settle()
    window.canvas.setFocus()
    return p


def test_plus_on_a_stage_steps_decision_again_and_again(presenting, qtbot, tmp_path: Path):
    w = presenting
    p = _enter(w, qtbot)
    _key(qtbot, w, K.Key_S)
    assert p.current_step.kind == "stage"
    # Tab to a decision of the stage that is still to do (its duration moves the schedule)
    for _ in range(len(p.step_decisions())):
        _key(qtbot, w, K.Key_Tab)
        d = w.doc.decision(w.doc.selection[0])
        if str(d.status) != "done" and not d.milestone:
            break
    picked = w.doc.selection[0]
    likely = duration_triple(w.doc.decision(picked).duration)[1]
    for n in range(1, 4):
        _key(qtbot, w, K.Key_Plus)
        qtbot.waitUntil(lambda: w.doc.drawable_analysis is not None)
        settle()
        # was: the edit's analysis rebuilt the step and selected nothing: the second + did nothing
        assert w.doc.selection == [picked]
        assert duration_triple(w.doc.decision(picked).duration)[1] == likely + n
    assert p.current_step.kind == "stage" and p.active
    # the bar says what the analysis of the saved plan says
    path = tmp_path / "edited.plan.json"
    save_plan(w.doc.plan, path)
    plan = load_plan(path)
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None
    assert _text(p.bar.finish) == f"Finish {fmt.when(plan, a.schedule.finish)}"
    assert _text(p.bar.gated) == f"Gated {fmt.gated(plan, a.stages.gated_finish, a.stages.gating_price)}"
    assert _text(p.bar.critical) == f"Critical {int(a.schedule.critical.sum())} of {len(plan.decisions)}"
    assert w.doc.undo_stack.index() - p.session_index == 3
