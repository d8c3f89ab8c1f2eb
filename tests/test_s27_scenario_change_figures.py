"""What a scenario changes names its figures by the one rule of each (session 27): a risk's odds as the register
and the report write an entered percentage (units.format_percent: 12.5%, where Python's format wrote '12%', half
to even), a cost by units.format_money."""

from __future__ import annotations

from planner.model import plan_from_dict
from planner.model.scenarios import describe_changes
from planner.units import format_money, format_percent


def test_odds_and_costs_in_a_scenarios_changes() -> None:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Odds",
            "currency": "EUR",
            "stages": [{"id": "v", "name": "V"}],
            "decisions": [{"id": "a", "title": "A", "stage": "v", "duration": 2, "cost": 1000}],
            "risks": [{"id": "r", "title": "Late", "probability": 0.3, "impact": 1, "decisions": ["a"]}],
            "scenarios": [
                {
                    "name": "S",
                    "decisions": {"a": {"cost": 2500.5}},
                    "risks": {"r": {"probability": 0.125}},
                }
            ],
        }
    )
    text = "\n".join(describe_changes(plan, plan.scenarios[0]))
    assert f"probability {format_percent(12.5)} (was {format_percent(30)})" in text, text
    assert "12.5%" in text and "12%" not in text
    assert f"costs {format_money(2500.5, 'EUR')} (was {format_money(1000, 'EUR')})" in text, text
