"""Editing a plan live in a workshop (H-live27's walk): + / − on the decision picked on a stage step (Tab), again
and again, with the presenter bar's figures those of the saved plan's analysis (one truth)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.analysis import analyze
from planner.model import duration_triple
from planner.model.io import load_plan, save_plan
from planner.ui.views import format as fmt
from tests.ui.s18_screens_support import finish_simulation, opened_sample, settle

K = Qt.Key


def _key(qtbot, window, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key)
    settle()


def _text(label) -> str:
    return html.unescape(re.sub("<[^>]+>", "", label.text()))


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


def test_a_key_that_does_nothing_says_why_in_the_bar(presenting, qtbot):
    """The status bar that said why (+ on a milestone, N without scenarios) is hidden while presenting: the key
    seemed broken. A done decision's duration moves nothing (it sits at its finish), yet + changed it and the
    session counted a change to keep."""
    w = presenting
    p = _enter(w, qtbot)
    stack = w.doc.undo_stack
    at = stack.index()
    milestone = next(d for d in w.doc.plan.decisions if d.milestone)
    done = next(d for d in w.doc.plan.decisions if str(d.status) == "done" and not d.milestone)
    before = done.duration
    w.doc.select([milestone.id])
    settle()
    assert not p.bar.notice.isVisible()
    _key(qtbot, w, K.Key_Plus)
    assert p.bar.notice.isVisible() and "milestone" in p.bar.notice.text()
    assert milestone.title in p.bar.notice.text()
    w.doc.select([done.id])
    settle()
    assert not p.bar.notice.isVisible()  # (a new selection: the note was about the other one)
    _key(qtbot, w, K.Key_Plus)
    assert p.bar.notice.isVisible() and "is done" in p.bar.notice.text()
    assert w.doc.decision(done.id).duration == before and stack.index() == at
    assert not w.doc.scenarios.names()
    _key(qtbot, w, K.Key_N)
    assert p.bar.notice.isVisible() and "no scenarios" in p.bar.notice.text()
    # the note fits in the bar, inside the window
    bar = p.toolbar
    assert bar is not None
    assert bar.mapTo(w, bar.rect().bottomLeft()).y() <= w.height()
    assert p.bar.notice.geometry().bottom() <= p.bar.height()


def test_a_blank_screen_edits_nothing(presenting, qtbot):
    """B blacks out the screen; + / −, Ctrl+Z, N or PgDn then changed the plan (or moved the deck) where the room
    could not see it."""
    w = presenting
    p = _enter(w, qtbot)
    _key(qtbot, w, K.Key_C)
    picked = w.doc.selection[0]
    _key(qtbot, w, K.Key_Plus)
    qtbot.waitUntil(lambda: w.doc.drawable_analysis is not None)
    settle()
    stack = w.doc.undo_stack
    at, duration, position = stack.index(), w.doc.decision(picked).duration, p.position
    _key(qtbot, w, K.Key_B)
    assert p.blank.isVisible()
    _key(qtbot, w, K.Key_Plus)
    _key(qtbot, w, K.Key_Minus)
    qtbot.keyClick(QApplication.focusWidget() or w, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    _key(qtbot, w, K.Key_PageDown)
    assert stack.index() == at and w.doc.decision(picked).duration == duration
    assert p.position == position and p.blank.isVisible()
    _key(qtbot, w, K.Key_B)
    assert not p.blank.isVisible()
    _key(qtbot, w, K.Key_Plus)  # seen again: the keys edit again
    assert stack.index() == at + 1


def test_since_the_start_after_the_first_scenario_of_a_plan_just_opened(qtbot, isolated_settings):
    """N on a plan just opened (its undo history empty) came while the scenario step was being pushed: it looked
    like another plan, and the session started again from the scenario. 'Since the start' was gone for the rest of
    the session and the Keep / Discard question no longer said how far the finish had moved."""
    from tests.ui.conftest import SAMPLES

    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1366, 768)) as w:
        w.show_view("Graph")
        settle()
        p = _enter(w, qtbot)
        start = w.doc.drawable_analysis.schedule.finish
        assert w.doc.undo_stack.count() == 0
        _key(qtbot, w, K.Key_N)
        qtbot.waitUntil(lambda: w.doc.drawable_analysis is not None)
        settle()
        assert w.doc.scenarios.active is not None
        assert p.session_index == 0  # the session still starts where presenting started
        _key(qtbot, w, K.Key_C)
        _key(qtbot, w, K.Key_Plus)
        qtbot.waitUntil(lambda: w.doc.drawable_analysis is not None)
        settle()
        finish = w.doc.drawable_analysis.schedule.finish
        assert finish != start
        assert p.finish_delta() == finish - start
        assert "Since the start" in _text(p.bar.delta)
        prompt = p.request_leave()
        assert prompt is not None and "The finish moved" in prompt.text()
        p.dismiss_leave_prompt()
        p.leave()


def test_a_plan_without_decisions_shows_each_stage_step_on_the_plan(window, qtbot):
    """A stage step without decisions left the view where the last step had put it: 'Stage 4 of 4' beside the
    second stage's band. And + asked to select a decision of a plan that has none."""
    w = window
    assert not w.doc.plan.decisions and len(w.doc.plan.stages) > 1
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    qtbot.waitUntil(lambda: w.canvas.isVisible())
    w.resize(1280, 720)
    settle()
    p = _enter(w, qtbot)
    canvas = w.canvas
    seen = []
    for _ in range(len(w.doc.plan.stages)):
        _key(qtbot, w, K.Key_PageDown)
        assert p.current_step.kind == "stage"
        shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        assert shown.contains(canvas.graph_scene.content_rect()), p.current_step.title
        seen.append(p.current_step.title)
    assert len(set(seen)) == len(w.doc.plan.stages)
    _key(qtbot, w, K.Key_Plus)
    assert p.bar.notice.isVisible() and "no decisions" in p.bar.notice.text()
    p.leave()


