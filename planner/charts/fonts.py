"""Fonts for the characters the house font lacks: Chinese, Japanese and Korean, Devanagari and other Indic scripts,
emoji and symbols. DejaVu Sans (the house font, shipped with matplotlib) covers Latin, Greek, Cyrillic, Arabic and
Hebrew; a plan titled in another script would otherwise be drawn as boxes and, in the PDF report, lose those
characters from its text layer.

The planner ships no such font (a CJK font alone is tens of megabytes). It uses the ones installed on the machine:
:func:`fallback_fonts` lists, in the order of :data:`FALLBACK_FAMILIES`, each known family that matplotlib's font
list has. The charts put them after DejaVu Sans, so matplotlib takes each character from the first font that has it
(PNG, SVG and PDF alike); the report embeds the TrueType ones (``planner.report.fonts``). Without any of them
installed, nothing changes.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Final

HOUSE_FAMILY: Final = "DejaVu Sans"

FALLBACK_FAMILIES: tuple[str, ...] = (
    # Chinese, Japanese, Korean (Linux, Windows, macOS)
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans CJK TC",
    "Noto Sans SC",
    "Noto Sans JP",
    "Noto Sans KR",
    "Noto Sans TC",
    "Source Han Sans SC",
    "Source Han Sans",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "SimHei",
    "Yu Gothic",
    "Meiryo",
    "Malgun Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Hiragino Sans GB",
    "Apple SD Gothic Neo",
    # Indic scripts
    "Noto Sans Devanagari",
    "Lohit Devanagari",
    "Nirmala UI",
    "Mangal",
    "Kohinoor Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Tamil",
    "Noto Sans Telugu",
    "Noto Sans Gujarati",
    "Noto Sans Thai",
    # Symbols and monochrome emoji (colour bitmap emoji fonts cannot be drawn as outlines)
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Noto Emoji",
    "Segoe UI Emoji",
    "Segoe UI Symbol",
    "Symbola",
    "Arial Unicode MS",
)
"""Families tried, in this order, for a character DejaVu Sans lacks."""


@lru_cache(maxsize=1)
def fallback_fonts() -> tuple[tuple[str, str], ...]:
    """``(family, file)`` of each family of :data:`FALLBACK_FAMILIES` installed on this machine, in that order:
    the regular upright face of each (the one nearest weight 400)."""
    from matplotlib.font_manager import fontManager

    wanted = set(FALLBACK_FAMILIES)
    best: dict[str, tuple[int, str]] = {}
    for entry in fontManager.ttflist:
        if entry.name not in wanted or entry.style != "normal":
            continue
        weight = entry.weight if isinstance(entry.weight, int) else 400
        score = abs(weight - 400)
        if entry.name not in best or score < best[entry.name][0]:
            best[entry.name] = (score, entry.fname)
    return tuple((name, best[name][1]) for name in FALLBACK_FAMILIES if name in best)


def chart_families() -> list[str]:
    """The font family list the charts draw with: the house font, then every installed fallback."""
    extra = [name for name, _ in fallback_fonts()]
    if extra:
        # A fallback family often has no bold face; matplotlib then logs "Failed to find font weight bold ... now
        # using 400" on every draw, which would reach the command line's stderr. Using the regular face is meant:
        # that message is dropped, every other one of the font manager's (a family not found...) still shows.
        log = logging.getLogger("matplotlib.font_manager")
        if _no_weight_fallback not in log.filters:
            log.addFilter(_no_weight_fallback)
    return [HOUSE_FAMILY, *extra]


def _no_weight_fallback(record: logging.LogRecord) -> bool:
    """False (drop it) for matplotlib's note that a family has no face of the asked weight."""
    return "Failed to find font weight" not in str(record.msg)
