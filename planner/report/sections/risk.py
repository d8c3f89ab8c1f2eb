"""The "Schedule risk" section: what the Monte Carlo simulation says about the finish, in sentences for an
executive, with the finish distribution, what drives it, and the risk register with each risk's cost.

Shown when the report is given a simulation (``planner report --simulate``); without one it is a short paragraph
saying how to get one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from planner.model import units
from planner.model.plan import duration_triple
from planner.report.context import (
    QUOTED_CHARS,
    ReportContext,
    ellipsize,
    esc,
    few_runs_note,
    fmt_weeks,
    simulated_runs,
)
from planner.report.sections import Section
from planner.report.sections.overview import all_done, compared_with_p_dates
from planner.units import joined

PERCENTILES = (10, 50, 80, 90, 95)
CHART_MIN_PT = 170.0  # the finish-date chart takes the rest of the page, this much at least
CHART_MAX_PT = 300.0  # ... and no more
BARS_PT = 215.0  # criticality and tornado charts (about 7 bars each)
TOP_DECISIONS = 5  # named in the text
NO_RISKS_MAX_ITERATIONS = (
    200_000  # the extra run without the register (for "the register adds ...") up to this
)


MEANING = {
    10: "Optimistic: only one run in ten finishes earlier.",
    50: "Even odds: as many runs finish later as earlier.",
    80: "The usual date to commit to: four runs in five finish by then.",
    90: "Nine runs in ten finish by then.",
    95: "Cautious: only one run in twenty finishes later.",
}


def weeks_text(x: float) -> str:
    """``3 weeks``, ``1 week``, ``2.5 weeks``, ``less than a tenth of a week``; ``x`` >= 0."""
    x = abs(float(x))
    if x < 0.005:
        return "less than a day"
    return units.plural_weeks(x)


def on(ctx: ReportContext, week: float) -> str:
    """``14 Oct 2027`` with a start date, else ``week 42.5``."""
    return ctx.date(week) or f"week {fmt_weeks(week)}"


def _later(ctx: ReportContext, week: float, reference: float, what: str) -> str:
    d = float(week) - float(reference)
    if abs(d) < 0.05:
        return f"the same as {what}"
    return f"{weeks_text(d)} {'after' if d > 0 else 'before'} {what}"


def _has_full_result(sim: Any) -> bool:
    return all(hasattr(sim, a) for a in ("finish", "deterministic_finish", "criticality", "risks", "ids"))


def build_risk(ctx: ReportContext) -> list[Flowable]:
    if ctx.empty and not ctx.plan.risks:  # no schedule and no register: nothing to say
        return []
    out: list[Flowable] = [ctx.heading("Schedule risk")]
    sim = ctx.simulation
    if sim is None and all_done(ctx.plan):  # its dates are facts: nothing to simulate, no risk left to rank
        out.append(
            ctx.p(
                "Every decision is done: the plan's dates are facts, so there is no confidence range to give"
                + (
                    f" and no risk of the register can delay it ({units.count(len(ctx.plan.risks), 'risk')}, "
                    "in the plan file)."
                    if ctx.plan.risks
                    else "."
                )
            )
        )
        return out
    if sim is None:
        out.append(
            ctx.p(
                "Not simulated. This report shows the plan's single most likely schedule, not how likely that is to "
                "hold: it has no confidence range (P50, P80), no ranking of what drives the finish and no measured "
                "cost of each risk."
                + (
                    " The risk register below ranks risks by their expected delay (probability times the mean "
                    "delay)."
                    if ctx.plan.risks
                    else " The plan has no risk register."
                )
                + (
                    " The scenario comparison simulated the plan and each scenario for their P50 and P80 only."
                    if compared_with_p_dates(ctx)
                    else ""
                )
            )
        )
        out.extend(_register_only(ctx))
        return out
    if not _has_full_result(sim):
        return out + _percentiles_only(ctx, sim)

    det = float(sim.deterministic_finish)
    p = {q: float(sim.percentile(q)) for q in PERCENTILES}
    p_det = float(sim.probability_by(det))
    plan_finish = f"the plan's likely finish ({on(ctx, det)})"
    if float(np.ptp(np.asarray(sim.finish, dtype=float))) < 0.005 and abs(p[50] - det) < 0.005:
        return out + _no_spread(ctx, sim, det)

    # In sentences first.
    text = (
        f"There is an <b>80% chance of finishing by {esc(on(ctx, p[80]))}</b>, "
        f"{esc(_later(ctx, p[80], det, plan_finish))}. "
    )
    text += (
        f"The odds are even of finishing by {esc(on(ctx, p[50]))} (P50); a cautious commitment, at 95% "
        f"confidence, is {esc(on(ctx, p[95]))}. "
    )
    if sim.iterations == 1:  # ('met in only 0% of the one simulated run')
        text += f"The likely finish is {'met' if p_det >= 0.5 else 'not met'} in the one simulated run."
    elif p_det < 0.5:
        text += (
            f"The likely finish itself is met in only <b>{esc(units.format_share(p_det))}</b> of "
            f"{simulated_runs(sim.iterations)}: it is a best case, not a forecast, because most decisions "
            f"can take longer than their likely estimate and the risks below add delay when they occur."
        )
    else:
        text += f"The likely finish is met in {esc(units.format_share(p_det))} of {simulated_runs(sim.iterations)}."
    text += few_runs_note(sim.iterations)
    out.append(ctx.p(text, markup=True))
    out.append(
        ctx.p(
            f"How it is worked out: "
            f"{units.agree(sim.iterations, 'the one run', 'each of ' + simulated_runs(sim.iterations))}"
            f" (seed {sim.seed}) draws every decision's "
            f"duration between its optimistic and pessimistic estimates (most often near the likely one), lets each "
            f"risk of the register occur with its probability, adding its delay to the decisions it names, and "
            f"recomputes the schedule. A P80 date is one that 80% of the runs finish by.",
            "small",
        )
    )

    # The percentiles as a table.
    rows: list[list[Any]] = []
    for q in PERCENTILES:
        rows.append(
            [
                f"P{q}",
                f"{q}%",
                ctx.date_week(p[q]),
                _delta_text(p[q] - det),
                ctx.cell(MEANING[q], "cell_muted"),
            ]
        )
    rows.append(
        [
            ctx.cell("Plan (likely)", "cell_bold"),
            units.format_share(p_det),
            ctx.date_week(det),
            "-",
            ctx.cell("Every decision at its likely estimate and no risk occurring.", "cell_muted"),
        ]
    )
    from planner.charts.risk import draw_criticality, draw_risk, draw_tornado

    caption = (
        "Bars: the share of runs that finish in each week; curve (right scale): the chance of finishing by "
        "each date; dotted line: the plan's likely finish."
    )
    if ctx.geometry.frame_width >= 600:  # landscape: the dates beside the chart
        narrow = [[r[0], r[1], r[2], r[3]] for r in rows]
        table = ctx.table(
            ["Finish", "Chance", "Date (week)", "Later than likely"],
            narrow,
            [1.2, 0.9, 2.3, 1.5],
            right=(1, 3),
            bold=(0,),
            total=ctx.half_width,
            whole=(2,),
        )
        left = [
            Paragraph("Finish dates by confidence", ctx.styles["h3"]),
            table,
            ctx.p(
                "P80 is the usual date to commit to: four runs in five finish by then. P50 gives even odds; "
                "P95 is cautious.",
                "small",
            ),
            ctx.p(caption, "caption"),
        ]
        out.append(
            ctx.side_by_side(
                left,
                ctx.chart(
                    lambda fig: draw_risk(fig, sim), 250.0, name="finish-date risk", width=ctx.half_width
                ),
            )
        )
    else:
        table = ctx.table(
            [
                "Finish",
                "Chance of finishing by then",
                "Date (week)",
                "Later than the likely finish",
                "What it means",
            ],
            rows,
            [0.9, 1.3, 1.6, 1.4, 3.8],
            right=(1, 3),
            bold=(0,),
            whole=(2,),
        )
        out.append(KeepTogether([Paragraph("Finish dates by confidence", ctx.styles["h3"]), table]))
        out.append(ctx.space(6))
        out.append(ctx.p("The chart below. " + caption, "caption"))
        # The rest of the page (at least CHART_MIN_PT, else the next page).
        out.append(
            ctx.chart(
                lambda fig: draw_risk(fig, sim),
                None,
                name="finish-date risk",
                min_height=CHART_MIN_PT,
                max_height=CHART_MAX_PT,
            )
        )

    # What drives it.
    g = ctx.geometry
    head = [
        Paragraph("What drives the finish", ctx.styles["h2"]),
        ctx.p(_drivers_text(ctx, sim), markup=True),
    ]
    if len(ctx.plan.decisions) == 1:
        # One decision: a bar at 100% critical and one at correlation 1 would only repeat the sentence.
        out.extend(head)
    elif g.frame_width >= 600:  # a landscape page: the two bar charts side by side
        half = ctx.half_width
        pair = ctx.side_by_side(
            ctx.chart(lambda fig: draw_criticality(fig, sim), BARS_PT, name="criticality", width=half),
            ctx.chart(lambda fig: draw_tornado(fig, sim), BARS_PT, name="sensitivity", width=half),
        )
        out.extend([*head, pair])  # the text may end a page; the charts go whole to the next
    else:
        out.append(
            KeepTogether(
                [*head, ctx.chart(lambda fig: draw_criticality(fig, sim), BARS_PT, name="criticality")]
            )
        )
        out.append(ctx.chart(lambda fig: draw_tornado(fig, sim), BARS_PT, name="sensitivity"))

    out.extend(_register(ctx, sim, p[80]))
    return out


def _every_run(n: int) -> str:
    """``Every one of the 10,000 simulated runs``; ``The one simulated run``."""
    return units.agree(n, "The one simulated run", f"Every one of {simulated_runs(n)}")


def _no_spread(ctx: ReportContext, sim: Any, det: float) -> list[Flowable]:
    """Every run finishes on the likely date (no estimate has a range and no risk can delay the finish): one
    paragraph instead of a table of equal dates and charts of a single bar."""
    from planner.model.plan import duration_triple

    if all_done(ctx.plan):  # nothing is left to vary: not float, nor an empty register, holds the date
        return [
            ctx.p(
                f"{_every_run(sim.iterations)} finishes on <b>{esc(ctx.when(det))}</b>, "
                "the plan's finish: every decision is done, so its dates are facts and nothing is left to vary.",
                markup=True,
            )
        ]
    ranged = any(
        duration_triple(d.duration)[2] - duration_triple(d.duration)[0] > 1e-9
        for d in ctx.plan.decisions
        if not d.milestone
    )
    why = (
        "no decision's estimate has a range (optimistic, likely and pessimistic are equal)"
        if not ranged
        else "the decisions whose estimates have a range have enough float never to move it"
    )
    why += (
        " and no risk of the register can delay it" if ctx.plan.risks else " and the risk register is empty"
    )
    out: list[Flowable] = [
        ctx.p(
            f"{_every_run(sim.iterations)} finishes on <b>{esc(ctx.when(det))}</b>, the "
            f"plan's likely finish: {esc(why)}. So the P50, P80 and P95 are that same date and the simulation "
            f"adds no margin. Give the uncertain decisions optimistic and pessimistic estimates, and add the "
            f"events that could delay the plan to its risk register, to get a confidence range.",
            markup=True,
        )
    ]
    if ctx.plan.risks:
        out.extend(_register(ctx, sim, det))
    return out


def _delta_text(d: float) -> str:
    if abs(d) < 0.005:
        return "-"
    sign = "+" if d > 0 else "\u2212"
    return f"{sign}{fmt_weeks(abs(d))} wk"


def _percentiles_only(ctx: ReportContext, sim: Any) -> list[Flowable]:
    """For a result that only offers ``percentile(q)``: the finish dates, in words and as a table."""
    p: dict[int, float] = {}
    for q in PERCENTILES:
        try:
            p[q] = float(sim.percentile(q))
        except (AttributeError, TypeError, ValueError):
            continue
    if 80 not in p:
        return [ctx.p("The simulation given to the report offers no finish percentiles.")]
    out: list[Flowable] = [
        ctx.p(
            f"There is an <b>80% chance of finishing by {esc(on(ctx, p[80]))}</b>, "
            f"{esc(_later(ctx, p[80], ctx.schedule.finish, 'the planned finish'))}.",
            markup=True,
        )
    ]
    rows = [[f"P{q}", f"{q}%", ctx.date_week(v)] for q, v in p.items()]
    out.append(
        ctx.table(
            ["Finish", "Chance of finishing by then", "Week and date"],
            rows,
            [1.0, 1.6, 1.4],
            wide=True,
            right=(1,),
            bold=(0,),
        )
    )
    return out


def _estimate_varies(ctx: ReportContext, decision_id: str) -> bool:
    """Whether a decision's own estimate spans a range (a milestone's, or three equal figures', does not)."""
    d = next((x for x in ctx.plan.decisions if x.id == decision_id), None)
    if d is None:
        return True
    o, _, p = duration_triple(d.duration)
    return not d.milestone and p > o


