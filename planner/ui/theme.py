"""Light and dark palettes that follow the system colour scheme (Fusion style, so both look the same
everywhere)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

PLATFORM_WINDOW = "plannerPlatformWindow"
"""Application property: the Window colour of the palette the platform gave the app, kept before the planner first
sets its own."""


def _platform_window(app: QApplication) -> QColor:
    kept = app.property(PLATFORM_WINDOW)
    if not isinstance(kept, QColor):
        kept = QColor(app.palette().color(QPalette.ColorRole.Window))
        app.setProperty(PLATFORM_WINDOW, kept)
    return kept


def system_is_dark(app: QApplication) -> bool:
    """The desktop's colour scheme: as the platform says it (Windows, macOS, GNOME through the XDG portal), else
    as the palette it gave the app looks (a desktop whose theme sets only a dark palette, as KDE's or qt6ct's can:
    the app opened light there); light when neither tells (offscreen)."""
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    return _platform_window(app).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        R.Window: "#202124",
        R.WindowText: "#e8eaed",
        R.Base: "#17181a",
        R.AlternateBase: "#24262a",
        R.ToolTipBase: "#2d2f33",
        R.ToolTipText: "#e8eaed",
        R.Text: "#e8eaed",
        R.Button: "#2b2d31",
        R.ButtonText: "#e8eaed",
        R.BrightText: "#ffffff",
        R.Highlight: "#3d6fb4",
        R.HighlightedText: "#ffffff",
        R.Link: "#8ab4f8",
        R.PlaceholderText: "#9aa0a6",
        R.Mid: "#3c4043",
        R.Dark: "#111214",
        R.Light: "#3c4043",
        R.Midlight: "#34363a",
        R.Shadow: "#000000",
    }
    for role, c in colors.items():
        p.setColor(role, QColor(c))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(G.Disabled, role, QColor("#6f7378"))
    return p


STATUS_COLORS = {
    "error": ("#c0392b", "#ff7b72"),
    "warning": ("#8a6100", "#e3b341"),
    "good": ("#1e7b34", "#56d364"),
    "muted": ("#5f6368", "#9aa0a6"),
}
"""Text that says how things stand (errors and critical work, warnings, good news, secondary figures), as (light,
dark) palette colours: each has a contrast of at least 4.5:1 (WCAG AA) on both the palette's Window and Base. The
one source for such colours in the app's widgets: red #d9534f and gold #b8860b read at 3.5:1 and 2.8:1 on the light
window, #c0392b at 3:1 on the dark one."""

MIN_CONTRAST = 4.5
"""WCAG 2 AA contrast for body text."""


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of ``color`` (0 black to 1 white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(color: QColor, background: QColor, ratio: float = MIN_CONTRAST) -> QColor:
    """``color`` with its hue and saturation kept, made lighter (on a dark ``background``) or darker (on a light
    one) just enough to reach ``ratio`` against it; ``color`` itself when it already does."""
    if contrast_ratio(color, background) >= ratio:
        return QColor(color)
    h, s, lightness, a = color.hslHueF(), color.hslSaturationF(), color.lightnessF(), color.alphaF()
    towards_white = luminance(background) < 0.18
    out = QColor(color)
    for step in range(1, 101):
        value = lightness + (1 - lightness) * step / 100 if towards_white else lightness * (1 - step / 100)
        out = QColor.fromHslF(max(h, 0.0), s, value, a)
        if contrast_ratio(out, background) >= ratio:
            break
    return out


def status_color(kind: str, palette: QPalette | None = None) -> QColor:
    """The colour of ``kind`` text (a key of :data:`STATUS_COLORS`) on ``palette`` (default: the app's)."""
    pal = palette or QApplication.palette()
    light, dark = STATUS_COLORS[kind]
    return QColor(dark if pal.color(QPalette.ColorRole.Base).lightness() < 128 else light)


def status_css(kind: str) -> str:
    """:func:`status_color` as a ``#rrggbb`` for a style sheet or rich text."""
    return status_color(kind).name()


SCENARIO_NOTE_CSS = "background: #FFF1C2; color: #5A4500; border: 1px solid #E0C060; border-radius: 3px;"
"""The look of the notes that say a scenario is shown (the scenario bar's, the Plan & stages page's): one amber note,
dark text on it in either theme."""

INDICATOR_WINDOW_DARK = "#b4b9bf"
"""The Window colour of check boxes and radio buttons on the dark palette: Fusion outlines them in it, darkened."""


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f4f6f8"))
    return p


def apply_theme(app: QApplication, scheme: str = "system") -> str:
    """Apply ``light``, ``dark`` or the ``system`` scheme; returns the one applied."""
    _platform_window(app)  # before the first palette of our own
    app.setStyle("Fusion")
    dark = system_is_dark(app) if scheme == "system" else scheme == "dark"
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)
    # Fusion outlines a check box or radio button in its palette's Window colour darkened by 40 %: black on the
    # dark palette, where an unticked box was a black square on near-black. They do not fill their background,
    # so their own Window colour serves only for that outline: a light one gives a grey outline. (Set for both
    # schemes, so that switching back to light restores Fusion's own.)
    indicators = QPalette(palette)
    if dark:
        indicators.setColor(QPalette.ColorRole.Window, QColor(INDICATOR_WINDOW_DARK))
    for cls in ("QCheckBox", "QRadioButton"):
        app.setPalette(indicators, cls)  # type: ignore[arg-type]  # (the stubs say bytes; PySide6 takes str)
    return "dark" if dark else "light"


def follow_system(app: QApplication) -> None:
    """Re-apply the palette when the system switches between light and dark."""
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _s: apply_theme(app, "system"))
