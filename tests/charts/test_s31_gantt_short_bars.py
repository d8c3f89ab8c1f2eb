"""A short decision beside very long ones still has a bar to see in the Gantt (session 31).

Beside 200-week decisions (an 800-week plan), a 0.2-week decision's bar was 0.1 pt wide: its row had a title and
nothing beside it. Bars of remaining work are now at least 2 pt wide, keep their end where the schedule puts
it (a bar at the finish does not run past the finish line) and never start before week 0.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import Analysis, analyze
from planner.model import plan_from_dict

LEAST_PT = 1.5  # a bar narrower than this is not seen on a printed page


def _analysis() -> Analysis:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Huge and tiny",
        "start_date": "2027-01-04",
        "stages": [{"id": f"s{k}", "name": f"Stage {k}"} for k in range(4)],
        "decisions": [
            {
                "id": f"d{i}",
                "title": f"Decision {i}",
                "stage": f"s{i // 3}",
                "duration": 200 if i % 3 == 0 else 0.2,
            }
            for i in range(12)
        ],
        "dependencies": [{"from": f"d{i}", "to": f"d{i + 1}"} for i in range(11)],
    }
    a = analyze(plan_from_dict(data, "<huge and tiny>"))
    assert a.ok and a.schedule is not None
    return a


@pytest.mark.parametrize("size", [(10.9, 6.9), (7.3, 9.6)])
def test_every_bar_is_wide_enough_to_see_and_ends_where_it_ends(size: tuple[float, float]) -> None:
    a = _analysis()
    s = a.schedule
    assert s is not None
    fig = Figure(figsize=size)
    charts.draw_gantt(fig, a, compact=True)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    bars = [
        c
        for c in ax.collections
        if isinstance(c, PolyCollection) and c.get_zorder() == 3 and len(c.get_paths())
    ]
    paths = [p for c in bars for p in c.get_paths()]
    assert len(paths) == len(a.plan.decisions)  # one bar a decision (no milestones here)
    to_pt = ax.transData.transform
    ends = []
    for p in paths:
        xs = np.asarray(p.vertices, dtype=float)[:, 0]
        (x0, _), (x1, _) = to_pt([(xs.min(), 0), (xs.max(), 0)])
        assert (x1 - x0) * 72 / fig.dpi >= LEAST_PT
        assert xs.min() >= -1e-9  # not before the plan's start
        ends.append(xs.max())
    # each bar ends where its decision does (widened bars grew to the left)
    assert sorted(np.round(ends, 6)) == sorted(np.round(s.ef, 6))
