"""Critical path chips: the type and lag of a link that wraps to the next row ('SS' over '+0.5 wk') ran under the
first chip of the row (the entry arrow was 0.4 in, the words 0.42 in; at 13.8 in, six chips a row left it 0.35 in).
Measured on the drawn text: no link's words touch a chip or another text, at the default size for several widths."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.charts.critical_path import critical_path_height, draw_critical_path
from planner.model import Plan, load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def _plan(name: str) -> Plan:
    if name.startswith("random-"):
        return random_plan(int(name.split("-")[1]), seed=1)
    return load_plan(SAMPLES / f"{name}.plan.json")


@pytest.mark.parametrize("width", [13.333, 13.78, 14.5, 20.0])
@pytest.mark.parametrize("name", ["bank-assistant", "ai-portfolio", "random-1000"])
def test_link_words_keep_off_the_chips(name: str, width: float) -> None:
    analysis = analyze(_plan(name))
    fig = Figure(figsize=(width, critical_path_height(analysis, width)), dpi=100)
    draw_critical_path(fig, analysis)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    chips = [
        p.get_extents(ax.transData)
        for c in ax.collections
        if isinstance(c, PolyCollection) and len(c.get_edgecolor()) and c.get_paths()
        for p in c.get_paths()
    ]
    assert chips
    links = [
        t
        for t in ax.texts
        if t.get_text() in ("SS", "FF", "SF", "FS")
        or t.get_text().endswith(" wk")
        and t.get_text()[0] in "+\u2212"
    ]
    assert links or name == "ai-portfolio"
    crossed = [
        t.get_text()
        for t in links
        for chip in chips
        if t.get_window_extent(renderer).overlaps(chip.padded(-0.5))
    ]
    assert not crossed, crossed
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts if t.get_text().strip()]
    touching = [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y.padded(-0.5))]
    # (a chip's number badge sits on its corner, over nothing but the chip)
    assert not [pair for pair in touching if not any(p.isdigit() for p in pair)], touching


@pytest.mark.parametrize("size", [(8.9, 4.9), (5.3, 5.6), (13.8, 7.6)])
@pytest.mark.parametrize("name", ["bank-assistant", "ai-portfolio", "random-1000"])
def test_a_small_figure_draws_the_steps_that_read(name: str, size: tuple[float, float]) -> None:
    """A figure too small for every chip at 7 pt (an export at --size 8.9x4.9) shrank the chips until their text
    was 3.7 pt and their titles ran into their weeks; it now draws the whole rows that read and says which."""
    from planner.charts import style

    analysis = analyze(_plan(name))
    fig = Figure(figsize=size, dpi=100)
    draw_critical_path(fig, analysis)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_text().strip()]
    assert min(float(t.get_fontsize()) for t in texts) >= style.MIN_PT - 0.01
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    touching = [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y.padded(-0.5))]
    assert not [pair for pair in touching if not any(p.isdigit() for p in pair)], touching
    n = len(analysis.schedule.critical_path) if analysis.schedule is not None else 0
    numbers = sorted(int(t.get_text()) for t in texts if t.get_text().isdigit())
    assert numbers == list(range(1, len(numbers) + 1))  # the first steps, in order
    subtitle = fig.texts[1].get_text()
    assert len(numbers) == n or subtitle.startswith(f"steps 1\u2013{len(numbers)} of {n}"), subtitle
