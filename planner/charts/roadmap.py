"""Roadmap on a page: areas as swimlanes, stages as columns, each decision a card. The slide for executives.

Every cell uses the same card size and font, chosen to be as large as the page allows; the default size of the
chart is the one where cards read at 8 pt or more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from planner.charts import style
from planner.charts.graph import _rounded
from planner.model.plan import Status

LANE_LABEL_IN = 1.45
HEADER_IN = 0.5
LEGEND_IN = 0.34
MARGIN_IN = 0.2
GAP_IN = 0.06  # between cards
CELL_PAD_IN = 0.08
MAX_PT = 9.5
LINE_EM = 1.22
CARD_PAD_IN = 0.2  # stripe and margins inside a card


def _lanes(plan: Any) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """(lane id, lane name) for every area with decisions, plus "No area" when needed; lane of each area."""
    used = {d.area for d in plan.decisions}
    known = {a.id for a in plan.areas}
    lanes = [(a.id, a.name) for a in plan.areas if a.id in used]
    if any(u not in known for u in used):
        lanes.append(("", "No area"))
    pos = {lid: k for k, (lid, _) in enumerate(lanes)}
    return lanes, pos


def _cells(analysis: Any, stages: tuple[int, int] | None = None,
           areas: tuple[str, ...] | None = None) -> tuple[list[tuple[str, str]], list[list[list[int]]]]:
    """Lanes and their cells (one per stage shown) of decision positions in order of start. ``stages=(a, b)``
    keeps stage positions a..b-1, ``areas`` keeps those lanes (area ids, "" for no area); lanes left empty go."""
    plan, s = analysis.plan, analysis.schedule
    lanes, lane_pos = _lanes(plan)
    stage_pos = plan.stage_index()
    a, b = stages if stages is not None else (0, len(plan.stages))
    cells: list[list[list[int]]] = [[[] for _ in range(a, b)] for _ in lanes]
    es = s.es.tolist() if s is not None else [0.0] * len(plan.decisions)
    for i in sorted(range(len(plan.decisions)), key=lambda i: (es[i], i)):
        d = plan.decisions[i]
        lane = lane_pos.get(d.area if d.area in lane_pos else "", None)
        if lane is None:
            lane = lane_pos.get("", 0)
        k = stage_pos[d.stage]
        if a <= k < b:
            cells[lane][k - a].append(i)
    if stages is not None or areas is not None:
        keep = [j for j, (lid, _) in enumerate(lanes) if (areas is None or lid in areas) and any(cells[j])]
        lanes, cells = [lanes[j] for j in keep], [cells[j] for j in keep]
    return lanes, cells


FONTS = (9.0, 8.5, 8.0, 7.5, 7.0)


def _lines_needed(titles: list[str], chars: int) -> int:
    """Lines the longest title needs at ``chars`` per line (a little slack for word breaks)."""
    longest = max((len(t) for t in titles), default=0)
    return max(1, math.ceil(longest / max(1.0, chars * 0.86)))


COMPACT_LINES = 3
COMPACT_EM = 1.12  # line pitch of compact cards, in ems (their titles are set at a line spacing of 1.1)


def _cell_pad(compact: bool) -> float:
    return 0.035 if compact else CELL_PAD_IN


def _wrapped_lines(titles: list[str], chars: int) -> int:
    """Lines the longest title takes when wrapped at ``chars`` (exact, for compact cards)."""
    return max((len(style.wrap(t, chars, 99)) for t in titles), default=1)


def _fit(cells: list[list[list[int]]], grid_w: float, grid_h: float,
         titles: list[str], compact: bool = False) -> tuple[int, float, float, float, int]:
    """Cards per cell row, card width and height (inches), font (pt) and title lines: the largest font at
    which every title fits whole; failing that, the layout that loses the least."""
    n_cols = len(cells[0]) if cells else 1
    col_w = grid_w / max(1, n_cols)
    best: tuple[float, tuple[int, float, float, float, int]] | None = None
    pad = _cell_pad(compact)
    for per in (1, 2, 3, 4):
        lane_rows = [max(1, max(math.ceil(len(c) / per) for c in lane)) for lane in cells]
        rows = sum(lane_rows)
        card_h = (grid_h - len(cells) * 2 * pad) / rows - GAP_IN
        card_w = (col_w - 2 * pad) / per - GAP_IN * (per - 1) / per
        if card_h <= 0.05 or card_w <= 0.3:
            continue
        for font in (*FONTS, 6.5, 6.0, 5.5, 5.0, 4.5, 4.0):
            chars = int(style.chars_fitting(card_w - CARD_PAD_IN, font) * style.BOLD_FACTOR)
            need = _wrapped_lines(titles, chars) if compact else _lines_needed(titles, chars)
            meta = 0.0 if compact else font * 1.1
            room = int((card_h * 72 - meta - (4.5 if compact else 7)) / (font * (COMPACT_EM if compact else LINE_EM)))
            if room < 1:
                continue
            lines = min(need, room, COMPACT_LINES if compact else 5)
            # Score: font first, whole titles second; small fonts pay heavily.
            score = font * 10 - (need - lines) * 6 - (40 if font < 7 else 0)
            if compact:  # compact cards: whole titles (in up to three lines) before a bigger font
                score -= max(0, min(need, COMPACT_LINES) - lines) * 100
            if best is None or score > best[0]:
                best = (score, (per, card_w, card_h, font, lines))
            if lines >= need:
                break
    return best[1] if best else (1, col_w, 0.2, 3.0, 1)


def roadmap_size(analysis: Any) -> tuple[float, float]:
    """Default size: a 16:9 slide, taller when the cards would read at less than 7.5 pt or lose words."""
    plan = analysis.plan
    k = len(plan.stages)
    w = max(13.333, LANE_LABEL_IN + 2 * MARGIN_IN + 3.0 * k)
    if analysis.schedule is None or not plan.decisions:
        return (w, 7.5)
    _, cells = _cells(analysis)
    titles = [d.title for d in plan.decisions]
    grid_w = w - LANE_LABEL_IN - 2 * MARGIN_IN
    chars_min = int(style.chars_fitting(1.0, 7.5) * style.BOLD_FACTOR)
    h = 7.5
    for _ in range(60):
        grid_h = h - style.TITLE_IN - HEADER_IN - LEGEND_IN - MARGIN_IN
        per, card_w, card_h, font, lines = _fit(cells, grid_w, grid_h, titles)
        chars = int(style.chars_fitting(card_w - CARD_PAD_IN, font) * style.BOLD_FACTOR)
        if font >= 7.5 and lines >= _lines_needed(titles, max(chars, chars_min)):
            break
        h *= 1.08
    return (w, h)


def roadmap_fits(analysis: Any, width_in: float, height_in: float, *, compact: bool = True,
                 stages: tuple[int, int] | None = None, areas: tuple[str, ...] | None = None,
                 min_font_pt: float = style.MIN_PT) -> bool:
    """Whether the roadmap (or the part of it that ``stages``/``areas`` select) reads on a ``width_in`` x
    ``height_in`` figure: card titles at ``min_font_pt`` or more, whole or in :data:`COMPACT_LINES` lines."""
    if analysis.schedule is None or not analysis.plan.decisions:
        return True
    lanes, cells = _cells(analysis, stages, areas)
    if not lanes:
        return True
    plan = analysis.plan
    titles = [_card_title(plan.decisions[i], compact) for lane in cells for c in lane for i in c]
    grid_w = width_in - LANE_LABEL_IN - 2 * MARGIN_IN
    grid_h = height_in - style.TITLE_IN - HEADER_IN - LEGEND_IN - MARGIN_IN
    per, card_w, _, font, lines = _fit(cells, grid_w, grid_h, titles, compact)
    if font < min_font_pt - 1e-9:
        return False
    chars = int(style.chars_fitting(card_w - CARD_PAD_IN, font) * style.BOLD_FACTOR)
    need = _wrapped_lines(titles, chars) if compact else _lines_needed(titles, chars)
    return lines >= need and need <= (COMPACT_LINES if compact else 5)


def roadmap_pages(analysis: Any, width_in: float, height_in: float,
                  min_font_pt: float = style.MIN_PT) -> list[dict[str, Any]]:
    """Options for :func:`draw_roadmap`, one dict per page of ``width_in`` x ``height_in`` inches, that show
    every decision in compact cards at ``min_font_pt`` or more: the whole roadmap on one page when it fits, else
    consecutive stages together as long as they fit (Validate + Integrate, Operationalize + Scale on a mid-sized
    plan), and a stage too big for a page alone split by groups of areas. An empty list when even one area of
    one stage does not fit."""
    plan = analysis.plan
    k = len(plan.stages)

    def fits(**opts: Any) -> bool:
        return roadmap_fits(analysis, width_in, height_in, min_font_pt=min_font_pt, **opts)

    if fits(compact=True):
        return [{"compact": True}]
    # Consecutive stages together while they fit (pairs where the plan allows), a stage too big alone split
    # by groups of areas.
    out: list[dict[str, Any]] = []
    a = 0
    while a < k:
        b = a + 1
        if not _cells(analysis, (a, b))[0]:  # an empty stage: fold it into the next page
            a = b
            continue
        if fits(compact=True, stages=(a, b)):
            while b < k and fits(compact=True, stages=(a, b + 1)):
                b += 1
            out.append({"compact": True, "stages": (a, b)})
            a = b
            continue
        lanes, cells = _cells(analysis, (a, b))
        groups: list[list[str]] = [[]]
        for lid, _name in lanes:
            if fits(compact=True, stages=(a, b), areas=(*groups[-1], lid)):
                groups[-1].append(lid)
                continue
            if not groups[-1]:
                return []
            groups.append([lid])
        # As many pages as the greedy cut needs, but lanes shared out evenly so the last page is not a stub.
        sizes = [sum(len(c) for c in lane) for lane in cells]
        even = _even_groups([lid for lid, _ in lanes], sizes, len(groups))
        if all(fits(compact=True, stages=(a, b), areas=tuple(grp)) for grp in even):
            groups = even
        else:  # shift lanes back to the later groups while that evens them out and both still fit
            size_of = dict(zip([lid for lid, _ in lanes], sizes, strict=True))
            for j in range(len(groups) - 1, 0, -1):
                while len(groups[j - 1]) > 1:
                    lid = groups[j - 1][-1]
                    before, after = groups[j - 1][:-1], [lid, *groups[j]]
                    n0 = sum(size_of[x] for x in groups[j - 1])
                    n1 = sum(size_of[x] for x in groups[j])
                    if n1 + size_of[lid] > n0 or not fits(compact=True, stages=(a, b), areas=tuple(after)):
                        break
                    groups[j - 1], groups[j] = before, after
        out += [{"compact": True, "stages": (a, b), "areas": tuple(grp)} for grp in groups if grp]
        a = b
    return out


def _even_groups(ids: list[str], sizes: list[int], k: int) -> list[list[str]]:
    """``ids`` in order cut into ``k`` runs of about equal total ``sizes``."""
    total = sum(sizes)
    out: list[list[str]] = [[]]
    acc = 0
    for j, (lid, n) in enumerate(zip(ids, sizes, strict=True)):
        if out[-1] and len(out) < k and (acc + n / 2 > total * len(out) / k or len(ids) - j <= k - len(out)):
            out.append([])
        out[-1].append(lid)
        acc += n
    return out


_GLYPHS = {Status.DONE: "\u2713 ", Status.IN_PROGRESS: "\u25d0 ", Status.BLOCKED: "\u26a0 "}


def _card_title(d: Any, compact: bool) -> str:
    """A card's title: milestones get a diamond; compact cards also a status glyph in front."""
    return (_GLYPHS.get(d.status, "") if compact else "") + ("\u25c6 " if d.milestone else "") + d.title


