"""A plan whose areas, stages and teams have 200-character names (tests/unseen_plans.long_text) opened in a
1280x720 window made it 1,890 px wide: the table's filters took their longest choice's width (the owner filter
1,609 px) and the area column 1,400 px. The filters are now at most 40 characters wide (their lists show the names
whole) and the names' columns elide past 56 characters."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import settle
from tests.unseen_plans import long_text


def test_long_names_keep_the_window_on_a_1280_px_screen(qtbot, isolated_settings):
    from planner.model import Plan
    from planner.ui.main_window import MainWindow
    from planner.ui.views.models import COLUMN_INDEX

    plan = Plan.model_validate(long_text())
    assert max(len(t.name) for t in plan.teams) > 150  # the case
    w = MainWindow(plan=plan, persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1280, 720)
        w.show()
        qtbot.waitExposed(w)
        w.doc.wait_for_analysis()
        settle()
        assert w.width() <= 1280
        assert w.minimumSizeHint().width() <= 1280
        view = w.table_view
        char = view.fontMetrics().horizontalAdvance("M")
        for combo in (view.stage_filter, view.area_filter, view.owner_filter):
            assert combo.width() <= 40 * char, combo.width()
            assert combo.view().minimumWidth() > combo.width()  # the list: the names whole
        table = view.table
        for key in ("area", "stage", "owner"):
            assert table.columnWidth(COLUMN_INDEX[key]) <= 60 * table.fontMetrics().averageCharWidth()
        QApplication.processEvents()
    finally:
        w.discard_and_close()
