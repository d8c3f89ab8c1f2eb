"""The cost section's heading stays with its chart (H-report20).

Before: on a plan done before its status date, "What it costs" and its two sentences ended page 3 under the
progress table, and its spend curve and tables (one block, side by side) began page 4: a heading over an empty
page foot. Now the heading and its sentences go to the next page with the block when it does not fit under them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import finish_before_status


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_what_it_costs_starts_on_the_page_of_its_chart(tmp_path: Path, orientation: str) -> None:
    plan = plan_from_dict(finish_before_status(), "<done>")
    out = tmp_path / "r.pdf"
    build_report(
        analyze(plan),
        out,
        orientation=orientation,
        sections=["progress", "cost"],
        simulation=simulate(plan, 300, seed=0),
    )
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    at = [k for k, t in enumerate(pages) if "What it costs The plan is expected to spend" in t]
    assert len(at) == 1
    page = pages[at[0]]
    assert "Spend curve" in page and "Cost by stage" in page
