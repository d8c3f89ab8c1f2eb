"""One word for one figure: the spend on the teams' time is "labour" everywhere (H-report33b).

The command line and the cost chart's subtitle (CostBreakdown.spend_texts) said 'labour EUR 47,900', while the
report's prose said 'EUR 47,900 of people's time' and its tables and the chart's legend 'People', the name of the
cost category that also holds one-off costs named people. A board reader saw two names for one figure, and the
second one the same as a category's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.analysis import analyze
from planner.analysis.cost import cost_summary, format_money
from planner.charts import draw_chart
from planner.model import plan_from_dict
from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import _base, _d


def _plan() -> dict[str, Any]:
    ds = [_d(i, ["validate", "integrate"][i % 2], duration=2, cost=10_000) for i in range(4)]
    d = _base("Costs", start_date="2027-03-01", currency="EUR", decisions=ds)
    d["teams"] = [{**t, "rate": 3000} for t in d["teams"]]
    return d


def test_the_report_names_labour_as_the_chart_and_command_line_do(tmp_path: Path) -> None:
    data = _plan()
    plan = plan_from_dict(data)
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    labour = format_money(summary.breakdown.labour, "EUR")
    assert f"labour {labour}" in summary.breakdown.spend_texts("EUR")  # the subtitle's and the CLI's words
    text = " ".join(report_pages(data, tmp_path / "r.pdf", ["cost"]))
    assert f"{labour} of labour" in text, text
    assert "people's time" not in text
    assert "Stage Labour One-off Total" in text, text


def test_the_chart_legend_says_labour() -> None:
    fig = draw_chart("cost", analyze(plan_from_dict(_plan())), size=(9.0, 4.0))
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["Labour", "One-off"]
