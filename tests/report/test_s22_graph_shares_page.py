"""A dependency graph that needs part of its page leaves the rest to the next section (H-report22).

A six-decision chain over four stages on A4 landscape was set in two bands of half a page each: the cards at the
top of each band, their stage backgrounds empty below, and "Stages in detail" started a page of its own. Now a
one-page graph's bands are as tall as their cards (``graph_pages.fitted``), or a whole graph as tall as its layout
at its scale (``graph.whole_height_in``), and when that is under SHARE_PAGE of the page the next section starts
under it. The heading of "Stages in detail" stays with its first stage (it stood alone at a page's foot).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.report.s20_plans import _base


def _chain(n: int) -> dict[str, Any]:
    return _base(f"A chain of {n}", n)


def _pages(data: dict[str, Any], out: Path, sections: list[str], orientation: str) -> list[str]:
    from pypdf import PdfReader

    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from planner.report import build_report

    build_report(analyze(plan_from_dict(data)), out, orientation=orientation, sections=sections)
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_small_graph_shares_its_page_with_the_stages(tmp_path: Path, orientation: str) -> None:
    pages = _pages(_chain(6), tmp_path / "r.pdf", ["graph", "stages-detail"], orientation)
    assert "Dependency graph" in pages[0]
    assert "Stages in detail" in pages[0], "the stages start a page of their own under a small graph"
    assert "Decision number 5 of the plan" in pages[0]  # the whole chain is on the graph's page
    # The section's heading is never the last thing on a page: its first stage is with it.
    for text in pages:
        if "Each stage: its goal" in text:  # the section's words under its heading
            assert "1. Validate" in text


def test_fitted_page_is_as_tall_as_its_cards() -> None:
    from planner.analysis import analyze
    from planner.charts.graph_pages import fitted, graph_pages
    from planner.model import plan_from_dict

    analysis = analyze(plan_from_dict(_chain(6)))
    (page,) = graph_pages(analysis, 10.3, 6.1, 7.0, compact=True)
    tight = fitted(page)
    assert tight.page_h < 0.8 * page.page_h
    assert tight.columns == page.columns and tight.bands == page.bands
    # Its bands lost exactly the room they were given: the same cards, the same stubs.
    assert all(h > 0.3 for h in tight.band_heights)
    assert sum(page.band_heights) - sum(tight.band_heights) == pytest.approx(page.page_h - tight.page_h)
    assert fitted(tight) == tight


def test_whole_graph_height_within_its_page() -> None:
    """A whole graph takes what its layout needs at its scale, never more than the page."""
    from planner.analysis import analyze
    from planner.charts.graph import whole_height_in
    from planner.model import plan_from_dict

    analysis = analyze(plan_from_dict(_chain(2)))
    # Two cards side by side: a flat layout needs a fraction of a tall page, never more than the page.
    assert whole_height_in(analysis, 10.3, 6.1) < 6.1
    assert whole_height_in(analysis, 10.3, 1.0) <= 1.0
