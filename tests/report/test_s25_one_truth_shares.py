"""Shares, progress and spend in the report by the one rule of each (H-report25): units.format_share for a
share, planner.analysis.cost.format_money/signed_money for money. The report formatted them itself: a stage with
12.5 % of the spend read '12%' (Python rounds half to even) where every other view writes '13%'; a risk of
probability 0.125 '12%'; the appendix wrote '38% done' and the progress section '38 % done' of the same decision;
the criticality chart wrote '100%' of a decision critical in 99.7 % of runs, which `planner simulate` writes
'>99%'; a scenario spending 0.30 more than the base read '(+0)' where `planner compare` writes '='.

Session 27: a percentage the user entered (a decision's progress, a risk's probability) is written as entered by
units.format_percent, in the report as in the app's table, inspector and register ('12.5%', not a rounded '13%'
beside the table's '12.5 %'); computed shares keep format_share's whole percentages."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.analysis.montecarlo import simulate
from planner.charts.risk import draw_criticality
from planner.model import plan_from_dict
from tests.report.report_helpers import make_report
from tests.report.s20_plans import _base
from tests.unseen_plans import progress_mixed


def _plan(**extra: Any) -> dict[str, Any]:
    d = _base("Shares", 4, **extra)
    d["teams"][0].pop("rate")
    for x, cost in zip(d["decisions"], [1000, 3000, 2000, 2000], strict=True):
        x["cost"] = cost  # one stage each: 12.5 %, 37.5 %, 25 %, 25 %
    return d


def test_cost_shares_and_risk_probabilities_are_written_as_every_view_writes_a_share(tmp_path: Path) -> None:
    d = _plan()
    d["risks"] = [
        {
            "id": "r1",
            "title": "Vendor late",
            "probability": 0.125,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4},
            "decisions": ["d001"],
        }
    ]
    plan = plan_from_dict(d)
    r = make_report(
        analyze(plan),
        tmp_path / "r.pdf",
        sections=["summary", "cost", "risk"],
        simulation=simulate(plan, 200, seed=0),
    )
    cost = next(p for p in r.pages if "Cost by stage" in p)
    shares = [w for w in cost.split() if w.endswith("%")]
    assert {"13%", "38%", "25%"} <= set(shares) and "12%" not in shares, shares
    risk = next(p for p in r.pages if "Schedule risk" in p and "Vendor late" in p)
    assert "12.5%" in risk and "13%" not in risk  # entered, as the register shows it
    assert "(probability 12.5%)" in r.flat


def test_progress_is_written_alike_in_the_appendix_and_the_progress_section(tmp_path: Path) -> None:
    d = progress_mixed()
    d["decisions"][1]["progress"] = 37.5  # in progress
    first = d["decisions"][0]["id"]
    d["baselines"] = [  # everything was to finish in week 0.5: all work not done has slipped
        {
            "name": "Early",
            "created": "2027-01-01T09:00:00",
            "finish": 0.5,
            "decisions": {x["id"]: {"start": 0, "finish": 0.5} for x in d["decisions"] if x["id"] != first},
            "gates": {},
        }
    ]
    r = make_report(analyze(plan_from_dict(d)), tmp_path / "r.pdf", sections=["progress", "appendix"])
    assert "in progress, 37.5% done" in r.flat  # the progress section
    assert r.flat.count("37.5% done") == 2  # and the appendix's status column
    assert " % done" not in r.flat


def test_the_criticality_chart_writes_each_index_as_planner_simulate_does() -> None:
    plan = plan_from_dict(_plan())
    sim = simulate(plan, 200, seed=0)
    sim = dataclasses.replace(sim, criticality=np.array([0.997, 0.125, 0.5, 0.003]))
    fig = Figure(figsize=(8, 4), dpi=72)
    draw_criticality(fig, sim)
    labels = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert {">99%", "13%", "50%", "<1%"} <= labels, labels
    assert "100%" not in labels and "12%" not in labels


def test_a_scenarios_spend_change_is_written_as_planner_compare_writes_it(tmp_path: Path) -> None:
    d = _plan()
    d["scenarios"] = [{"name": "Dearer", "decisions": {"d000": {"cost": 1000.3}}}]
    plan = plan_from_dict(d)
    result = analyze(plan)
    result.comparison = compare_scenarios(plan, ["Base", "Dearer"], iterations=200)
    r = make_report(result, tmp_path / "r.pdf", sections=["comparison"])
    assert "Spend EUR 8,000 EUR 8,000 (=)" in r.flat, r.flat[:3000]
