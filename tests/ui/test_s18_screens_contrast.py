"""Text stays readable in the light and the dark palette (a desktop in dark mode reaches the app as the dark
scheme): every label's text, the colours that say how things stand, the tables' critical cells, and the charts'
titles and axis text have a WCAG contrast of at least 4.5:1 against what they are drawn on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from planner.ui.theme import (
    MIN_CONTRAST,
    STATUS_COLORS,
    apply_theme,
    contrast_ratio,
    dark_palette,
    light_palette,
    readable_on,
    status_color,
)
from tests.ui.conftest import TABS
from tests.ui.s18_screens_support import finish_simulation, opened_sample

_CSS_COLOR = re.compile(r"color\s*:\s*(#[0-9a-fA-F]{6}|[a-z]+)")


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def test_the_contrast_ratio_is_wcag_s():
    black, white = QColor("#000000"), QColor("#ffffff")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)  # WCAG's own example
    # the colours the app used: red and gold below 4.5 on the light window (#efefef), #c0392b on the dark one
    assert contrast_ratio(QColor("#d9534f"), QColor("#efefef")) == pytest.approx(3.45, abs=0.01)
    assert contrast_ratio(QColor("#b8860b"), QColor("#efefef")) == pytest.approx(2.83, abs=0.01)
    assert contrast_ratio(QColor("#c0392b"), QColor("#202124")) == pytest.approx(2.96, abs=0.01)


def test_readable_on_keeps_the_hue_and_reaches_the_ratio():
    dark_window = QColor("#202124")
    grey = readable_on(QColor("#5c5c5c"), dark_window)  # the charts' subtitle grey: 2.4:1 before
    assert contrast_ratio(grey, dark_window) >= MIN_CONTRAST and grey.hslSaturationF() == 0
    blue = readable_on(QColor("#0072b2"), dark_window)  # the charts' blue: 3.0:1 before
    assert contrast_ratio(blue, dark_window) >= MIN_CONTRAST
    assert blue.hslHue() == QColor("#0072b2").hslHue()
    gold = readable_on(QColor("#b8860b"), QColor("#efefef"))  # on a light background it darkens
    assert contrast_ratio(gold, QColor("#efefef")) >= MIN_CONTRAST and gold.lightness() < 139
    assert readable_on(QColor("#000000"), QColor("#ffffff")) == QColor("#000000")  # readable already: kept


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_status_colours_are_readable_on_the_window_and_the_base(qapp, palette):
    pal = palette()
    for kind in STATUS_COLORS:
        ink = status_color(kind, pal)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast_ratio(ink, pal.color(role)) >= MIN_CONTRAST, (kind, ink.name(), role)


@pytest.fixture(params=["light", "dark"])
def themed_window(request, qtbot, isolated_settings, sample_path) -> Iterator[QWidget]:
    """The sample plan's window in the light or the dark scheme (applied before it is built, as at start-up)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, request.param)
    try:
        with opened_sample(qtbot, sample_path, (1400, 860)) as w:
            yield w
    finally:
        apply_theme(app, "light")
        _settle()


def _label_inks(label: QLabel) -> list[QColor]:
    """The colours ``label``'s text is drawn in: its palette's (style sheet included) and each colour its rich
    text names."""
    label.ensurePolished()
    group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled  # as drawn
    inks = [label.palette().color(group, label.foregroundRole())]
    inks += [QColor(c) for c in _CSS_COLOR.findall(label.text())]
    return inks


def _unreadable_labels(window: QWidget, where: str) -> list[str]:
    ground = window.palette().color(QPalette.ColorRole.Window)
    out = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.styleSheet().count("background"):
            continue
        if label.parentWidget() is not None and "background" in label.parentWidget().styleSheet():
            continue  # a banner with its own background and ink (the stale-results note)
        for ink in _label_inks(label):
            ratio = contrast_ratio(ink, ground)
            if ratio < MIN_CONTRAST:
                out.append(f"{where}: {label.text()[:50]!r} {ink.name()} on {ground.name()}: {ratio:.2f}")
    return out


