"""The Gantt's end label of a stage that ends at the plan's finish sits by its line (H-report33).

Nothing fits right of the last stage's end (the plot ends at the finish), so its label 'Scale ends · wk 23 (14 Jun)'
went left of the stage's bar start, or boxed at the start: on the insights sample two inches from the line it
names. It now goes boxed over the stage's line, ending a short stretch before the end, which stays in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import analyze
from planner.model import load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.mark.parametrize("sample", ["insights-assistant", "fraud-detection"])
def test_the_last_stage_label_sits_by_the_finish(sample: str) -> None:
    analysis = analyze(load_plan(SAMPLES / f"{sample}.plan.json"))
    fig = Figure(figsize=(13.3, 7.5), dpi=72)
    FigureCanvasAgg(fig)
    charts.draw_gantt(fig, analysis)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    last = analysis.stages.stages[-1]
    assert last.finish is not None and last.start is not None
    assert abs(last.finish - analysis.schedule.finish) < 1e-9  # the sample's last stage ends at the finish
    label = next(t for t in ax.texts if t.get_text().startswith(f"{last.name} ends"))
    box = label.get_window_extent(renderer)
    end_px = ax.transData.transform((last.finish, 0))[0]
    start_px = ax.transData.transform((last.start, 0))[0]
    assert box.x0 >= start_px, (box.x0, start_px)  # over its line, not before its start
    assert end_px - 0.6 * 72 <= box.x1 < end_px - 10, (box.x1, end_px)  # by its end, the end in sight
