"""The Capacity tab's levelling views (issue 18): why each decision moved, and the Gantt of both schedules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from planner.units import format_weeks


def test_moves_say_why_and_the_gantt_shows_both_schedules(qtbot, sample_window):
    tab = sample_window.capacity_tab
    doc = sample_window.doc
    sample_window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.chart.canvas is not None and tab.chart.draw_count > 0, timeout=20_000)
    lv = doc.levelled()
    assert lv.method == "heuristic" and lv.moves
    why = {m.id: m.text(doc.plan) for m in lv.moves}
    rows = [tab.compare.topLevelItem(k) for k in range(tab.compare.topLevelItemCount())]
    assert len(rows) == len(lv.delayed)
    for item in rows:
        did = item.data(0, 0x0100)[0]  # Qt.UserRole: the decision's id
        assert item.text(4).lower() == why[did].lower() and why[did] in item.toolTip(4)
    # the summary says how far from the best possible the levelled finish may be
    text = tab.summary.text()
    assert "no schedule with these teams finishes earlier" in text or "best possible: no earlier than" in text

    n = tab.chart.draw_count
    tab.chart_kind.setCurrentIndex(tab.chart_kind.findData("gantt"))
    qtbot.waitUntil(lambda: tab.chart.draw_count > n, timeout=20_000)
    assert not tab.show_levelled.isEnabled()
    fig = tab.chart.figure
    texts = " ".join(t.get_text() for t in fig.texts)
    texts += " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    # the levelled schedule's finish, with the unlevelled dates drawn as the baseline bars
    assert "Gantt" in texts and f"finish wk {format_weeks(lv.finish)}" in texts
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]
    assert "Baseline" in {t.get_text() for leg in legends for t in leg.get_texts()}
    tab.chart_kind.setCurrentIndex(tab.chart_kind.findData("load"))
    assert tab.show_levelled.isEnabled()


def test_prove_the_optimum_runs_cp_sat_off_the_gui_thread(qtbot, sample_window):
    from planner.analysis.capacity import level

    tab = sample_window.capacity_tab
    doc = sample_window.doc
    sample_window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.chart.canvas is not None and tab.chart.draw_count > 0, timeout=20_000)
    heuristic = doc.levelled()
    assert tab.prove.isVisible() and tab.prove.isEnabled() == (not heuristic.proved_optimal)
    if heuristic.proved_optimal:  # nothing to prove on this plan: the heuristic already reached the bound
        return
    qtbot.mouseClick(tab.prove, Qt.MouseButton.LeftButton)
    assert not tab.prove.isEnabled()
    assert tab.wait(30_000)
    qtbot.waitUntil(lambda: tab.levelled() is not heuristic, timeout=10_000)
    lv = tab.levelled()
    assert lv.method == "exact" and lv.finish <= heuristic.finish
    a = doc.analysis
    assert lv.finish == level(a.plan, a.schedule, "exact").finish  # the same answer as the CLI's
    if lv.proved_optimal:
        assert "proved by CP-SAT" in tab.summary.text() and not tab.prove.isEnabled()
    assert tab.compare.topLevelItemCount() == max(1, len(lv.delayed))
    # an edit makes a new analysis: the proof belonged to the old one
    doc.edit_decision(doc.plan.decisions[0].id, headcount=1.0)
    doc.analyze_now()
    assert tab.levelled().method == "heuristic"


def test_many_decisions_that_cannot_be_levelled_are_counted_not_listed(qtbot, window, tmp_path):
    # Each of 40 decisions needs 3 people from a team of 1: none can be levelled. The summary names five by id and
    # counts the rest (it listed all of them, a wall of ids above the chart); the tooltip has every one.
    from planner.model import load_plan, save_plan
    from planner.model.plan import Decision, Team

    plan = load_plan(Path(__file__).parents[2] / "sample_plans" / "bank-assistant.plan.json")
    plan.teams = [Team(id="solo", name="Solo", capacity=1.0)]
    plan.risks = []
    plan.dependencies = []
    stage = plan.stages[0].id
    plan.decisions = [
        Decision(id=f"d{k:02d}", title=f"D{k}", stage=stage, owner="solo", headcount=3, duration=1)
        for k in range(40)
    ]
    path = tmp_path / "stuck.plan.json"
    save_plan(plan, path)
    window.open_file(path)
    tab = window.capacity_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.chart.canvas is not None and tab.chart.draw_count > 0, timeout=20_000)
    qtbot.waitUntil(lambda: "cannot be levelled" in tab.summary.text(), timeout=20_000)
    text = tab.summary.text()
    assert "cannot be levelled: d00, d01, d02, d03, d04 and 35 more" in text
    assert "d05" not in text
    assert all(f"d{k:02d}" in tab.summary.toolTip() for k in range(40))
