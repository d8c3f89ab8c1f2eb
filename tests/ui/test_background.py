"""The one background runner (planner.ui.state.background): every worker reads its own snapshot of the plan, the
analysis of a large plan and the report export run on it, and a result of an older plan is dropped."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from planner.analysis import Analysis, analysis_to_dict, analyze
from planner.model import Plan, load_plan
from planner.ui.dialogs.report_dialog import export_report
from planner.ui.state import document as document_module
from planner.ui.state.background import TaskCancelled, TaskFailed, TaskState, snapshot
from planner.ui.state.document import PlanDocument, analyze_snapshot

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
SAMPLE = SAMPLES / "insights-assistant.plan.json"


def test_a_snapshot_is_equal_and_shares_nothing_an_edit_can_reach() -> None:
    plan = load_plan(SAMPLE)
    copy = snapshot(plan)
    assert copy == plan and copy is not plan
    assert copy.decisions is not plan.decisions and copy.layout is not plan.layout
    assert all(a is not b for a, b in zip(copy.decisions, plan.decisions, strict=True))
    plan.decisions[0].title = "Edited in the GUI"
    del plan.dependencies[0]
    assert copy.decisions[0].title != "Edited in the GUI"
    assert len(copy.dependencies) == len(plan.dependencies) + 1


def test_the_analysis_task_reads_a_snapshot() -> None:
    # Its own read-only copy (issue 12: planner.model.rows.read_only_copy, decisions and links as rows, not the
    # deep snapshot() copy this test compared with ``==`` before): nothing an edit reaches, the same figures.
    plan = load_plan(SAMPLE)
    result = analyze_snapshot(plan, "likely")
    copy = result.plan
    assert copy is not plan and copy.decisions is not plan.decisions and copy.stages is not plan.stages
    assert not {id(x) for x in (*copy.decisions, *copy.dependencies, *copy.stages, *copy.teams)} & {
        id(x) for x in (*plan.decisions, *plan.dependencies, *plan.stages, *plan.teams)
    }
    assert [(d.id, d.title, d.weeks()) for d in copy.decisions] == [
        (d.id, d.title, d.weeks()) for d in plan.decisions
    ]
    assert result.schedule is not None
    assert result.schedule.finish == analyze(plan).schedule.finish  # the same figures as the live plan's
    assert analysis_to_dict(result) == analysis_to_dict(analyze(plan))


def test_task_state_step_forwards_and_says_stop_once_cancelled() -> None:
    seen: list[tuple[float, str]] = []
    state = TaskState(on_step=lambda f, m: seen.append((f, m)))
    assert state.step(0.25, "Drawing the Gantt chart") is True
    state.cancel()
    assert state.step(0.5, "Laying out") is False
    assert seen == [(0.25, "Drawing the Gantt chart"), (0.5, "Laying out")]


def test_export_report_cancelled_before_it_starts_writes_nothing(tmp_path: Path) -> None:
    state = TaskState()
    state.cancel()
    target = tmp_path / "r.pdf"
    with pytest.raises(TaskCancelled):
        export_report(load_plan(SAMPLE), "likely", target, {"sections": ["summary"]}, None, state)
    assert list(tmp_path.iterdir()) == []


def test_export_report_failure_is_a_message_for_the_user(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "r.pdf"
    with pytest.raises(TaskFailed) as failed:
        export_report(load_plan(SAMPLE), "likely", target, {"sections": ["summary"]}, None, TaskState())
    assert "r.pdf" in str(failed.value) or "missing-folder" in str(failed.value)


def test_an_edit_while_the_worker_runs_drops_its_result_and_the_next_run_is_the_live_plans(
    qtbot, monkeypatch
) -> None:
    doc = PlanDocument(load_plan(SAMPLE))
    doc.SYNC_LIMIT = 1  # force the worker path
    assert doc.wait_for_analysis()
    release = threading.Event()
    snapshots: list[int] = []
    real = document_module.analyze_snapshot

    def slow(plan: Plan, estimate: str) -> Analysis:
        result = real(plan, estimate)
        snapshots.append(len(result.plan.decisions))
        release.wait(10)  # hold the worker until the GUI thread has edited the plan
        return result

    monkeypatch.setattr(document_module, "analyze_snapshot", slow)
    n = len(doc.plan.decisions)
    doc.edit_decision(doc.plan.decisions[0].id, title="Renamed while the worker runs")
    qtbot.waitUntil(lambda: len(snapshots) == 1, timeout=10_000)  # the worker holds its snapshot
    doc.add_decision("Added meanwhile")
    release.set()
    assert doc.wait_for_analysis()
    assert snapshots[0] == n  # the first run analysed the plan as it was when it started ...
    assert (
        len(doc.analysis.plan.decisions) == n + 1
    )  # ... and was dropped: the analysis shown is the live plan's
    assert doc.analysis.plan is doc.plan
    doc.shutdown()
