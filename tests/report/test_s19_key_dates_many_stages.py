"""The executive summary's key dates on plans of 17 stages and more.

Before, the key-dates block of a plan with 24 stages filled the landscape page's second column and the validation
line under it fell onto a third page of its own; with 40 stages the block left the first column's rest empty and
ran onto the next page; a summary of 15 to 24 stages in portrait pushed the table to a second page. Now the table
takes compact rows when its usual ones do not fit, the validation line comes before it (nothing follows the table
that could fall onto a page alone), and a table taller than a column starts under the text and continues under
its header repeated, its heading never alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.model import plan_from_dict
from tests.report.test_s18_polish_key_dates import _runs
from tests.report.test_s19_summary_alone import summary_pdf
from tests.unseen_plans import _base, _d, _stages


def many_stages(n: int) -> dict[str, Any]:
    """``n`` stages of one decision each, in a chain, with a risk (P-dates in the key dates)."""
    stages = _stages(*(f"Stage {k + 1}" for k in range(n)))
    ds = [_d(f"d{k}", stages[k]["id"], 1 + k % 3, title=f"Work of stage {k + 1}") for k in range(n)]
    deps = [{"from": f"d{k}", "to": f"d{k + 1}"} for k in range(n - 1)]
    risks = [{"id": "r1", "title": "Vendor late", "probability": 0.4, "impact": 2, "decisions": ["d0"]}]
    return _base(
        f"{n} stages", start_date="2027-01-04", stages=stages, decisions=ds, dependencies=deps, risks=risks
    )


def _summary(n: int, orientation: str, tmp_path: Path) -> tuple[list[list[tuple[str, float, float]]], Any]:
    plan = plan_from_dict(many_stages(n), f"<{n} stages>")
    return _runs(summary_pdf(plan, orientation, tmp_path)), plan


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("n", [17, 24])
def test_key_dates_of_17_and_24_stages_fit_the_summary_page(n: int, orientation: str, tmp_path: Path) -> None:
    pages, plan = _summary(n, orientation, tmp_path)
    assert len(pages) == 1
    texts = [t for t, _, _ in pages[0]]
    for s in plan.stages:
        assert texts.count(s.name) == 1
    assert "Finish P80 (simulated)" in texts and any(t.startswith("Validation:") for t in texts)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("n", [17, 24, 40, 60])
def test_key_dates_continue_cleanly(n: int, orientation: str, tmp_path: Path) -> None:
    pages, plan = _summary(n, orientation, tmp_path)
    rows = [s.name for s in plan.stages] + ["Finish", "Finish P50 (simulated)", "Finish P80 (simulated)"]
    seen: list[str] = []
    for runs in pages:
        texts = [t for t, _, _ in runs]
        # every page of the summary carries rows of the table or its text: none holds a stray line alone
        assert any(t in rows for t in texts) or "Executive summary" in texts
        for t, x, y in runs:
            if t == "Key dates":  # the heading, with the table's header and at least three rows under it
                under = [r for r, rx, ry in runs if r in rows and ry < y and abs(rx - x) < 20]
                assert len(under) >= 3, (n, orientation, under)
        headers = [t for t in texts if t.startswith("Overlapping stages")]
        body_rows = [t for t in texts if t in rows]
        if body_rows:  # the table, or its continuation, under its header (repeated in each column it fills)
            assert headers
        seen += body_rows
    assert seen == rows  # each row once, in order
    # a block taller than a column starts under the text: the summary takes as few pages as its rows need
    if n == 40 and orientation == "landscape":
        assert len(pages) == 1  # the first column's rest and the second column
