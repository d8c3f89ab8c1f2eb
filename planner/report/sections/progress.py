"""The "Progress since baseline" section (issue 16): where the plan stands at its status date -- what is done, what
is in progress, what slipped against the latest baseline and which decisions are late -- and the forecast finish.

Only in reports of plans that record progress (decisions done or in progress, actual dates) against a status date
or a baseline; otherwise it leaves no trace. Without a baseline it says what is done and forecast, and how to get
the comparison.
Compact on purpose: the tables name at most :data:`ROWS` decisions each (the "Baseline variance" section and the
appendix list every one).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Paragraph

from planner.model import units
from planner.report.context import ReportContext, done_share, esc
from planner.report.sections import Section
from planner.report.sections.risk import on, weeks_text

if TYPE_CHECKING:
    from planner.analysis.baselines import Variance
    from planner.analysis.progress import ProgressState

ROWS = 12
"""Decisions named in one table of this section at most."""

LATE = 8
"""Late decisions named at most."""


def _slip(x: float | None) -> str:
    if x is None:
        return "-"
    if abs(x) < 0.005:
        return "0"
    return f"+{weeks_text(x)}" if x > 0 else f"\u2212{weeks_text(-x)}"


def _decision_cell(ctx: ReportContext, did: str, note: str = "") -> Any:
    grey = esc(did) + (" \u00b7 " + esc(note) if note else "")
    return ctx.cell(
        f"{esc(ctx.title_of(did))}<br/><font size='7' color='#5C5C5C'>{grey}</font>",
        markup=True,
    )


def _more(ctx: ReportContext, shown: int, total: int, where: str) -> list[Flowable]:
    if total <= shown:
        return []
    return [ctx.p(f"{total - shown} more {where}.", "small")]


def build_progress(ctx: ReportContext) -> list[Flowable]:
    from planner.analysis.baselines import find_baseline, stage_variance, variance
    from planner.analysis.progress import progress_state

    plan = ctx.plan
    state = progress_state(plan)
    base = find_baseline(plan)
    if not state.active or (state.status_week is None and base is None):
        return []  # statuses alone, with neither a date nor a baseline to measure them against: nothing to say
    v = variance(ctx.schedule, base, plan) if base is not None else None
    # Without a baseline there is nothing the progress is "since": the section says where the plan stands.
    title = "Progress since baseline" if base is not None else "Progress at the status date"
    out: list[Flowable] = [ctx.heading(title, key="progress")]
    out.append(ctx.p(_summary(ctx, state, v), markup=True))
    out.extend(_finished(ctx, state, v))
    if v is not None:
        out.extend(_slipped(ctx, state, v))
        gates = (
            [g for g in stage_variance(plan, ctx.stages, base) if g.baseline_gate is not None]
            if base is not None
            else []
        )
        if gates:
            out.append(Paragraph("Stage gates against the baseline", ctx.styles["h3"]))
            rows = [
                [
                    ctx.cell(ctx.stage_name(g.id), "cell_bold"),
                    ctx.when_text(g.baseline_gate),
                    ctx.when_text(g.gate),
                    _slip(g.shown_gate_slip),
                ]
                for g in gates
            ]
            out.append(
                ctx.table(
                    ["Stage", "Baseline gate", "Forecast gate", "Slip"],
                    rows,
                    [3.0, 1.3, 1.3, 1.2],
                    right=(3,),
                    bold=(3,),
                )
            )
    out.extend(_late(ctx))
    return out


def _summary(ctx: ReportContext, state: ProgressState, v: Variance | None) -> str:
    from planner.analysis.progress import done_weeks

    plan, sched = ctx.plan, ctx.schedule
    done = sum(1 for p in state.decisions if p.state == "done")
    doing = sum(1 for p in state.decisions if p.state == "in_progress")
    # exact sums (math.fsum), as the stages' readiness sums them: the share does not depend on the file's order
    total = math.fsum(d.weeks(ctx.analysis.estimate) for d in plan.decisions)
    left = total - math.fsum(
        done_weeks(plan, ctx.analysis.estimate).tolist()
    )  # the work done, as the cost counts it
    share = (total - left) / total if total > 0 else 0.0
    when = (
        f"Progress is recorded up to the status date, <b>{esc(ctx.status_said(state.status_week))}</b>; work not "
        "done is scheduled from it."
        if state.status_week is not None
        else "The plan has no status date: progress is recorded, but work not done is scheduled only after "
        "what it depends on."
    )
    # Nothing done is none of the work: 'less than a day of 16 weeks' said some was done (nothing started).
    done_text = "none" if total - left <= 0.0 else weeks_text(total - left)
    counts = (
        # "1 of 6 decisions is done", "5 of 6 decisions are done", "1 of 1 decision is done"
        f"{done} of {units.count(len(plan.decisions), 'decision')} "
        f"{units.agree(done, 'is', 'are')} done and {doing} in "
        f"progress: {esc(units.format_share(share))} of the planned work ({done_text} of {weeks_text(total)})."
    )
    if v is None:
        forecast = (
            f"The forecast finish is <b>{esc(on(ctx, sched.finish))}</b>. The plan has no baseline to compare "
            "with: save one to see what slipped."
        )
    else:
        slip = v.shown_finish_slip
        move = (
            f"<b>{weeks_text(slip)} later</b> than"
            if slip > 0
            else f"<b>{weeks_text(-slip)} earlier</b> than"
            if slip < 0
            else "the same as"
        )
        forecast = (
            f"The forecast finish is <b>{esc(on(ctx, v.finish))}</b>, {move} the baseline "
            f"\u201c{esc(v.baseline)}\u201d ({esc(on(ctx, v.baseline_finish))})."
        )
    return " ".join([when, counts, forecast])


def _finished(ctx: ReportContext, state: ProgressState, v: Variance | None) -> list[Flowable]:
    """Done decisions, the most recently finished first, with their slip against the baseline."""
    done = [p for p in state.decisions if p.state == "done"]
    if not done:
        return [ctx.p("No decision is done yet.")]
    base = {d.id: d for d in v.decisions} if v is not None else {}
    done.sort(key=lambda p: (-p.floor, p.id))
    rows = []
    for p in done[:ROWS]:
        how = {"actual-finish": "", "status-date": "at the status date (no actual finish)"}.get(
            p.floor_reason or "", "no actual dates"
        )
        b = base.get(p.id)
        b_finish = b.baseline_finish if b is not None else None
        row = [_decision_cell(ctx, p.id, how), ctx.when_text(p.floor)]
        if v is not None:  # without a baseline, two columns of dashes would say nothing
            row += [ctx.when_text(b_finish), _slip(None if b_finish is None else p.floor - b_finish)]
        rows.append(row)
    out: list[Flowable] = [Paragraph(f"Finished ({len(done)})", ctx.styles["h3"])]
    if v is not None:
        table = ctx.table(
            ["Decision", "Finished", "Baseline finish", "Slip"], rows, [3.6, 1.1, 1.1, 1.0], right=(3,)
        )
    else:
        table = ctx.table(["Decision", "Finished"], rows, [3.6, 1.1])
    out.append(table)
    # 'earlier' only when it is true: twenty decisions done with no actual finish all finish at the status date,
    # and '8 more finished earlier' said of them was false.
    earlier = len(done) > ROWS and all(p.floor < done[ROWS - 1].floor for p in done[ROWS:])
    out.extend(_more(ctx, ROWS, len(done), f"{'finished earlier' if earlier else 'done'} (see the appendix)"))
    return out


def _slipped(ctx: ReportContext, state: ProgressState, v: Variance) -> list[Flowable]:
    """Work not done whose forecast finish is later than the baseline's, most slipped first."""
    by_id = {p.id: p for p in state.decisions}
    progress = {d.id: d.progress for d in ctx.plan.decisions}
    late = [d for d in v.slipped() if (p := by_id.get(d.id)) is not None and p.state != "done"]
    if not late:
        return [ctx.p("Nothing that is still to do forecasts a later finish than in the baseline.")]
    rows = []
    for d in late[:ROWS]:
        p = by_id[d.id]
        note = (
            f"in progress, {done_share(progress.get(d.id, 0))} done"
            if p.state == "in_progress"
            else "not started"
        )
        rows.append(
            [
                _decision_cell(ctx, d.id, note),
                ctx.when_text(d.baseline_finish),
                ctx.when_text(d.finish),
                _slip(d.shown_finish_slip),
            ]
        )
    out: list[Flowable] = [Paragraph(f"Slipped ({len(late)})", ctx.styles["h3"])]
    out.append(
        ctx.table(
            ["Decision", "Baseline finish", "Forecast finish", "Slip"],
            rows,
            [3.6, 1.1, 1.1, 1.0],
            right=(3,),
            bold=(3,),
        )
    )
    out.extend(_more(ctx, ROWS, len(late), "slipped less (see Baseline variance)"))
    return out


def _late(ctx: ReportContext) -> list[Flowable]:
    """The core's late findings at the status date: should have started or finished, and has not."""
    late = [f for f in ctx.analysis.findings if f.code in ("late-start", "late-finish")]
    if not late:
        return []
    out: list[Flowable] = [Paragraph(f"Late at the status date ({len(late)})", ctx.styles["h3"])]
    out.extend(ctx.bullets([f.message for f in late[:LATE]], style="bullet"))
    out.extend(_more(ctx, LATE, len(late), "late (see Findings)"))
    return out


SECTIONS = [
    Section(
        "progress",
        "Progress since baseline",
        build_progress,
        16,
        description="at the status date: what is done, what slipped against the baseline, the forecast finish",
        weight=0.3,
        new_page=False,  # short: it follows the summary when a fifth of the page is left
    ),
]
