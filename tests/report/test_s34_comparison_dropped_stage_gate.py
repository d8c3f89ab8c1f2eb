"""The report's scenario comparison says a stage whose work a scenario drops has no decisions there (H-report34).

A scenario that drops every decision of Integrate: the comparison's 'Integrate gate' row showed the scenario's
Validate gate carried forward ('wk 11 / 22 Mar 2027' and a change against Base) as if Integrate passed its gate that
week. Now that cell says 'no decisions' (``PlanFigures.stages_without_work``) and the table's note says what that
means; the other gates are as before. ``planner compare --format json`` keeps the gate ``planner analyze
--scenario`` gives (the earlier gate carried forward): one figure, said of a stage with work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner import units
from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from tests.report.s20_plans import _base


def _plan() -> dict[str, Any]:
    d = _base("A scenario drops a whole stage", 16)
    integrate = [x["id"] for x in d["decisions"] if x["stage"] == d["stages"][1]["id"]]
    assert integrate
    d["scenarios"] = [{"name": "Skip Integrate", "drop_decisions": integrate}]
    return d


def _cells(lines: list[str], label: str) -> str:
    return next(" ".join(ln.split()) for ln in lines if ln.strip().startswith(label))


def test_a_dropped_stage_gate_says_no_decisions(tmp_path: Path) -> None:
    plan = plan_from_dict(_plan(), "<s34>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, "Skip Integrate"], 50, 0)
    base, skip = analysis.comparison.items
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["comparison"])
    lines = [
        ln
        for p in PdfReader(out).pages
        for ln in (p.extract_text(extraction_mode="layout") or "").splitlines()
    ]
    gates = {g[0]: g[2] for g in skip.gates}
    carried = gates[plan.stages[1].id]
    assert carried == gates[plan.stages[0].id]  # the gate before, carried forward
    integrate = _cells(lines, "Integrate gate")
    base_gate = dict((g[0], g[2]) for g in base.gates)[plan.stages[1].id]
    assert integrate.startswith(f"Integrate gate wk {units.format_weeks(base_gate)}"), integrate
    assert integrate.endswith("no decisions"), integrate
    assert (
        f"wk {units.format_weeks(carried)}"
        not in integrate.split("no decisions")[0].split(f"wk {units.format_weeks(base_gate)}", 1)[1]
    ), integrate
    # a stage that keeps its work still has its gate in both columns
    scale = _cells(lines, "Scale gate")
    assert scale.count("wk ") == 2 and "no decisions" not in scale, scale
    text = " ".join(" ".join(ln.split()) for ln in lines)
    assert "a stage with no decisions in a plan has no gate of its own there" in text
    assert skip.stages_without_work == {plan.stages[1].id} and not base.stages_without_work
