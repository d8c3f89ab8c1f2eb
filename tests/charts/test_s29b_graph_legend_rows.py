"""Dependency graph pages (the report's): the legend stays in the room kept for it under the cards. Before, long
area names (200 characters) were each given a row of their own: nine rows of legend where two are kept, drawn
over the cards and the links above them, and off the page's right edge. Now the entries go in the rows there are,
each name shortened by its measured width."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.graph import draw_graph
from planner.charts.graph_pages import graph_pages
from planner.model import plan_from_dict
from tests.unseen_plans import STAGES4, _base, _d

AREA_IDS = [f"area{k}" for k in range(6)]

NAMES = {
    "spaces": "Transformational integration of enterprise workloads " * 4,
    "capitals": "WM" * 100,
}


def _long_areas(name: str) -> dict[str, Any]:
    ds = [_d(k, STAGES4[k % 4][0], area=AREA_IDS[k % len(AREA_IDS)]) for k in range(12)]
    deps = [{"from": f"d{k:04d}", "to": f"d{k + 1:04d}"} for k in range(11)]
    data = _base("Long area names", decisions=ds, dependencies=deps)
    data["areas"] = [
        {"id": a, "name": f"{k} {name}"[:200], "color": f"#{40 * k:02x}7{k}B0"}
        for k, a in enumerate(AREA_IDS)
    ]
    return data


@pytest.mark.parametrize("kind", sorted(NAMES))
@pytest.mark.parametrize("size", [(10.0, 6.0), (6.5, 9.0)], ids=["landscape", "portrait"])
def test_the_legend_stays_under_the_cards(kind: str, size: tuple[float, float]) -> None:
    a = analyze(plan_from_dict(_long_areas(NAMES[kind])))
    assert len(a.plan.areas) == 6
    for page in graph_pages(a, size[0], size[1], 7.0, compact=True):
        fig = Figure(figsize=size, dpi=100)
        FigureCanvasAgg(fig)
        draw_graph(fig, a, window=page)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = fig.axes[0]
        cards = next(c for c in ax.collections if isinstance(c, PolyCollection) and c.get_zorder() == 2)
        lowest = min(ax.transData.transform(p.vertices)[:, 1].min() for p in cards.get_paths())
        (legend,) = fig.legends
        texts = [t.get_window_extent(renderer) for t in legend.get_texts()]
        assert len(texts) >= len(a.plan.areas) - 1  # the areas of the page's cards, and the marks
        for box in texts:
            assert box.y1 < lowest, (box, lowest)  # under every card
            assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, box  # on the page
