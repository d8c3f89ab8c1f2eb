"""A strategist's offline day, driven through the app's own keys and widgets (H-strategist): each test is one
step a user takes, checked against the saved JSON (undo restores it exactly, redo brings the step back) and,
where it computes, against ``planner analyze --format json`` on the saved file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from planner.cli import main as cli
from planner.model import dump_plan, duration_triple
from planner.ui.main_window import MainWindow
from planner.ui.views.models import COLUMN_INDEX
from planner.units import format_weeks, format_when

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focus() -> QWidget:
    QApplication.processEvents()
    w = QApplication.focusWidget()
    assert w is not None
    return w


def _key(key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press to whatever has the focus, as a user's keyboard sends it."""
    QTest.keyClick(_focus(), key, mod)
    QApplication.processEvents()


def _type(text: str) -> None:
    for ch in text:  # each key to the widget focused at that moment (the first one opens the cell's editor)
        QTest.keyClicks(_focus(), ch)
    QApplication.processEvents()


def _saved(w: MainWindow) -> str:
    """The plan as File > Save writes it."""
    return dump_plan(w.doc.file_plan())


def _analyze(w: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "now.plan.json"
    path.write_text(_saved(w), encoding="utf-8")
    capsys.readouterr()
    assert cli(["analyze", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _views_agree(w: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Status bar, table and stage panel show the figures the CLI computes from the saved file."""
    assert w.doc.wait_for_analysis()
    QApplication.processEvents()
    data = _analyze(w, tmp_path, capsys)
    st = w.status
    assert f"week {format_weeks(data['finish'])}" in st.finish.text()
    assert f"week {format_weeks(data['gated_finish'])}" in st.gated.text()
    assert st.critical.text() == f"Critical: {len(data['critical'])} of {len(data['decisions'])}"
    m = w.table_view.model
    shown = {
        m.index(r, 0).data(): (
            m.index(r, COLUMN_INDEX["start"]).data(),
            m.index(r, COLUMN_INDEX["finish"]).data(),
        )
        for r in range(m.rowCount())
    }
    assert shown == {d["id"]: (format_weeks(d["es"]), format_weeks(d["ef"])) for d in data["decisions"]}
    start = w.doc.plan.start_date
    for s, label in zip(data["stages"], w.plan_view.stage_labels, strict=False):
        if s["start"] is not None:
            rolling = f"Rolling: {format_when(start, s['start'])} to {format_when(start, s['finish'])}."
            assert rolling in label.text()


def _undo_redo_exact(w: MainWindow, before: str, start_index: int) -> str:
    """Undo the step (Ctrl+Z as often as it pushed commands): the file is byte for byte what it was; redo
    (Ctrl+Shift+Z) brings it back. Returns the plan after the step."""
    after = _saved(w)
    assert after != before
    steps = w.doc.undo_stack.index() - start_index
    assert steps >= 1
    for _ in range(steps):
        QTest.keyClick(w, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    assert _saved(w) == before
    for _ in range(steps):
        QTest.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)
    QApplication.processEvents()
    assert _saved(w) == after
    return after


def _add_by_keyboard(w: MainWindow, title: str) -> str:
    """Edit > Add Decision (Ctrl+Return) in the table, type the title, Tab on."""
    w.show_view("Table")
    w.table_view.table.setFocus()
    QTest.keyClick(w, Qt.Key.Key_Return, CTRL)
    _type(title)
    _key(Qt.Key.Key_Tab)
    return w.doc.selection[0]


def test_add_decision_then_typing_names_it_not_its_id(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+Return then typing: the typed text is the title (it went into the Id cell: 'Value case' became the
    id 'Valuecase', the validator dropping the space, and the title stayed 'New decision')."""
    w = window
    before, i0 = _saved(w), w.doc.undo_stack.index()
    new_id = _add_by_keyboard(w, "Value case")
    d = w.doc.decision(new_id)
    assert d is not None and d.title == "Value case" and new_id == "decision"
    assert w.table_view.table.currentIndex().column() == COLUMN_INDEX["area"]  # Tab moved on along the row
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_three_point_estimate_typed_left_to_right(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opt. 2, Tab, Likely 3, Tab, Pess. 5 over a new 1-week decision gives 2 / 3 / 5 in one undo step (the 2,
    above likely 1, was refused with a message box that then swallowed the keys typed next)."""
    w = window
    new_id = _add_by_keyboard(w, "Eval harness")
    table = w.table_view.table
    table.setCurrentIndex(w.table_view.proxy.index(0, COLUMN_INDEX["optimistic"]))
    before, i0 = _saved(w), w.doc.undo_stack.index()
    _type("2")
    _key(Qt.Key.Key_Tab)
    model = w.table_view.model
    assert w.active_prompt is None
    assert model.held(new_id) == {"optimistic": 2.0}
    assert model.index(0, COLUMN_INDEX["optimistic"]).data() == "2 (held)"
    assert "held, not applied" in w.statusBar().currentMessage()
    assert _saved(w) == before  # shown, not applied
    _key(Qt.Key.Key_A, CTRL)
    _type("3")
    _key(Qt.Key.Key_Tab)
    _key(Qt.Key.Key_A, CTRL)
    _type("5")
    _key(Qt.Key.Key_Return)
    d = w.doc.decision(new_id)
    assert d is not None and duration_triple(d.duration) == (2, 3, 5)
    assert model.held(new_id) == {}
    assert "2 / 3 / 5 weeks applied" in w.statusBar().currentMessage()
    assert w.doc.undo_stack.index() - i0 == 1 and w.undo_action.text() == "&Undo Change Duration"
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_a_held_estimate_is_dropped_by_the_next_edit(qtbot, window: MainWindow) -> None:
    """A held estimate never reaches the plan behind the user's back: another edit (or undo) drops it."""
    w = window
    new_id = _add_by_keyboard(w, "Data contract")
    model = w.table_view.model
    assert model.setData(model.index(0, COLUMN_INDEX["optimistic"]), 4.0)
    assert model.held(new_id) == {"optimistic": 4.0}
    QTest.keyClick(w, Qt.Key.Key_Z, CTRL)  # undoes the title
    QApplication.processEvents()
    assert model.held(new_id) == {}
    assert model.index(0, COLUMN_INDEX["optimistic"]).data() == "1"


def test_lag_typed_in_the_inspector_by_keyboard(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """F2 on a predecessor's lag, type a lead, Enter, then Tab to the note: the lag applies, the note editor stays
    open for typing, and leaving it raises no Qt warning (each link edit reset the list, which released the
    committed editor while it kept the focus: "commitData called with an editor that does not belong to this
    view" on focus out, a failure under qt_log_level_fail)."""
    w = window
    w.new_from_template("ai-scaling")
    doc = w.doc
    dep = doc.plan.dependencies[0]
    doc.select([dep.to])
    preds = w.inspector.form.predecessors
    row = next(r for r in range(preds.model.rowCount()) if preds.model.other_id(r) == dep.from_)
    preds.table.setFocus()
    preds.table.setCurrentIndex(preds.model.index(row, 2))
    before, i0 = _saved(w), doc.undo_stack.index()
    _key(Qt.Key.Key_F2)
    _key(Qt.Key.Key_A, CTRL)
    _type("-1.5")
    _key(Qt.Key.Key_Tab)  # commits the lag and opens the note's editor
    assert dep.lag == -1.5
    assert _focus().parent() is preds.table.viewport()  # the note's editor, open for typing
    _type("a lead: start the review early")
    _key(Qt.Key.Key_Return)
    assert dep.note == "a lead: start the review early"
    assert _focus() is preds.table
    w.table_view.table.setFocus()  # leaving the inspector: no stray commit, no warning
    QApplication.processEvents()
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_scenario_count_is_written_in_the_toolbar_text_colour(qtbot, window: MainWindow) -> None:
    """'2 scenarios' beside the Base chooser, also after showing a scenario and going back to Base: it kept the
    dark yellow-brown of the active-scenario badge (its style sheet cleared, its palette not), unreadable on the
    dark theme's toolbar (looked at in the 1920x1080 dark screenshot)."""
    from PySide6.QtGui import QPalette

    w = window
    w.new_from_template("ai-scaling")
    bar = w.scenario_bar
    text = QPalette.ColorRole.WindowText

    def shown() -> str:
        return bar.note.palette().color(text).name()

    assert bar.note.text() == "2 scenarios"
    assert shown() == bar.toolbar.palette().color(text).name()
    bar.switch(w.doc.scenarios.names()[0])
    assert "changes to Base" in bar.note.text() and shown() == "#5a4500"  # the badge: dark on light yellow
    bar.switch(None)
    assert bar.note.text() == "2 scenarios" and shown() == bar.toolbar.palette().color(text).name()


def _crash_and_reopen(qtbot, w: MainWindow) -> MainWindow:
    """The window's process dies (its recovery file is left behind, as after a kill); a new window starts."""
    w.write_recovery()
    w.recovery.abandon()
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    return second


def test_recovery_of_a_plan_changed_on_disk_since_is_honest(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """Edits recovered after a crash, when the file was saved again since (another window, a git pull): the
    prompt says so, and Save asks before replacing the newer file (it overwrote it without a word)."""
    from PySide6.QtWidgets import QMessageBox

    from planner.model import load_plan

    w = window
    w.new_from_template("ai-scaling")
    path = tmp_path / "roadmap.plan.json"
    assert w.save_as(str(path))
    w.doc.edit_decision(w.doc.plan.decisions[0].id, title="Typed before the crash")
    second = _crash_and_reopen(qtbot, w)
    try:
        newer = load_plan(path)  # meanwhile someone else saves the file
        newer.title = "Saved by a colleague after the crash"
        path.write_text(dump_plan(newer), encoding="utf-8")
        box = second.check_recovery()
        assert box is not None
        assert "roadmap.plan.json has changed on disk since these edits were made" in box.informativeText()
        box.button(QMessageBox.StandardButton.Yes).click()
        QApplication.processEvents()
        assert second.doc.plan.decisions[0].title == "Typed before the crash"
        assert "changed on disk" in second.statusBar().currentMessage()
        assert not second.save()  # asks first
        prompt = second.active_prompt
        assert prompt is not None and "changed by another program" in prompt.text()
        prompt.done(0)  # Cancel
        QApplication.processEvents()
        assert load_plan(path).title == "Saved by a colleague after the crash"
    finally:
        second.discard_and_close()


def test_recovery_of_an_unchanged_plan_says_nothing_more(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    w = window
    w.new_from_template("ai-scaling")
    path = tmp_path / "roadmap.plan.json"
    assert w.save_as(str(path))
    w.doc.edit_decision(w.doc.plan.decisions[0].id, title="Typed before the crash")
    second = _crash_and_reopen(qtbot, w)
    try:
        box = second.check_recovery()
        assert box is not None and "changed on disk" not in box.informativeText()
        box.button(QMessageBox.StandardButton.Yes).click()
        QApplication.processEvents()
        assert second.save()  # the file is the one the edits were made on: no question
        assert "Typed before the crash" in path.read_text(encoding="utf-8")
    finally:
        second.discard_and_close()


def test_add_decision_under_a_filter_never_types_into_another_decision(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Filter the table (Ctrl+F, 'pilot'), then Ctrl+Return and type: the new decision, which the filter hid,
    gets the title. The cursor stayed on the first shown row, and the typed title renamed that decision's id
    (value-case -> 'Zed', in every dependency and scenario that named it)."""
    w = window
    w.new_from_template("ai-scaling")
    tv = w.table_view
    tv.table.setFocus()
    QTest.keyClick(w, Qt.Key.Key_F, CTRL)
    _type("pilot")
    assert tv.count_label.text() == "8 of 60 decisions"
    tv.table.setFocus()
    tv.table.setCurrentIndex(tv.proxy.index(0, 0))
    w.doc.select([])
    before, i0 = _saved(w), w.doc.undo_stack.index()
    QTest.keyClick(w, Qt.Key.Key_Return, CTRL)
    _type("Zed")
    _key(Qt.Key.Key_Return)
    assert "Filters cleared to show the new decision" in w.statusBar().currentMessage()
    assert tv.count_label.text() == "61 decisions"
    assert w.doc.decision("value-case") is not None and w.doc.decision("Zed") is None
    new = w.doc.plan.decisions[-1]
    assert (new.id, new.title) == ("decision", "Zed")
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_an_unticked_check_box_is_outlined_on_the_dark_theme(qtbot, window: MainWindow) -> None:
    """Fusion outlines check boxes in the window colour darkened: on the dark theme an unticked 'Critical only'
    or 'Set' (status date) was a black square on near-black (looked at in the 1366x768 dark screenshot)."""
    from PySide6.QtGui import QColor, QPalette

    from planner.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    box = window.table_view.critical_only
    try:
        apply_theme(app, "dark")
        QApplication.processEvents()
        image = box.grab().toImage()
        indicator = box.style().subElementRect(
            box.style().SubElement.SE_CheckBoxIndicator, _check_option(box), box
        )
        y = indicator.center().y()
        edge = max(
            QColor(image.pixel(x, y)).lightness() for x in range(indicator.left(), indicator.left() + 3)
        )
        around = window.table_view.palette().color(QPalette.ColorRole.Window).lightness()
        assert box.palette().color(box.foregroundRole()).lightness() > 200  # its text stays light
        assert edge > around + 60, (edge, around)  # a visible outline
    finally:
        apply_theme(app, "light")
        QApplication.processEvents()
    assert box.palette().color(box.foregroundRole()).lightness() < 80  # and back to dark text on light


def _check_option(box):
    from PySide6.QtWidgets import QStyleOptionButton

    opt = QStyleOptionButton()
    opt.initFrom(box)
    return opt


def test_an_empty_table_says_how_to_start(qtbot, window: MainWindow) -> None:
    """A new blank plan showed an empty grid with no word of what to do, and '1 decisions' after the first add;
    a filter that matches nothing looked like a plan without decisions."""
    tv = window.table_view
    assert tv.empty_hint.isVisible() and "Ctrl+Return" in tv.empty_hint.text()
    _add_by_keyboard(window, "Value case")
    assert not tv.empty_hint.isVisible()
    assert tv.count_label.text() == "1 decision"
    tv.search.setText("no such words")
    assert (
        tv.empty_hint.isVisible()
        and "The filters hide every decision (1 in the plan)" in tv.empty_hint.text()
    )
    assert tv.count_label.text() == "0 of 1 decision"
    window.clear_filters_action.trigger()
    assert not tv.empty_hint.isVisible() and tv.count_label.text() == "1 decision"


def test_keyboard_reaches_the_inspector_and_comes_back(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enter on a table row opens the inspector at the title (Tab in the table only moves between cells, so a
    keyboard user could not reach the milestone, links or notes); Space ticks Milestone; Esc goes back to the
    table, where typing edits cells again. Shift+F2 does the same from anywhere."""
    w = window
    w.new_from_template("ai-scaling")
    w.doc.select(["validate-gate"])
    w.activateWindow()
    w.table_view.table.setFocus()
    _key(Qt.Key.Key_Return)
    form = w.inspector.form
    assert _focus() is form.title_edit
    for _ in range(20):  # Tab through the form to the Milestone box
        if _focus() is form.milestone:
            break
        _key(Qt.Key.Key_Tab)
    assert _focus() is form.milestone
    w.doc.select(["pilot-build"])  # (select another decision; the inspector follows)
    before, i0 = _saved(w), w.doc.undo_stack.index()
    _key(Qt.Key.Key_Space)
    pilot = w.doc.decision("pilot-build")
    assert pilot is not None and pilot.milestone and pilot.duration == 0
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)
    form.milestone.setFocus()
    _key(Qt.Key.Key_Escape)
    assert _focus() is w.table_view.table
    w.doc.select(["value-case", "pilot-build"])
    _key(Qt.Key.Key_F2, SHIFT)
    assert _focus() is w.inspector.multi.combos["stage"]


def test_link_added_by_keyboard_in_the_inspector(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tab from the title reaches the predecessor chooser (Tab moved between the cells of the predecessor list
    and never left it); part of a title and Enter add the link; Add with nothing chosen adds nothing (it linked
    the plan's first decision: an empty text is 'contained' in every choice)."""
    w = window
    w.new_from_template("ai-scaling")
    doc = w.doc
    doc.select(["red-teaming"])
    w.activateWindow()
    w.table_view.table.setFocus()
    _key(Qt.Key.Key_Return)
    preds = w.inspector.form.predecessors
    for _ in range(40):
        if _focus() is preds.other:
            break
        _key(Qt.Key.Key_Tab)
    assert _focus() is preds.other
    before, i0 = _saved(w), doc.undo_stack.index()
    _type("Provision an isolated")
    _key(Qt.Key.Key_Return)
    links = [(d.from_, d.to) for d in doc.plan.dependencies if d.to == "red-teaming"]
    assert ("pilot-sandbox", "red-teaming") in links
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)
    preds.other.setFocus()
    _key(Qt.Key.Key_Tab)  # the link type
    _key(Qt.Key.Key_Tab)  # Add
    assert _focus() is preds.add_button
    n = len(doc.plan.dependencies)
    _key(Qt.Key.Key_Space)
    assert len(doc.plan.dependencies) == n
    assert w.statusBar().currentMessage() == "Choose a decision to link first"


def test_scenario_comparison_headers_and_spend_read_whole(qtbot, window: MainWindow) -> None:
    """Scenario > Compare: a long scenario name is wrapped in its column header (it was cut at both ends, 'o live
    before automated retrainin'), columns never shrink below a wrapped name (the table scrolls instead), and
    Spend names the currency, as the CLI does ('Spend (EUR)')."""
    w = window
    w.open_file(str(Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"))
    dialog = w.scenario_bar.show_compare()
    try:
        dialog.iterations.setValue(0)
        assert dialog.run() is not None
        t = dialog.table
        headers = [t.horizontalHeaderItem(c) for c in range(t.columnCount())]
        assert [h.text() for h in headers if h is not None] == [
            "Base (reference)",
            "Buy the feature store",
            "Go live before automated\nretraining",
        ]
        assert headers[2] is not None and headers[2].toolTip() == "Go live before automated retraining"
        hh = t.horizontalHeader()
        assert hh.minimumSectionSize() >= t.fontMetrics().horizontalAdvance("Go live before automated")
        rows = [t.verticalHeaderItem(r).text() for r in range(t.rowCount())]
        assert "Spend (EUR)" in rows
    finally:
        dialog.close()


def test_reorder_decisions_with_the_keyboard(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Edit > Move Up / Move Down (Alt+Shift+Up/Down) re-order the plan (the file's and the Gantt's order); the
    table's header sorting only sorted the view, so a roadmap's order could not be changed in the app at all.
    One undo step each, the selection and the card positions kept, the links untouched."""
    w = window
    w.new_from_template("ai-scaling")
    doc = w.doc
    ids = [d.id for d in doc.plan.decisions]
    doc.move_cards({"pilot-build": (900.0, 300.0)})
    doc.select(["pilot-build", "value-experiment"])
    w.activateWindow()
    w.table_view.table.setFocus()
    before, i0 = _saved(w), doc.undo_stack.index()
    _key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | SHIFT)
    k = ids.index("pilot-build")
    assert [d.id for d in doc.plan.decisions][k - 1 : k + 2] == [
        "pilot-build",
        "value-experiment",
        ids[k - 1],
    ]
    assert doc.selection == ["pilot-build", "value-experiment"]
    assert (doc.plan.layout["pilot-build"].x, doc.plan.layout["pilot-build"].y) == (900.0, 300.0)
    assert w.undo_action.text() == "&Undo Move 2 Decisions Up"
    shown = [w.table_view.proxy.index(r, 0).data() for r in range(k - 1, k + 2)]
    assert shown == ["pilot-build", "value-experiment", ids[k - 1]]
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)
    # at the top already: nothing moves, and the status bar says why
    doc.select([ids[0]])
    assert not w.move_selected(-1) and "Already at the top" in w.statusBar().currentMessage()
    # a table sorted by a column goes back to the plan's order, which the move changed
    w.table_view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    doc.select(["pilot-build"])
    _key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert w.table_view.model.sort_column == -1
    assert [w.table_view.proxy.index(r, 0).data() for r in range(3)] == [d.id for d in doc.plan.decisions[:3]]
    # in a scenario: refused, said why
    w.scenario_bar.switch(doc.scenarios.names()[0])
    assert not w.move_selected(1) and "re-ordered in Base" in w.statusBar().currentMessage()


def test_start_date_typed_with_its_dashes(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan & stages: tick Dates, Tab, type 2027-03-01: the plan starts on 1 Mar 2027 (Qt's date field moved on
    after the year's 4th digit and again at the dash: it set 2027-12-03 without a word)."""
    import datetime as dt

    from PySide6.QtWidgets import QCheckBox

    w = window
    w.new_from_template("ai-scaling")
    doc = w.doc
    w.inspector_tabs.setCurrentWidget(w.plan_view)
    w.activateWindow()
    QApplication.processEvents()
    box = w.plan_view.findChild(QCheckBox, "plan.has_start_date")
    assert box is not None
    box.setFocus()
    before, i0 = _saved(w), doc.undo_stack.index()
    _key(Qt.Key.Key_Space)  # Dates: on
    qtbot.wait(50)  # (the page is rebuilt after a plan-wide change)
    _key(Qt.Key.Key_Tab)
    assert _focus().objectName() == "plan.start_date"
    _type("2027-03-01")
    _key(Qt.Key.Key_Tab)
    assert doc.plan.start_date == dt.date(2027, 3, 1)
    assert doc.wait_for_analysis()
    QApplication.processEvents()
    assert "(29 Nov 2027)" in w.status.finish.text()  # week 39
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_recovery_discard_really_discards(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Discard in the recovery prompt: the edits are not loaded, the recovery file is gone, and the next start
    offers nothing."""
    from PySide6.QtWidgets import QMessageBox

    from planner.ui.state import recovery

    w = window
    w.new_from_template("ai-scaling")
    w.doc.edit_decision(w.doc.plan.decisions[0].id, title="Typed before the crash")
    left = w.recovery.path
    second = _crash_and_reopen(qtbot, w)
    try:
        box = second.check_recovery()
        assert box is not None
        box.button(QMessageBox.StandardButton.Discard).click()
        QApplication.processEvents()
        assert all(d.title != "Typed before the crash" for d in second.doc.plan.decisions)
        assert not left.exists() and recovery.orphans() == []
        assert second.check_recovery() is None
    finally:
        second.discard_and_close()


def test_add_decision_on_the_graph_then_typing_names_it(
    qtbot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+Return on the Graph: the inspector's title takes the typing (the keys went to the graph, where they
    did nothing, and the card stayed 'New decision')."""
    w = window
    w.new_from_template("ai-scaling")
    w.show_view("Graph")
    w.activateWindow()
    w.canvas.setFocus()
    w.doc.select(["pilot-build"])
    before, i0 = _saved(w), w.doc.undo_stack.index()
    QTest.keyClick(w, Qt.Key.Key_Return, CTRL)
    assert _focus() is w.inspector.form.title_edit
    _type("Shadow launch")
    _key(Qt.Key.Key_Return)
    new = w.doc.decision(w.doc.selection[0])
    assert new is not None and new.title == "Shadow launch" and new.stage == "validate"
    assert w.views.currentWidget() is w.canvas
    _undo_redo_exact(w, before, i0)
    _views_agree(w, tmp_path, capsys)


def test_duplicate_then_typing_retitles_the_copy(qtbot, window: MainWindow) -> None:
    """Ctrl+D in the table, then typing: the copy's title changes (the cursor sat in the Id cell, so the title
    typed became the copy's id)."""
    w = window
    w.new_from_template("ai-scaling")
    w.doc.select(["pilot-build"])
    w.activateWindow()
    w.table_view.table.setFocus()
    QTest.keyClick(w, Qt.Key.Key_D, CTRL)
    _type("Second pilot")
    _key(Qt.Key.Key_Return)
    copy = w.doc.decision("pilot-build-copy")
    assert copy is not None and copy.title == "Second pilot"


def test_a_long_status_message_ends_in_an_ellipsis_and_shows_whole_on_hover(
    qtbot, window: MainWindow
) -> None:
    """At 1366x768 "Saved baseline 'Baseline 1': the table shows the slip against it (Undo removes it)" was cut
    mid-word under the figures ("...the slip agains"): it now ends in '…' before them, whole in the tooltip, and
    currentMessage() keeps the whole text."""
    w = window
    w.new_from_template("ai-scaling")
    w.resize(1366, 768)
    QApplication.processEvents()
    text = "Saved baseline 'Baseline 1': the table shows the slip against it " + "(Undo removes it) " * 6
    w.show_message(text)
    bar = w.status
    assert bar.currentMessage() == text and bar.toolTip() == text
    room = bar.message_room()
    assert room.right() < bar.finish.geometry().left()
    assert bar.grab().width() == bar.width()  # painted through the elision (no warning, no error)
    w.show_message("Saved")
    assert bar.toolTip() == ""


def test_coverage_status_cells_are_readable_in_both_themes(qtbot, window: MainWindow) -> None:
    """The coverage matrix paints covered/late/missing cells in pale colours; on the dark theme their text was
    the theme's light grey on pale green (unreadable in the 1366x768 dark screenshot). Their text is dark."""
    from PySide6.QtGui import QColor

    from planner.ui.tabs.coverage_tab import ON_STATUS_COLOR

    w = window
    w.open_file(str(Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"))
    w.show_view("Coverage")
    m = w.coverage_tab.matrix
    qtbot.waitUntil(lambda: m.rowCount() > 0, timeout=10_000)
    painted = [
        m.item(r, c)
        for r in range(m.rowCount())
        for c in range(m.columnCount())
        if m.item(r, c) is not None and m.item(r, c).background().style() != Qt.BrushStyle.NoBrush
    ]
    assert painted
    for item in painted:
        assert item is not None
        assert item.foreground().color() == QColor(ON_STATUS_COLOR)
        assert item.background().color().lightness() - item.foreground().color().lightness() > 150


def test_chart_labels_stay_legible_on_the_dark_theme(qapp) -> None:
    """On the dark theme chart text turns light. The roadmap's titles run across their pale bars and were light
    grey on pale yellow or blue; the critical-path cards are pale boxes and their text was light on them too
    (the 1366x768 dark screenshots). A label wholly on a pale box keeps its dark ink; one that runs beyond it
    turns light with a halo of the dark background."""
    from matplotlib import patheffects
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from planner.ui.theme import dark_palette, light_palette
    from planner.ui.views.chart_theme import apply_palette

    def figure() -> tuple[Figure, object, object]:
        fig = Figure(figsize=(6, 3))
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 4)
        ax.barh([1], [1], left=[1], color="#fff2a8")  # a short bar; its title runs on beyond it
        over = ax.text(
            1.1, 1, "Pilot as agent-assist with 20 contact-centre agents", color="black", va="center"
        )
        card = [[(5, 2.5), (9.5, 2.5), (9.5, 3.8), (5, 3.8)]]
        ax.add_collection(
            PolyCollection(card, facecolors=["#dbe9f6"])
        )  # a pale card, like the critical path's
        inside = ax.text(5.2, 3.1, "Prototype RAG", color="black", va="center")
        return fig, over, inside

    fig, over, inside = figure()
    assert not apply_palette(fig, light_palette())
    fig, over, inside = figure()
    assert apply_palette(fig, dark_palette())
    effects = over.get_path_effects()  # type: ignore[attr-defined]
    assert len(effects) == 1 and isinstance(effects[0], patheffects.withStroke)
    assert to_hex(over.get_color()) == "#e8eaed"  # type: ignore[attr-defined]
    assert to_hex(inside.get_color()) == "#000000" and not inside.get_path_effects()  # type: ignore[attr-defined]
    fig.canvas.draw()
