"""The status date on the charts (issue 16): the line and its label on the Gantt, stage timeline and roadmap, and
the work done drawn where it happened (planner.charts.status.done_spans), hand-checked."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import status as progress
from planner.model import Decision, Plan, Status, new_plan, plan_from_dict


def _half_done(status: float | dt.date | None = dt.date(2027, 3, 15)) -> Plan:
    """Start 4 Jan 2027, status date 15 Mar 2027 = week 10.

    a: done, 4 wk planned, actual weeks 2-5        -> work done 2-5
    b: 40 % of 5 wk, after a                       -> 3 wk left from the status date: 10-13; done 8-10
    c: not started, 2 wk, after b                  -> 13-15, nothing done
    d: done, 3 wk, no actual dates                 -> finished at the status date: done 7-10
    """
    plan = new_plan("Half done")
    plan.start_date = dt.date(2027, 1, 4)
    plan.status_date = status
    plan.decisions += [
        Decision(
            id="a",
            title="A",
            stage="validate",
            duration=4,
            status=Status.DONE,
            actual_start=2,
            actual_finish=5,
        ),
        Decision(id="b", title="B", stage="validate", duration=5, status=Status.IN_PROGRESS, progress=40),
        Decision(id="c", title="C", stage="integrate", duration=2),
        Decision(id="d", title="D", stage="validate", duration=3, status=Status.DONE),
    ]
    links = plan_from_dict(
        {
            **new_plan().model_dump(by_alias=True),
            "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}],
        }
    ).dependencies
    plan.dependencies += links
    return plan


def test_done_spans_hand_checked() -> None:
    a = analyze(_half_done())
    assert a.schedule is not None
    assert progress.status_week(a) == 10.0
    assert a.schedule.finish == pytest.approx(15.0)
    start, finish = progress.done_spans(a)
    assert start.tolist()[:2] == pytest.approx([2.0, 8.0]) and finish.tolist()[:2] == pytest.approx(
        [5.0, 10.0]
    )
    assert np.isnan(start[2]) and np.isnan(finish[2])
    assert (start[3], finish[3]) == pytest.approx((7.0, 10.0))


def test_done_spans_without_progress_are_empty() -> None:
    plan = _half_done(None)
    for d in plan.decisions:
        d.status, d.progress, d.actual_start, d.actual_finish = Status.NOT_STARTED, 0, None, None
    start, _ = progress.done_spans(analyze(plan))
    assert np.isnan(start).all()


def test_labels_through_the_one_formatter() -> None:
    plan = _half_done()
    assert progress.status_label(plan, 10.0) == "status 15 Mar"
    assert progress.status_text(plan, 10.0) == "status date 15 Mar 2027 (wk 10)"
    assert progress.status_legend(plan, 10.0) == "Status date 15 Mar 2027"
    plan.start_date = None
    assert progress.status_label(plan, 2.5) == "status wk 2.5"
    assert progress.status_legend(plan, 2.5) == "Status date wk 2.5"


def _status_lines(fig: Figure) -> list[Line2D]:
    return [
        ln
        for ax in fig.axes
        for ln in ax.lines
        if ln.get_color() == progress.STATUS and ln.get_linestyle() not in ("None", "")
    ]


def _texts(fig: Figure) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        leg = ax.get_legend()
        if leg is not None:
            out += [t.get_text() for t in leg.get_texts()]
    for leg in fig.legends:
        out += [t.get_text() for t in leg.get_texts()]
    return out


def test_gantt_draws_the_status_line_and_work_done() -> None:
    a = analyze(_half_done())
    fig = Figure(figsize=(10, 4))
    charts.draw_gantt(fig, a)
    lines = _status_lines(fig)
    assert len(lines) == 1 and np.asarray(lines[0].get_xdata()).tolist() == [10.0, 10.0]
    texts = _texts(fig)
    # named with its date in the subtitle and the legend (a label on the plot met the stages' labels)
    assert any("status date 15 Mar 2027 (wk 10)" in t for t in texts)
    assert {"Status date 15 Mar 2027", "Work done"} <= set(texts)
    assert "status 15 Mar" not in texts
    # the work done: one muted bar each for a, b and d, from where it started to where it stopped
    from matplotlib.collections import PolyCollection

    ax = fig.axes[0]
    done = [c for c in ax.collections if isinstance(c, PolyCollection) and c.get_zorder() == 2.8]
    assert len(done) == 1
    xs = sorted(
        (
            round(float(np.asarray(p.vertices)[:, 0].min()), 6),
            round(float(np.asarray(p.vertices)[:, 0].max()), 6),
        )
        for p in done[0].get_paths()
    )
    assert xs == [(2.0, 5.0), (7.0, 10.0), (8.0, 10.0)]


def test_gantt_without_a_status_date_has_no_line() -> None:
    plan = _half_done(None)
    fig = Figure(figsize=(10, 4))
    charts.draw_gantt(fig, analyze(plan))
    assert not _status_lines(fig)
    assert not any(t.startswith("Status date") for t in _texts(fig))


def test_stage_timeline_and_roadmap_draw_the_status_line() -> None:
    a = analyze(_half_done(10.0))
    fig = Figure(figsize=(12, 6))
    charts.draw_stage_timeline(fig, a)
    lines = _status_lines(fig)
    assert len(lines) == 1 and np.asarray(lines[0].get_xdata()).tolist() == [10.0, 10.0]
    assert "status 15 Mar" in _texts(fig) and "Status date" in _texts(fig)

    fig = Figure(figsize=(13.333, 7.5))
    charts.draw_roadmap(fig, a)
    from planner.charts.roadmap import fit

    g, _ = fit(a, 13.333, 7.5)
    lines = _status_lines(fig)
    assert len(lines) == 2  # the line through the lanes and its legend mark
    assert any(np.asarray(ln.get_xdata()).tolist() == pytest.approx([g.x(10.0)] * 2) for ln in lines)
    assert "status 15 Mar" in _texts(fig) and "Status date" in _texts(fig)


SCHEDULED = {"yes": 0, "no": 0}  # examples of test_done_spans_properties that had a schedule to check, or not


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["not_started", "in_progress", "done", "blocked"]),
            st.integers(0, 100),
            st.floats(0, 12, allow_nan=False),
            st.one_of(st.none(), st.floats(0, 20, allow_nan=False)),
            st.one_of(st.none(), st.floats(0, 20, allow_nan=False)),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
    st.one_of(st.none(), st.floats(0, 30, allow_nan=False)),
    st.integers(0, 2**31),
)
def test_done_spans_properties(rows: list[tuple], status: float | None, seed: int) -> None:
    """Whatever is recorded: the work done never starts before the plan start nor ends before it starts; an
    in-progress decision's work done ends by the status date; a done one's ends at its finish; nothing is drawn
    for work not started or a milestone."""
    import random

    rng = random.Random(seed)
    plan = new_plan("Random progress")
    plan.start_date = dt.date(2027, 1, 4)
    plan.status_date = status
    for k, (state, pct, weeks, a_s, a_f, ms) in enumerate(rows):
        plan.decisions.append(
            Decision(
                id=f"d{k}",
                title=f"D{k}",
                stage="validate",
                duration=0.0
                if ms
                else weeks,  # a milestone with a duration is an error: no schedule to check
                milestone=ms,
                status=Status(state),
                progress=pct,
                actual_start=a_s,
                actual_finish=a_f if state == "done" else None,
            )
        )
    links = [
        {"from": f"d{u}", "to": f"d{v}"} for v in range(len(rows)) for u in range(v) if rng.random() < 0.3
    ]
    plan.dependencies = plan_from_dict(
        {**new_plan().model_dump(by_alias=True), "dependencies": links}
    ).dependencies
    a = analyze(plan)
    if a.schedule is None:
        SCHEDULED["no"] += 1
        return
    SCHEDULED["yes"] += 1
    start, finish = progress.done_spans(a)
    s = a.schedule
    for i, d in enumerate(plan.decisions):
        nothing = d.milestone or (
            d.status in (Status.NOT_STARTED, Status.BLOCKED) and d.progress == 0 and d.actual_start is None
        )
        if nothing:
            assert np.isnan(start[i]) and np.isnan(finish[i])
            continue
        if np.isnan(start[i]):
            assert d.status is not Status.DONE  # no length of work done to show (a done one always shows)
            continue
        assert 0.0 <= start[i] <= finish[i] + 1e-9
        if d.status is Status.DONE:
            assert finish[i] == pytest.approx(float(s.es[i]))
        elif status is not None:
            assert finish[i] <= status + 1e-9


def test_dependency_graph_says_done() -> None:
    a = analyze(_half_done())
    fig = Figure(figsize=charts.default_size("graph", a))
    charts.draw_graph(fig, a)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    # a finished at its actual finish (week 5), d at the status date (week 10); b and c have work left
    assert "done \u00b7 finished wk 5" in texts and "done \u00b7 finished wk 10" in texts
    assert sum(t.startswith("done") for t in texts) == 2


@pytest.mark.parametrize("chart", ["gantt", "stages", "roadmap"])
@pytest.mark.parametrize("week", [0.0, 9.0, 20.0, 34.0])
def test_the_status_label_overlaps_no_other_text(chart: str, week: float) -> None:
    """On a sample plan, wherever the status date falls: its label (or legend entry) collides with no text."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from planner.model import load_plan
    from tests.charts.chart_plans import SAMPLES

    plan = load_plan(next(p for p in SAMPLES if p.name.startswith("fraud-detection")))
    plan.status_date = week
    a = analyze(plan)
    fig = Figure(figsize=charts.default_size(chart, a))
    if chart == "gantt":
        charts.draw_gantt(fig, a)
    elif chart == "stages":
        charts.draw_stage_timeline(fig, a)
    else:
        charts.draw_roadmap(fig, a)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # legends and annotations take their places at draw time
    renderer = canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    ours = [t for t in texts if t.get_text().lower().startswith("status")]
    assert ours, "the status date is named on the chart"
    for t in ours:
        bb = t.get_window_extent(renderer)
        for other in texts:
            if other is t or other in ours:
                continue
            ob = other.get_window_extent(renderer)
            overlap_w = min(bb.x1, ob.x1) - max(bb.x0, ob.x0)
            overlap_h = min(bb.y1, ob.y1) - max(bb.y0, ob.y0)
            assert not (overlap_w > 1 and overlap_h > 1), (t.get_text(), other.get_text())


def test_done_spans_properties_checked_schedules() -> None:
    """Most of the random plans above are schedulable (a milestone with a duration made two in three of them
    errors, so the property checked little); run after it in this module."""
    test_done_spans_properties()
    assert SCHEDULED["yes"] >= 2 * SCHEDULED["no"], SCHEDULED
