"""The critical path as a strip: the chain of decisions in order with their durations and the driving links
between them, and under it the same chain to scale on the time axis."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure

from planner.charts import style
from planner.charts.graph import _rounded
from planner.charts.timeaxis import time_axis
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis

CHIP_W = 1.75
CHIP_H = 0.8
LINK_W = 0.5
ROW_GAP = 0.25
MIN_SCALE = 0.91  # chips are never shrunk further: their second line stays at 7 pt or more
MARGIN_IN = 0.3
STRIP_IN = 1.25  # the to-scale strip and its axis at the bottom
FONT = 8.0
TYPE_NAMES = ("FS", "SS", "FF", "SF")


WRAP_IN = LINK_W + 0.05
"""Room kept left of a row's first chip (and right of its last) for a link that wraps from the row above: as long
as a link between chips, so that its type and lag fit ('+0.5 wk' ran under the chip at 13.8 in, six chips a row)."""


def _per_row(width_in: float) -> int:
    return max(1, int((width_in - 2 * max(MARGIN_IN, WRAP_IN) + LINK_W) / (CHIP_W + LINK_W)))


def critical_path_per_row(width_in: float) -> int:
    """Chips a row of a figure ``width_in`` inches wide holds."""
    return _per_row(width_in)


def critical_path_rows(analysis: Analysis, width_in: float) -> int:
    """How many rows of chips the critical path needs on a figure ``width_in`` inches wide."""
    s = analysis.schedule
    n = len(s.critical_path) if s is not None else 0
    return max(1, math.ceil(n / _per_row(width_in)))


def _strip_in(to_scale: bool) -> float:
    return STRIP_IN if to_scale else 0.0


def _rows_fitting(height_in: float, to_scale: bool = True) -> int:
    """Rows of chips a figure ``height_in`` tall holds at the smallest scale (0 when not one)."""
    avail = height_in - style.TITLE_IN - 0.15 - _strip_in(to_scale) - 0.2
    return max(0, int(avail / (MIN_SCALE * (CHIP_H + ROW_GAP)) + 1e-9))


def critical_path_steps_fitting(
    analysis: Analysis, width_in: float, height_in: float, start: int = 0, to_scale: bool = True
) -> int:
    """Where a figure ``width_in`` x ``height_in`` inches that starts at step ``start`` of the path ends: the steps
    of its whole rows that read at 7 pt or more (``start`` when not one row fits)."""
    s = analysis.schedule
    n = len(s.critical_path) if s is not None else 0
    return min(n, start + _per_row(width_in) * _rows_fitting(height_in, to_scale))


def critical_path_pages(
    analysis: Analysis, width_in: float, height_in: float, next_height_in: float | None = None
) -> list[tuple[int, int]]:
    """Step ranges ``(start, stop)`` of the critical path, one per figure, so that every chip reads at 7 pt or
    more: the first figure is ``width_in`` x ``height_in`` inches, the next ones ``next_height_in`` tall (by
    default the same). Pass each as ``steps=`` to :func:`draw_critical_path`."""
    s = analysis.schedule
    n = len(s.critical_path) if s is not None else 0
    per = _per_row(width_in)
    first = per * max(1, _rows_fitting(height_in))
    if n <= first:
        return [(0, n)]
    rest_cap = per * max(1, _rows_fitting(next_height_in or height_in))
    # The first figure full, the rest in figures that flow on (each only as tall as its rows need).
    return [(0, first), *((a, min(n, a + rest_cap)) for a in range(first, n, rest_cap))]


def critical_path_height(
    analysis: Analysis, width_in: float, steps: tuple[int, int] | None = None, to_scale: bool = True
) -> float:
    """The figure height (inches) that shows ``steps`` of the path (default: all) at full size."""
    s = analysis.schedule
    n = len(s.critical_path) if s is not None else 0
    a, b = steps if steps is not None else (0, n)
    rows = max(1, math.ceil((b - a) / _per_row(width_in)))
    return style.TITLE_IN + 0.15 + rows * (CHIP_H + ROW_GAP) + _strip_in(to_scale) + 0.25


def chip_line(milestone: bool, duration: float, start: float, finish: float, size_pt: float) -> str:
    """A chip's second line, ``2 wk \u00b7 wk 21.09\u201323.09``, shortened by leaving a figure out, never by cutting
    one: a fractional-week span did not fit and read ``0.14 wk \u00b7 wk 21.09\u201321\u2026``. The span is
    :func:`planner.units.week_span`'s (one figure when its ends read the same)."""
    span = f"wk {units.week_span(start, start if milestone else finish)}"
    what = "milestone" if milestone else f"{style.fmt_weeks(duration)} wk"
    room = CHIP_W - 0.26
    candidates = [f"{what} \u00b7 {span}", span, what]
    return next(
        (c for c in candidates if style.measured_width_in(c, size_pt) <= room),
        style.fit_line(candidates[-1], room, size_pt),
    )


