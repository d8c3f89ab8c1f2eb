"""The Risk tab: the simulation off the GUI thread (progress, cancel, stale results) and the risk register."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.analysis.montecarlo import SimulationCancelled
from planner.model import ThreePoint, load_plan, units
from planner.ui.state.background import TaskState, run_simulation
from planner.ui.state.document import PlanDocument
from planner.ui.tabs.risk_model import COLUMN_INDEX, RiskTableModel, parse_impact

# -- the pure task (no event loop needed) -------------------------------------------------------------------


def test_run_simulation_reports_progress_and_stops_when_cancelled(sample_path):
    plan = load_plan(sample_path)
    seen: list[tuple[int, int]] = []
    state = TaskState(on_progress=lambda d, t: seen.append((d, t)))
    result = run_simulation(plan, 3000, 1, state)
    assert result.iterations == 3000
    assert seen[-1] == (3000, 3000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    stopping = TaskState()
    stopping.on_progress = lambda d, t: stopping.cancel()  # cancel at the first tick
    with pytest.raises(SimulationCancelled):
        run_simulation(plan, 100_000, 1, stopping)
    assert 0 < stopping.done < 100_000

    cancelled = TaskState()
    cancelled.cancel()
    with pytest.raises(SimulationCancelled):
        run_simulation(plan, 1000, 1, cancelled)


# -- the tab ----------------------------------------------------------------------------------------------


def test_simulation_runs_off_the_gui_thread_with_progress(qtbot, sample_window):
    tab = sample_window.risk_tab
    runner = sample_window.simulation
    tab.iterations.setValue(20_000)
    ticks: list[tuple[int, int]] = []
    runner.progress.connect(lambda d, t: ticks.append((d, t)))
    with qtbot.waitSignal(runner.finished, timeout=30_000) as blocker:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert runner.running
        assert not tab.run_button.isEnabled() and tab.cancel_button.isEnabled()
    run = blocker.args[0]
    assert run.result.iterations == 20_000 and run.seed == 0
    assert len(ticks) >= 2 and ticks[-1] == (20_000, 20_000)
    assert tab.progress.value() == tab.progress.maximum() == 20_000
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    # P10..P95 with dates (the sample plan has a start date), and the CPM finish for reference
    p50 = run.result.percentile(50)
    assert tab.results.item(1, 0).text() == "P50"
    assert tab.results.item(1, 1).text() == units.format_weeks(p50)  # as the chart, the CLI and the report
    assert tab.results.item(1, 2).text().endswith(str(run.result.date_of(p50).year))
    assert not tab.results.isColumnHidden(2)
    assert "seed 0" in tab.state_label.text()
    # probability by a week or a date
    tab.by_edit.setText(f"{p50:.3f}")
    tab.by_edit.editingFinished.emit()
    assert "of iterations finish by" in tab.by_result.text()
    tab.by_edit.setText("not a date")
    tab.by_edit.editingFinished.emit()
    assert "neither a number of weeks nor a date" in tab.by_result.text()
    # the same seed gives the same figures
    with qtbot.waitSignal(runner.finished, timeout=30_000) as again:
        tab.run()
    assert again.args[0].result.percentile(80) == run.result.percentile(80)


def test_simulation_can_be_cancelled(qtbot, sample_window):
    tab = sample_window.risk_tab
    runner = sample_window.simulation
    tab.iterations.setValue(1_000_000)  # many seconds: cancelled long before the end
    with qtbot.waitSignal(runner.progress, timeout=30_000):
        tab.run()
    with qtbot.waitSignal(runner.cancelled, timeout=30_000):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert not runner.running
    assert runner.result is None
    assert tab.state_label.text().startswith("Cancelled")
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert tab.progress.value() == 0


def test_results_are_marked_stale_after_an_edit_and_rerun(qtbot, sample_window):
    doc = sample_window.doc
    tab = sample_window.risk_tab
    runner = sample_window.simulation
    sample_window.views.setCurrentWidget(tab)
    tab.iterations.setValue(2000)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    if runner.running:  # the tab's own first-show run may still be going
        with qtbot.waitSignal(runner.finished, timeout=30_000):
            pass
    assert not runner.stale and not tab.stale_banner.isVisible()
    before = runner.result.percentile(50)

    # the last decision with work on the critical path: it finishes at the finish, so a longer one moves it (the
    # first may drive its successor by its start only, e.g. an in-progress one with a start-to-start link)
    critical = next(
        d
        for d in (doc.plan.decision(i) for i in reversed(doc.analysis.schedule.critical_path))
        if d is not None and not d.milestone
    )
    assert doc.set_duration(critical.id, 10, 12, 20) is None
    assert runner.stale and tab.stale_banner.isVisible()
    assert runner.result.percentile(50) == before  # the old figures stay, marked stale

    with qtbot.waitSignal(runner.finished, timeout=30_000):
        qtbot.mouseClick(tab.rerun_button, Qt.MouseButton.LeftButton)
    assert not runner.stale and not tab.stale_banner.isVisible()
    assert runner.result.percentile(50) > before
    # the charts are drawn (matplotlib, lazily) and show the new result
    qtbot.waitUntil(lambda: tab.finish_chart.canvas is not None and tab.finish_chart.draw_count > 0)


def test_an_edit_during_a_run_makes_its_result_stale(qtbot, sample_window):
    doc = sample_window.doc
    runner = sample_window.simulation
    tab = sample_window.risk_tab
    tab.iterations.setValue(200_000)
    with qtbot.waitSignal(runner.progress, timeout=30_000):
        tab.run()
    doc.edit_decision(doc.plan.decisions[0].id, title="Edited while simulating")
    # On a quiet machine the run can be over (and its result delivered) by now: then there is nothing to cancel and
    # no 'cancelled' comes. The signal is awaited around the cancel, not after it (it could be missed otherwise).
    if runner.running:
        with qtbot.waitSignal(runner.cancelled, timeout=30_000):
            runner.cancel()
    tab.iterations.setValue(1000)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        tab.run()
    doc.edit_decision(doc.plan.decisions[0].id, title="Edited again")
    assert runner.stale


def test_closing_the_window_stops_a_running_simulation(qtbot, sample_window):
    runner = sample_window.simulation
    sample_window.risk_tab.iterations.setValue(1_000_000)
    with qtbot.waitSignal(runner.progress, timeout=30_000):
        sample_window.risk_tab.run()
    sample_window.discard_and_close()
    assert not runner.running  # the fixture also checks that no worker is left


def test_a_plan_with_errors_is_not_simulated(qtbot, window):
    doc = window.doc
    a = doc.add_decision("A")
    b = doc.add_decision("B")
    doc.add_dependency(a, b)
    # a dependency on an unknown decision is an error: no schedule, no simulation
    doc.plan.dependencies.append(type(doc.plan.dependencies[0])(**{"from": b, "to": "ghost"}))
    doc._changed()
    doc.analyze_now()
    assert doc.analysis.schedule is None
    assert window.risk_tab.run() is False
    assert "errors" in window.risk_tab.state_label.text()


# -- the risk register ----------------------------------------------------------------------------------


def test_risk_model_follows_edits_and_undo(qtmodeltester, qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    model = RiskTableModel(doc)
    qtmodeltester.check(model)
    n = model.rowCount()
    assert n == len(doc.plan.risks) == 4
    risk = doc.plan.risks[0]

    prob = model.index(0, COLUMN_INDEX["probability"])
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(prob, 80)
    assert risk.probability == pytest.approx(0.8)
    assert prob.data() == "80%"
    assert doc.undo_stack.undoText() == "Change Risk Probability"
    doc.undo_stack.undo()
    assert risk.probability != pytest.approx(0.8)

    impact = model.index(0, COLUMN_INDEX["impact"])
    assert model.setData(impact, "1 / 2 / 5")
    assert risk.impact == ThreePoint(optimistic=1, likely=2, pessimistic=5)
    assert impact.data() == "1 / 2 / 5"
    refused: list[str] = []
    model.edit_refused.connect(refused.append)
    assert not model.setData(impact, "5 / 2 / 1")
    assert not model.setData(model.index(0, COLUMN_INDEX["decisions"]), "ghost, model-validation")
    assert "ghost" in refused[-1]
    assert not model.setData(model.index(0, COLUMN_INDEX["id"]), doc.plan.risks[1].id)
    assert "already has the id" in refused[-1]
    ids = doc.plan.decisions[0].id + ", " + doc.plan.decisions[1].id
    assert model.setData(model.index(0, COLUMN_INDEX["decisions"]), ids)
    assert risk.decisions == [doc.plan.decisions[0].id, doc.plan.decisions[1].id]

    with qtbot.waitSignal(model.rowsInserted):
        rid = doc.add_risk("Vendor goes bust", probability=0.1, impact=4)
    assert model.rowCount() == n + 1 and model.index(n, COLUMN_INDEX["id"]).data() == rid
    with qtbot.waitSignal(model.rowsRemoved):
        doc.undo_stack.undo()
    assert model.rowCount() == n
    with qtbot.waitSignal(model.rowsRemoved):
        doc.remove_risks([1])
    assert model.rowCount() == n - 1 and risk in doc.plan.risks
    with qtbot.waitSignal(model.rowsInserted):
        doc.undo_stack.undo()
    assert [model.risk_at(r) for r in range(n)] == doc.plan.risks

    # the owner is a team of the plan (by id or by name); anything else is refused
    owner = model.index(0, COLUMN_INDEX["owner"])
    team = doc.plan.teams[1]
    assert model.setData(owner, team.name) and risk.owner == team.id and owner.data() == team.name
    assert not model.setData(owner, "Nobody in particular")
    assert "not a team" in refused[-1]
    assert model.setData(owner, "") and risk.owner is None

    # deleting a decision drops it from the risks that name it (one undo step brings both back)
    named = risk.decisions[0]
    doc.delete_decisions([named])
    assert named not in risk.decisions
    doc.analyze_now()
    assert doc.analysis.schedule is not None  # no unknown-reference error left behind
    doc.undo_stack.undo()
    assert named in risk.decisions and doc.decision(named) is not None

    # renaming a decision rewrites the risks that name it, and the table shows it
    old = doc.plan.decisions[0].id
    assert doc.edit_decision(old, id="renamed-decision") is None
    assert "renamed-decision" in model.index(0, COLUMN_INDEX["decisions"]).data()
    doc.shutdown()


def test_risk_register_editor_in_the_tab(qtbot, sample_window):
    doc = sample_window.doc
    register = sample_window.risk_tab.register
    sample_window.views.setCurrentWidget(sample_window.risk_tab)
    n = len(doc.plan.risks)
    doc.select([doc.plan.decisions[3].id])
    qtbot.mouseClick(register.add_button, Qt.MouseButton.LeftButton)
    assert len(doc.plan.risks) == n + 1
    new = doc.plan.risks[-1]
    assert new.decisions == [doc.plan.decisions[3].id]
    assert register.count.text() == f"{n + 1} risks"
    # type a title into the editor that Add opened
    editor = register.table.indexWidget(register.table.currentIndex()) or register.table.focusWidget()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Regulator asks for a re-assessment")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: new.title == "Regulator asks for a re-assessment")
    assert sample_window.undo_action.text() == "&Undo Change Risk Title"
    sample_window.undo()
    assert new.title == "New risk"
    sample_window.undo()
    assert len(doc.plan.risks) == n
    assert sample_window.risk_tab.register.model.rowCount() == n

    register.table.selectRow(0)
    assert register.remove_button.isEnabled()
    qtbot.mouseClick(register.remove_button, Qt.MouseButton.LeftButton)
    assert len(doc.plan.risks) == n - 1
    sample_window.undo()
    assert len(doc.plan.risks) == n


def test_parse_impact():
    assert parse_impact("3") == 3.0
    assert parse_impact(" 2 / 4 / 8 ") == ThreePoint(optimistic=2, likely=4, pessimistic=8)
    assert parse_impact("2/2/2") == 2.0
    for bad in ("x", "1/2", "-1", "3/2/1"):
        with pytest.raises(ValueError):
            parse_impact(bad)
