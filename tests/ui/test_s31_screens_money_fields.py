"""The Cost tab's money fields are as wide as a figure needs, not the whole column (session 31, screens).

Presenting the portfolio sample on a 2560x1440 screen, Budget, Target finish, Cost of delay and Horizon were four
line edits 900 px wide, each holding 'none' at its left end, across the money column (and 860 px on a 4K panel at
100 %, maximised). They now stay at their size hint (about 17 characters of their type, more in presentation
type), the team rates list under them still the column's width."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, settle

SIZES = [(2560, 1440), (1920, 1080)]


def _check(tab: Any) -> None:
    money = tab.money
    for key, edit in tab.fields.items():
        assert edit.isVisible(), key
        most = 30 * edit.fontMetrics().averageCharWidth()
        assert edit.width() <= most, (key, edit.width(), most)
        assert edit.width() >= edit.sizeHint().width() - 1, key  # a figure still fits
    rates = tab.rates
    assert rates.width() >= money.contentsRect().width() - 40  # the list keeps the column's width


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_money_fields_are_not_stretched_across_the_column(
    window: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    open_at(window, qtbot, SAMPLES / "ai-portfolio.plan.json", size)
    window.show_view("Cost")
    settle()
    tab = window.cost_tab
    qtbot.waitUntil(lambda: tab.money.isVisible())
    _check(tab)
    window.presentation.enter(full_screen=False)
    try:
        settle()
        _check(tab)
    finally:
        window.presentation.leave()
        settle()
