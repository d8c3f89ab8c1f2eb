"""Fonts for the report: DejaVu Sans, registered with ReportLab as TrueType so every glyph used is embedded.

DejaVu ships inside matplotlib, so the report needs no font of the system and looks the same everywhere; it is
also matplotlib's default font, so chart text and body text match. The PDF standard 14 fonts (Helvetica...) are
never used: they are not embedded and cover only Latin-1.
"""

from __future__ import annotations

import threading
from pathlib import Path

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
        if not key.lower().endswith(".ttf"):
            return None
        name = "F-" + Path(key).stem.replace(" ", "")
        try:
            pdfmetrics.registerFont(TTFont(name, key))
        except Exception:  # noqa: BLE001 - a font ReportLab cannot embed: the caller draws the text as paths
            return None
        _by_file[key] = name
        return name
