"""Item models, checked with pytest-qt's qtmodeltester while the plan is edited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.model import duration_triple, load_plan
from planner.ui.state.document import PlanDocument
from planner.ui.views.models import COLUMN_INDEX, DecisionFilterProxy, DecisionTableModel, DependencyListModel


def test_decision_table_model(qtmodeltester, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    doc.analyze_now()
    model = DecisionTableModel(doc)
    qtmodeltester.check(model)
    first = doc.plan.decisions[0].id
    # edits, inserts, removes, sorting and undo all keep the model consistent
    doc.add_decision("Added", after=first)
    doc.duplicate_decisions([first])
    model.sort(COLUMN_INDEX["finish"], Qt.SortOrder.DescendingOrder)
    doc.analyze_now()
    doc.add_decision("Added while sorted")
    doc.delete_decisions([d.id for d in doc.plan.decisions[3:9]])
    doc.analyze_now()
    qtmodeltester.check(model)
    assert model.rowCount() == len(doc.plan.decisions)
    finishes = [
        model.data(model.index(r, COLUMN_INDEX["finish"]), Qt.ItemDataRole.EditRole)
        for r in range(model.rowCount())
    ]
    assert finishes  # display values present
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    qtmodeltester.check(model)
    assert {model.decision_at(r).id for r in range(model.rowCount())} == {d.id for d in doc.plan.decisions}
    doc.shutdown()


def test_table_edit_through_set_data(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    doc.analyze_now()
    model = DecisionTableModel(doc)
    d = doc.plan.decisions[0]
    idx = model.index(model.row_of(d), COLUMN_INDEX["likely"])
    o, _l, p = duration_triple(d.duration)
    assert model.setData(idx, p)
    assert duration_triple(d.duration)[1] == p
    assert doc.undo_stack.undoText() == "Change Duration"
    refused: list[str] = []
    model.edit_refused.connect(refused.append)
    assert not model.setData(model.index(0, COLUMN_INDEX["progress"]), 300.0)
    assert refused
    assert not model.setData(model.index(0, COLUMN_INDEX["finish"]), 3.0)  # computed, read-only
    doc.shutdown()


def test_filter_proxy(qtmodeltester, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    doc.analyze_now()
    model = DecisionTableModel(doc)
    proxy = DecisionFilterProxy(model)
    qtmodeltester.check(proxy)
    proxy.set_filters(critical_only=True)
    crit = int(doc.analysis.schedule.critical.sum())
    assert proxy.rowCount() == crit
    proxy.set_filters(critical_only=False, stage=doc.plan.stages[0].id)
    assert proxy.rowCount() == sum(1 for d in doc.plan.decisions if d.stage == doc.plan.stages[0].id)
    proxy.set_filters(stage=None, text=doc.plan.decisions[2].title.upper())
    assert proxy.rowCount() >= 1
    qtmodeltester.check(proxy)
    doc.shutdown()


def test_dependency_list_model(qtmodeltester, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    target = doc.plan.dependencies[0].to
    preds = DependencyListModel(doc, "predecessors")
    preds.set_decision(target)
    qtmodeltester.check(preds)
    n = preds.rowCount()
    assert n >= 1
    assert preds.setData(preds.index(0, 2), 2.5)
    assert doc.plan.dependencies[preds.dependency_index(0)].lag == 2.5
    assert preds.setData(preds.index(0, 1), "SS")
    doc.remove_dependencies([preds.dependency_index(0)])
    assert preds.rowCount() == n - 1
    qtmodeltester.check(preds)
    doc.shutdown()
