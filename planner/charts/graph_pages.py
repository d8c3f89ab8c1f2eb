"""The dependency graph cut into dense pages, for print and the PDF report.

The layered layout of the whole graph (:mod:`planner.analysis.layout`) spreads cards far apart vertically to keep
edges straight; cut into page-sized windows it gives many near-empty pages. Here the graph's layers are kept in
order, left to right, but each page packs its layers into columns of cards at a fixed, readable size (card titles
at ``min_font + 0.5`` pt, everything else at ``min_font`` or more):

- a page holds consecutive layers, preferably whole stages (a small stage shares a page with the next);
- a layer taller than the page is wrapped into several columns, and one wider than the page over several pages;
- within a column, cards keep the layout's order and are pulled level with their neighbours on the page;
- a link whose other end is on another page is not drawn as a line to nowhere: the card gets a short stub arrow
  and a line of text naming the other end ("→ Integrate: inference-service", "← Validate: value-case").

Every decision is on exactly one page. Units are inches on the page the pages were made for; drawing on a figure
of another size scales them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path

from planner import units
from planner.analysis.progress import shown_float
from planner.analysis.schedule import critical_links
from planner.charts import style
from planner.units import agree

MARGIN_IN = 0.1  # inside the figure, left and right (a report page or an export has its own margins)
LEGEND_IN = 0.42
# At most: the rows of legend entries at style.SMALL_PT that LEGEND_IN and the gap over it hold.
LEGEND_ROWS = 3
TEXT_INSET_IN = 0.15  # a card's width less this is its lines' room, measured (with WIDTH_SAFETY to spare)
HEAD_MAX_LINES = 1000  # the lines over a compact page: never cut (they name the stages on it)
HEADER_IN = 0.36  # stage names above the columns (name at +0.05 in, the gated weeks at +0.23 in)
CARD_CHARS = (25, 19)  # title characters per line, tried in order (sets the card width)
MIN_GAP_IN = 0.4  # between columns, room for the links (and the stub arrows, 0.25 in)
ROW_GAP_IN = 0.1
PAD_IN = 0.06  # inside a card, above and below the text
STRIPE_IN = 0.07
TITLE_LINES = 3
HEADROOM = 0.85  # share of a column's height planned for cards before the stub lines are known


@dataclass(frozen=True)
class GraphPage:
    """One page of the paged graph: its columns of decisions (plan positions, top to bottom), the stage column
    of each, and the page it was laid out for. Pass it as ``window=`` to :func:`planner.charts.draw_graph`."""

    part: int  # 1-based
    parts: int
    columns: tuple[tuple[int, ...], ...]
    stages: tuple[int, ...]
    page_w: float
    page_h: float
    font: float  # card title size, pt; the rest of the text is ``small``
    small: float
    chars: int = 25  # title characters per line (sets the card width)
    bands: int = 1  # rows of columns on the page (a long thin graph wraps like text)
    per_band: int = 0  # columns per band (0: all of them)
    # The links drawn, ``(from, to, direct)``, when the pages show only some decisions (``direct`` False: the
    # link runs through decisions left out); None: the plan's dependencies.
    links: tuple[tuple[int, int, bool], ...] | None = None
    left_out: int = 0  # decisions of the plan on no page
    compact: bool = False  # two subtitle lines instead of the title
    # Height of each band's cards, inches, when the bands are as tall as their columns (a page then holds as many
    # bands as fit); empty: ``bands`` bands of equal height.
    band_heights: tuple[float, ...] = ()
    # Per band (flexible bands): True when it only continues the stage of the band above, so has no stage header.
    continued: tuple[bool, ...] = ()
    spare: float = (
        0.0  # inches each flexible band was given beyond its cards, to fill the page (see ``fitted``)
    )

    @property
    def decisions(self) -> list[int]:
        return [i for col in self.columns for i in col]

    def __len__(self) -> int:  # the number of cards
        return sum(len(c) for c in self.columns)


@dataclass(frozen=True)
class _Geometry:
    card_w: float
    gap: float
    n_cols: int
    x0: float  # left edge of the first column
    top: float  # top of the cards of the first band
    bottom: float  # bottom of the cards of the first band
    title_line: float  # inches per title line
    small_line: float
    bands: int = 1
    band_pitch: float = 0.0  # from one band to the next

    @property
    def band_h(self) -> float:
        return self.bottom - self.top


STUB_IN = (0.42, 0.3)  # room for the stub arrows left of the first column and right of the last


BAND_GAP_IN = 0.12
# Flexible bands: their columns are cut at a page's band height split this many ways.
FLEX_BANDS = (1, 2, 3, 4, 5, 6)
# Between a band and the one that goes on with its stage (no header between them): a white strip between their
# stage backgrounds, wider than the gap between two cards of a column, so that each band reads as a line.
CONT_GAP_IN = 0.26


COMPACT_LINE_IN = 0.16  # one subtitle line of a compact page (a report page has its own heading)


def _geometry(
    page_w: float,
    page_h: float,
    font: float,
    small: float,
    chars: int,
    n_cols: int | None = None,
    bands: int = 1,
    compact: int = 0,
) -> _Geometry:
    """``compact``: the number of subtitle lines that replace the title (0: the title)."""
    title_in = 0.08 + COMPACT_LINE_IN * compact if compact else style.TITLE_IN
    card_w = chars * font * style.CHAR_EM / 72 + 0.24
    aw = page_w - 2 * MARGIN_IN - sum(STUB_IN)
    fit = max(1, int((aw + MIN_GAP_IN) / (card_w + MIN_GAP_IN)))
    n = fit if n_cols is None else max(1, min(fit, n_cols))
    # Spread the columns over the width, but never so far that links get long and thin: at most 1.2 in apart.
    gap = MIN_GAP_IN if n == 1 else min(1.2, (aw - n * card_w) / (n - 1))
    used = n * card_w + (n - 1) * gap
    head = HEADER_IN + 0.05
    total = page_h - LEGEND_IN - 0.12 - title_in
    band_h = (total - bands * head - (bands - 1) * BAND_GAP_IN) / bands
    top = title_in + head
    return _Geometry(
        card_w,
        gap,
        n,
        MARGIN_IN + STUB_IN[0] + (aw - used) / 2,
        top,
        top + band_h,
        font * 1.12 / 72,
        small * 1.18 / 72,
        bands,
        band_h + head + BAND_GAP_IN,
    )


def _max_lines(chars: int) -> int:
    return TITLE_LINES if chars >= 22 else TITLE_LINES + 1  # narrow cards get a line more


def _title_lines(analysis: Any, chars: int, font: float) -> list[int]:
    crit = analysis.schedule.critical
    return [
        len(_card_title(d, chars, font, bold=bool(crit[i]))) for i, d in enumerate(analysis.plan.decisions)
    ]


def _card_title(d: Any, chars: int, font: float, *, bold: bool) -> list[str]:
    """The lines of ``d``'s title on a card ``chars`` wide at ``font`` pt, wrapped by measured width (by a count
    of characters, a title of wide letters ran out of its card)."""
    room = chars * font * style.CHAR_EM / 72  # the card's width less its padding and stripe (see _geometry)
    return style.wrap_measured(_title(d), room, font, _max_lines(chars), bold=bold)


def _title(d: Any) -> str:
    return ("\u25c6 " if d.milestone else "") + d.title


def _card_h(g: _Geometry, lines: int, stubs: int, meta: int = 1) -> float:
    return 2 * PAD_IN + lines * g.title_line + (meta + stubs) * g.small_line


def _meta_pieces(analysis: Any, i: int) -> list[str]:
    """The facts under a card's title: its weeks, its float, and the stage it is assigned to when the graph
    draws it in a later one (SPEC §3.3: a view by sequenced stage names the decisions sequencing moved)."""
    s, st, plan = analysis.schedule, analysis.stages, analysis.plan
    d = plan.decisions[i]
    out = [
        f"\u25c6 wk {style.fmt_weeks(s.es[i])}" if d.milestone else f"wk {units.week_span(s.es[i], s.ef[i])}"
    ]
    tf = shown_float(d.status, float(s.total_float[i]))
    if not s.critical[i] and tf is not None:  # done work: no float to show (the one rule)
        out.append(f"float {style.fmt_weeks(tf)}")
    stage = int(s.graph.stage[i])
    if int(st.sequenced[i]) != stage and 0 <= stage < len(plan.stages):
        out.append(f"assigned {plan.stages[stage].name}")
    return out


def _meta_lines(pieces: list[str], chars: int, width_in: float, size: float) -> list[str]:
    """``pieces`` joined by `` · `` into lines of at most ``chars`` characters, never cutting one (a number is
    never shortened); a piece longer than a line gets a line of its own, except the stage a decision is assigned
    to, which is shortened to the line's ``width_in`` inches at ``size`` pt, measured."""
    lines: list[str] = []
    for p in pieces:
        if p.startswith("assigned ") and (len(p) > chars or style.measured_width_in(p, size) > width_in):
            # A stage name carries no figure: shortened to the card, where a long one ran across the next card
            # (by a count of characters, a name of capitals still ran past the card's edge).
            p = style.fit_line(style.ellipsize(p, chars), width_in, size)
        if lines and len(lines[-1]) + 3 + len(p) <= chars:
            lines[-1] += " \u00b7 " + p
        else:
            lines.append(p)
    return lines or [""]


