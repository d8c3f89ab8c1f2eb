"""Gantt and roadmap legends keep long area names on the page (session 32).

An area named with 200 letters and no space ran past both edges of the report's Gantt pages (its legend is
centred) and past the roadmap page's right edge: each entry is now shortened, measured, to the width there is. The
graph pages' legend already did so (tests/charts/test_s29b_graph_legend_rows.py)."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts.gantt import draw_gantt
from planner.charts.roadmap import draw_roadmap
from planner.model import plan_from_dict
from tests.unseen_plans import STAGES4, _base, _d

AREA_IDS = [f"area{k}" for k in range(4)]
NAMES = {"one word": "Longword" * 25, "capitals": "WM" * 100, "words": "Enterprise data platform " * 8}


def _plan(name: str) -> Any:
    ds = [_d(k, STAGES4[k % 4][0], area=AREA_IDS[k % len(AREA_IDS)]) for k in range(8)]
    deps = [{"from": f"d{k:04d}", "to": f"d{k + 1:04d}"} for k in range(7)]
    data = _base("Long area names", decisions=ds, dependencies=deps)
    data["areas"] = [{"id": a, "name": f"{k} {name}"[:200]} for k, a in enumerate(AREA_IDS)]
    return analyze(plan_from_dict(data))


def _texts_on_figure(fig: Figure) -> list[Any]:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [t for t in fig.findobj(Text) if isinstance(t, Text)]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text().strip()]


@pytest.mark.parametrize("kind", sorted(NAMES))
@pytest.mark.parametrize("size", [(10.0, 6.5), (6.5, 9.0)], ids=["landscape", "portrait"])
def test_the_gantt_legend_stays_on_the_page(kind: str, size: tuple[float, float]) -> None:
    a = _plan(NAMES[kind])
    fig = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    draw_gantt(fig, a)
    (legend,) = fig.legends
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = legend.get_texts()
    assert sum(t.get_text().startswith(("0 ", "1 ", "2 ", "3 ")) for t in texts) == 4  # every area named
    for t in texts:
        box = t.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, (t.get_text()[:30], box)


@pytest.mark.parametrize("kind", sorted(NAMES))
@pytest.mark.parametrize("size", [(10.0, 6.5), (6.5, 9.0)], ids=["landscape", "portrait"])
def test_the_roadmap_legend_stays_on_the_page(kind: str, size: tuple[float, float]) -> None:
    a = _plan(NAMES[kind])
    fig = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    draw_roadmap(fig, a)
    shown = _texts_on_figure(fig)
    named = [(text, box) for text, box in shown if text.startswith(("0 ", "1 ", "2 ", "3 "))]
    assert named  # the legend's entries (lanes may elide their names differently)
    for text, box in shown:
        assert box.x0 >= -1 and box.x1 <= fig.bbox.x1 + 1, (text[:30], box)
