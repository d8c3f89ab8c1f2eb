"""The Cost tab's "Strict gates" words: a plan that strict gates do not delay costs nothing for them, whatever its
team rates (it said "not priced (no team rates or cost of delay)" of the ai-scaling template, which has rates); a
plan they delay without rates is "not priced"; with rates the amount is given (as the report and the CLI say)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.analysis.cost import cost_summary, format_money
from planner.model import load_plan
from planner.templates import load_template

ROOT = Path(__file__).resolve().parents[2]


def _summary(window: Any, qtbot: Any, plan: Any) -> str:
    window.doc.set_plan(plan)
    window.doc.wait_for_analysis()
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current is not None)
    return str(tab.summary.text())


def test_no_weeks_added_is_no_cost(window: Any, qtbot: Any) -> None:
    plan = load_template("ai-scaling")  # team rates and a cost of delay; strict gates add 0 weeks
    text = _summary(window, qtbot, plan)
    assert "<b>Strict gates:</b> 0 weeks, no cost" in text  # never "+0" (units.signed_weeks)
    assert "not priced" not in text


def test_weeks_added_without_rates_are_not_priced(window: Any, qtbot: Any) -> None:
    plan = load_plan(
        ROOT / "sample_plans" / "fraud-detection.plan.json"
    )  # costs, no rates; gates add 3.5 weeks
    text = _summary(window, qtbot, plan)
    assert "<b>Strict gates:</b> +3.5 weeks, not priced (no team rates or cost of delay)" in text


def test_weeks_added_with_rates_are_priced(window: Any, qtbot: Any) -> None:
    plan = load_plan(ROOT / "sample_plans" / "fraud-detection.plan.json")
    for team in plan.teams:
        team.rate = 1000.0
    text = _summary(window, qtbot, plan)
    a = window.doc.analysis
    summary = cost_summary(a.plan, a)
    assert summary is not None and summary.breakdown.gating is not None
    money = summary.breakdown.gating.money
    assert money > 0
    assert f"<b>Strict gates:</b> +3.5 weeks, {format_money(money, plan.currency)}" in text
