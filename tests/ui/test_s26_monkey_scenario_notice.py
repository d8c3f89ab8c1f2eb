"""Found by the GUI monkey (benchmarks/monkey_gui.py, actions ``scenario`` then ``plan_meta``): a stage added while a
scenario is shown brought the notice "...; its stages changes are not kept — switch to Base to make them." It says
"changes to its stages are not kept", and two fields at once are joined with "and"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.monkey_gui import Monkey, isolated
from planner.units import quoted


def test_the_notice_of_changes_a_scenario_does_not_keep_reads_as_english(qapp, tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"
    (tmp_path / sample.name).write_bytes(sample.read_bytes())
    with isolated(tmp_path):
        monkey = Monkey(tmp_path, sample.name)
        monkey.start()
        try:
            w = monkey.window
            scenario = w.doc.scenarios.names()[0]
            assert w.scenario_bar.switch(scenario)
            w.plan_view._add_stage()
            QApplication.processEvents()
            one = w.status.currentMessage()
            assert w.doc.edit_plan(description="Pilot first", currency="USD") is None
            QApplication.processEvents()
            two = w.status.currentMessage()
        finally:
            monkey.close()
    # Session 27: such edits are refused in a scenario, up front by the Plan & stages page
    # (tests/ui/test_s27_scen_read_only.py), taken back at once when made another way (the document's edit_plan, as
    # another tab calls it: tests/ui/test_s27_scen_notice_fallback.py); the refusal joins the fields in English.
    assert one.startswith(
        "Not changed: changes to the plan's title, description, dates, stages, gate criteria, "
    )
    assert two == (
        f"Not changed: changes to its description and currency are made in Base, not in scenario {quoted(scenario)}, "
        "which records decisions, links, team capacity and risk odds. Show Base (Scenario > Show) to make them."
    )
