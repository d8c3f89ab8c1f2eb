"""Roadmap on a page: the consultant's slide of the plan.

Time runs left to right (weeks from the plan start, with dates when the plan has a start date); each area is a
swimlane; each decision a bar over its weeks on the rolling schedule with its short title, packed into sub-rows so
that no two titles overlap; milestones are diamonds; critical decisions (from the schedule, never recomputed) have
a black outline and a bold title. A strip above the lanes shows each stage's window (the span of the decisions
assigned to it) and its gate, which is a date of the gated schedule only (SPEC §3.3 "Words").

The chart always fits the figure it is given with every text at :data:`MIN_FONT` or more: when the plan has more
decisions than the page holds, it shows the most important ones (the selection, critical decisions, milestones,
the decisions that set a stage's gate, then the least float) and says how many it left out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from planner.charts import status as progress
from planner.charts import style
from planner.model import units

if TYPE_CHECKING:
    from planner.model import Plan

MIN_FONT = style.MIN_PT  # nothing on the roadmap is smaller
FONTS = (9.0, 8.5, 8.0, 7.5, 7.0)  # bar titles, largest first
CAPS = (46, 36, 28)  # characters of a title, longest first (ellipsised beyond)
SUBSET_CAPS = (34, 28)  # when not every decision fits: shorter titles before fewer decisions
MARGIN_IN = 0.18
AXIS_IN = 0.36  # two lines of tick labels above the stage strip
LANE_FONT = 7.5
STAGE_FONT = 7.5
NOTE_FONT = 7.5
LEGEND_FONT = 7.5
PITCH_EM = 1.55  # sub-row pitch in ems of the title font
BAR_EM = 1.3
"""A bar's height in ems of the title font: a title inside it clears its outline (at 1.04 em, 0.72 of a 1.45 em
pitch, the letters of 'Prototype text-to-SQL' touched a critical bar's outline above and below)."""
LANE_PAD_IN = 0.03  # above and below the sub-rows of a lane
GAP_IN = 0.07  # between two slots in one sub-row
TITLE_CLEAR_IN = 0.03  # a line through the lanes stops this far from a title's letters


# -- text widths --------------------------------------------------------------------------------------------
def text_in(text: str, size_pt: float, bold: bool = False) -> float:
    """Width in inches of one line of ``text`` at ``size_pt`` in the house font."""
    return style.measured_width_in(text, size_pt, bold=bold)


@lru_cache(maxsize=65536)
def _prefix_advances(text: str, bold: bool) -> tuple[float, ...]:
    """Sums of the advances of ``text``'s first 0, 1, 2 ... characters (added left to right, as ``text_in`` does)."""
    em = style.advances(bold)
    out = [0.0]
    for c in text:
        out.append(out[-1] + em(c))
    return tuple(out)


@lru_cache(maxsize=16384)
def _fit_chars(text: str, width_in: float, size_pt: float, bold: bool = False) -> str:
    """``text`` ellipsised until it fits ``width_in`` (``style.ellipsize`` of the longest prefix that fits with its
    ellipsis, measured from the prefix sums of its advances instead of once per prefix tried)."""
    text = " ".join(text.split())
    if text_in(text, size_pt, bold) <= width_in:
        return text
    cum = _prefix_advances(text, bold)
    dots = style.advances(bold)("\u2026")

    def width(k: int) -> float:  # text_in(style.ellipsize(text, k)) for k < len(text), to the last bit
        m = max(1, k - 1)
        if text[m - 1] == " ":  # ellipsize drops the space before the ellipsis (spaces are single)
            m -= 1
        return (cum[m] + dots) * size_pt / 72.0 * style.WIDTH_SAFETY

    lo, hi = 1, len(text)
    while lo < hi:  # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if (width(mid) if mid < len(text) else text_in(text, size_pt, bold)) <= width_in:
            lo = mid
        else:
            hi = mid - 1
    return style.ellipsize(text, lo)


def _fit_words(text: str, width_in: float, size_pt: float, bold: bool = False) -> str:
    """:func:`_fit_chars`, ended after the last whole word it keeps (``style.cut_at_word``): a decision's title in
    its lane read 'Stand up the labelled evaluati…' and 'Train adjusters on the triag…'. Never longer than
    :func:`_fit_chars`'s, so it fits where that does."""
    fitted = _fit_chars(text, width_in, size_pt, bold)
    norm = " ".join(text.split())
    if fitted == norm or not fitted.endswith("\u2026"):
        return fitted
    return style.cut_at_word(norm, len(fitted) - 1)


