"""The Cost tab's team rates list shows every team up to ten (session 31, screens).

The list was six rows high whatever the plan: the portfolio sample's nine teams were six rows and a scroll bar on
a 1920x1080 screen (and at 2560x1440, maximised), with the breakdown table under it mostly empty. It is now as
many rows high as the plan has teams, from six up to ten (more scroll); six as before for six teams or fewer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def _rates(w: Any) -> Any:
    w.show_view("Cost")
    _settle()
    return w.cost_tab.rates


def test_eight_teams_are_all_in_sight(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "ai-portfolio.plan.json", (1920, 1080)) as w:
        rates = _rates(w)
        n = rates.topLevelItemCount()
        assert 6 < n <= 10  # the sample's teams: more than six
        qtbot.waitUntil(lambda: rates.isVisible())
        assert rates.verticalScrollBar().maximum() == 0
        last = rates.visualItemRect(rates.topLevelItem(n - 1))
        assert rates.viewport().rect().contains(last)


def test_six_teams_keep_six_rows_and_many_teams_scroll(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "bank-assistant.plan.json", (1920, 1080)) as w:
        rates = _rates(w)
        row = rates.sizeHintForRow(0)
        assert rates.topLevelItemCount() == 6
        six = rates.height()
        assert rates.verticalScrollBar().maximum() == 0
        plan = w.doc.plan.model_copy(deep=True)
        from planner.model.plan import Team

        plan.teams = [*plan.teams, *(Team(id=f"extra{k}", name=f"Extra team {k}") for k in range(14))]
        w.adopt_imported(plan, "test")
        rates = _rates(w)
        assert rates.topLevelItemCount() == 20
        assert rates.height() == six + 4 * row  # ten rows: the rest scroll
        assert rates.verticalScrollBar().maximum() > 0
