"""Cost charts (issue 17): the spend curve and cost by stage show the figures of cost_summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.charts import CHARTS, draw_chart, render_chart
from planner.cli import main
from planner.model import save_plan
from planner.templates import load_template


def texts(fig: Figure) -> str:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()]
    return "\n".join(out)


def test_cost_charts_are_registered() -> None:
    assert {"spend", "cost"} <= set(CHARTS)


def test_spend_curve_shows_total_budget_and_simulation() -> None:
    plan = load_template("ai-scaling")
    result = analyze(plan)
    result.simulation = simulate(plan, iterations=500, seed=0)
    fig = draw_chart("spend", result)
    text = texts(fig)
    assert "Spend curve" in text and "Total spend USD 1,924,350" in text
    assert "budget USD 1,975,000" in text and "simulated P50" in text
    assert "target wk 52" in text and "horizon wk 78" in text


def test_cost_by_stage_has_one_bar_label_per_stage() -> None:
    plan = load_template("ai-scaling")
    fig = draw_chart("cost", analyze(plan))
    text = texts(fig)
    assert "Cost by stage" in text
    for name in ("Validate", "Integrate", "Operationalize", "Scale"):
        assert name in text
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"People", "Cloud", "Vendor"}


def test_a_plan_without_costs_gets_a_message(make_plan: Any) -> None:
    plan = make_plan([{"id": "a", "duration": 2}])
    fig = draw_chart("spend", analyze(plan))
    assert "the plan has no costs" in texts(fig)


def test_export_spend_curve(tmp_path: Path) -> None:
    path = tmp_path / "t.plan.json"
    save_plan(load_template("ai-scaling"), path)
    out = tmp_path / "spend.svg"
    assert main(["export", str(path), "-o", str(out), "--chart", "spend"]) == 0
    assert "Spend curve" in out.read_text(encoding="utf-8")
    render_chart("cost", analyze(load_template("ai-scaling")), tmp_path / "cost.png")
    assert (tmp_path / "cost.png").stat().st_size > 1000