def _wrap_in(text: str, width_in: float, size_pt: float, bold: bool, max_lines: int) -> list[str]:
    """``text`` in up to ``max_lines`` lines of ``width_in``; the last line ellipsised when it does not all fit."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_in(f"{line} {words[0]}", size_pt, bold) <= width_in:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = lines[-1] + " " + " ".join(words)
    return [_fit_chars(x, width_in, size_pt, bold) for x in lines] or [""]


# -- what to show -----------------------------------------------------------------------------------------
def importance(analysis: Any, selected: Iterable[str] = ()) -> list[int]:
    """Decision positions, most important first: the selection, then critical decisions (the critical path
    first), milestones, the decisions that set a stage's gate on the gated schedule, then the rest by least
    total float; ties by early start."""
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    n = len(plan.decisions)
    chosen = set(selected)
    on_path = set(s.critical_path)
    gate_setters = np.zeros(n, dtype=bool)
    if n:
        seq = np.asarray(st.sequenced)
        tol = 1e-7 * max(1.0, float(st.gated_finish))
        for k, r in enumerate(st.stages):
            if r.gated_finish is None:
                continue
            mine = seq == k
            gate_setters |= mine & (np.abs(st.gated_ef - r.gate) <= tol)

    def tier(i: int) -> int:
        d = plan.decisions[i]
        if d.id in chosen:
            return 0
        if d.id in on_path:
            return 1
        if s.critical[i]:
            return 2
        if d.milestone:
            return 3
        if gate_setters[i]:
            return 4
        return 5

    return sorted(range(n), key=lambda i: (tier(i), float(s.total_float[i]), float(s.es[i]), i))


def lanes_of(plan: Plan) -> list[tuple[str, str]]:
    """(area id, name) of every area with decisions in plan order, plus ("", "No area") when needed."""
    used = {d.area for d in plan.decisions}
    known = {a.id for a in plan.areas}
    out = [(a.id, a.name) for a in plan.areas if a.id in used]
    if any(u not in known for u in used):
        out.append(("", "No area"))
    return out


@dataclass
class Geometry:
    """Where things go on a ``width`` x ``height`` inch figure (inches from the top left)."""

    width: float
    height: float
    label_w: float
    x0: float  # left edge of the time area
    x1: float  # right edge of the time area
    t_end: float  # weeks at x1
    axis_top: float
    strip_top: float
    stage_h: float
    lanes_top: float
    lanes_bottom: float  # the most the lanes may reach
    legend_rows: list[list[tuple[str, str]]] = field(default_factory=list)

    def x(self, week: float) -> float:
        return self.x0 + (self.x1 - self.x0) * float(week) / max(self.t_end, 1e-9)


@dataclass
class Layout:
    """The fitted roadmap: which decisions show, in which lane and sub-row, with which title, at which size."""

    font: float
    cap: int
    shown: list[int]
    left_out: int
    lanes: list[tuple[str, str]]
    lane_rows: list[int]  # sub-rows per lane
    lane_h: list[float]  # inches
    lane_labels: list[list[str]]
    place: dict[
        int, tuple[int, int, str, float, float]
    ]  # decision -> (lane, sub-row, title, text x, slot end)
    pitch: float

    @property
    def height(self) -> float:
        return sum(self.lane_h)


def _legend_entries(plan: Plan, lanes: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    colors = style.area_colors(plan)
    out = [(colors.get(lid, style.NO_AREA), name) for lid, name in lanes]
    out += [
        ("critical", "Critical: sets the finish"),
        ("milestone", "Milestone"),
        ("done", "Darker: work done"),
        ("window", "Stage window (rolling)"),
        ("gate", "Stage gate (strict gates)"),
        ("finish", "Finish"),
    ]
    from planner.analysis.progress import status_week

    if status_week(plan) is not None:
        out.append(("status", "Status date"))
    return out


def bar_spans(analysis: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(start, done_start, done_end)`` in weeks per decision: a bar runs from ``start`` (its work done, else
    its remaining work) to its early finish; the work done (NaN where none) is drawn darker (issue 16)."""
    s = analysis.schedule
    done_start, done_end = progress.done_spans(analysis)
    return np.fmin(s.es, done_start), done_start, done_end


def _legend_item_w(label: str) -> float:
    return 0.22 + text_in(label, LEGEND_FONT) + 0.22


def _legend_rows(entries: list[tuple[str, str]], width: float) -> list[list[tuple[str, str]]]:
    """``entries`` in rows of at most ``width`` inches; a name that would not fit a row alone is shortened
    (measured) to it: an area named with 200 letters and no space ran past the page's right edge."""
    room = width - _legend_item_w("")
    entries = [(kind, style.fit_line(" ".join(name.split()), room, LEGEND_FONT)) for kind, name in entries]
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for e in entries:
        w = _legend_item_w(e[1])
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append(e)
        used += w
    return rows


LEGEND_ROW_IN = 0.19
NOTE_ROW_IN = 0.19


REST_IN = "the Gantt chart"
"""Where the decisions a roadmap leaves out are: the app's Gantt and ``planner export --chart gantt`` draw every
one (a report of a very big plan draws only its key ones there, and says another place)."""


def _name_in_row(
    g: Geometry, number: str, name: str, bar: tuple[float, float] | None, gate: tuple[float, float] | None
) -> tuple[float, str, str] | None:
    """Where a stage's ``name`` goes in its row of the strip (x in inches, its alignment, the text): whole and
    right-aligned just left of its window ``bar`` (and of its ``gate``'s marker and label, when left of the
    window), reaching into the label column, which then holds only the stage's ``number``; else whole after both;
    else shortened on the roomier side, when that holds more of it than the label column; else None."""
    w = text_in(" ".join(name.split()), STAGE_FONT, True) + 0.08
    spans = [s for s in (bar, gate) if s is not None]
    if not spans:
        return None
    left = min(a for a, _ in spans) - 0.07
    left_room = left - (MARGIN_IN + 0.02 + text_in(number, STAGE_FONT, True) + 0.1)
    right = max(b for _, b in spans) + 0.09
    right_room = g.x1 + MARGIN_IN - 0.04 - right
    if left_room >= w:
        return left, "right", name
    if right_room >= w:
        return right, "left", name
    # Neither side holds it whole: the roomier one, when it holds more of the name than the label column.
    room, x, ha = max((left_room, left, "right"), (right_room, right, "left"))
    if room - 0.08 <= g.label_w - 0.12:
        return None
    return x, ha, _fit_chars(name, room - 0.08, STAGE_FONT, True)


