"""The document re-analyses duration and earliest-start edits incrementally, and anything else in full."""

from __future__ import annotations

import numpy as np

from planner.analysis import analyze
from planner.model import load_plan
from planner.ui.state.document import PlanDocument


def _same_figures(doc: PlanDocument) -> None:
    a = doc.analysis
    assert a is not None and a.schedule is not None and doc.analysis_current
    full = analyze(doc.plan, doc.estimate)
    assert full.schedule is not None
    for name in ("es", "ef", "ls", "lf", "total_float", "free_float", "critical", "driving"):
        np.testing.assert_array_equal(getattr(a.schedule, name), getattr(full.schedule, name), err_msg=name)
    assert a.schedule.critical_path == full.schedule.critical_path
    assert a.findings == full.findings
    assert a.stages is not None and full.stages is not None and a.stages.stages == full.stages.stages


def test_duration_edits_undo_and_redo_are_incremental(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    assert doc.wait_for_analysis()
    ids = [d.id for d in doc.plan.decisions if not d.milestone]
    first = doc.incremental_runs
    assert doc.set_duration(ids[0], 1, 6, 9) is None
    assert doc.wait_for_analysis()
    assert doc.incremental_runs == first + 1
    _same_figures(doc)
    assert doc.edit_decision(ids[1], not_before=3.0) is None
    assert doc.wait_for_analysis()
    _same_figures(doc)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.wait_for_analysis()
    _same_figures(doc)
    doc.undo_stack.redo()
    assert doc.wait_for_analysis()
    assert doc.incremental_runs == first + 4
    _same_figures(doc)
    doc.shutdown()


def test_other_edits_take_the_full_analysis(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    assert doc.wait_for_analysis()
    ids = [d.id for d in doc.plan.decisions]
    before = doc.incremental_runs
    assert doc.edit_decision(ids[2], title="Renamed for the findings") is None  # names appear in findings
    assert doc.wait_for_analysis()
    a, b = ids[0], ids[-1]
    doc.add_dependency(b, a) if doc.would_create_cycle(b, a) is None else doc.add_dependency(a, b)
    assert doc.wait_for_analysis()
    doc.set_estimate("pessimistic")
    assert doc.wait_for_analysis()
    assert doc.incremental_runs == before
    _same_figures(doc)
    # A duration edit right after a full analysis is incremental again.
    assert doc.set_duration(ids[3], 2, 2, 2) is None
    assert doc.wait_for_analysis()
    assert doc.incremental_runs == before + 1
    _same_figures(doc)
    doc.shutdown()


def test_huge_plans_keep_the_full_analysis_off_the_gui_thread(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    doc.INCREMENTAL_LIMIT = 3  # the sample stands for a plan above the limit
    assert doc.wait_for_analysis()
    before = doc.incremental_runs
    d = next(d for d in doc.plan.decisions if not d.milestone)
    assert doc.set_duration(d.id, 2, 3, 5) is None
    assert doc.wait_for_analysis()
    assert doc.incremental_runs == before
    _same_figures(doc)
    doc.shutdown()
