"""Metrics and colours of the graph canvas, in one place (scene units are pixels at 100 % zoom)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

CARD_W = 224.0
CARD_H = 78.0
LAYER_PITCH = 304.0  # card width + horizontal gap (room for edge labels)
ROW_PITCH = 100.0  # card height + vertical gap
BAND_HEADER = 46.0  # room above the first card for the stage name
BAND_PAD_BOTTOM = 24.0
HANDLE_R = 6.0  # link handle on the card's right edge
STRIP_W = 6.0  # area colour strip

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25
READABLE_ZOOM = 7.0 / 9.0
"""The smallest zoom at which card titles read (the opening view of a plan too big to fit): their 9 pt at 7 pt, the
least readable size. At 0.6 every sample opened with its titles at 5.4 pt (7 px), on every screen."""
DETAIL_ZOOM = 0.3  # below this zoom, card texts, arrowheads and edge labels are not drawn

INK = QColor("#1F2328")
MUTED = QColor("#5F6670")
CARD_FILL = QColor("#FFFFFF")
CARD_FILL_DONE = QColor("#F1F3F4")
CARD_BORDER = QColor("#A3AAB3")
# Critical work: a thick, very dark red outline plus a corner flag and the word "critical", so that it reads
# without colour vision too.
CRITICAL = QColor("#8E0B1F")
SELECTION = QColor("#1A73E8")
HIGHLIGHT = QColor("#F9AB00")
LINK_OK = QColor("#188038")
LINK_BAD = QColor("#C5221F")
EDGE = QColor("#9AA0A6")
EDGE_DRIVING = QColor("#3C4043")
BAND_FILLS = (QColor("#F4F6F8"), QColor("#EAEEF2"))
BAND_TEXT = QColor("#3C4043")
PROGRESS = QColor("#34A853")
DEFAULT_AREA = QColor("#BDC1C6")
SCENARIO = QColor(
    "#7B3FB5"
)  # a decision the scenario shown changes: a dashed outline round the card (issue 13)


BACKGROUND = QColor("#FFFFFF")

_DARK = {
    "INK": "#E8EAED",
    "MUTED": "#A8AEB5",
    "CARD_FILL": "#2B2D31",
    "CARD_FILL_DONE": "#24262A",
    "CARD_BORDER": "#5F6368",
    "CRITICAL": "#FF7B72",
    "SELECTION": "#8AB4F8",
    "HIGHLIGHT": "#FDD663",
    "LINK_OK": "#81C995",
    "LINK_BAD": "#F28B82",
    "EDGE": "#6F747A",
    "EDGE_DRIVING": "#C4C7CA",
    "BAND_TEXT": "#DADCE0",
    "PROGRESS": "#81C995",
    "DEFAULT_AREA": "#5F6368",
    "BACKGROUND": "#17181A",
    "SCENARIO": "#C9A3F0",
}
_DARK_BANDS = ("#1E1F22", "#26282C")
_LIGHT = {name: globals()[name].name() for name in _DARK}
_LIGHT_BANDS = tuple(c.name() for c in BAND_FILLS)
dark = False
"""Whether the colours above are the dark set (see :func:`set_dark`)."""


def set_dark(on: bool) -> bool:
    """Switch the colours above to the dark (or light) set, in place, so that every item painting with them
    follows; returns True when something changed (the caller repaints)."""
    global dark
    if on == dark:
        return False
    dark = on
    for name, value in (_DARK if on else _LIGHT).items():
        globals()[name].setRgba(QColor(value).rgba())
    for color, value in zip(BAND_FILLS, _DARK_BANDS if on else _LIGHT_BANDS, strict=True):
        color.setRgba(QColor(value).rgba())
    return True


_FONTS: dict[str, QFont] = {}


def _font(key: str, size: float, weight: QFont.Weight | None, scale: float = 1.0) -> QFont:
    # Built once (after the QApplication exists) and shared: cards ask for fonts on every paint.
    cache_key = key if scale == 1.0 else f"{key}@{scale:g}"
    f = _FONTS.get(cache_key)
    if f is None:
        f = QFont()
        f.setPointSizeF(size * scale)
        if weight is not None:
            f.setWeight(weight)
        _FONTS[cache_key] = f
    return f


ROOM_CARD_TYPE_MAX = 1.6
"""The most a card's text grows in presentation mode (:attr:`GraphCanvas.card_type`): at 1.6 times its size the title's
two lines and the figures line still fit the 78 px card."""


def title_font(scale: float = 1.0) -> QFont:
    """Card titles; ``scale``: the card type of presentation mode (1: the desk's)."""
    return _font("title", 9.0, QFont.Weight.DemiBold, scale)


META_PT = 7.0 / READABLE_ZOOM
"""A desk card's second line (the id, "2 wks · critical") and a stage band's count: 7 pt at the opening zoom, as the
titles (:func:`foot_font`, :func:`band_note_font`). At 7.5 pt (:func:`meta_font`) they were drawn at 5.8 pt there,
too small to read across a table."""


def meta_font(bold: bool = False, scale: float = 1.0) -> QFont:
    """The second line's least size on the desk (:data:`FOOT_LEAST_PT`), and its size in presentation mode at the
    card type ``scale``."""
    return _font("meta-bold" if bold else "meta", 7.5, QFont.Weight.Bold if bold else None, scale)


FOOT_LEAST_PT = 7.5
"""A card whose second line (id and figures) does not fit whole at :data:`META_PT` draws it smaller, down to this
size (the size it had before), rather than cutting the id to a stub."""


def foot_font(size: float, bold: bool = False) -> QFont:
    """A card's second line at ``size`` points (:data:`FOOT_LEAST_PT` to :data:`META_PT`); ``bold``: the figures
    of a critical decision."""
    return _font(f"foot{'-bold' if bold else ''}@{size:g}", size, QFont.Weight.Bold if bold else None)


def band_font() -> QFont:
    return _font("band", 11.0, QFont.Weight.Bold)


def band_note_font() -> QFont:
    """A stage band's count under its name ("8 decisions")."""
    return _font("band-note", META_PT, None)


def label_font() -> QFont:
    return _font("label", 7.5, QFont.Weight.DemiBold)
