"""A scenario that moves no decision gets a sentence, not a Gantt of every bar on its twin (session 31).

The comparison drew each scenario's Gantt over its reference's bars; for a scenario that changes nothing every bar
sat on its thin twin, a page that said 'no change' in the most costly way (the report one page longer).
"""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from tests.report.report_helpers import make_report
from tests.test_cli_scenarios import hand_plan


def test_a_scenario_that_moves_nothing_is_said_in_a_sentence(tmp_path: Path) -> None:
    plan = plan_from_dict(hand_plan())
    result = analyze(plan)
    result.comparison = compare_scenarios(plan, ["Base", "Same", "Fast b"], iterations=200)
    flat = make_report(result, tmp_path / "r.pdf", sections=["comparison"]).flat
    assert "“Same” against “Base”" in flat and "“Fast b” against “Base”" in flat
    assert (
        "“Same” moves no decision: each one starts and finishes when it does in “Base”, with the same float, so "
        "its Gantt would be the same." in flat
    )
    # one chart: Fast b's (its subtitle names the reference drawn under it)
    assert flat.count("baseline “Base”") == 1
    assert "“Fast b” moves no decision" not in flat
