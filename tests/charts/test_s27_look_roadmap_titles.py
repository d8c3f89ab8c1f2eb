"""Roadmap titles are never crossed by lines: not by their own bar's outline (a title that started inside a short
bar ran over its end: 'Adopt a bank-w|de GenAI p…'), not by another bar's, and not by a week's grid line, a gate
line, the finish or the status date (a gate line ran between 'gua' and 'rds'). Measured on the drawn text's
bounding boxes, at the default size and at the narrow size of the app's tab."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.charts import default_size, draw_chart
from planner.model import Plan, load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
PLANS = [
    "bank-assistant",
    "insights-assistant",
    "fraud-detection",
    "ai-portfolio",
    "random-48",
    "random-200",
    "random-1000",
]


def _plan(name: str) -> Plan:
    if name.startswith("random-"):
        return random_plan(int(name.split("-")[1]), seed=1)
    return load_plan(SAMPLES / f"{name}.plan.json")


def _drawn(name: str, size: tuple[float, float] | None):
    analysis = analyze(_plan(name))
    fig = draw_chart("roadmap", analysis, size or default_size("roadmap", analysis))
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    titles = [t for t in ax.texts if t.get_zorder() == 4 and t.get_text()]
    # and a gate's label right of its marker in the stage strip (left of it, it stands on white over the lines:
    # the finish line ran through 'gate 25 Ju|l 2031' on a 1,000-decision plan)
    titles += [t for t in ax.texts if t.get_text().startswith("gate ") and t.get_bbox_patch() is None]
    boxes = [t.get_window_extent(renderer).expanded(1.0, 1.0).padded(-0.75) for t in titles]
    return fig, ax, titles, boxes


def _bars(ax) -> list[Bbox]:
    """The bars' and milestones' outlines (the collection drawn with edges and no fill), in display pixels."""
    outlines = [
        c
        for c in ax.collections
        if isinstance(c, PolyCollection) and len(c.get_facecolor()) == 0 and c.get_paths()
    ]
    assert outlines
    return [p.get_extents(ax.transData) for c in outlines for p in c.get_paths()]


def _crossed(box: Bbox, outline: Bbox) -> bool:
    """Whether a rectangle's outline passes through ``box``: they overlap and ``box`` is not inside it."""
    inside = outline.x0 <= box.x0 and box.x1 <= outline.x1 and outline.y0 <= box.y0 and box.y1 <= outline.y1
    return bool(box.overlaps(outline)) and not inside


@pytest.mark.parametrize("size", [None, (5.0, 5.6), (9.0, 6.0)], ids=["default", "tab", "laptop"])
@pytest.mark.parametrize("name", PLANS)
def test_no_bar_outline_crosses_a_title(name: str, size: tuple[float, float] | None) -> None:
    _, ax, titles, boxes = _drawn(name, size)
    bars = _bars(ax)
    crossed = [
        t.get_text()
        for t, b in zip(titles, boxes, strict=True)
        if not t.get_text().startswith("gate ") and any(_crossed(b, bar) for bar in bars)
    ]
    assert not crossed, crossed


@pytest.mark.parametrize("size", [None, (5.0, 5.6), (9.0, 6.0)], ids=["default", "tab", "laptop"])
@pytest.mark.parametrize("name", PLANS)
def test_no_line_through_the_lanes_crosses_a_title(name: str, size: tuple[float, float] | None) -> None:
    _, ax, titles, boxes = _drawn(name, size)
    crossed = []
    for line in ax.lines:
        xs, ys = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
        if not isinstance(line, Line2D) or len(xs) < 2:
            continue
        pts = ax.transData.transform(np.column_stack([xs, ys]))
        for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:], strict=True):
            if np.isnan([x0, y0, x1, y1]).any() or abs(x1 - x0) > 1e-6:
                continue  # a break, or not a vertical line (the legend's marks are off the lanes)
            lo, hi = min(y0, y1), max(y0, y1)
            for t, b in zip(titles, boxes, strict=True):
                if b.x0 < x0 < b.x1 and lo < b.y1 and b.y0 < hi:
                    crossed.append(t.get_text())
    assert not crossed, sorted(set(crossed))


def test_a_title_beside_a_short_bar_keeps_off_it() -> None:
    """The placement rule, not one plan: every title of a bar shorter than it starts after the bar or ends before
    it."""
    _, ax, titles, boxes = _drawn("bank-assistant", None)
    bars = _bars(ax)
    for t, b in zip(titles, boxes, strict=True):
        if t.get_text().startswith("gate "):
            continue
        row = [bar for bar in bars if bar.y0 <= (b.y0 + b.y1) / 2 <= bar.y1 and bar.overlaps(b)]
        for bar in row:
            assert bar.x0 <= b.x0 and b.x1 <= bar.x1, t.get_text()  # only ever wholly inside a long bar
    assert isinstance(titles[0], Text)
