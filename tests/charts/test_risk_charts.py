"""Monte Carlo and team-load charts: drawn on a given Figure, registered by name, readable messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.capacity import attach_to_analysis, team_loads
from planner.analysis.montecarlo import simulate
from planner.charts import CHARTS, default_size, render_chart
from planner.charts.capacity import draw_load
from planner.charts.risk import draw_criticality, draw_risk, draw_tornado
from planner.model import load_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def _fig(size: tuple[float, float] = (11, 6)) -> Figure:
    fig = Figure(figsize=size)
    FigureCanvasAgg(fig)
    return fig


def _texts(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def bank() -> Any:
    return analyze(load_plan(SAMPLES / "bank-assistant.plan.json"))


def test_the_charts_are_registered() -> None:
    for name in ("risk", "criticality", "tornado", "load"):
        assert name in CHARTS


@pytest.mark.parametrize("name", ["risk", "criticality", "tornado", "load"])
def test_each_chart_renders_for_a_sample_plan(bank: Any, name: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.png"
    render_chart(name, bank, out, dpi=50)
    assert out.stat().st_size > 5_000
    w, h = default_size(name, bank)
    assert w >= 4 and h >= 3


def test_the_risk_chart_marks_p50_p80_and_the_cpm_finish(bank: Any) -> None:
    r = simulate(bank.plan, 2_000, seed=1)
    fig = _fig()
    draw_risk(fig, r, by=40)
    fig.canvas.draw()
    text = _texts(fig)
    assert "P50: wk" in text and "P80: wk" in text and "CPM plan (likely)" in text and "by wk 40" in text
    assert "2,000 Monte Carlo iterations (seed 1)" in text
    # Given an analysis, it simulates with the defaults; a result passed in wins.
    fig2 = _fig()
    draw_risk(fig2, bank, result=r)
    assert "2,000 Monte Carlo" in _texts(fig2)


def test_bars_list_the_most_critical_and_most_sensitive_first(bank: Any) -> None:
    r = simulate(bank.plan, 2_000, seed=1)
    fig = _fig((11, 8))
    draw_criticality(fig, r, top=5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    top = sorted(range(len(r.ids)), key=lambda i: (-r.criticality[i], r.ids[i]))[:5]
    assert len(labels) == 5
    for lbl, i in zip(labels, top, strict=True):
        assert lbl.startswith(r.titles[i][:12])
    fig = _fig((11, 8))
    draw_tornado(fig, r, top=3)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    most = r.ids.index(r.sensitivity()[0][0])  # labels are "title (id)", elided: the title's start is there
    assert len(labels) == 3 and labels[0].startswith(r.titles[most][:12])


def test_messages_instead_of_charts(make_plan: Any) -> None:
    broken = analyze(make_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")]))
    for draw in (draw_risk, draw_criticality, draw_tornado, draw_load):
        fig = _fig()
        draw(fig, broken)
        assert "error" in _texts(fig)
    fixed = analyze(make_plan([{"id": "a", "duration": 2}]))
    fig = _fig()
    draw_tornado(fig, fixed)
    assert "Nothing drives the finish" in _texts(fig)
    fig = _fig()
    draw_risk(fig, fixed)  # a single value: still a readable chart
    assert "P80: wk 2" in _texts(fig)
    fig = _fig()
    draw_load(fig, fixed)
    assert "No teams yet" in _texts(fig)


def test_load_chart_levelled_and_unlevelled(bank: Any) -> None:
    fig = _fig((13, 9))
    draw_load(fig, bank, schedule="unlevelled")
    assert "unlevelled (CPM) schedule" in _texts(fig) and "over capacity:" in _texts(fig)
    result = analyze(bank.plan)
    attach_to_analysis(result)
    fig = _fig((13, 9))
    draw_load(fig, result)
    text = _texts(fig)
    assert "levelled schedule" in text and "every team within capacity" in text
    assert len(fig.axes) >= 1 + len(bank.plan.teams)


def _label_boxes(fig: Figure) -> list[Any]:
    """Window extents of the marker labels (annotations) of the risk chart, after a draw."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    anns = [t for ax in fig.axes for t in ax.texts if t.__class__.__name__ == "Annotation"]
    return [
        a.get_bbox_patch().get_window_extent(renderer)
        if a.get_bbox_patch()
        else a.get_window_extent(renderer)
        for a in anns
    ]


@pytest.mark.parametrize(("size", "dpi"), [((6, 4), 100), ((740 / 72, 300 / 72), 72), ((11, 6), 100)])
@pytest.mark.parametrize("by_offset", [-0.6, 0.0, 0.3, 1.0])
def test_risk_labels_never_overlap_and_stay_inside(
    bank: Any, size: tuple[float, float], dpi: int, by_offset: float
) -> None:
    r = simulate(bank.plan, 2_000, seed=1)
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    draw_risk(fig, r, by=r.percentile(80) + by_offset)
    fig.canvas.draw()
    boxes = _label_boxes(fig)
    assert len(boxes) == 4  # CPM, P80, P50, by
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            assert not a.overlaps(b), (a, b)
    ax = fig.axes[0].get_window_extent()
    for b in boxes:
        assert ax.x0 - 1 <= b.x0 and b.x1 <= ax.x1 + 1 and ax.y0 - 1 <= b.y0 and b.y1 <= ax.y1 + 2


