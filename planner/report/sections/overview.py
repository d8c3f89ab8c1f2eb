"""The cover (title and key figures) and the executive summary (written in sentences)."""

from __future__ import annotations

import contextlib
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from planner.report.context import ReportContext, esc, fmt_date, fmt_weeks, plural
from planner.report.fonts import REGULAR
from planner.report.sections import Section
from planner.report.style import ACCENT, TILE_BG


def p_dates(simulation: Any) -> dict[int, float]:
    """Finish percentiles {50: weeks, 80: weeks} of a Monte Carlo result, or {} without one."""
    if simulation is None:
        return {}
    out: dict[int, float] = {}
    for q in (50, 80):
        try:
            out[q] = float(simulation.percentile(q))
        except (AttributeError, TypeError, ValueError):
            with contextlib.suppress(AttributeError, KeyError, TypeError, ValueError):
                out[q] = float(simulation.percentiles()[f"p{q}"])
    return out


def _tile(ctx: ReportContext, value: str, detail: str | None, label: str) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [Paragraph(esc(label), s["figure_label"]), Spacer(1, 3),
                           Paragraph(esc(value), s["figure"])]
    out.append(Paragraph(esc(detail) if detail else "&nbsp;", s["figure_note"]))
    return out


def build_cover(ctx: ReportContext) -> list[Flowable]:
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    s = ctx.styles
    out: list[Flowable] = [Spacer(1, 0.08 * ctx.geometry.frame_height)]
    out.append(Paragraph("<font color='#0072B2'><b>SCALING ROADMAP REPORT</b></font>", ctx.styles["figure_label"]))
    out.append(Spacer(1, 10))
    out.append(ctx.heading(plan.title, 0, key="cover", style_name="title"))
    if plan.description:
        out.append(ctx.p(plan.description, "subtitle"))
    facts = [plural(len(plan.decisions), "decision"), plural(len(plan.dependencies), "dependency", "dependencies"),
             plural(len(plan.stages), "stage")]
    if plan.start_date:
        facts.insert(0, f"starts {ctx.date(0)}")
    facts.append(f"{ctx.analysis.estimate} estimates, in weeks")
    out.append(ctx.p(" \u00b7 ".join(facts), "small"))
    out.append(Spacer(1, 28))

    # Key figures, as tiles: three across, two rows.
    n_crit = int(sched.critical.sum())
    pd = p_dates(ctx.simulation)
    price = st.gating_price
    tiles = [
        _tile(ctx, f"week {fmt_weeks(sched.finish)}", ctx.date(sched.finish), "Finish (rolling stages)"),
    ]
    if pd:
        p50, p80 = pd.get(50), pd.get(80)
        value = " / ".join(f"wk {fmt_weeks(v)}" for v in (p50, p80) if v is not None)
        detail = " / ".join(d for d in (ctx.date(p50), ctx.date(p80)) if d) or "Monte Carlo simulation"
        tiles.append(_tile(ctx, value, detail, "P50 / P80 finish"))
    tiles.append(_tile(ctx, f"week {fmt_weeks(st.gated_finish)}",
                       ("no extra time" if price <= 1e-9 else f"+{plural(price, 'week')} for strict gates"),
                       "Finish (strict stage gates)"))
    tiles.append(_tile(ctx, str(len(plan.decisions)),
                       f"across {plural(len(plan.stages), 'stage')}", "Decisions"))
    tiles.append(_tile(ctx, str(n_crit), f"{len(sched.critical_path)} on the critical path shown",
                       "Critical decisions"))
    warnings = [f for f in ctx.analysis.findings + list(ctx.analysis.extra_findings) if str(f.severity) == "warning"]
    if not pd:
        tiles.append(_tile(ctx, str(len(warnings)), "see Findings" if warnings else "the plan is consistent",
                           "Warnings"))
    rows: list[list[list[Flowable] | str]] = [[*tiles[i:i + 3]] for i in range(0, len(tiles), 3)]
    while len(rows[-1]) < 3:
        rows[-1].append("")
    w = ctx.geometry.frame_width / 3
    t = Table(rows, colWidths=[w] * 3, hAlign="LEFT")
    cmds: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("BACKGROUND", (0, 0), (-1, -1), TILE_BG),
        ("GRID", (0, 0), (-1, -1), 6, colors.white),
        ("LINEBEFORE", (0, 0), (-1, -1), 3, ACCENT),
    ]
    if rows[-1][-1] == "":
        cmds += [("BACKGROUND", (-1, -1), (-1, -1), colors.white), ("LINEBEFORE", (-1, -1), (-1, -1), 0, colors.white)]
    t.setStyle(TableStyle(cmds))
    out.append(t)
    out.append(Spacer(1, 26))

    # The stages at a glance.
    out.append(Paragraph("Stages at a glance", s["h3"]))
    head = ["Stage", "Rolling window", "Gated window", "Gate criteria met", "Work done"]
    body = []
    for r in st.stages:
        roll = (f"wk {fmt_weeks(r.start)}\u2013{fmt_weeks(r.finish)}" if r.start is not None else "no decisions")
        gated = (f"wk {fmt_weeks(r.gated_start)}\u2013{fmt_weeks(r.gated_finish)}"
                 if r.gated_start is not None else "-")
        crit = f"{r.criteria_met} of {r.criteria_total}" if r.criteria_total else "none set"
        done = f"{r.done_share:.0%}" if r.done_share is not None else "-"
        body.append([ctx.cell(r.name, "cell_bold"), ctx.cell(roll), ctx.cell(gated), ctx.cell(crit), ctx.cell(done)])
    out.append(ctx.table(head, body, [2.2, 1.6, 1.6, 1.5, 1.1]))
    out.append(Spacer(1, 22))

    # What is inside: the sections of this report.
    inside = [x for x in ctx.sections if x.name != "cover"]
    if inside:
        out.append(Paragraph("In this report", s["h3"]))
        rows = [[ctx.cell(x.title, "cell_bold"), ctx.cell(x.description, "cell_muted")] for x in inside]
        t = Table(rows, colWidths=[ctx.geometry.frame_width * 0.32, ctx.geometry.frame_width * 0.68], hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        out.append(t)
        out.append(Spacer(1, 18))
    gen = f"Generated on {fmt_date(ctx.generated)} by Scaling Roadmap Planner."
    out.append(ctx.p(gen, "small"))
    # The cover is one page whatever the plan: a plan with many stages shrinks it a little rather than spill.
    g = ctx.geometry
    return [KeepInFrame(g.frame_width, g.frame_height - 2, out, mode="shrink")]


def _chain_words(ctx: ReportContext, ids: list[str]) -> str:
    names = [f"\u201c{esc(ctx.title_of(i))}\u201d" for i in ids]
    if len(names) <= 5:
        return (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else names[0]
    return f"{', '.join(names[:3])}, then {len(names) - 5} more, then {names[-2]} and {names[-1]}"


def build_summary(ctx: ReportContext) -> list[Flowable]:
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    out: list[Flowable] = [ctx.heading("Executive summary")]
    n = len(plan.decisions)
    if n == 0:
        out.append(ctx.p("The plan has no decisions yet, so there is nothing to schedule. Add decisions and the "
                         "dependencies between them to get a roadmap."))
        return out

    # When it finishes.
    start = f" from its start on {ctx.date(0)}" if plan.start_date else ""
    text = (f"The plan has {plural(n, 'decision')} in {plural(len(plan.stages), 'stage')}, joined by "
            f"{plural(len(plan.dependencies), 'dependency', 'dependencies')}. On its {ctx.analysis.estimate} "
            f"estimates, with stages allowed to overlap, it finishes in <b>{esc(ctx.when(sched.finish))}</b>, "
            f"{plural(sched.finish, 'week')}{esc(start)}.")
    pd = p_dates(ctx.simulation)
    if pd:
        iters = getattr(ctx.simulation, "iterations", None)
        run = f" ({iters:,} iterations)" if iters else ""
        parts = []
        if 50 in pd:
            parts.append(f"an even chance of finishing by <b>{esc(ctx.when(pd[50]))}</b> (P50)")
        if 80 in pd:
            parts.append(f"an 80% chance by <b>{esc(ctx.when(round(pd[80], 1)))}</b> (P80)")
        text += f" Allowing for the uncertainty in the estimates, a Monte Carlo simulation{run} gives " \
                + " and ".join(parts) + "."
    out.append(ctx.p(text, markup=True))

    # What drives it.
    path = sched.critical_path
    n_crit = int(sched.critical.sum())
    if path:
        text = (f"The finish is driven by a chain of {plural(len(path), 'decision')}: {_chain_words(ctx, path)}. "
                f"Any delay to one of them delays the whole plan by as much.")
        others = n_crit - len(path)
        if others > 0:
            text += (f" {plural(others, 'other decision')} {'is' if others == 1 else 'are'} critical as well, on "
                     f"parallel chains of the same length.")
        floats = sched.total_float[~sched.critical] if n_crit < n else None
        if floats is not None and len(floats):
            text += (f" The remaining {plural(n - n_crit, 'decision')} have between "
                     f"{plural(float(floats.min()), 'week')} and {plural(float(floats.max()), 'week')} of float.")
        out.append(ctx.p(text, markup=True))
    for note in sched.notes:
        out.append(ctx.p(note, "small"))

    # The price of strict gates.
    price = st.gating_price
    if price <= 1e-9:
        text = (f"Running the stages as strict gates, where no stage starts before every decision of the earlier "
                f"stages has finished, costs nothing on this plan: it would still finish in "
                f"{esc(ctx.when(st.gated_finish))}.")
    else:
        text = (f"Running the stages as strict gates, where no stage starts before every decision of the earlier "
                f"stages has finished, would move the finish to <b>{esc(ctx.when(st.gated_finish))}</b>: strict "
                f"gates cost <b>{plural(price, 'week')}</b> over rolling stages.")
    met = sum(r.criteria_met for r in st.stages)
    total = sum(r.criteria_total for r in st.stages)
    if total:
        text += f" Of the {total} gate criteria, {met} {'is' if met == 1 else 'are'} met so far."
    if st.suggested_moves:
        k = len(st.suggested_moves)
        text += (f" {plural(k, 'decision')} {'depends' if k == 1 else 'depend'} on work of a later stage; the "
                 f"section on each stage lists {'it' if k == 1 else 'them'} with the stage the dependencies imply.")
    out.append(ctx.p(text, markup=True))

    # The top warnings.
    findings = ctx.analysis.findings + list(ctx.analysis.extra_findings)
    warnings = [f for f in findings if str(f.severity) == "warning"]
    if warnings:
        out.append(ctx.p(f"The top warning{'s' if len(warnings) > 1 else ''} "
                         f"({len(warnings)} in all, listed under Findings):"))
        out.extend(ctx.bullets([f.message for f in warnings[:5]]))
    else:
        infos = [f for f in findings if str(f.severity) == "info"]
        out.append(ctx.p("Validation found no warnings" + (f"; it has {plural(len(infos), 'note')} of lesser "
                                                           "importance under Findings." if infos else ".")))
    out.append(Paragraph("Key dates", ctx.styles["h2"]))
    out.append(_key_dates(ctx, pd))
    return out


def _key_dates(ctx: ReportContext, pd: dict[int, float]) -> Flowable:
    """Start, each stage's rolling finish and gate, the finish (and its P-dates), the gated finish."""
    sched, st = ctx.schedule, ctx.stages
    rows: list[tuple[str, float | None, str]] = [("Plan start", 0.0, "")]
    for k, r in enumerate(st.stages):
        if r.finish is None:
            continue
        gate = "" if abs(r.gate - r.finish) < 1e-9 else f"gate closes {ctx.when(r.gate)}"
        rows.append((f"{k + 1}. {r.name}: last decision done", r.finish, gate))
    rows.append(("Finish (rolling stages)", sched.finish, f"critical path of {plural(len(sched.critical_path), 'decision')}"))
    for q in (50, 80):
        if q in pd:
            rows.append((f"Finish P{q} (Monte Carlo)", round(pd[q], 1), f"{q}% of simulated runs finish by then"))
    rows.append(("Finish (strict stage gates)", st.gated_finish,
                 "no later than rolling" if st.gating_price <= 1e-9 else f"+{plural(st.gating_price, 'week')}"))
    body = [[ctx.cell(name, "cell_bold"), ctx.cell(f"week {fmt_weeks(w)}", "cell_right"),
             ctx.cell(ctx.date(w) or "-"), ctx.cell(note, "cell_muted")] for name, w, note in rows]
    return ctx.table(["Milestone", ctx.cell("Week", "head_right"), "Date", "Note"], body, [3.0, 1.15, 1.4, 3.0])


SECTIONS = [
    Section("cover", "Cover", build_cover, 0, description="title page with the key figures", weight=0.5),
    Section("summary", "Executive summary", build_summary, 10,
            description="when it finishes, what drives it, the price of strict gates, top warnings", weight=0.5),
]
