"""Sections in words and tables: one per stage, the critical path, findings, and the appendix of every decision."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from planner.model import units
from planner.report.context import (
    ReportContext,
    done_share,
    ellipsize,
    esc,
    fit_width,
    flow_height,
    fmt_weeks,
)
from planner.report.fonts import REGULAR
from planner.report.sections import Section
from planner.report.style import GATE_HEX

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CRIT_MARK = "<font color='#000000'><b>critical</b></font>"
# Chunk size of long tables: ReportLab re-measures a table's remaining rows at every page split, so one table of
# 2,000 rows costs quadratic time; chunks of this many rows keep it near linear. Each chunk repeats the header row,
CHUNK = 400  # a header mid-page only every 400 rows (the appendix lists at most 400 decisions: none there)


def _decision_cell(ctx: ReportContext, i: int, *, area: bool = False) -> Paragraph:
    d = ctx.plan.decisions[i]
    extra = f" \u00b7 {esc(ctx.area_name(d.area))}" if area and d.area else ""
    tag = " \u25c6 milestone" if d.milestone else ""
    return ctx.cell(
        f"{esc(d.title)}<br/><font size='7' color='#5C5C5C'>{esc(d.id)}{extra}{tag}</font>", markup=True
    )


def chunked_tables(
    ctx: ReportContext,
    header: list[Any],
    rows: list[list[Any]],
    widths: list[float],
    extra_style: list[Any] | None = None,
    *,
    wide: bool = False,
    right: tuple[int, ...] = (),
    bold: tuple[int, ...] = (),
) -> list[Flowable]:
    """``rows`` as consecutive tables of at most :data:`CHUNK` rows, each splitting with its header repeated."""
    if not rows:
        return []
    return [
        ctx.table(
            header, rows[k : k + CHUNK], widths, extra_style=extra_style, wide=wide, right=right, bold=bold
        )
        for k in range(0, len(rows), CHUNK)
    ]


# Steps of a long critical path listed at its start and at its end; the ones between are counted in one row.
PATH_HEAD, PATH_TAIL = 20, 10


# -- one section per stage ----------------------------------------------------------------------------------
STAGE_NAMES = 8  # decisions named in one sentence of "Stages in detail"


def _names(ctx: ReportContext, idx: list[int], *, dates: bool = False, limit: int = STAGE_NAMES) -> str:
    """``“A” (12 Apr 2027), “B” and 3 more``: decisions named in a sentence, at most ``limit`` of them."""
    sched = ctx.schedule
    parts = []
    for i in idx[:limit]:
        name = f"\u201c{esc(ellipsize(ctx.plan.decisions[i].title, 80))}\u201d"
        if dates:
            name += f" ({esc(span_text(ctx, sched.es[i], sched.ef[i]))})"
        parts.append(name)
    if len(idx) > limit:
        parts.append(f"and {len(idx) - limit} more")
    return ", ".join(parts)


def span_text(ctx: ReportContext, start: float, finish: float) -> str:
    """``12 Apr – 26 Apr 2027`` (the year once when both dates share it), or ``wk 10–12`` without dates."""
    a, b = ctx.plan.date_of(float(start)), ctx.plan.date_of(float(finish))
    if a is None or b is None:
        return f"wk {units.week_span(start, finish)}"
    if a == b:
        return units.format_date(a)
    if a.year == b.year:
        return f"{units.format_date(a, short=True)} – {units.format_date(b)}"
    return f"{units.format_date(a)} – {units.format_date(b)}"


def build_stages(ctx: ReportContext) -> list[Flowable]:
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    out: list[Flowable] = [ctx.heading("Stages in detail")]
    out.append(
        ctx.p(
            "Each stage's goal and gate criteria. No decisions are assigned to any stage yet, so no stage has "
            "work, dates or a gate."
            if ctx.empty
            else "Each stage: its goal, when its work runs with overlapping stages, its gate under strict gates, "
            "its readiness, its milestones, blocked work and the work that strict gates move to a later "
            "stage. The critical decisions are listed under Critical path, every decision in the appendix.",
            "small",
        )
    )
    stage_pos = plan.stage_index()
    by_stage: dict[int, list[int]] = {}
    for i, d in enumerate(plan.decisions):
        by_stage.setdefault(stage_pos.get(d.stage, -1), []).append(i)
    moves = {did: (frm, to) for did, frm, to in st.suggested_moves}
    for k, (stage, r) in enumerate(zip(plan.stages, st.stages, strict=True)):
        ctx.check(f"Writing stage {stage.name}")
        block: list[Flowable] = [ctx.heading(f"{k + 1}. {stage.name}", 1, key=f"stage-{stage.id}")]
        parts = []
        if stage.goal:
            parts.append(f"<b>Goal.</b> {esc(ellipsize(stage.goal, 400))}")
        if ctx.empty:  # said once above: no work, no dates, no gate
            pass
        elif r.start is None:
            parts.append("No decisions are assigned to this stage yet.")
        else:
            span = units.week_span(r.start, r.finish)
            word = "weeks" if "\u2013" in span else "week"  # a stage of milestones: 'week 4', not 'weeks 4'
            weeks = f" ({word} {span})" if ctx.plan.start_date is not None else ""
            # (without dates the span is already in weeks: 'wk 0-21.09 (weeks 0-21.09)' said it twice)
            parts.append(
                f"<b>Overlapping stages:</b> its work runs {esc(span_text(ctx, r.start, r.finish))}{weeks}."
            )
        if not ctx.empty:
            parts.append(
                f"<b>Strict gates:</b> its gate is {esc(ctx.when(r.gate))}, when every decision of this and the "
                f"earlier stages is done."
            )
        crit = (
            f"{r.criteria_met} of {units.count(r.criteria_total, 'gate criterion', 'gate criteria')} met"
            if r.criteria_total
            else "no gate criteria set"
        )
        done = (
            f"{esc(units.format_share(r.done_share))} of its work done"
            if r.done_share is not None
            else "no work yet"
        )
        parts.append(f"<b>Readiness:</b> {crit}" + ("." if ctx.empty else f"; {done}."))
        block.append(ctx.p(" ".join(parts), markup=True))
        if stage.gate_criteria:
            items = [
                (
                    f"<font color='#009E73'>\u2611</font> {esc(ellipsize(c.text, 200))}"
                    if c.met
                    else f"<font color='{GATE_HEX}'>\u2610</font> {esc(ellipsize(c.text, 200))}"
                )
                for c in stage.gate_criteria
            ]
            block.append(ctx.p("<b>Gate criteria:</b> " + "   ".join(items), "small", markup=True))
        idx = sorted(by_stage.get(k, []), key=lambda i: (sched.es[i], sched.ef[i], i))
        # In words, not tables: the critical decisions are listed in order under "Critical path" and every
        # decision in the appendix; here what a reader of a stage must not miss.
        lines: list[str] = []
        miles = [i for i in idx if plan.decisions[i].milestone]
        if miles:
            lines.append("<b>Milestones:</b> " + _names(ctx, miles, dates=True))
        blocked = [i for i in idx if str(plan.decisions[i].status) == "blocked"]
        if blocked:
            lines.append("<b>Blocked:</b> " + _names(ctx, blocked))
        by_target: dict[str, list[int]] = {}
        for i in idx:
            if plan.decisions[i].id in moves:
                by_target.setdefault(moves[plan.decisions[i].id][1], []).append(i)
        for to, ids in by_target.items():
            lines.append(
                f"<b>Under strict gates {len(ids)} run in {esc(ctx.stage_name(to))}</b>, behind a "
                f"dependency that runs backwards between stages: " + _names(ctx, ids)
            )
        n_crit = sum(1 for i in idx if sched.critical[i])
        listed = " (listed under Critical path)" if n_crit else ""
        if len(idx) == 1:  # not '1 decision, 1 of them critical ...; every one is in the appendix'
            crit = "critical" if n_crit else "not critical"
            lines.append(f"1 decision, {crit}{listed}; it is in the appendix.")
        else:
            crit = f"{n_crit} of them critical" if n_crit else "none of them critical"
            lines.append(
                f"{units.count(len(idx), 'decision')}, {crit}{listed}; every one is in the appendix."
                if idx
                else ""
            )
        # The stage's lines stay with its heading and text: its milestones and count stood alone at the top of a
        # page, under the next section's heading.
        block += [
            ctx.p(line + ("" if line.endswith(".") else "."), "small", markup=True) for line in lines if line
        ]
        if k == 0:  # the heading and its words with the first stage, not alone at a page's foot (ReportLab's
            # keepWithNext does not reach into a KeepTogether)
            out.insert(0, CondPageBreak(flow_height([*out, *block], ctx.geometry.frame_width) + 1.0))
        out.append(KeepTogether(block))
    return out


# -- the critical path ----------------------------------------------------------------------------------------
def build_critical(ctx: ReportContext) -> list[Flowable]:
    plan, sched = ctx.plan, ctx.schedule
    path = sched.critical_path
    if not path:  # no decisions: the summary says there is nothing to schedule
        return []
    out: list[Flowable] = [ctx.heading("Critical path")]
    first, last = sched.index[path[0]], sched.index[path[-1]]
    opening = (
        f"The critical path is the longest chain of dependent work in the plan. It runs through "
        f"{units.count(len(path), 'decision')}, from {esc(ctx.when(sched.es[first]))} to "
        f"{esc(ctx.when(sched.ef[last]))}, and sets the finish"
    )
    if all(float(sched.duration[sched.index[d]]) <= sched.tolerance for d in path):
        # A path of milestones (or 0-week estimates) loses no week on a decision: its weeks are its links' lags
        # and start constraints ('a week lost on any of them is a week lost on the plan' was not true of it).
        what = "milestones" if all(plan.decisions[sched.index[d]].milestone for d in path) else "decisions"
        text = f"{opening}. Its {what} take no time: " + (
            "the weeks between them are the lags and start constraints of their links, so a week added to "
            "any of these is a week lost on the plan, and a week taken off one brings the finish forward, "
            "until another chain becomes the longest."
            if sched.finish > sched.tolerance
            else "nothing holds them apart, and the plan finishes where it starts."
        )
    else:
        text = (
            f"{opening}: none of these decisions has float, so a week lost on any of them is a week lost on the plan, "
            f"and a week won on the path (by shortening, overlapping or removing a dependency) brings the finish "
            f"forward, until another chain becomes the longest."
        )
    out.append(ctx.p(text, markup=True))
    for note in sched.notes:
        out.append(ctx.p(note, "small"))
    out.extend(_critical_chart(ctx))
    out.append(Paragraph("The path in order, and why each decision starts when it does", ctx.styles["h3"]))
    rows = []
    step = {did: k for k, did in enumerate(path, 1)}
    # A long path: its start and its end, with the steps between counted (a table of 300 steps over ten pages
    # is not read; the appendix marks every critical decision, `planner analyze` lists the whole path).
    listed = list(enumerate(path, 1))
    skipped = None
    if len(path) > PATH_HEAD + PATH_TAIL + 1:
        skipped = (PATH_HEAD + 1, len(path) - PATH_TAIL)
        listed = listed[:PATH_HEAD] + listed[-PATH_TAIL:]
    # The dates on one line, the column as wide as the widest (taken from the titles): on a portrait page
    # '18 Dec 2028 – 1 Jan 2029' ran into 'it starts when #34 finishes' beside it.
    spans = [span_text(ctx, sched.es[sched.index[did]], sched.ef[sched.index[did]]) for _, did in listed]
    if skipped is not None:
        a, b = sched.index[path[skipped[0] - 1]], sched.index[path[skipped[1] - 1]]
        spans.append(span_text(ctx, sched.es[a], sched.ef[b]))
    widths = [0.35, 4.2, 1.9, 3.4]
    unit = ctx.geometry.frame_width / sum(widths)
    extra = max(stringWidth(t, REGULAR, 8) + 8.5 for t in spans) / unit - widths[2]
    if extra > 0:
        widths[1] -= extra
        widths[2] += extra
    cols = ctx.columns(widths, header=["#", "Decision", "When", "Why it starts then"])
    for k, did in listed:
        if skipped is not None and k == skipped[1] + 1:
            a, b = sched.index[path[skipped[0] - 1]], sched.index[path[skipped[1] - 1]]
            rows.append(
                [
                    "",
                    ctx.cell(
                        f"<i>#{skipped[0]}–#{skipped[1]}: {skipped[1] - skipped[0] + 1} more decisions on the "
                        f"path</i>",
                        markup=True,
                    ),
                    span_text(ctx, sched.es[a], sched.ef[b]),
                    ctx.cell("all critical; planner analyze lists each", "cell_muted"),
                ]
            )
        i = sched.index[did]
        title = ("\u25c6 " if plan.decisions[i].milestone else "") + plan.decisions[i].title
        rows.append(
            [
                str(k),
                ctx.fit(fit_width(title, REGULAR, 8, cols[1] - 9), cols[1]),
                span_text(ctx, sched.es[i], sched.ef[i]),
                ctx.fit(_why_short(ctx, did, step), cols[3], "cell_muted"),
            ]
        )
    head = ["#", "Decision", "When", "Why it starts then"]
    out.extend(chunked_tables(ctx, head, rows, widths, right=(0,)))
    on_path = set(path)
    others = [i for i in range(len(sched.ids)) if sched.critical[i] and sched.ids[i] not in on_path]
    if others:
        shown = sorted(others, key=lambda i: (sched.es[i], i))
        names = "; ".join(
            f"{ellipsize(plan.decisions[i].title, 60)} ({span_text(ctx, sched.es[i], sched.ef[i])})"
            for i in shown[:12]
        )
        more = f"; and {len(shown) - 12} more (marked critical in the appendix)" if len(shown) > 12 else ""
        out.append(
            ctx.p(
                f"<b>{units.count(len(others), 'other decision')} {units.agree(len(others), 'is', 'are')} "
                f"critical too</b>, on chains as long as the path above, so "
                f"{units.agree(len(others), 'it delays', 'they delay')} "
                f"the finish just as much if {units.agree(len(others), 'it slips', 'they slip')}: "
                f"{esc(names)}{esc(more)}.",
                "small",
                markup=True,
            )
        )
    return out


def _why_short(ctx: ReportContext, did: str, step: dict[str, int]) -> str:
    """Why a decision of the path starts when it does, in a table cell's words: ``when #3 finishes (FS)``,
    ``2 weeks after “X” starts (SS)``, ``not before week 4``, ``at the plan start`` (from the same explanation the
    app shows, :func:`planner.analysis.explain`)."""
    e = ctx.analysis.explain(did)
    if e.driver_kind == "not_before":
        i = ctx.schedule.index[did]
        return f"it may not start before {ctx.when(float(ctx.schedule.graph.not_before[i]))}"
    if e.driver_kind == "status_date":  # work not done waits for the status date ("today")
        return "at the status date: work not done waits for it"
    if e.driver_kind == "actual_start":
        return "its remaining work starts at its actual start"
    if e.driver_kind == "done":
        return "done: it sits where it finished"
    if e.driver_kind != "dependency" or e.driver is None:
        return "at the plan start: nothing holds it back"
    s = ctx.schedule
    g = s.graph
    u, v = s.index[e.driver], s.index[did]
    edges = np.flatnonzero((g.src == u) & (g.dst == v) & s.driving).tolist()
    kind, lag = ("FS", 0.0)
    if edges:
        from planner.analysis.graph import TYPE_NAMES

        kind, lag = TYPE_NAMES[int(g.kind[edges[0]])], float(g.lag[edges[0]])
    who = f"#{step[e.driver]}" if e.driver in step else f"\u201c{ellipsize(ctx.title_of(e.driver), 40)}\u201d"
    event = "starts" if kind in ("SS", "SF") else "finishes"
    verb = "it starts" if kind in ("FS", "SS") else "it finishes"
    when = (
        "when"
        if abs(lag) < 1e-9
        else f"{units.plural_weeks(lag)} after"
        if lag > 0
        else f"{units.plural_weeks(-lag)} before"
    )
    return f"{verb} {when} {who} {event} ({kind})"


CHAIN_PAGES = 3  # a path whose chain of chips needs more pages than this is listed in the table only


def _critical_chart(ctx: ReportContext) -> list[Flowable]:
    """The critical-path chart under the text, every chip at 7 pt or more, wrapped onto rows; a chain taller than a
    page flows over pages like a table (the rows that fit under the text, the rest in figures on the next pages,
    "steps k–m of N");
    a path that needs more than :data:`CHAIN_PAGES` pages of chips is left to the table below. The chain is not
    drawn to scale under the chips: the Gantt chart has it (the strip took a page more of the fraud sample)."""
    from planner.charts.critical_path import (
        critical_path_height,
        critical_path_pages,
        critical_path_per_row,
        critical_path_steps_fitting,
        draw_critical_path,
    )
    from planner.report.vector import FlowingChart

    g = ctx.geometry
    w_in, frame_in = g.frame_width / 72, g.frame_height / 72
    n = len(ctx.schedule.critical_path)
    # (pages counted with the strip under the chips: a margin)
    if len(critical_path_pages(ctx.analysis, w_in, frame_in)) > CHAIN_PAGES:
        return [
            ctx.p(
                f"The path's {n} decisions do not fit on {CHAIN_PAGES} pages as a chain at a readable size: the "
                "table lists them in order, and the Gantt chart shows them to scale.",
                "small",
            )
        ]

    def make(start: int, stop: int, height: float) -> Flowable:
        steps = (start, stop)

        def draw(fig: Figure) -> None:
            draw_critical_path(fig, ctx.analysis, steps=steps, to_scale=False)

        return ctx.chart(draw, height, name="critical path", min_height=height)

    def fit(start: int, avail: float) -> int:
        return critical_path_steps_fitting(
            ctx.analysis, w_in, min(avail, g.frame_height) / 72, start, to_scale=False
        )

    def height(start: int, stop: int) -> float:
        return 72 * critical_path_height(ctx.analysis, w_in, (start, stop), to_scale=False)

    return [FlowingChart(make, n, fit, height, g.frame_width, g.frame_height, critical_path_per_row(w_in))]


# -- findings ---------------------------------------------------------------------------------------------------
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
FINDINGS_LISTED = 5  # findings of one kind spelled out; the rest are counted


def build_findings(ctx: ReportContext) -> list[Flowable]:
    out: list[Flowable] = [ctx.heading("Findings")]
    findings = ctx.analysis.all_findings
    if ctx.empty and all(str(f.severity) == "info" for f in findings):
        return []  # a plan without decisions: only "stage X has no decisions", which the summary already says
    if not findings:
        out.append(ctx.p("Validation found nothing to report: the plan is consistent."))
        return out
    counts = {k: sum(1 for f in findings if str(f.severity) == k) for k in _SEVERITY_TITLES}
    parts = [units.count(counts["warning"], "warning"), units.count(counts["info"], "note")]
    out.append(
        ctx.p(
            f"Validation reports {' and '.join(parts)}. Warnings deserve a decision; notes are for "
            f"completeness. Each kind of finding is listed once with its count; up to "
            f"{FINDINGS_LISTED} of each kind are spelled out.",
            "small",
        )
    )
    for sev, title in _SEVERITY_TITLES.items():
        group = [f for f in findings if str(f.severity) == sev]
        if not group:
            continue
        out.append(Paragraph(f"{title} ({len(group)})", ctx.styles["h3"]))
        by_code: dict[str, list[Any]] = {}
        for f in group:
            by_code.setdefault(f.code, []).append(f)
        # A row per finding, its kind beside the first (and beside the first on a page it goes on to), so that a
        # kind splits between its findings: one row of five long findings, as tall as a third of a page, moved the
        # section on whole and left the page before it a quarter used.
        rows: list[list[Any]] = []
        groups: list[tuple[int, Any]] = []
        for code, items in by_code.items():
            shown = items[:FINDINGS_LISTED]
            texts = [esc(ellipsize(f.message, 600)) for f in shown]
            if len(items) > len(shown):
                texts[-1] += f"<br/><i>and {len(items) - len(shown)} more of this kind</i>"
            kind = f"{code} ({len(items)})"
            rows += [
                [ctx.cell(kind, "cell_bold") if k == 0 else "", ctx.cell(text, markup=True)]
                for k, text in enumerate(texts)
            ]
            groups.append((len(texts), ctx.cell(f"{kind}, continued", "cell_muted")))
        out.append(ctx.table(["Kind", "Finding"], rows, [1.6, 7.0], groups=groups))
    return out


# -- appendix -------------------------------------------------------------------------------------------------
APPENDIX_ALL = 400  # decisions listed one by one in the appendix; bigger plans get a summary and the key ones
APPENDIX_KEY = 300  # at most this many key decisions listed for a bigger plan


def _stage_area_counts(ctx: ReportContext) -> Flowable:
    """Decisions per stage (rows) and area (columns), critical ones in brackets."""
    plan, sched = ctx.plan, ctx.schedule
    areas = [a.id for a in plan.areas]
    counts: dict[tuple[str, str], list[int]] = {}
    for i, d in enumerate(plan.decisions):
        c = counts.setdefault((d.stage, d.area or ""), [0, 0])
        c[0] += 1
        c[1] += int(bool(sched.critical[i]))
    used = [a for a in areas if any((s.id, a) in counts for s in plan.stages)]
    if any(k[1] not in areas for k in counts):
        used.append("")

    def cell(stage: str, area: str) -> str:
        n, c = counts.get((stage, area), (0, 0))
        return "" if not n else (f"{n} ({c})" if c else str(n))

    head = ["Stage", *[ctx.cell(ctx.area_name(a) if a else "no area", "head_right") for a in used]]
    rows = [[ctx.cell(s.name, "cell_bold"), *[cell(s.id, a) for a in used]] for s in plan.stages]
    return ctx.table(head, rows, [1.6] + [1.0] * len(used), right=tuple(range(1, len(used) + 1)))


_STATUS = {"not_started": "not started", "in_progress": "in progress", "done": "done", "blocked": "blocked"}


def _short_status(d: Any) -> str:
    """A status that fits a narrow column: ``done``, ``40% done``, ``blocked`` or nothing (not started)."""
    status = str(d.status)
    if status == "not_started":
        return ""
    if status == "in_progress":
        return f"{done_share(d.progress)} done" if d.progress else "started"
    return _STATUS.get(status, status)


def key_decisions(ctx: ReportContext, order: list[int] | None = None, limit: int = APPENDIX_KEY) -> list[int]:
    """The decisions of a big plan that a report shows (indexes, in ``order``: by stage and start when None):
    the critical path, milestones, work under way or blocked, then other critical decisions, at most ``limit``
    (the Gantt and the appendix show the same ones)."""
    plan, sched = ctx.plan, ctx.schedule
    if order is None:
        stage_pos = plan.stage_index()
        order = sorted(
            range(len(plan.decisions)),
            key=lambda i: (stage_pos.get(plan.decisions[i].stage, len(stage_pos)), sched.es[i], i),
        )
    # Chosen by rank, then shown in ``order``: the path first (its start and its end, the decision that sets the
    # finish, when it alone is longer than ``limit``), then milestones and work under way or blocked, then the
    # other critical decisions.
    path = [sched.index[did] for did in sched.critical_path]
    if len(path) > limit:
        head = limit // 2
        path = path[:head] + path[len(path) - (limit - head) :]
    key = list(path)
    chosen = set(key)
    for tier in (
        [
            i
            for i in order
            if plan.decisions[i].milestone or str(plan.decisions[i].status) in ("in_progress", "blocked")
        ],
        [i for i in order if sched.critical[i]],
    ):
        for i in tier:
            if len(key) >= limit:
                break
            if i not in chosen:
                key.append(i)
                chosen.add(i)
    position = {i: k for k, i in enumerate(order)}
    return sorted(key, key=position.__getitem__)


def _when_done(ctx: ReportContext, i: int, spans: tuple[Any, Any]) -> str | None:
    """When a done decision ran, as the Gantt draws it (:func:`planner.charts.status.done_spans`, ``spans``: its
    result for the whole plan); None when it is not done or has no span. The schedule of the remaining work puts
    done work at its finish, with no duration, so its span there would read as a single day."""
    from planner.model.plan import Status

    if ctx.plan.decisions[i].status is not Status.DONE or i >= len(spans[0]):
        return None
    start, finish = float(spans[0][i]), float(spans[1][i])
    if math.isnan(start) or math.isnan(finish):
        return None
    return span_text(ctx, start, finish)


def build_appendix(ctx: ReportContext) -> list[Flowable]:
    plan, sched = ctx.plan, ctx.schedule
    if not plan.decisions:  # nothing to list (the summary says the plan has no decisions)
        return []
    out: list[Flowable] = [ctx.heading("Appendix: every decision", key="appendix")]
    out.append(
        ctx.p(
            "By stage, in the order they start. Weeks: optimistic/likely/pessimistic duration (one figure when "
            "all three are equal); float: total float in weeks (none for done work); status: empty until work starts; \u25c6 milestone.",
            "small",
        )
    )
    from planner.analysis.progress import shown_float
    from planner.charts.status import done_spans
    from planner.model.plan import duration_triple

    spans = done_spans(ctx.analysis)  # done work's spans, as the Gantt draws them
    widths = [4.4, 1.2, 1.3, 1.0, 1.95, 0.7, 0.9, 0.85]
    head = ["Decision", "Stage", "Owner", "Weeks", "When", "Float", "Status", "Critical"]
    cols = ctx.columns(widths, header=head)
    rows = []
    stage_pos = plan.stage_index()
    order = sorted(
        range(len(plan.decisions)),
        key=lambda i: (stage_pos.get(plan.decisions[i].stage, len(stage_pos)), sched.es[i], i),
    )
    if len(order) > APPENDIX_ALL:
        # A big plan: the decisions a reader of a report looks up (critical, milestones, started or blocked work),
        # and how many there are per stage and area; the plan file and its spreadsheet export hold every one.
        keep = key_decisions(ctx, order)
        out.append(
            ctx.p(
                f"The plan has {units.count(len(order), 'decision')}: too many to list usefully here. The table "
                f"counts them by stage and area (critical ones in brackets); the list below holds "
                f"{len(keep)} key ones: the critical path, milestones, work under way or blocked, then other "
                f"critical decisions. The plan file and its spreadsheet (CSV or Excel) export list every "
                f"decision.",
                "small",
            )
        )
        out.append(_stage_area_counts(ctx))
        order = keep
    durs = []
    for i in order:
        d = plan.decisions[i]
        o, lk, pe = duration_triple(d.duration) if not d.milestone else (0.0, 0.0, 0.0)
        durs.append(fmt_weeks(lk) if o == lk == pe else f"{fmt_weeks(o)}/{fmt_weeks(lk)}/{fmt_weeks(pe)}")
    whens = [_when_done(ctx, i, spans) or span_text(ctx, sched.es[i], sched.ef[i]) for i in order]
    cols = _appendix_columns(ctx, cols, [plan.decisions[i] for i in order], durs, whens)
    for n, (i, dur, when) in enumerate(zip(order, durs, whens, strict=True)):
        d = plan.decisions[i]
        if n % 200 == 0:
            ctx.check("Writing the appendix")
        status = _short_status(d)
        title = ("\u25c6 " if d.milestone else "") + d.title
        crit = "critical" if sched.critical[i] else ""
        rows.append(
            [
                ctx.fit(
                    title, cols[0], "cell_dense"
                ),  # the whole title (it wraps): the appendix is where every title is found
                # Stage names on up to two lines: cut to one line of a portrait page's column, twelve stages all
                # read 'Stage…'. Owners stay on one line (two made the bank sample's rows a quarter taller).
                ctx.fit_name(ctx.stage_name(d.stage), cols[1], "cell_dense"),
                ctx.fit(fit_width(ctx.team_name(d.owner), REGULAR, 7, cols[2] - 9), cols[2], "cell_dense"),
                dur,  # a figure: one line, in a column as wide as the widest (it broke as '7.5/7.5/7. 5')
                when,
                "\u2013"
                if (tf := shown_float(d.status, sched.total_float[i])) is None
                else fmt_weeks(tf),  # done: nothing to slip
                ctx.fit(status, cols[6], "cell_dense"),
                crit,
            ]
        )
    # Tighter rows than other tables: the appendix is looked up, not read, and fits ~10 % more a page.
    dense = [
        ("TOPPADDING", (0, 1), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
        ("FONTSIZE", (0, 1), (-1, -1), 7),
        ("LEADING", (0, 1), (-1, -1), 8.2),
    ]
    out.extend(chunked_tables(ctx, head, rows, cols, dense, right=(3, 5), bold=(7,)))
    return out


def _appendix_columns(
    ctx: ReportContext, cols: list[float], decisions: list[Any], durs: list[str], whens: list[str]
) -> list[float]:
    """The appendix's column widths (points): the Weeks and When columns as wide as their widest, then the Stage and
    Owner columns as wide as their longest names, up to a fifth and a seventh of the frame, as far as the Decision
    column (whose titles wrap anyway) can give the room and keep a quarter of the frame."""
    frame = sum(cols)

    def widest(texts: Any) -> float:
        return max((stringWidth(t, REGULAR, 7) + 9.0 for t in texts), default=0.0)

    out = list(cols)
    spare = cols[0] - frame / 4
    # As ReportContext.table measures a figure column (8 pt), so that every chunk of the table gets this width.
    wants = [
        (3, max((stringWidth(t, REGULAR, 8) + 8.5 for t in set(durs)), default=0.0)),
        (4, widest(set(whens)) + 3.0),  # '20 Dec 2027 – 17 Jan 2028' ran into the Float column
        (1, min(frame / 5, widest({ctx.stage_name(d.stage) for d in decisions}))),
        (2, min(frame / 7, widest({ctx.team_name(d.owner) for d in decisions}))),
    ]
    for k, want in wants:
        more = max(0.0, min(want - cols[k], spare))
        out[k] += more
        out[0] -= more
        spare -= more
    return out


SECTIONS = [
    Section(
        "stages-detail",
        "Stages in detail",
        build_stages,
        60,
        description="per stage: goal, gate criteria, readiness and its decisions",
        weight=1.0,
    ),
    Section(
        "critical-path",
        "Critical path",
        build_critical,
        70,
        description="the chain that sets the finish, with why each step starts when it does",
        weight=0.5,
        wide=True,
    ),
    Section(
        "findings",
        "Findings",
        build_findings,
        80,
        description="validation warnings and notes",
        weight=0.3,
        new_page=False,
        wide=True,
    ),
    Section(
        "appendix",
        "Appendix: every decision",
        build_appendix,
        90,
        description="one row per decision with all its figures",
        weight=1.0,
        wide=True,
    ),
]
