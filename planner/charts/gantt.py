"""The Gantt chart: one row per decision, grouped in stage bands, with float, milestones, gates, the critical
path, an optional baseline and optional dependency links; rolling or gated timeline.

Bars are drawn as a handful of collections (never one artist per bar), so a thousand decisions draw in well under
a second.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from planner import units
from planner.analysis.schedule import critical_links
from planner.charts import status as progress
from planner.charts import style
from planner.charts.timeaxis import time_axis
from planner.units import count

if TYPE_CHECKING:
    from planner.model import Plan

# Fixed parts of the layout, in inches (they do not scale with the number of rows).
TOP_IN = style.TITLE_IN + 0.42  # title + the weeks axis on top
COMPACT_TOP_IN = (
    0.27 + 0.26
)  # one subtitle line + the weeks ticks (``compact``: the report has its own heading)
DATES_IN = 0.33  # month (and year) labels under the plot
LEGEND_ROW_IN = 0.15
BOTTOM_IN = 1.05  # date labels + up to three legend rows (used when the legend is not known)
RIGHT_IN = 0.3
ROW_EM = 1.25  # row pitch in ems of the row font (7 pt labels: 8.75 pt rows, as dense as a printed table)
MAX_ROW_IN = 0.3  # rows never get taller than this; spare height stays empty at the bottom
MIN_LABEL_PT = 4.5  # below this the row labels are left out (the figure is far too small for the rows)
MAX_PAGE_ROWS = 45  # a printed page holds at most this many rows (more is a wall of text)

Row = tuple[str, int]  # ("stage", stage position), ("decision", plan position) or ("more", plan position)
LABEL_SHARE = 0.42  # the row-label column takes at most this share of the figure's width
# A wrapped title takes at most this many rows: a title of the most letters a plan takes (300) is whole in a
# portrait page's label column.
MAX_TITLE_LINES = 8


def title_lines(
    analysis: Any, width_in: float, gated: bool = False, only: Iterable[int] | None = None
) -> dict[int, int]:
    """Decisions whose titles do not fit one line of the row-label column of a Gantt ``width_in`` inches wide at
    :data:`style.MIN_PT` (bold where critical, as drawn): plan index -> lines (2 to :data:`MAX_TITLE_LINES`)."""
    s = analysis.schedule
    if s is None:
        return {}
    room = LABEL_SHARE * width_in - 0.25
    crit = s.critical
    out: dict[int, int] = {}
    for i in range(len(analysis.plan.decisions)) if only is None else only:
        title, bold = analysis.plan.decisions[i].title, bool(crit[i])
        if style.measured_width_in(title, style.MIN_PT, bold=bold) <= room:
            continue
        out[i] = max(2, len(style.wrap_measured(title, room, style.MIN_PT, MAX_TITLE_LINES, bold=bold)))
    return out


def gantt_rows(
    analysis: Any,
    gated: bool = False,
    only: Iterable[int] | None = None,
    wrap_in: float | None = None,
) -> list[Row]:
    """The Gantt's rows in order: per stage a header row, then its decisions by start, finish and plan order.

    Stages are the assigned ones on the rolling timeline and the sequenced ones on the gated timeline (that is
    what the gated schedule runs on). ``rows=(start, stop)`` in :func:`draw_gantt` slices this list. ``only``
    (decision indexes) keeps just those decisions' rows (a report's key decisions of a very big plan); every
    stage keeps its header. ``wrap_in`` (a figure's width, inches): a decision whose title takes more than one line
    of the label column (:func:`title_lines`) is followed by a ``("more", i)`` row for each further line.
    """
    s, st = analysis.schedule, analysis.stages
    if s is None or st is None:
        return []
    tall = {} if wrap_in is None else title_lines(analysis, wrap_in, gated, only)
    n = len(s.ids)
    stage = st.sequenced if gated else s.graph.stage
    es = st.gated_es if gated else s.es
    ef = st.gated_ef if gated else s.ef
    order = np.lexsort((np.arange(n), ef, es, stage)).tolist() if n else []
    if only is not None:
        keep = set(only)
        order = [i for i in order if i in keep]
    out: list[Row] = []
    k = 0
    stage_l = stage.tolist()
    for si in range(len(analysis.plan.stages)):
        out.append(("stage", si))
        while k < len(order) and stage_l[order[k]] == si:
            out.append(("decision", order[k]))
            out.extend(("more", order[k]) for _ in range(tall.get(order[k], 1) - 1))
            k += 1
    return out


def gantt_row_count(
    analysis: Any, gated: bool = False, only: Iterable[int] | None = None, wrap_in: float | None = None
) -> int:
    """How many rows the whole Gantt has (stage headers included; ``only``, ``wrap_in``: see
    :func:`gantt_rows`)."""
    return len(gantt_rows(analysis, gated, only, wrap_in))


def row_pitch_in(font_pt: float) -> float:
    return font_pt * ROW_EM / 72.0


def legend_layout(fig_w_in: float, labels: list[str]) -> tuple[int, int]:
    """``(rows, columns)`` of the legend under the chart for ``labels`` on a figure ``fig_w_in`` inches wide:
    the most columns that fit (matplotlib fills a legend column by column, each as wide as its longest label)."""
    n = len(labels)
    if not n:
        return 0, 1
    em = style.SMALL_PT / 72
    for ncol in range(n, 0, -1):
        nrows = math.ceil(n / ncol)
        cols = [labels[c * nrows : (c + 1) * nrows] for c in range(ncol)]
        width = sum(  # measured: a column of wide letters ('WM...') ran past the figure's edge
            max(style.measured_width_in(x, style.SMALL_PT) for x in col) + (1.6 + 0.5 + 1.4) * em
            for col in cols
            if col
        )
        if width <= fig_w_in - 0.4:
            return nrows, math.ceil(n / nrows)
    return n, 1


def legend_label(label: str, fig_w_in: float) -> str:
    """``label`` as the legend under a chart ``fig_w_in`` inches wide draws it: whole when one entry fits the width,
    else shortened (measured) to it. An area named with 200 letters and no space ran past both edges of the page,
    centred, cut at each side."""
    em = style.SMALL_PT / 72
    return style.fit_line(" ".join(label.split()), fig_w_in - 0.4 - (1.6 + 0.5) * em, style.SMALL_PT)


def legend_rows(fig_w_in: float, labels: list[str]) -> int:
    """How many rows the legend under the chart takes for ``labels`` on a figure ``fig_w_in`` inches wide."""
    return legend_layout(fig_w_in, labels)[0]


def frame_in(
    analysis: Any,
    fig_w_in: float,
    *,
    compact: bool = False,
    gated: bool = False,
    baseline: bool = False,
    deps: bool = False,
    legend: bool = True,
) -> tuple[float, float]:
    """The fixed ``(top, bottom)`` inches of a Gantt figure ``fig_w_in`` wide: title (or, ``compact``, one
    subtitle line) and weeks axis above the rows; dates and the legend (every area of the plan; none without
    ``legend``) below them."""
    labels = _legend_labels(
        analysis.plan,
        {d.area for d in analysis.plan.decisions},
        gated,
        baseline,
        # a milestone's entry only when the plan has one: kept for every plan, it made a seven-decision plan's
        # one-row legend take two rows of the page (the stage timeline did not fit under it)
        any(d.milestone for d in analysis.plan.decisions),
        deps,
        status=_status_week(analysis),
        done=_has_done(analysis),
        rolling=gated and analysis.stages is not None and analysis.stages.gating_price > 0,
    )
    labels = [legend_label(x, fig_w_in) for x in labels]
    bottom = DATES_IN + (legend_rows(fig_w_in, labels) * LEGEND_ROW_IN if legend else 0.0) + 0.08
    top = TOP_IN
    if compact:
        # As many subtitle lines as the longest rows figure needs.
        n = len(_subtitle_lines(analysis, fig_w_in, gated, "rows 99999\u201399999 of 99999", None, True))
        top = COMPACT_TOP_IN + SUB_LINE_IN * (n - 1)
    top += SEQ_NOTE_IN if gated and _sequencing_note(analysis.stages) else 0.0
    return top, bottom


def gantt_row_capacity(
    fig_height_in: float,
    min_font_pt: float = style.MIN_PT,
    *,
    top_in: float = TOP_IN,
    bottom_in: float = BOTTOM_IN,
) -> int:
    """How many Gantt rows fit in a figure ``fig_height_in`` inches tall with row labels of at least
    ``min_font_pt`` points, given the fixed ``top_in`` and ``bottom_in`` (see :func:`frame_in`). One row is kept
    for the "(continued)" stage header a slice may get."""
    usable = fig_height_in - top_in - bottom_in
    return max(1, int(usable / row_pitch_in(min_font_pt) + 1e-9) - 1)


def natural_height_in(n_rows: int, font_pt: float = style.LABEL_PT) -> float:
    """Figure height that gives ``n_rows`` rows labels of ``font_pt`` points."""
    return TOP_IN + BOTTOM_IN + n_rows * row_pitch_in(font_pt)


def _bars(x: np.ndarray, w: np.ndarray, y: np.ndarray, h: float, dy: float = 0.0) -> np.ndarray:
    """Rectangles as an (n, 4, 2) vertex array for a PolyCollection."""
    x0, x1 = x, x + w
    y0, y1 = y - h / 2 + dy, y + h / 2 + dy
    return np.stack(
        [np.stack([x0, y0], 1), np.stack([x1, y0], 1), np.stack([x1, y1], 1), np.stack([x0, y1], 1)], 1
    )


def _visible_bars(
    es: np.ndarray, ef: np.ndarray, dur: np.ndarray, least: float
) -> tuple[np.ndarray, np.ndarray]:
    """``(x, width)`` of bars at least ``least`` weeks wide: beside 200-week decisions a 0.2-week one was 0.1 pt, a
    row with no bar. A widened bar keeps its end (against the finish line) and starts no earlier than week 0."""
    w = np.maximum(dur, least)
    return np.where(w > dur, np.maximum(ef - w, np.minimum(es, 0.0)), es), w


def _baseline(plan: Plan, baseline: str | bool | None) -> Any:
    if baseline is None or baseline is False or not plan.baselines:
        return None
    if baseline is True or baseline == "latest":
        return plan.baselines[-1]
    return next((b for b in reversed(plan.baselines) if b.name == baseline), None)


def draw_gantt(
    fig: Figure,
    analysis: Any,
    *,
    highlight: str | Iterable[str] | None = None,
    show_dependencies: bool = False,
    gated: bool = False,
    rows: tuple[int, int] | None = None,
    dates: bool | None = None,
    baseline: str | bool | None = None,
    compact: bool = False,
    legend: bool = True,
    only: Iterable[int] | None = None,
    wrap: bool = False,
    page_weeks: bool = True,
) -> None:
    """Draw the Gantt chart of ``analysis`` on ``fig``.

    ``gated`` draws the gated timeline (stages as strict gates) instead of the rolling one; ``rows=(start,
    stop)`` draws only those rows of :func:`gantt_rows` (for tiling a big plan over pages); ``dates`` puts
    calendar dates on the axis (default: when the plan has a start date); ``baseline`` shows a baseline as thin
    bars under the current ones (``True`` or ``"latest"`` for the newest, or a baseline's name). ``compact``
    leaves out the title (a report page has its own heading) for one subtitle line, so more rows fit; without
    ``legend`` there is none (the last rows of a chart whose legend is on the page before). ``only`` (decision
    indexes) draws just those decisions (see :func:`gantt_rows`; ``rows`` then slices the rows they make). With
    ``wrap`` a title too long for one line of the label column at 7 pt takes more rows (up to
    :data:`MAX_TITLE_LINES`) and is drawn whole on as many lines (``gantt_rows(..., wrap_in=`` the figure's width ``)`` are the rows ``rows`` slices); without,
    it is shortened to its row. With ``page_weeks`` (a page of a tiled chart) ``rows`` may show the weeks of their
    own decisions when the whole plan's would be unreadable; without (a chart whose rows scroll, as the app's Gantt
    tab) the axis is the whole plan's whatever the rows.
    """
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "Gantt chart"):
            return
        base = _baseline(analysis.plan, baseline)
        chosen = None if only is None else list(only)
        shown_txt = None
        if rows is None and chosen is None:
            chosen, shown_txt = _readable_subset(
                fig,
                analysis,
                style.as_id_set(highlight),
                gated,
                compact,
                base is not None,
                show_dependencies,
                legend,
                wrap,
            )
        _draw(
            fig,
            analysis,
            style.as_id_set(highlight),
            show_dependencies,
            gated,
            rows,
            dates,
            base,
            compact,
            legend,
            chosen,
            shown_txt,
            wrap,
            page_weeks,
        )


def _readable_subset(
    fig: Figure,
    analysis: Any,
    selected: set[str],
    gated: bool,
    compact: bool,
    baseline: bool,
    deps: bool,
    legend: bool,
    wrap: bool = False,
) -> tuple[list[int] | None, str | None]:
    """Where every row of the plan cannot be drawn on ``fig`` with titles of :data:`style.MIN_PT` (5,000
    decisions on the 200-inch export: rows 3 pt apart, no title readable), the most important decisions that can
    (:func:`planner.charts.roadmap.importance`: the selection, the critical path, other critical decisions,
    milestones, gate setters, then least float) and the subtitle's words for them; else ``(None, None)``."""
    from planner.charts.roadmap import importance

    n = len(analysis.plan.decisions)
    w_in, h_in = fig.get_size_inches()
    top, bottom = frame_in(
        analysis, w_in, compact=compact, gated=gated, baseline=baseline, deps=deps, legend=legend
    )
    # Drawn from its first row, the chart starts with a stage header: no row is kept for a "(continued)" one (as
    # the report's gantt_tiles counts a first page). A twelve-stage plan's 36 rows fitted the report's Gantt page
    # but were drawn as 'the 23 most important of 24 decisions'.
    capacity = gantt_row_capacity(h_in, style.MIN_PT, top_in=top, bottom_in=bottom) + 1
    if gantt_row_count(analysis, gated, wrap_in=w_in if wrap else None) <= capacity:
        return None, None
    keep = max(1, capacity - len(analysis.plan.stages))  # room for every stage's header row
    chosen = importance(analysis, selected)
    if wrap:  # a wrapped title's decision takes its rows
        tall = title_lines(analysis, w_in, gated)
        room, picked = keep, []
        for i in chosen:
            if tall.get(i, 1) <= room:
                picked.append(i)
                room -= tall.get(i, 1)
        chosen = picked or chosen[:1]
    chosen = chosen[:keep]
    # counts as critical_share writes them (units.count: '5,000 decisions')
    subtitle = f"the {len(chosen):,} most important of {count(n, 'decision')} shown"
    return chosen, subtitle


def _draw(
    fig: Figure,
    analysis: Any,
    selected: set[str],
    show_deps: bool,
    gated: bool,
    rows: tuple[int, int] | None,
    dates: bool | None,
    base: Any,
    compact: bool = False,
    legend: bool = True,
    only: list[int] | None = None,
    shown_txt: str | None = None,
    wrap: bool = False,
    page_weeks: bool = True,
) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    w_in, h_in = fig.get_size_inches()
    all_rows = gantt_rows(analysis, gated, only, w_in if wrap else None)
    total_rows = len(all_rows)
    r0, r1 = (0, total_rows) if rows is None else (max(0, rows[0]), min(total_rows, rows[1]))
    shown = all_rows[r0:r1]
    # (a slice never starts on a wrapped title's further rows in the report: its pages keep a title whole)
    while shown and shown[0][0] == "more":
        shown = shown[1:]
    continued = False
    if shown and shown[0][0] == "decision":
        # A page that starts inside a stage repeats the stage header.
        band_of = st.sequenced if gated else s.graph.stage
        shown = [("stage", int(band_of[shown[0][1]])), *shown]
        continued = True

    es = st.gated_es if gated else s.es
    ef = st.gated_ef if gated else s.ef
    dur = s.duration
    t_end = st.gated_finish if gated else s.finish
    base_fin = 0.0
    if base is not None:
        base_fin = max([base.finish, *(e.finish for e in base.decisions.values())])
    # The status date (issue 16): the schedule runs on the remaining work; the work done is drawn muted.
    status_wk = _status_week(analysis)
    done_start, done_end = progress.done_spans(analysis)
    t_max = max(t_end, s.finish, base_fin, status_wk or 0.0, 1.0)
    t_max = t_max * 1.03 + 0.5

    top_in, bottom_in = frame_in(
        analysis, w_in, compact=compact, gated=gated, baseline=base is not None, deps=show_deps, legend=legend
    )
    ax_h_guess = max(0.5, h_in - bottom_in - top_in)
    n_guess = max(1, len(shown))
    font_guess = min(style.LABEL_PT, min(MAX_ROW_IN, ax_h_guess / n_guess) * 72.0 / ROW_EM)
    # The label column fits the longest title shown (up to 42 % of the width); longer titles wrap or shorten.
    # (a title on more rows than one is wrapped to the widest column: it does not ask for more)
    wrapped = {i for kind, i in shown if kind == "more"}
    titles = [plan.decisions[i].title for kind, i in shown if kind == "decision" and i not in wrapped] or [
        "x" * 10
    ]
    longest = max(len(t) for t in titles)
    need = style.text_width_in("x" * longest, font_guess) / style.BOLD_FACTOR + 0.3
    # ... as it is drawn: a bold (critical) title of wide letters is wider than the estimate, and a 7-decision
    # plan's 'Document the data quality pipeline #0' was cut with half the page beside it. (Measured from the
    # font's advances, no renderer: microseconds a title.)
    crit = s.critical
    need = max(
        need,
        max(
            (
                style.measured_width_in(
                    plan.decisions[i].title, font_guess, bold=bool(crit[i]) or s.ids[i] in selected
                )
                + 0.3
                for kind, i in shown
                if kind == "decision" and i not in wrapped
            ),
            default=0.0,
        ),
    )
    if wrapped:
        need = LABEL_SHARE * w_in
    left_in = min(LABEL_SHARE * w_in, max(1.5, need))
    ax = fig.add_axes(style.inches_to_fig(fig, left_in, bottom_in, RIGHT_IN, top_in))
    ax_h_in = ax.get_position().height * h_in
    ax_w_in = ax.get_position().width * w_in
    # A page of a tiled chart shows the weeks of its own rows when the whole plan's are too many to read and the
    # rows span a small part of them (a 3,000-decision plan's 1,200 weeks made every page's bars dots on a thin
    # diagonal); the whole axis otherwise, the same on every page.
    window = None
    if page_weeks and rows is not None and t_max / max(ax_w_in, 0.1) > WEEKS_PER_IN:
        window = _page_window(shown, es, ef, done_start, done_end, base, s.ids, t_max)
    lo, hi = (0.0, t_max) if window is None else window
    span = hi - lo
    n = max(1, len(shown))
    pitch = min(MAX_ROW_IN, ax_h_in / n)
    n_disp = max(n, ax_h_in / pitch)
    font = min(style.LABEL_PT, pitch * 72.0 / ROW_EM)
    label_lines = 2 if pitch * 72 >= font * 2.35 else 1
    ax.set_ylim(n_disp - 0.5, -0.5)
    ax.tick_params(axis="y", left=False, labelleft=False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    time_axis(ax, plan, hi, dates, font_pt=style.SMALL_PT, label=not compact, t_min=lo)
    ms = max(3.0, min(9.0, pitch * 72 * 0.55))  # a milestone's diamond, points across
    # A milestone at the plan start (a kick-off) is a whole diamond: the axis starts half of one before week 0
    # (at week 0 the axes cut it in half; a diamond is not clipped off by drawing it outside the axes, which
    # a panned chart in the app would then draw over the titles).
    # (rows that scroll over one axis look at every row, and at the largest diamond, so the axis does not move as
    # they scroll)
    half = ((ms if page_weeks else 9.0) / 2 + 1.0) / 72 / max(ax_w_in, 0.1) * span
    if lo <= 0 and any(
        plan.decisions[i].milestone and es[i] < half
        for kind, i in (shown if page_weeks else all_rows)
        if kind == "decision"
    ):
        ax.set_xlim(-half, hi)

    colors = style.decision_colors(plan)
    ids = s.ids
    y_of: dict[int, float] = {}
    # -- stage bands, headers, and stage ends (rolling) or gates (gated) -------------------------------------
    band_starts = [k for k, (kind, _) in enumerate(shown) if kind == "stage"] + [len(shown)]
    label_tf = blended_transform_factory(ax.transAxes, ax.transData)
    label_x = -8 / 72 / (ax.get_position().width * w_in)  # 8 pt left of the plot
    label_chars = style.chars_fitting(left_in - 0.25, font)
    stage_res = st.stages
    gate_lines = []
    # Vertical lines that run through every row: a stage label must not sit across them.
    finish_lines = [t_end] + ([s.finish] if gated and st.gating_price > 0 else [])
    if status_wk is not None:
        finish_lines.append(status_wk)  # the status-date line runs through every row too
    per_in = span / max(ax_w_in, 0.1)
    for b in range(len(band_starts) - 1):
        a, z = band_starts[b], band_starts[b + 1]
        si = shown[a][1]
        ax.axhspan(a - 0.5, z - 0.5, color=style.BAND[si % 2], zorder=0, linewidth=0)
        r = stage_res[si]
        name = style.caps(r.name) + (" (continued)" if continued and b == 0 else "")
        if font >= MIN_LABEL_PT:
            ax.text(
                label_x,
                a,
                style.fit_line(
                    style.ellipsize(name, int(label_chars * style.BOLD_FACTOR)),
                    left_in - 0.25,
                    font,
                    bold=True,
                ),
                transform=label_tf,
                ha="right",
                va="center",
                fontsize=font,
                fontweight="bold",
                color=style.INK,
            )
        start = r.gated_start if gated else r.start
        finish = r.gated_finish if gated else r.finish
        gate = r.gate if gated else finish
        if start is not None and finish is not None:
            ax.plot(
                [start, finish],
                [a, a],
                color=style.MUTED,
                linewidth=max(1.0, pitch * 72 * 0.18),
                solid_capstyle="butt",
                zorder=2,
            )
        if gate is not None and finish is not None:
            gate_lines.append([(gate, a - 0.5), (gate, z - 0.5)])
            # A page that shows some of the plan's weeks labels only the lines in sight: the label of a stage
            # that ends after (or before) the page's weeks has no line to sit by, and it was drawn over the bar at
            # the page's left edge ('Integrate ends · wk 156.5' on a page of weeks 66-118). The stage's bar runs
            # off the edge; the page whose weeks hold the line labels it.
            if font >= MIN_LABEL_PT and lo <= float(gate) <= hi:
                # The whole label where it fits beside the stage's line, else a shorter one (the row label on
                # the left names the stage, the axis gives the date); only when none fits, the longest that
                # fits inside the plot, boxed (the whole one of a long stage name ran over the row labels).
                # On a page that shows some weeks of the plan, the part of the line in sight.
                s0 = min(max(float(start if start is not None else gate), lo), hi)
                g0 = min(max(float(gate), lo), hi)
                labels = stage_end_labels(plan, si, float(gate), gated)
                # (a bar that starts before the page's weeks: a label boxed over it goes by its line, not at the
                # page's left edge, weeks away from the line it names)
                cut = start is not None and float(start) < lo
                pad_wk = LABEL_PAD_PT / 72 * per_in
                # (a stage that ends at the plan's finish: its label by its line, boxed, not at the bar's start)
                fin = abs(float(gate) - float(t_end)) < 1e-6
                near = [
                    (
                        txt,
                        *_place_stage_label(
                            txt,
                            s0,
                            g0,
                            finish_lines,
                            hi,
                            per_in,
                            font,
                            lo=lo,
                            start_cut=cut,
                            far=False,
                            at_finish=fin,
                        ),
                    )
                    for txt in labels
                ]
                on_bar = [  # boxed on the bar: at its start, or by its line when the bar starts off the page
                    p
                    for p in near
                    if p[3]
                    and (
                        (p[2] == "left" and abs(p[1] - (s0 + pad_wk)) < 1e-9)
                        or (cut and p[2] == "right" and abs(p[1] - (g0 - pad_wk)) < 1e-9)
                        or (fin and p[2] == "right" and abs(p[1] - (g0 - END_STRETCH_IN * per_in)) < 1e-9)
                    )
                ]
                # By the stage's line (or its bar's start) the longest label that fits there, else the longest that
                # fits boxed on the bar, before a longer one away from both: 'Validate ends · wk 4.5 (5 Feb)' went
                # weeks to the right against the finish line, where a reader took it for that line's label.
                # A stage that ends at the finish: by its end (a shorter label there), before its bar's start.
                by_end = [p for p in near if not p[3] and p[2] == "left" and abs(p[1] - (g0 + pad_wk)) < 1e-9]
                by_end += [p for p in on_bar if fin and p[2] == "right"]
                beside = by_end or [p for p in near if not p[3]] or on_bar
                if beside:
                    txt, x, ha, boxed = beside[0]
                else:
                    for txt in labels:
                        x, ha, boxed = _place_stage_label(
                            txt, s0, g0, finish_lines, hi, per_in, font, lo=lo, start_cut=cut
                        )
                        if not boxed:
                            break
                    else:
                        inside = [t for t in labels if style.text_width_in(t, font) * 1.04 * per_in <= span]
                        txt = inside[0] if inside else labels[-1]
                        x, ha, boxed = _place_stage_label(
                            txt, s0, g0, finish_lines, hi, per_in, font, lo=lo, start_cut=cut
                        )
                box: dict[str, Any] = {}
                if boxed:
                    box["bbox"] = {
                        "boxstyle": "square,pad=0.15",
                        "facecolor": style.BAND[si % 2],
                        "edgecolor": "none",
                    }
                ax.text(x, a, txt, ha=ha, va="center", fontsize=font, color=style.GATE, zorder=5, **box)
        elif font >= MIN_LABEL_PT:
            ax.text(
                lo,
                a,
                "  no decisions",
                ha="left",
                va="center",
                fontsize=font,
                color=style.MUTED,
                style="italic",
            )
    if gate_lines:
        ax.add_collection(
            LineCollection(gate_lines, colors=style.GATE, linewidths=1.0, linestyles=(0, (4, 2)), zorder=3)
        )

    # -- decision rows -------------------------------------------------------------------------------------
    dec_rows = [(k, i) for k, (kind, i) in enumerate(shown) if kind == "decision"]
    # A wrapped title's decision takes its row and the "more" rows under it: its bar sits in the middle of them.
    more = {i: sum(1 for kind, j in shown if kind == "more" and j == i) for i in wrapped}
    mid = {i: k + more.get(i, 0) / 2 for k, i in dec_rows}
    idx = np.array([i for _, i in dec_rows], dtype=np.int64)
    yk = np.array([mid[i] for _, i in dec_rows], dtype=np.float64)
    for _, i in dec_rows:
        y_of[i] = mid[i]  # (a wrapped title's middle row)
    crit = s.critical[idx] if len(idx) else np.zeros(0, dtype=bool)
    is_ms = np.array([plan.decisions[i].milestone for i in idx.tolist()], dtype=bool)
    bar_h = 0.62 if base is None else 0.5
    bar_dy = 0.0 if base is None else -0.08

    for k, i in dec_rows:
        if ids[i] in selected:
            ax.axhspan(
                k - 0.5, k + more.get(i, 0) + 0.5, color=style.HIGHLIGHT, alpha=0.55, zorder=0.5, linewidth=0
            )

    if len(idx):
        x = es[idx]
        xb, w = _visible_bars(x, ef[idx], dur[idx], MIN_BAR_PT / 72 * per_in)
        is_done = _done_mask(s, len(ids))[idx]
        bar = ~is_ms & ~is_done  # a done decision has no bar of remaining work, only its work done
        # Float (rolling timeline only: the gated timeline has its own slack, shown by the gate lines).
        if not gated:
            tf = s.total_float[idx]
            has = (bar & (tf > 0) | is_ms & (tf > 0)) & ~is_done
            if has.any():
                ax.add_collection(
                    PolyCollection(
                        _bars(ef[idx][has], tf[has], yk[has], bar_h * 0.42, bar_dy),  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                        facecolors=style.FLOAT,
                        edgecolors="none",
                        zorder=2,
                    )
                )
        if base is not None:
            bx, bw, by = [], [], []
            for _, i in dec_rows:
                e = base.decisions.get(ids[i])
                if e is not None:
                    bx.append(e.start)
                    bw.append(max(e.finish - e.start, span * 0.002))
                    by.append(mid[i])
            if bx:
                ax.add_collection(
                    PolyCollection(
                        _bars(
                            np.array(bx),
                            np.array(bw),
                            np.array(by, dtype=float),
                            0.16,  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                            0.36,
                        ),
                        facecolors=style.BASELINE,
                        edgecolors="none",
                        zorder=2,
                    )
                )
        lw = max(0.3, min(1.2, pitch * 72 * 0.06))
        ds, de = done_start[idx], done_end[idx]
        has_done = ~np.isnan(ds)
        if has_done.any():
            done_fc = [style.tint(colors[i], progress.DONE_TINT) for i in idx[has_done].tolist()]
            ax.add_collection(
                PolyCollection(
                    _bars(
                        ds[has_done],
                        np.maximum(de[has_done] - ds[has_done], span * 0.002),
                        yk[has_done],
                        bar_h,  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                        bar_dy,
                    ),
                    facecolors=done_fc,
                    edgecolors=[style.shade(colors[i], 0.1) for i in idx[has_done].tolist()],
                    linewidths=lw * 0.6,
                    zorder=2.8,
                )
            )
        for mask, critical in ((bar & ~crit, False), (bar & crit, True)):
            if not mask.any():
                continue
            fc = [colors[i] for i in idx[mask].tolist()]
            kw: dict[str, Any] = {"facecolors": fc, "zorder": 3}
            if critical:
                kw.update(edgecolors=style.CRITICAL, linewidths=lw * 1.4, hatch=style.CRITICAL_HATCH)
            else:
                kw.update(edgecolors=[style.shade(c, 0.35) for c in fc], linewidths=lw * 0.8)
            ax.add_collection(PolyCollection(_bars(xb[mask], w[mask], yk[mask], bar_h, bar_dy), **kw))  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
        if is_ms.any():
            fc = [
                style.CRITICAL if c else colors[i]
                for i, c in zip(idx[is_ms].tolist(), crit[is_ms].tolist(), strict=True)
            ]
            ax.scatter(
                x[is_ms],
                yk[is_ms] + bar_dy,
                s=ms**2,
                marker="D",
                c=fc,
                edgecolors=style.CRITICAL,
                linewidths=lw,
                zorder=4,
            )
        sel_rows = [k for k, i in dec_rows if ids[i] in selected and not plan.decisions[i].milestone]
        if sel_rows:
            sel_idx = np.array([shown[k][1] for k in sel_rows])
            ax.add_collection(
                PolyCollection(
                    _bars(
                        *_visible_bars(es[sel_idx], ef[sel_idx], dur[sel_idx], MIN_BAR_PT / 72 * per_in),
                        np.array([mid[shown[k][1]] for k in sel_rows], float),
                        bar_h + 0.14,  # type: ignore[arg-type]  # stubs want a Sequence; a 3-D array takes the fast path
                        bar_dy,
                    ),
                    facecolors="none",
                    edgecolors=style.INK,
                    linewidths=max(1.2, lw * 2),
                    zorder=4,
                )
            )

    # -- dependency links ------------------------------------------------------------------------------------
    if show_deps and len(s.graph.src):
        _links(ax, analysis, es, ef, y_of, gated, span)

    # -- finish lines ------------------------------------------------------------------------------------------
    ax.axvline(t_end, color=style.FINISH, linewidth=1.3, zorder=4)
    if gated and st.gating_price > 0:
        ax.axvline(s.finish, color=style.FINISH, linewidth=1.0, linestyle=":", zorder=4)
    if status_wk is not None:
        # Named with its date in the legend and the subtitle: a label on the plot met the stages' labels.
        progress.draw_status_line(ax, plan, status_wk, label=False)

    # -- row labels ---------------------------------------------------------------------------------------------
    if font >= MIN_LABEL_PT:
        # A title that would be shortened at the row size gets a smaller size first, down to 7 pt.
        row_font = font
        longest_shown = max(
            (len(plan.decisions[i].title) for _, i in dec_rows if i not in wrapped), default=0
        )
        if label_lines == 1 and longest_shown > label_chars * style.BOLD_FACTOR and font > style.MIN_PT:
            row_font = max(style.MIN_PT, font * label_chars * style.BOLD_FACTOR / longest_shown)
        row_chars = style.chars_fitting(left_in - 0.25, row_font)
        for _, i in dec_rows:
            d = plan.decisions[i]
            crit_i = bool(s.critical[i])
            bold = crit_i or ids[i] in selected
            chars = int(row_chars * (style.BOLD_FACTOR if bold else 1.0))
            # A title that fits as drawn stays whole (counted in average letters, a bold title of narrow ones was
            # cut: 'Document the data quality pipeline…' with room to spare).
            whole = style.measured_width_in(d.title, row_font, bold=bold) <= left_in - 0.25
            size = row_font
            if not whole and not more.get(i):
                # a title that fits its row at a smaller size, down to 7 pt, is drawn whole at that size (its rows
                # were counted for it at 7 pt; cut at the row size, an Arabic title lost its number: '(…')
                smaller = row_font * (left_in - 0.25) / style.measured_width_in(d.title, row_font, bold=bold)
                if smaller * 0.995 >= style.MIN_PT:
                    size, whole = smaller * 0.995, True
            # a wrapped title's rows were counted for its lines at 7 pt: at the rows' larger size it may need more
            if (
                more.get(i)
                and not whole
                and len(style.wrap_measured(d.title, left_in - 0.25, size, 99, bold=bold)) > more[i] + 1
            ):
                size = style.MIN_PT
            label = style.fit_lines(  # measured last: wide letters and scripts never reach the edge
                "\n".join(style.wrap_measured(d.title, left_in - 0.25, size, more[i] + 1, bold=bold))
                if more.get(i) and not whole
                else d.title
                if whole
                else "\n".join(style.wrap(d.title, chars, 2))
                if label_lines == 2 and len(d.title) > chars
                else style.ellipsize(d.title, chars),
                left_in - 0.25,
                size,
                bold=bold,
            )
            kw = {"fontweight": "bold"} if bold else {}
            ax.text(
                label_x,
                mid[i],
                label,
                transform=label_tf,
                ha="right",
                va="center",
                fontsize=size,
                color=style.INK,
                linespacing=1.05,
                **kw,
            )

    if window is not None:
        _overview(fig, ax, plan, lo, hi, t_end, left_in)

    # -- title, legend ----------------------------------------------------------------------------------------
    rows_txt = shown_txt
    if rows is not None:
        # Rows as a reader counts them: a stage or a decision each, a wrapped title's further lines not counted.
        before = sum(1 for kind, _ in all_rows[:r0] if kind != "more")
        upto = sum(1 for kind, _ in all_rows[:r1] if kind != "more")
        whole = sum(1 for kind, _ in all_rows if kind != "more")
        rows_txt = f"rows {before + 1}\u2013{upto} of {whole}"
    sub_lines = _subtitle_lines(
        analysis, w_in, gated, rows_txt, base.name if base is not None else None, compact
    )
    if compact:
        for j, line in enumerate(sub_lines):
            fig.text(
                0.18 / w_in,
                1 - (0.06 + SUB_LINE_IN * j) / h_in,
                line,
                ha="left",
                va="top",
                fontsize=style.SUBTITLE_PT,
                color=style.MUTED,
            )
    else:
        style.title(fig, f"Gantt \u2014 {plan.title}", sub_lines[0])
    moved = _sequencing_note(st) if gated else ""
    if moved:
        # The gated timeline groups by sequenced stage: say which decisions it runs in a later stage (SPEC §3.3).
        y_in = 0.08 + SUB_LINE_IN * len(sub_lines) if compact else style.TITLE_IN
        fig.text(
            0.18 / w_in,
            1 - y_in / h_in,
            moved,
            ha="left",
            va="top",
            fontsize=style.SMALL_PT,
            color=style.GATE,
        )
    if not legend:
        return
    _legend(
        fig,
        plan,
        idx,
        colors,
        gated,
        base is not None,
        bool(is_ms.any()) if len(idx) else False,
        show_deps,
        # (the status line is named where it is drawn: a page whose weeks end before it has none)
        status=status_wk if status_wk is not None and lo <= status_wk <= hi else None,
        done=bool(len(idx)) and bool((~np.isnan(done_start[idx])).any()),
        rolling=gated and st.gating_price > 0,
    )


WEEKS_PER_IN = 12.0
"""A page of a tiled Gantt keeps the whole plan's weeks while they are this many an inch or fewer (two years on a
landscape page: a week's bar is 6 pt wide)."""
WINDOW_SHARE = 0.6
"""A page of a tiled Gantt whose rows span more than this share of the plan's weeks keeps the whole axis."""
OVERVIEW_H_IN = 0.055  # the strip over a page's row labels that shows where its weeks sit in the plan


def _page_window(
    shown: list[Row],
    es: np.ndarray,
    ef: np.ndarray,
    done_start: np.ndarray,
    done_end: np.ndarray,
    base: Any,
    ids: list[str],
    t_max: float,
) -> tuple[float, float] | None:
    """The weeks ``(lo, hi)`` a page of the Gantt shows: its decisions' bars (work done and baseline too) with a
    margin, in whole weeks; None (the whole plan) when that is more than :data:`WINDOW_SHARE` of ``t_max``."""
    idx = [i for kind, i in shown if kind == "decision"]
    if not idx:
        return None
    a, b = float(np.min(es[idx])), float(np.max(ef[idx]))
    ds, de = done_start[idx], done_end[idx]
    if (~np.isnan(ds)).any():
        a, b = min(a, float(np.nanmin(ds))), max(b, float(np.nanmax(de)))
    if base is not None:
        for i in idx:
            e = base.decisions.get(ids[i])
            if e is not None:
                a, b = min(a, float(e.start)), max(b, float(e.finish))
    pad = max(0.5, 0.04 * (b - a))
    lo = max(0.0, float(math.floor(a - pad)))
    hi = min(t_max, max(float(math.ceil(b + pad)), lo + 2.0))
    if hi - lo > WINDOW_SHARE * t_max:
        return None
    return lo, hi


def _overview(fig: Figure, ax: Any, plan: Plan, lo: float, hi: float, finish: float, left_in: float) -> None:
    """Over the row labels of a page that shows some of the plan's weeks: where they sit in the whole plan (a
    strip from week 0 to the finish, the page's weeks dark) and which they are (``wk 300\u2013360 of 1236``)."""
    from matplotlib.patches import Rectangle

    w_in, h_in = fig.get_size_inches()
    top = ax.get_position().y1 * h_in
    x0, x1 = 0.18, left_in - 0.35
    if x1 - x0 < 0.6:
        return
    whole = max(finish, hi)
    strip = fig.add_axes((x0 / w_in, (top + 0.05) / h_in, (x1 - x0) / w_in, OVERVIEW_H_IN / h_in))
    strip.set_xlim(0, whole)
    strip.set_ylim(0, 1)
    strip.axis("off")
    strip.add_patch(Rectangle((0, 0.25), whole, 0.5, facecolor=style.GRID, edgecolor="none"))
    strip.add_patch(Rectangle((lo, 0), max(hi - lo, whole * 0.012), 1, facecolor=style.INK, edgecolor="none"))
    # (the page's weeks run a little past the finish for room: they are named up to it, 'wk 122-167.9 of 167.9')
    text = f"wk {units.week_span(lo, min(hi, finish))} of {units.format_weeks(finish)}"
    fig.text(
        x1 / w_in,
        (top + 0.05 + OVERVIEW_H_IN + 0.03) / h_in,
        style.fit_line(text, x1 - x0, style.MIN_PT),
        ha="right",
        va="bottom",
        fontsize=style.MIN_PT,
        color=style.MUTED,
    )


SEQ_NOTE_IN = 0.17  # the line under the title of a gated timeline that names what sequencing moved
SUB_LINE_IN = 0.17  # one line of a compact chart's subtitle


def _subtitle_lines(
    analysis: Any, w_in: float, gated: bool, rows_txt: str | None, base_name: str | None, compact: bool
) -> list[str]:
    """The subtitle: which timeline, its finish, how much is critical, which rows; wrapped to the width in a
    compact chart (never shortened: it carries figures), one line under a title otherwise."""
    s, st, plan = analysis.schedule, analysis.stages, analysis.plan
    t_end = st.gated_finish if gated else s.finish
    bits = [
        "Gated timeline (stages as strict gates)" if gated else "Rolling timeline",
        f"finish {style.fmt_when(plan, t_end)}",
    ]
    if gated:
        bits.append(
            f"+{style.fmt_weeks(st.gating_price)} wk vs rolling"
            if st.gating_price > 0
            else "gating costs no time"
        )
    critical = style.critical_share(int(s.critical.sum()), len(plan.decisions))
    bits.append(critical)
    status_wk = _status_week(analysis)
    if status_wk is not None:
        bits.insert(2, progress.status_text(plan, status_wk))
    if rows_txt:
        bits.append(rows_txt)
    if base_name is not None:
        bits.append(f"baseline \u201c{base_name}\u201d")
    text = " \u00b7 ".join(bits)
    if not compact:
        # One line under the title: leave out what matters least before a figure would be cut (measured: a
        # count of average letters left figures out that had room).
        shorter = [b for b in bits if b != critical]
        return [style.fitting_line([text, " \u00b7 ".join(shorter), *style.dropping(shorter[1:])], w_in)]
    return style.wrap_measured(text, w_in - 0.4, style.SUBTITLE_PT, len(bits) + 1)


def _sequencing_note(st: Any) -> str:
    texts = st.sequencing_text() if st is not None and st.suggested_moves else []
    return "; ".join(texts) + (" (grouped here by the stage they run in)" if texts else "")


def stage_end_label(plan: Plan, si: int, week: float, gated: bool) -> str:
    """The label of stage ``si``'s line: ``Integrate gate · wk 14 (12 Apr)`` on the gated timeline (the gated
    schedule's Gate_k, SPEC §3.3 "Words"), ``Integrate ends · wk 19 (13 May)`` on the rolling one, which has no
    gates: only the end of the window of the decisions assigned to the stage."""
    word = "gate" if gated else "ends"
    return style.left_to_right(
        f"{plan.stages[si].name} {word} \u00b7 {style.fmt_when(plan, week, short=True)}"
    )


def stage_end_labels(plan: Plan, si: int, week: float, gated: bool) -> list[str]:
    """:func:`stage_end_label` and shorter forms of it, longest first; every one keeps the week figure whole."""
    word = "gate" if gated else "ends"
    name = plan.stages[si].name
    when = style.fmt_when(plan, week, short=True)
    wk = f"wk {style.fmt_weeks(week)}"
    out = [
        f"{name} {word} \u00b7 {when}",
        f"{name} {word} \u00b7 {wk}",
        f"{word} \u00b7 {when}",
        f"{word} {wk}",
    ]
    return list(dict.fromkeys(style.left_to_right(t) for t in out))  # a Hebrew name first reads first


LABEL_PAD_PT = 4.0  # between a stage label and the line or bar it labels
END_STRETCH_IN = 0.3  # the stretch of a stage's line left in sight between its end label and its end
MIN_BAR_PT = 2.0  # the narrowest bar of remaining work drawn, points (a short decision in a long plan)


def _place_stage_label(
    txt: str,
    start: float,
    end: float,
    lines: list[float],
    t_max: float,
    per_in: float,
    font: float,
    *,
    lo: float = 0.0,
    start_cut: bool = False,
    far: bool = True,
    at_finish: bool = False,
) -> tuple[float, str, bool]:
    """Where a stage's end (gate) label goes on its header row: ``(x, horizontal alignment, boxed)``.

    The row holds only the stage's own bar from ``start`` to ``end``, so the label goes right of the end, else
    left of the start, as long as it stays inside ``[lo, t_max]`` (the weeks in sight) and clear of the ``lines``
    that run through every row (the finish lines). Failing both, it sits over the bar on a box of the band's
    colour, which hides what it covers instead of colliding with it: at the bar's start, so that its end stays in
    sight, else at its right edge. Text is never shortened. ``start_cut``: the bar starts before ``lo`` (a page
    that shows some of the plan's weeks), so the boxed label goes by the end, the line it names. Without ``far``
    it is never put away from the bar, unboxed, where the row has room (right-aligned against a finish line).
    ``at_finish``: the stage ends at the plan's finish, where nothing fits right of its end; the label goes boxed
    over its line, ending :data:`END_STRETCH_IN` before the end (the line's last stretch in sight, its start
    too), not at the bar's start, weeks away from the line it names."""
    w = style.text_width_in(txt, font) * 1.04 * per_in
    pad = LABEL_PAD_PT / 72 * per_in

    def clear(x0: float, x1: float) -> bool:
        return x0 >= lo and x1 <= t_max and not any(x0 - pad < x < x1 + pad for x in lines)

    if clear(end + pad, end + pad + w):
        return end + pad, "left", False
    stretch = END_STRETCH_IN * per_in
    if (
        at_finish
        and not start_cut  # (a bar that starts before the page's weeks: by its end, below)
        and end - stretch - w >= max(start + pad, lo)
        and clear(end - stretch - w, end - stretch)
    ):
        return end - stretch, "right", True
    if clear(start - pad - w, start - pad):
        return start - pad, "right", False
    for x1 in (
        sorted({t_max, *(x - 2 * pad for x in lines if x - 2 * pad - w >= lo)}, reverse=True) if far else []
    ):
        if x1 - w >= lo and clear(x1 - w, x1) and not (x1 - w < end + pad and x1 > start - pad):
            return x1, "right", False
    # Over the line, boxed: at its start, so that its end stays in sight where it meets the stage's dashed line
    # (at its end, a stage that ends at the finish had the label hide the end of its line, which then seemed to
    # stop short of it); at its end when the line is too short for that.
    if start_cut and end - pad - w >= lo and clear(end - pad - w, end - pad):
        return end - pad, "right", True
    if clear(start + pad, start + pad + w) and start + 3 * pad + w <= end:
        return start + pad, "left", True
    x = min(max(end, lo + w), t_max)
    return x, "right", True


def _anchor(kind: int, es: float, ef: float, start_side: bool) -> float:
    # FS 0, SS 1, FF 2, SF 3: predecessor end for F*, start for S*; successor start for *S, end for *F.
    if start_side:
        return es if kind in (1, 3) else ef
    return es if kind in (0, 1) else ef


def _links(
    ax: Any, analysis: Any, es: np.ndarray, ef: np.ndarray, y_of: dict[int, float], gated: bool, t_max: float
) -> None:
    s = analysis.schedule
    g = s.graph
    path = critical_links(s)  # the one rule (planner.analysis.schedule)
    segs: list[list[tuple[float, float]]] = []
    colors: list[Any] = []
    widths: list[float] = []
    heads: list[tuple[float, float]] = []
    head_c: list[Any] = []
    gap = t_max * 0.006
    for e in range(len(g.src)):
        u, v = int(g.src[e]), int(g.dst[e])
        if u not in y_of or v not in y_of:
            continue
        kind = int(g.kind[e])
        x0 = _anchor(kind, es[u], ef[u], True)
        x1 = _anchor(kind, es[v], ef[v], False)
        y0, y1 = y_of[u], y_of[v]
        yy = y1 - 0.3 if y1 > y0 else y1 + 0.3
        xm = x0 + gap
        segs.append([(x0, y0), (xm, y0), (xm, yy), (x1, yy), (x1, y1 - 0.31 if y1 > y0 else y1 + 0.31)])
        on_path = (g.ids[u], g.ids[v]) in path and not gated
        c = style.CRITICAL if on_path else (style.MUTED if s.driving[e] and not gated else style.EDGE)
        colors.append(c)
        widths.append(1.1 if on_path else 0.6)
        heads.append((x1, y1 - 0.31 if y1 > y0 else y1 + 0.31))
        head_c.append(c)
    if segs:
        ax.add_collection(LineCollection(segs, colors=colors, linewidths=widths, zorder=2.5, alpha=0.9))
        hx, hy = zip(*heads, strict=True)
        ax.scatter(hx, hy, s=6, marker="v", c=head_c, linewidths=0, zorder=2.6)


def _status_week(analysis: Any) -> float | None:
    return progress.status_week(analysis) if analysis.schedule is not None else None


def _done_mask(s: Any, n: int) -> np.ndarray:
    """Decisions with no work left (the schedule's remaining-work graph marks them), in plan order."""
    done = getattr(s.graph, "done", None)
    return done if done is not None and len(done) == n else np.zeros(n, dtype=bool)


def _has_done(analysis: Any) -> bool:
    return bool((~np.isnan(progress.done_spans(analysis)[0])).any())


def _legend_labels(
    plan: Plan,
    used: set[Any],
    gated: bool,
    base: bool,
    ms: bool,
    deps: bool,
    *,
    status: float | None = None,
    done: bool = False,
    rolling: bool = False,
) -> list[str]:
    return [
        str(h.get_label())
        for h in _legend_handles(plan, used, gated, base, ms, deps, status=status, done=done, rolling=rolling)
    ]


def _legend(
    fig: Figure,
    plan: Plan,
    idx: np.ndarray,
    colors: list[str],
    gated: bool,
    base: bool,
    ms: bool,
    deps: bool,
    *,
    status: float | None = None,
    done: bool = False,
    rolling: bool = False,
) -> None:
    handles = _legend_handles(
        plan,
        {plan.decisions[i].area for i in idx.tolist()},
        gated,
        base,
        ms,
        deps,
        status=status,
        done=done,
        rolling=rolling,
    )
    w_in, h_in = fig.get_size_inches()
    for h in handles:
        h.set_label(legend_label(str(h.get_label()), w_in))
    _, per_row = legend_layout(w_in, [str(h.get_label()) for h in handles])
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.06 / h_in),
        ncol=per_row,
        fontsize=style.SMALL_PT,
        frameon=False,
        handlelength=1.6,
        handleheight=0.9,
        columnspacing=1.4,
        borderaxespad=0.0,
        handletextpad=0.5,
    )


def _legend_handles(
    plan: Plan,
    used: set[Any],
    gated: bool,
    base: bool,
    ms: bool,
    deps: bool,
    *,
    status: float | None = None,
    done: bool = False,
    rolling: bool = False,
) -> list[Any]:
    area_col = style.area_colors(plan)
    handles: list[Any] = []
    for a in plan.areas:
        if a.id in used:
            handles.append(
                Patch(
                    facecolor=area_col[a.id],
                    edgecolor=style.shade(area_col[a.id], 0.35),
                    linewidth=0.6,
                    label=a.name,
                )
            )
    if any(u not in area_col for u in used):
        handles.append(Patch(facecolor=style.NO_AREA, label="No area"))
    handles.append(
        Patch(
            facecolor="white",
            edgecolor=style.CRITICAL,
            hatch=style.CRITICAL_HATCH,
            linewidth=1.0,
            label="Critical",
        )
    )
    if not gated:
        handles.append(Patch(facecolor=style.FLOAT, label="Total float"))
    if ms:
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                linestyle="none",
                markerfacecolor="white",
                markeredgecolor=style.CRITICAL,
                markersize=5,
                label="Milestone",
            )
        )
    if done:
        handles.append(
            Patch(
                facecolor=style.tint(style.MUTED, progress.DONE_TINT),
                edgecolor=style.shade(style.MUTED, 0.1),
                linewidth=0.6,
                label="Work done",
            )
        )
    if base:
        handles.append(Patch(facecolor=style.BASELINE, label="Baseline"))
    handles.append(
        Line2D(
            [],
            [],
            color=style.GATE,
            linestyle=(0, (4, 2)),
            linewidth=1.0,
            label="Stage gate" if gated else "Stage end",
        )
    )
    handles.append(Line2D([], [], color=style.FINISH, linewidth=1.3, label="Finish"))
    if rolling:  # the gated timeline's dotted line: where the plan finishes with rolling stages
        handles.append(
            Line2D([], [], color=style.FINISH, linewidth=1.0, linestyle=":", label="Finish (rolling stages)")
        )
    if status is not None:
        handles.append(
            Line2D(
                [],
                [],
                color=progress.STATUS,
                linestyle=progress.STATUS_STYLE,
                linewidth=1.3,
                label=progress.status_legend(plan, status),
            )
        )
    if deps:
        handles.append(Line2D([], [], color=style.CRITICAL, linewidth=1.1, label="Critical link"))
    return handles
