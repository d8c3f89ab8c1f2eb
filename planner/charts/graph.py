"""The dependency graph: layered left to right by sequenced stage, cards coloured by area, the critical path
bold. The printable twin of the app's graph canvas.

Layout units are inches at the natural size (card text at :data:`NATURAL_PT`); drawing scales them to the figure,
and ``window=(x0, x1, y0, y1)`` in those units draws only part of the graph (the report tiles big graphs).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path

from planner.analysis.schedule import critical_links
from planner.charts import style

if TYPE_CHECKING:
    from planner.analysis import Analysis

NODE_W = 1.8  # card width, inches at natural size
NODE_H = 0.66
COL_PITCH = 2.35  # card width + room for links
ROW_PITCH = 0.84
COLUMN_GAP_PITCHES = 0.5  # extra room between stage columns, in layer pitches (as the app canvas)
HEADER_H = 0.55  # stage headers above the cards
NATURAL_PT = 7.5  # card title size at scale 1
MAX_SCALE = 1.25  # small graphs are not blown up beyond this
MARGIN_IN = 0.25
LEGEND_IN = 0.4
TITLE_LINES = 3
META_RATIO = 0.93  # a card's last line (weeks, float) is this share of its title's size
READ_SCALE = max(1.0, style.MIN_PT / (NATURAL_PT * META_RATIO))
"""The scale at which every line of a card reads at :data:`planner.charts.style.MIN_PT`: what a scrolled view
(``origin=``) draws at."""


@dataclass
class GraphLayout:
    """Card centres (inches, y down) per decision in plan order, link routes and the stage columns."""

    x: np.ndarray
    y: np.ndarray
    width: float
    height: float
    stage_x: list[tuple[float, float]]  # (x0, x1) of each stage column
    layer_edges: list[float]  # x positions between layers where tiles may be cut
    row_edges: list[float]  # y positions between cards where tiles may be cut
    routes: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # by dependency index
    layer: np.ndarray = field(
        default_factory=lambda: np.zeros(0, dtype=np.int64)
    )  # global layer per decision
    column: list[int] = field(default_factory=list)  # stage column per decision


_CACHE: dict[int, tuple[Any, GraphLayout]] = {}


def layout(analysis: Analysis) -> GraphLayout:
    """The layered layout of ``analysis`` in inches at natural size (cached per analysis object).

    Positions come from :func:`planner.analysis.layout.layered_layout`, the layout of the app's graph canvas, so
    the printed graph matches what the user arranged against.
    """
    key = id(analysis)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is analysis:
        return hit[1]
    result = _to_inches(analysis)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (weakref.ref(analysis), result)
    return result


def _gaps(intervals: list[tuple[float, float]], total: float) -> list[float]:
    """Positions in ``[0, total]`` that fall in no interval (midpoints of the free gaps), plus both ends."""
    cuts = [0.0, total]
    end = None
    for a, b in sorted(intervals):
        if end is not None and a > end:
            cuts.append((end + a) / 2)
        end = b if end is None else max(end, b)
    return sorted(set(cuts))


def _to_inches(analysis: Analysis) -> GraphLayout:
    from planner.analysis.layout import layered_layout

    lay = layered_layout(analysis.plan, analysis)
    gap = COLUMN_GAP_PITCHES
    # Layout units are pitches with card centres at integer-ish x; a column spans its cards +- 0.5 plus half the
    # gap to its neighbours, and the first column starts at 0 inches.
    left = (lay.columns[0].x0 - gap / 2) if lay.columns else -0.5
    xs = (np.array(lay.x, dtype=float) - left) * COL_PITCH
    ys = np.array(lay.y, dtype=float) * ROW_PITCH + HEADER_H + ROW_PITCH / 2
    stage_x = [
        ((c.x0 - gap / 2 - left) * COL_PITCH, (c.x1 + gap / 2 - left) * COL_PITCH) for c in lay.columns
    ]
    stage_x = stage_x or [(0.0, COL_PITCH)]
    routes = {
        k: [((x - left) * COL_PITCH, y * ROW_PITCH + HEADER_H + ROW_PITCH / 2) for x, y in pts]
        for k, pts in lay.routes.items()
    }
    width = stage_x[-1][1]
    height = HEADER_H + (lay.height + 1) * ROW_PITCH + 0.1
    layer_edges = _gaps([(x - NODE_W / 2, x + NODE_W / 2) for x in set(xs.tolist())], width)
    layer_edges = sorted({*layer_edges, *(a for a, _ in stage_x)})
    row_edges = _gaps([(y - NODE_H / 2, y + NODE_H / 2) for y in ys.tolist()], height)
    return GraphLayout(
        xs,
        ys,
        width,
        height,
        stage_x,
        layer_edges,
        row_edges,
        routes,
        np.array(lay.layer, dtype=np.int64),
        list(lay.column),
    )


def graph_extent(analysis: Analysis) -> tuple[float, float]:
    """Figure size in inches that shows the whole graph at its natural (readable) size."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return (8.0, 5.0)
    lay = layout(analysis)
    return (lay.width + 2 * MARGIN_IN, lay.height + style.TITLE_IN + LEGEND_IN + MARGIN_IN)


