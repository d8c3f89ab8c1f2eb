"""The Gantt's last few rows are left for the stage timeline to share only when it fits under them with the gap
between two sections (H-report25). A 2,000-decision plan in Letter landscape: its 169 key rows were cut 36, 44,
44, 39 and 6, the last six drawn as tall as they are for the stage timeline to follow under them; with the 18 pt
between sections it did not fit (133 + 18 + 348 pt in a 493 pt frame), went on to the next page, and left the six
rows alone on theirs, 22 % used. Now the check counts the gap, and the pages share the rows evenly (34 a page)."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.sections.charts import MIN_PAGE_ROWS
from tests.report.report_helpers import make_report


def test_the_gantts_last_rows_are_not_left_alone_when_the_stage_timeline_does_not_fit_under_them(
    tmp_path: Path,
) -> None:
    a = analyze(plan_from_dict(random_plan_dict(2000, seed=0)))
    r = make_report(
        a, tmp_path / "r.pdf", paper="letter", orientation="landscape", sections=["gantt", "stage-timeline"]
    )
    spans = [re.search(r"rows (\d+)\u2013(\d+) of (\d+)", " ".join(p.split())) for p in r.pages]
    gantt = [(k, int(m[1]), int(m[2]), int(m[3])) for k, m in enumerate(spans) if m]
    assert len(gantt) >= 2 and gantt[-1][2] == gantt[-1][3]  # tiled, to the last row
    last_page, first, last, _ = gantt[-1]
    shares_page = "Stage timeline" in r.pages[last_page]
    rows = [b - a + 1 for _, a, b, _ in gantt]
    # else the pages share the rows evenly (give or take one), a full page's worth each
    assert shares_page or (max(rows) - min(rows) <= 1 and min(rows) >= MIN_PAGE_ROWS - 2), (
        gantt,
        shares_page,
    )
    # and the stage timeline, when it follows the rows on their page, is whole there
    if shares_page:
        assert "Stage timeline" not in " ".join(r.pages[last_page + 1 :])
