"""Baselines (save, undo, variance in the table, status bar and Gantt), the Capacity tab, over-capacity findings
in the live analysis, and the chart tabs in the main window."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from planner.ui.views.models import COLUMN_INDEX, VARIANCE_COLUMNS, DecisionIdRole


def _cell(window, decision_id: str, column: str) -> str:
    proxy = window.table_view.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data(DecisionIdRole) == decision_id:
            return str(proxy.index(r, COLUMN_INDEX[column]).data())
    raise AssertionError(decision_id)


def _critical_id(doc) -> str:
    s = doc.analysis.schedule
    # one that ends the plan: lengthening it moves the finish by as much
    return next(
        did
        for i, did in enumerate(s.ids)
        if s.critical[i] and not doc.decision(did).milestone and s.ef[i] > s.es[i] and s.ef[i] == s.finish
    )


def test_save_baseline_undo_and_variance(qtbot, sample_window):
    doc = sample_window.doc
    table = sample_window.table_view
    assert not doc.plan.baselines
    assert all(table.table.isColumnHidden(c) for c in VARIANCE_COLUMNS)
    combo = sample_window.status.baseline_combo
    assert not combo.isVisible()
    assert not sample_window.status.slip.isVisible() and not combo.isVisible()

    # Plan > Save Baseline... asks for a name (window-modal, not exec)
    sample_window.save_baseline_action.trigger()
    dialog = sample_window.baseline_prompt
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    dialog.setTextValue("Board approval")
    dialog.accept()
    assert [b.name for b in doc.plan.baselines] == ["Board approval"]
    assert doc.is_modified and doc.undo_stack.undoText() == "Save Baseline 'Board approval'"
    assert not any(table.table.isColumnHidden(c) for c in VARIANCE_COLUMNS)
    assert combo.isVisible() and combo.currentData() == "Board approval"
    assert sample_window.status.slip.text() == "on baseline"

    # slip a critical decision by two weeks: the table and the status bar show the variance
    crit = _critical_id(doc)
    d = doc.decision(crit)
    finish_before = doc.analysis.schedule.finish
    assert doc.set_duration(crit, *(x + 2 for x in _triple(d.duration))) is None
    doc.analyze_now()
    assert doc.analysis.schedule.finish == finish_before + 2
    assert _cell(sample_window, crit, "finish_slip") == "+2"
    # no slip: '=', as the CLI and the Compare view write it (units.signed_weeks; the table wrote "0")
    assert _cell(sample_window, crit, "start_slip") == "="
    assert sample_window.status.slip.text() == "slip +2 wks"
    var = doc.variance()
    assert var.finish_slip == 2 and var.baseline == "Board approval"

    # a second baseline; the chooser switches between them (a view setting, not an edit)
    assert sample_window.save_baseline("After the slip")
    assert sample_window.status.slip.text() == "on baseline"
    assert combo.count() == 2 and combo.currentText() == "vs After the slip"
    depth = doc.undo_stack.count()
    combo.setCurrentIndex(combo.findData("Board approval"))
    combo.activated.emit(combo.currentIndex())
    assert doc.baseline_name == "Board approval" and doc.undo_stack.count() == depth
    assert _cell(sample_window, crit, "finish_slip") == "+2"
    # saving under an existing name replaces it, as one undo step
    assert sample_window.save_baseline("Board approval")
    assert [b.name for b in doc.plan.baselines] == ["Board approval", "After the slip"]
    assert _cell(sample_window, crit, "finish_slip") == "="
    sample_window.undo()
    assert _cell(sample_window, crit, "finish_slip") == "+2"

    # undo everything: no baseline, no variance columns
    while doc.undo_stack.canUndo():
        sample_window.undo()
    assert not doc.plan.baselines
    assert all(table.table.isColumnHidden(c) for c in VARIANCE_COLUMNS)
    assert doc.variance() is None
    assert not sample_window.status.slip.isVisible() and not combo.isVisible()


def _triple(duration):
    from planner.model import duration_triple

    return duration_triple(duration)


def test_baseline_prompt_cancel_saves_nothing(qtbot, sample_window):
    dialog = sample_window.ask_save_baseline()
    dialog.reject()
    assert not sample_window.doc.plan.baselines
    assert not sample_window.doc.is_modified


def test_over_capacity_findings_in_the_live_analysis(qtbot, sample_window):
    doc = sample_window.doc
    # analyze() includes them (the core wires capacity_findings in); the panel and status bar show them
    over = [f for f in doc.analysis.findings if f.code == "over-capacity"]
    assert over, "the sample plan has teams over capacity"
    assert "Team '" in over[0].message and "weeks" in over[0].message
    panel_texts = []
    for i in range(sample_window.findings.topLevelItemCount()):
        top = sample_window.findings.topLevelItem(i)
        panel_texts += [top.child(k).text(1) for k in range(top.childCount())]
    assert "over-capacity" in panel_texts
    assert f"{len(doc.analysis.warnings)} warning" in sample_window.status.problems.text()
    # raising every capacity removes them at the next analysis
    doc.undo_stack.beginMacro("More people")
    for team in doc.plan.teams:
        doc.edit_object(team, capacity=100.0)
    doc.undo_stack.endMacro()
    doc.analyze_now()
    assert not [f for f in doc.analysis.findings if f.code == "over-capacity"]


def test_capacity_tab_shows_load_and_levelled_schedule(qtbot, sample_window):
    tab = sample_window.capacity_tab
    doc = sample_window.doc
    sample_window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.chart.canvas is not None and tab.chart.draw_count > 0, timeout=20_000)
    lv = doc.levelled()
    assert lv is not None and lv.cost > 0
    text = tab.summary.text()
    assert "Unlevelled finish" in text and "Levelled finish" in text and "over-capacity" in text
    # the over-capacity stretches name the team and the weeks
    assert tab.over.topLevelItemCount() >= 1
    first = tab.over.topLevelItem(0)
    assert first.text(0) in {t.name for t in doc.plan.teams} and "–" in first.text(1)
    qtbot.mouseClick(
        tab.over.viewport(), Qt.MouseButton.LeftButton, pos=tab.over.visualItemRect(first).center()
    )
    assert doc.selection  # the decisions running then
    # levelled vs unlevelled, most delayed first
    assert tab.compare.topLevelItemCount() == len(lv.delayed)
    assert tab.compare.topLevelItem(0).text(3) == f"+{round(lv.delayed[0][1], 1):g}"
    assert "→" in tab.compare.topLevelItem(0).text(2)
    # the toggle redraws the chart with the levelled schedule
    n = tab.chart.draw_count
    qtbot.mouseClick(tab.show_levelled, Qt.MouseButton.LeftButton)
    assert tab.show_levelled.isChecked()
    assert tab.chart.draw_count == n + 1
    title = " ".join(t.get_text() for t in tab.chart.figure.texts)
    assert "levelled schedule" in title
    # an edit refreshes the visible tab (after the analysis)
    doc.edit_decision(doc.plan.decisions[0].id, headcount=20.0)
    doc.analyze_now()
    assert tab.chart.draw_count > n + 1


def test_chart_tabs_are_present_and_redraw_after_an_edit(qtbot, sample_window):
    tabs = sample_window.chart_tabs
    assert list(tabs) == ["gantt", "graph", "roadmap", "stages", "critical-path"]
    titles = [sample_window.views.tabText(i) for i in range(sample_window.views.count())]
    assert titles[:2] == ["Table", "Graph"] and titles[-4:] == ["Risk", "Capacity", "Cost", "Coverage"]
    assert all(t.chart is None for t in tabs.values())  # nothing built until shown
    assert not sample_window.print_action.isEnabled()

    gantt = tabs["gantt"]
    sample_window.show_view("Gantt")
    assert gantt.chart is not None
    assert sample_window.print_action.isEnabled() and sample_window.print_preview_action.isEnabled()
    qtbot.waitUntil(lambda: gantt.chart.draw_count > 0, timeout=20_000)
    doc = sample_window.doc
    with qtbot.waitSignal(gantt.chart.redrawn, timeout=10_000):
        doc.edit_decision(doc.plan.decisions[0].id, title="Renamed in the table")
    # a baseline shows under the Gantt's bars
    assert not gantt.chart.options["baseline"].isChecked()
    sample_window.save_baseline("v1")
    assert gantt.chart.options["baseline"].isChecked()
    assert gantt.chart.chart_options()["baseline"] == "v1"
    sample_window.views.setCurrentWidget(sample_window.table_view)
    assert not sample_window.print_action.isEnabled()


def test_print_preview_goes_to_the_current_chart(qtbot, sample_window, monkeypatch):
    calls = []
    sample_window.show_view("Roadmap")
    chart = sample_window.current_chart_tab()
    monkeypatch.setattr(chart, "print_preview", lambda: calls.append("preview"))
    monkeypatch.setattr(chart, "print_dialog", lambda: calls.append("print"))
    sample_window.print_preview_action.trigger()
    sample_window.print_action.trigger()
    assert calls == ["preview", "print"]


def test_window_starts_without_matplotlib():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from planner.ui.app import create_application\n"
        "app = create_application()\n"
        "from planner.ui.main_window import MainWindow\n"
        "w = MainWindow(persist_layout=False); w.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules, 'planner.ui.tabs.chart_tab' in sys.modules)\n"
        "w.discard_and_close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_export_report_opens_the_report_dialog(qtbot, sample_window):
    from planner.ui.dialogs.report_dialog import ReportDialog

    dialog = sample_window.export_report_action.trigger() or sample_window.report_dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()
    assert sample_window.report_dialog is None
