"""The Gantt tab at 1280x720 (the inspector docked): its controls wrapped onto a second row for one button, "Print
chart", 30 px of the tab. matplotlib's Subplots, Customize and Save tools are gone from the chart tool bar (the
chart lays out its own axes; Export chart saves it): the controls are one row, and the chart has that row."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QToolButton

from tests.ui.s18_screens_support import opened_sample, settle


def test_the_gantt_tab_s_controls_are_one_row_at_1280x720(qtbot, isolated_settings, sample_path):
    with opened_sample(qtbot, sample_path, (1280, 720)) as w:
        w.show_view("Gantt")
        settle()
        tab = w.chart_tabs["gantt"].ensure_built()
        assert tab.width() <= 860  # the inspector docked beside it
        controls = [tab.toolbar, *tab.findChildren(QCheckBox), *tab.findChildren(QToolButton)]
        controls = [c for c in controls if c.isVisible() and c.parentWidget() is tab]
        assert len(controls) >= 7  # the tool bar, three options and three buttons
        # one row: every control overlaps every other vertically
        tops, bottoms = [c.geometry().top() for c in controls], [c.geometry().bottom() for c in controls]
        assert max(tops) < min(bottoms), sorted((c.geometry().top(), type(c).__name__) for c in controls)
        names = [a.text() for a in tab.toolbar.actions() if a.text()]
        assert "Home" in names[0] and not {"Subplots", "Customize", "Save"} & set(names), names
