"""A scenario's or the baseline's Gantt of a few rows follows what is above it (H-report22).

Six decisions, three scenarios and a baseline, A4 portrait: each delta Gantt started a page of its own and was
stretched over it (rows in the top half, the legend at the foot), and the baseline's chart started a page after
the section's three lines: eight pages. Now a chart of a few rows is only as tall as they are and starts a page
only when the rest of the page cannot hold it: five pages. Such a chart is found by the sub-heading that names its
scenario (it has no title of its own since H-report29) and the subtitle under it.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.unseen_plans import baselines_and_scenarios


def test_small_gantts_share_pages(tmp_path: Path) -> None:
    from planner.analysis import analyze
    from planner.analysis.compare import compare_scenarios
    from planner.model import plan_from_dict
    from planner.report import build_report

    plan = plan_from_dict(baselines_and_scenarios())
    names = [s.name for s in plan.scenarios]
    assert len(names) == 3
    out = tmp_path / "s.pdf"
    result = analyze(plan)
    result.comparison = compare_scenarios(plan, ["Base", *names], iterations=200)
    build_report(result, out, orientation="portrait", sections=["summary", "comparison", "baseline"])
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    # A scenario's chart of one page has no title of its own: the sub-heading above it names the scenario and the
    # reference, and the chart's subtitle ('Rolling timeline ...') follows it.
    heads = [f"\u201c{n}\u201d against \u201cBase\u201d" for n in names[:2]]
    each = ".*".join(f"{re.escape(h)}.*Rolling timeline" for h in heads)
    both = [t for t in pages if re.search(each, t)]
    assert both, "each scenario's Gantt took a page of its own"
    variance = next(t for t in pages if "Baseline variance" in t and "No decision finishes later" in t)
    assert "The schedule against the baseline" in variance  # the chart under the section's words
    assert len(pages) <= 5
