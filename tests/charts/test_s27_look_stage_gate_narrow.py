"""The stage timeline at the app tab's narrowest (5 in): a gate's whole words ('gate wk 27.5 · 10 Sep 2027') that
fit nowhere clear went left of the marker and out past the axis, over the stage's count in the names' column ('16
decisions'). They now never lie over another label: where the whole words would leave the axis, the week alone
(whole), the whole words in the artist's label (the app shows it on hover)."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline, min_height_in
from planner.model import Plan, load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
PLANS = ["bank-assistant", "insights-assistant", "fraud-detection", "ai-portfolio", "random-1000"]


def _plan(name: str) -> Plan:
    if name.startswith("random-"):
        return random_plan(int(name.split("-")[1]), seed=1)
    return load_plan(SAMPLES / f"{name}.plan.json")


@pytest.mark.parametrize("width", [5.0, 5.3, 6.0])
@pytest.mark.parametrize("name", PLANS)
def test_gate_words_never_lie_over_another_label(name: str, width: float) -> None:
    analysis = analyze(_plan(name))
    fig = Figure(figsize=(width, max(5.6, min_height_in(analysis, width))), dpi=100)
    draw_stage_timeline(fig, analysis)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    gates = [t for t in texts if t.get_text().startswith("gate ")]
    assert len(gates) == len(analysis.stages.stages)
    clashes = []
    for gate in gates:
        patch = gate.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch is not None else gate.get_window_extent(renderer)
        for other in texts:
            if other is gate:
                continue
            o = other.get_window_extent(renderer)
            if min(box.x1, o.x1) - max(box.x0, o.x0) > 1 and min(box.y1, o.y1) - max(box.y0, o.y0) > 1:
                clashes.append((gate.get_text(), other.get_text()))
        assert gate.get_text().startswith("gate wk "), gate.get_text()  # the week, whole
        label = str(gate.get_label())
        if label and not label.startswith("_"):  # shortened: the whole words on hover
            assert label.lower().startswith(gate.get_text() + " \u00b7 "), (label, gate.get_text())
    assert not clashes, clashes
