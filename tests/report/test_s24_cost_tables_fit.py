"""The cost tables go beside the spend curve only when their figures fit half the page (H-report24). A plan in yen
with trillion sums, running costs and three kinds of spend per item: 'The biggest items' beside the curve in A4
landscape had four columns of 13 to 17-digit figures in 364 points, which ran into each other ('900,000,000,000'
over '210,000,000,000'), and the cost by stage broke 'Operationaliz-e'. Now such a table goes under the curve at
the full width (ReportContext.table_fits), the other one beside the curve when it fits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.report_helpers import figures_apart
from tests.unseen_plans import costs_and_capacity


def _trillions() -> dict[str, Any]:
    d = costs_and_capacity()
    d["teams"] = [
        {"id": "platform", "name": "Platform", "capacity": 1.5, "rate": 4.2e10},
        {"id": "data", "name": "Data", "capacity": 0.5, "rate": 9.9e9},
    ]
    for i, x in enumerate(d["decisions"]):
        x["cost"] = 1.5e11 * (i + 1)
        x["run_rate"] = 2.5e9 * (i % 3)
    d["budget"] = 1e12
    return d


def test_trillion_yen_tables_do_not_run_into_each_other(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(_trillions())), out, sections=["cost"])
    figures = 0
    for page in PdfReader(out).pages:
        text = page.extract_text()
        assert "Operationaliz\n" not in text  # the stage's name whole on its line
        figures += figures_apart(page)
    assert figures >= 30  # the six items' four figures and the stages' four, each beside the next