def _drivers_text(ctx: ReportContext, sim: Any) -> str:
    crit = np.asarray(sim.criticality, dtype=float)
    order = sorted(np.flatnonzero(crit > 0).tolist(), key=lambda i: (-crit[i], sim.ids[i]))
    if not order:
        return "No decision is on the critical path in any run."
    top = order[:TOP_DECISIONS]
    # Titles quoted in a sentence are shortened: five 300-character titles made a paragraph of half a page.
    names = [
        f"{esc(ellipsize(ctx.title_of(sim.ids[i]), QUOTED_CHARS))} ({esc(units.format_share(crit[i]))})"
        for i in top
    ]
    text = (
        "The decisions that most often set the finish, with the share of runs in which they are on the "
        f"critical path: {joined(names)}. "
    )
    always = int(np.count_nonzero(crit >= 0.995))
    if always:
        text += (
            f"{units.count(always, 'decision')} {units.agree(always, 'is', 'are')} critical in practically every run; "
            f"a week saved there is a week saved on the plan. "
        )
    # The decisions the tornado draws (a correlation it leaves out as noise is not named here), longer-is-later
    # ones; a milestone or a decision whose three estimates are equal varies only by the risks on it, and
    # firming up an estimate or adding people does nothing for it ('Decide go live', a milestone, was named so).
    from planner.charts.risk import measured_sensitivity  # (as the charts are, when drawn)

    sens = [d for d, c in measured_sensitivity(sim) if c > 0][:3]
    if sens:
        own = [d for d in sens if _estimate_varies(ctx, d)]
        by_risk = [d for d in sens if d not in own]

        def titles(ids: list[str]) -> str:
            return joined([esc(ellipsize(ctx.title_of(d), QUOTED_CHARS)) for d in ids])

        own_text = (
            f"the durations of {titles(own)}: firming up {units.agree(len(own), 'its estimate', 'their estimates')}, "
            f"or giving {units.agree(len(own), 'it', 'them')} more people, narrows the range of dates"
        )
        n = len(by_risk)
        risk_text = (
            f"the delays of the risks on {titles(by_risk)}, whose own "
            f"{units.agree(n, 'estimate does', 'estimates do')} not vary: mitigating those risks narrows the range"
        )
        first, second = (own_text, risk_text) if sens[0] in own else (risk_text, own_text)
        text += f"The finish moves most with {first} most."
        if own and by_risk:
            text += f" It moves with {second} too."
    return text


