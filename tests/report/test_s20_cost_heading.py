"""The cost section's heading stays with its chart (H-report20).

Before: on a plan done before its status date, "What it costs" and its two sentences ended page 3 under the
progress table, and its spend curve and tables (one block, side by side) began page 4: a heading over an empty
page foot. Now the heading and its sentences go to the next page with the block when it does not fit under them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.s20_plans import finish_before_status, report_pages


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_what_it_costs_starts_on_the_page_of_its_chart(tmp_path: Path, orientation: str) -> None:
    pages = report_pages(
        finish_before_status(), tmp_path / "r.pdf", ["progress", "cost"], orientation=orientation
    )
    at = [k for k, t in enumerate(pages) if "What it costs The plan is expected to spend" in t]
    assert len(at) == 1
    page = pages[at[0]]
    assert "Spend curve" in page and "Cost by stage" in page
