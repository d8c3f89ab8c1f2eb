"""The "Scenarios compared" section (issue 13): with ``planner report FILE --scenarios A,B`` (or the app's report
dialog with scenarios chosen), right after the executive summary: what each scenario does against the reference
in sentences, a side-by-side table of the figures, and for each scenario a delta Gantt -- its bars over the
reference's bars drawn thin and dark beneath them (the Gantt's baseline view, with the reference as the baseline).

The comparison is computed before the report (:func:`planner.analysis.compare.compare_scenarios`) and handed over
as ``analysis.comparison``; without one the section leaves no trace.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from planner.analysis.cost import format_money, signed_money
from planner.model import units
from planner.report.context import ReportContext, ellipsize, esc, fmt_weeks
from planner.report.sections import Section
from planner.report.sections.charts import MIN_PAGE_ROWS, TAIL_ROWS
from planner.report.style import MIN_PT

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.analysis.compare import Comparison, PlanFigures

INTRO_PT = 84.0
MAX_COLUMNS = 4  # scenarios side by side in one table beside the reference; more go into further tables
# A stage or team named in a row's label is shortened as the summary's key dates shorten a stage: a 200-character
# stage name made each gate row fourteen lines tall, two rows to a page.
ROW_NAME_CHARS = 40


def _delta(x: float | None) -> str:
    return "" if x is None else units.signed_weeks(x, minus="\u2212")


def _week_cell(ctx: ReportContext, item: PlanFigures, week: float | None, delta: float | None) -> Any:
    if week is None:
        return "-"
    date = units.week_to_date(item.plan.start_date, week)
    text = f"wk {fmt_weeks(week)}"
    if date is not None:
        text += f"<br/><font size='7' color='#5C5C5C'>{units.format_date(date)}</font>"
    if item.reference is not None and delta is not None:
        text += f"<br/><font size='7'><b>{esc(_delta(delta))}</b></font>"
    return ctx.cell(text, markup=True)


def _table(ctx: ReportContext, comp: Comparison, items: list[PlanFigures]) -> Flowable:
    ref = comp.reference
    header = [""] + [ctx.cell(f"<b>{esc(x.name)}</b>", markup=True) for x in items]
    rows: list[list[Any]] = []
    for label, fig in (
        ("Finish (rolling)", "finish"),
        ("Finish (strict gates)", "gated_finish"),
        ("P50 finish", "p50"),
        ("P80 finish", "p80"),
    ):
        if fig in ("p50", "p80") and not comp.iterations:
            continue
        rows.append([label] + [_week_cell(ctx, x, getattr(x, fig), x.shown_delta(fig)) for x in items])
    rows.append(
        ["Price of strict gates"]
        + [
            "-"
            if x.gating_price is None
            else units.plural_weeks(x.gating_price)
            + (f" ({_delta(x.shown_delta('gating_price'))})" if x.reference is not None else "")
            for x in items
        ]
    )
    if any(x.cost is not None for x in items):
        rows.append(
            ["Spend"]
            + [
                format_money(x.cost, x.plan.currency)  # as `planner compare` writes the spend and its change
                + (
                    # the table's one minus sign, as its weeks' ('-54,000' beside '−2.5')
                    f" ({signed_money(x.shown_delta('cost'), minus=chr(0x2212))})"
                    if x.reference is not None and x.shown_delta("cost")
                    else ""
                )
                for x in items
            ]
        )
    rows.append(["Critical decisions"] + [str(len(x.critical)) if x.ok else "-" for x in items])
    rows.append(
        ["Joined the critical path"]
        + ["" if x.reference is None else ctx.cell(_names(x, x.joined), markup=True) for x in items]
    )
    rows.append(
        ["Left the critical path"]
        + ["" if x.reference is None else ctx.cell(_names(ref, x.left), markup=True) for x in items]
    )
    for sid, name, _ in ref.gates:
        cells: list[Any] = []
        for x in items:
            g = next((w for i, _, w in x.gates if i == sid), None)
            d = (
                None
                if g is None or x.reference is None
                # as written (units.week_delta): gates written 6 and 6 differ by '=', not '+0.01'
                else units.week_delta(g, next((w for i, _, w in ref.gates if i == sid), g))
            )
            # A stage whose work the plan does not hold (a scenario dropped it): its gate is the one before it
            # carried forward, not a date of its own.
            cells.append("no decisions" if sid in x.stages_without_work else _week_cell(ctx, x, g, d))
        rows.append([f"{ellipsize(name, ROW_NAME_CHARS)} gate"] + cells)
    for tid, name, _, cap in ref.team_peaks:
        cells = []
        for x in items:
            p = next((pk for i, _, pk, _c in x.team_peaks if i == tid), None)
            cells.append(
                "-" if p is None else f"{fmt_weeks(p)}" + (f" of {fmt_weeks(cap)}" if cap is not None else "")
            )
        rows.append([f"Peak load: {ellipsize(name, ROW_NAME_CHARS)}"] + cells)
    widths = [2.2] + [2.0] * len(items)
    return ctx.table(header, [[ctx.cell(r[0]), *r[1:]] for r in rows], widths, wide=True)


def _chunks(others: list[PlanFigures]) -> list[list[PlanFigures]]:
    """The scenarios of each table beside the reference: as few tables as :data:`MAX_COLUMNS` allows, of as many
    scenarios each, give or take one. Eight scenarios took three tables (three, four and one beside the
    reference): a third table of twelve rows for one scenario, its last rows and the note alone on a page."""
    n = -(-len(others) // MAX_COLUMNS)
    cuts = [-(-k * len(others) // n) for k in range(n + 1)]  # the first tables take the one more
    return [others[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _names(item: PlanFigures, ids: list[str], limit: int = 4) -> str:
    """Up to ``limit`` decision titles, then "and N more"."""
    if not ids:
        return "none"
    titles = [esc(d.title if (d := item.plan.decision(i)) is not None else i) for i in ids[:limit]]
    more = len(ids) - limit
    return "; ".join(titles) + (f"; <i>and {more} more</i>" if more > 0 else "")


def build_comparison(ctx: ReportContext) -> list[Flowable]:
    comp: Comparison | None = getattr(ctx.analysis, "comparison", None)
    if comp is None or len(comp.items) < 2:
        return []
    ref = comp.reference
    others = comp.items[1:]
    out: list[Flowable] = [ctx.heading("Scenarios compared")]
    names = ", ".join(f"\u201c{x.name}\u201d" for x in others)
    sims = (
        f" P50 and P80 come from {units.count(comp.iterations, 'Monte Carlo iteration')} per scenario on the same random "
        f"numbers (seed {comp.seed}): each decision gets the same draws in every scenario, so the differences "
        "are the scenarios\u2019, not chance."
        if comp.iterations
        else ""
    )
    out.append(
        ctx.p(
            f"{units.count(len(others), 'scenario')} of this plan ({names}) against "
            f"\u201c{ref.name}\u201d. Each scenario is the plan with its overrides applied, analysed exactly "
            f"like the plan itself.{sims}"
        )
    )
    out.extend(ctx.bullets([s for s in comp.sentences() if s]))
    base_plan = getattr(comp, "base", None)
    if base_plan is not None:
        from planner.model.scenarios import describe_changes

        for item in others:
            sc = next((s for s in base_plan.scenarios if s.name == item.name), None)
            lines = describe_changes(base_plan, sc) if sc is not None else []
            if lines:
                out.append(Paragraph(esc(f"What \u201c{item.name}\u201d changes"), ctx.styles["h3"]))
                out.extend(ctx.bullets(lines, style="bullet"))
    out.append(ctx.space(6))
    for chunk in _chunks(others):
        out.append(_table(ctx, comp, [ref, *chunk]))
        out.append(ctx.space(6))
    out.append(
        ctx.p(
            "Weeks from the plan start; the bold figure under a date is the change against "
            f"\u201c{ref.name}\u201d in weeks (\u2212 earlier, + later). Gates are those of the gated "
            "schedule (every earlier stage finished)"
            + (
                "; a stage with no decisions in a plan has no gate of its own there"
                if any(x.stages_without_work for x in comp.items)
                else ""
            )
            + "; peak load is people at the busiest moment of the "
            "rolling schedule, against the team\u2019s capacity." + _sampling_note(ctx, ref),
            "small",
        )
    )
    _note_keeps_rows(ctx, out)
    charts = [_delta_gantt(ctx, comp, item) for item in others]
    if charts and charts[0] and isinstance(charts[0][0], PageBreak | _StartUnder):
        # The first scenario's chart takes pages of its own: the table's last rows go on with the note, so that
        # their page is at least half used (twelve stages, three scenarios: the note stood alone on a page, 7 %
        # used, the table's rows all on the page before), as the end of a section before a page break does.
        from planner.report.builder import _keep_end_together

        _keep_end_together(out, ctx.wide)
    for chart in charts:
        out.extend(chart)
    return out


def _note_keeps_rows(ctx: ReportContext, out: list[Flowable]) -> None:
    """The last table's last rows go on a page with the note under it (the gap and the note: ``out``'s end), so
    the note never starts a page alone, its table's rows all on the page before (a six-stage plan with two
    scenarios on A4 portrait; the table at a landscape page's foot for two stages and one scenario)."""
    from planner.report.context import TABLE_EDGE_ROWS, SplitTable, flow_height

    table = next((f for f in reversed(out) if isinstance(f, SplitTable)), None)
    if table is None:
        return
    g = ctx.wide
    table.keep_end = TABLE_EDGE_ROWS
    table.after = flow_height(out[out.index(table) + 1 :], g.frame_width)
    table.end_page = g.frame_height


