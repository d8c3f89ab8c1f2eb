"""One-page roadmap: a title drawn inside a long bar touched the bar's outline above and below (its letters 1.04 em
tall in a bar 0.72 of a 1.45 em pitch: 'Prototype text-to-SQL on the sales data mart' in a six-decision plan, the
critical bar's black outline over the tops of its capitals). A bar is now 1.3 em tall in a 1.55 em pitch: a title
inside it clears the outline on every side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def _plan(name: str, keep: int | None) -> Any:
    data = json.loads((SAMPLES / f"{name}.plan.json").read_text(encoding="utf-8"))
    if keep is not None:  # a small plan: its first decisions and the links between them
        data["decisions"] = data["decisions"][:keep]
        ids = {d["id"] for d in data["decisions"]}
        data["dependencies"] = [x for x in data["dependencies"] if x["from"] in ids and x["to"] in ids]
        data["risks"] = []
    return plan_from_dict(data, name)


def _inside_titles(fig: Figure) -> list[tuple[str, float, float, float, float]]:
    """Each title that starts and ends inside its bar: (title, gap above, gap below, gap left, gap right) between
    its box and the bar's outline (inside half the outline's width), in points."""
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    outlines = next(c for c in ax.collections if isinstance(c, PolyCollection) and c.get_zorder() == 2)
    widths = np.atleast_1d(outlines.get_linewidth())
    to_pt = 72 / fig.dpi
    out = []
    for text in ax.texts:
        if text.get_zorder() != 4:  # the decisions' titles
            continue
        box = text.get_window_extent(renderer)
        for k, path in enumerate(outlines.get_paths()):
            (x0, y0), (x1, y1) = (
                ax.transData.transform(p) for p in (path.vertices.min(0), path.vertices.max(0))
            )
            y0, y1 = min(y0, y1), max(y0, y1)
            if x0 <= box.x0 and box.x1 <= x1 and y0 <= (box.y0 + box.y1) / 2 <= y1:
                half = widths[k % len(widths)] / 2 / to_pt
                gaps = (y1 - half - box.y1, box.y0 - (y0 + half), box.x0 - (x0 + half), x1 - half - box.x1)
                out.append((text.get_text(), *(g * to_pt for g in gaps)))
    return out


@pytest.mark.parametrize(
    ("name", "keep"), [("insights-assistant", 6), ("insights-assistant", None), ("bank-assistant", None)]
)
@pytest.mark.parametrize("size", [(13.333, 7.5), (11.69, 8.27)])
def test_a_title_inside_its_bar_clears_the_outline(
    name: str, keep: int | None, size: tuple[float, float]
) -> None:
    fig = draw_chart("roadmap", analyze(_plan(name, keep)), size)
    fig.canvas.draw()
    inside = _inside_titles(fig)
    if keep is not None:
        assert inside, "the small plan has titles inside long bars"
    for title, above, below, left, right in inside:
        assert min(above, below) >= 0.3, (title, above, below)  # the letters' box, not only their ink, clear
        assert min(left, right) >= 1.0, (title, left, right)
