"""File > Export Report lists every section without scrolling where the screen has room (session 31, screens).

The dialog opened 520x400 on every screen: its Sections list showed eleven of its sixteen sections, the twelfth cut
in half ('Team capacity'), over a scroll bar, in the middle of a 2560x1440 panel. A consultant choosing what goes to
the board scrolled a list a third of which was out of sight. The dialog now opens as tall as the whole list needs,
within the screen's available geometry; on a short screen it is bounded there and the list scrolls, as before."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from planner.ui import screen_fit
from tests.ui.conftest import SAMPLES


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def test_every_report_section_is_in_sight_where_the_screen_has_room(window: Any, qtbot: Any) -> None:
    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    area = screen_fit.available_area(window)
    dialog = window.export_report()
    try:
        qtbot.waitUntil(dialog.isVisible)
        _settle()
        sections = dialog.sections
        assert sections.count() > 11  # the case: more sections than the list's least height holds
        rows = sections.sizeHintForRow(0) * sections.count()
        assert rows + 200 < area.height()  # the screen has room for them all (and the rest of the dialog)
        assert sections.verticalScrollBar().maximum() == 0, "the sections list scrolls"
        last = sections.visualItemRect(sections.item(sections.count() - 1))
        assert sections.viewport().rect().contains(last)
        assert area.contains(dialog.frameGeometry())
    finally:
        dialog.close()


def test_on_a_short_screen_the_dialog_stays_inside_it(window: Any, qtbot: Any) -> None:
    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    from planner.ui.dialogs.report_dialog import ReportDialog

    dialog = ReportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    short = dialog.preferred_height(300)
    assert short == 300  # bounded by the room given
    assert dialog.preferred_height(10_000) < 10_000  # no taller than it needs


def test_opened_while_presenting_every_section_is_in_sight_in_the_rooms_type(window: Any, qtbot: Any) -> None:
    # Presentation gives the dialog the room's type as it is shown: its rows grew and 8 of 17 were in sight.
    from PySide6.QtCore import QSize

    from tests.ui.s18_screens_support import presenting_graph

    assert window.open_file(SAMPLES / "ai-portfolio.plan.json")
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size() == QSize(1920, 1080))
    with presenting_graph(window):
        dialog = window.export_report()
        try:
            qtbot.waitUntil(dialog.isVisible)
            _settle()
            assert dialog.fontInfo().pixelSize() > 16  # the room's type
            assert dialog.sections.verticalScrollBar().maximum() == 0, "the sections list scrolls"
            assert screen_fit.available_area(window).contains(dialog.frameGeometry())
        finally:
            dialog.close()
