"""The Scenario tool bar's '2 scenarios' stands apart from the chooser (session 31, screens).

With Base shown, the note's style sheet was cleared and its text began one pixel after the chooser's edge
('Base ▾|2 scenarios', plain at 4K and 200 %). It keeps the padding it has when a scenario is shown, without the
colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def _gap(bar: Any) -> int:
    note, combo = bar.note, bar.combo
    return note.x() + note.contentsRect().x() - (combo.x() + combo.width())


def test_the_scenario_count_is_apart_from_the_chooser(window: Any, qtbot: Any) -> None:
    assert window.open_file(SAMPLES / "fraud-detection.plan.json")
    bar = window.scenario_bar
    _settle()
    assert bar.note.text() == "2 scenarios"
    qtbot.waitUntil(bar.note.isVisible)
    assert _gap(bar) >= 4, _gap(bar)
    # and its colours are the tool bar's (as before: no palette left by a scenario shown)
    assert bar.note.palette().color(QPalette.ColorRole.WindowText) == window.palette().color(
        QPalette.ColorRole.WindowText
    )
    name = window.doc.scenarios.names()[0]
    assert bar.switch(name)
    _settle()
    assert _gap(bar) >= 4
    assert bar.switch(None)
    _settle()
    assert bar.note.text() == "2 scenarios" and _gap(bar) >= 4
