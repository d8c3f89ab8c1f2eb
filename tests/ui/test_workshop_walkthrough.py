"""A consultant's walk through the app in a workshop: what-if edits while presenting, with every tab visited,
never show an older schedule mixed with the edited plan (which failed, or crashed the process), and every view
catches up with the document's analysis once it arrives."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from planner.ui.main_window import MainWindow
from planner.ui.views.models import DecisionIdRole
from planner.units import format_weeks
from tests.ui.conftest import TABS


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


@pytest.fixture
def presenting(sample_window: MainWindow) -> Iterator[MainWindow]:
    w = sample_window
    w.doc.wait_for_analysis()
    for tab in TABS:  # every tab built and drawn once, as after a walk through them
        w.show_view(tab)
        _settle()
    w.show_view("Graph")
    w.presentation.enter(full_screen=False)
    _settle()
    yield w
    if w.presentation.leave_prompt is not None:
        w.presentation.leave_prompt.done(0)
    w.presentation.leave()
    if w.presentation.leave_prompt is not None:
        w.presentation.leave_prompt.done(0)


def test_adding_a_decision_while_presenting_updates_the_bar(presenting: MainWindow) -> None:
    """Add Decision selects the new card at once, before its analysis: the presenter bar refreshed on that
    selection and costed the older schedule with the edited plan (KeyError: 'decision')."""
    w = presenting
    bar = w.presentation.bar
    n = len(w.doc.plan.decisions)
    assert f"of {n}" in bar.critical.text()
    new_id = w.add_decision()
    assert w.doc.selection == [new_id]
    w.doc.wait_for_analysis()
    _settle()
    a = w.doc.analysis
    assert a is not None and a.schedule is not None and new_id in a.schedule.index
    assert f"{int(a.schedule.critical.sum())} of {n + 1}" in bar.critical.text()
    assert format_weeks(a.schedule.finish) in bar.finish.text()
    w.undo()
    w.doc.wait_for_analysis()
    _settle()
    assert f"of {n}" in bar.critical.text() and w.doc.selection == []


@pytest.fixture
def slow_analysis(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every plan is analysed in the worker (as a plan of 2,000 decisions or more is), and the worker waits
    until the test sets the event: the time between an edit and its analysis, made as long as a big plan's."""
    from planner.ui.state import document

    release = threading.Event()
    real = document.analyze_snapshot

    def held(plan, estimate):
        release.wait(60)
        return real(plan, estimate)

    monkeypatch.setattr(document.PlanDocument, "SYNC_LIMIT", 0)
    monkeypatch.setattr(document.PlanDocument, "INCREMENTAL_LIMIT", -1)
    monkeypatch.setattr(document, "analyze_snapshot", held)
    yield release
    release.set()


