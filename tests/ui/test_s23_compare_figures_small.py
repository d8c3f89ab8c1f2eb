"""The scenario compare dialog at 1024x600 (H-ui23): its Figures part was a blank grid until Compare was pressed,
nothing saying what it is for or what to do. It now says it (views/empty_hint.EmptyHint, the Table tab's empty
hint made one mechanism), over the grid, in the grid's width; the figures replace it after Compare."""

from __future__ import annotations

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import settle


def test_the_figures_say_what_to_do_before_a_comparison(window, qtbot):
    assert window.open_file(SAMPLES / "fraud-detection.plan.json")
    window.resize(1024, 600)
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.resize(1020, 596)
    settle()
    assert dialog.width() <= 1024 and dialog.height() <= 600  # (the test screen is 800x600: 796 px)
    assert dialog.tabs.currentWidget() is dialog.table
    hint = dialog.empty_hint
    assert dialog.table.rowCount() == 0  # the case: nothing compared yet
    assert hint.isVisible() and "press Compare" in hint.text() and "Tick 2 to 4 scenarios" in hint.text()
    viewport = dialog.table.viewport()
    assert hint.parentWidget() is viewport
    # over the grid, within it, tall enough for its wrapped words
    assert viewport.rect().contains(hint.geometry())
    assert hint.height() >= hint.heightForWidth(hint.width())
    assert hint.width() >= viewport.width() - 60
    dialog.iterations.setValue(0)
    assert dialog.run() is not None
    settle()
    assert not hint.isVisible() and dialog.table.rowCount() > 5
    # ticking fewer than two: the figures of the last comparison stay (the hint is for an empty grid only)
    dialog.set_chosen(["Base"])
    assert not hint.isVisible()
    dialog.close()


def test_a_plan_without_scenarios_says_how_to_make_one(window, qtbot):
    assert window.open_file(SAMPLES / "bank-assistant.plan.json")
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    settle()
    assert dialog.choices.count() == 1  # Base alone
    assert dialog.empty_hint.isVisible()
    assert "New Scenario from Current" in dialog.empty_hint.text()
    dialog.close()
