"""The inspector's dependency groups do not hold its dock wide (session 33, screens: 800x600 with a 150 % font).

There the title 'Successors (they wait for it)' was the widest thing in the inspector: its group box was as wide as
the whole title, which held the dock at 348 px of the 800 px window and left the decisions table 426. The groups'
titles now give way ("…", whole in the tooltip): the dock is as wide as its fields need, the table has the rest."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDockWidget, QGroupBox

from planner.ui.views.inspector import DependencyEditor
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, opened_sample, settle


def test_the_dependency_titles_give_way_in_a_narrow_dock(qtbot: Any, isolated_settings: Any) -> None:
    with (
        app_font(15),  # (150 % of the desk's 10 pt: the large-type setting)
        opened_sample(qtbot, SAMPLES / "ai-portfolio.plan.json", (800, 600)) as w,
    ):
        w.doc.select([w.doc.plan.decisions[3].id])
        settle()
        dock = w.findChild(QDockWidget, "inspectorDock")
        assert dock is not None and dock.isVisible()
        groups = w.inspector.findChildren(DependencyEditor)
        assert len(groups) == 2
        wide = max(groups, key=lambda g: g.fontMetrics().horizontalAdvance(g.title()))
        whole = wide.fontMetrics().horizontalAdvance(wide.title())
        assert wide.minimumSizeHint().width() < whole  # was its whole title and more (312 for 280)
        assert dock.minimumSizeHint().width() < 340  # its fields' width (321): was 348
        qtbot.waitUntil(lambda: dock.width() <= dock.minimumSizeHint().width() + 2)
        for g in groups:  # a cut title ends in "…" (ElidedGroupBox: whole in the tooltip over it)
            shown = QGroupBox.title(g)
            assert shown == g.title() or shown.endswith("\u2026"), shown
        table = w.table_view.table
        assert table.viewport().width() >= 445, table.viewport().width()  # was 430
