"""`planner analyze` says up to when running costs are counted, as the Cost tab and the report do (H-unseen22).

Before: the command line wrote "EUR 300 (all of it running)" where the Cost tab wrote "(all of it running to week 5
(8 Feb 2027))" and the report "... up to week 5 (8 Feb 2027)": a running cost is per week, so its sum means nothing
without the week it is counted to (the plan's horizon, or its finish when it has none). Now the command line passes
the horizon to the same CostBreakdown.spend_split the Cost tab calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.cli import main
from planner.model import plan_from_dict, save_plan


def _cost_line(tmp_path: Path, capsys: Any, **extra: Any) -> str:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Running",
            "currency": "EUR",
            "start_date": "2027-01-04",
            "stages": [{"id": "validate", "name": "Validate"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "duration": 2, "run_rate": 100},
                {"id": "b", "title": "B", "stage": "validate", "duration": 3, "cost": 40},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
            **extra,
        },
        "<running>",
    )
    path = tmp_path / "r.plan.json"
    save_plan(plan, path)
    assert main(["analyze", str(path)]) == 0
    return next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Cost (spend):"))


def test_running_costs_are_counted_to_the_finish(tmp_path: Path, capsys: Any) -> None:
    # by hand: a finishes at week 2, the plan at 5 (8 Feb 2027 = 4 Jan + 35 days): EUR 100 x 3 weeks = 300, + 40
    line = _cost_line(tmp_path, capsys)
    assert (
        line == "Cost (spend):              EUR 340 (one-off EUR 40, running EUR 300 to week 5 (8 Feb 2027))"
    )


def test_running_costs_are_counted_to_the_horizon(tmp_path: Path, capsys: Any) -> None:
    # by hand: horizon week 10 (15 Mar 2027 = 4 Jan + 70 days): EUR 100 x (10 - 2) = 800; no one-off cost
    line = _cost_line(tmp_path, capsys, horizon=10)
    assert "EUR 840 (one-off EUR 40, running EUR 800 to week 10 (15 Mar 2027))" in line
