"""A scenario's delta Gantt of two pages shares its rows evenly when nothing starts under its last part (H-report30).

fraud-detection --scenarios: each scenario's chart drew 32 rows on one page and its last 14 on the next, drawn only
as tall as they are so that something could start under them; but nothing did (the next scenario's chart, or the
cost section, started the next page in any case), so each left a page half white. The parts now share the rows
evenly (23 and 23) unless what follows starts in the room under the last part (builder._starts_in), which the
builder tells the chart (``follower``); no report gets longer."""

from __future__ import annotations

import re
from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model.scenarios import BASE
from planner.report import build_report
from planner.report.sections import comparison
from tests.report.report_helpers import sample

PART = re.compile(r"\u201d, part (\d+) of (\d+) \(rows (\d+)\u2013(\d+) of (\d+)\)")


def _pages(tmp_path: Any, sections: list[str]) -> list[str]:
    plan = sample("fraud-detection")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, *(s.name for s in plan.scenarios)], 200, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=sections)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]


def test_the_parts_of_each_scenario_chart_are_even(tmp_path: Any) -> None:
    pages = _pages(tmp_path, ["comparison", "cost", "roadmap"])
    parts = [m for t in pages for m in PART.finditer(t)]
    assert len(parts) == 2  # each scenario's chart in two parts
    for m in parts:
        k, n, a, b, total = (int(x) for x in m.groups())
        assert k == n == 2
        first, last = a - 1, b - a + 1
        assert abs(first - last) <= 1, (first, last)  # 32 and 14 before
        assert b == total
    # the cost section still starts its own page, and the report is no longer: 8 pages, as before
    assert len(pages) == 8
    assert any(t.split(" Page ")[0].count("What it costs") for t in pages)


def test_a_last_part_stays_short_where_what_follows_starts_under_it() -> None:
    """The rule: the short last part where the follower starts in the room under it; else the even parts."""
    built: list[tuple[list[tuple[int, int]], bool]] = []

    def parts(tiles: list[tuple[int, int]], first: float | None, tail: bool = True) -> list[Any]:
        from reportlab.platypus import PageBreak, Spacer

        built.append((tiles, tail))
        return [Spacer(1, 300), PageBreak(), Spacer(1, 100)]  # the last part 100 points tall

    tiles, even = [(0, 32), (32, 46)], [(0, 23), (23, 46)]
    chart = comparison._StartUnder(parts, tiles, lambda first: tiles, 50.0, 500.0, even)
    rooms: list[float] = []

    def follows(width: float, room: float) -> bool:
        rooms.append(room)
        return True

    chart.follower = follows
    chart.split(700, 500)
    assert built[-1] == (tiles, True) and rooms == [400.0]
    chart.follower = lambda width, room: False
    chart.split(700, 500)
    assert built[-1] == (even, False)
    chart.follower = None  # nothing follows (the report's end)
    chart.split(700, 500)
    assert built[-1] == (even, False)
