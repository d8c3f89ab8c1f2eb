"""The scenario comparison's note never starts a page with its table's rows all on the page before.

Before: when the table ended at a page's foot (two stages and one scenario on an A4 landscape page; six stages and
two scenarios, eight and one, on portrait), the note under it ('Weeks from the plan start; ...') went to the next
page alone, above the first scenario's Gantt. The table's last rows now go on with the note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from tests.report.s20_plans import _base

NOTE = "Weeks from the plan start; the bold figure"


def _plan(stages: int, scenarios: int) -> dict[str, Any]:
    d = _base("Stages", max(2 * stages, 6))
    d["stages"] = [
        {"id": f"s{k}", "name": f"Stage {k + 1} of many", "gate_criteria": [{"text": "Done", "met": False}]}
        for k in range(stages)
    ]
    for i, x in enumerate(d["decisions"]):
        x["stage"] = f"s{min(stages - 1, i // 2)}"
    d["scenarios"] = [
        {
            "name": f"Option {k}",
            "decisions": {f"d{3 * k:03d}": {"duration": {"optimistic": 1, "likely": 5, "pessimistic": 9}}},
        }
        for k in range(scenarios)
    ]
    return d


@pytest.mark.parametrize(
    ("stages", "scenarios", "orientation"), [(2, 1, "landscape"), (6, 2, "portrait"), (8, 1, "portrait")]
)
def test_the_note_has_the_table_s_last_rows_over_it(
    tmp_path: Path, stages: int, scenarios: int, orientation: str
) -> None:
    plan = plan_from_dict(_plan(stages, scenarios), "<s32>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, *(s.name for s in plan.scenarios)], 50, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["comparison"], orientation=orientation)
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    at = [k for k, t in enumerate(pages) if NOTE in t]
    assert len(at) == 1
    before = pages[at[0]][: pages[at[0]].index(NOTE)]
    assert "Peak load" in before, before[-300:]  # the table's last row (and those above it) over the note