def _sampling_note(ctx: ReportContext, ref: PlanFigures) -> str:
    """Where the report's own simulation gives the reference other P50/P80 figures than this table (its runs draw
    every scenario alike, the summary's the plan alone), a sentence that says so: the cover's 'week 32.07' beside
    this table's 'wk 32.05' for the same plan read as one of them wrong. Empty where they are written alike."""
    from planner.report.sections.overview import p_dates

    pd = p_dates(ctx.simulation)
    if not pd or ref.p50 is None or ref.p80 is None:
        return ""
    if fmt_weeks(pd[50]) == fmt_weeks(ref.p50) and fmt_weeks(pd[80]) == fmt_weeks(ref.p80):
        return ""
    return (
        f" For \u201c{esc(ref.name)}\u201d, P50 and P80 here (week {fmt_weeks(ref.p50)} and week "
        f"{fmt_weeks(ref.p80)}) differ from the summary\u2019s (week {fmt_weeks(pd[50])} and week "
        f"{fmt_weeks(pd[80])}) by sampling noise only: these runs draw the same numbers for every scenario, the "
        "summary\u2019s simulate the plan alone."
    )


def _delta_gantt(ctx: ReportContext, comp: Comparison, item: PlanFigures) -> list[Flowable]:
    import planner.charts as charts
    from planner.analysis.compare import ghost_analysis
    from planner.report.sections.charts import _intro_height, gantt_tiles, own_page

    if not item.ok or not comp.reference.ok:
        return []
    if _same_bars(item.analysis, comp.reference.analysis):
        # A chart of every bar on its thin twin says less than a sentence, on a page of its own ('a scenario that
        # changes nothing' took one).
        return [
            Paragraph(
                esc(f"\u201c{item.name}\u201d against \u201c{comp.reference.name}\u201d"), ctx.styles["h3"]
            ),
            ctx.p(
                f"\u201c{item.name}\u201d moves no decision: each one starts and finishes when it does in "
                f"\u201c{comp.reference.name}\u201d, with the same float, so its Gantt would be the same.",
                "small",
            ),
        ]
    ghost = ghost_analysis(item)
    sub = dataclasses.replace(ctx, analysis=ghost)
    height = ctx.wide.frame_height - INTRO_PT
    tiles = gantt_tiles(sub, height)
    title = f"\u201c{item.name}\u201d against \u201c{comp.reference.name}\u201d"
    out: list[Flowable] = [
        Paragraph(esc(title), ctx.styles["h3"]),
        ctx.p(
            f"Each decision\u2019s bar in \u201c{item.name}\u201d with its bar in "
            f"\u201c{comp.reference.name}\u201d drawn thin and dark beneath it (\u201cBaseline\u201d "
            "in the legend): a bar right of its thin bar is later in this scenario, a bar without "
            "one is new in it.",
            "small",
        ),
    ]
    total = tiles[-1][1] if tiles else 0
    # A scenario's chart of a few rows is only as tall as they are and follows what is above it when the page has
    # room (each took a page, its rows in the top half and the legend at the foot); a taller one starts a page.
    # Such a chart has no title of its own (``compact``: the sub-heading above it names it) and, under the table's
    # note, may draw its rows at the least readable size (7 pt labels rather than 8): the note and the table's
    # last rows stood alone on a page, 30 % used, above a first chart 10 pt too tall for the rest (eight
    # scenarios), 24 pt too tall (two).
    from planner.charts.gantt import frame_in, row_pitch_in

    top, bottom = frame_in(ghost, ctx.wide.frame_width / 72, compact=True, baseline=True)

    def tall(font: float) -> float:  # its rows and a stage header's spare row, as the Gantt section's
        return (top + bottom + (total + 1) * row_pitch_in(font)) * 72 + 2

    natural = tall(charts.style.LABEL_PT) if len(tiles) == 1 else height
    short = natural if natural < height else None
    least = None if short is None else min(short, tall(MIN_PT))
    if short is None and len(tiles) > 1:
        # A chart of several pages starts under what is above it when the room left holds a part worth reading
        # (FIRST_ROWS rows or more) and the chart then takes no more pages than on pages of its own: twelve stages
        # and three scenarios left the comparison note's page half used (56 %) above a chart starting the next.
        intro = out[:]

        def parts(cut: list[tuple[int, int]], first: float | None, tail: bool = True) -> list[Flowable]:
            return _parts(ctx, comp, item, ghost, title, [*intro], cut, first, tail)

        return [
            _StartUnder(
                parts,
                tiles,
                lambda first: gantt_tiles(sub, height, first_pt=first),
                _intro_height(ctx, intro, ctx.wide.frame_width),
                ctx.wide.frame_height,
                gantt_tiles(sub, height, share=False),
            )
        ]
    out.insert(0, own_page(ctx, out, least))
    for k, (a, b) in enumerate(tiles):
        if k:
            out.extend(_part_heading(ctx, title, k, tiles))
        rows = None if len(tiles) == 1 else (a, b)

        def draw(
            fig: Figure,
            rows: tuple[int, int] | None = rows,
            ghost: Any = ghost,
            name: str = comp.reference.name,
            compact: bool = short is not None,
        ) -> None:
            charts.draw_gantt(fig, ghost, rows=rows, baseline=name, compact=compact)

        if least is not None and short is not None:  # as tall as the room left, between those two
            out.append(
                ctx.chart(draw, None, name="scenario Gantt", wide=True, min_height=least, max_height=short)
            )
        else:
            out.append(ctx.chart(draw, short, name="scenario Gantt", wide=True, min_height=144.0))
    return out


