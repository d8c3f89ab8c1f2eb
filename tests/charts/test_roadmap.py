"""The roadmap on a page (issue 8): a time-scaled slide that fits any figure with every text at 7 pt or more.

A hand-checked plan pins the figures it draws (bar positions, gates, critical titles, the notes); the samples, the
template and random plans check that nothing overlaps, nothing is clipped or small, and what is left out is said.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import Analysis, analyze
from planner.charts import default_size, draw_chart
from planner.charts.roadmap import fit, importance, text_in
from planner.model import plan_from_dict, units
from planner.model.plan import Status
from planner.report.style import page_geometry
from planner.templates import load_template
from tests.charts.chart_plans import SAMPLES, generated_plan

INTRO_IN = 78 / 72  # the report keeps this much of a page for the heading and the introduction


def _frame(paper: str, orientation: str) -> tuple[float, float]:
    g = page_geometry(paper, orientation)
    return (g.frame_width / 72, g.frame_height / 72 - INTRO_IN)


SIZES = {"letter landscape": _frame("letter", "landscape"), "a4 portrait": _frame("a4", "portrait")}


def hand_plan() -> Analysis:
    """a -> c -> d is the critical chain (6 weeks); d is assigned to Validate but follows c of Integrate, so the
    gated schedule runs it in Integrate: Gate 1 = 4 (b ends), Gate 2 = 8 (c 4-7, d 7-8); strict gates add 2."""
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Hand-checked roadmap",
            "start_date": "2027-01-04",
            "stages": [{"id": "validate", "name": "Validate"}, {"id": "integrate", "name": "Integrate"}],
            "areas": [{"id": "arch", "name": "Architecture"}, {"id": "data", "name": "Data"}],
            "decisions": [
                {
                    "id": "a",
                    "title": "Agree the value case",
                    "stage": "validate",
                    "area": "arch",
                    "duration": 2,
                },
                {"id": "b", "title": "Baseline the data", "stage": "validate", "area": "data", "duration": 4},
                {
                    "id": "m",
                    "title": "Pilot approved",
                    "stage": "integrate",
                    "area": "arch",
                    "milestone": True,
                },
                {
                    "id": "c",
                    "title": "Connect the core system",
                    "stage": "integrate",
                    "area": "data",
                    "duration": 3,
                },
                {
                    "id": "d",
                    "title": "Document the design",
                    "stage": "validate",
                    "area": "arch",
                    "duration": 1,
                },
            ],
            "dependencies": [{"from": "a", "to": "m"}, {"from": "a", "to": "c"}, {"from": "c", "to": "d"}],
        },
        "<hand>",
    )
    a = analyze(plan)
    assert a.schedule is not None
    return a


def _draw(analysis: Analysis, size: tuple[float, float], **opts: Any) -> Figure:
    fig = draw_chart("roadmap", analysis, size, **opts)
    fig.canvas.draw()
    return fig


def _texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _check_legible(fig: Figure) -> None:
    """Every text at 7 pt or more, inside the figure, and no two texts overlapping (as the renderer draws them)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    fb = fig.bbox
    boxes = []
    for t in _texts(fig):
        assert float(t.get_fontsize()) >= 7.0 - 1e-9, f"{t.get_text()!r} at {float(t.get_fontsize())} pt"
        bb = t.get_window_extent(renderer)
        assert bb.x0 >= fb.x0 - 1 and bb.x1 <= fb.x1 + 1 and bb.y0 >= fb.y0 - 1 and bb.y1 <= fb.y1 + 1, (
            f"{t.get_text()!r} is clipped by the figure edge"
        )
        boxes.append((bb, t.get_text()))
    for k, (a, ta) in enumerate(boxes):
        for b, tb in boxes[k + 1 :]:
            ov_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            ov_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert not (ov_w > 1 and ov_h > 1), f"{ta!r} overlaps {tb!r}"


