"""Unusual but valid plans in the charts (H-unseen): plans that run for decades, cross a year, or have every decision
done. Each test is a case that drew wrongly before its fix."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts import draw_chart, style
from planner.charts.timeaxis import _month_ticks
from planner.model import plan_from_dict, units
from tests.unseen_plans import random_plan, shape


def _analysis(name: str):
    return analyze(plan_from_dict(shape(name), f"<{name}>"))


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if isinstance(t, Text) and t.get_visible()]


# -- the date axis ------------------------------------------------------------------------------------------
def test_month_ticks_over_centuries_are_round_years() -> None:
    # 4 Jan 2027 + 9,001 weeks is 8 Jul 2199 (173 years): at most 12 ticks means every 20 years, on round years.
    ticks, labels = _month_ticks(dt.date(2027, 1, 4), 9001, 12)
    assert labels == ["2040", "2060", "2080", "2100", "2120", "2140", "2160", "2180"]
    # 1 Jan 2040 is 4,745 days after 4 Jan 2027.
    assert ticks[0] == pytest.approx(4745 / 7)
    assert all(
        units.week_to_date(dt.date(2027, 1, 4), t) == dt.date(int(y), 1, 1)
        for t, y in zip(ticks, labels, strict=True)
    )


def test_month_ticks_for_a_few_years_step_whole_years() -> None:
    # 1,000 weeks from 4 Jan 2027 end on 6 Mar 2046: 20 years, 12 ticks at most: every 2 years from 2028.
    _, labels = _month_ticks(dt.date(2027, 1, 4), 1000, 12)
    assert labels == [str(y) for y in range(2028, 2047, 2)]


def test_month_ticks_within_a_year_are_unchanged() -> None:
    # Months as before: 52 weeks from 4 Jan 2027 touch 13 months (to 3 Jan 2028); 6 ticks at most means every
    # 3 months, on the quarter months after the start.
    _, labels = _month_ticks(dt.date(2027, 1, 4), 52, 6)
    assert labels == ["Apr\n2027", "Jul\n", "Oct\n", "Jan\n2028"]
    _, labels = _month_ticks(dt.date(2027, 1, 4), 52, 12)  # 13 months, 12 ticks at most: every 2 months
    assert labels == ["Mar\n2027", "May\n", "Jul\n", "Sep\n", "Nov\n", "Jan\n2028"]


@pytest.mark.parametrize("chart", ["gantt", "stages", "critical-path", "load"])
def test_date_ticks_never_overlap_on_a_plan_of_centuries(chart: str) -> None:
    a = _analysis("far-not-before")
    fig = draw_chart(chart, a)
    renderer = FigureCanvasAgg(fig).get_renderer()
    axes = [ax for ax in fig.axes if ax.get_xticklabels()]
    assert axes
    for ax in axes:
        boxes = sorted(
            (t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text().strip()),
            key=lambda b: b.x0,
        )
        for left, right in zip(boxes, boxes[1:], strict=False):
            assert left.x1 <= right.x0, (chart, left, right)


# -- short dates keep the year once the plan has left its first year ----------------------------------------
def test_short_date_keeps_the_year_after_the_first_calendar_year() -> None:
    start = dt.date(2027, 12, 31)
    assert style.short_date(start, dt.date(2027, 12, 31)) == "31 Dec"
    assert style.short_date(start, dt.date(2028, 1, 14)) == "14 Jan 2028"
    assert style.short_date(None, dt.date(2028, 1, 14)) == "14 Jan 2028"
    assert style.short_date(start, None) == ""


def test_gantt_stage_ends_in_a_later_year_name_the_year() -> None:
    # The plan starts 31 Dec 2027; Validate ends week 2 = 14 Jan 2028 (31 Dec + 14 days).
    a = _analysis("new-years-eve")
    assert a.stages is not None
    first = a.stages.stages[0]
    assert units.week_to_date(a.plan.start_date, first.finish) == dt.date(2028, 1, 14)
    texts = " | ".join(_texts(draw_chart("gantt", a)))
    assert "(14 Jan 2028)" in texts
    assert "(14 Jan)" not in texts


def test_roadmap_gates_in_a_later_year_name_the_year() -> None:
    a = _analysis("far-not-before")
    texts = _texts(draw_chart("roadmap", a))
    # Integrate's gate is week 2603: 4 Jan 2027 + 18,221 days = 23 Nov 2076.
    assert any("23 Nov 2076" in t for t in texts)
    assert not any(t.strip() == "gate 23 Nov" for t in texts)


# -- every decision done: an honest message, not an empty strip ---------------------------------------------
def test_critical_path_of_a_finished_plan_says_so() -> None:
    a = _analysis("all-done")
    assert a.schedule is not None and not a.schedule.critical_path
    texts = _texts(draw_chart("critical-path", a))
    assert "No critical path: no work is left" in texts
    # The finish is the last actual finish: 6 decisions of 2 weeks back to back, week 12 = 29 Mar 2027.
    assert any("wk 12 (29 Mar 2027)" in t for t in texts)


# -- long and wide text stays on the figure -----------------------------------------------------------------
def test_measured_width_tells_wide_from_narrow_letters() -> None:
    wide = style.measured_width_in("W" * 10, 10, bold=True)
    narrow = style.measured_width_in("i" * 10, 10, bold=True)
    assert wide > 2.5 * narrow
    # DejaVu Sans Bold: W is 1.103 em, i is 0.343 em; 10 of them at 10 pt, plus the 6 % safety margin.
    assert wide == pytest.approx(10 * 1.10302734375 * 10 / 72 * style.WIDTH_SAFETY)
    # A character the font lacks is drawn as a box about as wide as a full-width character.
    assert style.measured_width_in("\u6570", 10) >= 10 / 72


def test_fit_line_keeps_what_fits_and_shortens_what_does_not() -> None:
    assert style.fit_line("Train analysts", 3.0, 8) == "Train analysts"
    fitted = style.fit_line("W" * 300, 3.0, 8, bold=True)
    assert fitted.endswith("\u2026") and fitted.startswith("WWW")
    assert style.measured_width_in(fitted, 8, bold=True) <= 3.0
    assert (
        style.measured_width_in(fitted + "W", 8, bold=True) > 3.0 - 1.2 * 8 / 72
    )  # not cut more than needed
    assert style.fit_lines("a\n" + "W" * 300, 3.0, 8).split("\n")[0] == "a"


def _texts_off_the_figure(fig: Figure) -> list[str]:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    skip = set()
    for ax in fig.axes + [c for a in fig.axes for c in a.child_axes]:
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            lo, hi = min(lim), max(lim)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:  # matplotlib does not draw it
                    skip.update({id(tick.label1), id(tick.label2)})
    w, h = fig.bbox.width, fig.bbox.height
    off = []
    for t in fig.findobj(Text):
        if id(t) in skip or not t.get_visible() or not t.get_text().strip():
            continue
        if t.get_clip_on() and t.axes is not None:
            continue  # clipped to its axes on purpose
        b = t.get_window_extent(renderer)
        if b.x0 < -1 or b.x1 > w + 1 or b.y0 < -1 or b.y1 > h + 1:
            off.append(
                f"{t.get_text()[:50]!r} at {[round(v) for v in (b.x0, b.x1, b.y0, b.y1)]} of {w:.0f}x{h:.0f}"
            )
    return off


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")  # CJK, Devanagari and emoji: no font here has them
@pytest.mark.parametrize("name", ["long-text", "scripts"])
@pytest.mark.parametrize(
    "chart", ["gantt", "graph", "roadmap", "stages", "critical-path", "load", "criticality", "tornado"]
)
def test_no_text_leaves_the_figure(name: str, chart: str) -> None:
    # Before: stage names in capitals and titles of W's ran off the Gantt's left edge, graph column headers ran
    # into each other, bar labels of the criticality and tornado charts started left of the figure.
    assert _texts_off_the_figure(draw_chart(chart, _analysis(name))) == []


def test_graph_stage_headers_do_not_run_into_each_other() -> None:
    fig = draw_chart("graph", _analysis("long-text"))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    heads = sorted(
        (
            t.get_window_extent(renderer)
            for t in fig.findobj(Text)
            if isinstance(t, Text) and re.match(r"\d+ \u00b7 ", t.get_text())
        ),
        key=lambda b: b.x0,
    )
    assert len(heads) == 4
    for left, right in zip(heads, heads[1:], strict=False):
        assert left.x1 < right.x0


# -- a finish that never varies, and the app's simulation of an empty plan ----------------------------------
def test_risk_chart_of_an_empty_plans_simulation_says_nothing_to_show() -> None:
    from planner.analysis.montecarlo import simulate
    from planner.charts.risk import draw_criticality, draw_risk, draw_tornado

    a = _analysis("empty")
    sim = simulate(a.plan, 200, 0)  # what the app's Risk tab holds after "Run Simulation"
    for draw in (draw_risk, draw_criticality, draw_tornado):
        fig = Figure(figsize=(11, 6))
        draw(fig, a, result=sim)
        texts = _texts(fig)
        assert any(t.startswith("No ") and t.endswith(" yet") for t in texts), (draw.__name__, texts)
        assert not fig.axes  # no empty axis pretending to be a chart


def test_risk_chart_of_a_fixed_finish_stays_within_100_percent_and_the_plan() -> None:
    from planner.analysis.montecarlo import simulate
    from planner.charts.risk import draw_risk

    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Only a milestone",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [{"id": "m", "title": "Go", "stage": "s", "milestone": True}],
        },
        "<m>",
    )
    a = analyze(plan)
    sim = simulate(plan, 200, 0)
    assert sim.percentile(80) == 0.0  # every run finishes at the plan start
    fig = Figure(figsize=(11, 6))
    draw_risk(fig, a, result=sim)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    assert max(ax.get_yticks()) <= 1.0  # no 120 % or 140 % on a share of iterations
    assert ax.get_xlim()[0] >= -0.1  # the axis does not run a week before the plan starts
    shown = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert shown and not any(t.startswith("wk -") for t in shown), shown


def test_roadmap_gate_labels_left_of_their_marker_have_a_white_ground() -> None:
    # Status date week 200, every gate near the finish: no room right of the markers, the labels go left, over
    # the stage bars and the status line. (A white halo at first; since b48a7ac a white box, which the halo's
    # gaps between letters did not give: this test asked for the halo.)
    fig = draw_chart("roadmap", _analysis("status-after"))
    left = [
        t
        for t in fig.findobj(Text)
        if isinstance(t, Text) and t.get_text().startswith("gate ") and t.get_horizontalalignment() == "right"
    ]
    assert left
    assert all(
        (b := t.get_bbox_patch()) is not None and b.get_facecolor()[:3] == (1.0, 1.0, 1.0) for t in left
    )


def test_stage_timeline_captions_stay_left_of_the_bars() -> None:
    # Every decision of 'Stages out of order' is sequenced into Scale: "+3 from earlier under strict gates" ran
    # into Scale's gated bar.
    fig = draw_chart("stages", _analysis("inversions"))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    plot_left = fig.axes[0].get_window_extent(renderer).x0
    captions = [t for t in fig.findobj(Text) if isinstance(t, Text) and "under strict gates" in t.get_text()]
    assert any("+3 from earlier under strict gates" in t.get_text() for t in captions)
    for t in captions:
        assert t.get_window_extent(renderer).x1 < plot_left, t.get_text()


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10**6), n=st.integers(1, 20))
def test_random_plans_draw_every_time_chart_within_the_figure(seed: int, n: int) -> None:
    # Random valid plans: every link type with leads and lags, three-point estimates, not_before, inversions,
    # one to five stages, with or without a start date (29 Feb and 31 Dec among them).
    a = analyze(plan_from_dict(random_plan(seed, n), "<random>"))
    for chart in ("gantt", "roadmap", "stages", "critical-path", "load"):
        assert _texts_off_the_figure(draw_chart(chart, a)) == [], chart


def test_gated_gantt_legend_names_the_dotted_rolling_finish() -> None:
    # 'With a baseline': strict gates cost a week (rolling finish week 10, gated week 11); the gated timeline draws
    # the rolling finish as a dotted line, which the legend did not name.
    a = _analysis("baseline")
    assert a.stages is not None and a.stages.gating_price == 1.0
    labels = lambda fig: [t.get_text() for lg in fig.legends for t in lg.get_texts()]  # noqa: E731
    assert "Finish (rolling stages)" in labels(draw_chart("gantt", a, gated=True))
    assert "Finish (rolling stages)" not in labels(draw_chart("gantt", a))


# -- review: measured wrapping, and measuring from two threads ----------------------------------------------------
def test_measured_wrapping_cuts_only_what_does_not_fit() -> None:
    from planner.charts import style
    from planner.model import load_plan

    samples = Path(__file__).resolve().parents[2] / "sample_plans"
    titles = [d.title for p in samples.glob("*.plan.json") for d in load_plan(p).decisions]
    width, pt = 1.65, 7.5
    for title in titles + [
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "Kurz",
        "数据治理框架与模型风险管理的统一平台建设",
    ]:
        for bold in (False, True):
            lines = style.wrap_measured(title, width, pt, 3, bold=bold)
            assert 1 <= len(lines) <= 3
            # every line fits its room, measured as the charts measure
            assert all(style.measured_width_in(ln, pt, bold=bold) <= width + 1e-9 for ln in lines), lines
            text = " ".join(lines)
            if not text.endswith("\u2026"):  # all of it is there, in order
                assert text.replace(" ", "") == title.replace(" ", "")
            else:  # cut only when it did not fit in three lines
                assert style.measured_width_in(title, pt, bold=bold) > 2 * width
    # a title that fits in the lines is never cut (the character-count wrap cut this one at 'ag\u2026')
    assert "\u2026" not in "".join(
        style.wrap_measured(
            "Hand over to a human agent with full conversation context", 1.73, 7.5, 3, bold=True
        )
    )


def test_the_house_font_is_measured_safely_from_two_threads() -> None:
    import threading

    from planner.charts import style

    text = "".join(
        chr(c) for c in range(0x20, 0x2FF)
    )  # characters not measured yet in this process, most of them
    expect = [style.measured_width_in(text[:k], 9) for k in range(0, len(text), 37)]
    style.advances.cache_clear()
    results: list[list[float]] = []
    errors: list[Exception] = []

    def work() -> None:
        try:
            results.append([style.measured_width_in(text[:k], 9) for k in range(0, len(text), 37)])
        except (RuntimeError, ValueError) as exc:  # pragma: no cover - what FreeType raises when misused
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [expect] * 4


def test_graph_cards_and_critical_path_chips_keep_titles_that_fit() -> None:
    # bank-assistant's titles all fit their cards and chips in three lines; wrapped by a character count and then
    # measured, 'Hand over to a human agent with full conversation context' lost its end ('ag\u2026').
    from planner.charts import draw_chart
    from planner.model import load_plan

    result = analyze(
        load_plan(Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json")
    )
    titles = {d.title for d in result.plan.decisions}
    for name in ("graph", "critical-path"):
        fig = draw_chart(name, result)  # at its default size, where the cards have their natural text size
        texts = [t.get_text() for t in fig.findobj(Text)]
        drawn = [
            t
            for t in texts
            if "\n" in t and any(t.split("\n")[0].rstrip("\u2026") in title for title in titles)
        ]
        assert drawn  # the titles are drawn, over several lines
        cut = [t for t in drawn if "\u2026" in t]
        assert cut == [], (name, cut)
