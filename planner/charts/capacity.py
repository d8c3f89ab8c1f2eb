"""Team load chart: the people each team needs over time, stacked by team, against capacity; then one small panel
per team with its own capacity line and the stretches over capacity marked. Draws on a Figure it is given.

Load is exact (a step function over continuous weeks, see :mod:`planner.analysis.capacity`), not binned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from planner.analysis.capacity import Levelled, TeamLoad, combined_load, level, team_loads
from planner.charts import style
from planner.charts.timeaxis import time_axis
from planner.model.plan import Status
from planner.units import agree

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan

OVER = style.OKABE_ITO[5]  # vermillion, always hatched too
OFF_SCALE = 2.0
"""A total capacity over this many times the highest load is named at the top of the axis, not drawn: thirty
teams' 73 people over a load of 13 at most drew the load in the axis' lowest sixth, its teams' colours unreadable."""


def _capacity_line(ax: Any, total: float | None, peak: float, top: float, note: str = "") -> float:
    """The total capacity's dashed line and its label on ``ax`` (``note`` after its figure), or, when it is over
    :data:`OFF_SCALE` times the ``peak`` load, its label alone at the axis' top (``top`` times the height the
    axis is drawn to: its label says it is above the scale). Returns the height the axis is drawn to."""
    if total is None:
        return peak
    label = f"total capacity {style.fmt_weeks(total)}{note}"
    if total > OFF_SCALE * peak:
        ax.annotate(
            label + ", above the scale",
            (0, peak * top),
            xytext=(3, -2),
            textcoords="offset points",
            fontsize=style.SMALL_PT,
            color=CAPACITY,
            va="top",
            zorder=6,
            bbox=LABEL_GROUND,
        )
        return peak
    ax.axhline(total, color=CAPACITY, linestyle="--", linewidth=1.0, zorder=3)
    ax.annotate(
        label,
        (0, total),
        xytext=(3, 2),
        textcoords="offset points",
        fontsize=style.SMALL_PT,
        color=CAPACITY,
        va="bottom",
        zorder=6,
        bbox=LABEL_GROUND,
    )
    return max(peak, total)


LABEL_GROUND = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
"""Behind the total capacity's label: the stacked load it stands on ran through its letters ('total cap|acity 5')."""
CAPACITY = style.INK
PANEL_IN = 0.78
TOP_IN = 2.3
MIN_PANEL_IN = 0.42  # below this a panel per team is unreadable: the compact chart instead
STACKED_GAIN_IN = 0.3  # the compact chart's plot starts this much nearer its subtitle (no weeks axis over it)
ROW_IN = 0.13  # the least height of a team's row (:func:`draw_load` with ``rows=True``): its name at the small size
_ROWS_BOTTOM_IN = 0.55  # under the last row: its weeks, or its months and years
ROWS_TOP_IN = 0.06  # between the subtitle and the first team's row


MAX_TEAMS = 20  # teams drawn each on their own; the rest are drawn together as one
MAX_NAMED = 5  # over-capacity teams named in the subtitle


def _weight(tl: TeamLoad) -> tuple[float, float]:
    """The order in which teams matter on the chart: over capacity by the most people first, then the highest peak."""
    excess = max((p - (tl.capacity or 0.0) for _, _, p in tl.over()), default=0.0)
    return (-excess, -tl.peak)


def _shown_loads(
    loads: list[TeamLoad], other: list[TeamLoad] | None
) -> tuple[list[TeamLoad], list[TeamLoad] | None]:
    """The loads to draw: every team when there are at most :data:`MAX_TEAMS`, else the ``MAX_TEAMS - 1`` that
    matter most (over capacity by the most people, then the highest peaks), in plan order, and the others together
    as one ("1,234 other teams"); ``other`` (the other schedule's loads, same teams) grouped the same way. Thousands
    of teams drawn one by one took minutes and gigabytes for a chart nobody could read."""
    if len(loads) <= MAX_TEAMS:
        return loads, other

    keep = sorted(sorted(range(len(loads)), key=lambda k: _weight(loads[k]))[: MAX_TEAMS - 1])
    kept = set(keep)
    rest = [k for k in range(len(loads)) if k not in kept]
    over = sum(1 for k in rest if loads[k].over())
    name = f"{len(rest):,} other teams" + (f" ({over:,} over capacity)" if over else "")

    def grouped(ls: list[TeamLoad]) -> list[TeamLoad]:
        return [ls[k] for k in keep] + [combined_load([ls[k] for k in rest], "other-teams", name)]

    return grouped(loads), grouped(other) if other is not None else None


