"""The main window end to end: the user walk-through, prompts, recovery, load errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.model import dump_plan, load_plan
from planner.ui.main_window import MainWindow
from planner.ui.views.models import COLUMN_INDEX, DecisionIdRole


def _table_index(window: MainWindow, decision_id: str, column: str):
    proxy = window.table_view.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data(DecisionIdRole) == decision_id:
            return proxy.index(r, COLUMN_INDEX[column])
    raise AssertionError(f"{decision_id} not in the table")


def _edit_cell(qtbot, window: MainWindow, index, text: str) -> None:
    """Type into a cell editor the way a user does: open the editor, type, press Enter."""
    table = window.table_view.table
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [w for w in table.viewport().children() if isinstance(w, QWidget) and w.isVisible()]
    assert len(editors) == 1
    editor: Any = editors[0]  # the delegate's editor: a line edit or a spin box
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call


def test_user_walk_through(qtbot, window, tmp_path):
    doc = window.doc
    window.new_from_template("ai-scaling")
    n0 = len(doc.plan.decisions)
    first = doc.plan.decisions[0].id
    doc.select([first])

    # add a decision (Edit > Add Decision), connect it in the inspector, change its duration in the table
    window.add_action.trigger()
    new_id = doc.selection[0]
    assert len(doc.plan.decisions) == n0 + 1
    assert window.inspector.form.decision.id == new_id
    preds = window.inspector.form.predecessors
    preds.ensure_choices()
    preds.other.setCurrentIndex(preds.other.findData(first))
    qtbot.mouseClick(preds.add_button, Qt.MouseButton.LeftButton)
    assert any(d.from_ == first and d.to == new_id for d in doc.plan.dependencies)
    assert preds.model.rowCount() == 1

    _edit_cell(qtbot, window, _table_index(window, new_id, "likely"), "4")
    assert doc.plan.decision(new_id).duration == 4
    assert window.undo_action.text() == "&Undo Change Duration"
    doc.wait_for_analysis()
    finish_cell = _table_index(window, new_id, "finish").data()
    assert finish_cell  # computed figures reached the table

    # undo three times, redo once
    for _ in range(3):
        window.undo_action.trigger()
    assert len(doc.plan.decisions) == n0
    window.redo_action.trigger()
    assert len(doc.plan.decisions) == n0 + 1
    assert doc.plan.decision(new_id).duration == 1

    # save, reopen, identical
    assert window.windowTitle().startswith("Untitled[*]") and window.isWindowModified()
    target = tmp_path / "walk.plan.json"
    assert window.save_as(str(target))
    assert not window.isWindowModified()
    assert window.undo_action.isEnabled()  # undo history survives saving
    saved = dump_plan(doc.plan)
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_file(target)
    assert dump_plan(other.doc.plan) == saved == target.read_text(encoding="utf-8")
    other.discard_and_close()


def test_cycle_refused_in_inspector(qtbot, window, sample_path):
    window.open_file(sample_path)
    doc = window.doc
    dep = doc.plan.dependencies[0]
    doc.select([dep.to])
    succ = window.inspector.form.successors
    succ.ensure_choices()
    succ.other.setCurrentIndex(succ.other.findData(dep.from_))
    count = doc.undo_stack.count()
    problem = succ.add_chosen()
    assert problem is not None and "cycle" in problem and f"{dep.to} -> {dep.from_}" in problem
    assert doc.undo_stack.count() == count
    assert "cycle" in window.statusBar().currentMessage()


def test_multi_delete_is_one_undo_step(qtbot, window, sample_path):
    window.open_file(sample_path)
    doc = window.doc
    before = dump_plan(doc.plan)
    ids = [d.id for d in doc.plan.decisions[2:7]]
    doc.select(ids)
    assert window.table_view.selected_ids() == ids  # the table follows the selection
    window.table_view.table.setFocus()
    qtbot.keyClick(window.table_view.table, Qt.Key.Key_Delete)
    assert all(doc.decision(i) is None for i in ids)
    assert window.undo_action.text() == "&Undo Delete 5 Decisions"
    window.undo_action.trigger()
    assert dump_plan(doc.plan) == before
    assert not window.isWindowModified()


def test_duplicate_and_table_selection(qtbot, window, sample_path):
    window.open_file(sample_path)
    doc = window.doc
    table = window.table_view.table
    table.selectRow(1)
    assert doc.selection == [doc.plan.decisions[1].id]
    window.duplicate_action.trigger()
    assert doc.selection[0].endswith("-copy")
    assert doc.plan.decisions[2].id == doc.selection[0]


@pytest.mark.parametrize("choice", ["save", "discard", "cancel"])
def test_close_prompt(qtbot, window, tmp_path, choice):
    path = tmp_path / "p.plan.json"
    path.write_text(
        dump_plan(load_plan(Path(__file__).parents[2] / "sample_plans" / "fraud-detection.plan.json")),
        encoding="utf-8",
    )
    window.open_file(path)
    first = window.doc.plan.decisions[0].id
    window.doc.edit_decision(first, title="Changed title")
    assert window.isWindowModified()
    window.close()
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert window.isVisible()  # nothing closes before the user answers
    button = {
        "save": QMessageBox.StandardButton.Save,
        "discard": QMessageBox.StandardButton.Discard,
        "cancel": QMessageBox.StandardButton.Cancel,
    }[choice]
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    if choice == "cancel":
        assert window.isVisible() and window.isWindowModified()
        return
    assert not window.isVisible()
    saved = load_plan(path).decisions[0].title
    assert (saved == "Changed title") is (choice == "save")


def test_crash_recovery(qtbot, window, tmp_path):
    window.new_from_template("ai-scaling")
    new_id = window.doc.add_decision("Typed before the crash")
    window.write_recovery()
    assert window.recovery.path.exists()
    window.recovery.abandon()  # the process "crashes": the file stays, nobody owns it

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    box = second.check_recovery()
    assert box is not None and "unsaved changes" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert second.doc.decision(new_id) is not None
    assert second.isWindowModified()  # restored work is unsaved
    target = tmp_path / "restored.plan.json"
    assert second.save_as(str(target))
    assert not second.recovery.path.exists()  # removed after a clean save
    second.discard_and_close()
    window.recovery.remove()
    assert second.check_recovery() is None


def test_load_error_dialog(qtbot, window, tmp_path):
    bad = tmp_path / "broken.plan.json"
    bad.write_text('{"schema_version": 1, "title": "x", ', encoding="utf-8")
    assert not window.open_file(bad)
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "broken.plan.json" in box.text() and "truncated" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.active_prompt is None and window.isVisible()


def test_plan_with_cycle_opens_and_can_be_fixed(qtbot, window, tmp_path, sample_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    dep = data["dependencies"][0]
    data["dependencies"].append({"from": dep["to"], "to": dep["from"]})
    path = tmp_path / "cycle.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    doc = window.doc
    assert doc.analysis is not None and doc.analysis.schedule is None
    assert any(f.code == "cycle" for f in doc.analysis.errors)
    top = window.findings.topLevelItem(0)
    assert top.text(0).startswith("Errors")
    cycle_item = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(1) == "cycle")
    window.findings.itemActivated.emit(cycle_item, 0)
    assert set(doc.selection) >= {dep["from"], dep["to"]}
    assert "error" in window.status.problems.text()
    doc.remove_dependencies([len(doc.plan.dependencies) - 1])
    doc.analyze_now()
    assert doc.analysis.schedule is not None
    assert "Finish: week" in window.status.finish.text()


def test_settings_remember_recent_files_and_layout(qtbot, window, sample_path):
    window.open_file(sample_path)
    window.findings_dock.hide()
    window.discard_and_close()
    assert QSettings().value("files/recent")[0] == str(sample_path.resolve())
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert not again.findings_dock.isVisible()
    assert again.recent_menu.actions()[0].toolTip() == str(sample_path.resolve())
    again.discard_and_close()


def test_plan_view_edits(qtbot, window):
    window.new_from_template("ai-scaling")
    doc = window.doc
    view = window.plan_view
    view.rebuild()
    page = view.widget()
    from PySide6.QtWidgets import QCheckBox, QLineEdit

    title = page.findChild(QLineEdit, "plan.title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Roadmap 2027")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert doc.plan.title == "Roadmap 2027"
    QApplication.processEvents()
    stage = doc.plan.stages[0]
    assert stage.gate_criteria, "template stages have gate criteria"
    check = view.widget().findChild(QCheckBox, "stage.0.criterion.0.met")
    was = stage.gate_criteria[0].met
    check.click()
    assert stage.gate_criteria[0].met is (not was)
    assert "Gate Criterion" in doc.undo_stack.undoText()
    has_date = view.widget().findChild(QCheckBox, "plan.has_start_date")
    has_date.setChecked(not has_date.isChecked())
    assert (doc.plan.start_date is None) is (not has_date.isChecked())
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert stage.gate_criteria[0].met is was


def test_inspector_fields_commit_and_explain(qtbot, window, sample_path):
    window.open_file(sample_path)
    doc = window.doc
    d = doc.plan.decisions[9]  # not started (a done one says where it sits instead: issue 16)
    doc.select([d.id])
    form = window.inspector.form
    assert form.start_text.text().startswith("Runs week")
    assert form.critical_text.text()
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "Typed note")
    window.commit_pending()  # e.g. before saving: nothing typed is lost
    assert "Typed note" in d.notes
    form.optimistic.setValue(form.pessimistic.value() + 5)
    assert form.estimate_error.isVisibleTo(form)
    chains: list[list[str]] = []
    form.highlight_chain_requested.connect(chains.append)
    form.highlight_button.click()
    assert chains and chains[0][-1] == d.id
