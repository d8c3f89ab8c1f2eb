"""The cover (title and key figures) and the executive summary (written in sentences)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from planner.analysis import board
from planner.analysis.cost import format_money, target_margin, target_week
from planner.charts.style import cut_at_word
from planner.model import units
from planner.model.plan import Status
from planner.report.context import (
    QUOTED_CHARS,
    ReportContext,
    ellipsize,
    esc,
    few_runs_note,
    fits_one_page,
    flow_height,
    fmt_date,
    fmt_weeks,
)
from planner.report.fonts import REGULAR
from planner.report.sections import Section
from planner.report.style import ACCENT, TILE_BG


def p_dates(simulation: Any) -> dict[int, float]:
    """Finish percentiles {50: weeks, 80: weeks} of a Monte Carlo result, or {} without one (one source for the
    cover, the summary, the key dates and the risk section: :func:`planner.analysis.board.finish_percentiles`)."""
    return board.finish_percentiles(simulation)


def compared_with_p_dates(ctx: ReportContext) -> bool:
    """The report has a scenario comparison that simulated each scenario (its P50 and P80)."""
    comp = getattr(ctx.analysis, "comparison", None)
    return (
        comp is not None
        and len(getattr(comp, "items", ())) >= 2
        and bool(getattr(comp, "iterations", 0))
        and any(s.name == "comparison" for s in ctx.sections)
    )


DONE_RISKS = "None left: every decision is done, so no risk of the register can delay the plan."


def all_done(plan: Any, decisions: Sequence[Any] | None = None) -> bool:
    """Every decision of ``plan`` (or of ``decisions``, some of its decisions) is done, and it has some: the
    finish is a fact, not a forecast."""
    chosen = plan.decisions if decisions is None else decisions
    return bool(chosen) and all(d.status == Status.DONE for d in chosen)


def _tile(ctx: ReportContext, value: str, detail: str | None, label: str) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [
        Paragraph(esc(label), s["figure_label"]),
        Spacer(1, 3),
        Paragraph(esc(value), s["figure"]),
    ]
    out.append(Paragraph(esc(detail) if detail else "&nbsp;", s["figure_note"]))
    return out


def _date_or_week(ctx: ReportContext, week: float) -> tuple[str, str]:
    """(``13 Sep 2027``, ``week 32``) with a start date, else (``week 32``, "")."""
    d = ctx.date(week)
    return (d, f"week {fmt_weeks(week)}") if d else (f"week {fmt_weeks(week)}", "")


def _empty_finish(ctx: ReportContext) -> tuple[str, str]:
    """The finish tile of a plan without decisions: week 0, the start (``4 Jan 2027``, ``week 0 · no decisions
    yet``)."""
    value, detail = _date_or_week(ctx, 0.0)
    return value, (detail + " \u00b7 " if detail else "") + "the plan has no decisions yet"


def _cost(ctx: ReportContext) -> Any:
    from planner.analysis.cost import cost_summary

    try:
        return cost_summary(ctx.plan, ctx.analysis, ctx.simulation)
    except (AttributeError, TypeError, ValueError):  # a plan without cost fields (older model) has no cost
        return None


def _cover_description(ctx: ReportContext, text: str, lines: int) -> str:
    """The plan's description on the cover: whole when it takes up to ``lines`` lines of the page's width, else
    cut after the last word that fits them, with an ellipsis. A count of 220 characters cut the bank sample's
    (297 characters, under three lines of a landscape cover) mid-word, 'the EU AI Act transparenc…', and left out
    its point, 'Governance and compliance work is on the critical path.'"""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = ctx.styles["subtitle"]
    text = ellipsize(text, 2000)  # linear time for any length; no cover holds more
    width = ctx.geometry.frame_width

    def fits(t: str) -> bool:  # as lines broken between words, and (text without spaces: CJK) as its width
        font, size = style.fontName, style.fontSize
        return (
            len(simpleSplit(t, font, size, width)) <= lines
            and stringWidth(t, font, size) <= 0.95 * lines * width
        )

    if fits(text):
        return text
    words = text.split(" ")
    lo, hi = 0, len(words)  # the most words that fit with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(" ".join(words[:mid]) + "\u2026"):
            lo = mid
        else:
            hi = mid - 1
    if lo:
        return " ".join(words[:lo]).rstrip(",;:") + "\u2026"
    lo, hi = 1, len(text)  # one word longer than the lines (no spaces): the most characters that fit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "\u2026", style.fontName, style.fontSize) <= 0.9 * lines * width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "\u2026"


def build_cover(ctx: ReportContext) -> list[Flowable]:
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    s = ctx.styles
    g = ctx.geometry
    landscape = g.width > g.height
    out: list[Flowable] = [Spacer(1, (0.03 if landscape else 0.06) * g.frame_height)]
    out.append(Paragraph("<font color='#0072B2'><b>SCALING ROADMAP REPORT</b></font>", s["figure_label"]))
    out.append(Spacer(1, 8))
    # Long titles are shortened in linear time (never one character per measurement).
    out.append(
        ctx.heading(ellipsize(plan.title, 100 if landscape else 140), 0, key="cover", style_name="title")
    )
    if plan.description:
        out.append(ctx.p(_cover_description(ctx, plan.description, 3 if landscape else 5), "subtitle"))
    facts = [
        units.count(len(plan.decisions), "decision")
        + (
            " (all done)"
            if all_done(plan)
            else f" ({int(sched.critical.sum())} critical)"
            if plan.decisions
            else ""
        ),
        units.count(len(plan.dependencies), "dependency", "dependencies"),
        units.count(len(plan.stages), "stage"),
    ]
    if plan.start_date:
        facts.insert(0, f"starts {ctx.date(0)}")
    from planner.analysis.progress import status_week

    status = status_week(plan)
    if status is not None:  # progress is recorded up to it and the schedule runs from it (issue 16)
        facts.insert(1 if plan.start_date else 0, f"status date {ctx.status_said(status)}")
    facts.append(f"{ctx.analysis.estimate} estimates")
    out.append(ctx.p(" \u00b7 ".join(facts), "small"))
    out.append(Spacer(1, 14 if landscape else 22))

    # Key figures, as tiles: three across, two rows. Dates first, weeks beside them (SPEC §3.3a).
    pd = p_dates(ctx.simulation)
    if ctx.empty:  # no schedule: no finish, P80 or price to show, only what the plan holds so far
        met = sum(r.criteria_met for r in st.stages)
        total = sum(r.criteria_total for r in st.stages)
        tiles = [
            # the finish every output gives an empty plan (SPEC §3.2: 0), as analyze and the app say it
            _tile(ctx, *_empty_finish(ctx), "Finish"),
            _tile(ctx, "0", "add decisions and their dependencies", "Decisions"),
            _tile(
                ctx,
                str(len(plan.stages)),
                f"{met} of {units.count(total, 'gate criterion', 'gate criteria')} met"
                if total
                else "no gate criteria",
                "Stages",
            ),
        ]
        return _fitted_cover(ctx, out, tiles)
    price = st.gating_price
    value, detail = _date_or_week(ctx, sched.finish)
    tiles = [
        _tile(
            ctx,
            value,
            (detail + " \u00b7 " if detail else "")
            + ("every decision done" if all_done(plan) else "stages overlapping"),
            # the remaining work from the status date
            "Finished" if all_done(plan) else "Finish" if status is None else "Forecast finish",
        )
    ]
    if 80 in pd:
        value, detail = _date_or_week(ctx, pd[80])
        tiles.append(
            _tile(
                ctx,
                value,
                (detail + " \u00b7 " if detail else "")
                + f"P50 {ctx.date(pd[50]) or 'week ' + fmt_weeks(pd[50])}",
                "80% confident by (P80)",
            )
        )
    else:
        tiles.append(
            _tile(
                ctx,
                "Not simulated",
                "each scenario's P80 is under Scenarios compared"
                if compared_with_p_dates(ctx)
                else "no confidence range in this report",
                "80% confident by (P80)",
            )
        )
    gated_value, _ = _date_or_week(ctx, st.gated_finish)
    tiles.append(
        _tile(
            ctx,
            "nothing" if price <= 1e-9 else f"+{units.plural_weeks(price)}",
            f"strict gates finish {gated_value}",
            "Price of strict gates",
        )
    )
    n_crit = int(sched.critical.sum())
    # What the board is asked to look at today: how many decisions have a reason, and the first (the summary gives
    # the first three with every reason); the count of decisions then goes to the line of facts above.
    asks = board.attention(_short_titles(plan, 60), ctx.analysis, ctx.simulation, None)
    if asks:
        top = asks[0]
        why = cover_reason(top.reasons[0], 48) if top.reasons else "see the summary"
        name = f"\u201c{cut_words(top.title, 40)}\u201d"
        tiles.append(
            _tile(
                ctx,
                units.count(len(asks), "decision"),
                f"{name} {why[3:]}" if why.startswith("it ") else f"{name}: {why}",
                "Needs the board's attention",
            )
        )
    else:
        tiles.append(
            _tile(
                ctx,
                str(len(plan.decisions)),
                "every one done"
                if all_done(plan)
                else f"{n_crit} critical: {units.agree(n_crit, 'it sets', 'they set')} the finish",
                "Decisions",
            )
        )
    # Every decision done: no risk can delay the plan (its dates are facts), whatever its expected delay.
    risks = [] if all_done(plan) else board.top_risks(plan, ctx.simulation, 1)
    if all_done(plan) and plan.risks:
        tiles.append(_tile(ctx, "none left", "every decision is done: no risk can delay it", "Top risk"))
    elif risks:
        r = risks[0]
        how = "to the P80" if r.measure == "p80" else "expected delay"
        tiles.append(
            _tile(ctx, f"+{units.plural_weeks(r.weeks)}", f"{cut_words(r.title, 44)} ({how})", "Top risk")
        )
    else:
        # A register of risks that cost nothing (probability 0, no delay, off the critical path) is not an empty
        # register: 'no risk in the register' was said of a plan whose report lists one under Risk register.
        n = len(plan.risks)
        measure = "moves the P80" if getattr(ctx.simulation, "risks", None) else "has an expected delay"
        tiles.append(
            _tile(
                ctx,
                "none",
                f"{units.count(n, 'risk')} in the register; none {measure}"
                if n
                else "no risk in the register",
                "Top risk",
            )
        )
    target = target_week(plan)
    chance = board.probability_by(ctx.simulation, target)
    below: list[Flowable] = []
    if target is not None:
        # The Target date tile takes the Cost tile's place: an overrun of the budget still reaches the cover, as a
        # line under the tiles (a board reader expects it there; the summary alone was easy to miss).
        cost = _cost(ctx)
        if cost is not None and cost.breakdown.budget is not None and (cost.breakdown.headroom or 0.0) < 0:
            total = esc(format_money(cost.breakdown.total, cost.currency, compact=True))
            budget = esc(format_money(cost.breakdown.budget, cost.currency, compact=True))
            below.append(
                ctx.p(
                    f"<font color='#D55E00'><b>Cost {total}: {esc(_budget_words(cost))}</b></font> (budget {budget}).",
                    markup=True,
                )
            )
        tv, _ = _date_or_week(ctx, target)
        if chance is not None:
            tiles.append(
                _tile(
                    ctx, units.format_share(chance), f"chance of finishing by the target, {tv}", "Target date"
                )
            )
        else:
            margin = target_margin(plan, sched.finish) or 0.0
            tiles.append(_tile(ctx, tv, units.target_verdict(margin), "Target date"))
    else:
        cost = _cost(ctx)
        if cost is not None:
            tiles.append(
                _tile(
                    ctx,
                    format_money(cost.breakdown.total, cost.currency, compact=True),
                    _budget_words(cost),
                    "Cost",
                )
            )
        else:
            warnings = [f for f in ctx.analysis.all_findings if str(f.severity) == "warning"]
            tiles.append(
                _tile(
                    ctx,
                    str(len(warnings)),
                    "see Findings" if warnings else "the plan is consistent",
                    "Warnings",
                )
            )
    return _fitted_cover(ctx, out, tiles, below)


def _budget_words(cost: Any) -> str:
    """The cover's Cost tile's line: the plan's total against its budget when it has one ('over budget by EUR
    256k'), else 'total cost of the plan'."""
    b = cost.breakdown
    if b.budget is None:
        return "total cost of the plan"
    head = b.headroom or 0.0
    if head < 0:
        return f"over budget by {format_money(-head, cost.currency, compact=True)}"
    return f"{format_money(head, cost.currency, compact=True)} under the budget"


