"""Cost charts (issue 17): the cumulative spend curve against the budget, and the cost of each stage by category.

Both read :func:`planner.analysis.cost.cost_summary`, the figures the app's cost panel and the report show.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner.analysis.cost import CATEGORIES, CostBreakdown, CostSummary, cost_summary, format_money
from planner.charts import style
from planner.charts.status import STATUS, status_label, status_week
from planner.charts.timeaxis import time_axis
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan

# Okabe-Ito colours, one per category (people is the bulk: the calm blue).
CATEGORY_COLORS = {"people": "#0072B2", "cloud": "#56B4E9", "vendor": "#E69F00", "other": "#999999"}
SPEND_KINDS = {
    "labour": "Labour",
    "one_off": "One-off",
    "run": "Running",
}  # the report's words for the prose's "labour", "one-off costs" and "running costs", and the subtitle's
# (CostBreakdown.spend_texts): labour is not the category "people", which also holds one-off costs named people
KIND_COLORS = {"labour": "#0072B2", "one_off": "#E69F00", "run": "#56B4E9"}
SPEND = "#0072B2"
BUDGET = "#D55E00"
LEFT_IN = 1.05
RIGHT_IN = 0.35
TOP_IN = (
    style.TITLE_IN + 0.36
)  # the spend curve: title, and the weeks axis (label and ticks, ~0.3 in) over the plot
BARS_TOP_IN = style.TITLE_IN + 0.15  # cost by stage: title only (its axis is below the bars)
BOTTOM_IN = 0.85
SPEND_BOTTOM_IN = 0.5  # the spend curve: the dates under the plot (two lines of 7 pt), no legend


def _summary(fig: Figure, analysis: Analysis, chart: str, simulation: Any = None) -> CostSummary | None:
    if not style.check_drawable(fig, analysis, chart):
        return None
    summary = cost_summary(analysis.plan, analysis, simulation)
    if summary is None:
        style.message(
            fig,
            f"No {chart}: the plan has no costs",
            [
                "Give teams a rate (cost per person-week), or decisions a one-off cost or a run rate, "
                "or the plan a budget."
            ],
        )
        return None
    if not summary.breakdown.spend_kinds() and (chart != "spend curve" or summary.breakdown.budget is None):
        # Rates, but nothing that costs anything (a plan of milestones): a flat line on ticks '0, 0, 1, 1' and bars
        # of nothing. The report leaves its cost section out for the same reason (the one rule: spend_kinds).
        style.message(
            fig,
            f"No {chart}: nothing in the plan costs anything yet",
            ["No decision has a one-off cost or a run rate, and none takes the time of a team with a rate."],
        )
        return None
    return summary


def _money_axis(ax: Any, currency: str | None) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_money(v, None, compact=True)))
    ax.tick_params(axis="y", labelsize=style.SMALL_PT, colors=style.MUTED, length=2.5)
    ax.set_ylabel(currency or "cost", fontsize=style.LABEL_PT, color=style.MUTED)
    ax.grid(axis="y", color=style.GRID, linewidth=0.5, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def draw_spend_curve(fig: Figure, analysis: Analysis, *, simulation: Any = None) -> None:
    """Cumulative spend over the plan's weeks, with the budget, the finish, the target and the horizon."""
    style.start(fig)
    with style.rc_context():
        summary = _summary(fig, analysis, "spend curve", simulation)
        if summary is None:
            return
        _draw_spend(fig, analysis, summary)


