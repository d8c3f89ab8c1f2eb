"""The risk chart's marker labels on small figures, with a ``by`` week (H-report20).

Before: at 3.5 x 2.6 in, "by wk 46.65 (22 Jan 2028): 77%" found no spot inside the plot and was drawn right of
its marker as it was: across the right axis's ticks and its title, and off the figure. Now the label that finds no
free spot takes its shortest form, inside the plot, clear of the other labels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis.montecarlo import simulate
from planner.charts.risk import draw_risk
from planner.model import load_plan
from tests.charts.test_risk_charts import _label_boxes

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture(scope="module")
def result() -> Any:
    return simulate(load_plan(SAMPLES / "bank-assistant.plan.json"), 2_000, seed=1)


@pytest.mark.parametrize("size", [(3.5, 2.6), (4.0, 3.0), (273 / 72, 250 / 72)])
@pytest.mark.parametrize("by_offset", [-3.0, -0.6, 0.0, 0.3, 1.0])
def test_by_label_stays_inside_the_plot_clear_of_the_others(result: Any, size: Any, by_offset: float) -> None:
    fig = Figure(figsize=size, dpi=72)
    FigureCanvasAgg(fig)
    draw_risk(fig, result, by=result.percentile(80) + by_offset)
    fig.canvas.draw()
    boxes = _label_boxes(fig)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts if t.__class__.__name__ == "Annotation"]
    assert any(t.startswith("by wk") for t in texts)
    assert any(t.startswith("P80") for t in texts) and any(t.startswith("P50") for t in texts)
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            assert not a.overlaps(b), (texts, a, b)
    ax = fig.axes[0].get_window_extent()
    for t, b in zip(texts, boxes, strict=True):
        assert ax.x0 - 1 <= b.x0 and b.x1 <= ax.x1 + 1 and ax.y0 - 1 <= b.y0 and b.y1 <= ax.y1 + 2, t
