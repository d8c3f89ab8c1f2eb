"""Chart sections: roadmap on a page, stage timeline, Gantt and dependency graph.

Charts come from :mod:`planner.charts` and are drawn as vectors (see :mod:`planner.report.vector`). Big plans
do not shrink the Gantt and the graph until they are unreadable: they are tiled over as many pages as it takes
for every label to be at least 7 pt (``gantt_row_capacity`` and ``graph_tiles`` of the charts package).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from planner.model import units
from planner.report.context import ReportContext
from planner.report.fonts import MONO
from planner.report.sections import Section
from planner.report.style import MIN_PT, SECTION_GAP
from planner.report.vector import ChartFlowable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Height kept free above a chart for a section heading and a two-line introduction, or a "part k of n" caption.
INTRO_PT = 78.0
# Decisions drawn one by one; a bigger plan's Gantt shows its key ones, the ones the appendix lists
# (details.key_decisions, at most APPENDIX_KEY: about eight pages).
GANTT_ALL = 400
GRAPH_MAX_PAGES = 10  # a dependency graph that needs more pages is left out, with a sentence saying so
MIN_PAGE_ROWS = 35  # a Gantt page of a long plan holds 35-45 rows
TAIL_ROWS = 6  # the fewest rows on the last page of a Gantt over several pages


def _charts() -> Any:
    import planner.charts as charts

    return charts


# -- roadmap on a page ------------------------------------------------------------------------------------------
class _FrameChart(ChartFlowable):
    """A chart as wide as the frame it lands in and as tall as the rest of it, so that the roadmap fills one page
    whatever its paper size and orientation (the chart itself fits any size it is given)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return super().wrap(avail_width, avail_height)


def build_roadmap(ctx: ReportContext) -> list[Flowable]:
    """One page: the heading, one line of introduction and the roadmap chart on the rest of the page (for a big
    plan the chart shows the most important decisions and says how many it leaves to the Gantt chart)."""
    if ctx.empty:  # no schedule to draw: the summary says so
        return []
    charts = _charts()
    out: list[Flowable] = [ctx.heading("Roadmap on a page")]
    out.append(
        ctx.p(
            "The plan on one page: each area's decisions over time on the rolling schedule, stage windows "
            "and their gates under strict gates above; black outlines are critical decisions."
        )
    )

    # What the page leaves out is in the Gantt chart, unless this report's Gantt draws only the key decisions.
    rest_in = (
        "the Gantt chart"
        if len(ctx.plan.decisions) <= GANTT_ALL
        else "the plan file and its spreadsheet export"
    )

    def draw_roadmap(fig: Figure) -> None:
        ctx.check("Drawing the roadmap")
        charts.draw_roadmap(fig, ctx.analysis, rest_in=rest_in)

    g = ctx.wide
    full = min(ctx.geometry.frame_height, g.frame_height) - INTRO_PT
    # A small plan's lanes fill a fraction of the page: the chart is as tall as they need (same layout: the
    # roadmap does not stretch its lanes), and the next section starts under it instead of a page of empty
    # bands.
    from planner.charts.roadmap import natural_height

    natural_in = natural_height(ctx.analysis, g.frame_width / 72, full / 72, rest_in=rest_in)
    natural = 72 * natural_in if natural_in is not None else full
    if natural < 0.8 * full:
        scale = 1.0
        if full - natural - SECTION_GAP < _gantt_least(ctx):
            # The Gantt cannot start under it (a five-decision plan's landscape page was half empty, the Gantt
            # on the next): the roadmap takes the page, drawn narrower and enlarged, its type up to ROADMAP_GROWS
            # times larger, its layout the same.
            scale, natural = _grown(ctx, full, natural, rest_in)
        chart = ctx.chart(draw_roadmap, natural, name="roadmap", wide=True, min_height=natural)
        chart.scale = scale
        out.append(chart)
        return out
    chart = _FrameChart(
        draw_roadmap,
        g.frame_width,
        None,
        name="roadmap",
        min_height=full,
    )
    ctx.charts.append(chart)
    out.append(chart)
    return out


