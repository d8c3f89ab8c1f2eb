"""The team-load chart with a row per team (``draw_load(rows=True)``, the app's Capacity tab when its view is too
short for a panel per team): each team's name, its peak against its capacity, inside the figure, rows apart; and
the panels as before wherever they fit."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.capacity import draw_load, load_size, panels_height, rows_height
from planner.model import load_plan
from tests.ui.conftest import SAMPLES


@pytest.mark.parametrize("sample", ["ai-portfolio", "bank-assistant", "insights-assistant"])
def test_rows_fit_the_least_height_and_read(sample: str) -> None:
    plan = load_plan(SAMPLES / f"{sample}.plan.json")
    a = analyze(plan)
    assert rows_height(a) < panels_height(a)
    fig = Figure(figsize=(7.2, rows_height(a) - 0.01), dpi=100)  # a view's whole pixels
    draw_load(fig, a, schedule="unlevelled", rows=True)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    assert len(fig.axes) == len(plan.teams)
    boxes = []
    for ax in fig.axes:
        name, figures = ax.texts
        assert figures.get_text().startswith("peak ")
        for t in (name, figures):
            box = t.get_window_extent(renderer)
            assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5, (t.get_text(), box)
            assert fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1, (t.get_text(), box)
        boxes.append(name.get_window_extent(renderer))
    boxes.sort(key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:], strict=False):
        assert lower.y1 <= upper.y0 + 0.5, (lower, upper)
    # Without rows=True (the report), or where panels fit, the same height draws as before: no row per team.
    plain = Figure(figsize=(7.2, rows_height(a)), dpi=100)
    draw_load(plain, a, schedule="unlevelled")
    assert len(plain.axes) != len(plan.teams) or len(plan.teams) == 1
    tall = Figure(figsize=(7.2, load_size(a)[1]), dpi=100)  # the height the app gives it above panels_height
    draw_load(tall, a, schedule="unlevelled", rows=True)
    assert len(tall.axes) == len(plan.teams) + 1  # the stacked chart and a panel per team
