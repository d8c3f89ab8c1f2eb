"""The fonts the charts and the report draw Chinese, Japanese, Korean, Indic scripts and symbols with, in the app too.

The charts and the PDF report take a character DejaVu Sans lacks from the installed fonts matplotlib lists
(:func:`planner.charts.fonts.fallback_fonts`). Qt finds its fallback fonts through the system (fontconfig on Linux),
which need not know the same files: a plan titled in Chinese showed boxes in the table, the inspector and on the
cards while the report drew the title. Once a plan has a character the app's font cannot draw, the same font files
are added to Qt's font database (``QFontDatabase.addApplicationFont``), where Qt's fallback finds them; the app's
own font stays the primary one for every character it has. matplotlib's font list is loaded only then (it is not
at start-up)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

if TYPE_CHECKING:
    from planner.model import Plan

FIRST_CHECKED = 0x0590
"""Characters below this (Latin, Greek, Cyrillic, Armenian) every desktop font has: not checked."""

_added: list[str] | None = None


def missing_characters(texts: Iterable[str], font: QFont | None = None) -> str:
    """The distinct characters of ``texts`` that ``font`` (the application font) and Qt's fallback fonts do not
    draw: each is drawn as glyph 0, the box."""
    chars = sorted({c for text in texts for c in text if ord(c) >= FIRST_CHECKED and not c.isspace()})
    if not chars:
        return ""
    layout = QTextLayout("".join(chars), font if font is not None else QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    missing = 0
    for run in layout.glyphRuns():
        missing += sum(1 for g in run.glyphIndexes() if g == 0)
    if not missing:
        return ""
    # Which ones: each alone (rare: only when some are missing)
    out = []
    for c in chars:
        one = QTextLayout(c, font if font is not None else QFont())
        one.beginLayout()
        one.createLine()
        one.endLayout()
        if any(g == 0 for run in one.glyphRuns() for g in run.glyphIndexes()):
            out.append(c)
    return "".join(out)


def add_fallback_fonts() -> list[str]:
    """Add the charts' and report's fallback font files to Qt's font database (once); the families added."""
    global _added
    if _added is None:
        from planner.charts.fonts import fallback_fonts

        families: list[str] = []
        for _family, path in fallback_fonts():
            font_id = QFontDatabase.addApplicationFont(path)
            if font_id >= 0:
                families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
        _added = families
    return _added


def plan_texts(plan: Plan) -> Iterator[str]:
    """The names and titles of ``plan`` the app shows (its title, stages, areas, teams, decisions and risks)."""
    yield plan.title
    for group in (plan.stages, plan.areas, plan.teams):
        yield from (x.name for x in group)
    yield from (d.title for d in plan.decisions)
    yield from (r.title for r in plan.risks)


def cover(texts: Iterable[str]) -> list[str]:
    """When some character of ``texts`` has no font in Qt, add the fallback fonts (:func:`add_fallback_fonts`);
    the families added (none: nothing was missing, or they were added before)."""
    if _added is not None:
        return []
    if not missing_characters(texts):
        return []
    return add_fallback_fonts()


__all__ = ["add_fallback_fonts", "cover", "missing_characters", "plan_texts"]