def _check_counts(fig: Figure, analysis: Analysis, size: tuple[float, float]) -> None:
    """The note says exactly how many decisions the page shows and leaves out (and only when it leaves some)."""
    _, lay = fit(analysis, *size)
    n = len(analysis.plan.decisions)
    flat = re.sub(r"\s+", " ", " ".join(t.get_text() for t in _texts(fig)))
    if lay.left_out:
        assert f"{len(lay.shown)} of {n} decisions shown" in flat
        assert f"the other {lay.left_out} " in flat and "Gantt chart" in flat
    else:
        assert "decisions shown" not in flat
    assert len(lay.shown) + lay.left_out == n


# -- the hand-checked plan ------------------------------------------------------------------------------------
def test_hand_checked_figures() -> None:
    a = hand_plan()
    s, stg = a.schedule, a.stages
    assert s is not None and stg is not None
    assert [float(x) for x in s.es] == [0, 0, 2, 2, 5] and s.finish == 6
    assert [r.gate for r in stg.stages] == [4.0, 8.0] and stg.gating_price == 2
    size = (10.0, 6.0)
    fig = _draw(a, size)
    _check_legible(fig)
    texts = {t.get_text(): t for t in _texts(fig)}
    # Gates: the gated schedule's dates through the one date formatter (4 weeks = 1 Feb, 8 weeks = 1 Mar 2027).
    assert units.week_to_date(a.plan.start_date, 4) == dt.date(2027, 2, 1)
    assert "gate 1 Feb" in texts and "gate 1 Mar" in texts
    subtitle = next(t for t in texts if t.startswith("5 decisions"))
    assert "finish wk 6 (15 Feb 2027)" in subtitle and "strict gates add 2 weeks" in subtitle
    assert "3 critical" in subtitle
    assert "finish wk 6 (15 Feb 2027)" in texts
    # Critical decisions (a, c, d) are titled in bold; the others are not. Every title whole at this size.
    for d in a.plan.decisions:
        assert d.title in texts, d.title
        assert (texts[d.title].get_fontweight() == "bold") == (d.id in {"a", "c", "d"}), d.id
    # Sequencing is said: d (Validate) runs in Integrate under strict gates.
    assert any(t.startswith("Under strict gates 1 Validate decision runs in Integrate") for t in texts)
    # Ticks: weeks and dates from the same formatter.
    assert "wk 0\n4 Jan 2027" in texts and "wk 1\n11 Jan" in texts
    # Bars at their weeks: a over weeks 0-2, c over 2-5 (x in figure inches), critical ones outlined in black.
    g, lay = fit(a, *size)
    bars = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection) and c.get_zorder() == 2][0]
    spans = sorted(
        (float(np.asarray(p.vertices)[:, 0].min()), float(np.asarray(p.vertices)[:, 0].max()))
        for p in bars.get_paths()
    )
    for i in (0, 1, 3, 4):
        assert any(abs(lo - g.x(s.es[i])) < 1e-6 and abs(hi - g.x(s.ef[i])) < 1e-6 for lo, hi in spans)
    edges = np.asarray(bars.get_edgecolor())
    assert sum(bool(np.allclose(e[:3], 0)) for e in edges) == 3
    assert lay.left_out == 0


def test_importance_order_is_the_chain_then_milestones_then_gate_setters() -> None:
    a = hand_plan()
    ids = [a.plan.decisions[i].id for i in importance(a)]
    # The critical path (a, c, d by start), the milestone m, then b, which sets the Validate gate.
    assert ids == ["a", "c", "d", "m", "b"]
    assert [a.plan.decisions[i].id for i in importance(a, ["b"])][0] == "b"


def test_a_small_figure_shows_the_most_important_and_says_how_many_it_left_out(analysis_of) -> None:
    a = analysis_of("ai-portfolio")
    size = SIZES["letter landscape"]
    fig = _draw(a, size)
    _check_legible(fig)
    _check_counts(fig, a, size)
    _, lay = fit(a, *size)
    assert lay.left_out > 0 and len(lay.shown) >= 25
    assert set(a.schedule.critical_path) <= {a.plan.decisions[i].id for i in lay.shown}, "the chain is shown"
    assert importance(a)[0] in lay.shown