def geometry(analysis: Any, width: float, height: float, n_notes: int = 1) -> Geometry:
    """The frame of the roadmap on a ``width`` x ``height`` inch figure with ``n_notes`` lines of notes."""
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    # Wide enough for whole lane names (else their longest word) and whole stage names, within limits.
    most = max(0.9, min(1.75, 0.2 * width))
    names = [name for _, name in lanes_of(plan)]
    whole = max([text_in(x, LANE_FONT, True) + 0.24 for x in names] + [0.9])
    words = max([text_in(w, LANE_FONT, True) + 0.24 for x in names for w in x.split()] + [0.9])
    stages = max(
        [text_in(f"{k + 1} \u00b7 {x.name}", STAGE_FONT, True) + 0.14 for k, x in enumerate(plan.stages)]
        + [0.9]
    )
    # A stage's number and name may take a little more (a quarter of the width): '3 · Operationalize' on a
    # portrait page's roadmap, drawn narrower and enlarged, went into its row with a '3' alone in the column.
    label_w = min(
        max(min(whole if whole <= most else words, most), stages), max(most, min(1.75, 0.26 * width))
    )
    x0 = MARGIN_IN + label_w
    x1 = width - MARGIN_IN
    # The status date is on the axis too, as on the Gantt: after the finish (everything done by then) its line
    # fell past the right edge and its label sat weeks early, clamped beside the finish label.
    status_wk = progress.status_week(analysis)
    t_end = max(float(s.finish), float(st.gated_finish), status_wk or 0.0, 1.0)
    legend = _legend_rows(_legend_entries(plan, lanes_of(plan)), width - 2 * MARGIN_IN)
    stage_h = STAGE_FONT * 1.5 / 72
    axis_top = style.TITLE_IN + 0.04
    strip_top = axis_top + AXIS_IN
    lanes_top = strip_top + stage_h * len(plan.stages) + 0.06
    # Under the lanes: the finish label, the notes and the legend.
    bottom = height - MARGIN_IN * 0.6 - len(legend) * LEGEND_ROW_IN - n_notes * NOTE_ROW_IN - 0.2
    return Geometry(
        width, height, label_w, x0, x1, t_end, axis_top, strip_top, stage_h, lanes_top, bottom, legend
    )


def _lane_label(name: str, g: Geometry) -> list[str]:
    return _wrap_in(name, g.label_w - 0.22, LANE_FONT, True, 3)