def _link_label(analysis: Analysis, a: str, b: str) -> str:
    s = analysis.schedule
    assert s is not None  # only drawn for a drawable analysis (check_drawable)
    g = s.graph
    u, v = s.index[a], s.index[b]
    hits = np.flatnonzero((g.src == u) & (g.dst == v))
    if not len(hits):
        return ""
    e = next((int(x) for x in hits.tolist() if s.driving[x]), int(hits[0]))
    lag = float(g.lag[e])
    txt = TYPE_NAMES[int(g.kind[e])]
    if lag:
        sign = "+" if lag > 0 else "\u2212"
        txt += f" {sign}{style.fmt_weeks(abs(lag))} wk"
    return txt


def draw_critical_path(
    fig: Figure,
    analysis: Analysis,
    *,
    highlight: str | Iterable[str] | None = None,
    steps: tuple[int, int] | None = None,
    to_scale: bool = True,
) -> None:
    """Draw the critical path of ``analysis`` on ``fig``: numbered chips in order, wrapping onto more rows
    when the chain is long, with each link's type and lag, and (``to_scale``) the chain to scale on the time axis
    below. ``steps=(start, stop)`` draws only those steps (see :func:`critical_path_pages`); without it, a figure
    too small for every chip at 7 pt draws the whole rows that fit (its subtitle says 'steps 1-n of m') rather
    than shrink the chips until their text is 4 pt and their lines run into each other."""
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "critical path"):
            return
        s = analysis.schedule
        assert s is not None  # check_drawable said so
        if not s.critical_path:
            # Every decision done (progress): nothing of the plan is left to be critical.
            style.message(
                fig,
                "No critical path: no work is left",
                [
                    f"Every decision is done: the plan finishes at {style.fmt_when(analysis.plan, s.finish)} "
                    "and nothing is left to delay it."
                ],
            )
            return
        if steps is None:
            w_in, h_in = (float(v) for v in fig.get_size_inches())
            fitting = critical_path_steps_fitting(analysis, w_in, h_in, 0, to_scale)
            if fitting < len(s.critical_path):
                steps = (0, max(fitting, _per_row(w_in)))  # at least a row, however short the figure
        _draw(fig, analysis, style.as_id_set(highlight), steps, to_scale)