def test_highlighted_decisions_are_always_shown(analysis_of) -> None:
    a = analysis_of("ai-portfolio")
    order = importance(a)
    last = a.plan.decisions[order[-1]].id
    _, lay = fit(a, 9.0, 5.0, [last])
    assert order[-1] in lay.shown
    fig = _draw(a, (9.0, 5.0), highlight=last)
    bold = {t.get_text() for t in _texts(fig) if t.get_fontweight() == "bold"}
    assert any(a.plan.decisions[order[-1]].title.startswith(x.rstrip("\u2026")) for x in bold)


def test_text_widths_match_the_renderer() -> None:
    fig = Figure(figsize=(6, 2), dpi=100)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    for text, bold in (("Decouple the foundation model", True), ("wk 12", False), ("MMMM iiii", False)):
        t = fig.text(
            0, 0, text, fontsize=8, fontweight="bold" if bold else "normal", fontfamily="DejaVu Sans"
        )
        real = t.get_window_extent(renderer).width / 100
        assert real <= text_in(text, 8, bold) <= real * 1.12, text


# -- every sample, the template and random plans ---------------------------------------------------------------
def _template() -> Analysis:
    return analyze(load_template("ai-scaling"))


@pytest.mark.parametrize("size_name", sorted(SIZES))
@pytest.mark.parametrize("plan", [p.name.split(".")[0] for p in sorted(SAMPLES)] + ["template"])
def test_samples_and_template_fit_legibly(plan: str, size_name: str, analysis_of) -> None:
    a = _template() if plan == "template" else analysis_of(plan)
    size = SIZES[size_name]
    fig = _draw(a, size)
    _check_legible(fig)
    _check_counts(fig, a, size)


@pytest.mark.parametrize("plan", ["fraud-detection", "insights-assistant", "template"])
def test_small_samples_show_every_decision_on_a_slide(plan: str, analysis_of) -> None:
    a = _template() if plan == "template" else analysis_of(plan)
    size = default_size("roadmap", a)
    fig = _draw(a, size)
    _check_legible(fig)
    assert fit(a, *size)[1].left_out == 0


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(1, 260),
    seed=st.integers(0, 10_000),
    size=st.sampled_from([*SIZES.values(), (13.333, 7.5)]),
    dated=st.booleans(),
)
def test_random_plans_fit_legibly(n: int, seed: int, size: tuple[float, float], dated: bool) -> None:
    a = analyze(generated_plan(n, seed, start_date="2027-01-04" if dated else None, baselines=False))
    assert a.schedule is not None
    fig = _draw(a, size)
    _check_legible(fig)
    _check_counts(fig, a, size)


def test_share_done_is_drawn_darker_over_the_bar() -> None:
    plan = hand_plan().plan
    plan.status_date = dt.date(2027, 1, 11)  # week 1
    plan.decisions[0].status = Status.IN_PROGRESS
    plan.decisions[0].progress = 50.0
    plan.decisions[1].status = Status.DONE
    plan.decisions[1].actual_start = 0.0
    plan.decisions[1].actual_finish = 3.5
    a = analyze(plan)
    size = (10.0, 6.0)
    fig = _draw(a, size)
    g, _ = fit(a, *size)
    done = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection) and c.get_zorder() == 1.95][0]
    spans = sorted(
        (
            round(float(np.asarray(p.vertices)[:, 0].min()), 6),
            round(float(np.asarray(p.vertices)[:, 0].max()), 6),
        )
        for p in done.get_paths()
    )
    # The work done where it happened (issue 16): a, half of its 2 weeks, up to the status date (0-1; its other
    # week runs 1-2); b (done) from its actual start to its actual finish (0-3.5).
    assert spans == sorted([(round(g.x(0), 6), round(g.x(1), 6)), (round(g.x(0), 6), round(g.x(3.5), 6))])
    assert "Darker: work done" in {t.get_text() for t in _texts(fig)}


def test_a_figure_too_small_for_any_decision_says_so(analysis_of) -> None:
    fig = _draw(analysis_of("bank-assistant"), (4.0, 3.0))
    texts = " ".join(t.get_text() for t in _texts(fig))
    assert "No room for the roadmap" in texts and "4 \u00d7 3 inches" in texts
