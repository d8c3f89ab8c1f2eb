"""The cell editors of the decisions table and the risk register (planner.ui.views.delegates.EditorDelegate)."""

import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyleOptionViewItem, QWidget

from planner.model.io import load_plan
from planner.ui.state.document import PlanDocument
from planner.ui.tabs.risk_model import COLUMN_INDEX as RISK_COLUMN
from planner.ui.tabs.risk_model import RiskTableModel
from planner.ui.tabs.risk_tab import _RiskDelegate
from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel
from planner.ui.views.table_view import DecisionDelegate


def test_a_combo_choice_commits_and_closes_and_a_spin_box_writes_its_value(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    model = DecisionTableModel(doc)
    delegate = DecisionDelegate(doc)
    parent = QWidget()
    qtbot.addWidget(parent)
    row = 0
    decision = model.decision_at(row)

    owner = model.index(row, COLUMN_INDEX["owner"])
    combo = delegate.createEditor(parent, QStyleOptionViewItem(), owner)
    assert isinstance(combo, QComboBox) and combo.accessibleName() == "Owner"
    delegate.setEditorData(combo, owner)
    assert combo.currentData() == decision.owner
    other = next(t for t in doc.plan.teams if t.id != decision.owner)
    committed: list[QWidget] = []
    closed: list[QWidget] = []
    delegate.commitData.connect(committed.append)
    delegate.closeEditor.connect(lambda w, _hint: closed.append(w))
    combo.setCurrentIndex(combo.findData(other.id))
    combo.activated.emit(combo.currentIndex())
    assert committed == [combo] and closed == [combo]
    delegate.setModelData(combo, model, owner)
    assert decision.owner == other.id

    progress = model.index(row, COLUMN_INDEX["progress"])
    spin = delegate.createEditor(parent, QStyleOptionViewItem(), progress)
    assert isinstance(spin, QDoubleSpinBox)
    # the spin box does not clamp what is typed (150 became 15): the model refuses it with a reason
    assert (spin.minimum() < 0, spin.maximum() > 100, spin.decimals(), spin.suffix()) == (True, True, 2, "%")
    spin.setValue(40)
    delegate.setModelData(spin, model, progress)
    delegate.setEditorData(spin, progress)
    assert spin.value() == pytest.approx(40)
    doc.shutdown()


def test_the_risk_owner_combo_maps_no_owner_to_an_empty_text(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    model = RiskTableModel(doc)
    delegate = _RiskDelegate(doc)
    parent = QWidget()
    qtbot.addWidget(parent)
    risk = doc.plan.risks[0]
    owner = model.index(0, RISK_COLUMN["owner"])
    combo = delegate.createEditor(parent, QStyleOptionViewItem(), owner)
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == [None, *(t.id for t in doc.plan.teams)]
    combo.setCurrentIndex(combo.findData(doc.plan.teams[1].id))
    delegate.setModelData(combo, model, owner)
    assert risk.owner == doc.plan.teams[1].id
    delegate.setEditorData(combo, owner)
    assert combo.currentData() == doc.plan.teams[1].id
    combo.setCurrentIndex(0)
    delegate.setModelData(combo, model, owner)
    assert risk.owner is None
    delegate.setEditorData(combo, owner)
    assert combo.currentIndex() == 0
    doc.shutdown()