ROADMAP_GROWS = 1.4
"""The most a small plan's roadmap is enlarged to fill its page (its 7.5 pt lane names at 10.5 pt)."""


def _grown(ctx: ReportContext, full: float, natural: float, rest_in: str) -> tuple[float, float]:
    """The largest scale (up to :data:`ROADMAP_GROWS`, in steps of 5 %) at which the roadmap, drawn that much
    narrower and enlarged to the page's width, is no taller than ``full`` points and shortens no more titles
    than at its own size; and its height (points)."""
    from planner.charts.roadmap import fit, natural_height

    def cut(width_in: float, height_in: float) -> int:
        lay = fit(ctx.analysis, width_in, height_in, rest_in=rest_in)[1]
        return sum(1 for i, p in lay.place.items() if p[2] != ctx.plan.decisions[i].title)

    w = ctx.wide.frame_width
    cut_here = cut(w / 72, natural / 72)
    for step in range(round((ROADMAP_GROWS - 1) / 0.05), 0, -1):
        k = 1 + 0.05 * step
        got = natural_height(ctx.analysis, w / 72 / k, full / 72 / k, rest_in=rest_in)
        if got is not None and 72 * got * k <= full and cut(w / 72 / k, got) <= cut_here:
            return k, 72 * got * k
    return 1.0, natural


# -- stage timeline ---------------------------------------------------------------------------------------------
STAGE_TIMELINE_TEXT = (
    "Each stage's window with rolling stages (they overlap as the dependencies allow) and under strict gates "
    "(each waits for the earlier ones)."
)


def build_stage_timeline(ctx: ReportContext) -> list[Flowable]:
    if ctx.empty:  # no schedule to draw: the summary says so
        return []
    charts = _charts()
    g = ctx.wide
    out: list[Flowable] = [ctx.heading("Stage timeline")]
    # What strict gates cost is in the chart's subtitle (rolling finish, gated finish, the weeks they add).
    out.append(ctx.p(STAGE_TIMELINE_TEXT, markup=True))
    k = len(ctx.plan.stages)
    want = 72 * max(3.0, 1.7 + 0.75 * k)
    most = min(g.frame_height - _intro_height(ctx, out, g.frame_width), want)
    # It takes the room left under the Gantt's last rows, down to the height at which none of its text overlaps
    # and all of it is 7 pt (see the chart), rather than a page of its own.
    from planner.charts.stage_timeline import min_height_in

    least = min(most, 72 * min_height_in(ctx.analysis, g.frame_width / 72, compact=True))
    # The heading and its text go to the next page with the chart when the chart does not fit under them.
    out.insert(0, CondPageBreak(_intro_height(ctx, out, g.frame_width) + least))
    out.append(
        ctx.chart(
            lambda fig: charts.draw_stage_timeline(fig, ctx.analysis, compact=True),
            None,
            name="stage timeline",
            wide=True,
            min_height=least,
            max_height=most,
        )
    )
    return out


# -- Gantt -----------------------------------------------------------------------------------------------------
def gantt_tiles(
    ctx: ReportContext,
    height_pt: float,
    *,
    first_pt: float | None = None,
    compact: bool = False,
    width_pt: float | None = None,
    only: list[int] | None = None,
    share: bool = True,
    wrap: bool = False,
) -> list[tuple[int, int]]:
    """Row ranges ``(start, stop)`` of the Gantt, one per page, with every label at 7 pt or more and at most
    :data:`~planner.charts.gantt.MAX_PAGE_ROWS` rows a page. The first page's chart is ``first_pt`` tall (it
    shares the page with the heading; default ``height_pt``), the others ``height_pt``.

    Pages get the same number of rows, give or take one, when each then holds :data:`MIN_PAGE_ROWS` or more;
    otherwise every page but the last is full and the last holds the rest (at least :data:`TAIL_ROWS` rows). The
    last page's chart is only as tall as its rows, so the next section starts under it. ``only``: the decisions
    drawn (see :func:`planner.charts.gantt.gantt_rows`; None: every one). Without ``share`` (nothing that follows
    would share the last page with its rows) the pages get the same number of rows in any case: a few rows alone
    on a last page, when the pages could hold them evenly. ``wrap``: the rows of a chart drawn with ``wrap`` (a
    long title takes two or three rows, never split over two pages).
    """
    tiles = _gantt_tiles(ctx, height_pt, first_pt, compact, width_pt, only, share, wrap)
    if not wrap or len(tiles) < 2:
        return tiles
    width = width_pt or ctx.wide.frame_width
    rows = _charts().gantt_rows(ctx.analysis, only=only, wrap_in=width / 72)
    cuts = [b for _, b in tiles[:-1]]
    for k, b in enumerate(cuts):
        while b > (cuts[k - 1] if k else 0) + 1 and rows[b][0] == "more":
            b -= 1  # a wrapped title's rows stay together: the page before ends above its first
        cuts[k] = b
    edges = [0, *cuts, tiles[-1][1]]
    return [(edges[k], edges[k + 1]) for k in range(len(edges) - 1)]


