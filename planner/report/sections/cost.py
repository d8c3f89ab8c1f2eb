"""The "What it costs" section (board layer, issue 17): total spend against the budget, the simulated odds of
meeting the budget and the target date (and both), the spend curve, cost by stage, and the money price of strict
gates. Every figure comes from :func:`planner.analysis.cost.cost_summary`, as in the app and the CLI JSON.

A plan that says nothing about money (no team rate, cost, run rate or budget) gets no section, nor does one in which
nothing costs anything (no budget either); with a budget, one line.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from planner.analysis.cost import CostSummary, cost_summary, format_money, gating_money_text
from planner.model import units
from planner.report.context import ReportContext, esc, simulated_runs
from planner.report.fonts import BOLD
from planner.report.sections import Section


def _pct(p: float | None) -> str:
    return esc(units.format_share(p))  # markup: '<1%' written as text


def summary_sentences(ctx: ReportContext, s: CostSummary) -> list[str]:
    """The section's key sentences (markup), also usable by the executive summary."""
    b, cur = s.breakdown, s.currency
    plan = ctx.plan
    # Only the kinds of spend the plan has (CostBreakdown.spend_kinds): "EUR 0 of labour" is padding.
    # One word for one figure: "labour", as the chart's subtitle and legend and the command line say it.
    names = {"labour": "labour", "one_off": "one-off costs", "run": "running costs"}
    kinds = [(amount, names[kind]) for kind, amount in b.spend_kinds()]
    if len(kinds) == 1:
        parts = f", all of it {kinds[0][1]},"
    elif kinds:
        named = [f"{esc(format_money(a, cur))} of {what}" for a, what in kinds]
        parts = ": " + ", ".join(named[:-1]) + " and " + named[-1]
    else:
        parts = ""
    out = [
        f"The plan is expected to spend <b>{esc(format_money(b.total, cur))}</b>{parts} up to "
        f"{esc(ctx.when(b.horizon))}."
    ]
    if b.budget is not None:
        head = b.headroom or 0.0
        out.append(
            f"Against the budget of {esc(format_money(b.budget, cur))} that leaves "
            + (
                f"<b>{esc(format_money(head, cur))} of headroom</b>."
                if head >= 0
                else f"<b>an overrun of {esc(format_money(-head, cur))}</b>."
            )
        )
    r = s.risk
    if r is not None:
        weekly = abs(b.labour) >= 0.5 or abs(b.run) >= 0.5
        # Runs within half a percent of the total (spend_varies False) are not all the same: a trillion yen of
        # one-off costs beside weekly costs that move with the schedule was said to spend the same in every run,
        # "no estimate has a range", of a plan whose estimates all have one.
        same = not weekly or max(abs(r.p50 - b.total), abs(r.p80 - b.total)) <= 1e-9 * max(1.0, abs(b.total))
        if not s.spend_varies and same:  # one figure, said once, with its real cause
            if weekly:
                text = (
                    units.agree(
                        r.iterations,
                        "The one simulated run spends as the plan does",
                        f"Each of {simulated_runs(r.iterations)} spends the same",
                    )
                    + ": the schedule itself does not "
                    "vary in them (no estimate has a range and no risk delays the work), so the weekly costs "
                    "add up alike."
                )
            else:
                text = (
                    "The spend does not depend on how long the work takes (no team is paid by the week and "
                    "nothing runs up a weekly cost), so "
                    + units.agree(
                        r.iterations,
                        "the one simulated run spends as the plan does.",
                        f"each of {simulated_runs(r.iterations)} spends the same.",
                    )
                )
        elif not s.spend_varies:  # the weekly costs move with the schedule, but little
            why = (
                "they are a small part of the spend beside the one-off costs"
                if abs(b.one_off) >= 0.5
                else "it varies little from run to run"  # labour alone, on estimates with narrow ranges
            )
            text = (
                f"{simulated_runs(r.iterations).capitalize()} of the schedule "
                f"{units.agree(r.iterations, 'spends', 'spend')} within half a percent of the plan's "
                f"total: the weekly costs move with how long the work takes, but {why}."
            )
        else:
            text = (
                f"Over {units.count(r.iterations, 'simulated run')} of the schedule the spend is "
                f"{esc(format_money(r.p50, cur))} or less half the time (P50) and "
                f"{esc(format_money(r.p80, cur))} or less in four runs out of five (P80)."
            )
        if r.p_within_budget is not None:
            text += f" The plan stays within its budget in {_pct(r.p_within_budget)} of runs"
            if r.p_by_target is not None and r.target is not None:
                text += (
                    f" and finishes by the target, {esc(ctx.when(r.target))}, in {_pct(r.p_by_target)}; "
                    f"<b>it does both in only {_pct(r.p_joint)}</b>, less than either alone, because the "
                    f"runs that meet one are not always the runs that meet the other."
                )
            else:
                text += "."
        out.append(text)
    elif b.budget is not None or b.target is not None:
        out.append("Not simulated: this report gives no chance of meeting the budget or the target date.")
    if b.delay:
        out.append(
            f"Finishing after the target costs {esc(format_money(plan.cost_of_delay, cur))} a week: "
            f"{esc(format_money(b.delay, cur))} on the planned finish."
        )
    if b.gating is not None and b.gating.weeks > 0 and b.gating.money <= 0:
        # No team rates and no cost of delay: the weeks are known, their price is not (not "worth 0").
        out.append(
            f"Running the stages as strict gates would add {esc(units.plural_weeks(b.gating.weeks))}, "
            f"{esc(gating_money_text(b.gating))}."
        )
    elif b.gating is not None and b.gating.weeks > 0:
        g = b.gating
        out.append(
            f"Running the stages as strict gates would add {esc(units.plural_weeks(g.weeks))}, worth "
            f"<b>{esc(format_money(g.money, cur))}</b> ({esc(format_money(g.labour, cur))} of people kept "
            f"on at {esc(format_money(g.burn_rate, cur))} a week"
            + (f", {esc(format_money(g.delay, cur))} of extra delay" if g.delay else "")
            + ")."
        )
    return out


