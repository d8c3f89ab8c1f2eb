"""Fonts for the report: DejaVu Sans, registered with ReportLab as TrueType so every glyph used is embedded.

DejaVu ships inside matplotlib, so the report needs no font of the system and looks the same everywhere; it is
also matplotlib's default font, so chart text and body text match. The PDF standard 14 fonts (Helvetica...) are
never used: they are not embedded and cover only Latin-1.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
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


def register_fonts() -> None:
    """Register the DejaVu family with ReportLab (idempotent, thread-safe)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
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


def font_runs(text: str, primary: str) -> list[tuple[str, str]]:
    """``text`` cut into runs that one font each draws: ``primary`` wherever it has the character, else the first
    fallback font that has it (else ``primary``, which draws a box). One run of ``primary`` when no fallback font
    is installed or none is needed."""
    register_fonts()
    cmap = _cmap(primary)
    if all(ord(c) in cmap for c in text) or not fallback_names():
        return [(primary, text)]
    maps = [(name, _cmap(name)) for name in fallback_names()]
    runs: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        font = primary
        if code not in cmap and not ch.isspace():
            font = next((name for name, m in maps if code in m), primary)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def draw_string(canv: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """``canv.drawString`` in ``font``, with the characters it lacks from a fallback font (:func:`font_runs`)."""
    t = canv.beginText(x, y)
    for f, run in font_runs(text, font):
        t.setFont(f, size)
        t.textOut(run)
    canv.drawText(t)