def _register(ctx: ReportContext, sim: Any, p80: float) -> list[Flowable]:
    plan = ctx.plan
    out: list[Flowable] = [Paragraph("Risk register", ctx.styles["h2"])]
    if not plan.risks:
        out.append(
            ctx.p(
                "The plan has no risks in its register. Add the events that could delay the plan (their "
                "probability, the delay they would cause and the decisions they hit) so that the "
                "simulation allows for them."
            )
        )
        return out
    effects = {e.id: e for e in sim.risks}
    text = (
        f"The register holds {units.count(len(plan.risks), 'risk')}. In each run a risk "
        f"occurs with its probability and delays the decisions it names. The last column is what each risk "
        f"adds to the P80 finish: the P80 with the whole register minus the P80 with that risk never "
        f"occurring."
    )
    without = _p80_without_register(ctx, sim)
    if without is not None and p80 - without >= 0.05:
        text += (
            f" Together the risks move the P80 from {esc(on(ctx, without))} to {esc(on(ctx, p80))}: "
            f"<b>{weeks_text(p80 - without)}</b>."
        )
    ranked = sorted(plan.risks, key=lambda r: (-(effects[r.id].delta if r.id in effects else 0.0), r.id))
    if ranked and ranked[0].id in effects and effects[ranked[0].id].delta >= 0.05:
        e = effects[ranked[0].id]
        text += (
            f" The costliest is \u201c{esc(ranked[0].title)}\u201d, which adds {weeks_text(e.delta)} to the "
            f"P80 on its own."
        )
    out.append(ctx.p(text, markup=True))

    # The key to the table above it, not under it: a note under a table that ends a page stood alone at the top
    # of the next one.
    out.append(
        ctx.p(
            "Delay: optimistic/likely/pessimistic weeks added to each decision the risk hits when it "
            "occurs. Risks that hit decisions with plenty of float may add nothing to the P80.",
            "small",
        )
    )
    tables = _register_table(ctx, ranked, effects)
    return [*out, *tables]  # the builder keeps the table's first rows with its heading and text


