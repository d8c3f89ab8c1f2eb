"""The stage timeline: each stage's rolling window and its gated window with the gate date, the price of
running stages as strict gates, and readiness per stage (gate criteria met, work done)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from planner.charts import status as progress
from planner.charts import style
from planner.charts.timeaxis import time_axis
from planner.model import units

if TYPE_CHECKING:
    from planner.analysis import Analysis

LEFT_IN = 1.7
READY_IN = 2.7  # readiness panel on the right
GAP_IN = 0.45
TOP_IN = style.TITLE_IN + 0.45
# ``compact`` (the report has its own heading): one subtitle line (0.23 in), a gap, the week ticks (unlabelled, as
# the report's Gantt's) and the readiness panel's title over the plot (0.18 in); under it the dates (two lines,
# 0.3 in), a gap and the legend's rows (0.15 in each, 0.05 in from the edge). They were 0.75 and 0.8 in, which left
# 20 pt empty over the weeks and 16 pt over the legend, and the timeline went to a page of its own under a
# one-page Gantt that had room for it.
COMPACT_TOP_IN = 0.23 + 0.05 + 0.18
COMPACT_BOTTOM_IN = 0.3 + 0.06 + 0.05 + 0.15  # with one legend row
BOTTOM_IN = 0.95  # the dates under the plot and a legend of two rows
LEGEND_ROW_IN = 0.15
ROW_EXTRA = 0.45  # rows' worth of room under the last stage, for the price of strict gates
LINE = 0.25
"""A stage's two lines (rolling above, gated below) sit this far (in rows) from its centre (0.22 needed rows 23 pt
apart for their two 7 pt labels; 0.25 needs 20 pt, and the bars, 0.3 rows tall, still leave 0.2 rows between
them)."""
BAR_H = 0.3
_COUNT_LINE = 1.2 * 1.15  # a count line's height in ems (its line spacing 1.15)
_NAME_H = 1.25  # a stage name's height in ems (bold)


def legend_rows(w_in: float, status: bool | str) -> int:
    """The rows of the legend under a timeline ``w_in`` inches wide: as few as its entries allow (``status``: see
    :func:`_legend_handles`)."""
    from planner.charts.gantt import legend_layout

    return legend_layout(w_in, [str(h.get_label()) for h in _legend_handles(status)])[0]


def _status_name(analysis: Analysis, compact: bool) -> bool | str:
    """The status date's legend entry: none without one; ``Status date 15 Mar 2027`` on the report's (compact)
    timeline, whose line has no label on the plot (at the least height the label met the first stage's 'wk 1-10',
    as on the Gantt); else ``Status date`` (the line is labelled with its date on the plot)."""
    wk = progress.status_week(analysis)
    if wk is None:
        return False
    return progress.status_legend(analysis.plan, wk) if compact else True


def _legend_handles(status: bool | str) -> list[Any]:
    """The legend's entries, the status date among them when the plan has one (``status``, a string: its name)."""
    handles: list[Any] = [
        Patch(facecolor=ROLLING, label="Rolling window (stages overlap)"),
        Patch(
            facecolor=style.tint(style.GATED, 0.25),
            edgecolor=style.shade(style.GATED, 0.4),
            hatch="...",
            label="Gated window (strict gates)",
        ),
        Line2D([], [], color=style.GATE, linestyle=(0, (4, 2)), marker="D", markersize=4, label="Gate date"),
        Line2D([], [], color=style.FINISH, linewidth=1.3, label="Rolling finish"),
        Line2D([], [], color=style.GATED, linewidth=1.3, linestyle=(0, (1, 1.5)), label="Gated finish"),
        Patch(facecolor="#009E73", label="Gate criteria met"),
        Patch(facecolor="#56B4E9", label="Work done"),
    ]
    if status:
        status_line = Line2D(
            [],
            [],
            color=progress.STATUS,
            linestyle=progress.STATUS_STYLE,
            linewidth=1.3,
            label=status if isinstance(status, str) else "Status date",
        )
        handles.insert(5, status_line)
    return handles


