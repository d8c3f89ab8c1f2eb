"""Findings split between findings, not between kinds (H-report25). A kind of finding was one table row holding up
to five findings: the 300-decision plan's 'over-capacity' row was a third of a page tall, so the Warnings table
(three such rows) went whole to the next page with the section's heading, and the page before it (the end of the
capacity section) was left a third used. Now each finding is a row, its kind beside the first; a kind that goes on
over a page names itself again there ('over-capacity (19), continued')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from planner.report.context import ReportContext
from planner.report.style import page_geometry
from tests.report.s20_plans import _base


def _used(page: Any, frame_top: float, frame_bottom: float) -> float:
    """The share of the frame down to the lowest text on the page (header and footer left out)."""
    ys: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and frame_bottom <= y <= frame_top:
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return (frame_top - min(ys)) / (frame_top - frame_bottom) if ys else 0.0


def _text(cell: Any) -> str:
    """The text of a table cell: a paragraph, or the flowables ReportLab keeps it as."""
    cells = cell if isinstance(cell, (list, tuple)) else [cell]
    return " ".join(c.getPlainText() if hasattr(c, "getPlainText") else str(c) for c in cells)


def test_the_300_decision_plan_leaves_no_page_before_its_findings_mostly_empty(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(random_plan_dict(300, seed=1))), out, orientation="portrait")
    g = page_geometry("a4", "portrait")
    pages = PdfReader(out).pages
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    at = next(k for k, t in enumerate(texts) if "Findings Validation reports" in t)
    used = _used(pages[at - 1], g.height - g.top, g.bottom)
    assert used >= 0.5 or "Findings" in texts[at - 1], f"the page before Findings is {used:.0%} used"
    # the section starts under the end of the previous one, with its first kind and finding
    assert "Findings Validation reports" in texts[at] and "stage-inversion (25)" in texts[at]


def test_a_kind_of_finding_splits_between_its_findings_and_names_itself_again() -> None:
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_base("Groups", 2))), geometry=g, wide=g)
    rows = [[ctx.cell("kind-a (4)") if k == 0 else "", ctx.cell(f"finding {k}")] for k in range(4)]
    rows += [[ctx.cell("kind-b (6)") if k == 0 else "", ctx.cell(f"finding b{k}")] for k in range(6)]
    groups = [(4, ctx.cell("kind-a (4), continued")), (6, ctx.cell("kind-b (6), continued"))]
    t = ctx.table(["Kind", "Finding"], rows, [1, 4], groups=groups)
    t.wrap(g.frame_width, g.frame_height)
    heights = t._rowHeights
    first, rest = t.split(g.frame_width, sum(heights[:8]) + 0.5)  # the header, kind-a and three of kind-b
    assert len(first._cellvalues) == 8 and len(rest._cellvalues) == 1 + 3
    label = rest._cellvalues[1][0]
    assert _text(label) == "kind-b (6), continued"
    assert rest._cellvalues[2][0] == ""  # only the first row on the page names it
    rest.wrap(g.frame_width, g.frame_height)
    assert rest._rowHeights[1] >= label.wrap(rest._colWidths[0] - 8, 1e6)[1]


def test_a_split_at_a_kinds_start_adds_no_label() -> None:
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_base("Groups", 2))), geometry=g, wide=g)
    rows = [[ctx.cell(f"kind-{k} (1)"), ctx.cell(f"finding {k}")] for k in range(8)]
    t = ctx.table(["Kind", "Finding"], rows, [1, 4], groups=[(1, ctx.cell("cont")) for _ in range(8)])
    t.wrap(g.frame_width, g.frame_height)
    first, rest = t.split(g.frame_width, sum(t._rowHeights[:5]) + 0.5)
    assert _text(rest._cellvalues[1][0]) == "kind-4 (1)"