def _draw(
    fig: Figure,
    analysis: Analysis,
    selected: set[str],
    steps: tuple[int, int] | None = None,
    to_scale: bool = True,
) -> None:
    plan, s = analysis.plan, analysis.schedule
    assert s is not None  # draw_critical_path checked the analysis is drawable
    full = list(s.critical_path)
    first, stop = (0, len(full)) if steps is None else (max(0, steps[0]), min(len(full), steps[1]))
    chain = full[first:stop]
    w_in, h_in = fig.get_size_inches()
    per = _per_row(w_in)
    n_rows = max(1, math.ceil(len(chain) / per))
    top = style.TITLE_IN + 0.15
    avail_h = h_in - top - _strip_in(to_scale) - 0.2
    scale = min(1.0, avail_h / (n_rows * (CHIP_H + ROW_GAP)))
    chip_h = CHIP_H * scale
    row_pitch = (CHIP_H + ROW_GAP) * scale
    font = max(4.0, FONT * min(1.0, scale * 1.05))
    used_w = (
        per * CHIP_W + (per - 1) * LINK_W
        if len(chain) >= per
        else len(chain) * CHIP_W + (len(chain) - 1) * LINK_W
    )
    x_left = max(MARGIN_IN + 0.1, (w_in - used_w) / 2)

    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, w_in)
    ax.set_ylim(h_in, 0)
    ax.set_axis_off()
    colors = style.decision_colors(plan)
    cx, cy, idx = [], [], []
    for k, did in enumerate(chain):
        r, c = divmod(k, per)
        cx.append(x_left + c * (CHIP_W + LINK_W) + CHIP_W / 2)
        cy.append(top + r * row_pitch + chip_h / 2)
        idx.append(s.index[did])
    cxa, cya = np.array(cx), np.array(cy)
    sel = np.array([d in selected for d in chain], dtype=bool)
    if sel.any():
        ax.add_collection(
            PolyCollection(
                _rounded(cxa[sel], cya[sel], CHIP_W + 0.12, chip_h + 0.12, 0.09),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                facecolors=style.HIGHLIGHT,
                edgecolors="none",
                zorder=1,
            )
        )
    lws = [3.0 if x else 1.6 for x in sel.tolist()]
    ax.add_collection(
        PolyCollection(
            _rounded(cxa, cya, CHIP_W, chip_h, 0.06),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
            facecolors=[style.tint(colors[i], 0.82) for i in idx],
            edgecolors=style.CRITICAL,
            linewidths=lws,
            zorder=2,
        )
    )
    ax.add_collection(
        PolyCollection(
            _rounded(cxa - CHIP_W / 2 + 0.06, cya, 0.07, chip_h - 0.12, 0.02),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
            facecolors=[colors[i] for i in idx],
            edgecolors="none",
            zorder=2.1,
        )
    )
    # Title lines that fit above the duration line: the title starts 0.08 in below the chip's top and the duration
    # line ends 0.05 in above its bottom, offsets that do not shrink with a small chip (two title lines ran into
    # the duration line of a long path on a small figure).
    room_pt = min(chip_h * 72 - font * 2.4, chip_h * 72 - 0.13 * 72 - font * 1.0)
    lines = max(1, min(4, int(room_pt / (font * 1.12))))
    badge = max(0.09, 0.13 * scale)
    ax.scatter(
        cxa - CHIP_W / 2 + 0.02,
        cya - chip_h / 2 + 0.02,
        s=(badge * 72 * 2) ** 2,
        color=style.CRITICAL,
        zorder=4,
        linewidths=0,
    )
    for k, (x, y, i) in enumerate(zip(cx, cy, idx, strict=True)):
        d = plan.decisions[i]
        x0 = x - CHIP_W / 2 + 0.16
        ax.text(
            x - CHIP_W / 2 + 0.02,
            y - chip_h / 2 + 0.02,
            f"{first + k + 1}",
            ha="center",
            va="center",
            fontsize=max(style.MIN_PT, font * (0.95 if first + k < 99 else 0.8)),
            fontweight="bold",
            color="white",
            zorder=5,
        )
        ax.text(
            x0,
            y - chip_h / 2 + 0.08,
            "\n".join(style.wrap_measured(d.title, CHIP_W - 0.26, font, lines, bold=True)),
            ha="left",
            va="top",
            fontsize=font,
            fontweight="bold",
            color=style.INK,
            linespacing=1.1,
            zorder=3,
        )
        ax.text(
            x0,
            y + chip_h / 2 - 0.05,
            chip_line(d.milestone, float(s.duration[i]), float(s.es[i]), float(s.ef[i]), font * 0.92),
            ha="left",
            va="bottom",
            fontsize=font * 0.92,
            color=style.INK,
            zorder=3,
        )
    # Links between consecutive chips; a link that wraps to the next row enters from the left margin.
    # Drawn as one line collection plus one marker collection (annotations cost a Text each).
    link_segs: list[list[tuple[float, float]]] = []
    heads: list[tuple[float, float]] = []
    for k in range(len(chain) - 1):
        label = _link_label(analysis, chain[k], chain[k + 1])
        r0, r1 = k // per, (k + 1) // per
        if r0 == r1:
            xa, xb, y = cx[k] + CHIP_W / 2, cx[k + 1] - CHIP_W / 2, cy[k]
        else:
            link_segs.append([(cx[k] + CHIP_W / 2, cy[k]), (cx[k] + CHIP_W / 2 + LINK_W * 0.6, cy[k])])
            xa, xb, y = max(0.05, cx[k + 1] - CHIP_W / 2 - LINK_W), cx[k + 1] - CHIP_W / 2, cy[k + 1]
        link_segs.append([(xa, y), (xb - 0.06, y)])
        heads.append((xb - 0.05, y))
        if label and label != "FS" and xb - xa > 0.2:  # plain finish-to-start is the default, said once below
            kind, _, lag = label.partition(" ")
            ax.text(
                (xa + xb) / 2,
                y - 0.05,
                kind,
                ha="center",
                va="bottom",
                fontsize=max(style.MIN_PT, font * 0.85),
                color=style.INK,
                zorder=3,
            )
            if lag:
                ax.text(
                    (xa + xb) / 2,
                    y + 0.05,
                    lag,
                    ha="center",
                    va="top",
                    fontsize=max(style.MIN_PT, font * 0.85),
                    color=style.INK,
                    zorder=3,
                )

    if link_segs:
        ax.add_collection(LineCollection(link_segs, colors=style.CRITICAL, linewidths=1.6, zorder=2))
        hx, hy = zip(*heads, strict=True)
        ax.scatter(hx, hy, marker=">", s=40, color=style.CRITICAL, linewidths=0, zorder=2.5)

    if to_scale:
        _draw_to_scale(fig, analysis, idx, first, colors)

    ifull = np.array([s.index[d] for d in full], dtype=np.int64)
    total = float(s.duration[ifull].sum()) if len(ifull) else 0.0
    waits = max(0.0, s.finish - total)
    bits = [
        f"{units.count(len(full), 'decision')}, {style.fmt_weeks(total)} wk of work",
        f"finish {style.fmt_when(plan, s.finish)}",
    ]
    if waits > 1e-9:
        # The chain may wait for the status date (work not done is scheduled from it), not only for lags and
        # not_before: on a plan at week 4 whose path starts there, '4 wk of lags and start constraints' named
        # neither.
        from planner.charts.status import status_week

        status = status_week(analysis)
        at_status = (
            status is not None and len(ifull) > 0 and abs(float(s.es[ifull[0]]) - status) <= s.tolerance
        )
        what = "lags, start constraints and the status date" if at_status else "lags and start constraints"
        bits.append(f"{style.fmt_weeks(waits)} wk of {what}")
    bits.append("links are finish-to-start unless marked")
    if s.critical_chain_count > 1:
        bits.append(f"one of {s.critical_chain_count} equally long chains")
    if steps is not None and (first > 0 or stop < len(full)):
        bits.insert(0, f"steps {first + 1}\u2013{stop} of {len(full)}")
    # Figures are left out, never cut: the note on links goes first (the chips mark every other kind), then the
    # count of equal chains, the finish's date (its week stays), the weeks of waits. The fraud sample's path read
    # '... unless marked · one of…'.
    note = "links are finish-to-start unless marked"
    chains = [b for b in bits if b.startswith("one of ")]
    fewer = [b for b in bits if b != note and b not in chains]
    finish = f"finish {style.fmt_when(plan, s.finish)}"
    weeks = [f"finish wk {style.fmt_weeks(s.finish)}" if b == finish else b for b in fewer]
    options = [
        bits,
        [b for b in bits if b != note],
        fewer,
        weeks,
        [b for b in weeks if "wk of lags" not in b],
    ]
    sub = style.fitting_subtitle(fig, [" \u00b7 ".join(o) for o in options])
    style.title(fig, f"Critical path \u2014 {plan.title}", sub)


