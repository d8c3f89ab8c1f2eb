"""The cost section of twelve long-named stages fits its page with a simulation too (H-report22).

With a simulation the section has one sentence more (the P50/P80 spend), and in landscape the biggest items beside
the spend curve with the cost by stage under both came ~5 pt over the page: the section fell back to stacking
everything, which put the biggest items alone on a page of their own (the roadmap starts a page). The spend curve
kept ~27 pt of white between its subtitle and its weeks axis; now its plot starts under the axis's label, and at
the section's shortest height (CHART_MIN_PT) it has the same ~57 pt to plot in as before, so the section fits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.s20_plans import many_stages, report_pages


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_cost_of_twelve_long_stages_with_simulation_is_one_page(tmp_path: Path, orientation: str) -> None:
    pages = report_pages(many_stages(12), tmp_path / "r.pdf", ["cost", "roadmap"], orientation=orientation)
    cost = [t for t in pages if "What it costs" in t or "The biggest items" in t]
    assert len(cost) == 1, f"the cost section takes {len(cost)} pages"
    page = cost[0]
    assert "simulated runs" in page  # the simulation's sentence is there
    assert "Spend curve" in page and "The biggest items" in page and "Cost by stage" in page
    for k in (35, 33):  # the biggest items, first and last (cost 10,000 + 1,000 k, plus labour)
        assert f"Decision number {k} of the plan" in page
    assert "Total 216,000 990,000 1,206,000 100%" in page


def test_spend_curve_plot_room_at_its_shortest() -> None:
    """At CHART_MIN_PT the spend curve's axes are at least 55 pt tall (the room it had at 170 pt before)."""
    from matplotlib.figure import Figure

    from planner.analysis import analyze
    from planner.charts.cost import draw_spend_curve
    from planner.model import plan_from_dict
    from planner.report.sections.cost import CHART_MIN_PT

    fig = Figure(figsize=(364 / 72, CHART_MIN_PT / 72), dpi=72)
    draw_spend_curve(fig, analyze(plan_from_dict(many_stages(12))))
    ax = fig.axes[0]
    assert ax.get_position().height * CHART_MIN_PT >= 55.0