def _gantt_tiles(
    ctx: ReportContext,
    height_pt: float,
    first_pt: float | None,
    compact: bool,
    width_pt: float | None,
    only: list[int] | None,
    share: bool,
    wrap: bool,
) -> list[tuple[int, int]]:
    charts = _charts()
    from planner.charts.gantt import MAX_PAGE_ROWS, frame_in

    width = width_pt or ctx.wide.frame_width
    first = height_pt if first_pt is None else first_pt
    total = charts.gantt_row_count(ctx.analysis, only=only, wrap_in=width / 72 if wrap else None)
    top, bottom = frame_in(ctx.analysis, width / 72, compact=compact)

    def fits(h: float, font: float = MIN_PT, first_page: bool = False) -> int:
        # The first page starts with a stage header, so it needs no row for a "(continued)" one.
        cap = charts.gantt_row_capacity(h / 72, font, top_in=top, bottom_in=bottom) + int(first_page)
        return max(1, min(MAX_PAGE_ROWS - 1 + int(first_page), cap))

    cap1, cap = fits(first, first_page=True), fits(height_pt)
    # A compact chart's fixed parts are measured by ``frame_in`` and its rows get the room left, so its labels
    # are 7 pt by construction (the report tests read every size back). Otherwise (the baseline Gantt, whose
    # legend has one more entry) make sure every label of a full page, not just the row labels, is 7 pt or more.
    smallest = MIN_PT
    if not compact:
        rows = (0, min(total, cap))
        smallest = ctx.smallest_font(
            lambda fig: charts.draw_gantt(fig, ctx.analysis, rows=rows, only=only, wrap=wrap),
            width,
            height_pt,
        )
    if smallest < MIN_PT - 1e-6:
        font = MIN_PT * MIN_PT / smallest + 0.01
        cap1, cap = fits(first, font, True), fits(height_pt, font)
    if total <= cap1:
        return [(0, total)]
    # Pages of about equal rows when each then holds a full page's worth (MIN_PAGE_ROWS or more).
    n = 1 + math.ceil((total - cap1) / cap)
    per = math.ceil(total / n)
    even = [(0, min(cap1, per))]
    rest = n - 1
    while even[-1][1] < total:
        a = even[-1][1]
        size = min(cap, math.ceil((total - a) / rest))
        even.append((a, min(total, a + size)))
        rest = max(1, rest - 1)
    if min(b - a for a, b in even) >= MIN_PAGE_ROWS - 1 or not share:  # a page may repeat a stage header
        return even
    # Otherwise full pages, and a last tile only as tall as its rows (what follows the chart uses the rest of its
    # page); it gets at least TAIL_ROWS rows, taken from the page before, so it is never a stub of one or two rows.
    out = [(0, cap1)]
    while out[-1][1] < total:
        a = out[-1][1]
        out.append((a, min(total, a + cap)))
    short = TAIL_ROWS - (out[-1][1] - out[-1][0])
    if short > 0 and out[-2][1] - out[-2][0] - short >= TAIL_ROWS:
        (a, b), (c, d) = out[-2], out[-1]
        out[-2:] = [(a, b - short), (c - short, d)]
    return out