def _register_table(ctx: ReportContext, ranked: list[Any], effects: dict[str, Any] | None) -> list[Flowable]:
    """The register as a table: with a simulation the last column is what each risk adds to the P80, without one
    its expected delay (probability x mean delay, :func:`planner.analysis.board.top_risks`' measure)."""
    from planner.model.plan import duration_triple
    from planner.report.sections.details import chunked_tables

    widths = [2.45, 0.85, 0.9, 2.2, 2.5, 1.1]
    rows = []
    for r in ranked:
        o, lk, pe = duration_triple(r.impact)
        impact = fmt_weeks(lk) if o == lk == pe else f"{fmt_weeks(o)}/{fmt_weeks(lk)}/{fmt_weeks(pe)}"
        # Each named as the critical path's other decisions are (60 characters): three titles of 200 made the
        # column eleven lines tall.
        names = [esc(ellipsize(ctx.title_of(d), 60)) for d in r.decisions[:3]]
        if len(r.decisions) > 3:
            names.append(f"and {len(r.decisions) - 3} more")
        owner = (
            f"<br/><font size='7' color='#5C5C5C'>owner: {esc(ctx.team_name(r.owner))}</font>"
            if r.owner
            else ""
        )
        if effects is not None:
            e = effects.get(r.id)
            last = "-" if e is None else ("+0 wk" if abs(e.delta) < 0.005 else _delta_text(e.delta))
        else:
            last = f"{fmt_weeks(r.probability * (o + lk + pe) / 3.0)} wk"
        rows.append(
            [
                ctx.cell(f"<b>{esc(ellipsize(r.title, 160))}</b>{owner}", markup=True),
                units.format_percent(r.probability * 100.0),
                impact,
                ctx.cell("; ".join(names) or "-", "cell_muted", markup=True),
                ctx.cell(ellipsize(r.mitigation, 300) or "-", "cell_muted"),
                last,
            ]
        )
    head = [
        "Risk",
        "Chance",
        "Delay (wk)",
        "Decisions it hits",
        "Mitigation",
        "Adds to P80" if effects is not None else "Expected delay",
    ]
    return chunked_tables(ctx, head, rows, widths, right=(1, 5))


