"""The shared time axis: weeks from plan start, or calendar dates (with weeks on top) when the plan has a start
date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator, NullFormatter

from planner.charts import style
from planner.model import units

if TYPE_CHECKING:
    from planner.model import Plan


def use_dates(plan: Plan, dates: bool | None) -> bool:
    """Dates on the axis: as asked, or automatically when the plan has a start date."""
    if dates is None:
        return plan.start_date is not None
    return bool(dates) and plan.start_date is not None


_MONTH_STEPS = (1, 2, 3, 6)
_DAY_STEPS = (1, 2, 7, 14, 28)
MIN_DATE_TICKS = 3
"""Fewer month ticks than this (a plan of a few weeks: none at all under a month) and the axis is ticked by days."""
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)


def _month_ticks(start: dt.date, t_max: float, max_ticks: int) -> tuple[list[float], list[str]]:
    """Ticks on the first of a month (every 1, 2, 3 or 6 months) or, over longer spans, on 1 January of every
    1, 2, 5, 10, ... years, at most ``max_ticks`` of them so that the labels never run into each other."""
    end = units.axis_date(start, t_max) or (dt.date.max if t_max > 0 else start)  # the one week-to-date rule
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in _MONTH_STEPS if months / s <= max_ticks), 0)
    if not step:
        years = end.year - start.year + 1
        step = 12 * next((s for s in _YEAR_STEPS if years / s <= max_ticks), _YEAR_STEPS[-1])
    y, m = start.year, start.month
    # First tick: the first step-aligned month on or after the start (for whole years: a year divisible by
    # the step, so that the labels read 2030, 2040, ...).
    if start.day != 1:
        m += 1
    if step < 12:
        while (m - 1) % step:
            m += 1
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    else:
        y, m = y + (m - 1 + 11) // 12, 1
        y += -y % (step // 12)
    ticks: list[float] = []
    labels: list[str] = []
    last_year: int | None = None
    while y <= end.year:
        d = dt.date(y, m, 1)
        if d > end:
            break
        ticks.append((d - start).days / 7.0)
        if step >= 12:
            labels.append(f"{d.year}")
        else:
            labels.append(d.strftime("%b") + (f"\n{d.year}" if d.year != last_year else "\n"))
        last_year = d.year
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    if len(ticks) < MIN_DATE_TICKS and end < dt.date.max:
        by_day = _day_ticks(start, end, max_ticks)
        if by_day is not None and len(by_day[0]) > len(ticks):
            return by_day
    return ticks, labels


def _day_ticks(start: dt.date, end: dt.date, max_ticks: int) -> tuple[list[float], list[str]] | None:
    """Ticks every 1 or 2 days, or every 1, 2 or 4 weeks on the plan's start day (under the week ticks), from the
    start to ``end``, at most ``max_ticks`` of them (None: no step has so few): a plan of a few weeks had one
    month tick or none, so its date axis said no date at all (a one-week plan read '0, 1' and nothing under it)."""
    days = (end - start).days
    step = next((s for s in _DAY_STEPS if days // s + 1 <= max_ticks), None)
    if step is None:
        return None
    ticks: list[float] = []
    labels: list[str] = []
    last_year: int | None = None
    for k in range(0, days + 1, step):
        d = start + dt.timedelta(days=k)
        ticks.append(k / 7.0)
        labels.append(units.format_date(d, short=True) + (f"\n{d.year}" if d.year != last_year else "\n"))
        last_year = d.year
    return ticks, labels


MIN_WEEK_BINS = 5
"""Week ticks on an axis with room for them: at least this many intervals. Three bins over 36 weeks are 20 weeks
apart, so the axis read '0, 20' (the team-load chart in presentation type on a 1280x720 projector)."""


def week_bins(width_in: float, t_max: float, font_pt: float) -> int:
    """How many intervals the week axis over ``[0, t_max]`` may have on an axis ``width_in`` inches wide: one per
    0.75 in, as the month ticks (the desk's charts as they were), and never fewer than :data:`MIN_WEEK_BINS`
    while a week label with two characters' gap each side still fits in each interval."""
    label_in = (len(f"{max(t_max, 0):.0f}") + 4) * 0.6 * font_pt / 72  # digits at ~0.6 em, and the gaps
    return max(3, int(width_in / 0.75), min(MIN_WEEK_BINS, int(width_in / label_in)))


def time_axis(
    ax: Axes,
    plan: Plan,
    t_max: float,
    dates: bool | None,
    *,
    font_pt: float = style.SMALL_PT,
    top_weeks: bool = True,
    label: bool = True,
    t_min: float = 0.0,
) -> None:
    """Put weeks (and dates) on ``ax``'s x axis over ``[t_min, t_max]`` weeks, with a light vertical grid.

    ``t_min`` above 0: the axis shows those weeks of the plan only (a page of a long plan's Gantt), its date ticks
    laid out from the date at ``t_min``."""
    ax.set_xlim(t_min, t_max)
    fig = ax.figure
    assert isinstance(
        fig, Figure
    )  # charts draw on a Figure, never a SubFigure (which has no size of its own)
    width_in = ax.get_position().width * fig.get_size_inches()[0]
    max_ticks = max(3, int(width_in / 0.75))
    week_loc = MaxNLocator(nbins=week_bins(width_in, t_max, font_pt), integer=True, steps=[1, 2, 4, 5, 10])
    ax.tick_params(axis="x", labelsize=font_pt, length=2.5, pad=2, colors=style.MUTED)
    ax.grid(axis="x", color=style.GRID, linewidth=0.5, zorder=0)
    ax.set_axisbelow(True)
    if use_dates(plan, dates):
        assert plan.start_date is not None  # use_dates() says there is one
        first = (units.axis_date(plan.start_date, t_min) if t_min > 0 else None) or plan.start_date
        off = (first - plan.start_date).days / 7.0  # the ticks are counted from ``first``
        ticks, labels = _month_ticks(first, t_max - off, max_ticks)
        ax.xaxis.set_major_locator(FixedLocator([off + t for t in ticks]))
        ax.set_xticklabels(labels)
        if top_weeks:
            top = ax.secondary_xaxis("top")
            top.xaxis.set_major_locator(week_loc)
            top.tick_params(axis="x", labelsize=font_pt, length=2.5, pad=1.5, colors=style.MUTED)
            for spine in top.spines.values():
                spine.set_visible(False)
            if label:
                top.set_xlabel("weeks from plan start", fontsize=font_pt, color=style.MUTED, labelpad=2)
    else:
        ax.xaxis.set_major_locator(week_loc)
        ax.xaxis.set_minor_formatter(NullFormatter())
        if label:
            ax.set_xlabel("weeks from plan start", fontsize=font_pt, color=style.MUTED, labelpad=2)
