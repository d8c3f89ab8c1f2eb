"""The report's stage timeline keeps a gate's words by their gate (H-report33b).

A 12-stage plan in a portrait report: the words of the gates of stages 4 and 5 ('gate wk 36 · 13 Sep 2027') had no
room between the gated window's 'wk 27-36' and the finish line at week 108, so they were pushed past that line,
far from their gate. That 'wk 27-36' said what the rolling window's words just above it say; when the words would
otherwise be pushed past a line, they take its place, by their gate."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline, min_height_in
from planner.model import plan_from_dict
from tests.report.s20_plans import PLANS


def _finish_lines(fig: Figure) -> list[float]:
    ax = fig.axes[0]
    xs = []
    for line in ax.get_lines():
        x: Any = line.get_xdata()
        y: Any = line.get_ydata()
        if len(x) == 2 and x[0] == x[1] and list(y) == [0, 1]:  # axvline: the finishes
            xs.append(float(ax.transData.transform((x[0], 0))[0]))
    return xs


@pytest.mark.parametrize("width", [6.7, 10.1])  # an A4 page's frame, portrait and landscape
def test_no_gate_words_past_a_finish_line_their_gate_is_before(width: float) -> None:
    analysis = analyze(plan_from_dict(PLANS["twelve-stages"](), "twelve-stages"))
    fig = Figure(figsize=(width, max(3.0, min_height_in(analysis, width, compact=True))), dpi=100)
    draw_stage_timeline(fig, analysis, compact=True)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    lines = _finish_lines(fig)
    gates = [t for t in fig.findobj(Text) if t.get_text().startswith("gate wk ")]
    assert len(gates) == len(analysis.stages.stages)
    far = []
    for t, r in zip(gates, analysis.stages.stages, strict=True):
        gate_x = float(ax.transData.transform((r.gate, 0))[0])
        box = t.get_window_extent(renderer)
        far += [t.get_text() for lx in lines if gate_x < lx <= box.x0]
    assert not far, far
    # every gated window still has its figures once: on its own line or, the same, on the rolling line above
    texts = [t.get_text().strip() for t in fig.findobj(Text)]
    for r in analysis.stages.stages:
        assert any(x.startswith("wk ") and x.endswith(f"{r.finish:g}") for x in texts), r.name