def _avail(page_w_in: float, page_h_in: float) -> tuple[float, float]:
    return (page_w_in - 2 * MARGIN_IN, page_h_in - style.TITLE_IN - LEGEND_IN - MARGIN_IN)


def _cuts(edges: list[float], total: float, span: float) -> list[tuple[float, float]]:
    """Split ``[0, total]`` at ``edges`` into pieces no longer than ``span`` (when the edges allow)."""
    out = []
    a = 0.0
    while a < total - 1e-9:
        fits = [e for e in edges if a < e <= a + span + 1e-9]
        b = max(fits) if fits else min((e for e in edges if e > a), default=total)
        out.append((a, b))
        a = b
    return out or [(0.0, total)]


def _row_cuts(cards: list[tuple[float, float]], total: float, span: float) -> list[tuple[float, float]]:
    """Split ``[0, total]`` into pieces no longer than ``span``, cutting between cards where there is room, else
    through cards and starting the next piece at the top of the cards cut, so every card is whole somewhere."""
    gaps = _gaps(cards, total)
    out = []
    a = 0.0
    while a < total - 1e-9:
        if a + span >= total:
            out.append((a, total))
            break
        b_max = a + span
        fits = [g for g in gaps if a + span / 2 < g <= b_max]
        if fits:
            b = max(fits)
            nxt = b
        else:
            b = b_max
            cut = [c0 for c0, c1 in cards if c0 < b < c1]
            nxt = min(cut, default=b)
            if nxt <= a + 1e-9:  # a card taller than the page: give up overlapping
                nxt = b
        out.append((a, b))
        a = nxt
    return out or [(0.0, total)]


def graph_windows(
    analysis: Analysis, page_w_in: float, page_h_in: float, min_font_pt: float = style.MIN_PT
) -> list[tuple[float, float, float, float]]:
    """Windows ``(x0, x1, y0, y1)`` of the whole graph's layout that cover it, each drawable with
    :func:`draw_graph` on a ``page_w_in`` x ``page_h_in`` figure with card text of at least ``min_font_pt``.
    Cuts fall between layers and, where the cards of a strip of layers leave room, between cards; otherwise
    consecutive tiles of a strip overlap so that every card is whole on one of them (a tile draws only the cards
    wholly inside it). The order is left to right, and top to bottom within a strip.

    These windows follow the on-screen layout, which leaves much of a page empty on big graphs; for print,
    :func:`graph_tiles` gives dense pages instead."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return [(0.0, 1.0, 0.0, 1.0)]
    lay = layout(analysis)
    aw, ah = _avail(page_w_in, page_h_in)
    scale = min(MAX_SCALE, max(0.05, min_font_pt / NATURAL_PT))
    span_w, span_h = aw / scale, ah / scale - HEADER_H
    if lay.width <= span_w and lay.height <= span_h:
        return [(0.0, lay.width, 0.0, lay.height)]
    tiles = []
    for x0, x1 in _cuts(lay.layer_edges, lay.width, span_w):
        # Horizontal cuts only need to miss the cards of this strip of layers.
        inside = (lay.x + NODE_W / 2 > x0) & (lay.x - NODE_W / 2 < x1)
        cards = [(y - NODE_H / 2, y + NODE_H / 2) for y in lay.y[inside].tolist()]
        tiles += [(x0, x1, y0, y1) for y0, y1 in _row_cuts(cards, lay.height, span_h)]
    return tiles


def fits_one_page(
    analysis: Analysis, page_w_in: float, page_h_in: float, min_font_pt: float = style.MIN_PT
) -> bool:
    """Whether the whole graph, as laid out on screen, reads at ``min_font_pt`` (its second lines at 0.93 of
    that) on one ``page_w_in`` x ``page_h_in`` page."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return True
    lay = layout(analysis)
    aw, ah = _avail(page_w_in, page_h_in)
    scale = min(MAX_SCALE, aw / max(lay.width, 1e-6), ah / max(lay.height, 1e-6))
    return NATURAL_PT * scale * META_RATIO >= min_font_pt - 1e-6