def cover_reason(reason: str, limit: int) -> str:
    """A board reason shortened for the cover's tile to at most ``limit`` characters, between words: the whole
    reason when it fits, else its headline (before its colon: 'it is blocked and on the critical path'), else the
    words that fit and an ellipsis. A cut at ``limit`` characters left 'every w…' on the cover."""
    reason = " ".join(reason.split())
    if len(reason) <= limit:
        return reason
    head = reason.split(": ", 1)[0]
    if len(head) <= limit and head.count("\u201c") == head.count("\u201d"):  # not inside a quoted name
        return head
    return cut_words(reason, limit)


def cut_words(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word with an ellipsis when it is longer (at a
    character only when no space falls in the second half of the limit: a long word, or a script without
    spaces). The cover's tiles cut titles mid-word: 'Load-test scoring at 3x Black Friday pe…', 'analyst t…'."""
    text = " ".join(str(text)[: 4 * limit + 8].split())  # linear in the limit, whatever the title's length
    if len(text) <= limit:
        return text
    return cut_at_word(text, max(1, limit - 1))


def _fitted_cover(
    ctx: ReportContext, head: list[Flowable], tiles: list[list[Flowable]], under: list[Flowable] | None = None
) -> list[Flowable]:
    """The cover, one page: ``head`` (title and lines under it), the tiles, the contents and the note on characters
    no font draws, with its spaces tightened when that makes it fit, else without the note, which then ends the
    report. A plan's long title in three scripts pushed the note's last line onto a page of its own."""
    g = ctx.geometry
    first = head[0]
    for tight, note in ((False, True), (True, True), (True, False)):
        if tight and isinstance(first, Spacer):
            first.height = min(first.height, 6.0)
        body = head + _tiles_and_contents(ctx, tiles, under or [], tight=tight, note=note)
        # The contents' entries are known: the builder writes the cover after the other sections.
        if flow_height(body, g.frame_width) <= g.frame_height - 2:
            break
    ctx.glyph_note_at_end = not note and ctx.missing_glyphs_note() is not None
    return body


def _tiles_and_contents(
    ctx: ReportContext,
    tiles: list[list[Flowable]],
    under: list[Flowable] | None = None,
    *,
    tight: bool = False,
    note: bool = True,
) -> list[Flowable]:
    """The cover's key-figure tiles, three across, then the contents and the line saying when it was made (with
    less space between them when ``tight``), and the note on characters no font draws (when ``note``)."""
    s = ctx.styles
    g = ctx.geometry
    landscape = g.width > g.height
    out: list[Flowable] = []
    rows: list[list[list[Flowable] | str]] = [[*tiles[i : i + 3]] for i in range(0, len(tiles), 3)]
    w = g.frame_width / 3
    t = Table(rows, colWidths=[w] * 3, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8 if landscape else 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("BACKGROUND", (0, 0), (-1, -1), TILE_BG),
                ("GRID", (0, 0), (-1, -1), 6, colors.white),
                ("LINEBEFORE", (0, 0), (-1, -1), 3, ACCENT),
            ]
        )
    )
    out.append(t)
    if under:  # a line the tiles have no room for (a budget overrun beside a target date)
        out += [Spacer(1, 4), *under]
    # Contents: every section that has something to say, with its page number and a link (filled in when the
    # pages are known: see :class:`planner.report.context.Contents`).
    below: list[Flowable] = [
        Spacer(1, 4 if tight else 14 if landscape else 24),
        Paragraph("Contents", s["h3"]),
        ctx.contents_flowable(2 if landscape else 1),
        Spacer(1, 4 if tight else 10),
        ctx.p(f"Generated on {fmt_date(ctx.generated)} by Scaling Roadmap Planner.", "small"),
    ]
    missing = ctx.missing_glyphs_note() if note else None  # characters no font draws: said, not silent boxes
    if missing is not None:
        below += [Spacer(1, 4), missing]
    return out + below