def reader_rows(ctx: ReportContext, a: int, b: int, width_pt: float, only: list[int] | None = None) -> str:
    """``a+1–b of N`` for rows ``a``–``b`` of a Gantt drawn with ``wrap`` on a chart ``width_pt`` wide, counted as
    the chart's subtitle counts them: a stage or a decision each, a wrapped title's further rows not."""
    rows = _charts().gantt_rows(ctx.analysis, only=only, wrap_in=width_pt / 72)

    def upto(k: int) -> int:
        return sum(1 for kind, _ in rows[:k] if kind != "more")

    return f"{upto(a) + 1}\u2013{upto(b)} of {upto(len(rows))}"


def _tail_height(ctx: ReportContext, tiles: list[tuple[int, int]], a: int, b: int, height: float) -> float:
    """Points the chart of the Gantt's last rows ``a``-``b`` takes: as tall as they are at the row pitch of a full
    page before them, without the legend (it is on the page before)."""
    from planner.charts.gantt import frame_in, row_pitch_in

    g = ctx.wide
    full = sum(frame_in(ctx.analysis, g.frame_width / 72, compact=True)) * 72
    top, bottom = frame_in(ctx.analysis, g.frame_width / 72, compact=True, legend=False)
    # The row pitch of a full page before it (the 7 pt pitch when there is none).
    pitch = (height - 2 - full) / (tiles[1][1] - tiles[1][0] + 1) if len(tiles) > 2 else 0
    pitch = max(pitch, row_pitch_in(MIN_PT) * 72)
    return min(height, (top + bottom) * 72 + (b - a + 1) * pitch + 4)


def _stage_timeline_least(ctx: ReportContext) -> float:
    """Points the stage timeline needs under the Gantt's last rows (its heading, its sentence and its chart at its
    least height), or infinity when the next section is not the stage timeline."""
    names = [s.name for s in ctx.sections]
    if "gantt" not in names or names.index("gantt") + 1 >= len(names):
        return math.inf
    if names[names.index("gantt") + 1] != "stage-timeline":
        return math.inf
    from planner.charts.stage_timeline import min_height_in

    g = ctx.wide
    # Measured as build_stage_timeline lays them out (a plain paragraph in the heading's style: no bookmark).
    flow = [Paragraph("Stage timeline", ctx.styles["h1"]), ctx.p(STAGE_TIMELINE_TEXT, markup=True)]
    return _intro_height(ctx, flow, g.frame_width) + 72 * min_height_in(
        ctx.analysis, g.frame_width / 72, compact=True
    )


def own_page(ctx: ReportContext, intro: list[Flowable], chart_pt: float | None) -> Flowable:
    """What goes before ``intro`` (a sub-heading and its words) and a chart ``chart_pt`` tall under them: a page
    break when the chart takes a page (None), else one only when the rest of the page cannot hold them."""
    if chart_pt is None:
        return PageBreak()
    return CondPageBreak(_intro_height(ctx, intro, ctx.wide.frame_width) + chart_pt)


def _intro_height(ctx: ReportContext, flowables: list[Flowable], width: float) -> float:
    """Points the ``flowables`` (a heading and its introduction) take above a chart."""
    used = 0.0
    for f in flowables:
        _, h = f.wrap(width, 10_000)
        style = getattr(f, "style", None)
        used += h + (getattr(style, "spaceAfter", 0) or 0) + (getattr(style, "spaceBefore", 0) or 0)
    return used + 6


@dataclass
class _GanttLayout:
    """How the Gantt section lays out its pages (:func:`_gantt_layout`)."""

    text: str
    only: list[int] | None
    first: float
    height: float
    tiles: list[tuple[int, int]]
    shared: bool
    least: float