def view_room(w_in: float, h_in: float) -> tuple[float, float]:
    """The part of the layout (width, height in inches at natural size) that a ``w_in`` x ``h_in`` figure shows
    when drawn with ``origin=`` (at :data:`READ_SCALE`, the stage headers pinned at its top)."""
    aw, ah = _avail(w_in, h_in)
    return (max(aw, 0.5) / READ_SCALE, max(ah, 0.5) / READ_SCALE)


def view_min_height_in() -> float:
    """The least figure height (inches) whose scrolled view shows the stage headers and a row of cards."""
    return style.TITLE_IN + LEGEND_IN + MARGIN_IN + (HEADER_H + ROW_PITCH + 0.1) * READ_SCALE


def fits_view(analysis: Analysis, w_in: float, h_in: float) -> bool:
    """Whether the whole graph reads (every card line at :data:`planner.charts.style.MIN_PT`) on a ``w_in`` x
    ``h_in`` figure; when not, a view scrolls over it with ``origin=``."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return True
    lay = layout(analysis)
    room_w, room_h = view_room(w_in, h_in)
    return lay.width <= room_w + 1e-9 and lay.height <= room_h + 1e-9


def card_box(analysis: Analysis, decision_id: str) -> tuple[float, float, float, float] | None:
    """The card of ``decision_id`` as ``(x0, x1, y0, y1)`` in layout inches (None when it has none)."""
    if analysis.schedule is None:
        return None
    i = analysis.schedule.index.get(decision_id)
    if i is None:
        return None
    lay = layout(analysis)
    x, y = float(lay.x[i]), float(lay.y[i])
    return (x - NODE_W / 2, x + NODE_W / 2, y - NODE_H / 2, y + NODE_H / 2)


def whole_height_in(analysis: Analysis, page_w_in: float, page_h_in: float) -> float:
    """The height (inches, at most ``page_h_in``) the whole graph takes when drawn on a page ``page_w_in`` wide
    and up to ``page_h_in`` tall: its layout at the scale that page gives it, with the title and legend. A wide,
    flat graph needs less than the page; the report gives the rest to the next section."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return page_h_in
    lay = layout(analysis)
    aw, ah = _avail(page_w_in, page_h_in)
    scale = min(MAX_SCALE, aw / max(lay.width, 1e-6), ah / max(lay.height, 1e-6))
    return min(page_h_in, page_h_in - ah + lay.height * scale)


WHOLE_MAX = 60  # the report draws graphs up to this many decisions whole; bigger ones as their key decisions


def graph_tiles(
    analysis: Analysis,
    page_w_in: float,
    page_h_in: float,
    min_font_pt: float = style.MIN_PT,
    *,
    max_whole: int | None = None,
    compact: bool = False,
    rest_h_in: float | None = None,
) -> list[Any]:
    """What to pass as ``window=`` to :func:`draw_graph`, one per page of ``page_w_in`` x ``page_h_in`` inches,
    to print the whole graph with no text below ``min_font_pt``.

    A graph that reads at that size on one page gives one window, the whole layout. A bigger one gives the dense
    pages of :func:`planner.charts.graph_pages.graph_pages`: consecutive layers packed into columns of cards,
    links to other pages marked by stubs that name the other end, every decision on exactly one page.

    With ``max_whole``, a plan of more decisions gives pages of only the critical path and the milestones
    (:func:`~planner.charts.graph_pages.key_decisions`; each page says how many decisions it leaves out).
    ``compact`` pages have two subtitle lines instead of the title (for the report, which has its own heading).
    ``rest_h_in``: pages after the first may be this tall (a page's ``page_h`` says how tall it is).
    """
    n = len(analysis.plan.decisions) if analysis.schedule is not None else 0
    if max_whole is not None and n > max_whole:
        from planner.charts.graph_pages import graph_pages, key_decisions

        return list(
            graph_pages(
                analysis,
                page_w_in,
                page_h_in,
                min_font_pt,
                members=key_decisions(analysis),
                compact=compact,
                rest_h_in=rest_h_in,
            )
        )
    if fits_one_page(analysis, page_w_in, page_h_in, min_font_pt):
        if analysis.schedule is None or not analysis.plan.decisions:
            return [(0.0, 1.0, 0.0, 1.0)]
        lay = layout(analysis)
        return [(0.0, lay.width, 0.0, lay.height)]
    from planner.charts.graph_pages import graph_pages

    return list(
        graph_pages(analysis, page_w_in, page_h_in, min_font_pt, compact=compact, rest_h_in=rest_h_in)
    )


