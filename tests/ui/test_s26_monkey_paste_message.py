"""Found by the GUI monkey (benchmarks/monkey_gui.py): Ctrl+C in a text field (a decision's title selected in the
inspector) puts a word on the clipboard; Edit > Paste then said "The clipboard does not hold decisions the planner
can read." over "the text has no header row and data rows. Copy whole rows…": a second line starting in lower
case, and "header row and data rows" without saying what a header row needs. It starts with a capital and names
the Title column. (A row's reason, "row 2, Status: …", still begins in lower case: tests/ui/
test_s17_paste_and_garbage.py pins those words.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


def test_pasting_a_word_copied_from_a_field_says_why_in_a_sentence(sample_window, qtbot) -> None:
    w = sample_window
    first = w.doc.plan.decisions[0]
    w.doc.select([first.id])
    field = w.inspector.form.title_edit
    qtbot.waitUntil(lambda: field.text() == first.title)
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # the field's own copy
    assert QApplication.clipboard().text() == first.title
    w.table_view.table.setFocus()
    w.workbench.paste_action.trigger()
    box = w.active_prompt
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Cannot paste"
    reason = box.informativeText()
    box.done(0)
    assert reason.startswith("The text is not rows of decisions: it needs a header row (with a Title column)")
    assert reason[0].isupper()
    assert len(w.doc.plan.decisions) == 48  # nothing pasted
