"""Dependency graph pages (the report's): a card's title stays inside its card. Before, titles were wrapped by a
count of characters, so a title of wide letters ('WWWW...', capitals) ran out of its card's right edge (the
long-text shape's third card in the report). Now they are wrapped by measured width, in layout and drawing alike."""

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
from tests.unseen_plans import _base, _d, shape

WIDE = "W" * 120  # the widest letters of the font, no space to break at


def _wide_titles() -> dict[str, Any]:
    ds = [
        _d(1, title=WIDE),
        _d(2, "integrate", title="MMMMMMMM " * 12),
        _d(3, "scale", title="Decouple the foundation model behind an inference service"),
    ]
    deps = [{"from": "d0001", "to": "d0002"}, {"from": "d0002", "to": "d0003"}]
    return _base("Wide titles", decisions=ds, dependencies=deps)


def _cards_and_titles(fig: Figure, n: int) -> tuple[list[Any], list[Any]]:
    """The ``n`` cards' outlines (display pixels) and the extents of the texts drawn on them."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    cards = next(
        c
        for c in ax.collections
        if isinstance(c, PolyCollection) and c.get_zorder() == 2 and len(c.get_paths()) == n
    )
    boxes = [ax.transData.transform(p.vertices) for p in cards.get_paths()]
    titles = [t.get_window_extent(renderer) for t in ax.texts if t.get_zorder() == 3]
    return boxes, titles


@pytest.mark.parametrize("data", [_wide_titles, lambda: shape("long-text")], ids=["wide", "long-text"])
def test_card_titles_stay_inside_their_cards(data: Any) -> None:
    a = analyze(plan_from_dict(data()))
    for page in graph_pages(a, 10.0, 6.0, 7.0, compact=True):  # the report's landscape page, in inches
        fig = Figure(figsize=(10.0, 6.0), dpi=100)
        FigureCanvasAgg(fig)
        draw_graph(fig, a, window=page)
        fig.canvas.draw()
        boxes, titles = _cards_and_titles(fig, len(page))
        on_cards = set()
        for t in titles:  # the title and the lines under it
            k = next(
                (
                    k
                    for k, b in enumerate(boxes)
                    if b[:, 0].min() <= t.x0 <= b[:, 0].max() and b[:, 1].min() <= t.y1 <= b[:, 1].max()
                ),
                None,
            )
            if k is None:
                continue  # not on a card (a column's header)
            on_cards.add(k)
            assert t.x1 <= boxes[k][:, 0].max(), (t, boxes[k][:, 0].max())
        assert on_cards == set(range(len(page)))  # every card's text measured