def _draw_spend(fig: Figure, analysis: Analysis, summary: CostSummary) -> None:
    plan, b = analysis.plan, summary.breakdown
    cur = b.currency
    parts = [f"Total spend {format_money(b.total, cur)}"]
    if b.budget is not None:
        head = b.headroom or 0.0
        parts.append(
            f"budget {format_money(b.budget, cur)} ({'under by' if head >= 0 else 'over by'} "
            f"{format_money(abs(head), cur)})"
        )
    r = summary.risk
    if r is not None and summary.spend_varies:  # not when no run differs
        parts.append(
            f"simulated P50 {format_money(r.p50, cur, compact=True)}, "
            f"P80 {format_money(r.p80, cur, compact=True)}"
        )
    style.title(fig, "Spend curve", style.fitting_subtitle(fig, style.subtitle_options(parts[:1], parts[1:])))
    ax = fig.add_axes(style.inches_to_fig(fig, LEFT_IN, SPEND_BOTTOM_IN, RIGHT_IN, TOP_IN))
    weeks = [w for w, _ in b.spend_curve]
    spend = [c for _, c in b.spend_curve]
    t_max = max([b.horizon, b.finish, b.target or 0.0, *weeks, 1.0]) * 1.04
    time_axis(ax, plan, t_max, None, font_pt=style.SMALL_PT)
    ax.plot(weeks, spend, color=SPEND, linewidth=2.0, zorder=3, label="cumulative spend")
    ax.fill_between(weeks, spend, color=style.tint(SPEND, 0.85), zorder=2)
    marks = [(b.finish, f"finish {style.fmt_when(plan, b.finish, short=True)}", style.FINISH)]
    if b.target is not None:
        marks.append((b.target, f"target {style.fmt_when(plan, b.target, short=True)}", style.GATE))
    if abs(b.horizon - b.finish) > 1e-9:
        marks.append((b.horizon, f"horizon {style.fmt_when(plan, b.horizon, short=True)}", style.MUTED))
    status = status_week(analysis)
    if status is not None and 0.0 < status < t_max:  # what has been spent by "today", as the curve says it
        spent = format_money(b.spend_by(status), cur, compact=True)
        marks.append((status, f"{status_label(plan, status)}: {spent} spent", STATUS))
    # a target before the start (the target-before-start warning) is no place on this axis: its line and label
    # went ~500,000 weeks off the chart, and a PNG export stopped on FreeType's raster overflow
    marks = [m for m in marks if 0.0 <= m[0] <= t_max]
    budget_text = f" budget {format_money(b.budget, cur, compact=True)}" if b.budget is not None else ""
    # The marks' labels hang in rows above the curve and the budget, each from the top of its own line; a label
    # that reaches over another mark's line sits in a higher row than that line's label, where the line has
    # ended (the finish label ran across the target line, and rows a fixed share of the axes apart overlapped
    # one another and the curve on a short chart).
    pos = ax.get_position()
    w_in, h_in = fig.get_size_inches()
    ax_w_pt, ax_h_pt = pos.width * w_in * 72, pos.height * h_in * 72
    per_pt = t_max / max(ax_w_pt, 1.0)  # weeks per point across the axes
    spans = [(style.measured_width_in(f" {text} ", style.SMALL_PT) * 72 * per_pt, x) for x, text, _ in marks]
    sides, rows = _mark_rows([x for x, _, _ in marks], [w for w, _ in spans], t_max)
    row_pt = style.SMALL_PT * 1.45
    label_pt = style.LABEL_PT * 1.45 if b.budget is not None else 0.0
    room = min(0.6, ((max(rows, default=-1) + 1) * row_pt + label_pt + 4.0) / max(ax_h_pt, 1.0))
    top = max([b.total, b.budget or 0.0, *(x for x in ([summary.risk.p80] if summary.risk else []))])
    y_max = max(top * 1.12 * 1.18, top / (1.0 - room), 1.0)  # the labels' rows above the highest figure
    ax.set_ylim(0, y_max)
    _money_axis(ax, cur)
    tops = [1.0 - (2.0 + row * row_pt) / max(ax_h_pt, 1.0) for row in rows]  # axes fraction of each row's top
    if b.budget is not None:
        ax.axhline(b.budget, color=BUDGET, linestyle="--", linewidth=1.3, zorder=4)
        # the marks' labels as boxes in data units, for the budget's label to keep clear of (a short chart)
        boxes = [
            ((x, x + w) if left else (x - w, x), (top_y - row_pt / ax_h_pt) * y_max, top_y * y_max)
            for (w, x), left, top_y in zip(spans, sides, tops, strict=True)
        ]
        place = _budget_place(
            b.budget,
            style.measured_width_in(budget_text, style.LABEL_PT) * 72 * per_pt,
            label_pt / max(ax_h_pt, 1.0) * y_max,
            [x for x, _, _ in marks],
            boxes,
            b.spend_curve,
            t_max,
        )
        if place is not None:
            ax.text(
                place[0], b.budget, budget_text, color=BUDGET, fontsize=style.LABEL_PT, va=place[1], ha="left"
            )
    if (
        summary.risk is not None
    ):  # the simulated P50-P80 spend as a band at the right edge (figures: subtitle)
        ax.axhspan(
            summary.risk.p50,
            summary.risk.p80,
            xmin=0.97,
            xmax=1.0,
            color=style.tint(style.INK, 0.6),
            zorder=4,
        )
    for (x, text, color), left, y_top in zip(marks, sides, tops, strict=True):
        ax.axvline(x, ymax=y_top, color=color, linestyle=":", linewidth=1.1, zorder=3)
        ax.text(
            x,
            y_top,
            f" {text} ",
            transform=ax.get_xaxis_transform(),
            color=color,
            fontsize=style.SMALL_PT,
            ha="left" if left else "right",
            va="top",
            zorder=6,  # over the simulated band at the right edge
            # on the plot's ground: a week's grid line ran through the letters ('fini|sh wk 35.5')
            bbox={"boxstyle": "square,pad=0.02", "facecolor": ax.get_facecolor(), "edgecolor": "none"},
        )


