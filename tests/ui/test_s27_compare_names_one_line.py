"""The Compare dialog shows a scenario's name on one line (units.one_line) in its choices, column headers, Gantt
choice and changes, and still compares the scenario by its name (session 27): a name with a line break (valid in
the file) made a two-line choice and split the changes' heading."""

from __future__ import annotations

from typing import Any

from planner.model import units
from tests.ui.conftest import SAMPLES

NAME = "Faster\nstaffing"


def test_a_scenario_name_with_a_line_break_reads_on_one_line(window: Any, qtbot: Any) -> None:
    assert window.open_file(SAMPLES / "fraud-detection.plan.json")
    window.doc.wait_for_analysis()
    state = window.doc.scenarios
    state.create(NAME)
    window.doc.set_duration("dpia", 1, 1, 1)
    state.switch(None)
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    shown = [dialog.choices.item(i).text() for i in range(dialog.choices.count())]
    assert units.one_line(NAME) in shown and all("\n" not in s for s in shown), shown
    dialog.set_chosen(["Base", NAME])
    assert dialog.chosen() == ["Base", NAME]
    dialog.iterations.setValue(200)
    comp = dialog.run()
    assert comp is not None and [x.name for x in comp.items] == ["Base", NAME]
    header = dialog.table.horizontalHeaderItem(1).text()
    assert header.replace("\n", " ").startswith("Faster\\x0astaffing"), header
    assert dialog.gantt_choice.itemText(0) == units.one_line(NAME)
    assert "<h3>Faster\\x0astaffing</h3>" in dialog.changes.text()
    dialog.close()
