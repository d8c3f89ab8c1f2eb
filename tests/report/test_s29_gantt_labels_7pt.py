"""The report's Gantt pages draw every label at 7 pt or more (H-report29).

The 5,000-decision plan's key decisions: the rows of each page were counted for the room the chart had, but the
chart is drawn 2 points shorter than that room, so the first page's labels came out at 6.96 pt. The rows are now
counted for the heights the charts are drawn at (charts.build_gantt)."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report

_TF = re.compile(rb"/\S+ ([0-9.]+) Tf")


def test_every_gantt_label_is_7_pt_or_more(tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    build_report(analyze(plan_from_dict(random_plan_dict(5000))), out, sections=["gantt"])
    pages = PdfReader(out).pages
    assert len(pages) >= 2
    for k, page in enumerate(pages):
        sizes = [float(m.group(1)) for m in _TF.finditer(page.get_contents().get_data())]
        assert sizes and min(sizes) >= 7.0 - 1e-6, (k + 1, min(sizes))
