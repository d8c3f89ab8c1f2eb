"""The executive summary of a plan of many stages on a portrait page (H-report20).

Before: when even the shortest summary did not fit one portrait page, its key dates (a block a page could hold)
moved to the next page whole and left the lower half of the summary's page empty (22 stages on A4: the text on
page 2, "Key dates" alone on page 3). Now, on a page of one column, the key dates start under the text and
continue under their repeated header; in landscape they still take the second column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.s20_plans import many_stages, report_pages


def _pages(tmp_path: Path, paper: str = "a4", orientation: str = "portrait") -> list[str]:
    out = tmp_path / "r.pdf"
    return report_pages(
        many_stages(22, risks=5), out, ["summary", "cost"], paper=paper, orientation=orientation
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_key_dates_start_on_the_summary_page_in_portrait(tmp_path: Path, paper: str) -> None:
    pages = _pages(tmp_path, paper=paper, orientation="portrait")
    first = pages[0]
    assert "Executive summary" in first and "When it finishes, and why" in first
    assert "Key dates" in first
    assert "Stage 1: Discovery" in first  # its first rows under the heading, not a page on their own
    # the rest continues on the next page (the last stage and the finish there), under the repeated header
    assert "Stage 22" not in first and "Stage 22" in pages[1]
    assert "Overlapping stages" in pages[1]
    # the next section follows on that page instead of a page of its own after a stub
    assert "What it costs" in pages[1]


def test_landscape_keeps_the_key_dates_in_their_column(tmp_path: Path) -> None:
    pages = _pages(tmp_path, orientation="landscape")
    assert "Key dates" in pages[0] and "Stage 1: Discovery" in pages[0]
