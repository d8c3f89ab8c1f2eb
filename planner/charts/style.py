"""The one place for the look of every chart: fonts, sizes, the colour-blind-safe palette, area colours,
how critical work and the selection are marked.

Colours follow Okabe & Ito (2008), which stay distinct under the common colour-vision deficiencies. Colour is
never the only carrier of meaning: critical work is also hatched and outlined in black, milestones are diamonds,
and the selection gets a halo plus a heavier outline.
"""

from __future__ import annotations

import textwrap
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

from planner.model import units
from planner.units import LRM as LRM  # one function for every output, re-exported
from planner.units import left_to_right as left_to_right

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan

# -- palette ------------------------------------------------------------------------------------------------
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#999999",  # grey
    "#000000",  # black
)
"""The Okabe-Ito colours, in the order areas without a colour of their own get them."""
TOL_MUTED: tuple[str, ...] = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
                              "#AA4499")  # fmt: skip
"""Paul Tol's 'muted' colours (colour-blind safe too): areas without a colour get them once the Okabe-Ito colours
are taken (a new plan's eight areas take all but black: the groups of a tracker's import all came out black)."""

INK = "#1A1A1A"  # text and axes
MUTED = "#5C5C5C"  # secondary text
GRID = "#D9D9D9"
BAND = ("#F4F4F4", "#FFFFFF")  # alternating stage bands
NO_AREA = "#BBBBBB"  # decisions without a (known) area
FLOAT = "#C8C8C8"  # total float after a bar
BASELINE = "#4D4D4D"  # baseline bars under current ones
EDGE = "#8C8C8C"  # ordinary dependency links
CRITICAL = "#000000"  # outline and links of critical work
CRITICAL_HATCH = "////"
GATE = "#D55E00"  # stage gates (vermillion; always drawn dashed as well)
GATED = "#CC79A7"  # the gated timeline next to the rolling one
HIGHLIGHT = "#F0E442"  # halo behind the selected decision (plus a heavy black outline)
FINISH = "#0072B2"

# -- type ---------------------------------------------------------------------------------------------------
FONT_FAMILY = ["DejaVu Sans", "Arial", "Helvetica", "sans-serif"]
TITLE_PT = 12.0
SUBTITLE_PT = 8.5
LABEL_PT = 8.0  # axis and row labels at natural size
SMALL_PT = 7.0
MIN_PT = 7.0  # nothing that must be read is drawn smaller at a chart's default size
CHAR_EM = 0.56  # average DejaVu Sans glyph width in ems, for fitting text without a renderer
BOLD_FACTOR = 0.88  # bold text fits this share of the characters of regular text

TITLE_IN = 0.52  # figure inches reserved above the plot for the title and subtitle

RC: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": FONT_FAMILY,
    "font.size": LABEL_PT,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.linewidth": 0.6,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "text.color": INK,
    "hatch.linewidth": 0.7,
    "svg.fonttype": "none",  # text stays text in SVG (selectable, searchable)
    "pdf.fonttype": 42,  # TrueType fonts embedded in PDF
    "ps.fonttype": 42,
    # Plan text is text: "$50k for phase 1, $20k for phase 2" is money, not mathtext, and never LaTeX.
    "text.parse_math": False,
    "text.usetex": False,
}


def apply_style(fig: Figure) -> None:
    """Give ``fig`` the house background; text styles are set per artist, so nothing global changes."""
    fig.set_facecolor("white")


def rc_context() -> AbstractContextManager[None]:
    """A ``matplotlib.rc_context`` with the house fonts and export settings (used around drawing and saving).

    With fonts installed for scripts the house font lacks (CJK, Devanagari, emoji: :mod:`planner.charts.fonts`),
    the family list names them after DejaVu Sans, and matplotlib takes each character from the first font that
    has it."""
    import matplotlib

    from planner.charts.fonts import chart_families

    families = chart_families()
    if len(families) == 1:
        return matplotlib.rc_context(RC)
    return matplotlib.rc_context({**RC, "font.family": families})


