"""The status date on the charts (issue 16): the one line that says "today" for the plan, its label, and the share
of each decision's work that is behind it.

The schedule (:mod:`planner.analysis.progress`) runs on the *remaining* work: a done decision sits with no
duration at its finish, an in-progress one keeps only what is left, from the status date. A chart still shows the
work done, muted, where it happened: :func:`done_spans` says where, by one rule every chart shares:

- a done decision's work ends at its finish (its actual finish, else the status date) and starts at its actual
  start, else its planned duration earlier;
- an in-progress decision's work done ends where its remaining work starts (at the status date when the plan has
  one) and starts at its actual start, else its planned duration × progress earlier;
- nothing is shown for work not started. Never before the plan start (week 0).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.charts import style
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan

STATUS = "#009E73"  # bluish green (Okabe-Ito): not the finish's blue, the gates' vermillion or critical black
STATUS_STYLE: Any = (0, (5, 1.5, 1, 1.5))  # dash-dot, so it reads without colour too
DONE_TINT = 0.62  # how far a done bar's area colour is mixed with white


def status_week(analysis: Analysis) -> float | None:
    """The plan's status date in weeks from the plan start, or None (no status date, or a date without a start
    date)."""
    from planner.analysis.progress import status_week as week_of

    return week_of(analysis.plan)


def status_label(plan: Plan, week: float, *, short: bool = True) -> str:
    """``status 15 Mar`` (``status 15 Mar 2027`` unless ``short``; the year is kept after the plan's first
    calendar year), or ``status wk 10`` without a start date."""
    date = units.week_to_date(plan.start_date, week)
    if date is None:
        return f"status wk {units.format_weeks(week)}"
    return f"status {style.short_date(plan.start_date, date) if short else units.format_date(date)}"


def status_text(plan: Plan, week: float) -> str:
    """For subtitles and legends: ``status date 15 Mar 2027 (wk 10)``, or ``status date wk 10``."""
    date = units.week_to_date(plan.start_date, week)
    wk = f"wk {units.format_weeks(week)}"
    return f"status date {units.format_date(date)} ({wk})" if date is not None else f"status date {wk}"


def status_legend(plan: Any, week: float) -> str:
    """For a legend entry: ``Status date 15 Mar 2027``, or ``Status date wk 10`` without a start date."""
    date = units.week_to_date(plan.start_date, week)
    return f"Status date {units.format_date(date) if date is not None else 'wk ' + units.format_weeks(week)}"


def done_spans(analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
    """``(start, finish)`` in weeks of the work done of every decision, in plan order; NaN where nothing is done
    (see the module docstring for the rule). Empty arrays without a schedule."""
    s = analysis.schedule
    if s is None:
        return np.zeros(0), np.zeros(0)
    # Kept on the analysis for its own schedule, plan and estimate: a report draws a big plan's Gantt page by page
    # and its roadmap layout by layout, each asking again (17 passes over 10,000 decisions' progress).
    key = (id(s), id(analysis.plan), analysis.estimate)
    kept = getattr(analysis, "_done_spans", None)
    if kept is not None and kept[0] == key:
        return kept[1].copy(), kept[2].copy()
    start, finish = _done_spans(analysis)
    with contextlib.suppress(AttributeError):  # an object that takes no new attribute (a stand-in): not kept
        analysis._done_spans = (key, start, finish)  # type: ignore[attr-defined]
    return start.copy(), finish.copy()


def _done_spans(analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
    """Where the part done lies (:func:`planner.analysis.progress.part_done`, the rule the exports share), drawn
    between the plan start and where it ends; nothing for a milestone or a part done of no length but done work."""
    s = analysis.schedule
    assert s is not None
    from planner.analysis.graph import columns_of
    from planner.analysis.progress import part_done
    from planner.model.plan import Status

    cols = columns_of(analysis.plan, s.graph)
    if cols.n != len(s.ids):  # the plan changed since it was scheduled: nothing to place until it is again
        return np.full(len(s.ids), np.nan), np.full(len(s.ids), np.nan)
    began, end = part_done(analysis.plan, s.es, s.ef, s.duration, analysis.estimate, cols)
    begin = np.maximum(0.0, np.minimum(began, end))
    shown = ~cols.milestone & ~np.isnan(begin) & ((end - begin > 0) | cols.status_is(Status.DONE))
    start = np.where(shown, begin, np.nan)
    finish = np.where(shown, end, np.nan)
    return start, finish


def draw_status_line(
    ax: Any, plan: Plan, week: float, *, label: bool = True, font: float = style.SMALL_PT, zorder: float = 4.5
) -> None:
    """The status date as a vertical dash-dot line through ``ax`` (data x = weeks), labelled at the top inside
    the plot: right of the line, or left of it near the right edge."""
    ax.axvline(week, color=STATUS, linewidth=1.3, linestyle=STATUS_STYLE, zorder=zorder)
    if not label:
        return
    x0, x1 = ax.get_xlim()
    near_end = week > x0 + 0.8 * (x1 - x0)
    from matplotlib.transforms import blended_transform_factory

    ax.annotate(
        status_label(plan, week),
        (week, 1.0),
        xycoords=blended_transform_factory(ax.transData, ax.transAxes),
        xytext=(-3 if near_end else 3, -2),
        textcoords="offset points",
        ha="right" if near_end else "left",
        va="top",
        fontsize=max(style.MIN_PT, font),  # the 7 pt floor, whatever size the caller scales it to
        fontweight="bold",
        color=STATUS,
        zorder=zorder + 1,
        bbox={"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )


__all__ = [
    "DONE_TINT",
    "STATUS",
    "STATUS_STYLE",
    "done_spans",
    "draw_status_line",
    "status_label",
    "status_legend",
    "status_text",
    "status_week",
]
