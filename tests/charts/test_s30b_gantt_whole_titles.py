"""A Gantt row title that fits its column as drawn is drawn whole (session 30b).

The label column was sized, and titles cut, by a count of average letters: a 7-decision plan's critical (bold)
'Document the data quality pipeline #0' was drawn 'Document the data quality pipeline…' with half the page beside
it, in the report and in the app. Titles are now measured as drawn (the font's advances, bold where bold).
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

import planner.charts as charts
from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.charts import style
from planner.model import plan_from_dict


@pytest.mark.parametrize("height", [2.43, 2.75, 4.0])
def test_titles_that_fit_their_column_are_whole(height: float) -> None:
    a = analyze(plan_from_dict(random_plan_dict(7, seed=0)))
    assert a.schedule is not None
    fig = Figure(figsize=(10.275, height))
    charts.draw_gantt(fig, a, compact=True)
    ax = fig.axes[0]
    column = ax.get_position().x0 * 10.275 - 0.25
    drawn = {t.get_text() for t in ax.texts}
    for i, d in enumerate(a.plan.decisions):
        bold = bool(a.schedule.critical[i])
        if style.measured_width_in(d.title, 7.0, bold=bold) <= column:
            assert d.title in drawn, (d.title, sorted(drawn))
    assert "Document the data quality pipeline #0" in drawn
