"""The stage timeline's gate words ("gate wk 27.5 · 10 Sep 2027") never lie over a bar or another label.

Before: with no room after the gated window's "wk a-b", they went left of the gate's marker on white, over the
gated window they belong to (the bank sample's third stage in an 8 in wide chart, every sample's last stage at
14 in, in the app's tab and in exports). They now go on the rolling line above, left of a long window, or smaller;
with no room anywhere clear (a chart narrower than 11 in) they go back over the window: the whole words, never the
date alone (the gate's week is a figure the one-truth checks read)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline, min_height_in
from planner.model import plan_from_dict
from planner.model.io import load_plan
from tests.report.s20_plans import PLANS

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


def _meets(a: Any, b: Any) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1


def _gate_clashes(fig: Figure) -> tuple[list[str], int]:
    """What each gate's words lie over (bars, other texts), and how many gates have their words somewhere."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    bars = [
        path.get_extents(col.get_transform())
        for col in ax.collections
        if isinstance(col, PolyCollection)
        for path in col.get_paths()
    ]
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    gates = [t for t in texts if t.get_text().startswith("gate ")]
    clashes = []
    for gate in gates:
        patch = gate.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch is not None else gate.get_window_extent(renderer)
        clashes += [f"{gate.get_text()!r} over a bar" for bar in bars if _meets(box, bar)]
        clashes += [
            f"{gate.get_text()!r} over {other.get_text()!r}"
            for other in texts
            if other is not gate and _meets(box, other.get_window_extent(renderer))
        ]
    held = [t for t in texts if str(t.get_label()).startswith("gate ")]
    return clashes, len(gates) + len(held)


def _analyses() -> list[tuple[str, Any]]:
    out = [(p.name, analyze(load_plan(p))) for p in SAMPLES]
    for name in ("twelve-stages", "long-title", "half-capacity", "risks-0-100"):
        out.append((name, analyze(plan_from_dict(PLANS[name](), name))))
    return out


@pytest.mark.parametrize("width", [7.0, 8.0, 11.0, 14.0])
def test_gate_words_never_hide_a_bar_or_a_label(width: float) -> None:
    """From 11 in (the report's and the exports' sizes) nothing is hidden. Narrower, a gate whose whole words fit
    nowhere clear has them left of its marker over its own window, on white, as before this work: the gate's week
    is a figure every other output gives (the one-truth sweeps read it here), never traded for the date alone; they
    never lie over another label."""
    for name, analysis in _analyses():
        fig = Figure(figsize=(width, max(4.5, min_height_in(analysis, width))), dpi=100)
        draw_stage_timeline(fig, analysis)
        clashes, shown = _gate_clashes(fig)
        if width >= 11.0:
            assert not clashes, (name, width, clashes)
        else:
            assert all(c.endswith("over a bar") for c in clashes), (name, width, clashes)
        assert shown == len(analysis.stages.stages), (name, width, shown)  # each gate's words drawn
        words = [t.get_text() for t in fig.findobj(Text) if t.get_text().startswith("gate ")]
        assert all(w.startswith("gate wk ") for w in words), (name, width, words)  # whole: the week too


@pytest.mark.parametrize(("first", "date"), [(1, "15 Feb 2027"), (3, "1 Mar 2027")])
def test_a_long_windows_gate_words_stay_by_the_gate_without_covering_it(first: float, date: str) -> None:
    """The session-21 case (Integrate's long gated window ends at its gate, no room after it): the words were
    over the window, left of the diamond; now they are on the rolling line, within a few points of the gate."""
    from tests.charts.test_s21_lead_gate_label_by_marker import _plan

    a = analyze(_plan(first))
    gate = next(r.gate for r in a.stages.stages if r.id == "integrate")
    fig = Figure(figsize=(7.5, 4.0), dpi=100)
    draw_stage_timeline(fig, a)
    clashes, shown = _gate_clashes(fig)
    assert not clashes and shown == 3, clashes
    renderer = FigureCanvasAgg(fig).get_renderer()
    words = [t for t in fig.findobj(Text) if t.get_text().startswith("gate") and date in t.get_text()]
    assert len(words) == 1
    box = words[0].get_window_extent(renderer)
    gate_px = fig.axes[0].transData.transform((gate, 0))[0]
    assert min(abs(box.x0 - gate_px), abs(box.x1 - gate_px)) < 20 * fig.dpi / 72, (box, gate_px)


def test_the_words_may_reach_into_the_gap_before_the_readiness_panel() -> None:
    """The fraud sample's third gate in the app's tab at 1366x768 and 125 % (its axis 206.6 pt wide, the rolling
    line's "wk 8-25.5" ending at 145.2 pt): no room inside the axis, so its words were left out; they now end a
    little into the gap before the readiness panel, on the rolling line right of the gate."""
    from planner.charts.stage_timeline import GAP_IN, _gate_place

    text = (
        "gate 23 Aug 2027"  # (words this long reach into the gap; the sample's whole words there go on white)
    )
    place = _gate_place(text, 7.65, 110.7, 4.6, 164.5, 41.8, 145.2, 206.6)
    assert place is not None  # a place is found: the words are drawn
    size, dx, ha, upper = place
    assert upper and ha == "left" and dx > 0
    from planner.charts import style

    end = 110.7 + dx + style.measured_width_in(text, size) * 72
    assert 206.6 < end <= 206.6 + GAP_IN * 72 - 6
