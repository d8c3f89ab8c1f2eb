"""The executive summary's key-dates table stays whole, under its heading, in one column of the landscape page.
Before, on a plan with many stages (the seven-stages shape) it split over the two columns: Discover to Launch
under 'Key dates' in the first, Grow and the finish rows (under a repeated header) at the top of the second."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import load_plan, plan_from_dict
from planner.report import build_report
from tests.unseen_plans import STRESS_SHAPES

ROOT = Path(__file__).resolve().parents[2]


def _runs(path: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's text runs with their x and y (points)."""
    pages = []
    for page in PdfReader(path).pages:
        runs: list[tuple[str, float, float]] = []

        def visit(text: str, cm: Any, tm: Any, *_: Any, runs: list[tuple[str, float, float]] = runs) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((text.strip(), x, y))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize("name", ["seven-stages", "ai-portfolio", "bank-assistant"])
def test_key_dates_table_is_whole_in_one_column_under_its_heading(name: str, tmp_path: Path) -> None:
    plan = (
        plan_from_dict(STRESS_SHAPES[name](), f"<{name}>")
        if name in STRESS_SHAPES
        else load_plan(ROOT / "sample_plans" / f"{name}.plan.json")
    )
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, sections=["cover", "summary"], simulation=simulate(plan, 200, seed=1))
    pages = _runs(out)
    assert len(pages) == 2  # the cover, and the summary on one page
    runs = pages[1]
    width = float(PdfReader(out).pages[1].mediabox.width)
    heading = [(x, y) for t, x, y in runs if t == "Key dates"]
    assert len(heading) == 1
    hx, hy = heading[0]
    names = [s.name for s in plan.stages] + ["Finish", "Finish P50 (simulated)", "Finish P80 (simulated)"]
    rows = []
    for n in names:
        found = [(x, y) for t, x, y in runs if t == n and y < hy]  # under the heading
        assert found, n  # every row under the heading: none went to the other column's top
        rows.append(found[-1])
    assert all((x < width / 2) == (hx < width / 2) for x, _ in rows)  # the heading's column
    ys = [y for _, y in rows]
    assert ys == sorted(ys, reverse=True)  # in order, top to bottom
    header = [t for t, _, _ in runs if t.startswith("Overlapping stages")]
    assert len(header) == 1  # one header: the table was not split (a split repeats it)
