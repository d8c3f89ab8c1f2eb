"""The risk register names the decisions a risk hits shortly (H-report29).

A risk on three decisions with 200-character titles: its 'Decisions it hits' cell wrote each whole, eleven lines
in a narrow column, as tall as a third of a portrait page. Each is now shortened to 60 characters, as the critical
path names its other critical decisions (risk._register_table)."""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.sections.risk import _register_table
from planner.report.style import page_geometry
from tests.report.s20_plans import _base

LONG = " ".join(["Transformation"] * 14)[:200]


def test_the_decisions_it_hits_are_shortened() -> None:
    d = _base("Long titles", 4)
    for x in d["decisions"]:
        x["title"] = f"{x['id']} {LONG}"[:200]
    d["risks"] = [
        {
            "id": "r",
            "title": "Vendor late",
            "probability": 0.5,
            "impact": 3,
            "decisions": ["d000", "d001", "d002"],
        }
    ]
    analysis = analyze(plan_from_dict(d, "<s29>"))
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analysis, geometry=g, wide=g)
    table = _register_table(ctx, list(analysis.plan.risks), None)[0]
    cell: Any = table._cellvalues[1][3]
    text = cell.getPlainText()
    assert all(f"d00{k} Transformation" in text for k in range(3))  # each named
    assert len(text) <= 3 * 60 + 10, text
