"""Every table grows with presentation type (s17 workshop sweep). Presentation mode scaled the decision table's
rows and columns with its fonts but no other table: on a 4K panel (type 3.2x) the risk tab's percentile rows were
drawn over each other and the risk register's columns showed "3…" and "2 / …" (/tmp/s17ws/png/pt-p4k-07-Risk.png;
after: pt-a4k-07-Risk.png)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from planner.ui.tabs.risk_model import COLUMN_INDEX


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def test_the_risk_tables_grow_with_presentation_type_and_come_back(sample_window, qtbot):
    w = sample_window
    w.resize(3840, 2160)
    qtbot.waitUntil(lambda: w.size() == QSize(3840, 2160))
    w.doc.wait_for_analysis()
    results = w.risk_tab.results
    register = w.risk_tab.register.table
    rows_before = results.verticalHeader().defaultSectionSize()
    # (the last column stretches to the table's width)
    n = register.model().columnCount() - (1 if register.horizontalHeader().stretchLastSection() else 0)
    widths_before = [register.horizontalHeader().sectionSize(c) for c in range(n)]
    p = w.presentation
    p.enter(full_screen=False)
    try:
        w.views.setCurrentWidget(w.risk_tab)
        _settle()
        assert p.scale == 2.0
        line = results.fontMetrics().height()
        assert results.verticalHeader().defaultSectionSize() >= line  # a row holds a line of its type
        assert register.verticalHeader().defaultSectionSize() >= register.fontMetrics().height()
        # The register's columns are fitted to their words in the table's type (planner.ui.views.columns), no
        # longer scaled from the desk's pixels: they grow, and the id, probability and impact show whole in
        # presentation type ("3…" and "2 / …" before).
        fm = register.fontMetrics()
        model = register.model()
        header = register.horizontalHeader()
        for c, before in enumerate(widths_before):
            assert header.sectionSize(c) >= before
        for key in ("id", "probability", "impact"):
            c = COLUMN_INDEX[key]
            for r in range(model.rowCount()):
                text = str(model.index(r, c).data())
                assert header.sectionSize(c) >= fm.horizontalAdvance(text) + 6, text
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
    _settle()
    assert results.verticalHeader().defaultSectionSize() == rows_before
    # Back in the desk's type: the columns shown whole are as wide as before; the others share the view's width
    # (now shown on a 3840 px window, it was not before: wider).
    header = register.horizontalHeader()
    for key in ("id", "probability", "impact"):
        assert header.sectionSize(COLUMN_INDEX[key]) == widths_before[COLUMN_INDEX[key]]
    assert header.length() <= register.viewport().width()


def test_the_coverage_matrix_columns_follow_presentation_type(sample_window, qtbot):
    # Built when first shown, during the presentation: its widths came in pixels of the desk's type.
    w = sample_window
    w.resize(3840, 2160)
    qtbot.waitUntil(lambda: w.size() == QSize(3840, 2160))
    w.doc.wait_for_analysis()
    p = w.presentation
    p.enter(full_screen=False)
    try:
        w.views.setCurrentWidget(w.coverage_tab)
        _settle()
        matrix = w.coverage_tab.matrix
        assert matrix.rowCount() > 0
        char = matrix.fontMetrics().averageCharWidth()
        assert matrix.columnWidth(1) >= 30 * char  # the item's title: ~34 characters a line
        for c in range(2, matrix.columnCount() - 1):  # the stage columns: an id a line
            assert matrix.columnWidth(c) >= 16 * char - 1
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
