"""The Cost tab's summary names only the kinds of spend the plan has, by the rule the cost chart and the report use
(CostBreakdown.spend_kinds): it said "labour EUR 0, ... running EUR 0" for a plan of one-off costs alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextDocument

from planner.model.io import load_plan
from tests.ui.conftest import SAMPLES


def _summary(window: Any, qtbot: Any, plan: Any) -> str:
    window.doc.set_plan(plan)
    window.doc.wait_for_analysis()
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current is not None)
    doc = QTextDocument()
    doc.setHtml(tab.summary.text())
    return doc.toPlainText()


def test_one_kind_of_spend_is_said_once_without_zero_kinds(window: Any, qtbot: Any) -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")  # decision costs only: no rates, no run rates
    text = _summary(window, qtbot, plan)
    # the report says "EUR 594,500, all of it one-off costs" (tests/report/test_board_ready.py)
    assert "Total spend: EUR 594,500 (all of it one-off)" in text, text
    assert "EUR 0" not in text and "labour" not in text and "running" not in text


def test_two_kinds_name_both_and_leave_the_third_out(window: Any, qtbot: Any, make_plan: Any) -> None:
    # Labour: 2 people x 4 weeks x 1,000 = 8,000. Running: 100 a week from the finish (week 4) to the horizon
    # (week 10) = 600. No one-off cost.
    plan = make_plan(
        [{"id": "a", "duration": 4, "owner": "t", "headcount": 2, "run_rate": 100}],
        teams=[{"id": "t", "name": "Team", "capacity": 2, "rate": 1000}],
        currency="EUR",
        horizon=10,
    )
    text = _summary(window, qtbot, plan)
    assert "Total spend: EUR 8,600 (labour EUR 8,000, running EUR 600 to week 10)" in text, text
    assert "one-off" not in text and "EUR 0" not in text


def test_running_costs_alone_keep_their_horizon(window: Any, qtbot: Any, make_plan: Any) -> None:
    # 250 a week from the finish (week 3) to week 7: 1,000, all of it running.
    plan = make_plan([{"id": "a", "duration": 3, "run_rate": 250}], currency="EUR", horizon=7)
    text = _summary(window, qtbot, plan)
    assert "Total spend: EUR 1,000 (all of it running to week 7)" in text, text