# -- colours ------------------------------------------------------------------------------------------------
def area_colors(plan: Plan) -> dict[str, str]:
    """Colour per area id: the area's own colour when set, else the next Okabe-Ito colour not already used."""
    used = {a.color.upper() for a in plan.areas if a.color}
    spare = [c for c in (*OKABE_ITO, *TOL_MUTED) if c.upper() not in used] or list(OKABE_ITO)
    out: dict[str, str] = {}
    k = 0
    for a in plan.areas:
        if a.color:
            out[a.id] = a.color
        else:
            out[a.id] = spare[k % len(spare)]
            k += 1
    return out


def decision_colors(plan: Plan) -> list[str]:
    """The area colour of every decision, in plan order (grey for none or an unknown area)."""
    colors = area_colors(plan)
    return [colors.get(d.area or "", NO_AREA) for d in plan.decisions]


def tint(color: str, amount: float) -> tuple[float, float, float]:
    """``color`` mixed with white; ``amount`` 0 is the colour itself, 1 is white."""
    r, g, b = to_rgb(color)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def shade(color: str, amount: float) -> tuple[float, float, float]:
    """``color`` mixed with black."""
    r, g, b = to_rgb(color)
    return (r * (1 - amount), g * (1 - amount), b * (1 - amount))


def luminance(color: Any) -> float:
    r, g, b = to_rgb(color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# -- text ---------------------------------------------------------------------------------------------------


def text_width_in(text: str, size_pt: float) -> float:
    """Estimated width in inches of ``text`` at ``size_pt`` (no renderer needed)."""
    return len(text) * size_pt * CHAR_EM / 72.0


def chars_fitting(width_in: float, size_pt: float) -> int:
    return max(1, int(width_in * 72.0 / (size_pt * CHAR_EM)))


_CUT_TRAIL = " ,;:\u00b7-\u2013\u2014/&+("  # left at a cut's end they read as a dangling start of something


def cut_at_word(text: str, keep: int) -> str:
    """``text``'s first ``keep`` characters with an ellipsis, ended after the last whole word among
    them when the cut falls inside a word: 'Review hours saved and\u2026', not 'Review hours saved and choo\u2026'
    (a board reader took the stub for a word). A single word longer than half of what is kept (a long name, a
    script without spaces) is still cut inside, as words before it would leave too little of the text."""
    head = text[: max(0, keep)]
    if 0 < keep < len(text) and not text[keep].isspace():
        space = max(head.rfind(" "), head.rfind("\u3000"))
        if space > 0 and len(head[:space].rstrip(_CUT_TRAIL)) * 2 >= len(head):
            head = head[:space]
    return (head.rstrip(_CUT_TRAIL) or head.rstrip()) + "\u2026"


_GREEK_ACCENTS = frozenset(
    "\u0300\u0301\u0313\u0314\u0342\u0345"
)  # tonos/oxia, varia, breathings, perispomeni


def caps(text: str) -> str:
    """``text`` in capitals, as a stage's header is set: Greek capitals without their accents ('ΕΠΙΚΥΡΩΣΗ', not
    'ΕΠΙΚΎΡΩΣΗ': Greek all-caps drop the tonos; a dialytika stays), other scripts as ``str.upper``."""
    up = text.upper()
    if not any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in up):
        return up
    out: list[str] = []
    greek = False
    for c in unicodedata.normalize("NFD", up):
        if unicodedata.combining(c):
            if greek and c in _GREEK_ACCENTS:
                continue
        else:
            greek = "\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff"
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def ellipsize(text: str, max_chars: int) -> str:
    """``text`` in at most ``max_chars`` characters, cut at a character (the roadmap's measured fitting searches
    over these prefixes); a label fitted to a width is cut after a whole word (:func:`fit_line`)."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    return text[: max(1, max_chars - 1)].rstrip() + "\u2026"


def wrap(text: str, width_chars: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width_chars``; the last line gets an ellipsis when it does not all fit."""
    width_chars = max(4, width_chars)
    lines = textwrap.wrap(" ".join(text.split()), width_chars, break_long_words=True, break_on_hyphens=True)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], ellipsize(rest, width_chars)]
    return lines or [""]


