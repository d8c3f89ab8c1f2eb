"""The "Team capacity" section: the load on each team against its capacity, the stretches where a team is over
capacity, and what levelling (delaying work with float until no team is over) costs and moves."""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from planner.report.context import ReportContext, esc, fit_width, fmt_weeks
from planner.report.fonts import REGULAR
from planner.report.sections import Section
from planner.report.sections.risk import on, weeks_text
from planner.units import agree, count, date_span, joined, people, week_span

INTRO_PT = 150.0  # heading and the paragraphs above the chart
MAX_CHART_PT = 620.0
LOAD_MIN_PT = 300.0  # the load chart is never shorter
MAX_ROWS = 15  # rows of the stretch and delay tables: a big plan's worst cases, the rest counted
MAX_NAMED = 5  # teams over capacity named in the section's words, the furthest over; the rest counted


def _span_text(ctx: ReportContext, s: float, e: float) -> str:
    weeks = f"weeks {week_span(s, e)}"
    a, b = ctx.plan.date_of(float(s)), ctx.plan.date_of(float(e))
    return f"{weeks} ({date_span(a, b)})" if a and b else weeks


def build_capacity(ctx: ReportContext) -> list[Flowable]:
    from planner.analysis.capacity import Levelled, level, over_capacity_stretches, team_loads
    from planner.charts.capacity import no_load_reason

    plan, sched = ctx.plan, ctx.schedule
    if ctx.empty:  # no work, so no load
        return []
    out: list[Flowable] = [ctx.heading("Team capacity")]
    if not plan.teams:
        out.append(
            ctx.p(
                "The plan has no teams, so there is no load to check. Add teams with a capacity (people) "
                "and set each decision's owner and headcount to see whether the schedule asks more of a "
                "team than it has."
            )
        )
        return out
    if all(tl.peak <= 0 for tl in team_loads(plan, sched.es, sched.ef)):
        # No decision is owned by a team (or they need no one): a chart of empty panels would say nothing.
        # Owned and staffed decisions, none with time left: they are done or take no time (a milestone, a 0-week
        # estimate), not unassigned: every decision of a plan all done was said to have no owner.
        why = no_load_reason(plan)  # the load chart's words too
        if why:
            out.append(ctx.p(why))
            return out
        out.append(
            ctx.p(
                "No decision is assigned to "
                + agree(len(plan.teams), "the plan's team", f"any of the plan's {len(plan.teams)} teams")
                + " yet, so no team carries any load. Set each "
                "decision's owner and headcount to see whether the schedule asks more of a team than it has."
            )
        )
        return out
    ctx.check("Levelling the schedule")
    lv = ctx.analysis.levelled if isinstance(getattr(ctx.analysis, "levelled", None), Levelled) else None
    if lv is None:
        lv = level(plan, sched)
    loads = team_loads(plan, sched.es, sched.ef)
    over = [tl for tl in loads if tl.over()]
    with_cap = [tl for tl in loads if tl.capacity is not None]

    # In sentences.
    if not with_cap:
        out.append(
            ctx.p(
                "No team has a capacity set, so the load cannot be checked against it. The chart shows "
                "how many people each team needs over time."
            )
        )
    elif not over:
        out.append(
            ctx.p(
                f"Every team stays within its capacity on the plan's schedule: the busiest moment asks "
                f"{_busiest(loads)}. No work needs to move for lack of people."
            )
        )
    else:
        # The teams furthest over capacity, by name (in plan order); the rest counted: nineteen of 24 teams named
        # in a paragraph of seven lines left the words alone on a page (38 % used) and the chart on the next.
        named = {id(tl) for tl in sorted(over, key=lambda tl: -(tl.peak - (tl.capacity or 0)))[:MAX_NAMED]}
        names = [
            f"<b>{esc(tl.name)}</b> (needs up to {people(tl.peak)}, has {people(tl.capacity or 0)})"
            for tl in over
            if id(tl) in named
        ]
        if len(over) > len(names):
            names.append(f"{count(len(over) - len(names), 'other team')} (the chart marks each)")
        who = agree(
            len(with_cap),
            "The plan's one team with a capacity is",
            f"{len(over)} of {len(with_cap)} teams {agree(len(over), 'is', 'are')}",
        )
        text = f"{who} over capacity at some point of the plan's schedule: {joined(names)}. "
        out.append(ctx.p(text, markup=True))
    out.append(ctx.p(_levelling_text(ctx, lv, bool(over)), markup=True))

    # The chart: the plan's load, with the levelled load outlined in grey in each team's panel.
    from planner.charts.capacity import draw_load, load_size

    view = copy.copy(ctx.analysis)
    view.levelled = lv
    g = ctx.geometry
    # The chart's natural height (its layout is in inches, so it needs no more on a narrower page), or the page.
    height = max(LOAD_MIN_PT, min(MAX_CHART_PT, g.frame_height - INTRO_PT, load_size(view)[1] * 72))
    if not over:  # nothing to fix: the chart is a reassurance, not the subject of the page
        height = min(height, 190.0)  # the stacked load still reads (its title and axes take ~110 pt)
    if not over and g.frame_width >= 600:
        # A landscape page and nothing to fix: the sentences beside the chart, which reads at half the width.
        words = out[-2:]  # what the load is, and what levelling does
        del out[-len(words) :]
        chart = ctx.chart(
            lambda fig: draw_load(fig, view, schedule="unlevelled"),
            height,
            name="team load",
            width=ctx.half_width,
        )
        out.append(ctx.side_by_side(words, chart))
    else:
        # The rest of the page under the words, down to LOAD_MIN_PT: at its natural height a 24-team chart went to a
        # page of its own and left the words alone on theirs, a third of it used.
        out.append(
            ctx.chart(
                lambda fig: draw_load(fig, view, schedule="unlevelled"),
                None,
                name="team load",
                min_height=min(height, LOAD_MIN_PT),
                max_height=height,
            )
        )

    # Over-capacity stretches per team.
    if over:
        out.append(Paragraph("When teams are over capacity", ctx.styles["h2"]))
        rows: list[list[Any]] = []
        stretches = over_capacity_stretches(plan, sched.es, sched.ef)
        if len(stretches) > MAX_ROWS:  # the worst ones (most people over capacity, then the longest)
            out.append(
                ctx.p(
                    f"The {MAX_ROWS} worst of {len(stretches)} stretches, by how far over capacity they "
                    f"go; the Capacity tab of the app lists them all.",
                    "small",
                )
            )
            worst = sorted(stretches, key=lambda x: (-(x.peak - (x.team.capacity or 0)), -(x.end - x.start)))
            keep = {id(x) for x in worst[:MAX_ROWS]}
            stretches = [x for x in stretches if id(x) in keep]
        for stretch in stretches:
            tl, s, e, running = stretch.team, stretch.start, stretch.end, stretch.decisions
            titles = ", ".join(esc(plan.decisions[i].title) for i in running[:6])
            if len(running) > 6:
                titles += f" and {len(running) - 6} more"
            rows.append(
                [
                    ctx.cell(tl.name, "cell_bold"),
                    ctx.when_text(s),
                    ctx.when_text(e),
                    fmt_weeks(e - s),
                    f"{fmt_weeks(stretch.peak)} / {fmt_weeks(tl.capacity or 0)}",
                    ctx.cell(titles, "cell_muted", markup=True),
                ]
            )
        from planner.report.sections.details import chunked_tables

        out.extend(
            chunked_tables(
                ctx,
                ["Team", "From", "To", "Weeks", "Needs / has", "Running then"],
                rows,
                [1.7, 0.95, 0.95, 0.7, 0.95, 3.6],
                right=(3, 4),
            )
        )

    # What levelling delays.
    delayed = lv.delayed
    if delayed:
        out.append(Paragraph("What levelling delays", ctx.styles["h2"]))
        out.append(
            ctx.p(
                f"The {count(len(delayed), 'decision')} that levelling starts "
                f"later, most delayed first. Float is how far a decision could slip before the finish "
                f"moves; a delay beyond it moves the finish.",
                "small",
            )
        )
        index = {did: i for i, did in enumerate(lv.ids)}
        if len(delayed) > MAX_ROWS:
            out.append(
                ctx.p(
                    f"The {MAX_ROWS} most delayed are listed; {len(delayed) - MAX_ROWS} more start a "
                    f"little later too.",
                    "small",
                )
            )
            delayed = sorted(delayed, key=lambda x: -x[1])[:MAX_ROWS]
        widths = [3.6, 1.5, 1.0, 1.0, 0.8, 0.8, 0.8]
        head = ["Decision", "Team", "Planned start", "Levelled start", "Delay (wk)", "Float (wk)", "Critical"]
        title_w, team_w = ctx.columns(widths, header=head)[:2]
        rows = []
        for did, delay in delayed:
            i = index[did]
            d = plan.decisions[i]
            rows.append(
                [
                    ctx.fit(fit_width(d.title, REGULAR, 8, title_w - 9), title_w),
                    ctx.fit(fit_width(ctx.team_name(d.owner), REGULAR, 8, team_w - 9), team_w),
                    ctx.when_text(sched.es[i]),
                    ctx.when_text(lv.es[i]),
                    fmt_weeks(delay),
                    fmt_weeks(float(sched.total_float[i])),
                    "critical" if sched.critical[i] else "",
                ]
            )
        from planner.report.sections.details import chunked_tables

        out.extend(
            chunked_tables(
                ctx,
                head,
                rows,
                widths,
                right=(4, 5),
                bold=(6,),
            )
        )
    return out


