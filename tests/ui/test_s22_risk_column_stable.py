"""The Risk tab's figures column (the percentile table, the probability field, what each risk adds) was 330 px on
opening, 30 % of the tab after the window had been narrow (the panes stacked, then side by side again), and kept
whatever a resize left. It is now as wide as its percentile table needs whole, on every plan and after any
resize, until the user drags it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import finish_simulation, opened_sample, settle

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def _shown_widths(w: MainWindow) -> tuple[int, int]:
    tab = w.risk_tab
    return tab.figures_scroll.width(), tab.figures_scroll.minimumWidth()


def _cells_whole(w: MainWindow) -> int:
    table = w.risk_tab.results
    fm = table.fontMetrics()
    shown = 0
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is None or not item.text() or table.isColumnHidden(c):
                continue
            assert table.columnWidth(c) >= fm.horizontalAdvance(item.text()) + 6, item.text()
            shown += 1
    right = sum(table.columnWidth(c) for c in range(3) if not table.isColumnHidden(c))
    assert right <= table.viewport().width()
    return shown


def test_the_figures_column_keeps_its_width_over_plans_and_resizes(
    qtbot, isolated_settings, sample_path, tmp_path
):
    one = tmp_path / "one.plan.json"
    one.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "title": "One",
                "start_date": "2031-12-29",
                "stages": [{"id": "s", "name": "Only"}],
                "decisions": [{"id": "a", "title": "A", "stage": "s", "duration": {"likely": 2}}],
            }
        )
    )
    with opened_sample(qtbot, sample_path, (1920, 1080)) as w:
        w.risk_tab.iterations.setValue(w.risk_tab.iterations.minimum())  # (the figures' width is the case)
        w.views.setCurrentWidget(w.risk_tab)
        settle()
        assert w.risk_tab.run()
        finish_simulation(w)
        settle()
        first, least = _shown_widths(w)
        assert first == least  # as wide as its table needs
        assert _cells_whole(w) >= 20
        w.resize(900, 700)  # the panes stacked
        settle()
        w.resize(1920, 1080)
        settle()
        assert _shown_widths(w) == (first, least)
        w.open_file(Path(one))
        w.doc.wait_for_analysis()
        settle()
        assert w.risk_tab.run()
        finish_simulation(w)
        settle()
        QApplication.processEvents()
        assert _shown_widths(w) == (first, least)
        assert _cells_whole(w) >= 20
