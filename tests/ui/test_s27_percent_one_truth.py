"""A percentage the user entered is written one way everywhere (session 27), by units.format_percent: a decision
at 12.5 % done read '12.5 %' in the table, '13 %' in the inspector (a spin box without decimals) and '13%' in the
report; a risk of probability 0.125 '12.5 %' in the register and '13%' in the report. And a cell's editor opened
and left with Enter changes nothing: the progress spin box rounded 12.5 to 13 and wrote it back, a duration spin
box 2.125 weeks to 2.13."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDoubleSpinBox, QStyleOptionViewItem, QWidget

from planner.analysis import analyze
from planner.io.graphs import export_dot
from planner.model import Plan
from planner.ui.canvas.scene import card_data, card_figures
from planner.ui.state.document import PlanDocument
from planner.ui.tabs.risk_model import COLUMN_INDEX as RISK_COLUMN
from planner.ui.tabs.risk_model import RiskTableModel
from planner.ui.tabs.risk_tab import _RiskDelegate
from planner.ui.views.inspector import DecisionInspector
from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel
from planner.ui.views.table_view import DecisionDelegate
from planner.units import format_percent
from tests.report.report_helpers import make_report


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Percents",
            "start_date": "2027-01-04",
            "status_date": "2027-01-11",
            "stages": [{"id": "v", "name": "Validate"}],
            "decisions": [
                {
                    "id": "a",
                    "title": "Alpha",
                    "stage": "v",
                    "status": "in_progress",
                    "progress": 12.5,
                    "actual_start": "2027-01-04",
                    "duration": 2.125,
                },
                {"id": "b", "title": "Beta", "stage": "v", "duration": 2},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
            "risks": [
                {"id": "r1", "title": "Vendor late", "probability": 0.125, "impact": 2, "decisions": ["a"]}
            ],
        }
    )


def test_a_decisions_progress_and_a_risks_odds_read_alike_in_every_view(qtbot, tmp_path: Path) -> None:
    plan = _plan()
    doc = PlanDocument(plan)
    doc.analyze_now()
    a = plan.decisions[0]
    assert format_percent(12.5) == "12.5%"

    table = DecisionTableModel(doc)
    assert table.data(table.index(0, COLUMN_INDEX["progress"])) == "12.5%"

    inspector = DecisionInspector(doc)
    qtbot.addWidget(inspector)
    inspector.set_decision(a)
    assert inspector.progress.text() == "12.5%"

    card = card_data(a, card_figures(plan, doc.analysis, "likely", set()))
    assert card.right_text.startswith("12.5% · "), card.right_text
    assert "12.5%" in export_dot(plan)

    register = RiskTableModel(doc)
    assert register.data(register.index(0, RISK_COLUMN["probability"])) == "12.5%"

    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["appendix", "risk"])
    assert "12.5% done" in r.flat and "13%" not in r.flat, r.flat
    assert "12.5%" in next(p for p in r.pages if "Vendor late" in p)
    doc.shutdown()


def test_an_editor_opened_and_left_unchanged_writes_nothing_back(qtbot) -> None:
    plan = _plan()
    doc = PlanDocument(plan)
    model = DecisionTableModel(doc)
    delegate = DecisionDelegate(doc)
    parent = QWidget()
    qtbot.addWidget(parent)
    steps = doc.undo_stack.count()
    for key in ("progress", "likely"):
        index = model.index(0, COLUMN_INDEX[key])
        spin = delegate.createEditor(parent, QStyleOptionViewItem(), index)
        assert isinstance(spin, QDoubleSpinBox)
        delegate.setEditorData(spin, index)
        delegate.setModelData(spin, model, index)  # Enter, nothing typed
    assert (plan.decisions[0].progress, plan.decisions[0].duration) == (12.5, 2.125)
    assert doc.undo_stack.count() == steps  # no edit recorded either

    index = model.index(0, COLUMN_INDEX["progress"])  # a typed value still commits
    spin = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(spin, QDoubleSpinBox)
    delegate.setEditorData(spin, index)
    spin.lineEdit().setText("20%")
    delegate.setModelData(spin, model, index)
    assert plan.decisions[0].progress == 20

    risks = RiskTableModel(doc)
    rd = _RiskDelegate(doc)
    prob = risks.index(0, RISK_COLUMN["probability"])
    editor = rd.createEditor(parent, QStyleOptionViewItem(), prob)
    assert isinstance(editor, QDoubleSpinBox)
    rd.setEditorData(editor, prob)
    assert editor.text() == "12.5%"
    rd.setModelData(editor, risks, prob)
    assert plan.risks[0].probability == 0.125
    doc.shutdown()
