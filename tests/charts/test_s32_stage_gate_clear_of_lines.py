"""The report's stage timeline: a gate's words are never boxed across the finish lines (or the status line).

Before: the words' white box hid a stretch of the dotted gated-finish line and of the rolling finish ('gate wk 10 ·
10 May 2027' across both in the bank sample's portrait report, 'gate wk 12 · 26 Apr 2027' and 'gate wk 29 · 23 Aug
2027' in the fraud sample's landscape one). Now the words go where they are clear of the lines: just after a line,
the date under the week, or the week alone (the key dates give the date)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline, min_height_in
from planner.model import plan_from_dict
from planner.model.io import load_plan
from tests.report.s20_plans import PLANS

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


def _crossed(fig: Figure) -> list[str]:
    """Each gate's words whose box a line across every row runs through."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    xs = []
    for line in ax.get_lines():
        x: Any = line.get_xdata()
        y: Any = line.get_ydata()
        if len(x) == 2 and x[0] == x[1] and list(y) == [0, 1]:  # axvline: the finishes and the status date
            xs.append(float(ax.transData.transform((x[0], 0))[0]))
    assert len(xs) >= 2
    out = []
    for t in fig.findobj(Text):
        if not t.get_text().startswith("gate "):
            continue
        patch = t.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch is not None else t.get_window_extent(renderer)
        out += [repr(t.get_text()) for x in xs if box.x0 + 1 < x < box.x1 - 1]
    return out


def _analyses() -> list[tuple[str, Any]]:
    out = [(p.name, analyze(load_plan(p))) for p in SAMPLES]
    for name in ("twelve-stages", "long-title", "half-capacity"):
        out.append((name, analyze(plan_from_dict(PLANS[name](), name))))
    return out


@pytest.mark.parametrize("width", [6.7, 10.1])  # an A4 page's frame, portrait and landscape
def test_gate_words_are_not_boxed_across_a_finish_line(width: float) -> None:
    for name, analysis in _analyses():
        fig = Figure(figsize=(width, max(3.0, min_height_in(analysis, width, compact=True))), dpi=100)
        draw_stage_timeline(fig, analysis, compact=True)
        assert not _crossed(fig), (name, width, _crossed(fig))
        gates = [t.get_text() for t in fig.findobj(Text) if t.get_text().startswith("gate ")]
        assert len(gates) == len(analysis.stages.stages), (name, gates)
        assert all(g.startswith("gate wk ") for g in gates), gates  # the week, whole
