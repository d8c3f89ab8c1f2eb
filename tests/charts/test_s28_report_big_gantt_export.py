"""The exported Gantt chart of a plan too big for the largest figure stays readable (H-report28).

`planner export --chart gantt` of a 5,000-decision plan drew every row on the 200-inch figure: rows 3 pt apart,
titles too small to draw or read. Where the rows cannot have titles of style.MIN_PT, the chart draws the most
important decisions that can (as the roadmap chooses them) and its subtitle says how many of how many."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.charts import default_size, draw_chart, style
from planner.charts.roadmap import importance
from planner.model import plan_from_dict


def test_a_5000_decision_gantt_shows_readable_rows_and_says_how_many() -> None:
    a = analyze(plan_from_dict(random_plan_dict(5000, seed=1), "<5000>"))
    assert a.schedule is not None
    size = default_size("gantt", a)
    fig = draw_chart("gantt", a, size=(size[0], 40.0), dpi=20)  # a 40-inch figure: 300 or so rows at 7 pt
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    titles = {a.plan.decisions[i].title: i for i in range(5000)}
    shown = [t for t in texts if t.get_text() in titles]
    assert 100 < len(shown) < 5000
    assert min(t.get_fontsize() for t in shown) >= style.MIN_PT
    # the most important first: the critical path is among them
    order = importance(a)
    assert {titles[t.get_text()] for t in shown} <= set(order[: len(shown) + 1])
    by_id = {d.id: d.title for d in a.plan.decisions}
    assert {by_id[d] for d in a.schedule.critical_path} <= {t.get_text() for t in shown}
    subtitle = [t.get_text() for t in texts if "decisions shown" in t.get_text()]
    assert subtitle and f"the {len(shown)} most important of 5,000 decisions shown" in subtitle[0]


def test_a_plan_that_fits_draws_every_row() -> None:
    a = analyze(plan_from_dict(random_plan_dict(60, seed=1), "<60>"))
    fig = draw_chart("gantt", a)
    texts = {t.get_text() for t in fig.findobj(Text) if t.get_visible()}
    assert all(d.title in texts or any(d.title[:20] in x for x in texts) for d in a.plan.decisions)
    assert not any("decisions shown" in x for x in texts)
