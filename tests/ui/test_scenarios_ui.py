"""Scenarios in the app (issue 13): the switcher, edits recorded as overrides (undoable), create / duplicate /
rename / delete / apply to base, saving the base with its scenarios, and the Compare view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.analysis import analyze
from planner.model import Scenario, Status, dump_plan, load_plan
from planner.model.scenarios import materialise
from tests.ui.conftest import SAMPLES

FRAUD_SAMPLE = SAMPLES / "fraud-detection.plan.json"
FRAUD = FRAUD_SAMPLE  # the as-planned copy while this module runs (below)
BUY = "Buy the feature store"
LIVE = "Go live before automated retraining"


@pytest.fixture(autouse=True, scope="module")
def _fraud_as_planned(tmp_path_factory: pytest.TempPathFactory):
    """The scenarios are compared as planned: with the sample's recorded progress counted (issue 16) the base and
    both scenarios all finish in week 31.5, and these tests are about scenarios, not progress."""
    global FRAUD
    plan = load_plan(FRAUD_SAMPLE)
    for d in plan.decisions:
        d.status, d.progress = Status.NOT_STARTED, 0.0
    path = tmp_path_factory.mktemp("fraud") / FRAUD_SAMPLE.name
    path.write_text(dump_plan(plan), encoding="utf-8")
    FRAUD = path
    yield
    FRAUD = FRAUD_SAMPLE


@pytest.fixture
def fraud_window(window):
    assert window.open_file(FRAUD)
    window.doc.analyze_now()
    return window


def test_switcher_shows_the_scenario_in_every_view(fraud_window) -> None:
    w = fraud_window
    doc, bar = w.doc, w.scenario_bar
    assert [bar.combo.itemText(i) for i in range(bar.combo.count())] == ["Base", BUY, LIVE]
    assert bar.combo.currentText() == "Base" and bar.note.text() == "2 scenarios"
    bar.combo.setCurrentIndex(2)
    bar.combo.activated.emit(2)
    doc.analyze_now()
    assert doc.scenarios.active == LIVE
    assert doc.plan.title.endswith("\u2014 scenario: " + LIVE)  # charts and the report title it so
    assert bar.note.text().startswith("Scenario shown: 4 changes to Base")  # the name is the combo box's
    expected = analyze(materialise(load_plan(FRAUD), LIVE))
    assert doc.analysis.schedule.finish == expected.schedule.finish == 31.5
    assert doc.analysis.schedule.critical_ids == expected.schedule.critical_ids
    # the menu and the keyboard cycle through Base and the scenarios
    bar.next_action.trigger()
    assert doc.scenarios.active is None and bar.combo.currentText() == "Base"
    bar.prev_action.trigger()
    assert doc.scenarios.active == LIVE
    # switching is an undo step
    doc.undo_stack.undo()
    assert doc.scenarios.active is None
    doc.undo_stack.undo()
    assert doc.scenarios.active == LIVE


def test_edits_in_a_scenario_are_recorded_as_undoable_overrides(fraud_window) -> None:
    doc = fraud_window.doc
    state = doc.scenarios
    original = state.scenario(BUY)
    state.switch(BUY)
    assert doc.set_duration("shadow-scoring", 2, 3, 4) is None
    assert doc.edit_decision("load-test", headcount=3) is None
    sc = state.scenario(BUY)
    assert sc.decisions["shadow-scoring"].duration.likely == 3
    assert sc.decisions["load-test"].headcount == 3
    doc.analyze_now()
    assert doc.analysis.schedule.finish == analyze(materialise(state.base, BUY)).schedule.finish == 31.5
    # the base is untouched
    assert state.base.decision("shadow-scoring").duration.likely == 4
    # undo takes the overrides away again, redo puts them back
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert state.scenario(BUY) == original
    doc.undo_stack.redo()
    assert state.scenario(BUY).decisions["shadow-scoring"].duration.likely == 3
    # a link removed in the scenario
    k = next(i for i, d in enumerate(doc.plan.dependencies) if (d.from_, d.to) == ("dpia", "validate-gate"))
    doc.remove_dependencies([k])
    assert [(x.from_, x.to) for x in state.scenario(BUY).remove_dependencies] == [("dpia", "validate-gate")]
    doc.undo_stack.undo()
    assert state.scenario(BUY).remove_dependencies == []


def test_save_in_a_scenario_writes_the_base_with_its_scenarios(fraud_window, tmp_path: Path) -> None:
    w = fraud_window
    doc = w.doc
    doc.scenarios.switch(BUY)
    doc.set_duration("shadow-scoring", 2, 3, 4)
    out = tmp_path / "saved.plan.json"
    assert w.save_to(str(out))
    saved = load_plan(out)
    base = load_plan(FRAUD)
    assert saved.title == base.title and saved.decisions == base.decisions
    assert saved.dependencies == base.dependencies
    assert [s.name for s in saved.scenarios] == [BUY, LIVE]
    assert saved.scenarios[0].decisions["shadow-scoring"].duration.likely == 3
    assert doc.scenarios.active == BUY  # still showing the scenario


def test_create_duplicate_rename_delete_and_undo(fraud_window) -> None:
    doc = fraud_window.doc
    state = doc.scenarios
    assert state.create("Leaner") is None  # from Base: no overrides
    assert state.active == "Leaner" and state.scenario("Leaner") == Scenario(name="Leaner")
    assert state.create("Leaner") is not None  # names are unique
    state.switch(BUY)
    assert state.create("Buy, with more") is None  # from the scenario shown: its overrides
    assert state.scenario("Buy, with more").decisions == state.scenario(BUY).decisions
    assert state.duplicate(BUY, "Buy copy") is None
    assert state.active == "Buy copy"
    assert state.rename("Buy copy", "Buy again") is None
    assert state.active == "Buy again" and doc.plan.title.endswith("scenario: Buy again")
    state.delete("Buy again")
    assert state.active is None and "Buy again" not in state.names()
    assert state.names() == [BUY, LIVE, "Leaner", "Buy, with more"]
    for _ in range(6):
        doc.undo_stack.undo()
    assert state.names() == [BUY, LIVE] and state.active is None
    for _ in range(6):
        doc.undo_stack.redo()
    assert state.names() == [BUY, LIVE, "Leaner", "Buy, with more"]


def test_apply_to_base_and_undo(fraud_window) -> None:
    doc = fraud_window.doc
    state = doc.scenarios
    before = load_plan(FRAUD)
    state.switch(BUY)
    state.apply_to_base(BUY)
    doc.analyze_now()
    assert state.active is None and state.names() == [LIVE]
    assert doc.plan.decision("feature-store-vendor-review") is not None
    assert doc.plan.decision("feature-store").cost == 120000
    assert doc.plan.title == before.title
    doc.undo_stack.undo()
    assert state.active == BUY and state.names() == [BUY, LIVE]
    doc.undo_stack.undo()
    assert state.active is None and doc.plan.decisions == before.decisions
    assert doc.plan.scenarios == before.scenarios


def test_delete_asks_first(fraud_window, qtbot) -> None:
    w = fraud_window
    w.doc.scenarios.switch(LIVE)
    box = w.scenario_bar.ask_delete()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert LIVE in w.doc.scenarios.names()
    box = w.scenario_bar.ask_delete()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert LIVE not in w.doc.scenarios.names()


def test_compare_view(fraud_window, qtbot) -> None:
    w = fraud_window
    dialog = w.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ["Base", BUY, LIVE]
    dialog.iterations.setValue(500)
    comp = dialog.run()
    assert comp is not None and [x.name for x in comp.items] == ["Base", BUY, LIVE]
    t = dialog.table
    assert t.columnCount() == 3 and t.horizontalHeaderItem(0).text() == "Base (reference)"
    rows = [t.verticalHeaderItem(r).text() for r in range(t.rowCount())]
    assert rows[:5] == [
        "Finish (rolling)",
        "Finish (strict gates)",
        "P50 finish",
        "P80 finish",
        "Price of gating",
    ]
    assert "Validate gate" in rows and any(r.startswith("Peak load: ") for r in rows)
    assert t.item(0, 2).text() == "week 31.5\n10 Sep 2027\n\u22120.5 wk"
    assert "brings the finish forward 0.5 weeks" in dialog.sentences.text()
    assert dialog.gantt_choice.count() == 2
    changes = dialog.changes.text()
    assert "<h3>Buy the feature store</h3>" in changes and "costs EUR 120,000 (was EUR 70,500)" in changes
    # an edit makes the figures stale, and the dialog says so
    fraud_window.doc.set_duration("dpia", 1, 1, 1)
    assert dialog.status.text().startswith("The plan changed since this comparison")
    # at most four, at least two
    dialog.set_chosen(["Base"])
    assert not dialog.run_button.isEnabled() and dialog.run() is None
    dialog.close()


def test_compare_identical_scenarios_have_equal_p80(fraud_window, qtbot) -> None:
    state = fraud_window.doc.scenarios
    state.create("Copy of base")
    state.switch(None)
    dialog = fraud_window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.set_chosen(["Base", "Copy of base"])
    dialog.iterations.setValue(800)
    comp = dialog.run()
    assert comp.items[1].delta("p80") == 0.0 and comp.items[1].p80 == comp.items[0].p80
    dialog.close()


def test_a_scenario_is_compared_with_the_base_in_the_views(fraud_window) -> None:
    doc = fraud_window.doc
    gantt = fraud_window.chart_tabs["gantt"].ensure_built()
    assert not gantt.options["baseline"].isChecked()
    doc.scenarios.switch(LIVE)
    doc.analyze_now()
    # the base's schedule is the scenario plan's newest baseline: table slips and Gantt ghost bars use it
    assert doc.current_baseline().name == "Base plan" and doc.baseline_name == "Base plan"
    assert gantt.options["baseline"].isChecked()  # the Gantt draws Base's bars under the scenario's
    v = doc.variance()
    assert v.finish_slip == -0.5  # 31.5 against 32 weeks
    slipped = {d.id for d in v.slipped()}
    assert "weekly-retraining" not in slipped  # it starts no later
    assert {d.id for d in v.decisions if d.status == "ahead"} >= {"live-all-traffic"}
    # ... and it is never saved: the file plan has no such baseline
    assert all(b.name != "Base plan" for b in doc.file_plan().baselines)
    doc.scenarios.switch(None)
    assert doc.current_baseline() is None and doc.baseline_name is None


def test_no_scenario_switch_while_presenting(fraud_window) -> None:
    w = fraud_window
    w.presentation.enter(full_screen=False)
    try:
        assert not w.scenario_bar.switch(BUY)
        assert w.doc.scenarios.active is None and w.scenario_bar.combo.currentText() == "Base"
        assert w.scenario_bar.ask_new() is None
    finally:
        w.presentation.leave()
    assert w.scenario_bar.switch(BUY) and w.doc.scenarios.active == BUY


def test_compare_of_a_large_plan_runs_off_the_gui_thread(fraud_window, qtbot) -> None:
    dialog = fraud_window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.THREADED_FROM = 1  # the fraud plan counts as large here
    dialog.iterations.setValue(300)
    assert dialog.run() is None and dialog.running and dialog.run_button.text() == "Cancel"
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.comparison is not None and [x.name for x in dialog.comparison.items] == ["Base", BUY, LIVE]
    assert dialog.status.text().startswith("Done in") and dialog.table.columnCount() == 3
    # cancel: the run stops after the scenario in progress and nothing is shown
    dialog.comparison = None
    dialog.iterations.setValue(20_000)
    dialog.run()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.comparison is None and dialog.status.text() == "Cancelled."
    dialog.close()


def test_renaming_a_decision_in_base_renames_it_in_the_scenarios(fraud_window) -> None:
    doc = fraud_window.doc
    before = doc.plan.scenarios
    assert doc.edit_decision("feature-store", id="feature-store-2") is None
    sc = doc.scenarios.scenario(BUY)
    assert "feature-store-2" in sc.decisions and "feature-store" not in sc.decisions
    assert ("feature-store-vendor-review", "feature-store-2") in {
        (x.from_, x.to) for x in sc.add_dependencies
    }
    doc.analyze_now()
    doc.scenarios.switch(BUY)
    doc.analyze_now()
    assert doc.plan.decision("feature-store-2").cost == 120000  # the override still applies
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.scenarios == before


def test_n_flips_scenarios_while_presenting_and_the_bar_says_against_base(fraud_window, qtbot) -> None:
    w = fraud_window
    p = w.presentation
    p.enter(full_screen=False)
    try:
        doc = w.doc
        p.scenario_action.trigger()  # N
        doc.analyze_now()
        assert doc.scenarios.active == BUY
        assert "Scenario</span> Buy the feature store: same finish as Base" in p.bar.delta.text()
        p.scenario_action.trigger()
        doc.analyze_now()
        assert doc.scenarios.active == LIVE
        assert f"{LIVE}: \u22120.5 wks vs Base" in p.bar.delta.text()
        # keeping the session's changes leaves the flips as their own steps; discarding undoes them
        index = doc.undo_stack.index()
        p.keep_changes()
        assert doc.undo_stack.index() == index and doc.scenarios.active == LIVE
        p.discard_changes()
        assert doc.scenarios.active is None
    finally:
        p.leave()
    assert not w.presentation.scenario_action.isEnabled()


def test_the_graph_marks_the_cards_a_scenario_changes(fraud_window, qtbot) -> None:
    w = fraud_window
    w.show_view("Graph")
    doc = w.doc
    scene = w.canvas.graph_scene

    def changed() -> set[str]:
        QApplication.processEvents()
        return {
            did for did, card in scene.cards.items() if card.card_data is not None and card.card_data.changed
        }

    qtbot.waitUntil(lambda: len(scene.cards) == len(doc.plan.decisions), timeout=10_000)
    assert changed() == set()
    doc.scenarios.switch(BUY)
    doc.analyze_now()
    qtbot.waitUntil(lambda: "feature-store-vendor-review" in scene.cards, timeout=10_000)
    assert changed() == {"feature-store", "feature-store-vendor-review"}
    doc.set_duration("dpia", 1, 1, 1)  # an edit in the scenario marks its card too
    doc.analyze_now()
    assert changed() == {"feature-store", "feature-store-vendor-review", "dpia"}
    doc.undo_stack.undo()
    doc.analyze_now()
    assert changed() == {"feature-store", "feature-store-vendor-review"}
    doc.scenarios.switch(None)
    doc.analyze_now()
    qtbot.waitUntil(lambda: "feature-store-vendor-review" not in scene.cards, timeout=10_000)
    assert changed() == set()
