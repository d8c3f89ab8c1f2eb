"""Printing a long critical path from its tab: a page drew every step, shrunk until the chips' text was 4 pt.
Each page now takes the steps that read on it (charts.critical_path_pages), the next page the rest."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from benchmarks._plans import random_plan
from planner.analysis import Analysis, analyze
from planner.charts.critical_path import critical_path_pages
from planner.model import Plan
from planner.ui.tabs.chart_tab import ChartTab


class _Doc(QObject):
    analysis_updated = Signal(object)
    selection_changed = Signal(list)
    baseline_changed = Signal(object)

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.analysis: Analysis | None = analyze(plan)
        self.selection: list[str] = []
        self.baseline_name: str | None = None

    @property
    def drawable_analysis(self) -> Analysis | None:
        return self.analysis


def test_a_long_critical_path_prints_over_pages(qtbot) -> None:
    doc = _Doc(random_plan(1000, seed=1))
    tab = ChartTab(doc, "critical-path")
    qtbot.addWidget(tab)
    assert doc.analysis is not None and doc.analysis.schedule is not None
    n = len(doc.analysis.schedule.critical_path)
    pages = tab.print_pages(10.0, 7.0)
    assert len(pages) > 1
    steps = [p["steps"] for p in pages]
    assert steps == critical_path_pages(doc.analysis, 10.0, 7.0)
    assert steps[0][0] == 0 and steps[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(steps, steps[1:], strict=False))  # every step once, in order
