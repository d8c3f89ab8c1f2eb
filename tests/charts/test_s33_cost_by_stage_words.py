"""The cost-by-stage chart names its parts as its subtitle and the report do (H-report33).

A plan with team rates and one-off costs, no decision naming a cost category: the chart's subtitle read 'labour
EUR 47,900, one-off EUR 95,000' and its legend 'People, Other' ('Other' being the default category every cost was
in). With no category named the bars split by kind of spend, 'People' and 'One-off' (charts.cost.stage_split, the
report's table's split too); a plan that names categories keeps them."""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict
from tests.unseen_plans import _base, _d


def _plan(category: str | None) -> dict[str, Any]:
    ds = [_d(i, ["validate", "integrate"][i % 2], duration=2, cost=10_000) for i in range(4)]
    if category:
        ds[0]["cost_category"] = category
    d = _base("Costs", start_date="2027-03-01", currency="EUR", decisions=ds)
    d["teams"] = [{**t, "rate": 3000} for t in d["teams"]]
    return d


def _legend(data: dict[str, Any]) -> list[str]:
    fig = draw_chart("cost", analyze(plan_from_dict(data)), size=(9.0, 4.0))
    legend = fig.axes[0].get_legend()
    return [t.get_text() for t in legend.get_texts()]


def test_no_category_named_splits_by_kind() -> None:
    assert _legend(_plan(None)) == ["Labour", "One-off"]


def test_named_categories_are_kept() -> None:
    assert _legend(_plan("cloud")) == ["People", "Cloud", "Other"]
