"""Sections in words and tables: one per stage, the critical path, findings, and the appendix of every decision."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from planner.report.context import ReportContext, esc, fmt_weeks, plural
from planner.report.sections import Section
from planner.report.style import GATE_HEX

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CRIT_MARK = "<font color='#000000'><b>critical</b></font>"
# Chunk size of long tables: ReportLab re-measures a table's remaining rows at every page split, so one table of
# 2,000 rows costs quadratic time; chunks of this many rows keep it linear. Each chunk repeats the header row.
CHUNK = 60


def _decision_cell(ctx: ReportContext, i: int, *, area: bool = False) -> Paragraph:
    d = ctx.plan.decisions[i]
    extra = f" \u00b7 {esc(ctx.area_name(d.area))}" if area and d.area else ""
    tag = " \u25c6 milestone" if d.milestone else ""
    return ctx.cell(f"{esc(d.title)}<br/><font size='7' color='#5C5C5C'>{esc(d.id)}{extra}{tag}</font>",
                    markup=True)


def chunked_tables(ctx: ReportContext, header: list[Any], rows: list[list[Any]], widths: list[float],
                   extra_style: list[Any] | None = None, *, wide: bool = False, right: tuple[int, ...] = (),
                   bold: tuple[int, ...] = ()) -> list[Flowable]:
    """``rows`` as consecutive tables of at most :data:`CHUNK` rows, each splitting with its header repeated."""
    if not rows:
        return []
    return [ctx.table(header, rows[k:k + CHUNK], widths, extra_style=extra_style, wide=wide, right=right,
                      bold=bold)
            for k in range(0, len(rows), CHUNK)]


# -- one section per stage ----------------------------------------------------------------------------------
def build_stages(ctx: ReportContext) -> list[Flowable]:
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    out: list[Flowable] = [ctx.heading("Stages in detail")]
    out.append(ctx.p("Each stage with its goal, the criteria of its gate and how many are met, how much of its "
                     "work is done, and its decisions in the order they start. Float is the time a decision can "
                     "slip before the plan's finish moves."))
    stage_pos = plan.stage_index()
    by_stage: dict[int, list[int]] = {}
    for i, d in enumerate(plan.decisions):
        by_stage.setdefault(stage_pos.get(d.stage, -1), []).append(i)
    moves = {did: (frm, to) for did, frm, to in st.suggested_moves}
    for k, (stage, r) in enumerate(zip(plan.stages, st.stages, strict=True)):
        ctx.check(f"Writing stage {stage.name}")
        block: list[Flowable] = [ctx.heading(f"{k + 1}. {stage.name}", 1, key=f"stage-{stage.id}")]
        if stage.goal:
            block.append(ctx.p(f"<b>Goal.</b> {esc(stage.goal)}", markup=True))
        if r.start is None:
            block.append(ctx.p("No decisions are assigned to this stage yet."))
        else:
            gated = (f" With strict gates it runs from {esc(ctx.when(r.gated_start))} to "
                     f"{esc(ctx.when(r.gated_finish))}." if r.gated_start is not None else "")
            block.append(ctx.p(f"<b>Window.</b> With rolling stages its work runs from {esc(ctx.when(r.start))} "
                               f"to {esc(ctx.when(r.finish))}.{gated} Its gate closes in "
                               f"{esc(ctx.when(r.gate))}, when every decision of this and the earlier stages is "
                               f"done.", markup=True))
        crit = (f"{r.criteria_met} of {r.criteria_total} gate criteria met ({r.criteria_share:.0%})"
                if r.criteria_total else "no gate criteria set")
        done = f"{r.done_share:.0%} of its work done (by duration)" if r.done_share is not None else "no work yet"
        block.append(ctx.p(f"<b>Readiness.</b> {crit}; {done}.", markup=True))
        out.append(KeepTogether(block))
        if stage.gate_criteria:
            out.append(Paragraph("Gate criteria", ctx.styles["h3"]))
            items = [(f"<font color='#009E73'>\u2611</font> {esc(c.text)} <font color='#5C5C5C'>(met)</font>"
                      if c.met else
                      f"<font color='{GATE_HEX}'>\u2610</font> {esc(c.text)} <font color='#5C5C5C'>(not met)</font>")
                     for c in stage.gate_criteria]
            out.extend(Paragraph(t, ctx.styles["bullet"]) for t in items)
        idx = sorted(by_stage.get(k, []), key=lambda i: (sched.es[i], sched.ef[i], i))
        if idx:
            out.append(Paragraph(f"Decisions ({len(idx)})", ctx.styles["h3"]))
            widths = [4.2, 1.7, 1.1, 1.1, 0.8, 1.25]
            cols = ctx.columns(widths)
            rows = []
            for i in idx:
                d = plan.decisions[i]
                flag: Any = "critical" if sched.critical[i] else ""
                if d.id in moves:
                    flag = ctx.cell((CRIT_MARK + "<br/>" if flag else "") + (
                        f"<font size='7' color='{GATE_HEX}'>dependencies put it in "
                        f"{esc(ctx.stage_name(moves[d.id][1]))}</font>"), markup=True)
                rows.append([
                    _decision_cell(ctx, i), ctx.fit(ctx.team_name(d.owner), cols[1]),
                    ctx.when_text(sched.es[i]), ctx.when_text(sched.ef[i]), fmt_weeks(sched.total_float[i]), flag,
                ])
            head = ["Decision", "Owner", "Start", "Finish", "Float (wk)", "Critical"]
            out.extend(chunked_tables(ctx, head, rows, widths, right=(4,), bold=(5,)))
    return out


# -- the critical path ----------------------------------------------------------------------------------------
def build_critical(ctx: ReportContext) -> list[Flowable]:
    plan, sched = ctx.plan, ctx.schedule
    out: list[Flowable] = [ctx.heading("Critical path")]
    path = sched.critical_path
    if not path:
        out.append(ctx.p("The plan has no decisions, so it has no critical path."))
        return out
    first, last = sched.index[path[0]], sched.index[path[-1]]
    text = (f"The critical path is the longest chain of dependent work in the plan. It runs through "
            f"{plural(len(path), 'decision')}, from {esc(ctx.when(sched.es[first]))} to "
            f"{esc(ctx.when(sched.ef[last]))}, and sets the finish: none of these decisions has float, so a week "
            f"lost on any of them is a week lost on the plan, and a week won on the path (by shortening, "
            f"overlapping or removing a dependency) brings the finish forward, until another chain becomes the "
            f"longest.")
    out.append(ctx.p(text, markup=True))
    for note in sched.notes:
        out.append(ctx.p(note, "small"))
    out.extend(_critical_chart(ctx))
    out.append(Paragraph("The path in order, and why each decision starts when it does", ctx.styles["h3"]))
    rows = []
    widths = [0.35, 3.4, 1.4, 1.0, 1.0, 4.2]
    cols = ctx.columns(widths, wide=True)
    for k, did in enumerate(path, 1):
        i = sched.index[did]
        why = ctx.analysis.explain(did).start_reason
        rows.append([str(k), _decision_cell(ctx, i), ctx.fit(ctx.stage_name(plan.decisions[i].stage), cols[2]),
                     ctx.when_text(sched.es[i]), ctx.when_text(sched.ef[i]), ctx.cell(why, "cell_muted")])
    head = ["#", "Decision", "Stage", "Start", "Finish", "Why it starts then"]
    out.extend(chunked_tables(ctx, head, rows, widths, wide=True, right=(0,)))
    on_path = set(path)
    others = [i for i in range(len(sched.ids)) if sched.critical[i] and sched.ids[i] not in on_path]
    if others:
        out.append(Paragraph(f"Other critical decisions ({len(others)})", ctx.styles["h3"]))
        out.append(ctx.p("These have no float either: they lie on chains as long as the path above, so they "
                         "delay the finish just as much if they slip."))
        rows = [[_decision_cell(ctx, i), ctx.fit(ctx.stage_name(plan.decisions[i].stage), 100),
                 ctx.when_text(sched.es[i]), ctx.when_text(sched.ef[i])]
                for i in sorted(others, key=lambda i: (sched.es[i], i))]
        out.extend(chunked_tables(ctx, ["Decision", "Stage", "Start", "Finish"], rows, [4.6, 1.6, 1.2, 1.2],
                                  wide=True))
    return out


def _critical_chart(ctx: ReportContext) -> list[Flowable]:
    """The critical-path chart under the text, wrapped onto rows of chips at 7 pt or more; a long path
    continues on pages of its own (steps k to m), then the table lists it with the reason for each start."""
    from planner.charts.critical_path import critical_path_height, critical_path_pages, draw_critical_path

    g = ctx.wide
    below = g.frame_height - 110 - 12 * len(ctx.schedule.notes)
    full = g.frame_height - 30
    pages = critical_path_pages(ctx.analysis, g.frame_width / 72, below / 72, full / 72)
    out: list[Flowable] = []
    n = len(ctx.schedule.critical_path)
    for k, steps in enumerate(pages):
        # Each part as tall as its rows of chips need (no taller than the page), flowing on from the last.
        h = min(below if k == 0 else full, 72 * critical_path_height(ctx.analysis, g.frame_width / 72, steps))
        if k:
            out.append(Paragraph(f"The critical path, steps {steps[0] + 1}\u2013{steps[1]} of {n}",
                                 ctx.styles["h3"]))

        def draw(fig: Figure, steps: tuple[int, int] = steps) -> None:
            draw_critical_path(fig, ctx.analysis, steps=steps)

        out.append(ctx.chart(draw, h, name="critical path", wide=True, min_height=h))
    return out


# -- findings ---------------------------------------------------------------------------------------------------
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


def build_findings(ctx: ReportContext) -> list[Flowable]:
    out: list[Flowable] = [ctx.heading("Findings")]
    findings = ctx.analysis.findings + list(ctx.analysis.extra_findings)
    if not findings:
        out.append(ctx.p("Validation found nothing to report: the plan is consistent."))
        return out
    counts = {k: sum(1 for f in findings if str(f.severity) == k) for k in _SEVERITY_TITLES}
    parts = [plural(counts["warning"], "warning"), plural(counts["info"], "note")]
    out.append(ctx.p(f"Validation reports {' and '.join(parts)}. Warnings deserve a decision; notes are for "
                     f"completeness."))
    for sev, title in _SEVERITY_TITLES.items():
        group = [f for f in findings if str(f.severity) == sev]
        if not group:
            continue
        out.append(Paragraph(f"{title} ({len(group)})", ctx.styles["h2"]))
        rows = []
        for f in group:
            names = ", ".join(f.decisions[:6]) + (f" and {len(f.decisions) - 6} more" if len(f.decisions) > 6 else "")
            rows.append([ctx.cell(f.code, "cell_bold"), ctx.cell(f.message), ctx.cell(names or "-", "cell_muted")])
        out.extend(chunked_tables(ctx, ["Code", "Finding", "Decisions"], rows, [1.5, 5.2, 2.0], wide=True))
    return out


# -- appendix -------------------------------------------------------------------------------------------------
_STATUS = {"not_started": "not started", "in_progress": "in progress", "done": "done", "blocked": "blocked"}


def build_appendix(ctx: ReportContext) -> list[Flowable]:
    plan, sched = ctx.plan, ctx.schedule
    out: list[Flowable] = [ctx.heading("Appendix: every decision", key="appendix")]
    if not plan.decisions:
        out.append(ctx.p("The plan has no decisions."))
        return out
    out.append(ctx.p("Every decision in plan order. Durations are optimistic / likely / pessimistic weeks (one "
                     "figure when all three are equal); float is total / free float in weeks.", "small"))
    from planner.model.plan import duration_triple

    widths = [3.6, 1.25, 1.5, 1.05, 0.95, 0.95, 0.8, 1.0, 0.8]
    cols = ctx.columns(widths, wide=True)
    rows = []
    for i, d in enumerate(plan.decisions):
        if i % 200 == 0:
            ctx.check("Writing the appendix")
        o, lk, pe = duration_triple(d.duration) if not d.milestone else (0.0, 0.0, 0.0)
        dur = fmt_weeks(lk) if o == lk == pe else f"{fmt_weeks(o)} / {fmt_weeks(lk)} / {fmt_weeks(pe)}"
        status = _STATUS.get(str(d.status), str(d.status)) + (f" {d.progress:.0f}%" if d.progress else "")
        rows.append([
            _decision_cell(ctx, i, area=True), ctx.fit(ctx.stage_name(d.stage), cols[1]),
            ctx.fit(ctx.team_name(d.owner), cols[2]), ctx.fit(dur, cols[3]), ctx.when_text(sched.es[i]),
            ctx.when_text(sched.ef[i]), f"{fmt_weeks(sched.total_float[i])} / {fmt_weeks(sched.free_float[i])}",
            ctx.fit(status, cols[7]), "critical" if sched.critical[i] else "",
        ])
    head = ["Decision", "Stage", "Owner", "Duration", "Start", "Finish", "Float", "Status", "Critical"]
    out.extend(chunked_tables(ctx, head, rows, widths, wide=True, right=(3, 6), bold=(8,)))
    return out



SECTIONS = [
    Section("stages-detail", "Stages in detail", build_stages, 60,
            description="per stage: goal, gate criteria, readiness and its decisions", weight=1.0),
    Section("critical-path", "Critical path", build_critical, 70,
            description="the chain that sets the finish, with why each step starts when it does", weight=0.5,
            wide=True),
    Section("findings", "Findings", build_findings, 80, description="validation warnings and notes", weight=0.3,
            new_page=False, wide=True),
    Section("appendix", "Appendix: every decision", build_appendix, 90,
            description="one row per decision with all its figures", weight=1.0, wide=True),
]