def build_cost(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    s = cost_summary(
        plan, ctx.analysis, ctx.simulation if getattr(ctx.simulation, "cost", None) is not None else None
    )
    if s is None:
        return []
    if not s.breakdown.spend_kinds():
        # Nothing costs anything (a plan of milestones, or of no decisions yet, beside a team's rate): a flat
        # curve over a table of zeros, and that every simulated run spends the same, took a page of its own to
        # say "EUR 0", which the cover says. With a budget, one line says what is left of it.
        b = s.breakdown
        if b.budget is None:
            return []
        return [
            ctx.heading("What it costs"),
            ctx.p(
                f"The plan is expected to spend <b>{esc(format_money(b.total, s.currency))}</b> of its budget "
                f"of {esc(format_money(b.budget, s.currency))} up to {esc(ctx.when(b.horizon))}: no decision "
                "has a cost or a running cost and no work is paid by the week, so there is no spend curve or "
                "cost table.",
                markup=True,
            ),
        ]
    out: list[Flowable] = [ctx.heading("What it costs")]
    for sentence in summary_sentences(ctx, s):
        out.append(ctx.p(sentence, markup=True))
    for note in s.breakdown.notes:
        out.append(ctx.p(f"Note: {note}.", "small"))

    from planner.charts.cost import SPEND_KINDS, draw_spend_curve, stage_split

    sim = ctx.simulation if s.risk is not None else None
    g = ctx.geometry
    landscape = g.frame_width >= 600
    b, cur = s.breakdown, s.currency
    rows_data, columns = stage_split(plan, b)  # the cost chart's split, one rule
    used = [c for c in columns if any(v[c] for _, _, v in rows_data)]
    if len(used) == 1:
        used = []  # one kind of spend: its column would repeat the total
    total = b.total or 1.0
    rows = []
    for _sid, name, v in rows_data:
        amount = sum(v.values())
        rows.append(
            [
                ctx.cell(name, "cell_bold"),
                *(format_money(v[c]) for c in used),
                format_money(amount),
                units.format_share(amount / total),
            ]
        )
    rows.append(
        [
            ctx.cell("Total", "cell_bold"),
            *(format_money(sum(v[c] for _, _, v in rows_data)) for c in used),
            format_money(b.total),
            "100%",
        ]
    )
    header = ["Stage", *(columns[c] for c in used), f"Total ({cur})" if cur else "Total", "Share"]
    top = [r for r in sorted(b.decisions, key=lambda r: -r.total)[:6] if r.total > 0]
    # The kinds of spend any item has (a column of zeros says nothing); the total column always.
    item_cols = [
        (name, attr) for attr, name in SPEND_KINDS.items() if any(abs(getattr(r, attr)) >= 0.5 for r in top)
    ]
    if len(item_cols) == 1:
        item_cols = []  # the total says it
    item_head = ["Decision", *(name for name, _ in item_cols), "Total"]
    item_widths = [3.6 + 1.1 * (3 - len(item_cols))] + [1.1] * len(item_cols) + [1.2]
    item_rows = [
        [
            ctx.title_of(r.id),
            *(format_money(getattr(r, attr)) for _, attr in item_cols),
            format_money(r.total),
        ]
        for r in top
    ]

    def fitted(rows: list[list[str]], width: float | None) -> list[list[Any]]:
        # A title on two lines at most: six 300-character titles (the appendix has them whole) took half a page
        # and pushed the section onto a second page.
        col = ctx.columns(item_widths, total=width, header=item_head)[0]
        return [[ctx.fit_name(r[0], col, "cell"), *r[1:]] for r in rows]

    def tables(width: float | None, items: bool = True, stages: bool = True) -> list[Flowable]:
        """Cost by stage (the figures of the app's cost-by-stage chart, with their shares) and the biggest
        items, ``width`` wide (None: the frame)."""
        out: list[Flowable] = (
            []
            if not stages
            else [
                Paragraph("Cost by stage", ctx.styles["h3"]),
                ctx.table(
                    header,
                    rows,
                    [2.2] + [1.1] * len(used) + [1.3, 0.7],
                    right=stage_right,
                    bold=stage_bold,
                    total=width,
                    snug=True,
                ),
            ]
        )
        if item_rows and items:
            out.append(Paragraph("The biggest items", ctx.styles["h3"]))
            out.append(
                ctx.table(
                    item_head,
                    fitted(item_rows, width),
                    item_widths,
                    right=item_right,
                    bold=item_bold,
                    total=width,
                    snug=True,
                )
            )
        return out

    item_right = tuple(range(1, len(item_cols) + 2))
    item_bold = (len(item_cols) + 1,)
    stage_right, stage_bold = tuple(range(1, len(used) + 3)), (len(used) + 1,)
    # The spend curve is the one chart: a chart of the cost by stage beside it drew the figures of the table
    # under it a second time, and two charts at half a page's height left the curve ~30 pt to plot in.
    intro = sum(_height(f, g.frame_width, g.frame_height) for f in out)
    left = g.frame_height - intro - 6
    # The heading and its sentences go to the next page with the chart when the chart does not fit under them
    # (they ended a page whose next one began with the chart and the tables: "What it costs" over an empty foot).
    # Beside the curve only when their figures fit half the page: a plan's yen in trillions ran into each other.
    items_fit = not item_rows or ctx.table_fits(
        item_head, item_rows, ctx.half_width, right=item_right, bold=item_bold
    )
    # (the stage names' longest word whole too: 'Operationaliz-e' broke beside yen in trillions)
    name_w = max((stringWidth(w, BOLD, 8) + 9.0 for _, n, _ in rows_data for w in n.split()), default=0.0)
    stages_fit = ctx.table_fits(
        header, rows, ctx.half_width, right=stage_right, bold=stage_bold, name=min(144.0, max(72.0, name_w))
    )
    if landscape and items_fit and stages_fit:
        right = tables(ctx.half_width)
        right_h = sum(_height(f, ctx.half_width, g.frame_height) for f in right)
        # The tables beside the curve, as tall as the taller of the two, when they take at most three quarters of
        # a page, or more when the section then fits its page.
        if right_h <= 0.75 * g.frame_height or right_h <= left:
            h = max(CHART_PT, min(right_h, left)) if left >= CHART_PT else max(CHART_PT, right_h)
            spend = ctx.chart(
                lambda fig: draw_spend_curve(fig, ctx.analysis, simulation=sim),
                h,
                name="spend curve",
                width=ctx.half_width,
            )
            pair = ctx.side_by_side(spend, right)
            # (the pair at its least height: where the page is a little short the curve is drawn shorter and the
            # section stays under the one before, as any chart pair; at its full height it went on, and the
            # progress section before it stood alone on a page, 38 % used)
            out.insert(0, CondPageBreak(min(g.frame_height - 1, intro + 6 + pair.least_height())))
            out.append(pair)
            return out
    below = tables(None)  # long names or many stages: one above the other, splitting over pages
    # Too tall for the page one above the other: one table beside the curve (the biggest items; else the cost by
    # stage, when only its figures fit half the page), the other under both.
    if landscape and item_rows and (items_fit or stages_fit):
        beside = tables(ctx.half_width, stages=not items_fit, items=items_fit)
        under = tables(None, items=not items_fit, stages=items_fit)
        if _fits_beside(ctx, below, beside, under, left):
            beside_h = sum(_height(f, ctx.half_width, g.frame_height) for f in beside)
            h = max(CHART_MIN_PT, min(CHART_PT, left - _tables_h(under, g) - 6), beside_h)
            spend = ctx.chart(
                lambda fig: draw_spend_curve(fig, ctx.analysis, simulation=sim),
                h,
                name="spend curve",
                width=ctx.half_width,
            )
            out.insert(0, CondPageBreak(min(g.frame_height - 1, intro + 6 + h)))
            out.append(ctx.side_by_side(spend, beside))
            out.extend(under)
            return out
    # The curve no taller than leaves the tables room on the page, down to CHART_MIN_PT: at its full height the
    # last rows of the biggest items stood alone on the next page (the roadmap starts a page of its own).
    # Where the section follows another on a page, the curve is shorter still (as short as CHART_MIN_PT) to keep
    # the tables under it: at its height for a page of its own the tables went on alone to the next page.
    below_h = sum(_height(f, g.frame_width, g.frame_height) for f in below)
    h = min(CHART_PT, max(CHART_MIN_PT, left - below_h - 6))
    spend = ctx.chart(
        lambda fig: draw_spend_curve(fig, ctx.analysis, simulation=sim),
        None,
        name="spend curve",
        min_height=min(h, CHART_MIN_PT),
        max_height=h,
        reserve=below_h + 6,
    )
    out.insert(0, CondPageBreak(min(g.frame_height - 1, intro + 6 + min(h, CHART_MIN_PT))))
    out.append(spend)
    out.extend(below)
    return out


CHART_PT = 230.0  # the spend curve's height: its title, axes and date labels take ~100 pt of it
CHART_MIN_PT = 156.0  # as short as it gets to share a page with the tables: ~57 pt to plot in, ticks apart


def _tables_h(flowables: list[Flowable], g: Any) -> float:
    return sum(_height(f, g.frame_width, g.frame_height) for f in flowables)


def _fits_beside(
    ctx: ReportContext, stacked: list[Flowable], beside: list[Flowable], under: list[Flowable], left: float
) -> bool:
    """Whether the section fits its ``left`` points with the ``beside`` table next to the spend curve and the
    ``under`` one under both, where it does not with all of it (``stacked``) one above the other."""
    g = ctx.geometry
    if CHART_MIN_PT + _tables_h(stacked, g) + 6 <= left:
        return False
    beside_h = sum(_height(f, ctx.half_width, g.frame_height) for f in beside)
    return max(CHART_MIN_PT, beside_h) + _tables_h(under, g) + 6 <= left


def _height(f: Flowable, width: float, height: float) -> float:
    """Points ``f`` takes on a page ``width`` wide, with its paragraph spacing."""
    _, h = f.wrap(width, height)
    style = getattr(f, "style", None)
    return (
        float(h) + float(getattr(style, "spaceBefore", 0) or 0) + float(getattr(style, "spaceAfter", 0) or 0)
    )


SECTIONS = [
    Section(
        "cost",
        "What it costs",
        build_cost,
        17,
        description="spend against the budget, its simulated odds, the spend curve and cost by stage",
        weight=0.4,
    ),
]
