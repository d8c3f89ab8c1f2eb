"""Costs in yen and sums of a trillion in the report (H-report20).

Before: the cover's cost tile read "JPY 3.1e+03B" (format_money's compact form stopped at billions), the spend
curve's axis "4e+03B", and the cost tables' figures ran into each other ("7,500,000" under
"1,058,123,456,789" in the column beside it): a right-aligned column was as wide as its share of the page,
whatever its figures. Now the compact form has trillions, and a right-aligned column is at least as wide as its
widest figure (the room taken from the widest column, as for header words).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.cost import format_money
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.report_helpers import figures_apart
from tests.report.s20_plans import jpy_huge


def test_compact_money_has_trillions() -> None:
    # hand-checked: 3,098,397,370,367 is 3.10 trillion; 999.5e12 rounds to 1,000 trillion
    assert format_money(3_098_397_370_367, "JPY", compact=True) == "JPY 3.1T"
    assert format_money(999_999_999_999, None, compact=True) == "1T"
    assert format_money(999.5e12, None, compact=True) == "1,000T"
    assert format_money(4.2e14, "JPY", compact=True) == "JPY 420T"
    assert format_money(5e11, "JPY", compact=True) == "JPY 500B"


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_cost_figures_do_not_run_into_each_other(tmp_path: Path, orientation: str) -> None:
    out = tmp_path / "r.pdf"
    build_report(
        analyze(plan_from_dict(jpy_huge(), "<yen>")), out, orientation=orientation, sections=["cover", "cost"]
    )
    pages = PdfReader(out).pages
    cover = " ".join(pages[0].extract_text().split())
    assert "JPY 3.1T" in cover and "e+" not in cover
    figures = 0
    for page in pages[1:]:
        text = page.extract_text()
        assert "e+" not in text  # the spend curve's axis: 800B ... 4T
        figures += figures_apart(page)
    assert figures >= 20
