"""Dependency graph pages of a big plan fill their pages (H-report21).

A 2,000-decision plan's report draws only its key decisions (the critical chain and the milestones): one or two
cards a layer. Its pages were cut into two bands of equal height, each band as tall as half the page and its
columns one card tall, so ~40 % of every page was empty and the graph took 10 pages where 7 hold it. Bands are
now as tall as their cards and a page holds as many as fit; pages after the first (which has the section's
heading) are as tall as the frame.

Measured on the drawn pages: on every page but the last, the room left empty (inside the bands and under the
last one) is less than the next page's first band would need, and no card overlaps another, a stage header or
the legend.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.charts.graph import WHOLE_MAX, draw_graph, graph_tiles
from planner.charts.graph_pages import BAND_GAP_IN, CONT_GAP_IN, HEADER_IN
from planner.model import plan_from_dict

HEAD = HEADER_IN + 0.05  # a band's stage header


@pytest.fixture(scope="module")
def big() -> Any:
    return analyze(plan_from_dict(random_plan_dict(2000, seed=1)))


def _page_bands(fig: Figure, page: Any) -> tuple[list[tuple[float, float]], float]:
    """Each band's (top, bottom) of its cards and the legend's top, inches from the top of the page."""
    fig.canvas.draw()
    ax = fig.axes[0]
    cards = next(
        c
        for c in ax.collections
        if isinstance(c, PolyCollection) and c.get_zorder() == 2 and len(c.get_paths()) == len(page)
    )
    per = page.per_band or len(page.columns)
    band_of = [c // per for c, col in enumerate(page.columns) for _ in col]  # the cards' drawing order
    spans: dict[int, list[float]] = {}
    for b, path in zip(band_of, cards.get_paths(), strict=True):
        ys = np.asarray(path.vertices, dtype=float)[:, 1]  # page inches, y down
        lo, hi = spans.get(b, [float(ys.min()), float(ys.max())])
        spans[b] = [min(lo, float(ys.min())), max(hi, float(ys.max()))]
    h_in = fig.get_size_inches()[1]
    legend_top = h_in - fig.legends[0].get_window_extent().y1 / fig.dpi
    return [(spans[b][0], spans[b][1]) for b in sorted(spans)], legend_top


@pytest.mark.parametrize(
    ("w", "first_h", "rest_h"),
    [(10.28, 5.66, 6.58), (6.85, 9.08, 10.0)],  # the report's A4 landscape and portrait frames, in inches
    ids=["landscape", "portrait"],
)
def test_summarised_graph_pages_are_full(big: Any, w: float, first_h: float, rest_h: float) -> None:
    pages = graph_tiles(big, w, first_h, 7.0, max_whole=WHOLE_MAX, compact=True, rest_h_in=rest_h)
    assert len(pages) > 1
    measured = []
    for page in pages:
        assert page.page_h <= (first_h if page.part == 1 else rest_h) + 1e-9
        fig = Figure(figsize=(w, page.page_h), dpi=72)
        FigureCanvasAgg(fig)
        draw_graph(fig, big, window=page)
        bands, legend_top = _page_bands(fig, page)
        # A band that only goes on with the stage of the band above has no stage header (page.continued).
        heads = [HEAD * (not (b < len(page.continued) and page.continued[b])) for b in range(len(bands))]
        for (_, bottom), (top, _), head in zip(bands, bands[1:], heads[1:], strict=False):
            assert top - bottom >= head + BAND_GAP_IN - 1e-6, "a band's cards run into the next band"
        assert bands[-1][1] <= legend_top, "the last band's cards run into the legend"
        cards = sum(b - t for t, b in bands)
        room = legend_top - (bands[0][0] - HEAD)
        empty = room - cards - sum(heads) - sum(CONT_GAP_IN if h == 0 else BAND_GAP_IN for h in heads[1:])
        measured.append((empty, room, bands))
    for empty, room, _ in measured[:-1]:
        assert empty < 0.3 * room, f"{empty:.2f} in of {room:.2f} in empty on a page that is not the last"
    for (empty, _, _), (_, _, next_bands) in zip(measured, measured[1:], strict=False):
        next_band = HEAD + next_bands[0][1] - next_bands[0][0] + BAND_GAP_IN
        assert empty < next_band, (
            f"{empty:.2f} in empty on a page, where the next band needs {next_band:.2f} in"
        )
