"""The app at a large system font (15 pt, as accessibility settings give it), set before the window is built as a
desktop does: the risk tab's percentile table shows its dates whole (it cut them to "12 ..." at 280 px)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.s18_screens_support import finish_simulation, opened_sample


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


@pytest.fixture
def large_font_window(qapp, qtbot, isolated_settings, sample_path) -> Iterator[QWidget]:
    before = QFont(qapp.font())
    big = QFont(before)
    big.setPointSizeF(15)
    qapp.setFont(big)
    try:
        with opened_sample(qtbot, sample_path, (1366, 768)) as w:
            yield w
    finally:
        qapp.setFont(before)
        _settle()


def test_the_percentile_table_shows_its_dates_whole_at_15pt(large_font_window):
    w = large_font_window
    w.views.setCurrentWidget(w.risk_tab)
    _settle()
    assert w.risk_tab.run()
    finish_simulation(w)
    assert w.simulation.result is not None
    _settle()
    table = w.risk_tab.results
    fm = table.fontMetrics()
    assert fm.height() > 20  # the case: 15 pt type
    shown = 0
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is None or not item.text():
                continue
            need = fm.horizontalAdvance(item.text()) + 6  # the cell's text margins
            assert table.columnWidth(c) >= need, (item.text(), table.columnWidth(c), need)
            shown += 1
    assert shown >= 20  # eight rows of label, week and (all but one) date


def test_no_tab_squeezes_the_inspector_at_15pt_on_a_1024_px_window(large_font_window):
    # The capacity tab's controls on one row needed 806 px at 15 pt: the views could not be narrower, and beside
    # them the inspector got ~210 px of a 1024 px window for a form that needs 330, its words cut at the edge.
    from PySide6.QtCore import Qt

    w = large_font_window
    w.resize(1024, 768)
    w.doc.select(["dpia"])
    _settle()
    form = w.inspector.form
    need = form.minimumSizeHint().width()
    bar = w.inspector.scroll_area.verticalScrollBar().sizeHint().width()
    for i in range(w.views.count()):
        page = w.views.widget(i)
        assert page.minimumSizeHint().width() + need + bar + 40 <= 1024, (w.views.tabText(i), need)
    w.resizeDocks([w.inspector_dock], [need + bar + 24], Qt.Orientation.Horizontal)
    for i in range(w.views.count()):
        w.views.setCurrentIndex(i)
        _settle()
        viewport = w.inspector.scroll_area.viewport().width()
        assert need <= viewport, (w.views.tabText(i), need, viewport)
        assert w.width() == 1024


def test_the_scenario_comparison_fits_a_1024_px_projector_at_15pt(large_font_window):
    # Its intro and the delta Gantt's row on one line each: 1072 px at 15 pt, wider than the screen.
    w = large_font_window
    dialog = w.scenario_bar.show_compare()
    _settle()
    try:
        assert dialog.isVisible()
        assert dialog.minimumSizeHint().width() <= 1024 - 24  # a projector's width less a window frame
    finally:
        dialog.close()
        _settle()


def test_presentation_type_follows_the_room_not_a_large_desk_font(large_font_window):
    # The room's type is set by the screen (room_scale); a 15 pt (20 px) desk font made it a third larger again:
    # the presenter bar took a third of the screen and the graph a strip above it.
    from PySide6.QtGui import QFontInfo

    from planner.ui.presentation.mode import FIGURE_SCALE, FONT_SCALE, ROOM_BASE_PX

    w = large_font_window
    assert QFontInfo(QApplication.font()).pixelSize() == 20  # the case: 15 pt at 96 dpi
    w.show_view("Graph")
    _settle()
    w.presentation.enter(full_screen=False)
    try:
        _settle()
        scale = w.presentation.scale
        bar = w.presentation.bar
        assert QFontInfo(bar.finish.font()).pixelSize() <= round(ROOM_BASE_PX * FIGURE_SCALE * scale) + 1
        assert QFontInfo(w.font()).pixelSize() <= round(ROOM_BASE_PX * FONT_SCALE * scale) + 1
        assert bar.height() <= 0.3 * w.height(), (bar.height(), w.height())
    finally:
        w.presentation.leave()
        _settle()
    assert QFontInfo(w.font()).pixelSize() == 20  # the desk font back after


def test_presentation_type_at_an_ordinary_desk_font_is_unchanged(sample_window):
    from PySide6.QtGui import QFontInfo

    from planner.ui.presentation.mode import FIGURE_SCALE

    w = sample_window
    desk = QFontInfo(QApplication.font()).pixelSize()
    assert desk == 12  # 9 pt, the test platform's font
    w.show_view("Graph")
    _settle()
    w.presentation.enter(full_screen=False)
    try:
        _settle()
        got = QFontInfo(w.presentation.bar.finish.font()).pixelSize()
        assert abs(got - desk * FIGURE_SCALE * w.presentation.scale) <= 1
    finally:
        w.presentation.leave()
        _settle()
