"""Team load panels of teams of half a person (H-report20).

Before: a team of capacity 0.5 whose load peaks at 4 people had its panel's two tick labels, "0.0" and "0.5",
printed over each other (the capacity line sits a few points above the axis of a panel under an inch tall). Now
the panel labels the capacity alone when the two would overlap, and both when there is room.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict
from tests.charts.test_s20_stage_timeline import _overlaps
from tests.report.s20_plans import half_capacity


def _panel_ticks(fig: Figure) -> list[list[str]]:
    return [[t.get_text() for t in ax.get_yticklabels() if t.get_text()] for ax in fig.axes[1:]]


@pytest.mark.parametrize("size", [(10.28, 5.0), (7.76, 4.5)])
def test_half_person_teams_tick_labels_do_not_overlap(size: tuple[float, float]) -> None:
    a = analyze(plan_from_dict(half_capacity(), "<half>"))
    fig = draw_chart("load", a, size=size)
    assert _overlaps(fig) == []
    ticks = _panel_ticks(fig)
    assert len(ticks) == 2 and all(t == ["0.5"] for t in ticks), ticks


def test_room_for_both_labels_keeps_both() -> None:
    a = analyze(plan_from_dict(half_capacity(), "<half>"))
    fig = draw_chart("load", a, size=(10.28, 14.0))
    ticks = _panel_ticks(fig)
    assert all(t == ["0.0", "0.5"] for t in ticks), ticks