def build_summary(ctx: ReportContext) -> list[Flowable]:
    plan, st = ctx.plan, ctx.stages
    out: list[Flowable] = [ctx.heading("Executive summary")]
    n = len(plan.decisions)
    if n == 0:
        out.append(
            ctx.p(
                "The plan has no decisions yet, so it finishes where it starts, "
                + (f"{ctx.date(0.0)} (week 0)" if ctx.date(0.0) else "week 0")
                + ", and there is no critical path, risk or load to report. Add decisions and the dependencies "
                "between them to get a roadmap."
            )
        )
        met = sum(r.criteria_met for r in st.stages)
        total = sum(r.criteria_total for r in st.stages)
        names = ", ".join(esc(ellipsize(x.name, 40)) for x in plan.stages[:8])
        more = f" and {len(plan.stages) - 8} more" if len(plan.stages) > 8 else ""
        crit = f"; gate criteria met: {met} of {total}" if total else ""
        out.append(
            ctx.p(f"It sets out {units.count(len(plan.stages), 'stage')} ({names}{more}){crit}.", markup=True)
        )
        return out

    # The summary is one page (two columns on a landscape page): on a plan whose names are long it says less,
    # dropping first the risks' mitigations, then the third and second items of each list (counted in a note),
    # rather than spill a few lines or the key-dates table onto a page of their own. At each level the key dates
    # are tried as they are, then in compact rows (a plan of many stages: 17 rows and more fill a column). Each
    # try is laid out on a trial page as the report lays it out (an estimate of the column break's waste was off
    # by a heading kept with its list).
    columns = 2 if ctx.geometry.width > ctx.geometry.height else 1
    heading = out[0]
    for asks_n, risks_n, mitigations in _SUMMARY_LEVELS:
        for compact in (False, True):
            trial = [
                Paragraph(heading.text, heading.style),
                *_summary_body(ctx, asks_n, risks_n, mitigations, compact=compact),
            ]
            if fits_one_page(ctx.geometry, columns, trial):
                return out + _summary_body(ctx, asks_n, risks_n, mitigations, compact=compact)
    # the shortest: its key dates continue in the next column or page (see KeyDates). On a page of one column the
    # next column is the next page: the table starts under the text (a block that fits a page moved there whole
    # and left half the summary's page empty).
    body = _summary_body(ctx, *_SUMMARY_LEVELS[-1], compact=True)
    for f in body:
        if isinstance(f, KeyDates):
            f.split_here = columns == 1
    return out + body


