"""The Gantt's last page is not a few rows alone (H-report21).

A plan of 50 decisions in four stages is 54 rows. The Gantt filled its first page (36 rows in landscape, 45 in
portrait) and left 18 or 9 rows on the last, drawn as tall as they are for the next section to use the rest of the
page. When the next section is the dependency graph (it starts a page of its own), or a stage timeline too tall
for the room left, those rows stood alone over an empty page. Now the pages then share the rows evenly (27 and 27);
when the stage timeline does fit under the last rows, they still share that page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base

ROWS = re.compile(r"rows (\d+)\u2013(\d+) of (\d+)")


def _gantt_pages(out: Path, sections: list[str], orientation: str) -> list[tuple[int, int, str]]:
    """(first row, last row, page text) of each page of the Gantt of a 50-decision plan."""
    build_report(
        analyze(plan_from_dict(_base("Gantt pages", 50))), out, sections=sections, orientation=orientation
    )
    pages = []
    for p in PdfReader(out).pages:
        text = " ".join(p.extract_text().split())
        m = ROWS.search(text)
        if m:
            pages.append((int(m.group(1)), int(m.group(2)), text))
    return pages


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_rows_are_shared_evenly_when_nothing_follows_on_the_last_page(
    tmp_path: Path, orientation: str
) -> None:
    pages = _gantt_pages(tmp_path / "r.pdf", ["gantt", "graph"], orientation)
    assert len(pages) == 2
    sizes = [b - a + 1 for a, b, _ in pages]
    assert sum(sizes) == 54 and pages[0][0] == 1 and pages[-1][1] == 54
    assert max(sizes) - min(sizes) <= 1, f"rows a page: {sizes}"


def test_last_rows_still_share_their_page_with_the_stage_timeline(tmp_path: Path) -> None:
    pages = _gantt_pages(tmp_path / "r.pdf", ["gantt", "stage-timeline"], "portrait")
    assert len(pages) == 2
    a, b, text = pages[-1]
    assert b - a + 1 < 27, "the last page's rows are balanced although the stage timeline fits under them"
    assert "Stage timeline" in text
