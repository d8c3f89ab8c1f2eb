"""The cost section gives the true cause when the simulated spend barely moves (H-report22).

Costs in yen, huge sums (s20's jpy_huge): one-off costs of a trillion yen beside weekly running costs and a team
paid by the week, every estimate a range. The simulated spend moves with the schedule but stays within half a
percent of the total (spend_varies is False), and the section said 'Each of the 300 simulated runs spends the
same: the schedule itself does not vary in them (no estimate has a range and no risk delays the work)'.
"""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.analysis.cost import cost_summary
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.sections.cost import summary_sentences
from planner.report.style import page_geometry
from tests.report.s20_plans import _base, jpy_huge


def _words(data: dict[str, Any]) -> str:
    plan = plan_from_dict(data)
    analysis, sim = analyze(plan), simulate(plan, 300, seed=0)
    g = page_geometry("a4", "landscape")
    ctx = ReportContext(analysis=analysis, geometry=g, wide=g, simulation=sim)
    s = cost_summary(plan, analysis, sim)
    assert s is not None and s.risk is not None
    return " ".join(summary_sentences(ctx, s))


def test_spend_that_barely_moves_is_not_said_to_be_the_same() -> None:
    text = _words(jpy_huge())
    assert "spends the same" not in text and "no estimate has a range" not in text
    assert "within half a percent of the plan's total" in text


def test_spend_with_no_range_is_the_same_in_every_run() -> None:
    d = _base("Fixed durations, weekly team", 4)
    for x in d["decisions"]:
        x["duration"] = 2
    assert "each of the 300 simulated runs spends the same".lower() in _words(d).lower()


def test_labour_alone_on_narrow_ranges_names_no_one_off_costs() -> None:
    # H-review22's repro: one team paid by the week, estimates with ranges of a few hundredths of a week, no one-off
    # cost: the runs spend within half a percent, and the words blamed 'the one-off costs' the plan does not have.
    d = _base("Narrow ranges, labour only", 2)
    d["teams"] = [{"id": "t", "name": "Team", "capacity": 5, "rate": 1000}]
    for x, three in zip(d["decisions"], ((10, 10.01, 10.05), (5, 5.01, 5.03)), strict=False):
        x.update(owner="t", duration=dict(zip(("optimistic", "likely", "pessimistic"), three, strict=True)))
        x.pop("cost", None)
        x.pop("run_rate", None)
    text = _words(d)
    assert "within half a percent of the plan's total" in text
    assert "one-off" not in text and "it varies little from run to run" in text