def _same_bars(a: Any, b: Any) -> bool:
    """Whether two analyses draw the same Gantt bars: the same decisions in the same stages, starting, finishing
    and floating alike (weeks, to 1e-9), the same critical ones and the same gated schedule."""
    import numpy as np

    s, t = a.schedule, b.schedule
    if s is None or t is None or list(s.ids) != list(t.ids):
        return False
    if a.stages is None or b.stages is None:
        return False
    same = all(
        np.allclose(np.asarray(x, dtype=float), np.asarray(y, dtype=float), rtol=0.0, atol=1e-9)
        for x, y in (
            (s.es, t.es),
            (s.ef, t.ef),
            (s.total_float, t.total_float),
            (s.graph.stage, t.graph.stage),
            (a.stages.gated_es, b.stages.gated_es),
            (a.stages.gated_ef, b.stages.gated_ef),
        )
    )
    return same and bool(np.array_equal(s.critical, t.critical))


def _part_heading(ctx: ReportContext, title: str, k: int, tiles: list[tuple[int, int]]) -> list[Flowable]:
    """The page break and heading before part ``k`` (from 0) of a scenario's chart of several pages."""
    a, b = tiles[k]
    words = f"{title}, part {k + 1} of {len(tiles)} (rows {a + 1}\u2013{b} of {tiles[-1][1]})"
    return [PageBreak(), Paragraph(esc(words), ctx.styles["h3"])]