def _gantt_layout(ctx: ReportContext, heading: Flowable) -> _GanttLayout:
    """The Gantt section's words and pages under ``heading``: the first page's chart height (``first``), the
    others' (``height``), the rows of each (``tiles``), whether the last page's few rows are drawn as tall as they
    are for the next section (``shared``) and a one-page chart's least height (rows at 7 pt; 0: it does not give
    way)."""
    g = ctx.wide  # landscape in a portrait report: room for whole titles beside a readable timeline
    n = len(ctx.plan.decisions)
    only: list[int] | None = None
    text = (
        "Every decision on the rolling schedule by assigned stage, in the order it starts (the legend "
        "explains the marks); a dashed line marks where a stage's last decision ends, which is not its gate "
        "(strict gates: see the stage timeline)."
    )
    if n > GANTT_ALL:
        # Tens of pages of bars are not read: the decisions the appendix lists, the rest counted.
        from planner.report.sections.details import key_decisions

        only = key_decisions(ctx)
        shown = set(only)
        crit_out = sum(1 for i in range(n) if ctx.schedule.critical[i] and i not in shown)
        text = (
            f"The plan's {len(only):,} key decisions of {n:,} on the rolling schedule, by assigned stage and in "
            f"the order they start: the critical path, milestones, work under way or blocked, then other "
            f"critical decisions. The other {n - len(only):,} are left out ("
            + (f"{crit_out:,} of them critical" if crit_out else "none of them critical")
            + "); the plan file and its spreadsheet export hold every one. A dashed line marks where a stage's "
            "last decision ends, which is not its gate (strict gates: see the stage timeline)."
        )
    first = g.frame_height - _intro_height(ctx, [heading, ctx.p(text)], g.frame_width)
    height = g.frame_height - 4
    # The rows of each page counted for the heights the charts are drawn at (2 points under their room): counted
    # for their room, the 5,000-decision plan's first page drew its labels at 6.96 pt.
    tiles = gantt_tiles(
        ctx, height - 2, first_pt=first - 2, compact=True, width_pt=g.frame_width, only=only, wrap=True
    )
    shared = True  # the last page's rows are as tall as they are, for the next section to use the rest
    if len(tiles) > 1 and tiles[-1][1] - tiles[-1][0] < MIN_PAGE_ROWS - 1:
        # A last page of a few rows, drawn as tall as they are, is for what follows to share: when nothing does
        # (no stage timeline next, or too tall for the room left), the pages share the rows evenly instead.
        a, b = tiles[-1]
        # (the stage timeline follows the rows with a section's gap: without it, it went on to the next page and
        # left six rows alone on theirs, a fifth of it used)
        left = g.frame_height - _tail_height(ctx, tiles, a, b, height) - SECTION_GAP
        if left < _stage_timeline_least(ctx):
            tiles = gantt_tiles(
                ctx,
                height - 2,
                first_pt=first - 2,
                compact=True,
                width_pt=g.frame_width,
                only=only,
                share=False,
                wrap=True,
            )
            shared = False
    least = 0.0  # a one-page chart's height with its rows at 7 pt (0: it does not give way)
    if len(tiles) == 1:
        from planner.charts.gantt import frame_in, row_pitch_in

        top, bottom = frame_in(ctx.analysis, g.frame_width / 72, compact=True)
        first = min(
            first, (top + bottom + (tiles[0][1] + 1) * row_pitch_in(_charts().style.LABEL_PT)) * 72 + 2
        )
        least = min(first, (top + bottom + tiles[0][1] * row_pitch_in(MIN_PT)) * 72 + 3)
    return _GanttLayout(text, only, first, height, tiles, shared, least)


def _gantt_least(ctx: ReportContext) -> float:
    """Points the Gantt section needs to start under the roadmap (its heading, its words and its first chart at
    its least), or infinity when the next section is not the Gantt."""
    names = [s.name for s in ctx.sections]
    if "roadmap" not in names or names.index("roadmap") + 1 >= len(names):
        return math.inf
    if names[names.index("roadmap") + 1] != "gantt" or ctx.empty:
        return math.inf
    g = ctx.wide
    # Measured as build_gantt lays them out (a plain paragraph in the heading's style: no bookmark).
    heading = Paragraph("Gantt chart", ctx.styles["h1"])
    lay = _gantt_layout(ctx, heading)
    return _intro_height(ctx, [heading, ctx.p(lay.text)], g.frame_width) + (lay.least or lay.first)