def test_every_label_is_readable_in_both_palettes(themed_window):
    w = themed_window
    found: list[str] = []
    w.run_simulation()
    finish_simulation(w)
    for i in range(w.views.count()):
        w.views.setCurrentIndex(i)
        _settle()
        found += _unreadable_labels(w, w.views.tabText(i))
    assert [w.views.tabText(i) for i in range(w.views.count())] == TABS
    assert not found, "\n".join(found)
    # the status bar's findings count (3 warnings in the sample) in the warning colour, readable
    labels = [lb for lb in w.findChildren(QLabel) if "warning" in lb.text() and lb.isVisible()]
    assert labels, "no findings count in the status bar"
    assert labels[0].palette().color(labels[0].foregroundRole()) == status_color("warning")


def test_the_tables_critical_text_is_readable_in_both_palettes(themed_window):
    from PySide6.QtCore import Qt

    w = themed_window
    model = w.table_view.table.model()
    base = w.table_view.table.palette().color(QPalette.ColorRole.Base)
    critical = 0
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            brush = model.index(row, col).data(Qt.ItemDataRole.ForegroundRole)
            if brush is None:
                continue
            critical += 1
            ink = brush.color()
            assert contrast_ratio(ink, base) >= MIN_CONTRAST, (row, col, ink.name(), base.name())
    assert critical >= 15  # the sample has 15 critical decisions


def test_the_charts_text_is_readable_in_both_palettes(themed_window):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.colors import to_rgba
    from matplotlib.text import Text

    w = themed_window
    for view in [*w.chart_tabs.values(), w.cost_tab, w.capacity_tab]:
        w.views.setCurrentWidget(view)
        _settle()
    checked = 0
    for canvas in w.findChildren(FigureCanvasQTAgg):
        fig = canvas.figure
        r, g, b, _a = to_rgba(fig.get_facecolor())
        ground = QColor.fromRgbF(
            r, g, b
        )  # the light theme's charts are white, the dark's the window's colour
        # titles and subtitles (on the figure), axis titles and tick labels: on the figure's background
        texts = list(fig.texts)
        for ax in fig.axes:
            texts += [ax.xaxis.label, ax.yaxis.label, ax.title]
            texts += [t for t in ax.get_xticklabels() + ax.get_yticklabels() if isinstance(t, Text)]
        for t in texts:
            if not t.get_visible() or not t.get_text().strip() or t.get_bbox_patch() is not None:
                continue
            r, g, b, _a = to_rgba(t.get_color())
            ink = QColor.fromRgbF(r, g, b)
            ratio = contrast_ratio(ink, ground)
            assert ratio >= MIN_CONTRAST, (t.get_text()[:40], ink.name(), ground.name(), round(ratio, 2))
            checked += 1
    assert checked > 50  # the chart tabs, the cost tab's two charts and the team load


def test_a_desktop_that_gives_only_a_dark_palette_opens_the_app_dark(qapp):
    # KDE's or qt6ct's theme can hand the app a dark palette without saying the colour scheme (as offscreen
    # here: Unknown); the app then opened light, over the user's dark desktop.
    from PySide6.QtCore import Qt

    from planner.ui.theme import PLATFORM_WINDOW

    assert qapp.styleHints().colorScheme() == Qt.ColorScheme.Unknown  # the case
    kept = qapp.property(PLATFORM_WINDOW)
    try:
        qapp.setProperty(PLATFORM_WINDOW, QColor("#2a2a2a"))  # the platform's palette: dark
        assert apply_theme(qapp, "system") == "dark"
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert window.lightness() < 128
        assert contrast_ratio(qapp.palette().color(QPalette.ColorRole.WindowText), window) >= MIN_CONTRAST
        qapp.setProperty(PLATFORM_WINDOW, QColor("#efefef"))  # a light one: light
        assert apply_theme(qapp, "system") == "light"
        assert apply_theme(qapp, "dark") == "dark"  # a scheme asked for (screenshots) still wins
    finally:
        qapp.setProperty(PLATFORM_WINDOW, kept)
        apply_theme(qapp, "light")


def test_presentation_text_is_readable_in_both_palettes(themed_window):
    # The presenter's key hint was greyed as a disabled label: 1.6:1 on the light bar, 3.4:1 on the dark one.
    w = themed_window
    w.show_view("Graph")
    _settle()
    w.presentation.enter(full_screen=False)
    try:
        _settle()
        for step in range(min(3, len(w.presentation.deck))):
            w.presentation.go_to(step)
            _settle()
            found = _unreadable_labels(w, f"presentation step {step}")
            assert not found, "\n".join(found)
        hint = w.findChild(QLabel, "presenterHint")
        assert hint is not None and hint.isVisible()
    finally:
        w.presentation.leave()
        _settle()
