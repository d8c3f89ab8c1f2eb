"""The scenario comparison's table shortens long stage and team names in its rows (H-report29).

Stages and a team named with 200 characters, two scenarios, A4 portrait: each gate row and the peak-load row
wrote the whole name in the first column, fourteen lines tall, two rows to a page; the table took three pages
(its first two pages 47 % and 72 % used). Row labels are now shortened as the summary's key dates shorten a stage
(comparison.ROW_NAME_CHARS)."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from tests.report.s20_plans import _base

LONG = " ".join(["Transformation"] * 14)[:200]
NOTE = "Weeks from the plan start; the bold figure"


def _long_names() -> dict[str, Any]:
    d = _base("Long names", 10)
    for s in d["stages"]:
        s["name"] = f"{s['name']} {LONG}"[:200]
    d["teams"][0]["name"] = LONG
    d["scenarios"] = [
        {
            "name": "Faster",
            "decisions": {"d002": {"duration": {"optimistic": 1, "likely": 1, "pessimistic": 2}}},
        },
        {
            "name": "Slower",
            "decisions": {"d005": {"duration": {"optimistic": 3, "likely": 6, "pessimistic": 9}}},
        },
    ]
    return d


def test_long_names_keep_the_table_rows_short(tmp_path: Any) -> None:
    plan = plan_from_dict(_long_names(), "<s29>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, "Faster", "Slower"], 200, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, orientation="portrait", sections=["comparison"])
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    end = next(k for k, t in enumerate(pages) if NOTE in t)
    table = " ".join(pages[: end + 1])
    table = table[table.index("Finish (rolling)") : table.index(NOTE)]
    assert LONG[:60] not in table  # no row writes a whole name
    for stage in plan.stages:
        assert stage.name[:30].rstrip() in table  # each gate row still names its stage (cut after a word)
    assert end <= 1, f"the table took {end + 1} pages"