def build_gantt(ctx: ReportContext) -> list[Flowable]:
    if ctx.empty:  # no schedule to draw: the summary says so
        return []
    g = ctx.wide
    heading = ctx.heading("Gantt chart")
    lay = _gantt_layout(ctx, heading)
    text, only, first, height, tiles, shared, least = (
        lay.text,
        lay.only,
        lay.first,
        lay.height,
        lay.tiles,
        lay.shared,
        lay.least,
    )
    out: list[Flowable] = [heading, ctx.p(text)]
    # The heading and its words go to the next page with the first chart when it does not fit under them (the
    # section may start under a short roadmap), a one-page chart at its least (rows at 7 pt, _GivingChart): a
    # five-decision plan's landscape roadmap page was half empty, the Gantt on the next page with room to spare.
    out.insert(0, CondPageBreak(_intro_height(ctx, out, g.frame_width) + (least or first)))
    for k, (a, b) in enumerate(tiles):
        if k:
            out.append(PageBreak())
        rows = None if len(tiles) == 1 else (a, b)
        # One page: the rest of the page; tiles: the first shares its page with the heading, the middle ones fill
        # theirs, the last is as tall as its rows (and their "continued" stage header) at the pages' row pitch.
        h = first if k == 0 else height
        tail = shared and bool(k) and k == len(tiles) - 1 and (b - a) < MIN_PAGE_ROWS - 1
        if tail:  # a few rows: as tall as they are, without the legend (it is on the page before)
            h = _tail_height(ctx, tiles, a, b, height)

        def draw_gantt(fig: Figure, rows: tuple[int, int] | None = rows, legend: bool = not tail) -> None:
            _charts().draw_gantt(
                fig, ctx.analysis, rows=rows, compact=True, legend=legend, only=only, wrap=True
            )

        if least and k == 0:
            # A one-page chart leaves the stage timeline room under it by drawing its rows smaller, down to 7 pt:
            # under a 7-decision plan's rows at 8 pt, 45 % of the page, the timeline went to a page of its own.
            follow = _stage_timeline_least(ctx) + SECTION_GAP
            out.append(_GivingChart(ctx, draw_gantt, h - 2, least - 2, follow))
            continue
        out.append(ctx.chart(draw_gantt, h - 2, name="Gantt", min_height=h - 2, wide=True))
    return out


class _GivingChart(ChartFlowable):
    """The one-page Gantt: ``height`` points tall, or as much shorter, down to ``least`` (its rows at 7 pt), as
    leaves ``follow`` points under it on its page for the section after it. Its least height for the report's
    layout (``min_height``) stays ``height``: it gives way to what follows it, never to get onto a page."""

    def __init__(self, ctx: ReportContext, draw: Any, height: float, least: float, follow: float) -> None:
        f = ctx.chart(draw, height, name="Gantt", min_height=height, wide=True)
        super().__init__(f._draw_chart, f.width, height, name="Gantt", min_height=height)
        ctx.charts[ctx.charts.index(f)] = self
        self.full, self.least, self.follow = height, least, follow

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        room = avail_height - self.follow - 1
        if self.least <= room < self.full:
            self.height = max(self.least, room)
        elif self.least <= avail_height - 1 < self.full:  # under a short roadmap: the rest of the page
            self.height = avail_height - 1
        else:
            self.height = self.full
        return self.width, self.height


# -- dependency graph ---------------------------------------------------------------------------------------------
def graph_tiles(
    ctx: ReportContext, width_in: float, height_in: float, rest_h_in: float | None = None
) -> list[Any]:
    """The graph's pages (see :func:`planner.charts.graph_tiles`): the whole graph when it reads at 7 pt on one
    page, else dense pages of consecutive layers, all text at 7 pt or more; beyond
    :data:`~planner.charts.graph.WHOLE_MAX` decisions only the critical path and the milestones. The first page
    is ``height_in`` tall, the others up to ``rest_h_in``."""
    from planner.charts.graph import WHOLE_MAX

    return list(
        _charts().graph_tiles(
            ctx.analysis, width_in, height_in, MIN_PT, max_whole=WHOLE_MAX, compact=True, rest_h_in=rest_h_in
        )
    )