def _mark_rows(xs: list[float], widths: list[float], t_max: float) -> tuple[list[bool], list[int]]:
    """Which side of its line each mark's label goes (True: right of it, reading on) and its row (0: the top),
    so that no label reaches over the line of a mark in its own row or a higher one, no two labels in a row
    overlap, and each stays inside the axes when it can; then the fewest rows, then labels on their reading side."""
    n = len(xs)
    best: tuple[tuple[bool, int, float, int], list[bool], list[int]] | None = None
    for sides in itertools.product((True, False), repeat=n):
        ext = [(x, x + w) if s else (x - w, x) for x, w, s in zip(xs, widths, sides, strict=True)]
        outside = sum(max(0.0, -a) + max(0.0, b - t_max) for a, b in ext)
        for rows in itertools.product(range(n), repeat=n):
            crossing = any(  # a label over the line of a mark whose label is in its row or higher
                i != j and ext[i][0] < xs[j] < ext[i][1] and rows[j] <= rows[i]
                for i in range(n)
                for j in range(n)
            )
            touching = any(  # two labels in a row side by side that overlap
                rows[i] == rows[j] and ext[i][0] < ext[j][1] and ext[j][0] < ext[i][1]
                for i in range(n)
                for j in range(i + 1, n)
            )
            if crossing or touching:
                continue
            key = (outside > 1e-9, max(rows, default=0), outside, sum(not s for s in sides))
            if best is None or key < best[0]:
                best = (key, list(sides), list(rows))
    if best is None:  # unreachable: one row per label, each on its reading side, always fits the rules
        return [True] * n, list(range(n))
    return best[1], best[2]


def _budget_place(
    budget: float,
    width: float,
    height: float,
    lines: list[float],
    boxes: list[tuple[tuple[float, float], float, float]],
    curve: list[tuple[float, float]],
    t_max: float,
) -> tuple[float, str] | None:
    """Where the budget's label starts along its line, and whether above it ("bottom") or under it ("top"): the
    first place, from the left and above first, where no mark's line runs through it, no mark's label ``boxes``
    ((x0, x1), y0, y1) overlaps it and the spend curve stays under it, clear of the simulated band at the right
    edge (sizes in data units); None where there is no such place: no label rather than one over another."""
    pad = 0.01 * t_max
    weeks = [w for w, _ in curve]
    spend = [c for _, c in curve]
    for va, y0, y1 in (("bottom", budget, budget + height), ("top", budget - height, budget)):
        for x in [pad, *sorted(v + pad for v in lines)]:
            if x + width > 0.96 * t_max:
                break
            if any(x - pad / 2 < v < x + width for v in lines):
                continue
            if any(a < x + width and x < b and lo < y1 and y0 < hi for (a, b), lo, hi in boxes):
                continue
            inside = [c for w, c in curve if x <= w <= x + width]
            ends = [float(np.interp(v, weeks, spend)) for v in (x, x + width)] if curve else []
            if any(c >= y0 for c in inside + ends):
                continue
            return x, va
    return (
        None  # a chart a few lines high: no clear place (the subtitle and the app's header give the budget)
    )


def stage_split(
    plan: Plan, b: CostBreakdown
) -> tuple[list[tuple[str, str, dict[str, float]]], dict[str, str]]:
    """Cost by stage: rows ``(stage id, name, {column: amount})`` in plan order and the columns ``{column: name}``,
    for this chart and the report's table. By category (people, cloud, vendor, other) when a decision with a cost
    or a run rate names one; else by kind of spend (labour, one-off, running), as the report's prose and
    biggest items say it: with every cost in the default category, 'Other' stood for what the words beside it
    called one-off and running costs."""
    by_category = b.by_stage_and_category(plan)
    if any(r.category != "other" for r in b.decisions if abs(r.one_off) + abs(r.run) >= 0.5):
        return by_category, {c: c.capitalize() for c in CATEGORIES}
    stage_of = {d.id: d.stage for d in plan.decisions}
    kinds: dict[str, dict[str, float]] = {sid: dict.fromkeys(SPEND_KINDS, 0.0) for sid, _, _ in by_category}
    for r in b.decisions:
        cell = kinds[stage_of[r.id]]
        cell["labour"] += r.labour
        cell["one_off"] += r.one_off
        cell["run"] += r.run
    return [(sid, name, kinds[sid]) for sid, name, _ in by_category], dict(SPEND_KINDS)