class KeyDates(KeepTogether):
    """The key dates' heading and table, kept in one column (a table that does not fit the rest of the first
    column starts the second). A block taller than a whole column splits wherever it starts: it then starts where
    it is when its heading, the table's header and its first rows fit there (else at the top of the next column or
    page), and continues under the table's header repeated; the heading is never left alone. ``split_here``: the
    block splits so wherever it starts, even when a whole column would hold it."""

    FIRST_ROWS = 3  # table rows kept under the heading

    def __init__(self, parts: list[Flowable]) -> None:
        for f in parts:  # kept together here: ReportLab's own keep-with-next would move them as one again
            f.keepWithNext = False
        super().__init__(parts)
        self.split_here = False

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        self.wrap(avail_width, avail_height)
        taller = frame is not None and frame._height < self._H  # the block is taller than its column
        if (taller or self.split_here) and avail_height >= self._least(avail_width):
            return list(self._content)  # it splits wherever it starts: here, under what precedes it
        return list(super().split(avail_width, avail_height))

    def _least(self, width: float) -> float:
        """The height of the heading, the table's header and its first rows (points)."""
        total = 0.0
        for f in self._content:
            if isinstance(f, Table):
                f.wrap(width, 1e6)
                rows = f._rowHeights[: 1 + self.FIRST_ROWS]  # ReportLab keeps the row heights here after wrap
                return total + sum(rows) + 1.0
            total += f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return total


