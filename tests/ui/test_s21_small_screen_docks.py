"""A presenter's small projector (1024x600): the inspector and the findings list left the views 674x376 of the
window, and a layout saved on a big screen (a 520 px inspector) left them half its width. Below
screen_fit.COMPACT_HEIGHT the findings go beside the inspector, as a tab, and come back to the bottom when the
window is tall again; the inspector column never keeps more than a third of a shrinking window."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from planner.ui import screen_fit
from tests.ui.s18_screens_support import settle


def _resized(w, width: int, height: int) -> None:
    w.resize(width, height)
    settle()


def test_a_short_window_puts_the_findings_beside_the_inspector_and_gives_them_back(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    assert w.dockWidgetArea(w.findings_dock) == bottom
    _resized(w, 1024, 600)
    assert w.findings_dock in w.tabifiedDockWidgets(w.inspector_dock)
    assert w.dockWidgetArea(w.findings_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not w.inspector_dock.visibleRegion().isEmpty()  # the inspector in front
    views = w.views.geometry()
    assert views.height() >= 0.78 * w.height(), (views, w.size())  # was 376 of 596
    assert views.width() >= 0.64 * w.width(), (views, w.size())
    # the status bar's findings count still shows them
    w._show_findings()
    settle()
    assert not w.findings_dock.visibleRegion().isEmpty()
    _resized(w, 1400, 860)
    assert w.dockWidgetArea(w.findings_dock) == bottom
    assert w.findings_dock not in w.tabifiedDockWidgets(w.inspector_dock)
    assert 60 <= w.findings_dock.height() <= 200
    assert not screen_fit.was_moved(w.findings_dock)


def test_a_wide_inspector_gives_way_when_the_window_shrinks(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    _resized(w, 1920, 1000)
    w.resizeDocks([w.inspector_dock], [700], Qt.Orientation.Horizontal)
    settle()
    assert w.inspector_dock.width() >= 690
    _resized(w, 1280, 800)  # tall enough: the findings stay at the bottom
    assert w.dockWidgetArea(w.findings_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert w.inspector_dock.width() <= 1280 // 3 + 1, w.inspector_dock.width()
    assert w.views.width() >= 0.64 * 1280
    # a column the user widens stays so while the window keeps or grows its width
    w.resizeDocks([w.inspector_dock], [600], Qt.Orientation.Horizontal)
    settle()
    _resized(w, 1400, 860)
    assert w.inspector_dock.width() >= 590, w.inspector_dock.width()


def test_a_layout_saved_on_a_projector_gives_the_findings_back_on_a_big_screen(
    qtbot, isolated_settings, sample_path
):
    from planner.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    _resized(first, 1024, 600)
    assert first.findings_dock in first.tabifiedDockWidgets(first.inspector_dock)
    first.save_layout()
    first.discard_and_close()
    assert QSettings().value("window/compactMoved") in (["findingsDock"], "findingsDock")
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    try:
        _resized(again, 1400, 860)
        assert again.dockWidgetArea(again.findings_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        assert again.findings_dock not in again.tabifiedDockWidgets(again.inspector_dock)
    finally:
        again.discard_and_close()


def test_at_a_large_font_a_taller_window_counts_as_short(sample_window):
    # 1366x768 at 150 % type holds the lines 1366x512 holds at 9 pt: the findings go beside the inspector too.
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    w = sample_window
    w.doc.wait_for_analysis()
    _resized(w, 1366, 768)
    assert w.findings_dock not in w.tabifiedDockWidgets(w.inspector_dock)  # at the desk's font: room enough
    app = QApplication.instance()
    before = QFont(app.font())
    try:
        large = QFont(before)
        large.setPointSizeF(13.5)
        app.setFont(large)
        _resized(w, 1366, 767)
        assert w.findings_dock in w.tabifiedDockWidgets(w.inspector_dock)
    finally:
        app.setFont(before)
        settle()
    _resized(w, 1366, 768)
    assert w.findings_dock not in w.tabifiedDockWidgets(w.inspector_dock)
