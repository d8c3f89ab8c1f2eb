"""The critical path table's dates stay in their column (H-report29).

Forty steps over two years, A4 portrait: the 'When' column was 95 points wide and '18 Dec 2028 – 1 Jan 2029' (a
plain cell, one line) ran into 'it starts when #34 finishes' beside it. The column is now as wide as its widest
dates, taken from the titles' column (details.build_critical)."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.fonts import REGULAR
from planner.report.sections.details import build_critical
from planner.report.style import page_geometry
from tests.report.s20_plans import _base


def _forty_steps() -> dict[str, Any]:
    d = _base("Forty steps", 40)
    for x in d["decisions"]:
        x["duration"] = {"optimistic": 2, "likely": 2 + int(x["id"][1:]) % 3, "pessimistic": 5}
    return d


def test_every_date_fits_its_column() -> None:
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_forty_steps(), "<s29>")), geometry=g, wide=g)
    tables = [f for f in build_critical(ctx) if isinstance(f, Table)]
    assert tables
    spans = []
    for t in tables:
        t.wrap(g.frame_width, 1e6)
        when = t._colWidths[2]
        for row in t._cellvalues[1:]:
            if isinstance(row[2], str):
                spans.append(row[2])
                assert stringWidth(row[2], REGULAR, 8) + 8 <= when, (row[2], when)
    assert any(" 20" in s and s.count(" 20") == 2 for s in spans)  # a span over two years is among them