@pytest.mark.parametrize(
    ("size", "dpi"), [((6, 4), 100), ((4, 3), 100), ((740 / 72, 300 / 72), 72), ((11, 6), 100)]
)
def test_risk_date_ticks_do_not_overlap(bank: Any, size: tuple[float, float], dpi: int) -> None:
    r = simulate(bank.plan, 2_000, seed=1)
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    draw_risk(fig, r)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.xaxis.get_major_ticks() if lo <= t.get_loc() <= hi and t.label1.get_text()]
    boxes = sorted((t.label1.get_window_extent(renderer) for t in ticks), key=lambda b: b.x0)
    assert len(boxes) >= (2 if size[0] < 5 else 3)
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a.x1 + 4 <= b.x0, (a, b)


def test_load_chart_on_a_small_figure_stays_inside(bank: Any) -> None:
    fig = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(fig)
    draw_load(fig, bank, schedule="unlevelled")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    title_bottom = min(t.get_window_extent(renderer).y0 for t in fig.texts)
    for ax in fig.axes:
        assert ax.get_window_extent().y1 <= title_bottom  # no panel runs into the title
    assert "over" in _texts(fig)


def _many_teams(n_teams: int) -> Any:
    """The bank sample with ``n_teams`` teams of one person each, the decisions' owners spread over them."""
    from planner.model.plan import Team

    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    plan.teams = [Team(id=f"t{k}", name=f"Team {k}", capacity=1.0) for k in range(n_teams)]
    for i, d in enumerate(plan.decisions):
        d.owner = f"t{(i * 7) % n_teams}"
    for r in plan.risks:
        r.owner = None
    return analyze(plan)


def test_load_chart_of_many_teams_draws_the_rest_together() -> None:
    from planner.charts.capacity import MAX_TEAMS

    result = _many_teams(300)
    assert default_size("load", result)[1] == default_size("load", _many_teams(MAX_TEAMS))[1]
    fig = _fig(default_size("load", result))
    draw_load(fig, result, schedule="unlevelled")
    text = _texts(fig)
    loads = team_loads(result.plan, result.schedule.es, result.schedule.ef)
    over = [tl for tl in loads if tl.over()]
    # 1 stacked chart + MAX_TEAMS panels: MAX_TEAMS - 1 teams and the others together (the 48 decisions own 48 teams)
    assert len(fig.axes) == 1 + MAX_TEAMS
    rest = len(loads) - (MAX_TEAMS - 1)
    assert f"{rest} other teams" in text
    # the subtitle names five teams over capacity and counts the others
    assert len(over) > 5 and f"and {len(over) - 5} more" in text
    # the teams drawn on their own are the ones over capacity by the most people, and the subtitle names those
    shown = {t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))}  # type: ignore[attr-defined]
    by_excess = sorted(over, key=lambda tl: -max(p - (tl.capacity or 0.0) for _, _, p in tl.over()))
    assert by_excess[0].name in shown
    subtitle = next(t for t in shown if "over capacity:" in t)
    named = subtitle.split("over capacity: ")[1].split(" and ")[0].split(", ")
    excess = {tl.name: max(p - (tl.capacity or 0.0) for _, _, p in tl.over()) for tl in over}
    assert min(excess[n] for n in named) >= max(excess[tl.name] for tl in over if tl.name not in named)


def test_combined_load_is_the_sum_of_the_teams_loads() -> None:
    import numpy as np

    from planner.analysis.capacity import combined_load

    result = _many_teams(30)
    loads = team_loads(result.plan, result.schedule.es, result.schedule.ef)
    group = combined_load(loads, "all", "All")
    times = np.linspace(-1.0, result.schedule.finish + 1.0, 997)
    assert np.allclose(group.at(times), sum(tl.at(times) for tl in loads))
    assert group.capacity == 30.0
    assert group.decisions == sorted(i for tl in loads for i in tl.decisions)


def test_load_panel_peak_is_written_by_the_one_rule() -> None:
    # Two decisions of team t at once, 1.25 and 1 people: a peak of 2.25 against a capacity of 2. The panel wrote
    # 'peak 2.2' (one decimal, rounded half to even) where the capacity tab and the finding say 2.25.
    from planner.model.plan import Decision, Team

    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    stage = plan.stages[0].id
    plan.teams = [Team(id="t", name="T", capacity=2.0)]
    plan.risks, plan.dependencies = [], []
    plan.decisions = [
        Decision(id="a", title="A", stage=stage, owner="t", headcount=1.25, duration=2),
        Decision(id="b", title="B", stage=stage, owner="t", headcount=1.0, duration=3),
    ]
    result = analyze(plan)
    fig = _fig((13, 9))
    draw_load(fig, result, schedule="unlevelled")
    assert "peak 2.25 / cap 2  \u25b2 over" in _texts(fig)
