"""``planner compare`` (text) and the app's comparison say a stage whose work a scenario drops has 'no decisions'
in its gate row, as the report does (session 34, one truth with tests/report/test_s34_comparison_dropped_stage_gate.py).
Before, the text showed the previous stage's gate carried forward, as if the stage passed its gate that week."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from tests.report.test_s34_comparison_dropped_stage_gate import _plan


def test_the_command_lines_gate_row_of_a_dropped_stage_says_no_decisions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "drop.plan.json"
    data = _plan()
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["compare", str(path), "--scenarios", "Base,Skip Integrate", "--iterations", "50"]) == 0
    text = capsys.readouterr().out
    gates = text.split("Stage gates (strict gates)", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    rows = {ln.split()[0]: " ".join(ln.split()) for ln in gates}
    integrate, validate = data["stages"][1]["name"], data["stages"][0]["name"]
    assert rows[integrate].endswith("no decisions"), rows
    assert "no decisions" not in rows[validate] and rows[integrate].count("no decisions") == 1, rows


def test_the_apps_comparison_cell_of_a_dropped_stage_says_no_decisions() -> None:
    from planner.analysis.compare import compare_scenarios
    from planner.model import plan_from_dict
    from planner.model.scenarios import BASE
    from planner.ui.tabs.compare_view import _gate_cell

    plan = plan_from_dict(_plan(), "<s34>")
    comp = compare_scenarios(plan, [BASE, "Skip Integrate"], 50, 0)
    base, skip = comp.items
    validate, integrate = plan.stages[0].id, plan.stages[1].id
    ref = {i: w for i, _, w in base.gates}
    assert _gate_cell(skip, integrate, ref[integrate]) == ("no decisions", None)
    text, delta = _gate_cell(skip, validate, ref[validate])
    assert text.startswith("week ") and delta == 0
    assert _gate_cell(base, integrate, ref[integrate])[0].startswith("week ")