FIRST_ROWS = (
    TAIL_ROWS  # the fewest rows of a scenario's chart of several pages that start under what is above it
)


def _parts(
    ctx: ReportContext,
    comp: Comparison,
    item: PlanFigures,
    ghost: Any,
    title: str,
    out: list[Flowable],
    tiles: list[tuple[int, int]],
    first: float | None,
    tail: bool = True,
) -> list[Flowable]:
    """A scenario's chart of several pages, row ranges ``tiles`` a page, under its sub-heading and words ``out``:
    the first part ``first`` points tall (None: the rest of its page), the others the rest of theirs; with
    ``tail``, a last part of a few rows only as tall as they are."""
    import planner.charts as charts
    from planner.charts.gantt import frame_in, row_pitch_in

    for k, (a, b) in enumerate(tiles):
        if k:
            out.extend(_part_heading(ctx, title, k, tiles))

        def draw(
            fig: Figure, rows: tuple[int, int] = (a, b), ghost: Any = ghost, name: str = comp.reference.name
        ) -> None:
            charts.draw_gantt(fig, ghost, rows=rows, baseline=name)

        if k == 0 and first is not None:
            out.append(ctx.chart(draw, first, name="scenario Gantt", wide=True, min_height=first))
        elif tail and k and k == len(tiles) - 1 and b - a < MIN_PAGE_ROWS - 1:
            # A last part of a few rows is only as tall as they are (it stretched them over a page), so that
            # the next scenario's chart may start under it.
            fixed = sum(frame_in(ghost, ctx.wide.frame_width / 72, baseline=True))

            def tall(font: float, rows: int = b - a, fixed: float = fixed) -> float:
                return (fixed + (rows + 1) * row_pitch_in(font)) * 72 + 2

            out.append(
                ctx.chart(
                    draw,
                    None,
                    name="scenario Gantt",
                    wide=True,
                    min_height=tall(MIN_PT),
                    max_height=tall(charts.style.LABEL_PT),
                )
            )
        else:
            out.append(ctx.chart(draw, None, name="scenario Gantt", wide=True, min_height=144.0))
    return out


