"""A chart subtitle that carries figures is shortened by leaving figures out, never by cutting one (issue 8):
the cost and risk charts drawn at the half-page width of a report and at a narrow export size."""

from __future__ import annotations

import re

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.charts import style
from planner.charts.cost import draw_cost_by_stage, draw_spend_curve
from planner.charts.risk import draw_criticality, draw_risk, draw_tornado
from planner.templates import load_template


@pytest.fixture(scope="module")
def planned():
    plan = load_template("ai-scaling")
    return analyze(plan), simulate(plan, iterations=300, seed=1)


def _subtitles(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.texts if t.get_fontsize() == style.SUBTITLE_PT and t.get_text()]


@pytest.mark.parametrize("width_in", [3.2, 4.9, 10.0])
@pytest.mark.parametrize("chart", ["spend", "cost", "risk", "criticality", "tornado"])
def test_no_figure_is_cut_in_a_subtitle(planned, chart: str, width_in: float) -> None:
    analysis, sim = planned
    fig = Figure(figsize=(width_in, 3.0), dpi=72)
    draw = {
        "spend": lambda: draw_spend_curve(fig, analysis, simulation=sim),
        "cost": lambda: draw_cost_by_stage(fig, analysis),
        "risk": lambda: draw_risk(fig, sim),
        "criticality": lambda: draw_criticality(fig, sim),
        "tornado": lambda: draw_tornado(fig, sim),
    }[chart]
    draw()
    subs = _subtitles(fig)
    assert subs, "the chart has a subtitle"
    for text in subs:
        assert not text.endswith("\u2026"), f"{chart} at {width_in} in: {text!r} is cut"
        assert re.search(r"\d", text), "the subtitle still carries a figure"
