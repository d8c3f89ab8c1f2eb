"""Monte Carlo charts: the finish-date distribution with its S-curve, the criticality index and the sensitivity
tornado. Each draws on a Figure it is given (no pyplot, no Qt).

Every function takes either an :class:`~planner.analysis.Analysis` (it then runs :func:`simulate` with the
default iterations and seed -- the same figures as ``planner simulate`` -- unless ``result=`` is given, or the
analysis carries a ``simulation`` attribute) or a :class:`SimulationResult` directly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from planner.analysis.montecarlo import DEFAULT_ITERATIONS, DEFAULT_SEED, SimulationResult, simulate
from planner.charts import style
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis

HIST_COLOR = style.OKABE_ITO[3]  # sky blue
CURVE_COLOR = style.OKABE_ITO[0]  # blue
P50_COLOR = style.INK
P80_COLOR = style.OKABE_ITO[5]  # vermillion
LATER_COLOR = style.OKABE_ITO[5]  # longer duration -> later finish
EARLIER_COLOR = style.OKABE_ITO[0]
BY_COLOR = style.OKABE_ITO[2]  # bluish green


def _simulation(
    fig: Figure, obj: Any, result: SimulationResult | None, iterations: int, seed: int, chart: str
) -> SimulationResult | None:
    """The simulation to draw, or None after drawing a message (plan with errors, no decisions)."""
    given = result if result is not None else obj if isinstance(obj, SimulationResult) else None
    if given is not None:
        if not len(given.ids):  # the app's simulation of an empty plan: nothing to show, not a bar at week 0
            style.message(
                fig, f"No {chart} yet", ["This plan has no decisions. Add decisions to see the chart."]
            )
            return None
        return given
    if not style.check_drawable(fig, obj, chart):
        return None
    attached = getattr(obj, "simulation", None)
    if isinstance(attached, SimulationResult):
        return attached
    return simulate(obj.plan, iterations, seed)


def _label(r: SimulationResult, i: int, max_chars: int) -> str:
    return style.ellipsize(f"{r.titles[i]} ({r.ids[i]})", max_chars)


def _when(r: SimulationResult, week: float) -> str:
    return units.format_when(r.start_date, week, word="wk")


_DATE_IN_BRACKETS = re.compile(r" \(\d{1,2} [A-Z][a-z]{2}(?: \d{4})?\)")  # " (13 Nov 2027)", " (13 Nov)"


def draw_risk(
    fig: Figure,
    obj: Any,
    *,
    result: SimulationResult | None = None,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = DEFAULT_SEED,
    by: float | None = None,
    bins: int | None = None,
) -> None:
    """The finish-date histogram (share of iterations per bin) with the S-curve (probability of finishing by
    each date) on the right axis, P50 and P80 marked, the CPM finish for reference and, with ``by`` (weeks),
    the probability of finishing by then."""
    style.start(fig)
    with style.rc_context():
        r = _simulation(fig, obj, result, iterations, seed, "risk chart")
        if r is None:
            return
        f = np.sort(r.finish)
        p50, p80 = r.percentile(50), r.percentile(80)
        # The subtitle loses its least useful parts first when the figure is narrow (never the P50 and P80).
        runs = f"{units.count(r.iterations, 'Monte Carlo iteration')} (seed {r.seed})"
        pq = f"P50 {_when(r, p50)}, P80 {_when(r, p80)}"
        mean = f"mean {style.fmt_weeks(r.mean)} \u00b1 {units.plural_weeks(r.std)}"
        options = [
            f"{runs}; {pq}; {mean}",
            f"{runs}; {pq}",
            f"{pq}; {units.count(r.iterations, 'iteration')}",
            pq,
        ]
        style.title(fig, "When will the plan finish?", style.fitting_subtitle(fig, options))
        ax = fig.add_axes(
            style.inches_to_fig(fig, 0.75, 0.6 if r.start_date is None else 0.75, 0.8, style.TITLE_IN + 0.35)
        )
        lo, hi = float(f[0]), float(f[-1])
        lo_x = min(lo, r.deterministic_finish)
        hi_x = max(hi, r.deterministic_finish)
        span = hi_x - lo_x
        if span <= 1e-9:  # every run finishes the same week: a week either side, none before the plan start
            lo_x, hi_x = max(0.0, lo_x - 1.0), hi_x + 1.0
            span = hi_x - lo_x
        n_bins = bins or int(min(60, max(10, math.sqrt(r.iterations) / 2)))
        if hi - lo > 1e-9:
            counts, edges = np.histogram(f, bins=n_bins, range=(lo, hi))
        else:
            counts, edges = np.array([len(f)]), np.array([lo - span / 80, lo + span / 80])
            if edges[0] < 0:  # a finish at the plan start: the bar starts there, not before it
                edges = edges - edges[0]
        share = counts / max(1, len(f))
        ax.bar(
            edges[:-1],
            share,
            width=np.diff(edges),
            align="edge",
            color=HIST_COLOR,
            edgecolor="white",
            linewidth=0.4,
            zorder=2,
            label="share of iterations",
        )
        ax.set_xlim(max(0.0, lo_x - 0.04 * span), hi_x + 0.04 * span)  # no finish is before the plan start
        ax.set_ylim(0, max(share.max() * 1.45, 1e-6))  # headroom: marker labels sit above the bars
        # A share is never above 100 %: the headroom above a bar of every run gets no tick.
        ax.set_yticks([t for t in ax.get_yticks() if -1e-9 <= t <= 1.0 + 1e-9])
        ax.set_ylim(0, max(share.max() * 1.45, 1e-6))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylabel("share of iterations", fontsize=style.LABEL_PT, color=style.MUTED)
        ax.tick_params(labelsize=style.SMALL_PT, colors=style.MUTED)
        ax.grid(axis="y", color=style.GRID, linewidth=0.5, zorder=0)
        ax.set_axisbelow(True)
        for side in ("top",):
            ax.spines[side].set_visible(False)

        # S-curve: empirical CDF.
        ax2 = ax.twinx()
        y = np.arange(1, len(f) + 1) / len(f)
        xs = np.r_[ax.get_xlim()[0], f, ax.get_xlim()[1]]
        ys = np.r_[0.0, y, 1.0]
        (curve,) = ax2.plot(xs, ys, drawstyle="steps-post", color=CURVE_COLOR, linewidth=1.6, zorder=3)
        ax2.set_ylim(0, 1.02)
        ax2.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax2.set_ylabel("probability of finishing by then", fontsize=style.LABEL_PT, color=CURVE_COLOR)
        ax2.tick_params(labelsize=style.SMALL_PT, colors=CURVE_COLOR)
        ax2.spines["top"].set_visible(False)

        # Markers: P50, P80 (dashed and solid, not colour alone), the CPM finish, the --by week. Their labels are
        # placed by _place_labels so that they never overlap one another, whatever the width.
        labels: list[_Label] = []
        det = r.deterministic_finish
        ax2.axvline(det, color=style.MUTED, linestyle=":", linewidth=1.1, zorder=4)
        p_det = r.probability_by(det)
        labels.append(
            _Label(
                f"CPM plan (likely): {_when(r, det)}\n{units.format_share(p_det)} of iterations finish by then",
                det,
                1.0,
                style.MUTED,
                style.SMALL_PT,
                bold=False,
                top=True,
                shorter=(
                    f"CPM plan (likely): {_when(r, det)}, {units.format_share(p_det)} of runs by then",
                    f"CPM plan (likely): {_when(r, det)}",  # last: without the share, rather than over the curve
                ),
            )
        )
        # P50, P80 and the --by week drop from their point on the curve to the axis: a line up to the top ran
        # through a neighbour's label (the P80 label left of its marker sat over the P50 line, legible only by
        # its white box); a label now finds room above a line's end.
        for q, x, color, ls in (("P80", p80, P80_COLOR, "-"), ("P50", p50, P50_COLOR, "--")):
            q_val = 0.5 if q == "P50" else 0.8
            ax2.plot([x, x], [0.0, q_val], color=color, linestyle=ls, linewidth=1.3, zorder=4)
            ax2.plot([x], [q_val], marker="o", color=color, markersize=4, zorder=5)
            labels.append(_Label(f"{q}: {_when(r, x)}", x, q_val, color, style.LABEL_PT))
        if by is not None:
            p_by = r.probability_by(by)
            ax2.plot([by, by], [0.0, p_by], color=BY_COLOR, linestyle="-.", linewidth=1.1, zorder=4)
            ax2.plot([by], [p_by], marker="s", color=BY_COLOR, markersize=3.5, zorder=5)
            labels.append(
                _Label(f"by {_when(r, by)}: {units.format_share(p_by)}", by, p_by, BY_COLOR, style.LABEL_PT)
            )
        # The S-curve (as drawn: its steps) is a line no label may hide either.
        _place_labels(
            fig, ax2, labels, _bar_boxes(fig, ax, edges, share), [np.asarray(curve.get_path().vertices)]
        )

        n_ticks = _tick_bins(fig, ax, r.start_date is not None)
        if r.start_date is not None:  # ticks at least a day apart, so that no two show the same date
            x0, x1 = ax.get_xlim()
            n_ticks = max(1, min(n_ticks, int((x1 - x0) * 7)))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=n_ticks, steps=[1, 2, 2.5, 5, 10]))
        if r.start_date is not None:
            ax.xaxis.set_major_formatter(
                FuncFormatter(
                    lambda x, _: (
                        f"wk {style.fmt_weeks(x)}\n{style.short_date(r.start_date, units.axis_date(r.start_date, x))}"
                    )
                )
            )
            ax.set_xlabel(
                "finish (weeks from plan start, and date)", fontsize=style.LABEL_PT, color=style.MUTED
            )
        else:
            ax.set_xlabel("finish (weeks from plan start)", fontsize=style.LABEL_PT, color=style.MUTED)


# -- tick density and label placement -------------------------------------------------------------------------
# Widest tick label: "06 Dec 27" (dates) or "wk 125" (weeks) at the tick size, plus a gap between neighbours.
_TICK_GAP_IN = 0.22


def _tick_bins(fig: Figure, ax: Any, dates: bool) -> int:
    """How many intervals the x axis can hold without its labels touching, from the axis width."""
    width_in = ax.get_position().width * fig.get_size_inches()[0]
    label_in = _text_size_pt("30 Dec 2027" if dates else "wk 125", style.SMALL_PT)[0] / 72
    return max(2, min(12, int(width_in / (label_in + _TICK_GAP_IN))))


def _bar_boxes(
    fig: Figure, ax: Any, edges: np.ndarray, share: np.ndarray
) -> list[tuple[float, float, float, float]]:
    """The histogram's bars as boxes in points (the coordinates :func:`_place_labels` works in)."""
    to_pt = 72.0 / fig.dpi
    out = []
    for x0, x1, h in zip(edges[:-1].tolist(), edges[1:].tolist(), share.tolist(), strict=True):
        if h <= 0:
            continue
        (ax0, ay0), (ax1, ay1) = ax.transData.transform([(x0, 0.0), (x1, h)])
        out.append((ax0 * to_pt, ay0 * to_pt, ax1 * to_pt, ay1 * to_pt))
    return out


