"""A consultant's workshop as a seeded random walk: edits (durations, links, cycles refused, stages, owners, long
unicode titles, ids, status and progress, status date, table cells, the inspector), undo and redo in bursts, tab
and scenario switches, scenarios created, renamed and deleted, presentation entered and left. After every step the
views agree with the document: the status bar and the presenter bar show the analysis' finish, the table lists the
plan's decisions with their computed finish, the table, the graph and the inspector show the document's selection.
Undoing everything gives the plan back as it was opened. (This walk found the presenter bar's KeyError on Add
Decision; see test_workshop_walkthrough.)"""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QApplication

from planner.ui.main_window import MainWindow
from planner.ui.views.models import COLUMN_INDEX, DecisionIdRole
from planner.units import format_weeks
from tests.ui.conftest import SAMPLES, TABS

OPS = [
    "select",
    "duration",
    "link",
    "cycle",
    "undo",
    "undo",
    "redo",
    "tab",
    "scenario",
    "title",
    "stage",
    "owner",
    "add",
    "delete",
    "rename",
    "present",
    "estimate",
    "status_date",
    "progress",
    "scenario_rename",
    "scenario_delete",
    "cell",
    "inspector_title",
]
STEPS = 45


def _settle(w: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
    assert w.doc.wait_for_analysis()
    for _ in range(3):
        QApplication.processEvents()


def _check(w: MainWindow, log: list[str]) -> None:
    doc = w.doc
    where = log[-4:]
    ids = [d.id for d in doc.plan.decisions]
    assert all(i in ids for i in doc.selection), (where, doc.selection)
    model = w.table_view.model
    assert [model.index(r, 0).data(DecisionIdRole) for r in range(model.rowCount())] == ids, where
    sm = w.table_view.table.selectionModel()
    shown = {w.table_view.proxy.index(i.row(), 0).data(DecisionIdRole) for i in sm.selectedRows()}
    if w.table_view.proxy.rowCount() == len(ids):  # no filter hides a row
        assert shown == set(doc.selection), (where, "table", shown, doc.selection)
    scene = getattr(w.canvas, "graph_scene", None)
    if scene is not None and not scene.stale:
        assert set(scene.selected_ids()) == set(doc.selection), (where, "graph", doc.selection)
    if len(doc.selection) == 1 and w.inspector.form.isVisible():
        assert w.inspector.form.id_edit.text() == doc.selection[0], (where, "inspector")
    a = doc.analysis
    assert a is not None
    if a.schedule is None:
        return
    finish = format_weeks(a.schedule.finish)
    assert finish in w.status.finish.text(), (where, finish, w.status.finish.text())
    for r in range(0, len(ids), 5):
        k = a.schedule.index[ids[r]]
        assert model.index(r, COLUMN_INDEX["finish"]).data() == format_weeks(float(a.schedule.ef[k])), where
    bar = w.presentation.bar
    if w.presentation.active and bar is not None:
        assert finish in bar.finish.text(), (where, bar.finish.text())
        assert f"of {len(ids)}" in bar.critical.text(), (where, bar.critical.text())


def _edit(w: MainWindow, rng: random.Random, op: str, step: int, log: list[str]) -> None:
    """A change of the plan, as the table, the inspector or the graph would make it."""
    doc = w.doc
    ids = [d.id for d in doc.plan.decisions]
    if op == "select":
        doc.select([rng.choice(ids)])
    elif op == "duration":
        weeks = rng.choice([0.5, 1.0, 2.0, 3.5, 7.0, 12.0])
        log.append(str(doc.set_duration(rng.choice(ids), weeks, weeks, weeks * 1.5)))
    elif op == "link" and len(ids) > 1:
        a, b = rng.sample(ids, 2)
        log.append(str(doc.add_dependency(a, b)))
    elif op == "cycle" and doc.plan.dependencies:
        dep = rng.choice(doc.plan.dependencies)
        problem = doc.add_dependency(dep.to, dep.from_)
        assert problem is not None and ("cycle" in problem or "already" in problem), problem
    elif op == "title":
        doc.edit_decision(rng.choice(ids), title="Ünïcødé déçision — " * rng.randint(1, 15))
    elif op == "stage":
        doc.edit_decision(rng.choice(ids), stage=rng.choice(doc.plan.stages).id)
    elif op == "owner":
        doc.edit_decision(rng.choice(ids), owner=rng.choice([None, *(t.id for t in doc.plan.teams)]))
    elif op == "delete":
        doc.select([rng.choice(ids)])
        w.delete_selected()
    elif op == "rename":
        doc.edit_decision(rng.choice(ids), id=f"renamed-{step}")
    elif op == "status_date":
        log.append(str(doc.edit_plan(status_date=rng.choice([None, 0.0, 3.5, 10.0]))))
    elif op == "progress":
        status = rng.choice(["in_progress", "done", "not_started"])
        log.append(str(doc.mark_status([rng.choice(ids)], status)))
    elif op == "cell":
        _type_in_a_cell(w, rng)
    elif op == "inspector_title":
        doc.select([rng.choice(ids)])
        QApplication.processEvents()
        form = w.inspector.form
        form.title_edit.setText(f"Typed in the inspector ✓ {step}")
        form.title_edit.setModified(True)
        form.title_edit.editingFinished.emit()


def _type_in_a_cell(w: MainWindow, rng: random.Random) -> None:
    model = w.table_view.model
    column = rng.choice(["likely", "title", "owner", "stage"])
    value = {
        "likely": rng.choice(["3", "2,5", "abc", "-1"]),
        "title": "Zürich — 決定 " * 4,
        "owner": rng.choice(["", "nobody"]),
        "stage": rng.choice(["Scale", "zzz"]),
    }[column]
    model.setData(model.index(rng.randrange(model.rowCount()), COLUMN_INDEX[column]), value)
    if w.active_prompt is not None:  # a refused value is said in a message box
        w.active_prompt.done(0)


def _navigate(w: MainWindow, rng: random.Random, op: str, step: int) -> None:
    """Undo and redo, tabs, scenarios, presentation, the estimate: what moves between views of the plan."""
    doc = w.doc
    presenting = w.presentation.active
    if op in ("undo", "redo"):
        for _ in range(rng.randint(1, 5)):
            (w.undo if op == "undo" else w.redo)()
    elif op == "tab":
        w.show_view(rng.choice(TABS))
    elif op == "add":
        w.add_decision()
    elif op == "present":
        if presenting:
            w.presentation.leave()
        else:
            w.show_view("Graph")
            w.presentation.enter(full_screen=False)
    elif op == "estimate":
        w.status.estimate.setCurrentIndex(rng.randrange(w.status.estimate.count()))
    elif presenting:
        return  # scenarios are switched with N while presenting, not from the menu
    elif op == "scenario":
        names = doc.scenarios.names()
        if names and rng.random() < 0.7:
            w.scenario_bar.switch(rng.choice([None, *names]))
        else:
            doc.scenarios.create(f"What if {step}")
    elif op == "scenario_rename" and doc.scenarios.active:
        doc.scenarios.rename(doc.scenarios.active, f"Renamed {step}")
    elif op == "scenario_delete" and doc.scenarios.names():
        doc.scenarios.delete(rng.choice(doc.scenarios.names()))


NAVIGATION = {
    "undo",
    "redo",
    "tab",
    "add",
    "present",
    "estimate",
    "scenario",
    "scenario_rename",
    "scenario_delete",
}


@pytest.mark.parametrize(
    ("sample", "seed"), [("fraud-detection", 1), ("bank-assistant", 2), ("ai-portfolio", 3)]
)
def test_a_random_workshop_keeps_every_view_true(window: MainWindow, sample: str, seed: int) -> None:
    w = window
    assert w.open_file(SAMPLES / f"{sample}.plan.json")
    w.resize(1400, 900)
    _settle(w)
    original = w.doc.plan.model_dump()
    rng = random.Random(seed)
    log: list[str] = []
    try:
        for step in range(STEPS):
            op = rng.choice(OPS)
            log.append(op)
            if op in NAVIGATION:
                _navigate(w, rng, op, step)
            elif w.doc.plan.decisions:
                _edit(w, rng, op, step, log)
            _settle(w)
            _check(w, log)
    finally:
        if w.presentation.active:
            w.presentation.leave()
    while w.doc.undo_stack.canUndo():
        w.undo()
    _settle(w)
    _check(w, log)
    assert w.doc.scenarios.active is None
    assert w.doc.plan.model_dump() == original, log
