"""The Cost tab's figures stand beside their names on a wide screen (session 32, screens).

At 2560x1440 the breakdown's names took all the width the column left over: 'Validate' at the left edge and
'USD 861,500 26%' 400 px to its right, with nothing between to lead a reader's eye along the row (the team rates list
the same: the rate column at the far edge). The name column is now as wide as its words (eliding only where the
room is short), the figures beside it, the room left over after them, and the rows in alternate shades."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from planner.ui.views.columns import whole_width
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, settle


@pytest.mark.parametrize("size", [(2560, 1440), (1920, 1080)], ids=["2560x1440", "1920x1080"])
def test_each_figure_is_beside_its_name(window: Any, qtbot: Any, size: tuple[int, int]) -> None:
    window.show()
    qtbot.waitExposed(window)
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    settle()
    qtbot.waitUntil(lambda: tab.trees["stage"].topLevelItemCount() == 4)
    settle()
    for key in ("stage", "area", "team", "category"):
        tab.breakdown.setCurrentWidget(tab.trees[key])
        settle()
        tree = tab.trees[key]
        header = tree.header()
        names = whole_width(tree, 0)
        # the names whole, and the cost column starts where they end (it started 300-400 px further right)
        assert names <= header.sectionSize(0) <= names + 4, (key, header.sectionSize(0), names)
        last = header.sectionPosition(2) + header.sectionSize(2)
        assert last <= tree.viewport().width()  # every figure in sight
        assert tree.alternatingRowColors()
        # on this screen the column has room to spare: it is after the figures
        assert tree.viewport().width() - last > 40
    rates = tab.rates
    h = rates.header()
    assert h.sectionSize(0) <= whole_width(rates, 0) + 4  # the rate beside the team's name
    assert h.sectionPosition(1) + h.sectionSize(1) <= rates.viewport().width()


def test_a_narrow_column_still_shows_the_figures_whole(window: Any, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", (1024, 700))
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.trees["area"].topLevelItemCount() > 0)
    tab.breakdown.setCurrentWidget(tab.trees["area"])
    settle()
    tree = tab.trees["area"]
    header = tree.header()
    for c in (1, 2):  # figures are never cut: a name elides first
        assert header.sectionSize(c) >= whole_width(tree, c), c
    assert window.size() == QSize(1024, 700)


def test_the_over_capacity_peaks_stand_beside_their_teams(window: Any, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    open_at(window, qtbot, SAMPLES / "bank-assistant.plan.json", (2560, 1440))
    tab = window.capacity_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.over.topLevelItemCount() > 0)
    settle()
    tree = tab.over
    header = tree.header()
    assert header.sectionSize(0) <= whole_width(tree, 0) + 4  # was ~280 px for ~150 px of names
    last = header.sectionPosition(3) + header.sectionSize(3)
    assert tree.viewport().width() - last > 40  # the room over after the peak, not between name and figures
    assert tree.alternatingRowColors()
