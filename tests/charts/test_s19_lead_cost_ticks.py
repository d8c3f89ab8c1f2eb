"""Cost by stage in a narrow space (the app's Cost tab at a large font or a small window, ~430 px): six money
ticks ran together ("0 80k160k240k320k400k"). The ticks are as many as their labels have room for."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.cost import draw_cost_by_stage
from planner.model import load_plan

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


@pytest.mark.parametrize("width_in", [3.6, 4.3, 5.0, 7.0, 11.0])
def test_money_tick_labels_never_touch(width_in: float) -> None:
    analysis = analyze(load_plan(SAMPLE))
    fig = Figure(figsize=(width_in, 3.2), dpi=100)
    FigureCanvasAgg(fig)
    draw_cost_by_stage(fig, analysis)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = next(a for a in fig.axes if a.get_xlabel())
    lo, hi = ax.get_xlim()
    boxes = sorted(
        (
            t.get_window_extent(renderer)
            for t in ax.get_xticklabels()
            if t.get_text() and lo <= t.get_position()[0] <= hi
        ),
        key=lambda b: b.x0,
    )
    assert len(boxes) >= 2
    gaps = [b.x0 - a.x1 for a, b in zip(boxes, boxes[1:], strict=False)]
    assert min(gaps) >= 4, (width_in, gaps)  # at least 4 px (~0.04 in) between neighbouring labels
