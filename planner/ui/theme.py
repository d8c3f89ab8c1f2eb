"""Light and dark palettes that follow the system colour scheme (Fusion style, so both look the same
everywhere)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def system_is_dark(app: QApplication) -> bool:
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    return False  # unknown (e.g. offscreen): light


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


INDICATOR_WINDOW_DARK = "#b4b9bf"
"""The Window colour of check boxes and radio buttons on the dark palette: Fusion outlines them in it, darkened."""


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f4f6f8"))
    return p


def apply_theme(app: QApplication, scheme: str = "system") -> str:
    """Apply ``light``, ``dark`` or the ``system`` scheme; returns the one applied."""
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
