"""The compact team load chart starts under its subtitle, not under the room kept for a weeks axis it does not
draw (H-report25). In the report a team within capacity gets a chart 190 pt tall; its plot began 0.45 in under
the subtitle's line, an empty band a sixth of the chart, above a plot 1.2 in tall. Now the band is 0.15 in and
the plot 1.5 in; nothing of the plot (its 'total capacity' note, its key, its top tick) reaches the subtitle."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import style
from planner.charts.capacity import draw_load
from planner.model import plan_from_dict
from tests.report.s20_plans import _base


def _figure() -> Figure:
    fig = Figure(figsize=(7.0, 190 / 72), dpi=72)
    FigureCanvasAgg(fig)
    draw_load(fig, analyze(plan_from_dict(_base("One team", 6))), schedule="unlevelled")
    return fig


def test_the_compact_load_chart_has_no_empty_band_under_its_subtitle() -> None:
    fig = _figure()
    (ax,) = fig.axes  # the compact chart: one plot, every team stacked, with a key
    h_in = fig.get_size_inches()[1]
    gap_in = h_in * (1 - ax.get_position().y1) - style.TITLE_IN  # from the title's room to the plot's top
    assert gap_in <= 0.2, gap_in


def test_nothing_of_the_compact_plot_reaches_the_subtitle() -> None:
    fig = _figure()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [t for t in fig.texts if t.get_text()]
    subtitle = min(texts, key=lambda t: t.get_window_extent(renderer).y0)  # the lower of title and subtitle
    floor = subtitle.get_window_extent(renderer).y0
    (ax,) = fig.axes
    parts = [ax.get_window_extent(renderer)]
    parts += [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    parts += [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
    legend = ax.get_legend()
    assert legend is not None
    parts.append(legend.get_window_extent(renderer))
    assert max(p.y1 for p in parts) < floor, [(p.y1, floor) for p in parts]


def test_the_compact_chart_draws_the_grey_outline_its_subtitle_names() -> None:
    """It said 'grey outline: levelled' and drew none (only the chart of a panel per team did): now the levelled
    schedule's total load is the grey outline over the stack."""
    import copy

    import numpy as np

    from planner.analysis.capacity import level, team_loads
    from tests.unseen_plans import costs_and_capacity

    a = analyze(plan_from_dict(costs_and_capacity()))
    assert a.schedule is not None
    view = copy.copy(a)
    view.levelled = level(a.plan, a.schedule)
    fig = Figure(figsize=(5.5, 2.8), dpi=72)
    FigureCanvasAgg(fig)
    draw_load(fig, view, schedule="unlevelled")
    assert any("grey outline: levelled" in t.get_text() for t in fig.texts)
    (ax,) = fig.axes
    outlines = [ln for ln in ax.get_lines() if ln.get_color() == style.MUTED]
    assert len(outlines) == 1
    lv = view.levelled
    peak = max(
        float(np.sum([tl.at(np.array([x])) for tl in team_loads(a.plan, lv.es, lv.ef)]))
        for x in np.unique(np.concatenate([lv.es, lv.ef]))
    )
    assert abs(float(np.max(outlines[0].get_ydata())) - peak) < 1e-9