def frame_in(analysis: Analysis, w_in: float, *, compact: bool = False) -> tuple[float, float]:
    """The fixed ``(top, bottom)`` inches of a timeline ``w_in`` wide: title (or, ``compact``, one subtitle
    line) and the weeks axis above the stage rows; the dates and the legend below them."""
    rows = legend_rows(w_in, _status_name(analysis, compact))
    if compact:
        return COMPACT_TOP_IN, COMPACT_BOTTOM_IN + (rows - 1) * LEGEND_ROW_IN
    return TOP_IN, BOTTOM_IN + (rows - 2) * LEGEND_ROW_IN


ROLLING = "#0072B2"

NARROWEST_IN = 5.0
"""The narrowest timeline the app draws in its tab (an 800x600 window beside the inspector leaves ~5.3 in) before
the tab scrolls sideways: it was drawn a slide wide (13.3 in), so there the stage names filled the view and their
bars were out of sight."""
NARROW_IN = 6.0
"""Below this width the left column and the readiness panel give up a share of their width to the time axis."""


def _shares(w_in: float) -> tuple[float, float]:
    """The most of a timeline ``w_in`` wide the left column and the readiness panel take: 30 % and 20 %, and on a
    narrow one (below :data:`NARROW_IN`) 30 % and 16 %, so that the time axis keeps over 40 % of the width (at
    5.3 in the names and the readiness took 50 % and the gaps 12 %; the names keep their share, as a narrower
    column split 'Operationalize' across two lines)."""
    return (0.3, 0.2) if w_in >= NARROW_IN else (0.3, 0.16)


def _left_in(analysis: Analysis, w_in: float, moved: list[str]) -> float:
    """The width of the left column: each stage's name and, under it, what sequencing moved (at most 8.1 pt)."""
    st = analysis.stages
    assert st is not None
    longest = max(len(f"{k + 1} \u00b7 {r.name}") for k, r in enumerate(st.stages))
    moved_in = max((style.measured_width_in(m, 8.1) for m in moved if m), default=0.0)  # count and move
    return min(
        _shares(w_in)[0] * w_in,
        max(LEFT_IN, style.text_width_in("x" * longest, 10) / style.BOLD_FACTOR + 0.45, moved_in + 0.3),
    )


NAME_LINES = 3
"""The most lines a stage's name takes in the left column (as many as every row has room for)."""


