"""The dependency graph's heading and words go with its first page of cards (H-report22).

A 2,000-decision plan on Letter portrait: the stage timeline left the foot of its page to 'Dependency graph' and
its sentence on the key decisions, and the first page of cards started the next page: a heading alone at a page's
foot. Now a CondPageBreak keeps them with the first chart (as the Gantt chart's section does).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def test_graph_heading_is_not_alone_at_a_page_foot(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks._plans import random_plan_dict
    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from planner.report import build_report

    out = tmp_path / "g.pdf"
    plan = plan_from_dict(random_plan_dict(300, seed=1))
    build_report(
        analyze(plan), out, paper="letter", orientation="portrait", sections=["stage-timeline", "graph"]
    )
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    head = next(k for k, t in enumerate(pages) if "Dependency graph With 300 decisions" in t)
    assert "wk" in pages[head].split("Dependency graph With 300 decisions", 1)[1], (
        "no cards under the heading"
    )
