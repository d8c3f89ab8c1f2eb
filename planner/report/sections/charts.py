"""Chart sections: roadmap on a page, stage timeline, Gantt and dependency graph.

Charts come from :mod:`planner.charts` and are drawn as vectors (see :mod:`planner.report.vector`). Big plans
do not shrink the Gantt and the graph until they are unreadable: they are tiled over as many pages as it takes
for every label to be at least 7 pt (``gantt_row_capacity`` and ``graph_tiles`` of the charts package).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from planner.report.context import ReportContext, esc, plural
from planner.report.sections import Section
from planner.report.style import MIN_PT

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Height kept free above a chart for a section heading and a two-line introduction, or a "part k of n" caption.
INTRO_PT = 78.0


def _charts() -> Any:
    import planner.charts as charts

    return charts


# -- roadmap on a page ------------------------------------------------------------------------------------------
MAX_ROADMAP_PAGES = 12  # beyond this the roadmap is a table: a slide deck of roadmaps is no longer "on a page"


def build_roadmap(ctx: ReportContext) -> list[Flowable]:
    charts = _charts()
    g = ctx.wide
    out: list[Flowable] = [ctx.heading("Roadmap on a page")]
    width, height = g.frame_width, g.frame_height - INTRO_PT

    # Compact cards (title and status glyph) at 7 pt or more: on one page when the plan allows, else the stages
    # in pairs, one stage a page, or one stage split by areas. Very big plans get a table instead.
    from planner.charts.roadmap import roadmap_pages

    pages = [] if len(ctx.plan.decisions) > 400 else roadmap_pages(ctx.analysis, width / 72, height / 72, MIN_PT)
    if pages and len(pages) <= MAX_ROADMAP_PAGES:
        text = ("Every decision as a card: one lane per area, one column per stage, each card in the order it "
                "starts. Cards outlined in black are critical: they set the finish. \u2713 done, \u25d0 in "
                "progress, \u26a0 blocked, \u25c6 milestone.")
        if len(pages) > 1:
            text += f" The roadmap runs over {len(pages)} pages so that every card reads."
        out.append(ctx.p(text))
        for k, opts in enumerate(pages):
            if k:
                out.append(PageBreak())
                out.append(Paragraph(f"Roadmap on a page, part {k + 1} of {len(pages)}", ctx.styles["h3"]))

            def draw_roadmap(fig: Figure, opts: dict[str, Any] = opts) -> None:
                charts.draw_roadmap(fig, ctx.analysis, **opts)

            out.append(ctx.chart(draw_roadmap, height, name="roadmap", wide=True))
        return out
    listing = _roadmap_listing(ctx)
    if listing is not None:
        out.append(ctx.p(f"Every decision by area and stage, in the order they start; critical decisions, which set "
                         f"the finish, are in bold. (With {plural(len(ctx.plan.decisions), 'decision')} the cards of "
                         f"the roadmap picture would be too small to read on a few pages.)"))
        out.append(listing)
        return out
    out.append(ctx.p(f"With {plural(len(ctx.plan.decisions), 'decision')} the roadmap is summarised: decisions per "
                     f"area and stage, and how many of them are critical. The Gantt chart and the appendix list "
                     f"every decision.", "small"))
    out.append(_roadmap_matrix(ctx))
    return out


MAX_LISTED = 24  # decisions per area and stage in the table roadmap (a table row cannot split over pages)


def _area_stage_cells(ctx: ReportContext) -> tuple[list[tuple[str, str]], dict[tuple[str, int], list[int]]]:
    """The roadmap's rows and cells: ``(area id, name)`` for every area, plus ``("", "No area")`` when a decision
    has none or an unknown one; and per ``(area id, stage position)`` the indices of its decisions in plan order
    (stage position -1 for an unknown stage)."""
    plan = ctx.plan
    stage_pos = plan.stage_index()
    areas = [(a.id, a.name) for a in plan.areas]
    known = {a for a, _ in areas}
    if any((d.area or "") not in known for d in plan.decisions):
        areas.append(("", "No area"))
    cells: dict[tuple[str, int], list[int]] = {}
    for i, d in enumerate(plan.decisions):
        cells.setdefault((d.area if d.area in known else "", stage_pos.get(d.stage, -1)), []).append(i)
    return areas, cells


def _roadmap_listing(ctx: ReportContext) -> Flowable | None:
    """The roadmap as a table: areas down, stages across, decision titles in the cells; None when a cell would
    hold more than :data:`MAX_LISTED` decisions."""
    plan, sched = ctx.plan, ctx.schedule
    areas, cells = _area_stage_cells(ctx)
    if any(len(v) > MAX_LISTED for v in cells.values()):
        return None
    style = ctx.styles["cell"]
    from reportlab.lib.styles import ParagraphStyle

    item = ParagraphStyle("roadmap_item", style, fontSize=7.5, leading=9, leftIndent=6, firstLineIndent=-6,
                          spaceAfter=2)
    rows = []
    for aid, name in areas:
        row_cells = [sorted(cells.get((aid, k), []), key=lambda i: (sched.es[i], i)) for k in range(len(plan.stages))]
        if not any(row_cells):
            continue
        row: list[Any] = [ctx.cell(name, "cell_bold")]
        for idx in row_cells:
            row.append([Paragraph(("<b>" if sched.critical[i] else "") + "\u2022 " + esc(plan.decisions[i].title)
                                  + ("</b>" if sched.critical[i] else ""), item) for i in idx] or "")
        rows.append(row)
    return ctx.table(["Area", *(f"{k + 1}. {s.name}" for k, s in enumerate(plan.stages))], rows,
                     [1.3] + [2.0] * len(plan.stages), wide=True)


def _roadmap_matrix(ctx: ReportContext) -> Flowable:
    plan, sched = ctx.plan, ctx.schedule
    areas, members = _area_stage_cells(ctx)
    head = ["Area", *(s.name for s in plan.stages), "Total"]
    rows = []
    for aid, name in areas:
        cells = [(len(idx), sum(bool(sched.critical[i]) for i in idx))
                 for idx in (members.get((aid, k), []) for k in range(len(plan.stages)))]
        if not any(c[0] for c in cells):
            continue
        row = [ctx.cell(name, "cell_bold")]
        for n, crit in cells:
            row.append(ctx.cell(f"{n}" + (f"<br/><font size='7' color='#5C5C5C'>{crit} critical</font>" if crit else ""),
                                "cell_right", markup=True) if n else ctx.cell("-", "cell_right"))
        row.append(ctx.cell(str(sum(c[0] for c in cells)), "cell_right"))
        rows.append(row)
    return ctx.table([ctx.cell(h, "head" if k == 0 else "head_right") for k, h in enumerate(head)], rows,
                     [2.2] + [1.0] * len(plan.stages) + [0.8], wide=True)


# -- stage timeline ---------------------------------------------------------------------------------------------
def build_stage_timeline(ctx: ReportContext) -> list[Flowable]:
    charts = _charts()
    g = ctx.wide
    st = ctx.stages
    out: list[Flowable] = [ctx.heading("Stage timeline")]
    price = st.gating_price
    text = ("Each stage's window with rolling stages (its decisions may overlap other stages, as the dependencies "
            "allow) and with strict gates (a stage starts only when every decision of the earlier stages is done). ")
    text += ("On this plan strict gates cost nothing." if price <= 1e-9 else
             f"Strict gates move the finish from {esc(ctx.when(ctx.schedule.finish))} to "
             f"{esc(ctx.when(st.gated_finish))}: <b>{plural(price, 'week')}</b> later.")
    out.append(ctx.p(text, markup=True))
    k = len(ctx.plan.stages)
    want = 72 * max(3.0, 1.7 + 0.75 * k)
    height = min(g.frame_height - INTRO_PT - 24, want)  # heading, two lines of text and their spacing
    out.append(ctx.chart(lambda fig: charts.draw_stage_timeline(fig, ctx.analysis), height, name="stage timeline",
                         wide=True))
    return out


# -- Gantt -----------------------------------------------------------------------------------------------------
def gantt_tiles(ctx: ReportContext, height_pt: float, *, first_pt: float | None = None, compact: bool = False,
                width_pt: float | None = None) -> list[tuple[int, int]]:
    """Row ranges ``(start, stop)`` of the Gantt, one per page, with every label at 7 pt or more and at most
    :data:`~planner.charts.gantt.MAX_PAGE_ROWS` rows a page. The first page's chart is ``first_pt`` tall (it
    shares the page with the heading; default ``height_pt``), the others ``height_pt``.

    Pages get the same number of rows, give or take one, so the last page is not a stub.
    """
    charts = _charts()
    from planner.charts.gantt import MAX_PAGE_ROWS, frame_in

    width = width_pt or ctx.wide.frame_width
    first = height_pt if first_pt is None else first_pt
    total = charts.gantt_row_count(ctx.analysis)
    top, bottom = frame_in(ctx.analysis, width / 72, compact=compact)

    def fits(h: float, font: float = MIN_PT, first_page: bool = False) -> int:
        # The first page starts with a stage header, so it needs no row for a "(continued)" one.
        cap = charts.gantt_row_capacity(h / 72, font, top_in=top, bottom_in=bottom) + int(first_page)
        return max(1, min(MAX_PAGE_ROWS - 1 + int(first_page), cap))

    cap1, cap = fits(first, first_page=True), fits(height_pt)
    # As for the graph: make sure every label of a full page, not just the row labels, is 7 pt or more.
    rows = (0, min(total, cap))
    smallest = ctx.smallest_font(lambda fig: charts.draw_gantt(fig, ctx.analysis, rows=rows, compact=compact),
                                 width, height_pt)
    if smallest < MIN_PT - 1e-6:
        font = MIN_PT * MIN_PT / smallest + 0.01
        cap1, cap = fits(first, font, True), fits(height_pt, font)
    if total <= cap1:
        return [(0, total)]
    n = 1 + math.ceil((total - cap1) / cap)
    per = math.ceil(total / n)
    out = [(0, min(cap1, per))]
    rest = n - 1
    while out[-1][1] < total:
        a = out[-1][1]
        size = min(cap, math.ceil((total - a) / rest))
        out.append((a, min(total, a + size)))
        rest = max(1, rest - 1)
    return out


def _intro_height(ctx: ReportContext, flowables: list[Flowable], width: float) -> float:
    """Points the ``flowables`` (a heading and its introduction) take above a chart."""
    used = 0.0
    for f in flowables:
        _, h = f.wrap(width, 10_000)
        style = getattr(f, "style", None)
        used += h + (getattr(style, "spaceAfter", 0) or 0) + (getattr(style, "spaceBefore", 0) or 0)
    return used + 6


def build_gantt(ctx: ReportContext) -> list[Flowable]:
    g = ctx.wide  # landscape in a portrait report: room for whole titles beside a readable timeline
    text = ("Every decision on the rolling schedule by assigned stage, in the order it starts: grey after a bar "
            "is its float; hatched, black-outlined bars are critical (they set the finish); diamonds are "
            "milestones; a dashed line marks where a stage's last decision ends (strict gates: see the stage "
            "timeline).")
    heading = ctx.heading("Gantt chart")
    first = g.frame_height - _intro_height(ctx, [heading, ctx.p(text)], g.frame_width)
    height = g.frame_height - 4
    tiles = gantt_tiles(ctx, height, first_pt=first, compact=True, width_pt=g.frame_width)
    out: list[Flowable] = [heading, ctx.p(text)]
    if len(tiles) == 1:
        from planner.charts.gantt import frame_in, row_pitch_in

        top, bottom = frame_in(ctx.analysis, g.frame_width / 72, compact=True)
        first = min(first, (top + bottom + (tiles[0][1] + 1) * row_pitch_in(_charts().style.LABEL_PT)) * 72 + 2)
    for k, (a, b) in enumerate(tiles):
        if k:
            out.append(PageBreak())
        rows = None if len(tiles) == 1 else (a, b)
        # One page: the rest of the page; tiles: the first shares its page with the heading, the others fill theirs.
        h = first if k == 0 else height

        def draw_gantt(fig: Figure, rows: tuple[int, int] | None = rows) -> None:
            _charts().draw_gantt(fig, ctx.analysis, rows=rows, compact=True)

        out.append(ctx.chart(draw_gantt, h - 2, name="Gantt", min_height=h - 2, wide=True))
    return out


# -- dependency graph ---------------------------------------------------------------------------------------------
def graph_tiles(ctx: ReportContext, width_in: float, height_in: float) -> list[Any]:
    """The graph's pages (see :func:`planner.charts.graph_tiles`): the whole graph when it reads at 7 pt on one
    page, else dense pages of consecutive layers, all text at 7 pt or more; beyond
    :data:`~planner.charts.graph.WHOLE_MAX` decisions only the critical path and the milestones."""
    from planner.charts.graph import WHOLE_MAX

    return list(_charts().graph_tiles(ctx.analysis, width_in, height_in, MIN_PT, max_whole=WHOLE_MAX,
                                      compact=True))


def build_graph(ctx: ReportContext) -> list[Flowable]:
    g = ctx.wide
    heading = ctx.heading("Dependency graph")
    out: list[Flowable] = [heading]
    n = len(ctx.plan.decisions)
    from planner.charts.graph import WHOLE_MAX

    if n > WHOLE_MAX:
        # The few words a reader needs before pages that leave decisions out; a whole graph explains itself in
        # the two lines over each page.
        out.append(ctx.p(f"With {plural(n, 'decision')} the graph shows the critical path and the milestones, "
                         f"linked directly or (dashed) through the decisions left out; the Gantt chart and the "
                         f"appendix list every decision."))
    height = g.frame_height - _intro_height(ctx, out, g.frame_width) - 2
    tiles = graph_tiles(ctx, g.frame_width / 72, height / 72)
    for k, window in enumerate(tiles):
        if k:
            out.append(PageBreak())
        win = None if len(tiles) == 1 and not hasattr(window, "part") else window

        def draw_graph(fig: Figure, win: Any = win) -> None:
            _charts().draw_graph(fig, ctx.analysis, window=win)

        out.append(ctx.chart(draw_graph, height, name="dependency graph", wide=True, min_height=height))
    return out


SECTIONS = [
    Section("roadmap", "Roadmap on a page", build_roadmap, 20, description="every decision by area and stage",
            weight=0.6, wide=True),
    Section("stage-timeline", "Stage timeline", build_stage_timeline, 30,
            description="stage windows, rolling and gated, and the price of strict gates", weight=0.3,
            wide=True),
    Section("gantt", "Gantt chart", build_gantt, 40, description="the schedule, tiled over pages for big plans",
            weight=1.5, wide=True),
    Section("graph", "Dependency graph", build_graph, 50, description="decisions and their dependencies, tiled",
            weight=1.5, wide=True),
]
