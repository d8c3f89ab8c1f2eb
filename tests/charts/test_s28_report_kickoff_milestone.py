"""A milestone at the plan start is drawn whole on the Gantt chart (H-report28).

A kick-off milestone at week 0 sat on the left edge of the plot, which cut its diamond in half (and a plan of
milestones only showed a row of half diamonds)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict
from planner.model.plan import DEFAULT_STAGES


def _plan(only_milestones: bool) -> dict[str, Any]:
    decisions: list[dict[str, Any]] = [
        {"id": "kickoff", "title": "Kick-off", "stage": "validate", "milestone": True},
        {"id": "m2", "title": "Sponsor named", "stage": "validate", "milestone": True},
    ]
    if not only_milestones:
        decisions.append(
            {
                "id": "work",
                "title": "Value case",
                "stage": "validate",
                "duration": {"optimistic": 3, "likely": 4, "pessimistic": 6},
            },
        )
    return {
        "schema_version": 1,
        "title": "Kick-off",
        "start_date": "2027-01-04",
        "stages": [{"id": s, "name": nm} for s, nm, _ in DEFAULT_STAGES],
        "decisions": decisions,
        "dependencies": [{"from": "kickoff", "to": "work"}] if not only_milestones else [],
    }


@pytest.mark.parametrize("only_milestones", [False, True])
@pytest.mark.parametrize("size", [None, (6.0, 2.5)])
def test_a_milestone_at_week_0_is_inside_the_plot(
    only_milestones: bool, size: tuple[float, float] | None
) -> None:
    a = analyze(plan_from_dict(_plan(only_milestones), "<kick-off>"))
    assert a.schedule is not None
    fig = draw_chart("gantt", a, size=size)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    diamonds = [
        c for c in ax.collections if isinstance(c, PathCollection) and np.asarray(c.get_offsets()).size
    ]
    assert diamonds
    for c in diamonds:
        assert (
            float(np.asarray(c.get_offsets())[:, 0].min()) == 0.0
        )  # the case: a milestone at the plan start
        box = c.get_window_extent(renderer)
        assert box.x0 >= ax.bbox.x0 - 0.5, (box, ax.bbox)
    # week 0 is still where the axis's first date is
    assert ax.get_xlim()[0] < 0 < ax.get_xlim()[1]