def _meta_chars(g: _Geometry, small: float) -> int:
    return style.chars_fitting(g.card_w - 0.2, small)


def _split_balanced(heights: list[float], k: int) -> list[list[int]]:
    """Positions 0..n-1 cut into ``k`` consecutive runs of about equal total height (no run empty)."""
    n = len(heights)
    k = max(1, min(k, n))
    total = sum(heights)
    out: list[list[int]] = [[]]
    acc = 0.0
    for j, h in enumerate(heights):
        left = n - j  # items still to place, this one included
        runs_left = k - len(out)
        if out[-1] and runs_left > 0 and (acc + h / 2 > total * len(out) / k or left <= runs_left):
            out.append([])
        out[-1].append(j)
        acc += h
    return out


def _columns_for(heights: list[float], avail: float, gap: float, at_least: int = 1) -> list[list[int]]:
    """The fewest balanced columns (>= ``at_least``) in which cards of ``heights`` fit ``avail`` inches."""
    k = max(at_least, math.ceil((sum(heights) + gap * (len(heights) - 1)) / avail - 1e-9))
    while True:
        runs = _split_balanced(heights, k)
        if all(sum(heights[j] for j in r) + gap * (len(r) - 1) <= avail + 1e-9 for r in runs) or k >= len(
            heights
        ):
            return runs
        k += 1


def graph_pages(
    analysis: Any,
    page_w_in: float,
    page_h_in: float,
    min_font_pt: float = style.MIN_PT,
    members: list[int] | None = None,
    compact: bool = False,
    rest_h_in: float | None = None,
) -> list[GraphPage]:
    """The dependency graph of ``analysis`` as dense pages of ``page_w_in`` x ``page_h_in`` inches with no text
    below ``min_font_pt`` (see the module docstring). Every decision (of ``members``, plan positions, when
    given: then links run between them, directly or through the decisions left out) is on exactly one page.
    ``rest_h_in``: the pages after the first may be this tall (a report's first page has the section heading);
    each page's ``page_h`` says how tall it is."""

    if analysis.schedule is None or not analysis.plan.decisions:
        return []
    links = None if members is None else reduced_links(analysis, members)
    best: list[GraphPage] = []
    # Wide cards in one band unless narrower cards (more columns) or two or three bands (a long, thin graph, like
    # lines of text) save pages. Then bands as tall as their columns, as many as fit a page, with columns cut at
    # a page's, a half's ... a sixth's height: a graph of short columns (a summarised one: the critical chain,
    # one or two cards a layer) filled only the top of two equal bands, and 40 % of each page was empty.
    for flex, tries in ((False, (1, 2, 3)), (True, FLEX_BANDS)):
        for bands in tries:
            for chars in CARD_CHARS:
                pages = _paginate(
                    analysis,
                    page_w_in,
                    page_h_in,
                    min_font_pt,
                    chars,
                    bands,
                    members,
                    links,
                    compact,
                    flex,
                    max(page_h_in, rest_h_in or 0.0),
                )
                if pages and (not best or len(pages) < len(best) or _tighter(pages, best)):
                    best = pages
    return best


def _tighter(pages: list[GraphPage], best: list[GraphPage]) -> bool:
    """Whether ``pages``, one page of bands as tall as their cards, should replace ``best``, one page of equal
    bands: the same page, but one that :func:`fitted` can make as short as its cards (a small graph's equal bands
    were as tall as half the page each, their cards at the top and their stage backgrounds empty below)."""
    return len(pages) == len(best) == 1 and bool(pages[0].band_heights) and not best[0].band_heights


def fitted(page: GraphPage) -> GraphPage:
    """``page`` as tall as its cards need: its flexible bands without the room they were given to fill the page
    (a page of equal bands is returned as it is). For a report whose graph takes part of a page and leaves the
    rest to what follows."""
    if not page.band_heights or page.spare <= 0:
        return page
    return replace(
        page,
        page_h=page.page_h - page.spare * len(page.band_heights),
        band_heights=tuple(h - page.spare for h in page.band_heights),
        spare=0.0,
    )


def key_decisions(analysis: Any) -> list[int]:
    """Plan positions of the decisions a summarised graph keeps: the critical path and the milestones."""
    s = analysis.schedule
    keep = {s.index[i] for i in s.critical_path if i in s.index}
    keep |= {k for k, d in enumerate(analysis.plan.decisions) if d.milestone}
    return sorted(keep)


