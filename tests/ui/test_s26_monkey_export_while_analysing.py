"""A large plan is analysed in the worker thread (the GUI monkey's --sync-limit makes the samples so): File > Export
Chart right after an edit brought up an error box, "Cannot export the chart yet: the schedule of the last change is
still being worked out. Export again in a moment." (the monkey counted it as an expected refusal). The schedule is
worked out then and there, as before a report, and the chart is exported with the edit in it."""

from __future__ import annotations

from pathlib import Path

from planner.ui.state.document import PlanDocument


def test_a_chart_exported_right_after_an_edit_is_exported_with_it(
    sample_window, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(
        PlanDocument, "SYNC_LIMIT", 10
    )  # the sample (48 decisions) is analysed as a large plan
    w = sample_window
    w.doc.wait_for_analysis()
    new_id = w.doc.add_decision("Pilot in one branch", after=w.doc.plan.decisions[0].id)
    assert w.doc.drawable_analysis is None  # the edit's schedule is still to come
    out = w.workbench.export_chart("gantt", str(tmp_path / "gantt.png"))
    assert w.active_prompt is None, w.active_prompt and w.active_prompt.text()
    assert out is not None and Path(out).stat().st_size > 1000
    a = w.doc.drawable_analysis
    assert a is not None and new_id in a.schedule.ids  # the exported schedule has the new decision
    w.doc.wait_for_analysis()