def draw_cost_by_stage(fig: Figure, analysis: Analysis) -> None:
    """One horizontal bar per stage, split by cost category (people, cloud, vendor, other) or, when no decision
    names a category, by kind of spend (:func:`stage_split`)."""
    style.start(fig)
    with style.rc_context():
        summary = _summary(fig, analysis, "cost by stage")
        if summary is None:
            return
        _draw_by_stage(fig, analysis, summary)


def _draw_by_stage(fig: Figure, analysis: Analysis, summary: CostSummary) -> None:
    plan, b = analysis.plan, summary.breakdown
    cur = b.currency
    rows, columns = stage_split(plan, b)
    total = f"Total {format_money(b.total, cur)}"
    # Only the kinds of spend the plan has (CostBreakdown.spend_kinds); one kind alone is the total.
    kinds = b.spend_texts(cur)
    split = f"{total}: {', '.join(kinds)}" if len(kinds) > 1 else total
    subs = [split, total]
    if b.gating is not None and b.gating.money > 0:
        gates = f"strict gates would add {format_money(b.gating.money, cur)} ({units.plural_weeks(b.gating.weeks)})"
        subs = [f"{split}; {gates}", f"{total}; {gates}", *subs]
    style.title(fig, "Cost by stage", style.fitting_subtitle(fig, subs))
    w_in, _ = fig.get_size_inches()
    longest = max((len(name) for _, name, _ in rows), default=8)
    left_in = min(0.35 * w_in, max(LEFT_IN, style.text_width_in("x" * longest, style.LABEL_PT) + 0.35))
    ax = fig.add_axes(style.inches_to_fig(fig, left_in, BOTTOM_IN, 1.3, BARS_TOP_IN))
    ys = list(range(len(rows)))
    lefts = [0.0] * len(rows)
    used = [c for c in columns if any(v[c] for _, _, v in rows)]
    for cat in used:
        vals = [v[cat] for _, _, v in rows]
        ax.barh(
            ys,
            vals,
            left=lefts,
            height=0.6,
            color=CATEGORY_COLORS.get(cat) or KIND_COLORS[cat],
            label=columns[cat],
            edgecolor="white",
            linewidth=0.6,
            zorder=3,
        )
        lefts = [a + x for a, x in zip(lefts, vals, strict=True)]
    biggest = max(lefts + [1.0])
    # Room right of the longest bar for its figure: the axis ends where the widest label does.
    ax_w_in = ax.get_position().width * w_in
    label_in = max(
        style.text_width_in(format_money(x, cur, compact=True), style.LABEL_PT) for x in lefts + [1.0]
    )
    share = min(0.6, (label_in + 0.12) / max(ax_w_in, 0.1))
    ax.set_xlim(0, biggest * 1.01 / (1 - share))
    for y, stage_total in zip(ys, lefts, strict=True):
        ax.text(
            stage_total + biggest * 0.01,
            y,
            format_money(stage_total, cur, compact=True),
            va="center",
            ha="left",
            fontsize=style.LABEL_PT,
            color=style.INK,
        )
    ax.set_yticks(ys)
    ax.set_yticklabels([name for _, name, _ in rows], fontsize=style.LABEL_PT, color=style.INK)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    # As many ticks as their labels have room for side by side (6 ran together below ~5 in: "0 80k160k240k")
    widest = style.text_width_in(format_money(ax.get_xlim()[1], None, compact=True), style.SMALL_PT)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=max(2, min(6, int(ax_w_in / (1.6 * widest + 0.1))))))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_money(v, None, compact=True)))
    ax.tick_params(axis="x", labelsize=style.SMALL_PT, colors=style.MUTED, length=2.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(cur or "cost", fontsize=style.LABEL_PT, color=style.MUTED)
    ax.grid(axis="x", color=style.GRID, linewidth=0.5, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if ax.get_legend_handles_labels()[0]:  # nothing labelled (no costs): no legend, and no warning on stderr
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=style.LABEL_PT, frameon=False)


def _stage_size(analysis: Analysis) -> tuple[float, float]:
    return (11.0, max(3.6, 1.9 + 0.55 * len(analysis.plan.stages)))


def _register() -> None:
    from planner.charts import register_chart

    register_chart("spend", draw_spend_curve, (11.0, 5.5), title="Spend curve")
    register_chart("cost", draw_cost_by_stage, _stage_size, title="Cost by stage")


_register()

__all__ = ["CATEGORY_COLORS", "draw_cost_by_stage", "draw_spend_curve"]