def reduced_links(analysis: Any, members: list[int]) -> tuple[tuple[int, int, bool], ...]:
    """Links between ``members``: ``(u, v, True)`` for a dependency, ``(u, v, False)`` when v depends on u only
    through decisions that are not members (the nearest such member on each path).

    One pass in reverse topological order: each decision's set of nearest member descendants (a bit per member)
    is its successors' -- a member successor's own bit, a non-member's set -- so the cost is one step per link,
    not a search from every member (30,000 decisions with 1,500 key ones: 28 s before, well under a second)."""
    g = analysis.schedule.graph
    n = len(g.ids)
    succ: list[list[int]] = [[] for _ in range(n)]
    for u, v in zip(g.src.tolist(), g.dst.tolist(), strict=True):
        succ[u].append(v)
    order = list(members)
    bit = {u: k for k, u in enumerate(order)}
    topo = g.order if g.order is not None else _topological(n, succ)
    near = [0] * n  # bit k set: order[k] is reached from here through non-members only
    for x in reversed(topo):
        acc = 0
        for y in succ[x]:
            k = bit.get(y)
            acc |= near[y] if k is None else 1 << k
        near[x] = acc
    out: list[tuple[int, int, bool]] = []
    for u in members:
        direct = {v for v in succ[u] if v in bit}
        out += [(u, v, True) for v in sorted(direct)]
        via = 0
        for v in succ[u]:
            if v not in bit:
                via |= near[v]
        found: set[int] = set()
        while via:
            low = via & -via
            found.add(order[low.bit_length() - 1])
            via ^= low
        out += [(u, v, False) for v in sorted(found - direct)]
    return tuple(out)


def _topological(n: int, succ: list[list[int]]) -> list[int]:
    """A topological order of an acyclic graph given by ``succ`` (Kahn)."""
    indeg = [0] * n
    for vs in succ:
        for v in vs:
            indeg[v] += 1
    out = [x for x in range(n) if indeg[x] == 0]
    for x in out:
        for v in succ[x]:
            indeg[v] -= 1
            if indeg[v] == 0:
                out.append(v)
    return out


def _paginate(
    analysis: Any,
    page_w_in: float,
    page_h_in: float,
    min_font_pt: float,
    chars: int,
    bands: int = 1,
    members: list[int] | None = None,
    links: tuple[tuple[int, int, bool], ...] | None = None,
    compact: bool = False,
    flex: bool = False,
    rest_h_in: float = 0.0,
) -> list[GraphPage]:
    """The pages with cards ``chars`` wide, in ``bands`` bands of equal height, or (``flex``) in bands as tall
    as their columns, as many as fit a page (``rest_h_in`` tall after the first), columns being cut where
    ``bands`` equal bands would cut them."""
    from planner.charts.graph import layout

    s = analysis.schedule
    lay = layout(analysis)
    font, small = min_font_pt + 0.5, min_font_pt
    left_out = 0 if members is None else len(analysis.plan.decisions) - len(members)
    g = _geometry(
        page_w_in,
        page_h_in,
        font,
        small,
        chars,
        bands=bands,
        compact=_head_lines(analysis, page_w_in, small, left_out) if compact else 0,
    )
    avail = g.band_h
    lines = _title_lines(analysis, chars, font)
    n = len(lines)
    mc = _meta_chars(g, small)
    metas = [
        len(_meta_lines(_meta_pieces(analysis, i), mc, g.card_w - TEXT_INSET_IN, small)) for i in range(n)
    ]
    shown = list(range(n)) if members is None else list(members)
    if flex:
        # Columns as tall as ``bands`` equal bands allow, but never shorter than the tallest card (stub lines and
        # all): with many bands, one card a column and bands only as tall as their cards.
        avail = max(avail, max(_card_h(g, lines[i], 2, metas[i]) for i in shown))
    elif avail < 1.0:
        return []
    cap = g.n_cols if flex else g.n_cols * bands  # columns grouped into bands (flex) or pages
    if links is None:
        src, dst = s.graph.src.tolist(), s.graph.dst.tolist()
    else:
        src, dst = [u for u, _, _ in links], [v for _, v, _ in links]
    layer = lay.layer.tolist()
    column = lay.column
    n_layers = max(layer) + 1
    by_layer: list[list[int]] = [[] for _ in range(n_layers)]
    for i in sorted(shown, key=lambda i: (layer[i], float(lay.y[i]), i)):
        by_layer[layer[i]].append(i)
    by_layer = [lst for lst in by_layer if lst]

    # Units: a layer, or a run of a layer too wide for one page. Slots: the columns a unit needs.
    extra = [0] * n  # stub lines per card (known once pages are)
    min_slots: dict[int, int] = {}
    for _ in range(6):
        units: list[tuple[int, list[int], int]] = []  # (stage column, cards, slots)
        for li, lst in enumerate(by_layer):
            hs = [_card_h(g, lines[i], extra[i], metas[i]) for i in lst]
            runs = _columns_for(
                hs, avail * (HEADROOM if not any(extra) else 1.0), ROW_GAP_IN, min_slots.get(li, 1)
            )
            min_slots[li] = len(runs)
            # One unit per column, so that a wide layer may start on a page that has room.
            units += [(column[lst[0]], [lst[j] for j in r], 1) for r in runs]
        pages = _group(units, cap)
        page_of = [0] * n  # page and band
        slot = [0] * n  # column within the band
        for p, members in enumerate(pages):
            for m, u in enumerate(members):
                for i in units[u][1]:
                    page_of[i] = p * bands + m // g.n_cols if not flex else p
                    slot[i] = m % g.n_cols
        new_extra = [0] * n
        outs = [False] * n
        ins = [False] * n
        for u, v in zip(src, dst, strict=True):
            # As draw_page decides: a line within a band, left to right; otherwise a stub line on both cards.
            if page_of[u] != page_of[v] or (flex and slot[v] <= slot[u]):
                outs[u] = True
                ins[v] = True
        new_extra = [int(a) + int(b) for a, b in zip(outs, ins, strict=True)]
        if new_extra == extra:
            break
        extra = new_extra
    if flex:
        heights = [_card_h(g, lines[i], extra[i], metas[i]) for i in range(n)]
        pg = GraphPage(0, 0, (), (), page_w_in, page_h_in, font, small, chars, 1, 0, links, left_out, compact)
        return _flex_pages(
            analysis.plan, g, pg, [[units[u] for u in band] for band in pages], heights, rest_h_in
        )
    # Final columns with the real card heights.
    out_pages: list[tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]] = []
    for members in pages:
        cols: list[tuple[int, ...]] = []
        stages: list[int] = []
        for u in members:
            stage_col, cards, slots = units[u]
            hs = [_card_h(g, lines[i], extra[i], metas[i]) for i in cards]
            for r in _columns_for(hs, avail, ROW_GAP_IN, slots):
                cols.append(tuple(cards[j] for j in r))
                stages.append(stage_col)
        # A page whose stub lines pushed it past its columns is split in two (rare).
        while len(cols) > cap:
            out_pages.append((tuple(cols[:cap]), tuple(stages[:cap])))
            cols, stages = cols[cap:], stages[cap:]
        if cols:
            out_pages.append((tuple(cols), tuple(stages)))
    total = len(out_pages)
    return [
        GraphPage(
            k + 1,
            total,
            cols,
            stages,
            page_w_in,
            page_h_in,
            font,
            small,
            chars,
            bands if len(cols) > g.n_cols else 1,
            g.n_cols if len(cols) > g.n_cols else 0,
            links,
            left_out,
            compact,
        )
        for k, (cols, stages) in enumerate(out_pages)
    ]


