"""Scenario names in the app's sentences (the toolbar's note, the prompts, the refusals, the notice, the Edit menu's
undo text) are quoted by the one rule, :func:`planner.units.quoted`: in quotes and on one line. They were built in
curly quotes on the spot (or ``repr``), so a name with a line break broke the toolbar's note and the status bar over
two lines, and the combo box and the Show menu showed it raw. And a long name no longer pushes the note that says a
scenario is shown off the toolbar (into its overflow menu): the combo box is at most 36 characters wide, eliding the
name, and the note leaves the name to it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.units import one_line, quoted
from tests.ui.conftest import SAMPLES

NAME = ('What "if" we\nbuy ' + "x" * 200)[:100]  # quotes, a line break, the longest name a scenario takes


def test_scenario_names_are_quoted_on_one_line_in_every_sentence(window) -> None:
    w = window
    assert w.open_file(SAMPLES / "fraud-detection.plan.json")
    bar, state = w.scenario_bar, w.doc.scenarios
    too_long = 'What "if" we\nbuy ' + "x" * 200
    assert state.create(too_long) == "A scenario name has at most 100 characters."
    assert state.create(NAME) is None
    assert state.active == NAME
    assert bar.note.toolTip().startswith(f"Scenario {quoted(NAME)} is shown")
    assert w.doc.undo_stack.undoText() == f"New Scenario {quoted(NAME)}"
    assert bar.combo.currentText() == one_line(NAME)
    assert w.doc.plan.title.endswith(
        f"\u2014 scenario: {one_line(NAME)}"
    )  # charts and the report title it so
    assert state.create("R&D cut") is None
    bar._fill_show_menu()
    # the Show menu: on one line, and an '&' is a letter (not a shortcut on the next one, 'RD cut' underlined)
    assert [a.text() for a in bar.show_menu.actions()][-2:] == [one_line(NAME), "R&&D cut"]
    state.switch(NAME)
    assert state.create(NAME) == f"There is already a scenario called {quoted(NAME)}; choose another name."

    prompt = bar.ask_duplicate()
    assert prompt is not None and prompt.labelText() == f"Copy {quoted(NAME)} as:"
    prompt.reject()
    prompt = bar.ask_rename()
    assert prompt is not None and prompt.labelText() == f"Rename {quoted(NAME)} to:"
    prompt.reject()
    prompt = bar.ask_new()
    assert (
        prompt is not None and prompt.labelText() == f"Keep scenario {quoted(NAME)} as a new scenario named:"
    )
    prompt.reject()
    box = bar.ask_delete()
    assert isinstance(box, QMessageBox) and box.text() == f"Delete scenario {quoted(NAME)} and show Base?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    box = bar.ask_apply()
    assert isinstance(box, QMessageBox) and box.text() == f"Make scenario {quoted(NAME)} the base plan?"
    box.button(QMessageBox.StandardButton.Cancel).click()

    bar.switch(None)
    assert w.doc.undo_stack.undoText() == "Show Base"
    bar.switch(NAME)
    assert w.doc.undo_stack.undoText() == f"Show Scenario {quoted(NAME)}"
    QApplication.processEvents()
    for text in (bar.note.text(), w.status.currentMessage()):
        assert "\n" not in text and "\u201c" not in text
    w.resize(1024, 700)
    QApplication.processEvents()
    assert bar.note.isVisible() and bar.note.text().startswith("Scenario shown: 0 changes to Base")
    assert bar.toolbar.rect().contains(bar.note.geometry())
    assert bar.combo.width() <= bar.combo.fontMetrics().averageCharWidth() * 36