# (attention items, top risks, with mitigations): the executive summary's contents, from the fullest to the
# shortest, tried in turn until the summary fits its page.
_SUMMARY_LEVELS = ((3, 3, True), (3, 3, False), (2, 3, False), (2, 2, False), (1, 2, False), (1, 1, False))


def _summary_body(
    ctx: ReportContext, asks_n: int, risks_n: int, mitigations: bool, *, compact: bool = False
) -> list[Flowable]:
    """The executive summary under its heading: at most ``asks_n`` decisions that need the board's attention and
    ``risks_n`` top risks (each with its mitigation when ``mitigations``); the key dates in compact rows when
    ``compact``."""
    plan, sched, st = ctx.plan, ctx.schedule, ctx.stages
    out: list[Flowable] = []
    # 1. When it finishes and what sets that date.
    driver = board.finish_driver(plan, ctx.analysis)
    out.append(Paragraph("When it finishes, and why", ctx.styles["h3"]))
    if all_done(
        plan
    ):  # nothing is left to set the finish (the driver would say "no work that takes time yet")
        text = esc(f"Every decision is done: the plan finished in {ctx.when(sched.finish)}.")
    else:
        text = esc(driver.sentence(_short_titles(plan)))
    n_crit = int(sched.critical.sum())
    others = n_crit - len(driver.chain)
    if others > 0:
        text += (
            f" {units.count(others, 'other decision')} {units.agree(others, 'is', 'are')} critical too, on parallel "
            f"chains of the same length."
        )
    fr = board.float_range(ctx.analysis)
    if fr is not None and units.format_weeks(fr[0]) == units.format_weeks(fr[1]):
        # (one figure, not 'between 6 weeks and 6 weeks')
        text += f" Everything else has {units.plural_weeks(fr[0])} of float."
    elif fr is not None:
        text += f" Everything else has between {units.plural_weeks(fr[0])} and {units.plural_weeks(fr[1])} of float."
    out.append(ctx.p(text, markup=True))

    # 2. How sure: P50/P80, the target, the cost.
    pd = p_dates(ctx.simulation)
    target = target_week(plan)
    cost = _cost(ctx)
    if all_done(plan):  # simulated or not: its dates are facts
        text = "Nothing is left to do, so there is no uncertainty left in the finish."
    elif pd:
        iters = int(getattr(ctx.simulation, "iterations", 0) or 0)
        text = (
            f"Allowing for the uncertainty in the estimates and the risk register (a Monte Carlo simulation of "
            f"{units.count(iters, 'run')}), there is an even chance of finishing by <b>{esc(ctx.when(pd[50]))}</b> "
            f"(P50) and an 80% chance by <b>{esc(ctx.when(pd[80]))}</b> (P80)." + few_runs_note(iters)
        )
    else:
        text = (
            "The finish has not been simulated, so this report gives no confidence range (P50, P80) and ranks "
            "risks by their expected delay."
        )
        if compared_with_p_dates(ctx):  # the comparison ran its own simulations: say where they are
            text = (
                "The plan was not simulated on its own for this report, so this summary gives no confidence range "
                "and ranks risks by their expected delay; the scenario comparison gives each scenario's P50 and "
                "P80 (the plan's as the reference)."
            )
    if target is not None:
        chance = board.probability_by(ctx.simulation, target)
        tv = ctx.when(target)
        if chance is not None:
            text += f" The target, {esc(tv)}, is met in <b>{esc(units.format_share(chance))}</b> of the simulated runs."
        else:
            margin = target_margin(plan, sched.finish) or 0.0
            text += f" The target, {esc(tv)}, is <b>{esc(units.target_verdict(margin))}</b>."
    if cost is not None:
        b = cost.breakdown
        text += f" The plan costs <b>{esc(format_money(b.total, cost.currency))}</b> on its likely estimates"
        if cost.risk is not None:
            r = cost.risk
            if cost.spend_varies:  # only when the uncertainty moves it
                text += f" (P80 {esc(format_money(r.p80, cost.currency))})"
        if b.budget is not None and (cost.risk is None or cost.risk.p_within_budget is None):
            # (the summary said what the plan costs and not that it was 13 times its budget; the cost section did)
            head = b.headroom or 0.0
            text += (
                f", within its budget of {esc(format_money(b.budget, cost.currency))}"
                if head >= 0
                else f", over its budget of {esc(format_money(b.budget, cost.currency))}: "
                f"<b>an overrun of {esc(format_money(-head, cost.currency))}</b>"
            )
        if cost.risk is not None:
            r = cost.risk
            if r.p_within_budget is not None:
                text += f"; it stays within budget in {esc(units.format_share(r.p_within_budget))} of runs"
            if r.p_joint is not None:
                text += f", and meets both the target date and the budget in only {esc(units.format_share(r.p_joint))}"
        text += "."
    out.append(Paragraph("How sure we are", ctx.styles["h3"]))
    out.append(ctx.p(text, markup=True))

    # 3. The price of strict gates, and what sequencing moves.
    price = st.gating_price
    if price <= 1e-9:
        text = (
            f"Running the stages as strict gates (no stage starts before every decision of the earlier stages "
            f"has finished) costs nothing on this plan: it would still finish in {esc(ctx.when(st.gated_finish))}."
        )
    else:
        text = (
            f"Running the stages as strict gates (no stage starts before every decision of the earlier stages "
            f"has finished) moves the finish to <b>{esc(ctx.when(st.gated_finish))}</b>: "
            f"<b>{units.plural_weeks(price)}</b> more than overlapping stages."
        )
        gp = getattr(cost.breakdown, "gating", None) if cost is not None else None
        if gp is not None and gp.money > 0:
            text += f" In money that is about {esc(format_money(gp.money, cost.currency))}."
    moves = st.sequencing_text()
    if moves:
        k = len(st.inversions)
        text += (
            f" {units.count(k, 'dependency', 'dependencies')} {units.agree(k, 'runs', 'run')} backwards between "
            f"stages, so under strict gates "
            + "; ".join(esc(m.replace(" under strict gates", "")) for m in moves)
            + " (everything downstream of such a dependency waits for the later stage's gate)."
        )
    met = sum(r.criteria_met for r in st.stages)
    total = sum(r.criteria_total for r in st.stages)
    if total:
        text += f" Gate criteria met so far: {met} of {total}."
    out.append(Paragraph("Stage gates", ctx.styles["h3"]))
    out.append(ctx.p(text, markup=True))

    # 4. The top risks, in weeks (none when every decision is done: its dates are facts).
    risks = [] if all_done(plan) else board.top_risks(plan, ctx.simulation, 3)
    shown_risks = risks[:risks_n]
    if all_done(plan) and plan.risks:
        out.append(Paragraph("Top risks", ctx.styles["h3"]))
        out.append(ctx.p(DONE_RISKS))
    elif risks:
        out.append(Paragraph("Top risks", ctx.styles["h3"]))
        items = []
        for r in shown_risks:
            how = (
                f"adds {units.plural_weeks(r.weeks)} to the P80"
                if r.measure == "p80"
                else f"expected delay {units.plural_weeks(r.weeks)}"
            )
            item = f"<b>{esc(ellipsize(r.title, 90))}</b>: {how} (probability {units.format_percent(r.probability * 100.0)})."
            if r.mitigation and mitigations:
                item += f" Mitigation: {esc(ellipsize(r.mitigation, 140))}"
            items.append(item)
        out.extend(ctx.bullets(items, markup=True))
        costing = len(board.top_risks(plan, ctx.simulation, len(plan.risks)))
        if costing > len(shown_risks):
            k = costing - len(shown_risks)
            out.append(
                ctx.p(
                    f"{units.count(k, 'more risk')} of the register {units.agree(k, 'costs', 'cost')} time too.",
                    "small",
                )
            )
        idle = len(plan.risks) - costing
        if idle > 0:
            verb = (
                units.agree(idle, "adds", "add") + " nothing measurable to the P80"
                if risks[0].measure == "p80"
                else units.agree(idle, "is", "are") + " not expected to cost any time"
            )
            out.append(
                ctx.p(f"{units.agree(idle, 'One risk', f'{idle} risks')} of the register {verb}.", "small")
            )

    # 5. What needs the board's attention.
    everything = board.attention(_short_titles(plan), ctx.analysis, ctx.simulation, None)
    asks = everything[:asks_n]
    if asks:
        out.append(Paragraph("Needs the board's attention", ctx.styles["h3"]))
        out.extend(
            ctx.bullets(
                [f"<b>{esc(ellipsize(a.title, 90))}</b>: {esc('; '.join(a.reasons))}." for a in asks],
                markup=True,
            )
        )
        n_more = len(everything) - len(asks)
        if n_more:  # the cover counts them all
            out.append(
                ctx.p(
                    f"{units.count(n_more, 'more decision')} {units.agree(n_more, 'has', 'have')} a reason to watch too, "
                    "less pressing than these.",
                    "small",
                )
            )

    # 6. Key dates, and where the details are: the table whole, under its heading (split over the two columns of
    # a landscape page, a plan with many stages had its finish rows apart from the stages, in the other column).
    # Where the findings are, then the key dates: the table ends the summary, so that a table of many stages that
    # continues in the next column or page leaves nothing after it to fall there alone.
    findings = ctx.analysis.all_findings
    counts = {k: sum(1 for f in findings if str(f.severity) == k) for k in ("error", "warning", "info")}
    out.append(
        ctx.p(
            f"Validation: {units.count(counts['warning'], 'warning')} and {units.count(counts['info'], 'note')}, "
            f"summarised under Findings.",
            "small",
        )
    )
    out.append(KeyDates([Paragraph("Key dates", ctx.styles["h3"]), _key_dates(ctx, pd, compact=compact)]))
    return out