def build_graph(ctx: ReportContext) -> list[Flowable]:
    if ctx.empty or not ctx.plan.dependencies:  # no links: boxes in stage columns would only repeat the Gantt
        return []
    g = ctx.wide
    heading = ctx.heading("Dependency graph")
    out: list[Flowable] = [heading]
    n = len(ctx.plan.decisions)
    from planner.charts.graph import WHOLE_MAX

    if n > WHOLE_MAX:
        # The few words a reader needs before pages that leave decisions out; a whole graph explains itself in
        # the two lines over each page.
        out.append(
            ctx.p(
                f"With {units.count(n, 'decision')} the graph shows the critical path and the milestones, "
                f"linked directly or (dashed) through the decisions left out; the Gantt chart and the "
                f"appendix list {'every decision' if n <= GANTT_ALL else 'the key ones'}."
            )
        )
    height = g.frame_height - _intro_height(ctx, out, g.frame_width) - 2
    # Pages after the first have no heading: their charts take the whole frame (they were as short as the first).
    tiles = graph_tiles(ctx, g.frame_width / 72, height / 72, (g.frame_height - 4) / 72)
    if len(tiles) > GRAPH_MAX_PAGES:
        # Dozens of pages of cards (a critical path of hundreds of decisions) are not read in a report.
        return [
            heading,
            ctx.p(
                f"Drawn at a readable size, the dependency graph of this plan would take {len(tiles)} pages, even "
                f"with only its critical path and milestones, so the report leaves it out: the Critical path "
                f"section lists the path in order, and the app's Graph tab or "
                f"<font name='{MONO}'>planner export --chart graph</font> draw the whole graph.",
                markup=True,
            ),
        ]
    if len(tiles) == 1:
        tiles, height = _graph_sharing_page(ctx, tiles[0], height)
    # The heading and its words go to the next page with the first chart when it does not fit under them (they
    # stood alone at the foot of the stage timeline's page over a 2,000-decision plan's key decisions).
    first = 72 * getattr(tiles[0], "page_h", height / 72)
    out.insert(0, CondPageBreak(_intro_height(ctx, out, g.frame_width) + first))
    for k, window in enumerate(tiles):
        if k:
            out.append(PageBreak())
        win = None if len(tiles) == 1 and not hasattr(window, "part") else window

        def draw_graph(fig: Figure, win: Any = win) -> None:
            _charts().draw_graph(fig, ctx.analysis, window=win)

        h = 72 * getattr(window, "page_h", height / 72)
        out.append(ctx.chart(draw_graph, h, name="dependency graph", wide=True, min_height=h))
    return out


SHARE_PAGE = (
    0.8  # a one-page graph whose cards need less of its page than this leaves the rest to what follows
)


def _graph_sharing_page(ctx: ReportContext, window: Any, height: float) -> tuple[list[Any], float]:
    """The one page of a small graph, and its height in points: only as tall as its cards need when that is less
    than :data:`SHARE_PAGE` of the ``height`` it was laid out for, so that the next section starts under it (a
    six-decision chain filled the top of two half-page bands, or a wide, flat graph the top of its page, and the
    next section started a page of its own). Else as it was."""
    from planner.charts.graph import whole_height_in
    from planner.charts.graph_pages import GraphPage, fitted

    g = ctx.wide
    if isinstance(window, GraphPage):
        tight = fitted(window)
        need = 72 * tight.page_h
    else:
        tight = window
        need = 72 * whole_height_in(ctx.analysis, g.frame_width / 72, height / 72)
    if need < SHARE_PAGE * height:
        return [tight], need
    return [window], height


SECTIONS = [
    Section(
        "roadmap",
        "Roadmap on a page",
        build_roadmap,
        20,
        description="the plan on one page: areas over time, stages and gates, critical decisions",
        weight=0.6,
        wide=True,
    ),
    Section(
        "stage-timeline",
        "Stage timeline",
        build_stage_timeline,
        45,
        description="stage windows, rolling and gated, and the price of strict gates",
        weight=0.3,
        wide=True,
    ),
    Section(
        "gantt",
        "Gantt chart",
        build_gantt,
        30,
        description="the schedule, tiled over pages for big plans",
        weight=1.5,
        wide=True,
    ),
    Section(
        "graph",
        "Dependency graph",
        build_graph,
        50,
        description="decisions and their dependencies, tiled",
        weight=1.5,
        wide=True,
    ),
]