def _register_only(ctx: ReportContext) -> list[Flowable]:
    """The register without a simulation: ranked by expected delay."""
    plan = ctx.plan
    if not plan.risks:
        return []
    from planner.model.plan import duration_triple

    def expected(r: Any) -> float:
        o, lk, pe = duration_triple(r.impact)
        return r.probability * (o + lk + pe) / 3.0

    ranked = sorted(plan.risks, key=lambda r: (-expected(r), r.id))
    return [Paragraph("Risk register", ctx.styles["h3"]), *_register_table(ctx, ranked, None)]


def _p80_without_register(ctx: ReportContext, sim: Any) -> float | None:
    """The P80 finish with no risk ever occurring (same seed and iterations), or None when that would be slow."""
    iterations = int(getattr(sim, "iterations", 0) or 0)
    if not 0 < iterations <= NO_RISKS_MAX_ITERATIONS or not ctx.plan.risks:
        return None
    from planner.analysis.montecarlo import simulate

    ctx.check("Simulating without the risk register")
    try:
        bare = simulate(ctx.plan, iterations, getattr(sim, "seed", 0), risks=False)
    except (ValueError, RuntimeError):
        return None
    return float(bare.percentile(80))


SECTIONS = [
    Section(
        "risk",
        "Schedule risk",
        build_risk,
        74,
        description="Monte Carlo finish dates, what drives them and the risk register (needs --simulate)",
        weight=0.6,
        new_page=False,
    ),
]
