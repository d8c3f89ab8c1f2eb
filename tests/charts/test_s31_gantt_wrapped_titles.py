"""A long decision title is drawn whole in the report's Gantt, on two or more rows (session 31).

The row-label column is at most 42 % of the chart's width; a longer title was cut to one row
('Predictive maintenance: label failure history w…' on every other row of a portrait report, a 200-letter title
to its first 60 letters). Drawn with ``wrap``, such a title takes as many rows as its lines at 7 pt need and is
drawn whole on them, its bar in their middle; the app's Gantt (no ``wrap``) keeps one row a decision.
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import Analysis, analyze
from planner.charts import style
from planner.charts.gantt import gantt_rows, row_pitch_in
from planner.model import plan_from_dict

LONG = (
    "Establish a company-wide governance framework for every generative model in production, with owners, review "
    "boards, audit trails, incident playbooks and a yearly external assessment of each high-risk use case"
)
TITLES = [
    "Pick the first use case",
    LONG[:200],
    (LONG + ", and of its suppliers, reviewed by the board every quarter with the internal auditors present")[
        :290
    ],
    "اعتماد سياسة استخدام الذكاء الاصطناعي في المصرف مع مراجعة سنوية مستقلة لكل حالة استخدام عالية المخاطر",
    "אישור מדיניות השימוש בבינה מלאכותית בבנק, כולל סקירה שנתית חיצונית של כל שימוש בסיכון גבוה במיוחד",
    "Predictive maintenance: label failure history with engineers",
    "Demand forecasting: set success metric (forecast error and stock-outs)",
]


def _analysis(n: int = 21) -> Analysis:
    decisions: list[dict[str, Any]] = [
        {"id": f"d{i}", "title": f"{TITLES[i % len(TITLES)]} ({i})", "stage": "s0" if i < n // 2 else "s1"}
        for i in range(n)
    ]
    data = {
        "schema_version": 1,
        "title": "Long titles",
        "start_date": "2027-01-04",
        "stages": [{"id": "s0", "name": "Validate"}, {"id": "s1", "name": "Integrate"}],
        "decisions": decisions,
        "dependencies": [{"from": f"d{i}", "to": f"d{i + 1}"} for i in range(n - 1) if i % 3],
    }
    a = analyze(plan_from_dict(data, "<long titles>"))
    assert a.ok
    return a


def _labels(fig: Figure, a: Analysis) -> dict[int, Any]:
    """The row label of every decision on the chart, by plan index (found by its first word and number)."""
    out = {}
    for t in fig.axes[0].texts:
        text = " ".join(t.get_text().split())
        for i, d in enumerate(a.plan.decisions):
            if text.endswith(f"({i})") and text.split(" ")[0] == d.title.split(" ")[0]:
                out[i] = t
    return out


@pytest.mark.parametrize("size", [(7.3, 9.6), (10.9, 6.9)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("page", [None, 0, 1], ids=["one chart", "first page", "second page"])
def test_every_long_title_is_drawn_whole_at_7pt_or_more(size: tuple[float, float], page: int | None) -> None:
    a = _analysis()
    all_rows = gantt_rows(a, wrap_in=size[0])
    assert any(kind == "more" for kind, _ in all_rows)  # (the case: titles on more rows than one)
    # Two pages cut where the report cuts: at a stage's or a decision's row, never inside a wrapped title's.
    cut = next(k for k in range(len(all_rows) // 2, len(all_rows)) if all_rows[k][0] != "more")
    rows = None if page is None else [(0, cut), (cut, len(all_rows))][page]
    # (one chart: as tall as the report draws a plan's rows on one page, at 7 pt)
    fig = Figure(figsize=size if rows is not None else (size[0], 1.2 + len(all_rows) * row_pitch_in(7.0)))
    charts.draw_gantt(fig, a, rows=rows, compact=True, wrap=True)
    shown = all_rows if rows is None else all_rows[rows[0] : rows[1]]
    on_page = {i for kind, i in shown if kind == "decision"}
    labels = _labels(fig, a)
    assert set(labels) == on_page
    r = FigureCanvasAgg(fig).get_renderer()
    plot_left = fig.axes[0].get_window_extent(r).x0
    boxes = []
    for i in on_page:
        t = labels[i]
        # whole, on as many lines as it needs
        assert " ".join(t.get_text().split()) == " ".join(a.plan.decisions[i].title.split()), i
        assert t.get_fontsize() >= style.MIN_PT - 1e-9
        bb = t.get_window_extent(r)
        assert bb.x0 >= 0 and bb.x1 <= plot_left, i  # inside the figure, left of the plot
        boxes.append(bb)
    boxes.sort(key=lambda b: b.y0)
    for lo, hi in zip(boxes, boxes[1:], strict=False):
        assert lo.y1 <= hi.y0 + 0.5, "two row labels overlap"


def test_the_apps_gantt_keeps_one_row_a_decision() -> None:
    a = _analysis()
    rows = gantt_rows(a)  # no wrap_in: the app's rows, which its clicks are mapped to
    assert [kind for kind, _ in rows].count("decision") == len(rows) - 2 == len(a.plan.decisions)


def test_a_chart_too_short_for_every_wrapped_title_shows_the_most_important_whole() -> None:
    a = _analysis()
    fig = Figure(figsize=(10.9, 6.9))  # 49 rows with the wrapped titles' lines, room for 47
    charts.draw_gantt(fig, a, compact=True, wrap=True)
    labels = _labels(fig, a)
    assert 0 < len(labels) < len(a.plan.decisions)
    for i, t in labels.items():
        assert " ".join(t.get_text().split()) == " ".join(a.plan.decisions[i].title.split()), i
        assert t.get_fontsize() >= style.MIN_PT - 1e-9
    sub = " ".join(t.get_text() for t in fig.texts)
    assert f"the {len(labels)} most important of {len(a.plan.decisions)} decisions shown" in sub, sub


def test_a_wrapped_titles_baseline_bar_is_under_its_bar() -> None:
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import to_rgba

    from planner.analysis.baselines import make_baseline, with_baseline

    a0 = _analysis()
    assert a0.schedule is not None
    a = analyze(with_baseline(a0.plan, make_baseline(a0.schedule, "Q1", plan=a0.plan)))
    fig = Figure(figsize=(7.3, 14.0))
    charts.draw_gantt(fig, a, compact=True, wrap=True, baseline="Q1")
    ax = fig.axes[0]
    polys = [c for c in ax.collections if isinstance(c, PolyCollection)]
    grey = to_rgba(style.BASELINE)
    faces = [np.asarray(c.get_facecolor(), dtype=float).reshape(-1, 4) for c in polys]
    base = [c for c, f in zip(polys, faces, strict=True) if len(f) and np.allclose(f[0], grey)]
    bars = [c for c in polys if c.get_zorder() == 3]
    assert base and bars

    def spans(cs: list[PolyCollection]) -> list[tuple[float, float, float]]:  # (start, end, middle row) a bar
        out = []
        for c in cs:
            for p in c.get_paths():
                v = np.asarray(p.vertices, dtype=float)
                out.append(
                    (round(float(v[:, 0].min()), 6), round(float(v[:, 0].max()), 6), float(v[:, 1].mean()))
                )
        return out

    drawn = spans(bars)
    for x0, x1, y in spans(base):  # the thin bar sits just under its bar, not in a wrapped title's first row
        twins = [yb for a, b, yb in drawn if (a, b) == (x0, x1)]
        assert twins and any(0 < y - yb < 0.6 for yb in twins), (x0, x1, y, twins)
