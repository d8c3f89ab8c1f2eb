"""A stage's end label on a page of a long plan's Gantt sits by its line, or is not drawn (session 31).

Each page of a long plan's Gantt shows the weeks of its own rows. A stage whose end (its dashed line) fell after the
page's weeks still had its label drawn: over the stage's bar at the page's left edge ('Integrate ends · wk 156.5'
on a page of weeks 66-118), or left of the bar's start, weeks away from any line. A label now goes only on pages
whose weeks hold its line, next to it.
"""

from __future__ import annotations

import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import Analysis, analyze
from planner.charts import style
from planner.charts.gantt import gantt_rows
from tests.charts.chart_plans import generated_plan

PAGE = 41  # rows a report page holds
PAD_IN = 8 / 72  # a label is by its line when its near edge is within this of it

_CACHE: dict[int, Analysis] = {}


def _analysis(n: int) -> Analysis:
    if n not in _CACHE:
        _CACHE[n] = analyze(generated_plan(n, seed=3, baselines=False))
    return _CACHE[n]


def _stage_labels(fig: Figure) -> list[tuple[float, float, float, str]]:
    """``(left, right, line week, text)`` of every stage-end label on the page, in weeks."""
    ax = fig.axes[0]
    r = FigureCanvasAgg(fig).get_renderer()
    inv = ax.transData.inverted()
    out = []
    for t in ax.texts:
        m = re.search(r"(?:ends|gate)(?: ·)? (?:wk )?([\d.,]+)", t.get_text())
        if t.get_color() != style.GATE or not m:
            continue
        bb = t.get_window_extent(r)
        x0, _ = inv.transform((bb.x0, bb.y0))
        x1, _ = inv.transform((bb.x1, bb.y0))
        out.append((float(x0), float(x1), float(m.group(1).replace(",", "")), t.get_text()))
    return out


@pytest.mark.parametrize("n", [400, 3000])
def test_a_stage_label_is_by_its_line_on_every_page(n: int) -> None:
    a = _analysis(n)
    total = len(gantt_rows(a))
    starts = range(0, total, PAGE) if n <= 400 else [*range(0, 400, PAGE), *range(total - 400, total, PAGE)]
    labelled = out_of_sight = 0
    for r0 in starts:
        fig = Figure(figsize=(10.9, 6.9))
        charts.draw_gantt(fig, a, rows=(r0, min(total, r0 + PAGE)), compact=True)
        ax = fig.axes[0]
        lo, hi = ax.get_xlim()
        per_in = (hi - lo) / (ax.get_position().width * 10.9)
        stage_ends = {round(float(r.finish), 1) for r in a.stages.stages if r.finish is not None}
        out_of_sight += any(not lo <= w <= hi for w in stage_ends)
        for x0, x1, week, text in _stage_labels(fig):
            labelled += 1
            # it names a line this page shows ...
            assert lo <= week <= hi, (r0, lo, hi, text)
            # ... and sits by it: its near edge within a few points of the line
            near = min(abs(x0 - week), abs(x1 - week))
            assert near <= PAD_IN * per_in, (r0, lo, hi, x0, x1, text)
    assert labelled and out_of_sight  # (the case: pages whose weeks do not hold every stage's end)
