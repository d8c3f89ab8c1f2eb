"""A section that ends where the roadmap starts a page of its own is not split so that its end stands alone on a
page (H-report24). A one-decision plan with a cost, in A4 portrait: the cost section followed the executive summary
on page 2 and its two tables ('Cost by stage', 'The biggest items', 10 % of a page) went on alone to page 3, before
the roadmap's page. Now the spend curve is drawn shorter where the section follows another (down to the curve's
least height), so the tables stay under it; a section that fits a page but not, even so, the room left moves on
whole, as a chart does (builder._SectionBreak)."""

from __future__ import annotations

from pathlib import Path

from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report
from tests.unseen_plans import single


def _page_of(pages: list[str], text: str) -> int:
    return next(k for k, page in enumerate(pages) if text in page)


def test_cost_section_is_not_split_before_the_roadmap(tmp_path: Path) -> None:
    plan = plan_from_dict(single())
    report = make_report(
        analysis_of(plan),
        tmp_path / "r.pdf",
        paper="a4",
        orientation="portrait",
        sections=["summary", "cost", "roadmap"],
        simulation=simulate(plan, 300, seed=0),  # its sentences and key dates make the summary longer
    )
    pages = report.pages
    cost = _page_of(pages, "What it costs")
    assert _page_of(pages, "Cost by stage") == cost
    assert _page_of(pages, "The biggest items") == cost
    assert _page_of(pages, "Roadmap on a page") == cost + 1
    assert _page_of(pages, "Executive summary") == cost == 0  # the curve shorter, all of it under the summary
    assert len(pages) == 2


def test_a_section_that_fits_where_it_follows_stays(tmp_path: Path) -> None:
    # In landscape the summary is in two columns on its own page; the cost section starts page 2 and the roadmap
    # page 3, as before.
    report = make_report(
        analysis_of(plan_from_dict(single())),
        tmp_path / "r.pdf",
        sections=["summary", "cost", "roadmap"],
    )
    pages = report.pages
    assert _page_of(pages, "What it costs") == _page_of(pages, "The biggest items") == 1
    assert len(pages) == 3
