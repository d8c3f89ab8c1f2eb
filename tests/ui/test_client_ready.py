"""Issue 9 regressions: no crash and no false signal in front of a client (print preview, table edits,
milestones, stale highlights, the Capacity tab's over-capacity count)."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget


def find_dialog(kind: type[QWidget]) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_print_preview_opens_and_closes(qtbot, sample_window):  # type: ignore[no-untyped-def]
    """File > Print Preview used to kill the app (exit 139): the dialog painted on a collected printer."""
    w = sample_window
    w.show_view("Gantt")
    QApplication.processEvents()
    w.print_preview_action.trigger()
    dialog = find_dialog(QPrintPreviewDialog)
    assert dialog is not None and dialog.windowTitle().startswith("Print preview")
    qtbot.waitUntil(lambda: dialog.isVisible())
    QApplication.processEvents()  # the preview paints its pages now
    dialog.reject()
    QApplication.processEvents()
    assert find_dialog(QPrintPreviewDialog) is None
    # and again from the chart's own button, twice in a row
    chart = w.current_chart_tab()
    for _ in range(2):
        chart.print_preview_action.trigger()
        dialog = find_dialog(QPrintPreviewDialog)
        assert dialog is not None
        QApplication.processEvents()
        dialog.reject()
        QApplication.processEvents()