def _rounded(cx: np.ndarray, cy: np.ndarray, w: float, h: float, r: float) -> np.ndarray:
    """Rounded rectangles centred at (cx, cy) as an (n, m, 2) vertex array."""
    t = np.linspace(0, np.pi / 2, 5)
    corners = []
    for ox, oy, a0 in (
        (w / 2 - r, h / 2 - r, 0.0),
        (-w / 2 + r, h / 2 - r, np.pi / 2),
        (-w / 2 + r, -h / 2 + r, np.pi),
        (w / 2 - r, -h / 2 + r, 1.5 * np.pi),
    ):
        corners.append(np.stack([ox + r * np.cos(a0 + t), oy + r * np.sin(a0 + t)], 1))
    shape = np.concatenate(corners)
    return np.stack([cx, cy], 1)[:, None, :] + shape[None, :, :]


def draw_graph(
    fig: Figure,
    analysis: Analysis,
    *,
    highlight: str | Iterable[str] | None = None,
    window: Any = None,
    origin: tuple[float, float] | None = None,
) -> None:
    """Draw the dependency graph of ``analysis`` on ``fig``: columns are sequenced stages, cards decisions
    coloured by area, the critical path in bold black. ``window`` draws only part of it: a page of
    :func:`graph_tiles` (a :class:`~planner.charts.graph_pages.GraphPage`), or a rectangle ``(x0, x1, y0, y1)``
    of the layout in inches (see :func:`graph_windows`).

    ``origin=(x, y)`` (layout inches) draws the view of a scrolled graph: the part of the layout from that point
    that the figure holds at :data:`READ_SCALE` (:func:`view_room`), cards at the edges cut, the stage headers
    pinned at the top; every card line reads at :data:`planner.charts.style.MIN_PT` however big the plan."""
    from planner.charts.graph_pages import GraphPage, draw_page

    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "dependency graph"):
            return
        if isinstance(window, GraphPage):
            draw_page(fig, analysis, window, style.as_id_set(highlight))
            return
        _draw(fig, analysis, style.as_id_set(highlight), window, origin)


