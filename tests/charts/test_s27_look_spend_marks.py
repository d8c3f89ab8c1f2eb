"""The spend curve's mark labels ('finish wk 35.5 (5 Nov)') stand on the plot's ground: a week's grid line ran
through their letters ('fini|sh'), in the app's Cost tab and in exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.cost import draw_spend_curve
from planner.model import load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def _x_px(ax: Any, line: Any) -> float:
    """Where a vertical grid line is, in display pixels."""
    x = float(np.asarray(line.get_xdata(), dtype=float)[0])
    return float(ax.transData.transform(np.array([[x, 0.0]]))[0, 0])


@pytest.mark.parametrize("size", [(5.0, 4.4), (11.0, 5.5)])
@pytest.mark.parametrize("name", ["bank-assistant", "insights-assistant", "ai-portfolio"])
def test_grid_lines_do_not_show_through_the_mark_labels(name: str, size: tuple[float, float]) -> None:
    fig = Figure(figsize=size, dpi=100)
    draw_spend_curve(fig, analyze(load_plan(SAMPLES / f"{name}.plan.json")))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    marks = [t for t in ax.texts if t.get_text().strip().startswith("finish ")]
    assert marks
    grid = [line for line in ax.get_xgridlines() if line.get_visible()]
    for mark in marks:
        box = mark.get_window_extent(renderer)
        crossing = [line for line in grid if box.x0 < _x_px(ax, line) < box.x1]
        if not crossing:
            continue
        patch = mark.get_bbox_patch()  # the letters on a ground that hides the line under them
        assert patch is not None, mark.get_text()
        assert np.allclose(patch.get_facecolor(), ax.get_facecolor())
        assert mark.get_zorder() > max(line.get_zorder() for line in crossing)
        assert (
            patch.get_window_extent(renderer).x0 <= box.x0 and box.x1 <= patch.get_window_extent(renderer).x1
        )
