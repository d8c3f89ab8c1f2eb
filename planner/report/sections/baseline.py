"""The "Baseline variance" section: the current schedule against the plan's latest baseline -- how far the finish
has moved, which decisions slipped, and the Gantt chart with the baseline drawn under the current bars.

Only in reports of plans that hold a baseline; otherwise it leaves no trace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from planner.model import units
from planner.report.context import ReportContext, esc, fmt_weeks
from planner.report.sections import Section
from planner.report.sections.risk import on, weeks_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

INTRO_PT = 78.0


def _slip(x: float | None) -> str:
    if x is None:
        return "-"
    x = round(x, 1)
    if abs(x) < 0.05:
        return "0"
    return f"+{fmt_weeks(x)}" if x > 0 else f"\u2212{fmt_weeks(-x)}"


def build_baseline(ctx: ReportContext) -> list[Flowable]:
    from planner.analysis.baselines import find_baseline, variance

    plan, sched = ctx.plan, ctx.schedule
    base = find_baseline(plan)
    if base is None:
        return []
    v = variance(sched, base, plan)  # actual starts count (issue 16), as in the app and the progress section
    out: list[Flowable] = [ctx.heading("Baseline variance")]
    taken = f", taken on {units.format_date(base.created.date())}" if base.created else ""
    slip = v.shown_finish_slip
    if slip > 0:
        move = (
            f"the finish has <b>slipped by {weeks_text(slip)}</b>, from {esc(on(ctx, v.baseline_finish))} to "
            f"{esc(on(ctx, v.finish))}"
        )
    elif slip < 0:
        move = (
            f"the finish has <b>moved {weeks_text(-slip)} earlier</b>, from {esc(on(ctx, v.baseline_finish))} "
            f"to {esc(on(ctx, v.finish))}"
        )
    else:
        move = f"the finish is unchanged, {esc(on(ctx, v.finish))}"
    counts = {k: sum(1 for d in v.decisions if d.status == k) for k in ("slipped", "ahead", "new", "removed")}
    parts = [
        f"{units.count(counts['slipped'], 'decision')} slipped",
        f"{counts['ahead']} {units.agree(counts['ahead'], 'is', 'are')} ahead",
    ]
    if counts["new"]:
        parts.append(f"{counts['new']} {units.agree(counts['new'], 'is', 'are')} new since the baseline")
    if counts["removed"]:
        parts.append(f"{counts['removed']} {units.agree(counts['removed'], 'was', 'were')} removed")
    others = (
        f" ({units.count(len(plan.baselines) - 1, 'older baseline')} not shown)"
        if len(plan.baselines) > 1
        else ""
    )
    out.append(
        ctx.p(
            f"Against the baseline \u201c{esc(base.name)}\u201d{esc(taken)}{esc(others)}, {move}. "
            f"{', '.join(parts[:-1]) + ' and ' + parts[-1] if len(parts) > 1 else parts[0]}. A slip is "
            f"how much later a decision starts or finishes than in the baseline.",
            markup=True,
        )
    )

    slipped = v.slipped()
    if slipped:
        out.append(Paragraph(f"Decisions that slipped ({len(slipped)})", ctx.styles["h3"]))
        index = sched.index
        rows: list[list[Any]] = []
        for d in slipped:
            i = index.get(d.id)
            title = ctx.title_of(d.id)
            crit = " \u00b7 critical" if i is not None and bool(sched.critical[i]) else ""
            rows.append(
                [
                    ctx.cell(
                        f"{esc(title)}<br/><font size='7' color='#5C5C5C'>{esc(d.id)}{crit}</font>",
                        markup=True,
                    ),
                    ctx.when_text(d.baseline_start),
                    ctx.when_text(d.start),
                    _slip(d.shown_start_slip),
                    ctx.when_text(d.baseline_finish),
                    ctx.when_text(d.finish),
                    _slip(d.shown_finish_slip),
                ]
            )
        from planner.report.sections.details import chunked_tables

        out.extend(
            chunked_tables(
                ctx,
                [
                    "Decision",
                    "Baseline start",
                    "Start",
                    "Start slip (wk)",
                    "Baseline finish",
                    "Finish",
                    "Finish slip (wk)",
                ],
                rows,
                [3.4, 1.1, 1.0, 0.9, 1.1, 1.0, 0.9],
                right=(3, 6),
                bold=(6,),
            )
        )
    else:
        out.append(ctx.p("No decision finishes later than in the baseline."))
    out.extend(_gantt(ctx, base.name))
    return out


def _gantt(ctx: ReportContext, name: str) -> list[Flowable]:
    import planner.charts as charts
    from planner.report.sections.charts import gantt_tiles, own_page, reader_rows

    height = ctx.geometry.frame_height - INTRO_PT
    width = ctx.geometry.frame_width  # (the chart's: it is not drawn on a wide page)
    # Titles too long for one row take two or more, drawn whole, as in the Gantt section.
    tiles = gantt_tiles(ctx, height, width_pt=width, wrap=True)
    out: list[Flowable] = [
        Paragraph("The schedule against the baseline", ctx.styles["h3"]),
        ctx.p(
            "Each decision's current bar with its baseline bar, thin and grey, beneath it: a "
            "bar to the right of its baseline has slipped.",
            "small",
        ),
    ]
    total = tiles[-1][1] if tiles else 0
    natural = charts.natural_height_in(total) * 72 if len(tiles) == 1 else height
    # A chart of a few rows follows the words above it when the page has room (it took a page of its own and left
    # the section's few lines alone on theirs); a chart of the page's height starts one.
    out.insert(0, own_page(ctx, out, natural if natural < height else None))
    for k, (a, b) in enumerate(tiles):
        if k:
            out.append(PageBreak())
            out.append(
                Paragraph(
                    f"The schedule against the baseline, part {k + 1} of {len(tiles)} (rows "
                    f"{reader_rows(ctx, a, b, width)})",
                    ctx.styles["h3"],
                )
            )
        rows = None if len(tiles) == 1 else (a, b)
        h = natural if natural < height else None

        def draw(fig: Figure, rows: tuple[int, int] | None = rows) -> None:
            charts.draw_gantt(fig, ctx.analysis, rows=rows, baseline=name, wrap=True)

        out.append(ctx.chart(draw, h, name="baseline Gantt", min_height=min(height, natural)))
    return out


SECTIONS = [
    Section(
        "baseline",
        "Baseline variance",
        build_baseline,
        65,
        description="the schedule against the latest baseline: finish slip, slipped decisions, Gantt",
        weight=0.6,
    ),
]
