"""Every table starts on the page of its heading and text, with its first rows (H-report20).

Before: only the risk register did (ReportContext.with_first_rows); a heading right before a table kept ~80 pt
with it, and a heading followed by a sentence and then the table nothing at all. "What levelling delays" and its
sentence ended a page whose next one began with the table (teams of 0.5 people, after the risk section or the
Gantt chart in landscape, after the stages in detail on Letter portrait). Now the builder keeps every table's
header and first two rows with the heading and text that introduce it (one rule, the register's too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.s20_plans import half_capacity, report_pages


@pytest.mark.parametrize(
    ("paper", "orientation", "before"),
    [
        ("a4", "landscape", "risk"),
        ("a4", "landscape", "gantt"),
        ("letter", "landscape", "risk"),
        ("letter", "portrait", "stages-detail"),
        ("a4", "portrait", "risk"),
    ],
)
def test_levelling_table_starts_under_its_heading(
    tmp_path: Path, paper: str, orientation: str, before: str
) -> None:
    pages = report_pages(
        half_capacity(), tmp_path / "r.pdf", [before, "capacity"], paper=paper, orientation=orientation
    )
    at = [k for k, t in enumerate(pages) if "What levelling delays" in t]
    assert len(at) == 1
    # the table's header and its first two rows (most delayed first: 9 and 8 weeks, hand-checked) are there too
    page = pages[at[0]]
    assert "Planned start Levelled start" in page
    assert "Decision number 7 of the plan Platform" in page and "Decision number 4 of the plan Data" in page
