"""Fonts for the report: DejaVu Sans, registered with ReportLab as TrueType so every glyph used is embedded.

DejaVu ships inside matplotlib, so the report needs no font of the system and looks the same everywhere; it is
also matplotlib's default font, so chart text and body text match. The PDF standard 14 fonts (Helvetica...) are
never used: they are not embedded and cover only Latin-1.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_by_file: dict[str, str] = {}


def font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap of a font subset, with characters beyond U+FFFF (emoji) written as the UTF-16
    pair the PDF standard asks for: ReportLab writes ``<1F680>``, which readers reject or read as another
    character."""
    text: str = _rl_to_unicode_cmap(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return text
    wrong = {"<%02X> <%04X>" % (i, v): i for i, v in enumerate(subset) if v > 0xFFFF}  # noqa: UP031
    return "\n".join(
        f"<{wrong[line]:02X}> <{chr(subset[wrong[line]]).encode('utf-16-be').hex().upper()}>"
        if line in wrong
        else line
        for line in text.split("\n")
    )


_rl_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def register_fonts() -> None:
    """Register the DejaVu family with ReportLab (idempotent, thread-safe)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for name, file in _FILES.items():
            path = font_dir() / file
            pdfmetrics.registerFont(TTFont(name, str(path)))
            _by_file[str(path.resolve())] = name
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )


def font_for_file(path: str) -> str | None:
    """The ReportLab name of the TrueType font at ``path``, registering it on first use; None if unusable.

    Charts may use any font matplotlib finds; TrueType (.ttf) fonts can be embedded, others cannot.
    """
    register_fonts()
    key = str(Path(path).resolve())
    with _lock:
        if key in _by_file:
            return _by_file[key]
        # The system's copy of DejaVu is the same font as matplotlib's: embed one copy, not two.
        for name, file in _FILES.items():
            if Path(key).name == file:
                _by_file[key] = name
                return name
        if not key.lower().endswith((".ttf", ".ttc")):
            return None
        name = "F-" + Path(key).stem.replace(" ", "")
        try:
            # A collection (.ttc: most CJK fonts) gives its first face, as matplotlib draws it.
            pdfmetrics.registerFont(TTFont(name, key, subfontIndex=0))
        except Exception:  # noqa: BLE001 - a font ReportLab cannot embed: the caller draws the text as paths
            return None
        _by_file[key] = name
        return name


# -- characters DejaVu lacks (CJK, Devanagari, emoji): the machine's fallback fonts ----------------------------
_fallbacks: list[str] | None = None


def _cmap(name: str) -> Any:
    return pdfmetrics.getFont(name).face.charToGlyph


def fallback_names() -> list[str]:
    """ReportLab names of the installed fallback fonts (:func:`planner.charts.fonts.fallback_fonts`) that can be
    embedded (TrueType), in order; each is registered as its own family, so that bold text falls back too."""
    global _fallbacks
    if _fallbacks is None:
        from planner.charts.fonts import fallback_fonts

        names = []
        for _, path in fallback_fonts():
            name = font_for_file(path)
            if name is not None and name not in names:
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
                names.append(name)
        _fallbacks = names
    return _fallbacks


def reset_fallbacks() -> None:
    """Forget the fallback fonts found (for tests that change what is installed)."""
    global _fallbacks
    _fallbacks = None


class _EveryCharacter(dict[int, int]):
    """A character map that has every character: those the font lacks are its glyph 0 (the box)."""

    def __contains__(self, code: object) -> bool:
        return True

    def __missing__(self, code: int) -> int:
        return 0


_KEEP = "-keep"


def keep_text_font(primary: str) -> str:
    """A second copy of the house font ``primary`` (regular or bold) that draws a character no installed font has
    as the box it always was, but under a code of its own, so that the character stays in the PDF's text: a plan
    titled in Chinese on a machine without a Chinese font still has its title in the text a reader copies or
    searches (ReportLab draws every such character as code 0 of ``primary``, which extracts as nothing)."""
    register_fonts()
    name = primary + _KEEP
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            path = font_dir() / _FILES.get(primary, _FILES[REGULAR])
            font = TTFont(name, str(path))
            font.face.charToGlyph = _EveryCharacter(font.face.charToGlyph)
            # ReportLab registers one font per face name: without a name of its own this copy would be the
            # house font's face again.
            font.face.name = name.encode("ascii")
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


def font_runs(text: str, primary: str) -> list[tuple[str, str]]:
    """``text`` cut into runs that one font each draws: ``primary`` wherever it has the character, else the first
    fallback font that has it, else :func:`keep_text_font` (which draws a box, as ``primary`` would, and keeps
    the character in the text). One run of ``primary`` when it has every character."""
    register_fonts()
    cmap = _cmap(primary)
    if all(ord(c) in cmap or c.isspace() for c in text):
        return [(primary, text)]
    maps = [(name, _cmap(name)) for name in fallback_names()]
    keep = keep_text_font(primary) if primary in _FILES else primary
    runs: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        font = primary
        if code not in cmap and not ch.isspace():
            font = next((name for name, m in maps if code in m), keep)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def missing_characters(texts: Any, limit: int = 6) -> list[str]:
    """The first ``limit`` distinct characters of ``texts`` (strings) that neither the house font nor an installed
    fallback font draws: the report shows them as boxes (:func:`keep_text_font`)."""
    register_fonts()
    cmap = _cmap(REGULAR)
    out: list[str] = []
    for text in texts:
        if all(ord(c) in cmap or c.isspace() for c in text):
            continue
        for font, run in font_runs(text, REGULAR):
            if font == keep_text_font(REGULAR):
                out += [c for c in dict.fromkeys(run) if c not in out and not c.isspace()]
        if len(out) >= limit:
            break
    return out[:limit]


def drawn_width(text: str, font: str, size: float) -> float:
    """Points :func:`draw_string` takes for ``text``: right-to-left text as the charts lay it out
    (:func:`planner.report.vector.laid_out_width`), else each run in the font that draws it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from planner.report.vector import laid_out_width, right_to_left

    if right_to_left(text):
        return laid_out_width(text, size, bold="Bold" in font)
    return sum(stringWidth(run, f, size) for f, run in font_runs(text, font))


def draw_string(canv: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """``canv.drawString`` in ``font``, with the characters it lacks from a fallback font (:func:`font_runs`);
    right-to-left text as the charts draw it (:func:`planner.report.vector.draw_laid_out`)."""
    from planner.report.vector import draw_laid_out, right_to_left

    if right_to_left(text):
        draw_laid_out(canv, x, y, text, size, bold="Bold" in font)
        return
    t = canv.beginText(x, y)
    for f, run in font_runs(text, font):
        t.setFont(f, size)
        t.textOut(run)
    canv.drawText(t)
