"""Team capacity names the teams furthest over capacity and counts the rest (H-report29).

A 1,000-decision plan, 20 of 24 teams over capacity, A4 landscape: the section's first paragraph named all twenty
(seven lines), the words stood alone on a page 38 % used and the load chart took the next. The words now name the
five furthest over, as the chart's subtitle does, and count the rest; the chart shares their page."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report


def test_the_load_chart_follows_the_words_of_twenty_teams_over(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    build_report(analyze(plan_from_dict(random_plan_dict(1000))), out, sections=["capacity"])
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "20 of 24 teams are over capacity" in first
    words = first[: first.index("Levelling the schedule")]
    assert len(re.findall(r"needs up to", words)) == 5, words
    assert "and 15 other teams" in words
    assert "Team load against capacity" in first, "the load chart went to a page of its own"