@pytest.mark.parametrize("edit", ["add", "delete", "link", "unlink"])
def test_every_view_waits_for_the_analysis_of_an_edit(presenting: MainWindow, slow_analysis, edit) -> None:
    """While an edit is analysed, visiting every tab and selecting decisions keeps the last pictures (the Roadmap
    tab's show event raised IndexError on the older schedule with one more decision, and PySide died with a
    segmentation fault reporting it); the analysis then reaches the bar, the status bar and every chart."""
    w = presenting
    doc = w.doc
    ids = [d.id for d in doc.plan.decisions]
    before = doc.analysis
    assert before is not None and before.schedule is not None
    if edit == "add":
        w.add_decision()
    elif edit == "delete":
        doc.select([ids[5]])
        w.delete_selected()
        doc.select([ids[6]])
    elif edit == "link":
        assert doc.add_dependency(ids[0], ids[-1]) is None
        doc.select([ids[0]])
    else:
        doc.remove_dependencies([0, 1, 2])
        doc.select([ids[1]])
    assert not doc.analysis_current and doc.drawable_analysis is None
    draws = {}
    for tab in TABS:
        w.show_view(tab)
        _settle()
        chart = w.chart_tabs.get(tab.lower().replace(" ", "-"))
        if chart is not None and chart.chart is not None:
            draws[tab] = chart.chart.draw_count
    assert doc.analysis is before, "the analysis arrived before the test released it"
    # the presenter bar still shows the figures of the analysis it has (no error text, no blank)
    assert format_weeks(before.schedule.finish) in w.presentation.bar.finish.text()
    slow_analysis.set()
    w.show_view("Gantt")
    assert doc.wait_for_analysis()
    _settle()
    after = doc.analysis
    assert after is not before and after.schedule is not None
    bar = w.presentation.bar
    assert f"{int(after.schedule.critical.sum())} of {len(doc.plan.decisions)}" in bar.critical.text()
    assert format_weeks(after.schedule.finish) in w.status.finish.text()
    gantt = w.chart_tabs["gantt"].chart
    gantt.redraw_now()
    assert gantt.draw_count > draws["Gantt"]
    # the Cost tab (filled from plan and analysis together) shows the new plan's total
    from planner.analysis.cost import cost_summary, format_money

    w.show_view("Cost")
    _settle()
    s = cost_summary(doc.plan, after, None)
    assert s is not None
    assert format_money(s.breakdown.total, s.currency) in w.cost_tab.summary.text()