def _team_colors(n: int) -> list[str]:
    """``n`` distinct colours: the colour-blind-safe Okabe-Ito set for up to six teams, matplotlib's 20-colour
    qualitative set up to twenty, then hues spread by the golden angle at alternating lightness (never a repeat)."""
    palette = [c for c in style.OKABE_ITO if c not in (style.OKABE_ITO[5], "#000000")]
    if n <= len(palette):
        return palette[:n]
    from matplotlib import colormaps
    from matplotlib.colors import hsv_to_rgb, to_hex

    tab20 = [to_hex(c) for c in colormaps["tab20"].colors]  # type: ignore[attr-defined]
    if n <= len(tab20):
        return tab20[:n]
    out = list(tab20)
    for k in range(n - len(tab20)):
        hue = (k * 0.381966) % 1.0
        r, g, b = hsv_to_rgb((hue, 0.55 + 0.3 * (k % 2), 0.55 + 0.3 * ((k // 2) % 2))).tolist()
        out.append(to_hex((r, g, b)))
    return out


def no_load_reason(plan: Plan) -> str | None:
    """Why no team carries any load when decisions are owned by a team and staffed (the report's Team capacity
    and the load chart say it alike): they are done, or take no time (a milestone, a 0-week estimate). None when
    no decision is staffed by a team (then the plan has to say who does the work)."""
    staffed = [d for d in plan.decisions if d.owner is not None and d.headcount > 0]
    if not staffed:
        return None
    done = [d.status == Status.DONE for d in staffed]
    what = (
        "is done"
        if all(done)
        else "is done or takes no time (a milestone or a 0-week estimate)"
        if any(done)
        else "takes no time (a milestone or a 0-week estimate)"
    )
    when = " from the status date on" if all(done) else ""
    n = len(plan.teams)
    return (
        f"Every decision the plan's teams work on {what}, so no team carries any load{when}: there is nothing "
        f"to check against {agree(n, 'its capacity', 'their capacities')}."
    )


def draw_load(
    fig: Figure, analysis: Analysis, *, schedule: str = "auto", dates: bool | None = None, rows: bool = False
) -> None:
    """Draw team load for ``analysis``: ``schedule`` is ``"unlevelled"`` (the CPM dates), ``"levelled"`` (levelled
    to capacity; computed when ``analysis.levelled`` is not set) or ``"auto"`` (levelled when the analysis
    carries a levelled schedule). The other schedule's load is outlined in grey in the team panels.

    ``rows``: where the figure is too short for the stacked chart and a panel per team, a row per team (its load
    against its capacity, its peak and capacity beside it: :func:`rows_height`) rather than the stacked chart
    alone, whose key says neither (the app's Capacity tab on a laptop: 12 teams in 270 px)."""
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "team load chart"):
            return
        plan = analysis.plan
        s = analysis.schedule
        assert s is not None  # check_drawable() above
        if not plan.teams:
            style.message(
                fig,
                "No teams yet",
                ["Add teams with a capacity and set each decision's owner to see the load on each team."],
            )
            return
        if all(tl.peak <= 0 for tl in team_loads(plan, s.es, s.ef)):
            # Teams, but no load: panels of empty axes would look like a chart of nothing. Say why, as the
            # report does: a plan of milestones owned by a team was told no decision had an owner.
            why = no_load_reason(plan)
            style.message(
                fig,
                "No load on any team" if why else "No load on any team yet",
                [
                    why
                    or "No decision is assigned to a team with a headcount. Set each decision's owner to see the "
                    "load on each team."
                ],
            )
            return
        lv: Levelled | None = (
            analysis.levelled if isinstance(getattr(analysis, "levelled", None), Levelled) else None
        )
        use_levelled = schedule == "levelled" or (schedule == "auto" and lv is not None)
        if use_levelled and lv is None:
            lv = level(plan, s)
        other: tuple[np.ndarray, np.ndarray] | None
        if use_levelled:
            assert lv is not None
            es, ef, other = lv.es, lv.ef, (s.es, s.ef)
            which = (
                f"levelled schedule (finish wk {style.fmt_weeks(lv.finish)}, "
                f"+{style.fmt_weeks(lv.cost)} wk); grey outline: unlevelled"
            )
        else:
            es, ef = s.es, s.ef
            other = (lv.es, lv.ef) if lv is not None else None
            which = "unlevelled (CPM) schedule" + ("; grey outline: levelled" if other is not None else "")
        every_load = team_loads(plan, es, ef)
        loads, other_loads = _shown_loads(every_load, team_loads(plan, *other) if other is not None else None)
        t_max = max(
            float(np.max(ef)) if len(ef) else 0.0,
            float(np.max(other[1])) if other is not None and len(other[1]) else 0.0,
            1.0,
        )
        over_teams = [tl for tl in every_load if tl.over()]
        worst = {id(t) for t in sorted(over_teams, key=_weight)[:MAX_NAMED]}  # as the panels pick them
        named = ", ".join(t.name for t in over_teams if id(t) in worst)  # in plan order
        if len(over_teams) > MAX_NAMED:
            named += f" and {len(over_teams) - MAX_NAMED} more"
        verdict = f"over capacity: {named}" if over_teams else "every team within capacity"
        head = f"People needed per team over time, {which}"
        subs = [f"{head}; {verdict}", f"{which}; {verdict}", which, which.split(";")[0]]
        style.title(fig, "Team load against capacity", style.fitting_subtitle(fig, subs))

        colors = _team_colors(len(loads))
        w_in, h_in = fig.get_size_inches()
        n = len(loads)
        # Room for the longest team name (up to a third of the width), so names are not cut short.
        longest = max((len(tl.name) for tl in loads), default=0)
        left = max(1.9, min(0.85 + longest * style.SMALL_PT * 0.6 / 72, w_in / 3))
        right = 0.35
        bottom = 0.55 if plan.start_date is None else 0.7
        avail = h_in - style.TITLE_IN - 0.45 - bottom
        top_h = max(1.2, min(TOP_IN, avail * 0.4))
        panel_h = (avail - top_h - 0.35) / max(1, n)
        if panel_h < MIN_PANEL_IN and rows and h_in >= _rows_height(len(loads)) - 0.02:
            _draw_rows(fig, plan, loads, colors, t_max, dates, other=other_loads)
            return
        if panel_h < MIN_PANEL_IN:
            # No room for a panel per team (a small figure): the stacked chart alone, with a key.
            _draw_stacked_only(
                fig,
                plan,
                loads,
                every_load,
                colors,
                t_max,
                dates,
                left=left,
                right=right,
                bottom=bottom,
                # It has no weeks axis over the plot: the room kept for one was an empty band under the title.
                height=max(0.5, avail + STACKED_GAIN_IN),
                other=other_loads,
            )
            return

        # Stacked, over the union of every team's breakpoints.
        y0 = bottom + n * panel_h + 0.35
        _draw_stack(
            fig,
            plan,
            loads,
            colors,
            t_max,
            dates,
            box=(left, y0, right, h_in - y0 - top_h),
            label="All teams\n(people, stacked)",
            label_pt=style.LABEL_PT,
            label_in=0.5,  # clear of the y tick labels (up to "100.0" at the tick size, about 0.4 in)
        )

        # One panel per team.
        for k, tl in enumerate(loads):
            y = bottom + (n - 1 - k) * panel_h
            pax = fig.add_axes(style.inches_to_fig(fig, left, y, right, h_in - y - panel_h * 0.86))
            ty = _draw_team_load(pax, tl, colors[k], t_max, 1.0)
            if other_loads is not None:
                ol = other_loads[k]
                ox = np.array(sorted({0.0, t_max} | {x for s_, e_, _ in ol.segments for x in (s_, e_)}))
                pax.step(
                    ox,
                    ol.at(ox),
                    where="post",
                    color=style.MUTED,
                    linewidth=0.8,
                    linestyle=(0, (2, 1.5)),
                    zorder=4,
                )
            top = max(float(ty.max()) if len(ty) else 0.0, tl.capacity or 0.0, 1.0)
            _capacity_and_over(pax, tl, 0.9)
            pax.set_ylim(0, top * 1.2)
            # 0 and the capacity; the capacity alone when the two labels would overlap (a team of 0.5 people
            # whose load peaks at 4: "0.5" printed over "0.0" on a panel under an inch tall).
            gap_pt = (
                (tl.capacity or 0.0) / (top * 1.2) * pax.get_position().height * fig.get_size_inches()[1] * 72
            )
            ticks = ([0.0] if not tl.capacity or gap_pt >= 1.25 * style.SMALL_PT else []) + (
                [tl.capacity] if tl.capacity else []
            )
            pax.set_yticks(ticks)
            # The team's name and colour key stand left of the tick labels (the key sat in their column and hid
            # the capacity's label when it was at the key's height: 'AI platform engineering', cap 5, showed 0).
            labels = pax.yaxis.get_major_formatter().format_ticks(ticks) if ticks else []
            tick_in = max((style.text_width_in(t, style.SMALL_PT) for t in labels), default=0.0)
            key_right = tick_in + (2 + 3.5 + 3) / 72  # the tick, its pad and a gap
            pax.tick_params(axis="y", labelsize=style.SMALL_PT, colors=style.MUTED, length=2)
            last = k == n - 1
            time_axis(pax, plan, t_max, dates, label=last, top_weeks=False)
            if not last:
                pax.tick_params(axis="x", labelbottom=False)
            for side in ("top", "right"):
                pax.spines[side].set_visible(False)
            over = bool(tl.over())
            chars = style.chars_fitting(left - 0.75, style.SMALL_PT)
            key_w = 1.0 / (w_in - left - right)  # one inch in axes fractions
            pax.text(
                -(key_right + 0.17) * key_w,
                0.62,
                style.ellipsize(tl.name, chars),
                transform=pax.transAxes,
                ha="right",
                va="center",
                fontsize=style.SMALL_PT,
                color=style.INK,
            )
            pax.text(  # clear of the y tick labels, under the name
                -(key_right + 0.17) * key_w,
                0.22,
                peak_text(tl),
                transform=pax.transAxes,
                ha="right",
                va="center",
                fontsize=style.SMALL_PT,
                color=OVER if over else style.MUTED,
                fontweight="bold" if over else "normal",
            )
            # The team's colour key, matching its layer in the stacked panel above.
            pax.add_patch(
                Rectangle(
                    (-(key_right + 0.12) * key_w, 0.5),
                    0.12 * key_w,
                    0.24,
                    transform=pax.transAxes,
                    color=colors[k],
                    clip_on=False,
                )
            )


def _capacity_and_over(ax: Any, tl: TeamLoad, linewidth: float) -> None:
    """A team's capacity as a dashed line on its panel or row, and its stretches over capacity hatched above it."""
    if tl.capacity is None:
        return
    ax.axhline(tl.capacity, color=CAPACITY, linestyle="--", linewidth=linewidth, zorder=5)
    for s_, e_, p in tl.over():
        ax.fill_between(
            [s_, e_],
            tl.capacity,
            p,
            color=OVER,
            alpha=0.85,
            hatch="////",
            edgecolor="white",
            linewidth=0,
            zorder=4,
        )


def peak_text(tl: TeamLoad) -> str:
    """A team's peak against its capacity, as its panel or row says it: ``peak 6 / cap 5  ▲ over``, ``peak 2 / no
    capacity set`` (the figures by the one rule, as the Capacity tab and the findings say them)."""
    cap = f"cap {style.fmt_weeks(tl.capacity)}" if tl.capacity is not None else "no capacity set"
    return f"peak {style.fmt_weeks(tl.peak)} / {cap}" + ("  \u25b2 over" if tl.over() else "")


STACK_GAP_IN = 0.12  # between the stacked chart and the rows under it
STACK_TOP_IN = 0.3  # over the stacked chart drawn over the rows: its weeks
STACK_LEAST_IN = 1.0  # the least height of the stacked chart over the rows
STACK_LABEL_IN = 0.35  # its label stands this far left of the plot, clear of the tick labels (up to "100")


def _stack_over_rows(h_in: float, n: int) -> float:
    """The height (inches) of the stacked chart over ``n`` rows in a figure ``h_in`` tall: 0 where the rows at
    :data:`ROW_IN` leave it less than :data:`STACK_LEAST_IN`; else 40 % of the room, from that least height up to
    :data:`TOP_IN` (as over the panels)."""
    room = h_in - _rows_height(n) - STACK_TOP_IN - STACK_GAP_IN
    if room < STACK_LEAST_IN:
        return 0.0
    avail = h_in - style.TITLE_IN - ROWS_TOP_IN - _ROWS_BOTTOM_IN - STACK_TOP_IN - STACK_GAP_IN
    return min(room, TOP_IN, max(STACK_LEAST_IN, avail * 0.4))


def stack_over_rows_in(analysis: Analysis) -> float:
    """The least figure height (inches) at which the chart with a row per team has the stacked chart over them."""
    n = min(len(analysis.plan.teams), MAX_TEAMS)
    return _rows_height(n) + STACK_TOP_IN + STACK_GAP_IN + STACK_LEAST_IN


def _draw_team_load(ax: Any, tl: Any, color: str, t_max: float, width: float) -> np.ndarray:
    """One team's load on its own axes (a panel or a row): the tinted area under a step line, from week 0 to
    ``t_max``; the loads drawn (at each of its breakpoints)."""
    tx = np.array(sorted({0.0, t_max} | {x for s_, e_, _ in tl.segments for x in (s_, e_)}))
    ty = tl.at(tx)
    ax.fill_between(tx, 0, ty, step="post", color=style.tint(color, 0.35), linewidth=0, zorder=2)
    ax.step(tx, ty, where="post", color=color, linewidth=width, zorder=3)
    return ty


def _draw_stack(
    fig: Figure,
    plan: Plan,
    loads: list[TeamLoad],
    colors: list[str],
    t_max: float,
    dates: bool | None,
    *,
    box: tuple[float, float, float, float],
    label: str,
    label_pt: float,
    label_in: float,
) -> Any:
    """Every team's load stacked against the total capacity, on axes at ``box`` (left, bottom, right, top margins
    in inches), the weeks along its top, ``label`` right-aligned ``label_in`` left of the plot. Returns the axes."""
    w_in = float(fig.get_size_inches()[0])
    left, _, right, _ = box
    grid = sorted({0.0, t_max} | {x for tl in loads for s_, e_, _ in tl.segments for x in (s_, e_)})
    xs = np.array(grid)
    stack = np.vstack([tl.at(xs) for tl in loads]) if loads else np.zeros((0, len(xs)))
    ax = fig.add_axes(style.inches_to_fig(fig, *box))
    base = np.zeros(len(xs))
    for k, tl in enumerate(loads):
        ax.fill_between(
            xs, base, base + stack[k], step="post", color=colors[k], linewidth=0, zorder=2, label=tl.name
        )
        base = base + stack[k]
    caps = [tl.capacity for tl in loads if tl.capacity is not None]
    ymax = _capacity_line(
        ax,
        float(sum(caps)) if caps else None,
        max(float(base.max()) if len(base) else 0.0, 1.0),
        1.15,
        " (teams with a capacity)" if caps and len(caps) < len(loads) else "",
    )
    ax.set_ylim(0, ymax * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    time_axis(ax, plan, t_max, dates, label=False, top_weeks=plan.start_date is not None)
    ax.tick_params(axis="x", labelbottom=False)
    ax.tick_params(axis="y", labelsize=style.SMALL_PT, colors=style.MUTED)
    ax.text(
        -label_in / (w_in - left - right),
        0.5,
        label,
        transform=ax.transAxes,
        ha="right",
        va="center",
        fontsize=label_pt,
        color=style.INK,
        fontweight="bold",
    )
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _rows_height(n: int) -> float:
    return style.TITLE_IN + ROWS_TOP_IN + ROW_IN * n + _ROWS_BOTTOM_IN


def rows_height(analysis: Analysis) -> float:
    """The least height (inches) of the team-load chart drawn with a row per team (``draw_load(rows=True)``; it
    takes a figure 0.02 in shorter, a view's whole pixels)."""
    plan = analysis.plan
    return _rows_height(min(len(plan.teams), MAX_TEAMS))


def panels_height(analysis: Analysis) -> float:
    """The height (inches) under which the team-load chart cannot show a panel per team at once, even without its
    stacked chart: a shorter view shows every team only drawn with a row each (``draw_load(rows=True)``)."""
    plan = analysis.plan
    n = min(len(plan.teams), MAX_TEAMS)
    return style.TITLE_IN + 0.45 + MIN_PANEL_IN * n + (0.55 if plan.start_date is None else 0.7)


def fitted_height(analysis: Analysis) -> float:
    """The least height (inches) at which the team-load chart has its stacked chart and a panel per team (each
    at least :data:`MIN_PANEL_IN`): a view that tall shows every team's panel at once, drawn to its height."""
    plan = analysis.plan
    n = min(len(plan.teams), MAX_TEAMS)
    panels = n * MIN_PANEL_IN + 0.35  # the panels and the gap over them, under the stacked chart (draw_load)
    if panels + 1.2 <= 1.2 / 0.4:  # the stacked chart at its least, 1.2 in
        avail = panels + 1.2
    elif panels / 0.6 <= TOP_IN / 0.4:  # the stacked chart 40 % of the plot's height
        avail = panels / 0.6
    else:  # the stacked chart at its most
        avail = panels + TOP_IN
    return style.TITLE_IN + 0.45 + (0.55 if plan.start_date is None else 0.7) + avail + 0.02


def _draw_rows(
    fig: Figure,
    plan: Plan,
    loads: list[TeamLoad],
    colors: list[str],
    t_max: float,
    dates: bool | None,
    *,
    other: list[TeamLoad] | None,
) -> None:
    """A row per team, the team's name left of it and its peak against its capacity right of it: the team's load
    as a filled step (each row scaled to its own peak or capacity), its capacity dashed, its stretches over
    capacity hatched, and the other schedule's load as the grey outline the subtitle names. Over the rows, the
    stacked chart of every team where the figure has room for it (:func:`stack_over_rows_in`)."""
    w_in, h_in = fig.get_size_inches()
    n = len(loads)
    bottom = _ROWS_BOTTOM_IN
    stack_h = _stack_over_rows(h_in, n)
    rows_top = style.TITLE_IN + ROWS_TOP_IN + (STACK_TOP_IN + stack_h + STACK_GAP_IN if stack_h else 0.0)
    row_h = (h_in - rows_top - bottom) / max(1, n)

    texts = [peak_text(tl) for tl in loads]
    # Bold (over capacity) text is about 10 % wider than the estimate of plain text.
    right = 0.12 + 1.1 * max((style.text_width_in(t, style.SMALL_PT) for t in texts), default=0.0)
    longest = max((len(tl.name) for tl in loads), default=0)
    names_in = max(
        0.8, min(0.3 + longest * style.SMALL_PT * style.CHAR_EM / 72, w_in / 3)
    )  # the names' column
    left = names_in
    if w_in - left - right < 1.5:  # a narrow figure: the names give way to the plot
        left = max(0.6, w_in - right - 1.5)
    # Rows tall enough for two lines: the peak under the name, left of the row (as on a panel), and the plot the
    # width the figures took at its right (4 or 5 teams beside the tables at 1400x860: a 2 in plot of a 5 in chart).
    peak_w = 1.1 * max((style.text_width_in(t, style.SMALL_PT) for t in texts), default=0.0)
    two_lines = row_h * 0.8 >= 2 * style.SMALL_PT * 1.25 / 72
    if two_lines:
        left2 = max(names_in, 0.2 + peak_w)
        two_lines = w_in - left2 - 0.15 >= 1.5
        if two_lines:
            left, right = left2, 0.15
    if stack_h:  # room for the stacked chart's label ("All teams") left of its tick labels
        left = max(left, STACK_LABEL_IN + style.text_width_in("All teams", style.SMALL_PT) * 1.1 + 0.1)
        _draw_stack(
            fig,
            plan,
            loads,
            colors,
            t_max,
            dates,
            box=(
                left,
                h_in - style.TITLE_IN - ROWS_TOP_IN - STACK_TOP_IN - stack_h,
                right,
                style.TITLE_IN + ROWS_TOP_IN + STACK_TOP_IN,
            ),
            label="All teams\n(stacked)",
            label_pt=style.SMALL_PT,
            label_in=STACK_LABEL_IN,
        )
    chars = style.chars_fitting(left - 0.3, style.SMALL_PT)
    for k, tl in enumerate(loads):
        y = bottom + (n - 1 - k) * row_h
        ax = fig.add_axes(style.inches_to_fig(fig, left, y + 0.1 * row_h, right, h_in - y - 0.9 * row_h))
        ty = _draw_team_load(ax, tl, colors[k], t_max, 0.9)
        top = max(float(ty.max()) if len(ty) else 0.0, tl.capacity or 0.0, 1.0)
        if other is not None:
            ol = other[k]
            ox = np.array(sorted({0.0, t_max} | {x for s_, e_, _ in ol.segments for x in (s_, e_)}))
            oy = ol.at(ox)
            top = max(top, float(oy.max()) if len(oy) else 0.0)
            ax.step(ox, oy, where="post", color=style.MUTED, linewidth=0.7, linestyle=(0, (2, 1.5)), zorder=4)
        _capacity_and_over(ax, tl, 0.7)
        ax.set_ylim(0, top * 1.05)
        ax.set_yticks([])
        last = k == n - 1
        time_axis(
            ax,
            plan,
            t_max,
            dates,
            label=last,
            top_weeks=k == 0 and not stack_h and plan.start_date is not None,
        )
        if not last:
            ax.tick_params(axis="x", labelbottom=False, length=0)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color(style.GRID)
        half = 0.065 / (0.8 * row_h) if two_lines else 0.0  # half a line, in the row's axes fractions
        ax.text(
            -0.08 / (w_in - left - right),
            0.5 + half,
            style.ellipsize(tl.name, chars),
            transform=ax.transAxes,
            ha="right",
            va="center",
            fontsize=style.SMALL_PT,
            color=style.INK,
        )
        ax.add_patch(  # the team's colour key, between its name and its row
            Rectangle(
                (-0.06 / (w_in - left - right), 0.2),
                0.04 / (w_in - left - right),
                0.6,
                transform=ax.transAxes,
                color=colors[k],
                clip_on=False,
            )
        )
        ax.text(
            -0.08 / (w_in - left - right) if two_lines else 1.0 + 0.08 / (w_in - left - right),
            0.5 - half,
            texts[k],
            transform=ax.transAxes,
            ha="right" if two_lines else "left",
            va="center",
            fontsize=style.SMALL_PT,
            color=OVER if tl.over() else style.MUTED,
            fontweight="bold" if tl.over() else "normal",
        )


def _draw_stacked_only(
    fig: Figure,
    plan: Plan,
    loads: list[Any],
    every_load: list[Any],
    colors: list[str],
    t_max: float,
    dates: bool | None,
    *,
    left: float,
    right: float,
    bottom: float,
    height: float,
    other: list[Any] | None = None,
) -> None:
    """The compact chart: every team's load stacked against the total capacity, over-capacity stretches (of every
    team, ``every_load``, also those shown together as one) hatched along the bottom, a key naming each team
    (with a triangle when it is over capacity), and the other schedule's total load (``other``, the loads of the
    same teams) as the grey outline the subtitle names."""
    w_in, h_in = fig.get_size_inches()
    # Bold (over-capacity) names are about 10 % wider than the estimate of plain text.
    key_chars = int(style.chars_fitting(max(0.8, min(2.6, w_in * 0.34)) - 0.3, style.SMALL_PT) / 1.1)
    names = [
        style.ellipsize(tl.name, key_chars - (7 if tl.over() else 0)) + ("  \u25b2 over" if tl.over() else "")
        for tl in loads
    ]
    key_w = 0.3 + 1.1 * max(style.text_width_in(t, style.SMALL_PT) for t in names) if names else 0.0
    left = 0.55
    ax = fig.add_axes(style.inches_to_fig(fig, left, bottom, right + key_w, h_in - bottom - height))
    grid = sorted({0.0, t_max} | {x for tl in loads for s_, e_, _ in tl.segments for x in (s_, e_)})
    xs = np.array(grid)
    base = np.zeros(len(xs))
    for k, tl in enumerate(loads):
        layer = tl.at(xs)
        ax.fill_between(
            xs, base, base + layer, step="post", color=colors[k], linewidth=0, zorder=2, label=names[k]
        )
        base = base + layer
    top = 0.0
    if (
        other is not None
    ):  # the subtitle says "grey outline: levelled" (or unlevelled): the panels' outline, in total
        ox = np.array(
            sorted({0.0, t_max} | {x for tl in other for s_, e_, _ in tl.segments for x in (s_, e_)})
        )
        oy = np.sum([tl.at(ox) for tl in other], axis=0) if other else np.zeros(len(ox))
        ax.step(ox, oy, where="post", color=style.MUTED, linewidth=0.8, linestyle=(0, (2, 1.5)), zorder=4)
        top = float(oy.max()) if len(oy) else 0.0
    caps = [tl.capacity for tl in loads if tl.capacity is not None]
    peak = max(float(base.max()) if len(base) else 0.0, top, 1.0)
    ymax = _capacity_line(ax, float(sum(caps)) if caps else None, peak, 1.12)
    # Stretches where some team is over its own capacity: a hatched strip under the stack.
    for tl in every_load:
        for s_, e_, _ in tl.over():
            ax.add_patch(
                Rectangle(
                    (s_, -0.075 * ymax),
                    e_ - s_,
                    0.06 * ymax,
                    facecolor=OVER,
                    hatch="////",
                    edgecolor="white",
                    linewidth=0,
                    zorder=4,
                )
            )
    ax.set_ylim(-0.08 * ymax, ymax * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=2))
    ax.set_yticks([t for t in ax.get_yticks() if 0 <= t <= ymax * 1.12])
    time_axis(ax, plan, t_max, dates, label=True, top_weeks=False)
    ax.tick_params(axis="y", labelsize=style.SMALL_PT, colors=style.MUTED)
    # The axis label says what the hatching means where the axis is tall enough for it, else just "people"
    # (a label longer than its axis runs into the title).
    axis_in = ax.get_position().height * fig.get_size_inches()[1]
    ylabel = "people (stacked); hatched: a team over capacity"
    for option in (ylabel, "people; hatched: over capacity", "people"):
        if style.text_width_in(option, style.SMALL_PT) <= axis_in:
            ylabel = option
            break
    else:
        ylabel = "people"
    ax.set_ylabel(ylabel, fontsize=style.SMALL_PT, color=style.MUTED)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles, labels = ax.get_legend_handles_labels()
    leg = ax.legend(
        handles[::-1],
        labels[::-1],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=style.SMALL_PT,
        handlelength=1.0,
        handletextpad=0.4,
        borderaxespad=0.0,
    )
    for text, tl in zip(leg.get_texts(), loads[::-1], strict=True):
        if tl.over():
            text.set_color(OVER)
            text.set_fontweight("bold")


def load_size(analysis: Analysis) -> tuple[float, float]:
    n = len(analysis.plan.teams) if getattr(analysis, "plan", None) is not None else 0
    n = min(n, MAX_TEAMS)  # the rest are drawn together (_shown_loads)
    return (13.333, max(5.5, style.TITLE_IN + 0.45 + TOP_IN + 0.35 + PANEL_IN * n + 0.7))


def _register() -> None:
    from planner.charts import register_chart

    register_chart("load", draw_load, load_size, title="Team load")


_register()

__all__ = ["draw_load", "fitted_height", "load_size", "panels_height", "rows_height"]