def _short_titles(plan: Any, limit: int = QUOTED_CHARS) -> Any:
    """``plan`` with its decisions' and risks' titles shortened to ``limit`` characters for a sentence that quotes them (a
    title of 300 characters quoted whole filled half the summary's column); the plan itself when none is
    longer."""
    if all(len(x.title) <= limit for x in [*plan.decisions, *plan.risks]):
        return plan

    def short(items: list[Any]) -> list[Any]:
        return [
            x if len(x.title) <= limit else x.model_copy(update={"title": ellipsize(x.title, limit)})
            for x in items
        ]

    return plan.model_copy(update={"decisions": short(plan.decisions), "risks": short(plan.risks)})


# Compact rows of the key dates: the table's type, with less padding around it (a row 12.5 pt high, not 15.5).
_COMPACT_ROWS = [("TOPPADDING", (0, 1), (-1, -1), 1.0), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)]


def _key_dates(ctx: ReportContext, pd: dict[int, float], *, compact: bool = False) -> Flowable:
    """Per stage: when its work ends with overlapping stages and its gate under strict gates; then the finish,
    its P-dates and the finish under strict gates. Every date is the week figure through one rule (SPEC §3.3a)."""
    sched, st = ctx.schedule, ctx.stages

    at = ctx.date_week
    rows = [
        [
            ctx.cell(ellipsize(r.name, 40), "cell_bold"),
            at(r.finish) if r.finish is not None else "no decisions",
            at(r.gate),
        ]
        for r in st.stages
    ]
    rows.append([ctx.cell("Finish", "cell_bold"), at(sched.finish), at(st.gated_finish)])
    for q in (50, 80):
        if q in pd:
            rows.append([ctx.cell(f"Finish P{q} (simulated)", "cell_bold"), at(pd[q]), "-"])
    return ctx.table(
        ["", "Overlapping stages: work ends", "Strict gates: gate"],
        rows,
        [2.8, 2.8, 2.8],
        total=ctx.summary_width,
        extra_style=_COMPACT_ROWS if compact else None,
    )


SECTIONS = [
    Section("cover", "Cover", build_cover, 0, description="title page with the key figures", weight=0.5),
    Section(
        "summary",
        "Executive summary",
        build_summary,
        10,
        description="when it finishes and why, how sure, strict gates, top risks, what needs attention",
        weight=0.5,
    ),
]
