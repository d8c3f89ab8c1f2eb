"""The stage timeline follows a one-page Gantt on its page when it can be drawn there readably (session 30b).

A 7-decision plan's Gantt (all done, or not) took 45 % of a landscape page and the stage timeline went to a page
of its own: its least height was 63 pt more than the room left. Its compact frame had 20 pt empty over the weeks
and 16 pt over its legend; its stages' two labelled lines needed rows 23 pt apart; and the Gantt's rows stay at
8 pt when 7 pt would leave the timeline room. Now the timeline follows, every label 7 pt or more.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report

_TF = re.compile(rb"/\S+ ([0-9.]+) Tf")


def _plan(done: bool, seed: int = 2) -> Any:
    data = random_plan_dict(7, seed=seed)
    if done:
        for d in data["decisions"]:
            d["status"] = "done"
    return plan_from_dict(data)


@pytest.mark.parametrize(
    ("done", "seed"),
    [(True, 2), (False, 2), (False, 0)],
    ids=["all done", "seven decisions", "no milestone, one legend row"],
)
def test_the_stage_timeline_shares_the_page_of_a_one_page_gantt(
    tmp_path: Path, done: bool, seed: int
) -> None:
    # (seed 0 has no milestone: the Gantt kept a legend row for one, and the timeline was 3 pt short of room)
    out = tmp_path / "r.pdf"
    build_report(analyze(_plan(done, seed)), out, sections=["gantt", "stage-timeline"])
    pages = PdfReader(out).pages
    assert len(pages) == 1, [p.extract_text()[:80] for p in pages]
    text = pages[0].extract_text()
    assert "Gantt chart" in text and "Stage timeline" in text
    sizes = [float(m.group(1)) for m in _TF.finditer(pages[0].get_contents().get_data())]
    assert sizes and min(sizes) >= 7.0 - 1e-6, min(sizes)
