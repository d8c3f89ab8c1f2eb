"""Found by the GUI monkey (benchmarks/monkey_gui.py --sync-limit 10, seed 1207; shrunk to ``new`` (the ai-scaling
template) then ``delete``): a plan analysed in the worker thread (from 2,000 decisions) lost its scenarios' findings.
Deleting a decision a scenario changes left the status bar at "0 errors · 0 warnings" and Findings empty, where
`planner check` and the same plan analysed on the GUI thread warn scenario-unknown-reference: the worker's copy of
the plan (planner.model.rows.read_only_copy) leaves the scenarios out. They are copied for the analysis."""

from __future__ import annotations

import pytest

from planner.analysis import analyze
from planner.ui.state.document import PlanDocument


@pytest.mark.parametrize("sync_limit", [10, 2000])
def test_a_scenario_that_names_a_deleted_decision_is_warned_of(
    window, qtbot, monkeypatch, sync_limit: int
) -> None:
    monkeypatch.setattr(PlanDocument, "SYNC_LIMIT", sync_limit)  # 10: the template (60 decisions) is "large"
    w = window
    w.new_from_template("ai-scaling")
    w.doc.wait_for_analysis()
    assert w.status.problems.text() == "0 errors · 0 warnings"
    w.doc.select(["model-cicd"])  # the scenario "Hire MLOps early" changes it
    w.delete_action.trigger()
    assert w.doc.wait_for_analysis()
    fresh = analyze(w.doc.plan, w.doc.estimate)
    codes = [f.code for f in fresh.warnings]
    assert codes and set(codes) == {"scenario-unknown-reference"}
    assert [f.code for f in w.doc.analysis.warnings] == codes
    assert [f.message for f in w.doc.analysis.warnings] == [f.message for f in fresh.warnings]
    assert w.status.problems.text() == f"0 errors · {len(codes)} warnings"
