"""Found by the GUI monkey (benchmarks/monkey_gui.py, actions ``scenario`` then ``baseline``): with a scenario shown,
Plan > Save Baseline said "Saved baseline 'Pilot': the table shows the slip against it", yet the baseline went into
the scenario's plan only: neither Base nor the saved file held it (a scenario records decisions, links, capacity and
risk odds). While a scenario is shown the baseline is refused, and the status bar says where baselines are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.monkey_gui import Monkey, isolated
from planner.model import load_plan


@pytest.mark.parametrize("by_menu", [False, True])
def test_a_baseline_is_not_said_saved_while_a_scenario_is_shown(qapp, tmp_path: Path, by_menu: bool) -> None:
    sample = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"
    (tmp_path / sample.name).write_bytes(sample.read_bytes())
    with isolated(tmp_path):
        monkey = Monkey(tmp_path, sample.name)
        monkey.start()
        try:
            w = monkey.window
            scenario = w.doc.scenarios.names()[0]
            assert w.scenario_bar.switch(scenario)
            if by_menu:
                w.save_baseline_action.trigger()
                assert w.baseline_prompt is None  # no name asked for a baseline that would not be kept
            else:
                assert not w.save_baseline("Pilot")
            message = w.status.currentMessage()
            w.save_as(str(tmp_path / "saved.plan.json"))
            saved = load_plan(tmp_path / "saved.plan.json")
            w.scenario_bar.switch(None)
            base_baselines = [b.name for b in w.doc.plan.baselines]
            assert w.save_baseline("Pilot")  # in Base it is saved
            assert [b.name for b in w.doc.plan.baselines] == ["Pilot"]
        finally:
            monkey.close()
    assert "Pilot" not in [b.name for b in saved.baselines] and base_baselines == []
    assert message.startswith(f"Baseline not saved: baselines are kept in Base, not in scenario '{scenario}'")
    assert "Saved baseline" not in message