WIDTH_SAFETY = 1.06  # measured advance widths, plus a little for the renderer's rounding to whole pixels
_FULL_WIDTH_EM = 1.0  # a character the house font lacks: a fallback font's (CJK, emoji) or a box, ~1 em wide


def _missing_em() -> float:
    """Width of a character the house font lacks: matplotlib draws it from its Last Resort font (a box naming
    the script, ~1.15 em) unless a fallback font has it (CJK and emoji fonts: ~1 em)."""
    from pathlib import Path

    import matplotlib
    from matplotlib.ft2font import FT2Font, LoadFlags

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "LastResortHE-Regular.ttf"
    if not path.exists():  # an older matplotlib draws DejaVu's own box, narrower than a full em
        return _FULL_WIDTH_EM
    font = FT2Font(str(path))
    font.set_size(100, 72)
    box = font.load_char(ord("\u6570"), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536 / 100
    return max(_FULL_WIDTH_EM, box)


_FONT_LOCK = threading.Lock()  # FreeType font objects are not thread-safe: the report's worker measures too


@lru_cache(maxsize=2)
def advances(bold: bool) -> Callable[[str], float]:
    """Advance width in ems of each character in DejaVu Sans (the house font), measured once per character; a
    character the font lacks counts :data:`_FULL_WIDTH_EM`. Safe from any thread (the report is drawn in a
    worker while the app's tabs draw on the GUI thread): the font is read under a lock."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font, LoadFlags

    # A font object of our own: matplotlib's cached ones change size whenever something is drawn.
    font = FT2Font(findfont(FontProperties(family=["DejaVu Sans"], weight="bold" if bold else "normal")))
    font.set_size(100, 72)
    cache: dict[str, float] = {}
    missing = _missing_em()

    def em(ch: str) -> float:
        w = cache.get(ch)
        if w is None:
            with _FONT_LOCK:
                try:
                    if font.get_char_index(ord(ch)) == 0 and ch not in "\n\r\t":
                        w = missing
                    else:
                        w = (
                            font.load_char(ord(ch), flags=LoadFlags.NO_HINTING).linearHoriAdvance
                            / 65536
                            / 100
                        )
                except (RuntimeError, ValueError):
                    w = _FULL_WIDTH_EM
            cache[ch] = w
        return w

    return em


def measured_width_in(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width in inches of one line of ``text`` at ``size_pt`` from the house font's own advances (kerning aside,
    plus :data:`WIDTH_SAFETY`): ``WWW`` is three times wider than ``iii``, and a character the font lacks (CJK,
    emoji) counts as wide as it is drawn. Use it where a label must not run into its neighbour or off the figure;
    :func:`text_width_in` is the quick average."""
    return advance_sum(text, bold) * size_pt / 72.0 * WIDTH_SAFETY


@lru_cache(maxsize=65536)
def advance_sum(text: str, bold: bool = False) -> float:
    """The advances of ``text``'s characters in ems, added left to right; kept per text, as a chart measures the
    same labels at every font size it tries (a big plan's roadmap: each title at each of ~40 layouts)."""
    em = advances(bold)
    return sum(em(c) for c in text)


def fit_line(text: str, width_in: float, size_pt: float, *, bold: bool = False) -> str:
    """``text`` as it is when it fits in ``width_in`` inches at ``size_pt``, else shortened with an ellipsis
    until it does (measured, so wide capitals, ``W``s and full-width characters are shortened enough), after its
    last whole word that fits (:func:`cut_at_word`)."""
    if measured_width_in(text, size_pt, bold=bold) <= width_in:
        return text
    em = advances(bold)
    room = width_in * 72.0 / size_pt / WIDTH_SAFETY - em("\u2026")
    used, cut = 0.0, 0
    for k, ch in enumerate(text):
        used += em(ch)
        if used > room:
            break
        cut = k + 1
    return cut_at_word(text, max(1, cut))


def wrap_measured(
    text: str, width_in: float, size_pt: float, max_lines: int, *, bold: bool = False
) -> list[str]:
    """``text`` wrapped into at most ``max_lines`` lines of ``width_in`` inches at ``size_pt``, breaking between
    words by the house font's measured advances (:func:`measured_width_in`), a word wider than a line across lines;
    only the last line gets an ellipsis, and only when the text does not all fit. Wrapping by a character count and
    then measuring each line cut titles that fit: a line of wide letters overflowed and lost its end."""
    em = advances(bold)
    room = width_in * 72.0 / size_pt / WIDTH_SAFETY
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    cur, k = "", 0
    while k < len(words) and len(lines) < max(1, max_lines):
        cand = f"{cur} {words[k]}" if cur else words[k]
        if sum(em(c) for c in cand) <= room:
            cur, k = cand, k + 1
        elif cur:
            lines.append(cur)
            cur = ""
        else:  # one word wider than the line: as much of it as fits, the rest on the next line
            used, cut = 0.0, 0
            for ch in words[k]:
                used += em(ch)
                if used > room:
                    break
                cut += 1
            cut = max(1, cut)
            lines.append(words[k][:cut])
            words[k] = words[k][cut:]
    if cur:
        lines.append(cur)
    rest = " ".join(w for w in words[k:] if w)
    if rest and lines:  # text left over: the last line ends with an ellipsis
        lines[-1] = fit_line(f"{lines[-1]} {rest}", width_in, size_pt, bold=bold)
    return lines or [""]


def fit_lines(text: str, width_in: float, size_pt: float, *, bold: bool = False) -> str:
    """:func:`fit_line` on every line of a multi-line label."""
    return "\n".join(fit_line(line, width_in, size_pt, bold=bold) for line in text.split("\n"))


fmt_weeks = units.format_weeks  # the charts' name for the one rule (planner.units)


def fmt_when(plan: Plan, week: float, *, short: bool = False) -> str:
    """``wk 12`` or ``wk 12 (29 Mar 2027)`` when the plan has a start date (``short``: without the year when
    the date falls in the plan's first calendar year, see :func:`short_date`)."""
    date = units.week_to_date(plan.start_date, week)
    if date is None or not short:
        return units.format_when(plan.start_date, week, word="wk")
    return f"wk {units.format_weeks(week)} ({short_date(plan.start_date, date)})"


short_date = (
    units.short_date
)  # a chart's compact date: the year once the plan has left its first calendar year


def critical_share(critical: int, total: int) -> str:
    """``3 of 12 decisions critical``; a plan of one decision says ``its 1 decision critical`` (or ``not
    critical``), never ``1 of 1 decisions``."""
    if total == 1:
        return "its 1 decision critical" if critical else "its 1 decision not critical"
    return f"{units.part_of(critical, total)} decisions critical"


# -- common pieces ------------------------------------------------------------------------------------------
def as_id_set(highlight: str | Iterable[str] | None) -> set[str]:
    """``highlight`` (one id, several ids or None) as a set of ids."""
    if highlight is None:
        return set()
    if isinstance(highlight, str):
        return {highlight}
    return set(highlight)


def title(fig: Figure, text: str, subtitle: str = "") -> None:
    """The chart title at the top left and a one-line subtitle under it, in figure inches that do not scale."""
    _, h = fig.get_size_inches()
    w = fig.get_size_inches()[0]
    x = 0.18 / w
    fig.text(
        x,
        1 - 0.09 / h,
        fit_line(text, w - 0.4, TITLE_PT, bold=True),  # measured: a count of letters cut titles that fit
        ha="left",
        va="top",
        fontsize=TITLE_PT,
        fontweight="bold",
        color=INK,
    )
    if subtitle:
        fig.text(
            x,
            1 - 0.32 / h,
            fit_line(
                subtitle, w - 0.4, SUBTITLE_PT
            ),  # measured, as subtitle_line: a count cut lines that fit
            ha="left",
            va="top",
            fontsize=SUBTITLE_PT,
            color=MUTED,
        )


def fitting_subtitle(fig: Figure, candidates: Sequence[str]) -> str:
    """The first of ``candidates`` (longest first) that fits on the subtitle line of ``fig`` whole, else the last:
    a subtitle that carries figures is shortened by leaving figures out, never by cutting one. Measured as
    :func:`title` and :func:`subtitle_line` draw it."""
    return fitting_line(candidates, fig.get_size_inches()[0])


def fitting_line(candidates: Sequence[str], w_in: float) -> str:
    """:func:`fitting_subtitle` for a figure ``w_in`` inches wide (before its figure is drawn)."""
    room = w_in - 0.4
    return next((c for c in candidates if measured_width_in(c, SUBTITLE_PT) <= room), candidates[-1])


def dropping(bits: Sequence[str], keep: int = 1) -> list[str]:
    """Subtitles for :func:`fitting_subtitle`, longest first: ``bits`` joined with ' · ', then without the last,
    and so on down to the first ``keep`` (whole figures or none: never a number cut short)."""
    return [" \u00b7 ".join(bits[:k]) for k in range(len(bits), max(1, keep) - 1, -1)]


def subtitle_options(leads: Sequence[str], notes: Sequence[str] = (), *last: str) -> list[str]:
    """Subtitles for :func:`fitting_subtitle`, longest first: each lead (the longer wording first) with all of
    ``notes``, then with fewer of them (the last dropped first), then the ``last`` resorts."""
    return ["; ".join([lead, *notes[:k]]) for lead in leads for k in range(len(notes), -1, -1)] + list(last)


def subtitle_line(fig: Figure, text: str) -> None:
    """A compact chart's only heading: one line of its figures at the top left (the report page names it)."""
    w, h = fig.get_size_inches()
    fig.text(
        0.18 / w,
        1 - 0.09 / h,
        fit_line(text, w - 0.4, SUBTITLE_PT),  # measured: a count of average characters cut lines that fit
        ha="left",
        va="top",
        fontsize=SUBTITLE_PT,
        color=MUTED,
    )


def message(fig: Figure, headline: str, lines: Iterable[str] = ()) -> None:
    """A clear message in place of a chart (empty plan, plan with errors)."""
    w, _ = fig.get_size_inches()
    body = []
    width = chars_fitting(min(w - 1.0, 7.5), 9.0)
    for line in list(lines)[:8]:
        body.extend(wrap(line, width, 3))
    fig.text(
        0.5, 0.56, headline, ha="center", va="bottom", fontsize=13, fontweight="bold", color=INK, wrap=False
    )
    if body:
        fig.text(0.5, 0.53, "\n".join(body), ha="center", va="top", fontsize=9, color=MUTED, linespacing=1.4)


def check_drawable(fig: Figure, analysis: Analysis, chart: str) -> bool:
    """Draw a message and return False when ``analysis`` has no schedule (errors) or the plan is empty."""
    plan = analysis.plan
    if analysis.schedule is None or analysis.stages is None:
        errors = [f for f in analysis.findings if str(f.severity) == "error"]
        n = len(errors)
        msgs = [f"\u2022 {f.message}" for f in errors[:5]]
        if n > 5:
            msgs.append(f"\u2026 and {n - 5} more")
        message(fig, f"No {chart}: the plan has {units.count(n, 'error')} to fix first", msgs)
        return False
    if not plan.decisions:
        message(fig, f"No {chart} yet", ["This plan has no decisions. Add decisions to see the chart."])
        return False
    return True


def start(fig: Figure) -> None:
    """Clear ``fig`` for a fresh drawing in the house style."""
    fig.clear()
    apply_style(fig)


def inches_to_fig(
    fig: Figure, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    """An axes rectangle ``(x, y, w, h)`` in figure fractions from margins in inches."""
    w, h = fig.get_size_inches()
    x0, y0 = float(left / w), float(bottom / h)
    return (x0, y0, float(max(0.01, 1 - right / w - x0)), float(max(0.01, 1 - top / h - y0)))
