"""The Risk tab's 'What each risk adds to P80' is in sight where the register can spare the room (session 31).

In the window's first size on a 1920x1080 screen (1400x860), the portfolio sample's figures column showed its
percentiles and one and a half of its four risks' effects, cut mid-name over a scroll bar, while the register under
it had 40 px of empty rows. The charts and figures now get the figures column's whole height first, the register
keeping at least its REGISTER_ROWS rows."""

from __future__ import annotations

from typing import Any

import pytest

from planner.ui.tabs.risk_tab import REGISTER_ROWS
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import finish_simulation, open_at, settle


@pytest.mark.parametrize("size", [(1400, 860), (1920, 1080)], ids=["1400x860", "1920x1080"])
def test_the_risk_effects_are_whole_when_the_register_keeps_its_rows(
    window: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    window.show_view("Risk")
    settle()
    window.run_simulation()
    finish_simulation(window)
    settle()
    tab = window.risk_tab
    qtbot.waitUntil(lambda: "What each risk adds" in tab.risk_effects.text())
    settle()
    register = tab.register
    least = max(register.minimumSizeHint().height(), register.minimumHeight())
    hidden = tab.figures_scroll.verticalScrollBar().maximum()
    # whole, or the register already down to its least (its REGISTER_ROWS rows): nothing more to give
    assert hidden == 0 or register.height() <= least, (hidden, register.height(), least)
    if size[1] >= 1000:  # a taller window: room for both
        assert hidden == 0, hidden
    assert register.height() >= least  # the register's rows are kept
    rows = register.table
    last = rows.visualRect(rows.model().index(REGISTER_ROWS - 1, 0))
    assert rows.viewport().rect().contains(last)
