"""Dependency graph pages (the report's): a stage's header stays over its own columns. Before, the upper-case bold
stage name was cut by a count of average characters (times a bold factor), so long names of wide capitals ran
into the next stage's header ('...TRANSFOR2 · INTEGRATE'). Now the name is cut by its measured width, bold."""

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

LONG = {
    "spaces": "Transformation of the whole enterprise workload onto the shared platform " * 3,
    "capitals": "MW" * 60,
    "word": "Transformationalintegration" * 5,
}


def _long_stages(name: str) -> dict[str, Any]:
    ds = [_d(k, STAGES4[k % 4][0], title=f"Decision {k}") for k in range(8)]
    deps = [{"from": f"d{k:04d}", "to": f"d{k + 1:04d}"} for k in range(7)]
    data = _base("Long stage names", decisions=ds, dependencies=deps)
    for k, s in enumerate(data["stages"]):
        s["name"] = f"{name} {k}"
    return data


def _headers(fig: Figure, names: list[str]) -> list[tuple[Any, Any]]:
    """(text, its extent in display pixels) of each stage header drawn: the bold texts starting with a stage's
    number and a middle dot."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    out = []
    for t in fig.axes[0].texts:
        s = t.get_text()
        if t.get_fontweight() == "bold" and any(s.startswith(f"{k + 1} \u00b7 ") for k in range(len(names))):
            out.append((t, t.get_window_extent(renderer)))
    return out


@pytest.mark.parametrize("kind", sorted(LONG))
@pytest.mark.parametrize("size", [(10.0, 6.0), (6.5, 9.0)], ids=["landscape", "portrait"])
def test_stage_headers_do_not_run_into_each_other(kind: str, size: tuple[float, float]) -> None:
    a = analyze(plan_from_dict(_long_stages(LONG[kind])))
    names = [s.name for s in a.plan.stages]
    seen = 0
    for page in graph_pages(a, size[0], size[1], 7.0, compact=True):
        fig = Figure(figsize=size, dpi=100)
        FigureCanvasAgg(fig)
        draw_graph(fig, a, window=page)
        fig.canvas.draw()
        heads = _headers(fig, names)
        seen += len(heads)
        for t, box in heads:
            assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, (t.get_text(), box)
            assert t.get_text().endswith("\u2026")  # none of these names fits: each is shortened
        for j, (t1, b1) in enumerate(heads):
            for t2, b2 in heads[j + 1 :]:
                if b1.y0 < b2.y1 and b2.y0 < b1.y1:  # in one band: side by side, with a gap
                    assert b1.x1 < b2.x0 or b2.x1 < b1.x0, (t1.get_text(), t2.get_text(), b1, b2)
    assert seen >= len(names)  # every stage's header was measured


def _card_boxes(fig: Figure, n: int) -> list[Any]:
    ax = fig.axes[0]
    cards = next(
        c
        for c in ax.collections
        if isinstance(c, PolyCollection) and c.get_zorder() == 2 and len(c.get_paths()) == n
    )
    return [ax.transData.transform(p.vertices) for p in cards.get_paths()]


@pytest.mark.parametrize("kind", ["capitals", "spaces"])
@pytest.mark.parametrize("size", [(10.0, 6.0), (6.5, 9.0)], ids=["landscape", "portrait"])
def test_lines_over_the_page_and_on_the_cards_stay_in_their_room(
    kind: str, size: tuple[float, float]
) -> None:
    # The lines over a compact page (its part, its stages, the note on sequencing) were wrapped by a count of
    # average characters and ran off the page's right edge; the 'assigned <stage>' line and the '→ <stage>: ids'
    # stub lines of a card, shortened by a count, ran past the card's edge.
    a = analyze(plan_from_dict(_long_stages(LONG[kind])))
    assert any(int(a.stages.sequenced[i]) != int(a.schedule.graph.stage[i]) for i in range(8))  # 'assigned'
    for page in graph_pages(a, size[0], size[1], 7.0, compact=True):
        fig = Figure(figsize=size, dpi=100)
        FigureCanvasAgg(fig)
        draw_graph(fig, a, window=page)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        over = [t.get_window_extent(renderer) for t in fig.texts]
        assert over
        for box in over:
            assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, box
        heads = [b for _, b in _headers(fig, [s.name for s in a.plan.stages])]
        assert min(b.y0 for b in over) > max(b.y1 for b in heads)  # over the bands' headers
        boxes = _card_boxes(fig, len(page))
        on_cards = 0
        for t in fig.axes[0].texts:
            if t.get_zorder() != 3:
                continue
            e = t.get_window_extent(renderer)
            k = next(
                k
                for k, b in enumerate(boxes)
                if b[:, 0].min() <= e.x0 <= b[:, 0].max() and b[:, 1].min() <= e.y1 <= b[:, 1].max()
            )
            assert e.x1 <= boxes[k][:, 0].max(), (t.get_text(), e, boxes[k][:, 0].max())
            on_cards += 1
        assert on_cards >= 2 * len(page)  # each card's title and its lines under it
