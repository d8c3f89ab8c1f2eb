"""``ai_system.go_live`` names a decision, like a link or a risk does. Renaming that decision in the app left the
plan naming an id that no longer existed (coverage then silently took go-live as the Scale stage's start, moving
every EU AI Act due date); deleting it did the same. Now a rename carries go_live along, a delete clears it (one
undo step with the delete, which undo restores), and ``check`` warns about a go_live that names no decision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze, validate
from planner.analysis.coverage import coverage
from planner.cli import main
from planner.model import AISystem, dump_plan, edits
from planner.templates import load_template
from planner.ui.state.document import PlanDocument


def _doc() -> PlanDocument:
    plan = load_template("ai-scaling")
    plan.ai_system = AISystem(role="provider", risk_tier="high-risk", go_live="enterprise-scale")
    doc = PlanDocument(plan)
    doc.analyze_now()
    return doc


def test_renaming_the_go_live_decision_carries_go_live_and_undo_restores_it(qtbot) -> None:
    doc = _doc()
    before = coverage(doc.plan, analyze(doc.plan)).go_live
    assert doc.edit_decision("enterprise-scale", id="go-live") is None
    assert doc.plan.ai_system is not None and doc.plan.ai_system.go_live == "go-live"
    assert coverage(doc.plan, analyze(doc.plan)).go_live == before  # same week: the same decision
    assert not [f for f in validate(doc.plan) if f.code == "go-live-unknown"]
    doc.undo_stack.undo()
    assert doc.plan.ai_system.go_live == "enterprise-scale"
    doc.undo_stack.redo()
    assert doc.plan.ai_system.go_live == "go-live"
    doc.shutdown()


def test_deleting_the_go_live_decision_clears_go_live_in_the_same_undo_step(qtbot) -> None:
    doc = _doc()
    before = doc.plan.model_dump()
    count = doc.undo_stack.count()
    doc.delete_decisions(["enterprise-scale"])
    assert doc.plan.ai_system is not None and doc.plan.ai_system.go_live is None
    assert doc.plan.ai_system.role == "provider" and doc.plan.ai_system.risk_tier == "high-risk"
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    assert doc.plan.model_dump() == before
    doc.shutdown()


def test_the_edit_layer_rename_and_drop_follow_go_live() -> None:
    plan = load_template("ai-scaling")
    plan.ai_system = AISystem(go_live="enterprise-scale")
    target = plan.decision("enterprise-scale")
    assert target is not None
    rename = edits.Rename.of(plan, target, "live")
    rename.apply(plan)
    assert plan.ai_system.go_live == "live"
    rename.revert(plan)
    assert plan.ai_system.go_live == "enterprise-scale"
    edits.drop_decisions(plan, ["value-case"])  # not go-live: untouched
    assert plan.ai_system.go_live == "enterprise-scale"
    edits.drop_decisions(plan, ["enterprise-scale"])
    assert plan.ai_system.go_live is None


def test_check_warns_about_a_go_live_naming_no_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = load_template("ai-scaling")
    plan.ai_system = AISystem(go_live="enterprise-scael")
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    code = main(["check", str(path), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0  # a warning: the schedule does not depend on it
    found = [f for f in json.loads(out)["findings"] if f["code"] == "go-live-unknown"]
    assert len(found) == 1 and found[0]["severity"] == "warning"
    assert "'enterprise-scael'" in found[0]["message"]
    assert "the start of the Scale stage" in found[0]["message"]  # where coverage takes go-live instead
    assert "the start of the Scale stage" in coverage(plan, analyze(plan)).go_live_label