def test_p80_after_an_edit_says_it_is_out_of_date(presenting, qtbot):
    """A simulation's P80 in the bar; after + the run is of another plan: the figure vanished without a word."""
    w = presenting
    w.simulation.start(300, 1)
    finish_simulation(w)
    p = _enter(w, qtbot)
    result = w.simulation.result
    assert result is not None and not w.simulation.stale
    assert p.bar.p80.isVisible()
    assert _text(p.bar.p80) == f"P80 {fmt.when(w.doc.plan, result.percentile(80))}"
    _key(qtbot, w, K.Key_C)
    _key(qtbot, w, K.Key_Plus)
    qtbot.waitUntil(lambda: w.doc.drawable_analysis is not None and w.simulation.stale)
    settle()
    assert p.bar.p80.isVisible() and "out of date" in _text(p.bar.p80)  # was: hidden
    w.simulation.start(300, 1)
    assert p.bar.p80.isVisible() and "being simulated" in _text(p.bar.p80)
    finish_simulation(w)
    settle()
    result = w.simulation.result
    assert result is not None
    assert _text(p.bar.p80) == f"P80 {fmt.when(w.doc.plan, result.percentile(80))}"


def _wait_analysed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.doc.drawable_analysis is not None)
    settle()


def test_shortening_a_critical_decision_edits_only_that_decision(presenting, qtbot):
    """On 'Critical path 3 of 15', − until the decision left the path: the step at the same place of the new path
    showed another decision, and the next − shortened that one (three decisions edited, the presenter meant one)."""
    w = presenting
    p = _enter(w, qtbot)
    _key(qtbot, w, K.Key_C)
    _key(qtbot, w, K.Key_PageDown)
    _key(qtbot, w, K.Key_PageDown)
    picked = p.current_step.focus
    assert picked is not None and w.doc.selection == [picked]
    others = {d.id: d.duration for d in w.doc.plan.decisions if d.id != picked}
    left = False
    for _ in range(int(duration_triple(w.doc.decision(picked).duration)[1])):
        _key(qtbot, w, K.Key_Minus)
        _wait_analysed(qtbot, w)
        assert w.doc.selection == [picked]
        left = not any(st.focus == picked for st in p.deck)
        if left:
            break
        assert p.current_step.focus == picked  # its own step, wherever it now is on the path
    assert {d.id: d.duration for d in w.doc.plan.decisions if d.id != picked} == others
    assert left  # (the sample's third critical decision leaves the path when shortened)
    assert p.current_step.kind == "overview"
    assert p.bar.notice.isVisible() and "no longer on the critical path" in p.bar.notice.text()
    assert "not critical" in _text(p.bar.explanation)


def test_a_chain_decision_picked_with_tab_stays_picked_after_an_edit(presenting, qtbot):
    """Tab on a critical-path step picks another decision of the chain; after + the step selected its own decision
    again, so the next + lengthened that one."""
    w = presenting
    p = _enter(w, qtbot)
    _key(qtbot, w, K.Key_C)
    own = p.current_step.focus
    _key(qtbot, w, K.Key_Tab)
    picked = w.doc.selection[0]
    assert picked != own
    likely = duration_triple(w.doc.decision(picked).duration)[1]
    for n in (1, 2):
        _key(qtbot, w, K.Key_Plus)
        _wait_analysed(qtbot, w)
        assert w.doc.selection == [picked]
        assert duration_triple(w.doc.decision(picked).duration)[1] == likely + n