def _busiest(loads: list[Any]) -> str:
    tl = max((t for t in loads if t.capacity), key=lambda t: t.peak / (t.capacity or 1), default=None)
    if tl is None:
        return "nothing"
    return f"{people(tl.peak)} of {tl.name}'s {fmt_weeks(tl.capacity)}"  # plain text: ctx.p escapes it


def _levelling_text(ctx: ReportContext, lv: Any, over: bool) -> str:
    if not over:
        return (
            f"Levelling therefore changes nothing: the plan finishes on {esc(on(ctx, lv.finish))} either way."
        )
    text = (
        f"Levelling the schedule delays the work with the most float first, until no team is over capacity. "
        f"The <b>levelled finish is {esc(on(ctx, lv.finish))}</b> (week {fmt_weeks(lv.finish)})"
    )
    if lv.cost > 0:
        text += (
            f", <b>{weeks_text(lv.cost)} later</b> than the plan's {esc(on(ctx, lv.unlevelled_finish))}: "
            f"that is what the teams' capacity costs. "
        )
    else:
        text += (
            ", the same as the plan's: the work that moves has enough float, so staying within capacity "
            "costs no time. "
        )
    n = len(lv.delayed)
    if n:
        text += f"{count(n, 'decision')} {agree(n, 'starts', 'start')} later (table below)"
        if lv.critical_delayed:
            text += (
                f", {len(lv.critical_delayed)} of {agree(n, 'it', 'them')} on the critical path, which "
                f"is why the finish moves"
            )
        text += ". "
    if lv.unlevellable:
        names = [esc(ctx.title_of(d)) for d in lv.unlevellable[:4]]
        text += (
            f"Levelling cannot fix {joined(names)}: each needs more people than its team has, whatever the "
            f"schedule. Lower the headcount, split the work or add people."
        )
    else:
        text += (
            "To keep the plan's dates instead, add people to the teams over capacity for the stretches "
            "listed below, or move work to another team."
        )
    return text


SECTIONS = [
    Section(
        "capacity",
        "Team capacity",
        build_capacity,
        76,
        description="team load against capacity, over-capacity stretches and the levelled finish",
        weight=0.5,
    ),
]
