"""Cost charts of a plan where nothing costs anything say so, as the report does (H-unseen32).

A plan of steering milestones whose team has a rate drew a spend curve flat at zero on money ticks '0, 0, 1, 1, 1'
and a cost-by-stage chart of empty bars on ticks '0, 0, 0, 1, 1'; the report leaves its cost section out of the
same plan (CostBreakdown.spend_kinds is empty). Both charts now give a message instead.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.cost import cost_summary
from planner.charts.cost import draw_cost_by_stage, draw_spend_curve
from planner.model import plan_from_dict


def _plan(budget: float | None, milestones: bool = True) -> dict[str, object]:
    decisions = [
        {
            "id": f"m{i}",
            "title": f"Steering sign-off {i}",
            "stage": "validate",
            "owner": "plat",
            "duration": 0 if milestones else 2,
            "milestone": milestones,
        }
        for i in range(3)
    ]
    return {
        "schema_version": 1,
        "title": "Sign-offs",
        "start_date": "2027-03-01",
        "currency": "USD",
        **({"budget": budget} if budget is not None else {}),
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": [{"id": "plat", "name": "Platform team", "capacity": 3, "rate": 2500}],
        "decisions": decisions,
        "dependencies": [{"from": "m0", "to": "m1", "lag": 2}, {"from": "m1", "to": "m2", "lag": 2}],
    }


def _texts(fig: Figure) -> str:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
    return " ".join(out)


@pytest.mark.parametrize("draw", [draw_spend_curve, draw_cost_by_stage])
def test_s32b_cost_charts_of_a_plan_that_spends_nothing_say_so(draw: object) -> None:
    analysis = analyze(plan_from_dict(_plan(None)))
    summary = cost_summary(analysis.plan, analysis)
    assert summary is not None and not summary.breakdown.spend_kinds()  # rates, but nothing spent
    fig = Figure(figsize=(8, 4))
    draw(fig, analysis)  # type: ignore[operator]
    assert "nothing in the plan costs anything" in _texts(fig)
    assert not any(ax.has_data() for ax in fig.axes)  # no axes of zeros with made-up ticks


def test_s32b_spend_curve_with_a_budget_and_charts_of_real_spend_are_drawn() -> None:
    for data in (_plan(50000.0), _plan(None, milestones=False)):
        analysis = analyze(plan_from_dict(data))
        fig = Figure(figsize=(8, 4))
        draw_spend_curve(fig, analysis)
        assert "costs anything" not in _texts(fig)
        assert any(ax.has_data() for ax in fig.axes)