class _StartUnder(Flowable):
    """A scenario's chart of several pages, laid out where it comes: on the pages of its own (a page break first,
    none at a page's top), or with its first part in the room left on this page when that part holds
    :data:`FIRST_ROWS` rows or more and the chart takes no more pages than on pages of its own. ``parts(tiles,
    first, tail)`` builds it; ``cut(first)`` are its row ranges with a first part ``first`` points tall.

    On pages of its own, a last part of a few rows is only as tall as they are where what follows starts under it
    (the next scenario's chart, :meth:`starts_in`, or the next section: ``follower``, which the builder sets, see
    :func:`planner.report.builder._tell_followers`); otherwise the pages share the rows evenly (``even``): fraud
    detection's two scenarios each left a page of 14 rows half white under 32 rows, the next chart or section on
    the next page in any case (23 and 23 now)."""

    def __init__(
        self,
        parts: Callable[..., list[Flowable]],
        tiles: list[tuple[int, int]],
        cut: Callable[[float], list[tuple[int, int]]],
        intro: float,
        frame_height: float,
        even: list[tuple[int, int]] | None = None,
    ) -> None:
        super().__init__()
        self.parts, self.tiles, self.cut, self.intro, self.frame_height = (
            parts,
            tiles,
            cut,
            intro,
            frame_height,
        )
        self.even = even if even is not None and len(even) == len(tiles) else tiles
        # what follows it in the story: the next scenario's chart, the next section's start, or a page break
        self.follower: Callable[[float, float], bool] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_height >= 1e5:  # measured, not laid out: its pages
            return avail_width, len(self.tiles) * self.frame_height
        return avail_width, avail_height + 1.0  # never fits as it is: split() lays it out

    def _first_cut(self, avail_height: float) -> list[tuple[int, int]] | None:
        """Its row ranges starting in ``avail_height`` points left on a page, or None where it starts the next."""
        first = avail_height - self.intro - 2.0
        if first > 0:
            tiles = self.cut(first - 2.0)
            if tiles[0][1] - tiles[0][0] >= FIRST_ROWS and len(tiles) - 1 <= len(self.tiles):
                return tiles
        return None

    def starts_in(self, avail_width: float, avail_height: float) -> bool:
        """Whether it starts in ``avail_height`` points left on a page (else on the next)."""
        return avail_height < self.frame_height - 1.0 and self._first_cut(avail_height) is not None

    def _own_pages(self, avail_width: float) -> list[Flowable]:
        """Its parts on pages of their own; the last, of a few rows, as tall as they are only where what follows
        starts in the room under it."""
        out = self.parts(self.tiles, None)
        if self.even == self.tiles or len(self.tiles) < 2:
            return out
        k = max(j for j, f in enumerate(out) if isinstance(f, PageBreak))
        used = sum(_space(f, avail_width) for f in out[k + 1 :])
        follows = self.follower is not None and self.follower(avail_width, self.frame_height - used)
        return out if follows else self.parts(self.even, None, False)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if avail_height >= self.frame_height - 1.0:  # a page's top
            return self._own_pages(avail_width)
        tiles = self._first_cut(avail_height)
        if tiles is not None:
            return self.parts(tiles, avail_height - self.intro - 2.0)
        return [PageBreak(), *self._own_pages(avail_width)]

    def draw(self) -> None:
        pass


def _space(f: Flowable, width: float) -> float:
    """Points ``f`` takes on a page: its height (a chart at its tallest) and the space around it."""
    if isinstance(f, PageBreak):
        return 0.0
    max_height = getattr(f, "max_height", None)
    if max_height is not None:
        return float(max_height)
    _, h = f.wrap(width, 1e6)
    return float(h + f.getSpaceBefore() + f.getSpaceAfter())


SECTIONS = [
    Section(
        "comparison",
        "Scenarios compared",
        build_comparison,
        15,
        description="with --scenarios: the scenarios side by side, in sentences, a table and delta Gantts",
        weight=1.0,
        wide=True,
        default=False,
    ),
]
