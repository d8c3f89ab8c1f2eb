"""A section taller than a page does not end on a page of its own few last rows before the roadmap (H-report25).
Twelve stages with 120-character names, A4 portrait: the cost section's curve and 'Cost by stage' filled a page
and 'The biggest items' went on alone to the next, 26 % used, before the roadmap's page. Now the table where the
section's last half page begins keeps its rows from there with what follows (SplitTable.keep_end): the cost by
stage splits, its header repeated, and its last rows go on with the biggest items.

Hand-checked (the unit test): twelve rows of 20 pt under a 20 pt header, 100 pt following the table, the end to keep
the last five rows: in 300 pt the table fits (260 pt) but not with what follows (360 pt), so it splits after seven
rows and the last five go on; those five (120 pt with their header) and the 100 pt do not fit the 110 pt left under
the first part, so they go on whole; at a page's top nothing is forced."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from planner.report.context import SplitTable
from planner.report.style import page_geometry
from tests.report.s20_plans import many_stages

NAME = "Establish the enterprise-wide model risk governance framework with independent validation and audit trails"


def _used(page: Any, frame_top: float, frame_bottom: float) -> float:
    """The share of the frame down to the lowest text on the page (header and footer left out)."""
    ys: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and frame_bottom <= y <= frame_top:
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return (frame_top - min(ys)) / (frame_top - frame_bottom) if ys else 0.0


def _long_names() -> dict[str, Any]:
    d = many_stages(12)
    for j, st in enumerate(d["stages"]):
        st["name"] = f"{j + 1} {NAME} for all {'x' * 10}"[:120]
    for i, x in enumerate(d["decisions"]):
        x["title"] = f"{i} {NAME} for all {'x' * 10}"[:120]
    return d


def test_the_cost_section_of_long_stage_names_ends_on_a_page_at_least_half_used(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    plan = plan_from_dict(_long_names())
    build_report(analyze(plan), out, orientation="portrait", sections=["summary", "cost", "roadmap"])
    g = page_geometry("a4", "portrait")
    pages = PdfReader(out).pages
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    roadmap = next(k for k, t in enumerate(texts) if "Roadmap on a page" in t)
    cost = next(
        k for k, t in enumerate(texts) if "What it costs" in t.split("Roadmap")[0] and "Spend curve" in t
    )
    assert roadmap - cost == 2, (cost, roadmap)  # the section takes two pages
    used = _used(
        pages[roadmap - 1], g.height - g.top, g.bottom
    )  # to the last line of text, a few points above
    assert used >= 0.45, (
        f"the page before the roadmap is {used:.0%} used"
    )  # the rule under it (half the page)
    last = texts[roadmap - 1]
    # the cost by stage goes on there under its repeated header, with its total, then the biggest items
    assert "Stage Labour" in last and "Total" in last and "The biggest items" in last
    assert f"12 {NAME[:20]}" in last and re.search(f"(?<![0-9])1 {NAME[:20]}", last) is None


def _table() -> SplitTable:
    """Twelve rows of 20 pt under a header of 20 pt."""
    data = [["Decision", "Weeks"], *([f"Decision {k}", f"{k}"] for k in range(12))]
    t = SplitTable(data, colWidths=[300, 100], rowHeights=[20.0] * 13, repeatRows=1, splitByRow=1)
    t.frame_height = page_geometry("a4", "portrait").frame_height
    return t


def test_a_table_keeps_its_last_rows_with_what_follows() -> None:
    g = page_geometry("a4", "portrait")
    t = _table()
    t.keep_end, t.after, t.end_page = 5, 100.0, g.frame_height
    assert t.wrap(g.frame_width, 300)[1] > 300  # it fits alone (260 pt), not with what follows
    first, rest = t.split(g.frame_width, 300)
    assert (len(first._cellvalues) - 1, len(rest._cellvalues) - 1) == (7, 5)
    # the rest under the first part (300 - 160 = 140 pt left, less than 120 + 100): it goes on whole
    assert rest.wrap(g.frame_width, 140)[1] > 140
    assert rest.split(g.frame_width, 140) == []
    # on the next page it is laid out as it is
    assert rest.wrap(g.frame_width, g.frame_height)[1] == 120


def test_a_table_that_fits_with_what_follows_or_starts_a_page_is_left_alone() -> None:
    g = page_geometry("a4", "portrait")
    t = _table()
    t.keep_end, t.after, t.end_page = 5, 100.0, g.frame_height
    assert t.wrap(g.frame_width, 360)[1] == 260  # with what follows: 360 pt
    assert t.wrap(g.frame_width, g.frame_height)[1] == 260
    plain = _table()  # no end to keep: ReportLab's and SplitTable's own rules
    assert plain.wrap(g.frame_width, 300)[1] == 260
