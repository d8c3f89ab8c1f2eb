"""A page of a long plan's Gantt shows the weeks of its own rows (session 30b).

The report tiles a big Gantt over pages; each page used the whole plan's time axis, so at 400 and 3,000 decisions
(hundreds of weeks) a page's bars were dots on a thin diagonal. A page whose rows span a small part of the plan
now shows their weeks, dated by the shared time axis, with a strip over its row labels saying where they sit in
the whole plan. The app's Gantt (one canvas, every row) keeps the whole axis.
"""

from __future__ import annotations

import re

import numpy as np
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import Analysis, analyze
from planner.charts.gantt import WINDOW_SHARE, gantt_rows
from planner.model import units
from planner.model.plan import Weeks
from tests.charts.chart_plans import generated_plan

ROWS = (200, 241)  # a page in the middle of the plan, as the report tiles it


def _long() -> Analysis:
    return analyze(generated_plan(400, seed=3, baselines=False))


def _page(a: Analysis, rows: tuple[int, int] | None = ROWS) -> Figure:
    fig = Figure(figsize=(10.9, 6.9))
    charts.draw_gantt(fig, a, rows=rows, compact=True)
    return fig


def _page_decisions(a: Analysis, rows: tuple[int, int]) -> list[int]:
    return [i for kind, i in gantt_rows(a)[rows[0] : rows[1]] if kind == "decision"]


def test_a_page_of_a_long_plan_shows_the_weeks_of_its_rows() -> None:
    a = _long()
    s = a.schedule
    assert s is not None
    fig = _page(a)
    lo, hi = fig.axes[0].get_xlim()
    whole = s.finish
    # Its rows' weeks, not the whole plan's: their bars are wide enough to read.
    assert hi - lo <= WINDOW_SHARE * whole * 1.03 + 0.5
    idx = _page_decisions(a, ROWS)
    assert lo <= float(np.min(s.es[idx])) and float(np.max(s.ef[idx])) <= hi
    # Dated by the shared axis inside those weeks, at least three dates.
    ticks = [t for t in fig.axes[0].get_xticks() if lo <= t <= hi]
    labels = [x.get_text() for x in fig.axes[0].get_xticklabels() if x.get_text()]
    assert len(ticks) >= 3 and labels
    # And where they sit in the plan, with the figures as units writes them.
    texts = [t.get_text() for t in fig.texts]
    want = f"of {units.format_weeks(s.finish)}"
    assert any(t.startswith("wk ") and t.endswith(want) for t in texts), texts


def test_the_whole_gantt_and_a_short_plan_keep_the_whole_axis() -> None:
    a = _long()
    s = a.schedule
    assert s is not None
    lo, hi = _page(a, None).axes[0].get_xlim()  # the app's Gantt tab: every row, one canvas
    assert lo <= 0 and hi >= s.finish
    short = analyze(generated_plan(60, seed=3, baselines=False))
    assert short.schedule is not None
    fig = _page(short, (20, 50))  # rows over most of a short plan's weeks: the whole axis reads
    lo, hi = fig.axes[0].get_xlim()
    assert lo <= 0 and hi >= short.schedule.finish
    assert not any(re.match(r"wk .* of ", t.get_text()) for t in fig.texts)


def test_the_status_line_is_drawn_and_named_on_the_pages_whose_weeks_hold_it() -> None:
    from planner.charts import status as progress

    a0 = _long()
    assert a0.schedule is not None
    plan = a0.plan.model_copy(update={"status_date": Weeks(round(a0.schedule.finish / 3))})
    a = analyze(plan)
    wk = progress.status_week(a)
    assert wk is not None
    named = progress.status_legend(plan, wk)
    holding = before = 0
    total = len(gantt_rows(a))
    for r0 in range(0, total, 41):
        fig = _page(a, (r0, min(total, r0 + 41)))
        ax = fig.axes[0]
        lo, hi = ax.get_xlim()
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
        drawn = any(
            list(np.atleast_1d(np.asarray(line.get_xdata(), dtype=float))) == [wk, wk]
            for line in ax.get_lines()
        )
        if lo <= wk <= hi:
            holding += 1
            assert drawn and named in legend, (r0, lo, hi)
        else:  # a page whose weeks do not reach the status date does not name a line it does not show
            before += 1
            assert named not in legend, (r0, lo, hi)
    assert holding and before


def test_the_last_page_names_its_weeks_up_to_the_finish() -> None:
    # The last page's weeks run past the finish for room; its strip said 'wk 122-170 of 170' of a plan that
    # finishes in week 167.9.
    a = _long()
    s = a.schedule
    assert s is not None
    total = len(gantt_rows(a))
    fig = _page(a, (total - 41, total))
    lo, hi = fig.axes[0].get_xlim()
    assert hi > s.finish  # (the case: the page's weeks go past the finish)
    want = f"{units.week_span(lo, s.finish)} of {units.format_weeks(s.finish)}"
    assert any(t.get_text() == f"wk {want}" for t in fig.texts), [t.get_text() for t in fig.texts]