def _free(slots: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether ``[lo, hi]`` keeps :data:`GAP_IN` from every slot of a sub-row."""
    return all(hi + GAP_IN <= a or b + GAP_IN <= lo for a, b in slots)


def _pack(
    analysis: Any,
    g: Geometry,
    order: Sequence[int],
    font: float,
    cap: int,
    selected: set[str],
    budget: float | None = None,
    *,
    all_or_none: bool = False,
    starts: np.ndarray | None = None,
) -> Layout | None:
    """Bars of ``order`` in their area lanes, each in the first sub-row where its slot (bar and title) keeps clear
    of the others. Without a ``budget`` every decision is placed (give them in order of start); with one, in the
    order given, a decision that would make the lanes taller than ``budget`` inches is left out, or with
    ``all_or_none`` the packing stops there and returns None."""
    plan, s = analysis.plan, analysis.schedule
    if starts is None:  # (fit passes them: one reading of the work done for all the layouts it tries)
        starts = bar_spans(analysis)[0]
    all_lanes = lanes_of(plan)
    pos = {lid: k for k, (lid, _) in enumerate(all_lanes)}
    pitch = font * PITCH_EM / 72
    diamond = pitch * 0.62
    occupied: dict[int, list[list[tuple[float, float]]]] = {}  # lane -> slots taken in each sub-row
    spots: dict[
        int, tuple[int, int, str, float, float]
    ] = {}  # decision -> (lane, sub-row, title, text x, end)
    label_h: dict[int, tuple[list[str], float]] = {}
    total = 0.0

    def lane_height(k: int, rows: int) -> float:
        if k not in label_h:
            lab = _lane_label(all_lanes[k][1], g)
            label_h[k] = (lab, len(lab) * LANE_FONT * 1.2 / 72 + 0.02)
        return max(rows * pitch, label_h[k][1]) + 2 * LANE_PAD_IN

    max_title = min(g.x1 - g.x0 - 0.1, text_in("x" * cap, font))
    for i in order:
        d = plan.decisions[i]
        area = d.area if d.area in pos else ""
        k = pos.get(area, len(all_lanes) - 1)
        bold = bool(s.critical[i]) or d.id in selected
        xa, xb = g.x(starts[i]), g.x(s.ef[i])
        if d.milestone:
            xa, xb = xa - diamond / 2, xa + diamond / 2
            text_x = xb + 0.04
        else:
            xb = max(xb, xa + 0.03)
            text_x = xa + 0.05
        title = _fit_words(d.title, max_title, font, bold)
        tw = text_in(title, font, bold)
        # The title after the bar's start (inside a long bar), or else just before the bar; at the right edge,
        # before the bar, or failing that ending at the edge (over its own bar).
        before = xa - 0.05 - tw
        options = []
        # A bar shorter than its title: the title after the bar's end, else before the bar, clear of its outline
        # (from the bar's start, a critical bar's black outline crossed its letters: 'Put the|LLM provider'), in a
        # new sub-row where neither side is free in one; never from inside the bar over its end ('Adopt a bank-w|de
        # GenAI p…' where both sides were taken).
        short_bar = not d.milestone and xb - xa < tw + 0.1
        if short_bar and xb + 0.05 + tw <= g.x1:
            options.append((xb + 0.05, xa, xb + 0.05 + tw))
        if short_bar and before >= g.x0 + 0.02:
            options.append((before, before, xb))
        if not short_bar and text_x + tw <= g.x1:
            options.append((text_x, min(xa, text_x), max(xb, text_x + tw)))
        if not short_bar and text_x + tw > xb and before >= g.x0 + 0.02:
            options.append((before, before, xb))
        if not options:
            # Neither whole: shortened on the roomier side, clear of its own bar or milestone (ending at the edge
            # over it, a milestone's diamond sat in the middle of its title: 'Integrate g◆te' in a portrait tab,
            # and a bar's outline crossed its letters); inside its own bar when that is the roomiest.
            after_x = text_x if d.milestone or not short_bar else xb + 0.05
            after, room_before = g.x1 - after_x, xa - 0.05 - (g.x0 + 0.02)
            inside = 0.0 if d.milestone else xb - xa - 0.1
            room = max(after, room_before, inside)
            title = _fit_words(d.title, room, font, bold)
            tw = text_in(title, font, bold)
            if room == inside:
                options.append((text_x, xa, xb))
            elif after >= room_before:
                options.append((after_x, min(xa, after_x), after_x + tw))
            else:
                options.append((xa - 0.05 - tw, xa - 0.05 - tw, xb))
        rows = occupied.get(k, [])
        row, (tx, lo, hi) = len(rows), options[0]
        for r, slots in enumerate(rows):
            fits = [o for o in options if _free(slots, o[1], o[2])]
            if fits:
                row, (tx, lo, hi) = r, fits[0]
                break
        if row == len(rows):  # a new sub-row: the lane grows
            grow = lane_height(k, len(rows) + 1) - (lane_height(k, len(rows)) if rows else 0.0)
            if budget is not None and total + grow > budget + 1e-9:
                if all_or_none:
                    return None
                continue
            total += grow
            occupied.setdefault(k, []).append([])
        occupied[k][row].append((lo, hi))
        spots[i] = (k, row, title, tx, hi)
    lanes_k = sorted(occupied)
    index = {k: li for li, k in enumerate(lanes_k)}
    place = {i: (index[k], r, t, tx, hi) for i, (k, r, t, tx, hi) in spots.items()}
    return Layout(
        font,
        cap,
        [i for i in order if i in spots],
        len(plan.decisions) - len(spots),
        [all_lanes[k] for k in lanes_k],
        [len(occupied[k]) for k in lanes_k],
        [lane_height(k, len(occupied[k])) for k in lanes_k],
        [label_h[k][0] for k in lanes_k],
        place,
        pitch,
    )


def fit(
    analysis: Any, width: float, height: float, selected: Iterable[str] = (), rest_in: str = REST_IN
) -> tuple[Geometry, Layout]:
    """The largest title font and longest titles at which every decision fits the figure; failing that, the
    most important decisions (see :func:`importance`) that fit at :data:`MIN_FONT` or more, each placed in
    turn, and less important ones filling the gaps the more important leave (``rest_in``: see
    :func:`note_lines`)."""
    sel = set(selected)
    s = analysis.schedule
    by_start = sorted(range(len(analysis.plan.decisions)), key=lambda i: (float(s.es[i]), float(s.ef[i]), i))
    n = len(analysis.plan.decisions)
    starts = bar_spans(analysis)[0]
    g = geometry(analysis, width, height, len(note_lines(analysis, width, n, n, rest_in)))
    room = g.lanes_bottom - g.lanes_top
    # Titles of 8 pt or more, as long as the page allows, before smaller type.
    configs = [(f, c) for c in CAPS for f in FONTS if f >= 8.0] + [
        (f, c) for c in CAPS for f in FONTS if f < 8.0
    ]
    for font, cap in configs:
        lay = _pack(analysis, g, by_start, font, cap, sel, room, all_or_none=True, starts=starts)
        if lay is not None:
            return g, lay
    # Not every decision fits: a note says how many are left out and where to find them.
    order = importance(analysis, sel)
    g = geometry(analysis, width, height, len(note_lines(analysis, width, n - 1, n, rest_in)))
    room = g.lanes_bottom - g.lanes_top
    best: Layout | None = None
    for font in (7.5, MIN_FONT):
        for cap in SUBSET_CAPS:
            lay = _pack(analysis, g, order, font, cap, sel, budget=room, starts=starts)
            assert lay is not None
            # Prefer the bigger font and longer titles unless the smaller show a quarter more decisions.
            if best is None or len(lay.shown) > len(best.shown) * 1.25:
                best = lay
    assert best is not None
    return g, best


def natural_height(analysis: Any, width: float, height: float, rest_in: str = REST_IN) -> float | None:
    """The height (inches) a roadmap ``width`` inches wide takes where every decision fits ``height``: its axis,
    stages, lanes, notes and legend, with the same layout (the roadmap does not stretch its lanes to fill a
    figure); None where some decisions are left out at ``height``."""
    geo, lay = fit(analysis, width, height, rest_in=rest_in)
    if lay.left_out:
        return None
    return geo.lanes_top + lay.height + (geo.height - geo.lanes_bottom) + 0.15


def roadmap_size(analysis: Any) -> tuple[float, float]:
    """Default size: a 16:9 slide, or 10 inches tall when the slide cannot show every decision; as tall as its
    lanes need when they fill less than 80 % of the slide (one decision's lane sat over 5 inches of white)."""
    w, h = 13.333, 7.5
    if analysis.schedule is None or analysis.stages is None or not analysis.plan.decisions:
        return (w, h)
    natural = natural_height(analysis, w, h)
    if natural is None:
        return (w, 10.0)
    return (w, natural if natural < 0.8 * h else h)


# -- drawing ------------------------------------------------------------------------------------------------
def draw_roadmap(
    fig: Figure, analysis: Any, *, highlight: str | Iterable[str] | None = None, rest_in: str = REST_IN
) -> None:
    """Draw the roadmap on a page for ``analysis`` on ``fig`` (any size): areas as lanes over a time axis, a bar
    per decision on the rolling schedule, stage windows and gates above, critical decisions outlined in black and
    titled in bold, ``highlight``ed decisions haloed (and always shown). ``rest_in``: where the decisions the page
    cannot show are (:func:`note_lines`)."""
    style.start(fig)
    with style.rc_context():
        if not style.check_drawable(fig, analysis, "roadmap"):
            return
        _draw(fig, analysis, style.as_id_set(highlight), rest_in)


def _ticks(g: Geometry, start: Any) -> list[tuple[float, list[str]]]:
    """Week ticks at a round step whose labels (``wk 12`` and, with a start date, ``25 Oct``) never touch."""

    def label(w: float, first: bool, prev: Any) -> list[str]:
        out = [f"wk {units.format_weeks(w)}"]
        d = units.axis_date(start, w)
        if d is not None:
            out.append(units.format_date(d, short=not (first or (prev is not None and prev.year != d.year))))
        return out

    for step in (1, 2, 4, 8, 13, 26, 52, 104, 208, 520):
        weeks = [k * step for k in range(int(g.t_end // step) + 1)]
        ticks, prev = [], None
        for j, w in enumerate(weeks):
            lab = label(w, j == 0, prev)
            prev = units.axis_date(start, w)
            ticks.append((float(w), lab))
        spans = []
        for wk, lab in ticks:  # the first label starts at the time area's left edge, the others are centred
            tw = max(text_in(x, style.SMALL_PT) for x in lab)
            spans.append((g.x(wk), g.x(wk) + tw) if wk == 0 else (g.x(wk) - tw / 2, g.x(wk) + tw / 2))
        while len(ticks) > 1 and spans[-1][1] > g.width - 0.05:  # a last label that would stick out goes
            ticks, spans = ticks[:-1], spans[:-1]
        if all(b[0] - a[1] >= 0.12 for a, b in zip(spans, spans[1:], strict=False)):
            return ticks
    return [(0.0, label(0.0, True, None))]


def _moved_note(analysis: Any) -> str:
    """``2 Integrate decisions run in Operationalize under strict gates`` (SPEC §3.3 "Words")."""
    st = analysis.stages
    if not st.suggested_moves:
        return ""
    # The one sentence per stage pair (StageAnalysis.sequencing_text), with "under strict gates" said once, first.
    bits = [m.removesuffix(" under strict gates") for m in st.sequencing_text()]
    return "Under strict gates " + "; ".join(bits) + " (gates are on the gated schedule)."


def note_lines(analysis: Any, width: float, shown: int, total: int, rest_in: str = REST_IN) -> list[str]:
    """The notes under the lanes, wrapped to a ``width`` inch figure: how many decisions the page shows when it
    cannot show all ``total`` (and where the rest are: ``rest_in``), and which decisions strict gates run in a
    later stage."""
    notes = []
    if shown < total:
        rest = total - shown
        notes.append(
            f"{shown} of {total} decisions shown, the most important first (critical, milestones, those "
            f"setting a gate, then least float); the other {rest} {units.agree(rest, 'is', 'are')} in "
            f"{rest_in}."
        )
    moved = _moved_note(analysis)
    if moved:
        notes.append(moved)
    room = width - 2 * MARGIN_IN
    return [line for note in notes for line in _wrap_in(note, room, NOTE_FONT, False, 4)]


def _draw(fig: Figure, analysis: Any, selected: set[str], rest_in: str = REST_IN) -> None:
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    w_in, h_in = (float(v) for v in fig.get_size_inches())
    g, lay = fit(analysis, w_in, h_in, selected, rest_in)
    if not lay.shown:
        style.message(
            fig,
            "No room for the roadmap",
            [
                f"At {units.format_weeks(w_in)} \u00d7 {units.format_weeks(h_in)} inches no decision fits at 7 pt. "
                "Give the chart more room (a bigger window, --size or page)."
            ],
        )
        return
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, w_in)
    ax.set_ylim(h_in, 0)
    ax.set_axis_off()
    n_all = len(plan.decisions)
    shown = lay.shown

    # Title: what the board needs first.
    n_lanes = len(lanes_of(plan))
    bits = [
        f"{units.count(n_all, 'decision')} in {units.count(n_lanes, 'area')}",
        f"finish {style.fmt_when(plan, s.finish)}",
    ]
    if st.gating_price > 1e-9:
        bits.append(f"strict gates add {units.plural_weeks(st.gating_price)}")
    bits.append(f"{int(s.critical.sum())} critical")
    # whole figures or none, measured (a count of average letters dropped figures that had room)
    style.title(fig, f"Roadmap \u2014 {plan.title}", style.fitting_subtitle(fig, style.dropping(bits)))

    lanes_bottom = g.lanes_top + lay.height
    crossing: list[Any] = []  # the lines down through the lanes: they break where a title is (_clear_titles)
    # Time axis: tick labels above the stage strip, light grid lines down through the lanes.
    for w, lab in _ticks(g, plan.start_date):
        x = g.x(w)
        crossing += ax.plot(
            [x, x], [g.strip_top - 0.02, lanes_bottom], color=style.GRID, linewidth=0.5, zorder=0.4
        )
        ax.text(
            x,
            g.strip_top - 0.04,
            "\n".join(lab),
            ha="center" if w > 0 else "left",
            va="bottom",
            fontsize=style.SMALL_PT,
            color=style.MUTED,
            linespacing=1.15,
        )

    # Stage strip: each stage's window (its assigned decisions) and its gate (the gated schedule).
    colors_stage = ("#DADADA", "#C4C4C4")
    gate_xs: list[float] = []
    # gate labels the finish or a week's line may cross
    strip_words: list[tuple[float, float, float, float]] = []
    for k, r in enumerate(st.stages):
        y = g.strip_top + k * g.stage_h
        yc = y + g.stage_h / 2
        bar: tuple[float, float] | None = None
        if r.start is not None and r.finish is not None:
            xa, xb = g.x(r.start), max(g.x(r.finish), g.x(r.start) + 0.03)
            bar = (xa, xb)
            ax.add_patch(
                _rect(xa, y + g.stage_h * 0.22, xb - xa, g.stage_h * 0.56, colors_stage[k % 2], "none", 0)
            )
        gate: tuple[float, float] | None = None  # the gate's marker and label, left to right
        if r.gated_finish is not None:
            xg = g.x(r.gate)
            gate_xs.append(xg)
            ax.plot(
                [xg],
                [yc],
                marker="v",
                markersize=STAGE_FONT * 0.9,
                color=style.GATE,
                markeredgewidth=0,
                zorder=3,
            )
            when = units.week_to_date(plan.start_date, r.gate)
            text = "gate " + (
                style.short_date(plan.start_date, when)
                if when is not None
                else f"wk {units.format_weeks(r.gate)}"
            )
            tw = text_in(text, STAGE_FONT)
            # Right of its marker; else left of it, over the stage bars and the finish or status line: on a white
            # ground (a halo left the grey bar and the line showing between the letters at screen sizes: "gate]5]Nov").
            right = xg + 0.1 + tw <= g.x1 + MARGIN_IN - 0.03
            gate = (xg - 0.06, xg + 0.09 + tw) if right else (xg - 0.09 - tw, xg + 0.06)
            if right:  # (left of it, it stands on white over the lines)
                strip_words.append(title_box(xg + 0.09, yc, text, STAGE_FONT, False))
            ax.text(
                xg + 0.09 if right else xg - 0.09,
                yc,
                text,
                ha="left" if right else "right",
                va="center",
                fontsize=STAGE_FONT,
                color=style.GATE,
                zorder=3 if right else 6,
                bbox=None
                if right
                else {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none"},
            )
        # A name the label column would cut (twelve long names showed ~20 characters each) goes whole into its own
        # row, left of the stage's window or after its gate, on white; the column then holds its number.
        label = f"{k + 1} \u00b7 {r.name}"
        name = _fit_chars(label, g.label_w - 0.12, STAGE_FONT, True)
        whole = " ".join(label.split())
        place = None if name == whole else _name_in_row(g, f"{k + 1}", r.name, bar, gate)
        # Where the name is shortened (or only its number shows), its text keeps the whole name as its label:
        # the app shows it on hover.
        if place is not None:
            name = f"{k + 1}"
            ax.text(
                place[0],
                yc,
                place[2],
                ha=place[1],
                va="center",
                fontsize=STAGE_FONT,
                fontweight="bold",
                color=style.INK,
                zorder=6,
                bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none"},
                label=whole if place[2] != " ".join(r.name.split()) else None,
            )
        ax.text(
            MARGIN_IN + 0.02,
            yc,
            style.left_to_right(name),  # '1 · שילוב', not 'שילוב · 1'
            ha="left",
            va="center",
            fontsize=STAGE_FONT,
            fontweight="bold",
            color=style.INK,
            label=whole if name != whole else None,
        )
    strip_bottom = g.strip_top + g.stage_h * len(st.stages)
    for xg in gate_xs:  # gate lines, faint, down through the lanes
        crossing += ax.plot(
            [xg, xg],
            [strip_bottom, lanes_bottom],
            color=style.GATE,
            linewidth=0.7,
            linestyle=(0, (3, 3)),
            alpha=0.45,
            zorder=0.6,
        )

    # Lanes.
    area_col = style.area_colors(plan)
    lane_tops: list[float] = []
    y = g.lanes_top
    for li, ((lid, lane_title), lane_h, lab) in enumerate(
        zip(lay.lanes, lay.lane_h, lay.lane_labels, strict=True)
    ):
        lane_tops.append(y)
        ax.add_patch(_rect(MARGIN_IN, y, w_in - 2 * MARGIN_IN, lane_h, style.BAND[li % 2], "none", 0))
        ax.add_patch(
            _rect(MARGIN_IN, y + 0.03, 0.06, lane_h - 0.06, area_col.get(lid, style.NO_AREA), "none", 0.2)
        )
        lane_name = " ".join(lane_title.split())
        ax.text(
            MARGIN_IN + 0.13,
            y + lane_h / 2,
            "\n".join(lab),
            ha="left",
            va="center",
            fontsize=LANE_FONT,
            fontweight="bold",
            color=style.INK,
            linespacing=1.1,
            label=lane_name
            if lane_name and " ".join(lab) != lane_name
            else None,  # whole on hover in the app
        )
        y += lane_h
    ax.plot([g.x0, g.x0], [g.strip_top, lanes_bottom], color=style.GRID, linewidth=0.8, zorder=0.5)

    # Bars, milestones and titles.
    colors = style.decision_colors(plan)
    starts, done_start, done_end = bar_spans(analysis)
    bar_h = lay.font * BAR_EM / 72
    polys, faces, edges, widths = [], [], [], []
    halos = []
    done: list[list[tuple[float, float]]] = []
    done_faces: list[Any] = []
    boxes = list(strip_words)  # the titles' and gate labels' letters, which no line crosses
    for i in shown:
        li, row, title, text_x, _end = lay.place[i]
        d = plan.decisions[i]
        yc = lane_tops[li] + LANE_PAD_IN + (row + 0.5) * lay.pitch
        crit = bool(s.critical[i])
        sel = d.id in selected
        if d.milestone:
            x = g.x(s.es[i])
            r = lay.pitch * 0.31
            poly = [(x - r, yc), (x, yc - r), (x + r, yc), (x, yc + r)]
            face: Any = style.INK if crit else colors[i]
        else:
            xa, xb = g.x(starts[i]), max(g.x(s.ef[i]), g.x(starts[i]) + 0.03)
            poly = [(xa, yc - bar_h / 2), (xb, yc - bar_h / 2), (xb, yc + bar_h / 2), (xa, yc + bar_h / 2)]
            face = style.tint(colors[i], 0.55)
            if not np.isnan(done_start[i]):  # the work done, darker, where it happened (issue 16)
                xd0 = g.x(done_start[i])
                xd = min(xb, max(g.x(done_end[i]), xd0 + 0.03))
                done.append(
                    [(xd0, yc - bar_h / 2), (xd, yc - bar_h / 2), (xd, yc + bar_h / 2), (xd0, yc + bar_h / 2)]
                )
                done_faces.append(style.tint(colors[i], 0.25))
        polys.append(poly)
        faces.append(face)
        edges.append(style.CRITICAL if crit else style.shade(colors[i], 0.2))
        widths.append(1.3 if crit else 0.5)
        if sel:
            xs = [p[0] for p in poly]
            halos.append(
                [
                    (min(xs) - 0.05, yc - lay.pitch / 2),
                    (max(xs) + 0.05, yc - lay.pitch / 2),
                    (max(xs) + 0.05, yc + lay.pitch / 2),
                    (min(xs) - 0.05, yc + lay.pitch / 2),
                ]
            )
        whole_title = " ".join(d.title.split())
        ax.text(
            text_x,
            yc,
            title,
            ha="left",
            va="center",
            fontsize=lay.font,
            fontweight="bold" if (crit or sel) else "normal",
            color=style.INK,
            zorder=4,
            label=whole_title if title != whole_title else None,  # shortened: whole on hover in the app
        )
        boxes.append(title_box(text_x, yc, title, lay.font, crit or sel))
    if halos:
        ax.add_collection(PolyCollection(halos, facecolors=style.HIGHLIGHT, edgecolors="none", zorder=1.5))
    if polys:  # fills, the share done darker on top, then the outlines over both
        ax.add_collection(PolyCollection(polys, facecolors=faces, edgecolors="none", zorder=1.9))
        if done:
            ax.add_collection(PolyCollection(done, facecolors=done_faces, edgecolors="none", zorder=1.95))
        ax.add_collection(
            PolyCollection(polys, facecolors="none", edgecolors=edges, linewidths=widths, zorder=2)
        )

    # Finish line and its label under the lanes.
    xf = g.x(s.finish)
    crossing += ax.plot(
        [xf, xf], [g.strip_top, lanes_bottom + 0.04], color=style.FINISH, linewidth=1.2, zorder=3
    )
    finish = f"finish {style.fmt_when(plan, s.finish)}"
    fw = text_in(finish, NOTE_FONT, True)
    fx, ha = (xf + 0.05, "left") if xf + 0.05 + fw <= w_in - MARGIN_IN else (xf - 0.05, "right")
    y = lanes_bottom + 0.05
    ax.text(fx, y, finish, ha=ha, va="top", fontsize=NOTE_FONT, fontweight="bold", color=style.FINISH)
    status_wk = progress.status_week(analysis)
    if status_wk is not None:
        crossing += _status_line(
            ax, g, plan, status_wk, lanes_bottom, y, (fx - fw, fx) if ha == "right" else (fx, fx + fw)
        )
    y += 0.2

    _clear_titles(crossing, boxes)

    # Notes: what the page leaves out, and stage sequencing under strict gates.
    for note in note_lines(analysis, w_in, len(shown), n_all, rest_in):
        ax.text(MARGIN_IN, y, note, ha="left", va="top", fontsize=NOTE_FONT, color=style.MUTED)
        y += NOTE_ROW_IN

    # Legend: area colours and the marks, off the plot.
    used = {lid for lid, _ in lay.lanes}
    area_ids = [lid for lid, _ in lanes_of(plan)]
    has = {
        "done": any(not np.isnan(done_start[i]) for i in shown if not plan.decisions[i].milestone),
        "milestone": any(plan.decisions[i].milestone for i in shown),
    }
    entries = [
        e
        for k, e in enumerate(_legend_entries(plan, lanes_of(plan)))
        if (area_ids[k] in used if k < len(area_ids) else has.get(e[0], True))
    ]
    legend = _legend_rows(entries, w_in - 2 * MARGIN_IN)
    # Under the notes, not pinned to the foot of the figure: lanes that do not fill a page left a band of white
    # between the chart and its key (the room the lanes leave is below the key instead).
    y += 0.06
    for line in legend:
        x = MARGIN_IN
        yc = y + LEGEND_ROW_IN / 2
        for kind, label in line:
            _legend_mark(ax, kind, x, yc)
            ax.text(x + 0.2, yc, label, ha="left", va="center", fontsize=LEGEND_FONT, color=style.INK)
            x += _legend_item_w(label)
        y += LEGEND_ROW_IN


def _status_line(
    ax: Any, g: Geometry, plan: Plan, week: float, bottom: float, y: float, finish_span: tuple[float, float]
) -> list[Any]:
    """The status date: a dash-dot line from the stage strip down through the lanes, labelled on the finish
    label's line, left of the line (else right of it), clear of the finish label. Returns the line."""
    xs = g.x(week)
    line = ax.plot(
        [xs, xs],
        [g.strip_top, bottom + 0.04],
        color=progress.STATUS,
        linewidth=1.2,
        linestyle=progress.STATUS_STYLE,
        zorder=3,
    )
    text = progress.status_label(plan, week)
    tw = text_in(text, NOTE_FONT, True)
    left = (xs - 0.05 - tw, xs - 0.05)
    right = (xs + 0.05, xs + 0.05 + tw)
    f0, f1 = finish_span

    def clear(span: tuple[float, float]) -> bool:
        return (
            span[0] >= MARGIN_IN
            and span[1] <= g.width - MARGIN_IN
            and (span[1] + 0.08 <= f0 or f1 + 0.08 <= span[0])
        )

    span = next((sp for sp in (left, right) if clear(sp)), None)
    if span is None:  # squeezed against the finish label: just before it
        span = (max(MARGIN_IN, f0 - 0.1 - tw), max(MARGIN_IN, f0 - 0.1 - tw) + tw)
    ax.text(
        span[0], y, text, ha="left", va="top", fontsize=NOTE_FONT, fontweight="bold", color=progress.STATUS
    )
    return list(line)


def title_box(
    text_x: float, yc: float, title: str, font: float, bold: bool
) -> tuple[float, float, float, float]:
    """The box ``(x0, x1, y0, y1)`` in figure inches (y down) of a bar title drawn from ``text_x`` centred on
    ``yc``: its measured width, and the height of its letters with their ascenders and descenders."""
    half = font * 1.2 / 72 / 2
    return (text_x, text_x + text_in(title, font, bold), yc - half, yc + half)


def _clear_titles(lines: list[Any], boxes: list[tuple[float, float, float, float]]) -> None:
    """Break each vertical line of ``lines`` where it would cross one of the title ``boxes`` (with
    :data:`TITLE_CLEAR_IN` around the letters): a week's grid line, a gate, the finish or the status date through
    a title beside its bar read as a letter ('gua|rds')."""
    pad = TITLE_CLEAR_IN
    for line in lines:
        xs, ys = line.get_xdata(), line.get_ydata()
        x, top, bottom = float(xs[0]), float(min(ys)), float(max(ys))
        cuts = sorted((b[2] - pad, b[3] + pad) for b in boxes if b[0] - pad <= x <= b[1] + pad)
        if not cuts:
            continue
        seg_y: list[float] = []
        at = top
        for c0, c1 in cuts:
            if c0 > at:
                seg_y += [at, c0, float("nan")]
            at = max(at, c1)
        if at < bottom:
            seg_y += [at, bottom]
        line.set_data([float("nan") if math.isnan(y) else x for y in seg_y], seg_y)


def _rect(x: float, y: float, w: float, h: float, face: Any, edge: Any, z: float, lw: float = 0.0) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=face, edgecolor=edge, linewidth=lw, zorder=z)


def _legend_mark(ax: Any, kind: str, x: float, yc: float) -> None:
    if kind == "critical":
        ax.add_patch(_rect(x, yc - 0.05, 0.15, 0.1, "white", style.CRITICAL, 2, 1.3))
    elif kind == "milestone":
        ax.plot([x + 0.075], [yc], marker="D", markersize=5, color=style.INK, linestyle="none")
    elif kind == "gate":
        ax.plot([x + 0.075], [yc], marker="v", markersize=6, color=style.GATE, linestyle="none")
    elif kind == "done":
        ax.add_patch(_rect(x, yc - 0.05, 0.15, 0.1, style.tint(style.MUTED, 0.55), "none", 2))
        ax.add_patch(_rect(x, yc - 0.05, 0.09, 0.1, style.tint(style.MUTED, 0.0), "none", 2.05))
    elif kind == "window":
        ax.add_patch(_rect(x, yc - 0.035, 0.15, 0.07, "#C4C4C4", "none", 2))
    elif kind == "finish":
        ax.plot([x + 0.075, x + 0.075], [yc - 0.07, yc + 0.07], color=style.FINISH, linewidth=1.2)
    elif kind == "status":
        ax.plot(
            [x + 0.075, x + 0.075],
            [yc - 0.07, yc + 0.07],
            color=progress.STATUS,
            linewidth=1.2,
            linestyle=progress.STATUS_STYLE,
        )
    else:
        ax.add_patch(_rect(x, yc - 0.05, 0.15, 0.1, style.tint(kind, 0.55), style.shade(kind, 0.2), 2, 0.5))


__all__ = ["Layout", "draw_roadmap", "fit", "importance", "lanes_of", "roadmap_size", "text_in"]
