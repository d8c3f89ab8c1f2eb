"""Cost charts (issue 17): the cumulative spend curve against the budget, and the cost of each stage by category.

Both read :func:`planner.analysis.cost.cost_summary`, the figures the app's cost panel and the report show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner.analysis.cost import CATEGORIES, CostSummary, cost_summary, format_money
from planner.charts import style
from planner.charts.timeaxis import time_axis
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis

# Okabe-Ito colours, one per category (people is the bulk: the calm blue).
CATEGORY_COLORS = {"people": "#0072B2", "cloud": "#56B4E9", "vendor": "#E69F00", "other": "#999999"}
SPEND = "#0072B2"
BUDGET = "#D55E00"
LEFT_IN = 1.05
RIGHT_IN = 0.35
TOP_IN = style.TITLE_IN + 0.55  # the spend curve: title, and the weeks axis over the plot
BARS_TOP_IN = style.TITLE_IN + 0.15  # cost by stage: title only (its axis is below the bars)
BOTTOM_IN = 0.85


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
    ax = fig.add_axes(style.inches_to_fig(fig, LEFT_IN, BOTTOM_IN, RIGHT_IN, TOP_IN))
    weeks = [w for w, _ in b.spend_curve]
    spend = [c for _, c in b.spend_curve]
    t_max = max([b.horizon, b.finish, b.target or 0.0, *weeks, 1.0]) * 1.04
    time_axis(ax, plan, t_max, None, font_pt=style.SMALL_PT)
    ax.plot(weeks, spend, color=SPEND, linewidth=2.0, zorder=3, label="cumulative spend")
    ax.fill_between(weeks, spend, color=style.tint(SPEND, 0.85), zorder=2)
    top = max([b.total, b.budget or 0.0, *(x for x in ([summary.risk.p80] if summary.risk else []))]) * 1.12
    ax.set_ylim(0, max(top * 1.18, 1.0))  # room above the budget for the labels of the vertical lines
    _money_axis(ax, cur)
    if b.budget is not None:
        ax.axhline(b.budget, color=BUDGET, linestyle="--", linewidth=1.3, zorder=4)
        ax.text(
            0.01 * t_max,
            b.budget,
            f" budget {format_money(b.budget, cur, compact=True)}",
            color=BUDGET,
            fontsize=style.LABEL_PT,
            va="bottom",
            ha="left",
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
    marks = [(b.finish, f"finish {style.fmt_when(plan, b.finish, short=True)}", style.FINISH)]
    if b.target is not None:
        marks.append((b.target, f"target {style.fmt_when(plan, b.target, short=True)}", style.GATE))
    if abs(b.horizon - b.finish) > 1e-9:
        marks.append((b.horizon, f"horizon {style.fmt_when(plan, b.horizon, short=True)}", style.MUTED))
    for k, (x, text, color) in enumerate(marks):
        ax.axvline(x, color=color, linestyle=":", linewidth=1.1, zorder=3)
        ax.text(
            x,
            ax.get_ylim()[1] * (0.985 - 0.055 * k),
            f" {text} ",
            color=color,
            fontsize=style.SMALL_PT,
            ha="left" if x < 0.8 * t_max else "right",
            va="top",
            zorder=6,  # over the simulated band at the right edge
        )


def draw_cost_by_stage(fig: Figure, analysis: Analysis) -> None:
    """One horizontal bar per stage, split by cost category (people, cloud, vendor, other)."""
    style.start(fig)
    with style.rc_context():
        summary = _summary(fig, analysis, "cost by stage")
        if summary is None:
            return
        _draw_by_stage(fig, analysis, summary)


def _draw_by_stage(fig: Figure, analysis: Analysis, summary: CostSummary) -> None:
    plan, b = analysis.plan, summary.breakdown
    cur = b.currency
    rows = b.by_stage_and_category(plan)
    total = f"Total {format_money(b.total, cur)}"
    # Only the kinds of spend the plan has ("labour EUR 0" says nothing); one kind alone is the total.
    kinds = [
        f"{what} {format_money(amount, cur)}"
        for what, amount in (("labour", b.labour), ("one-off", b.one_off), ("running", b.run))
        if abs(amount) >= 0.5
    ]
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
    used = [c for c in CATEGORIES if any(v[c] for _, _, v in rows)]
    for cat in used:
        vals = [v[cat] for _, _, v in rows]
        ax.barh(
            ys,
            vals,
            left=lefts,
            height=0.6,
            color=CATEGORY_COLORS[cat],
            label=cat.capitalize(),
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
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
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