def test_a_stage_step_says_which_of_its_decisions_the_graph_draws_in_a_later_band():
    """The graph draws a decision in the band of the stage it runs in under strict gates: 'Validate · 40
    decisions' on the band beside '50 decisions' in the panel, with no word of the 10 drawn further right."""
    from planner.ui.presentation.workshop import stage_steps
    from tests.ui.conftest import SAMPLES

    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    a = analyze(plan)
    assert a.stages is not None
    moves = a.stages.sequencing_moves()
    assert moves  # (the sample moves decisions under strict gates)
    steps = {st.title.split(" · ", 1)[1]: st for st in stage_steps(a)}
    names = {s.id: s.name for s in plan.stages}
    for (frm, _to, _ids), text in zip(moves, a.stages.sequencing_text(), strict=True):
        body = steps[names[frm]].body_html
        assert text in body, (frm, body)


def test_keep_after_showing_a_scenario_says_what_undo_holds(qtbot, isolated_settings):
    """After N the kept changes stay as separate steps (one step would span two plans), yet the question said
    'Kept changes are one step that Undo takes back'."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import SAMPLES

    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1366, 768)) as w:
        w.show_view("Graph")
        settle()
        p = _enter(w, qtbot)
        _key(qtbot, w, K.Key_N)
        _wait_analysed(qtbot, w)
        _key(qtbot, w, K.Key_C)
        _key(qtbot, w, K.Key_Plus)
        _wait_analysed(qtbot, w)
        n = w.doc.undo_stack.index() - p.session_index
        assert n == 2
        prompt = p.request_leave()
        assert prompt is not None
        assert "one step" not in prompt.informativeText()
        assert "2 steps" in prompt.informativeText()
        prompt.button(QMessageBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not p.active)
        assert w.doc.undo_stack.index() == n  # as it said: two steps
        assert w.doc.undo_stack.undoText() == "Change Duration"


def test_a_view_switched_to_while_editing_in_the_inspector_leaves_the_keys_to_the_presenter(
    presenting, qtbot
):
    """Enter opens the decision; typing in its title, Alt+2 shows another view and presenting hides the inspector.
    Qt handed the focus on to that view's first field (the Cost tab's), and the next + went into it as text."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit

    w = presenting
    p = _enter(w, qtbot)
    _key(qtbot, w, K.Key_S)
    _key(qtbot, w, K.Key_Tab)
    for _ in range(len(p.step_decisions())):
        d = w.doc.decision(w.doc.selection[0])
        if str(d.status) != "done" and not d.milestone:
            break
        _key(qtbot, w, K.Key_Tab)
    picked = w.doc.selection[0]
    title = w.doc.decision(picked).title
    likely = duration_triple(w.doc.decision(picked).duration)[1]
    _key(qtbot, w, K.Key_Return)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and w.inspector_dock.isVisible()
    qtbot.keyClick(field, K.Key_End)
    qtbot.keyClicks(field, " (v2)")
    before = w.views.currentIndex()
    qtbot.keyClick(field, K.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.views.currentIndex() != before and not w.inspector_dock.isVisible())
    settle()
    assert w.doc.decision(picked).title == title + " (v2)"  # what was typed is kept
    focus = QApplication.focusWidget()
    assert not isinstance(focus, QLineEdit | QAbstractSpinBox | QComboBox), focus
    _key(qtbot, w, K.Key_Plus)
    assert duration_triple(w.doc.decision(picked).duration)[1] == likely + 1


def test_a_long_why_leaves_the_room_its_graph(qtbot, isolated_settings):
    """The why of a decision whose longest chain runs through thirteen decisions took six lines of the bar: 43 %
    of a 1280x720 screen. A why taller than WHY_SHARE of the screen is left to Enter; on a larger screen it fits
    and is shown."""
    from planner.ui.presentation.mode import WHY_SHARE
    from tests.ui.conftest import SAMPLES

    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720)) as w:
        w.show_view("Graph")
        settle()
        p = _enter(w, qtbot)
        a = w.doc.analysis
        longest = max(w.doc.plan.decisions, key=lambda d: len(a.explain(d.id).critical_text))
        # (session 34 names a long chain by its ends: the why is made long by the title of what drives it)
        driver = a.explain(longest.id).driver
        assert driver is not None
        w.doc.edit_decision(driver, title="Score live traffic in shadow mode for one market " * 6)
        w.doc.wait_for_analysis()
        settle()
        why = w.doc.analysis.explain(longest.id).start_reason
        w.doc.select([longest.id])
        settle()
        label = p.bar.explanation
        assert label.isVisible() and longest.title in _text(label)
        assert why not in _text(label) and "Enter: why" in _text(label)
        assert label.height() <= WHY_SHARE * w.height()
        w.resize(1920, 1080)
        qtbot.waitUntil(lambda: why in _text(label))
        assert label.height() <= WHY_SHARE * w.height()
        p.leave()