@dataclass
class _Label:
    """A marker's label: drawn beside ``(x, y)`` (data coordinates of the right axis) in a white box."""

    text: str
    x: float
    y: float
    color: str
    size: float
    bold: bool = True
    top: bool = False  # hangs from the top of the axes next to its vertical line (the CPM finish)
    shorter: tuple[
        str, ...
    ] = ()  # shorter texts, tried when ``text`` finds no spot clear of lines and labels


_BOX_PAD_PT = 2.0  # the white box around a label (boxstyle pad 0.15 of the font size, rounded up)
_GAP_PT = 5.0  # from the marker to its label
_HINTING = 1.06  # drawn width over measured width, at most (bold at 72 dpi: 148.7 over 142.8 pt)


@lru_cache(maxsize=512)
def _text_size_pt(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in points of ``text`` (several lines) in the chart font at ``size`` points (called
    inside ``style.rc_context()``, whose sans-serif is the charts' font)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family="sans-serif", size=size, weight="bold" if bold else "normal")
    t2p = TextToPath()
    lines = text.split("\n")
    width = max(t2p.get_text_width_height_descent(line or " ", prop, ismath=False)[0] for line in lines)
    return width, size * 1.2 * len(lines)


def _place_labels(
    fig: Figure,
    ax: Any,
    labels: list[_Label],
    obstacles: list[tuple[float, float, float, float]] | None = None,
    curves: Sequence[np.ndarray] = (),
) -> None:
    """Annotate ``labels`` so that no two of them overlap and each stays inside the axes.

    Each label tries spots beside its marker -- right, then left, then stacked further and further above and
    below -- and takes the first that overlaps neither an earlier label nor, when it can help it, another
    marker's line or one of ``curves`` (polylines in data coordinates: the S-curve). Labels moved away from their marker get a thin leader line. Works in points from the axes'
    fixed position (no renderer needed), so the layout is the same on screen, in PNG and in the PDF.
    """
    dpi = fig.dpi
    to_pt = 72.0 / dpi
    bbox = ax.get_position()
    w_in, h_in = fig.get_size_inches()
    ax_x0, ax_x1 = bbox.x0 * w_in * 72, bbox.x1 * w_in * 72
    ax_y0, ax_y1 = bbox.y0 * h_in * 72, bbox.y1 * h_in * 72
    trans = ax.transData

    def pt(x: float, y: float) -> tuple[float, float]:
        px, py = trans.transform((x, y))
        return px * to_pt, py * to_pt

    # Each marker's line: its x and the height it reaches (the top of the axes, or its point on the curve).
    lines = [(pt(lb.x, 0)[0], ax_y1 if lb.top else pt(lb.x, lb.y)[1]) for lb in labels]
    ink = _Ink(ax_x0, ax_y0, ax_x1, ax_y1)  # where the curves run, a point at a time
    for c in curves:
        if len(c) > 1:
            ink.add(_dense(trans.transform(np.asarray(c, dtype=float)) * to_pt))
    placed: list[tuple[float, float, float, float]] = []  # boxes (x0, y0, x1, y1), points
    for k, lb in enumerate(labels):
        # The label, else (nowhere free inside the axes, or only across another marker's line) without its date
        # in brackets: the subtitle gives the dates, a label run past the axes covered the right axis's tick
        # labels ("80%"), and one over a line was legible only by its white box.
        # Last, a label's shorter form (the CPM label in one line), without its date too.
        forms = list(
            dict.fromkeys(t for f in (lb.text, *lb.shorter) for t in (f, _DATE_IN_BRACKETS.sub("", f)))
        )
        tries: list[
            tuple[str, float, float, float, float, tuple[float, float, float] | None, tuple[int, int]]
        ] = []
        for text in forms:
            w, h = _text_size_pt(text, lb.size, lb.bold)
            # drawn text (hinted, at the figure's dpi) runs up to ~5 % wider than its outline measures
            w, h = w * _HINTING + 2 * _BOX_PAD_PT, h + 2 * _BOX_PAD_PT
            mx, my = pt(lb.x, lb.y)
            if lb.top:
                my = ax_y1 - 1 - h / 2  # hangs from the top edge
            step = h + 2.0
            candidates: list[tuple[float, float, float]] = []  # (penalty, box x0, box centre y)
            sides = ((mx + _GAP_PT, 0.0), (mx - _GAP_PT - w, 0.5))
            if lb.top and mx > (ax_x0 + ax_x1) / 2:
                sides = sides[::-1]
            # Then beside another marker's line or an edge of the axes, nearer first: the only room clear of
            # the lines and the curve is often between two lines, away from the marker (a leader line joins it).
            anchors = [x for lx, _ in lines for x in (lx + _GAP_PT, lx - _GAP_PT - w)]
            anchors += [ax_x0 + 2, ax_x1 - 2 - w]
            anchors = [x for x in anchors if all(abs(x - sx) > 0.5 for sx, _ in sides)]
            for shift_rank, shift in enumerate(_shifts(lb.top)):
                cy = my + shift * step
                for side_rank, (x0, side_penalty) in enumerate(sides):
                    candidates.append((shift_rank * 2 + side_rank + side_penalty, x0, cy))
                for x0 in anchors:
                    far = abs(x0 + w / 2 - mx) / max(w, 1.0)  # how far from the marker, in label widths
                    candidates.append((shift_rank * 2 + 1.0 + far, x0, cy))
            best: tuple[float, float, float] | None = None
            best_crosses = (0, 0)
            for penalty, x0, cy in sorted(candidates, key=lambda c: c[0]):
                box = (x0, cy - h / 2, x0 + w, cy + h / 2)
                if box[0] < ax_x0 + 1 or box[2] > ax_x1 - 1 or box[1] < ax_y0 + 1 or box[3] > ax_y1 + 0.5:
                    continue
                if any(_overlap(box, other) for other in placed):
                    continue
                crosses = sum(  # another marker's line running through the box (up to its height)
                    1
                    for j, (lx, ly) in enumerate(lines)
                    if (j != k or lb.top) and box[0] - 1 < lx < box[2] + 1 and box[1] < ly
                ) + int(ink.through(box))
                covered = sum(1 for o in obstacles or () if _overlap(box, o))  # e.g. histogram bars
                # The leader line to a label away from its marker: across another line, the curve or a label
                # it reads as pointing elsewhere.
                leader = (
                    0
                    if lb.top
                    else _leader_crossings(
                        (mx, my), box, [ln for j, ln in enumerate(lines) if j != k], ink, placed
                    )
                )
                score = penalty + 40 * crosses + 8 * covered + 12 * leader
                if best is None or score < best[0]:
                    best, best_crosses = (score, x0, cy), (crosses, leader)
                if crosses == 0 and covered == 0 and leader == 0:
                    break
            tries.append((text, w, h, mx, my, best, best_crosses))
        # The first form clear of lines and the curve, its leader too; else clear of them. Else the CPM label is
        # left out (its dotted line stays: the report's caption and the app's results name it; the P50 and P80
        # labels never are): else the form over the fewest lines, the smallest on a tie.
        found = [t for t in tries if t[5] is not None]
        clean = [t for t in found if t[6] == (0, 0)] or [t for t in found if t[6][0] == 0]
        if not clean and lb.top:
            continue
        least = sorted(found, key=lambda t: (t[6], t[1] * t[2]))
        text, w, h, mx, my, best, _ = (clean or least or sorted(tries, key=lambda t: t[1] * t[2]))[0]
        if best is None:
            # Nowhere free inside the axes (a small figure): its shortest form, inside the axes (past them it ran
            # over the right axis's ticks and off the figure), at the first height clear of the other labels.
            x0 = max(ax_x0 + 1, min(mx + _GAP_PT, ax_x1 - 1 - w))
            lo, hi = ax_y0 + 1 + h / 2, ax_y1 - 0.5 - h / 2
            heights = [min(hi, max(lo, my + s * (h + 2.0))) for s in _shifts(lb.top)]
            free = [
                cy
                for cy in heights
                if not any(_overlap((x0, cy - h / 2, x0 + w, cy + h / 2), o) for o in placed)
            ]
            best = (0.0, x0, (free or heights)[0])
        _, x0, cy = best
        placed.append((x0, cy - h / 2, x0 + w, cy + h / 2))
        beside = abs(x0 - (mx + _GAP_PT)) < 0.5 or abs(x0 + w - (mx - _GAP_PT)) < 0.5
        moved = abs(cy - my) > 0.6 * h or not beside
        arrow = (
            {"arrowstyle": "-", "color": lb.color, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 2}
            if (moved and not lb.top)
            else None
        )
        ax.annotate(
            text,
            (lb.x, lb.y) if not lb.top else (lb.x, 1.0),
            xycoords="data" if not lb.top else ("data", "axes fraction"),
            xytext=(x0 + _BOX_PAD_PT - mx, cy - (my if not lb.top else ax_y1)),
            textcoords="offset points",
            fontsize=lb.size,
            color=lb.color,
            fontweight="bold" if lb.bold else "normal",
            ha="left",
            va="center",
            zorder=6,
            annotation_clip=False,
            arrowprops=arrow,
            bbox={
                "boxstyle": "round,pad=0.15",
                "fc": "white",
                "ec": "none",
            },  # opaque: a line it must cross hides
        )


def _shifts(top: bool) -> list[int]:
    """Vertical shifts, in label heights, in order of preference: none, then alternately up and down (only
    down for a label hanging from the top)."""
    if top:
        return list(range(0, 12))
    out = [0]
    for s in range(1, 12):
        out += [s, -s]
    return out


def _dense(points: np.ndarray, step: float = 1.0) -> np.ndarray:
    """The polyline ``points`` (points, n x 2) with a vertex at least every ``step`` along each segment."""
    seg = np.diff(points, axis=0)
    n = np.maximum(1, np.ceil(np.hypot(seg[:, 0], seg[:, 1]) / step)).astype(int)
    idx = np.repeat(np.arange(len(seg)), n)
    frac = (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    return np.vstack([points[idx] + seg[idx] * frac[:, None], points[-1:]])


class _Ink:
    """The cells (a point square) of the axes that a curve runs through."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = x0, y0
        self.grid = np.zeros((int(x1 - x0) + 3, int(y1 - y0) + 3), dtype=bool)

    def _cells(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        i = np.round(points[:, 0] - self.x0).astype(int)
        j = np.round(points[:, 1] - self.y0).astype(int)
        keep = (i >= 0) & (i < self.grid.shape[0]) & (j >= 0) & (j < self.grid.shape[1])
        return i[keep], j[keep]

    def add(self, points: np.ndarray) -> None:
        self.grid[self._cells(points)] = True

    def through(self, box: tuple[float, float, float, float]) -> bool:
        """Whether a curve runs through ``box`` (x0, y0, x1, y1) or along its edges (the curve's own width)."""
        i0, i1 = max(0, math.floor(box[0] - 1 - self.x0)), math.ceil(box[2] + 1 - self.x0) + 1
        j0, j1 = max(0, math.floor(box[1] - 1 - self.y0)), math.ceil(box[3] + 1 - self.y0) + 1
        return bool(self.grid[i0:i1, j0:j1].any()) if i1 > i0 and j1 > j0 else False

    def touches(self, points: np.ndarray) -> bool:
        """Whether any of ``points`` is on a curve's cell."""
        return bool(self.grid[self._cells(points)].any())


def _leader_crossings(
    mark: tuple[float, float],
    box: tuple[float, float, float, float],
    lines: list[tuple[float, float]],
    ink: _Ink,
    placed: list[tuple[float, float, float, float]],
) -> int:
    """How many other markers' lines (x, top), curves and placed labels the leader from ``mark`` to the nearest
    point of ``box`` crosses (0 for a label beside its marker: no leader runs far)."""
    mx, my = mark
    ex, ey = min(max(mx, box[0]), box[2]), min(max(my, box[1]), box[3])
    length = math.hypot(ex - mx, ey - my)
    if length <= _GAP_PT + 4:
        return 0
    t = np.arange(4.0, length, 1.0) / length  # from 4 pt off the marker (the curve runs through it)
    pts = np.column_stack([mx + (ex - mx) * t, my + (ey - my) * t])
    n = sum(
        1
        for lx, ly in lines
        if min(mx, ex) < lx < max(mx, ex) and my + (ey - my) * (lx - mx) / (ex - mx) < ly
    )
    n += int(ink.touches(pts))
    m = 4.0  # nor pass close by a label: a leader grazing a label reads as pointing at it
    n += sum(
        1
        for b in placed
        if np.any(
            (pts[:, 0] > b[0] - m) & (pts[:, 0] < b[2] + m) & (pts[:, 1] > b[1] - m) & (pts[:, 1] < b[3] + m)
        )
    )
    return n


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] + 1 and b[0] < a[2] + 1 and a[1] < b[3] + 1 and b[1] < a[3] + 1


def _bar_layout(fig: Figure, labels: list[str]) -> Any:
    """Axes for horizontal bars, leaving room on the left for the longest label (estimated generously)."""
    w, _ = fig.get_size_inches()
    longest = max((style.measured_width_in(t, style.LABEL_PT) for t in labels), default=1.0)
    left = min(w * 0.5, 0.3 + 1.15 * longest)
    return fig.add_axes(style.inches_to_fig(fig, left, 0.6, 0.55, style.TITLE_IN + 0.25))


def _fit_label(fig: Figure, label: str) -> str:
    """A bar label measured into the room :func:`_bar_layout` gives labels at most (wide letters and scripts
    included), so that it never runs off the left edge."""
    w, _ = fig.get_size_inches()
    return style.fit_line(label, (w * 0.5 - 0.3) / 1.15, style.LABEL_PT)


def _label_chars(fig: Figure) -> int:
    w, _ = fig.get_size_inches()
    return max(16, min(64, style.chars_fitting(w * 0.42, style.LABEL_PT)))


def _max_rows(fig: Figure) -> int:
    _, h = fig.get_size_inches()
    return max(3, int((h - style.TITLE_IN - 0.9) / 0.2))


def draw_criticality(
    fig: Figure,
    obj: Any,
    *,
    result: SimulationResult | None = None,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = DEFAULT_SEED,
    top: int | None = None,
) -> None:
    """Horizontal bars: the share of iterations in which each decision is critical, most critical first
    (decisions that are never critical are left out; ``top`` caps the count, by default what fits)."""
    style.start(fig)
    with style.rc_context():
        r = _simulation(fig, obj, result, iterations, seed, "criticality chart")
        if r is None:
            return
        order = sorted(
            np.flatnonzero(r.criticality > 0).tolist(), key=lambda i: (-r.criticality[i], r.ids[i])
        )
        shown = order[: top or _max_rows(fig)]
        left_out = len(order) - len(shown)
        notes = [f"{left_out} more with a lower index not shown"] if left_out else []
        notes += [f"{len(r.ids) - len(order)} never critical"] if len(r.ids) > len(order) else []
        head = f"Share of {units.count(r.iterations, 'iteration')} in which each decision is on the critical path"
        short = f"Share of {units.count(r.iterations, 'iteration')} on the critical path"
        subs = style.subtitle_options((head, short), notes, units.count(r.iterations, "iteration"))
        style.title(fig, "Criticality index", style.fitting_subtitle(fig, subs))
        if not shown:
            style.message(fig, "No decision is ever critical", [])
            return
        chars = _label_chars(fig)
        labels = [_fit_label(fig, _label(r, i, chars)) for i in shown]
        ax = _bar_layout(fig, labels)
        vals = r.criticality[shown]
        ypos = np.arange(len(shown))
        colors = [style.OKABE_ITO[5] if v >= 0.5 else style.OKABE_ITO[3] for v in vals]
        hatches = ["////" if v >= 0.5 else "" for v in vals]
        bars = ax.barh(ypos, vals, color=colors, edgecolor=style.INK, linewidth=0.4, height=0.72, zorder=2)
        for b, h in zip(bars, hatches, strict=True):
            b.set_hatch(h)
        for y_, v in zip(ypos, vals, strict=True):
            ax.text(
                min(v, 1.0) + 0.01,
                y_,
                units.format_share(v),  # as `planner simulate` writes the index
                va="center",
                ha="left",
                fontsize=style.SMALL_PT,
                color=style.INK,
            )
        ax.set_yticks(ypos, labels, fontsize=style.LABEL_PT)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.tick_params(axis="x", labelsize=style.SMALL_PT, colors=style.MUTED)
        ax.grid(axis="x", color=style.GRID, linewidth=0.5, zorder=0)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(
            "critical in this share of iterations (hatched: half or more)",
            fontsize=style.LABEL_PT,
            color=style.MUTED,
        )


def sensitivity_noise(r: SimulationResult) -> float:
    """The least correlation with the finish that tells from noise: 3 standard errors of a zero correlation
    (1/sqrt(N)) over ``r``'s iterations."""
    return max(0.005, 3.0 / float(np.sqrt(max(1, r.iterations))))


def measured_sensitivity(r: SimulationResult) -> list[tuple[str, float]]:
    """(id, correlation) of the decisions whose duration measurably moves the finish, strongest first (then id):
    what the tornado draws and the report's text names. A correlation of +0.01 over 2,000 runs, drawn by neither
    chart, was named in the report as one of the three that 'move the finish most' (H-unseen32)."""
    noise = sensitivity_noise(r)
    rows = sorted(r.sensitivity(), key=lambda x: (-abs(x[1]), x[0]))
    return [x for x in rows if abs(x[1]) >= noise]


def draw_tornado(
    fig: Figure,
    obj: Any,
    *,
    result: SimulationResult | None = None,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = DEFAULT_SEED,
    top: int | None = None,
) -> None:
    """Tornado of sensitivities: the correlation of each decision's duration with the finish, strongest at the
    top, bars to the right when a longer duration means a later finish."""
    style.start(fig)
    with style.rc_context():
        r = _simulation(fig, obj, result, iterations, seed, "sensitivity chart")
        if r is None:
            return
        noise = sensitivity_noise(r)
        quiet = sum(1 for x in r.sensitivity() if abs(x[1]) < noise)
        rows = measured_sensitivity(r)
        shown = rows[: top or _max_rows(fig)]
        notes = [f"{len(rows) - len(shown)} weaker not shown"] if len(rows) > len(shown) else []
        notes += [f"{quiet} with no measurable effect (|r| < {noise:.2f}) left out"] if quiet else []
        head = f"Correlation of each decision's duration with the finish over {units.count(r.iterations, 'iteration')}"
        short = f"Correlation with the finish over {units.count(r.iterations, 'iteration')}"
        subs = style.subtitle_options((head, short), notes, units.count(r.iterations, "iteration"))
        style.title(fig, "What drives the finish date", style.fitting_subtitle(fig, subs))
        if not shown and noise >= 1.0:
            # (1 to 9 runs: no correlation can be told from noise; 'no duration varies' was false of such a plan)
            n = r.iterations
            style.message(
                fig,
                "Too few runs to tell",
                [
                    f"{units.count(n, 'iteration')} {units.agree(n, 'is', 'are')} too few to measure what drives the finish."
                ],
            )
            return
        if not shown:
            style.message(
                fig, "Nothing drives the finish", ["No duration varies, or none affects the finish."]
            )
            return
        chars = _label_chars(fig)
        idx = {d: i for i, d in enumerate(r.ids)}
        labels = [_fit_label(fig, _label(r, idx[d], chars)) for d, _ in shown]
        ax = _bar_layout(fig, labels)
        vals = np.array([c for _, c in shown])
        ypos = np.arange(len(shown))
        colors = [LATER_COLOR if v >= 0 else EARLIER_COLOR for v in vals]
        ax.barh(ypos, vals, color=colors, edgecolor=style.INK, linewidth=0.4, height=0.72, zorder=2)
        for y_, v in zip(ypos, vals, strict=True):
            ax.text(
                v + (0.015 if v >= 0 else -0.015),
                y_,
                units.correlation(v),
                va="center",
                ha="left" if v >= 0 else "right",
                fontsize=style.SMALL_PT,
                color=style.INK,
            )
        ax.axvline(0, color=style.INK, linewidth=0.8, zorder=3)
        ax.set_yticks(ypos, labels, fontsize=style.LABEL_PT)
        ax.invert_yaxis()
        lim = max(0.25, float(np.abs(vals).max()) * 1.2)
        ax.set_xlim(-lim if (vals < 0).any() else -0.02 * lim, lim)
        ax.tick_params(axis="x", labelsize=style.SMALL_PT, colors=style.MUTED)
        ax.grid(axis="x", color=style.GRID, linewidth=0.5, zorder=0)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(
            "correlation with the finish (right: longer duration, later finish)",
            fontsize=style.LABEL_PT,
            color=style.MUTED,
        )


def _bars_size(analysis: Analysis) -> tuple[float, float]:
    n = len(analysis.plan.decisions) if getattr(analysis, "schedule", None) is not None else 0
    return (11.0, max(4.5, min(12.0, 1.4 + 0.22 * min(n, 40))))


def _register() -> None:
    from planner.charts import register_chart

    register_chart("risk", draw_risk, (11.0, 6.0), title="Finish-date risk")
    register_chart("criticality", draw_criticality, _bars_size, title="Criticality index")
    register_chart("tornado", draw_tornado, _bars_size, title="Sensitivity (tornado)")


_register()

__all__ = ["draw_criticality", "draw_risk", "draw_tornado"]