def _draw(
    fig: Figure,
    analysis: Analysis,
    selected: set[str],
    window: tuple[float, float, float, float] | None,
    origin: tuple[float, float] | None = None,
) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    assert s is not None and st is not None  # draw_graph checked the analysis is drawable
    g = s.graph
    lay = layout(analysis)
    if origin is not None:
        window = None  # a view shows the cards it cuts, not only those wholly inside
    w_in, h_in = fig.get_size_inches()
    aw, ah = _avail(w_in, h_in)
    aw, ah = max(aw, 0.5), max(ah, 0.5)
    wx0, wx1, wy0, wy1 = window if window is not None else (0.0, lay.width, 0.0, lay.height)
    # A tile that starts below the top repeats the stage headers in a strip above its cards.
    repeat_head = wy0 > 1e-9
    if repeat_head:
        wy0 -= HEADER_H
    scale = min(MAX_SCALE, aw / max(wx1 - wx0, 1e-6), ah / max(wy1 - wy0, 1e-6))
    if origin is not None:  # a scrolled view: readable at any size, the headers over the cards scrolled up
        scale = READ_SCALE
        repeat_head = origin[1] > 1e-9
    vw, vh = aw / scale, ah / scale
    if origin is not None:
        vx0, vy0 = origin
        vx1, vy1 = vx0 + vw, vy0 + vh
    elif window is None:  # centre the whole graph
        cx = (wx0 + wx1) / 2
        vx0, vx1, vy0, vy1 = cx - vw / 2, cx + vw / 2, 0.0, vh
    else:
        vx0, vx1, vy0, vy1 = wx0, wx0 + vw, wy0, wy0 + vh
    ax = fig.add_axes(style.inches_to_fig(fig, MARGIN_IN, LEGEND_IN, MARGIN_IN, style.TITLE_IN))
    ax.set_xlim(vx0, vx1)
    ax.set_ylim(vy1, vy0)
    ax.set_axis_off()
    font = NATURAL_PT * scale

    # -- stage columns ---------------------------------------------------------------------------------------
    for k, (x0, x1) in enumerate(lay.stage_x):
        ax.fill_between(
            [x0, x1], [vy0, vy0], [max(lay.height, vy1)] * 2, color=style.BAND[k % 2], zorder=0, linewidth=0
        )
        if k:
            ax.plot([x0, x0], [vy0, max(lay.height, vy1)], color=style.GRID, linewidth=0.8, zorder=0.2)
        r = st.stages[k]
        head_y = vy0 + 0.06
        if repeat_head:
            ax.fill_between(
                [x0, x1], [vy0, vy0], [vy0 + HEADER_H] * 2, color=style.BAND[k % 2], zorder=4, linewidth=0
            )
        if x1 > vx0 and x0 < vx1 and font >= 4:
            window_txt = (
                f"wk {style.fmt_weeks(r.gated_start)}\u2013{style.fmt_weeks(r.gated_finish)} gated"
                if r.gated_start is not None
                else "no decisions"
            )
            cx = (max(x0, vx0) + min(x1, vx1)) / 2
            col_in = (min(x1, vx1) - max(x0, vx0)) * scale - 0.1  # a header never runs into the next column
            ax.text(
                cx,
                head_y,
                style.fit_line(f"{k + 1} \u00b7 {style.caps(r.name)}", col_in, font * 1.15, bold=True),
                ha="center",
                va="top",
                fontsize=font * 1.15,
                fontweight="bold",
                color=style.INK,
                clip_on=True,
                zorder=5,
            )
            ax.text(
                cx,
                head_y + 0.24,
                window_txt,
                ha="center",
                va="top",
                fontsize=font * 0.95,
                color=style.MUTED,
                clip_on=True,
                zorder=5,
            )

    # -- links ---------------------------------------------------------------------------------------------
    xs, ys = lay.x, lay.y
    path_pairs = critical_links(s)  # the one rule (planner.analysis.schedule)
    plain, bold = [], []
    heads_plain, heads_bold = [], []
    hw, hl = 0.055, 0.11
    routes = lay.routes
    for e in range(len(g.src)):
        u, v = int(g.src[e]), int(g.dst[e])
        pts = [(xs[u] + NODE_W / 2, ys[u])]
        for wx, wy in routes.get(int(g.edge_dep[e]), ()):
            pts += [(wx - NODE_W / 2, wy), (wx + NODE_W / 2, wy)]
        pts.append((xs[v] - NODE_W / 2 - hl, ys[v]))
        px = [p[0] for p in pts]
        py = [p[1] for p in pts]
        if max(px) < vx0 or min(px) > vx1 or max(py) < vy0 or min(py) > vy1:
            continue
        verts = [pts[0]]
        codes = [Path.MOVETO]
        for j in range(1, len(pts)):
            (ax0, ay0), (ax1, ay1) = pts[j - 1], pts[j]
            if j % 2 == 0 and j < len(pts) - 1 or abs(ay1 - ay0) < 1e-9:
                verts.append((ax1, ay1))  # straight through a layer, or level
                codes.append(Path.LINETO)
            else:
                dx = max(0.2, (ax1 - ax0) * 0.45)
                verts += [(ax0 + dx, ay0), (ax1 - dx, ay1), (ax1, ay1)]
                codes += [Path.CURVE4] * 3
        p = Path(verts, codes)
        x1, y1 = pts[-1]
        head = [(x1, y1 - hw), (x1 + hl, y1), (x1, y1 + hw)]
        if (g.ids[u], g.ids[v]) in path_pairs:
            bold.append(p)
            heads_bold.append(head)
        else:
            plain.append(p)
            heads_plain.append(head)
    if plain:
        ax.add_collection(
            PathCollection(
                plain, facecolors="none", edgecolors=style.EDGE, linewidths=max(0.4, 0.8 * scale), zorder=1
            )
        )
        ax.add_collection(PolyCollection(heads_plain, facecolors=style.EDGE, edgecolors="none", zorder=1))
    if bold:
        ax.add_collection(
            PathCollection(
                bold,
                facecolors="none",
                edgecolors=style.CRITICAL,
                linewidths=max(1.0, 2.2 * scale),
                zorder=1.5,
            )
        )
        ax.add_collection(
            PolyCollection(heads_bold, facecolors=style.CRITICAL, edgecolors="none", zorder=1.5)
        )

    # -- cards ---------------------------------------------------------------------------------------------
    if window is None:
        vis = np.flatnonzero(
            (xs + NODE_W / 2 > vx0)
            & (xs - NODE_W / 2 < vx1)
            & (ys + NODE_H / 2 > vy0)
            & (ys - NODE_H / 2 < vy1)
        ).tolist()
    else:
        # A tile shows the cards wholly inside its window; a card on a cut is whole on the neighbouring tile.
        eps = 1e-6
        vis = np.flatnonzero(
            (xs - NODE_W / 2 >= window[0] - eps)
            & (xs + NODE_W / 2 <= window[1] + eps)
            & (ys - NODE_H / 2 >= window[2] - eps)
            & (ys + NODE_H / 2 <= window[3] + eps)
        ).tolist()
    if not vis:
        _legend_and_title(fig, analysis, window)
        return
    colors = style.decision_colors(plan)
    vi = np.array(vis)
    crit = s.critical[vi]
    sel = np.array([g.ids[i] in selected for i in vis], dtype=bool)
    if sel.any():
        ax.add_collection(
            PolyCollection(
                _rounded(xs[vi][sel], ys[vi][sel], NODE_W + 0.16, NODE_H + 0.16, 0.1),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                facecolors=style.HIGHLIGHT,
                edgecolors="none",
                zorder=1.8,
            )
        )
    # A done decision (issue 16: the remaining-work graph marks it) is muted and says "done" on its last line.
    done = getattr(g, "done", None)
    is_done = done.tolist() if done is not None and len(done) == len(g.ids) else [False] * len(g.ids)
    face = [style.tint(colors[i], 0.93 if is_done[i] else 0.82) for i in vis]
    edge = [
        style.CRITICAL if c else style.shade(colors[i], 0.2) for i, c in zip(vis, crit.tolist(), strict=True)
    ]
    lw = [(2.4 if c else 0.9) * scale for c in crit.tolist()]
    for j in np.flatnonzero(sel).tolist():
        lw[j] = max(lw[j], 2.6 * scale)
        edge[j] = style.INK
    ax.add_collection(
        PolyCollection(
            _rounded(xs[vi], ys[vi], NODE_W, NODE_H, 0.06),  # type: ignore[arg-type]  # a 3-D array: the fast path
            facecolors=face,
            edgecolors=edge,
            linewidths=lw,
            zorder=2,
        )
    )
    stripe_w = 0.07
    ax.add_collection(
        PolyCollection(
            _rounded(xs[vi] - NODE_W / 2 + stripe_w / 2 + 0.03, ys[vi], stripe_w, NODE_H - 0.12, 0.02),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
            facecolors=[colors[i] for i in vis],
            edgecolors="none",
            zorder=2.1,
        )
    )
    if font >= 3.5:
        chars = style.chars_fitting(NODE_W - 0.22, NATURAL_PT)  # the meta line's budget
        for i in vis:
            d = plan.decisions[i]
            bold_i = bool(s.critical[i]) or g.ids[i] in selected
            lines = style.wrap_measured(d.title, NODE_W - 0.22, NATURAL_PT, TITLE_LINES, bold=bold_i)
            x_text = xs[i] - NODE_W / 2 + 0.15
            top = ys[i] - NODE_H / 2 + 0.06
            ax.text(
                x_text,
                top,
                "\n".join(lines),
                ha="left",
                va="top",
                fontsize=font,
                fontweight="bold" if bold_i else "normal",
                color=style.INK,
                linespacing=1.1,
                clip_on=True,
                zorder=3,
            )
            from planner.charts.graph_pages import _meta_pieces

            # The facts that fit the card's last line, whole: a number is never cut ("float 9…").
            pieces = (
                ["done", f"finished wk {style.fmt_weeks(s.es[i])}"]  # no float or span left to speak of
                if is_done[i]
                else [f"{style.fmt_weeks(s.duration[i])} wk", *_meta_pieces(analysis, i)]
            )
            meta = _meta_line(pieces[0 if not d.milestone or is_done[i] else 1 :], int(chars / META_RATIO))
            ax.text(
                x_text,
                ys[i] + NODE_H / 2 - 0.05,
                meta,
                ha="left",
                va="bottom",
                fontsize=font * META_RATIO,
                color=style.MUTED,
                clip_on=True,
                zorder=3,
            )
    _legend_and_title(fig, analysis, window)