def _flex_pages(
    plan: Any,
    g: _Geometry,
    like: GraphPage,
    bands: list[list[tuple[int, list[int], int]]],
    heights: list[float],
    rest_h_in: float,
) -> list[GraphPage]:
    """Pages of flexible bands: each band (its units: stage column, cards, one column each) as tall as its
    tallest column, consecutive bands on a page while they fit, the room left shared out between them. ``like``
    gives the pages' size (the first's; the others are ``rest_h_in`` tall), type and links; ``heights`` the card
    heights, stub lines included."""
    head = HEADER_IN + 0.05
    # The page's own lines over the bands, the legend under them (as many rows as the page's width makes it).
    fixed = _legend_h(plan, like.page_w, bool(like.left_out)) + 0.12 + (g.top - head)
    rest_h = max(like.page_h, rest_h_in)

    def room_of(page: int) -> float:
        return (like.page_h if page == 0 else rest_h) - fixed

    def tallest(band: list[tuple[int, list[int], int]]) -> float:
        return max(sum(heights[i] for i in cards) + ROW_GAP_IN * (len(cards) - 1) for _, cards, _ in band)

    band_h = [tallest(b) for b in bands]
    # A band of one stage under a band ending in that stage needs no header of its own (on the same page): the
    # stage's name and gated weeks repeated over every band took a third of the room of a band of small cards.
    same = [b > 0 and {u[0] for u in bands[b]} == {bands[b - 1][-1][0]} for b in range(len(bands))]
    pages: list[list[int]] = []
    used = 0.0
    for b, h in enumerate(band_h):
        need = (CONT_GAP_IN if same[b] else BAND_GAP_IN + head) + h
        if pages and used + need <= room_of(len(pages) - 1) + 1e-9:
            pages[-1].append(b)
            used += need
        else:
            pages.append([b])
            used = head + h
    out: list[GraphPage] = []
    for k, members in enumerate(pages):
        continued = [j > 0 and same[b] for j, b in enumerate(members)]
        spare = room_of(k) - head - sum(band_h[b] for b in members)
        spare -= sum(CONT_GAP_IN if c else BAND_GAP_IN + head for c in continued[1:])
        spare /= len(members)
        cols: list[tuple[int, ...]] = []
        stages: list[int] = []
        for j, b in enumerate(members):
            # Every band but the last has g.n_cols columns (empty ones at its end), so that each starts at the
            # left edge of the page.
            pad = g.n_cols - len(bands[b]) if j < len(members) - 1 else 0
            cols += [tuple(cards) for _, cards, _ in bands[b]] + [()] * pad
            stages += [stage for stage, _, _ in bands[b]] + [bands[b][-1][0]] * pad
        out.append(
            replace(
                like,
                part=k + 1,
                parts=len(pages),
                page_h=like.page_h if k == 0 else rest_h,
                columns=tuple(cols),
                stages=tuple(stages),
                bands=len(members),
                per_band=g.n_cols if len(members) > 1 else 0,
                band_heights=tuple(band_h[b] + max(0.0, spare) for b in members),
                continued=tuple(continued),
                spare=max(0.0, spare),
            )
        )
    return out


def _group(units: list[tuple[int, list[int], int]], cap: int) -> list[list[int]]:
    """Units into pages of at most ``cap`` slots: whole stages where they fit, a small stage beside the next
    one, a big stage over pages of about equal width."""
    pages: list[list[int]] = []
    used = cap  # slots used on the last page (full: the next unit starts a page)
    k = 0
    while k < len(units):
        end = k
        while end < len(units) and units[end][0] == units[k][0]:
            end += 1
        run = list(range(k, end))
        k = end
        slots = sum(units[j][2] for j in run)
        if pages and (slots <= cap - used or used < cap * 0.75):
            # The stage fits beside what is on the page, or the page has room: fill it first.
            while run and units[run[0]][2] <= cap - used:
                j = run.pop(0)
                pages[-1].append(j)
                used += units[j][2]
        for j in run:  # the rest of the stage fills new pages
            s = units[j][2]
            if not pages or used + s > cap:
                pages.append([])
                used = 0
            pages[-1].append(j)
            used += s
    # A stub of a last page shares the work with the page before it.
    if len(pages) >= 2 and used < cap / 2:
        both = pages[-2] + pages[-1]
        widths = [units[j][2] for j in both]
        best: tuple[int, int] | None = None
        for cut in range(1, len(both)):
            a, b = sum(widths[:cut]), sum(widths[cut:])
            if a <= cap and b <= cap and (best is None or abs(a - b) < best[0]):
                best = (abs(a - b), cut)
        if best is not None:
            pages[-2:] = [both[: best[1]], both[best[1] :]]
    return pages


# -- drawing ---------------------------------------------------------------------------------------------------
def _place(
    hs: list[float], targets: list[float | None], top: float, bottom: float, gap: float
) -> list[float]:
    """Centres of cards of heights ``hs`` stacked in order between ``top`` and ``bottom``, as close as the order
    allows to ``targets`` (None: no wish)."""
    from planner.analysis.layout import _isotonic

    m = len(hs)
    packed = []
    acc = top
    for h in hs:
        packed.append(acc + h / 2)
        acc += h + gap
    used = acc - gap - top
    if all(t is None for t in targets):
        return packed  # top-aligned when nothing pulls
    tg = [t if t is not None else packed[j] for j, t in enumerate(targets)]
    w = [1.0 if t is not None else 0.2 for t in targets]
    ys = _isotonic(tg, w, [h + gap for h in hs])
    # Keep inside the page: each card no higher than the cards above it allow, no lower than those below.
    lo = [packed[j] for j in range(m)]
    hi = [bottom - (used - (packed[j] - top)) for j in range(m)]
    return [min(max(y, a), b) for y, a, b in zip(ys, lo, hi, strict=True)]