def _names(stages: Any, width_in: float, size_pt: float, pitch_pt: float, count_pt: float) -> list[list[str]]:
    """Each stage's label, ``1 · Name``, on one line ``width_in`` wide, or on up to :data:`NAME_LINES` when a name
    does not fit one and every row has room for them over the count lines under the stage above (``count_pt``
    tall); else shortened. Twelve long names were cut at ~20 characters in a portrait report's column where the
    rows had room; in a narrow tab (800x600) a long name showed one word."""
    texts = [f"{k + 1} \u00b7 {r.name}" for k, r in enumerate(stages)]
    one = [style.fit_line(t, width_in, size_pt, bold=True) for t in texts]
    lines = max(1, min(NAME_LINES, int((0.94 * pitch_pt - count_pt) // (1.05 * _NAME_H * size_pt))))
    if lines < 2 or all(a == t for a, t in zip(one, texts, strict=True)):
        return [[a] for a in one]
    return [
        style.wrap_measured(t, width_in, size_pt, lines, bold=True) if a != t else [a]
        for a, t in zip(one, texts, strict=True)
    ]


def _counts(analysis: Analysis) -> list[str]:
    """Under each stage's name: its decisions and what strict gates move out of or into it."""
    plan, st = analysis.plan, analysis.stages
    assert st is not None
    moves = st.sequencing_moves()
    out = []
    for r in st.stages:
        count = units.count(sum(1 for d in plan.decisions if d.stage == r.id), "decision")
        moved = _moved_text(r.id, moves)
        out.append(count + ("\n" + moved if moved else ""))
    return out


def _count_text(count: str, width_in: float, size_pt: float) -> str:
    """A stage's count as drawn ``width_in`` wide: the number of decisions and what strict gates move, on one line
    when they fit (a row of one line under the name needs less height), else the move on two lines under it."""
    head, _, moved = count.partition("\n")
    one = f"{head} \u00b7 {moved}"
    if moved and style.measured_width_in(one, size_pt) <= width_in:
        return one
    lines = [style.fit_line(head, width_in, size_pt)]
    if moved:
        lines += style.wrap_measured(moved, width_in, size_pt, 2)
    return "\n".join(lines)


def _count_lines(analysis: Analysis, w_in: float) -> int:
    """The most lines a stage's count takes in the left column at 7 pt."""
    counts = _counts(analysis)
    left_in = _left_in(analysis, w_in, [c.replace("\n", " \u00b7 ") if "\n" in c else "" for c in counts])
    return max(len(_count_text(c, left_in - 0.3, style.MIN_PT).split("\n")) for c in counts)


def min_pitch_pt(analysis: Analysis, w_in: float) -> float:
    """The least distance (pt) between two stages' rows at which none of their text overlaps at 7 pt: the two
    labelled lines of the plot (and of the readiness panel), and in the left column a stage's count lines, which
    hang from just under its centre, above the next stage's name, which stands on just above its centre."""
    plot = (1.2 * style.MIN_PT + 1.5) / (2 * LINE)  # a rolling and a gated label, one above the other
    left = (_count_lines(analysis, w_in) * _COUNT_LINE * style.MIN_PT + _NAME_H * (6.5 + 1)) / 0.94
    return math.ceil(max(plot, left))


def min_height_in(analysis: Analysis, w_in: float, *, compact: bool = False) -> float:
    """The least height (in) of a timeline ``w_in`` wide on which nothing overlaps and every text is 7 pt."""
    assert analysis.stages is not None
    top, bottom = frame_in(analysis, w_in, compact=compact)
    return top + bottom + min_pitch_pt(analysis, w_in) * (len(analysis.stages.stages) + ROW_EXTRA) / 72


def draw_stage_timeline(fig: Figure, analysis: Analysis, *, compact: bool = False) -> None:
    """Draw the stage timeline of ``analysis`` on ``fig`` (``compact``: no title, its figures on one line at the
    top, for a report page whose heading names the chart)."""
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "stage timeline"):
            return
        _draw(fig, analysis, compact)


def _words_in(text: str, size: float) -> float:
    """The width (in) of a gate's words, on one or two lines."""
    return max(style.measured_width_in(line, size) for line in text.split("\n"))


def _pushed_place(
    text: str,
    sizes: list[float],
    ends: tuple[float, float],
    lines: tuple[float, ...],
    after: float,
    start: float | None,
    gate_x: float,
    roll_end: float,
) -> tuple[float, float, str, bool] | None:
    """Where a gate's words go clear of the finish ``lines`` when none of :func:`_gate_place`'s places is: moved
    right past the line they would cross (after the gated window's words, or on the rolling line after its words),
    else left of it (left of the gated window, or on the rolling line left of the gate); ``None`` when nowhere."""

    def clear(x0: float, x1: float) -> bool:
        return all(not (x0 - 2 < lx < x1 + 2) for lx in lines)

    for end, pt in ((e, pt) for e in ends for pt in sizes):
        w = _words_in(text, pt) * 72 + 2
        for x0, on_upper in ((after, False), (max(gate_x + 3, roll_end + 3), True)):
            for lx in sorted(lines):
                if not clear(x0, x0 + w):
                    x0 = max(x0, lx + 3)
            if x0 + w <= end and clear(x0, x0 + w):
                return pt, x0 - gate_x, "left", on_upper
        lefts = ([(start, 0.0, False)] if start is not None else []) + [(gate_x - 3, roll_end + 3, True)]
        for x1, least, on_upper in lefts:
            for lx in sorted(lines, reverse=True):
                if not clear(x1 - w, x1):
                    x1 = min(x1, lx - 3)
            if x1 - w >= least and clear(x1 - w, x1):
                return pt, x1 - gate_x, "right", on_upper
    return None


def _gate_place(
    text: str,
    size: float,
    gate_x: float,
    marker_r: float,
    after: float,
    start: float | None,
    roll_end: float,
    width: float,
    lines: tuple[float, ...] = (),
    strict: bool = False,
    push: bool = False,
) -> tuple[float, float, str, bool] | None:
    """Where a gate's words ``text`` go (see the caller): their size (at ``size``, else the least), their offset
    from the gate's marker (points), their alignment and whether on the rolling line above. Clear of every bar and
    label of the row where there is room; else left of the marker over its own window, on white (the words stay
    whole: the gate's week is a figure every other output gives, never traded for the date alone).

    ``gate_x`` is the gate in points from the axis' left, ``after`` where the gated line is free after the marker
    and its "wk a-b", ``start`` where the gated window starts (words may end there), ``roll_end`` where the rolling
    line's bar and words end, ``width`` the axis' width (points; the words may reach a little into the gap after
    it).

    ``lines`` are the chart's finish lines (and the status date's), points from the axis' left: the words' white
    box hid a stretch of them ('gate wk 10 · 10 May 2027' boxed across the gated finish in the bank sample's
    portrait report). Every place is tried clear of them first, then (``push``: the report's, whose words need not
    be by their gate for a hover) just after the line they would cross; ``strict``: ``None`` when no place is
    clear, else as before, across a line."""
    line = 3.0  # clear of the gate's dashed line on the rolling line
    sizes = [size] + ([style.MIN_PT] if size > style.MIN_PT else [])

    def clear(x0: float, x1: float) -> bool:
        return not strict or all(not (x0 - 2 < lx < x1 + 2) for lx in lines)

    # By the gate: within the axis, then smaller, then reaching into the gap before the readiness panel (the fraud
    # sample's third gate in the app's tab at 1366x768 and 125 %).
    ends = (width, width + GAP_IN * 72 - 8)
    for end, pt in ((e, pt) for e in ends for pt in sizes):
        w = _words_in(text, pt) * 72 + 2
        if after + w <= end and clear(after, after + w):
            return pt, after - gate_x, "left", False
        if (
            start is not None
            and start - w >= 0
            and gate_x - start <= max(w, 36.0)
            and clear(start - w, start)
        ):
            return pt, start - gate_x, "right", False
        if gate_x - line - w >= roll_end + 3 and clear(gate_x - line - w, gate_x - line):
            return pt, -line, "right", True
        upper = max(gate_x + line, roll_end + 3)
        if upper + w <= end and clear(upper, upper + w):
            return pt, upper - gate_x, "left", True
    for pt in sizes:  # left of a long window, rather than over it
        w = _words_in(text, pt) * 72 + 2
        if start is not None and start - w >= 0 and clear(start - w, start):
            return pt, start - gate_x, "right", False
    if push:  # just after the line they would cross, or just before it
        pushed = _pushed_place(text, sizes, ends, lines, after, start, gate_x, roll_end)
        if pushed is not None:
            return pushed
    if strict:
        return None
    return size, -(marker_r + 2), "right", False  # nothing clear: over its own window, on white


def _past_a_line(
    gate_x: float, place: tuple[float, float, str, bool], words: str, lines: tuple[float, ...]
) -> bool:
    """Whether a gate's words at ``place`` (:func:`_gate_place`) lie past a finish line that the gate is before:
    pushed away from their gate (:func:`_pushed_place`)."""
    size, dx, ha, _ = place
    x0 = gate_x + dx - (_words_in(words, size) * 72 if ha == "right" else 0.0)
    return any(gate_x < lx <= x0 for lx in lines)


def _gate_words(
    texts: tuple[str, str, str],
    two_lines: bool,
    compact: bool,
    where: tuple[float, float, float, float, float | None, float, float, tuple[float, ...]],
) -> tuple[str, tuple[float, float, str, bool] | None]:
    """A gate's words and their place (:func:`_gate_place`), clear of the finish lines: by the gate, the whole
    words; on the report's page (``compact``) else the date under the week (``two_lines``: the rows have room),
    else the week alone (the key dates give the date), each by the gate first and then pushed past a line. In the
    app and the exports, where the words are on hover, those by their marker come first
    (tests/charts/test_s21_lead_gate_label_by_marker): the whole words there as before, across a line."""
    full, week_only, date = texts
    size, gate_x, marker_r, after, start, roll_end, width, lines = where
    words = [full] + ([f"{week_only}\n{date}"] if compact and two_lines and date else [])
    words += [week_only] if compact else []
    for push in (False, True) if compact else (False,):
        for text in words:
            place = _gate_place(
                text, size, gate_x, marker_r, after, start, roll_end, width, lines, strict=True, push=push
            )
            if place is not None:
                return text, place
    return full, _gate_place(full, size, gate_x, marker_r, after, start, roll_end, width)


def _moved_text(stage_id: str, moves: Any) -> str:
    """What sequencing moved out of or into a stage, e.g. ``1 run later; +3 from earlier under strict gates``
    (the gated window is drawn by sequenced stage: SPEC §3.3 "Words"), or ``""``."""
    moved_out = sum(len(ids) for frm, _, ids in moves if frm == stage_id)
    moved_in = sum(len(ids) for _, to, ids in moves if to == stage_id)
    if not (moved_out or moved_in):
        return ""
    parts = ([f"{moved_out} run later"] if moved_out else []) + (
        [f"+{moved_in} from earlier"] if moved_in else []
    )
    return "; ".join(parts) + " under strict gates"


def _draw(fig: Figure, analysis: Analysis, compact: bool = False) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    assert s is not None and st is not None  # draw_stage_timeline checked the analysis is drawable
    w_in, h_in = fig.get_size_inches()
    top_in, bottom_in = frame_in(analysis, w_in, compact=compact)
    ready_in = min(READY_IN, _shares(w_in)[1] * w_in)  # its words are short: the time axis gets the width
    counts = _counts(analysis)
    left_in = _left_in(analysis, w_in, [c.replace("\n", " \u00b7 ") if "\n" in c else "" for c in counts])
    ax = fig.add_axes(style.inches_to_fig(fig, left_in, bottom_in, ready_in + GAP_IN + 0.2, top_in))
    rx = fig.add_axes(style.inches_to_fig(fig, w_in - ready_in - 0.2, bottom_in, 0.2, top_in))
    k = len(st.stages)
    status_wk = progress.status_week(analysis)
    t_end = max(st.gated_finish, s.finish, status_wk or 0.0, 1.0)
    ax_w_in = ax.get_position().width * w_in
    ax_h_in = ax.get_position().height * h_in
    pitch_pt = ax_h_in * 72 / (k + ROW_EXTRA)
    font = max(6.5, min(9.0, pitch_pt / 4.2))
    small = max(style.MIN_PT, font * 0.9)  # the "wk a-b" labels and the counts
    gate_pt = max(style.MIN_PT, font * 0.85)
    marker_r = font * 0.9 / 2 + 0.6  # half the gate diamond's width, with its white edge
    # Room after the last bars for their "wk a-b" labels (beside the gate's marker).
    spans = [(r.start, r.finish) for r in st.stages] + [(r.gated_start, r.gated_finish) for r in st.stages]
    label_in = (
        max(
            (
                style.measured_width_in(f" {_span(lo, hi)}", small)
                for lo, hi in spans
                if lo is not None and hi is not None
            ),
            default=0.0,
        )
        + (2 * marker_r + 3) / 72
    )
    t_max = t_end / max(0.5, 1 - label_in / ax_w_in) + 0.3
    # (compact: the ticks only, as the report's Gantt above it; its labels say 'wk' and the subtitle what they are)
    time_axis(ax, plan, t_max, None, font_pt=style.SMALL_PT, label=not compact)
    for a in (ax, rx):
        a.set_ylim(k - 0.5 + ROW_EXTRA, -0.5)
        for side in ("left", "right", "top"):
            a.spines[side].set_visible(False)
        a.tick_params(axis="y", left=False, labelleft=False)
    pt_per_wk = ax_w_in * 72 / t_max
    # The lines across every row (drawn after the rows): gate words are kept clear of them (_gate_place).
    lines = tuple(wk * pt_per_wk for wk in (s.finish, st.gated_finish, status_wk) if wk is not None)
    n_lines = max(len(_count_text(c, left_in - 0.3, style.MIN_PT).split("\n")) for c in counts)
    # The count hangs under the name, clear of the next stage's name: as large as the rows let it be, never under
    # 7 pt (see min_pitch_pt).
    count_pt = max(
        style.MIN_PT, min(small, (0.94 * pitch_pt - _NAME_H * (font + 1)) / (n_lines * _COUNT_LINE))
    )
    from matplotlib.transforms import blended_transform_factory

    tf = blended_transform_factory(fig.transFigure, ax.transData)
    label_x = 0.18 / w_in
    name_lines = _names(st.stages, left_in - 0.35, font + 1, pitch_pt, n_lines * _COUNT_LINE * count_pt)
    for y, r in enumerate(st.stages):
        ax.axhspan(y - 0.5, y + 0.5, color=style.BAND[y % 2], zorder=0, linewidth=0)
        rx.axhspan(y - 0.5, y + 0.5, color=style.BAND[y % 2], zorder=0, linewidth=0)
        full = f"{y + 1} \u00b7 {r.name}"
        shown = "\n".join(name_lines[y])
        ax.text(
            label_x,
            y - 0.02,
            style.left_to_right(shown),  # '1 · שילוב', not 'שילוב · 1'
            transform=tf,
            ha="left",
            va="bottom",
            fontsize=font + 1,
            fontweight="bold",
            color=style.INK,
            linespacing=1.05,
            # A shortened name keeps its whole text as the artist's label: the app shows it on hover.
            label=full if " ".join(shown.split()) != " ".join(full.split()) else None,
        )
        text = _count_text(counts[y], left_in - 0.3, count_pt)
        size = count_pt
        if len(text.split("\n")) > n_lines:  # larger, it would take more lines than the rows leave room for
            text, size = _count_text(counts[y], left_in - 0.3, style.MIN_PT), style.MIN_PT
        ax.text(
            label_x,
            y + 0.04,
            text,
            transform=tf,
            ha="left",
            va="top",
            fontsize=size,
            color=style.MUTED,
            linespacing=1.15,
        )
        # Two lines a stage: its rolling window above, its gated window (and its gate) below.
        ry, gy = y - LINE, y + LINE
        roll_end = 0.0  # where the rolling line's bar and words end (points from the axis' left)
        if r.start is not None and r.finish is not None:
            roll_end = (
                r.finish * pt_per_wk + style.measured_width_in(f" {_span(r.start, r.finish)}", small) * 72
            )
            roll_end += 1.5
            ax.broken_barh(
                [(r.start, max(r.finish - r.start, t_max * 0.003))],
                (ry - BAR_H / 2, BAR_H),
                facecolors=ROLLING,
                edgecolors=style.shade(ROLLING, 0.3),
                linewidth=0.6,
                zorder=3,
            )
            ax.text(
                r.finish,
                ry,
                f" {_span(r.start, r.finish)}",
                ha="left",
                va="center",
                fontsize=small,
                color=style.INK,
                zorder=5.5,  # over the gate and finish lines it may cross, on the band's colour
                bbox={"boxstyle": "square,pad=0.05", "facecolor": style.BAND[y % 2], "edgecolor": "none"},
            )
        else:  # the row's upper line is free: no rolling window either
            roll_end = style.measured_width_in(" no decisions", small) * 72 + 1.5
            ax.text(
                0,
                ry,
                " no decisions",
                ha="left",
                va="center",
                fontsize=small,
                color=style.MUTED,
                style="italic",
            )
        # The gate: everything of this and earlier stages finished (gated timeline), a diamond on the lower line.
        ax.plot(
            [r.gate, r.gate],
            [y - 0.45, y + 0.45],
            color=style.GATE,
            linewidth=1.1,
            linestyle=(0, (4, 2)),
            zorder=4,
        )
        ax.scatter(
            [r.gate],
            [gy],
            marker="D",
            s=(font * 0.9) ** 2,
            color=style.GATE,
            zorder=5.6,
            edgecolors="white",
            linewidths=0.6,
        )
        date = plan.date_of(r.gate)
        gate_x = r.gate * pt_per_wk
        # The gate's words go on its line after the gated window's "wk a-b"; else left of the window when the
        # window is short (the words stay by their marker); else on the rolling line above, left of the gate's
        # line when the rolling window and its words end before, or right of it after that line's "wk a-b"; else
        # left of a long gated window (rather than over it), smaller before giving up. Where none has room (a
        # chart under about 11 in), left of the marker over the window they belong to, on white: always whole,
        # the week with the date (_gate_place).
        after = gate_x + marker_r + 1
        start: float | None = None  # where the window starts, when the words may go left of it
        if r.gated_start is not None and r.gated_finish is not None:
            ax.broken_barh(
                [(r.gated_start, max(r.gated_finish - r.gated_start, t_max * 0.003))],
                (gy - BAR_H / 2, BAR_H),
                facecolors=style.tint(style.GATED, 0.25),
                edgecolors=style.shade(style.GATED, 0.4),
                linewidth=0.6,
                hatch="...",
                zorder=3,
            )
            span = f" {_span(r.gated_start, r.gated_finish)}"
            span_w = style.measured_width_in(span, small) * 72 + 1.5
            span_x = r.gated_finish * pt_per_wk
            if span_x < gate_x + marker_r + 1 and span_x + span_w > gate_x - marker_r:
                span_x = gate_x + marker_r + 1  # not over the diamond
            after = max(after, span_x + span_w + 3)
            start = r.gated_start * pt_per_wk - 4
        else:
            start = gate_x - marker_r - 2
            span = ""
        week_only = f"gate wk {style.fmt_weeks(r.gate)}"
        full = week_only + (f" \u00b7 {units.format_date(date)}" if date else "")
        # Clear of the finish lines (_gate_words); where nothing is, the whole words by the gate as before.
        texts = (full, week_only, units.format_date(date) if date else "")
        two_lines = (
            compact and pitch_pt / 2 >= 1.2 * gate_pt + 0.6 * small + 2
        )  # room for two lines between the two
        words, place = _gate_words(
            texts,
            two_lines,
            compact,
            (gate_pt, gate_x, marker_r, after, start, roll_end, ax_w_in * 72, lines),
        )
        assert place is not None
        if (
            compact
            and span
            and _past_a_line(gate_x, place, words, lines)
            and r.start is not None
            and r.finish is not None
            and span == f" {_span(r.start, r.finish)}"
        ):
            # Pushed past a finish line, far from their gate (a 12-stage plan in portrait: 'gate wk 36' right of
            # the finish at week 108), for want of the room the gated window's "wk a-b" takes, which says what the
            # rolling line's just above says: the words take its place, by their gate.
            near_words, near_place = _gate_words(
                texts,
                two_lines,
                compact,
                (gate_pt, gate_x, marker_r, gate_x + marker_r + 1, start, roll_end, ax_w_in * 72, lines),
            )
            if near_place is not None and not _past_a_line(gate_x, near_place, near_words, lines):
                words, place = near_words, near_place
                span = ""
        if span:
            ax.annotate(
                span,
                (r.gated_finish, gy),
                xytext=(span_x - r.gated_finish * pt_per_wk, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=small,
                color=style.INK,
                zorder=5.5,
                bbox={"boxstyle": "square,pad=0.05", "facecolor": style.BAND[y % 2], "edgecolor": "none"},
            )
        gate_size, dx, ha, upper = place
        if ha == "right" and gate_x + dx - _words_in(words, gate_size) * 72 < -1.0:
            # Over its window and out past the axis into the names' column (a stage's count under its name lay
            # under 'gate wk 27.5 · 10 Sep 2027' at the tab's narrowest, 5 in): the week alone, whole, the date on
            # hover in the app (the artist's label, 'Gate wk 27.5 · 10 Sep 2027').
            words = week_only
            place = _gate_place(
                words,
                gate_pt,
                gate_x,
                marker_r,
                after,
                start,
                roll_end,
                ax_w_in * 72,
                lines,
                strict=True,
                push=compact,
            ) or _gate_place(words, gate_pt, gate_x, marker_r, after, start, roll_end, ax_w_in * 72)
            assert place is not None
            gate_size, dx, ha, upper = place
        gate_words = ax.annotate(
            words,
            (r.gate, ry if upper else gy),
            xytext=(dx, 0.0),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=gate_size,
            color=style.GATE,
            zorder=6,
            bbox={
                "boxstyle": "square,pad=0.1",
                "facecolor": style.BAND[y % 2],
                "edgecolor": "none",
                "alpha": 0.9,
            },
        )
        if (
            words.replace("\n", " \u00b7 ") != full
        ):  # capitalised: a tooltip's sentence, not a second gate's words to the label readers
            gate_words.set_label(full[:1].upper() + full[1:])
        _readiness(rx, y, r, font)

    ax.axvline(s.finish, color=style.FINISH, linewidth=1.3, zorder=2)
    ax.axvline(st.gated_finish, color=style.GATED, linewidth=1.3, linestyle=(0, (1, 1.5)), zorder=2)
    if status_wk is not None:
        progress.draw_status_line(ax, plan, status_wk, font=font * 0.85, zorder=4.5, label=not compact)
    price = st.gating_price
    y_b = k - 0.5 + 0.25
    if price > 0:
        ax.annotate(
            "",
            xy=(st.gated_finish, y_b),
            xytext=(s.finish, y_b),
            arrowprops={
                "arrowstyle": "<->",
                "color": style.INK,
                "linewidth": 1.0,
                "shrinkA": 0,
                "shrinkB": 0,
            },
        )
        ax.text(
            s.finish,
            y_b,
            f"price of strict gates: +{style.fmt_weeks(price)} wk  ",
            ha="right",
            va="center",
            fontsize=max(style.MIN_PT, font),
            fontweight="bold",
            color=style.INK,
        )
    else:
        ax.text(
            s.finish,
            y_b,
            "strict gates cost no time  ",
            ha="right",
            va="center",
            fontsize=max(style.MIN_PT, font),
            color=style.INK,
        )

    rx.set_xlim(0, 1)
    rx.tick_params(axis="x", labelsize=style.SMALL_PT, colors=style.MUTED, length=2.5)
    rx.set_xticks([0, 0.5, 1])
    rx.set_xticklabels(["0%", "50%", "100%"])
    rx.grid(axis="x", color=style.GRID, linewidth=0.5)
    rx.set_axisbelow(True)
    rx.set_title("Readiness", fontsize=font + 0.5, fontweight="bold", color=style.INK, loc="left", pad=4)

    bits = [
        f"rolling finish {style.fmt_when(plan, s.finish)}",
        f"gated finish {style.fmt_when(plan, st.gated_finish)}",
        f"strict gates add {style.fmt_weeks(price)} wk" if price > 0 else "strict gates add no time",
    ]
    if status_wk is not None:
        bits.insert(0, progress.status_text(plan, status_wk))
    # Figures are left out, never cut: the status date first (the legend names it with its date), then the
    # finishes' dates (their weeks stay). A portrait page cut 'strict gates add 6.5 wk' to '...'.
    price_bit = bits[-1]
    weeks_only = [
        f"rolling finish wk {style.fmt_weeks(s.finish)}",
        f"gated finish wk {style.fmt_weeks(st.gated_finish)}",
        price_bit,
    ]
    options = [bits, bits[1:] if status_wk is not None else bits, weeks_only]
    if compact:
        style.subtitle_line(fig, style.fitting_subtitle(fig, [" \u00b7 ".join(o) for o in options]))
    else:
        style.title(
            fig,
            f"Stage timeline \u2014 {plan.title}",
            style.fitting_subtitle(fig, [" \u00b7 ".join(o) for o in options]),
        )
    status_name = _status_name(analysis, compact)
    handles = _legend_handles(status_name)
    per_row = math.ceil(len(handles) / legend_rows(w_in, status_name))
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.05 / h_in),
        ncol=per_row,
        fontsize=style.SMALL_PT,
        frameon=False,
        handlelength=1.8,
        columnspacing=1.3,
        borderaxespad=0.0,
    )


def _span(a: float, b: float) -> str:
    return f"wk {units.week_span(a, b)}"


def _readiness(rx: Any, y: int, r: Any, font: float) -> None:
    h = BAR_H
    crit = r.criteria_share
    done = r.done_share
    rx.barh([y - LINE], [1.0], height=h, color="#EAEAEA", zorder=1)
    rx.barh([y + LINE], [1.0], height=h, color="#EAEAEA", zorder=1)
    if crit is not None:
        rx.barh([y - LINE], [crit], height=h, color="#009E73", zorder=2)
    if done is not None:
        rx.barh([y + LINE], [done], height=h, color="#56B4E9", zorder=2)
    c_txt = f"criteria {r.criteria_met}/{r.criteria_total}" if r.criteria_total else "no gate criteria"
    d_txt = f"done {units.format_share(done)}" if done is not None else "no work"
    rx.text(
        0.02,
        y - LINE,
        c_txt,
        ha="left",
        va="center",
        fontsize=max(style.MIN_PT, font * 0.85),
        color=style.INK,
        zorder=3,
    )
    rx.text(
        0.02,
        y + LINE,
        d_txt,
        ha="left",
        va="center",
        fontsize=max(style.MIN_PT, font * 0.85),
        color=style.INK,
        zorder=3,
    )