def _meta_line(pieces: list[str], limit: int) -> str:
    """``pieces`` joined by `` · `` in at most ``limit`` characters, each whole or left out. When they do not all
    fit, a card's duration (``"0.8 wk"``, first; its span ``wk 4–4.8`` says it again) goes before anything else, so
    that a decision's float is not the figure dropped: a card without one reads as critical.

    >>> _meta_line(["0.8 wk", "wk 4\u20134.8", "float 5.15"], 26)
    'wk 4–4.8 · float 5.15'
    >>> _meta_line(["2 wk", "wk 4\u20136", "float 4.95"], 26)
    '2 wk · wk 4–6 · float 4.95'
    """

    def greedy(items: list[str]) -> list[str]:
        kept: list[str] = []
        for piece in items:
            if len(" \u00b7 ".join([*kept, piece])) <= limit:
                kept.append(piece)
        return kept

    kept = greedy(pieces)
    if len(kept) < len(pieces) and len(pieces) > 1 and pieces[0].endswith(" wk"):
        rest = greedy(pieces[1:])
        if len(rest) > len([p for p in kept if p != pieces[0]]):  # more of the rest without the duration
            kept = rest
    return " \u00b7 ".join(kept)


def _legend_and_title(
    fig: Figure, analysis: Analysis, window: tuple[float, float, float, float] | None
) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    assert s is not None and st is not None  # draw_graph checked the analysis is drawable
    bits = [
        "columns are the stages decisions run in under strict gates, left to right in dependency order",
        style.critical_share(int(s.critical.sum()), len(plan.decisions)),
    ]
    # SPEC §3.3 "Words": a view by sequenced stage says which decisions sequencing moved.
    bits += st.sequencing_text()
    if window is not None:
        lay = layout(analysis)
        bits.insert(
            0,
            f"section {window[0] / max(lay.width, 1e-9):.0%}\u2013{min(1, window[1] / max(lay.width, 1e-9)):.0%}"
            f" across, {window[2] / max(lay.height, 1e-9):.0%}\u2013"
            f"{min(1, window[3] / max(lay.height, 1e-9)):.0%} down",
        )
    # The figures stay whole: the sequencing notes go first, then the columns' sentence (fit_line cut the line).
    figures = [b for b in bits if not b.startswith("columns are")]
    options = style.dropping(bits, len(bits) - len(st.sequencing_text())) + style.dropping(
        figures, len(figures) - len(st.sequencing_text())
    )
    style.title(fig, f"Dependency graph \u2014 {plan.title}", style.fitting_subtitle(fig, options))
    colors = style.area_colors(plan)
    used = {d.area for d in plan.decisions}
    handles: list[Any] = [Patch(facecolor=colors[a.id], label=a.name) for a in plan.areas if a.id in used]
    if any(u not in colors for u in used):
        handles.append(Patch(facecolor=style.NO_AREA, label="No area"))
    handles.append(
        Patch(facecolor="white", edgecolor=style.CRITICAL, linewidth=2.0, label="Critical decision")
    )
    handles.append(Line2D([], [], color=style.CRITICAL, linewidth=2.2, label="Critical path"))
    w_in, h_in = fig.get_size_inches()
    longest = max(len(h.get_label()) for h in handles)
    per_row = max(1, int((w_in - 0.4) / (style.text_width_in("x" * longest, style.SMALL_PT) + 0.45)))
    n_rows = math.ceil(len(handles) / per_row)
    per_row = math.ceil(len(handles) / n_rows)
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.04 / h_in),
        ncol=per_row,
        fontsize=style.SMALL_PT,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.4,
        borderaxespad=0.0,
    )