def draw_page(fig: Figure, analysis: Any, page: GraphPage, selected: set[str]) -> None:
    """Draw one :class:`GraphPage` of ``analysis`` on ``fig`` (already cleared and styled)."""
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    g_ids = s.graph.ids
    fw, fh = fig.get_size_inches()
    k = min(fw / page.page_w, fh / page.page_h)
    font, small = page.font, page.small
    per = page.per_band or len(page.columns)
    geo = _geometry(
        page.page_w,
        page.page_h,
        font,
        small,
        page.chars,
        per,
        page.bands,
        _head_lines(analysis, page.page_w, small, page.left_out) if page.compact else 0,
    )
    # Axes in page inches (y down), scaled into the figure and centred.
    ax = fig.add_axes((0, 0, 1, 1))
    ox = (fw / k - page.page_w) / 2
    oy = (fh / k - page.page_h) / 2
    ax.set_xlim(-ox, page.page_w + ox)
    ax.set_ylim(page.page_h + oy, -oy)
    ax.set_axis_off()
    fs = font * k
    ss = small * k

    cols = page.columns
    band_of = [c // per for c in range(len(cols))]
    slot_of = [c % per for c in range(len(cols))]
    on_page = {i: c for c, col in enumerate(cols) for i in col}
    if page.links is None:
        all_links = [(u, v, True) for u, v in zip(s.graph.src.tolist(), s.graph.dst.tolist(), strict=True)]
    else:
        all_links = list(page.links)
    indirect = {(u, v) for u, v, direct in all_links if not direct}
    preds: dict[int, list[int]] = {}
    succs: dict[int, list[int]] = {}
    for u, v, _ in all_links:
        if u in on_page or v in on_page:
            succs.setdefault(u, []).append(v)
            preds.setdefault(v, []).append(u)

    blocked: set[tuple[int, int]] = set()  # links with no way between the cards: named on the cards instead

    def linked(u: int, v: int) -> bool:
        """Whether the link u -> v is drawn as a line (both in one band of this page, a route between cards)."""
        cu, cv = on_page.get(u), on_page.get(v)
        return (
            cu is not None
            and cv is not None
            and band_of[cu] == band_of[cv]
            and slot_of[cv] > slot_of[cu]
            and (u, v) not in blocked
        )

    crit = s.critical
    titles: dict[int, list[str]] = {}
    for i in on_page:
        bold = bool(crit[i]) or g_ids[i] in selected
        titles[i] = _card_title(plan.decisions[i], page.chars, font, bold=bold)
    meta_chars = _meta_chars(geo, small)
    metas = {
        i: _meta_lines(_meta_pieces(analysis, i), meta_chars, geo.card_w - TEXT_INSET_IN, small)
        for i in on_page
    }
    xs = {i: geo.x0 + slot_of[c] * (geo.card_w + geo.gap) + geo.card_w / 2 for i, c in on_page.items()}
    band_tops, band_hs = _bands(page, geo)
    tops = [band_tops[band_of[c]] for c in range(len(cols))]
    bottoms = [t + band_hs[band_of[c]] for c, t in enumerate(tops)]
    half_w = geo.card_w / 2
    for _attempt in range(3):
        outs: dict[int, list[int]] = {}
        ins: dict[int, list[int]] = {}
        for i in on_page:
            outs[i] = [v for v in succs.get(i, ()) if not linked(i, v)]
            ins[i] = [u for u in preds.get(i, ()) if not linked(u, i)]
        heights = {
            i: _card_h(geo, len(titles[i]), int(bool(outs[i])) + int(bool(ins[i])), len(metas[i]))
            for i in on_page
        }
        # Columns left to right; each card pulled level with its neighbours in the columns before it, then after.
        ys: dict[int, float] = {}
        for c, col in enumerate(cols):
            hs = [heights[i] for i in col]
            ys.update(zip(col, _place(hs, [None] * len(col), tops[c], bottoms[c], ROW_GAP_IN), strict=True))
        for sweep in (range(len(cols)), range(len(cols) - 1, -1, -1)):
            for c in sweep:
                col = cols[c]
                targets: list[float | None] = []
                for i in col:
                    nb = [ys[u] for u in preds.get(i, []) if linked(u, i)] + [
                        ys[v] for v in succs.get(i, []) if linked(i, v)
                    ]
                    targets.append(sum(nb) / len(nb) if nb else None)
                ys.update(
                    zip(
                        col,
                        _place([heights[i] for i in col], targets, tops[c], bottoms[c], ROW_GAP_IN),
                        strict=True,
                    )
                )
        routes, failed = _routes(cols, on_page, succs, linked, xs, ys, heights, tops, bottoms, geo, slot_of)
        if not failed:
            break
        blocked |= failed
    for u, v in failed:  # still no way after re-placing: named on the cards that have a stub line already
        if v not in outs.get(u, [v]) and outs.get(u):
            outs[u].append(v)
        if u not in ins.get(v, [u]) and ins.get(v):
            ins[v].append(u)
        routes.pop((u, v), None)

    # Stage bands and headers over the columns of each stage on the page.
    runs: list[tuple[int, int, int]] = []  # (stage, first column, last column), within one band
    for c, stg in enumerate(page.stages):
        if not cols[c]:
            continue  # the empty end of a flexible band
        if runs and runs[-1][0] == stg and band_of[runs[-1][2]] == band_of[c]:
            runs[-1] = (stg, runs[-1][1], c)
        else:
            runs.append((stg, c, c))
    stage_res = st.stages
    for stg, c0, c1 in runs:
        s0, s1 = slot_of[c0], slot_of[c1]
        x0 = geo.x0 + s0 * (geo.card_w + geo.gap) - geo.gap / 2 + (geo.gap / 2 - 0.08 if s0 == 0 else 0)
        x1 = (
            geo.x0
            + s1 * (geo.card_w + geo.gap)
            + geo.card_w
            + geo.gap / 2
            - (geo.gap / 2 - 0.08 if s1 == per - 1 else 0)
        )
        head_top = tops[c0] - HEADER_IN - 0.05
        cont = band_of[c0] < len(page.continued) and page.continued[band_of[c0]]
        ax.fill_between(
            [x0, x1],
            [tops[c0] - 0.06 if cont else head_top] * 2,
            [bottoms[c0] + 0.06] * 2,
            color=style.BAND[stg % 2],
            linewidth=0,
            zorder=0,
        )
        if cont:
            continue  # the stage goes on from the band above, under its header
        if stg < len(stage_res):
            r = stage_res[stg]
            name = f"{stg + 1} \u00b7 {style.caps(r.name)}"
            sub = (
                f"gated wk {units.week_span(r.gated_start, r.gated_finish)}"
                if r.gated_start is not None
                else ""
            )
        else:
            name, sub = "UNKNOWN STAGE", ""
        # Measured as drawn (upper case, bold): a count of average characters let wide capitals run into the next
        # stage's header ('...TRANSFOR2 · INTEGRATE').
        ax.text(
            (x0 + x1) / 2,
            head_top + 0.05,
            style.fit_line(" ".join(name.split()), x1 - x0 - 0.1, fs * 1.1, bold=True),
            ha="center",
            va="top",
            fontsize=fs * 1.1,
            fontweight="bold",
            color=style.INK,
            zorder=5,
        )
        if sub and style.measured_width_in(sub, ss) > x1 - x0 - 0.1:
            sub = sub.removeprefix("gated ")  # a narrow column: the figures, never cut
        if sub:
            ax.text(
                (x0 + x1) / 2,
                head_top + 0.23,
                sub,
                ha="center",
                va="top",
                fontsize=ss,
                color=style.MUTED,
                zorder=5,
            )

    # Links between cards of this page; the critical path in bold.
    path_pairs = critical_links(s)  # the one rule (planner.analysis.schedule)
    plain: list[Path] = []
    bold_p: list[Path] = []
    heads_plain: list[Any] = []
    heads_bold: list[Any] = []
    hw, hl = 0.045, 0.09
    dashed: list[Path] = []
    for (u, v), p in routes.items():
        end = np.asarray(p.vertices, dtype=float)[-1]
        x1, y1 = float(end[0]), float(end[1])
        head = [(x1, y1 - hw), (x1 + hl, y1), (x1, y1 + hw)]
        if (g_ids[u], g_ids[v]) in path_pairs:
            bold_p.append(p)
            heads_bold.append(head)
        else:
            (dashed if (u, v) in indirect else plain).append(p)
            heads_plain.append(head)
    if dashed:
        ax.add_collection(
            PathCollection(
                dashed,
                facecolors="none",
                edgecolors=style.EDGE,
                linewidths=0.7 * k,
                linestyles=(0, (3, 2)),
                zorder=1,
            )
        )
    if plain:
        ax.add_collection(
            PathCollection(plain, facecolors="none", edgecolors=style.EDGE, linewidths=0.7 * k, zorder=1)
        )
        ax.add_collection(PolyCollection(heads_plain, facecolors=style.EDGE, edgecolors="none", zorder=1))
    if bold_p:
        ax.add_collection(
            PathCollection(
                bold_p, facecolors="none", edgecolors=style.CRITICAL, linewidths=1.8 * k, zorder=1.5
            )
        )
        ax.add_collection(
            PolyCollection(heads_bold, facecolors=style.CRITICAL, edgecolors="none", zorder=1.5)
        )

    # Cards.
    from planner.charts.graph import _rounded

    order = list(on_page)
    colors = style.decision_colors(plan)
    cx = np.array([xs[i] for i in order])
    cy = np.array([ys[i] for i in order])
    ch = np.array([heights[i] for i in order])
    verts = [
        _rounded(cx[j : j + 1], cy[j : j + 1], geo.card_w, float(ch[j]), 0.05)[0] for j in range(len(order))
    ]
    sel = [g_ids[i] in selected for i in order]
    if any(sel):
        halo = [
            _rounded(cx[j : j + 1], cy[j : j + 1], geo.card_w + 0.14, float(ch[j]) + 0.14, 0.08)[0]
            for j in range(len(order))
            if sel[j]
        ]
        ax.add_collection(PolyCollection(halo, facecolors=style.HIGHLIGHT, edgecolors="none", zorder=1.8))
    face = [style.tint(colors[i], 0.82) for i in order]
    edge = [
        style.INK if sel[j] else style.CRITICAL if crit[i] else style.shade(colors[i], 0.2)
        for j, i in enumerate(order)
    ]
    lw = [(2.6 if sel[j] else 2.0 if crit[i] else 0.8) * k for j, i in enumerate(order)]
    ax.add_collection(PolyCollection(verts, facecolors=face, edgecolors=edge, linewidths=lw, zorder=2))
    stripes = [
        _rounded(
            cx[j : j + 1] - geo.card_w / 2 + STRIPE_IN / 2 + 0.03,
            cy[j : j + 1],
            STRIPE_IN,
            float(ch[j]) - 0.1,
            0.02,
        )[0]
        for j in range(len(order))
    ]
    ax.add_collection(
        PolyCollection(stripes, facecolors=[colors[i] for i in order], edgecolors="none", zorder=2.1)
    )

    # Stubs: a short arrow out of (into) a card for each side that has links to other pages.
    stub_segs: list[list[tuple[float, float]]] = []
    stub_heads: list[Any] = []
    stage_names = [x.name for x in plan.stages]
    seq = st.sequenced
    ids = g_ids
    for j, i in enumerate(order):
        x_text = xs[i] - half_w + 0.15
        y = ys[i] - heights[i] / 2 + PAD_IN
        bold = bool(crit[i]) or sel[j]
        ax.text(
            x_text,
            y,
            "\n".join(titles[i]),
            ha="left",
            va="top",
            fontsize=fs,
            fontweight="bold" if bold else "normal",
            color=style.INK,
            linespacing=1.0,
            zorder=3,
        )
        y += len(titles[i]) * geo.title_line + 0.01
        lines = list(metas[i])
        colors_l = [style.MUTED] * len(lines)
        for arrow, others in (("\u2190", ins[i]), ("\u2192", outs[i])):
            if not others:
                continue
            lines.append(
                _stub_text(
                    arrow,
                    others,
                    ids,
                    seq,
                    stage_names,
                    meta_chars,
                    int(seq[i]),
                    geo.card_w - TEXT_INSET_IN,
                    small,
                )
            )
            colors_l.append(style.INK)
        for line, ink in zip(lines, colors_l, strict=True):
            ax.text(x_text, y, line, ha="left", va="top", fontsize=ss, color=ink, zorder=3)
            y += geo.small_line
        if outs[i]:
            xa = xs[i] + half_w
            stub_segs.append([(xa, ys[i]), (xa + 0.16, ys[i])])
            stub_heads.append([(xa + 0.16, ys[i] - hw), (xa + 0.16 + hl, ys[i]), (xa + 0.16, ys[i] + hw)])
        if ins[i]:
            xa = xs[i] - half_w
            stub_segs.append([(xa - 0.24 - hl, ys[i]), (xa - hl, ys[i])])
            stub_heads.append([(xa - hl, ys[i] - hw), (xa, ys[i]), (xa - hl, ys[i] + hw)])
    if stub_segs:
        ax.add_collection(
            LineCollection(
                stub_segs, colors=style.INK, linewidths=0.9 * k, linestyles=(0, (2, 1.5)), zorder=1.6
            )
        )
        ax.add_collection(PolyCollection(stub_heads, facecolors=style.INK, edgecolors="none", zorder=1.6))

    # Title and legend.
    line1, notes = _header(analysis, page, len(on_page))
    if page.compact:
        fw_in, fh_in = fig.get_size_inches()
        for j, (text, color) in enumerate(
            [(t, style.MUTED) for t in line1] + [(t, style.INK) for t in notes]
        ):
            fig.text(
                0.18 / fw_in,
                1 - (0.04 + 0.16 * j) * k / fh_in,
                text,
                ha="left",
                va="top",
                fontsize=ss,
                color=color,
            )
    else:
        # the notes left out, the last first, before the figures' line is cut
        options = style.dropping([" ".join(line1), *notes])
        style.title(fig, f"Dependency graph \u2014 {plan.title}", style.fitting_subtitle(fig, options))
    _legend(fig, plan, [plan.decisions[i].area for i in order], k, through=bool(page.left_out))


def _bands(page: GraphPage, geo: _Geometry) -> tuple[list[float], list[float]]:
    """The top of each band's cards and their height, inches on the page."""
    if not page.band_heights:
        return [geo.top + b * geo.band_pitch for b in range(page.bands)], [geo.band_h] * page.bands
    tops = [geo.top]
    for b, h in enumerate(page.band_heights[:-1]):
        cont = b + 1 < len(page.continued) and page.continued[b + 1]
        tops.append(tops[-1] + h + (CONT_GAP_IN if cont else BAND_GAP_IN + HEADER_IN + 0.05))
    return tops, list(page.band_heights)


CLEAR_IN = 0.03  # a line passing between two cards keeps this far from both
LANE_IN = 0.035  # lines sharing a gap between cards are this far apart


def _routes(
    cols: Any,
    on_page: dict[int, int],
    succs: dict[int, list[int]],
    linked: Any,
    xs: dict[int, float],
    ys: dict[int, float],
    heights: dict[int, float],
    tops: list[float],
    bottoms: list[float],
    geo: _Geometry,
    slot_of: list[int],
) -> tuple[dict[tuple[int, int], Path], set[tuple[int, int]]]:
    """A path for every link drawn as a line, and the links that found no way.

    A link between neighbouring columns is a curve in the gap between them, where there are no cards. A longer
    one crosses each column in between level, through a gap between its cards (or above or below them), and
    curves from gap to gap between the columns: so no line ever passes under a card."""
    half_w = geo.card_w / 2
    hl = 0.09
    free: dict[int, list[list[float]]] = {}  # per column: free intervals [a, b, lines already through]
    for c, col in enumerate(cols):
        spans = sorted((ys[i] - heights[i] / 2, ys[i] + heights[i] / 2) for i in col)
        top, bottom = tops[c] - 0.02, bottoms[c] + 0.04
        gaps, at = [], top
        for a, b in spans:
            if a - CLEAR_IN - (at + CLEAR_IN) >= 0:
                gaps.append([at + CLEAR_IN, a - CLEAR_IN, 0.0])
            at = max(at, b)
        if bottom - (at + CLEAR_IN) >= 0:
            gaps.append([at + CLEAR_IN, bottom, 0.0])
        free[c] = gaps
    routes: dict[tuple[int, int], Path] = {}
    failed: set[tuple[int, int]] = set()
    pairs = sorted(
        ((u, v) for u in on_page for v in succs.get(u, ()) if linked(u, v)),
        key=lambda e: (on_page[e[0]], ys[e[0]], ys[e[1]]),
    )
    for u, v in pairs:
        cu, cv = on_page[u], on_page[v]
        px, py = xs[u] + half_w, ys[u]
        verts: list[tuple[float, float]] = [(px, py)]
        codes = [Path.MOVETO]
        ok = True
        for c in range(cu + 1, cv):
            steps = cv - c
            want = py + (ys[v] - py) / (steps + 1)
            best = None
            for gap in free[c]:
                a, b, used = gap
                y = min(max(want, a + used * LANE_IN), b)
                if y < a - 1e-9:
                    continue
                if best is None or abs(y - want) < abs(best[1] - want):
                    best = (gap, y)
            if best is None:
                ok = False
                break
            best[0][2] += 1
            y = best[1]
            xl = xs[cols[c][0]] - half_w if cols[c] else geo.x0 + slot_of[c] * (geo.card_w + geo.gap)
            dx = (xl - px) * 0.5
            verts += [(px + dx, py), (xl - dx, y), (xl, y), (xl + geo.card_w, y)]
            codes += [Path.CURVE4, Path.CURVE4, Path.CURVE4, Path.LINETO]
            px, py = xl + geo.card_w, y
        if not ok:
            failed.add((u, v))
            continue
        x1, y1 = xs[v] - half_w - hl, ys[v]
        dx = max(0.0, (x1 - px) * 0.5)
        verts += [(px + dx, py), (x1 - dx, y1), (x1, y1)]
        codes += [Path.CURVE4] * 3
        routes[(u, v)] = Path(verts, codes)
    return routes, failed


def _header(analysis: Any, page: GraphPage, n_here: int) -> tuple[list[str], list[str]]:
    """The lines over a page: where it is in the graph (one line, :func:`_where_line`), then the note on what
    columns and lines mean (wrapped to the page, never shortened)."""
    return _where_line(analysis, page, n_here), _notes(analysis, page.page_w, page.small)


def _where_line(analysis: Any, page: GraphPage, n_here: int) -> list[str]:
    """The line over a page saying where it is: its part, its stages ('Validate to Integrate') and how many
    decisions it holds. One line by rule: where the whole names do not fit, they are shortened, measured, each to
    the same width where both need it (the band headers and the stages in detail have them whole); where even
    names of :data:`NAME_LEAST_IN` leave no room, a summarised graph's counts are said in fewer words. (Long stage
    names took two lines, the second pushing the cards down.)"""
    plan, st = analysis.plan, analysis.stages
    stage_res = st.stages
    first, last = min(page.stages), max(page.stages)
    names = [
        stage_res[x].name if x < len(stage_res) else "Unknown stage" for x in dict.fromkeys((first, last))
    ]
    n_all = len(plan.decisions)
    part = [f"part {units.part_of(page.part, page.parts)}"] if page.parts > 1 else []  # no "part 1 of 1"
    if page.left_out:
        kept, out = n_all - page.left_out, units.part_of(page.left_out, n_all)
        counts = [
            [
                f"the critical path and the milestones: {units.part_of(n_here, kept)} here",
                f"{out} decisions left out"
                # An exported page says where the others are; a report's words over its pages say it (the Gantt
                # chart of a plan of more than 400 decisions has only the key ones: 'all are in' was not true).
                + ("" if page.compact else " (all are in the Gantt chart)"),
            ],
            # the same in fewer words
            [f"critical path, milestones: {units.part_of(n_here, kept)}", f"{out} left out"],
        ]
    else:
        counts = [[agree(n_all, "its 1 decision", f"{units.part_of(n_here, n_all)} decisions")]]
    width, size = page.page_w - 0.4, page.small

    def line(shown: list[str], words: list[str]) -> str:
        return " \u00b7 ".join([*part, " to ".join(shown), *words])

    for words in counts:
        if style.measured_width_in(line(names, words), size) <= width:
            return [line(names, words)]
        room = width - style.measured_width_in(line(["" for _ in names], words), size)
        if room >= NAME_LEAST_IN * len(names):
            return [line(_names_in(names, room, size), words)]
    # a page too narrow for any of it: wrapped, never cut
    return style.wrap_measured(line(names, counts[-1]), width, size, HEAD_MAX_LINES)


def _names_in(names: list[str], room: float, size: float) -> list[str]:
    """``names`` shortened (measured, :func:`style.fit_line`) to share ``room`` inches at ``size`` pt: each the same
    width, a name narrower than its share whole and its spare room the other's."""
    widths = [style.measured_width_in(n, size) for n in names]
    share = room / len(names)
    if len(names) == 2 and min(widths) < share:
        k = widths.index(min(widths))
        out = list(names)
        out[1 - k] = style.fit_line(names[1 - k], room - widths[k], size)
        return out
    return [style.fit_line(n, share, size) for n in names]


def _head_lines(analysis: Any, page_w: float, small: float, left_out: int) -> int:
    """Lines over a compact page (at most: the part numbers and stage names of the longest case)."""
    res = analysis.stages.stages
    n_all = len(analysis.plan.decisions)
    # "A to B" of the two widest stage names
    widest = sorted(range(len(res)), key=lambda x: style.measured_width_in(res[x].name, small))[-2:] or [0]
    worst = GraphPage(99, 99, ((0,),), tuple(sorted(widest)), page_w, 10.0, small, small, left_out=left_out)
    return len(_header(analysis, worst, n_all)[0]) + len(_notes(analysis, page_w, small))


# The note over a graph page takes at most this many lines where shortening its stage names does it, the names
# shortened to no less than NAME_LEAST_IN inches.
NOTE_LINES = 3
NAME_LEAST_IN = 0.8


def _notes(analysis: Any, page_w: float, small: float) -> list[str]:
    """The note over a graph page: what its columns are, the decisions strict gates move (in the words of
    :meth:`~planner.analysis.stages.StageAnalysis.sequencing_text`) and what the arrows name. Where it would take
    more than :data:`NOTE_LINES` lines, the stage names in it are shortened, measured, each to the same width, as
    little as that takes (not below :data:`NAME_LEAST_IN`): a plan of long stage names repeated each in full, the
    note seven lines over the cards."""
    width = page_w - 0.4

    def lines(stages: Any) -> list[str]:
        note = "columns are the stages decisions run in under strict gates"
        moved = stages.sequencing_text()
        if moved:
            note += ": " + "; ".join(moved)
        note += " \u00b7 \u2190 / \u2192 name linked decisions on other pages"
        return style.wrap_measured(note, width, small, HEAD_MAX_LINES)

    out = lines(analysis.stages)
    if len(out) <= NOTE_LINES or not analysis.stages.suggested_moves:
        return out
    name_in = width / 2
    while True:
        short = replace(
            analysis.stages,
            stages=[replace(r, name=style.fit_line(r.name, name_in, small)) for r in analysis.stages.stages],
        )
        out = lines(short)
        if len(out) <= NOTE_LINES or name_in <= NAME_LEAST_IN:
            return out
        name_in = max(NAME_LEAST_IN, name_in * 0.8)


def _stub_text(
    arrow: str,
    others: list[int],
    ids: Any,
    seq: Any,
    stage_names: list[str],
    chars: int,
    own_stage: int,
    width_in: float,
    size: float,
) -> str:
    """``→ Integrate: a, b +2``: the ids at the other end (plan order), after their stage when it is not the
    card's own; at most ``chars`` characters and ``width_in`` inches at ``size`` pt, measured (a stage name of
    capitals ran past the card's edge)."""
    others = sorted(set(others))
    stg = int(seq[others[0]])
    name = stage_names[stg] if 0 <= stg < len(stage_names) else "?"
    head = f"{arrow} {name}: " if stg != own_stage else f"{arrow} "
    shown: list[str] = []
    for j, o in enumerate(others):
        more = len(others) - j - 1
        cand = head + ", ".join([*shown, str(ids[o])]) + (f" +{more}" if more else "")
        if len(cand) > chars and shown:
            break
        shown.append(str(ids[o]))
    rest = len(others) - len(shown)
    tail = f" +{rest}" if rest else ""
    room = width_in - style.measured_width_in(tail, size)
    return style.fit_line(style.ellipsize(head + ", ".join(shown), chars - len(tail)), room, size) + tail


def _legend_rows(
    plan: Any, areas: list[Any], w_in: float, size: float, through: bool
) -> tuple[list[Any], int]:
    """The legend's entries for cards of ``areas`` and how many rows of them fit ``w_in`` inches at ``size`` pt, at
    most :data:`LEGEND_ROWS` (the names shortened to fit)."""
    colors = style.area_colors(plan)
    used = set(areas)
    handles: list[Any] = [
        Patch(facecolor=style.tint(colors[a.id], 0.5), edgecolor=colors[a.id], label=a.name)
        for a in plan.areas
        if a.id in used
    ]
    if any(u not in colors for u in used):
        handles.append(Patch(facecolor=style.NO_AREA, label="No area"))
    handles.append(
        Patch(facecolor="white", edgecolor=style.CRITICAL, linewidth=2.0, label="Critical decision")
    )
    handles.append(Line2D([], [], color=style.CRITICAL, linewidth=1.8, label="Critical path"))
    handles.append(
        Line2D([], [], color=style.INK, linewidth=0.9, linestyle=(0, (2, 1.5)), label="Link to another page")
    )
    if through:
        handles.append(
            Line2D(
                [],
                [],
                color=style.EDGE,
                linewidth=0.9,
                linestyle=(0, (3, 2)),
                label="Link through decisions left out",
            )
        )
    longest = max(len(h.get_label()) for h in handles)
    per_row = max(1, int((w_in - 0.4) / (style.text_width_in("x" * longest, size) + 0.45)))
    if math.ceil(len(handles) / per_row) > LEGEND_ROWS:
        # More rows than the page keeps for them: long area names, one a row, ran over the cards above. The
        # entries go in the rows there are, each name shortened to its share of the width, measured.
        per_row = math.ceil(len(handles) / LEGEND_ROWS)
        room = (w_in - 0.4) / per_row - 0.45
        for h in handles:
            h.set_label(style.fit_line(" ".join(str(h.get_label()).split()), room, size))
    return handles, math.ceil(len(handles) / per_row)


def _legend_h(plan: Any, w_in: float, through: bool) -> float:
    """Inches the legend of a page ``w_in`` wide takes at most (cards of every area of the plan on it)."""
    _, rows = _legend_rows(plan, [a.id for a in plan.areas] + [None], w_in, style.SMALL_PT, through)
    return max(LEGEND_IN, rows * style.SMALL_PT * 1.6 / 72 + 0.1)


def _legend(fig: Figure, plan: Any, areas: list[Any], k: float, through: bool = False) -> None:
    w_in, h_in = fig.get_size_inches()
    size = style.SMALL_PT * max(1.0, k)
    handles, n_rows = _legend_rows(plan, areas, w_in, size, through)
    per_row = math.ceil(len(handles) / n_rows)
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.04 / h_in),
        ncol=per_row,
        fontsize=size,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.4,
        borderaxespad=0.0,
    )


__all__ = ["GraphPage", "draw_page", "graph_pages"]
