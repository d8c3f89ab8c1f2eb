"""`planner analyze` says how the spend splits as the Cost tab does (lead, session 21; found by H-ui21).

Before: the command line always wrote every kind, "EUR 1,500 (labour EUR 0, one-off EUR 1,500, running EUR 0)",
where the Cost tab, the cost chart and the report leave the zero kinds out ("(all of it one-off)"). Now one
function, CostBreakdown.spend_split, writes it for the command line and the Cost tab.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.analysis import analyze
from planner.analysis.cost import cost_breakdown
from planner.cli import main
from planner.model import plan_from_dict, save_plan


def _plan(**decision: Any) -> Any:
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Spend",
            "currency": "EUR",
            "stages": [{"id": "validate", "name": "Validate"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "duration": 2, **decision},
                {"id": "b", "title": "B", "stage": "validate", "duration": 3},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
        },
        "<spend>",
    )


def _cost_line(plan: Any, tmp_path: Path, capsys: Any) -> str:
    path = tmp_path / "s.plan.json"
    save_plan(plan, path)
    assert main(["analyze", str(path)]) == 0
    return next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Cost (spend):"))


def test_one_kind_of_spend_is_said_once(tmp_path: Path, capsys: Any) -> None:
    line = _cost_line(_plan(cost=1500), tmp_path, capsys)
    assert line == "Cost (spend):              EUR 1,500 (all of it one-off)"


def test_the_command_line_and_the_cost_tab_split_alike(tmp_path: Path, capsys: Any) -> None:
    plan = _plan(cost=1500, run_rate=100)
    line = _cost_line(plan, tmp_path, capsys)
    result = analyze(plan)
    assert result.schedule is not None
    b = cost_breakdown(plan, result.schedule)
    assert (b.one_off, b.labour, b.run) == (1500, 0, 300)  # by hand: no team; EUR 100 a week from week 2 to 5
    assert line.endswith(b.spend_split("EUR", " to week 5"))
    assert line == "Cost (spend):              EUR 1,800 (one-off EUR 1,500, running EUR 300 to week 5)"