def test_the_presentation_keys_give_way_to_the_inspector_being_edited(presenting: MainWindow) -> None:
    """Double-click (or the inspector) to edit on the spot: with the focus in a box or check box, '-' shortened
    the selected decision and an arrow stepped the deck (selecting another decision under the presenter's
    hands). The keys now reach the control; with the focus back on the graph they step the deck again."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w = presenting
    p = w.presentation
    doc = w.doc
    target = doc.plan.decisions[3]
    doc.select([target.id])
    p.show_inspector()
    _settle()
    form = w.inspector.form
    position, index, duration = p.position, doc.undo_stack.index(), target.duration
    for control in (form.stage, form.owner, form.status):
        control.setFocus()
        _settle()
        for key in (Qt.Key.Key_Minus, Qt.Key.Key_Plus, Qt.Key.Key_Right, Qt.Key.Key_Left):
            QTest.keyClick(control, key)
            _settle()
            assert p.active and p.position == position, f"{key} stepped the deck from {control.objectName()}"
            assert doc.selection == [target.id]
            assert target.duration == duration, f"{key} changed the duration"
    assert doc.undo_stack.index() == index  # none of these keys picks another stage, owner or status
    form.milestone.setFocus()
    _settle()
    QTest.keyClick(form.milestone, Qt.Key.Key_Space)  # ticks the box: Space is not "next step" here
    _settle()
    assert p.position == position and form.milestone.isChecked() and doc.decision(target.id).milestone
    doc.undo_stack.undo()
    _settle()
    # the graph has the focus again: the same keys present
    w.canvas.setFocus()
    _settle()
    QTest.keyClick(w.canvas, Qt.Key.Key_Right)
    _settle()
    assert p.position == position + 1


def test_no_key_is_bound_twice_and_redo_answers_its_keys(sample_window: MainWindow) -> None:
    """Redo had Ctrl+Y twice (the platform's redo key, then Ctrl+Y again): Qt calls that an ambiguous shortcut
    and does nothing, so redo had no working key here (Ctrl+Shift+Z was not bound either)."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest

    w = sample_window
    w.doc.wait_for_analysis()
    bound = Counter(
        (ks.toString(), act.shortcutContext())
        for act in w.findChildren(QAction)
        for ks in act.shortcuts()
        if not ks.isEmpty()
    )
    assert [k for k, n in bound.items() if n > 1] == []
    w.show_view("Graph")
    w.canvas.setFocus()
    d = w.doc.plan.decisions[0]
    title = d.title
    assert w.doc.edit_decision(d.id, title="Changed on the spot") is None
    ctrl = Qt.KeyboardModifier.ControlModifier
    for key, mods, expected in (
        (Qt.Key.Key_Z, ctrl, title),
        (Qt.Key.Key_Y, ctrl, "Changed on the spot"),
        (Qt.Key.Key_Z, ctrl, title),
        (Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier, "Changed on the spot"),
    ):
        QTest.keyClick(w.canvas, key, mods)
        _settle()
        assert d.title == expected, f"{mods} {key.name} did nothing"


def test_a_crash_while_a_scenario_is_shown_restores_into_that_scenario(qtbot, window: MainWindow) -> None:
    """The last edit of a what-if scenario is kept in the recovery file (in the scenario's overrides), but the
    restored window showed Base, where that edit is not: the consultant saw it as lost."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import SAMPLES

    assert window.open_file(SAMPLES / "fraud-detection.plan.json")
    window.doc.analyze_now()
    scenario = window.doc.scenarios.names()[1]
    window.scenario_bar.switch(scenario)
    target = window.doc.plan.decisions[2]
    assert window.doc.edit_decision(target.id, title="Typed in the scenario before the crash") is None
    assert window.doc.set_duration(target.id, 7, 7, 7) is None
    window.write_recovery()
    window.recovery.abandon()  # as a killed process leaves it
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        assert second.doc.scenarios.active == scenario
        assert second.scenario_bar.combo.currentText() == scenario
        restored = second.doc.decision(target.id)
        assert restored is not None and restored.title == "Typed in the scenario before the crash"
        assert restored.duration == 7
        assert second.doc.is_modified and second.windowTitle().startswith(window.windowTitle()[:5])
        second.doc.wait_for_analysis()
        assert second.doc.analysis is not None and second.doc.analysis.plan is second.doc.plan
        # Base is one undo step away, as after a switch by hand, and does not have the scenario's edit
        second.undo()
        assert second.doc.scenarios.active is None
        base = second.doc.decision(target.id)
        assert base is not None and base.title != "Typed in the scenario before the crash"
    finally:
        second.discard_and_close()
        window.recovery.remove()


def test_a_read_only_plan_is_not_overwritten_and_save_as_keeps_the_changes(
    qtbot, window: MainWindow, tmp_path
) -> None:
    """Save replaced a read-only plan file (a rename in its folder, which the file's mode does not stop; the new
    file kept the read-only mode): the file someone had locked was changed without a word."""
    import os
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import SAMPLES, find_dialog

    path = tmp_path / "board.plan.json"
    shutil.copy(SAMPLES / "insights-assistant.plan.json", path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    try:
        assert window.open_file(path)
        assert "read-only" in window.statusBar().currentMessage()
        window.doc.add_decision("Agreed in the workshop")
        assert window.save() is False
        box = find_dialog(QMessageBox)
        assert isinstance(box, QMessageBox)
        assert "read-only" in box.text() and "Save As" in box.informativeText()
        box.done(0)
        assert path.read_bytes() == before and window.doc.is_modified
        copy = tmp_path / "board-workshop.plan.json"
        assert window.save_as(str(copy)) is True
        assert "Agreed in the workshop" in copy.read_text(encoding="utf-8") and not window.doc.is_modified
    finally:
        os.chmod(path, 0o644)


def test_presenting_a_plan_with_a_cycle_says_which_and_what_to_do(
    qtbot, window: MainWindow, tmp_path
) -> None:
    """A plan file with a cycle opens (SPEC 2) and can be presented; the presenter bar said 'no schedule yet',
    as if a schedule were on its way. It names the cycle and what to do; every tab and step stays up."""
    import json

    from tests.ui.conftest import SAMPLES

    data = json.loads((SAMPLES / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    first = data["dependencies"][0]
    data["dependencies"].append({"from": first["to"], "to": first["from"]})
    path = tmp_path / "cycle.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    w = window
    assert w.open_file(path)
    w.doc.wait_for_analysis()
    for tab in TABS:
        w.show_view(tab)
        _settle()
    w.show_view("Graph")
    p = w.presentation
    p.enter(full_screen=False)
    _settle()
    try:
        assert "no schedule: 1 error to fix" in p.bar.finish.text()
        assert p.bar.finish.width() >= p.bar.finish.sizeHint().width()  # not clipped
        text = p.bar.explanation.text()
        assert p.bar.explanation.isVisible() and p.bar.explanation.wordWrap()
        assert (
            f"{first['from']} -&gt; {first['to']}" in text or f"{first['to']} -&gt; {first['from']}" in text
        )
        assert "Fix it" in text and "Findings" in text
        for key in ("stage", "critical"):
            p.go_to_kind(key)  # nothing to step through: stays on the overview, no error
            _settle()
        assert p.current_step is not None and p.current_step.kind == "overview"
    finally:
        p.leave()


def test_presenting_right_after_an_edit_measures_from_the_edited_plan(
    sample_window: MainWindow, slow_analysis
) -> None:
    """Entering presentation while the last edit is still analysed (seconds on a big plan) took the older
    schedule's finish as the presentation's start: 'Since the start' then counted that edit, made before
    presenting, and the deck was built from a schedule of another plan."""
    w = sample_window
    doc = w.doc
    assert doc.analysis is not None and doc.analysis.schedule is not None
    w.show_view("Graph")
    sched = doc.analysis.schedule

    def open_work(i: str) -> bool:
        d = doc.decision(i)
        return d is not None and not d.milestone and d.status == "not_started"

    critical = next(i for i in sched.ids if sched.critical[sched.index[i]] and open_work(i))
    slack = next(i for i in sched.ids if sched.total_float[sched.index[i]] >= 2 and open_work(i))
    weeks = float(sched.duration[sched.index[critical]]) + 2
    before = sched.finish
    assert doc.set_duration(critical, weeks, weeks, weeks) is None  # the finish moves before presenting
    w.presentation.enter(full_screen=False)
    try:
        _settle()
        assert not doc.analysis_current, "the edit's analysis came before the presentation started"
        assert len(w.presentation.deck) == 1  # the overview, until the analysis of the plan as it is comes
        slow_analysis.set()
        assert doc.wait_for_analysis()
        _settle()
        finish = doc.analysis.schedule.finish
        assert finish == before + 2
        assert len(w.presentation.deck) > 1  # the stage walk-through and the critical path, built on arrival
        doc.select([slack])
        w.presentation.step_duration(+1)  # one week more where there is float: the finish does not move
        assert doc.wait_for_analysis()
        _settle()
        assert doc.analysis.schedule.finish == finish
        assert w.presentation.finish_delta() == 0
        assert "no change" in w.presentation.bar.delta.text()
    finally:
        if w.presentation.leave_prompt is not None:
            w.presentation.leave_prompt.done(0)
        w.presentation.leave()
        if w.presentation.leave_prompt is not None:
            w.presentation.leave_prompt.done(0)


def test_a_decision_added_before_its_analysis_is_not_said_to_have_errors(
    sample_window: MainWindow, slow_analysis
) -> None:
    """Add Decision selects the new decision at once; until its analysis came (seconds on a big plan) the
    inspector said 'No schedule yet: the plan has errors (see Findings)' of a plan without an error."""
    w = sample_window
    new_id = w.add_decision()
    form = w.inspector.form
    assert form.decision is not None and form.decision.id == new_id
    assert "errors" not in form.start_text.text() and "Working out the schedule" in form.start_text.text()
    slow_analysis.set()
    assert w.doc.wait_for_analysis()
    _settle()
    assert form.start_text.text().startswith("Runs week")


def test_commands_on_a_decision_added_before_its_analysis(
    sample_window: MainWindow, slow_analysis, tmp_path
) -> None:
    """Highlight driving chain, Copy and Export Chart right after Add Decision (before its analysis): the
    highlight asked the older schedule to explain a decision it does not have (an exception in the slot)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import find_dialog

    w = sample_window
    new_id = w.add_decision()
    w.workbench._highlight_selected_chain()
    assert "being worked out" in w.statusBar().currentMessage()
    assert w.workbench.copy() == 1  # the new decision, without schedule figures yet
    assert new_id in w.workbench.tsv(w.workbench.selected_decisions())
    # the schedule is worked out then and there (48e3444), not refused with "Export again in a moment"
    early = tmp_path / "gantt-early.png"
    assert w.workbench.export_chart("gantt", str(early)) == str(early)
    assert early.read_bytes().startswith(b"\x89PNG") and find_dialog(QMessageBox) is None
    slow_analysis.set()
    assert w.doc.wait_for_analysis()
    _settle()
    w.workbench._highlight_selected_chain()
    assert w.workbench.export_chart("gantt", str(tmp_path / "gantt.png")) == str(tmp_path / "gantt.png")


def test_the_stage_list_does_not_show_an_older_schedule_on_other_stages(
    sample_window: MainWindow, slow_analysis
) -> None:
    """Plan & stages after a stage is inserted first, before its analysis: each stage's label read the older
    analysis by position, so the new, empty stage showed Validate's window (and every stage its predecessor's)."""
    from planner.model.plan import Stage

    w = sample_window
    doc = w.doc
    view = w.plan_view
    w.inspector_tabs.setCurrentWidget(view)
    _settle()
    first = view.stage_labels[0].text()
    assert first.startswith("Rolling: week")
    doc.add_item(doc.plan, "stages", Stage(id="discover", name="Discover"), "Add Stage", index=0)
    _settle()
    assert view.stage_labels[0].text() != first  # not Validate's window on the new stage
    slow_analysis.set()
    assert doc.wait_for_analysis()
    _settle()
    assert view.stage_labels[0].text() == "No decisions yet."
    assert view.stage_labels[1].text() == first


def test_a_plan_reloaded_while_presenting_starts_the_session_afresh(
    qtbot, window: MainWindow, tmp_path
) -> None:
    """The plan file changed on disk during a workshop (a colleague's sync) and the presenter chose Reload: the
    presentation kept the older plan's session -- Esc asked to keep changes that the reload had dropped (and Keep
    pushed a step onto the new history), 'Since the start' compared with the older plan's finish, and the step
    shown was a step of the older plan's deck."""
    import json
    import shutil
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.conftest import SAMPLES

    path = tmp_path / "workshop.plan.json"
    shutil.copy(SAMPLES / "bank-assistant.plan.json", path)
    w = window
    assert w.open_file(path)
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    p = w.presentation
    p.enter(full_screen=False)
    try:
        _settle()
        target = next(d for d in w.doc.plan.decisions if d.status == "not_started" and not d.milestone)
        for weeks in (5.0, 6.0):
            assert w.doc.set_duration(target.id, weeks, weeks, weeks) is None
        _settle()
        QTest.keyClick(w.canvas, Qt.Key.Key_S)  # on a stage step of the deck
        _settle()
        assert p.session_changed and p.current_step is not None and p.current_step.kind == "stage"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["title"] = "Changed by a colleague"
        time.sleep(0.05)
        path.write_text(json.dumps(data), encoding="utf-8")
        w.file_guard.check()
        box = w.file_guard.prompt
        assert box is not None
        next(b for b in box.buttons() if b.text() == "Reload").click()
        assert w.doc.wait_for_analysis()
        _settle()
        assert w.doc.plan.title == "Changed by a colleague" and p.active
        assert not p.session_changed and p.current_step is not None and p.current_step.kind == "overview"
        assert p.session_finish == w.doc.analysis.schedule.finish and len(p.deck) > 1
        assert p.bar.delta.text() == ""
        p.escape()  # nothing changed since the reload: leaves at once, no Keep / Discard
        _settle()
        assert not p.active and p.leave_prompt is None
        assert not w.doc.undo_stack.canUndo()
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()


def test_undo_and_redo_select_the_decisions_they_bring_back(sample_window: MainWindow) -> None:
    """Undo of a delete put the decision back with nothing selected: in a 48-row table or a wide graph the
    consultant could not see what had come back (nor the inspector show it). Now the decisions an undo or a
    redo brings back are selected in every view when nothing else is; those it takes away leave the
    selection."""
    w = sample_window
    doc = w.doc
    w.show_view("Graph")
    _settle()
    victims = [doc.plan.decisions[7].id, doc.plan.decisions[9].id]
    doc.select(victims)
    w.delete_selected()
    _settle()
    assert doc.selection == [] and all(doc.decision(i) is None for i in victims)
    w.undo()
    _settle()
    assert sorted(doc.selection) == sorted(victims)
    scene = w.canvas.graph_scene  # type: ignore[attr-defined]
    assert set(scene.selected_ids()) == set(victims)
    rows = w.table_view.table.selectionModel().selectedRows()
    assert {w.table_view.proxy.index(i.row(), 0).data(DecisionIdRole) for i in rows} == set(victims)
    w.redo()
    _settle()
    assert doc.selection == []
    w.undo()
    new_id = w.add_decision()
    doc.select([])
    w.undo()
    _settle()
    assert doc.decision(new_id) is None and doc.selection == []
    w.redo()
    _settle()
    assert doc.selection == [new_id] and w.inspector.form.id_edit.text() == new_id
    assert scene.selected_ids() == [new_id]
    # a selection the user has is left alone
    other = doc.plan.decisions[0].id
    w.undo()
    doc.select([other])
    w.redo()
    _settle()
    assert doc.selection == [other]


def test_closing_the_window_while_asked_to_keep_the_presentation_changes(qtbot, window: MainWindow) -> None:
    """Esc asked Keep / Discard; closing the window then opened the save prompt beside it, and after Discard the
    presentation's question stayed on screen alone, keeping the app from quitting (its answer then acted on a
    closed window)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import SAMPLES

    w = window
    assert w.open_file(SAMPLES / "bank-assistant.plan.json")
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    p = w.presentation
    p.enter(full_screen=False)
    _settle()
    target = next(d for d in w.doc.plan.decisions if d.status == "not_started" and not d.milestone)
    w.doc.select([target.id])
    assert p.step_duration(+1) is None
    p.escape()
    _settle()
    assert p.leave_prompt is not None and p.leave_prompt.isVisible()
    w.close()
    _settle()
    shown = [
        type(t).__name__ + ":" + t.windowTitle() for t in QApplication.topLevelWidgets() if t.isVisible()
    ]
    assert "QMessageBox:Leave presentation" not in shown and "QMessageBox:Unsaved changes" in shown
    assert w.active_prompt is not None
    w.active_prompt.button(QMessageBox.StandardButton.Discard).click()
    _settle()
    assert not w.isVisible() and not p.active
    assert [t for t in QApplication.topLevelWidgets() if t.isVisible()] == []


def test_no_dialog_outlives_its_window(qtbot, window: MainWindow) -> None:
    """Closing the window left its open dialogs on screen (a scenario or baseline name being asked, the scenario
    comparison, the shortcuts, About): questions about a plan whose window is gone."""
    from tests.ui.conftest import SAMPLES

    w = window
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    w.doc.wait_for_analysis()
    w.scenario_bar.ask_new()
    w.ask_save_baseline()
    w.scenario_bar.show_compare()
    w.workbench.show_shortcuts()
    w.about()
    _settle()
    assert len([t for t in QApplication.topLevelWidgets() if t.isVisible()]) >= 5
    w.close()
    _settle()
    assert not w.isVisible()
    assert [t.windowTitle() for t in QApplication.topLevelWidgets() if t.isVisible()] == []


def test_the_spotlight_says_how_much_of_work_under_way_is_left(make_plan) -> None:
    """The critical-path step of a decision under way: 'Runs week 2 to week 5, 3 wks left of 4 wks', not the span
    of the remaining work beside the planned duration as if they were one ('week 2 to week 5, 4 wks')."""
    from planner.analysis import analyze
    from planner.model.plan import ThreePoint
    from planner.ui.presentation.workshop import build_deck

    plan = make_plan(
        [
            {"id": "a", "duration": 2},
            {"id": "b", "duration": 4, "progress": 25, "status": "in_progress"},
            {"id": "c", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
    )
    a = analyze(plan)
    assert a.schedule is not None and a.schedule.critical_path == ["a", "b", "c"]
    steps = {s.focus: s.body_html for s in build_deck(a) if s.kind == "critical"}
    assert "Runs week 2 to week 5, 3 wks left of 4 wks.</p>" in steps["b"]
    assert "Runs week 0 to week 2, 2 wks.</p>" in steps["a"]  # work not started: its planned duration only
    # Under another estimate both figures are that estimate's: b (2-4-6) under PERT is 4 weeks, 3 of them left.
    plan.decisions[1].duration = ThreePoint(optimistic=2, likely=4, pessimistic=6)
    plan.decisions[1].progress = 50
    pert = {s.focus: s.body_html for s in build_deck(analyze(plan, "pert")) if s.kind == "critical"}
    assert ", 2 wks left of 4 wks.</p>" in pert["b"]


def test_opening_shows_a_busy_cursor_and_always_restores_it(
    window, sample_path, tmp_path, monkeypatch
) -> None:
    """Reading a big plan takes seconds on the GUI thread: the wait cursor is up meanwhile, and gone afterwards
    whether the file opened or not."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from planner.ui import main_window

    seen: list[object] = []
    real = main_window.load_plan

    def watched(path):
        cursor = QGuiApplication.overrideCursor()
        seen.append(None if cursor is None else cursor.shape())
        return real(path)

    monkeypatch.setattr(main_window, "load_plan", watched)
    assert window.open_file(sample_path)
    assert seen == [Qt.CursorShape.WaitCursor] and QGuiApplication.overrideCursor() is None
    bad = tmp_path / "bad.plan.json"
    bad.write_text("{", encoding="utf-8")
    assert not window.open_file(bad)
    assert QGuiApplication.overrideCursor() is None
    window.active_prompt.done(0)


def test_a_failed_analysis_leaves_nothing_to_draw_from(doc, monkeypatch) -> None:
    """After an edit whose analysis fails, ``analysis`` is still the older plan's: views must not draw it beside the
    edited plan (drawable_analysis said it was current, as the failed run counted as done)."""
    import planner.analysis

    before = doc.drawable_analysis
    assert before is not None
    monkeypatch.setattr(planner.analysis, "analyze", lambda plan, estimate="likely": 1 / 0)
    doc.add_decision()
    doc.analyze_now()
    assert doc.analysis_current and doc.last_error is not None  # the run is over, and failed
    assert doc.analysis is before and doc.drawable_analysis is None
    monkeypatch.undo()
    doc.analyze_now()
    assert doc.drawable_analysis is doc.analysis and doc.analysis is not before


def test_a_double_click_off_the_graph_and_table_leaves_the_inspector_shut(
    sample_window: MainWindow, qtbot
) -> None:
    """The presentation's filter sits on the whole application (for its keys): a double-click on the presenter bar
    opened the inspector as a double-click on a card or a row does."""
    from PySide6.QtCore import QPoint, Qt

    w = sample_window
    p = w.presentation
    p.enter(full_screen=False)
    w.doc.select([w.doc.plan.decisions[0].id])
    w.inspector_dock.hide()
    assert p.bar is not None and p.bar.finish.isVisible()
    qtbot.mouseDClick(p.bar.finish, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    qtbot.wait(50)
    assert not w.inspector_dock.isVisible()
    viewport = w.table_view.table.viewport()  # a row still opens it
    w.show_view("Table")
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(w.inspector_dock.isVisible, timeout=2000)
    p.leave()