def draw_roadmap(fig: Figure, analysis: Any, *, highlight: str | Iterable[str] | None = None,
                 compact: bool = False, stages: tuple[int, int] | None = None,
                 areas: Iterable[str] | None = None) -> None:
    """Draw the roadmap on a page for ``analysis`` on ``fig``: one lane per area with decisions, one column per
    stage (as assigned), one card per decision in order of start, critical cards outlined in black.

    ``compact`` cards hold only the title (up to three lines) with a small status glyph in front (the weeks
    line goes), so that more of them read at 7 pt; ``stages=(a, b)`` shows stage positions a..b-1 and
    ``areas`` those areas' lanes only (a roadmap split over pages, see :func:`roadmap_pages`)."""
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "roadmap"):
            return
        _draw(fig, analysis, style.as_id_set(highlight), compact, stages,
              tuple(areas) if areas is not None else None)


def _draw(fig: Figure, analysis: Any, selected: set[str], compact: bool = False,
          stages: tuple[int, int] | None = None, areas: tuple[str, ...] | None = None) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    lanes, cells = _cells(analysis, stages, areas)
    first, stop = stages if stages is not None else (0, len(plan.stages))
    if not lanes:
        style.message(fig, "No decisions in this part of the roadmap")
        return
    w_in, h_in = fig.get_size_inches()
    grid_w = w_in - LANE_LABEL_IN - 2 * MARGIN_IN
    grid_h = h_in - style.TITLE_IN - HEADER_IN - LEGEND_IN - MARGIN_IN
    shown = [i for lane in cells for c in lane for i in c]
    per, card_w, card_h, font, lines_fit = _fit(cells, grid_w, grid_h,
                                                [_card_title(plan.decisions[i], compact) for i in shown], compact)
    # One axes over the whole figure in inches, y down: everything is placed in figure inches.
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, w_in)
    ax.set_ylim(h_in, 0)
    ax.set_axis_off()
    n_stages = stop - first
    col_w = grid_w / max(1, n_stages)
    gx0 = MARGIN_IN + LANE_LABEL_IN
    gy0 = style.TITLE_IN + HEADER_IN
    lane_rows = [max(1, max(math.ceil(len(c) / per) for c in lane)) for lane in cells]
    cell_pad = _cell_pad(compact)
    unit = (grid_h - len(cells) * 2 * cell_pad) / max(1, sum(lane_rows))

    # Column headers.
    for k, r in enumerate(st.stages[first:stop]):
        cx = gx0 + (k + 0.5) * col_w
        ax.text(cx, gy0 - 0.27, f"{first + k + 1} \u00b7 {r.name.upper()}", ha="center", va="bottom",
                fontsize=min(11.0, max(8.0, font * 1.2)), fontweight="bold", color=style.INK)
        bits = [f"wk {style.fmt_weeks(r.start)}\u2013{style.fmt_weeks(r.finish)}" if r.start is not None
                else "no decisions"]
        if r.criteria_total:
            bits.append(f"gate {r.criteria_met}/{r.criteria_total} met")
        ax.text(cx, gy0 - 0.06, style.ellipsize(" \u00b7 ".join(bits), style.chars_fitting(col_w - 0.1, 7.5)),
                ha="center", va="bottom", fontsize=7.5, color=style.MUTED)
    area_col = style.area_colors(plan)
    y = gy0
    card_cx: list[float] = []
    card_cy: list[float] = []
    card_i: list[int] = []
    lane_chars = style.chars_fitting(LANE_LABEL_IN - 0.25, 8.5)
    for li, ((lid, lname), lane) in enumerate(zip(lanes, cells, strict=True)):
        lane_h = lane_rows[li] * unit + 2 * cell_pad
        ax.fill_between([MARGIN_IN, w_in - MARGIN_IN], [y, y], [y + lane_h, y + lane_h],
                        color=style.BAND[li % 2], linewidth=0, zorder=0)
        color = area_col.get(lid, style.NO_AREA)
        ax.fill_between([MARGIN_IN, MARGIN_IN + 0.07], [y + 0.05, y + 0.05], [y + lane_h - 0.05] * 2, color=color,
                        linewidth=0, zorder=1)
        label_lines = style.wrap(lname, lane_chars, max(1, min(3, int(lane_h * 72 / (8.5 * LINE_EM)))))
        ax.text(MARGIN_IN + 0.16, y + lane_h / 2, "\n".join(label_lines), ha="left", va="center", fontsize=8.5,
                fontweight="bold", color=style.INK, linespacing=1.15)
        for k, cell in enumerate(lane):
            x_cell = gx0 + k * col_w + cell_pad
            for j, i in enumerate(cell):
                r, c = divmod(j, per)
                card_cx.append(x_cell + c * (card_w + GAP_IN) + card_w / 2)
                card_cy.append(y + cell_pad + r * unit + card_h / 2)
                card_i.append(i)
        y += lane_h
    # Column separators.
    for k in range(1, n_stages):
        x = gx0 + k * col_w
        ax.plot([x, x], [gy0 - 0.05, y], color=style.GRID, linewidth=0.8, zorder=0.5)
    if card_i:
        cx = np.array(card_cx)
        cy = np.array(card_cy)
        crit = s.critical[np.array(card_i)]
        colors = style.decision_colors(plan)
        sel = np.array([plan.decisions[i].id in selected for i in card_i], dtype=bool)
        radius = min(0.06, card_h / 4, card_w / 4)
        if sel.any():
            ax.add_collection(PolyCollection(_rounded(cx[sel], cy[sel], card_w + 0.1, card_h + 0.1, radius + 0.03),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                                             facecolors=style.HIGHLIGHT, edgecolors="none", zorder=1.5))
        edge = [style.CRITICAL if c else style.shade(colors[i], 0.25) for i, c in zip(card_i, crit.tolist(), strict=True)]
        lw = [2.0 if c else 0.7 for c in crit.tolist()]
        for j in np.flatnonzero(sel).tolist():
            edge[j], lw[j] = style.INK, 2.6
        ax.add_collection(PolyCollection(_rounded(cx, cy, card_w, card_h, radius), facecolors="white",  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                                         edgecolors=edge, linewidths=lw, zorder=2))
        stripe = min(0.07, card_w * 0.06)
        ax.add_collection(PolyCollection(
            _rounded(cx - card_w / 2 + stripe / 2 + 0.025, cy, stripe, max(0.02, card_h - 0.08), 0.015),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
            facecolors=[colors[i] for i in card_i], edgecolors="none", zorder=2.1))
        if font >= 3.5:
            pad = stripe + 0.07
            chars = style.chars_fitting(card_w - CARD_PAD_IN, font)
            for x, yc, i in zip(card_cx, card_cy, card_i, strict=True):
                d = plan.decisions[i]
                is_crit = bool(s.critical[i])
                bold = is_crit or d.id in selected
                title = "\n".join(style.wrap(_card_title(d, compact),
                                             int(chars * (style.BOLD_FACTOR if bold else 1.0)), lines_fit))
                ax.text(x - card_w / 2 + pad, yc - card_h / 2 + 0.045, title, ha="left", va="top", fontsize=font,
                        fontweight="bold" if bold else "normal", color=style.INK,
                        linespacing=1.1, zorder=3)
                if compact:
                    continue
                meta = [f"wk {style.fmt_weeks(s.es[i])}" if d.milestone
                        else f"wk {style.fmt_weeks(s.es[i])}\u2013{style.fmt_weeks(s.ef[i])}"]
                if d.status is Status.DONE:
                    meta.append("\u2713 done")
                elif d.status is Status.IN_PROGRESS:
                    meta.append(f"\u25d0 {d.progress:.0f}%")
                elif d.status is Status.BLOCKED:
                    meta.append("\u26a0 blocked")
                ax.text(x - card_w / 2 + pad, yc + card_h / 2 - 0.035,
                        style.ellipsize(" \u00b7 ".join(meta), chars), ha="left", va="bottom",
                        fontsize=font * 0.88, color=style.MUTED, zorder=3)

    n = len(plan.decisions)
    bits = [f"{n} decisions in {len(_lanes(plan)[0])} areas and {len(plan.stages)} stages",
            f"finish {style.fmt_when(plan, s.finish)}"]
    if st.gating_price > 0:
        bits.append(f"strict gates add {style.fmt_weeks(st.gating_price)} wk")
    bits.append(f"{int(s.critical.sum())} critical")
    if stages is not None or areas is not None:
        names = [x.name for x in plan.stages[first:stop]]
        part = " and ".join(names) if len(names) <= 2 else f"{names[0]} to {names[-1]}"
        if areas is not None:
            part += f", {len(lanes)} of {len(_lanes(plan)[0])} areas"
        bits.insert(0, f"{part}: {len(shown)} decisions")
    style.title(fig, f"Roadmap \u2014 {plan.title}", " \u00b7 ".join(bits))
    handles = [
        Patch(facecolor="white", edgecolor=style.CRITICAL, linewidth=2.0, label="Critical (on the longest path)"),
        Line2D([], [], marker="D", linestyle="none", markerfacecolor="white", markeredgecolor=style.INK,
               markersize=5, label="Milestone"),
        Line2D([], [], linestyle="none", marker="$\u2713$", color=style.INK, label="Done"),
        Line2D([], [], linestyle="none", marker="$\u25d0$", color=style.INK, label="In progress"),
        Line2D([], [], linestyle="none", marker="$\u26a0$", color=style.INK, label="Blocked"),
    ]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.04 / h_in), ncol=len(handles),
               fontsize=style.SMALL_PT + 0.5, frameon=False, handlelength=1.4, columnspacing=1.6, borderaxespad=0.0)
