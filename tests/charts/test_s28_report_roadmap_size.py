"""The exported roadmap of a small plan is as tall as its lanes (H-report28).

`planner export --chart roadmap` drew every plan on a 13.3 x 7.5 in slide: one decision's lane and the legend
took the top 2 inches and 5 inches of white followed. The report already sized its roadmap so; the export now
takes the same height (planner.charts.roadmap.natural_height)."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts import default_size, draw_chart
from planner.model import plan_from_dict
from tests.report.s20_plans import _base


@pytest.mark.parametrize("n", [1, 6, 30])
def test_a_small_plans_roadmap_is_as_tall_as_its_content(n: int) -> None:
    a = analyze(plan_from_dict(_base(f"{n} decisions", n), "<roadmap>"))
    w, h = default_size("roadmap", a)
    assert w == pytest.approx(13.333)
    assert h < 0.8 * 7.5
    fig = draw_chart("roadmap", a)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [
        t.get_window_extent(renderer) for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
    ]
    lowest = min(b.y0 for b in boxes) / fig.dpi  # inches from the figure's foot
    assert 0.0 <= lowest < 0.75, (
        lowest
    )  # the legend near the foot: no band of white under it, nothing cut off
    top = max(b.y1 for b in boxes) / fig.dpi
    assert top <= h


def test_a_plan_that_fills_the_slide_keeps_it() -> None:
    data: dict[str, Any] = _base("Many", 120)
    a = analyze(plan_from_dict(data, "<roadmap>"))
    assert default_size("roadmap", a)[1] in (7.5, 10.0)
