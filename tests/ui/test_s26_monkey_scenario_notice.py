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
    # Session 27: the Plan & stages page refuses a stage up front in a scenario (tests/ui/test_s27_scen_read_only.py);
    # the notice is left for paths that do not refuse (here the document's edit_plan, as another tab calls it).
    assert one.startswith(
        "Not changed: The plan's title, description, dates, stages, gate criteria, areas and team "
    )
    lead = f"Scenario {quoted(scenario)} records decisions, links, team capacity and risk odds; "
    assert (
        two
        == lead + "changes to its description and currency are not kept \u2014 switch to Base to make them."
    )
