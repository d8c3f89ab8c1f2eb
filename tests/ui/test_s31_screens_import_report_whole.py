"""File > Import's report of what was carried shows whole where the screen has room (session 31, screens).

Importing GanttProject's house-building sample (22 items not carried or carried approximately) opened the import
step at its layout's size: eight lines of the report over a scroll bar, on a 1920x1080 screen at a 150 % font with
500 px of it free (and in the middle of a 2560x1440 panel). The consultant reads that report to decide whether to
go on. Once shown, the dialog grows by the report's hidden lines, up to the screen's available height."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from planner.ui import screen_fit
from planner.ui.dialogs.interop import start_import
from tests.ui.conftest import REPO

GAN = REPO / "tests" / "io" / "data" / "HouseBuildingSample.gan"


def _settle() -> None:
    for _ in range(12):
        QApplication.processEvents()


def test_the_import_report_is_whole_or_the_dialog_as_tall_as_the_screen(window: Any, qtbot: Any) -> None:
    dialog = start_import(window, str(GAN))
    assert dialog is not None
    try:
        qtbot.waitUntil(dialog.isVisible)
        _settle()
        area = screen_fit.available_area(window)
        frame = dialog.frameGeometry()
        assert area.contains(frame), (frame, area)
        hidden = dialog.report_view.verticalScrollBar().maximum()
        assert hidden == 0 or frame.height() >= area.height() - 8, (hidden, frame.height(), area.height())
        assert "not carried" in dialog.report_view.toPlainText()
    finally:
        dialog.reject()
        _settle()
