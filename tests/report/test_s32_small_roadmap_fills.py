"""A small plan's roadmap page is used: the roadmap grows into the room the Gantt cannot take.

Before: a five-decision plan's landscape report drew the roadmap as tall as its lanes (its type at 7.5 pt) and left
the lower third of the page empty, the Gantt too tall for it (its heading, words and rows at 7 pt) on the next
page. The roadmap is now drawn narrower and enlarged to the page's width (report.sections.charts._grown): its type
a quarter larger, its layout the same, no title more shortened, no page more. Where the Gantt fits under it (the
same plan in portrait) nothing changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base


def _lines(page: Any) -> list[tuple[float, float, str]]:
    """Each text's (distance from the page's top, size in points, text), as drawn (the page's scale applied)."""
    height = float(page.mediabox.height)
    out: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((height - y, size * abs(tm[3]) * abs(cm[3]), text.strip()))

    page.extract_text(visitor_text=visit)
    return out


def _report(tmp_path: Path, orientation: str) -> list[Any]:
    analysis = analyze(plan_from_dict(_base("Small plan of 5", 5), "<s32>"))
    out = tmp_path / f"r-{orientation}.pdf"
    build_report(analysis, out, sections=["roadmap", "gantt", "stage-timeline"], orientation=orientation)
    return list(PdfReader(out).pages)


def test_a_small_plans_roadmap_takes_its_landscape_page(tmp_path: Path) -> None:
    pages = _report(tmp_path, "landscape")
    first = _lines(pages[0])
    assert not any(t == "Gantt chart" for _, _, t in first)  # the Gantt does not fit under it: its own page
    height = float(pages[0].mediabox.height)
    body = [y for y, _, t in first if not t.startswith("Page ") and y < height - 40]
    assert max(body) > 0.7 * height, max(body)  # the legend in the page's lower part, not at 63 %
    lanes = [size for _, size, t in first if t == "Architecture"]
    assert lanes and min(lanes) >= 9.0, lanes  # the type enlarged (7.5 pt before)


def test_where_the_gantt_fits_under_it_the_roadmap_keeps_its_size(tmp_path: Path) -> None:
    pages = _report(tmp_path, "portrait")
    first = _lines(pages[0])
    assert any(t == "Gantt chart" for _, _, t in first)
    lanes = [size for y, size, t in first if t == "Architecture"]
    assert lanes and max(lanes) < 8.0, lanes
