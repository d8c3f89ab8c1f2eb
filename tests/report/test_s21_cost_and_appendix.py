"""The cost section fits its page, and the appendix's names and figures read whole (H-report21).

Plan: twelve stages with long names ("Stage 1: Discovery and sign-off by the steering committee"), three decisions
each, one team with a rate, one-off costs.

- Cost, A4 portrait and landscape: the spend curve, the cost by stage (12 rows) and the biggest items (6) took two
  pages, the last four items alone on the second (the roadmap starts a page of its own). Now the figure columns
  are as wide as their figures and the stage names get the rest (they broke onto two lines beside columns twice
  as wide as their figures), the curve is as short as 170 pt when that makes the section fit, and in landscape the
  biggest items stand beside the curve when the tables do not fit under it.
- Appendix, A4 portrait: every stage read "Stage…" (a name cut to its 48 pt column) and a duration broke inside a
  figure ("10.5/11/1" then "4"). Now the Weeks column is as wide as its widest figure and a stage name gets two
  lines, so each stage is told apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.report.s20_plans import many_stages
from tests.unseen_plans import random_plan


def report_pages(
    data: dict[str, Any], out: Path, sections: list[str], orientation: str = "landscape"
) -> list[str]:
    """The text of each page of the report of ``data`` (no simulation: with one, the cost section has a sentence
    more and still takes a second page in landscape, a leftover)."""
    from pypdf import PdfReader

    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from planner.report import build_report

    build_report(analyze(plan_from_dict(data)), out, orientation=orientation, sections=sections)
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_cost_section_of_twelve_long_stages_is_one_page(tmp_path: Path, orientation: str) -> None:
    pages = report_pages(many_stages(12), tmp_path / "r.pdf", ["cost", "roadmap"], orientation=orientation)
    cost = [t for t in pages if "What it costs" in t]
    assert len(cost) == 1, f"the cost section takes {len(cost)} pages"
    page = cost[0]
    for k in (35, 33):  # the biggest items, first and last
        assert f"Decision number {k} of the plan" in page
    assert "The biggest items" in page and "Spend curve" in page
    # The cost by stage lists every stage by its whole name, with its total.
    for j in (1, 12):
        assert f"Stage {j}:" in page
    assert "Total 216,000 990,000 1,206,000 100%" in page


def test_appendix_names_each_stage_and_keeps_figures_whole(tmp_path: Path) -> None:
    pages = report_pages(many_stages(12), tmp_path / "r.pdf", ["appendix"], orientation="portrait")
    text = " ".join(pages)
    for j, wave in ((1, "Discovery"), (7, "Integration"), (12, "Enterprise")):
        assert f"Stage {j}: {wave}" in text, f"stage {j} is not told apart in the appendix"


def test_appendix_durations_do_not_break(tmp_path: Path) -> None:
    """A random plan's three-point durations ('10.5/11/14.5') stay on one line in portrait."""
    from pypdf import PdfReader

    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from planner.model.plan import duration_triple
    from planner.report import build_report
    from planner.units import format_weeks

    data = random_plan(5, n=60)
    for k, d in enumerate(data["decisions"]):  # long three-point figures
        d["duration"] = {"optimistic": 9.5 + k % 3 / 2, "likely": 11.25, "pessimistic": 14.5}
        d.pop("milestone", None)
    plan = plan_from_dict(data)
    out = tmp_path / "a.pdf"
    build_report(analyze(plan), out, sections=["appendix"], orientation="portrait")
    lines = [ln for p in PdfReader(out).pages for ln in p.extract_text().splitlines()]
    figures = set()
    for d in plan.decisions:
        o, lk, pe = duration_triple(d.duration)
        figures.add(f"{format_weeks(o)}/{format_weeks(lk)}/{format_weeks(pe)}")
    found = {f for f in figures if any(f in ln for ln in lines)}
    assert found == figures, f"broken across lines: {sorted(figures - found)[:3]}"
