"""The capacity section's chart starts under its words (H-report22).

A 300-decision plan with 13 of 24 teams over capacity: the load chart, at its natural height (326 pt in landscape,
500 pt on a Letter portrait page), did not fit under the section's two paragraphs, so the words stood alone on a
page a third used and the chart took the next. Now the chart takes the rest of the page down to LOAD_MIN_PT.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("paper", "orientation"), [("a4", "landscape"), ("letter", "portrait")])
def test_load_chart_shares_the_page_of_its_words(tmp_path: Path, paper: str, orientation: str) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks._plans import random_plan_dict
    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from planner.report import build_report

    out = tmp_path / "c.pdf"
    plan = plan_from_dict(random_plan_dict(300, seed=1))
    build_report(analyze(plan), out, paper=paper, orientation=orientation, sections=["capacity"])
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "over capacity at some point" in first  # the words
    assert "Team load against capacity" in first, "the load chart went to a page of its own"