def _draw_to_scale(fig: Figure, analysis: Analysis, idx: list[int], first: int, colors: list[str]) -> None:
    """The chain to scale under the chips: each step's bar on the time axis, numbered where it has room."""
    plan, s = analysis.plan, analysis.schedule
    assert s is not None  # draw_critical_path checked the analysis is drawable
    w_in, h_in = fig.get_size_inches()
    strip = fig.add_axes(style.inches_to_fig(fig, MARGIN_IN + 0.1, 0.55, MARGIN_IN + 0.1, h_in - 0.55 - 0.42))
    t_max = max(s.finish, 1.0) * 1.02 + 0.2
    time_axis(strip, plan, t_max, None, font_pt=style.SMALL_PT, top_weeks=False, label=False)
    strip.set_ylim(-0.6, 0.6)
    strip.tick_params(axis="y", left=False, labelleft=False)
    for side in ("left", "right", "top"):
        strip.spines[side].set_visible(False)
    ia = np.array(idx, dtype=np.int64)
    es, dur = s.es[ia], s.duration[ia]
    bars = ~np.array([plan.decisions[i].milestone for i in idx], dtype=bool)
    if bars.any():
        strip.broken_barh(
            list(zip(es[bars].tolist(), dur[bars].tolist(), strict=True)),
            (-0.4, 0.8),
            facecolors=[colors[i] for i in ia[bars].tolist()],
            edgecolors=style.CRITICAL,
            linewidth=0.8,
            hatch=style.CRITICAL_HATCH,
        )
    if (~bars).any():
        strip.scatter(
            es[~bars], np.zeros(int((~bars).sum())), marker="D", s=40, color=style.CRITICAL, zorder=4
        )
    strip_w_in = strip.get_position().width * w_in
    numbered: list[tuple[int, float]] = []
    disc_in = style.SMALL_PT * 1.9 / 72 + 0.02
    for k, (a, b) in enumerate(zip(es.tolist(), dur.tolist(), strict=True)):
        # A bar wide enough for its number, whose disc does not land on one already placed (decisions that
        # overlap in time, through SS/SF links or leads, have their middles close together: "3" and "1" ran
        # into "31").
        x = a + b / 2
        if b / t_max * strip_w_in > 0.22 and all(
            abs(x - other) / t_max * strip_w_in >= disc_in for _, other in numbered
        ):
            numbered.append((k, x))
    if numbered:
        # White discs behind the numbers keep them readable on the hatching (one collection, not a box each).
        strip.scatter(
            [x for _, x in numbered],
            [0] * len(numbered),
            s=(style.SMALL_PT * 1.9) ** 2,
            color="white",
            linewidths=0,
            zorder=3,
        )
    for k, x in numbered:
        strip.text(
            x,
            0,
            str(first + k + 1),
            ha="center",
            va="center",
            fontsize=style.SMALL_PT,
            fontweight="bold",
            color=style.INK,
            zorder=4,
        )
    strip.axvline(s.finish, color=style.FINISH, linewidth=1.3)
    strip.set_title(
        "To scale (weeks from plan start)" if plan.start_date is None else "To scale",
        loc="left",
        fontsize=style.SMALL_PT + 0.5,
        color=style.MUTED,
        pad=3,
    )
